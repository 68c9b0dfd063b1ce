"""Validation: the real evidence base passes; each kind of bad input fails with file, row and column named."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from compute_ledger.evidence.validate import validate_project


def messages(data_dir: Path) -> list[str]:
    return [str(p).replace(str(data_dir), "data") for p in validate_project(data_dir=data_dir)]


def rewrite(path: Path, change) -> None:
    """Apply `change(rows)` to a CSV's rows (header first) and write it back."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, row_number: int, column: str, value: str) -> str:
    """Set a cell (rows numbered as in a spreadsheet, header = 1); returns the old value."""
    old = {}

    def change(rows):
        index = rows[0].index(column)
        old["value"] = rows[row_number - 1][index]
        rows[row_number - 1][index] = value

    rewrite(path, change)
    return old["value"]


def test_the_real_evidence_base_is_valid():
    assert [str(p) for p in validate_project()] == []


def test_missing_column(data_copy):
    rewrite(data_copy / "figures.csv", lambda rows: [r.pop(rows[0].index("unit")) for r in rows[::-1]])
    assert "data/figures.csv, row 1, column unit: required column is missing from the header" in messages(data_copy)


def test_unknown_unit(data_copy):
    set_cell(data_copy / "figures.csv", 5, "unit", "GWh")
    found = [m for m in messages(data_copy) if m.startswith("data/figures.csv, row 5, column unit:")]
    assert found and "'GWh' is not allowed" in found[0]


def test_unknown_source(data_copy):
    set_cell(data_copy / "claims.csv", 3, "source_id", "no-such-source")
    found = [m for m in messages(data_copy) if m.startswith("data/claims.csv, row 3, column source_id:")]
    assert found and "does not exist" in found[0]


def test_quote_not_in_seed(data_copy):
    set_cell(data_copy / "claims.csv", 4, "quote", "這句話不在任何來源裡")
    assert any(m.startswith("data/claims.csv, row 4, column quote: quote not found in ") for m in messages(data_copy))


def test_quote_in_the_other_script_is_named_as_such(data_copy):
    from compute_ledger.evidence.seeds import to_simplified

    path = data_copy / "claims.csv"
    with path.open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["source_id"] == "bloomberg-compute-bet")
    row_number = 1 + next(i for i, r in enumerate(csv.DictReader(path.open(encoding="utf-8")), 1) if r["claim_id"] == row["claim_id"])
    converted = to_simplified(row["quote"])
    assert converted != row["quote"]
    set_cell(path, row_number, "quote", converted)
    assert any(m.startswith(f"data/claims.csv, row {row_number}, column quote: quote is in 002_") and "other script" in m
               for m in messages(data_copy))


def test_value_not_in_quote(data_copy):
    old = set_cell(data_copy / "figures.csv", 6, "value_low", "123")
    assert any(m.startswith("data/figures.csv, row 6, column value_low: 123 is not what the quote says")
               for m in messages(data_copy)), old


def test_span_not_in_quote(data_copy):
    set_cell(data_copy / "figures.csv", 7, "quote_span", "999億美元")
    assert any(m.startswith("data/figures.csv, row 7, column quote_span: '999億美元' is not in the quote of claim")
               for m in messages(data_copy))


def test_duplicate_id(data_copy):
    rewrite(data_copy / "claims.csv", lambda rows: rows.insert(3, list(rows[2])))
    found = [m for m in messages(data_copy) if m.startswith("data/claims.csv, row 4")]
    assert found and any("duplicate" in m for m in found)


def test_bad_encoding(data_copy):
    path = data_copy / "entities.csv"
    path.write_bytes(path.read_bytes().replace("輝達".encode("utf-8"), "輝達".encode("big5")))
    found = [m for m in messages(data_copy) if m.startswith("data/entities.csv, row ")]
    assert found and "not UTF-8" in found[0]


def test_empty_file(data_copy):
    (data_copy / "deals.csv").write_text("")
    assert any(m.startswith("data/deals.csv: file is empty; expected a header row: deal_id,") for m in messages(data_copy))


def test_missing_file(data_copy):
    (data_copy / "glossary.csv").unlink()
    assert "data/glossary.csv: file is missing (table 'glossary' in datapackage.json)" in messages(data_copy)


def test_dangling_entity(data_copy):
    set_cell(data_copy / "claims.csv", 2, "entities", "openai;not-an-entity")
    assert "data/claims.csv, row 2, column entities: unknown entity 'not-an-entity'; add it to data/entities.csv" \
        in messages(data_copy)


def test_dangling_figure_reference_in_deals(data_copy):
    set_cell(data_copy / "deals.csv", 2, "amount_figure", "F999-99")
    found = [m for m in messages(data_copy) if m.startswith("data/deals.csv, row 2, column amount_figure:")]
    assert found and "does not exist" in found[0]


def test_malformed_range(data_copy):
    path = data_copy / "figures.csv"
    with path.open(encoding="utf-8") as handle:
        row_number = 1 + next(i for i, r in enumerate(csv.DictReader(handle), 1) if r["qualifier"] == "range")
    low = set_cell(path, row_number, "value_high", "1")
    assert any(m.startswith(f"data/figures.csv, row {row_number}, column value_high: malformed range: high 1 is below low")
               for m in messages(data_copy)), low


def test_value_that_is_not_a_number(data_copy):
    set_cell(data_copy / "figures.csv", 8, "value_low", "three hundred")
    found = [m for m in messages(data_copy) if m.startswith("data/figures.csv, row 8, column value_low:")]
    assert found and "'three hundred'" in found[0]


def test_qualifier_that_disagrees_with_the_quote(data_copy):
    path = data_copy / "figures.csv"
    with path.open(encoding="utf-8") as handle:
        row_number = 1 + next(i for i, r in enumerate(csv.DictReader(handle), 1) if r["qualifier"] == "up_to")
    set_cell(path, row_number, "qualifier", "exact")
    assert any(m.startswith(f"data/figures.csv, row {row_number}, column qualifier: 'exact' disagrees with the quote")
               for m in messages(data_copy))


def test_wrong_script_label_on_a_source(data_copy):
    set_cell(data_copy / "sources.csv", 2, "script", "Simplified")
    assert "data/sources.csv, row 2, column script: says 'Simplified' but the text is 'Traditional'" in messages(data_copy)


def test_alias_not_in_any_seed(data_copy):
    old = set_cell(data_copy / "entities.csv", 2, "aliases", "OpenAI;歐噴愛")
    assert "data/entities.csv, row 2, column aliases: alias '歐噴愛' does not occur in any seed" in messages(data_copy), old


@pytest.mark.parametrize("table", ["sources", "claims", "figures"])
def test_validation_runs_from_the_command_line(table, data_copy, monkeypatch, capsys):
    from compute_ledger.book import cli
    from compute_ledger.evidence import validate

    set_cell(data_copy / f"{table}.csv", 2, rewrite_column(data_copy / f"{table}.csv"), "")
    monkeypatch.setattr(validate, "DATA", data_copy)
    monkeypatch.setattr(validate.validate_project, "__defaults__", (data_copy,) + validate.validate_project.__defaults__[1:])
    assert cli.main(["validate"]) == 1
    assert f"{table}.csv, row 2" in capsys.readouterr().err


def rewrite_column(path: Path) -> str:
    """The first column, always required (an id)."""
    with path.open(encoding="utf-8") as handle:
        return next(csv.reader(handle))[0]


def test_a_number_in_a_seed_that_no_figure_or_exclusion_accounts_for(data_copy):
    rewrite(data_copy / "exclusions.csv", lambda rows: rows.pop(next(i for i, r in enumerate(rows) if r[1] == "三大障礙")))
    assert any(m.startswith("seeds/003_a4dc009d300b923f.txt: line ") and "the number '三' is in no figure's span" in m
               for m in messages(data_copy))


def test_exclusion_snippet_not_in_its_seed(data_copy):
    set_cell(data_copy / "exclusions.csv", 2, "snippet", "不存在的片段")
    assert "data/exclusions.csv, row 2, column snippet: '不存在的片段' does not occur in 000_9a438a1454e2eccd.txt" \
        in messages(data_copy)
