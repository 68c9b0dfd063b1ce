"""The package's layers import one way only: book → charts → analysis → evidence (and `paths` is shared)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from compute_ledger.paths import ROOT

PACKAGE = ROOT / "compute_ledger"
LAYERS = ["evidence", "analysis", "charts", "book"]
SHARED = {"paths"}
TOP_LEVEL_LIMIT = 5


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module) for every import of the package in `source`, relative ones resolved."""
    found = []
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if node.module is None or target == "compute_ledger":
                found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, target))
    return [(line, name) for line, name in found if name.split(".")[0] == "compute_ledger"]


def rank(module: str) -> int | None:
    """A module's layer as a number (evidence lowest); None for shared or top-level modules."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in SHARED:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else len(LAYERS)


def back_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """Each import in `source` of a layer above `module`'s own (or, from a shared module, of any layer)."""
    own = rank(module)
    problems = []
    for line, target in imported_modules(source, module, is_package):
        theirs = rank(target)
        if theirs is None:
            continue
        if own is None and module.split(".")[-1] in SHARED or own is not None and theirs > own:
            problems.append(f"{module}, line {line}: imports {target}, a layer above it")
    return problems


def package_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_imports_a_layer_above_its_own():
    problems = []
    for path in package_modules():
        problems += back_imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")
    assert problems == []


@pytest.mark.parametrize(("module", "source"), [
    ("compute_ledger.evidence.tables", "from ..analysis.labs import LEVELS\n"),
    ("compute_ledger.evidence.fmt", "import compute_ledger.charts.theme\n"),
    ("compute_ledger.analysis.labs", "from ..book.glue import glue_text\n"),
    ("compute_ledger.charts.labs", "from ..book import sphinx\n"),
    ("compute_ledger.analysis.risks", "def f():\n    from compute_ledger.charts.display import Quote\n"),
    ("compute_ledger.paths", "from .evidence.fmt import significant\n"),
])
def test_a_back_import_is_caught(module, source):
    assert len(back_imports(source, module)) == 1


@pytest.mark.parametrize(("module", "source"), [
    ("compute_ledger.book.glue", "from ..evidence.tables import figure_text\n"),
    ("compute_ledger.charts.labs", "from ..analysis.labs import LEVELS\nfrom .theme import INK\n"),
    ("compute_ledger.analysis.summary", "from . import labs, risks\nfrom ..paths import DATA\n"),
])
def test_a_downward_import_is_allowed(module, source):
    assert back_imports(source, module) == []


def test_every_module_sits_in_a_layer_folder_with_a_docstring():
    top_level = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top_level) <= TOP_LEVEL_LIMIT, top_level
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(LAYERS)
    for layer in LAYERS:
        docstring = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")))
        assert docstring and "Imports:" in docstring, layer


def test_tests_mirror_the_layers():
    for layer in LAYERS:
        assert list((ROOT / "tests" / layer).glob("test_*.py")), layer
