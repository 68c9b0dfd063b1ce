"""Consistency checks: the arithmetic by hand, and the verdicts on the real figures."""
import pytest

from compute_ledger.evidence.checks import consistency_checks, implied_rate, parts_total, relative_gap, within


def test_arithmetic():
    assert parts_total([22.4e9, 14.2e9]) == pytest.approx(36.6e9)
    assert implied_rate(10e12, 65e9) == pytest.approx(153.846, rel=1e-5)   # ¥10T / US$65B
    assert relative_gap(13.125e9, 10e9) == pytest.approx(0.3125)
    assert within(153.8, 150, 10 / 150) and not within(165, 150, 10 / 150)


@pytest.fixture(scope="module")
def checks():
    return consistency_checks().set_index("check_id")


@pytest.mark.parametrize("check_id, consistent, computed", [
    ("coreweave-parts", True, "US$36.6B"),          # 22.4 + 14.2 = 36.6 > 36
    ("japan-fx", True, "154 ¥ per US$"),            # 10,000 / 65 = 153.8, inside 140–160
    ("microsoft-gap", False, "33 pp"),              # 62 − 29 = 33, not 16
    ("nvidia-half-gross-profit", True, "at most US$13.1B"),  # 35 × [0, 0.75] / 2 = [0, 13.125] holds ~10 (at 57%)
    ("nvidia-equity-per-gw", True, "at most US$10B per GW"),  # 100 / 10 = 10
    ("xai-debt-majority", True, "at most 62.5%"),           # 12.5 / 20
    ("nvidia-openai-10gw", False, "same number, opposite bounds"),  # up to vs at least
    ("oracle-contract", True, "US$300B"),
    ("niche-share", False, "US$50B"),               # 0.5% × 10T = 50B, not 'several billion'
    ("openrouter-lead", True, "1.5× Google's high end"),  # 1.35 / 0.9 = 1.5
    ("data-centre-cost", True, "US$50B"),
    ("silicon-intensity", True, "10% and 10% of revenue"),  # 100−85−5 = 10; 100−40−50 = 10
])
def test_verdicts_on_the_sources(checks, check_id, consistent, computed):
    assert bool(checks.loc[check_id, "consistent"]) is consistent
    assert checks.loc[check_id, "computed"] == computed


def test_every_check_names_its_inputs_and_a_finding(checks):
    assert checks.index.is_unique
    assert (checks["inputs"].str.contains(r"F\d{3}-\d{2}")).all()
    assert (checks["finding"].str.len() > 20).all()
