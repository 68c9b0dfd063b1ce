"""Opening the built book in Debian's Chromium, shared by test_browser and test_html_checks."""
from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def page_files(html_root: Path) -> list[Path]:
    return sorted(p for p in html_root.rglob("*.html") if "_static" not in p.parts and p.name not in ("genindex.html",))


def visit(browser, page_path: Path):
    """Open a page from disk, refusing every request that is not a local file; report what happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []

    def only_local(route):
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.as_uri(), wait_until="load")
    charts = page.locator(".ledger-chart").count()
    if charts:
        page.wait_for_function("[...document.querySelectorAll('.ledger-chart')].every(c => c.dataset.drawn)",
                               timeout=10_000)
    return context, page, errors, outside
