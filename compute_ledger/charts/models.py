"""Charts for 'Models: scaling, reasoning and talent'."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..evidence.fmt import format_value
from .display import LedgerTable
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, MUTED_INK, ROLE_COLORS

WIDTH = 520
MILLION = 1e6
# Log-scale bars need a positive baseline; each is the axis's lower end.
LOG_BASE_GPUS = 100
LOG_BASE_MILLIONS = 10
_BOUND_NOTE = {"over": "floor ('over')", "exact": "as stated", "up_to": "ceiling ('up to')"}


def timeline(events: pd.DataFrame) -> LedgerChart:
    """The dated steps of the turn from scale to reasoning, one row per event, at the year each source gives."""
    data = events.assign(year=events["value"].astype(int), label=events["period"] + " · " + events["source"])
    y = alt.Y("event:N", sort=data["event"].tolist(), title=None, axis=alt.Axis(labelLimit=320))
    points = alt.Chart(data).mark_point(filled=True, size=140, color=ENTITY_COLORS["openai"]).encode(
        x=alt.X("year:O", title="Year the source gives", axis=alt.Axis(labelAngle=0)), y=y,
        tooltip=[alt.Tooltip("event:N", title="Event"), alt.Tooltip("label:N", title="When · source"),
                 alt.Tooltip("claim_id:N", title="Claim")])
    text = points.mark_text(align="left", dx=12, fontSize=11, color=MUTED_INK).encode(text="label:N")
    chart = (points + text).properties(width=WIDTH - 280, height=40 * len(data))
    orion, reasoning = events.iloc[1], events.iloc[2]
    return finish(
        chart, name="fig-models-timeline",
        title=f"Orion began training in {orion.period}; reasoning arrived in {reasoning.period}",
        subtitle="Dated steps from scaling laws to reasoning models, as each source dates them (year)",
        sources=list(dict.fromkeys(events["source_id"])), data=data[["figure_id", "event", "period", "source", "claim_id"]],
        description=("Timeline of four events: " + "; ".join(f"{r.event}, {r.period} ({r.source})" for r in data.itertuples())
                     + "."),
        notes=["Within a year the rows follow the sources' own wording (early, second half, late); no month is stated."],
    )


def experiment_scale(scale: pd.DataFrame) -> LedgerChart:
    """Baker's three cluster sizes on a log scale, labelled with their multiple of the small cluster."""
    data = scale.assign(label=[f"{t} ({format_value(m, 'times')})" for t, m in zip(scale["text"], scale["multiple"])],
                        base=LOG_BASE_GPUS)
    bars = alt.Chart(data).mark_bar(height=26, color=ROLE_COLORS["reported"]).encode(
        x=alt.X("value:Q", scale=alt.Scale(type="log", domain=[LOG_BASE_GPUS, 1_000_000]), title="GPUs (log scale)",
                axis=alt.Axis(values=[100, 1_000, 10_000, 100_000, 1_000_000], format=",")),
        x2="base:Q",
        y=alt.Y("event:N", sort=data["event"].tolist(), title=None, axis=alt.Axis(labelLimit=300)),
        tooltip=[alt.Tooltip("event:N", title="Cluster"), alt.Tooltip("label:N", title="Size")])
    text = bars.mark_text(align="left", dx=6).encode(text="label:N")
    chart = (bars + text).properties(width=WIDTH - 200, height=40 * len(data))
    experiment = data.iloc[1]
    return finish(
        chart, name="fig-models-experiment-scale",
        title=f"One frontier experiment needs {format_value(experiment.multiple, 'times')} the GPUs of a small test cluster",
        subtitle="Cluster sizes in Baker's illustration of why research taste matters (GPUs, log scale)",
        sources=["baker-four-labs"], data=data[["figure_id", "event", "value", "multiple", "claim_id"]],
        description=("Bars of three cluster sizes: " + "; ".join(f"{r.event}, {r.text}" for r in data.itertuples())
                     + f". The experiment is {format_value(experiment.multiple, 'times')} the small cluster."),
        notes=["Derived: multiples are sizes divided by the small cluster's. The sizes are Baker's examples, not one lab's."],
    )


def talent_money(money: pd.DataFrame) -> LedgerChart:
    """Meta's talent sums on a log scale; a floor is drawn with an open end, not as a point."""
    data = money.assign(bound=money["qualifier"].map(_BOUND_NOTE), label=money["text"],
                        millions=money["value"] / MILLION, base=LOG_BASE_MILLIONS)
    bars = alt.Chart(data).mark_bar(height=24).encode(
        x=alt.X("millions:Q", scale=alt.Scale(type="log", domain=[LOG_BASE_MILLIONS, 10_000]), title="US$ (log scale)",
                axis=alt.Axis(values=[10, 100, 1_000, 10_000],
                              labelExpr="datum.value >= 1000 ? 'US$' + datum.value / 1000 + 'B' : 'US$' + datum.value + 'M'")),
        x2="base:Q",
        y=alt.Y("event:N", sort=data["event"].tolist(), title=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("bound:N", title="Bound", legend=alt.Legend(labelLimit=200), scale=alt.Scale(domain=list(dict.fromkeys(data["bound"])),
                                                                  range=[ROLE_COLORS["derived"], ROLE_COLORS["reported"]])),
        tooltip=[alt.Tooltip("event:N", title="What"), alt.Tooltip("label:N", title="Amount"),
                 alt.Tooltip("bound:N", title="Bound"), alt.Tooltip("source:N", title="Source")])
    floors = data[data["qualifier"] == "over"]
    arrows = alt.Chart(floors).mark_text(align="left", dx=4, text="▶", fontSize=14, color=ROLE_COLORS["derived"]).encode(
        x="millions:Q", y=alt.Y("event:N", sort=data["event"].tolist()))
    text = alt.Chart(data).mark_text(align="left", dx=20).encode(
        x="millions:Q", y=alt.Y("event:N", sort=data["event"].tolist()), text="label:N")
    chart = alt.layer(bars, arrows, text).properties(width=WIDTH - 220, height=36 * len(data))
    floor = floors.iloc[0]
    return finish(
        chart, name="fig-models-talent-money",
        title=f"Meta's talent sums are a floor and examples, not totals: {floor.text} a year is the only rate",
        subtitle="Sums the sources attach to Meta's hunt for AI talent (US$, log scale)",
        sources=list(dict.fromkeys(data["source_id"])), data=data[["figure_id", "event", "value", "qualifier", "period", "claim_id"]],
        description=("Bars of four sums: " + "; ".join(f"{r.event}, {r.text}" for r in data.itertuples())
                     + ". The rumoured pay is a floor ('over'), drawn with an arrow; the rest are stated amounts."),
        notes=["The rumoured pay is reported as rumour (传闻). Patel's two amounts are examples, not stated spending."],
    )


def theses_table(theses: pd.DataFrame) -> LedgerTable:
    return LedgerTable(name="tbl-models-theses", caption="What the sources assert about how models improve, and who asserts it",
                       frame=theses.rename(columns={"question": "Question", "thesis": "Thesis", "speakers": "Speakers",
                                                    "sources": "Sources", "claim_ids": "Claims"}))
