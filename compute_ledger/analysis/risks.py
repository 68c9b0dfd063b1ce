"""Risks: the calculations behind the Risks chapter.

The chapter turns the risks the five sources raise into a register, and checks the arithmetic the
sources leave implicit: how the 'return question' steps up, why a prisoner's dilemma keeps every
giant investing, how much of xAI's raise is debt, what a curtailment rule takes off a build-out,
and what a SaaS and an AI company keep from 100 of revenue. Every function is pure and tested by
hand in tests/test_risks.py; every input is a figure (reported) or a named assumption.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_bounded, format_figure, format_value, significant
from ..evidence.quantity import Bounded, exact, unit_of
from ..paths import DATA
from .derived import oracle_yearly_average, xai_debt_shares, xai_raise
from ..evidence.tables import assumption, bounded, figure_text, figures, load

# ---------------------------------------------------------------------------------------------
# Small calculations


def step_ups(values: list[float]) -> list[float]:
    """Each value divided by the one before it: how many times larger each rung of a ladder is."""
    return [later / earlier for earlier, later in zip(values, values[1:])]


def share_percent(part: float, total: float) -> float:
    """A part as a percentage of its total."""
    return part / total * 100


def curtailed_load(load: float, cut_percent: float) -> float:
    """Load that must come off the grid when a rule orders large users to cut `cut_percent` of their use."""
    return load * cut_percent / 100


# ---------------------------------------------------------------------------------------------
# Returns on capital: the '20B -> 60B -> 1T -> 2-3T question'

_RUNGS = [
    # rung label, figure id (as printed), outside-reference assumption id, when
    ("First essay", "F004-35", "risks_essay_title_first", "earlier essay"),
    ("Second essay", "F004-36", "risks_essay_title_second", "later essay"),
    ("Baker: now", "F004-38", None, "now"),
    ("Baker: soon (forecast)", "F004-39", None, "soon (forecast)"),
]


def question_ladder(data_dir: Path = DATA) -> pd.DataFrame:
    """The return question at each rung, as printed in seed 004, with the published essay titles beside it.

    The seed writes 兩百億/六百億美元 (US$20B/US$60B) for the two essay titles; the published titles are an
    outside reference (assumptions risks_essay_title_*), shown next to the printed figures, never in their place.
    The last rung is Baker's forecast range (F004-39 to F004-40).
    """
    table = figures(data_dir).set_index("figure_id")
    rows = []
    for order, (label, figure_id, outside_id, when) in enumerate(_RUNGS):
        low = float(table.loc[figure_id, "value_low"])
        high = float(table.loc["F004-40", "value_low"]) if figure_id == "F004-39" else low
        rows.append({"order": order, "rung": label, "when": when, "status": "As printed in the digest",
                     "id": figure_id if figure_id != "F004-39" else "F004-39/F004-40", "low": low, "high": high})
        if outside_id:
            value = float(assumption(outside_id, data_dir).value)
            rows.append({"order": order, "rung": label, "when": when, "status": "Published essay title (outside reference)",
                         "id": outside_id, "low": value, "high": value})
    frame = pd.DataFrame(rows)
    printed = frame[frame.status == "As printed in the digest"].reset_index(drop=True)
    printed["step_low"] = [math.nan] + step_ups(printed["low"].tolist())
    printed["step_high"] = [math.nan] + step_ups(printed["high"].tolist())
    steps = printed.set_index("order")[["step_low", "step_high"]]
    frame = frame.join(steps, on="order")
    outside = frame.status != "As printed in the digest"
    frame.loc[outside, ["step_low", "step_high"]] = math.nan
    frame["label"] = [format_figure(r.low, r.high if r.high != r.low else None, "USD", "range" if r.high != r.low else "exact")
                      for r in frame.itertuples()]
    return frame


def ladder_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """The ladder's step-ups and overall rises as the prose prints them: each rung over the one before, the first
    printed rung to today's and to the forecast's ends, and the same with the published essay titles (an outside
    reference). Every rung is an exact amount or, for the forecast, a stated range, so the words carry no bound."""
    ladder = question_ladder(data_dir)
    printed = ladder[ladder.status == "As printed in the digest"].set_index("when")
    outside = ladder[ladder.status != "As printed in the digest"].set_index("when")
    first, soon = printed.loc["earlier essay", "low"], printed.loc["soon (forecast)"]
    return {
        "risks_soon": soon["label"],
        "risks_step1": significant(printed.loc["later essay", "step_low"]),
        "risks_step2": significant(printed.loc["now", "step_low"]),
        "risks_step3": f"{significant(soon['step_low'])}–{significant(soon['step_high'])}",
        "risks_to_now": significant(printed.loc["now", "low"] / first),
        "risks_to_soon": f"{significant(soon['low'] / first)}–{significant(soon['high'] / first)}",
        "risks_outside1": format_value(outside.loc["earlier essay", "low"], "USD"),
        "risks_outside2": format_value(outside.loc["later essay", "low"], "USD"),
        "risks_outside_ratio": significant(outside_to_printed(data_dir)[0]),
        "risks_outside_step1": significant(outside.loc["later essay", "low"] / outside.loc["earlier essay", "low"]),
        "risks_outside_step2": significant(printed.loc["now", "low"] / outside.loc["later essay", "low"], 2),
    }


def outside_to_printed(data_dir: Path = DATA) -> list[float]:
    """How many times the published essay titles exceed the digest's printed amounts (one ratio per essay)."""
    ladder = question_ladder(data_dir)
    printed = ladder[ladder.status == "As printed in the digest"].set_index("order")["low"]
    outside = ladder[ladder.status != "As printed in the digest"].set_index("order")["low"]
    return [outside[o] / printed[o] for o in outside.index]


# ---------------------------------------------------------------------------------------------
# The prisoner's dilemma among the giants

INVEST, RESTRAIN = "Invest heavily", "Restrain"
ACTIONS = (INVEST, RESTRAIN)


def payoff_matrix(temptation: float, reward: float, punishment: float, sucker: float) -> pd.DataFrame:
    """A symmetric two-player game: one row per (row action, column action) with both players' payoffs.

    temptation: invest while the rival restrains; reward: both restrain; punishment: both invest;
    sucker: restrain while the rival invests.
    """
    payoff = {(INVEST, INVEST): (punishment, punishment), (INVEST, RESTRAIN): (temptation, sucker),
              (RESTRAIN, INVEST): (sucker, temptation), (RESTRAIN, RESTRAIN): (reward, reward)}
    return pd.DataFrame([{"row_action": a, "col_action": b, "row_payoff": payoff[(a, b)][0],
                          "col_payoff": payoff[(a, b)][1]} for a in ACTIONS for b in ACTIONS])


def best_responses(matrix: pd.DataFrame, player: str, rival_action: str) -> set[str]:
    """The actions that give `player` ('row' or 'col') its highest payoff when the rival plays `rival_action`."""
    own, rival = ("row_action", "col_action") if player == "row" else ("col_action", "row_action")
    options = matrix[matrix[rival] == rival_action]
    best = options[f"{player}_payoff"].max()
    return set(options.loc[options[f"{player}_payoff"] == best, own])


def dominant_action(matrix: pd.DataFrame, player: str) -> str | None:
    """The action that is a best response to every rival action, if there is exactly one."""
    common = set.intersection(*(best_responses(matrix, player, a) for a in ACTIONS))
    return next(iter(common)) if len(common) == 1 else None


def nash_equilibria(matrix: pd.DataFrame) -> list[tuple[str, str]]:
    """Pure-strategy Nash equilibria: cells where each player's action is a best response to the other's."""
    return [(r.row_action, r.col_action) for r in matrix.itertuples()
            if r.row_action in best_responses(matrix, "row", r.col_action)
            and r.col_action in best_responses(matrix, "col", r.row_action)]


def pareto_improvements(matrix: pd.DataFrame, cell: tuple[str, str]) -> list[tuple[str, str]]:
    """Cells where both players are strictly better off than in `cell`."""
    base = matrix.set_index(["row_action", "col_action"]).loc[cell]
    return [(r.row_action, r.col_action) for r in matrix.itertuples()
            if r.row_payoff > base.row_payoff and r.col_payoff > base.col_payoff]


def is_prisoners_dilemma(temptation: float, reward: float, punishment: float, sucker: float) -> bool:
    """T > R > P > S (and 2R > T + S, so taking turns to exploit each other does not beat restraint)."""
    return temptation > reward > punishment > sucker and 2 * reward > temptation + sucker


def payoffs(data_dir: Path = DATA) -> dict[str, float]:
    """The illustrative ordinal payoffs (assumptions risks_payoff_*)."""
    return {k: float(assumption(f"risks_payoff_{k}", data_dir).value)
            for k in ("temptation", "reward", "punishment", "sucker")}


def dilemma(data_dir: Path = DATA) -> pd.DataFrame:
    """The giants' payoff matrix with each cell's outcome: the equilibrium, the better cell for both, or a win."""
    p = payoffs(data_dir)
    matrix = payoff_matrix(**p)
    equilibria = nash_equilibria(matrix)
    better = {c for e in equilibria for c in pareto_improvements(matrix, e)}
    outcome = []
    for r in matrix.itertuples():
        cell = (r.row_action, r.col_action)
        if cell in equilibria:
            outcome.append("Nash equilibrium")
        elif cell in better:
            outcome.append("Better for both")
        else:
            outcome.append("One giant wins the race")
    return matrix.assign(outcome=outcome)


# ---------------------------------------------------------------------------------------------
# Financing


def openai_commitment_vs_revenue(data_dir: Path = DATA) -> pd.DataFrame:
    """OpenAI's Oracle contract spread over its term, beside the revenue floor Baker gives.

    The contract (F003-02) runs 'within' five years (F003-01), so the even spread is a floor per year;
    revenue is 'over' US$10B (F004-23), also a floor. A floor over a floor bounds nothing, so `ratio`
    (bill ÷ revenue, in words from its interval) says 'unbounded': the sources fix no multiple.
    """
    yearly = oracle_yearly_average(data_dir)
    revenue = bounded("F004-23", data_dir)
    ratio = format_bounded(yearly / revenue)
    return pd.DataFrame([
        {"item": "Oracle contract, average a year", "value": yearly.low, "bound": format_bounded(yearly),
         "status": "derived", "ids": "F003-02 ÷ F003-01"},
        {"item": "OpenAI revenue, per Baker", "value": revenue.low, "bound": "over " + format_value(revenue.low, "USD"),
         "status": "reported", "ids": "F004-23"},
    ]).assign(ratio=ratio)


# ---------------------------------------------------------------------------------------------
# Silicon intensity

REVENUE_BASE = 100  # the accounts are per 100 of revenue, so every line reads as a percentage of revenue


def pnl_per_100(gross_margin: float, compute_share: float) -> dict[str, float]:
    """Per 100 of revenue: compute, other cost of revenue, gross profit (all in percent of revenue).

    Reads the compute share as a share of revenue, as Baker states it for the AI company.
    """
    other = REVENUE_BASE - gross_margin - compute_share
    if other < 0:
        raise ValueError(f"a {gross_margin}% margin leaves no room for {compute_share}% of revenue on compute")
    return {"Compute": compute_share, "Other cost of revenue": other, "Gross profit": gross_margin}


def revenue_multiple_for_same_gross_profit(margin_reference: float, margin_other: float) -> float:
    """How many times the revenue a company at `margin_other` needs to match the gross profit of one at `margin_reference`."""
    return margin_reference / margin_other


def compute_share_of_cost(compute: float, other_cost: float) -> float:
    """Compute as a percentage of the whole cost of revenue."""
    return compute / (compute + other_cost) * 100


def silicon_bounds(data_dir: Path = DATA) -> dict[str, Bounded]:
    """Baker's two cases as bounded shares of revenue (fractions): the AI margin is a best case (最好的情況是 40%,
    F004-50: up to 40%, [0, 0.4]), so every line that rests on it carries that bound.

    - 'saas_other', 'ai_other': 1 − margin − compute: 10% for SaaS; [0.1, 0.5] for AI ('ai_other_best': 10% at the
      best case);
    - 'gap': the SaaS margin less the AI margin, 0.85 − [0, 0.4] = [0.45, 0.85] ('gap_best': 45 pp at the best case);
      'compute_gap': 0.5 − 0.05 = 45 pp, what compute explains of it;
    - 'saas_compute_of_cost', 'ai_compute_of_cost': compute ÷ cost of revenue, 0.05 / 0.15 = 1/3 and
      0.5 / (1 − [0, 0.4]) = [0.5, 0.833];
    - 'revenue_multiple': the revenue an AI company needs for a SaaS company's gross profit, 0.85 / [0, 0.4] =
      at least 2.125×; 'compute_ratio': 0.5 / 0.05 = 10×.
    """
    saas_margin, saas_compute, ai_margin, ai_compute = (bounded(i, data_dir) for i in ("F004-48", "F004-49", "F004-50", "F004-51"))
    whole = exact(1.0, "percent")
    best = Bounded(ai_margin.high, ai_margin.high, ai_margin.unit, ai_margin.approximate, "derived", ai_margin.basis)
    return {
        "saas_margin": saas_margin, "saas_compute": saas_compute, "ai_margin": ai_margin, "ai_margin_best": best,
        "ai_compute": ai_compute,
        "saas_other": whole - saas_margin - saas_compute, "ai_other": whole - ai_margin - ai_compute,
        "ai_other_best": whole - best - ai_compute,
        "gap": saas_margin - ai_margin, "gap_best": saas_margin - best, "compute_gap": ai_compute - saas_compute,
        "saas_compute_of_cost": saas_compute / (whole - saas_margin), "ai_compute_of_cost": ai_compute / (whole - ai_margin),
        "revenue_multiple": saas_margin / ai_margin, "compute_ratio": ai_compute / saas_compute,
    }


def per_100(q: Bounded) -> Bounded:
    """A share of revenue (a fraction) as an amount per 100 of revenue, its interval kept: [0.1, 0.5] → [10, 50]."""
    return Bounded(q.low * REVENUE_BASE, q.high * REVENUE_BASE, unit_of("count"), q.approximate, q.status, q.basis)


def silicon_slider(data_dir: Path = DATA) -> dict[str, float]:
    """The silicon chart's slider, per 100 of revenue: the compute share runs from Baker's SaaS case (F004-49) to his
    AI case (F004-51) and starts midway; other costs stay at the AI best case; `margin` is what the start leaves."""
    table = figures(data_dir).set_index("figure_id")
    low, high = (float(table.loc[i, "value_low"]) for i in ("F004-49", "F004-51"))
    pnl = silicon_pnl(data_dir).set_index(["model", "component"])["per_100"]
    other = float(pnl[("AI company (best case)", "Other cost of revenue")])
    default = (low + high) / 2
    return {"low": low, "high": high, "default": default, "other": other, "margin": REVENUE_BASE - other - default}


def silicon_pnl(data_dir: Path = DATA) -> pd.DataFrame:
    """Baker's two business models per 100 of revenue (F004-48/49 for SaaS, F004-50/51 for AI), as points to draw.

    The AI case is drawn at its best case, the ceiling of its margin (up to 40%); its bounded lines are in
    `silicon_bounds`, and the chart and table say which is which.
    """
    table = figures(data_dir).set_index("figure_id")
    value = lambda i: float(table.loc[i, "value_low"])  # noqa: E731
    rows = []
    for model, margin_id, compute_id in (("SaaS or internet company", "F004-48", "F004-49"),
                                         ("AI company (best case)", "F004-50", "F004-51")):
        for component, amount in pnl_per_100(value(margin_id), value(compute_id)).items():
            rows.append({"model": model, "component": component, "per_100": amount,
                         "status": "derived" if component == "Other cost of revenue" else "reported",
                         "ids": {"Compute": compute_id, "Gross profit": margin_id}.get(component, f"100 − {margin_id} − {compute_id}")})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# The risk register

LAYERS = ["Tech giants", "Frontier labs", "Clouds and neoclouds", "Data-centre owners", "AI and software companies"]


@dataclass(frozen=True)
class Risk:
    key: str
    name: str
    layer: str
    mechanism: str
    watch: str
    raised: dict[str, list[str]]
    discounted: dict[str, list[str]] = field(default_factory=dict)


def risks(data_dir: Path = DATA) -> list[Risk]:
    """Each risk as the sources put it: mechanism, who bears it, what to watch, and the claims behind it.

    Numbers in the text come from figures.csv (formatted by the book), never typed.
    """
    table = figures(data_dir).set_index("figure_id")

    def f(figure_id: str) -> str:
        return figure_text(figure_id, data_dir)

    raise_ = xai_raise(data_dir).set_index("part")
    debt = xai_debt_shares(data_dir)
    yearly = oracle_yearly_average(data_dir)
    curtail = float(table.loc["F003-15", "value_low"])
    return [
        Risk("returns", "Returns on AI capital", "Tech giants",
             f"The question has grown from essays on {f('F004-35')} and {f('F004-36')} (as printed) to {f('F004-38')}, "
             f"soon {format_figure(float(table.loc['F004-39', 'value_low']), float(table.loc['F004-40', 'value_low']), 'USD', 'range')}; "
             "returns computed from filings are good so far, but nobody knows if they stay positive.",
             "Return on invested capital in the giants' quarterly filings; revenue gains from AI-improved ads and recommendations.",
             {"baker-asi-decade": ["C004-21", "C004-22", "C004-36", "C004-24", "C004-37", "C004-25"]},
             {"patel-best-partners": ["C003-17"]}),
        Risk("dilemma", "Giants' prisoner's dilemma", "Tech giants",
             "Each giant treats winning at AI as survival, since AI threatens every core business; none can afford to "
             "hold back, so capital spending rises even if returns turn negative.",
             "Baker's forecast sequence: new debt, then cancelled dividends, then halted buybacks.",
             {"baker-asi-decade": ["C004-33", "C004-45", "C004-46", "C004-34", "C004-35"]}),
        Risk("xai-debt", "Debt-financed chips (xAI)", "Frontier labs",
             f"Debt is {f('F002-08')} of a {f('F002-07')} raise ({raise_.loc['Debt', 'share_label']}); the digest's "
             f"later sentence, {f('F002-22')} of {f('F002-21')}, makes it {format_bounded(debt['C002-16'], 'percent')}, "
             f"so the two allow only {format_bounded(debt['both'], 'percent')}. The debt is used to lock up Nvidia GPUs; "
             "Patel, as the Best Partners host summarises him, sees a risk that xAI cannot keep raising money.",
             "xAI's next raise and its debt share; any sign of commercial direction.",
             {"bloomberg-compute-bet": ["C002-05", "C002-06", "C002-16"], "patel-best-partners": ["C003-27"]}),
        Risk("openai-cash", "Financing OpenAI", "Frontier labs",
             f"No profit planned within {format_value(float(table.loc['F001-10', 'value_low']), 'years')} while committing "
             f"{f('F003-02')} to Oracle ({format_bounded(yearly)} on average); a high-cost token "
             "producer that must reach cost parity before the money runs out.",
             "Whether new financing comes on acceptable terms; cash flow under the PBC structure.",
             {"patel-silicon-valley": ["C001-16"], "baker-four-labs": ["C000-43"], "bloomberg-compute-bet": ["C002-32"],
              "patel-best-partners": ["C003-02", "C003-12"]}),
        Risk("oracle-concentration", "Oracle's customer concentration", "Clouds and neoclouds",
             f"OpenAI's contract, {f('F002-10')}, is the cornerstone of Oracle's order book, so Oracle's growth rides on "
             "OpenAI's financial health and its ability to honour the contract.",
             "OpenAI's payments to Oracle as they fall due.",
             {"bloomberg-compute-bet": ["C002-08", "C002-31"]}),
        Risk("neoclouds", "Intermediaries carry the risk", "Clouds and neoclouds",
             "Only Nvidia is sure to profit; short-term renters face fast depreciation of chips, long-term ones the credit "
             "of their customers, and some give partners their first year free of compute payments.",
             "Customer credit (OpenAI's ability to pay CoreWeave); rental prices when the next chip generation ships.",
             {"patel-best-partners": ["C003-13", "C003-11", "C003-12", "C003-10"]}),
        Risk("model-depreciation", "Fastest-depreciating asset", "Frontier labs",
             "A model is overtaken within months; Baker's correction limits this to models without unique data and "
             "internet-scale distribution, and reasoning's user-feedback flywheel softens it.",
             "Whether labs with more users pull ahead through reasoning feedback.",
             {"baker-four-labs": ["C000-39", "C000-40", "C000-19"], "baker-asi-decade": ["C004-38", "C004-39"]}),
        Risk("google-pricing", "Google's below-cost pricing", "Frontier labs",
             "Google, the low-cost token producer, prices at negative gross margins to starve rivals of capital; it works "
             "only until Blackwell, GB300 and Rubin are deployed at scale, after which it becomes self-harm.",
             "Deployment of Blackwell, GB300 and Rubin at scale; Google's AI pricing after that.",
             {"baker-four-labs": ["C000-41", "C000-42"]}),
        Risk("edge", "Edge inference vs data centres", "Data-centre owners",
             f"A phone running a {f('F004-46')} AI locally in {f('F004-45')} (forecast) would call the cloud only for "
             f"hard problems, leaving {f('F004-47')} data centres with overcapacity; Patel doubts phones can carry big models.",
             "How capable on-device models become; whether users pay for local inference hardware.",
             {"baker-asi-decade": ["C004-29", "C004-30", "C004-40"]}, {"patel-silicon-valley": ["C001-22"]}),
        Risk("energy", "Power supply and curtailment", "Data-centre owners",
             f"Energy is the biggest weakness of US AI; a grid rule makes large users cut {format_value(curtail, 'percent')} "
             "of their load when power is tight.",
             "Curtailment orders; new gas and combined-cycle capacity.",
             {"patel-best-partners": ["C003-23", "C003-24", "C003-32", "C003-33", "C003-34"]}),
        Risk("silicon-intensity", "Silicon intensity of margins", "AI and software companies",
             f"SaaS keeps a gross margin of {f('F004-48')}, spending {f('F004-49')} on compute; an AI company keeps "
             f"{f('F004-50')} in the best case (最好的情況), with {f('F004-51')} of revenue on compute, and Baker says "
             "this will not change.",
             "Compute's share of revenue at AI companies; SaaS service costs as AI features spread.",
             {"baker-asi-decade": ["C004-31", "C004-32", "C004-41"], "patel-best-partners": ["C003-36"]}),
    ]


def _short(short_name: str) -> str:
    """A source's short name without its Chinese outlet in brackets (charts carry English labels only)."""
    return short_name.split(" (")[0]


def source_labels(data_dir: Path = DATA) -> dict[str, str]:
    return {s: _short(n) for s, n in load("sources", data_dir).set_index("source_id")["short_name"].items()}


def register(data_dir: Path = DATA) -> pd.DataFrame:
    """One row per risk, formatted for the register table (English source labels, claim ids per source)."""
    labels = source_labels(data_dir)
    rows = []
    for r in risks(data_dir):
        cited = [f"{labels[s]}: {', '.join(ids)}" for s, ids in r.raised.items()]
        cited += [f"{labels[s]} (discounts): {', '.join(ids)}" for s, ids in r.discounted.items()]
        bearer = r.layer if r.layer[:2].isupper() else r.layer[0].lower() + r.layer[1:]
        rows.append({"Risk (borne by)": f"{r.name} ({bearer})", "Mechanism (as the sources put it)": r.mechanism,
                     "What to watch": r.watch, "Sources and claims": "; ".join(cited)})
    return pd.DataFrame(rows)


def register_long(data_dir: Path = DATA) -> pd.DataFrame:
    """One row per risk and source that speaks to it: the data behind the register chart."""
    labels = source_labels(data_dir)
    rows = []
    for order, r in enumerate(risks(data_dir)):
        for stance, mapping in (("Raises the risk", r.raised), ("Discounts the risk", r.discounted)):
            for source_id, claims in mapping.items():
                rows.append({"order": order, "risk": r.name, "layer": r.layer, "source_id": source_id,
                             "source": labels[source_id], "stance": stance, "claims": ", ".join(claims),
                             "n_claims": len(claims)})
    return pd.DataFrame(rows)


def register_summary(data_dir: Path = DATA) -> dict[str, object]:
    """Counts for the chart title and the prose: risks, single-source risks, the most-cited risk."""
    long = register_long(data_dir)
    raised = long[long.stance == "Raises the risk"]
    per_risk = raised.groupby("risk")["source_id"].nunique()
    per_source = raised.groupby("source")["risk"].nunique().sort_values(ascending=False)
    return {"n_risks": int(long["risk"].nunique()), "n_single_source": int((per_risk == 1).sum()),
            "widest_risk": per_risk.idxmax(), "widest_sources": int(per_risk.max()),
            "n_discounted": int((long.stance == "Discounts the risk").sum()),
            "per_source": per_source}


def silicon_table(data_dir: Path = DATA) -> pd.DataFrame:
    """The two P&Ls per 100 of revenue as display text, with compute's share of cost and the revenue multiple.

    Every cell's words come from its bounded value (`silicon_bounds`): the AI margin is 'up to 40' (a best case),
    so its other costs are 'between 10 and 50', compute 'between 50% and 83%' of its cost of revenue, and the
    revenue it needs for a SaaS company's gross profit 'at least 212.5'.
    """
    b = silicon_bounds(data_dir)
    table = figures(data_dir).set_index("figure_id")
    saas, ai = "SaaS or internet company", f"AI company ({figure_text('F004-50', data_dir)} margin, the best case)"

    def reported(figure_id: str) -> str:  # a reported share of revenue, per 100, with the source's qualifier
        return format_figure(float(table.loc[figure_id, "value_low"]), None, "count", str(table.loc[figure_id, "qualifier"]))

    def count(q: Bounded) -> str:
        return format_bounded(per_100(q), digits=4)

    rows = [
        {"Per 100 of revenue": "Compute", saas: reported("F004-49"), ai: reported("F004-51"),
         "Status": "reported (F004-49, F004-51)"},
        {"Per 100 of revenue": "Other cost of revenue", saas: count(b["saas_other"]), ai: count(b["ai_other"]),
         "Status": "derived: 100 − margin − compute; the AI margin is a ceiling, so its other costs are a range"},
        {"Per 100 of revenue": "Gross profit", saas: reported("F004-48"), ai: reported("F004-50"),
         "Status": "reported (F004-48, F004-50: 最好的情況, a best case)"},
        {"Per 100 of revenue": "Compute as a share of cost of revenue",
         saas: format_bounded(b["saas_compute_of_cost"], "percent", 2), ai: format_bounded(b["ai_compute_of_cost"], "percent", 2),
         "Status": "derived: compute ÷ (100 − margin)"},
        {"Per 100 of revenue": "Revenue needed for the SaaS gross profit", saas: "100",
         ai: format_bounded(per_100(b["revenue_multiple"]), digits=4),
         "Status": "derived: 100 × SaaS margin ÷ AI margin (a ceiling on the margin is a floor on the revenue)"},
    ]
    return pd.DataFrame(rows)
