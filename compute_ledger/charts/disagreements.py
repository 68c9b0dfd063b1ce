"""Charts for 'Where the sources disagree'."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis.disagreements import STANCES, TRUST_GRADES, split_topics
from ..evidence.fmt import format_value, join_names, significant
from .figure import LedgerChart, finish
from .theme import PALETTE, ROLE_COLORS

STANCE_COLORS = [ROLE_COLORS["positive"], PALETTE[5], ROLE_COLORS["negative"], ROLE_COLORS["neutral"]]
TRUST_COLORS = [ROLE_COLORS["derived"], PALETTE[2], ROLE_COLORS["neutral"], ROLE_COLORS["negative"]]


def positions_matrix(table: pd.DataFrame, source_order: list[str]) -> LedgerChart:
    """Topic by source, coloured by the source's stance; blank where a source is silent."""
    split = split_topics(table)
    topics = list(dict.fromkeys(table["topic"]))
    base = alt.Chart(table).encode(
        x=alt.X("source:N", sort=source_order, title=None, axis=alt.Axis(orient="top", labelAngle=-20, labelLimit=200)),
        y=alt.Y("topic:N", sort=topics, title=None))
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("stance:N", title="Stance (the book's reading)", scale=alt.Scale(domain=list(STANCES), range=STANCE_COLORS)),
        tooltip=[alt.Tooltip("topic:N", title="Topic"), alt.Tooltip("source:N", title="Source"),
                 alt.Tooltip("stance:N", title="Stance"), alt.Tooltip("position:N", title="Position"),
                 alt.Tooltip("claim_ids:N", title="Claims")])
    labels = base.mark_text(fontSize=10).encode(
        text="stance:N", color=alt.condition("datum.stance == 'unfavourable' || datum.stance == 'favourable'",
                                             alt.value("white"), alt.value("#222222")))
    chart = (cells + labels).properties(width=460, height=300)
    return finish(
        chart, name="fig-disagree-positions",
        title=f"The sources split on {len(split)} of {len(topics)} topics: {join_names(split, 'none')}",
        subtitle="Each source's stance on each contested topic, as the book reads its quoted claims; blank = not discussed",
        sources=list(dict.fromkeys(table["source_id"])), data=table[["topic", "source", "stance", "position", "claim_ids"]],
        description=(f"Matrix of {len(topics)} topics by {table['source'].nunique()} sources. Each cell is the source's stance: "
                     f"favourable, mixed, unfavourable or descriptive. Topics where one source is favourable and another "
                     f"unfavourable: {', '.join(split) or 'none'}."),
        notes=["Stances are the book's reading; each cell cites the claims behind it (hover, or see the table)."],
    )


def check_ratios(ratios: pd.DataFrame) -> LedgerChart:
    """Computed ÷ stated for each numeric check, on a log scale, coloured by verdict."""
    data = ratios.assign(verdict=ratios["consistent"].map({True: "consistent", False: "inconsistent"}),
                         ratio_label=ratios["ratio"].map(lambda r: format_value(r, "times")))
    worst = data.loc[data["ratio"].idxmax()]
    failing = int((~data["consistent"]).sum())
    points = alt.Chart(data).mark_point(filled=True, size=110).encode(
        x=alt.X("ratio:Q", scale=alt.Scale(type="log", domain=[0.5, 100]), title="Computed ÷ stated (log scale; 1 = agreement)"),
        y=alt.Y("check_id:N", sort=alt.EncodingSortField("ratio", order="descending"), title=None),
        color=alt.Color("verdict:N", title="Verdict", scale=alt.Scale(domain=["consistent", "inconsistent"],
                                                                      range=[ROLE_COLORS["positive"], ROLE_COLORS["negative"]])),
        tooltip=[alt.Tooltip("question:N", title="Question"), alt.Tooltip("stated:N", title="Stated"),
                 alt.Tooltip("computed:N", title="Computed"), alt.Tooltip("finding:N", title="Finding")])
    labels = points.mark_text(align="left", dx=9, fontSize=10).encode(text="ratio_label:N", color=alt.value("#222222"))
    one = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(strokeDash=[4, 3], color="#777777").encode(x="x:Q")
    chart = (one + points + labels).properties(width=440, height=28 * len(data))
    return finish(
        chart, name="fig-disagree-checks",
        title=f"{failing} of {len(data)} numeric checks fail; the widest gap is {format_value(worst['ratio'], 'times')}",
        subtitle="What each source's own figures compute to, divided by what it states (ratio)",
        sources=["bloomberg-compute-bet", "patel-best-partners", "baker-four-labs", "baker-asi-decade"],
        data=data[["check_id", "question", "stated", "computed", "stated_value", "computed_value", "ratio", "verdict"]],
        description=(f"Dot plot of {len(data)} numeric consistency checks on a log scale of computed over stated values. "
                     f"{failing} are inconsistent; the largest ratio is {significant(worst['ratio'])} for {worst['check_id']}."),
        notes=["Derived: every ratio is computed from the sources' own figures (see the table of checks)."],
    )


def trust_by_source(counts: pd.DataFrame) -> LedgerChart:
    """Figures per source by trust grade."""
    totals = counts.groupby("source")["figures"].sum()
    single = counts[counts["trust"] == "single statement"].groupby("source")["figures"].sum()
    single_share = 100 * single.sum() / totals.sum()
    order = totals.sort_values(ascending=False).index.tolist()
    data = counts.assign(grade_order=counts["trust"].map({g: i for i, g in enumerate(TRUST_GRADES)}))
    chart = alt.Chart(data).mark_bar().encode(
        y=alt.Y("source:N", sort=order, title=None, axis=alt.Axis(labelLimit=240)),
        x=alt.X("figures:Q", title="Figures (count)"),
        color=alt.Color("trust:N", title="Trust grade", scale=alt.Scale(domain=list(TRUST_GRADES), range=TRUST_COLORS)),
        order=alt.Order("grade_order:Q"),
        tooltip=[alt.Tooltip("source:N", title="Source"), alt.Tooltip("trust:N", title="Grade"),
                 alt.Tooltip("figures:Q", title="Figures")],
    ).properties(width=480, height=180)
    return finish(
        chart, name="fig-disagree-trust",
        title=f"{format_value(single_share, 'percent', 2)} of the figures stand on a single statement",
        subtitle="Figures per source by trust grade, from the consistency checks (count)",
        sources=list(dict.fromkeys(counts["source_id"])), data=counts[["source", "trust", "figures"]],
        description=("Stacked bars of figures per source split into corroborated, checked and consistent, single "
                     f"statement, and contradicted by a check. {format_value(single_share, 'percent', 2)} are single statements."),
        notes=["Derived: a figure is contradicted if any check it feeds fails, corroborated if a cross-source check agrees."],
    )


KIND_COLORS = {"across witnesses": ROLE_COLORS["negative"], "inside one witness": PALETTE[5],
               "corroboration": ROLE_COLORS["positive"]}


def tensions_map(cells: pd.DataFrame) -> LedgerChart:
    """Each tension by the witnesses it rests on, coloured by kind: the independence rule at a glance."""
    questions = list(dict.fromkeys(cells["question"]))
    witnesses = list(dict.fromkeys(cells["witness"]))
    base = alt.Chart(cells).encode(
        x=alt.X("witness:N", sort=witnesses, title=None, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=220)),
        y=alt.Y("question:N", sort=questions, title=None, axis=alt.Axis(labelLimit=320)))
    dots = base.mark_circle(size=320).encode(
        color=alt.Color("kind:N", title="Kind", scale=alt.Scale(domain=list(KIND_COLORS), range=list(KIND_COLORS.values()))),
        tooltip=[alt.Tooltip("question:N", title="Question"), alt.Tooltip("witness:N", title="Witness"),
                 alt.Tooltip("kind:N", title="Kind"), alt.Tooltip("claims:N", title="Claims")])
    chart = dots.properties(width=420, height=30 * len(questions))
    counts = cells.groupby("kind")["question"].nunique()
    corroborations = int(counts.get("corroboration", 0))
    return finish(
        chart, name="fig-disagree-tensions",
        title=(f"{len(questions)} questions argued; {corroborations} are corroborations, "
               f"{int(counts.get('inside one witness', 0))} pit one speaker's texts against each other"),
        subtitle="Each question the chapter argues, by the independent witnesses its positions rest on",
        sources=list(dict.fromkeys(cells["source_id"])), data=cells,
        description=(f"Dot matrix of {len(questions)} questions by {len(witnesses)} witnesses ({', '.join(witnesses)}). "
                     "Colour gives the kind: a disagreement across witnesses, a tension inside one witness's texts, or a corroboration."),
        notes=["Independence rule: two digests of one interview, or two interviews of one person, are one witness."],
    )
