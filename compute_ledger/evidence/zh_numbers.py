"""Parse the quantities of Chinese financial prose: 3000億美元, 1.4 兆美元, 約 8,000-9,000 億, 二十萬到三十萬張.

Conventions of these texts: 萬 = 10^4, 億 = 10^8, 兆 = 10^12 (1.4 兆美元 is US$1.4 trillion), 萬億 = 10^12.
cn2an reads the Chinese-numeral core (二十, 兩百, 一千); magnitudes, ranges, qualifiers and units are
handled here because cn2an knows neither 兆 as 10^12 nor units and qualifiers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

UNITS = (
    "USD", "JPY", "GW", "kW", "lb", "tokens", "GPUs", "shares", "users", "percent",
    "percentage_points", "years", "months", "weeks", "hours", "calendar_year", "times",
    "rank", "IQ_points", "companies", "count", "days",
)
QUALIFIERS = ("exact", "about", "up_to", "over", "at_least", "range", "several", "order_of")

_MAGNITUDES = {"萬億": 10**12, "万亿": 10**12, "兆": 10**12, "億": 10**8, "亿": 10**8, "萬": 10**4, "万": 10**4}
# 千 and 百 are numeral characters except in 千瓦 (kW) and 百分點 (percentage point).
_CHINESE_DIGITS = r"(?:[零〇一二兩两三四五六七八九十]|千(?!瓦)|百(?!分))+"
_ARABIC = r"\d[\d,]*(?:\.\d+)?"
_MAGNITUDE = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?P<several>[數数幾几])?(?P<core>{_ARABIC}|{_CHINESE_DIGITS})?\s*(?P<magnitude>(?:{_MAGNITUDE})*)"
)
# 數月, 幾週: "several" / "a few" with no numeral before a unit of time.
_SEVERAL_ALONE = re.compile(r"[數数幾几](?=個月|个月|月|年|週|周|小時|小时|天)")
# 首年: "the first year", a one-year term.
_FIRST_YEAR = re.compile(r"首年")
_RANGE_SEPARATOR = re.compile(r"^\s*(?:-|–|—|~|～|到|至)\s*$")

# Unit words, most specific first; a 4-digit number followed by 年 is a calendar year.
_UNIT_WORDS = (
    ("個百分點", "percentage_points"), ("个百分点", "percentage_points"), ("百分點", "percentage_points"),
    ("百分点", "percentage_points"), ("美元", "USD"), ("日元", "JPY"), ("日圓", "JPY"), ("吉瓦", "GW"),
    ("GW", "GW"), ("千瓦", "kW"), ("kW", "kW"), ("磅", "lb"), ("Token", "tokens"), ("token", "tokens"),
    ("張", "GPUs"), ("张", "GPUs"), ("GPU", "GPUs"), ("股", "shares"), ("%", "percent"), ("％", "percent"),
    ("個月", "months"), ("个月", "months"), ("月", "months"), ("小時", "hours"), ("小时", "hours"),
    ("週", "weeks"), ("周", "weeks"), ("天", "days"), ("年", "years"), ("倍", "times"), ("名", "rank"), ("用戶", "users"),
    ("用户", "users"), ("IQ", "IQ_points"), ("家", "companies"),
)
_PREFIX_QUALIFIERS = (
    ("高達", "up_to"), ("高达", "up_to"), ("最高", "up_to"), ("多達", "up_to"), ("多达", "up_to"),
    ("超過", "over"), ("超过", "over"), ("逾", "over"), ("上億", "over"), ("上亿", "over"),
    ("至少", "at_least"), ("大約", "about"), ("大约", "about"), ("約", "about"), ("约", "about"),
)
_SUFFIX_QUALIFIERS = (("多", "over"), ("以上", "over"), ("左右", "about"), ("級", "order_of"), ("级", "order_of"),
                      ("內", "up_to"), ("内", "up_to"))
_HALF = re.compile(r"一半")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})\s*年\s*\d{1,2}\s*月")


class QuantityError(ValueError):
    """A span that holds no quantity this parser can read."""


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float | None
    unit: str | None
    qualifier: str


@dataclass(frozen=True)
class _Number:
    core: Decimal
    multiplier: int
    several: bool
    start: int
    end: int

    @property
    def value(self) -> Decimal:
        return self.core * self.multiplier


def _core_value(core: str | None) -> Decimal:
    if not core:
        return Decimal(1)
    if core[0].isdigit():
        return Decimal(core.replace(",", ""))
    numerals = core.replace("兩", "二").replace("两", "二")
    if numerals[0] in "十百千":
        numerals = "一" + numerals  # 百萬 is 一百萬; cn2an wants the leading one spelt out
    return Decimal(str(cn2an.cn2an(numerals, "strict")))


def _numbers(span: str) -> list[_Number]:
    found = [_Number(Decimal(1), 1, True, m.start(), m.end()) for m in _SEVERAL_ALONE.finditer(span)]
    for match in _NUMBER.finditer(span):
        core, magnitude = match.group("core"), match.group("magnitude")
        if not core and not magnitude:
            continue
        if core and len(core) == 2 and not core[0].isdigit() and "十" not in core and "百" not in core and "千" not in core:
            # Two adjacent numerals (兩三年, 一兩週) are a spoken range: read each digit.
            for offset, digit in enumerate(core):
                start = match.start("core") + offset
                found.append(_Number(_core_value(digit), 1, False, start, start + 1))
            continue
        multiplier = 1
        for word in re.findall(_MAGNITUDE, magnitude or ""):
            multiplier *= _MAGNITUDES[word]
        found.append(_Number(_core_value(core), multiplier, bool(match.group("several")), match.start(), match.end()))
    return found


def _unit(span: str, after: int, number: _Number) -> str | None:
    tail = span[after:]
    for word, unit in _UNIT_WORDS:
        if word in tail:
            if unit == "years" and tail.lstrip().startswith("年") and number.multiplier == 1 \
                    and number.core == number.core.to_integral() and 1000 <= number.core <= 2999:
                return "calendar_year"
            return unit
    return None


def _qualifier(span: str, numbers: list[_Number]) -> str:
    if numbers[0].several:
        return "several"
    head, tail = span[: numbers[0].start], span[numbers[-1].end:].lstrip()
    for word, qualifier in _PREFIX_QUALIFIERS:
        if word in head or (word in ("上億", "上亿") and word in span):
            return qualifier
    after_unit = next((tail[len(word):] for word, _ in _UNIT_WORDS if tail.startswith(word)), tail)
    for word, qualifier in _SUFFIX_QUALIFIERS:
        if tail.startswith(word) or after_unit.startswith(word):
            return qualifier
    if numbers[0].core == 1 and numbers[0].multiplier > 1 and not _has_core(span, numbers[0]):
        return "order_of"  # 兆算力, 萬億美元: a bare magnitude names a scale, not an amount
    return "exact"


def _has_core(span: str, number: _Number) -> bool:
    match = _NUMBER.match(span, number.start)
    return bool(match and match.group("core"))


def parse_quantity(span: str) -> Quantity:
    """The quantity stated in a short span of Chinese text (value in base units, unit, qualifier)."""
    if _HALF.search(span):
        return Quantity(50.0, None, "percent", "exact")
    if _FIRST_YEAR.search(span):
        return Quantity(1.0, None, "years", "exact")
    if year_month := _YEAR_MONTH.search(span):
        return Quantity(float(year_month.group("year")), None, "calendar_year", "exact")
    numbers = _numbers(span)
    if not numbers:
        raise QuantityError(f"no number in {span!r}")
    if len(numbers) > 2:
        raise QuantityError(f"more than two numbers in {span!r}; give each its own span")
    is_range = len(numbers) == 2
    if is_range:
        low, high = numbers
        if not _RANGE_SEPARATOR.match(span[low.end:high.start]) and high.start != low.end:
            raise QuantityError(f"two numbers in {span!r} are not joined as a range (a-b, a到b)")
        # 8,000-9,000 億: a magnitude written once, after the second number, applies to both ends.
        low_value = low.core * (high.multiplier if low.multiplier == 1 else low.multiplier)
        if low_value > high.value:
            raise QuantityError(f"range {span!r} runs from high to low")
        unit = _unit(span, high.end, high)
        return Quantity(float(low_value), float(high.value), unit, "range")
    number = numbers[0]
    return Quantity(float(number.value), None, _unit(span, number.end, number), _qualifier(span, numbers))
