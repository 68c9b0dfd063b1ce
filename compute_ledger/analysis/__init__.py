"""Analysis layer: the book's calculations, one module per chapter.

`models`, `labs`, `triangle`, `neoclouds`, `sovereign`, `buildout`, `risks` and `disagreements`
compute what their chapters state; `derived` holds the figures several chapters share; `findings`
builds the landing page's findings from bounded values and `summary` glues them; `coverage` audits
that every claim is cited or excused; `corpus` and `dictionary` describe the evidence base for the
method chapter and the data dictionary. Results are plain values and DataFrames, never display objects.

Imports: `evidence` and `paths` — never `charts` or `book`.
"""
