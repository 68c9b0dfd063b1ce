"""Property: whatever is changed in data/ or seeds/, validation answers "passed" or names the problem.

Hypothesis mutates copies of the real tables, the descriptor and the seeds — bytes, encodings, rows,
cells, JSON values, files removed or added — and asserts that validate_project returns problems
(each naming a file of the copy), never raises. Examples are bounded and derandomized, so the test
is the same on every run and fits in `make test`.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compute_ledger.evidence.validate import Problem, validate_project
from compute_ledger.paths import DATA, SEED_MANIFEST, SEEDS

SETTINGS = dict(derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
TABLE_FILES = sorted(p.name for p in DATA.glob("*.csv"))
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))
# Cell values a person or a tool might type: full-width digits, spreadsheet artefacts, other scripts.
CELLS = st.one_of(
    st.sampled_from(["", "３００", "1,000", "nan", "inf", "-0", "1e999", "TRUE", "N/A", "#REF!", "300億美元", "輝達",
                     "\"", "a,b", "line\nbreak", " padded ", "\ufeff1", "F999-99", "range", "USD"]),
    st.text(max_size=12),
)
JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6),
                        st.just([]), st.just({}), st.just({"name": "x"}))


def _copy() -> tuple[Path, Path, Path]:
    root = Path(tempfile.mkdtemp(prefix="ledger-property-"))
    shutil.copytree(DATA, root / "data")
    shutil.copytree(SEEDS, root / "seeds")
    return root, root / "data", root / "seeds"


def _assert_reported(root: Path, data: Path, seeds: Path) -> None:
    try:
        problems = validate_project(data_dir=data, seeds_dir=seeds, manifest=seeds / SEED_MANIFEST.name)
        for problem in problems:
            assert isinstance(problem, Problem)
            assert problem.file.startswith(str(root)), f"{problem} does not name a file of the mutated copy"
            assert problem.message
    finally:
        shutil.rmtree(root)


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


@st.composite
def byte_edits(draw):
    """A change to the raw bytes of any file: cut, insert, re-encode, BOM, CRLF, truncate."""
    kind = draw(st.sampled_from(["cut", "insert", "encode", "bom", "crlf", "truncate"]))
    position = draw(st.floats(0, 1))
    payload = draw(st.binary(min_size=1, max_size=4) | st.sampled_from([b",", b"\n", b'"', b"\xef\xbc\x93", b"\x00"]))
    encoding = draw(st.sampled_from(["big5", "gb18030", "utf-16", "latin-1"]))

    def apply(raw: bytes) -> bytes:
        at = int(position * len(raw))
        if kind == "cut":
            return raw[:at] + raw[at + len(payload):]
        if kind == "insert":
            return raw[:at] + payload + raw[at:]
        if kind == "encode":
            return raw.decode("utf-8").encode(encoding, errors="replace")
        if kind == "bom":
            return b"\xef\xbb\xbf" + raw
        if kind == "crlf":
            return raw.replace(b"\n", b"\r\n")
        return raw[:at]
    return apply


@given(file=st.sampled_from(TABLE_FILES + ["datapackage.json"]), edit=byte_edits())
@settings(max_examples=10, **SETTINGS)
def test_any_byte_edit_to_a_data_file_is_reported_not_raised(file, edit):
    root, data, seeds = _copy()
    path = data / file
    path.write_bytes(edit(path.read_bytes()))
    _assert_reported(root, data, seeds)


@given(file=st.sampled_from(TABLE_FILES), row=st.floats(0, 1), column=st.floats(0, 1), value=CELLS,
       operation=st.sampled_from(["set", "delete_row", "duplicate_row", "short_row", "delete_column"]))
@settings(max_examples=10, **SETTINGS)
def test_any_cell_or_row_edit_is_reported_not_raised(file, row, column, value, operation):
    root, data, seeds = _copy()
    path = data / file
    rows = _rows(path)
    r = 1 + int(row * (len(rows) - 2)) if len(rows) > 1 else 0
    c = int(column * (len(rows[0]) - 1))
    if operation == "set" and r:
        rows[r][c] = value
    elif operation == "delete_row" and r:
        del rows[r]
    elif operation == "duplicate_row" and r:
        rows.insert(r, list(rows[r]))
    elif operation == "short_row":
        rows.append([value])
    else:
        for record in rows:
            del record[c:c + 1]
    _write_rows(path, rows)
    _assert_reported(root, data, seeds)


def _json_paths(node, prefix=()):
    yield prefix
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        yield from _json_paths(child, prefix + (key,))


DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
DESCRIPTOR_PATHS = [p for p in _json_paths(DESCRIPTOR) if p]


@given(where=st.sampled_from(DESCRIPTOR_PATHS), value=JSON_VALUES, delete=st.booleans())
@settings(max_examples=12, **SETTINGS)
def test_any_change_to_the_descriptor_is_reported_not_raised(where, value, delete):
    root, data, seeds = _copy()
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    parent = descriptor
    for key in where[:-1]:
        parent = parent[key]
    if delete:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    (data / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    _assert_reported(root, data, seeds)


@given(seed=st.sampled_from(SEED_FILES + [SEED_MANIFEST.name]), edit=byte_edits(),
       operation=st.sampled_from(["edit", "remove", "add"]), added=st.binary(max_size=40) | st.text(max_size=40).map(str.encode))
@settings(max_examples=6, **SETTINGS)
def test_any_change_to_the_seeds_is_reported_not_raised(seed, edit, operation, added):
    root, data, seeds = _copy()
    path = seeds / seed
    if operation == "edit":
        path.write_bytes(edit(path.read_bytes()))
    elif operation == "remove":
        path.unlink()
    else:
        (seeds / "005_0123456789abcdef.txt").write_bytes(b"---\ntitle: " + added + b"\n---\n" + added)
    _assert_reported(root, data, seeds)


NEW_TEXT = Path(__file__).parent / "intake" / "ai_server_supply_chain.txt"


@given(file=st.sampled_from(["source.csv", "claims.csv", "figures.csv", "unread.csv"]), edit=byte_edits(),
       row=st.floats(0, 1), column=st.floats(0, 1), value=CELLS, by_cell=st.booleans())
@settings(max_examples=5, **SETTINGS)
def test_any_change_to_a_draft_is_reported_not_raised(file, edit, row, column, value, by_cell):
    from compute_ledger.evidence.intake import add_source

    root, data, seeds = _copy()
    path = add_source(NEW_TEXT, data, seeds, seeds / SEED_MANIFEST.name).drafts / file
    if by_cell:
        rows = _rows(path)
        r = 1 + int(row * (len(rows) - 2)) if len(rows) > 1 else 0
        rows[r][int(column * (len(rows[r]) - 1))] = value
        _write_rows(path, rows)
    else:
        path.write_bytes(edit(path.read_bytes()))
    _assert_reported(root, data, seeds)
