"""Completeness: every number written in a seed is either a figure or a listed, reasoned exclusion.

The scanner finds number-like mentions — Arabic numerals, and Chinese numerals that carry a
magnitude (萬, 億, 兆) or a unit (年, 張, 倍, %) — and locates every figure's span in its seed.
A mention that no figure covers must fall inside a snippet listed in data/exclusions.csv with
the reason it is not a figure (a model name, an idiom, a count of things named alongside).

Not scanned, because they are never statements of quantity: the front matter (page metadata),
web addresses, numerals joined to Latin letters (GPT-4.5, TPU v6, GB300), markdown list and
footnote markers, and a lone 一 (the article 'a/one' in 一個, 一家).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..paths import DATA, SEEDS
from .seeds import load_seed
from .tables import load

_CHINESE = "零〇一二兩两三四五六七八九十百千"
MENTION = re.compile(
    rf"\d+(?:[.,]\d+)*"
    rf"|[{_CHINESE}數数幾几]*[{_CHINESE}][萬万億亿兆]"
    rf"|[數数幾几][{_CHINESE}萬万億亿兆]+"
    rf"|[{_CHINESE}]+(?=個?月|个?月|年|週|周|天|倍|張|张|家|名|位|篇|次|小時|小时|個|个|%|巨頭|大)"
    rf"|一半|首年|[數数幾几](?=個月|个月|月|年|週|周|天)"
)


@dataclass(frozen=True)
class Mention:
    source_id: str
    file: str
    line: int
    start: int
    end: int
    text: str


def _occurrences(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)] if part else []


_NOT_QUANTITIES = re.compile(
    r"\A---\n.*?\n---\n"            # front matter
    r"|https?://\S+"                   # web addresses
    r"|[A-Za-z][A-Za-z0-9_.-]*\d[A-Za-z0-9_.-]*"  # identifiers: GPT-4.5, v6, GB300, EP.451 (ASCII only: \w would run on through Chinese)
    r"|^[ \t]*\d+\.[ \t]"              # numbered list markers
    r"|\[\^\d+\]",                    # footnote markers
    re.S | re.M,
)


def mentions(text: str) -> list[tuple[int, int, str]]:
    """Number-like mentions outside metadata, addresses, identifiers and markup."""
    skipped = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
    return [(m.start(), m.end(), m.group(0)) for m in MENTION.finditer(text)
            if m.group(0) != "一" and not any(a <= m.start() < b for a, b in skipped)]


def _covered_ranges(source_id: str, text: str, data_dir: Path) -> list[tuple[int, int]]:
    claims = load("claims", data_dir)
    figures = load("figures", data_dir).merge(claims[["claim_id", "source_id", "quote"]], on="claim_id")
    ranges = []
    for row in figures[figures.source_id == source_id].itertuples():
        for quote_start in _occurrences(text, row.quote):
            for offset in _occurrences(row.quote, row.quote_span):
                ranges.append((quote_start + offset, quote_start + offset + len(row.quote_span)))
    return ranges


def _excluded_ranges(source_id: str, text: str, data_dir: Path) -> list[tuple[int, int]]:
    exclusions = load("exclusions", data_dir)
    return [(start, start + len(row.snippet)) for row in exclusions[exclusions.source_id == source_id].itertuples()
            for start in _occurrences(text, row.snippet)]


def unaccounted(data_dir: Path = DATA, seeds_dir: Path = SEEDS) -> list[Mention]:
    """Number mentions in the seeds that no figure and no exclusion accounts for."""
    found = []
    for source in load("sources", data_dir).itertuples():
        text = load_seed(source.file, seeds_dir).text
        accounted = _covered_ranges(source.source_id, text, data_dir) + _excluded_ranges(source.source_id, text, data_dir)
        for start, end, token in mentions(text):
            if not any(a <= start and end <= b for a, b in accounted):
                found.append(Mention(source.source_id, source.file, text.count("\n", 0, start) + 1, start, end, token))
    return found


def coverage(data_dir: Path = DATA, seeds_dir: Path = SEEDS) -> dict[str, int]:
    """Counts for the method chapter: mentions, those inside figures, those excluded with a reason."""
    totals = {"mentions": 0, "in_figures": 0, "excluded": 0}
    for source in load("sources", data_dir).itertuples():
        text = load_seed(source.file, seeds_dir).text
        covered = _covered_ranges(source.source_id, text, data_dir)
        excluded = _excluded_ranges(source.source_id, text, data_dir)
        for start, end, _ in mentions(text):
            totals["mentions"] += 1
            if any(a <= start and end <= b for a, b in covered):
                totals["in_figures"] += 1
            elif any(a <= start and end <= b for a, b in excluded):
                totals["excluded"] += 1
    return totals
