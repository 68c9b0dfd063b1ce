"""`make book` skips validation and the HTML build when their inputs are unchanged, and only then."""
from compute_ledger.book import build
from compute_ledger.book.execute import hash_paths


def test_validation_is_skipped_only_for_inputs_that_already_passed(monkeypatch):
    calls = []
    monkeypatch.setattr("compute_ledger.evidence.validate.validate_project", lambda: calls.append("ran") or [])
    monkeypatch.setattr("compute_ledger.evidence.bibliography.write_bibtex", lambda: False)
    stamps = {}
    assert build.validate_if_changed(stamps) and calls == ["ran"]
    assert stamps["validated"] == hash_paths([build.DATA, build.SEEDS, build.PACKAGE])
    assert build.validate_if_changed(stamps) and calls == ["ran"]          # same inputs: not run again
    stamps["validated"] = "an older key"
    assert build.validate_if_changed(stamps) and calls == ["ran", "ran"]


def test_a_failed_validation_stops_the_build_and_records_nothing(monkeypatch, capsys):
    monkeypatch.setattr("compute_ledger.evidence.validate.validate_project", lambda: ["data/x.csv, row 2, column y: bad"])
    stamps = {}
    assert not build.validate_if_changed(stamps)
    assert "validated" not in stamps
    assert "data/x.csv, row 2, column y: bad" in capsys.readouterr().err


def test_hash_changes_with_content_and_names(tmp_path):
    (tmp_path / "a.csv").write_text("1")
    first = hash_paths([tmp_path])
    (tmp_path / "a.csv").write_text("2")
    second = hash_paths([tmp_path])
    (tmp_path / "a.csv").rename(tmp_path / "b.csv")
    assert len({first, second, hash_paths([tmp_path])}) == 3
