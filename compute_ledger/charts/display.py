"""Numbered tables: a notebook output that the book renders as a captioned, cross-referenceable table."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

TABLE_MIME = "application/vnd.compute-ledger.table+json"
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class LedgerTable:
    """A table with a caption and a label (`{numref}` target), its cells already formatted as text."""

    name: str
    caption: str
    frame: pd.DataFrame

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"table name {self.name!r} must be lower-case words joined by hyphens")

    def payload(self) -> dict:
        cells = self.frame.astype(str)
        return {"name": self.name, "caption": self.caption, "columns": [str(c) for c in cells.columns],
                "rows": cells.values.tolist()}

    def html(self) -> str:
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in self.frame.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                       for row in self.frame.astype(str).values.tolist())
        return (f'<table class="ledger-table" id="{self.name}"><caption>{html.escape(self.caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        text = f"Table {self.name}: {self.caption}\n" + self.frame.to_string(index=False)
        return {TABLE_MIME: self.payload(), "text/html": self.html(), "text/plain": text}


@dataclass
class Quote:
    """A claim shown as a reader needs it: the original script, an English rendering, who said it, where."""

    claim_id: str

    def _row(self):
        from ..evidence.tables import claim_attribution, load

        claims = load("claims").set_index("claim_id")
        if self.claim_id not in claims.index:
            raise KeyError(f"no claim {self.claim_id!r} in data/claims.csv")
        claim = claims.loc[self.claim_id]
        source = load("sources").set_index("source_id").loc[claim.source_id]
        return claim, source, claim_attribution(self.claim_id)

    def _repr_mimebundle_(self, include=None, exclude=None):
        claim, source, said_by = self._row()
        attribution = f"{said_by}, in {source.document} ({self.claim_id})"
        markup = (f'<blockquote class="ledger-quote" lang="zh" id="quote-{self.claim_id.lower()}">'
                  f'<p class="ledger-quote-original">{html.escape(claim.quote)}</p>'
                  f'<p class="ledger-quote-english" lang="en">{html.escape(claim.quote_en)}</p>'
                  f'<p class="ledger-quote-attribution" lang="en">— {html.escape(attribution)}</p></blockquote>')
        return {"text/html": markup, "text/plain": f"{claim.quote}\n{claim.quote_en}\n— {attribution}"}
