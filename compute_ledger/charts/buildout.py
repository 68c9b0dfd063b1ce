"""Charts for 'The build-out: power, racks and energy'."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..evidence.fmt import format_value
from .display import LedgerTable
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, MUTED_INK, ROLE_COLORS

WIDTH = 520
BOUND_COLORS = {"a ceiling": ROLE_COLORS["negative"], "a floor": ROLE_COLORS["derived"],
                "a stated amount": ROLE_COLORS["reported"]}
# A ceiling can only be lower, a floor only higher: the glyph points the way the true value may lie.
BOUND_GLYPHS = {"a ceiling": "◀", "a floor": "▶", "a stated amount": "●"}


def rack_step(rack: pd.DataFrame) -> LedgerChart:
    """Before and after Blackwell for rack weight and rack power, each on its own axis."""
    panels = []
    for row in rack.itertuples():
        data = pd.DataFrame([{"when": "Before Blackwell", "value": row.before, "label": row.before_text},
                             {"when": "Blackwell", "value": row.after, "label": row.after_text}])
        y = alt.Y("when:N", sort=["Before Blackwell", "Blackwell"], title=None)
        bars = alt.Chart(data).mark_bar(height=26, color=ENTITY_COLORS["nvidia"]).encode(
            x=alt.X("value:Q", title=f"Rack {row.measure} ({row.unit})", scale=alt.Scale(domain=[0, row.after * 1.35])),
            y=y, tooltip=[alt.Tooltip("when:N", title="Rack"), alt.Tooltip("label:N", title=row.measure.capitalize())])
        text = bars.mark_text(align="left", dx=6, color="#222222").encode(text="label:N")
        panels.append((bars + text).properties(width=210, height=80,
                                               title=f"{row.measure.capitalize()}: {format_value(row.multiple, 'times', 2)}"))
    weight, power = rack.set_index("measure").loc["weight"], rack.set_index("measure").loc["power"]
    return finish(
        alt.hconcat(*panels, spacing=40), name="fig-buildout-rack",
        title=(f"A Blackwell rack weighs {format_value(weight.multiple, 'times', 2)} and draws "
               f"{format_value(power.multiple, 'times', 2)} what a rack did before"),
        subtitle="Rack weight (lb) and power (kW) before and with Nvidia's Blackwell, as Baker gives them",
        sources=["baker-asi-decade"], data=rack[["measure", "unit", "before", "after", "multiple", "figure_ids"]],
        description=(f"Two bar pairs. Weight: {weight.before_text} before, {weight.after_text} with Blackwell. Power: "
                     f"{power.before_text} before, {power.after_text} with Blackwell. Cooling moves from air to liquid."),
        notes=["Derived: multiples are the Blackwell value divided by the earlier one; both are stated exactly."],
    )


def capacity(programmes: pd.DataFrame) -> LedgerChart:
    """Gigawatt programmes coloured by bound, with a glyph pointing where the true value may lie."""
    data = programmes.assign(row=programmes["programme"] + " — " + programmes["source"],
                             glyph=programmes["bound"].map(BOUND_GLYPHS),
                             label=programmes["text"] + " (" + programmes["bound"] + ")")
    order = data["row"].tolist()
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=400))
    color = alt.Color("bound:N", title="Bound", legend=alt.Legend(labelLimit=200),
                      scale=alt.Scale(domain=list(BOUND_COLORS), range=list(BOUND_COLORS.values())))
    bars = alt.Chart(data).mark_bar(height=20, opacity=0.85).encode(
        x=alt.X("gw:Q", title="Capacity (GW)", scale=alt.Scale(domain=[0, 16])), y=y, color=color,
        tooltip=[alt.Tooltip("programme:N", title="Programme"), alt.Tooltip("label:N", title="Capacity"),
                 alt.Tooltip("speaker:N", title="Speaker"), alt.Tooltip("source:N", title="Source")])
    glyphs = alt.Chart(data).mark_text(align="left", dx=3, fontSize=13).encode(x="gw:Q", y=y, text="glyph:N", color=color)
    text = alt.Chart(data).mark_text(align="left", dx=18, color="#222222").encode(x="gw:Q", y=y, text="label:N")
    chart = alt.layer(bars, glyphs, text).properties(width=WIDTH - 200, height=34 * len(data))
    nvidia = data[data["programme"].str.startswith("Nvidia")]
    return finish(
        chart, name="fig-buildout-capacity",
        title=f"Nvidia's {format_value(nvidia['gw'].iloc[0], 'GW')} is a ceiling in one source and a floor in the other",
        subtitle="Programmes the sources size in gigawatts of power, with each source's bound (GW)",
        sources=list(dict.fromkeys(data["source_id"])), data=data[["figure_id", "programme", "gw", "qualifier", "bound", "source"]],
        description=("Bars of gigawatt programmes: " + "; ".join(f"{r.programme}, {r.label}, per {r.source}" for r in data.itertuples())
                     + ". A ceiling means the true value can only be lower; a floor, only higher."),
        notes=["The two Nvidia rows are one programme seen by two sources; they do not add up.",
               "The Best Partners row is the host's own narration, not a line the transcript gives Patel.",
               "◀ ceiling ('up to'); ▶ floor ('at least'); ● stated amount."],
    )


def clusters(sizes: pd.DataFrame, uptime: pd.DataFrame) -> LedgerChart:
    """Baker's cluster sizes against his coherent-cluster limit (a band), and his two operators' uptime."""
    examples = sizes[sizes["kind"] == "example"].assign(row="Clusters in Baker's example")
    low, high = sizes.loc[sizes["kind"] == "limit (low end)", "gpus"].iloc[0], sizes.loc[sizes["kind"] == "limit (high end)", "gpus"].iloc[0]
    limit_label = sizes.loc[sizes["kind"] == "limit (low end)", "label"].iloc[0]
    band = alt.Chart(pd.DataFrame([{"low": low, "high": high, "label": f"coherent limit {limit_label}"}])).mark_rect(
        color=ROLE_COLORS["assumption"], opacity=0.6).encode(x=alt.X("low:Q", title="GPUs in one cluster",
                                                                    scale=alt.Scale(domain=[0, 320_000])), x2="high:Q")
    band_text = alt.Chart(pd.DataFrame([{"x": low, "label": f"coherent limit {limit_label}"}])).mark_text(
        align="left", dx=4, dy=-32, color=MUTED_INK).encode(x="x:Q", text="label:N")
    points = alt.Chart(examples).mark_point(filled=True, size=120, color=ROLE_COLORS["reported"]).encode(
        x="gpus:Q", tooltip=[alt.Tooltip("label:N", title="Cluster")])
    point_text = points.mark_text(dy=18, color="#222222").encode(text="label:N")
    size_panel = alt.layer(band, band_text, points, point_text).properties(width=WIDTH - 60, height=80,
                                                                          title="Cluster sizes and the coherent limit")
    ratio = uptime["relative"].iloc[1]
    up = uptime.assign(label=[f"{format_value(u, 'percent')} uptime → {format_value(r, 'times')} the work" for u, r in
                              zip(uptime["uptime"], uptime["relative"])])
    up_bars = alt.Chart(up).mark_bar(height=22, color=ROLE_COLORS["derived"]).encode(
        x=alt.X("uptime:Q", title="Uptime (% of the time the cluster runs)", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("operator:N", sort=up["operator"].tolist(), title=None))
    up_text = up_bars.mark_text(align="left", dx=6, color="#222222").encode(text="label:N")
    uptime_panel = (up_bars + up_text).properties(width=WIDTH - 200, height=70, title="Uptime of two operators")
    return finish(
        alt.vconcat(size_panel, uptime_panel, spacing=24), name="fig-buildout-clusters",
        title=f"Clusters near the coherent limit, and a {format_value(ratio, 'times')} gap in uptime between operators",
        subtitle="Baker's cluster sizes against the limit he gives (GPUs), and his two operators' uptime (%)",
        sources=["baker-four-labs"], data=pd.concat([sizes, up.rename(columns={"label": "uptime_label"})], ignore_index=True),
        description=(f"Top: clusters of {', '.join(examples['label'])} against a band for the coherent-cluster limit of "
                     f"{limit_label}. Bottom: an operator with {format_value(uptime['uptime'].iloc[0], 'percent')} uptime "
                     f"against one with {format_value(uptime['uptime'].iloc[1], 'percent')}, "
                     f"{format_value(ratio, 'times')} the running time."),
        notes=["Both panels are Baker's illustrations, not measurements of a named lab.",
               "Derived: the uptime ratio, and 'the work' read as running time at equal cluster size."],
    )


def constraints_table(table: pd.DataFrame) -> LedgerTable:
    return LedgerTable(name="tbl-buildout-constraints", frame=table,
                       caption="What constrains the build-out, as the sources state it, and who states it")
