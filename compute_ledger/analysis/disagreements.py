"""Where the sources disagree: positions side by side, and how far each figure can be trusted.

Positions (data/positions.csv) are the book's reading of what each source says on a topic, each
backed by claims quoted from that source. Trust grades come from the consistency checks: a figure
that feeds a failed check is contradicted; one that agrees with another source is corroborated;
one that passes a check within its own source is checked; the rest stand on a single statement.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..evidence.checks import consistency_checks
from ..paths import DATA
from ..evidence.tables import load

TRUST_GRADES = ("corroborated", "checked, consistent", "single statement", "contradicted by a check")
STANCES = ("favourable", "mixed", "unfavourable", "descriptive")
_FIGURE_ID = re.compile(r"F\d{3}-\d{2}")


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
    """Numeric checks as computed ÷ stated, the measure of how far a source's own figures stray."""
    numeric = checks.dropna(subset=["stated_value", "computed_value"])
    return numeric.assign(ratio=numeric["computed_value"] / numeric["stated_value"])


def split_topics(table: pd.DataFrame) -> list[str]:
    """Topics on which one source is favourable and another unfavourable, in topic order."""
    stances = table.groupby("topic", sort=False)["stance"].apply(set)
    return [topic for topic, found in stances.items() if {"favourable", "unfavourable"} <= found]
