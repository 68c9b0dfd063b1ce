"""Glued text must reach the page exactly as formatted (MyST-NB reads it back with literal_eval)."""
import pytest
from IPython.core.formatters import format_display_data
from myst_nb.core.variables import format_plain_text

from compute_ledger.book import glue as gluemod


@pytest.fixture
def captured(monkeypatch):
    glued = {}
    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: glued.__setitem__(name, value))
    return glued


@pytest.mark.parametrize("text", ["23,213", "US$300B", "62%", "5", "up to 10 GW", "(a, b)", "it's"])
def test_glued_text_reaches_the_page_unchanged(captured, text):
    gluemod.glue_text("x", text)
    plain = format_display_data(captured["x"])[0]["text/plain"]
    assert format_plain_text(plain, "") == text


def test_glue_figure_keeps_the_qualifier(captured):
    gluemod.glue_figure("oracle", "F002-10")
    assert captured["oracle"] == "up to US$300B"
