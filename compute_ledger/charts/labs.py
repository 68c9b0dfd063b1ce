"""Charts for the chapter "The four labs"."""
from __future__ import annotations

import math

import altair as alt
import pandas as pd

from ..evidence.fmt import format_bounded, format_value, join_names
from ..evidence.quantity import Bounded
from ..evidence.tables import bounded, figure_text
from ..analysis.labs import COHERENT_CLUSTER, LEVELS, source_date
from .figure import LedgerChart, finish
from .theme import INK, MUTED_INK, ROLE_COLORS, entity_scale

WIDTH = 540  # plot width; axis labels and margins come on top


def uptime(table: pd.DataFrame) -> LedgerChart:
    """Effective compute of a coherent cluster at the weaker and the stronger operator's uptime, with a slider.

    `table` is compute_ledger.analysis.labs.uptime_table(). The slider moves the weaker operator's uptime between
    the two uptimes Baker states; the bar, its label and the multiple are recomputed in the page.
    """
    weak = table.loc[table.operator == "Weaker operator"].iloc[0]
    strong = table.loc[table.operator == "Stronger competitor"].iloc[0]
    ratio = strong.uptime / weak.uptime
    cap = figure_text(COHERENT_CLUSTER)
    about = "about " if bounded(COHERENT_CLUSTER).approximate else ""  # the cap's 大約 carries into every product
    rows = pd.DataFrame([
        {"row": "Installed GPUs", "role": "installed", "uptime": 100.0,
         "cluster_low": weak.cluster_low, "cluster_high": weak.cluster_high},
        {"row": "Stronger competitor", "role": "strong", "uptime": strong.uptime,
         "cluster_low": strong.cluster_low, "cluster_high": strong.cluster_high},
        {"row": "Weaker operator", "role": "weak", "uptime": weak.uptime,
         "cluster_low": weak.cluster_low, "cluster_high": weak.cluster_high},
    ])
    slider = alt.param(name="labs_weak_uptime", value=float(weak.uptime),
                       bind=alt.binding_range(min=float(weak.uptime), max=float(strong.uptime), step=1,
                                              name="Weaker operator's uptime (%) "))
    base = alt.Chart(rows).transform_calculate(
        used="datum.role === 'weak' ? labs_weak_uptime : datum.uptime",
        eff_low="datum.cluster_low * datum.used / 100 / 1000",
        eff_high="datum.cluster_high * datum.used / 100 / 1000",
        label=(f"'{about}' + format(datum.cluster_low * datum.used / 100, ',.0f') + '–' + "
               "format(datum.cluster_high * datum.used / 100, ',.0f') + "
               "(datum.role === 'installed' ? '' : ' at ' + format(datum.used, '.0f') + '% uptime')"),
    )
    y = alt.Y("row:N", sort=rows["row"].tolist(), title=None, axis=alt.Axis(labelLimit=200))
    color = alt.Color("role:N", legend=None, scale=alt.Scale(
        domain=["installed", "strong", "weak"],
        range=[ROLE_COLORS["neutral"], ROLE_COLORS["positive"], ROLE_COLORS["negative"]]))
    bars = base.mark_bar(height=22).encode(
        y=y, x=alt.X("eff_low:Q", title="GPUs' worth of work (thousands)",
                     scale=alt.Scale(domain=[0, float(weak.cluster_high) / 1000 * 1.4])),
        x2="eff_high:Q", color=color,
        tooltip=[alt.Tooltip("row:N", title="Row"), alt.Tooltip("label:N", title="GPUs' worth of work")])
    labels = base.mark_text(align="left", dx=6, fontSize=11, color=INK).encode(y=y, x="eff_high:Q", text="label:N")
    multiple = alt.Chart(pd.DataFrame({"anchor": [0]})).transform_calculate(
        text=(f"'Same GPUs, {format_value(strong.uptime, 'percent')} vs ' + format(labs_weak_uptime, '.0f') + "
              f"'% uptime: the stronger competitor does ' + format({float(strong.uptime)} / labs_weak_uptime, '.2~f')"
              " + '× the work'")
    ).mark_text(align="left", baseline="bottom", fontSize=12, color=INK, dy=-8).encode(
        x=alt.value(0), y=alt.value(0), text="text:N")
    chart = alt.layer(bars, labels, multiple).add_params(slider).properties(width=WIDTH - 150, height=140)
    return finish(
        chart, name="fig-labs-uptime",
        title=(f"At {format_value(strong.uptime, 'percent')} uptime a cluster does {format_value(ratio, 'times')} "
               f"the work it does at {format_value(weak.uptime, 'percent')}"),
        subtitle=f"Average GPUs' worth of work from a coherent cluster of {cap}, by uptime (thousands of GPUs)",
        sources=["baker-four-labs"],
        data=table[["operator", "uptime", "cluster_low", "cluster_high", "effective_low", "effective_high", "figure_id"]],
        notes=["Derived: GPUs' worth of work = cluster size × uptime. Baker's uptimes are a hypothetical contrast.",
               "Move the slider to change the weaker operator's uptime."],
        description=(f"Range bars of compute for a coherent cluster of {cap}, the cap Baker gives. At "
                     f"{format_value(strong.uptime, 'percent')} uptime it does {strong.effective_text}' worth of work; at "
                     f"{format_value(weak.uptime, 'percent')} uptime {weak.effective_text}'. The stronger competitor "
                     f"gets {format_value(ratio, 'times')} the work from the same GPUs. A slider changes the weaker "
                     "operator's uptime and the bar, label and multiple follow."),
    )


def _range_bars(frame: pd.DataFrame, low: str, high: str, text: str, x_title: str, x_max: float) -> alt.LayerChart:
    """Bars from zero to the low end, a lighter bar from low to high end (a stated range), and a label."""
    order = frame["lab"].tolist()
    entities = frame["entity"].tolist()
    y = alt.Y("lab:N", sort=order, title=None, axis=alt.Axis(labelLimit=160))
    color = alt.Color("entity:N", legend=None, scale=entity_scale(entities))
    base = alt.Chart(frame)
    solid = base.transform_filter(f"isValid(datum.{low})").mark_bar(height=24).encode(
        y=y, x=alt.X("zero:Q", title=x_title, scale=alt.Scale(domain=[0, x_max])), x2=f"{low}:Q", color=color,
        tooltip=[alt.Tooltip("lab:N", title="Lab"), alt.Tooltip(f"{text}:N", title="Stated")])
    span = base.transform_filter(f"datum.{high} > datum.{low}").mark_bar(
        height=24, opacity=0.45, stroke=INK, strokeWidth=1, strokeDash=[3, 2]).encode(
        y=y, x=f"{low}:Q", x2=f"{high}:Q", color=color,
        tooltip=[alt.Tooltip("lab:N", title="Lab"), alt.Tooltip(f"{text}:N", title="Stated range")])
    label = base.mark_text(align="left", dx=6, fontSize=11, color=INK).encode(
        y=y, x=alt.X("label_x:Q"), text=f"{text}:N")
    return alt.layer(solid, span, label)


def openrouter_tokens(table: pd.DataFrame, xai_over_google: Bounded) -> LedgerChart:
    """Baker's OpenRouter token counts: xAI and Anthropic as points, Google as the range he gives."""
    frame = table[["entity", "lab", "tokens_low", "tokens_high", "tokens_text", "qualifier", "figure_id"]].copy()
    frame = frame.sort_values("tokens_high", ascending=False)
    frame["low_t"] = frame["tokens_low"] / 1e12
    frame["high_t"] = frame["tokens_high"] / 1e12
    frame["zero"] = 0.0
    frame["label_x"] = frame["high_t"]
    missing = pd.DataFrame([{"entity": "openai", "lab": "OpenAI", "tokens_text": "not given by Baker",
                             "zero": 0.0, "label_x": 0.0}])
    plot = pd.concat([frame, missing], ignore_index=True)
    ratio = format_bounded(xai_over_google)
    chart = _range_bars(plot, "low_t", "high_t", "tokens_text", "Tokens processed on OpenRouter (trillions)",
                        float(frame["high_t"].max()) * 1.45).properties(width=WIDTH + 20, height=170)
    lead = frame.iloc[0]
    google = table.loc[table.entity == "google"].iloc[0]
    return finish(
        chart, name="fig-labs-openrouter",
        title=f"xAI's OpenRouter tokens are {ratio} Google's, as Baker reports them",
        subtitle="Tokens processed on OpenRouter, recent period not specified (trillions of tokens); Google's is a range",
        sources=["baker-four-labs"],
        data=table[["lab", "tokens_low", "tokens_high", "qualifier", "figure_id", "claim_id"]],
        notes=["Lighter dashed bar: the range Baker gives (low to high end).",
               "OpenRouter is only a small part of the API market, per Baker.",
               f"Derived: {lead.lab} ÷ {google.lab} = {ratio}, from the high to the low end of {google.lab}'s range."],
        description=("Horizontal bars of tokens processed on OpenRouter per lab, per Baker: "
                     + "; ".join(f"{r.lab} {r.tokens_text}" for r in frame.itertuples())
                     + ". Google's bar ends in a lighter segment spanning its stated range. OpenAI's count is not "
                       "given. " f"xAI's count is {ratio} Google's."),
    )


def openrouter_shares(table: pd.DataFrame) -> LedgerChart:
    """Each lab's share of the three labs' combined OpenRouter tokens, as a range from Google's range."""
    frame = table[["entity", "lab", "share_low", "share_high", "share_text"]].copy()
    frame = frame.sort_values("share_high", ascending=False)
    frame["zero"] = 0.0
    frame["label_x"] = frame["share_high"]
    x_max = math.ceil(float(frame["share_high"].max()) * 1.3 / 10) * 10
    chart = _range_bars(frame, "share_low", "share_high", "share_text", "Share of the three labs' combined tokens (%)",
                        x_max).properties(width=WIDTH + 20, height=130)
    lead = frame.iloc[0]
    return finish(
        chart, name="fig-labs-shares",
        title=f"{lead.lab} processes {lead.share_text} of the three labs' OpenRouter tokens",
        subtitle="Share of the tokens Baker reports for xAI, Google and Anthropic combined (%), low to high end",
        sources=["baker-four-labs"],
        data=table[["lab", "tokens_low", "tokens_high", "share_low", "share_high", "figure_id"]],
        notes=["Derived: a share is lowest with the lab at its low end and the others at their high ends,",
               "and highest the other way round; only Google's count is a range (lighter dashed bar).",
               "The total leaves out OpenAI and every other model on OpenRouter: these are not market shares."],
        description=("Range bars of each lab's share of the combined OpenRouter tokens of xAI, Google and Anthropic: "
                     + "; ".join(f"{r.lab} {r.share_text}" for r in frame.itertuples())
                     + ". The ranges come from Google's stated range of tokens."),
    )


def revenue(table: pd.DataFrame, multiple: float) -> LedgerChart:
    """Revenues as Baker states them: Anthropic's before-and-after, OpenAI's open-ended 'over'."""
    anthropic = table.loc[table.entity == "anthropic"].set_index("stage")
    openai = table.loc[table.entity == "openai"].iloc[0]
    before, after = anthropic.loc["Before"], anthropic.loc["After"]
    x_max = float(openai.revenue) / 1e9 * 1.35
    segments = pd.DataFrame([
        {"entity": "anthropic", "lab": "Anthropic", "start": before.revenue / 1e9, "end": after.revenue / 1e9,
         "kind": "growth"},
        {"entity": "openai", "lab": "OpenAI", "start": openai.revenue / 1e9, "end": x_max * 0.97, "kind": "open"},
    ])
    points = pd.DataFrame([
        {"entity": "anthropic", "lab": "Anthropic", "x": before.revenue / 1e9, "text": f"{before.revenue_text} before",
         "shape": "circle", "filled": False, "align": "left", "dx": -8},
        {"entity": "anthropic", "lab": "Anthropic", "x": after.revenue / 1e9,
         "text": f"{after.revenue_text} after ({format_value(multiple, 'times')})", "shape": "circle", "filled": True,
         "align": "left", "dx": 8},
        {"entity": "openai", "lab": "OpenAI", "x": openai.revenue / 1e9, "text": openai.revenue_text, "shape": "circle",
         "filled": True, "align": "right", "dx": -8},
    ])
    order = ["Anthropic", "OpenAI"]
    y = alt.Y("lab:N", sort=order, title=None, axis=alt.Axis(labelLimit=160))
    color = alt.Color("entity:N", legend=None, scale=entity_scale(["anthropic", "openai"]))
    x = alt.X("start:Q", title="Revenue (US$ billions)", scale=alt.Scale(domain=[0, x_max]))
    growth = alt.Chart(segments).transform_filter("datum.kind === 'growth'").mark_rule(strokeWidth=4).encode(
        y=y, x=x, x2="end:Q", color=color)
    open_end = alt.Chart(segments).transform_filter("datum.kind === 'open'").mark_rule(
        strokeWidth=3, strokeDash=[5, 4]).encode(y=y, x=x, x2="end:Q", color=color)
    arrow = alt.Chart(segments).transform_filter("datum.kind === 'open'").mark_point(shape="triangle-right", filled=True, size=160, opacity=1).encode(
        y=y, x="end:Q", color=color)
    dots_open = alt.Chart(points).transform_filter("!datum.filled").mark_point(
        size=140, filled=True, fill="white", strokeWidth=2.5, opacity=1).encode(
        y=y, x="x:Q", stroke=alt.Stroke("entity:N", scale=entity_scale(["anthropic", "openai"]), legend=None),
        tooltip=[alt.Tooltip("lab:N"), alt.Tooltip("text:N", title="Revenue")])
    dots = alt.Chart(points).transform_filter("datum.filled").mark_point(
        size=140, filled=True, opacity=1).encode(y=y, x="x:Q", color=color,
                                                 tooltip=[alt.Tooltip("lab:N"), alt.Tooltip("text:N", title="Revenue")])
    left = alt.Chart(points).transform_filter("datum.align === 'right'").mark_text(
        align="right", dx=-10, dy=-14, fontSize=11, color=INK).encode(y=y, x="x:Q", text="text:N")
    right = alt.Chart(points).transform_filter("datum.align === 'left'").mark_text(
        align="left", dx=-4, dy=-14, fontSize=11, color=INK).encode(y=y, x="x:Q", text="text:N")
    open_note = alt.Chart(segments).transform_filter("datum.kind === 'open'").transform_calculate(
        note="'upper end not stated'").mark_text(align="right", dy=14, fontSize=10, color=MUTED_INK,
                                                 fontStyle="italic").encode(y=y, x="end:Q", text="note:N")
    chart = alt.layer(growth, open_end, arrow, dots, dots_open, left, right, open_note).properties(
        width=WIDTH + 20, height=130)
    return finish(
        chart, name="fig-labs-revenue",
        title=(f"Anthropic's revenue grew {format_value(multiple, 'times')} to {after.revenue_text}; "
               f"OpenAI's is {openai.revenue_text}"),
        subtitle="Revenue as Baker states it (US$ billions); dates and basis (annual or run-rate) not given",
        sources=["baker-asi-decade"],
        data=table[["lab", "stage", "revenue", "qualifier", "figure_id", "claim_id"]],
        notes=[f"Derived: {after.revenue_text} ÷ {before.revenue_text} = {format_value(multiple, 'times')}. "
               "The dashed line marks 'over': a floor, not a range."],
        description=(f"Anthropic's revenue rose from {before.revenue_text} to {after.revenue_text}, "
                     f"{format_value(multiple, 'times')}, with no dates given. OpenAI's revenue is {openai.revenue_text}, "
                     "drawn as a point with a dashed open-ended line because the text gives only a floor."),
    )


def nvidia_camp(camp: pd.DataFrame) -> LedgerChart:
    """Who stands in Nvidia's camp at each stage Baker describes, with Google's TPUs opposite."""
    frame = camp.copy()
    n_stages = int(frame["order"].max()) + 1
    google = pd.DataFrame([{"order": n_stages, "stage": "tpu", "stage_label": "Opposite camp: Google's TPUs",
                            "entity": "google", "lab": "Google", "slot": 0, "new": False,
                            "stated_count": float("nan"), "count_figure": "", "claims": "C000-28; C000-53"}])
    plot = pd.concat([frame, google], ignore_index=True)
    plot["x"] = plot["order"].astype(float) + (plot["stage"] == "tpu") * 0.25
    stages = plot.drop_duplicates("stage").sort_values("order")[["stage", "stage_label", "x", "stated_count"]]
    stages["head"] = (stages["stage_label"].str.replace(" (", "\n(", regex=False)
                      .str.replace(": ", ":\n", regex=False).str.replace(" Anthropic's", "\nAnthropic's", regex=False))
    stages["count_text"] = stages["stated_count"].map(lambda n: "" if n != n else f"{n:g} labs")
    entities = list(dict.fromkeys(plot["entity"]))
    x_scale = alt.Scale(domain=[-0.45, float(plot["x"].max()) + 0.6])
    y_scale = alt.Scale(domain=[-1.6, 3.6], reverse=True)
    color = alt.Color("entity:N", scale=entity_scale(entities), legend=None)
    tooltip = [alt.Tooltip("stage_label:N", title="Stage"), alt.Tooltip("lab:N", title="Lab"),
               alt.Tooltip("claims:N", title="Claims")]
    base = alt.Chart(plot).transform_calculate(dot_x="datum.x - 0.2", text_x="datum.x - 0.12")
    dots = base.mark_point(filled=True, opacity=1).encode(
        x=alt.X("dot_x:Q", scale=x_scale, axis=None), y=alt.Y("slot:Q", scale=y_scale, axis=None), color=color,
        size=alt.Size("new:N", scale=alt.Scale(domain=[False, True], range=[140, 300]), legend=None), tooltip=tooltip)
    joined = base.transform_filter("datum.new").mark_text(align="left", fontSize=11, fontWeight="bold", color=INK)
    stayed = base.transform_filter("!datum.new").mark_text(align="left", fontSize=11, color=MUTED_INK)
    names = [m.encode(x=alt.X("text_x:Q", scale=x_scale, axis=None), y=alt.Y("slot:Q", scale=y_scale, axis=None),
                      text="lab:N") for m in (joined, stayed)]
    heads = alt.Chart(stages).mark_text(fontSize=11, color=MUTED_INK, baseline="top", lineBreak="\n").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.value(0), text="head:N")
    count = alt.Chart(stages).mark_text(fontSize=13, fontWeight="bold", color=INK, baseline="top").encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.value(36), text="count_text:N")
    divider = alt.Chart(pd.DataFrame({"x": [n_stages - 0.38]})).mark_rule(color=MUTED_INK, strokeDash=[2, 3]).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None))
    chart = alt.layer(divider, heads, count, dots, *names).properties(width=WIDTH + 60, height=230)
    counts = stages.dropna(subset=["stated_count"])
    first, middle, last = counts.iloc[0], counts.iloc[1], counts.iloc[-1]
    return finish(
        chart, name="fig-labs-camp",
        title=(f"Nvidia's camp grows from {first.stated_count:g} labs to {middle.stated_count:g}, "
               f"and to {last.stated_count:g} if Meta catches up"),
        subtitle="Frontier labs Baker counts in Nvidia's camp against Google's TPUs, by stage (labs)",
        sources=["baker-four-labs"],
        data=plot[["stage_label", "lab", "new", "stated_count", "count_figure", "claims"]],
        notes=["Bold: the lab that joins at that stage. Counts are Baker's; the last stage is a conditional forecast.",
               "Anthropic also uses Google TPUs and Amazon Trainium (C000-65)."],
        description=("Dot columns of the labs in Nvidia's camp. "
                     + " ".join(f"{s.stage_label}: {', '.join(frame.loc[frame.stage == s.stage, 'lab'])}."
                                for s in stages.itertuples() if s.stage != "tpu")
                     + " Opposite camp: Google with its TPUs."),
    )


def positions(long: pd.DataFrame, shifts: pd.DataFrame) -> LedgerChart:
    """Slope chart of the positions Baker and Patel state for each lab; 'not stated' is its own band."""
    frame = long.copy()
    other = {"Baker": "Patel", "Patel": "Baker"}
    levels = frame.set_index(["entity", "analyst"])["level"]
    frame["other_level"] = [levels[(r.entity, other[r.analyst])] for r in frame.itertuples()]
    lab_order = {e: i for i, e in enumerate(shifts["entity"])}
    frame["lab_rank"] = frame["entity"].map(lab_order)
    frame = frame.sort_values(["analyst", "level", "other_level", "lab_rank"]).reset_index(drop=True)
    frame["slot"] = frame.groupby(["analyst", "level"]).cumcount()
    frame["n"] = frame.groupby(["analyst", "level"])["entity"].transform("size")
    frame["y"] = frame["level"] + (frame["slot"] - (frame["n"] - 1) / 2) * 0.22
    frame["x"] = frame["analyst"].map({"Baker": 0.0, "Patel": 1.0})
    frame["align"] = frame["analyst"].map({"Baker": "right", "Patel": "left"})
    frame["stated"] = frame["level"] < max(LEVELS)
    wide = frame.pivot(index="entity", columns="analyst", values="y").reset_index()
    lines = []
    for row in wide.itertuples():
        both = bool(frame.loc[frame.entity == row.entity, "stated"].all())
        for analyst, x in (("Baker", 0.0), ("Patel", 1.0)):
            lines.append({"entity": row.entity, "x": x, "y": getattr(row, analyst), "both": both})
    lines = pd.DataFrame(lines)
    entities = list(shifts["entity"])
    color = alt.Color("entity:N", scale=entity_scale(entities), legend=None)
    y_scale = alt.Scale(domain=[max(LEVELS) + 0.5, 0.5])
    label_expr = " : ".join(f"datum.value === {k} ? '{v}'" for k, v in LEVELS.items()) + " : ''"
    y = alt.Y("y:Q", scale=y_scale, title=None,
              axis=alt.Axis(values=list(LEVELS), labelExpr=label_expr, grid=False, domain=False, ticks=False,
                            labelFontSize=11, labelPadding=6, labelLimit=140))
    x = alt.X("x:Q", scale=alt.Scale(domain=[-0.55, 1.55]), axis=None)
    bands = alt.Chart(pd.DataFrame({"y": [k + 0.5 for k in list(LEVELS)[:-1]]})).mark_rule(
        color="#e3e3e3").encode(y=alt.Y("y:Q", scale=y_scale))
    solid = alt.Chart(lines).transform_filter("datum.both").mark_line(strokeWidth=2, opacity=0.8).encode(
        x=x, y=alt.Y("y:Q", scale=y_scale), color=color, detail="entity:N")
    dashed = alt.Chart(lines).transform_filter("!datum.both").mark_line(
        strokeWidth=1.5, strokeDash=[3, 3], opacity=0.7).encode(x=x, y=alt.Y("y:Q", scale=y_scale), color=color,
                                                                detail="entity:N")
    tooltip = [alt.Tooltip("lab:N", title="Lab"), alt.Tooltip("analyst:N", title="Analyst"),
               alt.Tooltip("wording:N", title="Stated"), alt.Tooltip("claims:N", title="Claims")]
    dots = alt.Chart(frame).mark_point(filled=True, size=90, opacity=1).encode(x=x, y=y, color=color, tooltip=tooltip)
    left = alt.Chart(frame).transform_filter("datum.analyst === 'Baker'").mark_text(
        align="right", dx=-9, fontSize=11, color=INK).encode(x=x, y=alt.Y("y:Q", scale=y_scale), text="lab:N")
    right = alt.Chart(frame).transform_filter("datum.analyst === 'Patel'").mark_text(
        align="left", dx=9, fontSize=11, color=INK).encode(x=x, y=alt.Y("y:Q", scale=y_scale), text="lab:N")
    headers = pd.DataFrame([
        {"x": 0.0, "text": f"Baker ({source_date('baker-four-labs', short=True)})"},
        {"x": 1.0, "text": f"Patel ({source_date('patel-silicon-valley', short=True)})"}])
    head = alt.Chart(headers).mark_text(fontSize=12, fontWeight="bold", color=INK, baseline="bottom").encode(
        x=x, y=alt.value(-6), text="text:N")
    chart = alt.layer(bands, solid, dashed, dots, left, right, head).properties(width=WIDTH - 40, height=400)
    summary = {key: join_names(shifts.loc[shifts["shift"] == value, "lab"].tolist())
               for key, value in (("same", "same"), ("lower", "lower with Patel"), ("higher", "higher with Patel"))}
    title = f"Patel ranks {summary['lower']} lower than Baker, {summary['higher']} higher"
    return finish(
        chart, name="fig-labs-positions", title=title,
        subtitle="Position each analyst states for each lab (ordered tiers; 'Not stated' where the text gives none)",
        sources=["baker-four-labs", "baker-asi-decade", "patel-silicon-valley"],
        data=long[["lab", "analyst", "level", "level_label", "wording", "claims"]],
        notes=[f"They agree only on {summary['same']}. Baker names a first tier of four labs but does not rank within it.",
               "Dashed: one side states no position.",
               "Positions are as stated in the texts; see the table below for wording and claim ids."],
        description=("Slope chart from Baker's stated positions (left) to Patel's (right). "
                     + " ".join(f"{r.lab}: Baker {r.Baker_label}, Patel {r.Patel_label}."
                                for r in _labels(shifts).itertuples())),
    )


def _labels(shifts: pd.DataFrame) -> pd.DataFrame:
    out = shifts.copy()
    out["Baker_label"] = out["Baker"].map(LEVELS).str.lower()
    out["Patel_label"] = out["Patel"].map(LEVELS).str.lower()
    return out
