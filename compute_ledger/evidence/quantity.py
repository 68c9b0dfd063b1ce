"""Bounded quantities: a value with the interval its source allows, its unit, and where it comes from.

A figure keeps what its source said about it (exact, about, up to, at least, over, a range, within,
several, an order of magnitude) as an interval [low, high], with infinite ends where the source gives
none. Arithmetic follows interval rules (mpmath's `iv` context, which rounds outwards), so a ceiling
divided by a floor is a ceiling and a floor divided by a floor bounds nothing. Units multiply and
divide as symbols and refuse to be added unless they are equal: US$ / GW is US$ per GW; US$ + GW is
an error. The status says whether the value is reported, derived from reported figures, or rests on
an assumption; `basis` names the figure and assumption ids it rests on.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from mpmath import inf, iv

STATUSES = ("reported", "derived", "assumption")

# A unit is a sorted tuple of (symbol, power); the dimensionless unit is the empty tuple.
Unit = tuple[tuple[str, int], ...]

# The book's unit vocabulary (datapackage.json) as symbols. Percentages are dimensionless shares stored
# as fractions, so a share of a share stays a share; `percent` and `percentage_points` only name how
# a dimensionless value is printed.
_PERCENT_UNITS = ("percent", "percentage_points")
_COMPOUND = {
    "USD_per_GW": (("GW", -1), ("USD", 1)),
    "JPY_per_USD": (("JPY", 1), ("USD", -1)),
    "USD_per_year": (("USD", 1), ("years", -1)),
    "times": (),
}
_NOT_QUANTITIES = ("calendar_year",)


class UnitError(ValueError):
    """Arithmetic that mixes units it cannot: US$ + GW, or a unit outside the book's vocabulary."""


def unit_of(name: str) -> Unit:
    """The symbols of a unit name from the vocabulary: unit_of('USD_per_GW') -> (('GW', -1), ('USD', 1))."""
    if name in _NOT_QUANTITIES:
        raise UnitError(f"{name} is a label, not a quantity: it takes no arithmetic")
    if name in _PERCENT_UNITS:
        return ()
    return _COMPOUND.get(name, ((name, 1),))


def unit_name(unit: Unit) -> str:
    """The vocabulary name of a unit, or its symbols written out ('USD/GW') when the vocabulary has none."""
    for name, symbols in _COMPOUND.items():
        if symbols == unit:
            return name
    if len(unit) == 1 and unit[0][1] == 1:
        return unit[0][0]
    top = "·".join(s if p == 1 else f"{s}^{p}" for s, p in unit if p > 0) or "1"
    bottom = "·".join(s if p == -1 else f"{s}^{-p}" for s, p in unit if p < 0)
    return f"{top}/{bottom}" if bottom else top


def _combine(left: Unit, right: Unit, sign: int) -> Unit:
    powers: dict[str, int] = dict(left)
    for symbol, power in right:
        powers[symbol] = powers.get(symbol, 0) + sign * power
    return tuple(sorted((s, p) for s, p in powers.items() if p))


@dataclass(frozen=True)
class Bounded:
    """A quantity known to lie in [low, high] (either end may be infinite), in base units.

    `approximate` is the source's 約/左右 ("about"): the value is a point, but not an exact one.
    """

    low: float
    high: float
    unit: Unit
    approximate: bool = False
    status: str = "reported"
    basis: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {STATUSES}")
        if not self.low <= self.high:
            raise ValueError(f"interval [{self.low}, {self.high}] has its low end above its high end")

    # --- what the interval says ------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        return math.isclose(self.low, self.high, rel_tol=1e-12, abs_tol=0.0)

    @property
    def has_floor(self) -> bool:
        """A lower bound worth stating: finite and, for these magnitudes, above zero."""
        return math.isfinite(self.low) and self.low != 0 or self.is_point

    @property
    def has_ceiling(self) -> bool:
        return math.isfinite(self.high)

    @property
    def bound(self) -> str:
        """'exact', 'about', 'between', 'at_most', 'at_least' or 'unbounded' ('unbounded' bounds nothing)."""
        if self.is_point:
            return "about" if self.approximate else "exact"
        if self.has_floor and self.has_ceiling:
            return "between"
        if self.has_ceiling:
            return "at_most"
        if self.has_floor:
            return "at_least"
        return "unbounded"

    @property
    def rests_on_assumption(self) -> bool:
        return self.status == "assumption"

    def above(self, threshold: float) -> bool:
        """True only if every value the interval allows is above the threshold."""
        return self.low > threshold

    def below(self, threshold: float) -> bool:
        return self.high < threshold

    # --- arithmetic ----------------------------------------------------------------------------------
    def _interval(self):
        return iv.mpf([self.low if math.isfinite(self.low) else -inf, self.high if math.isfinite(self.high) else inf])

    def _join(self, other: Bounded, result, unit: Unit) -> Bounded:
        statuses = {self.status, other.status}
        status = "assumption" if "assumption" in statuses else "derived"
        basis = tuple(dict.fromkeys(self.basis + other.basis))
        low, high = float(result.a), float(result.b)
        # a point stays a point: outward rounding must not turn 300 / 5 into a hair-wide range
        if math.isclose(low, high, rel_tol=1e-12):
            low = high = float(result.mid)
        return Bounded(low, high, unit, self.approximate or other.approximate, status, basis)

    def __add__(self, other: Bounded) -> Bounded:
        other = _lift(other)
        if self.unit != other.unit:
            raise UnitError(f"cannot add {unit_name(self.unit)} and {unit_name(other.unit)}")
        return self._join(other, self._interval() + other._interval(), self.unit)

    def __sub__(self, other: Bounded) -> Bounded:
        other = _lift(other)
        if self.unit != other.unit:
            raise UnitError(f"cannot subtract {unit_name(other.unit)} from {unit_name(self.unit)}")
        return self._join(other, self._interval() - other._interval(), self.unit)

    def __mul__(self, other: Bounded | float) -> Bounded:
        other = _lift(other)
        return self._join(other, self._interval() * other._interval(), _combine(self.unit, other.unit, 1))

    __rmul__ = __mul__

    def __truediv__(self, other: Bounded | float) -> Bounded:
        other = _lift(other)
        if other.low < 0 < other.high or other.low == other.high == 0:
            raise ZeroDivisionError("the divisor's interval contains zero on both sides")
        return self._join(other, self._interval() / other._interval(), _combine(self.unit, other.unit, -1))

    def __neg__(self) -> Bounded:
        return Bounded(-self.high, -self.low, self.unit, self.approximate, self.status, self.basis)


def leader(values: Mapping[str, Bounded]) -> str | None:
    """The party whose every possible value exceeds every other party's: the only one that 'leads'."""
    for name, candidate in values.items():
        if all(candidate.low > other.high for other_name, other in values.items() if other_name != name):
            return name
    return None


def shares(parts: Mapping[str, Bounded]) -> dict[str, Bounded]:
    """Each part's share of the parts' sum, with the interval the parts allow.

    A part appears in its own share's numerator and denominator, so dividing the part's interval by the
    sum's would be far too wide. A share is lowest with the part at its low end and every other part at
    its high end, and highest the other way round; an unbounded rest gives a share with no floor.
    """
    units = {part.unit for part in parts.values()}
    if len(units) > 1:
        raise UnitError("cannot share out parts in " + " and ".join(sorted(unit_name(u) for u in units)))
    approximate = any(p.approximate for p in parts.values())
    status = "assumption" if any(p.rests_on_assumption for p in parts.values()) else "derived"
    basis = tuple(dict.fromkeys(i for p in parts.values() for i in p.basis))
    out = {}
    for key, part in parts.items():
        rest = [other for name, other in parts.items() if name != key]
        rest_low, rest_high = sum(o.low for o in rest), sum(o.high for o in rest)
        low = part.low / (part.low + rest_high) if math.isfinite(rest_high) and part.low + rest_high > 0 else 0.0
        high = 1.0 if not math.isfinite(part.high) else part.high / (part.high + rest_low) if part.high + rest_low > 0 else 0.0
        if math.isclose(low, high, rel_tol=1e-12):
            low = high
        out[key] = Bounded(low, high, (), approximate, status, basis)
    return out


def _lift(value: Bounded | float) -> Bounded:
    """A plain number in arithmetic is an exact dimensionless constant (a count of years is not: give it a unit)."""
    if isinstance(value, Bounded):
        return value
    return Bounded(float(value), float(value), (), status="derived")


def exact(value: float, unit: str, status: str = "reported", basis: tuple[str, ...] = ()) -> Bounded:
    return Bounded(value, value, unit_of(unit), False, status, basis)


def _scale(unit: str) -> float:
    return 0.01 if unit in _PERCENT_UNITS else 1.0


def from_figure(row: Mapping, figure_id: str) -> Bounded:
    """The interval a figure row allows, from its qualifier.

    exact → [v, v]; about → [v, v], approximate; up_to → [0, v]; over and at_least → [v, ∞);
    range → [low, high] (about_range, 約 a–b: the same, approximate); several (數十億: 'billions', a magnitude with no stated multiple) and order_of
    (兆: 'trillions') → [v, 10v], approximate. A term written 五年內, 'within five years', is parsed as
    up_to and so is (0, 5] years.
    """
    unit, qualifier = row["unit"], row["qualifier"]
    scale = _scale(unit)
    low = float(row["value_low"]) * scale
    high_value = row.get("value_high")
    high = None if high_value is None or (isinstance(high_value, float) and math.isnan(high_value)) else float(high_value) * scale
    intervals = {
        "exact": (low, low, False), "about": (low, low, True), "up_to": (0.0, low, False),
        "over": (low, math.inf, False), "at_least": (low, math.inf, False),
        "several": (low, 10 * low, True), "order_of": (low, 10 * low, True),
    }
    if qualifier in ("range", "about_range"):
        if high is None:
            raise ValueError(f"figure {figure_id} is a range with no high end")
        bounds = (low, high, qualifier == "about_range")
    elif qualifier in intervals:
        bounds = intervals[qualifier]
    else:
        raise ValueError(f"figure {figure_id} has qualifier {qualifier!r}, which gives no interval")
    return Bounded(bounds[0], bounds[1], unit_of(unit), bounds[2], "reported", (figure_id,))


def from_assumption(row: Mapping, assumption_id: str, central: bool = False) -> Bounded:
    """An assumption row as its range [low, high], or as its central value when `central` (or no range is given)."""
    unit = row["unit"]
    scale = _scale(unit)
    value = float(row["value"]) * scale
    low, high = row.get("low"), row.get("high")
    has_range = not central and all(x is not None and not (isinstance(x, float) and math.isnan(x)) for x in (low, high))
    if has_range:
        return Bounded(float(low) * scale, float(high) * scale, unit_of(unit), False, "assumption", (assumption_id,))
    return Bounded(value, value, unit_of(unit), False, "assumption", (assumption_id,))
