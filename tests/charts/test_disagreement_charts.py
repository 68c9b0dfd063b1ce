"""The checks chart: every ratio drawn as the range its bounds allow, and words true across that range."""
import math

import pytest

from compute_ledger.analysis.disagreements import check_ratios
from compute_ledger.charts import disagreements as charts
from compute_ledger.evidence.checks import consistency_checks


@pytest.fixture(scope="module")
def ratios():
    return check_ratios(consistency_checks())


def test_title_and_description_carry_the_bounds(ratios):
    chart = charts.check_ratios(ratios)
    title = chart.vegalite_spec()["vconcat"][0]["title"]["text"]
    # 2 fail (microsoft-gap 33/16 = 2.06×, niche-share 50 / [1, 10] = [5, 50]); 5 > 2.06, so niche-share is widest
    assert title == "2 of 11 numeric checks fail; the widest miss, niche-share, is between about 5× and 50×"
    assert "microsoft-gap (2.06×) and niche-share (between about 5× and 50×)" in chart.description
    assert "Resting on the book's assumptions: japan-fx." in chart.description
    assert "50×" not in title.replace("between about 5× and 50×", "")


def test_labels_are_the_bounded_ratios(ratios):
    spans, _ = charts.ratio_marks(ratios)
    labels = spans.set_index("check_id")["label"]
    assert labels["niche-share"] == "between about 5× and 50×"
    assert labels["nvidia-half-gross-profit"] == "at most about 1.31×"
    assert labels["coreweave-parts"] == "at most 1.02×"
    assert labels["oracle-contract"] == "at least 1×"
    assert labels["japan-fx"] == "between about 0.962× and 1.1× (rests on an assumption)"


def test_open_ends_are_drawn_to_the_axis_edge_as_arrows(ratios):
    spans, ends = charts.ratio_marks(ratios)
    low_edge, high_edge = charts.RATIO_AXIS
    drawn = spans.set_index("check_id")
    # oracle-contract is [1, ∞): drawn from 1 to the right edge, with an arrow there
    assert (drawn.loc["oracle-contract", "draw_low"], drawn.loc["oracle-contract", "draw_high"]) == (1.0, high_edge)
    # coreweave-parts is [0, 1.0167]: no floor a log axis can show, so it starts at the left edge with an arrow
    assert drawn.loc["coreweave-parts", "draw_low"] == low_edge
    shapes = {(r.check_id, r.shape) for r in ends.itertuples()}
    assert ("oracle-contract", "triangle-right") in shapes and ("coreweave-parts", "triangle-left") in shapes
    assert ("microsoft-gap", "circle") in shapes                      # a single value is a dot
    assert not any(c == "niche-share" for c, _ in shapes)             # both ends stated and on the axis: a bare bar
    assert all(math.isfinite(x) for x in ends["x"]) and spans[["draw_low", "draw_high"]].map(math.isfinite).all().all()


def test_the_chart_data_downloads_with_its_bounds(ratios):
    header = charts.check_ratios(ratios).csv().splitlines()[0]
    assert header == ("check_id,question,stated,computed,stated_low,stated_high,computed_low,computed_high,"
                      "ratio_text,ratio_low,ratio_high,verdict")
