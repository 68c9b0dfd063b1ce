"""The PDF readers circulate: whole book in order, contents with pages, outline, links, CJK as a CID font (no
Type 3), metadata, claims as endnotes linked both ways, under 3 MB, charts, no web chrome; and the download menu."""
from __future__ import annotations

import re
import subprocess

import nbformat
import pytest
import yaml
from pypdf import PdfReader

from compute_ledger.book import pdf
from compute_ledger.charts.claims import claims_used
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


def font_rows(built_pdf) -> list[str]:
    listing = subprocess.run(["pdffonts", str(built_pdf)], capture_output=True, text=True, check=True).stdout
    return listing.splitlines()[2:]


def test_every_font_is_embedded_and_none_is_type_3(built_pdf):
    rows = font_rows(built_pdf)
    assert rows and all(re.search(r"\byes\b", row.split(None, 3)[-1]) for row in rows), "every font is embedded"
    assert [row for row in rows if "Type 3" in row] == []


def test_a_cjk_font_is_embedded_as_a_cid_font(reader):
    cjk_fonts = []
    for page in reader.pages[:30]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            to_unicode = font.get("/ToUnicode")
            if to_unicode is None or font.get("/Subtype") != "/Type0":
                continue
            cmap = to_unicode.get_object().get_data().decode("latin-1")
            descendant = font["/DescendantFonts"][0].get_object()
            embedded = "/FontFile2" in descendant["/FontDescriptor"].get_object()
            if embedded and re.search(r"<(?:4[E-F]|[5-8][0-9A-F]|9[0-9A-F])[0-9A-F]{2}>", cmap):
                cjk_fonts.append(descendant["/BaseFont"])
    assert cjk_fonts, "no embedded CID TrueType font maps to CJK characters"


def test_pdf_is_under_3_mb_with_metadata_language_and_tags(built_pdf, reader):
    assert built_pdf.stat().st_size < 3_000_000
    meta = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert (reader.metadata.title, reader.metadata.author, reader.metadata.subject) == (
        meta["title"], meta["author"], meta["description"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


def page_texts(built_pdf) -> list[str]:
    whole = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(built_pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    return whole.split("\f")


def contents_entries(texts: list[str]) -> dict[str, int]:
    """The printed contents, title → page: the pages from "Contents" until the first page without an entry."""
    entries, start = {}, next(i for i, text in enumerate(texts) if re.search(r"^\s*Contents\s*$", text, re.M))
    for text in texts[start:]:
        found = re.findall(r"^\s*(\S.*?\S)\s{2,}(\d+)\s*$", text, re.M)
        if not found:
            break
        entries.update((title, int(number)) for title, number in found)
    return entries


def test_contents_gives_the_page_every_chapter_and_section_starts_on(built_pdf, reader):
    texts = page_texts(built_pdf)
    entries = contents_entries(texts)
    for title in chapter_titles():
        [(entry, page)] = [(e, p) for e, p in entries.items() if e.endswith(title)]
        assert title in squeeze(texts[page - 1]) or squeeze(title) in squeeze(texts[page - 1]), (title, page)
    outline_pages = {item.title: reader.get_destination_page_number(item) + 1
                     for item in reader.outline if not isinstance(item, list)}
    for title, page in outline_pages.items():
        if title in entries:
            assert entries[title] == page, (title, entries[title], page)
    sections = [title for title in entries if re.match(r"^\d+\.\d+\. ", title)]
    assert len(sections) >= 3 * len([t for t in chapter_titles() if re.match(r"^\d+\. ", t)])
    for title in sections:  # a long title may wrap onto the next page; it starts on this one
        assert squeeze(title)[:24] in squeeze(texts[entries[title] - 1]), (title, entries[title])


def test_each_chapters_claims_are_endnotes_linked_both_ways(built_pdf):
    texts = page_texts(built_pdf)
    with_claims = [notebook for notebook in chapter_notebooks()
                   if any("claims_used(" in cell.source for cell in nbformat.read(notebook, as_version=4).cells)]
    pointers = [(i + 1, int(n)) for i, text in enumerate(texts)
                for n in re.findall(r"quoted in full in the\s+endnotes, page (\d+)", text)]
    backs = [(title, int(n)) for text in texts for title, n in re.findall(r"Back to (.+?), page (\d+)\.", text)]
    notes = [i + 1 for i, text in enumerate(texts) for _ in re.findall(r"^\s*Claims of ", text, re.M)]
    assert len(with_claims) >= 3 and len(pointers) == len(backs) == len(notes) == len(with_claims)
    for (page, endnote_page), (title, chapter_page), note_page in zip(pointers, backs, notes):
        assert endnote_page == note_page, "the pointer names the page the endnote starts on"
        assert chapter_page <= page < endnote_page, "the endnote points back to where its chapter starts"
        assert squeeze(title) in squeeze(texts[chapter_page - 1])
        header = r"\s+".join(claims_used(["C000-02"], "tbl-probe").frame.columns).replace(" ", r"\s+")
        assert re.search(header, texts[note_page - 1] + texts[note_page])


def test_every_page_offers_its_notebook_and_the_books_pdf(built_book, tmp_path):
    sourced = [page for page in sorted(built_book.rglob("*.html")) if "_static" not in page.relative_to(built_book).parts
               and any((ROOT / page.relative_to(built_book)).with_suffix(suffix).exists() for suffix in (".ipynb", ".md"))]
    assert len(sourced) >= 10
    for page in sourced:  # every page made from a notebook or a markdown file (not the index or search pages)
        text = page.read_text(encoding="utf-8")
        [pdf_link] = re.findall(r'href="([^"]*compute-ledger\.pdf)"', text)
        assert (page.parent / pdf_link).resolve() == (built_book / pdf.PDF_NAME).resolve()
        notebook = ROOT / page.relative_to(built_book).with_suffix(".ipynb")
        if notebook.exists():
            [link] = re.findall(r'href="([^"]*_sources/[^"]*\.ipynb)"', text)
            assert nbformat.read(page.parent / link, as_version=4).cells == nbformat.read(notebook, as_version=4).cells
    made = tmp_path / "book.pdf"
    made.write_bytes(b"%PDF-1.7 stand-in")
    assert not pdf.publish_pdf(tmp_path / "no-html", made)
    (tmp_path / "html").mkdir()
    assert pdf.publish_pdf(tmp_path / "html", made)
    assert (tmp_path / "html" / pdf.PDF_NAME).read_bytes() == made.read_bytes()


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
