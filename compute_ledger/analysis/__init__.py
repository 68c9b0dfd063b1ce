"""Analysis layer: the book's calculations, one module per chapter.

`labs`, `triangle`, `neoclouds`, `sovereign`, `risks` and `disagreements` compute what their
chapters state; `derived` holds the figures several chapters share; `summary` builds the landing
page's findings; `corpus` and `dictionary` describe the evidence base for the method chapter and
the data dictionary. Results are plain values and DataFrames, never display objects.

Imports: `evidence` and `paths` — never `charts` or `book`.
"""
