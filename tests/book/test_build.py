"""`make book` skips validation and the HTML build when their inputs are unchanged, and only then."""
import subprocess
import sys
from pathlib import Path

import nbformat

from compute_ledger.book import build
from compute_ledger.book.execute import hash_paths


def test_validation_is_skipped_only_for_inputs_that_already_passed(monkeypatch):
    calls = []
    monkeypatch.setattr("compute_ledger.evidence.validate.validate_project", lambda: calls.append("ran") or [])
    monkeypatch.setattr("compute_ledger.evidence.bibliography.write_bibtex", lambda: False)
    stamps = {}
    assert build.validate_if_changed(stamps) and calls == ["ran"]
    assert stamps["validated"] == hash_paths(build.VALIDATION_INPUTS)
    assert build.validate_if_changed(stamps) and calls == ["ran"]          # same inputs: not run again
    stamps["validated"] = "an older key"
    assert build.validate_if_changed(stamps) and calls == ["ran", "ran"]


def test_a_failed_validation_stops_the_build_and_records_nothing(monkeypatch, capsys):
    monkeypatch.setattr("compute_ledger.evidence.validate.validate_project", lambda: ["data/x.csv, row 2, column y: bad"])
    stamps = {}
    assert not build.validate_if_changed(stamps)
    assert "validated" not in stamps
    assert "data/x.csv, row 2, column y: bad" in capsys.readouterr().err


def test_hash_changes_with_content_and_names(tmp_path):
    (tmp_path / "a.csv").write_text("1")
    first = hash_paths([tmp_path])
    (tmp_path / "a.csv").write_text("2")
    second = hash_paths([tmp_path])
    (tmp_path / "a.csv").rename(tmp_path / "b.csv")
    assert len({first, second, hash_paths([tmp_path])}) == 3


def test_pages_read_are_parsed_from_coloured_or_plain_sphinx_output():
    coloured = "\x1b[01mreading sources... \x1b[39;49;00m[ 50%] \x1b[35mchapters/risks\x1b[39;49;00m\n"
    plain = "reading sources... [100%] index\nwriting output... [100%] index\n"
    assert build.pages_read(coloured + plain) == ["chapters/risks", "index"]
    assert build.pages_read("updating environment: 0 added, 0 changed, 0 removed\n") == []


def test_sphinx_re_reads_only_the_page_whose_notebook_changed(tmp_path):
    """What `make book` relies on after a partial re-execution: the kept environment, not a full re-read."""
    (tmp_path / "_config.yml").write_text("title: scratch\nonly_build_toc_files: true\nexecute:\n  execute_notebooks: 'off'\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: one\n  - file: two\n")
    for name in ("index", "one", "two"):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_markdown_cell(f"# Page {name}")]
        nbformat.write(notebook, tmp_path / f"{name}.ipynb")

    def sphinx_reads():
        result = subprocess.run([str(Path(sys.executable).with_name("jupyter-book")), "build", str(tmp_path)],
                                capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return build.pages_read(result.stdout)

    assert sorted(sphinx_reads()) == ["index", "one", "two"]
    edited = nbformat.read(tmp_path / "two.ipynb", as_version=4)
    edited.cells[0].source = "# Page two, edited"
    nbformat.write(edited, tmp_path / "two.ipynb")
    assert sphinx_reads() == ["two"]
    assert sphinx_reads() == []
