"""Where the sources disagree: tensions argued side by side, stances coded by a rubric, figures graded.

Positions (data/positions.csv) are the book's reading of what each source says on a topic, each
backed by claims quoted from that source. Their stances are not typed by hand but computed by the
rubric below from data/stance_evidence.csv, where every claim behind a position is coded by what it
does for the stance (its basis). Equal evidence therefore always gets an equal code.

The rubric. Each basis has a direction:
- favourable: the claim ranks the subject among the leaders (first tier, first mover, "close
  behind" the first), names a strength, or forecasts success;
- unfavourable: it ranks the subject behind the leaders (a third tier, out of the top N), names a
  weakness or failure, or forecasts trouble;
- neither: it describes without judging (a deal, a figure, a strategy stated neutrally).
A position is favourable when its favourable bases are at least twice its unfavourable ones (and
there is one), unfavourable in the mirror case, mixed when it has signed bases and neither side
reaches twice the other, and descriptive when it has none. A claim that does two things (praise and
a caveat in one sentence) is coded twice, once per basis.

Witnesses. Two digests of one interview are one witness, and so are two interviews of one person:
a speaker cannot corroborate himself. A claim's witness is the person interviewed in its source, or,
for the Bloomberg-based digest, Bloomberg's reporting as its writer rewrote it. Claims corroborate
each other only across witnesses; a disagreement between texts of one witness is a tension inside
one speaker.

Trust grades come from the consistency checks: a figure that feeds a failed check is contradicted;
one that agrees with another source is corroborated; one that passes a check within its own source
is checked; the rest stand on a single statement.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..evidence.checks import consistency_checks
from ..evidence.fmt import format_bounded, format_value
from ..evidence.quantity import UnitError
from ..evidence.tables import figure_text, load
from ..paths import DATA

TRUST_GRADES = ("corroborated", "checked, consistent", "single statement", "contradicted by a check")
STANCES = ("favourable", "mixed", "unfavourable", "descriptive")
_FIGURE_ID = re.compile(r"F\d{3}-\d{2}")
BASIS_DIRECTION = {
    "ranks it among the leaders": 1, "names a strength": 1, "forecasts success": 1,
    "ranks it behind the leaders": -1, "names a weakness or failure": -1, "forecasts trouble": -1,
    "describes without judging": 0,
}
DOMINANCE = 2  # one side must have at least twice the other's bases to set the stance


def stance_from_bases(bases: list[str]) -> str:
    """The rubric: a stance from the bases of a position's claims (order does not matter)."""
    unknown = [b for b in bases if b not in BASIS_DIRECTION]
    if unknown:
        raise ValueError(f"basis not in the rubric: {unknown}")
    counts = Counter(BASIS_DIRECTION[b] for b in bases)
    favourable, unfavourable = counts[1], counts[-1]
    if favourable == unfavourable == 0:
        return "descriptive"
    if favourable >= DOMINANCE * unfavourable:
        return "favourable"
    if unfavourable >= DOMINANCE * favourable:
        return "unfavourable"
    return "mixed"


def coded_stances(data_dir: Path = DATA) -> pd.DataFrame:
    """Each position with the stance the rubric gives its evidence, beside the stance recorded."""
    table = load("positions", data_dir)
    evidence = load("stance_evidence", data_dir)
    bases = evidence.groupby(["topic", "source_id"])["basis"].apply(list)
    table["bases"] = [bases.get((t, s), []) for t, s in zip(table["topic"], table["source_id"])]
    table["coded"] = table["bases"].map(stance_from_bases)
    return table


def rubric_table() -> pd.DataFrame:
    """The rubric as a reader sees it: each basis and the direction it counts in."""
    words = {1: "favourable", -1: "unfavourable", 0: "neither"}
    return pd.DataFrame([{"Basis": basis, "Counts as": words[direction]} for basis, direction in BASIS_DIRECTION.items()])


def witness(source_id: str, data_dir: Path = DATA) -> str:
    """Whose knowledge a source's claims report: its interviewee, or the outlet a news rewrite reports."""
    source = load("sources", data_dir).set_index("source_id").loc[source_id]
    if source.kind == "news analysis":
        return "Bloomberg's reporting, as rewritten"
    return source.speakers.split(";")[0].strip()


def claim_witness(claim_id: str, data_dir: Path = DATA) -> str:
    """Whose knowledge a claim reports: its source's witness, or, for the writer's own narration, the writer.

    A digest's narration (its writer's framing or conclusion) reports no interview and no outlet: it is the
    writer's own reading, a witness of its own and never the speaker's or Bloomberg's.
    """
    claims = load("claims", data_dir).set_index("claim_id")
    claim = claims.loc[claim_id]
    if claim.voice != "narration":
        return witness(claim.source_id, data_dir)
    source = load("sources", data_dir).set_index("source_id").loc[claim.source_id]
    return f"the writer of {source.document}" if source.writer == "digest writer" else f"the {source.writer}"


def witnesses(claim_ids: list[str], data_dir: Path = DATA) -> list[str]:
    """The distinct witnesses behind some claims, in first-mention order."""
    return list(dict.fromkeys(claim_witness(c, data_dir) for c in claim_ids))


@dataclass(frozen=True)
class Side:
    """One position in a tension: a label, and the claims that state it."""

    label: str
    claim_ids: tuple[str, ...]


@dataclass(frozen=True)
class Tension:
    """A question on which the sources (or one speaker's texts) pull apart, or agree."""

    tension_id: str
    question: str
    kind: str  # "across witnesses", "inside one witness" or "corroboration"
    sides: tuple[Side, ...]


TENSIONS = (
    Tension("stargate", "Who builds Stargate, and who owns what it builds?", "across witnesses", (
        Side("OpenAI builds its own capacity to escape rented compute (Baker)", ("C000-25", "C000-61")),
        Side("Oracle leads Stargate's build; Nvidia supplies the silicon (Bloomberg-based digest)", ("C002-09", "C002-04", "C002-08", "C002-46")),
        Side("OpenAI buys compute services from Oracle, which buys Nvidia GPUs (the Best Partners host's narration, and Patel as the host summarises him)",
             ("C003-02", "C003-08")))),
    Tension("scaling", "Does scaling still pay?", "inside one witness", (
        Side("Scaling will not meet diminishing returns, he thinks; the next stage may need far more compute, and pays for it (Patel, Best Partners)", ("C003-43", "C003-17")),
        Side("Orion failed from over-parameterisation and too little data (Patel, Silicon Valley)", ("C001-09", "C001-30", "C001-31")),
        Side("Bigger is not smarter (Patel, Best Partners)", ("C003-18",)))),
    Tension("microsoft-equity", "Is Microsoft an investor in OpenAI?", "across witnesses", (
        Side("Microsoft holds no equity, but most of the profit share and all IP (Patel)", ("C001-15",)),
        Side("Microsoft is OpenAI's 'investor and cloud/AI integration' partner (Bloomberg-based digest)", ("C002-35", "C002-12")))),
    Tension("ten-gigawatts", "How large is the Nvidia–OpenAI programme?", "corroboration", (
        Side("Nvidia systems of 'up to' the stated gigawatts (Bloomberg-based digest)", ("C002-04",)),
        Side("Data centers of 'at least' the stated gigawatts (the Best Partners host's narration)", ("C003-03",)))),
    Tension("google-meta", "Are Google and Meta behind?", "inside one witness", (
        Side("Google, Meta and xAI are a third tier (Patel, Silicon Valley)", ("C001-19", "C001-26")),
        Side("Google has a unique TPU base; Meta holds a card that could dominate everything (Patel, Best Partners)",
             ("C003-38", "C003-28", "C003-39")),
        Side("Google is the low-cost producer; Meta cannot build frontier models (Baker)", ("C000-50", "C000-67")))),
    Tension("openai-position", "Is OpenAI ahead or at a disadvantage?", "across witnesses", (
        Side("A high-cost producer of tokens that must reach cost parity before the money runs out (Baker)", ("C000-60", "C000-43")),
        Side("First mover on every breakthrough and the pick to reach superintelligence first (Patel)", ("C001-24", "C001-17")),
        Side("Not planning to turn a profit for years, and raising money all along (Patel)", ("C001-16",)))),
    Tension("anthropic-growth", "Is Anthropic growing faster than OpenAI?", "corroboration", (
        Side("Burns far less than OpenAI yet grows faster, at an unprecedented pace (Baker, both digests)", ("C000-64", "C004-15")),
        Side("Revenue growing faster than OpenAI's (Patel)", ("C003-26",)))),
    Tension("taste", "What limits a lab: money or judgment?", "corroboration", (
        Side("Taste: intuition for which experiments to run; money and hardware do not buy it (Baker)", ("C000-46", "C000-71")),
        Side("Meta lacks a leader who can choose directions; research is an art of taste (Patel)", ("C001-04", "C001-34")))),
    Tension("software-costs", "Does AI make software cheaper or dearer to run?", "corroboration", (
        Side("AI cuts the cost of building software, so buying beats renting; but it raises serving costs (Patel)",
             ("C003-25", "C003-36")),
        Side("AI companies spend far more of their revenue on compute than software companies did (Baker)", ("C004-31", "C004-32")))),
    Tension("china", "Can China keep up?", "across witnesses", (
        Side("The gap will widen: China lacks advanced chips; bet on the US and its allies (Baker)",
             ("C000-34", "C000-36", "C004-54", "C004-55")),
        Side("China invests through state plans and funds and builds data centers faster; energy is America's weak point (Patel)",
             ("C003-15", "C003-16", "C003-23")))),
)


def tension(tension_id: str) -> Tension:
    return next(t for t in TENSIONS if t.tension_id == tension_id)


def tension_sides(tension_id: str, data_dir: Path = DATA) -> pd.DataFrame:
    """A tension's positions side by side: each with its witness, sources, speakers and claims."""
    claims = load("claims", data_dir).set_index("claim_id")
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    rows = []
    for side in tension(tension_id).sides:
        cited = claims.loc[list(side.claim_ids)]
        rows.append({"Position": side.label, "Witness": "; ".join(witnesses(list(side.claim_ids), data_dir)),
                     "Source": "; ".join(dict.fromkeys(cited["source_id"].map(names))),
                     "Speaker": "; ".join(dict.fromkeys(cited["speaker"])), "Claims": ", ".join(side.claim_ids)})
    return pd.DataFrame(rows)


def independent_witnesses(tension_id: str, data_dir: Path = DATA) -> int:
    """How many distinct witnesses a tension's sides rest on (the independence rule applied)."""
    return len(witnesses([c for side in tension(tension_id).sides for c in side.claim_ids], data_dir))


def tension_witness_cells(data_dir: Path = DATA) -> pd.DataFrame:
    """One row per (tension, witness): which witnesses each question rests on, and through which claims."""
    claims = load("claims", data_dir).set_index("claim_id")
    rows = []
    for item in TENSIONS:
        ids = [c for side in item.sides for c in side.claim_ids]
        for name in witnesses(ids, data_dir):
            mine = [c for c in ids if claim_witness(c, data_dir) == name]
            rows.append({"tension_id": item.tension_id, "question": item.question, "kind": item.kind, "witness": name,
                         "source_id": claims.loc[mine[0], "source_id"], "claims": ", ".join(mine)})
    return pd.DataFrame(rows)


def tension_claim_ids() -> list[str]:
    return list(dict.fromkeys(c for t in TENSIONS for side in t.sides for c in side.claim_ids))


def positions(data_dir: Path = DATA) -> pd.DataFrame:
    """Positions with source short names, in the order topics and sources appear in the data."""
    table = load("positions", data_dir)
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    return table.assign(source=table["source_id"].map(names))


def figure_trust(data_dir: Path = DATA, checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure with its trust grade and the checks that decided it."""
    checks = consistency_checks(data_dir) if checks is None else checks
    figures = load("figures", data_dir).merge(load("claims", data_dir)[["claim_id", "source_id"]], on="claim_id")
    used_by: dict[str, list[tuple[str, str, bool]]] = {}
    for check in checks.itertuples():
        for figure_id in _FIGURE_ID.findall(check.inputs):
            used_by.setdefault(figure_id, []).append((check.check_id, check.kind, bool(check.consistent)))

    def grade(figure_id: str) -> str:
        uses = used_by.get(figure_id, [])
        if any(not ok for _, _, ok in uses):
            return "contradicted by a check"
        if any(kind == "cross-source" for _, kind, _ in uses):
            return "corroborated"
        return "checked, consistent" if uses else "single statement"

    figures["trust"] = figures["figure_id"].map(grade)
    figures["checks"] = figures["figure_id"].map(lambda f: ", ".join(c for c, _, _ in used_by.get(f, [])))
    return figures[["figure_id", "source_id", "metric", "trust", "checks"]]


def trust_by_source(data_dir: Path = DATA) -> pd.DataFrame:
    """Count of figures per source and trust grade, with every grade present for every source."""
    trust = figure_trust(data_dir)
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    grid = pd.MultiIndex.from_product([names.index, TRUST_GRADES], names=["source_id", "trust"])
    counts = trust.groupby(["source_id", "trust"]).size().reindex(grid, fill_value=0).rename("figures").reset_index()
    return counts.assign(source=counts["source_id"].map(names))


def check_ratios(checks: pd.DataFrame) -> pd.DataFrame:
    """Numeric checks as computed ÷ stated, the measure of how far a source's own figures stray.

    Each ratio is the quotient of the check's bounded quantities, so it keeps the interval they allow:
    US$50B over "several billion" ([US$1B, US$10B], about) is between about 5× and 50×; US$36.6B over
    "over US$36B" is at most 1.02×. `ratio` holds the Bounded, `ratio_text` its words (format_bounded),
    `ratio_low` and `ratio_high` its ends (0 or inf where the interval is open), and
    `rests_on_assumption` whether an input comes from data/assumptions.csv.
    """
    numeric = checks[checks["stated_quantity"].notna() & checks["computed_quantity"].notna()]
    ratios = []
    for check in numeric.itertuples():
        ratio = check.computed_quantity / check.stated_quantity
        if ratio.unit != ():
            raise UnitError(f"check {check.check_id}: computed and stated values are in different units")
        ratios.append(ratio)
    return numeric.assign(ratio=ratios, ratio_text=[format_bounded(r) for r in ratios],
                          ratio_low=[r.low for r in ratios], ratio_high=[r.high for r in ratios],
                          rests_on_assumption=[r.rests_on_assumption for r in ratios])


def _log_distance(value: float) -> float:
    """How far a ratio is from agreement (1) on a log scale; 0 and infinity are infinitely far."""
    return math.inf if value <= 0 or math.isinf(value) else abs(math.log(value))


def miss_range(low: float, high: float) -> tuple[float, float]:
    """The nearest and farthest a ratio interval [low, high] lies from 1, on a log scale (0 if it holds 1)."""
    nearest = 0.0 if low <= 1 <= high else min(_log_distance(low), _log_distance(high))
    return nearest, max(_log_distance(low), _log_distance(high))


def widest_miss(ratios: pd.DataFrame) -> str | None:
    """The failed check whose ratio is farther from 1 than every other failed check's, across their intervals.

    A check is the widest miss only if the nearest end of its ratio is at least as far from 1 as the farthest
    end of every other failed check's; None when no check fails or the intervals leave it open.
    """
    failed = ratios[~ratios["consistent"].astype(bool)]
    ranges = {row.check_id: miss_range(row.ratio_low, row.ratio_high) for row in failed.itertuples()}
    for check_id, (nearest, _) in ranges.items():
        if all(nearest >= farthest for other, (_, farthest) in ranges.items() if other != check_id):
            return check_id
    return None


def split_topics(table: pd.DataFrame) -> list[str]:
    """Topics on which one source is favourable and another unfavourable, in topic order."""
    stances = table.groupby("topic", sort=False)["stance"].apply(set)
    return [topic for topic, found in stances.items() if {"favourable", "unfavourable"} <= found]


def prose_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """Every number the chapter's prose uses: counts of its own evidence, and figures with their qualifiers."""
    table = positions(data_dir)
    checks = consistency_checks(data_dir)
    trust = figure_trust(data_dir, checks)
    coded = coded_stances(data_dir)
    by_id = checks.set_index("check_id")
    values = load("figures", data_dir).set_index("figure_id")["value_low"]
    text = {name: figure_text(figure_id, data_dir) for name, figure_id in {
        "disagree_stargate": "F000-36", "disagree_oracle_bbg": "F002-10", "disagree_oracle_patel": "F003-02",
        "disagree_oracle_gw": "F002-11", "disagree_gw_bbg": "F002-05",
        "disagree_gw_patel": "F003-04", "disagree_next_compute": "F003-13", "disagree_ms_ai": "F002-31",
        "disagree_ms_cloud": "F002-32", "disagree_ms_gap": "F002-33", "disagree_equity": "F003-05",
        "disagree_anthropic_before": "F004-21", "disagree_anthropic_after": "F004-22", "disagree_openai_revenue": "F004-23",
        "disagree_saas_margin": "F004-48", "disagree_saas_compute": "F004-49",
        "disagree_ai_margin": "F004-50", "disagree_ai_compute": "F004-51", "disagree_china_total": "F003-12",
        "disagree_essay_low": "F004-35", "disagree_essay_high": "F004-36",
    }.items()}
    periods = load("figures", data_dir).set_index("figure_id")["period"]
    # 五年內 is a term, 'within five years', which the figure's period column words as the source does
    text["disagree_oracle_term"] = periods["F003-01"]
    text["disagree_openai_no_profit"] = periods["F001-10"]
    text["disagree_interview_date"] = periods["F000-06"]
    text["disagree_zuckerberg_date"] = periods["F000-07"]
    text["disagree_sv_published"] = load("sources", data_dir).set_index("source_id").loc["patel-silicon-valley", "published"]
    outside = load("assumptions", data_dir).set_index("assumption_id")["value"]
    text["disagree_essay_published_low"] = format_value(outside["risks_essay_title_first"], "USD")
    text["disagree_essay_published_high"] = format_value(outside["risks_essay_title_second"], "USD")
    text["disagree_dominance"] = format_value(DOMINANCE, "times")
    return text | {
        "disagree_topics": str(table["topic"].nunique()),
        "disagree_split": str(len(split_topics(table))),
        "disagree_positions": str(len(table)),
        "disagree_evidence_rows": str(int(coded["bases"].map(len).sum())),
        "disagree_tensions": str(len(TENSIONS)),
        "disagree_corroborations": str(sum(t.kind == "corroboration" for t in TENSIONS)),
        "disagree_inside": str(sum(t.kind == "inside one witness" for t in TENSIONS)),
        "disagree_checks": str(len(checks)),
        "disagree_failed": str(int((~checks["consistent"]).sum())),
        "disagree_figures": str(len(trust)),
        "disagree_single_share": format_value(100 * (trust["trust"] == "single statement").mean(), "percent"),
        "disagree_contradicted": str(int((trust["trust"] == "contradicted by a check").sum())),
        "disagree_corroborated": str(int((trust["trust"] == "corroborated").sum())),
        "disagree_ms_computed": by_id.loc["microsoft-gap", "computed"],
        "disagree_half": by_id.loc["nvidia-half-gross-profit", "computed"],
        "disagree_anthropic_multiple": format_value(values["F004-22"] / values["F004-21"], "times"),
        "disagree_witness_count": str(len({witness(s, data_dir) for s in load("sources", data_dir)["source_id"]})),
    }
