"""The compute triangle: Nvidia's margin recycling and the deal figures, with expected values worked by hand."""
import math

import pandas as pd
import pytest

from compute_ledger.analysis import triangle
from compute_ledger.charts import triangle as charts
from compute_ledger.evidence.fmt import format_bounded
from compute_ledger.evidence.tables import assumption


# ---------------------------------------------------------------- pure arithmetic

def test_gross_profit_and_share_recycled():
    assert triangle.gross_profit(35e9, 75) == pytest.approx(26.25e9)           # 35 × 0.75 = 26.25
    assert triangle.gross_profit(35e9, 60) == pytest.approx(21e9)              # 35 × 0.60 = 21
    assert triangle.recycled_share(10e9, 26.25e9) == pytest.approx(0.380952, rel=1e-5)  # 10 / 26.25
    assert triangle.recycled_share(13.125e9, 26.25e9) == pytest.approx(0.5)    # half


def test_annual_average_build_share_and_remainder():
    assert triangle.per_year(300e9, 5) == pytest.approx(60e9)                  # 300 / 5 = 60
    assert triangle.share_of_build_cost(35e9, 50e9) == pytest.approx(0.7)      # 35 / 50
    assert triangle.revenue_from_share(70, 50e9) == pytest.approx(35e9)        # 0.70 × 50 = 35
    assert triangle.remainder(20e9, [12.5e9, 2e9]) == pytest.approx(5.5e9)     # 20 − 12.5 − 2 = 5.5
    assert triangle.break_even_equity(35e9, 75, 0.5) == pytest.approx(13.125e9)  # 26.25 / 2
    assert triangle.margin_for_share(35e9, 10e9, 0.5) == pytest.approx(57.142857)  # 10 / 0.5 = 20; 20 / 35


def test_recycling_lines_add_up():
    r = triangle.Recycling(revenue=35e9, margin_percent=75, equity=10e9)
    assert r.cost_of_goods == pytest.approx(8.75e9)      # 35 − 26.25
    assert r.gross_profit == pytest.approx(26.25e9)
    assert r.kept == pytest.approx(16.25e9)              # 26.25 − 10
    ten = r.scaled(10)
    assert ten.revenue == pytest.approx(350e9) and ten.equity == pytest.approx(100e9)
    assert ten.kept == pytest.approx(162.5e9)            # 262.5 − 100
    assert ten.share_recycled == pytest.approx(r.share_recycled)  # scaling leaves the share alone
    assert ten.margin_percent == 75


def test_grid_values_include_both_ends():
    assert triangle.grid_values(55, 80, 5) == [55, 60, 65, 70, 75, 80]
    grid = triangle.recycling_grid(35e9, [50, 100], [10e9])
    # 35 × 0.5 = 17.5 → 10 / 17.5 = 0.5714; 35 × 1.0 = 35 → 10 / 35 = 0.2857
    assert grid["share"].tolist() == pytest.approx([0.571429, 0.285714], rel=1e-5)
    assert grid["label"].tolist() == ["57%", "29%"]


# ---------------------------------------------------------------- the sources' figures

def test_stated_recycling_uses_patels_figures():
    r = triangle.stated_recycling()
    assert (r.revenue, r.margin_percent, r.equity) == (35e9, 75, 10e9)   # F003-06, F003-07, F003-05


def test_programme_gross_profit_and_kept_are_unbounded():
    """A ceiling margin times Patel's floor of gigawatts bounds nothing; floors stay floors."""
    p = triangle.programme_bounds()
    assert (p["gigawatts"].low, p["gigawatts"].high) == (10, math.inf)          # 至少 10 吉瓦
    # gross profit: [0, 26.25] per GW × [10, ∞) GW = [0, ∞): no floor above zero, no ceiling
    assert p["profit"].bound == "unbounded" and format_bounded(p["profit"]) == "unbounded"
    # kept: (−∞, about 16.25] per GW × [10, ∞) GW = (−∞, ∞)
    assert p["kept"].bound == "unbounded" and format_bounded(p["kept"]) == "unbounded"
    # revenue: 35 × [10, ∞) = [350, ∞); equity: about 10 × [10, ∞) = about [100, ∞)
    assert format_bounded(p["revenue"]) == "at least US$350B"
    assert format_bounded(p["equity"]) == "at least about US$100B"
    # cost of goods: [8.75, 35] × [10, ∞) = [87.5, ∞)
    assert format_bounded(p["cost_of_goods"], digits=4) == "at least US$87.5B"
    # the gigawatts cancel in the share: 10 / [0, 26.25] = [0.381, ∞), about
    assert format_bounded(p["share"], "percent") == "at least about 38.1%"
    assert p["revenue"].unit == (("USD", 1),)          # US$ per GW × GW = US$
    table = triangle.recycling_table().set_index("Line")["Programme (at least 10 GW)"]
    assert table["Gross profit"] == table["Gross profit kept"] == "unbounded"


def test_recycling_agrees_with_the_consistency_check():
    """The chapter's arithmetic and compute_ledger.evidence.checks must say the same thing about 'half'."""
    checks = triangle.triangle_checks()
    r = triangle.stated_recycling()
    # 'as high as 75%' is a ceiling: 10 is half of 35 × m at m = 10 / 17.5 = 57.1%, which the ceiling allows
    assert bool(checks.loc["nvidia-half-gross-profit", "consistent"])
    assert checks.loc["nvidia-half-gross-profit", "computed"] == "at most US$13.1B"  # 26.25 / 2 = 13.125
    assert triangle.margin_for_share(r.revenue, r.equity, 0.5) == pytest.approx(100 * 10 / 17.5)
    assert triangle.break_even_equity(r.revenue, r.margin_percent, 0.5) == pytest.approx(13.125e9)
    assert bool(checks.loc["nvidia-equity-per-gw", "consistent"])                # 100 / 10 = 10 = F003-05


def test_recycling_table_cells_carry_their_bounds():
    table = triangle.recycling_table().set_index("Line")
    per_gw, programme = table["Per gigawatt"], table["Programme (at least 10 GW)"]
    assert per_gw.to_dict() == {
        "Revenue flowing to Nvidia": "US$35B",                          # F003-06, exact
        "Gross margin": "up to 75%",                                    # F003-07 as reported (高達)
        "Cost of goods": "between US$8.75B and US$35B",                 # 35 − [0, 26.25]
        "Gross profit": "at most US$26.25B",                            # 35 × [0, 0.75]
        "Equity returned to OpenAI": "about US$10B",                    # F003-05 (約)
        "Share of gross profit recycled": "at least about 38.1%",       # about 10 / [0, 26.25]
        "Gross profit kept": "at most about US$16.25B",                 # 26.25 − about 10
    }
    assert programme.to_dict() == {
        "Revenue flowing to Nvidia": "at least US$350B",                # 35 × [10, ∞)
        "Gross margin": "up to 75%",
        "Cost of goods": "at least US$87.5B",                           # 8.75 × 10
        "Gross profit": "unbounded",                                    # ceiling × floor
        "Equity returned to OpenAI": "at least about US$100B",          # about 10 × [10, ∞)
        "Share of gross profit recycled": "at least about 38.1%",       # the gigawatts cancel
        "Gross profit kept": "unbounded",
    }
    # the figures are reported; reading them per gigawatt is the book's inference, and the status says so
    assert set(table["Status"]) == {"reported", "reported; read per GW (book's inference)", "derived"}
    assert table.loc["Revenue flowing to Nvidia", "Status"] == table.loc["Equity returned to OpenAI", "Status"] \
        == triangle.READ_PER_GW


def test_waterfall_steps_chain():
    frame = triangle.waterfall_frame().set_index("step")
    assert list(frame.index) == list(triangle.WATERFALL_STEPS)
    assert set(frame["scope"]) == {"Per gigawatt"}      # the programme, unbounded, is not drawn
    # bars at the margin's ceiling: 35 → 35 × 0.75 = 26.25 → 26.25 − 10 = 16.25
    assert frame.loc["Cost of goods", ["start", "end"]].tolist() == pytest.approx([35e9, 26.25e9])
    assert frame.loc["Equity returned", ["start", "end"]].tolist() == pytest.approx([26.25e9, 16.25e9])
    # labels in words from the bounded values, never the point the bar is drawn at
    assert frame["label"].tolist() == ["US$35B", "between US$8.75B and US$35B", "at most US$26.25B", "about US$10B",
                                       "at most about US$16.25B"]


def test_at_the_margin_ceiling_and_the_margin_for_half():
    c = triangle.at_margin_ceiling()
    # at 75% exactly: 35 × 0.75 = 26.25; half = 13.125; about 10 / 26.25 = about 0.381 (a point, not a floor)
    assert c["profit"].bound == "exact" and c["profit"].low == pytest.approx(26.25e9)
    assert format_bounded(c["half"], digits=4) == "US$13.12B"
    assert format_bounded(c["half"]) == "US$13.1B"     # three digits, as the checks and the chapter print it
    assert format_bounded(c["share"], "percent") == "about 38.1%"
    b = triangle.recycling_bounds()
    # about 10 ÷ 0.5 ÷ 35 = about 0.5714
    assert format_bounded(b["margin_for_half"], "percent") == "about 57.1%"
    assert format_bounded(b["half"], digits=4) == "at most US$13.12B"          # 0.5 × [0, 26.25]
    assert format_bounded(b["half"]) == "at most US$13.1B"                     # the checks' precision
    assert format_bounded(b["cost_of_goods"], digits=4) == "between US$8.75B and US$35B"


def test_slider_ranges_come_from_figures_and_assumptions():
    ranges = triangle.slider_ranges()
    margin, share, equity = ranges["margin"], ranges["share"], ranges["equity"]
    assert margin.value == 75                                      # F003-07
    assert (margin.low, margin.high) == (assumption("nvidia_gross_margin").low, assumption("nvidia_gross_margin").high)
    # US$35B over the build-cost assumption (50B, range 40–70B): 70%, from 35/70 = 50% to 35/40 = 87.5%
    assert (share.value, share.low, share.high) == pytest.approx((70, 50, 87.5))
    assert equity.value == 10 and equity.low < equity.high == 10     # up to the sources' ceiling
    assert len({r.name for r in ranges.values()}) == 3


def test_sliders_stay_inside_what_the_sources_allow():
    bounds = triangle.source_bounds()
    # 高達 75% -> [0, 75]; up to US$100B / at least 10 GW -> at most US$10B per GW; US$35B is part of the build
    assert bounds["margin"] == (0.0, 75.0) and bounds["equity"] == (0.0, 10.0)
    for name, slider in triangle.slider_ranges().items():
        low, high = bounds[name]
        assert low <= slider.low <= slider.value <= slider.high <= high, name
    assert triangle.slider_ranges()["share"].high < 100   # never the whole build
    grid = triangle.sensitivity_grid()
    assert grid["margin"].max() <= 75 and grid["equity"].max() <= 10e9


def test_oracle_contract_per_year():
    assert triangle.oracle_per_year() == pytest.approx(60e9)          # 300 / 5
    table = triangle.oracle_contract()
    assert table.loc[1, "Average per year"].startswith("at least US$60B")
    assert "cannot be computed" in table.loc[0, "Average per year"]   # 'multi-year' has no number


def test_amd_xai_and_cloud_contracts():
    per_gw = triangle.amd_revenue_per_gw()                                    # 100 / [0, 6] = [16.7, ∞)
    assert per_gw.low == pytest.approx(16.667e9, rel=1e-4) and per_gw.bound == "at_least"
    parts = triangle.xai_raise().set_index("part")
    assert parts.loc["The rest", "amount"] == pytest.approx(5.5e9)          # 20 − 12.5 − 2
    assert parts["share"].tolist() == pytest.approx([62.5, 10.0, 27.5])
    assert parts.loc["The rest", "share_label"] == "at least 27.5%"          # [5.5, ∞) / 20
    assert parts.loc["Debt", "share_label"] == "at most 62.5%"                   # [0, 12.5] / 20: a derived ceiling
    assert parts.loc["Nvidia equity", "share_label"] == "10%"                    # 2 / 20, exact
    cloud, share = triangle.stated_cloud_contracts(), triangle.cloud_share_of_stargate()
    # Bloomberg-based (the deals table's convention): [0, 300] + 22.4 = [22.4, 322.4]; the host's plain 300 + 22.4
    assert (cloud["bloomberg"].low, cloud["bloomberg"].high) == pytest.approx((22.4e9, 322.4e9))
    assert format_bounded(cloud["bloomberg"], digits=4) == "between US$22.4B and US$322.4B"
    assert format_bounded(cloud["host"], digits=4) == "US$322.4B"
    # ÷ US$1.4T: [22.4, 322.4] / 1,400 = [1.6%, 23.03%]; 322.4 / 1,400 = 23.03%
    assert format_bounded(share["bloomberg"], "percent", 2) == "between 1.6% and 23%"
    assert format_bounded(share["host"], "percent", 2) == "23%"


def test_xai_debt_shares_for_the_landing_finding():
    shares = triangle.xai_debt_shares()   # the same function as analysis.derived.xai_debt_shares
    # C002-06 [0, 12.5] / 20 = at most 62.5%; C002-16 12.5 / [0, 20] capped = [62.5%, 100%]; both: 62.5%
    assert [format_bounded(shares[k], "percent") for k in ("C002-06", "C002-16", "both")] == [
        "at most 62.5%", "between 62.5% and 100%", "62.5%"]
    assert shares["C002-16"].above(0.5) and not shares["C002-06"].above(0.5)


def test_deal_flows_keep_qualifiers_and_sources():
    flows = triangle.deal_flows().set_index("deal_id")
    assert set(flows["from_entity"]) | set(flows["to_entity"]) <= set(triangle.TRIANGLE_ENTITIES)
    assert flows.loc["openai-oracle-cloud", "amount"] == "up to US$300B"
    assert flows.loc["openai-oracle-cloud", "term"] == "up to 5 years"
    assert flows.loc["nvidia-openai-equity", "capacity"] == "at least 10 GW"
    assert flows.loc["amd-openai-warrants", "capacity"] == "up to 160M shares"
    assert not flows.loc["oracle-nvidia-gpus", "stated"]
    assert flows.loc["oracle-nvidia-gpus", "claims"] == "C003-02"
    assert (flows["sources"] != "").all()
    label = triangle.flow_label(flows.reset_index().set_index("deal_id", drop=False).loc["oracle-nvidia-gpus"])
    assert label == "GPU purchases\nno amount stated"


def test_a_direction_no_source_states_is_labelled_the_books_reading():
    # 簽署了一份 50 億美元的協議 (C000-27) names no payer; the diagram and Table 3.1 draw Anthropic → Nvidia
    flows = triangle.deal_flows().set_index("deal_id", drop=False)
    assert flows.loc["anthropic-nvidia-agreement", "direction"] == (
        "direction not stated; drawn as a purchase, the book's reading")
    assert (flows.drop("anthropic-nvidia-agreement")["direction"] == "stated").all()
    assert triangle.flow_label(flows.loc["anthropic-nvidia-agreement"]) == (
        "GPU supply\n(direction: the book's reading)\nUS$5B")
    table = triangle.deals_table().set_index(["From", "To"])
    assert table.loc[("Anthropic", "Nvidia"), "Instrument"] == (
        "GPU supply (direction not stated; drawn as a purchase, the book's reading)")
    assert table.loc[("Nvidia", "xAI"), "Instrument"] == "Equity"
    diagram = charts.deal_flows(triangle.deal_flows(), ["baker-four-labs"])
    assert "Anthropic → Nvidia: the source does not say which way the money flows; drawn as a purchase, the book's " \
        "reading." in " ".join(diagram.vegalite_spec()["title"]["text"])


# ---------------------------------------------------------------- charts

def test_sensitivity_sliders_are_bound_and_drive_the_numbers():
    ranges = triangle.slider_ranges()
    chart = charts.recycling_sensitivity(ranges, 50e9, ["patel-best-partners"])
    spec = chart.vegalite_spec()
    params = {p["name"]: p for p in spec.get("params", [])}
    assert set(params) == {"triangle_margin", "triangle_share", "triangle_equity"}
    assert params["triangle_margin"]["bind"]["min"] == 55 and params["triangle_margin"]["value"] == 75
    calculations = []

    def walk(node):
        if isinstance(node, dict):
            calculations.extend([node["calculate"]] if "calculate" in node else [])
            [walk(v) for v in node.values()]
        elif isinstance(node, list):
            [walk(v) for v in node]

    walk(spec)
    for name in params:   # every slider enters the calculations behind the bars and the headline
        assert any(name in c for c in calculations), name
    assert any("format(" in c for c in calculations)   # and the numbers shown are text made from them
    # the headline is a point at the sliders and says so; it gives no programme total (unbounded over >= 10 GW)
    assert any("At these slider settings" in c for c in calculations)
    assert not any(" over " in c and "GW" in c for c in calculations)
    # the description keeps the sources' bounds and names the assumption behind the 70% share (35 / 50)
    assert "equity about US$10B" in chart.description and "(assumption build_cost_per_gw)" in chart.description
    assert "share of 70%" in chart.description
    assert "recycles at least about 38.1% of gross profit and keeps at most about US$16.25B" in chart.description


def test_every_chart_names_itself_and_its_sources():
    r = triangle.stated_recycling()
    built = [
        charts.deal_flows(triangle.deal_flows(), ["bloomberg-compute-bet"]),
        charts.recycling_waterfall(triangle.waterfall_frame(), ["patel-best-partners"]),
        charts.recycling_heatmap(triangle.sensitivity_grid(), r, 13.125e9, ["patel-best-partners"]),
        charts.xai_raise(triangle.xai_raise(), "US$20B", ["bloomberg-compute-bet"]),
    ]
    assert [c.name for c in built] == ["fig-triangle-flows", "fig-triangle-waterfall", "fig-triangle-recycling-grid",
                                       "fig-triangle-xai"]
    assert "US$16.25B" in built[1].vegalite_spec()["vconcat"][0]["title"]["text"]
    assert isinstance(built[0].data, pd.DataFrame) and len(built[0].data) == len(triangle.deal_flows())


def test_every_deal_has_a_node_and_a_label_place():
    flows = triangle.deal_flows()
    assert set(flows["from_entity"]) | set(flows["to_entity"]) <= set(charts.NODES)
    assert set(flows["deal_id"]) == set(charts.LABEL_PLACES)


def test_recycling_bounds_carry_the_margin_ceiling():
    b = triangle.recycling_bounds()
    # 35 × [0, 0.75] = [0, 26.25]; about 10 ÷ [0, 26.25] = [0.381, ∞); [0, 26.25] − 10 → at most 16.25
    assert (b["profit"].low, b["profit"].high) == (0.0, 26.25e9)
    assert b["share"].low == pytest.approx(10 / 26.25) and math.isinf(b["share"].high) and b["share"].approximate
    assert b["kept"].bound == "at_most" and b["kept"].high == pytest.approx(16.25e9)
    assert b["half"].high == pytest.approx(13.125e9)                       # 0.5 × 26.25
    waterfall = charts.recycling_waterfall(triangle.waterfall_frame(), ["patel-best-partners"])
    assert "Nvidia keeps at most about US$16.25B per GW" in str(waterfall.vegalite_spec()["vconcat"][0]["title"])


def test_waterfall_words_carry_the_bounds():
    chart = charts.recycling_waterfall(triangle.waterfall_frame(), ["patel-best-partners"])
    d = chart.description
    assert "The equity returned is at least about 38.1% of gross profit" in d         # about 10 / [0, 26.25]
    assert "Gross profit at most US$26.25B" in d and "Gross profit kept at most about US$16.25B" in d
    # over at least 10 GW: 35 × 10 = at least 350; about 10 × 10 = at least about 100; profit and kept unbounded
    assert "revenue is at least US$350B and the equity at least about US$100B" in d
    assert "gross profit and the profit kept are unbounded" in d
    footer = " ".join(chart.vegalite_spec()["title"]["text"])
    # at least 10 GW is the Best Partners host's narration (C003-03), never Patel's
    assert "in the Best Partners host's own narration" in footer and "per Patel" not in footer
    assert "Read per GW (the book's inference, not the transcript's words)" in footer
    assert "up to US$100B ÷ at least 10 GW = at most US$10B per GW" in footer         # [0, 100] / [10, ∞) = [0, 10]
    # no bar label is a bare number where the value is bounded
    labels = chart.data.set_index("step")["label"]
    assert labels["Gross profit"] == "at most US$26.25B" and labels["Equity returned"] == "about US$10B"


def test_heatmap_words_carry_the_bounds():
    r = triangle.stated_recycling()
    chart = charts.recycling_heatmap(triangle.sensitivity_grid(), r, 13.125e9, ["patel-best-partners"])
    title = chart.vegalite_spec()["vconcat"][0]["title"]["text"]
    assert title == "At a 75% margin, half the gross profit is US$13.1B per GW, not about US$10B"   # 26.25 / 2
    # the outlined cell: up to 75% drawn at 75%, about US$10B, about 10 / 26.25 = about 38%
    assert "a margin of up to 75%, drawn at its ceiling of 75%, and equity of about US$10B, about 38% of gross profit" \
        in chart.description


def test_xai_chart_says_at_most_for_the_derived_ceiling():
    chart = charts.xai_raise(triangle.xai_raise(), "US$20B", ["bloomberg-compute-bet"])
    title = chart.vegalite_spec()["vconcat"][0]["title"]["text"]
    # 2 / 20 = 10%; [0, 12.5] / 20 = at most 62.5%
    assert title == "Nvidia's US$2B is 10% of xAI's US$20B raise; debt is at most 62.5%"
    assert "up to 62.5%" not in chart.description and "at most 62.5%" in chart.description
    # the footer gives the 'most' sentence too: 12.5 / [0, 20] capped = [62.5%, 100%]; with C002-06, only 62.5%
    footer = " ".join(chart.vegalite_spec()["title"]["text"])
    assert "makes the debt between 62.5% and 100%; the two sentences allow only 62.5%" in footer
