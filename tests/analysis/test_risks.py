"""Risks chapter calculations, with expected values worked by hand in the comments."""
import math

import pytest

from compute_ledger.analysis import risks
from compute_ledger.analysis.derived import oracle_per_year
from compute_ledger.evidence.checks import consistency_checks
from compute_ledger.evidence.fmt import format_bounded
from compute_ledger.evidence.tables import load

INVEST, RESTRAIN = risks.INVEST, risks.RESTRAIN


# --- small calculations ------------------------------------------------------------------------

def test_step_ups():
    # 60 / 20 = 3; 1,000 / 60 = 16.67; 2,000 / 1,000 = 2
    assert risks.step_ups([20e9, 60e9, 1e12, 2e12]) == pytest.approx([3.0, 16.6667, 2.0], rel=1e-4)


def test_share_annual_average_and_curtailment():
    assert risks.share_percent(12.5e9, 20e9) == pytest.approx(62.5)      # 12.5 / 20 = 0.625
    assert oracle_per_year() == pytest.approx(60e9)                        # 300 / 5 = 60
    assert risks.curtailed_load(10, 50) == pytest.approx(5)               # half of 10 GW


# --- the return question -------------------------------------------------------------------------

def test_question_ladder_keeps_the_printed_figures_and_the_outside_titles_apart():
    ladder = risks.question_ladder()
    printed = ladder[ladder.status == "As printed in the digest"].set_index("order")
    outside = ladder[ladder.status != "As printed in the digest"].set_index("order")
    # 兩百億 = 2 × 10^10, 六百億 = 6 × 10^10, 一兆 = 10^12, 兩兆–三兆 = 2–3 × 10^12
    assert printed["low"].tolist() == [20e9, 60e9, 1e12, 2e12]
    assert printed["high"].tolist() == [20e9, 60e9, 1e12, 3e12]
    # 60/20 = 3; 1000/60 = 16.67; 2000/1000 = 2 and 3000/1000 = 3
    assert printed["step_low"].tolist()[1:] == pytest.approx([3.0, 16.6667, 2.0], rel=1e-4)
    assert printed["step_high"].tolist()[1:] == pytest.approx([3.0, 16.6667, 3.0], rel=1e-4)
    assert math.isnan(printed.loc[0, "step_low"])
    # the published titles sit beside the first two rungs only, and carry no step-up
    assert outside["low"].tolist() == [200e9, 600e9] and outside.index.tolist() == [0, 1]
    assert outside["step_low"].isna().all()
    assert ladder.loc[ladder.id == "F004-39/F004-40", "label"].item() == "US$2T–3T"


def test_ladder_numbers_as_the_prose_prints_them():
    numbers = risks.ladder_numbers()
    # 60/20 = 3; 1,000/60 = 16.7; 2,000–3,000/1,000 = 2–3; 1,000/20 = 50; 2,000–3,000/20 = 100–150
    assert [numbers[k] for k in ("risks_step1", "risks_step2", "risks_step3", "risks_to_now", "risks_to_soon")] == [
        "3", "16.7", "2–3", "50", "100–150"]
    # published titles (outside reference): 600/200 = 3; today's 1,000/600 = 1.7
    assert (numbers["risks_outside_step1"], numbers["risks_outside_step2"]) == ("3", "1.7")


def test_silicon_slider_runs_between_bakers_two_cases():
    # compute 5 (SaaS) to 50 (AI) per 100, starting at 27.5; other costs 100 − 40 − 50 = 10; margin 100 − 10 − 27.5
    assert risks.silicon_slider() == {"low": 5.0, "high": 50.0, "default": 27.5, "other": 10.0, "margin": 62.5}


def test_outside_titles_are_ten_times_the_printed_amounts():
    assert risks.outside_to_printed() == pytest.approx([10.0, 10.0])      # 200/20 and 600/60


# --- the prisoner's dilemma ----------------------------------------------------------------------

def test_payoff_matrix_layout():
    m = risks.payoff_matrix(temptation=4, reward=3, punishment=2, sucker=1).set_index(["row_action", "col_action"])
    assert tuple(m.loc[(INVEST, RESTRAIN)]) == (4, 1)    # A invests, B restrains: A tempted, B the sucker
    assert tuple(m.loc[(RESTRAIN, INVEST)]) == (1, 4)
    assert tuple(m.loc[(INVEST, INVEST)]) == (2, 2)
    assert tuple(m.loc[(RESTRAIN, RESTRAIN)]) == (3, 3)


def test_prisoners_dilemma_has_one_equilibrium_that_both_would_escape():
    m = risks.payoff_matrix(4, 3, 2, 1)
    # B invests: A gets 2 by investing, 1 by restraining -> invest; B restrains: 4 vs 3 -> invest
    assert risks.best_responses(m, "row", INVEST) == {INVEST}
    assert risks.best_responses(m, "row", RESTRAIN) == {INVEST}
    assert risks.best_responses(m, "col", RESTRAIN) == {INVEST}
    assert risks.dominant_action(m, "row") == INVEST and risks.dominant_action(m, "col") == INVEST
    assert risks.nash_equilibria(m) == [(INVEST, INVEST)]
    # both restraining gives 3 each > 2 each
    assert risks.pareto_improvements(m, (INVEST, INVEST)) == [(RESTRAIN, RESTRAIN)]
    assert risks.is_prisoners_dilemma(4, 3, 2, 1)        # 4 > 3 > 2 > 1 and 2×3 = 6 > 4 + 1 = 5


def test_a_coordination_game_is_not_a_dilemma():
    # T=3 < R=4: restraining pays best when the rival restrains, investing when it invests
    m = risks.payoff_matrix(temptation=3, reward=4, punishment=2, sucker=1)
    assert risks.nash_equilibria(m) == [(INVEST, INVEST), (RESTRAIN, RESTRAIN)]
    assert risks.dominant_action(m, "row") is None
    assert not risks.is_prisoners_dilemma(3, 4, 2, 1)
    assert not risks.is_prisoners_dilemma(6, 3, 2, 1)    # 2×3 = 6 < 6 + 1: alternating would beat restraint


def test_dilemma_from_the_assumptions():
    assert risks.payoffs() == {"temptation": 4, "reward": 3, "punishment": 2, "sucker": 1}
    d = risks.dilemma().set_index(["row_action", "col_action"])["outcome"]
    assert d[(INVEST, INVEST)] == "Nash equilibrium"
    assert d[(RESTRAIN, RESTRAIN)] == "Better for both"
    assert d[(INVEST, RESTRAIN)] == d[(RESTRAIN, INVEST)] == "One giant wins the race"


# --- financing ---------------------------------------------------------------------------------

def test_xai_raise_split():
    split = risks.xai_raise().set_index("part")
    # 20 − 12.5 − 2 = 5.5; shares 12.5/20 = 62.5%, 2/20 = 10%, 5.5/20 = 27.5%
    assert split["amount"].tolist() == pytest.approx([12.5e9, 2e9, 5.5e9])
    assert split["share"].tolist() == pytest.approx([62.5, 10.0, 27.5])
    assert split["bound"].tolist() == ["up to", "exact", "at least"]
    assert split["share"].sum() == pytest.approx(100)
    # the shares in words from their intervals: [0, 12.5] / 20 = at most 62.5%; 2 / 20 = 10%; [5.5, ∞) / 20
    assert split["share_label"].tolist() == ["at most 62.5%", "10%", "at least 27.5%"]


def test_financing_chart_shares_carry_their_bounds():
    from compute_ledger.charts import risks as risk_charts
    chart = risk_charts.financing_chart(risks.xai_raise(), risks.openai_commitment_vs_revenue(),
                                        ["bloomberg-compute-bet", "patel-best-partners", "baker-asi-decade"])
    spec = chart.vegalite_spec()
    assert spec["vconcat"][0]["title"]["text"].startswith("xAI: at most 62.5% debt")   # [0, 12.5] / 20
    assert "Oracle bill averaging at least US$60B a year" in spec["vconcat"][0]["title"]["text"]   # an average, not a year
    # the bar text: amount, then share, each with its bound (12.5 / 20 = 62.5%; 2 / 20 = 10%; 5.5 / 20 = 27.5%)
    bar_text = [row["text"] for rows in spec["datasets"].values() for row in rows if "part" in row]
    assert bar_text == ["up to US$12.5B\nat most 62.5%", "US$2B\n10%", "at least US$5.5B\nat least 27.5%"]
    assert "debt up to US$12.5B, at most 62.5%" in chart.description
    assert "other at least US$5.5B, at least 27.5%" in chart.description
    # 300 / (0, 5] years = at least 60 a year, said once
    assert "averages at least US$60B a year, against" in chart.description and "a year a year" not in chart.description
    footer = " ".join(spec["title"]["text"])
    assert "makes the debt between 62.5% and 100%; the two sentences allow only 62.5%" in footer


def test_openai_oracle_bill_against_revenue():
    bill = risks.openai_commitment_vs_revenue().set_index("status")
    assert bill.loc["derived", "value"] == pytest.approx(60e9)            # 300B / 5 years
    # [60B, ∞) a year ÷ [10B, ∞) = [0, ∞): a floor over a floor fixes no multiple (not "6×")
    assert bill.loc["derived", "bound"] == "at least US$60B a year" and bill.loc["reported", "bound"] == "over US$10B"
    assert set(bill["ratio"]) == {"unbounded"}


# --- silicon intensity -------------------------------------------------------------------------

def test_pnl_per_100():
    # SaaS: 100 − 85 − 5 = 10 other; AI: 100 − 40 − 50 = 10 other
    assert risks.pnl_per_100(85, 5) == {"Compute": 5, "Other cost of revenue": 10, "Gross profit": 85}
    assert risks.pnl_per_100(40, 50) == {"Compute": 50, "Other cost of revenue": 10, "Gross profit": 40}
    with pytest.raises(ValueError):
        risks.pnl_per_100(40, 70)                                         # 40 + 70 > 100


def test_margin_arithmetic():
    assert risks.revenue_multiple_for_same_gross_profit(85, 40) == pytest.approx(2.125)   # 85 / 40
    assert risks.compute_share_of_cost(5, 10) == pytest.approx(33.333, rel=1e-4)          # 5 / 15
    assert risks.compute_share_of_cost(50, 10) == pytest.approx(83.333, rel=1e-4)         # 50 / 60


def test_silicon_pnl_matches_the_consistency_check():
    pnl = risks.silicon_pnl().pivot(index="model", columns="component", values="per_100")
    assert pnl.loc["SaaS or internet company"].to_dict() == {"Compute": 5, "Gross profit": 85, "Other cost of revenue": 10}
    assert pnl.loc["AI company (best case)"].to_dict() == {"Compute": 50, "Gross profit": 40, "Other cost of revenue": 10}
    check = consistency_checks().set_index("check_id").loc["silicon-intensity"]
    # the bars are the best case (40% margin): 100 − 40 − 50 = 10, inside the check's 100 − [0, 40] − 50 = [10, 50]
    assert bool(check.consistent) and check.computed == "10% and between 10% and 50% of revenue"
    assert check.computed_quantity.low * 100 == pytest.approx(pnl.loc["AI company (best case)", "Other cost of revenue"])


# --- the register ------------------------------------------------------------------------------

def test_register_cites_real_claims_and_sources():
    claims = load("claims").set_index("claim_id")
    sources = set(load("sources")["source_id"])
    for r in risks.risks():
        assert r.layer in risks.LAYERS
        for mapping in (r.raised, r.discounted):
            for source_id, ids in mapping.items():
                assert source_id in sources
                # every claim exists and comes from the source it is filed under
                assert all(claims.loc[c, "source_id"] == source_id for c in ids), (r.key, source_id)


def test_register_summary_counts():
    summary = risks.register_summary()
    # single-source risks, counted by hand: returns, dilemma, Oracle, intermediaries, Google, edge, energy = 7
    assert summary["n_risks"] == 11 and summary["n_single_source"] == 7
    assert summary["widest_risk"] == "Financing OpenAI" and summary["widest_sources"] == 4
    assert summary["n_discounted"] == 2                                   # Patel on returns, Patel on edge
    table = risks.register().set_index("Risk (borne by)")
    assert len(table) == 11 and table.index.is_unique
    assert table.loc["Edge inference vs data centres (data-centre owners)", "Sources and claims"] == (
        "ASI digest: C004-29, C004-30, C004-40; Silicon Valley digest (discounts): C001-22")


def test_register_text_carries_formatted_figures():
    text = risks.register()["Mechanism (as the sources put it)"]
    assert "up to US$12.5B of a US$20B raise (at most 62.5%)" in text[2]     # [0, 12.5] / 20: a derived ceiling
    # C002-16: 12.5 / [0, 20] capped = [62.5%, 100%]; with C002-06, only 62.5%
    assert "later sentence, US$12.5B of up to US$20B, makes it between 62.5% and 100%, so the two allow only 62.5%" \
        in text[2]
    assert "Patel, as the Best Partners host summarises him, sees a risk" in text[2]
    assert "an AI company keeps up to 40% in the best case (最好的情況)" in text[10]
    assert "at least US$60B a year" in text[3]
    assert "cut 50% of their load" in text[9]


def test_silicon_table():
    table = risks.silicon_table().set_index("Per 100 of revenue")
    ai, saas = "AI company (up to 40% margin, the best case)", "SaaS or internet company"
    assert table.loc["Compute as a share of cost of revenue", saas] == "33%"     # 5 / (5 + 10)
    # 50 / (100 − [0, 40]) = 50 / [60, 100] = [50%, 83.3%]
    assert table.loc["Compute as a share of cost of revenue", ai] == "between 50% and 83%"
    # 100 × 85 / [0, 40] = [212.5, ∞): a ceiling on the margin is a floor on the revenue
    assert table.loc["Revenue needed for the SaaS gross profit", ai] == "at least 212.5"
    assert table.loc["Other cost of revenue", ai] == "between 10 and 50"        # 100 − [0, 40] − 50
    assert table.loc["Gross profit", ai] == "up to 40" and table.loc["Gross profit", saas] == "85"


def test_silicon_bounds_carry_the_best_case():
    b = risks.silicon_bounds()
    # 最好的情況是 40%: [0, 0.4]
    assert (b["ai_margin"].low, b["ai_margin"].high) == (0.0, 0.4)
    assert (b["ai_other"].low, b["ai_other"].high) == pytest.approx((0.1, 0.5))       # 1 − [0, 0.4] − 0.5
    assert b["ai_other_best"].low == pytest.approx(0.1) and b["ai_other_best"].is_point
    assert (b["gap"].low, b["gap"].high) == pytest.approx((0.45, 0.85))            # 0.85 − [0, 0.4]
    assert b["gap_best"].low == pytest.approx(0.45) and b["compute_gap"].low == pytest.approx(0.45)  # 0.5 − 0.05
    assert b["revenue_multiple"].low == pytest.approx(2.125) and math.isinf(b["revenue_multiple"].high)  # 0.85 / [0, 0.4]
    assert format_bounded(b["revenue_multiple"], digits=4) == "at least 2.125×"
    assert format_bounded(b["gap"], "percentage_points") == "between 45 pp and 85 pp"
    assert format_bounded(b["compute_ratio"]) == "10×"                              # 0.5 / 0.05
    assert format_bounded(risks.per_100(b["ai_other"])) == "between 10 and 50"


def test_silicon_chart_says_the_whole_gap_only_at_the_best_case():
    from compute_ledger.charts import risks as risk_charts
    chart = risk_charts.silicon_chart(risks.silicon_pnl(), risks.silicon_slider(), ["baker-asi-decade"])
    spec = chart.vegalite_spec()
    # at the best case 85 − 40 = 45 pp, all of it compute (50 − 5); below it the gap is 85 − [0, 40] = [45, 85] pp
    assert spec["vconcat"][0]["title"]["text"] == (
        "Only in Baker's best case does compute alone explain the whole 45 pp gross-margin gap")
    footer = " ".join(spec["title"]["text"])
    assert "between 45 pp and 85 pp in all" in footer and "his AI compute share" not in footer
    assert "drawn at its best case (a gross margin of up to 40%)" in chart.description

