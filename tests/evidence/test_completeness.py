"""The completeness scanner: which written numbers count as mentions, and that all are accounted for."""
from compute_ledger.evidence.completeness import coverage, mentions, unaccounted


def texts(text):
    return [token for _, _, token in mentions(text)]


def test_finds_arabic_and_chinese_quantities():
    assert texts("投資約 100 億美元，二十萬張 GPU，數十億美元，一半毛利，兩萬張") == ["100", "二十萬", "數十億", "一半", "兩萬"]


def test_ignores_articles_identifiers_addresses_metadata_and_markup():
    text = "---\ndate: 2025-12-22\n---\n一個模型 GPT-4.5 與 TPU v6，見 https://x.com/1234 [^1]\n1. 第一項\n"
    assert texts(text) == []


def test_every_number_in_the_seeds_is_accounted_for():
    assert unaccounted() == []
    counts = coverage()
    assert counts["mentions"] == counts["in_figures"] + counts["excluded"] > 150
