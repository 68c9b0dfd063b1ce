"""`make book` in one process: validate, execute and build, each step skipped when its inputs are unchanged.

Validation is keyed on the data, the seeds and the evidence layer (all that validation imports);
execution per notebook on what it read (`book.execute`); the HTML build on what Sphinx reads: the
configuration, table of contents, notebooks (their stored outputs), bibliography and pinned
requirements, and the modules of the package the Sphinx extension imports with its static files
(the renderers; found by importing the extension in a side process while Sphinx builds). An edit
to a chapter's module that leaves its notebook's outputs unchanged therefore builds no HTML.
Sphinx keeps its environment in `_build/.doctrees`, so after a partial re-execution it re-reads
only the pages whose .ipynb changed; when the renderers changed, every page is rebuilt. With
nothing changed, a rebuild validates nothing again, executes nothing and builds nothing.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from .execute import ANSI, PACKAGE, execute_changed, hash_paths
from ..paths import BUILD, CHAPTERS, DATA, ROOT, SEEDS

STAMPS = BUILD / "stamps.json"
HTML_INDEX = BUILD / "html" / "index.html"
VALIDATION_INPUTS = [DATA, SEEDS, PACKAGE / "evidence", PACKAGE / "paths.py"]
PAGE_INPUTS = [ROOT / "_config.yml", ROOT / "_toc.yml", ROOT / "index.ipynb", ROOT / "references.bib",
               ROOT / "requirements.txt", CHAPTERS]
STATIC = PACKAGE / "book" / "static"
EXTENSION = "compute_ledger.book.sphinx"
LIST_RENDERERS = (f"import json, sys, {EXTENSION}; print(json.dumps(sorted(m.__file__ for n, m in list(sys.modules.items()) "
                  "if n.split('.')[0] == 'compute_ledger' and getattr(m, '__file__', None))))")
SPHINX_READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.M)


def _stamps() -> dict:
    return json.loads(STAMPS.read_text()) if STAMPS.exists() else {}


def _save(stamps: dict) -> None:
    STAMPS.parent.mkdir(parents=True, exist_ok=True)
    STAMPS.write_text(json.dumps(stamps, indent=1, sort_keys=True))


def validate_if_changed(stamps: dict) -> bool:
    """Validate unless the same data, seeds and package passed before; False when there are problems."""
    key = hash_paths(VALIDATION_INPUTS)
    if stamps.get("validated") == key:
        print("validation: data, seeds and evidence code unchanged since they last passed")
        return True
    from ..evidence.bibliography import write_bibtex
    from ..evidence.validate import validate_project

    problems = validate_project()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"validation failed: {len(problems)} problem(s); fix them before building", file=sys.stderr)
        return False
    write_bibtex()
    stamps["validated"] = key
    print("validation passed")
    return True


def pages_read(sphinx_output: str) -> list[str]:
    """The pages Sphinx read (parsed or re-parsed) in a build, from its status output (coloured or not)."""
    return SPHINX_READING.findall(ANSI.sub("", sphinx_output))


def renderers_key(files: list[str]) -> str:
    return hash_paths([Path(f) for f in files if Path(f).is_file()] + [STATIC])


def build_if_changed(stamps: dict) -> tuple[int, list[str] | None]:
    """Build the HTML when its inputs changed; the exit status and the pages Sphinx re-read (None: no build)."""
    pages = hash_paths(PAGE_INPUTS)
    renderers = renderers_key(stamps["renderer_files"]) if "renderer_files" in stamps else None
    if renderers and stamps.get("built") == [pages, renderers] and HTML_INDEX.exists():
        print("HTML: nothing Sphinx reads changed since the last build")
        return 0, None
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--warningiserror",
               "--nitpick", "--keep-going"]
    if renderers is None or stamps.get("built", [None, None])[1] != renderers:
        command.append("--all")
    start = time.perf_counter()
    listing = subprocess.Popen([sys.executable, "-c", LIST_RENDERERS], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    renderer_files = json.loads(listing.communicate()[0] or "null")
    if result.returncode != 0 or listing.returncode != 0:
        print(result.stdout[-6000:])
        return result.returncode or listing.returncode, []
    read = pages_read(result.stdout)
    print(f"HTML: re-read {len(read)} page(s){': ' + ', '.join(read) if read else ''}"
          f"{' (renderers changed: every page rebuilt)' if '--all' in command else ''} in {time.perf_counter() - start:.1f} s")
    stamps["renderer_files"] = renderer_files
    stamps["built"] = [pages, renderers_key(renderer_files)]
    return 0, read


def book(jobs: int = 2) -> int:
    start = time.perf_counter()
    stamps = _stamps()
    if not validate_if_changed(stamps):
        return 1
    _save(stamps)
    outcome = execute_changed(jobs=jobs)
    if outcome.failures:
        print(outcome.summary(), file=sys.stderr)
        print("HTML not built: it would show the failed notebooks' old outputs", file=sys.stderr)
        return 1
    status, read = build_if_changed(stamps)
    _save(stamps)
    html = "HTML unchanged" if read is None else f"{len(read)} page(s) re-read"
    print(f"book: {outcome.summary()}; {html}; {time.perf_counter() - start:.1f} s in all")
    return status
