"""Execution re-runs a notebook exactly when something it read changed, and never leaves a stale number.

Scratch notebooks in a temporary folder read scratch inputs there (the executor watches the
project and each notebook's own folder); each test edits one kind of input and checks which
notebooks ran again and why.
"""
from __future__ import annotations

import json
import os
import time

import nbformat
import pytest

from compute_ledger.book import execute
from compute_ledger.paths import ROOT


def make_notebook(path, *cells):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(code) for code in cells]
    nbformat.write(notebook, path)
    return path


def outputs(path):
    return [output.get("text", output.get("data", {}).get("text/plain"))
            for cell in nbformat.read(path, as_version=4).cells for output in cell.outputs]


def run(notebooks, state):
    return execute.execute_changed(notebooks=notebooks, state_file=state)


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


@pytest.fixture
def scratch(tmp_path, data_copy, seeds_copy):
    """A folder with the evidence tables and seeds, two scratch modules (one importing the other) and a file."""
    (tmp_path / "helper_leaf.py").write_text("RATE = 2\n")
    (tmp_path / "helper_top.py").write_text("from helper_leaf import RATE\n\ndef doubled(x):\n    return x * RATE\n")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("alpha\n")
    return tmp_path


READERS = {
    # kind of input: (code that reads it, code that reads something else, the edit)
    "data table, through the loader": (
        "from pathlib import Path\nfrom compute_ledger.evidence.tables import load\n"
        "print(len(load('glossary', Path('data').resolve())))",
        "from pathlib import Path\nfrom compute_ledger.evidence.tables import load\n"
        "print(len(load('sources', Path('data').resolve())))",
        lambda root: append(root / "data" / "glossary.csv", "\n")),
    "seed, through the loader": (
        "from pathlib import Path\nfrom compute_ledger.evidence.seeds import load_seed\n"
        "print(len(load_seed('000_9a438a1454e2eccd.txt', Path('seeds').resolve()).text))",
        "from pathlib import Path\nfrom compute_ledger.evidence.seeds import load_seed\n"
        "print(len(load_seed('001_a8f5c4d0d0a88de3.txt', Path('seeds').resolve()).text))",
        lambda root: append(root / "seeds" / "000_9a438a1454e2eccd.txt", "\n")),
    "module imported transitively": (
        "import helper_top\nprint(helper_top.doubled(21))",
        "print(open('notes/a.txt').read())",
        lambda root: append(root / "helper_leaf.py", "# a comment changes the module's hash\n")),
    "file opened by a cell": (
        "print(open('notes/a.txt').read())",
        "import helper_top\nprint(helper_top.doubled(21))",
        lambda root: (root / "notes" / "a.txt").write_text("beta\n")),
}


@pytest.mark.parametrize("kind", READERS)
def test_an_edit_re_executes_exactly_the_notebooks_that_read_it(scratch, kind, capfd):
    reads_it, reads_other, edit = READERS[kind]
    reader = make_notebook(scratch / "reader.ipynb", reads_it)
    other = make_notebook(scratch / "other.ipynb", reads_other)
    state = scratch / "state.json"
    assert run([reader, other], state).executed and not run([reader, other], state).executed
    capfd.readouterr()
    edit(scratch)
    assert run([reader, other], state).executed == [reader]
    assert "changed" in capfd.readouterr().out


def test_every_notebook_using_the_loaders_records_them_and_re_runs_when_they_change(scratch, capfd):
    notebook = make_notebook(scratch / "n.ipynb", "from pathlib import Path\nfrom compute_ledger.evidence.tables import load\n"
                             "print(len(load('glossary', Path('data').resolve())))")
    state = scratch / "state.json"
    run([notebook], state)
    stored = json.loads(state.read_text())
    inputs = stored["notebooks"][notebook.as_posix()]["inputs"]
    loaders = [(ROOT / "compute_ledger" / "evidence" / name).as_posix() for name in ("tables.py", "seeds.py")]
    assert set(loaders) <= set(inputs)
    assert (scratch / "data" / "glossary.csv").as_posix() in inputs
    assert (scratch / "data" / "sources.csv").as_posix() not in inputs      # recorded reads, not a whole folder
    inputs[loaders[0]] = "the digest of an older tables.py"
    state.write_text(json.dumps(stored))
    capfd.readouterr()
    assert run([notebook], state).executed == [notebook]
    assert "compute_ledger/evidence/tables.py changed" in capfd.readouterr().out


def test_a_new_file_in_a_folder_the_notebook_read_from_re_executes_it(scratch, capfd):
    reader = make_notebook(scratch / "reader.ipynb", "print(open('notes/a.txt').read())")
    other = make_notebook(scratch / "other.ipynb", "1 + 1")
    state = scratch / "state.json"
    run([reader, other], state)
    capfd.readouterr()
    (scratch / "notes" / "b.txt").write_text("it might read this one too\n")
    assert run([reader, other], state).executed == [reader]
    assert "added to or removed from" in capfd.readouterr().out


def test_a_missing_or_corrupt_record_falls_back_to_executing_and_same_outputs_leave_the_file_alone(scratch, capfd):
    notebook = make_notebook(scratch / "n.ipynb", "1 + 1")
    state = scratch / "state.json"
    run([notebook], state)
    written = notebook.stat().st_mtime_ns
    state.write_text("{ not json")
    assert run([notebook], state).executed == [notebook]
    assert "unreadable" in capfd.readouterr().out
    stored = json.loads(state.read_text())
    stored["notebooks"][notebook.as_posix()] = {"code": "?"}
    state.write_text(json.dumps(stored))
    assert run([notebook], state).executed == [notebook]
    assert notebook.stat().st_mtime_ns == written          # identical outputs: Sphinx has nothing to re-read


def test_the_notebook_never_shows_a_stale_number(scratch):
    notebook = make_notebook(scratch / "n.ipynb", "import pandas as pd\n"
                             "print(pd.read_csv('data/assumptions.csv').set_index('assumption_id').loc['jpy_per_usd', 'value'])")
    state = scratch / "state.json"
    table = scratch / "data" / "assumptions.csv"
    original = table.read_text(encoding="utf-8")
    run([notebook], state)
    first = float(outputs(notebook)[0])
    rows = original.splitlines(keepends=True)
    line = next(i for i, row in enumerate(rows) if row.startswith("jpy_per_usd,"))
    rows[line] = rows[line].replace(f",{first:g},", f",{first + 1:g},", 1)
    assert rows[line] != original.splitlines(keepends=True)[line], "the edit must change the value"
    table.write_text("".join(rows), encoding="utf-8")
    assert run([notebook], state).executed == [notebook]
    assert float(outputs(notebook)[0]) == first + 1
    table.write_text(original, encoding="utf-8")
    assert run([notebook], state).executed == [notebook]
    assert float(outputs(notebook)[0]) == first


def test_rebuild_with_nothing_changed_executes_nothing_and_the_kernel_does_not_warn(tmp_path, capfd):
    notebook = make_notebook(tmp_path / "n.ipynb", "1 + 1")
    state = tmp_path / "state.json"
    assert run([notebook], state).executed == [notebook]
    assert run([notebook], state).executed == []
    console = capfd.readouterr()
    assert "without encryption" not in console.out + console.err
    assert "running n.ipynb: no record of a previous run" in console.out.replace(tmp_path.as_posix() + "/", "")
    assert "all 1 notebooks up to date" in console.out


def test_editing_code_re_executes_and_outputs_carry_no_timing(tmp_path):
    notebook = make_notebook(tmp_path / "n.ipynb", "1 + 1")
    state = tmp_path / "state.json"
    run([notebook], state)
    stored = nbformat.read(notebook, as_version=4)
    stored.cells[0].source = "2 + 2"
    nbformat.write(stored, notebook)
    assert run([notebook], state).executed == [notebook]
    cell = nbformat.read(notebook, as_version=4).cells[0]
    assert cell.outputs[0]["data"]["text/plain"] == "4"
    assert "execution" not in cell.metadata


def test_a_notebook_whose_outputs_were_cleared_is_executed_again(tmp_path):
    notebook = make_notebook(tmp_path / "n.ipynb", "1 + 1")
    state = tmp_path / "state.json"
    run([notebook], state)
    stored = nbformat.read(notebook, as_version=4)
    stored.cells[0].outputs, stored.cells[0].execution_count = [], None
    nbformat.write(stored, notebook)
    assert run([notebook], state).executed == [notebook]
    assert nbformat.read(notebook, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_a_failing_cell_is_named_with_its_exception_and_nothing_is_recorded(tmp_path, capfd):
    notebook = make_notebook(tmp_path / "broken.ipynb", "x = 1", "def ratio(a):\n    return a / 0\n\nratio(x)")
    before = notebook.read_text()
    state = tmp_path / "state.json"
    outcome = run([notebook], state)
    assert outcome.executed == [] and len(outcome.failures) == 1
    assert outcome.summary().endswith("; 1 failed") and "up to date" not in outcome.summary()
    message = outcome.failures[0]
    assert "broken.ipynb, code cell 2 of 2 (def ratio(a):)" in message
    assert "ZeroDivisionError: division by zero" in message
    console = capfd.readouterr()
    assert "nbclient" not in console.out + console.err and "Traceback" not in console.out + console.err
    assert notebook.read_text() == before
    assert not state.exists()
    assert run([notebook], state).failures                    # still stale: it runs (and fails) again


def test_a_record_taken_while_an_input_was_edited_is_not_trusted(tmp_path):
    table = tmp_path / "a.csv"
    table.write_text("x\n1\n")
    found = {"opened": [table.as_posix()], "listed": [], "modules": []}
    started = time.time_ns()
    os.utime(table, ns=(started + 10**9, started + 10**9))         # modified after the run began
    assert execute.record_of(found, started, execute.Digests()) is None
    os.utime(table, ns=(started - 10**9, started - 10**9))
    record = execute.record_of(found, started, execute.Digests())
    assert set(record["inputs"]) == {table.as_posix()} and set(record["folders"]) == {tmp_path.as_posix()}


def test_a_notebook_that_reads_another_run_at_the_same_time_runs_again_alone_and_is_then_current(tmp_path, capfd):
    """The coverage audit reads every chapter; run beside them, it sees one rewritten mid-run and runs once more."""
    writer = make_notebook(tmp_path / "writer.ipynb", "print('written')")
    reader = make_notebook(tmp_path / "reader.ipynb",
                           "import time\ntext = open('writer.ipynb').read()\ntime.sleep(4)\nprint(len(text) > 0)")
    state = tmp_path / "state.json"
    first = execute.execute_changed(jobs=2, notebooks=[writer, reader], state_file=state)
    assert not first.failures and set(first.executed) == {writer, reader}
    assert "runs again once the others are done" in capfd.readouterr().out    # the writer was saved mid-run
    assert run([writer, reader], state).executed == []                         # and the reader's record now holds
