"""Validation of seeds and data tables, run before any notebook executes.

Every problem names its file, row and column, so a bad edit is fixed at its source rather than
discovered as a traceback deep in a chapter. Rows are numbered as in a spreadsheet: the header
is row 1, the first data row is row 2.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from frictionless import FrictionlessException, Package, Resource

from . import seeds as seedlib
from ..paths import DATA, ROOT, SEED_MANIFEST, SEEDS
from .tables import PACKAGE_FILE, TABLES, descriptor, load
from .voices import OUTLET_ROLES, chain_names, parse_chain, presented_as_quotation
from .zh_numbers import QuantityError, fold, parse_quantity


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file] + ([f"row {self.row}"] if self.row else []) + ([f"column {self.column}"] if self.column else [])
        return ", ".join(where) + ": " + self.message


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def _decoded(raw: bytes, codec: str = "utf-8-sig") -> tuple[str | None, tuple[int, str] | None]:
    """The bytes as text, or the line they stop being UTF-8 on and a message naming the byte and its offset."""
    try:
        return raw.decode(codec), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, (line, f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start} (save the file as UTF-8)")


def _structure(data_dir: Path) -> tuple[list[Problem], set[str]]:
    """File-level problems (missing, empty, not UTF-8, wrong header); returns also the tables that are sound."""
    problems, sound = [], set()
    for entry in descriptor(data_dir)["resources"]:
        path = data_dir / entry["path"]
        shown = _display(path)
        expected = [f["name"] for f in entry["schema"]["fields"]]
        if not path.is_file():
            problems.append(Problem(shown, None, None, f"file is missing (table '{entry['name']}' in {PACKAGE_FILE})"))
            continue
        raw = path.read_bytes()
        if not raw.strip():
            problems.append(Problem(shown, None, None, "file is empty; expected a header row: " + ",".join(expected)))
            continue
        text, failure = _decoded(raw, "utf-8")
        if failure:
            problems.append(Problem(shown, failure[0], None, failure[1]))
            continue
        records, error = _csv_records(text)
        if error:
            problems.append(Problem(shown, None, None, error))
            continue
        header = records[0]
        numbers = [f["name"] for f in entry["schema"]["fields"] if f.get("type") in ("number", "integer")]
        cell_problems = _number_cells(shown, records, numbers)
        problems += cell_problems
        missing = [c for c in expected if c not in header]
        unexpected = [c for c in header if c not in expected]
        for column in missing:
            problems.append(Problem(shown, 1, column, "required column is missing from the header"))
        for column in unexpected:
            problems.append(Problem(shown, 1, column, f"unexpected column; the schema has: {', '.join(expected)}"))
        if not missing and not unexpected and header != expected:
            problems.append(Problem(shown, 1, None, "columns are out of order; expected: " + ",".join(expected)))
        if not missing and not unexpected and header == expected and not cell_problems:
            sound.add(entry["name"])
    return problems, sound


def _csv_records(text: str) -> tuple[list[list[str]], str | None]:
    """The records of a CSV text, and what stops it being read (an unclosed or stray quote), by line."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    records, last_line = [], 0
    try:
        for record in reader:
            records.append(record)
            last_line = reader.line_num
    except csv.Error as error:
        line = last_line + 1  # where the record that cannot be read begins
        return records, f"line {line}: not readable as CSV ({error}); check the quotes in that line"
    return records, None


# A number cell as pandas and every other CSV reader take it: ASCII digits, finite. Python's float()
# also accepts ３００, 1_000, nan and inf, so Frictionless lets them through; they are caught here.
_PLAIN_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _number_cells(shown: str, records: list[list[str]], columns: list[str]) -> list[Problem]:
    problems = []
    positions = {name: records[0].index(name) for name in columns if name in records[0]}
    for row_number, record in enumerate(records[1:], start=2):
        for name, index in positions.items():
            cell = record[index].strip() if index < len(record) else ""
            if not cell:
                continue
            folded = fold(cell)
            if folded != cell and _PLAIN_NUMBER.fullmatch(folded):
                problems.append(Problem(shown, row_number, name, f"{cell!r} is typed in full-width characters; write it as {folded}"))
            elif _PLAIN_NUMBER.fullmatch(cell) and not math.isfinite(float(cell)):
                problems.append(Problem(shown, row_number, name, f"{cell!r} is too large to be a number"))
            elif not _PLAIN_NUMBER.fullmatch(cell) and _float_or_none(cell) is not None:
                problems.append(Problem(shown, row_number, name, f"{cell!r} is not a plain decimal number (digits, one point)"))
    return problems


def _float_or_none(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def _schema(data_dir: Path, sound: set[str]) -> tuple[list[Problem], set[str]]:
    """Types, required fields, vocabularies, unique ids and references between tables (Frictionless).

    Returns the problems and the names of the tables that have any.
    """
    try:
        package = Package(descriptor(data_dir), basepath=str(data_dir))
        for name in [r.name for r in package.resources if r.name not in sound]:
            package.remove_resource(name)
        for entry in package.resources:
            if any(fk["reference"]["resource"] not in sound for fk in entry.schema.foreign_keys):
                entry.schema.foreign_keys = [fk for fk in entry.schema.foreign_keys if fk["reference"]["resource"] in sound]
        report = package.validate()
    except FrictionlessException as error:
        return [Problem(_display(data_dir / PACKAGE_FILE), None, None, f"the schema is not valid: {error.error.note or error}")], set(sound)
    problems = []
    failed = set()
    for task in report.tasks:
        shown = _display(data_dir / task.place) if task.place else task.name
        trailing = _trailing_blank_rows(data_dir / task.place) if task.place else set()
        errors = [e for e in task.errors if getattr(e, "row_number", None) not in trailing]
        if errors:
            failed.add(task.name)
        for error in errors:
            field = getattr(error, "field_name", None)
            if error.type == "foreign-key":
                field = ", ".join(getattr(error, "field_names", []) or []) or field
            problems.append(Problem(shown, getattr(error, "row_number", None), field, _message(error)))
    return problems, failed


def _trailing_blank_rows(path: Path) -> set[int]:
    """Row numbers of the blank lines at the end of a CSV file: harmless, so not reported."""
    records = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    last = max((i for i, record in enumerate(records, start=1) if any(cell.strip() for cell in record)), default=0)
    return set(range(last + 1, len(records) + 1))


def _message(error) -> str:
    cell = getattr(error, "cell", None)
    if error.type == "constraint-error" and "enum" in error.note:
        return f"{cell!r} is not allowed: {error.note}"
    if error.type == "constraint-error" and "pattern" in error.note:
        return f"{cell!r} does not match the required {error.note.split('constraint', 1)[-1].strip()}"
    if error.type == "foreign-key":
        return f"refers to something that does not exist ({error.note})"
    if error.type == "primary-key":
        return f"duplicate id: {error.note}"
    if error.type == "unique-error":
        return f"duplicate value {cell!r}: {error.note}"
    if error.type == "type-error":
        return f"{cell!r} is not a valid {error.note.split('type is')[-1].strip() if 'type is' in error.note else 'value'}: {error.note}"
    return f"{error.title}: {error.note}" if getattr(error, "note", "") else error.message


_FIELD_TYPES = {"string", "number", "integer", "boolean", "date", "datetime", "time", "year", "yearmonth", "duration",
                "object", "array", "list", "geopoint", "geojson", "any"}
# Columns that the row checks do arithmetic on; the descriptor must keep them numbers.
_NUMBER_COLUMNS = {"figures": ("value_low", "value_high"), "assumptions": ("value", "low", "high")}


def _descriptor_problems(data_dir: Path) -> list[Problem]:
    """Whether datapackage.json can be read and has the shape the checks rely on; problems name its line."""
    path = data_dir / PACKAGE_FILE
    shown = _display(path)
    if not path.is_file():
        return [Problem(shown, None, None, "file is missing; it holds the schema of every table")]
    text, failure = _decoded(path.read_bytes())
    if failure:
        return [Problem(shown, None, None, f"line {failure[0]}: {failure[1]}")]
    try:
        package = json.loads(text)
    except json.JSONDecodeError as error:
        return [Problem(shown, None, None, f"line {error.lineno}, column {error.colno}: not valid JSON: {error.msg}")]
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        return [Problem(shown, None, None, "must be a JSON object with a list of 'resources' (one per table)")]
    problems, names, paths = [], [], []
    for index, entry in enumerate(package["resources"]):
        where = f"resources[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(entry.get("path"), str):
            problems.append(Problem(shown, None, None, f"{where} must be an object with a 'name' and a 'path'"))
            continue
        where = f"table '{entry['name']}'"
        names.append(entry["name"])
        paths.append(entry["path"])
        if not re.fullmatch(r"[\w-]+\.csv", entry["path"]):
            problems.append(Problem(shown, None, None, f"{where}: path {entry['path']!r} must be a CSV file name in data/"))
        schema = entry.get("schema")
        fields = schema.get("fields") if isinstance(schema, dict) else None
        if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
            problems.append(Problem(shown, None, None, f"{where}: 'schema' must hold a list of 'fields', each with a 'name'"))
            continue
        before = len(problems)
        for field in fields:
            if not isinstance(field.get("type"), str) or field["type"] not in _FIELD_TYPES:
                problems.append(Problem(shown, None, None, f"{where}, field '{field['name']}': type {field.get('type')!r} "
                                        f"is not a Frictionless type ({', '.join(sorted(_FIELD_TYPES))})"))
            if field["name"] in _NUMBER_COLUMNS.get(entry["name"], ()) and field.get("type") != "number":
                problems.append(Problem(shown, None, None, f"{where}, field '{field['name']}': must be of type 'number'"))
        if len(problems) == before:  # fields sound: let Frictionless's profile judge the rest of the table
            problems += [Problem(shown, None, None, f"{where}: {note}") for note in _profile_errors(entry)]
    top = {key: value for key, value in package.items() if key not in ("resources", "profile")}
    problems += [Problem(shown, None, None, note) for note in _profile_errors({**top, "resources": []}, Package)]
    problems += [Problem(shown, None, None, f"table '{name}' is listed twice") for name in sorted({n for n in names if names.count(n) > 1})]
    problems += [Problem(shown, None, None, f"file {path!r} is given to two tables") for path in sorted({p for p in paths if paths.count(p) > 1})]
    problems += [Problem(shown, None, None, f"table '{name}' is missing from 'resources'") for name in TABLES if name not in names]
    return problems


def _profile_errors(descriptor_part: dict, kind=Resource) -> list[str]:
    """What Frictionless's own profile says is wrong with a resource (foreignKeys, constraints, dialect…)
    or with the package around the resources (licenses…).

    Checked before any Package is built, because Frictionless raises plain TypeErrors on such shapes.
    """
    try:
        return [error.note for error in kind.metadata_validate(descriptor_part)]
    except (TypeError, ValueError, KeyError, AttributeError, FrictionlessException) as error:
        return [f"the table's description cannot be read: {error}"]


def _manifest_problems(seeds_dir: Path, manifest: Path) -> list[Problem]:
    """The manifest can be read, each line is '<sha256>  <file>', and it matches the seed files."""
    shown = _display(manifest)
    if not manifest.is_file():
        return [Problem(shown, None, None, "file is missing; it lists the SHA-256 of every seed (sha256sum format)")]
    text, failure = _decoded(manifest.read_bytes())
    if failure:
        return [Problem(shown, None, None, f"line {failure[0]}: {failure[1]}")]
    malformed = [Problem(shown, None, None, f"line {number}: expected '<64 hex digits>  <file name>', found {line.strip()!r}")
                 for number, line in enumerate(text.splitlines(), start=1)
                 if line.strip() and not re.fullmatch(r"[0-9a-f]{64} [ *]?\S.*", line.strip())]
    if malformed:
        return malformed
    return [Problem(shown, None, None, message) for message in seedlib.verify_manifest(seeds_dir, manifest)]


def _seed_problems(seeds_dir: Path) -> list[Problem]:
    """Every seed decodes as UTF-8 and its front matter, if any, is a YAML mapping."""
    problems = []
    for path in sorted(seeds_dir.glob("*.txt")):
        shown = _display(path)
        _, failure = _decoded(path.read_bytes(), "utf-8")
        if failure:
            problems.append(Problem(shown, None, None, f"line {failure[0]}: {failure[1]}"))
            continue
        try:
            front_matter = seedlib.load_seed(path.name, seeds_dir).front_matter
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f"line {mark.line + 2}: " if mark else ""  # +1 for counting from one, +1 for the opening ---
            problems.append(Problem(shown, None, None, f"{line}front matter is not valid YAML: {getattr(error, 'problem', error)}"))
            continue
        if not isinstance(front_matter, dict):
            problems.append(Problem(shown, None, None, "front matter (between the --- lines) must be 'key: value' lines"))
    return problems


@lru_cache(maxsize=None)
def _readable_seed(file: str, seeds_dir: Path) -> seedlib.Seed | None:
    """The seed, or None when it is missing or unreadable (reported by the seed and manifest checks)."""
    path = seeds_dir / file
    if not path.is_file():
        return None
    try:
        seed = seedlib.load_seed(file, seeds_dir)
        return seed if isinstance(seed.front_matter, dict) else None
    except (UnicodeDecodeError, yaml.YAMLError):
        return None


def _sources(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "sources.csv")
    problems = []
    for row_number, row in enumerate(load("sources", data_dir).itertuples(), start=2):
        if not (seeds_dir / row.file).is_file():
            problems.append(Problem(shown, row_number, "file", f"no seed file {row.file} in {_display(seeds_dir)}/"))
            continue
        seed = _readable_seed(row.file, seeds_dir)
        if seed is None:
            continue  # reported by the seed check
        detected = seedlib.detect_script(seed.body)
        if detected != row.script:
            problems.append(Problem(shown, row_number, "script", f"says {row.script!r} but the text is {detected!r}"))
        printed = seed.front_matter.get("title")
        if (printed and row.title != printed) or not seedlib.quote_is_verbatim(row.title, seed.text):
            problems.append(Problem(shown, row_number, "title", f"{row.title!r} is not the title printed in {row.file}"))
    return problems


def _claims(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "claims.csv")
    files = load("sources", data_dir).set_index("source_id")["file"]
    entity_ids = set(load("entities", data_dir)["entity_id"])
    problems = []
    for row_number, row in enumerate(load("claims", data_dir).itertuples(), start=2):
        for entity in [e.strip() for e in row.entities.split(";") if e.strip()]:
            if entity not in entity_ids:
                problems.append(Problem(shown, row_number, "entities", f"unknown entity {entity!r}; add it to data/entities.csv"))
        seed = _readable_seed(files[row.source_id], seeds_dir) if row.source_id in files.index else None
        if seed is None:
            continue  # reported by the reference, source or seed check
        text = seed.text
        if seedlib.quote_is_verbatim(row.quote, text):
            continue
        if seedlib.quote_matches_across_scripts(row.quote, text):
            problems.append(Problem(shown, row_number, "quote", f"quote is in {files[row.source_id]} only in the other "
                                    "script or with other punctuation; store it exactly as the seed prints it"))
        else:
            problems.append(Problem(shown, row_number, "quote", f"quote not found in {files[row.source_id]}: {row.quote[:40]!r}…"))
    return problems


def _chains(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    """Each source's chain reads as 'role: who' links, and names a language model exactly when llm_edited is 'yes'."""
    shown = _display(data_dir / "sources.csv")
    problems = []
    for row_number, row in enumerate(load("sources", data_dir).itertuples(), start=2):
        try:
            roles = [role for role, _ in parse_chain(row.chain)]
        except ValueError as error:
            problems.append(Problem(shown, row_number, "chain", str(error)))
            continue
        if (row.llm_edited == "yes") != ("language model" in roles):
            problems.append(Problem(shown, row_number, "llm_edited", f"{row.llm_edited!r} but the chain "
                                    f"{'names no' if row.llm_edited == 'yes' else 'names a'} language model"))
    return problems


def _names_in_chain(chain: str, roles: tuple[str, ...]) -> list[str]:
    try:
        return chain_names(chain, roles)
    except ValueError:
        return []  # reported by the chain check


def _outlet_names(sources) -> set[str]:
    """Every outlet or publisher in any chain, each part of '36Kr / 新智元' on its own."""
    return {part.strip().casefold() for chain in sources["chain"]
            for outlet in _names_in_chain(chain, OUTLET_ROLES) for part in outlet.split("/")}


def _voices(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    """A claim belongs to a person or the text's writer, never an outlet, in a voice its text supports.

    'narration' and 'reported' are the writer's own sentences; 'quoted' and 'paraphrased' are someone
    else's words; 'reported' needs an outlet in the source's chain; 'quoted' needs the seed to present
    the quote as the speaker's own words (see voices.presented_as_quotation).
    """
    shown = _display(data_dir / "claims.csv")
    sources = load("sources", data_dir).set_index("source_id")
    outlets = _outlet_names(sources)
    organisations = {name.casefold() for name in load("entities", data_dir)["name"]}
    writers = set(sources["writer"])
    problems = []
    for row_number, row in enumerate(load("claims", data_dir).itertuples(), start=2):
        def report(column: str, message: str) -> None:
            problems.append(Problem(shown, row_number, column, message))

        if row.source_id not in sources.index:
            continue  # reported by the reference check
        source = sources.loc[row.source_id]
        if row.speaker.casefold() in outlets | organisations:
            report("speaker", f"{row.speaker!r} is an outlet or organisation, not a speaker; give the claim to a "
                              f"person or to the text's writer ({source.writer!r}), with voice 'reported' for an "
                              "outlet's reporting")
            continue
        is_writer = row.speaker == source.writer
        if row.speaker in writers and not is_writer:
            report("speaker", f"{row.speaker!r} wrote another text; the writer of {row.source_id} is {source.writer!r}")
        elif row.voice in ("narration", "reported") and not is_writer:
            report("voice", f"{row.voice!r} is the writer's own sentence, but the speaker is {row.speaker!r}; "
                            f"use speaker {source.writer!r} or voice 'paraphrased'")
        elif row.voice in ("quoted", "paraphrased") and is_writer:
            report("voice", f"{row.voice!r} is someone else's words, but the speaker is the writer; "
                            "use 'narration', or 'reported' for an outlet's reporting")
        if row.voice == "reported" and not _names_in_chain(source.chain, ("outlet",)):
            report("voice", f"'reported' needs an outlet in the chain of {row.source_id} (data/sources.csv, column chain)")
        seed = _readable_seed(source.file, seeds_dir) if row.voice == "quoted" else None
        if seed is not None:  # an unreadable seed is reported by the seed checks
            if not presented_as_quotation(row.quote, seed.body):
                report("voice", f"'quoted', but {source.file} does not present this as {row.speaker}'s own words "
                                "(it is not one quotation, not inside quotation marks and not after a speech verb "
                                "and a colon); use 'paraphrased'")
    return problems


def _sources_and_chains(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    return _sources(data_dir, seeds_dir) + _chains(data_dir, seeds_dir)


def _claims_and_voices(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    return _claims(data_dir, seeds_dir) + _voices(data_dir, seeds_dir)


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _figures(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "figures.csv")
    quotes = load("claims", data_dir).set_index("claim_id")["quote"].to_dict()
    return [Problem(shown, row_number, column, message)
            for row_number, row in enumerate(load("figures", data_dir).itertuples(), start=2)
            for column, message in _figure_row(row, quotes)]


def _figure_row(row, quotes: dict[str, str]) -> list[tuple[str, str]]:
    """(column, message) for a figure whose range is malformed or whose span does not say its values."""
    found = []
    has_high = not math.isnan(row.value_high)
    if has_high and row.value_high < row.value_low:
        found.append(("value_high", f"malformed range: high {row.value_high:g} is below low {row.value_low:g}"))
    if (row.qualifier in ("range", "about_range")) != has_high:
        found.append(("value_high", "malformed range: a 'range' or 'about_range' needs value_high, and only a range has one"))
    if row.claim_id not in quotes:
        return found  # reported by the reference check
    if not seedlib.quote_is_verbatim(row.quote_span, quotes[row.claim_id]):
        return found + [("quote_span", f"{row.quote_span!r} is not in the quote of claim {row.claim_id}")]
    try:
        parsed = parse_quantity(row.quote_span)
    except QuantityError as error:
        return found + [("quote_span", f"no value can be read from it: {error}")]
    if not _same(parsed.low, row.value_low):
        found.append(("value_low", f"{row.value_low:g} is not what the quote says: {row.quote_span!r} reads as {parsed.low:g}"))
    if has_high and (parsed.high is None or not _same(parsed.high, row.value_high)):
        found.append(("value_high", f"{row.value_high:g} is not what the quote says: {row.quote_span!r} reads as {parsed.high}"))
    if parsed.unit and row.unit and parsed.unit != row.unit:
        found.append(("unit", f"{row.unit!r} disagrees with the quote: {row.quote_span!r} is in {parsed.unit!r}"))
    if parsed.qualifier != row.qualifier:
        found.append(("qualifier", f"{row.qualifier!r} disagrees with the quote: {row.quote_span!r} is {parsed.qualifier!r}"))
    return found


def _entities(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "entities.csv")
    seeds = [_readable_seed(p.name, seeds_dir) for p in sorted(seeds_dir.glob("*.txt"))]
    corpus = "\n".join(seed.text for seed in seeds if seed)
    problems = []
    for row_number, row in enumerate(load("entities", data_dir).itertuples(), start=2):
        for alias in [a.strip() for a in row.aliases.split(";") if a.strip()]:
            if not seedlib.quote_matches_across_scripts(alias, corpus):
                problems.append(Problem(shown, row_number, "aliases", f"alias {alias!r} does not occur in any seed"))
    return problems


def _glossary(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "glossary.csv")
    problems = []
    for row_number, row in enumerate(load("glossary", data_dir).itertuples(), start=2):
        if seedlib.script_counts(row.term_zh_hant)[1]:
            problems.append(Problem(shown, row_number, "term_zh_hant", f"{row.term_zh_hant!r} has Simplified-only characters"))
        if seedlib.script_counts(row.term_zh_hans)[0]:
            problems.append(Problem(shown, row_number, "term_zh_hans", f"{row.term_zh_hans!r} has Traditional-only characters"))
    return problems


def _assumptions(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "assumptions.csv")
    problems = []
    for row_number, row in enumerate(load("assumptions", data_dir).itertuples(), start=2):
        if not math.isnan(row.low) and not math.isnan(row.high) and not row.low <= row.value <= row.high:
            problems.append(Problem(shown, row_number, "value", f"{row.value:g} lies outside its own range {row.low:g}–{row.high:g}"))
    return problems


_DEAL_UNITS = {"amount_figure": {"USD", "JPY", "CNY", "HKD", "TWD", "EUR"}, "capacity_figure": {"GW", "shares", "GPUs"},
               "term_figure": {"years", "months", "calendar_year"}}


def _deals(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "deals.csv")
    units = load("figures", data_dir).set_index("figure_id")["unit"]
    problems = []
    for row_number, row in enumerate(load("deals", data_dir).itertuples(), start=2):
        for column, allowed in _DEAL_UNITS.items():
            figure_id = getattr(row, column)
            if figure_id and figure_id in units.index and units[figure_id] not in allowed:
                problems.append(Problem(shown, row_number, column, f"{figure_id} is in {units[figure_id]!r}; "
                                        f"a {column.split('_')[0]} must be in one of {sorted(allowed)}"))
    return problems


def _exclusions(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "exclusions.csv")
    files = load("sources", data_dir).set_index("source_id")["file"]
    problems = []
    for row_number, row in enumerate(load("exclusions", data_dir).itertuples(), start=2):
        seed = _readable_seed(files[row.source_id], seeds_dir) if row.source_id in files.index else None
        if seed and row.snippet not in seed.text:
            problems.append(Problem(shown, row_number, "snippet", f"{row.snippet!r} does not occur in {files[row.source_id]}"))
    return problems


def _positions(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "positions.csv")
    claim_sources = load("claims", data_dir).set_index("claim_id")["source_id"]
    problems = []
    for row_number, row in enumerate(load("positions", data_dir).itertuples(), start=2):
        for claim_id in [c.strip() for c in row.claim_ids.split(";") if c.strip()]:
            if claim_id not in claim_sources.index:
                problems.append(Problem(shown, row_number, "claim_ids", f"unknown claim {claim_id!r}"))
            elif claim_sources[claim_id] != row.source_id:
                problems.append(Problem(shown, row_number, "claim_ids", f"claim {claim_id} is from "
                                        f"{claim_sources[claim_id]}, not {row.source_id}"))
    return problems


def _completeness(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    from .completeness import unaccounted

    return [Problem(f"{_display(seeds_dir)}/{m.file}", None, None,
                    f"line {m.line}: the number {m.text!r} is in no figure's span and no exclusion; add a figure "
                    "to data/figures.csv or a reasoned row to data/exclusions.csv")
            for m in unaccounted(data_dir, seeds_dir)]


def _draft_rows(path: Path, columns: list[str]) -> tuple[list[dict], list[Problem]]:
    """A draft CSV's rows, or the problem that stops it being read."""
    shown = _display(path)
    if not path.is_file():
        return [], [Problem(shown, None, None, "draft file is missing; run add-source again or restore it")]
    text, failure = _decoded(path.read_bytes())
    if failure:
        return [], [Problem(shown, None, None, f"line {failure[0]}: {failure[1]}")]
    records, error = _csv_records(text)
    if error:
        return [], [Problem(shown, None, None, error)]
    header = records[0] if records else []
    missing = [Problem(shown, 1, c, "required column is missing from the header") for c in columns if c not in header]
    if missing:
        return [], missing
    rows = [dict(zip(header, record + [""] * (len(header) - len(record)))) for record in records[1:]]
    long = [Problem(shown, n, None, f"row has {len(r)} cells, the header {len(header)}")
            for n, r in enumerate(records[1:], start=2) if len(r) > len(header)]
    return rows, long


def _drafts(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    """Drafts from add-source: quotes verbatim in their seed, every span re-parsed as its figure says."""
    from .intake import DRAFTS, UNREAD_COLUMNS

    problems = []
    folder = data_dir / DRAFTS
    for draft in sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []:
        source, found = _draft_rows(draft / "source.csv", ["source_id", "file"])
        claims, more = _draft_rows(draft / "claims.csv", ["claim_id", "quote"])
        figures, most = _draft_rows(draft / "figures.csv", ["figure_id", "claim_id", "quote_span", "value_low",
                                                            "value_high", "unit", "qualifier"])
        unread, rest = _draft_rows(draft / "unread.csv", list(UNREAD_COLUMNS))
        problems += found + more + most + rest
        seed = _readable_seed(source[0]["file"], seeds_dir) if len(source) == 1 else None
        if len(source) == 1 and seed is None:
            problems.append(Problem(_display(draft / "source.csv"), 2, "file", f"no readable seed {source[0]['file']!r}"))
        if seed is None:
            continue
        shown = _display(draft / "claims.csv")
        for row_number, row in enumerate(claims, start=2):
            if not seedlib.quote_is_verbatim(row["quote"], seed.text):
                problems.append(Problem(shown, row_number, "quote", f"quote not found in {seed.file}: {row['quote'][:40]!r}…"))
        shown = _display(draft / "figures.csv")
        number_problems = _number_cells(shown, [["value_low", "value_high"]] + [[r["value_low"], r["value_high"]] for r in figures],
                                        ["value_low", "value_high"])
        problems += number_problems
        quotes = {row["claim_id"]: row["quote"] for row in claims}
        for row_number, row in enumerate(figures, start=2):
            if any(p.row == row_number for p in number_problems):
                continue
            try:
                low = float(row["value_low"])
                high = float(row["value_high"]) if row["value_high"].strip() else math.nan
            except ValueError:
                problems.append(Problem(shown, row_number, "value_low", "value_low and value_high must be numbers"))
                continue
            if row["claim_id"] not in quotes:
                problems.append(Problem(shown, row_number, "claim_id", f"no claim {row['claim_id']!r} in claims.csv of this draft"))
            figure = _DraftFigure(row["claim_id"], row["quote_span"], low, high, row["unit"], row["qualifier"])
            problems += [Problem(shown, row_number, column, message) for column, message in _figure_row(figure, quotes)]
        shown = _display(draft / "unread.csv")
        for row_number, row in enumerate(unread, start=2):
            if row["snippet"] not in seed.text:
                problems.append(Problem(shown, row_number, "snippet", f"{row['snippet']!r} does not occur in {seed.file}"))
    return problems


@dataclass(frozen=True)
class _DraftFigure:
    claim_id: str
    quote_span: str
    value_low: float
    value_high: float
    unit: str
    qualifier: str


def _unlisted_seeds(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    """A seed with neither a sources.csv row nor a draft is a text nobody is reading."""
    from .intake import DRAFTS

    listed = set(load("sources", data_dir)["file"])
    for draft in (data_dir / DRAFTS).glob("*/source.csv"):
        listed |= {row.get("file", "") for row in _draft_rows(draft, [])[0]}
    return [Problem(_display(path), None, None, "in no row of data/sources.csv and no draft in data/drafts/; "
                    "add it with `make add-source FILE=…` or remove it and its manifest line")
            for path in sorted(seeds_dir.glob("*.txt")) if path.name not in listed]


_SEMANTIC = {"sources": _sources_and_chains, "entities": _entities, "claims": _claims_and_voices, "figures": _figures,
             "deals": _deals, "assumptions": _assumptions, "glossary": _glossary, "exclusions": _exclusions,
             "positions": _positions}
_NEEDS = {"claims": {"sources", "entities"}, "figures": {"claims"}, "deals": {"figures"}, "exclusions": {"sources"}, "positions": {"claims"}}


def _checked(table: str, data_dir: Path, seeds_dir: Path) -> list[Problem]:
    """A table's row checks; a column they read that the schema no longer has is itself the problem."""
    try:
        return _SEMANTIC[table](data_dir, seeds_dir)
    except (AttributeError, KeyError) as error:
        column = getattr(error, "name", None) or (error.args[0] if error.args else None)
        if not isinstance(column, str):
            raise
        return [Problem(_display(data_dir / f"{table}.csv"), None, column, f"validation needs this column, but the "
                        f"schema of table '{table}' in {PACKAGE_FILE} does not have it")]


def validate_project(data_dir: Path = DATA, seeds_dir: Path = SEEDS, manifest: Path = SEED_MANIFEST) -> list[Problem]:
    """All problems in the seeds and the data tables; an empty list means the evidence base is sound."""
    descriptor.cache_clear()
    seedlib.load_seed.cache_clear()
    _readable_seed.cache_clear()
    problems = _manifest_problems(seeds_dir, manifest) + _seed_problems(seeds_dir)
    descriptor_problems = _descriptor_problems(data_dir)
    if descriptor_problems:
        return problems + descriptor_problems  # without a readable schema no table can be checked
    structural, sound = _structure(data_dir)
    problems += structural
    schema_problems, failed = _schema(data_dir, sound)
    problems += schema_problems
    sound -= failed  # row-level checks need typed, well-formed tables
    for table in TABLES:
        if table in sound and _NEEDS.get(table, set()) <= sound:
            problems += _checked(table, data_dir, seeds_dir)
    problems += _drafts(data_dir, seeds_dir)
    if "sources" in sound:
        problems += _unlisted_seeds(data_dir, seeds_dir)
    if not problems:
        problems += _completeness(data_dir, seeds_dir)
    return problems
