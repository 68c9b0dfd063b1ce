"""Consistency checks: the sources' figures tested against each other.

Each check records its inputs, what the source states, what the figures compute to, and a verdict.
A failed check is a finding for the book ("where the sources disagree"), not a test failure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .fmt import format_bounded, format_figure, format_value, significant
from ..paths import DATA
from .tables import assumption, bounded, figures


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
    stated_value: float = math.nan  # the number the source states or implies, where there is one
    computed_value: float = math.nan  # what the source's own figures compute to


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


class _Figures:
    """Figure values by id, with a record of which ids a check used."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.table = figures(data_dir).set_index("figure_id")

    def __call__(self, figure_id: str) -> float:
        return float(self.table.loc[figure_id, "value_low"])

    def text(self, figure_id: str) -> str:
        row = self.table.loc[figure_id]
        high = None if math.isnan(row.value_high) else row.value_high
        return format_figure(row.value_low, high, row.unit, row.qualifier)

    def qualifier(self, figure_id: str) -> str:
        return str(self.table.loc[figure_id, "qualifier"])


def _coreweave_parts(f: _Figures) -> Check:
    parts = parts_total([f("F002-19"), f("F002-20")])
    return Check("coreweave-parts", "parts against total", "Do CoreWeave's two named contracts add up to the week's total?",
                 "F002-19 + F002-20 vs F002-18", f.text("F002-18"), format_value(parts, "USD"),
                 parts > f("F002-18"),
                 f"The OpenAI and Meta contracts alone sum to {format_value(parts, 'USD')}, which is {f.text('F002-18')} as stated.",
                 stated_value=f("F002-18"), computed_value=parts)


def _japan_exchange_rate(f: _Figures, data_dir: Path) -> Check:
    rate = implied_rate(f("F002-24"), f("F002-25"))
    reference = assumption("jpy_per_usd", data_dir)
    tolerance = (reference.high - reference.low) / 2 / reference.value
    return Check("japan-fx", "implied rate", "Does ¥10T really convert to about US$65B?",
                 "F002-24 ÷ F002-25 vs assumption jpy_per_usd", f"{f.text('F002-24')} ≈ {f.text('F002-25')}",
                 f"{significant(rate)} ¥ per US$", within(rate, reference.value, tolerance),
                 f"The conversion implies {significant(rate)} yen per dollar, against a reference rate of "
                 f"{significant(reference.value)} (assumption, range {significant(reference.low)}–{significant(reference.high)}).",
                 stated_value=reference.value, computed_value=rate)


def _microsoft_gap(f: _Figures) -> Check:
    gap = f("F002-31") - f("F002-32")
    return Check("microsoft-gap", "stated against computed difference",
                 "Is Microsoft's AI case-study share 16 points above its cloud share?",
                 "F002-31 − F002-32 vs F002-33", f.text("F002-33"), format_value(gap, "percentage_points"),
                 math.isclose(gap, f("F002-33")),
                 f"{f.text('F002-31')} minus {f.text('F002-32')} is {format_value(gap, 'percentage_points')}, "
                 f"not the {f.text('F002-33')} the digest states; one of the three numbers is wrong.",
                 stated_value=f("F002-33"), computed_value=gap)


def _nvidia_half_of_gross_profit(f: _Figures) -> Check:
    """'Half' holds if some margin the source allows (高達 75%: at most 75%) makes the equity half of gross profit."""
    half = bounded("F003-06", f.data_dir) * bounded("F003-07", f.data_dir) * bounded("F003-08", f.data_dir)
    equity = f("F003-05")
    margin_for_half = equity / (f("F003-06") * f("F003-08") / 100) * 100
    at_ceiling = f("F003-06") * f("F003-07") / 100
    consistent = half.low <= equity * (1 + 0.1) and equity * (1 - 0.1) <= half.high
    return Check("nvidia-half-gross-profit", "stated against computed", "Is US$10B equity half of Nvidia's gross profit?",
                 "F003-06 × F003-07 × F003-08 vs F003-05", f.text("F003-05"), format_bounded(half),
                 consistent,
                 f"{f.text('F003-06')} at a margin of {f.text('F003-07')} is at most {format_value(at_ceiling, 'USD', 4)} "
                 f"of gross profit, so half is {format_bounded(half)}. The stated {f.text('F003-05')} equity is half at a "
                 f"margin of {format_value(margin_for_half, 'percent', 2)}, which the ceiling allows; at the ceiling it "
                 f"would be {format_value(equity / at_ceiling * 100, 'percent', 2)}, not half.",
                 stated_value=equity, computed_value=half.high)


def _nvidia_equity_per_gigawatt(f: _Figures) -> Check:
    per_gw = implied_rate(f("F003-03"), f("F003-04"))
    bound = format_bounded(bounded("F003-03", f.data_dir) / bounded("F003-04", f.data_dir))
    return Check("nvidia-equity-per-gw", "per gigawatt", "Is the ~US$10B equity figure per gigawatt?",
                 "F003-03 ÷ F003-04 vs F003-05", f.text("F003-05"), bound,
                 within(per_gw, f("F003-05"), 0.1),
                 f"{f.text('F003-03')} over {f.text('F003-04')} is {bound}; the {f.text('F003-05')} figure sits at that "
                 "ceiling, so the per-deal numbers can be read per gigawatt. The per-gigawatt reading is the book's: "
                 "the text does not say so.",
                 stated_value=f("F003-05"), computed_value=per_gw)


def _xai_debt_share(f: _Figures) -> Check:
    share = f("F002-08") / f("F002-07") * 100
    bound = format_bounded(bounded("F002-08", f.data_dir) / bounded("F002-07", f.data_dir), "percent")
    return Check("xai-debt-majority", "parts against total", "Is debt really 'most' of xAI's raise?",
                 "F002-08 ÷ F002-07", "most (大部分)", bound, share > 50,
                 f"Debt of {f.text('F002-08')} in a {f.text('F002-07')} raise is {bound} of it: 'most' at its ceiling.",
                 stated_value=50.0, computed_value=share)


def _capacity_qualifier(f: _Figures) -> Check:
    a, b = f.qualifier("F002-05"), f.qualifier("F003-04")
    return Check("nvidia-openai-10gw", "cross-source", "Do the two texts bound Nvidia–OpenAI's 10 GW the same way?",
                 "F002-05 vs F003-04", f"{f.text('F002-05')} (Bloomberg-based) vs {f.text('F003-04')} (Patel)",
                 "same number, opposite bounds", a == b,
                 f"The Bloomberg-based digest says {f.text('F002-05')}; the Patel transcript says {f.text('F003-04')}. "
                 "The number agrees; the bound does not.")


def _oracle_contract(f: _Figures) -> Check:
    return Check("oracle-contract", "cross-source", "Do the texts agree on OpenAI's Oracle contract?",
                 "F002-10 vs F003-02", f"{f.text('F002-10')} vs {f.text('F003-02')}",
                 format_value(f("F003-02"), "USD"), math.isclose(f("F002-10"), f("F003-02")),
                 f"Both give {format_value(f('F003-02'), 'USD')}; only Patel adds the term ({f.text('F003-01')}).",
                 stated_value=f("F002-10"), computed_value=f("F003-02"))


def _niche_accelerator(f: _Figures) -> Check:
    revenue = f("F004-16") * f("F004-17") / 100
    stated = f("F004-18")
    return Check("niche-share", "stated against computed", "Is 0.5% of a US$10T market 'billions'?",
                 "F004-16 × F004-17 vs F004-18", f.text("F004-18"), format_value(revenue, "USD"),
                 stated <= revenue < stated * 10,
                 f"0.5% of {f.text('F004-16')} is {format_value(revenue, 'USD')}: tens of billions, an order of magnitude "
                 f"above '{f.text('F004-18')}' (數十億). True as a floor, understated as an estimate.",
                 stated_value=stated, computed_value=revenue)


def _openrouter_lead(f: _Figures) -> Check:
    xai, google_high, anthropic = f("F000-33"), float(f.table.loc["F000-34", "value_high"]), f("F000-35")
    return Check("openrouter-lead", "stated against computed", "Does xAI lead on OpenRouter, as Baker says?",
                 "F000-33 vs F000-34 (high end) and F000-35", "xAI leads", f"{format_value(xai / google_high, 'times', 2)} Google's high end",
                 xai > google_high > anthropic,
                 f"xAI's {f.text('F000-33')} exceeds even the top of Google's {f.text('F000-34')} and Anthropic's {f.text('F000-35')}.",
                 stated_value=google_high, computed_value=xai)


def _data_centre_cost(f: _Figures) -> Check:
    low, high = f("F004-26"), float(f.table.loc["F004-26", "value_high"])
    single = f("F004-47")
    return Check("data-centre-cost", "cross-passage", "Does the later US$50B data centre fit the earlier range?",
                 "F004-47 within F004-26", f.text("F004-26"), f.text("F004-47"), low <= single <= high,
                 f"The {f.text('F004-47')} data centres of the edge-computing passage sit at the bottom of the {f.text('F004-26')} range.",
                 stated_value=low, computed_value=single)


def _non_compute_costs(f: _Figures) -> Check:
    saas = 100 - f("F004-48") - f("F004-49")
    ai = 100 - f("F004-50") - f("F004-51")
    return Check("silicon-intensity", "implied rate", "Do Baker's two margin structures leave the same room for other costs?",
                 "100 − F004-48 − F004-49 vs 100 − F004-50 − F004-51",
                 "SaaS 85% margin, 5% compute; AI 40% margin, 50% compute",
                 f"{format_value(saas, 'percent')} and {format_value(ai, 'percent')} of revenue", math.isclose(saas, ai),
                 f"Both leave {format_value(saas, 'percent')} of revenue for non-compute costs of revenue: compute alone "
                 "explains the whole margin gap.",
                 stated_value=saas, computed_value=ai)


def consistency_checks(data_dir: Path = DATA) -> pd.DataFrame:
    """Every check as a row: id, kind, question, inputs, stated, computed, consistent, finding."""
    f = _Figures(data_dir)
    results = [_coreweave_parts(f), _japan_exchange_rate(f, data_dir), _microsoft_gap(f),
               _nvidia_half_of_gross_profit(f), _nvidia_equity_per_gigawatt(f), _xai_debt_share(f),
               _capacity_qualifier(f), _oracle_contract(f), _niche_accelerator(f), _openrouter_lead(f),
               _data_centre_cost(f), _non_compute_costs(f)]
    return pd.DataFrame([r.__dict__ for r in results])
