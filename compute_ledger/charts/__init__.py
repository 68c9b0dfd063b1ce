"""Charts: one theme, one palette, one renderer for notebooks, the HTML book and print."""
from .figure import LedgerChart, VEGA_MIME, finish
from .theme import ENTITY_COLORS, PALETTE, entity_scale

__all__ = ["LedgerChart", "VEGA_MIME", "finish", "ENTITY_COLORS", "PALETTE", "entity_scale"]
