"""The coverage audit: no claim is neither cited by a chapter nor excused; the rule itself on a small book."""
from __future__ import annotations

import csv
from pathlib import Path

import nbformat

from compute_ledger.analysis.coverage import argument_notebooks, citations, coverage, coverage_by_source, gaps
from compute_ledger.charts.coverage import coverage_summary_table, excused_claims_table
from compute_ledger.evidence.tables import load


def test_every_claim_is_cited_by_a_chapter_or_excused():
    missing = gaps()
    assert not missing, (f"{len(missing)} claim(s) neither cited by a chapter nor excused in data/excused_claims.csv: "
                         f"{', '.join(missing)}")


def _notebook(path: Path, source: str = "", output: str | None = None) -> None:
    cell = nbformat.v4.new_code_cell(source)
    if output is not None:
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": output})]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)


def _small_book(root: Path, data_dir: Path) -> list[str]:
    """A book whose chapters cite every claim but three; returns the three."""
    claim_ids = load("claims", data_dir)["claim_id"].tolist()
    left_out, rest = claim_ids[:3], claim_ids[3:]
    (root / "_toc.yml").write_text(
        "format: jb-book\nroot: index\nparts:\n"
        "  - caption: Argument\n    numbered: true\n    chapters:\n      - file: chapters/one\n      - file: chapters/two\n"
        "  - caption: Appendices\n    chapters:\n      - file: chapters/register\n", encoding="utf-8")
    _notebook(root / "index.ipynb", "summary")
    _notebook(root / "chapters/one.ipynb", "claims_used([" + ", ".join(f'"{c}"' for c in rest) + "])")
    _notebook(root / "chapters/two.ipynb", "neoclouds.table()", output=f"Table: … {left_out[0]} …")
    _notebook(root / "chapters/register.ipynb", f"register  # {left_out[2]}")
    with (data_dir / "excused_claims.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["claim_id", "reason", "explanation"])
        writer.writerow([left_out[1], "headline or framing", "The digest's title."])
    return left_out


def test_only_the_landing_page_and_numbered_parts_are_searched(tmp_path, data_copy):
    _small_book(tmp_path, data_copy)
    assert [p.relative_to(tmp_path).as_posix() for p in argument_notebooks(tmp_path)] == [
        "index.ipynb", "chapters/one.ipynb", "chapters/two.ipynb"]


def test_a_claim_in_a_stored_output_is_cited_and_one_only_in_an_appendix_is_not(tmp_path, data_copy):
    in_output, excused, appendix_only = _small_book(tmp_path, data_copy)
    cited = citations(tmp_path)
    assert cited.loc[cited["claim_id"] == in_output, "chapter"].tolist() == ["two"]
    assert appendix_only not in set(cited["claim_id"])
    table = coverage(tmp_path, data_copy).set_index("claim_id")
    assert table.loc[in_output, "status"] == "cited"
    assert table.loc[excused, "status"] == "excused"
    assert table.loc[appendix_only, "status"] == "neither"
    assert gaps(tmp_path, data_copy) == [appendix_only]


def test_a_citation_wins_over_a_stale_excuse(tmp_path, data_copy):
    in_output, excused, _ = _small_book(tmp_path, data_copy)
    with (data_copy / "excused_claims.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow([in_output, "restates a cited claim", "Stale."])
    assert coverage(tmp_path, data_copy).set_index("claim_id").loc[in_output, "status"] == "cited"


def test_counts_by_source_add_up_and_the_tables_show_them(tmp_path, data_copy):
    _small_book(tmp_path, data_copy)
    counts = coverage_by_source(tmp_path, data_copy)
    assert counts[["cited", "excused", "neither"]].to_numpy().sum() == len(load("claims", data_copy))
    assert counts["neither"].sum() == 1 and counts["excused"].sum() == 1
    summary = coverage_summary_table(tmp_path, data_copy).frame
    assert summary["Neither"].sum() == 1 and summary["Claims"].sum() == len(load("claims", data_copy))
    excused = excused_claims_table(tmp_path, data_copy).frame
    assert excused["Reason"].tolist() == ["headline or framing"]


def test_showing_an_excuse_in_the_audit_table_does_not_cite_the_claim(tmp_path, data_copy):
    _, excused, _ = _small_book(tmp_path, data_copy)
    table = excused_claims_table(tmp_path, data_copy)
    cell = nbformat.v4.new_code_cell("excused_claims_table()")
    bundle = table._repr_mimebundle_()
    cell.outputs = [nbformat.v4.new_output("display_data", data=bundle)]
    notebook = nbformat.read(tmp_path / "chapters/two.ipynb", as_version=4)
    notebook.cells.append(cell)
    nbformat.write(notebook, tmp_path / "chapters/two.ipynb")
    assert excused in bundle["text/plain"]
    assert coverage(tmp_path, data_copy).set_index("claim_id").loc[excused, "status"] == "excused"
