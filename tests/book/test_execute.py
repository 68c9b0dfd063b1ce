"""Execution is keyed on code, data, seeds and package: a data edit re-executes, a no-op does not."""
from __future__ import annotations

import nbformat
import pandas as pd

from compute_ledger.book import execute


def make_notebook(path, code):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code)]
    nbformat.write(notebook, path)
    return path


def test_rebuild_with_nothing_changed_executes_nothing(tmp_path, data_copy, monkeypatch):
    monkeypatch.setattr(execute, "DATA", data_copy)
    notebook = make_notebook(tmp_path / "n.ipynb", "print(open('data/assumptions.csv').read().count('\\n'))")
    state = tmp_path / "state.json"
    assert execute.execute_changed(notebooks=[notebook], state_file=state) == [notebook]
    assert execute.execute_changed(notebooks=[notebook], state_file=state) == []


def test_editing_a_data_file_re_executes_and_shows_the_new_value(tmp_path, data_copy, monkeypatch):
    monkeypatch.setattr(execute, "DATA", data_copy)
    read_rate = ("import pandas as pd\n"
                 "print(pd.read_csv('data/assumptions.csv').set_index('assumption_id').loc['jpy_per_usd', 'value'])")
    notebook = make_notebook(tmp_path / "n.ipynb", read_rate)
    state = tmp_path / "state.json"
    execute.execute_changed(notebooks=[notebook], state_file=state)
    first = nbformat.read(notebook, as_version=4).cells[0].outputs[0]["text"]
    table = pd.read_csv(data_copy / "assumptions.csv", dtype=str, keep_default_na=False)
    table.loc[table.assumption_id == "jpy_per_usd", "value"] = str(float(first) + 1)
    table.to_csv(data_copy / "assumptions.csv", index=False)
    assert execute.execute_changed(notebooks=[notebook], state_file=state) == [notebook]
    second = nbformat.read(notebook, as_version=4).cells[0].outputs[0]["text"]
    assert float(second) == float(first) + 1


def test_editing_code_re_executes_and_outputs_carry_no_timing(tmp_path):
    notebook = make_notebook(tmp_path / "n.ipynb", "1 + 1")
    state = tmp_path / "state.json"
    execute.execute_changed(notebooks=[notebook], state_file=state)
    stored = nbformat.read(notebook, as_version=4)
    stored.cells[0].source = "2 + 2"
    nbformat.write(stored, notebook)
    assert execute.execute_changed(notebooks=[notebook], state_file=state) == [notebook]
    cell = nbformat.read(notebook, as_version=4).cells[0]
    assert cell.outputs[0]["data"]["text/plain"] == "4"
    assert "execution" not in cell.metadata


def test_a_notebook_whose_outputs_were_cleared_is_executed_again(tmp_path):
    notebook = make_notebook(tmp_path / "n.ipynb", "1 + 1")
    state = tmp_path / "state.json"
    execute.execute_changed(notebooks=[notebook], state_file=state)
    stored = nbformat.read(notebook, as_version=4)
    stored.cells[0].outputs, stored.cells[0].execution_count = [], None
    nbformat.write(stored, notebook)
    assert execute.execute_changed(notebooks=[notebook], state_file=state) == [notebook]
    assert nbformat.read(notebook, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"
