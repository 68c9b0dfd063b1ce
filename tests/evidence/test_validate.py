"""Validation: the real evidence base passes; each kind of bad input fails with file, row and column named."""
from __future__ import annotations

import csv
import json
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
        row_number = 1 + next(i for i, r in enumerate(csv.DictReader(handle), 1) if r["qualifier"] == "range" and float(r["value_low"]) > 1)
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


def validate_copy(data_dir: Path, seeds_dir: Path) -> list[str]:
    root = str(data_dir.parent) + "/"
    return [str(p).replace(root, "") for p in validate_project(data_dir, seeds_dir, seeds_dir / "MANIFEST.sha256")]


def test_descriptor_with_a_missing_comma(data_copy):
    path = data_copy / "datapackage.json"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if line.rstrip().endswith('",'))
    lines[number - 1] = lines[number - 1].rstrip().removesuffix(",") + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    found = messages(data_copy)
    assert len(found) == 1 and found[0].startswith(f"data/datapackage.json: line {number + 1}, column ")
    assert "not valid JSON: Expecting ',' delimiter" in found[0]


def test_descriptor_without_a_table(data_copy):
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] != "deals"]
    path.write_text(json.dumps(package), encoding="utf-8")
    assert "data/datapackage.json: table 'deals' is missing from 'resources'" in messages(data_copy)


def test_descriptor_that_makes_a_value_column_text(data_copy):
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    next(f for f in figures["schema"]["fields"] if f["name"] == "value_low")["type"] = "string"
    path.write_text(json.dumps(package), encoding="utf-8")
    assert "data/datapackage.json: table 'figures', field 'value_low': must be of type 'number'" in messages(data_copy)


@pytest.mark.parametrize("cell, message", [
    ("３００", "'３００' is typed in full-width characters; write it as 300"),
    ("nan", "'nan' is not a plain decimal number"),
    ("1_000", "'1_000' is not a plain decimal number"),
    ("1e999", "'1e999' is too large to be a number"),
])
def test_number_cells_that_python_would_accept_but_a_table_should_not(data_copy, cell, message):
    set_cell(data_copy / "figures.csv", 6, "value_low", cell)
    assert f"data/figures.csv, row 6, column value_low: {message}" in " ".join(messages(data_copy))


@pytest.mark.parametrize("change", [
    lambda raw: b"\xef\xbb\xbf" + raw,                      # UTF-8 byte-order mark
    lambda raw: raw.replace(b"\n", b"\r\n"),                 # Windows line ends
    lambda raw: raw.rstrip(b"\n"),                           # no newline at the end
    lambda raw: raw + b"\n\n",                               # blank lines at the end
], ids=["bom", "crlf", "no-final-newline", "trailing-blank-lines"])
def test_harmless_differences_are_accepted(data_copy, change):
    for name in ("claims.csv", "figures.csv", "datapackage.json"):
        path = data_copy / name
        path.write_bytes(change(path.read_bytes()))
    assert messages(data_copy) == []


def test_a_blank_row_in_the_middle_is_reported(data_copy):
    rewrite(data_copy / "claims.csv", lambda rows: rows.insert(5, []))
    assert any(m.startswith("data/claims.csv, row 6") for m in messages(data_copy))


def test_a_removed_seed(data_copy, seeds_copy):
    seeds, _ = seeds_copy
    (seeds / "001_a8f5c4d0d0a88de3.txt").unlink()
    found = validate_copy(data_copy, seeds)
    assert "seeds/MANIFEST.sha256: MANIFEST.sha256: lists 001_a8f5c4d0d0a88de3.txt but it is missing from seeds/" in found
    assert any(m.startswith("data/sources.csv, row 3, column file: no seed file 001_a8f5c4d0d0a88de3.txt") for m in found)


def test_an_added_seed_in_another_encoding(data_copy, seeds_copy):
    seeds, _ = seeds_copy
    (seeds / "005_0123456789abcdef.txt").write_bytes("---\ntitle: 新\n---\n營收300億元".encode("big5"))
    found = validate_copy(data_copy, seeds)
    assert "seeds/MANIFEST.sha256: seeds/005_0123456789abcdef.txt: not listed in MANIFEST.sha256" in found
    assert any(m.startswith("seeds/005_0123456789abcdef.txt: line 2: not UTF-8") for m in found)


def test_a_seed_whose_front_matter_is_not_yaml(data_copy, seeds_copy):
    seeds, _ = seeds_copy
    (seeds / "000_9a438a1454e2eccd.txt").write_text("---\ntitle: [unclosed\n---\n正文", encoding="utf-8")
    assert any(m.startswith("seeds/000_9a438a1454e2eccd.txt: line ") and "front matter is not valid YAML" in m
               for m in validate_copy(data_copy, seeds))


def test_a_malformed_manifest_line(data_copy, seeds_copy):
    seeds, manifest = seeds_copy
    manifest.write_text(manifest.read_text(encoding="utf-8") + "not-a-digest\n", encoding="utf-8")
    assert "seeds/MANIFEST.sha256: line 6: expected '<64 hex digits>  <file name>', found 'not-a-digest'" \
        in validate_copy(data_copy, seeds)


def test_an_unclosed_quote(data_copy):
    path = data_copy / "assumptions.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(",", ',"', 1)  # opens a quoted field in row 3 that never closes
    path.write_text("".join(lines), encoding="utf-8")
    found = messages(data_copy)
    assert any(m.startswith("data/assumptions.csv: line 3: not readable as CSV") for m in found), found


def test_descriptor_with_a_field_type_that_is_not_text(data_copy):
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package["resources"][3]["schema"]["fields"][7]["type"] = []
    path.write_text(json.dumps(package), encoding="utf-8")
    assert any(m.startswith("data/datapackage.json: table 'figures', field 'unit': type [] is not a Frictionless type")
               for m in messages(data_copy))


def test_descriptor_with_malformed_foreign_keys(data_copy):
    path = data_copy / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package["resources"][7]["schema"]["foreignKeys"] = True
    path.write_text(json.dumps(package), encoding="utf-8")
    assert "data/datapackage.json: table 'exclusions': True is not of type 'array' at property 'foreignKeys'" \
        in messages(data_copy)
