"""The house number format (CONVENTIONS.md): US$300B, US$1.4T, ¥10T, 10 GW, 130 kW, 1.35T tokens, 62%, 16 pp."""
import pytest

from compute_ledger.evidence.fmt import format_figure, format_range, format_value, join_names, significant


@pytest.mark.parametrize("value, unit, text", [
    (300e9, "USD", "US$300B"), (1.4e12, "USD", "US$1.4T"), (10e12, "JPY", "¥10T"), (10, "GW", "10 GW"),
    (130, "kW", "130 kW"), (1.35e12, "tokens", "1.35T tokens"), (62, "percent", "62%"),
    (16, "percentage_points", "16 pp"), (13.125e9, "USD", "US$13.1B"), (200_000, "GPUs", "200,000 GPUs"),
    (160e6, "shares", "160M shares"), (2030, "calendar_year", "2030"), (4.5, "GW", "4.5 GW"), (10, "times", "10×"),
])
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_one_unit_of_time_is_singular():
    assert (format_value(1, "years"), format_value(1, "months"), format_value(2, "years")) == ("1 year", "1 month", "2 years")


def test_ranges_keep_both_ends_and_state_the_unit_once():
    assert format_range(800e9, 900e9, "tokens") == "800B–900B tokens"
    assert format_range(50e9, 100e9, "USD") == "US$50B–100B"


@pytest.mark.parametrize("args, text", [
    ((300e9, None, "USD", "up_to"), "up to US$300B"),
    ((36e9, None, "USD", "over"), "over US$36B"),
    ((10, None, "GW", "at_least"), "at least 10 GW"),
    ((1e9, None, "USD", "several"), "US$ billions"),
    ((1e8, None, "users", "several"), "hundreds of millions of users"),
    ((200e3, 300e3, "GPUs", "range"), "200,000–300,000 GPUs"),
])
def test_qualifiers_are_kept(args, text):
    assert format_figure(*args) == text


def test_significant_digits():
    assert significant(153.846) == "154"
    assert significant(0.6251, 2) == "0.63"
    assert significant(13125) == "13,125"


def test_power_of_ten():
    from compute_ledger.evidence.fmt import power_of_ten

    assert (power_of_ten(1e4), power_of_ten(1e8), power_of_ten(1e12)) == ("10⁴", "10⁸", "10¹²")
    with pytest.raises(ValueError):
        power_of_ten(3e4)


def test_join_names():
    assert join_names(["xAI"]) == "xAI" and join_names(["xAI", "Google"]) == "xAI and Google"
    assert join_names(["xAI", "Google", "Anthropic"]) == "xAI, Google and Anthropic"
    assert join_names([]) == "" and join_names([], "none") == "none"
