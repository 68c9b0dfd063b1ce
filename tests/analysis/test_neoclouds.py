"""The neoclouds chapter: contracts, concentration, case-study gaps and the GPU payback model.

Expected values are worked by hand in the comments; none is copied from the code's output.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import replace

import pytest
import vl_convert as vlc

from compute_ledger.analysis import neoclouds as n
from compute_ledger.analysis.derived import per_year
from compute_ledger.charts import neoclouds as charts
from compute_ledger.evidence.tables import assumption

# The worked example of the chapter: US$40,000 GPU, US$2.5 an hour, 70% rented, 30% operating costs.
CENTRAL = n.PaybackInputs(capex=40_000, hour_price=2.5, utilisation=70, opex_share=30, useful_life=4,
                          free_years=1, recovery=100, repayment_years=2)


# --- The payback arithmetic ----------------------------------------------------------------------------

def test_revenue_opex_and_net_cash_per_gpu_year():
    assert n.HOURS_PER_YEAR == 8760                                          # 365 × 24
    assert n.revenue_per_gpu_year(2.5, 70) == pytest.approx(15_330)          # 2.5 × 8,760 × 0.70
    assert n.opex_per_gpu_year(2.5, 70, 30) == pytest.approx(4_599)          # 15,330 × 0.30
    assert n.net_cash_per_gpu_year(2.5, 70, 30) == pytest.approx(10_731)     # 15,330 − 4,599


def test_simple_payback():
    assert n.payback_years(40_000, 10_731) == pytest.approx(3.7275, abs=1e-4)  # 40,000 / 10,731
    assert n.payback_years(40_000, 0) == math.inf                                 # no net cash, no payback


def test_free_window_with_full_repayment_leaves_undiscounted_payback_unchanged():
    # Hole at the end of the free year: 40,000 + 1 × 4,599 = 44,599.
    # While repaying: 10,731 + 1.00 × 1 × 15,330 / 2 = 18,396 a year; 44,599 / 18,396 = 2.42 > 2-year term,
    # so after the term 44,599 − 2 × 18,396 = 7,807 remain; 7,807 / 10,731 = 0.7275.
    # Payback = 1 + 2 + 0.7275 = 3.7275 years, the same as paid from month one (no discounting).
    assert n.payback_with_free_window(CENTRAL) == pytest.approx(3.7275, abs=1e-4)


def test_free_window_never_repaid():
    # Nothing repaid: 44,599 / 10,731 = 4.1561 years after the free year; 1 + 4.1561 = 5.1561 years.
    assert n.payback_with_free_window(replace(CENTRAL, recovery=0)) == pytest.approx(5.1561, abs=1e-4)


def test_free_window_repaid_slowly_pays_back_during_the_repayment_term():
    # Four-year term: 10,731 + 15,330 / 4 = 14,563.5 a year; 44,599 / 14,563.5 = 3.0624 ≤ 4,
    # so payback = 1 + 3.0624 = 4.0624 years: past a four-year useful life even though every fee is repaid.
    assert n.payback_with_free_window(replace(CENTRAL, repayment_years=4)) == pytest.approx(4.0624, abs=1e-4)


def test_no_free_window_reduces_to_simple_payback():
    assert n.payback_with_free_window(CENTRAL.with_free_window(0)) == pytest.approx(40_000 / 10_731)


def test_monthly_cash_series():
    cash = n.cumulative_cash(CENTRAL, 48)
    assert cash[0] == -40_000                                        # the purchase
    assert cash[12] == pytest.approx(-44_599)                        # 40,000 + 12 × 383.25 opex, no revenue
    assert cash[48] == pytest.approx(2_924)                          # −40,000 + 4 × 10,731 (fees fully repaid by month 36)
    paid = n.cumulative_cash(CENTRAL.with_free_window(0), 12)
    assert paid[12] == pytest.approx(-29_269)                        # −40,000 + 10,731


@pytest.mark.parametrize("inputs", [CENTRAL, replace(CENTRAL, recovery=0), replace(CENTRAL, repayment_years=4),
                                    replace(CENTRAL, recovery=50, repayment_years=1), CENTRAL.with_free_window(0)])
def test_closed_form_payback_is_where_the_monthly_series_crosses_zero(inputs):
    months = n.payback_with_free_window(inputs) * 12
    cash = n.cumulative_cash(inputs, math.ceil(months) + 1)
    before, after = math.floor(months), math.ceil(months)
    assert cash[before] <= 1e-6 and cash[after] >= -1e-6
    crossing = before + (-cash[before]) / (cash[after] - cash[before]) if after > before else before
    assert crossing == pytest.approx(months, abs=1e-6)


def test_cash_at_end_of_life_and_credit_exposure():
    assert n.cash_at_end_of_life(CENTRAL) == pytest.approx(2_924)                       # −40,000 + 4 × 10,731
    assert n.cash_at_end_of_life(replace(CENTRAL, recovery=0)) == pytest.approx(-12_406)  # −44,599 + 3 × 10,731
    assert n.deferred_fees(CENTRAL) == pytest.approx(15_330)                            # one year of fees


def test_central_case_comes_from_the_assumptions_and_the_free_window_from_the_source():
    p = n.payback_inputs()
    assert p.capex == assumption("gpu_capex")["value"]
    assert p.hour_price == assumption("gpu_hour_price")["value"]
    assert p.free_years == 1                                         # 首年, F003-11
    ranges = n.parameter_ranges()
    assert set(ranges.index) == set(n.PAYBACK_ASSUMPTIONS)
    assert (ranges["low"] <= ranges["value"]).all() and (ranges["value"] <= ranges["high"]).all()


def test_sensitivity_ranks_price_first():
    table = n.sensitivity(CENTRAL, n.parameter_ranges())
    price = table.set_index("field").loc["hour_price"]
    # US$1: 1 × 8,760 × 0.7 × 0.7 = 4,292.4 a year → 40,000 / 4,292.4 = 9.3188 years.
    # US$5: 21,462 a year → 1.8638 years.
    assert price["payback_at_low"] == pytest.approx(9.3188, abs=1e-4)
    assert price["payback_at_high"] == pytest.approx(1.8638, abs=1e-4)
    assert table.iloc[0]["field"] == "hour_price"                    # spread 7.46 years, the widest
    recovery = table.set_index("field").loc["recovery"]
    assert recovery["payback_at_low"] == pytest.approx(5.1561, abs=1e-4)    # nothing repaid
    assert recovery["payback_at_high"] == pytest.approx(3.7275, abs=1e-4)   # all repaid


# --- Contracts, concentration and case-study shares ----------------------------------------------------

def test_coreweave_parts_against_the_stated_floor():
    week = n.coreweave_week().set_index("kind")
    assert week.loc["derived", "value"] == pytest.approx(36.6e9)      # 22.4 + 14.2
    assert week.loc["stated floor", "printed"] == "over US$36B"
    assert n.headroom_over_floor([22.4e9, 14.2e9], 36e9) == pytest.approx(0.6e9)   # 36.6 − 36
    check = n.coreweave_check()
    assert bool(check["consistent"]) and check["computed"] == "US$36.6B"


def test_openai_share_of_stated_contract_value_keeps_oracle_a_ceiling():
    contracts = n.provider_contracts()
    # Oracle up to 300 [0, 300] + CoreWeave 22.4 (OpenAI) + 14.2 (Meta): the total is [36.6, 336.6].
    total = n.stated_contract_value(contracts)
    assert (total.low, total.high) == (pytest.approx(36.6e9), pytest.approx(336.6e9))
    # OpenAI's share runs from 22.4 / 36.6 = 61.20% (no Oracle money) to 322.4 / 336.6 = 95.78% (all of it).
    share = n.customer_share(contracts, "openai")
    assert (share.low, share.high) == (pytest.approx(22.4 / 36.6), pytest.approx(322.4 / 336.6))
    numbers = n.prose_numbers()
    assert numbers["neoclouds_openai_share"] == "between 61.2% and 95.8%"
    assert numbers["neoclouds_stated_total"] == "between US$36.6B and US$337B"
    # CoreWeave alone has no ceiling in it: 22.4 / 36.6 = 61.20%, a point.
    assert numbers["neoclouds_openai_share_coreweave"] == "61.2%"
    # Unvalued deals stay unvalued (Nebius–Microsoft, CoreWeave–Google, CoreWeave–Microsoft).
    assert contracts["value"].isna().sum() == 3
    assert per_year(300e9, 5) == pytest.approx(60e9)                 # 300 / 5


def test_case_study_gaps_keep_stated_and_computed_apart():
    gaps = n.case_study_gaps().set_index("label")
    assert gaps.loc["Microsoft, computed", "gap"] == 33              # 62 − 29
    assert gaps.loc["Microsoft, stated", "gap"] == 16                # as printed
    assert gaps.loc["AWS, stated", "gap"] == -3                      # 3 pp below
    assert math.isnan(gaps.loc["Google, stated", "gap"])             # no number in the source


def test_business_models_cite_real_claims_and_name_who_bears_the_risk():
    table = n.business_models().set_index("Model")
    assert table.loc["Chip supplier (Nvidia)", "Margin profile"] == "Gross margin up to 75%"
    assert table.loc["Short-term rental", "Main risk"].startswith("New chip generations")
    assert list(table.columns) == ["Revenue", "Margin profile", "Main risk", "Who bears it", "Claims"]


# --- The live chart computes what the model computes ---------------------------------------------------

def _payback_chart():
    return charts.payback(n.payback_inputs(), n.parameter_ranges(), n.payback_basis())


def _sensitivity_chart():
    p, ranges = n.payback_inputs(), n.parameter_ranges()
    return charts.sensitivity(n.sensitivity(p, ranges), n.payback_with_free_window(p.with_free_window(0)), p.useful_life,
                              ranges.loc["useful_life", "low"], ranges.loc["useful_life", "high"], n.payback_basis())


def _texts(spec: dict, **values) -> str:
    spec = copy.deepcopy(spec)
    for signal in spec["signals"]:
        if signal["name"] in values:
            signal["value"] = values[signal["name"]]
    svg = vlc.vega_to_svg(spec)
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


# Each slider's min and max, as data/assumptions.csv gives its assumption's low and high (read off the file).
SLIDER_RANGES = {
    "gpu_capex": ("gpu_capex", 25_000, 60_000),
    "gpu_hour_price": ("gpu_hour_price", 1, 5),
    "gpu_utilisation": ("gpu_utilisation", 30, 95),
    "gpu_opex_share": ("gpu_opex_share", 15, 50),
    "gpu_useful_life": ("gpu_useful_life", 2, 6),
    "free_year_recovery": ("neoclouds_deferred_fee_recovery", 0, 100),
    "free_year_repayment_years": ("neoclouds_deferred_repayment_years", 1, 4),
}


def test_each_slider_spans_exactly_its_assumptions_low_to_high():
    signals = {s["name"]: s for s in _payback_chart().vega_spec()["signals"] if "bind" in s}
    assert set(signals) == set(SLIDER_RANGES)                       # one slider per assumption, no other
    for name, (aid, low, high) in SLIDER_RANGES.items():
        row = assumption(aid)
        assert (row["low"], row["high"]) == (low, high)             # the table still says what was read by hand
        assert signals[name]["bind"]["min"] == row["low"]
        assert signals[name]["bind"]["max"] == row["high"]
        assert signals[name]["value"] == row["value"]               # and starts at the central value


def test_payback_chart_says_every_slider_is_an_assumption_and_the_window_is_patels():
    spec = _payback_chart().chart.to_dict()
    footer = " ".join(spec["title"]["text"])
    assert "every slider is a row of data/assumptions.csv" in footer
    for text in ("GPU cost US$25,000–60,000", "price per GPU-hour US$1–5", "utilization 30–95%",
                 "opex (% of revenue) 15–50%", "useful life 2–6 years", "free-year fees repaid 0–100%",
                 "repayment term 1–4 years"):                      # the ranges of SLIDER_RANGES, as printed
        assert text in footer
    assert "only the free window's length, 首年 (the first year), comes from the Best Partners host's summary of Patel (F003-11)" in footer
    assert "every slider is an assumption" in spec["vconcat"][0]["title"]["subtitle"]


def test_payback_basis_marks_every_parameter_an_assumption_and_the_window_reported():
    basis = n.payback_basis()
    assert set(basis) == set(n.PAYBACK_ASSUMPTIONS) | {"free_years"}
    assert all(basis[f].rests_on_assumption for f in n.PAYBACK_ASSUMPTIONS)
    assert basis["free_years"].status == "reported" and basis["free_years"].low == 1   # 首年, one year
    assert basis["capex"].low == basis["capex"].high == 40_000                          # the central value, a point


def test_chart_titles_say_they_rest_on_the_assumptions():
    # 40,000 / 10,731 × 12 = 44.73 months, inside 4 × 12 = 48.
    assert _payback_chart().chart.to_dict()["vconcat"][0]["title"]["text"] == (
        "Under the book's assumptions, a rented GPU pays back in 44.7 months, inside its 48-month life")
    # Price US$5 → 1.8638 years, US$1 → 9.3188 years (test_sensitivity_ranks_price_first); the label lower-cased mid-sentence.
    assert _sensitivity_chart().chart.to_dict()["vconcat"][0]["title"]["text"] == (
        "Under the book's assumptions, price per GPU-hour moves payback most: 1.86 to 9.32 years")


def test_chart_prints_the_central_payback():
    text = _texts(_payback_chart().vega_spec())
    # Each row of the panel: scenario, payback, cash at the end of the useful life.
    assert "Paid from month one 44.7 months US$2,924" in text               # 3.7275 × 12; −40,000 + 4 × 10,731
    assert "First year free, 100% repaid over 2 years 44.7 months US$2,924" in text


@pytest.mark.parametrize("values, expected", [
    ({"free_year_recovery": 0}, "0% repaid over 2 years 61.9 months −US$12,406"),   # 5.1561 × 12; −44,599 + 3 × 10,731
    ({"free_year_repayment_years": 4}, "repaid over 4 years 48.7 months"),          # 4.0624 × 12 = 48.75
    ({"gpu_hour_price": 1}, "Paid from month one 112 months −US$22,830"),           # 9.3188 × 12; −40,000 + 4 × 4,292.4
    ({"gpu_useful_life": 6}, "end of useful life (72 months)"),                     # 6 × 12
])
def test_chart_recomputes_when_sliders_move(values, expected):
    assert expected in _texts(_payback_chart().vega_spec(), **values)


def test_prose_numbers_are_the_models_numbers_in_the_house_format():
    prose = n.prose_numbers()
    assert all(name.startswith("neoclouds_") for name in prose)
    assert prose["neoclouds_revenue"] == "US$15,330"          # 2.5 × 8,760 × 0.70
    assert prose["neoclouds_net"] == "US$10,731"              # 15,330 × 0.70
    assert prose["neoclouds_payback_years"] == "3.73 years"   # 40,000 / 10,731
    assert prose["neoclouds_never_cash_end"] == "−US$12,406"  # −44,599 + 3 × 10,731
    assert prose["neoclouds_ms_gap_computed"] == "33 pp"      # 62 − 29
    assert prose["neoclouds_ms_implied_case"] == "45%"        # 29 + 16
    assert prose["neoclouds_cw_headroom"] == "US$600M"        # 36.6B − 36B
    assert prose["neoclouds_oracle_per_year"] == "at least US$60B a year"  # 300B / (0, 5] years


def test_verdict_words_follow_the_numbers_not_the_page():
    # 3.73 years against 4: 0.27 years short of the end, within 10% of it (0.4 years)
    assert n.payback_against_life(3.73, 4) == "inside, but only just,"
    assert n.payback_against_life(2.0, 4) == "well inside" and n.payback_against_life(4.5, 4) == "beyond"
    assert n.cash_at_end_words(2924) == "having returned US$2,924 more than it cost"
    assert n.cash_at_end_words(-12406) == "still US$12,406 short of what it cost"
    prose = n.prose_numbers()
    # central case: 40,000 / 10,731 = 3.73 years; 4 × 10,731 − 40,000 = 2,924 at the end of a 4-year life
    assert prose["neoclouds_payback_against_life"] == "inside, but only just,"
    assert prose["neoclouds_cash_end_words"] == "having returned US$2,924 more than it cost"
    # US$1 an hour gives 9.32 years and 30% utilization 8.7 years, both beyond 4; a 2-year life is below 3.73
    assert prose["neoclouds_sens_beyond_life"] == "The slow end of the price and utilization ranges lies beyond"
    assert prose["neoclouds_shortest_life_words"] == "even the central case does not pay back"


def test_parameter_table_lists_every_assumption_and_the_reported_window():
    table = n.parameter_table().set_index("Parameter")
    assert table.loc["GPU capital cost", "Range explored"] == "US$25,000–60,000"   # gpu_capex low–high
    assert table.loc["Useful life", "Central value"] == "4 years"
    assert table.loc["Free window (首年, first year)", "Central value"] == "1 year"  # F003-11
    assert table["Basis"].str.startswith("Assumption ").sum() == len(n.PAYBACK_ASSUMPTIONS)
