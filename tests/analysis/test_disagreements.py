"""The stance rubric, applied the same way to every cell, and the independence rule for witnesses."""
import itertools

import pytest

from compute_ledger.analysis import disagreements as d

STRENGTH, WEAKNESS, LEADER, BEHIND = "names a strength", "names a weakness or failure", "ranks it among the leaders", "ranks it behind the leaders"
SUCCESS, TROUBLE, NEUTRAL = "forecasts success", "forecasts trouble", "describes without judging"


@pytest.mark.parametrize("bases, stance", [
    ([STRENGTH, STRENGTH, WEAKNESS], "favourable"),       # 2 ≥ 2 × 1
    ([STRENGTH, WEAKNESS], "mixed"),                       # 1 < 2 × 1 either way
    ([LEADER, SUCCESS, WEAKNESS, TROUBLE], "mixed"),        # 2 < 2 × 2
    ([WEAKNESS, WEAKNESS, TROUBLE, STRENGTH], "unfavourable"),  # 3 ≥ 2 × 1
    ([BEHIND], "unfavourable"),
    ([NEUTRAL, NEUTRAL], "descriptive"),
    ([NEUTRAL, STRENGTH], "favourable"),                   # describing does not dilute a judgment
    ([], "descriptive"),
])
def test_rubric_worked_by_hand(bases, stance):
    assert d.stance_from_bases(bases) == stance


def test_order_does_not_change_the_code():
    bases = [STRENGTH, WEAKNESS, TROUBLE, NEUTRAL, LEADER]
    assert {d.stance_from_bases(list(p)) for p in itertools.permutations(bases)} == {d.stance_from_bases(bases)}


def test_a_basis_outside_the_rubric_is_refused():
    with pytest.raises(ValueError, match="not in the rubric"):
        d.stance_from_bases(["sounds keen"])


def test_every_recorded_stance_is_the_rubrics_code():
    table = d.coded_stances()
    wrong = table[table["stance"] != table["coded"]]
    assert wrong.empty, "stance differs from its coded evidence: " + "; ".join(
        f"{r.topic}/{r.source_id} recorded {r.stance}, rubric gives {r.coded}" for r in wrong.itertuples())


def test_equal_evidence_gets_an_equal_code():
    table = d.coded_stances()
    by_evidence = table.assign(key=table["bases"].map(lambda b: tuple(sorted(b)))).groupby("key")["stance"].nunique()
    assert (by_evidence == 1).all()


def test_every_cited_claim_has_evidence_and_every_evidence_row_is_cited():
    table = d.coded_stances()
    evidence = d.load("stance_evidence")
    for row in table.itertuples():
        cited = set(row.claim_ids.split(";"))
        coded = set(evidence.loc[(evidence["topic"] == row.topic) & (evidence["source_id"] == row.source_id), "claim_id"])
        assert cited == coded, f"{row.topic}/{row.source_id}: cited {sorted(cited)}, coded {sorted(coded)}"


def test_a_hand_typed_stance_that_disagrees_with_its_evidence_is_caught(data_copy):
    path = data_copy / "positions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("OpenAI,bloomberg-compute-bet,descriptive",
                                                             "OpenAI,bloomberg-compute-bet,favourable"), encoding="utf-8")
    table = d.coded_stances(data_copy).set_index(["topic", "source_id"])
    assert table.loc[("OpenAI", "bloomberg-compute-bet"), "coded"] == "descriptive"
    assert table.loc[("OpenAI", "bloomberg-compute-bet"), "stance"] == "favourable"


def test_two_texts_of_one_speaker_are_one_witness():
    assert d.witness("baker-four-labs") == d.witness("baker-asi-decade") == "Gavin Baker"
    assert d.witness("patel-silicon-valley") == d.witness("patel-best-partners") == "Dylan Patel"
    assert d.witness("bloomberg-compute-bet") == "Bloomberg's reporting, as rewritten"
    assert d.witnesses(["C000-64", "C004-15", "C003-26"]) == ["Gavin Baker", "Dylan Patel"]


def test_a_tension_inside_one_speaker_has_one_witness_and_a_corroboration_more_than_one():
    for item in d.TENSIONS:
        count = d.independent_witnesses(item.tension_id)
        if item.kind == "inside one witness":
            assert len(set(d.witnesses(list(item.sides[0].claim_ids) + list(item.sides[1].claim_ids)))) == 1, item.tension_id
        else:
            assert count >= 2, item.tension_id
