"""Consistency checks: the sources' figures tested against each other.

Each check records its inputs, what the source states, what the figures compute to, and a verdict.
A failed check is a finding for the book ("where the sources disagree"), not a test failure.

The stated and the computed values are bounded quantities (`Bounded`): each keeps the interval its
figures allow ("up to", "over", "about", a range, "several"), and every derived number a check prints
comes from `format_bounded`, so its bound word comes from its interval. The verdict is decided across
the whole interval:

- most checks pass when the stated and the computed intervals are compatible, that is when some value
  lies in both (`compatible`): US$36.6B is compatible with "over US$36B"; a ceiling of US$13.1B with
  "about US$10B"; US$50B is not compatible with "several billion" ([US$1B, US$10B]). Where the current
  reading of "about" needs slack (Nvidia's equity), an "about" value is widened by `ABOUT_TOLERANCE`
  (about US$10B allows US$9B–11B) before the comparison;
- a lead ("xAI leads") holds only if the leader's whole interval lies above every rival's, and "most" (大部分)
  only if the share's whole interval lies above half (`is_majority`), tested on the sentence that says it;
- a cross-source check on a bound ("up to 10 GW" against "at least 10 GW") passes only when the two
  texts bound the number the same way: it compares bounds, not values, and carries no quantities.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .fmt import format_bounded, format_figure
from .quantity import Bounded, UnitError, exact, unit_name, unit_of
from ..paths import DATA
from .tables import assumed, bounded, figures

ABOUT_TOLERANCE = 0.1  # an 'about' value allows ±10% where a check says so (the Nvidia equity checks)
_FLOAT_SLACK = 1e-9  # relative slack for float noise: 1 − 0.85 − 0.05 and 1 − 0.4 − 0.5 are both 10%
# 大部分, 'most': more than half and at most all of it
MOST = Bounded(0.5, 1.0, (), False, "reported", ())


@dataclass(frozen=True)
class Check:
    check_id: str
    kind: str
    question: str
    inputs: str
    stated: str
    computed: str
    consistent: bool
    finding: str
    stated_quantity: Bounded | None = None  # what the source states or implies, as the interval it allows
    computed_quantity: Bounded | None = None  # what the source's own figures compute to, with their bounds


# Pure calculations, unit-tested by hand.
def parts_total(parts: list[float]) -> float:
    return float(sum(parts))


def implied_rate(numerator: float, denominator: float) -> float:
    """One amount per unit of another: yen per dollar, dollars per gigawatt."""
    if denominator <= 0:
        raise ValueError("the denominator must be positive")
    return numerator / denominator


def relative_gap(computed: float, stated: float) -> float:
    """How far the computed value is from the stated one, as a share of the stated one."""
    return (computed - stated) / stated


def within(value: float, reference: float, tolerance: float) -> bool:
    return abs(relative_gap(value, reference)) <= tolerance


def compatible(a: Bounded, b: Bounded, tolerance: float = 0.0) -> bool:
    """True when some value lies in both intervals: the two quantities can both be true.

    An approximate ('about') quantity is first widened by `tolerance` of its ends (0.1: about 10 allows
    9–11); an exact one is not. Ends are compared with a hair of relative slack for float noise.
    """
    if a.unit != b.unit:
        raise UnitError(f"cannot compare {unit_name(a.unit)} with {unit_name(b.unit)}")

    def ends(q: Bounded) -> tuple[float, float]:
        if not (q.approximate and tolerance):
            return q.low, q.high
        return q.low - tolerance * abs(q.low), q.high + tolerance * abs(q.high)

    (a_low, a_high), (b_low, b_high) = ends(a), ends(b)
    finite = [abs(x) for x in (a_low, a_high, b_low, b_high) if math.isfinite(x)]
    slack = _FLOAT_SLACK * max(finite, default=0.0)
    return a_low <= b_high + slack and b_low <= a_high + slack


def share_of_whole(part: Bounded, whole: Bounded) -> Bounded:
    """A part's share of the whole it belongs to, as the interval the two figures allow, capped at all of it.

    Interval division gives US$12.5B of a raise of up to US$20B as [0.625, ∞); a part cannot exceed its whole,
    so the share is [0.625, 1]. Up to US$12.5B of US$20B is [0, 0.625], which the cap leaves alone.
    """
    q = part / whole
    return Bounded(min(q.low, 1.0), min(q.high, 1.0), q.unit, q.approximate, q.status, q.basis)


def intersection(a: Bounded, b: Bounded) -> Bounded:
    """The values two statements of one quantity both allow: [max of the lows, min of the highs].

    [0, 0.625] and [0.625, 1] share only 0.625. Raises ValueError when the intervals share no value (the two
    statements cannot both be true), with a hair of relative slack for float noise.
    """
    if a.unit != b.unit:
        raise UnitError(f"cannot intersect {unit_name(a.unit)} with {unit_name(b.unit)}")
    if not compatible(a, b):
        raise ValueError(f"[{a.low}, {a.high}] and [{b.low}, {b.high}] share no value")
    low, high = max(a.low, b.low), min(a.high, b.high)
    if low > high or math.isclose(low, high, rel_tol=1e-12):
        low = high = (low + high) / 2  # a single shared value (its ends apart only by float noise)
    return Bounded(low, high, a.unit, a.approximate or b.approximate, "derived", tuple(dict.fromkeys(a.basis + b.basis)))


def is_majority(share: Bounded) -> bool:
    """'Most' (大部分) holds only if every value the share's interval allows is above half."""
    return share.above(0.5)


def leads(leader: Bounded, rivals: list[Bounded]) -> bool:
    """True only if every value the leader's interval allows is above every value each rival's allows."""
    return all(leader.low > rival.high for rival in rivals)


def conversion_rate(amount: float, converted: float, unit: str, approximate: bool, basis: tuple[str, ...]) -> Bounded:
    """The rate a text's own conversion implies: ¥10T 'about US$65B' is about 154 ¥/US$.

    Both numbers name one amount (a ceiling and its conversion), so the rate is their quotient as a
    point, as exact as the less exact of the two, not the interval quotient of two separate figures.
    """
    rate = implied_rate(amount, converted)
    return Bounded(rate, rate, unit_of(unit), approximate, "derived", basis)


def _ceiling(q: Bounded, basis: tuple[str, ...]) -> Bounded:
    """A ceiling taken at its value, as an exact quantity: the high end of 'at most 75%' is 75%."""
    return Bounded(q.high, q.high, q.unit, q.approximate, q.status, basis)


class _Figures:
    """Figures by id, as bounded quantities and as the source words them."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.table = figures(data_dir).set_index("figure_id")

    def __call__(self, figure_id: str) -> Bounded:
        return bounded(figure_id, self.data_dir)

    def text(self, figure_id: str) -> str:
        row = self.table.loc[figure_id]
        high = None if math.isnan(row.value_high) else row.value_high
        return format_figure(row.value_low, high, row.unit, row.qualifier)

    def stated_number(self, figure_id: str) -> float:
        """The number as the text prints it (¥10T in 'up to ¥10T'), in base units."""
        return float(self.table.loc[figure_id, "value_low"])

    def qualifier(self, figure_id: str) -> str:
        return str(self.table.loc[figure_id, "qualifier"])


def _coreweave_parts(f: _Figures) -> Check:
    parts, total = f("F002-19") + f("F002-20"), f("F002-18")
    return Check("coreweave-parts", "parts against total", "Do CoreWeave's two named contracts add up to the week's total?",
                 "F002-19 + F002-20 vs F002-18", f.text("F002-18"), format_bounded(parts),
                 compatible(parts, total),
                 f"The OpenAI and Meta contracts alone sum to {format_bounded(parts)}, which is {f.text('F002-18')} as stated.",
                 stated_quantity=total, computed_quantity=parts)


def _japan_exchange_rate(f: _Figures) -> Check:
    usd = f("F002-25")
    rate = conversion_rate(f.stated_number("F002-24"), f.stated_number("F002-25"), "JPY_per_USD", usd.approximate,
                           ("F002-24", "F002-25"))
    reference = assumed("jpy_per_usd", f.data_dir)
    central = assumed("jpy_per_usd", f.data_dir, central=True)
    consistent = compatible(rate, reference)
    return Check("japan-fx", "implied rate", "Does ¥10T really convert to about US$65B?",
                 "F002-24 ÷ F002-25 vs assumption jpy_per_usd", f"{f.text('F002-24')} ≈ {f.text('F002-25')}",
                 format_bounded(rate), consistent,
                 f"The conversion implies {format_bounded(rate)}. The book's assumed reference rate is "
                 f"{format_bounded(central)}, and its assumed range, {format_bounded(reference)}, "
                 f"{'holds' if consistent else 'does not hold'} the implied rate.",
                 stated_quantity=reference, computed_quantity=rate)


def _microsoft_gap(f: _Figures) -> Check:
    gap, stated = f("F002-31") - f("F002-32"), f("F002-33")
    return Check("microsoft-gap", "stated against computed difference",
                 "Is Microsoft's AI case-study share 16 points above its cloud share?",
                 "F002-31 − F002-32 vs F002-33", f.text("F002-33"), format_bounded(gap, "percentage_points"),
                 compatible(gap, stated),
                 f"{f.text('F002-31')} minus {f.text('F002-32')} is {format_bounded(gap, 'percentage_points')}, "
                 f"not the {f.text('F002-33')} the digest states; one of the three numbers is wrong.",
                 stated_quantity=stated, computed_quantity=gap)


def _nvidia_half_of_gross_profit(f: _Figures) -> Check:
    """'Half' holds if some margin the source allows (高達 75%: at most 75%) makes the equity half of gross profit."""
    revenue, margin, share, equity = f("F003-06"), f("F003-07"), f("F003-08"), f("F003-05")
    gross = revenue * margin
    half = gross * share
    margin_for_half = equity / (revenue * share)
    at_ceiling = equity / (revenue * _ceiling(margin, ("F003-07",)))
    return Check("nvidia-half-gross-profit", "stated against computed", "Is US$10B equity half of Nvidia's gross profit?",
                 "F003-06 × F003-07 × F003-08 vs F003-05", f.text("F003-05"), format_bounded(half),
                 compatible(half, equity, ABOUT_TOLERANCE),
                 f"{f.text('F003-06')} at a margin of {f.text('F003-07')} is {format_bounded(gross, digits=4)} "
                 f"of gross profit, so half is {format_bounded(half)}. The stated {f.text('F003-05')} equity is half at a "
                 f"margin of {format_bounded(margin_for_half, 'percent', 2)}, which the ceiling allows; at the ceiling it "
                 f"would be {format_bounded(at_ceiling, 'percent', 2)}, not half.",
                 stated_quantity=equity, computed_quantity=half)


def _nvidia_equity_per_gigawatt(f: _Figures) -> Check:
    per_gw = f("F003-03") / f("F003-04")
    # the book's reading, which the text does not state: the equity figure is per gigawatt
    stated = f("F003-05") / exact(1.0, "GW")
    bound = format_bounded(per_gw)
    return Check("nvidia-equity-per-gw", "per gigawatt", "Is the ~US$10B equity figure per gigawatt?",
                 "F003-03 ÷ F003-04 vs F003-05", f.text("F003-05"), bound,
                 compatible(per_gw, stated, ABOUT_TOLERANCE),
                 f"{f.text('F003-03')} over {f.text('F003-04')} is {bound}; the {f.text('F003-05')} figure sits at that "
                 "ceiling, so the per-deal numbers can be read per gigawatt. The per-gigawatt reading is the book's: "
                 "the text does not say so.",
                 stated_quantity=stated, computed_quantity=per_gw)


def xai_debt_shares(data_dir: Path = DATA) -> dict[str, Bounded]:
    """xAI's debt as a share of its raise, on each of the digest's two sentences and on both together.

    C002-06 (with C002-05's raise): debt up to US$12.5B (F002-08) of a US$20B raise (F002-07): [0, 12.5] / 20 =
    at most 62.5%. C002-16, the sentence that calls the debt 大部分 (most): US$12.5B (F002-22) of a raise of up to
    US$20B (F002-21): 12.5 / [0, 20] = at least 62.5%, capped at 100%. Both: the only share both allow, 62.5%.
    Keys: 'C002-06', 'C002-16', 'both'.
    """
    first = share_of_whole(bounded("F002-08", data_dir), bounded("F002-07", data_dir))
    second = share_of_whole(bounded("F002-22", data_dir), bounded("F002-21", data_dir))
    return {"C002-06": first, "C002-16": second, "both": intersection(first, second)}


def _xai_debt_share(f: _Figures) -> Check:
    shares = xai_debt_shares(f.data_dir)
    most, other, both = shares["C002-16"], shares["C002-06"], shares["both"]
    pct = lambda q: format_bounded(q, "percent")  # noqa: E731
    holds = is_majority(most)
    return Check("xai-debt-majority", "parts against total", "Is debt really 'most' of xAI's raise?",
                 "F002-22 ÷ F002-21 (C002-16); F002-08 ÷ F002-07 (C002-06)", "most (大部分, C002-16)", pct(most), holds,
                 f"In the sentence that says 'most' (C002-16), debt of {f.text('F002-22')} in a raise of "
                 f"{f.text('F002-21')} is {pct(most)} of it, {'above' if holds else 'not wholly above'} half at every "
                 f"value the figures allow, so 'most' {'holds' if holds else 'is not established'} on its own sentence. "
                 f"The digest's other sentence (C002-06), {f.text('F002-08')} of debt in a {f.text('F002-07')} raise, "
                 f"gives {pct(other)}; the only share both sentences allow is {pct(both)}.",
                 stated_quantity=MOST, computed_quantity=most)


def _capacity_qualifier(f: _Figures) -> Check:
    a, b = f.qualifier("F002-05"), f.qualifier("F003-04")
    return Check("nvidia-openai-10gw", "cross-source", "Do the two texts bound Nvidia–OpenAI's 10 GW the same way?",
                 "F002-05 vs F003-04", f"{f.text('F002-05')} (Bloomberg-based) vs {f.text('F003-04')} (Best Partners host)",
                 "same number, opposite bounds", a == b,
                 f"The Bloomberg-based digest says {f.text('F002-05')}; the Best Partners host, in his own narration "
                 f"(C003-03), says {f.text('F003-04')}. The number agrees; the bound does not.")


def _oracle_contract(f: _Figures) -> Check:
    bloomberg, patel = f("F002-10"), f("F003-02")
    return Check("oracle-contract", "cross-source", "Do the texts agree on OpenAI's Oracle contract?",
                 "F002-10 vs F003-02", f"{f.text('F002-10')} vs {f.text('F003-02')}",
                 format_bounded(patel), compatible(patel, bloomberg),
                 f"The Best Partners host's {format_bounded(patel)} (his own narration, C003-02) fits the "
                 f"Bloomberg-based digest's {f.text('F002-10')}, at its ceiling; only the host gives a term "
                 f"({f.text('F003-01')}: 五年內, 'within five years').",
                 stated_quantity=bloomberg, computed_quantity=patel)


def _niche_accelerator(f: _Figures) -> Check:
    revenue, stated = f("F004-16") * f("F004-17"), f("F004-18")
    return Check("niche-share", "stated against computed", "Is 0.5% of a US$10T market 'billions'?",
                 "F004-16 × F004-17 vs F004-18", f.text("F004-18"), format_bounded(revenue),
                 compatible(revenue, stated),
                 f"{f.text('F004-17')} of {f.text('F004-16')} is {format_bounded(revenue)}, {format_bounded(revenue / stated)} "
                 f"the '{f.text('F004-18')}' (數十億) the text gives for it: true as a floor, understated as an estimate.",
                 stated_quantity=stated, computed_quantity=revenue)


def _openrouter_lead(f: _Figures) -> Check:
    xai, google, anthropic = f("F000-33"), f("F000-34"), f("F000-35")
    over_top = xai / _ceiling(google, ("F000-34",))
    return Check("openrouter-lead", "stated against computed", "Does xAI lead on OpenRouter, as Baker says?",
                 "F000-33 vs F000-34 (high end) and F000-35", "xAI leads",
                 f"{format_bounded(over_top, digits=2)} Google's high end", leads(xai, [google, anthropic]),
                 f"xAI's {f.text('F000-33')} exceeds even the top of Google's {f.text('F000-34')} and Anthropic's {f.text('F000-35')}.",
                 stated_quantity=google, computed_quantity=xai)


def _data_centre_cost(f: _Figures) -> Check:
    stated, single = f("F004-26"), f("F004-47")
    return Check("data-centre-cost", "cross-passage", "Does the later US$50B data centre fit the earlier range?",
                 "F004-47 within F004-26", f.text("F004-26"), format_bounded(single), compatible(single, stated),
                 f"The {f.text('F004-47')} data centres of the edge-computing passage sit at the bottom of the {f.text('F004-26')} range.",
                 stated_quantity=stated, computed_quantity=single)


def _non_compute_costs(f: _Figures) -> Check:
    """What each of Baker's cases leaves for costs of revenue other than compute. The AI margin is a best case
    (最好的情況是 40%: up to 40%), so the AI case leaves 1 − [0, 0.4] − 0.5 = [0.1, 0.5]: the SaaS case's 10% only
    at the best case."""
    whole = exact(1.0, "percent")
    saas = whole - f("F004-48") - f("F004-49")
    ai = whole - f("F004-50") - f("F004-51")
    best = whole - _ceiling(f("F004-50"), ("F004-50",)) - f("F004-51")
    pct = lambda q: format_bounded(q, "percent")  # noqa: E731
    same_at_best = compatible(saas, best)
    return Check("silicon-intensity", "implied rate", "Do Baker's two margin structures leave the same room for other costs?",
                 "100 − F004-48 − F004-49 vs 100 − F004-50 − F004-51",
                 f"SaaS {f.text('F004-48')} margin, {f.text('F004-49')} compute; AI {f.text('F004-50')} margin, "
                 f"{f.text('F004-51')} compute",
                 f"{pct(saas)} and {pct(ai)} of revenue", compatible(saas, ai),
                 f"The SaaS case leaves {pct(saas)} of revenue for non-compute costs of revenue; the AI case, whose "
                 f"margin is a best case ({f.text('F004-50')}), leaves {pct(ai)}. "
                 + (f"Only at the best case is it the same {pct(best)}, where compute alone explains the whole margin "
                    "gap; below it, other costs take part of the gap." if same_at_best else
                    f"Even at the best case it leaves {pct(best)}, so compute does not explain the whole margin gap."),
                 stated_quantity=saas, computed_quantity=ai)


def _ends(q: Bounded | None) -> tuple[float, float]:
    return (math.nan, math.nan) if q is None else (q.low, q.high)


def consistency_checks(data_dir: Path = DATA) -> pd.DataFrame:
    """Every check as a row: id, kind, question, inputs, stated, computed, consistent, finding.

    `stated_quantity` and `computed_quantity` hold the Bounded values (None for a check on bounds alone),
    and `stated_low`, `stated_high`, `computed_low`, `computed_high` their ends in base units (shares as
    fractions; an open end is ±inf; NaN where the check carries no quantity).
    """
    f = _Figures(data_dir)
    results = [_coreweave_parts(f), _japan_exchange_rate(f), _microsoft_gap(f),
               _nvidia_half_of_gross_profit(f), _nvidia_equity_per_gigawatt(f), _xai_debt_share(f),
               _capacity_qualifier(f), _oracle_contract(f), _niche_accelerator(f), _openrouter_lead(f),
               _data_centre_cost(f), _non_compute_costs(f)]
    rows = []
    for r in results:
        (stated_low, stated_high), (computed_low, computed_high) = _ends(r.stated_quantity), _ends(r.computed_quantity)
        rows.append(r.__dict__ | {"stated_low": stated_low, "stated_high": stated_high,
                                  "computed_low": computed_low, "computed_high": computed_high})
    return pd.DataFrame(rows)
