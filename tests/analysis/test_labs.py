"""The four labs: arithmetic worked by hand, and the coded evidence checked against the claims."""
from __future__ import annotations

import pandas as pd
import pytest

from compute_ledger.analysis import labs
from compute_ledger.charts import labs as lab_charts
from compute_ledger.evidence.fmt import format_bounded
from compute_ledger.evidence.seeds import to_simplified
from compute_ledger.evidence.tables import aliases, load


# --- pure arithmetic -------------------------------------------------------------------------
def test_effective_compute_ratio():
    assert labs.effective_compute_ratio(90, 30) == pytest.approx(3.0)      # 90 / 30 = 3
    assert labs.effective_compute_ratio(90, 45) == pytest.approx(2.0)      # 90 / 45 = 2
    with pytest.raises(ValueError):
        labs.effective_compute_ratio(90, 0)


def test_effective_gpus():
    assert labs.effective_gpus(200_000, 30) == pytest.approx(60_000)      # 200,000 × 0.30
    assert labs.effective_gpus(300_000, 90) == pytest.approx(270_000)     # 300,000 × 0.90
    with pytest.raises(ValueError):
        labs.effective_gpus(100, 120)


def test_revenue_multiple():
    assert labs.revenue_multiple(1e9, 6e9) == pytest.approx(6.0)           # 6B / 1B = 6
    with pytest.raises(ValueError):
        labs.revenue_multiple(0, 6e9)


def test_words():
    assert labs.count_word(4) == "four" and labs.ordinal_word(3) == "third"
    assert labs.count_word(10) == "ten" and labs.count_word(11) == "11" and labs.count_word(1200) == "1,200"
    with pytest.raises(ValueError):
        labs.count_word(2.5)


# --- the chapter's numbers from the figures ---------------------------------------------------
def test_uptime_from_the_figures():
    table = labs.uptime_table().set_index("operator")
    assert labs.uptime_ratio() == pytest.approx(3.0)                      # 90% / 30%
    assert table.loc["Weaker operator", ["effective_low", "effective_high"]].tolist() == [60_000, 90_000]
    assert table.loc["Stronger competitor", "effective_text"] == "about 180,000–270,000 GPUs"   # about 200k–300k × 0.9


def test_openrouter_from_the_figures():
    table = labs.openrouter_table().set_index("entity")
    assert table.loc["google", "tokens_text"] == "about 800B–900B tokens"      # 約 8,000-9,000 億
    # about 1.35T, 0.8T–0.9T and about 0.7T tokens: every share is a range, and about
    assert table.loc["xai", "share_text"] == "between about 45.8% and 47.4%"          # 1.35/2.95 to 1.35/2.85
    assert table.loc["google", "share_text"] == "between about 28.1% and 30.5%"       # 0.8/2.85 to 0.9/2.95
    assert table.loc["anthropic", "share_text"] == "between about 23.7% and 24.6%"    # 0.7/2.95 to 0.7/2.85
    ratio = labs.xai_over_google()                                                    # 1.35/0.9 to 1.35/0.8
    assert (ratio.low, ratio.high) == (pytest.approx(1.5), pytest.approx(1.6875)) and ratio.approximate


def test_revenue_keeps_the_qualifier():
    table = labs.revenue_table().set_index("stage")
    assert labs.anthropic_multiple() == pytest.approx(6.0)               # 6B / 1B
    assert table.loc["As of the interview", "revenue_text"] == "over US$10B"


def test_nvidia_camp_matches_the_stated_counts():
    camp = labs.nvidia_camp()
    assert camp.groupby("stage")["entity"].count().to_dict() == {"before": 2, "after": 3, "meta": 4}
    assert camp.loc[camp.new, "entity"].tolist() == ["xai", "openai", "anthropic", "meta"]


def test_nvidia_camp_refuses_a_count_the_text_does_not_state(data_copy):
    figures = pd.read_csv(data_copy / "figures.csv", dtype=str, keep_default_na=False)
    figures.loc[figures.figure_id == "F000-41", "value_low"] = "5"
    figures.to_csv(data_copy / "figures.csv", index=False)
    with pytest.raises(ValueError, match="after"):
        labs.nvidia_camp(data_copy)


# --- coded evidence against the claims -------------------------------------------------------
@pytest.fixture(scope="module")
def claims():
    return load("claims").set_index("claim_id")


def test_every_cited_claim_exists(claims):
    cited = labs.claims_cited()
    assert cited and set(cited) <= set(claims.index)


def _mentions(quote: str, entity: str) -> bool:
    names = aliases()
    spellings = names.loc[names.entity_id == entity, "alias"]
    folded = to_simplified(quote).casefold()
    return any(to_simplified(a).casefold() in folded for a in spellings)


def test_positions_come_from_the_right_source(claims):
    for (lab, analyst), (_level, _wording, cited) in labs.STATED_POSITIONS.items():
        for claim_id in cited:
            source = claims.loc[claim_id, "source_id"]
            if analyst == "Patel":
                assert source == "patel-silicon-valley", (lab, claim_id)
            else:
                assert source in ("baker-four-labs", "baker-asi-decade"), (lab, claim_id)


def test_ranked_positions_cite_a_claim_that_names_the_lab(claims):
    # a tier or rank must rest on a quote that names the lab (or on the claim's entity list)
    for (lab, analyst), (level, _wording, cited) in labs.STATED_POSITIONS.items():
        if level == max(labs.LEVELS):
            continue
        assert any(_mentions(claims.loc[c, "quote"], lab) or lab in claims.loc[c, "entities"].split(";")
                   for c in cited), (lab, analyst)


def test_patel_ranks_as_his_text_does():
    levels = {key: value[0] for key, value in labs.STATED_POSITIONS.items()}
    assert levels[("openai", "Patel")] == 1 and levels[("anthropic", "Patel")] == 2
    assert {lab for (lab, a), lvl in levels.items() if a == "Patel" and lvl == 3} == {"google", "meta", "xai"}
    assert {lab for (lab, a), lvl in levels.items() if a == "Baker" and lvl == 1} == set(labs.LAB_IDS)


def test_position_shifts():
    shifts = labs.position_shifts().set_index("entity")["shift"]
    assert shifts["openai"] == "same"
    assert shifts["google"] == "lower with Patel" and shifts["meta"] == "higher with Patel"
    assert shifts["amazon"] == "not comparable"


def test_profile_cells_cite_claims_about_the_lab(claims):
    table = labs.lab_profile_table()
    assert table["Lab"].tolist() == ["OpenAI", "Google", "Anthropic", "xAI"]
    for lab in labs.LAB_IDS:
        for column in labs.PROFILE_COLUMNS:
            text, cited = labs.LAB_PROFILES[lab][column]
            if not cited:
                assert text.startswith("Not stated")
                continue
            assert any(lab in claims.loc[c, "entities"].split(";") or _mentions(claims.loc[c, "quote"], lab)
                       for c in cited), (lab, column)


def test_templates_are_filled_from_figures():
    assert labs.fill("a {F000-38} deal") == "a US$5B deal"
    cells = " ".join(labs.lab_profile_table().drop(columns="Lab").values.ravel())
    assert "{" not in cells and "US$1.4T" in cells and "hundreds of millions of users" in cells


def test_charts_build():
    assert lab_charts.uptime(labs.uptime_table()).name == "fig-labs-uptime"
    spec = lab_charts.positions(labs.stated_positions(), labs.position_shifts()).vegalite_spec()
    assert "Not stated" in str(spec)


def test_xai_over_google_keeps_both_bounds():
    # about 1.35T over about 800-900B: 1.35/0.9 = 1.5 at the top of Google's range, 1.35/0.8 = 1.6875 at the bottom
    ratio = labs.xai_over_google()
    assert (ratio.low, ratio.high) == pytest.approx((1.5, 1.6875))
    assert ratio.approximate and ratio.status == "derived"
    assert format_bounded(ratio) == "between about 1.5× and 1.69×"
