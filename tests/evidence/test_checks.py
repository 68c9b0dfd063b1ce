"""Consistency checks: the arithmetic by hand, and the verdicts on the real figures."""
import math

import pytest

from compute_ledger.evidence.checks import (ABOUT_TOLERANCE, MOST, compatible, consistency_checks, conversion_rate,
                                            implied_rate, leads, parts_total, relative_gap, within)
from compute_ledger.evidence.quantity import Bounded, UnitError, unit_of
from compute_ledger.evidence.fmt import format_bounded

USD = unit_of("USD")


def usd(low, high=None, approximate=False):
    return Bounded(low, low if high is None else high, USD, approximate)


def test_arithmetic():
    assert parts_total([22.4e9, 14.2e9]) == pytest.approx(36.6e9)
    assert implied_rate(10e12, 65e9) == pytest.approx(153.846, rel=1e-5)   # ¥10T / US$65B
    assert relative_gap(13.125e9, 10e9) == pytest.approx(0.3125)
    assert within(153.8, 150, 10 / 150) and not within(165, 150, 10 / 150)


@pytest.mark.parametrize("a, b, tolerance, expected", [
    (usd(36.6e9), usd(36e9, math.inf), 0, True),           # 36.6 lies in [36, ∞): 'over US$36B' holds
    (usd(50e9), usd(1e9, 10e9, True), 0, False),           # 50 is outside [1, 10]: not 'several billion'
    (usd(0, 13.125e9), usd(10e9, approximate=True), 0, True),  # 10 lies in [0, 13.125]
    (usd(0, 9.5e9), usd(10e9, approximate=True), 0, False),    # 10 is above a 9.5 ceiling
    (usd(0, 9.5e9), usd(10e9, approximate=True), 0.1, True),   # about 10 widened to [9, 11] reaches 9.5
    (usd(0, 8.5e9), usd(10e9, approximate=True), 0.1, False),  # [9, 11] does not reach 8.5
    (usd(0, 300e9), usd(300e9), 0, True),                   # a ceiling holds its own value
])
def test_compatible_intervals_worked_by_hand(a, b, tolerance, expected):
    assert compatible(a, b, tolerance) is expected
    assert compatible(b, a, tolerance) is expected  # symmetric


def test_compatible_ignores_float_noise_and_refuses_mixed_units():
    share = Bounded(1 - 0.85 - 0.05, 1 - 0.85 - 0.05, ())  # 0.09999999999999995
    other = Bounded(1 - 0.4 - 0.5, 1 - 0.4 - 0.5, ())      # 0.09999999999999998
    assert compatible(share, other)
    with pytest.raises(UnitError):
        compatible(usd(1), Bounded(1, 1, unit_of("GW")))


def test_a_lead_must_hold_across_the_whole_interval():
    tokens = unit_of("tokens")
    xai = Bounded(1.35e12, 1.35e12, tokens, True)
    google = Bounded(0.8e12, 0.9e12, tokens)
    assert leads(xai, [google])                                    # 1.35 > 0.9, the top of Google's range
    assert not leads(Bounded(0.85e12, 0.85e12, tokens), [google])  # 0.85 is inside 0.8–0.9: not a lead
    assert not leads(Bounded(1.0e12, math.inf, tokens), [Bounded(0.5e12, 2e12, tokens)])  # 1 < 2


def test_a_conversion_rate_is_a_point_as_exact_as_its_inputs():
    rate = conversion_rate(10e12, 65e9, "JPY_per_USD", True, ("F002-24", "F002-25"))
    assert rate.low == rate.high == pytest.approx(153.846, rel=1e-5)  # 10,000 / 65
    assert rate.approximate and rate.bound == "about" and rate.status == "derived"
    assert MOST.low == 0.5 and MOST.high == 1.0  # 'most': more than half, at most all


@pytest.fixture(scope="module")
def checks():
    return consistency_checks().set_index("check_id")


@pytest.mark.parametrize("check_id, consistent, computed", [
    ("coreweave-parts", True, "US$36.6B"),          # 22.4 + 14.2 = 36.6, inside [36, ∞)
    ("japan-fx", True, "about 154 ¥/US$"),          # 10,000 / about 65 = about 153.8, inside 140–160
    ("microsoft-gap", False, "33 pp"),              # 62 − 29 = 33, not 16
    ("nvidia-half-gross-profit", True, "at most US$13.1B"),  # 35 × [0, 0.75] / 2 = [0, 13.125] holds ~10 (at 57%)
    ("nvidia-equity-per-gw", True, "at most US$10B per GW"),  # [0, 100] / [10, ∞) = [0, 10]
    ("xai-debt-majority", True, "between 62.5% and 100%"),  # C002-16: 12.5 / [0, 20] = [0.625, ∞), capped: [0.625, 1] > 0.5
    ("nvidia-openai-10gw", False, "same number, opposite bounds"),  # up to vs at least
    ("oracle-contract", True, "US$300B"),           # 300 inside [0, 300]
    ("niche-share", False, "US$50B"),               # 0.5% × 10T = 50B, outside 'several billion' [1B, 10B]
    ("openrouter-lead", True, "about 1.5× Google's high end"),  # about 1.35 / 0.9 = about 1.5
    ("data-centre-cost", True, "US$50B"),           # 50 inside [50, 100]
    ("silicon-intensity", True, "10% and between 10% and 50% of revenue"),  # 100−85−5 = 10; 100−[0, 40]−50 = [10, 50]
])
def test_verdicts_on_the_sources(checks, check_id, consistent, computed):
    assert bool(checks.loc[check_id, "consistent"]) is consistent
    assert checks.loc[check_id, "computed"] == computed


@pytest.mark.parametrize("check_id, stated, computed", [
    ("coreweave-parts", (36e9, math.inf), (36.6e9, 36.6e9)),     # over US$36B; 22.4 + 14.2
    ("japan-fx", (140, 160), (10e12 / 65e9, 10e12 / 65e9)),      # assumed range; ¥10T / US$65B
    ("microsoft-gap", (0.16, 0.16), (0.33, 0.33)),               # 16 pp; 0.62 − 0.29
    ("nvidia-half-gross-profit", (10e9, 10e9), (0.0, 13.125e9)),  # about US$10B; 35 × [0, 0.75] × 0.5
    ("nvidia-equity-per-gw", (10e9, 10e9), (0.0, 10e9)),         # about US$10B per GW (the book's reading); [0, 100] / [10, ∞)
    ("xai-debt-majority", (0.5, 1.0), (0.625, 1.0)),             # 'most'; 12.5 / [0, 20], capped at the whole
    ("oracle-contract", (0.0, 300e9), (300e9, 300e9)),           # up to US$300B; US$300B
    ("niche-share", (1e9, 10e9), (50e9, 50e9)),                  # several billion; 10T × 0.005
    ("openrouter-lead", (800e9, 900e9), (1.35e12, 1.35e12)),     # Google's range; xAI's about 1.35T
    ("data-centre-cost", (50e9, 100e9), (50e9, 50e9)),
    ("silicon-intensity", (0.1, 0.1), (0.1, 0.5)),               # 1 − 0.85 − 0.05; 1 − [0, 0.4] − 0.5
])
def test_stated_and_computed_keep_their_intervals(checks, check_id, stated, computed):
    row = checks.loc[check_id]
    assert (row.stated_low, row.stated_high) == pytest.approx(stated)
    assert (row.computed_low, row.computed_high) == pytest.approx(computed)
    assert (row.stated_quantity.low, row.computed_quantity.high) == pytest.approx((stated[0], computed[1]))


def test_approximate_inputs_stay_approximate(checks):
    assert checks.loc["japan-fx", "computed_quantity"].approximate            # about US$65B
    assert checks.loc["japan-fx", "stated_quantity"].rests_on_assumption     # the reference rate is the book's
    assert checks.loc["niche-share", "stated_quantity"].approximate          # 數十億, several billion
    assert not checks.loc["coreweave-parts", "computed_quantity"].approximate


def test_a_check_on_bounds_alone_carries_no_quantity(checks):
    row = checks.loc["nvidia-openai-10gw"]
    assert row.stated_quantity is None and row.computed_quantity is None
    assert math.isnan(row.stated_low) and math.isnan(row.computed_high)


@pytest.mark.parametrize("check_id, words", [
    # about US$10B / (US$35B × 50%) = about 57%; about US$10B / (US$35B × 75%) = about 38%
    ("nvidia-half-gross-profit", ["at most US$26.25B of gross profit", "half is at most US$13.1B",
                                  "margin of about 57%", "it would be about 38%"]),
    ("japan-fx", ["implies about 154 ¥/US$", "reference rate is 150 ¥/US$",
                  "between 140 ¥/US$ and 160 ¥/US$, holds the implied rate"]),
    ("niche-share", ["is US$50B, between about 5× and 50×"]),    # 50 / [1, 10] = [5, 50]
    ("oracle-contract", ["The Best Partners host's US$300B (his own narration, C003-02) fits the Bloomberg-based "
                         "digest's up to US$300B, at its ceiling", "only the host gives a term"]),
    ("nvidia-openai-10gw", ["the Best Partners host, in his own narration (C003-03), says at least 10 GW"]),
    # C002-16: 12.5 / [0, 20] capped = [62.5%, 100%]; C002-06: [0, 12.5] / 20 = [0, 62.5%]; both: 62.5%
    ("xai-debt-majority", ["In the sentence that says 'most' (C002-16), debt of US$12.5B in a raise of up to US$20B is "
                           "between 62.5% and 100% of it", "so 'most' holds on its own sentence",
                           "up to US$12.5B of debt in a US$20B raise, gives at most 62.5%",
                           "the only share both sentences allow is 62.5%"]),
    # 1 − [0, 0.4] − 0.5 = [0.1, 0.5]; at the ceiling 1 − 0.4 − 0.5 = 0.1, the SaaS case's 10%
    ("silicon-intensity", ["whose margin is a best case (up to 40%), leaves between 10% and 50%",
                           "Only at the best case is it the same 10%"]),
])
def test_findings_carry_the_bounds(checks, check_id, words):
    for phrase in words:
        assert phrase in checks.loc[check_id, "finding"]


def test_the_stated_margins_are_the_figures_words(checks):
    assert checks.loc["silicon-intensity", "stated"] == "SaaS 85% margin, 5% compute; AI up to 40% margin, 50% compute"


def test_every_check_names_its_inputs_and_a_finding(checks):
    assert checks.index.is_unique and len(checks) == 12
    assert (checks["inputs"].str.contains(r"F\d{3}-\d{2}")).all()
    assert (checks["finding"].str.len() > 20).all()
    assert ABOUT_TOLERANCE == 0.1


# --- shares of a whole, the values two statements share, and 'most' ------------------------------------------

def test_a_share_of_a_whole_is_capped_at_all_of_it():
    from compute_ledger.evidence.checks import share_of_whole
    from compute_ledger.evidence.quantity import Bounded
    usd = (("USD", 1),)
    up_to_20, twenty = Bounded(0.0, 20e9, usd), Bounded(20e9, 20e9, usd)
    # 12.5 / [0, 20] = [0.625, ∞) by interval division; a part is never more than its whole: [0.625, 1]
    q = share_of_whole(Bounded(12.5e9, 12.5e9, usd), up_to_20)
    assert (q.low, q.high) == (0.625, 1.0) and q.unit == ()
    # [0, 12.5] / 20 = [0, 0.625]: below the cap, left alone
    q = share_of_whole(Bounded(0.0, 12.5e9, usd), twenty)
    assert (q.low, q.high) == (0.0, 0.625)


def test_intersection_keeps_what_both_statements_allow():
    from compute_ledger.evidence.checks import intersection
    from compute_ledger.evidence.quantity import Bounded
    a, b = Bounded(0.0, 0.625, (), basis=("F002-08",)), Bounded(0.625, 1.0, (), basis=("F002-22",))
    both = intersection(a, b)                                  # [max(0, 0.625), min(0.625, 1)] = [0.625, 0.625]
    assert (both.low, both.high) == (0.625, 0.625) and both.bound == "exact" and both.status == "derived"
    assert both.basis == ("F002-08", "F002-22")
    wide = intersection(Bounded(0.2, 0.8, ()), Bounded(0.5, 2.0, ()))   # [0.5, 0.8]
    assert (wide.low, wide.high) == (0.5, 0.8)
    with pytest.raises(ValueError):
        intersection(Bounded(0.0, 0.4, ()), Bounded(0.5, 1.0, ()))   # no shared value: both cannot be true


def test_most_needs_the_whole_interval_above_half():
    from compute_ledger.evidence.checks import is_majority
    from compute_ledger.evidence.quantity import Bounded
    assert is_majority(Bounded(0.625, 1.0, ()))          # at least 62.5%: every value above half
    assert not is_majority(Bounded(0.0, 0.625, ()))      # at most 62.5%: could be 10%
    assert not is_majority(Bounded(0.5, 0.5, ()))        # exactly half is not most


def test_xai_debt_shares_on_each_sentence_and_both():
    from compute_ledger.evidence.checks import xai_debt_shares
    shares = xai_debt_shares()
    # C002-06: up to 12.5 of 20 = [0, 0.625]; C002-16: 12.5 of up to 20 = [0.625, 1]; both: 0.625
    assert (shares["C002-06"].low, shares["C002-06"].high) == (0.0, 0.625)
    assert (shares["C002-16"].low, shares["C002-16"].high) == (0.625, 1.0)
    assert (shares["both"].low, shares["both"].high) == (0.625, 0.625)
    assert format_bounded(shares["both"], "percent") == "62.5%"
    assert set(shares["both"].basis) == {"F002-07", "F002-08", "F002-21", "F002-22"}
