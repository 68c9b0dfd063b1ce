"""The claims register: every claim in one table a reader can search and filter in the HTML book.

Search is script-insensitive: each row carries its text in the original script, in both Chinese
scripts (OpenCC) and in English, with its entities' names and aliases, so typing 英伟达, 英偉達 or
Nvidia finds the same rows. Filtering runs in `static/register.js`, loaded on the register's page.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..paths import DATA
from ..evidence.seeds import to_simplified, to_traditional
from ..evidence.tables import aliases, claim_attribution, load

LANG_ZH = ' lang="zh"'
FILTERS = {"source": "Source", "topic": "Topic", "speaker": "Speaker", "kind": "Kind"}


def register_frame(data_dir: Path = DATA) -> pd.DataFrame:
    """Claims with source short name, attribution, entity names, figure count and a search key of what the row does not show."""
    claims = load("claims", data_dir)
    sources = load("sources", data_dir).set_index("source_id")["short_name"]
    spellings = aliases(data_dir).groupby("entity_id")["alias"].apply(lambda a: " ".join(sorted(set(a))))
    names = load("entities", data_dir).set_index("entity_id")["name"]
    counts = load("figures", data_dir)["claim_id"].value_counts()
    frame = claims.assign(
        source=claims["source_id"].map(sources),
        entity_names=claims["entities"].map(lambda e: ", ".join(names.get(i, i) for i in e.split(";") if i)),
        figures=claims["claim_id"].map(counts).fillna(0).astype(int),
        # whose words the row is, from speaker, voice and the source's chain ('Dylan Patel, as summarised by
        # the Best Partners host'); the speaker filter still works on the bare speaker
        attribution=claims["claim_id"].map(lambda claim_id: claim_attribution(claim_id, data_dir)),
    )
    # The row's visible text is searched too (register.js), so the key holds only what the row does not
    # show: the quote in the other Chinese script, and every alias of its entities.
    frame["search"] = [
        " ".join([v for v in dict.fromkeys([to_simplified(row.quote), to_traditional(row.quote)]) if v != row.quote]
                 + [spellings.get(i, "") for i in row.entities.split(";") if i]).casefold()
        for row in frame.itertuples()]
    return frame


@dataclass
class ClaimsRegister:
    """Display object: a searchable, filterable HTML table of every claim."""

    frame: pd.DataFrame

    def html(self) -> str:
        controls = ['<input type="search" class="ledger-register-search" placeholder="Search quotes, English, '
                    'entities (either script)…" aria-label="Search the claims register">']
        for column, label in FILTERS.items():
            options = "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>'
                              for v in sorted(self.frame[column].unique()))
            controls.append(f'<label>{label} <select data-filter="{column}"><option value="">All</option>{options}</select></label>')
        head = "".join(f"<th>{h}</th>" for h in ("Claim", "Source", "Whose words", "Quote", "English", "Topic", "Kind", "Entities", "Figures"))
        rows = []
        for row in self.frame.itertuples():
            data = " ".join(f'data-{c}="{html.escape(getattr(row, c))}"' for c in FILTERS)
            cells = [row.claim_id, row.source, row.attribution, row.quote, row.quote_en, row.topic, row.kind,
                     row.entity_names, str(row.figures)]
            rows.append(f'<tr id="claim-{row.claim_id.lower()}" {data} data-search="{html.escape(row.search)}">'
                        + "".join(f"<td{LANG_ZH if i == 3 else ''}>{html.escape(c)}</td>" for i, c in enumerate(cells))
                        + "</tr>")
        return (f'<div class="ledger-register"><div class="ledger-register-controls">{"".join(controls)}'
                f'<span class="ledger-register-count" aria-live="polite">{len(self.frame)} of {len(self.frame)} claims</span></div>'
                f'<table class="ledger-register-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html(), "text/plain": f"Claims register: {len(self.frame)} claims"}
