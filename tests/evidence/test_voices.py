"""Voices and source chains: the quotation test, attribution text, and validation of bad voices."""
from __future__ import annotations

import pytest

from compute_ledger.evidence.voices import attribution, chain_names, parse_chain, presented_as_quotation
from compute_ledger.evidence.tables import claim_attribution, load
from tests.evidence.test_validate import messages, set_cell

TEXT = "他說 NVIDIA 是「三十年的一夜成功」。\nBaker 表示：算力是貨幣。\n「我認為十年內會有超級智慧。」說這話的是 Baker。\n他提到“成本很高”與其他。\n「我們會到達，」他最後說，「但沒有人知道。」\n「先看這個，」然後他轉身離開會場並且再也沒有回來，「再說。」"


@pytest.mark.parametrize("quote, quoted", [
    ("三十年的一夜成功", True),                     # inside 「」
    ("他說 NVIDIA 是「三十年的一夜成功」。", False),  # the writer's sentence around a quoted phrase
    ("算力是貨幣。", True),                         # after a speech verb and a colon
    ("「我認為十年內會有超級智慧。」", True),         # one quotation, marks included
    ("成本很高", True), ("與其他", False), ("不在文中", False),
    ("「我們會到達，」他最後說，「但沒有人知道。」", True),   # one quotation split by a speech tag
    ("「先看這個，」然後他轉身離開會場並且再也沒有回來，「再說。」", False),  # narration between, no tag
])
def test_presented_as_quotation(quote, quoted):
    assert presented_as_quotation(quote, TEXT) is quoted


def test_chain_links_and_roles():
    chain = "outlet: Bloomberg → rewriter: 艾智Edge digest writer"
    assert parse_chain(chain) == [("outlet", "Bloomberg"), ("rewriter", "艾智Edge digest writer")]
    assert chain_names(chain, ("outlet",)) == ["Bloomberg"]
    with pytest.raises(ValueError, match="role: who"):
        parse_chain("Bloomberg → rewriter: someone")


@pytest.mark.parametrize("speaker, voice, writer, outlets, text", [
    ("Dylan Patel", "paraphrased", "Best Partners host", [], "Dylan Patel, as summarised by the Best Partners host"),
    ("Gavin Baker", "quoted", "digest writer", [], "Gavin Baker, as quoted by the digest's writer"),
    ("digest writer", "narration", "digest writer", [], "the digest's writer"),
    ("digest writer", "reported", "digest writer", ["Bloomberg"], "the digest's writer, reporting Bloomberg"),
])
def test_attribution_words(speaker, voice, writer, outlets, text):
    assert attribution(speaker, voice, writer, outlets) == text


def test_attribution_from_the_data():
    assert claim_attribution("C002-08") == "the digest's writer, reporting Bloomberg"
    assert claim_attribution("C003-04") == "Dylan Patel, as summarised by the Best Partners host"
    assert claim_attribution("C004-02") == "Gavin Baker, as quoted by the digest's writer"


def test_no_outlet_speaks_and_every_claim_has_a_voice():
    claims = load("claims")
    assert "Bloomberg" not in set(claims["speaker"])
    assert set(claims["voice"]) <= {"quoted", "paraphrased", "narration", "reported"} and all(claims["voice"])


def row_of(claim_id: str) -> int:
    return 2 + list(load("claims")["claim_id"]).index(claim_id)


def test_an_outlet_as_speaker_is_rejected(data_copy):
    row = row_of("C002-08")
    set_cell(data_copy / "claims.csv", row, "speaker", "Bloomberg")
    found = [m for m in messages(data_copy) if m.startswith(f"data/claims.csv, row {row}, column speaker:")]
    assert found and "'Bloomberg' is an outlet" in found[0]


def test_a_paraphrase_marked_quoted_is_rejected(data_copy):
    row = row_of("C004-09")  # 他說自己職業生涯中遇過最傑出的兩位 CEO 是… : the writer's sentence
    set_cell(data_copy / "claims.csv", row, "voice", "quoted")
    found = [m for m in messages(data_copy) if m.startswith(f"data/claims.csv, row {row}, column voice:")]
    assert found and "does not present this as Gavin Baker's own words" in found[0]


def test_narration_given_to_a_person_is_rejected(data_copy):
    row = row_of("C003-06")  # the host's 小結
    set_cell(data_copy / "claims.csv", row, "speaker", "Dylan Patel")
    found = [m for m in messages(data_copy) if m.startswith(f"data/claims.csv, row {row}, column voice:")]
    assert found and "'narration' is the writer's own sentence" in found[0]


def test_reported_needs_an_outlet_in_the_chain(data_copy):
    row = row_of("C004-03")
    set_cell(data_copy / "claims.csv", row, "voice", "reported")
    found = [m for m in messages(data_copy) if m.startswith(f"data/claims.csv, row {row}, column voice:")]
    assert found and "needs an outlet in the chain" in found[0]


def test_a_bad_chain_and_a_language_model_not_named(data_copy):
    set_cell(data_copy / "sources.csv", 2, "chain", "Gavin Baker then AINEXT")
    set_cell(data_copy / "sources.csv", 3, "llm_edited", "yes")
    found = messages(data_copy)
    assert any(m.startswith("data/sources.csv, row 2, column chain:") for m in found)
    assert "data/sources.csv, row 3, column llm_edited: 'yes' but the chain names no language model" in found
