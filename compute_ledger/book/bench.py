"""`make bench`: how fast the author's loop and the reader's page are, against the targets and a peer.

Each timed step runs several times; the report gives median, min and max, in
`_build/bench/bench.json` and `_build/bench/bench.md`. Steps that change the working tree (the
edits) restore it and rebuild, so the repository is left as it was found. The peer is stock
Jupyter Book building the same notebooks with its own cache (`execute_notebooks: cache`, which
keys on cell code alone) in a scratch copy, in the same run, so the ratios compare like with like.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .execute import STATE
from ..paths import BUILD, ROOT

BENCH = BUILD / "bench"
TARGETS = {
    "clean_build_s": 60.0, "test_s": 180.0, "pdf_s": 90.0, "page_html_bytes": 300_000, "chart_drawn_s": 1.5,
    "chart_page_bytes": 1_200_000, "text_page_bytes": 600_000, "pdf_bytes": 3_000_000,
}


def _run(command: list[str], cwd: Path = ROOT) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout + result.stderr


def _stats(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


def _executed(output: str) -> int:
    match = re.search(r"executed (\d+) of \d+ notebooks", output)
    return int(match.group(1)) if match else -1


def _pages_read(output: str) -> int:
    match = re.search(r"(\d+) page\(s\) re-read", output)
    return int(match.group(1)) if match else 0


def clean_build(runs: int) -> tuple[dict, dict]:
    """A build from nothing (every notebook executed) and the HTML build alone from stored outputs."""
    full, html_only = [], []
    for _ in range(runs):
        shutil.rmtree(BUILD / "html", ignore_errors=True)
        shutil.rmtree(BUILD / ".doctrees", ignore_errors=True)
        (BUILD / "executed.json").unlink(missing_ok=True)
        (BUILD / "stamps.json").unlink(missing_ok=True)
        full.append(_run(["make", "book"])[0])
        shutil.rmtree(BUILD / "html", ignore_errors=True)
        shutil.rmtree(BUILD / ".doctrees", ignore_errors=True)
        html_only.append(_run(["make", "book"])[0])
    return _stats(full), _stats(html_only)


def noop_rebuild(runs: int) -> dict:
    _run(["make", "book"])
    times, executed = [], []
    for _ in range(runs):
        elapsed, output = _run(["make", "book"])
        times.append(elapsed)
        executed.append(_executed(output))
    return {**_stats(times), "notebooks_executed": max(executed)}


def readers() -> dict[str, list[str]]:
    """Each input recorded by the last execution (relative to the project) -> the notebooks that read it."""
    found: dict[str, list[str]] = {}
    for notebook, record in json.loads(STATE.read_text(encoding="utf-8"))["notebooks"].items():
        for path in record["inputs"]:
            if Path(path).is_relative_to(ROOT):
                found.setdefault(Path(path).relative_to(ROOT).as_posix(), []).append(Path(notebook).name)
    return found


def least_read(folder: str, suffix: str) -> str:
    """The input in a folder read by the fewest notebooks (at least one), so the edit touches one chapter."""
    candidates = {p: n for p, n in readers().items()
                  if p.startswith(folder) and p.endswith(suffix) and not p.endswith("__init__.py")}
    return min(candidates, key=lambda p: (len(candidates[p]), p))


def quoted(text: str) -> str:
    """The same CSV table with every field quoted: new bytes, same values (validation still passes)."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
    return out.getvalue()


def commented(text: str) -> str:
    return text + "# bench: an edit that changes the module's bytes, not what it does\n"


def edit_rebuild(relative: str, edit, runs: int) -> dict:
    """Edit one file, rebuild (timed), restore, rebuild; the notebooks executed and pages re-read."""
    path = ROOT / relative
    original = path.read_text(encoding="utf-8")
    edited = edit(original)
    assert edited != original, "the edit must change the file"
    times, executed, pages = [], [], []
    try:
        for _ in range(runs):
            path.write_text(edited, encoding="utf-8")
            elapsed, output = _run(["make", "book"])
            times.append(elapsed)
            executed.append(_executed(output))
            pages.append(_pages_read(output))
            path.write_text(original, encoding="utf-8")
            _run(["make", "book"])
    finally:
        path.write_text(original, encoding="utf-8")
    _run(["make", "book"])
    return {**_stats(times), "file": relative, "notebooks_executed": max(executed), "pages_read": max(pages)}


def edits(runs: int) -> dict:
    """The edits an author makes most: a table one chapter reads, one chapter's module, the shared parser."""
    return {
        "table": edit_rebuild(least_read("data/", ".csv"), quoted, runs),
        "chapter_module": edit_rebuild(least_read("compute_ledger/analysis/", ".py"), commented, runs),
        "parser": edit_rebuild("compute_ledger/evidence/zh_numbers.py", commented, runs),
    }


def peer_builds(runs: int) -> tuple[dict, dict]:
    """Stock `jupyter-book build` with its cache on a scratch copy of the book: clean, then with nothing changed."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", ".", "--warningiserror", "--nitpick",
               "--keep-going", "--quiet"]
    clean, noop = [], []
    with tempfile.TemporaryDirectory(prefix="ledger-peer-") as scratch:
        copy = Path(scratch) / "book"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("_build", ".venv", ".git", "*.egg-info", "__pycache__"))
        config = copy / "_config.yml"
        text = config.read_text(encoding="utf-8")
        configured = re.sub(r"execute_notebooks:.*", "execute_notebooks: cache", text)
        assert configured != text, "_config.yml must name execute_notebooks"
        config.write_text(configured, encoding="utf-8")
        for _ in range(runs):
            shutil.rmtree(copy / "_build", ignore_errors=True)
            clean.append(_run(command, cwd=copy)[0])
            noop.append(_run(command, cwd=copy)[0])
    return _stats(clean), _stats(noop)


def timed(command: list[str], runs: int) -> dict:
    return _stats([_run(command)[0] for _ in range(runs)])


def loaded_bytes(tab, url: str) -> int:
    """Bytes of everything a page loads on a first visit (its HTML, scripts, styles, fonts, images),
    summed over the responses Chromium receives; data: URLs are inside files already counted."""
    responses = []
    tab.on("response", lambda response: responses.append(response))
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    # Bodies are read after the page has loaded: reading them inside the event handler races navigation.
    return sum(len(response.body()) for response in {r.url: r for r in responses if not r.url.startswith("data:")}.values())


def page_target(charts: int) -> int:
    return TARGETS["chart_page_bytes"] if charts else TARGETS["text_page_bytes"]


def page_metrics(html_root: Path = BUILD / "html") -> list[dict]:
    """Per page: its own HTML bytes, the bytes it loads on a first visit, and time until charts are drawn."""
    from playwright.sync_api import sync_playwright

    from .pdf import CHROMIUM, CHROMIUM_ARGS

    pages = sorted(p for p in html_root.rglob("*.html") if "_static" not in p.relative_to(html_root).parts)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for page_path in pages:
            text = page_path.read_text(encoding="utf-8")
            context = browser.new_context()  # a fresh cache: a first visit
            loaded = loaded_bytes(context.new_page(), page_path.as_uri())
            context.close()
            draws = []
            for _ in range(3):
                tab = browser.new_page()
                tab.goto(page_path.as_uri(), wait_until="domcontentloaded")
                charts = tab.locator(".ledger-chart").count()
                if charts:
                    # performance.now() counts from the start of navigation.
                    tab.wait_for_function("[...document.querySelectorAll('.ledger-chart')].every(c => c.dataset.drawn)",
                                          timeout=30_000)
                    draws.append(tab.evaluate("performance.now()") / 1000)
                tab.close()
            rows.append({"page": page_path.relative_to(html_root).as_posix(), "html_bytes": len(text.encode()),
                         "loaded_bytes": loaded, "charts": charts,
                         "chart_drawn_s": statistics.median(draws) if draws else None})
        browser.close()
    return rows


def pdf_facts(pdf: Path) -> dict:
    """The PDF's size, pages and the kinds of font it embeds (pdffonts), e.g. {"CID TrueType": 9}."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    kinds: dict[str, int] = {}
    for row in listing.splitlines()[2:]:
        kind = re.search(r"\s(Type 1C?|Type 3|TrueType|CID TrueType|CID Type 0C?|Type 1 \(CID\))\s", row)
        label = kind.group(1) if kind else "other"
        kinds[label] = kinds.get(label, 0) + 1
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {"bytes": pdf.stat().st_size, "pages": int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)),
            "font_kinds": kinds}


def report(results: dict) -> str:
    lines = ["# Benchmark", "", "| measure | median | min | max | runs | target | met | stock Jupyter Book (median) | ours / stock |",
             "|---|---|---|---|---|---|---|---|---|"]

    def row(name, stats, target=None, met=None, peer=None):
        cells = [f"{stats['median']:.1f} s", f"{stats['min']:.1f} s", f"{stats['max']:.1f} s", str(stats["runs"])]
        versus = f" | {peer['median']:.1f} s | {stats['median'] / peer['median']:.2f}" if peer else " | | "
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {target or ''} | {'' if met is None else ('yes' if met else 'NO')}"
                     + versus + " |")

    clean, html_only, noop = (results[k] for k in ("clean_build", "html_build", "noop_rebuild"))
    row("clean build (execute every notebook + HTML)", clean, "< 60 s", clean["median"] < TARGETS["clean_build_s"],
        results["peer_clean"])
    row("HTML build from stored outputs", html_only)
    row(f"no-op rebuild ({noop['notebooks_executed']} notebooks executed)", noop, "0 executed, < clean / 10",
        noop["notebooks_executed"] == 0 and noop["median"] < clean["median"] / 10, results["peer_noop"])
    described = {"table": "a table", "chapter_module": "a chapter's analysis module", "parser": "the parser"}
    for key, edit in results["edits"].items():
        name = (f"rebuild after editing {described[key]}, `{edit['file']}` ({edit['notebooks_executed']} executed, "
                f"{edit['pages_read']} pages re-read)")
        if key == "table":
            row(name, edit, "< clean / 4", edit["median"] < clean["median"] / 4)
        else:
            row(name, edit)
    row("nbval on every notebook", results["nbval"])
    row("make test", results["test"], "< 180 s", results["test"]["median"] < TARGETS["test_s"])
    row("make pdf", results["pdf"], "< 90 s", results["pdf"]["median"] < TARGETS["pdf_s"])
    lines += ["", "| page | own HTML | loaded on a first visit | target | charts | all charts drawn | met |",
              "|---|---|---|---|---|---|---|"]
    for page in results["pages"]:
        drawn = "" if page["chart_drawn_s"] is None else f"{page['chart_drawn_s']:.2f} s"
        target = page_target(page["charts"])
        met = (page["html_bytes"] < TARGETS["page_html_bytes"] and (page["chart_drawn_s"] or 0) < TARGETS["chart_drawn_s"]
               and page["loaded_bytes"] < target)
        lines.append(f"| {page['page']} | {page['html_bytes'] / 1000:.0f} KB | {page['loaded_bytes'] / 1000:.0f} KB | "
                     f"< {target / 1000:.0f} KB | {page['charts']} | {drawn} | {'yes' if met else 'NO'} |")
    facts = results["pdf_facts"]
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(facts["font_kinds"].items()))
    lines += ["", "| PDF | size | pages | fonts | met |", "|---|---|---|---|---|",
              f"| compute-ledger.pdf | {facts['bytes'] / 1e6:.2f} MB (< 3 MB) | {facts['pages']} | {kinds} | "
              f"{'yes' if facts['bytes'] < TARGETS['pdf_bytes'] and 'Type 3' not in facts['font_kinds'] else 'NO'} |"]
    lines += ["", "Targets: page HTML < 300 KB; everything a page loads on a first visit (HTML, scripts, styles, "
              "fonts; measured in Chromium) < 1.2 MB on a page with charts and < 600 KB on a text-only page; every "
              "chart drawn < 1.5 s after navigation (headless Chromium, page opened from disk); the PDF under 3 MB "
              "with no Type 3 font."]
    lines += ["", "Stock Jupyter Book: `jupyter-book build` with `execute_notebooks: cache` on a scratch copy of the "
              "same notebooks, same flags, in the same run. The table edit quotes every field (same values, new "
              "bytes); module edits add a comment."]
    return "\n".join(lines) + "\n"


def run(runs: int = 3) -> dict:
    BENCH.mkdir(parents=True, exist_ok=True)
    results = {}
    results["clean_build"], results["html_build"] = clean_build(runs)
    results["noop_rebuild"] = noop_rebuild(runs)
    results["edits"] = edits(max(1, runs - 1))
    results["peer_clean"], results["peer_noop"] = peer_builds(max(1, runs - 1))
    results["nbval"] = timed([str(ROOT / ".venv/bin/python"), "-m", "pytest", "-q", "-n", "2", "--dist", "loadfile", "--nbval",
                              "--nbval-current-env", "index.ipynb", "chapters"], runs)
    results["test"] = timed(["make", "test"], 1)
    results["pdf"] = timed(["make", "pdf"], max(1, runs - 1))
    results["pages"] = page_metrics()
    from .pdf import PDF_PATH

    results["pdf_facts"] = pdf_facts(PDF_PATH)
    (BENCH / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    (BENCH / "bench.md").write_text(report(results), encoding="utf-8")
    return results
