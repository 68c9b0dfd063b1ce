"""The evidence chain made visible: quote span -> parsed quantity -> the book's printed figure."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .display import LedgerTable
from ..evidence.fmt import format_figure
from ..paths import DATA
from ..evidence.tables import claim_attribution, figures, load
from ..evidence.zh_numbers import parse_quantity


def evidence_chain(figure_ids: list[str], data_dir: Path = DATA) -> pd.DataFrame:
    """For each figure: its source, span, the parser's reading and the formatted figure."""
    table = figures(data_dir).set_index("figure_id")
    rows = []
    for figure_id in figure_ids:
        row = table.loc[figure_id]
        parsed = parse_quantity(row.quote_span)
        value = f"{parsed.low:,.0f}" if parsed.high is None else f"{parsed.low:,.0f} – {parsed.high:,.0f}"
        rows.append({"Figure": figure_id, "Source": row.short_name, "Span": row.quote_span,
                     "Parsed value": value, "Unit": row.unit, "Qualifier": parsed.qualifier,
                     "Printed as": format_figure(parsed.low, parsed.high, row.unit, parsed.qualifier)})
    return pd.DataFrame(rows)


def claims_used(claim_ids: list[str], name: str, data_dir: Path = DATA) -> LedgerTable:
    """The closing 'Sources' block of a chapter: each claim it relies on, quoted, attributed and sourced."""
    claims = load("claims", data_dir).set_index("claim_id")
    unknown = [c for c in claim_ids if c not in claims.index]
    if unknown:
        raise KeyError(f"unknown claim id(s) {unknown}; see data/claims.csv")
    short_names = load("sources", data_dir).set_index("source_id")["short_name"]
    rows = [{"Claim": claim_id, "Source": short_names[claims.loc[claim_id, "source_id"]],
             "Whose words": claim_attribution(claim_id, data_dir), "Quote": claims.loc[claim_id, "quote"],
             "English": claims.loc[claim_id, "quote_en"]} for claim_id in dict.fromkeys(claim_ids)]
    return LedgerTable(name=name, caption="Claims this chapter relies on, quoted from the sources",
                       frame=pd.DataFrame(rows))
