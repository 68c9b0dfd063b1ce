"""The built HTML book: warnings are errors, nothing is fetched from the network, charts ship once per page."""
from __future__ import annotations

import html
import re
from pathlib import Path

from compute_ledger.analysis.findings import CHAPTER_FINDINGS, chapter_brief
from compute_ledger.book.execute import chapter_notebooks
from compute_ledger.book.pdf import PDF_NAME
from compute_ledger.paths import ROOT

REMOTE = re.compile(r"""<(?:script|img|iframe)[^>]*\bsrc=["'](?:https?:)?//|<link[^>]*\bhref=["'](?:https?:)?//[^"']*["'][^>]*stylesheet|<link[^>]*stylesheet[^>]*\bhref=["'](?:https?:)?//""", re.I)
KNOWN_CDNS = re.compile(r"unpkg\.com|cdn\.jsdelivr|cdnjs|requirejs\.org|googleapis\.com/ajax")
BUNDLE = re.compile(r'<script[^>]*src="[^"]*compute-ledger-charts-[0-9a-f]{12}\.js"')


def pages(html_root: Path) -> list[Path]:
    return sorted(p for p in html_root.rglob("*.html") if "_static" not in p.parts)


def test_book_builds_with_warnings_as_errors(built_book):
    log = (built_book.parents[1] / "build.log").read_text()
    assert "build succeeded" in log
    assert "WARNING" not in log


def test_every_chapter_notebook_becomes_a_page(built_book):
    for notebook in chapter_notebooks():
        page = built_book / notebook.parent.relative_to(ROOT) / (notebook.stem + ".html")
        assert page.exists(), notebook.name


def test_no_page_loads_anything_from_the_network(built_book):
    for page in pages(built_book):
        text = page.read_text(encoding="utf-8")
        assert not REMOTE.search(text), f"{page.name} loads a remote resource: {REMOTE.search(text).group(0)}"
        assert not KNOWN_CDNS.search(text), f"{page.name} names a CDN: {KNOWN_CDNS.search(text).group(0)}"


def test_chart_bundle_is_loaded_once_on_chart_pages_and_nowhere_else(built_book):
    chart_pages = 0
    for page in pages(built_book):
        text = page.read_text(encoding="utf-8")
        charts = text.count('class="ledger-chart"')
        bundles = len(BUNDLE.findall(text))
        assert bundles == (1 if charts else 0), f"{page.name}: {charts} charts, {bundles} bundle scripts"
        chart_pages += bool(charts)
        ids = re.findall(r'<div class="ledger-chart" id="([^"]+)"', text)
        assert len(ids) == len(set(ids)), f"{page.name}: duplicate chart ids"
    assert chart_pages >= 1
    [bundle] = list((built_book / "_static").glob("compute-ledger-charts-*.js"))
    assert re.match(r"\(\(\) ?=> ?\{", bundle.read_text(encoding="utf-8"))  # one function scope (esbuild's IIFE)


def test_figures_and_tables_are_numbered_and_cross_referenced(built_book):
    text = (built_book / "chapters" / "sources-and-method.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="caption-number">Figure \d+\.1 </span>', text)  # numbered within the chapter
    assert re.search(r'<span class="caption-number">Table \d+\.1 </span>', text)
    assert 'href="#fig-figures-by-source"' in text and 'href="#tbl-sources"' in text


def test_every_internal_link_resolves(built_book):
    """Every relative link points at a page that exists, and at an element id on it when it names one."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
        return ids[page]

    checked = 0
    for page in pages(built_book):
        for href in re.findall(r'<a [^>]*href="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^(?:[a-z]+:|//)", href):
                continue  # external addresses, data: downloads and mailto: are not the book's own links
            if href.endswith(PDF_NAME):
                continue  # the whole-book PDF is put there by make pdf (tests/book/test_pdf.py follows this link)
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{page.relative_to(built_book)}: broken link {href}"
            if fragment and target.suffix == ".html":
                assert fragment in ids_of(target), f"{page.relative_to(built_book)}: no #{fragment} in {target.name}"
            checked += 1
    assert checked > 100


SMART_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})  # Sphinx's smartquotes, undone


def test_every_chapter_opens_with_its_findings_as_the_package_builds_them(built_book):
    """The built page's "In brief." paragraph is the chapter's finding objects' headlines, word for word."""
    for stem in CHAPTER_FINDINGS:
        page = built_book / "chapters" / f"{stem}.html"
        text = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(page.read_text(encoding="utf-8"))).split())
        text = re.sub(r" ([.,;:])", r"\1", text).translate(SMART_QUOTES)
        assert f"In brief. {chapter_brief(stem)}" in text, stem
