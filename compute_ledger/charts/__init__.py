"""Charts layer: how the book shows its numbers, for notebooks, the HTML book and print.

One theme and palette (`theme`), one chart renderer (`figure`), one chart module per chapter,
numbered tables and quote cards (`display`), the claims a chapter relies on and the evidence chain
as tables (`claims`), the coverage audit's tables (`coverage`), the landing page's money flows
(`summary`), and the searchable claims register (`register`).

Imports: `analysis`, `evidence` and `paths` — never `book`.
"""
from .figure import LedgerChart, VEGA_MIME, finish
from .theme import ENTITY_COLORS, PALETTE, entity_scale

__all__ = ["LedgerChart", "VEGA_MIME", "finish", "ENTITY_COLORS", "PALETTE", "entity_scale"]
