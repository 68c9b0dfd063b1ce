"""Charts for the Sources and method chapter."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis.corpus import UNIT_FAMILIES
from .figure import LedgerChart, finish

_FAMILY_COLORS = ["#332288", "#117733", "#88CCEE", "#DDCC77", "#CC6677"]


def figures_by_source(counts: pd.DataFrame, source_ids: list[str]) -> LedgerChart:
    """Horizontal stacked bars: how many figures each source contributes, by kind of unit."""
    order = counts.groupby("source")["figures"].sum().sort_values(ascending=False).index.tolist()
    counts = counts.assign(family_order=counts["family"].map({f: i for i, f in enumerate(UNIT_FAMILIES)}))
    top, top_count = order[0], int(counts.groupby("source")["figures"].sum().max())
    chart = alt.Chart(counts).mark_bar().encode(
        y=alt.Y("source:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("sum(figures):Q", title="Figures extracted (count)"),
        color=alt.Color("family:N", title="Kind of figure", scale=alt.Scale(domain=list(UNIT_FAMILIES), range=_FAMILY_COLORS)),
        order=alt.Order("family_order:Q"),
        tooltip=[alt.Tooltip("source:N", title="Source"), alt.Tooltip("family:N", title="Kind"),
                 alt.Tooltip("figures:Q", title="Figures")],
    ).properties(width=520, height=190)
    return finish(
        chart, name="fig-figures-by-source",
        title=f"{top} supplies the most figures ({top_count})",
        subtitle="Quantitative statements extracted from each source, by kind of unit (count)",
        sources=source_ids, data=counts[["source", "family", "figures"]],
        description=(f"Stacked horizontal bar chart of the number of figures extracted from each of the five sources, "
                     f"split into money, power and capacity, shares and percentages, time and dates, and counts. "
                     f"{top} has the most, {top_count}."),
    )


def script_mix(profile: pd.DataFrame) -> LedgerChart:
    """Characters unique to each script, per source: why the book matches quotes across scripts."""
    long = profile.melt(id_vars=["short_name", "script"], value_vars=["traditional_only", "simplified_only"],
                        var_name="script_of_character", value_name="characters_unique")
    long["script_of_character"] = long["script_of_character"].map(
        {"traditional_only": "Traditional-only characters", "simplified_only": "Simplified-only characters"})
    mixed = profile.loc[profile.script == "mixed", "short_name"].tolist()
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("short_name:N", title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("characters_unique:Q", title="Characters found only in one script (count)"),
        color=alt.Color("script_of_character:N", title=None,
                        scale=alt.Scale(domain=["Traditional-only characters", "Simplified-only characters"],
                                        range=["#332288", "#CC6677"])),
        tooltip=[alt.Tooltip("short_name:N", title="Source"), alt.Tooltip("script_of_character:N", title="Script"),
                 alt.Tooltip("characters_unique:Q", title="Characters")],
    ).properties(width=520, height=190)
    scripts = profile["script"].value_counts()
    title = (f"{scripts.get('Traditional', 0)} sources are in Traditional script, {scripts.get('Simplified', 0)} in "
             f"Simplified, {scripts.get('mixed', 0)} mixes both")
    return finish(
        chart, name="fig-script-mix", title=title,
        subtitle="Characters that exist in only one of the two Chinese scripts, per source (count)",
        sources=profile["source_id"].tolist(), data=long,
        description=("Bar chart of the number of characters unique to Traditional or to Simplified Chinese in each "
                     f"source. Sources detected as mixed: {', '.join(mixed) or 'none'}."),
    )
