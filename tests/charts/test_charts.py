"""The chart renderer: three renderings per chart, deterministic ids, and the book's HTML for it."""
from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from compute_ledger.charts import VEGA_MIME, LedgerChart, finish
from compute_ledger.book.sphinx import VegaChartMimeRenderer, chart_html, write_bundle
from compute_ledger.charts.display import TABLE_MIME, LedgerTable

DATA = pd.DataFrame({"lab": ["xAI", "Google"], "tokens": [1.35e12, 0.85e12]})


def sample_chart(name: str = "fig-sample") -> LedgerChart:
    chart = alt.Chart(DATA).mark_bar().encode(x="tokens:Q", y="lab:N")
    return finish(chart, name=name, title="xAI leads", subtitle="Tokens (count)", sources=["baker-four-labs"],
                  description="Bar chart of tokens per lab.", data=DATA)


def test_output_carries_vega_svg_and_text():
    data, metadata = sample_chart()._repr_mimebundle_()
    assert set(data) == {VEGA_MIME, "image/svg+xml", "text/plain"}
    assert data[VEGA_MIME]["$schema"].startswith("https://vega.github.io/schema/vega/")
    assert data["image/svg+xml"].lstrip().startswith("<svg")
    assert "Bar chart of tokens per lab." in data["text/plain"]
    assert metadata[VEGA_MIME]["compute_ledger"]["id"] == "fig-sample"
    assert metadata[VEGA_MIME]["compute_ledger"]["csv"].splitlines()[0] == "lab,tokens"


def test_output_is_identical_on_every_run():
    assert sample_chart()._repr_mimebundle_() == sample_chart()._repr_mimebundle_()


def test_footer_names_the_source_and_the_spec_carries_the_description():
    spec = sample_chart().vegalite_spec()
    assert spec["description"] == "Bar chart of tokens per lab."
    # what the text is, true of its every line (the writer's narration too), not whose words a given line is
    assert spec["title"]["text"] == ["Source: the Four labs digest — its writer's summary of an interview with Gavin Baker."]
    assert "Source: the Four labs digest — its writer's summary" in sample_chart().svg()


@pytest.mark.parametrize("name", ["Fig Sample", "fig_sample", ""])
def test_names_must_be_usable_as_ids(name):
    with pytest.raises(ValueError, match="lower-case words"):
        sample_chart(name)


def test_a_description_is_required():
    with pytest.raises(ValueError, match="text description"):
        LedgerChart(name="fig-x", chart=alt.Chart(DATA).mark_bar(), description=" ", data=DATA)


def test_unknown_source_ids_are_refused():
    with pytest.raises(KeyError, match="unknown source id"):
        finish(alt.Chart(DATA).mark_bar(), name="fig-x", title="t", subtitle="s", sources=["nope"],
               description="d", data=DATA)


def test_book_html_holds_an_inert_spec_and_a_csv_download():
    spec = {"description": "</script><b>x</b>", "marks": []}
    html = chart_html(spec, "fig-sample", "Bars & more", "a,b\n1,2\n")
    assert 'id="ledger-chart-fig-sample"' in html and 'data-spec-id="ledger-chart-fig-sample-spec"' in html
    assert '<script type="application/json" id="ledger-chart-fig-sample-spec">' in html
    assert "</script><b>" not in html.split('type="application/json"', 1)[1].rsplit("</script>", 1)[0]
    assert 'aria-label="Bars &amp; more"' in html
    assert 'download="fig-sample.csv" href="data:text/csv;charset=utf-8;base64,YSxiCjEsMgo="' in html


class _Data:
    def __init__(self, mime_type, content, metadata=None):
        self.mime_type, self.content, self.output_metadata = mime_type, content, metadata or {}
        self.cell_index, self.output_index = 3, 0

    @property
    def string(self):
        return json.dumps(self.content)


def test_mime_renderer_handles_only_its_types_and_only_as_blocks():
    assert VegaChartMimeRenderer.handle_mime(None, _Data("text/html", "<p>"), False) is None
    assert VegaChartMimeRenderer.handle_mime(None, _Data(VEGA_MIME, {}), True) is None
    data, metadata = sample_chart()._repr_mimebundle_()
    [node] = VegaChartMimeRenderer.handle_mime(None, _Data(VEGA_MIME, data[VEGA_MIME], metadata), False)
    assert node["format"] == "html" and 'id="ledger-chart-fig-sample"' in node.astext()


def test_table_output_has_a_caption_and_a_label():
    table = LedgerTable(name="tbl-sample", caption="Tokens per lab", frame=DATA)
    data = table._repr_mimebundle_()
    assert data[TABLE_MIME] == {"name": "tbl-sample", "caption": "Tokens per lab", "columns": ["lab", "tokens"],
                                "rows": [["xAI", "1350000000000.0"], ["Google", "850000000000.0"]]}
    assert "<caption>Tokens per lab</caption>" in data["text/html"]


def test_bundle_is_written_once_under_a_content_hash(tmp_path):
    name = write_bundle(tmp_path)
    assert name.startswith("compute-ledger-charts-") and name.endswith(".js")
    text = (tmp_path / name).read_text()
    assert re.match(r"\(\(\) ?=> ?\{", text) and text.rstrip().endswith("})();")  # esbuild's IIFE: no top-level names leak
    mtime = (tmp_path / name).stat().st_mtime_ns
    assert write_bundle(tmp_path) == name and (tmp_path / name).stat().st_mtime_ns == mtime
