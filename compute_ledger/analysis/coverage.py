"""Coverage audit: every claim is either cited by a chapter or excused from citation with a reason.

A chapter cites a claim when the claim's id appears in the notebook as the book shows it: in a cell's
source (a quote card, a Sources list) or in a stored output (a table of positions, a Sources block
built in code). Only the book's argument counts: the landing page and the chapters of its numbered
parts. The unnumbered appendices (claims register, data dictionary, glossary) list every row by
construction, so a claim they show is not thereby cited; nor is one shown only in the audit's own tables.

Claims the book leaves out on purpose are rows of data/excused_claims.csv, each with a reason from a
fixed list and a sentence explaining it. A claim that is neither cited nor excused is a gap.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import yaml

from ..evidence.tables import load
from ..paths import DATA, ROOT

CLAIM_ID = re.compile(r"\bC\d{3}-\d{2}\b")
STATUSES = ("cited", "excused", "neither")
# The audit's own tables list excused claims by id; showing an excuse must not count as citing the claim.
SUMMARY_TABLE, EXCUSED_TABLE = "tbl-method-coverage", "tbl-method-excused-claims"
AUDIT_TABLES = (SUMMARY_TABLE, EXCUSED_TABLE)


def argument_notebooks(root: Path = ROOT) -> list[Path]:
    """The landing page and every chapter in a numbered part of the table of contents, in reading order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [chapter["file"] for part in toc.get("parts", []) if part.get("numbered")
                             for chapter in part["chapters"]]
    return [root / f"{name}.ipynb" for name in files if (root / f"{name}.ipynb").exists()]


def _notebook_text(path: Path) -> str:
    """Every cell's source and every stored output's text, as one string to search for claim ids."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    parts = []
    for cell in cells:
        parts.append("".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"])
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if any(isinstance(v, dict) and v.get("name") in AUDIT_TABLES for v in data.values()):
                continue
            parts.append(json.dumps(data, ensure_ascii=False))
            parts.append("".join(output.get("text", "")))
    return "\n".join(parts)


def citations(root: Path = ROOT) -> pd.DataFrame:
    """One row per (claim, chapter) where the chapter cites the claim; chapter is the notebook's stem."""
    rows = [{"claim_id": claim_id, "chapter": path.stem}
            for path in argument_notebooks(root) for claim_id in sorted(set(CLAIM_ID.findall(_notebook_text(path))))]
    return pd.DataFrame(rows, columns=["claim_id", "chapter"])


def coverage(root: Path = ROOT, data_dir: Path = DATA) -> pd.DataFrame:
    """Every claim with its status (cited, excused or neither), the chapters citing it and any excuse.

    A citation wins over an excuse: an excused claim that a chapter has since cited counts as cited.
    """
    claims = load("claims", data_dir)[["claim_id", "source_id", "speaker", "quote_en"]]
    cited = citations(root).groupby("claim_id")["chapter"].apply(lambda c: "; ".join(c)).to_dict()
    excused = load("excused_claims", data_dir).set_index("claim_id")
    reasons, explanations = excused["reason"].to_dict(), excused["explanation"].to_dict()
    table = claims.assign(
        chapters=[cited.get(c, "") for c in claims["claim_id"]],
        reason=[reasons.get(c, "") for c in claims["claim_id"]],
        explanation=[explanations.get(c, "") for c in claims["claim_id"]])
    table["status"] = [("cited" if chapters else "excused" if reason else "neither")
                       for chapters, reason in zip(table["chapters"], table["reason"])]
    return table


def gaps(root: Path = ROOT, data_dir: Path = DATA) -> list[str]:
    """Claim ids that no chapter cites and no row excuses."""
    table = coverage(root, data_dir)
    return table.loc[table["status"] == "neither", "claim_id"].tolist()


def coverage_by_source(root: Path = ROOT, data_dir: Path = DATA) -> pd.DataFrame:
    """Claims per source and status, every status present for every source, sources in data order."""
    table = coverage(root, data_dir)
    sources = load("sources", data_dir)
    grid = pd.MultiIndex.from_product([sources["source_id"], STATUSES], names=["source_id", "status"])
    counts = table.groupby(["source_id", "status"]).size().reindex(grid, fill_value=0).unstack("status")
    counts = counts[list(STATUSES)].reset_index()
    return counts.assign(source=counts["source_id"].map(sources.set_index("source_id")["short_name"]))
