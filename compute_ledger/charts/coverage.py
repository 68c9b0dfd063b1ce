"""The coverage audit as the book shows it: claims per source by status, and the claims left out with why."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..analysis.coverage import EXCUSED_TABLE, SUMMARY_TABLE, coverage, coverage_by_source
from ..evidence.tables import load
from ..paths import DATA, ROOT
from .display import LedgerTable


def coverage_summary_table(root: Path = ROOT, data_dir: Path = DATA) -> LedgerTable:
    """Claims per source: how many a chapter cites, how many are excused, and how many are neither."""
    counts = coverage_by_source(root, data_dir)
    frame = pd.DataFrame({"Source": counts["source"], "Claims": counts[["cited", "excused", "neither"]].sum(axis=1),
                          "Cited by a chapter": counts["cited"], "Excused (see reasons)": counts["excused"],
                          "Neither": counts["neither"]})
    return LedgerTable(name=SUMMARY_TABLE, frame=frame,
                       caption="Coverage audit: every claim is cited by a chapter or excused with a reason (a test fails on any in the last column)")


def excused_claims_table(root: Path = ROOT, data_dir: Path = DATA) -> LedgerTable:
    """Each claim no chapter cites, quoted in English, with its reason and explanation."""
    table = coverage(root, data_dir)
    excused = table[table["status"] == "excused"]
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    frame = pd.DataFrame({"Claim": excused["claim_id"], "Source": excused["source_id"].map(names),
                          "Speaker": excused["speaker"], "English": excused["quote_en"],
                          "Reason": excused["reason"], "Explanation": excused["explanation"]})
    return LedgerTable(name=EXCUSED_TABLE, frame=frame.reset_index(drop=True),
                       caption="Claims the book does not cite, and why")
