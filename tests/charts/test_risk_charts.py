"""The Risks chapter's charts: titles that say what their numbers rest on."""
from compute_ledger.analysis import risks
from compute_ledger.charts import risks as risk_charts


def test_dilemma_chart_title_says_its_payoffs_are_assumptions():
    matrix = risks.payoff_matrix(**risks.payoffs())
    chart = risk_charts.dilemma_chart(risks.dilemma(), risks.nash_equilibria(matrix)[0],
                                      risks.dominant_action(matrix, "row"), ["baker-asi-decade"])
    # payoffs 4 > 3 > 2 > 1 (assumptions risks_payoff_*): both invest at 2 each, restraint would give 3 each
    assert chart.vegalite_spec()["vconcat"][0]["title"]["text"] == (
        "Under the book's assumptions, both giants invest (2 each), though restraint pays 3 each")
