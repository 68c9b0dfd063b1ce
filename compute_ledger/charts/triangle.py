"""Charts for 'The compute triangle': the deal flows, Nvidia's margin-recycling waterfall, its sensitivity
(with sliders that work in the static HTML) and xAI's raise."""
from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from ..analysis import triangle
from ..evidence.fmt import format_bounded, format_value
from ..evidence.tables import bounded, entity_names, figure_text
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, GRID, INK, MUTED_INK, ROLE_COLORS

# ---------------------------------------------------------------- the flow diagram's fixed layout

DIAGRAM_WIDTH, DIAGRAM_HEIGHT = 560, 480
NODE_SIZE = 900            # symbol area in px²: a circle of radius ~17 px
NODE_RADIUS = math.sqrt(NODE_SIZE / math.pi)
ARROW_GAP = 4              # px between an arrow's tip and the node's edge
PARALLEL_OFFSET = 7        # px between two deals that join the same pair of companies

# Node positions in pixels (x to the right, y down) and where each name sits relative to its circle.
NODES = {
    "microsoft": (60, 110, "above"),
    "coreweave": (170, 30, "right"),
    "openai": (170, 320, "left"),
    "oracle": (450, 110, "above"),
    "nvidia": (450, 320, "right"),
    "amd": (170, 460, "left"),
    "anthropic": (330, 465, "below"),
    "xai": (530, 450, "below"),
}
_NAME_OFFSETS = {"above": (0, -NODE_RADIUS - 9, "center"), "below": (0, NODE_RADIUS + 13, "center"),
                 "left": (-NODE_RADIUS - 6, 4, "right"), "right": (NODE_RADIUS + 6, 4, "left")}

# The centre of each deal's label, in pixels: beside its edge, clear of the others.
LABEL_PLACES = {
    "openai-oracle-cloud": (355, 250),
    "oracle-nvidia-gpus": (505, 215),
    "openai-nvidia-systems": (310, 292),
    "nvidia-openai-equity": (310, 355),
    "openai-amd-gpus": (212, 390),
    "amd-openai-warrants": (110, 390),
    "openai-coreweave-cloud": (215, 175),
    "microsoft-openai-partnership": (58, 228),
    "microsoft-coreweave-cloud": (72, 45),
    "anthropic-nvidia-agreement": (282, 420),
    "nvidia-xai-equity": (522, 375),
}
_STATED, _UNSTATED = "Amount or capacity stated", "No amount stated"


def _edges(flows: pd.DataFrame) -> pd.DataFrame:
    """Straight edges between node edges, parallel deals pushed apart, arrowheads at the receiving end."""
    pairs = flows.apply(lambda f: frozenset((f.from_entity, f.to_entity)), axis=1)
    rows = []
    for flow, pair in zip(flows.itertuples(), pairs):
        (x1, y1, _), (x2, y2, _) = NODES[flow.from_entity], NODES[flow.to_entity]
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        # Two deals on one pair: shift each to its own left-hand side (as drawn), so they do not overlap.
        shift = PARALLEL_OFFSET if (pairs == pair).sum() > 1 else 0
        px, py = uy * shift, -ux * shift
        start = (x1 + ux * NODE_RADIUS + px, y1 + uy * NODE_RADIUS + py)
        tip = (x2 - ux * (NODE_RADIUS + ARROW_GAP) + px, y2 - uy * (NODE_RADIUS + ARROW_GAP) + py)
        end = (tip[0] - ux * 6, tip[1] - uy * 6)
        label_x, label_y = LABEL_PLACES[flow.deal_id]
        label = triangle.flow_label(pd.Series(flow._asdict()))
        rows.append({
            "deal_id": flow.deal_id, "from": flow.from_name, "to": flow.to_name, "instrument": flow.instrument,
            "amount": flow.amount, "capacity": flow.capacity, "term": flow.term, "sources": flow.sources,
            "stated": _STATED if flow.stated else _UNSTATED, "label": label,
            "x": start[0], "y": start[1], "x2": end[0], "y2": end[1], "tip_x": tip[0] - ux * 3, "tip_y": tip[1] - uy * 3,
            "angle": math.degrees(math.atan2(uy, ux)),
            "label_x": label_x, "label_y": label_y,
        })
    return pd.DataFrame(rows)


def deal_flows(flows: pd.DataFrame, source_ids: list[str]) -> LedgerChart:
    """A node-link diagram of the deals: who pays or grants whom, for what, and how much."""
    edges = _edges(flows)
    names = entity_names()
    nodes = pd.DataFrame([{"entity": e, "name": names[e], "x": x, "y": y,
                           "name_x": x + _NAME_OFFSETS[side][0], "name_y": y + _NAME_OFFSETS[side][1],
                           "align": _NAME_OFFSETS[side][2]} for e, (x, y, side) in NODES.items()])
    xs = alt.Scale(domain=[0, DIAGRAM_WIDTH], nice=False, zero=False)
    ys = alt.Scale(domain=[0, DIAGRAM_HEIGHT], nice=False, zero=False, reverse=True)
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    tooltip = [alt.Tooltip("from:N", title="From"), alt.Tooltip("to:N", title="To"),
               alt.Tooltip("instrument:N", title="Instrument"), alt.Tooltip("amount:N", title="Amount"),
               alt.Tooltip("capacity:N", title="Capacity"), alt.Tooltip("term:N", title="Term"),
               alt.Tooltip("sources:N", title="Source")]
    base = alt.Chart(edges)
    lines = base.mark_rule(strokeWidth=1.6, color=MUTED_INK).encode(
        x=x, y=y, x2="x2:Q", y2="y2:Q",
        strokeDash=alt.StrokeDash("stated:N", title=None, legend=alt.Legend(symbolType="stroke", symbolSize=500,
                                                                           symbolStrokeWidth=1.6), scale=alt.Scale(domain=[_STATED, _UNSTATED],
                                                                          range=[[1, 0], [5, 4]])),
        tooltip=tooltip)
    heads = base.mark_point(shape="triangle-right", filled=True, size=70, color=MUTED_INK, opacity=1).encode(
        x=alt.X("tip_x:Q", scale=xs, axis=None), y=alt.Y("tip_y:Q", scale=ys, axis=None),
        angle=alt.Angle("angle:Q", scale=None))
    label_enc = dict(x=alt.X("label_x:Q", scale=xs, axis=None), y=alt.Y("label_y:Q", scale=ys, axis=None),
                     text="label:N")
    halo = base.mark_text(lineBreak="\n", fontSize=10, baseline="middle", stroke="white", strokeWidth=4, strokeJoin="round",
                          color="white").encode(**label_enc)
    labels = base.mark_text(lineBreak="\n", fontSize=10, baseline="middle", color=INK).encode(**label_enc, tooltip=tooltip)
    circles = alt.Chart(nodes).mark_point(shape="circle", filled=True, size=NODE_SIZE, opacity=1, stroke="white",
                                          strokeWidth=2).encode(
        x=x, y=y, color=alt.Color("entity:N", scale=alt.Scale(domain=list(NODES),
                                                            range=[ENTITY_COLORS[e] for e in NODES]), legend=None),
        tooltip=[alt.Tooltip("name:N", title="Company")])
    node_names = [alt.Chart(nodes).transform_filter(alt.datum.align == align).mark_text(
        fontSize=12, fontWeight="bold", color=INK, align=align).encode(
        x=alt.X("name_x:Q", scale=xs, axis=None), y=alt.Y("name_y:Q", scale=ys, axis=None), text="name:N")
        for align in ("center", "left", "right")]
    chart = alt.layer(lines, heads, halo, labels, circles, *node_names).properties(
        width=DIAGRAM_WIDTH, height=DIAGRAM_HEIGHT)
    oracle = flows.set_index("deal_id").loc["openai-oracle-cloud"]
    equity = flows.set_index("deal_id").loc["nvidia-openai-equity"]
    unstated = edges.loc[edges["stated"] == _UNSTATED, ["from", "to", "instrument"]]
    description = (
        f"Node-link diagram of {len(edges)} deals among {len(nodes)} companies. Arrows point from the party that pays "
        "or grants to the party that receives. " + " ".join(
            f"{e['from']} to {e['to']}: {e['label'].replace(chr(10), ', ')}." for _, e in edges.iterrows())
        + f" Dashed lines ({len(unstated)}) carry no stated amount.")
    data = edges[["from", "to", "instrument", "amount", "capacity", "term", "sources"]]
    return finish(
        chart, name="fig-triangle-flows",
        title=f"OpenAI pays Oracle {oracle.amount}; Nvidia invests {equity.amount} back",
        subtitle=f"Deals among {len(nodes)} companies; arrows run from payer or grantor to recipient",
        sources=source_ids, data=data, description=description,
        notes=["Amounts and capacities as stated, qualifiers kept; dashed: the sources state no amount.",
               "Positions are a layout, not a measure. Deals without a figure rest on a quoted claim."]
              + [f"{f.from_name} → {f.to_name}: the source does not say which way the money flows; "
                 f"{f.direction.split('; ', 1)[-1]}." for f in flows.itertuples() if f.direction != "stated"])


# ---------------------------------------------------------------- the waterfall

_KIND_COLORS = {"Revenue or subtotal": ROLE_COLORS["total"], "Deduction": ROLE_COLORS["negative"],
                "Kept": ENTITY_COLORS["nvidia"]}


def _lines(text: str, width: int = 17) -> str:
    """A bar label broken into lines of at most `width` characters, so neighbouring labels do not collide."""
    return "\n".join(textwrap.wrap(text, width))


def recycling_waterfall(frame: pd.DataFrame, source_ids: list[str]) -> LedgerChart:
    """Revenue → cost of goods → gross profit → equity returned → gross profit kept, per gigawatt.

    The bars are drawn at the margin's ceiling; every label, the title and the description take their words
    from the bounded values. The programme is not drawn: over the Best Partners host's 'at least 10 GW' (his own
    narration, C003-03) its gross profit and
    profit kept are unbounded (a ceiling margin times a floor of gigawatts), and a bar would show a number that
    nothing bounds.
    """
    bounds, programme = triangle.recycling_bounds(), triangle.programme_bounds()
    frame = frame.assign(text=[_lines(label) for label in frame["label"]])
    frame["text_lines"] = [t.count("\n") + 1 for t in frame["text"]]
    base = alt.Chart(frame).encode(
        x=alt.X("step:N", sort=list(triangle.WATERFALL_STEPS), title=None,
                axis=alt.Axis(labelAngle=0, labelPadding=4, labelFontSize=11)))
    bars = base.mark_bar(width=alt.RelativeBandSize(0.6)).encode(
        y=alt.Y("start:Q", title="US$ (billions)", axis=alt.Axis(labelExpr="datum.value / 1e9", tickCount=5)),
        y2="end:Q",
        color=alt.Color("kind:N", title=None, scale=alt.Scale(domain=list(_KIND_COLORS), range=list(_KIND_COLORS.values()))),
        tooltip=[alt.Tooltip("step:N", title="Step"), alt.Tooltip("label:N", title="Amount")])
    # one layer per label height, so a two-line label sits above its bar as a one-line label does
    texts = [base.transform_filter(alt.datum.text_lines == n).transform_calculate(top="max(datum.start, datum.end)")
             .mark_text(dy=-5 - 13 * (n - 1), fontSize=11, color=INK, baseline="bottom", lineBreak="\n")
             .encode(y="top:Q", text="text:N") for n in sorted(set(frame["text_lines"]))]
    chart = alt.layer(bars, *texts).properties(width=540, height=200)
    gw = format_bounded(programme["gigawatts"])
    unbounded = [name for key, name in (("profit", "gross profit"), ("kept", "profit kept"))
                 if programme[key].bound == "unbounded"]
    programme_words = (f"Over the programme of {gw} the revenue is {format_bounded(programme['revenue'], digits=4)} "
                       f"and the equity {format_bounded(programme['equity'], digits=4)}, but the "
                       + " and the ".join(unbounded) + " are unbounded (a ceiling margin times a floor of "
                       "gigawatts), so the programme is not drawn.") if unbounded else ""
    description = (
        "Waterfall chart of Nvidia's side of the deal per gigawatt, bars drawn at the margin's ceiling: "
        + ", ".join(f"{row.step} {row.label}" for row in frame.itertuples())
        + f". The equity returned is {format_bounded(bounds['share'], 'percent')} of gross profit. " + programme_words)
    per_gw = format_bounded(bounded(triangle.PROGRAMME_EQUITY_FIGURE) / bounded(triangle.GIGAWATTS_FIGURE))
    notes = [f"Derived: gross profit = revenue × margin ({figure_text(triangle.MARGIN_FIGURE)}, a ceiling); "
             "kept = gross profit − equity.",
             f"Read per GW (the book's inference, not the transcript's words): {figure_text(triangle.PROGRAMME_EQUITY_FIGURE)} ÷ {figure_text(triangle.GIGAWATTS_FIGURE)} "
             f"= {per_gw}."]
    if unbounded:
        notes.append(f"Not drawn: the programme ({gw}, in the Best Partners host's own narration). A ceiling margin "
                     "times a floor of gigawatts leaves "
                     "its " + " and ".join(unbounded) + " unbounded.")
    return finish(
        chart, name="fig-triangle-waterfall",
        title=f"After {format_bounded(bounds['equity'])} of equity, Nvidia keeps "
              f"{format_bounded(bounds['kept'], digits=4)} per GW",
        subtitle="Nvidia's side of the deal per gigawatt, bars drawn at the margin's ceiling (US$ billions)",
        sources=source_ids, data=frame[["scope", "step", "kind", "start", "end", "amount", "label"]],
        description=description.strip(), notes=notes)


# ---------------------------------------------------------------- the sensitivity with sliders

_MEASURES = [("revenue", "Revenue flowing to Nvidia"), ("gross_profit", "Gross profit"),
             ("equity", "Equity returned"), ("kept", "Gross profit kept")]
_MEASURE_COLORS = [ROLE_COLORS["total"], ROLE_COLORS["total"], ROLE_COLORS["negative"], ENTITY_COLORS["nvidia"]]


def _money_js(field: str) -> str:
    """Vega expression text for US$ in the book's format ('US$16.25B', '−US$1.25B')."""
    return f"({field} < 0 ? '−' : '') + 'US$' + format(abs({field}) / 1e9, '.4~r') + 'B'"


def recycling_sensitivity(ranges: dict[str, triangle.SliderRange], build_cost: float,
                          source_ids: list[str]) -> LedgerChart:
    """Bars and a headline that recompute from three sliders: gross margin, Nvidia's share of build cost, equity per GW.

    The headline is a point at the sliders' values, and says so; it gives no programme total, since over the Best
    Partners host's 'at least 10 GW' the profit kept is unbounded. The description gives the starting point's bounds and names the
    assumption the share rests on.
    """
    m, s, e = ranges["margin"], ranges["share"], ranges["equity"]
    params = {key: alt.param(name=r.name, value=r.value,
                             bind=alt.binding_range(min=r.low, max=r.high, step=r.step, name=r.label))
              for key, r in ranges.items()}
    stated = triangle.Recycling(triangle.revenue_from_share(s.value, build_cost), m.value, e.value * 1e9)
    defaults = {"revenue": stated.revenue, "gross_profit": stated.gross_profit, "equity": stated.equity, "kept": stated.kept}
    frame = pd.DataFrame([{"key": k, "measure": label, "order": i, "at_source": defaults[k]}
                          for i, (k, label) in enumerate(_MEASURES)])
    # The axis holds every value the sliders can reach, so bars move against a fixed scale.
    low = min(0.0, triangle.gross_profit(triangle.revenue_from_share(s.low, build_cost), m.low) - e.high * 1e9)
    high = triangle.revenue_from_share(s.high, build_cost)
    calc = dict(
        revenue=f"{s.name} / 100 * {build_cost!r}",
        gross_profit=f"{s.name} / 100 * {build_cost!r} * {m.name} / 100",
        equity=f"{e.name} * 1e9",
    )
    calc["kept"] = f"({calc['gross_profit']}) - ({calc['equity']})"
    value = " : ".join(f"datum.key == '{k}' ? ({calc[k]})" for k in calc) + " : 0"
    measures = [label for _, label in _MEASURES]
    base = alt.Chart(frame).transform_calculate(value=value).transform_calculate(
        value_b="datum.value / 1e9", label=_money_js("datum.value"))
    y = alt.Y("measure:N", sort=measures, title=None, axis=alt.Axis(labelLimit=200, labelFontSize=11))
    bars = base.mark_bar(height=26).encode(
        y=y, x=alt.X("value_b:Q", title="US$ (billions) per gigawatt", scale=alt.Scale(domain=[low / 1e9, high / 1e9])),
        color=alt.Color("measure:N", scale=alt.Scale(domain=measures, range=_MEASURE_COLORS), legend=None),
        tooltip=[alt.Tooltip("measure:N", title="Line"), alt.Tooltip("label:N", title="Amount")])
    ticks = alt.Chart(frame).transform_calculate(at_source_b="datum.at_source / 1e9").mark_tick(
        color=INK, thickness=2, size=34).encode(y=y, x="at_source_b:Q",
                                                tooltip=[alt.Tooltip("measure:N", title="Line")])
    text = base.mark_text(align="left", dx=6, fontSize=11, color=INK).encode(
        y=y, x=alt.X("value_b:Q", scale=alt.Scale(domain=[low / 1e9, high / 1e9])), text="label:N")
    gp, eq = calc["gross_profit"], calc["equity"]
    headline = alt.Chart(pd.DataFrame([{"row": 0}])).transform_calculate(
        share=f"({eq}) / ({gp}) * 100", kept=f"({gp}) - ({eq})",
    ).transform_calculate(
        line1="'At these slider settings: ' + format(datum.share, '.3~r') + '% of gross profit back as OpenAI equity'",
        line2=f"'Nvidia keeps ' + {_money_js('datum.kept')} + ' per GW'",
    )
    head1 = headline.mark_text(align="left", fontSize=13, fontWeight="bold", color=INK).encode(
        x=alt.value(0), y=alt.value(8), text="line1:N")
    head2 = headline.mark_text(align="left", fontSize=13, color=INK).encode(x=alt.value(0), y=alt.value(28),
                                                                           text="line2:N")
    top = alt.layer(head1, head2).properties(width=380, height=36)
    panel = alt.layer(bars, ticks, text).properties(width=380, height=150)
    chart = alt.vconcat(top, panel, spacing=6).add_params(*params.values())
    bounds = triangle.recycling_bounds()
    description = (
        f"Interactive bar chart of Nvidia's revenue, gross profit, equity returned and gross profit kept per gigawatt, "
        f"with sliders for gross margin ({m.low:g}–{m.high:g}%), Nvidia's share of the build cost ({s.low:g}–{s.high:g}%) "
        f"and equity per gigawatt (US${e.low:g}B–{e.high:g}B). The sliders start at the sources' figures: the margin at "
        f"its ceiling ({figure_text(triangle.MARGIN_FIGURE)}), equity {format_bounded(bounds['equity'])}, and a "
        f"share of {format_value(s.value, 'percent')}, which is the sources' {format_bounded(bounds['revenue'])} over the "
        f"assumed build cost of {format_value(build_cost, 'USD')} per gigawatt (assumption build_cost_per_gw). On the "
        f"sources' figures Nvidia recycles {format_bounded(bounds['share'], 'percent')} of gross profit and keeps "
        f"{format_bounded(bounds['kept'], digits=4)} per gigawatt. Black ticks mark the values at the starting point.")
    data = pd.DataFrame([{"input": r.label.strip(), "start": r.value, "low": r.low, "high": r.high, "step": r.step,
                          "basis": r.basis} for r in ranges.values()])
    return finish(
        chart, name="fig-triangle-sensitivity",
        title=f"Nvidia recycles {format_bounded(triangle.recycling_bounds()['share'], 'percent')} of gross profit on "
              "the sources' figures",
        subtitle="Nvidia's revenue, gross profit, equity returned and profit kept per GW (US$ billions)",
        sources=source_ids, data=data, description=description,
        notes=[f"Assumption: build cost of {format_value(build_cost, 'USD')} per GW (build_cost_per_gw); the sources give",
               "only Nvidia's US$35B. Slider ranges are assumptions (nvidia_gross_margin, nvidia_equity_per_gw,",
               "build_cost_per_gw's range). Black ticks: the sources' figures. Derived: recycled = equity ÷ gross profit."])


def recycling_heatmap(grid: pd.DataFrame, stated: triangle.Recycling, half_equity: float,
                      source_ids: list[str]) -> LedgerChart:
    """Share of gross profit recycled over gross margin × equity per gigawatt; the source's point outlined."""
    grid = grid.assign(margin_label=[format_value(v, "percent") for v in grid["margin"]],
                       dark=[abs(v - 0.5) > 0.2 for v in grid["share"]])
    margins = list(dict.fromkeys(grid["margin_label"]))
    equities = list(dict.fromkeys(grid.sort_values("equity", ascending=False)["equity_label"]))
    low, high = float(grid["share"].min()), float(grid["share"].max())
    x = alt.X("margin_label:O", sort=margins, title="Nvidia gross margin", axis=alt.Axis(labelAngle=0, orient="top"))
    y = alt.Y("equity_label:O", sort=equities, title="Equity returned per gigawatt")
    base = alt.Chart(grid).encode(x=x, y=y)
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("share:Q", title="Share of gross profit recycled",
                        scale=alt.Scale(domain=[low, 0.5, high],
                                        range=[ENTITY_COLORS["nvidia"], GRID, ROLE_COLORS["negative"]]),
                        legend=alt.Legend(format=".0%", orient="bottom", gradientLength=300)),
        tooltip=[alt.Tooltip("margin_label:N", title="Gross margin"), alt.Tooltip("equity_label:N", title="Equity per GW"),
                 alt.Tooltip("label:N", title="Share recycled")])
    labels = base.mark_text(fontSize=10).encode(
        text="label:N", color=alt.condition("datum.dark", alt.value("white"), alt.value(INK)))
    source_cell = grid[(grid["margin"] == stated.margin_percent) & (grid["equity"] == stated.equity)]
    outline = alt.Chart(source_cell).mark_rect(fill=None, stroke=INK, strokeWidth=2.5).encode(x=x, y=y)
    chart = alt.layer(cells, labels, outline).properties(width=480, height=300)
    bounds, ceiling = triangle.recycling_bounds(), triangle.at_margin_ceiling()
    share = format_bounded(ceiling["share"], "percent", 2)
    margin = format_value(stated.margin_percent, "percent")
    equity = format_bounded(bounds["equity"])
    half = grid[grid["share"] >= 0.5]
    description = (
        f"Heatmap of the share of Nvidia's gross profit returned as OpenAI equity, for gross margins from "
        f"{margins[0]} to {margins[-1]} (columns) and equity per gigawatt from {equities[-1]} to {equities[0]} (rows), at "
        f"US$35B of revenue per gigawatt. Shares run from {format_value(low * 100, 'percent', 2)} to "
        f"{format_value(high * 100, 'percent', 2)}. The outlined cell is the sources' point: a margin of "
        f"{figure_text(triangle.MARGIN_FIGURE)}, drawn at its ceiling of {margin}, and equity of {equity}, "
        f"{share} of gross profit. {len(half)} of {len(grid)} cells reach half.")
    return finish(
        chart, name="fig-triangle-recycling-grid",
        title=f"At a {margin} margin, half the gross profit is {format_value(half_equity, 'USD')} per GW, not {equity}",
        subtitle=f"Share of Nvidia's gross profit returned as OpenAI equity, at {format_value(stated.revenue, 'USD')} "
                 "of revenue per gigawatt (%)",
        sources=source_ids, data=grid[["margin", "equity", "gross_profit", "share"]], description=description,
        notes=["Outlined: the sources' figures (up to 75% margin, about US$10B per GW). Green: Nvidia keeps",
               "more than half; red: it returns more than half. Ranges: assumptions nvidia_gross_margin, nvidia_equity_per_gw."])


# ---------------------------------------------------------------- xAI's raise

_PART_COLORS = {"Debt": ROLE_COLORS["total"], "Nvidia equity": ENTITY_COLORS["nvidia"], "The rest": ROLE_COLORS["neutral"]}


def xai_raise(parts: pd.DataFrame, total_text: str, source_ids: list[str]) -> LedgerChart:
    """xAI's raise as one stacked bar: debt, Nvidia's equity, and what the named parts leave."""
    frame = parts.copy()
    frame["end"] = frame["amount"].cumsum()
    frame["start"] = frame["end"] - frame["amount"]
    frame["mid"] = (frame["start"] + frame["end"]) / 2
    frame["name"] = frame["part"].replace({"Nvidia equity": "Nvidia"})
    frame["order"] = range(len(frame))
    xs = alt.Scale(domain=[0, float(frame["end"].max())], nice=False)
    x = alt.X("start:Q", title="US$ (billions)", scale=xs,
              axis=alt.Axis(labelExpr="datum.value / 1e9", values=[float(v) for v in [0, *frame["end"]]], grid=False))
    base = alt.Chart(frame)
    bar = base.mark_bar(height=44, stroke="white", strokeWidth=1).encode(
        x=x, x2="end:Q", y=alt.value(60),
        color=alt.Color("part:N", title=None, scale=alt.Scale(domain=list(_PART_COLORS), range=list(_PART_COLORS.values())),
                        legend=None),
        tooltip=[alt.Tooltip("part:N", title="Part"), alt.Tooltip("label:N", title="Amount"),
                 alt.Tooltip("share_label:N", title="Share of the raise"), alt.Tooltip("status:N", title="Status")])
    mid = alt.X("mid:Q", scale=xs)
    names = base.mark_text(fontSize=12, fontWeight="bold", color=INK).encode(x=mid, y=alt.value(24), text="name:N")
    amounts = base.mark_text(fontSize=11, color=INK).encode(x=mid, y=alt.value(100), text="label:N")
    shares = base.mark_text(fontSize=11, color=MUTED_INK).encode(x=mid, y=alt.value(116), text="share_label:N")
    chart = alt.layer(bar, names, amounts, shares).properties(width=520, height=130)
    rows = frame.set_index("part")
    description = (f"A single bar of xAI's {total_text} raise split into " + ", ".join(
        f"{r.part.lower()} {r.label} ({r.share_label}, {r.status})" for r in frame.itertuples()) + ".")
    return finish(
        chart, name="fig-triangle-xai",
        title=f"Nvidia's {rows.loc['Nvidia equity', 'label']} is {rows.loc['Nvidia equity', 'share_label']} of xAI's "
              f"{total_text} raise; debt is {rows.loc['Debt', 'share_label']}",
        subtitle="xAI's financing round by part (US$ billions; share of the round)",
        sources=source_ids, data=frame[["part", "status", "amount", "label", "share", "basis"]],
        description=description,
        notes=["Derived: the rest = total − debt − Nvidia's equity (the digest does not say what it is); 'at least', because the debt is 'up to'.",
               _second_sentence_note()])


def _second_sentence_note() -> str:
    """The digest's later sentence on the raise (C002-16), which bounds the debt's share from below."""
    shares = triangle.xai_debt_shares()
    return (f"The digest's later sentence (C002-16), {figure_text('F002-22')} of debt in a raise of "
            f"{figure_text('F002-21')}, makes the debt {format_bounded(shares['C002-16'], 'percent')}; the two sentences "
            f"allow only {format_bounded(shares['both'], 'percent')} (check 'xai-debt-majority').")
