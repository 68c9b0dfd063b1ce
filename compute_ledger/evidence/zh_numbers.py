"""Parse the quantities of Chinese financial prose: 3000億美元, 1.4 兆美元, 約 8,000-9,000 億, 逾兩成, NT$1,200億元.

Written for news, filings and research notes in either script (mainland, Hong Kong and Taiwan usage):
萬 = 10^4, 億 = 10^8, 兆 = 萬億 = 10^12 (1.4 兆美元 is US$1.4 trillion; in 兆瓦 it is mega-, the unit MW).
cn2an reads the Chinese-numeral core (二十, 兩百, 三點五); magnitudes, ranges, qualifiers and units are
handled here because cn2an knows neither 兆 as 10^12 nor units and qualifiers.

Every word is read by position, never by searching the rest of the span: the unit is the word right
after the number (or its magnitude), a prefix qualifier the word right before it. A form this parser
cannot read with certainty — an ordinal, a list number, an ambiguous ¥ or $, a currency or unit outside
the vocabulary — raises QuantityError with the reason; it is never read as some other quantity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

# Base units: a currency in whole units of that currency, power in its own unit (the magnitude is
# folded into the value: 150萬瓩 is 1,500,000 kW), durations in the unit the text counts in.
UNITS = (
    "USD", "JPY", "CNY", "HKD", "TWD", "EUR", "W", "kW", "MW", "GW", "lb", "tokens", "GPUs", "shares", "users",
    "percent", "percentage_points", "years", "months", "weeks", "hours", "calendar_year", "times",
    "rank", "IQ_points", "companies", "count", "days",
)
QUALIFIERS = ("exact", "about", "up_to", "over", "at_least", "range", "about_range", "several", "order_of")


class QuantityError(ValueError):
    """A span that holds no quantity this parser can read with certainty; the message says why."""


@dataclass(frozen=True)
class Quantity:
    low: float
    high: float | None
    unit: str | None
    qualifier: str


# Full-width digits and signs, as a Chinese input method types them, fold to ASCII one for one, so
# every position in the folded span is the same position in the original.
_FULL_WIDTH = str.maketrans({chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in "，、（）：；"})
_FULL_WIDTH_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")


def fold(span: str) -> str:
    """Full-width ASCII (３００, ％, ～, ＧＷ) as half-width; 3，000 as 3,000. Same length as the input."""
    return _FULL_WIDTH_THOUSANDS.sub(",", span.translate(_FULL_WIDTH))


_MAGNITUDES = {"萬億": 10**12, "万亿": 10**12, "兆": 10**12, "億": 10**8, "亿": 10**8, "萬": 10**4, "万": 10**4}
_DIGIT = "零〇一二兩两三四五六七八九"
# 千 and 百 are numerals except in 千瓦 (kW) and 百分 (per cent); 兆 is 10^12 except in 兆瓦 (MW).
_DIGIT_VALUES = {c: str(v) for v, cs in enumerate(("零〇", "一", "二兩两", "三", "四", "五", "六", "七", "八", "九")) for c in cs}
_CHINESE_NUMERAL = rf"(?:[{_DIGIT}十]|千(?!瓦)|百(?!分))+(?:[點点][{_DIGIT}]+)?"
_ARABIC = r"\d[\d,]*(?:\.\d+)?"
_NUMBER = re.compile(
    rf"(?P<several>[數数]以(?=[十百千萬万億亿])|[數数幾几]|上(?=[十百千]))?"
    rf"(?P<core>{_ARABIC}(?P<scale>(?:[十百千](?![瓦分]))*)|{_CHINESE_NUMERAL})?"
    rf"(?P<inexact>\s*[多餘余幾几](?![乎個个]))?\s*"
    rf"(?P<magnitude>(?:萬億|万亿|兆(?!瓦)|億|亿|萬|万)*)"
    rf"(?P<inexact_after>[多餘余](?=[美日港歐欧人元股張张家名個个年月週周天倍]))?"
)
_SCALES = {"十": 10, "百": 100, "千": 1000}
# 數月, 幾週, 幾家: "several" / "a few" with no numeral, right before what is counted.
_SEVERAL_ALONE = re.compile(r"[數数幾几](?=個月|个月|月|年|週|周|天|家|個|个|次|倍)")
# Numbers that belong to a name (GPT-4.5, H100, GB300, Q3) rather than state an amount.
_IDENTIFIER = re.compile(r"(?<![A-Za-z$])(?!(?:RMB|CNY|USD|HKD|TWD|NTD|EUR|JPY|GW|MW|kW|KW|W)[-~\s]?\d)[A-Za-z]+[-.]?\d[\w.]*")
# What joins the two ends of a range (8,000-9,000 億, 二十萬到三十萬); ～ is read as ~ once spans are half-width.
RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|~|～|至|到)\s*")
_LIST_NUMBER = re.compile(rf"^\s*(?:[(（][{_DIGIT}十\d]+[)）]|[{_DIGIT}十\d]+[、](?!\d)|\d+\.(?!\d)|[①-⑳])")
_ORDINAL = re.compile(rf"第\s*(?:\d+|(?:[{_DIGIT}十百千])+)")
_RANKING_WORDS = re.compile(r"\s*(?:名|梯隊|梯队|位)")

# Units, tried in order at the position right after the number: longer words first; a word that the
# vocabulary cannot hold maps to the reason it is refused.
_REFUSED = "refused"
# 元 alone is the unit of whatever currency the text is written in: yuan on the mainland, the NT dollar in
# Taiwan, the HK dollar in Hong Kong. It is a currency only when a word before the number names one.
_YUAN = "yuan-word"
_UNIT_PATTERNS = [(re.compile(pattern), unit) for pattern, unit in (
    (r"個百分點|个百分点|百分點|百分点", "percentage_points"),
    (r"%", "percent"),
    (r"美元|美金|USD", "USD"),
    (r"日元|日圓|日圆|円|JPY", "JPY"),
    (r"歐元|欧元|EUR", "EUR"),
    (r"港元|港幣|港币|港圓|HKD", "HKD"),
    (r"新台幣|新臺幣|新台币|台幣|臺幣|台币|TWD|NTD", "TWD"),
    (r"人民幣|人民币|CNY|RMB", "CNY"),
    (r"元(?![素件宇旦首老])", _YUAN),
    (r"英鎊|英镑|韓元|韩元|韓圜|澳元|澳幣|加元|加幣|新加坡元|新幣|新币|星元|瑞郎|瑞士法郎|盧布|卢布|盧比|卢比|泰銖|越南盾|比特幣|比特币",
     _REFUSED + ": currency outside the vocabulary (USD, JPY, CNY, HKD, TWD, EUR)"),
    (r"千瓦時|千瓦时|瓩時|瓩时|兆瓦時|兆瓦时|吉瓦時|吉瓦时|度電|度电|[kKMGT]Wh",
     _REFUSED + ": energy (watt-hours) is not in the vocabulary, only power (W, kW, MW, GW)"),
    (r"吉瓦|GW", "GW"),
    (r"兆瓦|MW", "MW"),
    (r"千瓦|公瓩|瓩|kW|KW", "kW"),
    (r"瓦特|瓦|W(?![A-Za-z])", "W"),
    (r"磅", "lb"),
    (r"(?:[個个]\s*)?(?:Token|token|詞元|词元)", "tokens"),
    (r"張|张|(?:[顆颗塊块個个片]\s*)?GPU", "GPUs"),
    (r"股(?![東东價价票市權权息本災灾民神])", "shares"),
    (r"(?:[名位個个]\s*)?(?:[週周月日]?活(?:躍|跃)?)?(?:用戶|用户)", "users"),
    (r"個月|个月", "months"),
    (r"(?:個|个)?(?:小時|小时|鐘頭|钟头)", "hours"),
    (r"(?:個|个)?(?:星期|禮拜|礼拜)|週(?![活年期末報报刊邊边])|周(?![活年期末报边围圍刊])", "weeks"),
    (r"天|日(?=[內内]|以[內内])", "days"),
    (r"財年|财年|年度", "calendar_year"),
    (r"年(?![薪息費费化報报輕轻齡龄級级會会紀纪])", "years"),
    (r"倍", "times"),
    (r"IQ", "IQ_points"),
    (r"家(?![庭人族居用電电裡里中鄉乡園园具務务長长屬属當当常境門门產产])", "companies"),
    (r"次|位|篇|項|项|座|款", "count"),
    (r"噸|吨|公噸|平方米|平方公尺|坪|公頃|公顷|公里|英里|桶|季度|季", _REFUSED + ": unit outside the vocabulary"),
)]
_CURRENCY_PREFIXES = [(re.compile(pattern + r"\s*$"), unit) for pattern, unit in (
    (r"US\$|USD|美金|美元", "USD"), (r"HK\$|HKD|港幣|港币|港元", "HKD"), (r"NT\$|NTD|TWD|新台幣|新臺幣|新台币|台幣|臺幣", "TWD"),
    (r"RMB|CNY|CN¥|人民幣|人民币", "CNY"), (r"€|EUR|歐元|欧元", "EUR"), (r"JP¥|JPY|日圓|日元", "JPY"),
    (r"(?:S|A|C)\$", _REFUSED + ": currency outside the vocabulary (USD, JPY, CNY, HKD, TWD, EUR)"),
    (r"\$", _REFUSED + ": '$' alone does not say which dollar; write US$, HK$ or NT$"),
    (r"[¥￥]", _REFUSED + ": '¥' is used for both yen and yuan; write 日圓 or 人民幣"),
)]
# Qualifier words right before the number (longest first, so 不超過 is not read as 超過, nor 最近 as 近).
_PREFIX_QUALIFIERS = sorted((
    ("高達", "up_to"), ("高达", "up_to"), ("最高", "up_to"), ("多達", "up_to"), ("多达", "up_to"), ("最多", "up_to"),
    ("上看", "up_to"), ("不超過", "up_to"), ("不超过", "up_to"), ("不到", "up_to"), ("未滿", "up_to"), ("未满", "up_to"),
    ("低於", "up_to"), ("低于", "up_to"), ("少於", "up_to"), ("少于", "up_to"),
    ("超過", "over"), ("超过", "over"), ("逾", "over"), ("超", "over"), ("突破", "over"), ("破", "over"),
    ("多於", "over"), ("多于", "over"), ("高於", "over"), ("高于", "over"),
    ("至少", "at_least"), ("最少", "at_least"), ("不少於", "at_least"), ("不少于", "at_least"), ("不低於", "at_least"),
    ("不低于", "at_least"), ("起碼", "at_least"), ("起码", "at_least"),
    ("大約在", "about"), ("大约在", "about"), ("大約", "about"), ("大约", "about"), ("約", "about"), ("约", "about"), ("近", "about"), ("將近", "about"), ("約合", "about"), ("约合", "about"),
    ("将近", "about"), ("接近", "about"), ("大概", "about"),
    ("最近", "exact"), ("附近", "exact"),
), key=lambda pair: -len(pair[0]))
# A best or worst case right before the number (最好的情況是 40% 毛利率: 'at best a 40% gross margin'). Which way
# it bounds depends on the measure: a best case caps a measure where more is better (a margin, growth, a return,
# a share) and floors one where less is better (a cost, a loss, a payback time). So it is read only where the
# word right after the number and its unit names a measure where more is better: a best case is then a ceiling
# (up_to), a worst case a floor (at_least). With any other word after it, or none, it is refused, never guessed.
_CASE_WORDS = sorted((
    ("最好的情況是", "up_to"), ("最好的情况是", "up_to"), ("最好情況是", "up_to"), ("最好情况是", "up_to"),
    ("最壞的情況是", "at_least"), ("最坏的情况是", "at_least"), ("最壞情況是", "at_least"), ("最坏情况是", "at_least"),
    ("最差的情況是", "at_least"), ("最差的情况是", "at_least"),
), key=lambda pair: -len(pair[0]))
# Longer words first, so the span takes in 毛利率 whole, not 毛利; growth may name what grows (營收增長), but a bare
# 營收 does not qualify, as 營收下滑 (a fall in revenue) is a measure where less is better.
_MORE_IS_BETTER = re.compile(
    r"\s*的?\s*(?:毛利率|毛利|營業利益率|营业利益率|營業利潤率|营业利润率|利潤率|利润率|淨利率|净利率|利益率|"
    r"(?:營收|营收|收入|營業額|营业额|利潤|利润|淨利|净利)?(?:增長率|增长率|增長|增长|成長率|成长率|成長|成长|增速)|"
    r"回報率|回报率|回報|回报|報酬率|报酬率|報酬|报酬|收益率|市佔率|市占率|市場份額|市场份额|份額|份额|良率)")
_SUFFIX_QUALIFIERS = (
    ("以上", "over"), ("出頭", "over"), ("出头", "over"), ("有餘", "over"), ("有余", "over"), ("多", "over"),
    ("左右", "about"), ("上下", "about"), ("級", "order_of"), ("级", "order_of"),
    ("以內", "up_to"), ("以内", "up_to"), ("之內", "up_to"), ("之内", "up_to"), ("以下", "up_to"), ("內", "up_to"),
    ("内", "up_to"), ("起", "at_least"),
)
_HALF = re.compile(r"一半")
_FIRST_YEAR = re.compile(r"首年")
_HALF_YEAR = re.compile(r"(?<![一二兩两三四五六七八九十\d上下])半年")  # 上半年 is a half of the calendar, not a duration
_FRACTION = re.compile(rf"(?P<whole>[{_DIGIT}十百千\d]+)分之(?P<part>{_ARABIC}|{_CHINESE_NUMERAL})")
_TENTHS = re.compile(rf"(?P<core>\d+(?:\.\d+)?|[一二兩两三四五六七八九十])成(?![長长本為为交員员功立果熟績绩效型品分就真])")
_DOUBLING = re.compile(r"翻(?:了)?(?P<what>一番|兩番|两番|倍|一倍|[^\s，。]{1,3}倍)")
_CALENDAR = re.compile(r"(?P<year>\d{4})\s*年\s*(?:\d{1,2}\s*月|第?\s*[一二三四1-4]\s*季|[上下]半年|Q[1-4])")
_REPUBLIC_YEAR = re.compile(rf"民[國国]\s*(?P<year>\d{{2,3}}|[{_DIGIT}十百]+)\s*年")


@dataclass(frozen=True)
class _Number:
    core: Decimal
    multiplier: int
    several: bool
    start: int
    end: int
    has_core: bool
    inexact: bool

    @property
    def value(self) -> Decimal:
        return self.core * self.multiplier


def _chinese_value(numerals: str) -> Decimal:
    numerals = numerals.replace("兩", "二").replace("两", "二").replace("〇", "零").replace("點", "点")
    if numerals[0] in "十百千":
        numerals = "一" + numerals  # 百萬 is 一百萬; cn2an wants the leading one spelt out
    try:
        return Decimal(str(cn2an.cn2an(numerals, "strict")))
    except (ValueError, KeyError) as error:
        raise QuantityError(f"{numerals!r} is not a well-formed Chinese numeral") from error


def _core_value(core: str | None, scale: str | None) -> Decimal:
    if not core:
        return Decimal(1)
    if not core[0].isdigit() and len(core) >= 3 and not re.search("[十百千點点]", core):
        return Decimal("".join(_DIGIT_VALUES[c] for c in core))  # 二〇二五, 一一三: read digit by digit
    if not core[0].isdigit():
        return _chinese_value(core)
    digits = core[: len(core) - len(scale or "")].replace(",", "")
    value = Decimal(digits)
    for character in scale or "":
        value *= _SCALES[character]  # 3千億: an Arabic numeral with a Chinese scale word
    return value


def _masked(span: str) -> str:
    """The span with names that contain digits (GPT-4.5, H100) and ordinals (第三季) blanked, positions kept.

    An ordinal followed by a ranking word (第二梯隊, 第一名) is kept: it states a position the ledger records.
    """
    span = _IDENTIFIER.sub(lambda m: " " * len(m.group(0)), span)
    return _ORDINAL.sub(lambda m: m.group(0) if _RANKING_WORDS.match(span, m.end()) else " " * len(m.group(0)), span)


def _numbers(span: str) -> list[_Number]:
    found = [_Number(Decimal(1), 1, True, m.start(), m.end(), False, False) for m in _SEVERAL_ALONE.finditer(span)]
    for match in _NUMBER.finditer(span):
        core, magnitude = match.group("core"), match.group("magnitude")
        if not core and not magnitude:
            continue
        if any(n.start <= match.start() < n.end for n in found):
            continue
        chinese = core and not core[0].isdigit()
        if chinese and re.fullmatch(r"[一二兩两三四五六七八九]{2}[十百千]?", core):
            # Two adjacent numerals are a spoken range: 兩三年 (2–3), 三四十億 (30–40 × 10^8).
            scale = _SCALES.get(core[-1], 1) if len(core) == 3 else 1
            multiplier = _multiplier(magnitude)
            for offset, digit in enumerate(core[:2]):
                start = match.start("core") + offset
                found.append(_Number(_chinese_value(digit) * scale, multiplier, False, start, start + 1, True, False))
            found[-1] = _Number(found[-1].core, multiplier, False, found[-1].start, match.end(), True, False)
            continue
        inexact = bool(match.group("inexact") or match.group("inexact_after"))
        if found and found[-1].end == match.start() and found[-1].has_core and core and not found[-1].several \
                and _core_value(core, match.group("scale")) * _multiplier(magnitude) < found[-1].multiplier:
            # 2兆8,943億, 1萬2千: a magnitude followed at once by a smaller amount is one number, the sum.
            previous = found.pop()
            total = previous.value + _core_value(core, match.group("scale")) * _multiplier(magnitude)
            found.append(_Number(total, 1, False, previous.start, match.end(), True, inexact))
            continue
        found.append(_Number(_core_value(core, match.group("scale")), _multiplier(magnitude), bool(match.group("several")),
                             match.start(), match.end(), bool(core), inexact))
    return sorted(found, key=lambda n: n.start)


def _multiplier(magnitude: str) -> int:
    multiplier = 1
    for word in re.findall("|".join(sorted(_MAGNITUDES, key=len, reverse=True)), magnitude or ""):
        multiplier *= _MAGNITUDES[word]
    return multiplier


def _unit_word(span: str, position: int) -> tuple[str | None, str, int]:
    """The unit (or refusal) whose word stands right after position, the word, and where it ends."""
    rest = span[position:]
    stripped = len(rest) - len(rest.lstrip())
    for pattern, unit in _UNIT_PATTERNS:
        match = pattern.match(rest, stripped)
        if match:
            return unit, match.group(0), position + match.end()
    return None, "", position


def _unit_at(span: str, position: int) -> tuple[str | None, int]:
    """The unit named right after a number, and where its word ends; (None, position) when none is."""
    unit, word, end = _unit_word(span, position)
    if unit and unit.startswith(_REFUSED):
        raise QuantityError(f"{word!r} after the number in {span!r}: {unit.split(': ', 1)[1]}")
    return unit, end


def _currency_before(span: str, number: _Number) -> str | None:
    head = span[: number.start]
    for pattern, unit in _CURRENCY_PREFIXES:
        match = pattern.search(head)
        if match:
            if unit.startswith(_REFUSED):
                raise QuantityError(f"{match.group(0).strip()!r} before the number in {span!r}: {unit.split(': ', 1)[1]}")
            return unit
    return None


def _prefix_qualifier(span: str, start: int, tail: str | None = None) -> str:
    """The qualifier of the word right before position start (a currency word in between aside), or 'exact'.

    `tail` is the text right after the number and its unit: a best or worst case (最好的情況是) is read only
    when it names a measure where more is better (see _CASE_WORDS); without a tail, or with another word, the
    case is refused.
    """
    head = span[:start].rstrip()
    for pattern, _ in _CURRENCY_PREFIXES:
        head = pattern.sub("", head).rstrip()
    case = next(((word, q) for word, q in _CASE_WORDS if head.endswith(word)), None)
    if case:
        if tail is None or not _MORE_IS_BETTER.match(tail):
            raise QuantityError(f"{case[0]!r} before the number in {span!r}: a best or worst case caps a margin or a "
                                "growth rate but floors a cost or a time, and the word after the number does not name a "
                                "measure where more is better")
        return case[1]
    return next((q for word, q in _PREFIX_QUALIFIERS if head.endswith(word)), "exact")


def _unit(span: str, number: _Number) -> tuple[str | None, int]:
    unit, end = _unit_at(span, number.end)
    currency = _currency_before(span, number)
    if currency and unit in (None, _YUAN):
        return currency, end  # NT$1,200億元, 港幣500億元: the prefix names the currency, 元 is its word for unit
    if unit == _YUAN:
        named, named_end = _unit_at(span, end)  # 3000億元人民幣: the currency named after 元
        return (named, named_end) if named in ("CNY", "HKD", "TWD") else (None, end)
    if currency and unit != currency:
        raise QuantityError(f"{span!r} names two currencies, {currency} before the number and {unit} after it")
    if unit == "years" and number.multiplier == 1 and not number.several and number.core == number.core.to_integral() \
            and 1000 <= number.core <= 2999:
        return "calendar_year", end
    if unit is None and span[number.end:].lstrip().startswith("月"):
        if number.several:
            return "months", span.index("月", number.end) + 1  # 數月: several months
        raise QuantityError(f"{span!r}: N月 names a month of the calendar; a duration is written N個月")
    return unit, end


def _qualifier(span: str, number: _Number, unit_end: int) -> str:
    if number.several:
        return "several"
    if span[: number.start].rstrip().endswith("上") and not number.has_core:
        return "over"  # 上億: reaching 10^8, a floor
    prefix = _prefix_qualifier(span, number.start, span[unit_end:])
    if prefix != "exact":
        return prefix
    if number.inexact:
        return "over"  # 200 多, 3000餘億, 十幾年: more than the stated number
    for tail in (span[number.end:].lstrip(), span[unit_end:].lstrip()):
        for word, qualifier in _SUFFIX_QUALIFIERS:
            if tail.startswith(word):
                return qualifier
    if number.core == 1 and number.multiplier > 1 and not number.has_core:
        return "order_of"  # 兆算力, 萬億美元: a bare magnitude names a scale, not an amount
    return "exact"


def _special(span: str) -> Quantity | None:
    """Forms with a fixed reading: 一半, 首年, 半年, N分之M, N成, 翻一番, dates."""
    if _HALF.search(span):
        return Quantity(50.0, None, "percent", "exact")
    if _FIRST_YEAR.search(span):
        return Quantity(1.0, None, "years", "exact")
    if match := _REPUBLIC_YEAR.search(span):
        year = match.group("year")
        return Quantity(float(_core_value(year, "") + 1911), None, "calendar_year", "exact")  # 民國 1 is 1912
    if match := _CALENDAR.search(span):
        return Quantity(float(match.group("year")), None, "calendar_year", "exact")
    if match := _DOUBLING.search(span):
        factors = {"一番": 2, "倍": 2, "一倍": 2, "兩番": 4, "两番": 4}
        if match.group("what") not in factors:
            raise QuantityError(f"{match.group(0)!r} in {span!r} is ambiguous (×N or ×(N+1)); record the multiple by hand")
        return Quantity(float(factors[match.group("what")]), None, "times",
                        _prefix_qualifier(span, match.start(), span[match.end():]))
    if match := _FRACTION.search(span):
        whole = _core_value(match.group("whole"), "")
        part = _core_value(match.group("part"), "")
        return Quantity(float(part / whole * 100), None, "percent",
                        _prefix_qualifier(span, match.start(), span[match.end():]))
    if match := _TENTHS.search(span):
        tail = span[match.end():].lstrip()
        if not _numbers(span[: match.start()]):
            qualifier = next((q for word, q in _SUFFIX_QUALIFIERS if tail.startswith(word)),
                             None) or _prefix_qualifier(span, match.start(), tail)
            return Quantity(float(_core_value(match.group("core"), "") * 10), None, "percent", qualifier)
    if _HALF_YEAR.search(span):
        return Quantity(0.5, None, "years", "exact")
    return None


def parse_quantity(span: str) -> Quantity:
    """The quantity stated in a short span of Chinese text (value in base units, unit, qualifier)."""
    original, span = span, _masked(fold(span))
    if _LIST_NUMBER.match(span):
        raise QuantityError(f"{span.strip()!r} starts with a list number, which is not a quantity")
    if (special := _special(span)) is not None:
        return special
    numbers = _numbers(span)
    if not numbers and _ORDINAL.search(fold(original)):
        raise QuantityError(f"{original!r} holds only an ordinal (第N…), a position in a sequence, not a quantity")
    if not numbers and span != fold(original):
        raise QuantityError(f"the only digits in {original!r} belong to names (GPT-4.5, H100), not quantities")
    if not numbers:
        raise QuantityError(f"no number in {original!r}")
    first = numbers[0]
    if span[: first.start].rstrip().endswith("第"):
        if len(numbers) > 1:
            raise QuantityError(f"{original!r} holds a rank (第N名) and another number; give each its own span")
        return Quantity(float(first.value), None, "rank", "exact")
    if len(numbers) > 2:
        raise QuantityError(f"more than two numbers in {span!r}; give each its own span")
    if len(numbers) == 2:
        return _range(span, *numbers)
    unit, unit_end = _unit(span, first)
    if unit == "rank" or (unit is None and _RANKING_WORDS.match(span, first.end)
                          and span[: first.start].rstrip().endswith("前")):
        return Quantity(float(first.value), None, "rank", "exact")  # 前二十名: the top twenty
    if unit == "percent" and span[unit_end:].lstrip().startswith("成"):
        raise QuantityError(f"{span!r} mixes % and 成")
    return Quantity(float(first.value), None, unit, _qualifier(span, first, unit_end))


def _range(span: str, low: _Number, high: _Number) -> Quantity:
    low_word, high_word = _unit_at(span, low.end)[0], _unit_at(span, high.end)[0]
    if low_word and high_word and low_word != high_word:
        raise QuantityError(f"the ends of range {span!r} are in different units ({low_word}, {high_word})")
    low_unit, low_unit_end = _unit(span, low)
    if not RANGE_SEPARATOR.fullmatch(span[low_unit_end:high.start]) and high.start != low.end:
        raise QuantityError(f"two numbers in {span!r} are not joined as a range (a-b, a到b)")
    # 8,000-9,000 億: a magnitude written once, after the second number, applies to both ends.
    low_value = low.core * (high.multiplier if low.multiplier == 1 else low.multiplier)
    if low_value > high.value:
        raise QuantityError(f"range {span!r} runs from high to low")
    unit, unit_end = _unit(span, high)
    # 約 8,000-9,000 億, 二十萬到三十萬左右: an approximate range keeps its 'about' at both ends
    about = _prefix_qualifier(span, low.start) == "about" or any(
        span[unit_end:].lstrip().startswith(word) for word, q in _SUFFIX_QUALIFIERS if q == "about")
    qualifier = "about_range" if about else "range"
    if _TENTHS.match(span, high.start) and low.multiplier == high.multiplier == 1:
        return Quantity(float(low_value * 10), float(high.value * 10), "percent", qualifier)  # 三至五成: 30–50%
    return Quantity(float(low_value), float(high.value), unit or low_unit, qualifier)


# What may stand right before a number and belongs to its span: qualifiers, currency words, 第 and 前.
_BEFORE = sorted({word for word, _ in _PREFIX_QUALIFIERS + _CASE_WORDS} | {"第", "前", "US$", "HK$", "NT$", "S$", "A$", "C$", "$", "¥", "￥",
                  "€", "RMB", "人民幣", "人民币", "港幣", "港币", "港元", "新台幣", "新臺幣", "台幣", "臺幣", "美元", "歐元", "欧元",
                  "日圓", "民國", "民国", "上", "翻", "翻了"}, key=len, reverse=True)
_AFTER_NUMBER = re.compile(r"\s*[十百千]*\s*[多餘余幾几]?\s*(?:萬億|万亿|兆(?!瓦)|億|亿|萬|万)*[多餘余]?")
_AFTER_UNIT = re.compile(r"分之\S?|成|番|倍|年|名|梯隊|梯队|" + "|".join(word for word, _ in _SUFFIX_QUALIFIERS))


def quantity_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span around a number mention at text[start:end] that parse_quantity should read.

    It takes in, by position only, the qualifier or currency word right before the number, and the
    magnitude, unit word and suffix qualifier right after it: 約 + 3000 → 約3000億美元以上.
    """
    folded = fold(text)
    while word := next((w for w in _BEFORE if folded[:start].rstrip().endswith(w)), None):
        start = len(folded[:start].rstrip()) - len(word)
    end = _unit_word(folded, _AFTER_NUMBER.match(folded, end).end())[2]
    for _ in range(2):  # 年內, 成以上, 倍左右: a suffix and the unit word after it
        if match := _AFTER_UNIT.match(folded, end):
            end = _unit_word(folded, match.end())[2]
    # 最好的情況是 40% 毛利率: a best or worst case is read with the measure named after it, so take that word in
    if any(folded[start:].startswith(word) for word, _ in _CASE_WORDS) and (match := _MORE_IS_BETTER.match(folded, end)):
        end = match.end()
    return start, end
