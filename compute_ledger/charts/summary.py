"""The landing page's at-a-glance chart: every money flow the sources put a value on, drawn with its bound."""
from __future__ import annotations

from pathlib import Path

import altair as alt
import pandas as pd

from ..analysis.triangle import DIRECTION_READ, DIRECTION_READ_SHORT
from ..evidence.fmt import format_figure
from ..evidence.quantity import leader
from ..evidence.tables import bounded, deals, figure, load
from ..paths import DATA
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, ROLE_COLORS

BILLION = 1e9
BOUNDS = {"up_to": "ceiling ('up to')", "at_least": "floor ('at least')", "over": "floor ('over')",
          "about": "approximate ('about')", "exact": "stated", "range": "a range", "about_range": "an approximate range"}
# Which way the true amount may lie from the bar's end: a ceiling only lower, a floor only higher.
GLYPHS = {"up_to": "◀", "at_least": "▶", "over": "▶", "about": "≈", "exact": "", "range": "↔", "about_range": "≈↔"}


def money_flows(data_dir: Path = DATA) -> pd.DataFrame:
    """Deals with a US$ amount, largest first, each with its bound, its words and its source."""
    table = deals(data_dir)
    valued = table[(table["amount_figure"] != "") & (table["amount_unit"] == "USD")].copy()
    valued["amount"] = valued["amount_value_low"].astype(float)
    valued["text"] = [format_figure(v, None, "USD", q) for v, q in zip(valued["amount"], valued["amount_qualifier"])]
    valued["bound"] = valued["amount_qualifier"].map(BOUNDS)
    valued["glyph"] = valued["amount_qualifier"].map(GLYPHS)
    valued["source_id"] = valued["amount_figure"].map(lambda f: figure(f, data_dir).source_id)
    documents = load("sources", data_dir).set_index("source_id")["document"]
    valued["source"] = valued["source_id"].map(documents)
    valued["flow"] = valued["from_name"] + " → " + valued["to_name"]
    # a deal whose direction no source states is drawn one way, and its label says that way is the book's reading
    read = valued["deal_id"].isin(list(DIRECTION_READ))
    valued.loc[read, "flow"] = valued.loc[read, "flow"] + f" ({DIRECTION_READ_SHORT})"
    valued["direction"] = valued["deal_id"].map(DIRECTION_READ).fillna("stated")
    valued["billions"] = valued["amount"] / BILLION
    return valued.sort_values("amount", ascending=False)[
        ["deal_id", "flow", "from_entity", "instrument", "amount", "billions", "amount_qualifier", "bound", "glyph", "text",
         "amount_figure", "source_id", "source", "direction"]].reset_index(drop=True)


def money_flows_chart(flows: pd.DataFrame) -> LedgerChart:
    """One bar per valued flow on a log scale, coloured by payer, with a glyph for a ceiling or a floor."""
    data = flows.assign(label=flows["text"] + " · " + flows["source"], base=1.0)
    order = data["flow"].tolist()
    payers = list(dict.fromkeys(data["from_entity"]))
    y = alt.Y("flow:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    bars = alt.Chart(data).mark_bar(height=18).encode(
        x=alt.X("billions:Q", scale=alt.Scale(type="log", domain=[1, 1000]), title="US$ billions (log scale)",
                axis=alt.Axis(values=[1, 10, 100, 1000])),
        x2="base:Q", y=y,
        color=alt.Color("from_entity:N", title="Payer", legend=None,
                        scale=alt.Scale(domain=payers, range=[ENTITY_COLORS.get(p, ROLE_COLORS["neutral"]) for p in payers])),
        tooltip=[alt.Tooltip("flow:N", title="Flow"), alt.Tooltip("text:N", title="Amount"),
                 alt.Tooltip("bound:N", title="Bound"), alt.Tooltip("source:N", title="Source")])
    glyphs = alt.Chart(data).mark_text(align="left", dx=3, fontSize=12, color="#222222").encode(x="billions:Q", y=y, text="glyph:N")
    text = alt.Chart(data).mark_text(align="left", dx=16, color="#222222").encode(x="billions:Q", y=y, text="label:N")
    chart = alt.layer(bars, glyphs, text).properties(width=300, height=28 * len(data))
    top = data.iloc[0]
    amounts = {r.deal_id: bounded(r.amount_figure) for r in data.itertuples()}
    if leader(amounts) == top.deal_id:
        title = f"The largest amount the sources state is {top.flow}, {top.text}"
    else:  # the biggest number is a ceiling or approximate, so it need not be the biggest flow
        kind = {"at_most": "a ceiling", "between": "a range"}.get(amounts[top.deal_id].bound)
        title = (f"The largest figure is {top.flow}, {top.text}, but "
                 + (f"{kind} need not be the largest flow" if kind else "other flows' bounds leave the largest open"))
    return finish(
        chart, name="fig-summary-money-flows",
        title=title,
        subtitle="Every deal with a stated US$ amount, by payer → recipient, with its bound (US$ billions, log scale)",
        sources=list(dict.fromkeys(data["source_id"])),
        data=data[["deal_id", "flow", "amount", "amount_qualifier", "bound", "amount_figure", "source", "direction"]],
        description=("Bars of money flows, largest first: " + "; ".join(f"{r.flow} {r.text} ({r.bound}, {r.source})"
                                                                        for r in data.itertuples()) + "."
                     + "".join(f" {r.flow.split(' (')[0]}: {r.direction}." for r in data.itertuples()
                               if r.direction != "stated")),
        notes=["◀ a ceiling (the amount can only be lower); ▶ a floor (only higher); ≈ approximate. Flows are not added:",
               "they differ in term and kind (contracts, equity, agreements)."]
              + [f"{r.flow.split(' (')[0]}: the source names the agreement but not who pays; {r.direction.split('; ', 1)[-1]}."
                 for r in data.itertuples() if r.direction != "stated"],
    )
