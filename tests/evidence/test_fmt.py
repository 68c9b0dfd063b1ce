"""The house number format (CONVENTIONS.md): US$300B, US$1.4T, ¥10T, 10 GW, 130 kW, 1.35T tokens, 62%, 16 pp."""
import math

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
    # 數十兆美元: the base is 十兆 = 10 × 10^12 = 1e13, so tens (not units) of trillions
    ((1e13, None, "USD", "several"), "tens of trillions of US$"),
    # 數十億美元 is 數 × 十億 = several × 1e9: billions; 數百億美元 is several × 1e10: tens of billions
    ((1e10, None, "USD", "several"), "tens of billions of US$"),
    # 數百兆 = several × 1e14 = several × 100 × 10^12: hundreds of trillions
    ((1e14, None, "USD", "several"), "hundreds of trillions of US$"),
    ((1e12, None, "USD", "several"), "US$ trillions"),      # 數兆: several × 10^12
    ((1e6, None, "USD", "several"), "US$ millions"),        # 數百萬: several × 10^6
    ((1e9, None, "users", "several"), "billions of users"),  # 數十億用戶
    ((1e3, None, "companies", "several"), "thousands of companies"),    # 數千家: several × 10^3
    ((1e4, None, "GPUs", "several"), "tens of thousands of GPUs"),      # 數萬張卡: several × 10^4
    ((1e5, None, "GPUs", "several"), "hundreds of thousands of GPUs"),  # 幾十萬張: several × 10^5
    ((10, None, "days", "several"), "tens of days"),         # 數十天: several × 10
    ((1, None, "months", "several"), "several months"),      # 數月: several × 1
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


def test_magnitude_words_keep_the_decade_within_a_thousand():
    from compute_ledger.evidence.fmt import magnitude_words

    # 10^13 = 10 × 10^(3·4): 'tens' of the fourth power of a thousand (trillions); 10^8 = 100 × 10^(3·2)
    assert (magnitude_words(1e13), magnitude_words(1e8), magnitude_words(1e9)) == (
        "tens of trillions", "hundreds of millions", "billions")
    # a base of 1 (幾個月) names no magnitude; 5 is no power of ten
    assert magnitude_words(1) is None and magnitude_words(5) is None


def test_every_several_figure_in_the_ledger_prints_its_own_decade():
    """Each 數/幾 figure's printed words match its base: a base of 10 × 10^(3n) or 100 × 10^(3n) says 'tens of' or
    'hundreds of'; the base is read from the span's magnitude (數十兆 -> 1e13)."""
    from compute_ledger.evidence import tables

    rows = tables.figures()
    several = rows[rows.qualifier == "several"].set_index("figure_id")
    printed = {fid: tables.figure_text(fid) for fid in several.index}
    assert printed["F004-25"] == "tens of trillions of US$"      # 數十兆美元, base 1e13
    assert printed["F000-37"] == "hundreds of millions of users"  # 數億用戶, base 1e8
    assert printed["F000-29"] == "US$ trillions"                  # 數兆美元, base 1e12
    assert printed["F000-05"] == "US$ billions"                   # 數十億美元, base 1e9
    for fid, row in several.iterrows():
        exponent = round(math.log10(row.value_low))
        if exponent % 3 == 1:
            assert printed[fid].startswith("tens of"), fid
        elif exponent % 3 == 2:
            assert printed[fid].startswith("hundreds of"), fid
        else:
            assert "tens of" not in printed[fid] and "hundreds of" not in printed[fid], fid
