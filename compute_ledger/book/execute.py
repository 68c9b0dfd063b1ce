"""Execute the chapter notebooks whose inputs changed, storing their outputs in the .ipynb.

A notebook's key hashes its own code cells together with everything any notebook reads: the
package, `data/` and `seeds/`. jupyter-cache keys on cell code alone and would keep stale numbers
after a CSV edit; this key does not, and a rebuild with nothing changed executes nothing.
"""
from __future__ import annotations

import hashlib
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from ..paths import BUILD, CHAPTERS, DATA, ROOT, SEEDS

STATE = BUILD / "executed.json"
PACKAGE = ROOT / "compute_ledger"
TIMEOUT_SECONDS = 600


def hash_paths(paths: list[Path]) -> str:
    """One hash of the names and contents of files and of every file under folders (caches excluded)."""
    digest = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(f"{root.name}/{path.relative_to(root).as_posix() if root.is_dir() else ''}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def shared_inputs_key() -> str:
    """Hash of what every notebook may read: package code, data tables and seeds."""
    return hash_paths([PACKAGE, DATA, SEEDS])


def notebook_key(path: Path, shared_key: str) -> str:
    notebook = nbformat.read(path, as_version=4)
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    return hashlib.sha256(json.dumps([shared_key, code]).encode()).hexdigest()


def execute_notebook(path: Path) -> Path:
    """Run a notebook top to bottom in its own folder and store its outputs, without volatile metadata."""
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}, record_timing=False)
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    return path


def has_stored_outputs(path: Path) -> bool:
    """Whether every code cell has been executed and stored (cleared outputs need a new run)."""
    notebook = nbformat.read(path, as_version=4)
    return all(cell.execution_count is not None for cell in notebook.cells
               if cell.cell_type == "code" and cell.source.strip())


def chapter_notebooks() -> list[Path]:
    """Every notebook of the book: the landing page and the chapters."""
    return [ROOT / "index.ipynb"] + sorted(CHAPTERS.glob("*.ipynb"))


def execute_changed(jobs: int = 2, notebooks: list[Path] | None = None, state_file: Path = STATE) -> list[Path]:
    """Execute the notebooks whose key changed since their last execution; returns those executed."""
    notebooks = notebooks if notebooks is not None else chapter_notebooks()
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    shared_key = shared_inputs_key()
    keys = {p.as_posix(): notebook_key(p, shared_key) for p in notebooks}
    stale = [p for p in notebooks if state.get(p.as_posix()) != keys[p.as_posix()] or not has_stored_outputs(p)]
    if stale:
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(stale)))) as pool:
            for done in pool.map(execute_notebook, stale):
                state[done.as_posix()] = keys[done.as_posix()]
                state_file.parent.mkdir(parents=True, exist_ok=True)
                state_file.write_text(json.dumps(state, indent=1, sort_keys=True))
    return stale
