"""Glue numbers into prose: every number in running text comes from a computation, never typed."""
from __future__ import annotations

from .fmt import format_figure
from .tables import figure


class GluedText(str):
    """Text whose plain representation has no quotes, so `{glue:text}` shows it as written."""

    def __repr__(self) -> str:
        return str(self)


def glue_text(name: str, text: str) -> None:
    """Glue text for `{glue:text}` in markdown cells.

    Returns nothing, so a cell may end with it without echoing a value (a trailing ';' would not
    do: nbval runs cells outside IPython's history, where the semicolon is not seen).
    """
    from myst_nb import glue

    glue(name, GluedText(text), display=False)


def glue_figure(name: str, figure_id: str) -> None:
    """Glue a reported figure as the book formats it, qualifier kept ('up to US$300B')."""
    row = figure(figure_id)
    high = None if row.value_high != row.value_high else row.value_high
    glue_text(name, format_figure(row.value_low, high, row.unit, row.qualifier))
