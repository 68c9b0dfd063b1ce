"""Validation of seeds and data tables, run before any notebook executes.

Every problem names its file, row and column, so a bad edit is fixed at its source rather than
discovered as a traceback deep in a chapter. Rows are numbered as in a spreadsheet: the header
is row 1, the first data row is row 2.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from frictionless import Package

from . import seeds as seedlib
from ..paths import DATA, ROOT, SEED_MANIFEST, SEEDS
from .tables import PACKAGE_FILE, TABLES, descriptor, load
from .voices import OUTLET_ROLES, chain_names, parse_chain, presented_as_quotation
from .zh_numbers import QuantityError, parse_quantity


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


def _structure(data_dir: Path) -> tuple[list[Problem], set[str]]:
    """File-level problems (missing, empty, not UTF-8, wrong header); returns also the tables that are sound."""
    problems, sound = [], set()
    for entry in descriptor(data_dir)["resources"]:
        path = data_dir / entry["path"]
        shown = _display(path)
        expected = [f["name"] for f in entry["schema"]["fields"]]
        if not path.exists():
            problems.append(Problem(shown, None, None, f"file is missing (table '{entry['name']}' in {PACKAGE_FILE})"))
            continue
        raw = path.read_bytes()
        if not raw.strip():
            problems.append(Problem(shown, None, None, "file is empty; expected a header row: " + ",".join(expected)))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            row = raw[: error.start].count(b"\n") + 1
            problems.append(Problem(shown, row, None, f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start} "
                                                      "(save the file as UTF-8)"))
            continue
        header = next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        missing = [c for c in expected if c not in header]
        unexpected = [c for c in header if c not in expected]
        for column in missing:
            problems.append(Problem(shown, 1, column, "required column is missing from the header"))
        for column in unexpected:
            problems.append(Problem(shown, 1, column, f"unexpected column; the schema has: {', '.join(expected)}"))
        if not missing and not unexpected and header != expected:
            problems.append(Problem(shown, 1, None, "columns are out of order; expected: " + ",".join(expected)))
        if not missing and not unexpected and header == expected:
            sound.add(entry["name"])
    return problems, sound


def _schema(data_dir: Path, sound: set[str]) -> tuple[list[Problem], set[str]]:
    """Types, required fields, vocabularies, unique ids and references between tables (Frictionless).

    Returns the problems and the names of the tables that have any.
    """
    package = Package(descriptor(data_dir), basepath=str(data_dir))
    for name in [r.name for r in package.resources if r.name not in sound]:
        package.remove_resource(name)
    problems = []
    for entry in package.resources:
        if any(fk["reference"]["resource"] not in sound for fk in entry.schema.foreign_keys):
            entry.schema.foreign_keys = [fk for fk in entry.schema.foreign_keys if fk["reference"]["resource"] in sound]
    report = package.validate()
    failed = set()
    for task in report.tasks:
        if task.errors:
            failed.add(task.name)
        shown = _display(data_dir / task.place) if task.place else task.name
        for error in task.errors:
            field = getattr(error, "field_name", None)
            if error.type == "foreign-key":
                field = ", ".join(getattr(error, "field_names", []) or []) or field
            problems.append(Problem(shown, getattr(error, "row_number", None), field, _message(error)))
    return problems, failed


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


def _sources(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "sources.csv")
    problems = []
    for row_number, row in enumerate(load("sources", data_dir).itertuples(), start=2):
        path = seeds_dir / row.file
        if not path.exists():
            problems.append(Problem(shown, row_number, "file", f"no seed file {row.file} in {_display(seeds_dir)}/"))
            continue
        seed = seedlib.load_seed(row.file, seeds_dir)
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
        if row.source_id not in files.index or not (seeds_dir / files[row.source_id]).exists():
            continue  # reported by the reference check
        text = seedlib.load_seed(files[row.source_id], seeds_dir).text
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
        if row.voice == "quoted" and (seeds_dir / source.file).exists():
            body = seedlib.load_seed(source.file, seeds_dir).body
            if not presented_as_quotation(row.quote, body):
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
    quotes = load("claims", data_dir).set_index("claim_id")["quote"]
    problems = []
    for row_number, row in enumerate(load("figures", data_dir).itertuples(), start=2):
        def report(column: str, message: str) -> None:
            problems.append(Problem(shown, row_number, column, message))

        has_high = not math.isnan(row.value_high)
        if has_high and row.value_high < row.value_low:
            report("value_high", f"malformed range: high {row.value_high:g} is below low {row.value_low:g}")
        if (row.qualifier == "range") != has_high:
            report("value_high", "malformed range: a 'range' needs value_high, and only a range has one")
        if row.claim_id not in quotes.index:
            continue  # reported by the reference check
        if not seedlib.quote_is_verbatim(row.quote_span, quotes[row.claim_id]):
            report("quote_span", f"{row.quote_span!r} is not in the quote of claim {row.claim_id}")
            continue
        try:
            parsed = parse_quantity(row.quote_span)
        except QuantityError as error:
            report("quote_span", f"no value can be read from it: {error}")
            continue
        if not _same(parsed.low, row.value_low):
            report("value_low", f"{row.value_low:g} is not what the quote says: {row.quote_span!r} reads as {parsed.low:g}")
        if has_high and (parsed.high is None or not _same(parsed.high, row.value_high)):
            report("value_high", f"{row.value_high:g} is not what the quote says: {row.quote_span!r} reads as {parsed.high}")
        if parsed.unit and parsed.unit != row.unit:
            report("unit", f"{row.unit!r} disagrees with the quote: {row.quote_span!r} is in {parsed.unit!r}")
        if parsed.qualifier != row.qualifier:
            report("qualifier", f"{row.qualifier!r} disagrees with the quote: {row.quote_span!r} is {parsed.qualifier!r}")
    return problems


def _entities(data_dir: Path, seeds_dir: Path) -> list[Problem]:
    shown = _display(data_dir / "entities.csv")
    corpus = "\n".join(seedlib.load_seed(p.name, seeds_dir).text for p in sorted(seeds_dir.glob("*.txt")))
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


_DEAL_UNITS = {"amount_figure": {"USD", "JPY"}, "capacity_figure": {"GW", "shares", "GPUs"},
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
        if row.source_id in files.index and row.snippet not in seedlib.load_seed(files[row.source_id], seeds_dir).text:
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


_SEMANTIC = {"sources": _sources_and_chains, "entities": _entities, "claims": _claims_and_voices, "figures": _figures,
             "deals": _deals, "assumptions": _assumptions, "glossary": _glossary, "exclusions": _exclusions,
             "positions": _positions}
_NEEDS = {"claims": {"sources", "entities"}, "figures": {"claims"}, "deals": {"figures"}, "exclusions": {"sources"}, "positions": {"claims"}}


def validate_project(data_dir: Path = DATA, seeds_dir: Path = SEEDS, manifest: Path = SEED_MANIFEST) -> list[Problem]:
    """All problems in the seeds and the data tables; an empty list means the evidence base is sound."""
    problems = [Problem(_display(manifest), None, None, message)
                for message in seedlib.verify_manifest(seeds_dir, manifest)]
    descriptor.cache_clear()
    seedlib.load_seed.cache_clear()
    structural, sound = _structure(data_dir)
    problems += structural
    schema_problems, failed = _schema(data_dir, sound)
    problems += schema_problems
    sound -= failed  # row-level checks need typed, well-formed tables
    for table in TABLES:
        if table in sound and _NEEDS.get(table, set()) <= sound:
            problems += _SEMANTIC[table](data_dir, seeds_dir)
    if not problems:
        problems += _completeness(data_dir, seeds_dir)
    return problems
