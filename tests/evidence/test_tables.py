"""Loading helpers: typed tables, English names, aliases across scripts."""
import math

import pytest

from compute_ledger.evidence import tables


def test_numbers_are_floats_and_empty_text_is_empty():
    figures = tables.load("figures")
    assert figures["value_low"].dtype == float
    assert math.isnan(figures.set_index("figure_id").loc["F002-10", "value_high"])
    assert not figures[["note", "period", "entity"]].isna().any().any()
    assert (figures["entity"] == "").any()


def test_figures_carry_quote_source_and_english_entity_name():
    row = tables.figure("F002-10")
    assert row.entity_name == "Oracle" and row.short_name == "Bloomberg-based digest"
    assert row.quote_span in row.quote


@pytest.mark.parametrize("spelling", ["Nvidia", "NVIDIA", "輝達", "英偉達", "英伟达"])
def test_every_spelling_of_nvidia_resolves(spelling):
    assert tables.resolve_entity(spelling) == "nvidia"


def test_other_script_spellings_are_generated():
    generated = tables.aliases().query("entity_id == 'oracle'")
    assert {"甲骨文"} <= set(generated["alias"])
    microsoft = tables.aliases().query("entity_id == 'microsoft'").set_index("alias")
    assert "微软" in microsoft.index and "微軟" in microsoft.index


def test_unknown_names_are_refused():
    with pytest.raises(KeyError, match="no entity"):
        tables.resolve_entity("Acme")


def test_deals_carry_names_and_figure_values():
    deal = tables.deals().set_index("deal_id").loc["openai-oracle-cloud"]
    assert (deal.from_name, deal.to_name) == ("OpenAI", "Oracle")
    assert deal.amount_value_low == 300e9 and deal.amount_unit == "USD" and deal.amount_qualifier == "up_to"
