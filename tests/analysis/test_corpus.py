"""The corpus described: claims by voice, and each source's chain in its profile."""
from compute_ledger.analysis import corpus
from compute_ledger.evidence.tables import load


def test_voices_by_source_counts_every_claim_once():
    table = corpus.voices_by_source().set_index("Source")
    assert list(table.columns) == ["quoted", "paraphrased", "narration", "reported"]
    assert table.to_numpy().sum() == len(load("claims"))
    # the Bloomberg-based digest names no speaker: its sentences are its writer's, reporting or narrating
    assert table.loc["Bloomberg-based digest", ["quoted", "paraphrased"]].sum() == 0
    assert table.loc["Bloomberg-based digest", "reported"] > 0
    assert table["reported"].drop("Bloomberg-based digest").sum() == 0   # no other chain names an outlet it reports


def test_profile_carries_the_chain():
    profile = corpus.source_profile().set_index("source_id")
    assert profile.loc["patel-best-partners", "llm_edited"] == "yes"
    assert "language model: gemini-2.0-flash" in profile.loc["patel-best-partners", "chain"]
