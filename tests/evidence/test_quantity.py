"""Bounded quantities: intervals, units and words, each case worked by hand."""
import math

import pytest

from compute_ledger.evidence.fmt import format_bounded
from compute_ledger.evidence.quantity import Bounded, UnitError, exact, from_assumption, from_figure, leader, shares, unit_of
from compute_ledger.evidence.tables import assumed, bounded


def figure(value, unit, qualifier, high=None, figure_id="F-test"):
    return from_figure({"value_low": value, "value_high": high, "unit": unit, "qualifier": qualifier}, figure_id)


def test_up_to_divided_by_at_least_is_a_ceiling():
    # up to US$100B over at least 10 GW: [0, 100B] / [10, ∞) = [0, 10B] per GW
    per_gw = figure(100e9, "USD", "up_to") / figure(10, "GW", "at_least")
    assert (per_gw.low, per_gw.high, per_gw.unit) == (0.0, 10e9, unit_of("USD_per_GW"))
    assert per_gw.bound == "at_most"
    assert format_bounded(per_gw) == "at most US$10B per GW"


def test_up_to_divided_by_exact_years_is_at_most_a_year():
    # up to US$300B over exactly 5 years: [0, 300B] / [5, 5] = [0, 60B] a year
    average = figure(300e9, "USD", "up_to") / figure(5, "years", "exact")
    assert (average.low, average.high) == (0.0, 60e9)
    assert format_bounded(average) == "at most US$60B a year"


def test_exact_total_within_five_years_is_a_floor_and_up_to_within_is_nothing():
    # 五年內 = (0, 5] years. US$300B / (0, 5] = [60B, ∞); up to US$300B / (0, 5] = [0, ∞)
    within = figure(5, "years", "up_to")
    assert (within.low, within.high) == (0.0, 5.0)
    floor = figure(300e9, "USD", "exact") / within
    assert (floor.low, floor.high) == (60e9, math.inf)
    assert format_bounded(floor) == "at least US$60B a year"
    nothing = figure(300e9, "USD", "up_to") / within
    assert nothing.bound == "unbounded" and format_bounded(nothing) == "unbounded"


def test_about_times_about_is_about():
    # about 1.35T tokens × about 2: a point, still approximate
    product = figure(1.35e12, "tokens", "about") * figure(2, "times", "about")
    assert (product.low, product.high, product.approximate) == (2.7e12, 2.7e12, True)
    assert format_bounded(product) == "about 2.7T tokens"


def test_range_minus_exact_is_a_range():
    # US$800B–900B − US$500B = US$300B–400B
    difference = figure(800e9, "USD", "range", high=900e9) - figure(500e9, "USD", "exact")
    assert (difference.low, difference.high) == (300e9, 400e9)
    assert format_bounded(difference) == "between US$300B and US$400B"


def test_floor_over_floor_bounds_nothing():
    # at least US$60B / over US$10B: [60B, ∞) / [10B, ∞) = [0, ∞), a floor over a floor
    bill = figure(60e9, "USD", "at_least")
    revenue = figure(10e9, "USD", "over")
    ratio = bill / revenue
    assert (ratio.low, ratio.high, ratio.unit) == (0.0, math.inf, ())
    assert ratio.bound == "unbounded" and format_bounded(ratio) == "unbounded"


def test_shares_of_about_values_and_a_range_are_about_ranges():
    # about 1.35T, 0.8T–0.9T, about 0.7T: xAI 1.35/(1.35+0.9+0.7) = 45.76% to 1.35/(1.35+0.8+0.7) = 47.37%
    parts = {"xai": figure(1.35e12, "tokens", "about"), "google": figure(0.8e12, "tokens", "range", high=0.9e12),
             "anthropic": figure(0.7e12, "tokens", "about")}
    split = shares(parts)
    assert split["xai"].low == pytest.approx(1.35 / 2.95) and split["xai"].high == pytest.approx(1.35 / 2.85)
    assert split["google"].low == pytest.approx(0.8 / 2.85) and split["google"].high == pytest.approx(0.9 / 2.95)
    assert format_bounded(split["xai"], "percent") == "between about 45.8% and 47.4%"
    assert split["xai"].status == "derived" and split["xai"].basis == ("F-test",)


def test_share_of_a_ceiling_against_exact_parts_runs_from_the_parts_alone():
    # up to 300 beside exactly 36.6: the ceiling's share runs from 0 to 300/336.6, the exact part's from 36.6/336.6 to 1
    split = shares({"oracle": figure(300, "USD", "up_to"), "coreweave": figure(36.6, "USD", "exact")})
    assert (split["oracle"].low, split["oracle"].high) == (0.0, pytest.approx(300 / 336.6))
    assert (split["coreweave"].low, split["coreweave"].high) == (pytest.approx(36.6 / 336.6), 1.0)
    assert format_bounded(split["oracle"], "percent") == "at most 89.1%"


def test_shares_of_exact_parts_are_exact_and_add_up():
    split = shares({"p": figure(1, "USD", "exact"), "q": figure(3, "USD", "exact")})     # 1/4 and 3/4
    assert (split["p"].low, split["p"].high, split["q"].low) == (0.25, 0.25, 0.75)
    assert format_bounded(split["q"], "percent") == "75%"


def test_shares_refuse_mixed_units():
    with pytest.raises(UnitError):
        shares({"a": figure(1, "USD", "exact"), "b": figure(1, "GW", "exact")})


def test_percent_figures_are_shares_and_print_back_as_percent():
    # up to 75% of US$35B: [0, 26.25B]
    profit = figure(35e9, "USD", "exact") * figure(75, "percent", "up_to")
    assert (profit.low, profit.high) == (0.0, 26.25e9)
    share = figure(62, "percent", "exact") - figure(29, "percent", "exact")
    assert format_bounded(share, "percentage_points") == "33 pp"


def test_mixing_units_fails_loudly():
    with pytest.raises(UnitError, match="cannot add USD and GW"):
        figure(1e9, "USD", "exact") + figure(1, "GW", "exact")
    with pytest.raises(UnitError, match="label, not a quantity"):
        figure(2030, "calendar_year", "exact")
    with pytest.raises(UnitError, match="cannot be printed in percent"):
        format_bounded(figure(1e9, "USD", "exact"), "percent")


def test_status_and_basis_travel():
    reported = figure(300e9, "USD", "exact", figure_id="F1") / figure(5, "years", "exact", figure_id="F2")
    assert (reported.status, reported.basis) == ("derived", ("F1", "F2"))
    rate = from_assumption({"value": 150, "unit": "JPY_per_USD", "low": 140, "high": 160}, "fx")
    assert (rate.low, rate.high, rate.status) == (140, 160, "assumption")
    usd = figure(10e12, "JPY", "up_to", figure_id="F3") / rate
    assert usd.status == "assumption" and usd.basis == ("F3", "fx") and usd.unit == unit_of("USD")
    assert format_bounded(usd) == "at most US$71.4B"   # ¥10T / ¥140 per US$


def test_several_and_order_of_span_a_decade_and_are_approximate():
    several = figure(1e9, "USD", "several")
    assert (several.low, several.high, several.approximate) == (1e9, 10e9, True)
    assert format_bounded(several) == "between about US$1B and US$10B"


def test_a_bad_interval_or_status_is_refused():
    with pytest.raises(ValueError, match="low end above"):
        Bounded(2.0, 1.0, ())
    with pytest.raises(ValueError, match="status"):
        exact(1.0, "USD", status="guess")


def test_loaded_from_the_data():
    assert format_bounded(bounded("F003-03") / bounded("F003-04")) == "at most US$10B per GW"
    rate = assumed("jpy_per_usd")
    assert (rate.low, rate.high) == (140, 160)
    assert assumed("jpy_per_usd", central=True).low == 150


def test_leads_needs_every_value_above_every_rival():
    tokens = {"A": Bounded(1.35e12, 1.35e12, ()), "B": Bounded(8e11, 9e11, ()), "C": Bounded(0.0, 1.4e12, ())}
    assert leader(tokens) is None                       # C could exceed A
    del tokens["C"]
    assert leader(tokens) == "A"
