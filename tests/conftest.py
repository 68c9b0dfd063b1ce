"""Shared fixtures: a copy of the evidence base to break, and one book build per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from compute_ledger.paths import BUILD, DATA, ROOT, SEED_MANIFEST, SEEDS

TEST_BOOK = BUILD / "test-book"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ (the seeds stay read-only and shared)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def seeds_copy(tmp_path: Path) -> tuple[Path, Path]:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target, target / SEED_MANIFEST.name


def build_book(output: Path) -> subprocess.CompletedProcess:
    """Build the book from stored notebook outputs, warnings as errors, into output/_build/html."""
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT), "--path-output", str(output),
               "--warningiserror", "--nitpick", "--keep-going"]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The HTML book, built once per test session even when xdist runs several workers."""
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
    TEST_BOOK.parent.mkdir(parents=True, exist_ok=True)
    marker = TEST_BOOK / "built-for-run"
    with FileLock(str(TEST_BOOK) + ".lock"):
        if not (marker.exists() and marker.read_text() == run_id):
            shutil.rmtree(TEST_BOOK, ignore_errors=True)
            TEST_BOOK.mkdir()
            result = build_book(TEST_BOOK)
            (TEST_BOOK / "build.log").write_text(result.stdout + result.stderr)
            if result.returncode != 0:
                pytest.fail(f"book build failed (warnings are errors):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
            marker.write_text(run_id)
    return TEST_BOOK / "_build" / "html"


TEST_PDF = BUILD / "test-pdf"


@pytest.fixture(scope="session")
def built_pdf() -> Path:
    """The circulated PDF, built once per test session from the stored notebook outputs."""
    from compute_ledger.book import pdf

    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
    marker = TEST_PDF / "built-for-run"
    target = TEST_PDF / "compute-ledger.pdf"
    TEST_PDF.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(TEST_PDF) + ".lock"):
        if not (marker.exists() and marker.read_text() == run_id):
            shutil.rmtree(TEST_PDF, ignore_errors=True)
            TEST_PDF.mkdir()
            pdf.print_pdf(pdf.build_single_page(TEST_PDF / "print"), target)
            marker.write_text(run_id)
    return target
