"""Build-out chapter: rack step-ups and uptime worked by hand; capacity bounds stated from the qualifiers."""
import re

import nbformat

from compute_ledger.analysis import buildout
from compute_ledger.charts import buildout as buildout_charts
from compute_ledger.paths import CHAPTERS


def test_every_glued_name_in_the_chapter_is_computed():
    notebook = nbformat.read(CHAPTERS / "build-out.ipynb", as_version=4)
    used = set(re.findall(r"\{glue:text\}`(buildout_\w+)`", "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")))
    assert used and used <= set(buildout.prose_numbers())


def test_rack_multiples_worked_by_hand():
    rack = buildout.rack_step().set_index("measure")
    assert rack.loc["weight", "multiple"] == 3                    # 3,000 lb ÷ 1,000 lb
    assert abs(rack.loc["power", "multiple"] - 130 / 30) < 1e-12  # 130 kW ÷ 30 kW = 4.33…
    numbers = buildout.prose_numbers()
    assert numbers["buildout_weight_multiple"] == "3×"
    assert numbers["buildout_power_multiple"] == "4.3×"


def test_uptime_ratio_worked_by_hand():
    assert buildout.uptime()["relative"].tolist() == [1.0, 3.0]   # 90% ÷ 30%
    assert buildout.prose_numbers()["buildout_uptime_ratio"] == "3×"


def test_capacity_bounds_come_from_the_qualifiers():
    table = buildout.capacity().set_index("figure_id")
    assert table.loc["F002-05", "bound"] == "a ceiling"   # 高達10吉瓦
    assert table.loc["F003-04", "bound"] == "a floor"     # 至少 10 吉瓦
    assert table.loc["F002-11", "bound"] == "a stated amount"
    ten = buildout.nvidia_ten_gigawatts()
    assert (ten["ceiling"], ten["floor"], ten["only_common_value"]) == ("up to 10 GW", "at least 10 GW", "10 GW")


def test_a_ceiling_and_a_floor_at_different_values_have_no_common_value(data_copy):
    path = data_copy / "figures.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("F002-05,C002-04,\"Nvidia computing systems committed to OpenAI (Stargate), power capacity\",nvidia,高達10吉瓦,10,",
                                 "F002-05,C002-04,\"Nvidia computing systems committed to OpenAI (Stargate), power capacity\",nvidia,高達10吉瓦,9,"),
                    encoding="utf-8")
    assert buildout.nvidia_ten_gigawatts(data_copy)["only_common_value"] is None


def test_coherent_limit_is_kept_as_a_range():
    sizes = buildout.clusters().set_index("kind")
    assert sizes.loc["limit (low end)", "gpus"] == 200_000 and sizes.loc["limit (high end)", "gpus"] == 300_000


def test_charts_state_their_findings_from_the_data():
    rack = buildout_charts.rack_step(buildout.rack_step()).vegalite_spec()["vconcat"][0]["title"]["text"]
    assert rack == "A Blackwell rack weighs 3× and draws 4.3× what a rack did before"
    capacity = buildout_charts.capacity(buildout.capacity()).vegalite_spec()["vconcat"][0]["title"]["text"]
    assert capacity == "Nvidia's 10 GW is a ceiling in one source and a floor in the other"
    clusters = buildout_charts.clusters(buildout.clusters(), buildout.uptime())
    assert "3×" in clusters.vegalite_spec()["vconcat"][0]["title"]["text"]
    assert len(buildout_charts.constraints_table(buildout.constraints()).frame) == len(buildout.CONSTRAINTS)


def test_niche_revenue_worked_by_hand():
    assert buildout.niche_revenue() == 50e9                        # US$10T × 0.5%
    assert buildout.prose_numbers()["buildout_niche_revenue"] == "US$50B"
