"""Sovereign AI: conversions, spreads and comparisons, with expected values worked by hand."""
import math

import pytest

from compute_ledger.analysis import sovereign
from compute_ledger.charts import sovereign as charts


def test_digest_rate_is_the_ceiling_over_its_own_about_conversion():
    rate = sovereign.digest_rate()
    assert rate.low == pytest.approx(10e12 / 65e9) and rate.is_point and rate.approximate   # ¥10T / about US$65B
    assert sovereign.glue_values()["sovereign_implied_rate"] == "about 154 ¥/US$"   # three figures from an about amount


def test_to_usd():
    # ¥10T / 150 = 66.666...e9, i.e. US$66.7B
    assert sovereign.to_usd(10e12, 150) == pytest.approx(66.67e9, rel=1e-3)
    # ¥10T / 140 = 71.43e9 and ¥10T / 160 = 62.5e9: a stronger yen (fewer ¥ per US$) gives more dollars
    assert sovereign.to_usd(10e12, 140) == pytest.approx(71.43e9, rel=1e-3)
    assert sovereign.to_usd(10e12, 160) == pytest.approx(62.5e9)
    with pytest.raises(ValueError):
        sovereign.to_usd(10e12, 0)


def test_inclusive_years_and_per_year():
    # 2024, 2025, ..., 2030 is seven years; 2025 to 2030 is six
    assert sovereign.inclusive_years(2024, 2030) == 7
    assert sovereign.inclusive_years(2025, 2030) == 6
    assert sovereign.inclusive_years(2030, 2030) == 1
    with pytest.raises(ValueError):
        sovereign.inclusive_years(2031, 2030)
    # ¥10T / 7 = ¥1.4286T a year; US$66.67B / 7 = US$9.524B
    assert sovereign.per_year(10e12, 7) == pytest.approx(1.4286e12, rel=1e-4)
    assert sovereign.per_year(10e12 / 150, 7) == pytest.approx(9.524e9, rel=1e-3)
    with pytest.raises(ValueError):
        sovereign.per_year(10e12, 0)


def test_multiple_and_cut():
    assert sovereign.remaining_after_cut(10, 50) == pytest.approx(5)             # 10 GW less half
    assert sovereign.remaining_after_cut(4.5, 50) == pytest.approx(2.25)         # 4.5 / 2
    assert sovereign.remaining_after_cut(6, 0) == 6
    with pytest.raises(ValueError):
        sovereign.remaining_after_cut(10, 120)


def test_usd_across_rates():
    curve = sovereign.usd_across_rates(10e12, 140, 160, points=5)
    # rates 140, 145, 150, 155, 160 (step 20 / 4 = 5)
    assert curve["jpy_per_usd"].tolist() == pytest.approx([140, 145, 150, 155, 160])
    assert curve["usd"].iloc[2] == pytest.approx(66.67e9, rel=1e-3)
    assert curve["usd"].is_monotonic_decreasing
    with pytest.raises(ValueError):
        sovereign.usd_across_rates(10e12, 160, 140)


def test_japan_conversions_on_the_sources():
    table = sovereign.japan_conversions().set_index("basis")
    digest = table.loc["The digest's own conversion (about)"]
    assert digest["jpy_per_usd"] == pytest.approx(153.85, abs=0.005)          # 10e12 / 65e9
    assert digest["usd"] == pytest.approx(65e9)
    # the pledge is up to ¥10T, so every conversion and spread is a ceiling; the digest's rate is about
    assert digest["usd_text"] == "at most about US$65B" and digest["stated_text"] == "about US$65B"
    assert table.loc["Assumption: reference rate", "usd_text"] == "at most US$66.7B"   # 10e12 / 150
    assert table.loc["Assumption: weak-yen end", "usd_text"] == "at most US$62.5B"     # 10e12 / 160
    # seven years 2024–2030 at the reference rate: 66.67e9 / 7 = 9.52e9
    assert table.loc["Assumption: reference rate", "usd_per_year_text"] == "at most US$9.52B"
    assert table.loc["Assumption: reference rate", "usd_per_year"] == pytest.approx(10e12 / 150 / 7)


def test_japan_pledge_period():
    pledge = sovereign.japan_pledge()
    assert pledge["pledge_jpy"] == 10e12      # 10兆日元
    assert pledge["end_year"] == 2030
    assert pledge["years"] == pledge["end_year"] - pledge["start_year"] + 1


def test_programs_and_grid_rule_on_the_sources():
    frame = sovereign.programs().set_index("entity")
    assert frame.loc["china", "usd"] == 500e9
    japan = frame.loc["japan"].set_index("status")["text"]
    assert japan.iloc[0] == "at most about US$65B"                             # up to ¥10T at about 153.85
    # up to ¥10T at 150 (66.7), and at 160 (62.5) and 140 (71.4): a ceiling at every rate
    assert japan.iloc[1] == "at most US$66.7B (at most US$62.5B–71.4B across the assumed rates)"
    assert math.isnan(frame.loc["united-states", "usd"])   # the sources give no US program figure
    grid = sovereign.grid_rule().set_index("figure_id")
    assert grid.loc["F003-04", "available_gw"] == pytest.approx(5)     # 10 × (1 − 0.5)
    assert grid.loc["F002-12", "available_gw"] == pytest.approx(3)     # 6 × 0.5
    assert grid.loc["F002-11", "available_text"] == "2.25 GW"          # 4.5 × 0.5, exact stays exact
    assert grid.loc["F003-04", "available_text"] == "at least 5 GW"    # at least 10 GW × 0.5: a floor
    assert grid.loc["F002-12", "available_text"] == "at most 3 GW"     # up to 6 GW × 0.5: a ceiling


def test_grid_rule_keeps_both_bounds_of_the_nvidia_openai_build():
    """One build, two sources: at least 10 GW (Best Partners host, F003-04) and up to 10 GW (Bloomberg-based
    digest, F002-05). Half of [10, ∞) is [5, ∞), at least 5 GW; half of [0, 10] is [0, 5], at most 5 GW."""
    grid = sovereign.grid_rule().set_index("figure_id")
    assert grid.loc["F002-05", "available_gw"] == pytest.approx(5)     # 10 × (1 − 0.5)
    assert grid.loc["F002-05", "available_text"] == "at most 5 GW"
    assert grid.loc["F002-05", "stated_text"] == "up to 10 GW" and grid.loc["F003-04", "stated_text"] == "at least 10 GW"
    assert grid.loc["F003-04", "stated_by"] == "the Best Partners host"
    values = sovereign.glue_values()
    assert (values["sovereign_nvidia_gw_left"], values["sovereign_nvidia_gw_left_bloomberg"]) == ("at least 5 GW",
                                                                                                  "at most 5 GW")
    chart = charts.grid_rule(sovereign.grid_rule())
    title = chart.vegalite_spec()["vconcat"][0]["title"]["text"]
    assert "at least 5 GW" in title and "at most 5 GW" in title
    assert "at least 5 GW" in chart.description and "at most 5 GW" in chart.description
    assert "Patel says" not in str(chart.vegalite_spec())   # the rule reaches us as the host's summary


def test_models_table():
    table = sovereign.models_table().set_index("Aspect")
    assert table.columns.tolist() == ["Japan", "China", "United States"]
    assert table.loc["Money stated", "United States"] == "Not stated"   # never invented
    assert "at most US$66.7B" in table.loc["In US$", "Japan"]          # up to 10e12 / 150
    assert table.loc["In US$", "Japan"].startswith("at most about US$65B at the digest's rate")
    assert "50%" in table.loc["Constraint named", "United States"]      # 一半 = half


def test_glue_values():
    values = sovereign.glue_values()
    assert values["sovereign_japan_usd_ref"] == "at most US$66.7B"     # up to ¥10T / 150: a ceiling
    assert values["sovereign_japan_usd_range"] == "at most US$62.5B–71.4B"    # up to 10e12/160 to 10e12/140
    assert values["sovereign_china_vs_japan"] == "at least about 7.7×"   # 500 / (at most about 65) = 7.69 or more
    assert values["sovereign_china_vs_japan_ref"] == "at least 7.5×"  # 500 / (at most 10e12/150 = 66.7)
    assert values["sovereign_china_vs_oracle"] == "at least 1.7×"     # 500 / (up to 300) = 1.67 or more
    assert values["sovereign_japan_per_year_jpy"] == "at most ¥1.43T"  # up to ¥10T / 7 years
    assert values["sovereign_japan_per_year_usd"] == "at most US$9.52B"  # 66.7 / 7
    assert "sovereign_japan_vs_oracle" not in values                  # a ceiling over a ceiling bounds nothing
    assert values["sovereign_stargate_vs_china"] == "2.8×"            # 1,400 / 500
    assert values["sovereign_rate_gap"] == "about 2.56%"              # (about 153.85 − 150) / 150
    assert values["sovereign_fx_verdict"] == "consistent"             # inside 140–160
    assert all(name.startswith("sovereign_") for name in values)


def test_charts_are_finished():
    conversions = sovereign.japan_conversions()
    built = [charts.programs(sovereign.programs()),
             charts.japan_fx(conversions, sovereign.japan_pledge()),
             charts.grid_rule(sovereign.grid_rule())]
    assert [c.name for c in built] == ["fig-sovereign-programs", "fig-sovereign-japan-fx", "fig-sovereign-grid-rule"]
    for chart in built:
        assert chart.description and len(chart.data)
    spec = built[1].vegalite_spec()
    assert "sovereign_jpy_per_usd" in str(spec)   # the slider's parameter is named and used
