"""The parser on a corpus of Chinese financial writing beyond the five seeds.

tests/evidence/corpus/zh_quantities.csv holds spans from news, filings and research notes, in both
scripts and in mainland, Hong Kong and Taiwan usage, each with the value, unit and qualifier worked
out by hand (an empty unit: the span names none the vocabulary can hold, e.g. 元 alone, 名員工).
zh_refused.csv holds spans that must be refused, with a word of the reason: reading them as any
quantity would be a silent misread.
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import pytest

from compute_ledger.evidence.zh_numbers import QUALIFIERS, UNITS, QuantityError, parse_quantity

CORPUS = Path(__file__).parent / "corpus"


def rows(name: str) -> list[dict]:
    with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


QUANTITIES = rows("zh_quantities.csv")
REFUSED = rows("zh_refused.csv")


def test_the_corpus_is_broad():
    spans = QUANTITIES + REFUSED
    assert len(spans) >= 150
    assert {r["script"] for r in spans} == {"Traditional", "Simplified"}
    assert {r["region"] for r in spans} == {"CN", "HK", "TW"}
    assert {r["genre"] for r in spans} == {"news", "filing", "research"}
    assert len({r["span"] for r in spans}) == len(spans), "a span is listed twice"


@pytest.mark.parametrize("row", QUANTITIES, ids=[r["span"] for r in QUANTITIES])
def test_reads_the_quantity(row):
    parsed = parse_quantity(row["span"])
    assert math.isclose(parsed.low, float(row["low"]), rel_tol=1e-12)
    assert (parsed.high is None) == (not row["high"])
    if row["high"]:
        assert math.isclose(parsed.high, float(row["high"]), rel_tol=1e-12)
    assert (parsed.unit or "") == row["unit"]
    assert parsed.qualifier == row["qualifier"]
    assert parsed.unit is None or parsed.unit in UNITS
    assert parsed.qualifier in QUALIFIERS


@pytest.mark.parametrize("row", REFUSED, ids=[r["span"] for r in REFUSED])
def test_refuses_what_it_cannot_read(row):
    with pytest.raises(QuantityError, match=re.escape(row["reason"])):
        parse_quantity(row["span"])
