"""add-source and accept-source on a realistic new text (tests/evidence/intake/, not part of the book).

Expected values were worked by hand from the text: e.g. 新台幣9,000億元 = 9,000 × 10^8 NT dollars,
120萬瓩 = 120 × 10^4 kW, 三到五年 = 3–5 years; ¥, 英鎊, 翻三倍 and the ordinal 第三季 cannot be read.
"""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from compute_ledger.evidence import seeds as seedlib
from compute_ledger.evidence.completeness import mentions
from compute_ledger.evidence.intake import IntakeError, accept_source, add_source, read_draft
from compute_ledger.evidence.validate import validate_project
from compute_ledger.paths import DATA, SEED_MANIFEST, SEEDS

TEXT = Path(__file__).parent / "intake" / "ai_server_supply_chain.txt"


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Path]:
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "data", tmp_path / "seeds", tmp_path / "seeds" / SEED_MANIFEST.name


def problems(project) -> list[str]:
    data, seeds, manifest = project
    return [str(p).replace(str(data.parent) + "/", "") for p in validate_project(data, seeds, manifest)]


def test_the_text_is_copied_under_the_naming_scheme_and_listed_in_the_manifest(project):
    data, seeds, manifest = project
    intake = add_source(TEXT, *project)
    raw = TEXT.read_bytes()
    assert intake.seed == f"005_{hashlib.sha256(raw).hexdigest()[:16]}.txt"  # five seeds before it: 000–004
    assert (seeds / intake.seed).read_bytes() == raw
    assert seedlib.verify_manifest(seeds, manifest) == []
    assert intake.source_id == "source-005" and intake.script == "Traditional"


def test_the_source_row_is_proposed_from_the_front_matter(project):
    intake = add_source(TEXT, *project)
    [row] = read_draft(intake.drafts / "source.csv")
    assert row["title"] == "AI伺服器需求爆發 台積電先進封裝產能上看翻倍"
    assert row["published"] == "2025-11-14" and row["script"] == "Traditional"
    assert row["url"] == "https://example.com/news/ai-server-2025" and row["writer"] == "測試記者"
    assert row["kind"].startswith("REVIEW")


def test_every_number_is_drafted_as_a_figure_or_listed_with_a_reason(project):
    intake = add_source(TEXT, *project)
    text = TEXT.read_text(encoding="utf-8")
    figures = {r["quote_span"]: r for r in read_draft(intake.drafts / "figures.csv")}
    unread = {r["snippet"]: r["parser_says"] for r in read_draft(intake.drafts / "unread.csv")}
    covered = [(text.index(span), text.index(span) + len(span)) for span in list(figures) + list(unread)]
    for start, end, token in mentions(text):
        assert any(a <= start and end <= b for a, b in covered), f"{token!r} at {start} is neither drafted nor listed"
    expected = {
        "新台幣9,000億元": ("900000000000", "", "TWD", "exact"), "逾三成": ("30", "", "percent", "over"),
        "約59.5%": ("59.5", "", "percent", "about"), "15.2元": ("15.2", "", "", "exact"),
        "60萬至70萬": ("600000", "700000", "", "range"), "近兩成": ("20", "", "percent", "about"),
        "400億至420億美元": ("40000000000", "42000000000", "USD", "range"), "1.2吉瓦": ("1.2", "", "GW", "exact"),
        "120萬瓩": ("1200000", "", "kW", "exact"), "300兆瓦": ("300", "", "MW", "exact"),
        "三到五年": ("3", "5", "years", "range"), "130千瓦以上": ("130", "", "kW", "over"),
        "超過1兆日圓": ("1000000000000", "", "JPY", "over"), "上千家": ("1000", "", "companies", "several"),
        "約八成": ("80", "", "percent", "about"), "上看250萬": ("2500000", "", "", "up_to"),
    }
    for span, (low, high, unit, qualifier) in expected.items():
        row = figures[span]
        assert (row["value_low"], row["value_high"], row["unit"], row["qualifier"]) == (low, high, unit, qualifier), span
    assert "元 alone" in figures["15.2元"]["note"]  # never guessed as CNY in a Taiwanese text
    assert set(unread) == {"第三季", "¥500億", "20億英鎊", "翻三倍"}
    assert "ordinal" in unread["第三季"] and "both yen and yuan" in unread["¥500億"]
    assert "outside the vocabulary" in unread["20億英鎊"] and "ambiguous" in unread["翻三倍"]


def test_each_claim_is_a_verbatim_sentence_with_its_entities(project):
    intake = add_source(TEXT, *project)
    text = TEXT.read_text(encoding="utf-8")
    claims = read_draft(intake.drafts / "claims.csv")
    assert all(seedlib.quote_is_verbatim(c["quote"], text) for c in claims)
    power = next(c for c in claims if "吉瓦" in c["quote"])
    assert power["entities"] == "openai;microsoft"
    quoted = next(c for c in claims if c["quote"].startswith("「"))
    assert quoted["quote"].endswith("。」") and quoted["voice"].startswith("quoted")


def test_validation_re_parses_the_drafts(project):
    data, _, _ = project
    intake = add_source(TEXT, *project)
    assert problems(project) == []
    path = intake.drafts / "figures.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    column = rows[0].index("value_low")
    rows[1][column] = "123"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert any(p.startswith("data/drafts/source-005/figures.csv, row 2, column value_low: 123 is not what the quote says")
               for p in problems(project))


def test_a_seed_nobody_reads_is_a_problem(project):
    data, seeds, _ = project
    add_source(TEXT, *project)
    shutil.rmtree(data / "drafts")
    assert any(p.startswith("seeds/005_") and "in no row of data/sources.csv and no draft" in p for p in problems(project))


def test_a_text_is_added_once(project):
    add_source(TEXT, *project)
    with pytest.raises(IntakeError, match="already a seed: 005_"):
        add_source(TEXT, *project)


def test_a_text_that_is_not_utf8_is_refused_before_anything_is_written(project, tmp_path):
    data, seeds, manifest = project
    big5 = tmp_path / "big5.txt"
    big5.write_bytes("台積電營收".encode("big5"))
    before = manifest.read_bytes()
    with pytest.raises(IntakeError, match="line 1 is not UTF-8"):
        add_source(big5, *project)
    assert manifest.read_bytes() == before and len(list(seeds.glob("*.txt"))) == 5


def _resolve_reviews(drafts: Path) -> None:
    """What the analyst does: every REVIEW cell given a value (here, placeholders that validate)."""
    choices = {"short_name": "Test article", "document": "the Test article", "kind": "news analysis", "speakers": "none named", "topic": "market",
               "speaker": "digest writer", "unit": "count", "reason": "name of a model, product, form or plan",
               "writer": "digest writer", "chain": "rewriter: digest writer → publisher: Test Wire",
               "llm_edited": "not stated", "voice": "narration"}
    writer = read_draft(drafts / "source.csv")[0]["writer"]
    if "REVIEW" not in writer:  # a claim in the writer's own voice belongs to the writer the draft proposes
        choices["speaker"] = writer
    for file in ("source.csv", "claims.csv", "figures.csv", "unread.csv"):
        rows = read_draft(drafts / file)
        for row in rows:
            for column, value in row.items():
                if "REVIEW" in value or (file == "figures.csv" and column == "unit" and not value):
                    row[column] = choices.get(column, "reviewed")
        with (drafts / file).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def test_accept_waits_for_review_then_moves_the_rows_and_validates(project):
    data, _, _ = project
    intake = add_source(TEXT, *project)
    waiting = accept_source("source-005", *project)
    assert waiting and all("still marked REVIEW" in p for p in waiting)
    assert "drafts/source-005/source.csv, row 2, column short_name: still marked REVIEW" in waiting
    _resolve_reviews(intake.drafts)
    assert accept_source("source-005", *project) == []
    assert not (data / "drafts").exists()
    claims = read_draft(data / "claims.csv")
    assert sum(c["source_id"] == "source-005" for c in claims) == 10
    assert sum(f["figure_id"].startswith("F005-") for f in read_draft(data / "figures.csv")) == 22
    assert problems(project) == []


def test_accept_keeps_the_tables_when_validation_fails(project):
    data, _, _ = project
    intake = add_source(TEXT, *project)
    _resolve_reviews(intake.drafts)
    rows = read_draft(intake.drafts / "source.csv")
    rows[0]["kind"] = "blog post"  # not in the vocabulary of kinds
    with (intake.drafts / "source.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    found = accept_source("source-005", *project)
    assert any("column kind" in p and "'blog post' is not allowed" in p for p in found)
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before


def test_accept_names_a_broken_draft_instead_of_failing(project):
    intake = add_source(TEXT, *project)
    (intake.drafts / "unread.csv").unlink()
    assert any("drafts/source-005/unread.csv: draft file is missing" in p for p in accept_source("source-005", *project))


def test_the_command_line_names_what_it_cannot_take(tmp_path, capsys):
    from compute_ledger.book import cli

    assert cli.main(["add-source", str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert cli.main(["add-source", str(latin)]) == 1
    assert "not UTF-8" in capsys.readouterr().err
    assert cli.main(["add-source", str(SEEDS / "000_9a438a1454e2eccd.txt")]) == 1
    assert "already a seed: 000_9a438a1454e2eccd.txt" in capsys.readouterr().err
