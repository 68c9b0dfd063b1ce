"""The book's chart theme and palette (Paul Tol's colour-blind-safe 'muted' scheme, one colour per entity)."""
from __future__ import annotations

import altair as alt

# Text is measured with this font when charts are drawn to SVG, so it must exist on every machine
# the book is built on (DejaVu ships with the base image); browsers fall back along the list.
FONT = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif"
INK = "#222222"
MUTED_INK = "#555555"
GRID = "#e3e3e3"

PALETTE = ["#332288", "#117733", "#88CCEE", "#CC6677", "#882255", "#DDCC77", "#AA4499", "#44AA99", "#999933"]
ENTITY_COLORS = {
    "openai": "#332288", "nvidia": "#117733", "google": "#88CCEE", "anthropic": "#CC6677",
    "xai": "#882255", "oracle": "#DDCC77", "amd": "#AA4499", "microsoft": "#44AA99",
    "coreweave": "#999933", "meta": "#6699CC", "amazon": "#EE8866", "apple": "#BBBBBB",
    "nebius": "#997700", "japan": "#EE7733", "china": "#CC3311", "united-states": "#0077BB",
}
# Non-entity roles that recur across charts. Gains and losses are green and magenta, a pair that stays
# distinct under red-green colour blindness (red and green would not).
ROLE_COLORS = {"reported": "#332288", "derived": "#117733", "assumption": "#DDCC77",
               "positive": "#117733", "negative": "#EE3377", "total": "#555555", "neutral": "#BBBBBB"}


def entity_scale(entity_ids: list[str]) -> alt.Scale:
    """A colour scale that gives each entity its book-wide colour."""
    return alt.Scale(domain=list(entity_ids), range=[ENTITY_COLORS.get(e, ROLE_COLORS["neutral"]) for e in entity_ids])


def theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": {"left": 8, "right": 16, "top": 8, "bottom": 8},
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": "bold", "color": INK,
                      "subtitleFontSize": 12, "subtitleColor": MUTED_INK, "subtitlePadding": 4, "offset": 12},
            "axis": {"labelColor": MUTED_INK, "titleColor": MUTED_INK, "labelFontSize": 11, "titleFontSize": 11,
                     "titleFontWeight": "normal", "gridColor": GRID, "domainColor": "#999999", "tickColor": "#999999"},
            "legend": {"labelColor": MUTED_INK, "titleColor": MUTED_INK, "labelFontSize": 11,
                       "titleFontSize": 11, "titleFontWeight": "normal", "orient": "bottom"},
            "range": {"category": PALETTE},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0]},
            "point": {"color": PALETTE[0], "filled": True},
            "text": {"color": INK, "fontSize": 11},
        }
    }


alt.theme.register("compute_ledger", enable=True)(theme)
