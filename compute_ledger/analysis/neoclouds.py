"""The neoclouds: their contracts, their customers, their business models and the payback on a rented GPU.

The sources name the contracts (CoreWeave's week, Oracle's OpenAI contract) and describe the business
models and the "first year free" window, but give no prices or costs. The payback model therefore runs
entirely on named assumptions from data/assumptions.csv, plus the one number the sources do give: the
length of the free window (F003-11, 首年, one year).

Everything here is a pure function of the evidence tables; the chapter notebook only calls it.
"""
from __future__ import annotations

import math
import operator
import re
from dataclasses import dataclass, replace
from functools import reduce
from pathlib import Path

import numpy as np
import pandas as pd

from ..evidence.checks import consistency_checks, parts_total
from ..evidence.fmt import format_bounded, format_figure, format_range, format_value, join_names
from ..evidence.quantity import Bounded, shares
from ..paths import DATA
from .derived import oracle_yearly_average
from ..evidence.tables import assumed, assumption, bounded, deals, entity_names, figure, figure_text, load, value

# A calendar year of GPU-hours. This is the definition of a year, not an assumption about neoclouds.
HOURS_PER_YEAR = 365 * 24
MONTHS_PER_YEAR = 12

# The payback model's parameters: (field, assumption id). Every one is a row in data/assumptions.csv.
PAYBACK_ASSUMPTIONS = {
    "capex": "gpu_capex",
    "hour_price": "gpu_hour_price",
    "utilisation": "gpu_utilisation",
    "opex_share": "gpu_opex_share",
    "useful_life": "gpu_useful_life",
    "recovery": "neoclouds_deferred_fee_recovery",
    "repayment_years": "neoclouds_deferred_repayment_years",
}
# The free window is the one parameter the sources state: 首年 (first year), F003-11.
FREE_WINDOW_FIGURE = "F003-11"

# Provider entities the chapter treats as neoclouds or AI-first clouds.
PROVIDERS = ("oracle", "coreweave", "nebius")


# --- CoreWeave's week: parts against the stated total ------------------------------------------------

def coreweave_week(data_dir: Path = DATA) -> pd.DataFrame:
    """CoreWeave's two named contracts beside the week's stated total ('over US$36B').

    The digest gives a total with a floor ('超過', over) and two parts; the parts must not fall short of
    the floor. Rows: one per part, then the stated floor, with value in USD and its printed form.
    """
    parts = [("OpenAI (incl. expansions)", "openai", "F002-19"), ("Meta", "meta", "F002-20")]
    rows = [{"item": label, "entity": entity, "kind": "named contract", "figure_id": fid,
             "value": value(fid, data_dir), "printed": figure_text(fid, data_dir)} for label, entity, fid in parts]
    total = parts_total([r["value"] for r in rows])
    rows.append({"item": "Sum of the named contracts", "entity": "coreweave", "kind": "derived", "figure_id": "F002-19 + F002-20",
                 "value": total, "printed": format_value(total, "USD")})
    rows.append({"item": "Stated total for the week", "entity": "coreweave", "kind": "stated floor", "figure_id": "F002-18",
                 "value": value("F002-18", data_dir), "printed": figure_text("F002-18", data_dir)})
    return pd.DataFrame(rows)


def coreweave_check(data_dir: Path = DATA) -> pd.Series:
    """The book's consistency check 'coreweave-parts' (compute_ledger.evidence.checks), reused, not recomputed."""
    return consistency_checks(data_dir).set_index("check_id").loc["coreweave-parts"]


def headroom_over_floor(parts: list[float], floor: float) -> float:
    """How far the named parts go beyond a stated 'over X' total: positive means the parts fit the floor."""
    return parts_total(parts) - floor


# --- Customers and concentration ----------------------------------------------------------------------

def provider_contracts(data_dir: Path = DATA) -> pd.DataFrame:
    """Every contract or partnership the sources name between a neocloud / AI-first cloud and a customer.

    Value and qualifier come from the deal's amount figure; deals with no stated value keep NaN, so a
    chart can show them without inventing a number.
    """
    table = deals(data_dir)
    table = table[table["to_entity"].isin(PROVIDERS)].copy()
    table["value"] = table["amount_value_low"].astype(float)
    table["printed"] = [
        format_figure(v, None, u, q) if isinstance(u, str) and u else "value not stated"
        for v, u, q in zip(table["amount_value_low"], table["amount_unit"], table["amount_qualifier"])
    ]
    table = table.rename(columns={"from_entity": "customer", "to_entity": "provider",
                                  "from_name": "customer_name", "to_name": "provider_name"})
    return table[["deal_id", "provider", "provider_name", "customer", "customer_name", "instrument", "description",
                  "amount_figure", "value", "printed"]].reset_index(drop=True)


def _contract_value(contracts: pd.DataFrame, data_dir: Path) -> Bounded:
    """The bounded sum of the contracts' amount figures: an 'up to' contract adds a ceiling, not a value."""
    return reduce(operator.add, (bounded(f, data_dir) for f in contracts["amount_figure"]))


def stated_contract_value(contracts: pd.DataFrame, data_dir: Path = DATA) -> Bounded:
    """What the contracts with a stated value add up to, with the bound each one carries."""
    return _contract_value(contracts.dropna(subset=["value"]), data_dir)


def customer_share(contracts: pd.DataFrame, customer: str, provider: str | None = None,
                   data_dir: Path = DATA) -> Bounded:
    """A customer's share of the stated contract value, across all providers or for one, as the bounds allow.

    Only contracts with a stated value count: this is a share of what the sources name, not of revenue.
    """
    valued = contracts.dropna(subset=["value"])
    if provider is not None:
        valued = valued[valued["provider"] == provider]
    mine = valued["customer"] == customer
    return shares({"customer": _contract_value(valued[mine], data_dir),
                   "others": _contract_value(valued[~mine], data_dir)})["customer"]


# --- Generative-AI case studies against cloud market share ---------------------------------------------

def case_study_gaps(data_dir: Path = DATA) -> pd.DataFrame:
    """Each incumbent's gap between its share of new generative-AI case studies and its cloud market share.

    Microsoft: the digest states 62% and 29% and a 16 pp gap; the shares compute to 33 pp, and both are
    kept. AWS: 3 pp below, with no shares stated. Google: above its market share, with no number at all,
    so its gap stays NaN.
    """
    names = entity_names(data_dir)
    ms_case, ms_cloud = value("F002-31", data_dir), value("F002-32", data_dir)
    computed = ms_case - ms_cloud
    rows = [
        {"entity": "microsoft", "label": f"{names['microsoft']}, stated", "status": "reported", "gap": value("F002-33", data_dir),
         "basis": "as printed", "figure_ids": "F002-33"},
        {"entity": "microsoft", "label": f"{names['microsoft']}, computed", "status": "derived", "gap": computed,
         "basis": f"{format_value(ms_case, 'percent')} − {format_value(ms_cloud, 'percent')}", "figure_ids": "F002-31 − F002-32"},
        {"entity": "google", "label": f"{names['google']}, stated", "status": "reported", "gap": float("nan"),
         "basis": "above its market share; no number stated", "figure_ids": ""},
        {"entity": "amazon", "label": "AWS, stated", "status": "reported", "gap": -value("F002-34", data_dir),
         "basis": f"stated as {figure_text('F002-34', data_dir)} below; no shares given", "figure_ids": "F002-34"},
    ]
    return pd.DataFrame(rows)


# --- Business models and who bears the risk ------------------------------------------------------------

def business_models(data_dir: Path = DATA) -> pd.DataFrame:
    """The neocloud business models Patel describes, with the risk each carries and who carries it.

    Cells paraphrase the quoted claims (listed in the last column); the one number, Nvidia's margin, is
    printed from its figure with its qualifier.
    """
    nvidia_margin = figure_text("F003-07", data_dir)
    rows = [
        ("Short-term rental", "GPU hours rented at a high premium", "High while GPUs are scarce (not quantified)",
         "New chip generations depreciate the GPUs fast", "The neocloud, which owns the GPUs", "C003-11"),
        ("Long-term contract", "Multi-year capacity contracts (Nebius–Microsoft; CoreWeave–OpenAI; Oracle–OpenAI)",
         "Stable gross margin", "Customer credit, concentrated in one or two customers",
         "The neocloud; the sources single out OpenAI's ability to pay", "C003-41; C003-12; C002-31"),
        ("Inference services", "Fine-tuning and stable compute for open-source models", "Not stated",
         "Short projects; startup and small-SaaS customers with fragile funding", "The inference provider", "C003-42"),
        ("First year free", "No compute fees in the first year (首年); repaid later from the partner's cash flow",
         "Deferred: depends on repayment", "The partner cannot repay", "The provider that opens the window (Oracle, CoreWeave)",
         "C003-10"),
        ("Chip supplier (Nvidia)", "Sells the GPUs the others rent out", f"Gross margin {nvidia_margin}",
         "None that the sources name", "Nobody: 'only Nvidia is guaranteed to profit'", "C003-04; C003-13"),
    ]
    columns = ["Model", "Revenue", "Margin profile", "Main risk", "Who bears it", "Claims"]
    frame = pd.DataFrame(rows, columns=columns)
    known = set(load("claims", data_dir)["claim_id"])
    cited = {c.strip() for cell in frame["Claims"] for c in cell.split(";")}
    missing = cited - known
    if missing:
        raise KeyError(f"business_models cites unknown claims {sorted(missing)}")
    return frame


# --- The payback on a rented GPU -----------------------------------------------------------------------

@dataclass(frozen=True)
class PaybackInputs:
    """One GPU's economics. Units: USD, USD per GPU-hour, percent, years."""

    capex: float
    hour_price: float
    utilisation: float
    opex_share: float
    useful_life: float
    free_years: float
    recovery: float
    repayment_years: float

    def with_free_window(self, years: float) -> "PaybackInputs":
        return replace(self, free_years=years)


def payback_inputs(data_dir: Path = DATA) -> PaybackInputs:
    """The model's central case: every parameter from data/assumptions.csv, the free window from F003-11."""
    values = {field: float(assumption(aid, data_dir)["value"]) for field, aid in PAYBACK_ASSUMPTIONS.items()}
    return PaybackInputs(free_years=value(FREE_WINDOW_FIGURE, data_dir), **values)


def payback_basis(data_dir: Path = DATA) -> dict[str, Bounded]:
    """What the payback model rests on, by field, as bounded quantities carrying their status.

    Each parameter is its assumption at the central value (status 'assumption'); the free window is
    F003-11 (status 'reported'). Titles read their 'Under the book's assumptions' from these statuses.
    """
    basis = {field: assumed(aid, data_dir, central=True) for field, aid in PAYBACK_ASSUMPTIONS.items()}
    return {**basis, "free_years": bounded(FREE_WINDOW_FIGURE, data_dir)}


def parameter_ranges(data_dir: Path = DATA) -> pd.DataFrame:
    """Each model parameter with its value, low, high, unit and name: the sliders' ranges and the table."""
    rows = []
    for field, aid in PAYBACK_ASSUMPTIONS.items():
        row = assumption(aid, data_dir)
        rows.append({"field": field, "assumption_id": aid, "name": row["name"], "value": float(row["value"]),
                     "low": float(row["low"]), "high": float(row["high"]), "unit": row["unit"], "origin": row["origin"]})
    return pd.DataFrame(rows).set_index("field")


def revenue_per_gpu_year(hour_price: float, utilisation: float) -> float:
    """Rental revenue of one GPU in a year: price per hour × hours in a year × share of hours rented."""
    return hour_price * HOURS_PER_YEAR * utilisation / 100


def opex_per_gpu_year(hour_price: float, utilisation: float, opex_share: float) -> float:
    """Operating cost of one GPU in a year, a share of the revenue it earns when paid (power, staff, space).

    The cost is incurred whether or not the customer pays: it runs during a free window too.
    """
    return revenue_per_gpu_year(hour_price, utilisation) * opex_share / 100


def net_cash_per_gpu_year(hour_price: float, utilisation: float, opex_share: float) -> float:
    """Cash one paid-for GPU returns in a year, after operating costs: what repays its capital cost."""
    return revenue_per_gpu_year(hour_price, utilisation) - opex_per_gpu_year(hour_price, utilisation, opex_share)


def payback_years(capex: float, net_per_year: float) -> float:
    """Simple (undiscounted) payback: years of net cash needed to recover the capital cost."""
    if net_per_year <= 0:
        return math.inf
    return capex / net_per_year


def payback_with_free_window(p: PaybackInputs) -> float:
    """Payback in years when the first `free_years` earn nothing and the deferred fees come back later.

    Cash flows (per year, flowing continuously): operating costs O from the start; no revenue during the
    free window F; revenue R after it; and `recovery`% of the deferred fees F·R repaid evenly over the K
    years after the window. Cumulative cash therefore falls to −(capex + F·O) at the end of the window, then
    rises at N + r·F·R/K while repayments run, and at N = R − O after. Undiscounted, like payback_years; with
    F = 0 it reduces to payback_years.
    """
    revenue = revenue_per_gpu_year(p.hour_price, p.utilisation)
    opex = opex_per_gpu_year(p.hour_price, p.utilisation, p.opex_share)
    net = revenue - opex
    if net <= 0:
        return math.inf
    window, term, share = p.free_years, p.repayment_years, p.recovery / 100
    if window == 0:
        return payback_years(p.capex, net)
    hole = p.capex + window * opex                      # cash out at the end of the free window
    slope_repaying = net + share * window * revenue / term
    if hole / slope_repaying <= term:
        return window + hole / slope_repaying
    after_repayment = hole - term * slope_repaying      # still to recover when repayments end
    return window + term + after_repayment / net


def monthly_cash_flows(p: PaybackInputs, months: int) -> np.ndarray:
    """Net cash of one GPU in each month 1..months, built month by month (an independent route to payback).

    Month m earns revenue only after the free window, pays operating costs always, and receives its
    instalment of deferred fees in the months of the repayment term.
    """
    revenue_m = revenue_per_gpu_year(p.hour_price, p.utilisation) / MONTHS_PER_YEAR
    opex_m = opex_per_gpu_year(p.hour_price, p.utilisation, p.opex_share) / MONTHS_PER_YEAR
    window_m = p.free_years * MONTHS_PER_YEAR
    term_m = p.repayment_years * MONTHS_PER_YEAR
    deferred = window_m * revenue_m * p.recovery / 100
    flows = np.zeros(months)
    for m in range(1, months + 1):
        start, end = m - 1, m                                           # the month as an interval
        paid = max(0.0, end - max(start, window_m))                     # months of it after the window
        repaying = max(0.0, min(end, window_m + term_m) - max(start, window_m)) if term_m else 0.0
        flows[m - 1] = paid * revenue_m - opex_m + (deferred * repaying / term_m if term_m else 0.0)
    return flows


def cumulative_cash(p: PaybackInputs, months: int) -> np.ndarray:
    """Cumulative cash of one GPU at the end of month 0..months (month 0 is the purchase)."""
    return np.concatenate([[-p.capex], -p.capex + np.cumsum(monthly_cash_flows(p, months))])


def cash_at_end_of_life(p: PaybackInputs) -> float:
    """Cumulative cash when the GPU's useful life ends: profit (positive) or loss (negative) per GPU."""
    months = p.useful_life * MONTHS_PER_YEAR
    whole = int(math.floor(months))
    series = cumulative_cash(p, whole + 1)
    return float(series[whole] + (months - whole) * (series[whole + 1] - series[whole]))


def deferred_fees(p: PaybackInputs) -> float:
    """Fees a partner owes for the free window: the provider's credit exposure per GPU when it ends."""
    return p.free_years * revenue_per_gpu_year(p.hour_price, p.utilisation)


def sensitivity(p: PaybackInputs, ranges: pd.DataFrame) -> pd.DataFrame:
    """Payback (years) with one parameter at its low and at its high end, the rest at the central case.

    Operating parameters move the paid-from-month-one payback; the recovery share moves the free-window
    payback (at 100% it equals the central case when payback falls after the repayment term).
    """
    labels = {"capex": "GPU capital cost", "hour_price": "Price per GPU-hour", "utilisation": "Utilization",
              "opex_share": "Operating costs, share of revenue", "recovery": "First year free: share of fees repaid"}
    rows = []
    for field, label in labels.items():
        lo, hi = ranges.loc[field, "low"], ranges.loc[field, "high"]
        if field == "recovery":
            results = [payback_with_free_window(replace(p, recovery=v)) for v in (lo, hi)]
            base = payback_with_free_window(p)
        else:
            base = payback_years(p.capex, net_cash_per_gpu_year(p.hour_price, p.utilisation, p.opex_share))
            results = []
            for v in (lo, hi):
                q = replace(p, **{field: v})
                results.append(payback_years(q.capex, net_cash_per_gpu_year(q.hour_price, q.utilisation, q.opex_share)))
        unit = ranges.loc[field, "unit"]
        rows.append({"parameter": label, "field": field, "low_input": format_value(lo, unit), "high_input": format_value(hi, unit),
                     "range_input": format_range(lo, hi, unit),
                     "payback_at_low": results[0], "payback_at_high": results[1], "central": base,
                     "shortest": min(results), "longest": max(results)})
    frame = pd.DataFrame(rows)
    frame["spread"] = frame["longest"] - frame["shortest"]
    return frame.sort_values("spread", ascending=False).reset_index(drop=True)


_PARAMETER_LABELS = {
    "capex": "GPU capital cost", "hour_price": "Price per GPU-hour", "utilisation": "Utilization (share of hours rented)",
    "opex_share": "Operating costs (share of revenue)", "useful_life": "Useful life",
    "recovery": "Free-year fees later repaid", "repayment_years": "Repayment term of those fees",
}


def parameter_table(data_dir: Path = DATA) -> pd.DataFrame:
    """The payback model's parameters as the reader sees them: value, range, and where each comes from."""
    ranges = parameter_ranges(data_dir)
    rows = []
    for field, r in ranges.iterrows():
        origin = re.sub(r"^Outside the sources:\s*", "", r["origin"])
        rows.append({"Parameter": _PARAMETER_LABELS[field], "Central value": format_value(r["value"], r["unit"], 4),
                     "Range explored": format_range(r["low"], r["high"], r["unit"], 4),
                     "Basis": f"Assumption {r['assumption_id']}: {origin[:1].lower() + origin[1:]}"})
    free = figure(FREE_WINDOW_FIGURE, data_dir)
    rows.append({"Parameter": "Free window (首年, first year)", "Central value": _years(free.value_low),
                 "Range explored": "fixed", "Basis": f"Reported: {free.short_name}, claim {free.claim_id} ({FREE_WINDOW_FIGURE})"})
    return pd.DataFrame(rows)


# --- Numbers for the chapter's prose -------------------------------------------------------------------

def format_signed_usd(value: float, digits: int = 3) -> str:
    """A dollar amount that may be negative, minus sign first: −US$12,400 (as the payback chart prints it)."""
    text = format_value(abs(value), "USD", digits)
    return ("−" if value < 0 else "") + text


def _years(value: float) -> str:
    text = format_value(value, "years")
    return text[:-1] if text == "1 years" else text


# Payback within this share of the useful life of its end is "only just" inside it.
ONLY_JUST = 0.1


def payback_against_life(payback: float, life: float) -> str:
    """Where a payback falls against the useful life, in words: 'inside, but only just,', 'well inside', 'beyond'."""
    if payback > life:
        return "beyond"
    return "inside, but only just," if life - payback <= ONLY_JUST * life else "well inside"


def cash_at_end_words(cash: float) -> str:
    """The GPU's cumulative cash when its life ends: 'having returned US$2,924 more than it cost', or short of it."""
    if cash >= 0:
        return f"having returned {format_value(cash, 'USD')} more than it cost"
    return f"still {format_value(-cash, 'USD')} short of what it cost"


def prose_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """Every number the chapter's prose prints, by glue name, computed here from figures and assumptions."""
    fig = lambda fid: figure_text(fid, data_dir)  # noqa: E731
    val = lambda fid: value(fid, data_dir)  # noqa: E731
    out: dict[str, str] = {}

    # CoreWeave's week
    week = coreweave_week(data_dir).set_index("kind")
    parts = [val("F002-19"), val("F002-20")]
    out.update(neoclouds_cw_total=fig("F002-18"), neoclouds_cw_openai=fig("F002-19"), neoclouds_cw_meta=fig("F002-20"),
               neoclouds_cw_sum=week.loc["derived", "printed"],
               neoclouds_cw_headroom=format_value(headroom_over_floor(parts, val("F002-18")), "USD"))

    # Oracle and concentration
    contracts = provider_contracts(data_dir)
    out.update(neoclouds_oracle_contract=fig("F002-10"), neoclouds_oracle_contract_patel=fig("F003-02"),
               neoclouds_oracle_term=format_value(val("F003-01"), "years"),
               neoclouds_oracle_per_year=format_bounded(oracle_yearly_average(data_dir)),
               neoclouds_oracle_gw=fig("F002-11"),
               neoclouds_stated_total=format_bounded(stated_contract_value(contracts, data_dir)),
               neoclouds_openai_share=format_bounded(customer_share(contracts, "openai", data_dir=data_dir), "percent"),
               neoclouds_openai_share_coreweave=format_bounded(
                   customer_share(contracts, "openai", "coreweave", data_dir), "percent"),
               neoclouds_nvidia_flow=fig("F003-06"), neoclouds_nvidia_margin=fig("F003-07"))

    # The payback model, central case
    p = payback_inputs(data_dir)
    ranges = parameter_ranges(data_dir)
    revenue = revenue_per_gpu_year(p.hour_price, p.utilisation)
    net = net_cash_per_gpu_year(p.hour_price, p.utilisation, p.opex_share)
    paid = payback_years(p.capex, net)
    out.update(neoclouds_price=format_value(p.hour_price, "USD"), neoclouds_hours=f"{HOURS_PER_YEAR:,}",
               neoclouds_util=format_value(p.utilisation, "percent"), neoclouds_revenue=format_value(revenue, "USD", 5),
               neoclouds_opex_share=format_value(p.opex_share, "percent"), neoclouds_net=format_value(net, "USD", 5),
               neoclouds_capex=format_value(p.capex, "USD", 5), neoclouds_payback_years=format_value(paid, "years"),
               neoclouds_payback_months=format_value(paid * MONTHS_PER_YEAR, "months"),
               neoclouds_life=_years(p.useful_life), neoclouds_life_months=format_value(p.useful_life * MONTHS_PER_YEAR, "months"),
               neoclouds_payback_against_life=payback_against_life(paid, p.useful_life),
               neoclouds_cash_end_words=cash_at_end_words(cash_at_end_of_life(p.with_free_window(0))),
               neoclouds_uptime_low=fig("F000-16"), neoclouds_uptime_high=fig("F000-17"))

    # The free first year
    never = replace(p, recovery=ranges.loc["recovery", "low"])
    slow = replace(p, repayment_years=ranges.loc["repayment_years", "high"])
    out.update(neoclouds_recovery=format_value(p.recovery, "percent"),
               neoclouds_recovery_low=format_value(never.recovery, "percent"),
               neoclouds_repay_years=_years(p.repayment_years), neoclouds_repay_years_high=_years(slow.repayment_years),
               neoclouds_free_payback_months=format_value(payback_with_free_window(p) * MONTHS_PER_YEAR, "months"),
               neoclouds_free_hole=format_value(p.capex + p.free_years * opex_per_gpu_year(p.hour_price, p.utilisation, p.opex_share), "USD"),
               neoclouds_deferred=format_value(deferred_fees(p), "USD", 5),
               neoclouds_never_payback_months=format_value(payback_with_free_window(never) * MONTHS_PER_YEAR, "months"),
               neoclouds_never_payback_years=format_value(payback_with_free_window(never), "years"),
               neoclouds_never_cash_end=format_signed_usd(cash_at_end_of_life(never)),
               neoclouds_slow_payback_months=format_value(payback_with_free_window(slow) * MONTHS_PER_YEAR, "months"))

    # Sensitivity
    sens = sensitivity(p, ranges).set_index("field")
    for field, key in (("hour_price", "price"), ("utilisation", "util")):
        row = sens.loc[field]
        out[f"neoclouds_sens_{key}_low"] = row["low_input"]
        out[f"neoclouds_sens_{key}_high"] = row["high_input"]
        out[f"neoclouds_sens_{key}_longest"] = format_value(row["longest"], "years")
        out[f"neoclouds_sens_{key}_shortest"] = format_value(row["shortest"], "years")
    out["neoclouds_life_low"] = _years(ranges.loc["useful_life", "low"])
    beyond = [key for field, key in (("hour_price", "price"), ("utilisation", "utilization"))
              if sens.loc[field, "longest"] > p.useful_life]
    out["neoclouds_sens_beyond_life"] = (f"The slow end of the {join_names(beyond)} range{'s' if len(beyond) > 1 else ''} "
                                         "lies beyond" if beyond else "Both ranges stay inside")
    out["neoclouds_shortest_life_words"] = ("even the central case does not pay back" if paid > ranges.loc["useful_life", "low"]
                                            else "the central case still pays back")

    # Case studies against cloud share
    ms_case, ms_cloud, ms_gap = val("F002-31"), val("F002-32"), val("F002-33")
    out.update(neoclouds_ms_case=fig("F002-31"), neoclouds_ms_cloud=fig("F002-32"), neoclouds_ms_gap_stated=fig("F002-33"),
               neoclouds_ms_gap_computed=format_value(ms_case - ms_cloud, "percentage_points"),
               neoclouds_ms_implied_case=format_value(ms_cloud + ms_gap, "percent"),
               neoclouds_ms_implied_cloud=format_value(ms_case - ms_gap, "percent"),
               neoclouds_aws_gap=fig("F002-34"))
    return out
