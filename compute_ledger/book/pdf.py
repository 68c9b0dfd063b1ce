"""The printable book: one PDF, built from the single-page HTML and printed by Debian's Chromium.

Chromium gives page numbers (footer template), a document outline from the headings, working
internal links, charts as vectors and embedded fonts (Noto CJK for the Chinese quotes). The print
stylesheet (`book/static/print.css`) removes web chrome, hides code, and starts each chapter on a
new page; a title page is added before printing.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..paths import BUILD, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PRINT_ROOT = BUILD / "print"
PDF_NAME = "compute-ledger.pdf"
PDF_PATH = BUILD / "pdf" / PDF_NAME
HTML_ROOT = BUILD / "html"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Chapters sit one heading level down in the single-page book (h2 under the landing page's h1);
# lift them so the PDF outline lists chapters at the top, and keep the printed contents out of it.
_OUTLINE_SCRIPT = """
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


class MissingSystemPackage(RuntimeError):
    """A Debian package the PDF needs is not installed."""


def check_system() -> None:
    missing = [package for package, path in (("chromium", CHROMIUM), ("fonts-noto-cjk", CJK_FONT)) if not path.exists()]
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


def print_pdf(page: Path, target: Path = PDF_PATH) -> Path:
    """Print the single-page book to PDF once every chart has been drawn."""
    from playwright.sync_api import sync_playwright

    check_system()
    meta = book_metadata()
    target.parent.mkdir(parents=True, exist_ok=True)
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
        tab.emulate_media(media="print")
        tab.pdf(path=str(target), format="A4", print_background=True, display_header_footer=True,
                header_template=_HEADER.format(title=html.escape(meta["title"])), footer_template=_FOOTER,
                margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}, outline=True, tagged=True)
        browser.close()
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
