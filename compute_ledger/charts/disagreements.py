"""Charts for 'Where the sources disagree'."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis.disagreements import STANCES, TRUST_GRADES, split_topics, widest_miss
from ..evidence.fmt import format_value, join_names
from .figure import LedgerChart, finish
from .theme import INK, MUTED_INK, PALETTE, ROLE_COLORS

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


RATIO_AXIS = (0.1, 100.0)  # the log axis of computed ÷ stated; an end beyond it is drawn at its edge, as an arrow
_VERDICT_SCALE = alt.Scale(domain=["consistent", "inconsistent"], range=[ROLE_COLORS["positive"], ROLE_COLORS["negative"]])


def ratio_label(text: str, rests_on_assumption: bool) -> str:
    """A ratio's words, and that it rests on the book's assumptions where it does."""
    return f"{text} (rests on an assumption)" if rests_on_assumption else text


def ratio_marks(ratios: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the chart draws: one row per check with its drawn span, and one row per marked end.

    A span runs from the ratio's low end to its high end, each held to RATIO_AXIS; an end that lies beyond the
    axis (0 and infinity, where the interval is open, included) is marked by an arrow at the axis edge, and a
    ratio that is a single value by a dot.
    """
    low_edge, high_edge = RATIO_AXIS
    spans = ratios[["check_id", "question", "stated", "computed", "finding"]].assign(
        verdict=ratios["consistent"].map({True: "consistent", False: "inconsistent"}),
        label=[ratio_label(t, a) for t, a in zip(ratios["ratio_text"], ratios["rests_on_assumption"])],
        draw_low=ratios["ratio_low"].clip(lower=low_edge, upper=high_edge),
        draw_high=ratios["ratio_high"].clip(lower=low_edge, upper=high_edge),
        point=ratios["ratio"].map(lambda r: r.is_point))
    ends = []
    for row, low, high in zip(spans.itertuples(), ratios["ratio_low"], ratios["ratio_high"]):
        mark = {"check_id": row.check_id, "verdict": row.verdict}
        if row.point:
            ends.append(mark | {"x": row.draw_low, "shape": "circle"})
            continue
        if low < low_edge:
            ends.append(mark | {"x": row.draw_low, "shape": "triangle-left"})
        if high > high_edge:
            ends.append(mark | {"x": row.draw_high, "shape": "triangle-right"})
    return spans, pd.DataFrame(ends, columns=["check_id", "verdict", "x", "shape"])


def check_ratios(ratios: pd.DataFrame) -> LedgerChart:
    """Computed ÷ stated for each numeric check on a log scale, as the range its bounds allow, coloured by verdict."""
    spans, ends = ratio_marks(ratios)
    failing = spans[spans["verdict"] == "inconsistent"]
    widest = widest_miss(ratios)
    order = spans.sort_values(["draw_high", "draw_low"], ascending=False)["check_id"].tolist()
    y = alt.Y("check_id:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    x = alt.X("draw_low:Q", scale=alt.Scale(type="log", domain=list(RATIO_AXIS)),
              title="Computed ÷ stated (log scale; 1 = agreement)")
    color = alt.Color("verdict:N", title="Verdict", scale=_VERDICT_SCALE)
    tooltip = [alt.Tooltip("question:N", title="Question"), alt.Tooltip("stated:N", title="Stated"),
               alt.Tooltip("computed:N", title="Computed"), alt.Tooltip("label:N", title="Computed ÷ stated"),
               alt.Tooltip("finding:N", title="Finding")]
    bars = alt.Chart(spans).transform_filter("!datum.point").mark_rule(strokeWidth=5, opacity=0.8).encode(
        x=x, x2="draw_high:Q", y=y, color=color, tooltip=tooltip)
    marks = alt.Chart(ends).mark_point(filled=True, size=110, opacity=1).encode(
        x="x:Q", y=y, color=alt.Color("verdict:N", scale=_VERDICT_SCALE, legend=None),
        shape=alt.Shape("shape:N", scale=None))
    labels = alt.Chart(spans).mark_text(align="left", baseline="bottom", dy=-7, fontSize=10, color=INK).encode(
        x="draw_low:Q", y=y, text="label:N")
    one = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(strokeDash=[4, 3], color=MUTED_INK).encode(x="x:Q")
    chart = alt.layer(one, bars, marks, labels).properties(width=440, height=36 * len(spans))
    title = f"{len(failing)} of {len(spans)} numeric checks fail"
    if widest is not None:
        title += f"; the widest miss, {widest}, is {spans.set_index('check_id').loc[widest, 'label']}"
    assumed = spans.loc[ratios["rests_on_assumption"].to_numpy(), "check_id"].tolist()
    misses = join_names([f"{r.check_id} ({r.label})" for r in failing.itertuples()], "none")
    return finish(
        chart, name="fig-disagree-checks", title=title,
        subtitle="What each source's own figures compute to, divided by what it states (ratio; a bar where the figures bound it)",
        sources=["bloomberg-compute-bet", "patel-best-partners", "baker-four-labs", "baker-asi-decade"],
        data=ratios[["check_id", "question", "stated", "computed", "stated_low", "stated_high", "computed_low",
                     "computed_high", "ratio_text", "ratio_low", "ratio_high"]].assign(verdict=spans["verdict"]),
        description=(f"Range plot of {len(spans)} numeric consistency checks on a log scale of computed over stated "
                     "values: a dot where the ratio is a single value, a bar from its low to its high end where the "
                     "figures bound it, and an arrow at the edge where an end is open or off the scale. "
                     f"{len(failing)} are inconsistent: {misses}."
                     + (f" The widest miss is {widest}'s." if widest is not None else "")
                     + (f" Resting on the book's assumptions: {join_names(assumed)}." if assumed else "")),
        notes=["Derived: every ratio is computed from the sources' own figures (see the table of checks), with the "
               "interval their bounds allow; an arrow marks an end that is open or beyond the axis."],
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
        title=f"{format_value(single_share, 'percent')} of the figures stand on a single statement",
        subtitle="Figures per source by trust grade, from the consistency checks (count)",
        sources=list(dict.fromkeys(counts["source_id"])), data=counts[["source", "trust", "figures"]],
        description=("Stacked bars of figures per source split into corroborated, checked and consistent, single "
                     f"statement, and contradicted by a check. {format_value(single_share, 'percent')} are single statements."),
        notes=["Derived: a figure is contradicted if any check it feeds fails, corroborated if a cross-source check agrees."],
    )


KIND_COLORS = {"across witnesses": ROLE_COLORS["negative"], "inside one witness": PALETTE[5],
               "corroboration": ROLE_COLORS["positive"]}


def tensions_map(cells: pd.DataFrame) -> LedgerChart:
    """Each tension by the witnesses it rests on, coloured by kind: the independence rule at a glance."""
    questions = list(dict.fromkeys(cells["question"]))
    # the people and the outlet first, then the writers whose own narration some positions rest on
    witnesses = sorted(dict.fromkeys(cells["witness"]), key=lambda w: w.startswith("the "))
    base = alt.Chart(cells).encode(
        x=alt.X("witness:N", sort=witnesses, title=None,
                axis=alt.Axis(orient="top", labelAngle=-35, labelAlign="left", labelLimit=230)),
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
