"""Intake of a new source: copy it into seeds/, and draft its rows for review in data/drafts/.

add_source copies a text byte for byte to seeds/NNN_<first 16 hex digits of its SHA-256>.txt, adds
it to the manifest, reads its front matter, detects its script and drafts, in data/drafts/<source_id>/:
  source.csv      the proposed sources.csv row (with the writer, chain and LLM-editing fields to review),
  claims.csv      one claim per sentence that states a number, the sentence verbatim,
  figures.csv     one figure per number, its span parsed by zh_numbers (value, unit, qualifier),
  unread.csv      the numbers the parser cannot read, with the reason, proposed as exclusions.
Nothing is guessed: a cell the text cannot fill holds REVIEW and what to decide. Validation checks the
drafts (every span re-parsed); the book never reads them. accept_source moves reviewed rows into the
tables and keeps them only if the whole evidence base then validates.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import DATA, SEED_MANIFEST, SEEDS
from . import seeds as seedlib
from .completeness import mentions
from .tables import aliases, descriptor, load, resource
from .zh_numbers import RANGE_SEPARATOR, QuantityError, parse_quantity, quantity_span

DRAFTS = "drafts"
REVIEW = "REVIEW"
DRAFT_FILES = ("source.csv", "claims.csv", "figures.csv", "unread.csv")
# Fields the sources table is gaining (writer, chain of transmission, LLM editing); drafted here for review.
SOURCE_EXTRA = ("writer", "chain", "llm_edited")
CLAIM_EXTRA = ("voice",)
UNREAD_COLUMNS = ("source_id", "snippet", "reason", "parser_says", "line")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?[」』”]?")
_MARKUP = "*#>-_ \t　"
# Signs that a language model rewrote the text (as in the 最佳拍檔 transcript): its preface or its stamp.
_LLM_MARKS = re.compile(r"\[model=|好的，我將根據您的要求|好的，我将根据您的要求|以下是整理後的|以下是整理后的")
_SECOND_HAND = re.compile(r"整理自|編譯|编译|據.{0,12}報導|据.{0,12}报道|訪談|访谈|播客|Podcast|podcast")
_QUOTED = re.compile(r"「[^」]+」|“[^”]+”")
_SAID = re.compile(r"表示|認為|认为|指出|稱|称|說|说|預計|预计|透露")
_REPORTED = re.compile(r"據.{0,12}(?:報導|報道|消息)|据.{0,12}(?:报道|消息)|彭博|路透|Bloomberg|Reuters")


class IntakeError(ValueError):
    """A text that cannot be taken in (not UTF-8, already a seed, …); the message says what to do."""


@dataclass
class Intake:
    source_id: str
    seed: str
    drafts: Path
    figures: int = 0
    unread: list[tuple[str, str]] = field(default_factory=list)
    script: str = ""


def seed_name(raw: bytes, seeds_dir: Path = SEEDS) -> str:
    """NNN_<16 hex>.txt: the next free number and the first 16 hex digits of the text's SHA-256."""
    numbers = [int(p.name[:3]) for p in seeds_dir.glob("*.txt") if p.name[:3].isdigit()]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(raw).hexdigest()[:16]}.txt"


def _table_columns(name: str, data_dir: Path) -> list[str]:
    return [f["name"] for f in resource(name, data_dir)["schema"]["fields"]]


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def read_draft(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _sentences(text: str) -> list[tuple[int, int]]:
    """Start and end of each sentence, without surrounding markdown, so each is a verbatim quote."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start] in _MARKUP:
            start += 1
        while end > start and text[end - 1] in _MARKUP:
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _entities(sentence: str, data_dir: Path) -> str:
    table = aliases(data_dir)
    key = seedlib.normalise(sentence).casefold()
    found = [row.entity_id for row in table.itertuples() if seedlib.normalise(row.alias).casefold() in key]
    return ";".join(dict.fromkeys(found))


def _voice(sentence: str) -> str:
    if _QUOTED.search(sentence):
        return "quoted"
    if _REPORTED.search(sentence):
        return "reported"
    if _SAID.search(sentence):
        return "paraphrased"
    return "narration"


# Chinese numerals the completeness scan does not look for, but that state a quantity the parser reads
# or refuses with a reason: 三成, 第三季, 兩百台, the first end of 三到五年.
_MORE_NUMERALS = re.compile(r"[零〇一二兩两三四五六七八九十百千]+(?=成|季|台|片|項|项|座|款|位|次|名|分之|番"
                            r"|(?:到|至|~|～|-)[零〇一二兩两三四五六七八九十百千\d])")


def _mentions(text: str) -> list[tuple[int, int]]:
    """Every number mention completeness checks, and the Chinese numerals above."""
    found = [(start, end) for start, end, _ in mentions(text)]
    found += [(m.start(), m.end()) for m in _MORE_NUMERALS.finditer(text)
              if m.group(0) != "一" and not any(a <= m.start() < b for a, b in found)]
    return sorted(found)


def _number_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans to parse for the numbers in text[start:end]; two numbers joined by 至/到/- make one range."""
    spans: list[tuple[int, int]] = []
    for mention_start, mention_end in _mentions(text):
        if not start <= mention_start < end:
            continue
        span = quantity_span(text, mention_start, mention_end)
        gap = text[spans[-1][1]:span[0]] if spans else None
        if spans and (span[0] <= spans[-1][1] or RANGE_SEPARATOR.fullmatch(gap)):
            # inside or touching the previous span (2兆8,943億), or its other end (二十萬到三十萬張)
            spans[-1] = (spans[-1][0], max(spans[-1][1], span[1]))
        else:
            spans.append(span)
    return spans


def _source_row(source_id: str, file: str, seed: seedlib.Seed, script: str) -> dict:
    front = seed.front_matter
    body_lines = [line.strip(_MARKUP) for line in seed.body.splitlines() if line.strip(_MARKUP)]
    title = str(front.get("title") or (body_lines[0] if body_lines else ""))
    date = str(front.get("date") or "")
    author = front.get("author") or front.get("writer") or front.get("source_name")
    return {
        "source_id": source_id, "file": file, "short_name": f"{REVIEW}: short name for chart source lines",
        "document": f"{REVIEW}: the text as the prose names it ('the … digest')",
        "title": title, "title_en": f"{REVIEW}: English rendering of the title",
        "cited_author": str(author) if author else f"{REVIEW}: author or publisher named in citations",
        "outlet": str(front.get("outlet") or front.get("source_name") or f"{REVIEW}: publication or channel"),
        "speakers": f"{REVIEW}: who speaks (or 'none named')",
        "kind": f"{REVIEW}: podcast digest, edited transcript or news analysis",
        "published": date[:10] if re.match(r"\d{4}-\d{2}-\d{2}", date) else "",
        "date_basis": f"front matter date {date}" if date else "not stated: the text carries no date",
        "script": script if script in ("Traditional", "Simplified", "mixed") else f"{REVIEW}: script not detected",
        "url": str(front.get("source_url") or front.get("url") or ""),
        "notes": f"{REVIEW}: first-, second- or third-hand; what to watch for",
        "writer": str(author) if author else f"{REVIEW}: who wrote this text",
        "chain": "second-hand (REVIEW)" if _SECOND_HAND.search(seed.text) else f"{REVIEW}: first- or second-hand",
        "llm_edited": "yes (REVIEW: marks of a language model found)" if _LLM_MARKS.search(seed.text) else "no marks found (REVIEW)",
    }


def add_source(text_file: Path, data_dir: Path = DATA, seeds_dir: Path = SEEDS, manifest: Path = SEED_MANIFEST) -> Intake:
    """Copy a text into seeds/ under the naming scheme and draft its rows in data/drafts/<source_id>/."""
    raw = Path(text_file).read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise IntakeError(f"{text_file}: line {line} is not UTF-8; save the text as UTF-8 and add it again") from error
    digest = hashlib.sha256(raw).hexdigest()
    known = seedlib.read_manifest(manifest)
    if digest in known.values():
        raise IntakeError(f"{text_file} is already a seed: {next(n for n, d in known.items() if d == digest)}")
    name = seed_name(raw, seeds_dir)
    source_id = f"source-{name[:3]}"
    if source_id in set(load("sources", data_dir)["source_id"]) or (data_dir / DRAFTS / source_id).exists():
        raise IntakeError(f"{source_id} is already in data/sources.csv or data/drafts/")
    (seeds_dir / name).write_bytes(raw)
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write(f"{digest}  {name}\n")
    seedlib.load_seed.cache_clear()
    seed = seedlib.load_seed(name, seeds_dir)
    script = seedlib.detect_script(seed.body)
    drafts = data_dir / DRAFTS / source_id
    drafts.mkdir(parents=True)
    intake = Intake(source_id, name, drafts, script=script)
    claims, figures, unread = _draft_rows(intake, seed.text, data_dir)
    _write(drafts / "source.csv", _table_columns("sources", data_dir) + list(SOURCE_EXTRA),
           [_source_row(source_id, name, seed, script)])
    _write(drafts / "claims.csv", _table_columns("claims", data_dir) + list(CLAIM_EXTRA), claims)
    _write(drafts / "figures.csv", _table_columns("figures", data_dir), figures)
    _write(drafts / "unread.csv", list(UNREAD_COLUMNS), unread)
    return intake


def _draft_rows(intake: Intake, text: str, data_dir: Path) -> tuple[list[dict], list[dict], list[dict]]:
    number = intake.seed[:3]
    claims, figures, unread = [], [], []
    yuan_note = {"Simplified": "元 alone: yuan (CNY) in mainland usage", "Traditional": "元 alone: NT$ (TWD) in Taiwan, "
                 "HK$ (HKD) in Hong Kong, or yuan"}.get(intake.script, "元 alone: its currency depends on where the text is from")
    for start, end in _sentences(text):
        spans = _number_spans(text, start, end)
        if not spans:
            continue
        if len(claims) == 99 or len(figures) + len(spans) > 99:
            raise IntakeError(f"{intake.seed} states more than 99 numbers; split it, ids allow two digits")
        claim_id = f"C{number}-{len(claims) + 1:02d}"
        sentence = text[start:end]
        claims.append({"claim_id": claim_id, "source_id": intake.source_id, "quote": sentence,
                       "quote_en": f"{REVIEW}: English rendering", "speaker": f"{REVIEW}: speaker or 'digest writer'",
                       "topic": f"{REVIEW}: topic", "kind": "reported_figure", "entities": _entities(sentence, data_dir),
                       "voice": f"{_voice(sentence)} ({REVIEW})"})
        for span_start, span_end in spans:
            span = text[span_start:span_end]
            line = text.count("\n", 0, span_start) + 1
            try:
                quantity = parse_quantity(span)
            except QuantityError as error:
                unread.append({"source_id": intake.source_id, "snippet": span, "line": line, "parser_says": str(error),
                               "reason": f"{REVIEW}: an exclusion reason, or write the figure by hand"})
                intake.unread.append((span, str(error)))
                continue
            unit = quantity.unit or ""
            note = "" if unit else f"{REVIEW}: no unit word right after the number; set the unit"
            if not unit and re.search(r"元", span):
                note = f"{REVIEW}: {yuan_note}; set the unit"
            figures.append({"figure_id": f"F{number}-{len(figures) + 1:02d}", "claim_id": claim_id,
                            "metric": f"{REVIEW}: what is measured", "entity": "", "quote_span": span,
                            "value_low": f"{quantity.low:.15g}",
                            "value_high": "" if quantity.high is None else f"{quantity.high:.15g}",
                            "unit": unit, "qualifier": quantity.qualifier, "period": "", "note": note})
    intake.figures = len(figures)
    return claims, figures, unread


def pending(row: dict) -> list[str]:
    """Columns of a draft row still marked for review."""
    return [column for column, value in row.items() if REVIEW in (value or "")]


def accept_source(source_id: str, data_dir: Path = DATA, seeds_dir: Path = SEEDS, manifest: Path = SEED_MANIFEST) -> list[str]:
    """Move a reviewed draft into the tables; returns the problems that stop it (empty when accepted).

    Every REVIEW mark must be resolved first, and every unread number given an exclusion reason (or
    removed from unread.csv once a figure covers it). The tables are restored if validation then fails.
    """
    from .validate import validate_project

    drafts = data_dir / DRAFTS / source_id
    if not drafts.is_dir():
        return [f"no draft {source_id} in {DRAFTS}/"]
    before = [str(p) for p in validate_project(data_dir, seeds_dir, manifest)]
    if before:
        return before  # a draft that cannot be read, or a base that is already unsound, is fixed first
    tables = {"sources": read_draft(drafts / "source.csv"), "claims": read_draft(drafts / "claims.csv"),
              "figures": read_draft(drafts / "figures.csv"),
              "exclusions": [{"source_id": r["source_id"], "snippet": r["snippet"], "reason": r["reason"]}
                             for r in read_draft(drafts / "unread.csv")]}
    problems = [f"{DRAFTS}/{source_id}/{file}, row {number}, column {column}: still marked {REVIEW}"
                for file, rows in zip(DRAFT_FILES, tables.values())
                for number, row in enumerate(rows, start=2) for column in pending(row)]
    if problems:
        return problems
    saved = {name: (data_dir / resource(name, data_dir)["path"]).read_bytes() for name in tables}
    for name, rows in tables.items():
        path = data_dir / resource(name, data_dir)["path"]
        columns = _table_columns(name, data_dir)
        existing = path.read_text(encoding="utf-8-sig")
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore").writerows(rows)
        path.write_text(existing + ("" if existing.endswith("\n") else "\n") + out.getvalue(), encoding="utf-8")
    descriptor.cache_clear()
    problems = [str(p) for p in validate_project(data_dir, seeds_dir, manifest)]
    if problems:
        for name, content in saved.items():
            (data_dir / resource(name, data_dir)["path"]).write_bytes(content)
        return problems
    shutil.rmtree(drafts)
    if not any((data_dir / DRAFTS).iterdir()):
        (data_dir / DRAFTS).rmdir()
    return []
