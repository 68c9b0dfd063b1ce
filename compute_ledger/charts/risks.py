"""Charts for the Risks chapter: the register, the return-question ladder, the giants' dilemma,
financing exposure and the silicon intensity of an AI company's P&L."""
from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ..evidence.checks import compatible
from ..evidence.fmt import format_bounded, format_value, significant
from ..analysis.derived import under_assumptions, xai_debt_shares
from ..analysis.risks import ACTIONS, LAYERS, REVENUE_BASE, payoffs as payoffs_of_game, silicon_bounds
from ..evidence.tables import assumed, figure_text
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, INK, PALETTE, ROLE_COLORS

_LAYER_COLORS = [PALETTE[0], PALETTE[4], PALETTE[7], PALETTE[5], PALETTE[2]]
_WHITE = "#ffffff"
# Two-line axis labels: split at ', ' if there is one, else at the first space.
_TWO_LINES = ("indexof(datum.label, ', ') >= 0 ? split(datum.label, ', ') : "
              "[slice(datum.label, 0, indexof(datum.label, ' ')), slice(datum.label, indexof(datum.label, ' ') + 1)]")


def _stacked_labels(labels: list[str], width: int = 10) -> tuple[str, int]:
    """A Vega label expression that prints each label on short lines (narrow columns), and the most lines used."""
    import json

    def stack(label: str) -> list[str]:
        head, _, rest = label.partition(", ")
        parts = [head + ","] + [rest] if rest else [label]
        return [line for part in parts
                for line in textwrap.wrap(part, width, break_long_words=False, break_on_hyphens=False)]

    lines = {label: stack(label) for label in labels}
    return f"{json.dumps(lines)}[datum.label]", max(len(v) for v in lines.values())


def register_chart(long: pd.DataFrame, summary: dict, source_order: list[str], source_ids: list[str]) -> LedgerChart:
    """Dot matrix: which source raises (filled) or discounts (open) each risk, coloured by who bears it."""
    risk_order = long.sort_values("order")["risk"].drop_duplicates().tolist()
    label_expr, n_lines = _stacked_labels(source_order)
    # Multi-line labels grow downward from the axis line: lift the axis by the extra lines.
    x = alt.X("source:N", sort=source_order, title=None,
              axis=alt.Axis(orient="top", labelAngle=0, labelLimit=100, labelFontSize=10, grid=True, domain=False,
                            ticks=False, offset=6 + 12 * (n_lines - 1), labelExpr=label_expr))
    y = alt.Y("risk:N", sort=risk_order, title=None, axis=alt.Axis(labelLimit=220, grid=True, domain=False, ticks=False))
    color = alt.Color("layer:N", title="Who bears the risk", scale=alt.Scale(domain=LAYERS, range=_LAYER_COLORS),
                      legend=alt.Legend(columns=2, symbolType="circle"))
    tooltip = [alt.Tooltip("risk:N", title="Risk"), alt.Tooltip("source:N", title="Source"),
               alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("layer:N", title="Borne by"),
               alt.Tooltip("claims:N", title="Claims")]
    base = alt.Chart(long).encode(x=x, y=y, color=color, tooltip=tooltip)
    raised = base.transform_filter(alt.datum.stance == "Raises the risk").mark_point(filled=True, size=230, opacity=1)
    discounted = base.transform_filter(alt.datum.stance == "Discounts the risk").mark_point(
        filled=False, size=230, strokeWidth=2.5, opacity=1)
    chart = alt.layer(raised, discounted).properties(width=350, height=28 * len(risk_order))
    n, single = summary["n_risks"], summary["n_single_source"]
    widest = summary["widest_risk"]
    title = f"{single} of {n} risks rest on one source; {widest[0].lower() + widest[1:]} on {summary['widest_sources']}"
    return finish(
        chart, name="fig-risks-register", title=title,
        subtitle="Risks by source: filled dot raises the risk, open ring discounts it; colour shows who bears it",
        sources=source_ids, data=long[["risk", "layer", "source", "stance", "claims"]],
        description=(f"Dot matrix of {n} risks (rows) against the five sources (columns). A filled dot means the source "
                     f"raises the risk, an open ring that it argues against it. {single} risks are raised by one source only; "
                     f"{summary['widest_risk']} is raised by {summary['widest_sources']} sources."),
        notes=["Register compiled by the book from the claims listed in the register table; stances are the book's reading."],
    )


def ladder_chart(ladder: pd.DataFrame, source_ids: list[str]) -> LedgerChart:
    """The return question rung by rung on a log scale: as printed in seed 004, with the published essay titles beside it."""
    data = ladder.copy()
    data["low_b"], data["high_b"] = data["low"] / 1e9, data["high"] / 1e9
    printed = data[data.status == "As printed in the digest"]
    steps = []
    for r in printed.itertuples():
        if r.step_low != r.step_low:  # first rung
            steps.append("")
        elif r.step_low == r.step_high:
            steps.append(f"×{significant(r.step_low)} on previous")
        else:
            steps.append(f"×{significant(r.step_low)}–{significant(r.step_high)} on previous")
    data.loc[printed.index, "step"] = steps
    data["step"] = data["step"].fillna("")
    data["text"] = [f"{r.label} (essay title)" if r.status != "As printed in the digest" else r.label
                    for r in data.itertuples()]
    rung_order = data.sort_values("order")["rung"].drop_duplicates().tolist()
    statuses = ["As printed in the digest", "Published essay title (outside reference)"]
    colors = [ROLE_COLORS["reported"], ROLE_COLORS["assumption"]]
    x = alt.X("rung:N", sort=rung_order, title=None, axis=alt.Axis(labelAngle=0, labelLimit=140))
    y = alt.Y("low_b:Q", title="US$ billions (log scale)",
              scale=alt.Scale(type="log", domain=[10, 6000]),
              axis=alt.Axis(values=[10, 30, 100, 300, 1000, 3000],
                            labelExpr="datum.value >= 1000 ? 'US$' + datum.value / 1000 + 'T' : 'US$' + datum.value + 'B'"))
    color = alt.Color("status:N", title=None, scale=alt.Scale(domain=statuses, range=colors),
                      legend=alt.Legend(labelLimit=320, symbolType="circle", symbolStrokeColor=INK, symbolStrokeWidth=0.8))
    tooltip = [alt.Tooltip("rung:N", title="Rung"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("label:N", title="Amount"), alt.Tooltip("step:N", title="Step-up"),
               alt.Tooltip("id:N", title="Figure or assumption")]
    base = alt.Chart(data).encode(x=x, tooltip=tooltip)
    span = base.transform_filter("datum.high_b > datum.low_b").mark_rule(strokeWidth=10, opacity=0.45).encode(
        y=y, y2="high_b:Q", color=alt.Color("status:N", scale=alt.Scale(domain=statuses, range=colors), legend=None))
    dots = base.mark_point(filled=True, size=150, stroke=INK, strokeWidth=0.8, opacity=1).encode(y=y, color=color)
    tops = base.transform_filter("datum.high_b > datum.low_b").mark_point(
        filled=True, size=150, stroke=INK, strokeWidth=0.8, opacity=1).encode(
        y=alt.Y("high_b:Q", scale=alt.Scale(type="log", domain=[10, 6000]), title="US$ billions (log scale)"), color=color)
    labels = base.mark_text(align="left", dx=12, fontSize=11).encode(
        y=alt.Y("mid:Q", scale=alt.Scale(type="log", domain=[10, 6000]), title="US$ billions (log scale)"), text="text:N").transform_calculate(
        mid="sqrt(datum.low_b * datum.high_b)")
    step_labels = base.transform_filter("datum.step != ''").mark_text(
        align="left", dx=12, dy=14, fontSize=10, color=ROLE_COLORS["derived"]).encode(
        y=alt.Y("mid:Q", scale=alt.Scale(type="log", domain=[10, 6000]), title="US$ billions (log scale)"), text="step:N").transform_calculate(
        mid="sqrt(datum.low_b * datum.high_b)")
    chart = alt.layer(dots, span, tops, labels, step_labels).properties(width=400, height=300)
    first = printed.iloc[0]
    now = printed[printed.when == "now"].iloc[0]
    soon = printed.iloc[-1]
    to_now = now.low / first.low
    to_soon = (soon.low / first.low, soon.high / first.low)
    ratio = data[data.status != "As printed in the digest"]["low"].iloc[0] / first.low
    title = f"As printed, the return question grows {significant(to_now)}-fold to {format_value(now.low, 'USD')}"
    return finish(
        chart, name="fig-risks-question-ladder", title=title,
        subtitle=(f"US$, log scale; {significant(to_soon[0])}–{significant(to_soon[1])}-fold by Baker's forecast; "
                  "green: step-up on the previous rung"),
        sources=source_ids, data=data[["rung", "when", "status", "id", "low", "high", "step_low", "step_high"]],
        description=(f"Log-scale dot chart of the return question: the two essay titles as printed in the digest "
                     f"({printed.iloc[0].label}, {printed.iloc[1].label}), Baker's {now.label} now and his forecast of "
                     f"{soon.label}. Beside the essay rungs, the published essay titles (an outside reference), "
                     f"{significant(ratio)} times the printed amounts."),
        notes=["Assumption: published essay titles (risks_essay_title_first, risks_essay_title_second) are an outside "
               "reference shown beside the digest's figures, not a correction.",
               "Derived: step-ups are each printed rung divided by the one before; the last rung is a forecast range."],
    )


def dilemma_chart(matrix: pd.DataFrame, equilibrium: tuple[str, str], dominant: str, source_ids: list[str]) -> LedgerChart:
    """The giants' payoff matrix as a 2×2 grid: the equilibrium cell and the cell that is better for both."""
    data = matrix.copy()
    data["payoffs"] = [f"A gets {significant(r.row_payoff)}, B gets {significant(r.col_payoff)}" for r in data.itertuples()]
    outcomes = ["Nash equilibrium", "Better for both", "One giant wins the race"]
    fills = [ROLE_COLORS["negative"], ROLE_COLORS["positive"], ROLE_COLORS["neutral"]]
    x = alt.X("col_action:N", sort=list(ACTIONS), title="Giant B's choice",
              axis=alt.Axis(orient="top", labelAngle=0, domain=False, ticks=False, labelFontSize=12))
    y = alt.Y("row_action:N", sort=list(ACTIONS), title="Giant A's choice",
              axis=alt.Axis(labelAngle=0, domain=False, ticks=False, labelFontSize=12, labelLimit=120))
    base = alt.Chart(data).encode(x=x, y=y)
    cells = base.mark_rect(stroke=_WHITE, strokeWidth=4).encode(
        color=alt.Color("outcome:N", title=None, scale=alt.Scale(domain=outcomes, range=fills)),
        tooltip=[alt.Tooltip("row_action:N", title="Giant A"), alt.Tooltip("col_action:N", title="Giant B"),
                 alt.Tooltip("row_payoff:Q", title="A's payoff"), alt.Tooltip("col_payoff:Q", title="B's payoff"),
                 alt.Tooltip("outcome:N", title="Outcome")])
    ink = alt.condition(alt.datum.outcome == "One giant wins the race", alt.value(INK), alt.value(_WHITE))
    payoff_text = base.mark_text(fontSize=15, fontWeight="bold", dy=-10).encode(text="payoffs:N", color=ink)
    outcome_text = base.mark_text(fontSize=12, dy=14).encode(text="outcome:N", color=ink)
    chart = alt.layer(cells, payoff_text, outcome_text).properties(width=420, height=220)
    better = data[data.outcome == "Better for both"].iloc[0]
    eq = data.set_index(["row_action", "col_action"]).loc[equilibrium]
    payoffs = [assumed(f"risks_payoff_{k}", central=True) for k in payoffs_of_game()]
    title = under_assumptions(f"both giants {equilibrium[0].split()[0].lower()} ({significant(eq.row_payoff)} each), "
                              f"though restraint pays {significant(better.row_payoff)} each", payoffs)
    return finish(
        chart, name="fig-risks-dilemma", title=title,
        subtitle=(f"Illustrative ordinal payoffs to two AI giants ({significant(data.row_payoff.max())} = best, "
                  f"{significant(data.row_payoff.min())} = worst) for each pair of choices"),
        sources=source_ids, data=data[["row_action", "col_action", "row_payoff", "col_payoff", "outcome"]],
        description=(f"Two-by-two payoff matrix. Whatever the rival does, each giant does better by choosing "
                     f"'{dominant}', so the only Nash equilibrium is both investing heavily, with payoffs "
                     f"{significant(eq.row_payoff)} each, although both restraining would give {significant(better.row_payoff)} each."),
        notes=["Assumption: payoffs are illustrative ordinal ranks (risks_payoff_temptation, _reward, _punishment, _sucker), "
               "not estimates; the seed gives the framing, not the numbers.",
               f"Derived: '{dominant}' is each giant's best reply to either choice by the rival, so it is dominant."],
    )


def financing_chart(xai: pd.DataFrame, openai: pd.DataFrame, source_ids: list[str]) -> LedgerChart:
    """Two panels: how xAI's raise splits into debt and equity, and OpenAI's Oracle bill beside its revenue floor."""
    split = xai.copy()
    split["value_b"] = split["amount"] / 1e9
    split["end"] = split["value_b"].cumsum()
    split["start"] = split["end"] - split["value_b"]
    split["mid"] = (split["start"] + split["end"]) / 2
    split["row"] = "xAI raise"
    # the amount as the source states it (or, for the rest, as derived); the share in words from its interval
    split["text"] = [f"{r.label}\n{r.share_label}" for r in split.itertuples()]
    parts = split["part"].tolist()
    part_colors = [ROLE_COLORS["negative"], ENTITY_COLORS["nvidia"], ROLE_COLORS["neutral"]]
    total_b = split["end"].iloc[-1]
    xai_panel = alt.Chart(split).encode(y=alt.Y("row:N", title=None, axis=alt.Axis(labelLimit=130)))
    bars = xai_panel.mark_bar(height=40).encode(
        x=alt.X("start:Q", title="US$ billions", scale=alt.Scale(domain=[0, total_b])), x2="end:Q",
        color=alt.Color("part:N", legend=None, scale=alt.Scale(domain=parts, range=part_colors)),
        tooltip=[alt.Tooltip("part:N", title="Part"), alt.Tooltip("text:N", title="Amount"),
                 alt.Tooltip("basis:N", title="Figures")])
    text_ink = alt.condition(alt.datum.part == parts[-1], alt.value(INK), alt.value(_WHITE))
    texts = xai_panel.mark_text(fontSize=11, lineBreak="\n").encode(x="mid:Q", text="text:N", color=text_ink)
    # Names above the bar, except the narrow middle segment, named below so labels do not collide.
    names_above = xai_panel.transform_filter(alt.datum.part != parts[1]).mark_text(fontSize=11, dy=-29, color=INK).encode(
        x="mid:Q", text="part:N")
    name_below = xai_panel.transform_filter(alt.datum.part == parts[1]).mark_text(fontSize=11, dy=29, color=INK).encode(
        x="mid:Q", text="part:N")
    top = alt.layer(bars, texts, names_above, name_below).properties(width=380, height=90, title=alt.Title(
        "xAI: debt against the whole raise", fontSize=12, anchor="start", frame="bounds"))

    bill = openai.copy()
    bill["value_b"] = bill["value"] / 1e9
    bill["text"] = bill["bound"]
    bill["row"] = [f"{r.item} ({r.status})" for r in bill.itertuples()]
    bottom_base = alt.Chart(bill).encode(y=alt.Y("row:N", sort=bill["row"].tolist(), title=None,
                                                 axis=alt.Axis(labelLimit=200, labelExpr=_TWO_LINES)))
    bill_bars = bottom_base.mark_bar(height=26, color=ENTITY_COLORS["openai"]).encode(
        x=alt.X("value_b:Q", title="US$ billions a year", scale=alt.Scale(domain=[0, bill["value_b"].max() * 1.8])),
        tooltip=[alt.Tooltip("item:N", title="Item"), alt.Tooltip("text:N", title="Amount"),
                 alt.Tooltip("ids:N", title="Figures")])
    bill_text = bottom_base.mark_text(align="left", dx=6, fontSize=11).encode(x="value_b:Q", text="text:N")
    bottom = alt.layer(bill_bars, bill_text).properties(width=380, height=80, title=alt.Title(
        "OpenAI: Oracle contract per year against revenue", fontSize=12, anchor="start", frame="bounds"))
    chart = alt.vconcat(top, bottom, spacing=22).resolve_scale(x="independent")
    debt = split.iloc[0]
    debt_shares = xai_debt_shares()
    yearly, revenue = bill["bound"].iloc[0], bill["bound"].iloc[1]
    title = (f"xAI: {debt.share_label} debt; OpenAI: Oracle bill averaging "
             f"{yearly}, revenue {revenue}")
    return finish(
        chart, name="fig-risks-financing", title=title,
        subtitle="xAI's raise by part; OpenAI's yearly Oracle bill against its revenue (US$ billions)",
        sources=source_ids, data=pd.concat([split[["part", "amount", "share", "bound", "basis"]].rename(
                                                columns={"part": "item", "amount": "value", "basis": "ids"}),
                                            bill[["item", "value", "bound", "ids"]]], ignore_index=True),
        description=(f"Top: a stacked bar of xAI's {format_value(total_b * 1e9, 'USD')} raise: debt "
                     f"{split.text.iloc[0].replace(chr(10), ', ')}, Nvidia equity {split.text.iloc[1].replace(chr(10), ', ')}, "
                     f"other {split.text.iloc[2].replace(chr(10), ', ')}. Bottom: OpenAI's Oracle contract averages "
                     f"{bill.text.iloc[0]}, against revenue {bill.text.iloc[1]}."),
        notes=["Derived: xAI's remainder is the raise less debt and Nvidia's equity (a floor, since debt is 'up to'); the "
               "Oracle contract is spread evenly over its term ('within' five years, so a floor per year).",
               f"The digest's later sentence (C002-16), {figure_text('F002-22')} of debt in a raise of "
               f"{figure_text('F002-21')}, makes the debt {format_bounded(debt_shares['C002-16'], 'percent')}; the two "
               f"sentences allow only {format_bounded(debt_shares['both'], 'percent')} (check 'xai-debt-majority').",
               f"Both OpenAI bars are floors, and a floor over a floor bounds nothing: the bill ÷ revenue is "
               f"{bill['ratio'].iloc[0]} on the sources' figures, so no multiple is drawn. They also come from different "
               "sources and dates."],
    )


def silicon_chart(pnl: pd.DataFrame, slider: dict[str, float], source_ids: list[str]) -> LedgerChart:
    """Stacked bars per 100 of revenue for SaaS and AI, and a third bar whose compute share a slider sets.

    `slider` is compute_ledger.analysis.risks.silicon_slider(): its range, start and the other costs it holds."""
    compute_low, compute_high, other, default = (slider[k] for k in ("low", "high", "other", "default"))
    components = ["Compute", "Other cost of revenue", "Gross profit"]
    fills = [ROLE_COLORS["negative"], ROLE_COLORS["neutral"], ROLE_COLORS["positive"]]
    slider_row = "Your compute share (slider)"
    rows = pnl[["model", "component", "per_100"]].assign(slider=False)
    rows = pd.concat([rows, pd.DataFrame({"model": slider_row, "component": components, "per_100": [None, other, None],
                                          "slider": True})], ignore_index=True)
    rows["rank"] = rows["component"].map({c: i for i, c in enumerate(components)})
    share = alt.param(name="risks_compute_share", value=default,
                      bind=alt.binding_range(min=compute_low, max=compute_high, step=0.5,
                                             name="Compute, % of revenue (bottom bar) "))
    value = (f"datum.slider ? (datum.component == 'Compute' ? risks_compute_share : "
             f"(datum.component == 'Gross profit' ? {REVENUE_BASE} - {other} - risks_compute_share : datum.per_100)) : datum.per_100")
    models = pnl["model"].drop_duplicates().tolist() + [slider_row]
    base = alt.Chart(rows).add_params(share).transform_calculate(value=value).transform_window(
        end="sum(value)", sort=[alt.SortField("rank")], groupby=["model"], frame=[None, 0]).transform_calculate(
        start="datum.end - datum.value", mid="datum.end - datum.value / 2",
        label="format(datum.value, '.3~r')").encode(
        y=alt.Y("model:N", sort=models, title=None, axis=alt.Axis(labelLimit=190)))
    bars = base.mark_bar(height=34).encode(
        x=alt.X("start:Q", title=f"Per {REVENUE_BASE} of revenue", scale=alt.Scale(domain=[0, REVENUE_BASE])), x2="end:Q",
        color=alt.Color("component:N", title=None, scale=alt.Scale(domain=components, range=fills)),
        tooltip=[alt.Tooltip("model:N", title="Business"), alt.Tooltip("component:N", title="Line"),
                 alt.Tooltip("label:N", title="Per 100 of revenue")])
    ink = alt.condition(alt.datum.component == "Other cost of revenue", alt.value(INK), alt.value(_WHITE))
    texts = base.mark_text(fontSize=12, fontWeight="bold").encode(x="mid:Q", text="label:N", color=ink)
    chart = alt.layer(bars, texts).properties(width=380, height=170)
    saas = pnl[pnl.model == pnl.model.iloc[0]].set_index("component")["per_100"]
    ai = pnl[pnl.model != pnl.model.iloc[0]].set_index("component")["per_100"]
    b = silicon_bounds()
    pp = lambda q: format_bounded(q, "percentage_points")  # noqa: E731
    # The AI bar is drawn at the best case (the margin's ceiling); the title says what holds there and what the
    # bound allows: compute explains the whole gap only where the AI case leaves the SaaS case's other costs.
    whole_at_best = compatible(b["ai_other_best"], b["saas_other"]) and compatible(b["compute_gap"], b["gap_best"])
    if whole_at_best and b["gap"].is_point:
        title = f"Compute alone explains the whole {pp(b['gap'])} gross-margin gap"
    elif whole_at_best:
        title = f"Only in Baker's best case does compute alone explain the whole {pp(b['gap_best'])} gross-margin gap"
    else:
        title = f"Compute explains {pp(b['compute_gap'])} of a gross-margin gap of {pp(b['gap'])}"
    return finish(
        chart, name="fig-risks-silicon", title=title,
        subtitle=(f"Per {REVENUE_BASE} of revenue, from Baker's stated gross margins and compute shares; the AI bar at its "
                  f"best case ({figure_text('F004-50')} margin)"),
        sources=source_ids, data=pnl,
        description=(f"Stacked bars per 100 of revenue. SaaS or internet company: compute {significant(saas['Compute'])}, other "
                     f"cost of revenue {significant(saas['Other cost of revenue'])}, gross profit {significant(saas['Gross profit'])}. "
                     f"AI company, drawn at its best case (a gross margin of {figure_text('F004-50')}): compute "
                     f"{significant(ai['Compute'])}, other {significant(ai['Other cost of revenue'])}, gross profit "
                     f"{significant(ai['Gross profit'])}; allowing for margins below the best case, its other costs are "
                     f"{format_bounded(b['ai_other'], 'percent')} of revenue and the gap {pp(b['gap'])}. A bottom bar keeps "
                     f"other costs at {significant(other)} and lets the reader set compute between {significant(compute_low)} "
                     f"and {significant(compute_high)} with a slider."),
        notes=["Derived: other cost of revenue = 100 − gross margin − compute share (consistency check 'silicon-intensity'); "
               "the SaaS compute share is read as a share of revenue, which the digest does not state.",
               f"The AI margin is a best case ({figure_text('F004-50')}): below it the gap is wider "
               f"({pp(b['gap'])} in all) and other costs take what compute does not explain.",
               "The slider runs from the compute share in Baker's SaaS case to that in his AI case; the bottom bar holds "
               "other costs at their best-case level."],
    )
