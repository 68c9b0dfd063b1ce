"""Command line: python -m compute_ledger {validate,book,execute,pdf,bench,add-source,accept-source}."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..paths import ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compute_ledger")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("validate", help="check seeds and data tables; errors name file, row and column")
    book = commands.add_parser("book", help="validate, execute and build the HTML book, skipping unchanged steps")
    book.add_argument("--jobs", type=int, default=2)
    execute = commands.add_parser("execute", help="execute chapter notebooks whose inputs changed")
    execute.add_argument("--jobs", type=int, default=2)
    commands.add_parser("pdf", help="build the whole book as one PDF in _build/pdf/")
    bench = commands.add_parser("bench", help="time builds, tests, the PDF and pages; report in _build/bench/")
    bench.add_argument("--runs", type=int, default=3)
    add = commands.add_parser("add-source", help="copy a text into seeds/ and draft its rows for review in data/drafts/")
    add.add_argument("file", type=Path)
    accept = commands.add_parser("accept-source", help="move a reviewed draft from data/drafts/ into the tables")
    accept.add_argument("source_id")
    args = parser.parse_args(argv)

    if args.command == "add-source":
        return _add_source(args.file)
    if args.command == "accept-source":
        from ..evidence.intake import accept_source

        problems = accept_source(args.source_id)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"not accepted: {len(problems)} problem(s); the tables are unchanged", file=sys.stderr)
            return 1
        print(f"accepted {args.source_id}: its rows are in data/; run `make book` to rebuild")
        return 0

    if args.command == "validate":
        from ..evidence.bibliography import write_bibtex
        from ..evidence.validate import validate_project

        problems = validate_project()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"validation failed: {len(problems)} problem(s); fix them before building", file=sys.stderr)
            return 1
        if write_bibtex():
            print("references.bib regenerated from data/sources.csv")
        print("validation passed: seeds match their manifest; data tables are consistent")
        return 0
    if args.command == "book":
        from .build import book

        status = book(jobs=args.jobs)
        if status == 0:
            print("Book: open _build/html/index.html in a browser (works offline).")
        return status
    if args.command == "execute":
        from .execute import execute_changed

        outcome = execute_changed(jobs=args.jobs)
        print(outcome.summary())
        return 1 if outcome.failures else 0
    if args.command == "pdf":
        from .pdf import MissingSystemPackage, make_pdf

        try:
            path = make_pdf()
        except MissingSystemPackage as error:
            print(error, file=sys.stderr)
            return 1
        print(f"PDF: {path.relative_to(ROOT)}")
        return 0
    if args.command == "bench":
        from .bench import BENCH, run

        run(args.runs)
        print((BENCH / "bench.md").read_text(encoding="utf-8"))
        return 0
    return 2



def _add_source(file: Path) -> int:
    from ..evidence.intake import IntakeError, add_source

    if not file.is_file():
        print(f"{file}: no such file", file=sys.stderr)
        return 1
    try:
        intake = add_source(file)
    except IntakeError as error:
        print(error, file=sys.stderr)
        return 1
    drafts = intake.drafts.relative_to(ROOT)
    print(f"added seeds/{intake.seed} ({intake.script}) as {intake.source_id}; manifest updated")
    print(f"drafted in {drafts}/: source.csv, claims.csv, {intake.figures} figure(s) in figures.csv")
    if intake.unread:
        print(f"{len(intake.unread)} number(s) the parser cannot read, listed in {drafts}/unread.csv:")
        for span, reason in intake.unread:
            print(f"  {span}: {reason}")
    print(f"review every cell marked REVIEW, then: python -m compute_ledger accept-source {intake.source_id}")
    return 0
