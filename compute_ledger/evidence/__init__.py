"""Evidence layer: what the sources say, read and checked.

Seeds and their manifest (`seeds`), the Chinese quantity parser (`zh_numbers`), the evidence
tables and their loaders (`tables`), bounded quantities with units (`quantity`), whose words a claim
is (`voices`), validation (`validate`), completeness of the figures (`completeness`), consistency
checks between sources (`checks`), drafting a new source for review (`intake`), the bibliography
written from `sources.csv` (`bibliography`) and the one number format, bound words included (`fmt`).

Imports: the standard library, third-party packages and `compute_ledger.paths` only — never
`analysis`, `charts` or `book`.
"""
