"""The chapters' own prose: any Chinese it shows is the seeds' words, never the book's rendering back into Chinese."""
from __future__ import annotations

import re

import nbformat
import pytest

from compute_ledger.book.execute import chapter_notebooks
from compute_ledger.evidence.seeds import load_seed
from compute_ledger.evidence.tables import load, to_simplified
from compute_ledger.paths import ROOT

CHINESE_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e…·]*")
EDGE_PUNCTUATION = "「」『』（）()，。、："


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", to_simplified(text))


@pytest.fixture(scope="module")
def seeds_text() -> str:
    return _compact(" ".join(load_seed(f).text for f in load("sources")["file"]))


def chinese_in_prose(notebook) -> list[str]:
    return [m.group(0).strip(EDGE_PUNCTUATION) for cell in notebook.cells if cell.cell_type == "markdown"
            for m in CHINESE_RUN.finditer(cell.source) if m.group(0).strip(EDGE_PUNCTUATION)]


def test_chinese_in_the_prose_occurs_in_a_seed(seeds_text):
    shown = {}
    for path in chapter_notebooks():
        for run in chinese_in_prose(nbformat.read(path, as_version=4)):
            shown.setdefault(run, path.relative_to(ROOT).as_posix())
    assert len(shown) > 10  # the chapters do quote the seeds' terms (新型雲服務商, 三十年的一夜成功, …)
    missing = {run: where for run, where in shown.items() if _compact(run) not in seeds_text}
    assert not missing, f"Chinese in the prose that no seed has (in either script): {missing}"


def test_a_rendering_back_into_chinese_is_caught(seeds_text):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Baker calls it 最快貶值的東西 (made up).")])
    assert [run for run in chinese_in_prose(notebook) if _compact(run) not in seeds_text] == ["最快貶值的東西"]
