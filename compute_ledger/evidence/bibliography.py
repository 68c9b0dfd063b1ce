"""references.bib, generated from data/sources.csv so citations and the sources table never drift apart."""
from __future__ import annotations

from pathlib import Path

from ..paths import DATA, ROOT
from .tables import load

BIB_FILE = ROOT / "references.bib"


def _field(name: str, value: str) -> str:
    return f"  {name} = {{{value}}},\n"


def bibtex(data_dir: Path = DATA) -> str:
    entries = []
    for source in load("sources", data_dir).itertuples():
        fields = _field("author", "{" + source.cited_author + "}") + _field("title", f"{{{source.title} [{source.title_en}]}}")
        fields += _field("howpublished", source.outlet)
        fields += _field("year", source.published[:4] if source.published else "n.d.")
        if source.url:
            fields += _field("url", source.url)
        fields += _field("note", f"{source.kind.capitalize()}; speakers: {source.speakers}")
        entries.append(f"@misc{{{source.source_id},\n{fields}}}\n")
    return "% Generated from data/sources.csv by compute_ledger.evidence.bibliography; do not edit.\n\n" + "\n".join(entries)


def write_bibtex(path: Path = BIB_FILE, data_dir: Path = DATA) -> bool:
    """Write references.bib if it differs; returns whether it changed."""
    text = bibtex(data_dir)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
