"""The book as a reader sees it: every page opened from disk in Debian's Chromium with the network blocked."""
from __future__ import annotations

import re

from compute_ledger.book.bench import loaded_bytes, page_target
from compute_ledger.paths import BUILD

from browsing import page_files, visit

SCREENSHOTS = BUILD / "screenshots"


def test_every_page_renders_offline_without_errors_and_draws_its_charts(built_book, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for page_path in page_files(built_book):
        context, page, errors, outside = visit(browser, page_path)
        name = page_path.relative_to(built_book).as_posix().replace("/", "__").removesuffix(".html")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        states = page.eval_on_selector_all(
            ".ledger-chart", "cs => cs.map(c => [c.id, c.dataset.drawn, c.querySelectorAll('svg .mark-rect path, svg .mark-symbol path, svg .mark-line path, svg .mark-area path, svg .mark-text text, svg .mark-rule line').length])")
        context.close()
        assert errors == [], f"{name}: console errors {errors}"
        assert outside == [], f"{name}: requests left the book {outside}"
        for chart_id, drawn, marks in states:
            assert drawn == "true", f"{name}: {chart_id} was not drawn ({drawn})"
            assert marks > 0, f"{name}: {chart_id} has no marks"


def test_every_slider_changes_the_numbers_its_chart_shows(built_book, browser):
    moved = 0
    for page_path in page_files(built_book):
        context, page, errors, _ = visit(browser, page_path)
        sliders = page.locator(".ledger-chart .vega-bindings input[type=range]")
        for index in range(sliders.count()):
            slider = sliders.nth(index)
            chart = slider.locator("xpath=ancestor::div[contains(@class,'ledger-chart')][1]")
            before = chart.evaluate("c => c.querySelector('svg').textContent")
            low, high, now = (float(v) for v in slider.evaluate("s => [s.min, s.max, s.value]"))
            target = low if now != low else high
            slider.evaluate("(s, v) => { s.value = v; s.dispatchEvent(new Event('input', {bubbles: true})); }", str(target))
            page.wait_for_timeout(100)
            after = chart.evaluate("c => c.querySelector('svg').textContent")
            name = slider.evaluate("s => s.closest('.vega-bind').textContent")
            assert after != before, f"{page_path.name}: moving '{name.strip()}' to {target} changed no number"
            moved += 1
        context.close()
        assert errors == [], f"{page_path.name}: {errors}"
    assert moved >= 5, "the book's sensitivity charts should carry sliders"


def test_claims_register_search_filters_rows_in_either_script(built_book, browser):
    context, page, errors, _ = visit(browser, built_book / "chapters" / "claims-register.html")
    rows = page.locator(".ledger-register-table tbody tr")
    total = rows.count()

    def shown(query: str) -> int:
        page.fill(".ledger-register-search", query)
        return page.locator(".ledger-register-table tbody tr:not([hidden])").count()

    traditional, simplified, english = shown("英偉達"), shown("英伟达"), shown("Nvidia")
    assert 0 < traditional < total
    assert traditional == simplified == english
    assert shown("no such claim anywhere") == 0
    page.fill(".ledger-register-search", "")
    page.select_option("select[data-filter=source]", "Bloomberg-based digest")
    filtered = page.locator(".ledger-register-table tbody tr:not([hidden])")
    assert 0 < filtered.count() < total
    assert all(source == "Bloomberg-based digest" for source in filtered.evaluate_all("rs => rs.map(r => r.dataset.source)"))
    assert page.locator(".ledger-register-count").inner_text() == f"{filtered.count()} of {total} claims"
    context.close()
    assert errors == []


def test_every_page_is_under_its_weight_on_a_first_visit(built_book, browser):
    """Everything a page loads (HTML, scripts, styles, fonts), measured in Chromium with an empty cache."""
    heavy = []
    for page_path in sorted(p for p in built_book.rglob("*.html") if "_static" not in p.relative_to(built_book).parts):
        context = browser.new_context()
        loaded = loaded_bytes(context.new_page(), page_path.as_uri())
        charts = page_path.read_text(encoding="utf-8").count('class="ledger-chart"')
        context.close()
        if loaded >= page_target(charts):
            heavy.append(f"{page_path.relative_to(built_book)}: {loaded} bytes, {charts} charts")
    assert heavy == []


def test_no_page_uses_an_icon_the_icon_stylesheet_lacks(built_book):
    """The theme's icon script is gone; every Font Awesome class a page carries is drawn by compute-ledger-icons.css."""
    icons = set(re.findall(r"\.(fa-[a-z0-9-]+)\{", (built_book / "_static" / "compute-ledger-icons.css").read_text()))
    for page_path in (p for p in built_book.rglob("*.html") if "_static" not in p.relative_to(built_book).parts):
        text = page_path.read_text(encoding="utf-8")
        assert "fontawesome" not in text, f"{page_path.name} loads the Font Awesome script"
        used = {name for value in re.findall(r'class="([^"]*)"', text) for name in value.split()
                if name.startswith("fa-") and name not in ("fa-solid", "fa-lg")}
        assert used <= icons, f"{page_path.name}: no icon for {sorted(used - icons)}"


def test_only_the_search_page_loads_the_search_index(built_book):
    for page_path in (p for p in built_book.rglob("*.html") if "_static" not in p.relative_to(built_book).parts):
        loads = "searchindex.js" in page_path.read_text(encoding="utf-8")
        assert loads == (page_path.name == "search.html"), page_path.name
