"""A finished chart and how a notebook shows it.

A chart's output carries three renderings: the compiled Vega spec (JupyterLab draws it live and the
book's HTML renders it through `compute_ledger.book.sphinx`), a static SVG (for print and for
notebook viewers) and a plain-text description. Its id comes from its name, so outputs are the
same on every run and nbval can compare them strictly.
"""
from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field

import altair as alt
import pandas as pd
import vl_convert as vlc

from .theme import MUTED_INK

VEGA_MIME = "application/vnd.vega.v5+json"
VEGALITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOOTER_WIDTH = 105  # characters per footer line at 10 px: keeps a 560 px chart from growing wider


@dataclass
class LedgerChart:
    """A chart with everything the house conventions ask of it."""

    name: str
    chart: alt.TopLevelMixin
    description: str
    data: pd.DataFrame
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"chart name {self.name!r} must be lower-case words joined by hyphens")
        if not self.description.strip():
            raise ValueError(f"chart {self.name!r} needs a text description for screen readers")

    def vegalite_spec(self) -> dict:
        return self.chart.to_dict()

    def vega_spec(self) -> dict:
        return vlc.vegalite_to_vega(self.vegalite_spec(), vl_version=VEGALITE_VERSION)

    def svg(self) -> str:
        return vlc.vega_to_svg(self.vega_spec())

    def csv(self) -> str:
        return self.data.to_csv(index=False, lineterminator="\n")

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {
            VEGA_MIME: self.vega_spec(),
            "image/svg+xml": self.svg(),
            "text/plain": f"Chart {self.name}: {self.description}",
        }
        metadata = {VEGA_MIME: {"compute_ledger": {"id": self.name, "description": self.description,
                                                   "csv": self.csv()}}}
        return data, metadata


def finish(chart: alt.TopLevelMixin, *, name: str, title: str, subtitle: str, sources: list[str],
           description: str, data: pd.DataFrame, notes: list[str] | None = None) -> LedgerChart:
    """Give a chart its finding as title, its measure and unit as subtitle, and a source footer.

    `sources` are source ids from data/sources.csv; the footer names each text as the prose does and says
    what it is, from its chain ("the Best Partners transcript — its host's summary of an interview with
    Dylan Patel"), which holds for every line in it, the host's own narration too.
    """
    from ..evidence.tables import source_attribution, source_documents

    names = [f"{document} — {source_attribution(source_id)}"
             for document, source_id in zip(source_documents(sources), sources)]
    footer = [line for text in ["Source: " + "; ".join(names) + "."] + list(notes or [])
              for line in textwrap.wrap(text, FOOTER_WIDTH)]
    titled = chart.properties(title=alt.Title(text=title, subtitle=subtitle), description=description)
    framed = alt.vconcat(titled, title=alt.Title(text=footer, orient="bottom", anchor="start", fontSize=10,
                                                fontWeight="normal", color=MUTED_INK, offset=14))
    return LedgerChart(name=name, chart=framed.properties(description=description), description=description,
                       data=data, sources=list(sources))


def spec_json(spec: dict) -> str:
    """JSON for a <script> element: compact, key order kept, and no '</' that could close the element."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
