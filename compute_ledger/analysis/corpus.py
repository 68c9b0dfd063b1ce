"""The five sources as a corpus: what each is, its script, its length and what the book draws from it."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..paths import DATA, SEEDS
from ..evidence.seeds import detect_script, load_seed, script_counts
from ..evidence.tables import load
from ..evidence.voices import VOICES

UNIT_FAMILIES = {
    "money": {"USD", "JPY"}, "power and capacity": {"GW", "kW"},
    "shares and percentages": {"percent", "percentage_points"},
    "time and dates": {"years", "months", "weeks", "days", "hours", "calendar_year"},
    "counts": {"tokens", "GPUs", "shares", "users", "companies", "count", "rank", "times", "IQ_points", "lb"},
}


def unit_family(unit: str) -> str:
    return next(family for family, units in UNIT_FAMILIES.items() if unit in units)


def source_profile(data_dir: Path = DATA, seeds_dir: Path = SEEDS) -> pd.DataFrame:
    """One row per source: metadata from data/sources.csv plus what is measured from the seed text."""
    sources = load("sources", data_dir)
    claims = load("claims", data_dir)
    figures = load("figures", data_dir).merge(claims[["claim_id", "source_id"]], on="claim_id")
    rows = []
    for source in sources.itertuples():
        body = load_seed(source.file, seeds_dir).body
        traditional, simplified = script_counts(body)
        rows.append({
            "source_id": source.source_id, "short_name": source.short_name, "title": source.title,
            "outlet": source.outlet, "speakers": source.speakers, "kind": source.kind,
            "writer": source.writer, "chain": source.chain, "llm_edited": source.llm_edited,
            "published": source.published or "not stated", "script": detect_script(body),
            "characters": len(body), "traditional_only": traditional, "simplified_only": simplified,
            "claims": int((claims.source_id == source.source_id).sum()),
            "figures": int((figures.source_id == source.source_id).sum()),
        })
    return pd.DataFrame(rows)


def voices_by_source(data_dir: Path = DATA) -> pd.DataFrame:
    """Claims per source and voice (quoted, paraphrased, narration, reported), every voice a column, in source order."""
    claims = load("claims", data_dir)
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    counts = pd.crosstab(claims["source_id"], claims["voice"]).reindex(index=names.index, columns=list(VOICES), fill_value=0)
    return counts.rename(index=names).rename_axis("Source").rename_axis(None, axis=1).reset_index()


def figures_by_family(data_dir: Path = DATA) -> pd.DataFrame:
    """Count of figures per source and unit family (money, capacity, shares, time, counts)."""
    figures = load("figures", data_dir).merge(load("claims", data_dir)[["claim_id", "source_id"]], on="claim_id")
    figures["family"] = figures["unit"].map(unit_family)
    counts = figures.groupby(["source_id", "family"]).size().rename("figures").reset_index()
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    counts["source"] = counts["source_id"].map(names)
    return counts
