"""The evidence chain made visible: quote span -> parsed quantity -> the book's printed figure."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .fmt import format_figure
from .paths import DATA
from .tables import figures
from .zh_numbers import parse_quantity


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
