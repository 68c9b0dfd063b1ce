"""Models chapter: its figures keep their qualifiers, ratios are worked by hand, and every glued name is computed."""
import re

import nbformat
import pandas as pd
import pytest

from compute_ledger.analysis import models
from compute_ledger.charts import models as model_charts
from compute_ledger.evidence.tables import claim_attribution, load
from compute_ledger.paths import CHAPTERS


def test_every_glued_name_in_the_chapter_is_computed():
    notebook = nbformat.read(CHAPTERS / "models.ipynb", as_version=4)
    used = set(re.findall(r"\{glue:text\}`(models_\w+)`", "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")))
    assert used and used <= set(models.prose_numbers())


def test_experiment_multiples_worked_by_hand():
    scale = models.experiment_scale().set_index("figure_id")
    assert scale.loc["F000-20", "multiple"] == 50       # 50,000 GPUs ÷ 1,000
    assert scale.loc["F000-19", "multiple"] == 100      # 100,000 ÷ 1,000
    numbers = models.prose_numbers()
    assert numbers["models_experiment_multiple"] == "50×"
    assert numbers["models_large_multiple"] == "100×"


def test_talent_sums_keep_their_bounds():
    money = models.talent_money().set_index("figure_id")
    assert money.loc["F001-03", "text"] == "over US$100M"     # 上亿美元年薪: a floor, and a rumour
    assert money.loc["F000-25", "text"] == "US$1B"
    assert models.prose_numbers()["models_meta_pay"].startswith("over ")


def test_timeline_keeps_the_sources_periods_in_order():
    events = models.timeline()
    assert events["period"].tolist() == ["2022", "early 2024", "H2 2024", "late 2024"]
    assert events["value"].is_monotonic_increasing


def test_theses_cite_only_existing_claims_and_name_their_speakers():
    claims = load("claims").set_index("claim_id")
    table = models.theses()
    for row in table.itertuples():
        ids = row.claim_ids.split(", ")
        assert set(ids) <= set(claims.index)
        assert row.speakers == "; ".join(dict.fromkeys(claim_attribution(c) for c in ids))
    first = table.set_index("claim_ids").loc["C003-43, C003-17"]
    # 迪倫·帕特爾認為不會 reaches us through the Best Partners host's summary: the table says so, and says 'thinks'
    assert first.speakers == "Dylan Patel, as summarised by the Best Partners host"
    assert first.thesis.startswith("Patel thinks scaling will not meet diminishing returns")
    assert "10× the compute" in first.thesis          # F003-13: 10 倍的算力, exact, printed by the formatter


def test_horizon_and_prize_keep_the_sources_words():
    numbers = models.prose_numbers()
    assert numbers["models_asi_horizon"] == "within 10 years"            # 十年內 (F004-02, up_to 10 years)
    assert numbers["models_asi_value"] == "tens of trillions of US$"     # 數十兆美元: several × 十兆 = 1e13
    with pytest.raises(ValueError):
        models.within("F004-25")      # a several-qualified US$ figure is no horizon


def test_charts_state_their_findings_from_the_data():
    timeline = model_charts.timeline(models.timeline())
    assert timeline.vegalite_spec()["vconcat"][0]["title"]["text"] == "Orion began training in early 2024; reasoning arrived in H2 2024"
    scale = model_charts.experiment_scale(models.experiment_scale())
    assert "50×" in scale.vegalite_spec()["vconcat"][0]["title"]["text"]
    money = model_charts.talent_money(models.talent_money())
    assert "over US$100M" in money.vegalite_spec()["vconcat"][0]["title"]["text"]
    assert isinstance(model_charts.theses_table(models.theses()).frame, pd.DataFrame)
