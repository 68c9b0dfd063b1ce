"""Shared logic of The Compute Ledger.

The chapters are thin notebooks over this package: evidence tables and their validation,
the Chinese amount parser, calculations, consistency checks, number formatting and charts.
"""
