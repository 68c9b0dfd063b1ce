"""Execute the notebooks whose inputs changed, storing their outputs in the .ipynb.

While a notebook runs, its kernel records what it reads (`book.reads`): every file it opens under
the project or its own folder (data tables, seeds, anything), every folder it lists, and the
modules of the project it imported, transitively, with their files. `_build/executed.json` keeps,
per notebook, the hash of its code, of the environment and of each of those inputs. A notebook
runs again when its code changed, when a file it read or a module it imported changed, when a
folder it read from gained or lost a file (it might read the new one), when the environment
changed (pinned requirements, this executor and its recorder), when its outputs were cleared, or
when its record is missing, unreadable or was taken while an input was being edited.

jupyter-cache keys on cell code alone and keeps stale numbers after a data edit; hashing all
inputs into every key re-executes every notebook for any edit. This does neither.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import reads
from ..paths import BUILD, CHAPTERS, ROOT

STATE = BUILD / "executed.json"
STATE_FORMAT = 2
PACKAGE = ROOT / "compute_ledger"
TIMEOUT_SECONDS = 600
KERNEL = "python3"
# What the kernel's behaviour rests on beyond the notebook's own reads: third-party packages
# (pinned), and how notebooks are executed and their reads recorded.
ENVIRONMENT = [ROOT / "requirements.txt", ROOT / "pyproject.toml", Path(__file__), Path(reads.__file__)]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
RAISED_AT = re.compile(r"^File (\S+?):(\d+)", re.M)


def hash_paths(paths: list[Path]) -> str:
    """One hash of the names and contents of files and of every file under folders (caches excluded)."""
    digest = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(f"{root.name}/{path.relative_to(root).as_posix() if root.is_dir() else ''}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def environment_key() -> str:
    return hashlib.sha256(json.dumps([hash_paths([p for p in ENVIRONMENT if p.exists()]), sys.version, KERNEL]).encode()).hexdigest()


def code_key(notebook: nbformat.NotebookNode) -> str:
    return hashlib.sha256(json.dumps([c.source for c in notebook.cells if c.cell_type == "code"]).encode()).hexdigest()


def has_stored_outputs(notebook: nbformat.NotebookNode) -> bool:
    """Whether every code cell has been executed and stored (cleared outputs need a new run)."""
    return all(cell.execution_count is not None for cell in notebook.cells
               if cell.cell_type == "code" and cell.source.strip())


def chapter_notebooks() -> list[Path]:
    """Every notebook of the book: the landing page and the chapters."""
    return [ROOT / "index.ipynb"] + sorted(CHAPTERS.glob("*.ipynb"))


def shown(path: str | Path) -> str:
    """A path as the console shows it: relative to the project when inside it."""
    path = Path(path)
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()


def visible_names(folder: Path) -> list[str]:
    """A folder's entries, without hidden files, editor backups and caches (they are never read)."""
    return sorted(p.name for p in folder.iterdir()
                  if not p.name.startswith(".") and not p.name.endswith("~") and p.name not in reads.IGNORED_PARTS)


class Digests:
    """SHA-256 of files and of folder listings, each computed once per run; None for what is missing."""

    def __init__(self):
        self._files: dict[str, str | None] = {}
        self._folders: dict[str, str | None] = {}

    def file(self, path: str) -> str | None:
        if path not in self._files:
            self._files[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest() if Path(path).is_file() else None
        return self._files[path]

    def folder(self, path: str) -> str | None:
        if path not in self._folders:
            names = visible_names(Path(path)) if Path(path).is_dir() else None
            self._folders[path] = None if names is None else hashlib.sha256("\n".join(names).encode()).hexdigest()
        return self._folders[path]


def record_of(found: dict, started_ns: int, digests: Digests) -> dict | None:
    """The digests of what a run read; None when an input was modified while it ran (outputs may predate it)."""
    files = sorted(set(found["opened"]) | set(found["modules"]))
    if any(Path(f).is_file() and Path(f).stat().st_mtime_ns > started_ns for f in files):
        return None
    module_files = set(found["modules"])
    # A folder a data file came from may gain a file the notebook would read too (a new table, a new seed).
    folders = set(found["listed"]) | {str(Path(f).parent) for f in found["opened"] if f not in module_files}
    return {"inputs": {f: digests.file(f) for f in files}, "folders": {d: digests.folder(d) for d in sorted(folders)}}


def listed(paths: list[str]) -> str:
    names = [shown(p) for p in paths]
    return ", ".join(names) if len(names) <= 3 else f"{', '.join(names[:3])} and {len(names) - 3} more"


def why_stale(notebook: nbformat.NotebookNode, entry: object, environment: str, digests: Digests) -> str | None:
    """Why a notebook must run again, in words for the console; None when its stored outputs are current."""
    if entry is None:
        return "no record of a previous run"
    if not (isinstance(entry, dict) and isinstance(entry.get("inputs"), dict) and isinstance(entry.get("folders"), dict)):
        return "its record is unreadable"
    if entry.get("code") != code_key(notebook):
        return "its code changed"
    if entry.get("environment") != environment:
        return "the environment changed (requirements, or how notebooks are executed)"
    if not has_stored_outputs(notebook):
        return "its stored outputs were cleared"
    changed = [f for f, digest in entry["inputs"].items() if digests.file(f) != digest]
    if changed:
        return f"{listed(changed)} changed"
    regrown = [d for d, digest in entry["folders"].items() if digests.folder(d) != digest]
    if regrown:
        return f"files were added to or removed from {listed(regrown)}"
    return None


def read_state(state_file: Path) -> tuple[dict, str | None]:
    """The stored records by notebook, and why none can be used when the file is unreadable."""
    if not state_file.exists():
        return {}, None
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}, f"{shown(state_file)} is unreadable"
    if not (isinstance(state, dict) and state.get("format") == STATE_FORMAT and isinstance(state.get("notebooks"), dict)):
        return {}, f"{shown(state_file)} was written by another version"
    return state["notebooks"], None


def write_state(state_file: Path, records: dict) -> None:
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps({"format": STATE_FORMAT, "notebooks": records}, indent=1, sort_keys=True),
                          encoding="utf-8")


@dataclass
class Run:
    """One notebook's execution, as a worker reports it back."""
    path: Path
    seconds: float
    code: str = ""
    found: dict | None = None
    started_ns: int = 0
    error: str | None = None


def failure_message(path: Path, notebook: nbformat.NotebookNode, error: Exception) -> str:
    """The notebook, the cell and the exception, in a line or two instead of nbclient's page."""
    from nbclient.exceptions import CellExecutionError

    if not isinstance(error, CellExecutionError):
        return f"{shown(path)}: {type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}"
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells, 1):
        failed = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        if failed:
            first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
            frames = RAISED_AT.findall(ANSI.sub("", "\n".join(failed[0].traceback)))
            where = f"\n    raised at {shown(Path(frames[-1][0]).expanduser())}:{frames[-1][1]}" if frames else ""
            return (f"{shown(path)}, code cell {number} of {len(code_cells)} ({first_line.strip()[:70]}):\n"
                    f"    {error.ename}: {error.evalue}{where}")
    return f"{shown(path)}: {error.ename}: {error.evalue}"


def execute_recording(notebook: nbformat.NotebookNode, folder: Path) -> dict:
    """Run every cell in a fresh kernel started in `folder`; return what the kernel read (see `book.reads`)."""
    from nbclient import NotebookClient
    from traitlets.config import Config

    code_cells = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    found = {"opened": [], "listed": [], "modules": []}
    with tempfile.TemporaryDirectory(prefix="ledger-kernel-") as scratch:
        report = Path(scratch) / "reads.json"
        # IPC sockets in a private folder: no TCP ports, so ipykernel has no reason to warn that
        # its TCP traffic is unencrypted.
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(scratch) / "kernel")}})
        client = NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name=KERNEL, config=config,
                                resources={"metadata": {"path": str(folder)}}, record_timing=False)

        async def run_silently(code: str) -> None:
            # silent: no output and the execution count is untouched, so the stored notebook is as if unobserved.
            request = client.kc.execute(code, silent=True, store_history=False)
            reply = await client.async_wait_for_reply(request)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"recording reads failed: {reply['content']['ename']}: {reply['content']['evalue']}")
            # Wait until the kernel is idle again: shutting down interrupts the kernel, and an
            # interrupt landing in a request still being finished is logged as an error.
            while True:
                message = await client.kc.get_iopub_msg(timeout=client.iopub_timeout)
                if (message["parent_header"].get("msg_id") == request and message["msg_type"] == "status"
                        and message["content"]["execution_state"] == "idle"):
                    return

        async def start_recording(notebook):
            await run_silently(f"__import__({reads.__name__!r}, fromlist=['install']).install({[str(ROOT), str(folder)]!r})")

        async def collect_reads(cell, cell_index, execute_reply):
            if cell_index == code_cells[-1]:
                await run_silently(f"__import__({reads.__name__!r}, fromlist=['write_report']).write_report({str(report)!r})")

        client.on_notebook_start = start_recording
        client.on_cell_executed = collect_reads
        client.execute()
        if code_cells:
            found = json.loads(report.read_text(encoding="utf-8"))
    return found


def run_notebook(path: Path, ordinal: str, reason: str) -> Run:
    """Execute one notebook (in a worker process) and store its outputs; a failure comes back as a message."""
    print(f"  {ordinal} running {shown(path)}: {reason}", flush=True)
    start, started_ns = time.perf_counter(), time.time_ns()
    notebook = nbformat.read(path, as_version=4)
    code = code_key(notebook)
    try:
        found = execute_recording(notebook, path.parent)
    except Exception as error:  # any failure of the run is reported by name, never as nbclient's traceback
        return Run(path, time.perf_counter() - start, error=failure_message(path, notebook, error))
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    text = nbformat.writes(notebook)
    text += "" if text.endswith("\n") else "\n"
    # Unchanged outputs leave the file (and its mtime) alone, so Sphinx has no page to re-read.
    if path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return Run(path, time.perf_counter() - start, code=code, found=found, started_ns=started_ns)


@dataclass
class Outcome:
    """What one call of `execute_changed` did."""
    considered: int
    executed: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        names = ", ".join(p.name for p in self.executed)
        line = (f"executed {len(self.executed)} of {self.considered} notebooks in {self.seconds:.1f} s"
                + (f": {names}" if names else "" if self.failures else " (all up to date)"))
        return line + (f"; {len(self.failures)} failed" if self.failures else "")


def execute_changed(jobs: int = 2, notebooks: list[Path] | None = None, state_file: Path = STATE) -> Outcome:
    """Execute the notebooks whose code or inputs changed since their last run, printing progress."""
    start = time.perf_counter()
    notebooks = notebooks if notebooks is not None else chapter_notebooks()
    records, unreadable = read_state(state_file)
    environment, digests = environment_key(), Digests()
    stale = {}
    for path in notebooks:
        reason = unreadable or why_stale(nbformat.read(path, as_version=4), records.get(path.as_posix()), environment, digests)
        if reason:
            stale[path] = reason
    outcome = Outcome(considered=len(notebooks))
    if not stale:
        outcome.seconds = time.perf_counter() - start
        print(f"execute: all {len(notebooks)} notebooks up to date", flush=True)
        return outcome
    print(f"execute: {len(stale)} of {len(notebooks)} notebooks to run, {min(jobs, len(stale))} at a time", flush=True)
    rerun: list[Path] = []

    def finish(run: Run, left: str, again: bool) -> None:
        if run.error:
            outcome.failures.append(run.error)
            print(f"  FAILED {run.error}\n    ({run.seconds:.1f} s; {left})", flush=True)
            return
        if run.path not in outcome.executed:
            outcome.executed.append(run.path)
        record = record_of(run.found, run.started_ns, Digests())
        note = "" if record else ("; an input changed while it ran, so it runs again once the others are done" if again
                                  else "; an input changed while it ran, so it will run again next time")
        print(f"  done {shown(run.path)} in {run.seconds:.1f} s ({left}){note}", flush=True)
        if record is None:
            records.pop(run.path.as_posix(), None)
            if again:
                rerun.append(run.path)
        else:
            records[run.path.as_posix()] = {"code": run.code, "environment": environment, **record}
        write_state(state_file, records)

    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(stale)))) as pool:
        pending = [pool.submit(run_notebook, path, f"[{n}/{len(stale)}]", reason)
                   for n, (path, reason) in enumerate(stale.items(), 1)]
        for done, future in enumerate(as_completed(pending), 1):
            finish(future.result(), f"{len(stale) - done} left" if done < len(stale) else "last one", again=True)
    # A notebook that reads another (the coverage audit reads every chapter) sees it rewritten mid-run when
    # both run at once; run it once more, alone, so its record holds what it read and the next build skips it.
    for n, path in enumerate(rerun, 1):
        finish(run_notebook(path, f"[again {n}/{len(rerun)}]", "an input changed while it ran"),
               f"{len(rerun) - n} left" if n < len(rerun) else "last one", again=False)
    outcome.seconds = time.perf_counter() - start
    return outcome
