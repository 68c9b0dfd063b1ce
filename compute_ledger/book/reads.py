"""What a notebook's kernel reads, recorded while it runs (the executor installs this in the kernel).

An audit hook sees every `open` and every folder listing, wherever it is called: in a loader of
the evidence layer, in a chapter module, in a third-party reader such as pandas, or in a cell.
Only paths under the watched folders are kept (the project and the notebook's folder, without
the virtual environment, build output and caches). Opens and listings made by Python's import
system are left out: imported modules are reported from `sys.modules` at the end instead, since
an import served from a cached .pyc never opens the module's source. Standard library only, so
installing the recorder imports nothing that a notebook might otherwise not.
"""
from __future__ import annotations

import json
import os
import sys

IGNORED_PARTS = frozenset({".venv", "_build", ".git", "__pycache__", ".ipynb_checkpoints"})

_opened: set[str] = set()
_listed: set[str] = set()
_roots: tuple[str, ...] = ()


def _watched(path: object) -> str | None:
    """The absolute path when it lies under a watched folder and outside ignored ones, else None."""
    if isinstance(path, int):
        return None                                  # an already open descriptor: its open was seen
    absolute = os.path.abspath(os.fsdecode(path if path is not None else "."))
    for root in _roots:
        if (absolute + os.sep).startswith(root):
            return None if IGNORED_PARTS.intersection(absolute[len(root):].split(os.sep)) else absolute
    return None


def _from_import_system() -> bool:
    # Frame 0 is this function, 1 the hook, 2 the Python code that called open() or listdir().
    return sys._getframe(2).f_code.co_filename.startswith("<frozen importlib")


def _on_import_path(path: str) -> bool:
    """Whether a path is an entry of sys.path: finders and importlib.metadata list those folders and
    probe them as zip files; the notebook does not read them."""
    return path in {os.path.abspath(entry or ".") for entry in sys.path if isinstance(entry, str)}


def _hook(event: str, args: tuple) -> None:
    if event == "open":
        path, mode, flags = args
        writing = any(c in mode for c in "wax") if isinstance(mode, str) else bool(flags & os.O_WRONLY)
        if not writing and (found := _watched(path)) and not _from_import_system() and not _on_import_path(found):
            _opened.add(found)
    elif event in ("os.listdir", "os.scandir"):
        if (found := _watched(args[0])) and not _from_import_system() and not _on_import_path(found):
            _listed.add(found)


def install(roots: list[str]) -> None:
    """Start recording reads under `roots` (absolute folders). Audit hooks cannot be removed: one kernel, one notebook."""
    global _roots
    _roots = tuple(os.path.join(os.path.abspath(r), "") for r in roots)
    sys.addaudithook(_hook)


def write_report(path: str) -> None:
    """Write, as JSON, the files opened for reading, folders listed and module files imported under the watched folders."""
    files = [getattr(module, "__file__", None) for name, module in list(sys.modules.items()) if name != __name__]
    modules = {found for file in files if file and os.path.isabs(file) and (found := _watched(file))}
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"opened": sorted(_opened), "listed": sorted(_listed), "modules": sorted(modules)}, out)
