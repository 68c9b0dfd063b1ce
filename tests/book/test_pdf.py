"""The PDF readers circulate: whole book in order, outline, links, embedded CJK font, charts, no web chrome."""
from __future__ import annotations

import re
import subprocess

import nbformat
import pytest
import yaml
from pypdf import PdfReader

from compute_ledger.charts.figure import VEGA_MIME
from compute_ledger.book.execute import chapter_notebooks
from compute_ledger.paths import ROOT
from compute_ledger.evidence.tables import load

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def text(built_pdf) -> str:
    # Content-stream order: the layout heuristics interleave a line of Latin and CJK glyphs.
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(built_pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def reader(built_pdf) -> PdfReader:
    return PdfReader(str(built_pdf))


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def chapter_titles() -> list[str]:
    titles = []
    for entry in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]:
        for chapter in entry["chapters"]:
            path = ROOT / (chapter["file"] + (".md" if (ROOT / (chapter["file"] + ".md")).exists() else ".ipynb"))
            if path.suffix == ".md":
                titles.append(path.read_text(encoding="utf-8").splitlines()[0].lstrip("# "))
            else:
                titles.append(nbformat.read(path, as_version=4).cells[0].source.splitlines()[0].lstrip("# "))
    return titles


def test_page_count_is_in_a_sane_range(reader):
    assert 60 <= len(reader.pages) <= 400


def test_every_chapter_is_in_the_text_in_toc_order(text):
    positions = [text.find(title) for title in chapter_titles()]
    assert all(p >= 0 for p in positions), dict(zip(chapter_titles(), positions))
    assert positions == sorted(positions)


def test_outline_lists_the_chapters(reader):
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    for title in chapter_titles():
        assert any(title in entry for entry in top), (title, top)


def test_page_numbers_and_internal_links(reader, text):
    assert re.search(r"\b1 / \d+\b", text) and re.search(rf"\b{len(reader.pages)} / {len(reader.pages)}\b", text)
    links = [a.get_object() for page in reader.pages for a in (page.get("/Annots") or [])
             if a.get_object().get("/Subtype") == "/Link"]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    assert len(internal) >= len(chapter_titles())


def test_chinese_quotes_are_in_the_text(text):
    """Every key quote a chapter shows in its original script (tables interleave columns, so quote blocks)."""
    shown = sorted({m for notebook in chapter_notebooks() for cell in nbformat.read(notebook, as_version=4).cells
                    if cell.cell_type == "code" for m in re.findall(r'Quote\("(C\d{3}-\d{2})"\)', cell.source)})
    assert len(shown) >= 5
    quotes = load("claims").set_index("claim_id").loc[shown, "quote"]
    squeezed = squeeze(text)
    assert [claim for claim, quote in quotes.items() if squeeze(quote) not in squeezed] == []


def test_a_cjk_font_is_embedded(built_pdf, reader):
    listing = subprocess.run(["pdffonts", str(built_pdf)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(re.search(r"\byes\b", row.split(None, 3)[-1]) for row in rows), "every font is embedded"
    cjk_fonts = []
    for page in reader.pages[:30]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None:
                continue
            cmap = to_unicode.get_object().get_data().decode("latin-1")
            embedded = "/CharProcs" in font or any(k in font.get("/FontDescriptor", {}) for k in
                                                   ("/FontFile", "/FontFile2", "/FontFile3"))
            if embedded and re.search(r"<(?:4[E-F]|[5-8][0-9A-F]|9[0-9A-F])[0-9A-F]{2}>", cmap):
                cjk_fonts.append(font)
    assert cjk_fonts, "no embedded font maps to CJK characters"


def test_every_chart_is_in_the_pdf(text):
    squeezed = squeeze(text)
    titles = []
    for notebook in chapter_notebooks():
        for cell in nbformat.read(notebook, as_version=4).cells:
            for output in cell.get("outputs", []):
                meta = output.get("metadata", {}).get(VEGA_MIME, {}).get("compute_ledger")
                if meta:
                    svg = output["data"]["image/svg+xml"]
                    titles.append(re.search(r'class="role-title-text"[^>]*>.*?<text[^>]*>([^<]+)</text>', svg, re.S)
                                  or re.search(r"<text[^>]*>([^<]+)</text>", svg))
    assert len(titles) >= 25
    missing = [m.group(1) for m in titles if squeeze(m.group(1).replace("&amp;", "&").replace("&apos;", "'")) not in squeezed]
    assert missing == []


def test_no_web_chrome_and_no_code(text):
    for chrome in ("Show code cell source", "Download the chart's data", "Search this book", "Skip to main content",
                   "Ctrl+K"):
        assert chrome not in text
    assert "from compute_ledger" not in text and "glue_text(" not in text
    assert CJK.search(text)
