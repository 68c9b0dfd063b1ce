"""The printable book: one PDF, built from the single-page HTML and printed by Debian's Chromium.

Chromium gives page numbers (footer template), a document outline from the headings, working
internal links, charts as vectors and embedded fonts. The print stylesheet (`book/static/print.css`)
removes web chrome, hides code, starts each chapter on a new page and sets Chinese in WenQuanYi Micro
Hei, whose TrueType outlines Chromium embeds as a CID font (Noto CJK's CFF outlines would become
Type 3 fonts). Before printing, a title page is added, the contents list gains every section, and
each chapter's claims table moves to the endnotes, linked both ways. The book is printed twice: the
first print says on which page each heading and endnote landed (its named destinations), those
numbers are written into the contents and the references, and the second print is the book. The
metadata (title, author, subject, language) is written last; Chromium's tagged structure is kept.
"""
from __future__ import annotations

import html
import io
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from ..paths import BUILD, ROOT

CHROMIUM = Path("/usr/bin/chromium")
QPDF = Path("/usr/bin/qpdf")
# TrueType outlines, which Chromium embeds as a CID font (print.css names it for Chinese).
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PRINT_ROOT = BUILD / "print"
PDF_NAME = "compute-ledger.pdf"
PDF_PATH = BUILD / "pdf" / PDF_NAME
HTML_ROOT = BUILD / "html"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Chapters sit one heading level down in the single-page book (h2 under the landing page's h1);
# lift them so the PDF outline lists chapters at the top, and keep the printed contents out of it.
_OUTLINE_SCRIPT = """
// A chart is one figure in the tagged PDF, its alternative text the description the page gives it
// (the figure's label); tagging every mark and label of the drawing would double the file's size.
for (const drawing of document.querySelectorAll('.ledger-chart-view > svg')) {
  drawing.setAttribute('aria-hidden', 'true');
}
for (const caption of document.querySelectorAll('#jb-print-docs-body [role="heading"]')) {
  caption.removeAttribute('role');
}
for (const heading of document.querySelectorAll('#jb-print-docs-body h1, #jb-print-docs-body h2, #jb-print-docs-body h3')) {
  const text = document.createElement('p');
  text.className = 'ledger-print-heading';
  text.innerHTML = heading.innerHTML;
  heading.replaceWith(text);
}
for (const chapter of document.querySelectorAll('span[id^="document-"] + section')) {
  for (const heading of chapter.querySelectorAll('h2, h3, h4, h5, h6')) {
    const lifted = document.createElement('h' + (Number(heading.tagName[1]) - 1));
    for (const attribute of heading.attributes) lifted.setAttribute(attribute.name, attribute.value);
    lifted.innerHTML = heading.innerHTML;
    heading.replaceWith(lifted);
  }
}
"""
_FOOTER = ('<div style="font-size:8px;color:#555;width:100%;text-align:center;font-family:sans-serif">'
           '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
_HEADER = ('<div style="font-size:8px;color:#777;width:100%;text-align:right;margin-right:16mm;font-family:sans-serif">'
           '{title}</div>')


# The caption charts.claims.claims_used gives each chapter's claims table.
CLAIMS_CAPTION = "Claims this chapter relies on"
_CONTENTS_AND_ENDNOTES_SCRIPT = """caption => {
  const chapters = [...document.querySelectorAll('span[id^="document-"] + section')];
  let serial = 0;
  const anchor = (heading) => {
    // Section ids repeat between chapters in the single page (every chapter has a "sources"); a fresh
    // id per heading keeps each link, and each named destination of the PDF, pointing at one place.
    // The id goes on the heading itself: an empty element inside it can be placed at the foot of the
    // page before when the heading is pushed onto the next.
    heading.id = 'ledger-print-' + (++serial);
    return heading.id;
  };
  const entry = (id, html, level) => {
    const item = document.createElement('li');
    item.className = 'ledger-toc-entry ledger-toc-level-' + level;
    item.innerHTML = '<a href="#' + id + '"><span class="ledger-toc-title"></span>' +
      '<span class="ledger-toc-page" data-target="' + id + '"></span></a>';
    item.querySelector('.ledger-toc-title').innerHTML = html;
    return item;
  };
  // A chapter's title is the heading that opens its section; its sections' titles are one level down.
  const titleOf = (chapter) => chapter && chapter.querySelector(':scope > h1, :scope > h2, :scope > h3');
  const plain = (heading) => {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll('.headerlink').forEach((e) => e.remove());
    return copy.innerHTML;
  };
  // Endnotes: every chapter's claims table, after the last chapter, each linked both ways.
  const endnotes = document.createElement('section');
  endnotes.className = 'ledger-endnotes';
  const chapterLevel = (titleOf(chapters[0]) || {tagName: 'H1'}).tagName[1];
  endnotes.innerHTML = '<h' + chapterLevel + '>Endnotes: the claims behind each chapter</h' + chapterLevel + '>';
  const endnotesId = anchor(endnotes.firstElementChild);
  for (const chapter of chapters) {
    const title = titleOf(chapter);
    if (!title) continue;
    const chapterId = anchor(title);
    for (const table of chapter.querySelectorAll('table.ledger-table')) {
      const text = table.querySelector('caption .caption-text');
      if (!text || !text.textContent.startsWith(caption)) continue;
      const note = document.createElement('section');
      note.className = 'ledger-endnote';
      const noteLevel = 'h' + (Number(chapterLevel) + 1);
      note.innerHTML = '<' + noteLevel + '></' + noteLevel + '><p class="ledger-endnote-back">Back to <a></a>, page ' +
        '<span class="ledger-toc-page" data-target="' + chapterId + '"></span>.</p>';
      note.querySelector(noteLevel).innerHTML = 'Claims of ' + plain(title);
      const back = note.querySelector('a');
      back.href = '#' + chapterId;
      back.innerHTML = plain(title);
      const noteId = anchor(note.querySelector(noteLevel));
      const rows = table.querySelectorAll('tbody tr').length;
      const pointer = document.createElement('p');
      pointer.className = 'ledger-endnote-pointer';
      pointer.innerHTML = 'The ' + rows + ' claims this chapter relies on are quoted in full in the ' +
        '<a href="#' + noteId + '">endnotes, page <span class="ledger-toc-page" data-target="' + noteId +
        '"></span></a>.';
      table.replaceWith(pointer);
      note.append(table);
      endnotes.append(note);
    }
  }
  if (endnotes.querySelector('.ledger-endnote')) {
    chapters[chapters.length - 1].after(endnotes);
  }
  // Contents: every chapter and its sections, each with the page it starts on.
  const contents = document.querySelector('#jb-print-toc nav');
  for (const link of contents.querySelectorAll('a[href^="#document-"]')) {
    const chapter = document.getElementById(link.getAttribute('href').slice(1)).nextElementSibling;
    const title = titleOf(chapter);
    if (!title) continue;
    const list = document.createElement('ul');
    list.className = 'ledger-toc';
    list.append(entry(title.id, plain(title), 1));
    const sectionLevel = 'h' + (Number(title.tagName[1]) + 1);
    for (const heading of chapter.querySelectorAll(':scope > section > ' + sectionLevel)) {
      list.append(entry(anchor(heading), plain(heading), 2));
    }
    link.closest('li').replaceWith(list);
  }
  if (endnotes.isConnected) {
    const list = document.createElement('ul');
    list.className = 'ledger-toc';
    list.append(entry(endnotesId, 'Endnotes: the claims behind each chapter', 1));
    contents.append(list);
  }
  return [...document.querySelectorAll('.ledger-toc-page')].map((span) => span.dataset.target);
}
"""
_CJK_FROM = 0x2E80
# The subset replaces print.css's local() face of the same name (a later rule wins).
_CJK_FACE = ('@font-face {{ font-family: "Ledger CJK"; src: url("{url}"); unicode-range: U+2E80-2FDF, U+3000-303F, '
             'U+3100-31FF, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FE30-FE4F, U+FF00-FFEF; }}')
_WRITE_PAGE_NUMBERS = """pages => {
  for (const span of document.querySelectorAll('.ledger-toc-page')) span.textContent = pages[span.dataset.target];
}
"""


SYSTEM_PACKAGES = (("chromium", CHROMIUM), ("fonts-wqy-microhei", CJK_FONT), ("qpdf", QPDF))


class MissingSystemPackage(RuntimeError):
    """A Debian package the PDF needs is not installed."""


def check_system() -> None:
    missing = [package for package, path in SYSTEM_PACKAGES if not path.exists()]
    if missing:
        raise MissingSystemPackage(f"make pdf needs Debian packages {' '.join(missing)}: "
                                   f"run `sudo apt-get install {' '.join(missing)}` (or `make system-deps` as root)")


def book_metadata() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def build_single_page(output: Path = PRINT_ROOT) -> Path:
    """Build the whole book as one HTML page (warnings are errors) and return its path."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--builder", "singlehtml",
               "--path-output", str(output), "--warningiserror", "--keep-going", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"single-page build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return output / "_build" / "singlehtml" / "index.html"


def title_page(meta: dict) -> str:
    # A div, not a heading: the outline (bookmarks) is made from the book's own headings.
    return (f'<div class="ledger-title-page"><p class="ledger-title">{html.escape(meta["title"])}</p>'
            f'<p>{html.escape(meta["description"])}</p><p>{html.escape(meta.get("author", ""))}</p></div>')


def cjk_font_subset(page: Path, target: Path) -> Path:
    """WenQuanYi Micro Hei cut to the CJK characters the page holds (the whole face is 2.3 MB in a PDF)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    characters = {ord(c) for c in page.read_text(encoding="utf-8") if ord(c) >= _CJK_FROM}
    options = subset.Options()
    options.layout_features, options.name_IDs, options.notdef_outline = ["*"], ["*"], True
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters))
    font = TTFont(str(CJK_FONT), fontNumber=0)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))
    return target


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (counted from 1) of every named destination in a PDF Chromium printed."""
    reader = PdfReader(io.BytesIO(pdf))
    # pypdf gives each name as a PDF name, "/" first.
    return {str(name).removeprefix("/"): reader.get_destination_page_number(destination) + 1
            for name, destination in reader.named_destinations.items()}


def write_metadata(pdf: bytes, meta: dict) -> bytes:
    """Title, author, subject and language, on a copy that keeps Chromium's tags, outline and links."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": meta["title"], "/Author": meta["author"], "/Subject": meta["description"],
                         "/Creator": "The Compute Ledger (make pdf)"})
    writer._root_object[NameObject("/Lang")] = TextStringObject(meta.get("language", "en"))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def write_compressed(pdf: bytes, target: Path) -> None:
    """Write the PDF with its objects in compressed object streams (qpdf): the tagged structure is
    thousands of small objects, which Chromium and pypdf write uncompressed (2 MB of a 3.6 MB book)."""
    draft = target.with_suffix(".draft.pdf")
    draft.write_bytes(pdf)
    subprocess.run([str(QPDF), "--object-streams=generate", "--compress-streams=y", "--recompress-flate",
                    "--compression-level=9", str(draft), str(target)], check=True, capture_output=True)
    draft.unlink()


def print_pdf(page: Path, target: Path = PDF_PATH) -> Path:
    """Print the single-page book to PDF once every chart has been drawn (twice: see the module's doc)."""
    from playwright.sync_api import sync_playwright

    check_system()
    meta = book_metadata()
    target.parent.mkdir(parents=True, exist_ok=True)
    options = dict(format="A4", print_background=True, display_header_footer=True,
                   header_template=_HEADER.format(title=html.escape(meta["title"])), footer_template=_FOOTER,
                   margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}, outline=True, tagged=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page()
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else route.abort())
        tab.goto(page.as_uri(), wait_until="load")
        tab.wait_for_function("[...document.querySelectorAll('.ledger-chart')].every(c => c.dataset.drawn)",
                              timeout=30_000)
        # The theme's print-only block (#jb-print-docs-body) holds the table of contents; the title goes before it.
        tab.evaluate("markup => document.querySelector('#jb-print-docs-body').insertAdjacentHTML('beforebegin', markup)",
                     title_page(meta))
        tab.evaluate(_OUTLINE_SCRIPT)
        font = cjk_font_subset(page, page.parent / "_static" / "ledger-cjk-subset.ttf")
        tab.add_style_tag(content=_CJK_FACE.format(url=font.as_uri()))
        targets = tab.evaluate(_CONTENTS_AND_ENDNOTES_SCRIPT, CLAIMS_CAPTION)
        tab.emulate_media(media="print")
        # Placeholders as wide as the numbers they will hold, so that writing them moves nothing.
        tab.evaluate(_WRITE_PAGE_NUMBERS, {target: "000" for target in targets})
        landed = destination_pages(tab.pdf(**options))
        missing = sorted(set(targets) - set(landed))
        if missing:
            raise RuntimeError(f"no named destination in the first print for {missing[:5]}")
        tab.evaluate(_WRITE_PAGE_NUMBERS, {target: str(landed[target]) for target in targets})
        printed = tab.pdf(**options)
        browser.close()
    moved = {t for t in targets if destination_pages(printed)[t] != landed[t]}
    if moved:
        raise RuntimeError(f"page numbers moved between the two prints: {sorted(moved)[:5]}")
    write_compressed(write_metadata(printed, meta), target)
    return target


def publish_pdf(html_root: Path = HTML_ROOT, pdf: Path = PDF_PATH) -> bool:
    """Put a copy of the PDF at the root of the HTML book, where every page's download menu links it.

    Returns whether there was a PDF to copy (`make pdf` makes it; the HTML build copies it again).
    """
    if not (pdf.exists() and html_root.is_dir()):
        return False
    shutil.copyfile(pdf, html_root / PDF_NAME)
    return True


def make_pdf() -> Path:
    check_system()
    shutil.rmtree(PRINT_ROOT, ignore_errors=True)
    target = print_pdf(build_single_page())
    publish_pdf(HTML_ROOT, target)
    return target
