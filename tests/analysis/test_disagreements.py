"""The stance rubric, applied the same way to every cell, and the independence rule for witnesses."""
import itertools
import math

import pandas as pd
import pytest

from compute_ledger.analysis import disagreements as d
from compute_ledger.evidence.tables import load

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
    claims = load("claims").set_index("claim_id")
    for item in d.TENSIONS:
        count = d.independent_witnesses(item.tension_id)
        if item.kind == "inside one witness":  # one person behind both sides' texts (a writer's aside aside)
            cited = list(item.sides[0].claim_ids) + list(item.sides[1].claim_ids)
            assert len({d.witness(claims.loc[c, "source_id"]) for c in cited}) == 1, item.tension_id
        else:
            assert count >= 2, item.tension_id


def test_a_writers_narration_is_the_writers_own_witness():
    # C002-35 ('investor' partner) is the Bloomberg-based digest's writer's narration, C003-03 the host's
    assert d.claim_witness("C002-35") == "the writer of the Bloomberg-based digest"
    assert d.claim_witness("C003-03") == "the Best Partners host"
    assert d.claim_witness("C002-08") == "Bloomberg's reporting, as rewritten"     # reported
    assert d.claim_witness("C003-04") == "Dylan Patel"                             # paraphrased


# --- The checks as bounded ratios -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ratios():
    from compute_ledger.evidence.checks import consistency_checks
    return d.check_ratios(consistency_checks()).set_index("check_id")


@pytest.mark.parametrize("check_id, low, high, text", [
    ("niche-share", 5.0, 50.0, "between about 5× and 50×"),        # US$50B / about [US$1B, US$10B]
    ("nvidia-half-gross-profit", 0.0, 1.3125, "at most about 1.31×"),  # [0, 13.125] / about 10
    ("coreweave-parts", 0.0, 36.6 / 36, "at most 1.02×"),          # 36.6 / [36, ∞) = [0, 1.0167]
    ("oracle-contract", 1.0, math.inf, "at least 1×"),            # 300 / [0, 300] = [1, ∞)
    ("xai-debt-majority", 0.625, 2.0, "between 0.625× and 2×"),   # [0.625, 1] / [0.5, 1] = [0.625, 2]
    ("nvidia-equity-per-gw", 0.0, 1.0, "at most about 1×"),       # [0, 10] per GW / about 10 per GW
    ("japan-fx", 10000 / 65 / 160, 10000 / 65 / 140, "between about 0.962× and 1.1×"),  # about 153.8 / [140, 160]
    ("openrouter-lead", 1.5, 1.6875, "between about 1.5× and 1.69×"),  # about 1.35 / [0.8, 0.9]
    ("data-centre-cost", 0.5, 1.0, "between 0.5× and 1×"),        # 50 / [50, 100]
    ("microsoft-gap", 2.0625, 2.0625, "2.06×"),                    # 33 / 16
    ("silicon-intensity", 1.0, 5.0, "between 1× and 5×"),          # [10, 50] / 10 (the AI margin is up to 40%)
])
def test_check_ratios_keep_the_bounds_worked_by_hand(ratios, check_id, low, high, text):
    row = ratios.loc[check_id]
    assert (row.ratio_low, row.ratio_high) == pytest.approx((low, high))
    assert row.ratio_text == text
    assert row.ratio.unit == ()


def test_only_numeric_checks_have_ratios_and_assumptions_are_marked(ratios):
    assert len(ratios) == 11 and "nvidia-openai-10gw" not in ratios.index
    assert ratios.index[ratios["rests_on_assumption"]].tolist() == ["japan-fx"]


@pytest.mark.parametrize("low, high, nearest, farthest", [
    (5.0, 50.0, math.log(5), math.log(50)),   # wholly above 1
    (0.5, 1.0, 0.0, math.log(2)),             # holds 1; 0.5 is a factor of 2 away
    (0.0, 1.3125, 0.0, math.inf),             # no floor: could be arbitrarily far
    (2.0625, 2.0625, math.log(2.0625), math.log(2.0625)),
])
def test_miss_range_on_a_log_scale(low, high, nearest, farthest):
    assert d.miss_range(low, high) == pytest.approx((nearest, farthest))


def test_widest_miss_is_decided_across_the_intervals(ratios):
    # niche-share's nearest end, 5×, is farther from 1 than microsoft-gap's 2.06×: the widest across its interval
    assert d.widest_miss(ratios.reset_index()) == "niche-share"
    overlapping = pd.DataFrame({"check_id": ["a", "b"], "consistent": [False, False],
                                "ratio_low": [1.5, 2.0], "ratio_high": [3.0, 2.5]})
    assert d.widest_miss(overlapping) is None          # 1.5–3 and 2–2.5 overlap: neither is surely wider
    assert d.widest_miss(overlapping.assign(consistent=True)) is None  # nothing fails


def test_every_tension_claim_sits_in_exactly_one_witness_cell():
    cells = d.tension_witness_cells()
    for item in d.TENSIONS:
        listed = [c for cell in cells[cells.tension_id == item.tension_id]["claims"] for c in cell.split(", ")]
        assert sorted(listed) == sorted(c for side in item.sides for c in side.claim_ids), item.tension_id
    ten = cells[cells.tension_id == "ten-gigawatts"].set_index("witness")["claims"]
    assert ten["the Best Partners host"] == "C003-03"          # the host's narration, not Patel's words
