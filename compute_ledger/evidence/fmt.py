"""The book's one number format: US$300B, US$1.4T, ¥10T, 10 GW, 130 kW, 1.35T tokens, 62%, 16 pp."""
from __future__ import annotations

import math

from .quantity import Bounded, UnitError, unit_name

_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))
# The names of powers of a thousand; 數/幾 + a magnitude that is ten or a hundred of them (數十兆, 數百萬) is
# 'tens of …' or 'hundreds of …' of that name.
_THOUSANDS = {0: "", 1: "thousands", 2: "millions", 3: "billions", 4: "trillions"}
_CURRENCY_PREFIX = {"USD": "US$", "JPY": "¥", "CNY": "CN¥", "HKD": "HK$", "TWD": "NT$", "EUR": "€"}
_UNIT_SUFFIX = {
    "USD": "", "JPY": "", "CNY": "", "HKD": "", "TWD": "", "EUR": "", "W": " W", "MW": " MW",
    "GW": " GW", "kW": " kW", "lb": " lb", "tokens": " tokens", "GPUs": " GPUs", "shares": " shares",
    "users": " users", "percent": "%", "percentage_points": " pp", "years": " years", "months": " months",
    "weeks": " weeks", "days": " days", "hours": " hours", "times": "×", "IQ_points": " IQ", "companies": " companies",
    "count": "", "calendar_year": "", "rank": "", "JPY_per_USD": " ¥/US$", "USD_per_GW": " per GW",
}
_QUALIFIER_WORDS = {"about": "about ", "up_to": "up to ", "over": "over ", "at_least": "at least ", "order_of": "order of "}


def significant(value: float, digits: int = 3) -> str:
    """A number with at most `digits` significant digits, trailing zeros dropped, thousands separated."""
    if value == 0:
        return "0"
    decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _compact(value: float, digits: int) -> str:
    for threshold, suffix in _SUFFIXES:
        if abs(value) >= threshold:
            return significant(value / threshold, digits) + suffix
    return significant(value, digits)


def _amount(value: float, unit: str, digits: int) -> str:
    if unit in _CURRENCY_PREFIX:
        return _CURRENCY_PREFIX[unit] + _compact(value, digits)
    if unit in ("tokens", "shares", "users") or (unit == "GPUs" and abs(value) >= 1e6):
        return _compact(value, digits)
    if unit == "calendar_year":
        return f"{value:.0f}"
    return significant(value, digits)


_SINGULAR = {"years": " year", "months": " month", "weeks": " week", "days": " day", "hours": " hour"}


def format_value(value: float, unit: str, digits: int = 3) -> str:
    """One figure in the house format: format_value(3e11, 'USD') -> 'US$300B'."""
    if unit == "USD_per_GW":
        return format_value(value, "USD", digits) + " per GW"
    if unit == "USD_per_year":
        return format_value(value, "USD", digits) + " a year"
    suffix = _SINGULAR[unit] if unit in _SINGULAR and value == 1 else _UNIT_SUFFIX.get(unit, f" {unit}")
    return _amount(value, unit, digits) + suffix


def format_range(low: float, high: float, unit: str, digits: int = 3) -> str:
    """A range with the unit once: 'US$800B–900B', '200,000–300,000 GPUs', '1–2 hours'."""
    high_text = format_value(high, unit, digits)
    low_text = _amount(low, unit, digits)
    prefix = _CURRENCY_PREFIX.get(unit, "")
    return f"{low_text}–{high_text[len(prefix):]}"


def magnitude_words(base: float) -> str | None:
    """The magnitude a 數/幾 + base names, in words: 1e9 'billions', 1e13 'tens of trillions', 1e8 'hundreds of
    millions', 1e3 'thousands', 10 'tens'; None for a base of 1 (幾個月, 'several months') or one that is no power of
    ten."""
    exponent = round(math.log10(base)) if base > 0 else None
    if exponent is None or exponent < 0 or not math.isclose(10.0 ** exponent, base) or exponent // 3 not in _THOUSANDS:
        return None
    tens = ("", "tens", "hundreds")[exponent % 3]
    name = _THOUSANDS[exponent // 3]
    if not name:
        return tens or None
    return f"{tens} of {name}" if tens else name


def format_several(value: float, unit: str) -> str:
    """數十億美元 -> 'US$ billions', 數十兆美元 -> 'tens of trillions of US$', 數億用戶 -> 'hundreds of millions of
    users', 數月 -> 'several months': a magnitude with no stated multiple, its decade kept.

    `value` is the magnitude the 數 multiplies (its base: 十兆 is 1e13), so 數十兆 is tens, not units, of trillions.
    """
    word = magnitude_words(value)
    if word is None:
        if math.isclose(value, 1.0):
            return f"several {unit}"
        return f"several times {format_value(value, unit)}"
    if unit in _CURRENCY_PREFIX:
        if " of " in word or word in ("tens", "hundreds"):
            return f"{word} of {_CURRENCY_PREFIX[unit]}"
        return f"{_CURRENCY_PREFIX[unit]} {word}"
    return f"{word} of {unit}"


def format_figure(low: float, high: float | None, unit: str, qualifier: str, digits: int = 3) -> str:
    """A figure with its qualifier kept: 'up to US$300B', 'US$800B–900B', 'over US$36B'."""
    if qualifier == "several":
        return format_several(low, unit)
    if high is not None and not (isinstance(high, float) and math.isnan(high)):
        return ("about " if qualifier == "about_range" else "") + format_range(low, high, unit, digits)
    return _QUALIFIER_WORDS.get(qualifier, "") + format_value(low, unit, digits)


_BOUND_WORDS = {"exact": "", "about": "about ", "at_most": "at most ", "at_least": "at least "}
_DIMENSIONLESS = {"times": 1.0, "percent": 100.0, "percentage_points": 100.0}


def format_bounded(quantity: Bounded, unit: str | None = None, digits: int = 3) -> str:
    """A bounded value in words that come from its interval, never from the caller.

    'US$60B', 'about 1.69×', 'at most US$10B per GW', 'at least US$60B a year', 'between 300 and 400',
    or 'unbounded' when the interval states no bound at all. A dimensionless value prints as `times`
    unless `unit` asks for `percent` or `percentage_points`.
    """
    name = unit_name(quantity.unit)
    if quantity.unit == ():
        name = unit or "times"
        if name not in _DIMENSIONLESS:
            raise UnitError(f"a dimensionless value cannot be printed in {name}")
    elif unit is not None and unit != name:
        raise UnitError(f"a value in {name} cannot be printed in {unit}")
    scale = _DIMENSIONLESS.get(name, 1.0) if quantity.unit == () else 1.0
    about = "about " if quantity.approximate and quantity.bound != "about" else ""
    bound = quantity.bound
    if bound == "unbounded":
        return "unbounded"
    if bound == "between":
        low = format_value(quantity.low * scale, name, digits)
        return f"between {about}{low} and {format_value(quantity.high * scale, name, digits)}"
    number = quantity.low if bound in ("exact", "about", "at_least") else quantity.high
    return _BOUND_WORDS[bound] + about + format_value(number * scale, name, digits)


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def power_of_ten(value: float) -> str:
    """A power of ten as written in prose: power_of_ten(1e8) -> '10⁸'."""
    exponent = round(math.log10(value))
    if not math.isclose(10.0 ** exponent, value):
        raise ValueError(f"{value!r} is not a power of ten")
    return "10" + str(exponent).translate(_SUPERSCRIPT)


def join_names(items: list[str], empty: str = "") -> str:
    """'a', 'a and b', 'a, b and c'; `empty` for none."""
    if not items:
        return empty
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
