"""`make book` in one process: validate, execute and build, each step skipped when its inputs are unchanged.

Validation is keyed on the data, the seeds and the package; the HTML build on everything Sphinx
reads (configuration, table of contents, notebooks, bibliography, package and pinned requirements).
With nothing changed, a rebuild validates nothing again, executes nothing and builds nothing.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .execute import PACKAGE, execute_changed, hash_paths
from ..paths import BUILD, CHAPTERS, DATA, ROOT, SEEDS

STAMPS = BUILD / "stamps.json"
HTML_INDEX = BUILD / "html" / "index.html"
BOOK_INPUTS = [ROOT / "_config.yml", ROOT / "_toc.yml", ROOT / "index.ipynb", ROOT / "references.bib",
               ROOT / "requirements.txt", CHAPTERS, PACKAGE]


def _stamps() -> dict:
    return json.loads(STAMPS.read_text()) if STAMPS.exists() else {}


def _save(stamps: dict) -> None:
    STAMPS.parent.mkdir(parents=True, exist_ok=True)
    STAMPS.write_text(json.dumps(stamps, indent=1, sort_keys=True))


def validate_if_changed(stamps: dict) -> bool:
    """Validate unless the same data, seeds and package passed before; False when there are problems."""
    key = hash_paths([DATA, SEEDS, PACKAGE])
    if stamps.get("validated") == key:
        print("validation: data, seeds and package unchanged since they last passed")
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
    stamps["validated"] = hash_paths([DATA, SEEDS, PACKAGE])
    print("validation passed")
    return True


def build_if_changed(stamps: dict) -> int:
    key = hash_paths(BOOK_INPUTS)
    if stamps.get("built") == key and HTML_INDEX.exists():
        print("HTML: nothing changed since the last build")
        return 0
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--warningiserror",
               "--nitpick", "--keep-going", "--quiet"]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode == 0:
        stamps["built"] = key
    return result.returncode


def book(jobs: int = 2) -> int:
    stamps = _stamps()
    if not validate_if_changed(stamps):
        return 1
    _save(stamps)
    executed = execute_changed(jobs=jobs)
    print(f"executed {len(executed)} notebook(s): {', '.join(p.name for p in executed) or 'none (all up to date)'}")
    status = build_if_changed(stamps)
    _save(stamps)
    return status
