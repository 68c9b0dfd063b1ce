"""The Compute Ledger: the package behind the book, in four layers that import one way only.

    book  →  charts  →  analysis  →  evidence        (and every layer may use `paths`)

- `evidence/`: the seeds and their manifest, the Chinese quantity parser, the evidence tables,
  their validation, completeness and consistency checks, and the one number format.
- `analysis/`: one module per chapter, the figures several chapters share, and the summary.
- `charts/`: how the book shows things: the chart theme and renderer, one chart module per
  chapter, numbered tables, quote cards and the claims register.
- `book/`: turning notebooks into the book: execution and its keys, glue, the Sphinx extension
  and its static assets, the PDF, the benchmark and the command line.

A module may import from its own layer and the layers to its right, never to its left;
`tests/test_layers.py` fails on a back-import.
"""
