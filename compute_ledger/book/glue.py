"""Glue numbers into prose: every number in running text comes from a computation, never typed."""
from __future__ import annotations

from ..evidence.tables import figure_text


def glue_text(name: str, text: str) -> None:
    """Glue text for `{glue:text}` in markdown cells.

    The text is glued as a Python str: MyST-NB reads text/plain back with `literal_eval`, which
    strips the quotes of a str repr but would turn an unquoted '23,213' into a tuple.
    Returns nothing, so a cell may end with it without echoing a value (a trailing ';' would not
    do: nbval runs cells outside IPython's history, where the semicolon is not seen).
    """
    from myst_nb import glue

    glue(name, str(text), display=False)


def glue_figure(name: str, figure_id: str) -> None:
    """Glue a reported figure as the book formats it, qualifier kept ('up to US$300B')."""
    glue_text(name, figure_text(figure_id))
