"""The landing page's glue: each finding's headline and paragraph, built by compute_ledger.analysis.findings."""
from __future__ import annotations

from pathlib import Path

from .findings import landing_findings
from ..evidence.tables import load
from ..paths import DATA


def summary_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """Every text the landing page glues, keyed by glue name: summary_<finding>_headline and _text."""
    glue = {"summary_year": max(load("sources", data_dir)["published"].str[:4])}
    for finding in landing_findings(data_dir):
        glue[f"summary_{finding.key}_headline"] = finding.headline
        glue[f"summary_{finding.key}_text"] = finding.text
    return glue
