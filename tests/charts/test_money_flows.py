"""The landing page's money-flow chart: every valued deal, largest first, bound kept in the words and the glyph."""
from compute_ledger.charts import summary
from compute_ledger.evidence.tables import deals


def test_every_deal_with_a_dollar_amount_is_drawn_once_largest_first():
    flows = summary.money_flows()
    valued = deals()
    expected = set(valued.loc[(valued["amount_figure"] != "") & (valued["amount_unit"] == "USD"), "deal_id"])
    assert set(flows["deal_id"]) == expected and len(flows) == len(expected)
    assert flows["amount"].is_monotonic_decreasing


def test_bounds_are_kept_in_words_and_glyphs():
    flows = summary.money_flows().set_index("deal_id")
    oracle = flows.loc["openai-oracle-cloud"]
    assert (oracle.text, oracle.glyph) == ("up to US$300B", "◀")      # 高達3000億美元: a ceiling
    assert flows.loc["nvidia-xai-equity", "text"] == "US$2B" and flows.loc["nvidia-xai-equity", "glyph"] == ""


def test_a_direction_no_source_states_is_labelled_the_books_reading():
    flows = summary.money_flows().set_index("deal_id")
    # C000-27 names the agreement, not who pays: the bar is drawn Anthropic → Nvidia and says it is a reading
    assert flows.loc["anthropic-nvidia-agreement", "flow"] == "Anthropic → Nvidia (direction: the book's reading)"
    assert flows.loc["nvidia-xai-equity", "flow"] == "Nvidia → xAI" and flows.loc["nvidia-xai-equity", "direction"] == "stated"
    chart = summary.money_flows_chart(summary.money_flows())
    footer = " ".join(chart.vegalite_spec()["title"]["text"])
    assert "Anthropic → Nvidia: the source names the agreement but not who pays; drawn as a purchase, the book's " \
        "reading." in footer
    assert "Anthropic → Nvidia: direction not stated; drawn as a purchase, the book's reading." in chart.description


def test_title_names_the_largest_figure_but_not_a_largest_flow_when_it_is_a_ceiling():
    chart = summary.money_flows_chart(summary.money_flows())
    # up to US$300B is [0, 300B]: it could be below the US$22.4B of OpenAI → CoreWeave, so it leads nothing
    assert chart.vegalite_spec()["vconcat"][0]["title"]["text"] == (
        "The largest figure is OpenAI → Oracle, up to US$300B, but a ceiling need not be the largest flow")
    assert chart.name == "fig-summary-money-flows" and "Nvidia → xAI US$2B" in chart.description
