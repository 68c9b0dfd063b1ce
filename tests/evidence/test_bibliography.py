"""references.bib is generated from data/sources.csv and committed in step with it."""
from compute_ledger.evidence.bibliography import BIB_FILE, bibtex
from compute_ledger.evidence.tables import load


def test_committed_bibliography_matches_the_sources_table():
    assert BIB_FILE.read_text(encoding="utf-8") == bibtex()


def test_every_source_is_cited_by_its_id_with_title_case_protected():
    text = bibtex()
    for source in load("sources").itertuples():
        assert f"@misc{{{source.source_id}," in text
        assert f"title = {{{{{source.title} [" in text
    assert "year = {n.d.}" in text  # undated sources say so
