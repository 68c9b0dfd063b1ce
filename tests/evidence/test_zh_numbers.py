"""The Chinese amount parser, on spans from the seeds; expected values worked by hand."""
import pytest

from compute_ledger.evidence.zh_numbers import Quantity, QuantityError, parse_quantity

T = 10**12
B = 10**9


@pytest.mark.parametrize("span, expected", [
    ("3000億美元", Quantity(300 * B, None, "USD", "exact")),             # 3000 × 10^8
    ("高達3000億美元", Quantity(300 * B, None, "USD", "up_to")),
    ("1.4 兆美元", Quantity(1.4 * T, None, "USD", "exact")),              # 兆 = 10^12 in these texts
    ("3.9兆美元", Quantity(3.9 * T, None, "USD", "exact")),
    ("2 萬億美元", Quantity(2 * T, None, "USD", "exact")),                # 萬億 = 10^4 × 10^8
    ("約 8,000-9,000 億", Quantity(800 * B, 900 * B, None, "about_range")),  # magnitude written once; 約 covers both ends
    ("500 億到 1000 億美元", Quantity(50 * B, 100 * B, "USD", "range")),
    ("二十萬到三十萬張", Quantity(200_000, 300_000, "GPUs", "range")),
    ("大約在二十萬到三十萬張", Quantity(200_000, 300_000, "GPUs", "about_range")),   # 大約在: 'at about'
    ("二十萬到三十萬張左右", Quantity(200_000, 300_000, "GPUs", "about_range")),    # 左右 after the range
    ("約 1.35 兆個 Token", Quantity(1.35 * T, None, "tokens", "about")),
    ("10兆日元", Quantity(10 * T, None, "JPY", "exact")),
    ("約650億美元", Quantity(65 * B, None, "USD", "about")),
    ("至少 10 吉瓦", Quantity(10, None, "GW", "at_least")),
    ("4.5 GW", Quantity(4.5, None, "GW", "exact")),
    ("30 千瓦", Quantity(30, None, "kW", "exact")),                        # 千 here is kilo-, not 1000
    ("多達1.6億股", Quantity(160_000_000, None, "shares", "up_to")),
    ("超過360億美元", Quantity(36 * B, None, "USD", "over")),
    ("62%", Quantity(62, None, "percent", "exact")),
    ("16個百分點", Quantity(16, None, "percentage_points", "exact")),      # 百 here is per-cent, not 100
    ("一半毛利", Quantity(50, None, "percent", "exact")),
    ("2030年", Quantity(2030, None, "calendar_year", "exact")),
    ("2024 年 12 月", Quantity(2024, None, "calendar_year", "exact")),
    ("五年內", Quantity(5, None, "years", "up_to")),
    ("兩三年後", Quantity(2, 3, "years", "range")),                        # two adjacent numerals: a spoken range
    ("一到兩小時", Quantity(1, 2, "hours", "range")),
    ("200 多美元", Quantity(200, None, "USD", "over")),
    ("數十億美元", Quantity(1 * B, None, "USD", "several")),
    ("數百萬美元", Quantity(1_000_000, None, "USD", "several")),
    ("上億美元年薪", Quantity(100_000_000, None, "USD", "over")),
    ("万亿级", Quantity(1 * T, None, None, "order_of")),
    ("持续数月", Quantity(1, None, "months", "several")),
    ("兩百億美元", Quantity(20 * B, None, "USD", "exact")),                # 兩百億 = 200 × 10^8 = US$20B
    ("首年", Quantity(1, None, "years", "exact")),
    ("10 倍的算力", Quantity(10, None, "times", "exact")),
])
def test_parses_spans_from_the_seeds(span, expected):
    assert parse_quantity(span) == expected


@pytest.mark.parametrize("span, message", [
    ("數據中心", "no number"),
    ("1000 磅增加到 3000 磅的 5 倍", "more than two numbers"),
    ("9,000-8,000 億", "runs from high to low"),
    ("3 家公司與 5 家", "not joined as a range"),
])
def test_rejects_spans_it_cannot_read(span, message):
    with pytest.raises(QuantityError, match=message):
        parse_quantity(span)


# A best case bounds by what it measures: it caps a margin (more is better) and would floor a payback time, so it is
# read only where the word after the number names a measure where more is better, and refused otherwise.
@pytest.mark.parametrize("span, expected", [
    ("最好的情況是 40% 毛利率", Quantity(40, None, "percent", "up_to")),       # C004-32: 'at best a 40% margin', [0, 40]
    ("最好的情況是三成毛利率", Quantity(30, None, "percent", "up_to")),        # 三成 = 30%, at best
    ("最壞的情況是 20% 毛利率", Quantity(20, None, "percent", "at_least")),    # a worst-case margin is a floor
    ("最好的情况是 15% 的营收增长", Quantity(15, None, "percent", "up_to")),    # growth: more is better
])
def test_a_best_case_is_a_bound_on_a_measure_where_more_is_better(span, expected):
    assert parse_quantity(span) == expected


@pytest.mark.parametrize("span", ["最好的情況是 40%", "最好的情況是 3 年回本", "最好的情况是 15% 的营收下滑",
                                  "最好的情況是 30%-40% 毛利率"])
def test_a_best_case_without_a_measure_it_caps_is_refused(span):
    # 40% of what? a 3-year payback at best is a floor, a fall in revenue at best a floor too; a range: refused
    with pytest.raises(QuantityError, match="best or worst case"):
        parse_quantity(span)


def test_the_span_of_a_best_case_takes_in_its_measure():
    from compute_ledger.evidence.zh_numbers import quantity_span
    text = "但 AI 公司最好的情況是 40% 毛利率，其中 50% 的營收要花在運算上。"   # seed 004, C004-32
    start = text.index("40")
    low, high = quantity_span(text, start, start + 2)
    assert text[low:high] == "最好的情況是 40% 毛利率"
    start = text.index("50")
    low, high = quantity_span(text, start, start + 2)
    assert text[low:high] == "50%"                                           # no case word: the span is as before
