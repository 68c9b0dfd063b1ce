"""The landing page's numbers: every glue name the page uses is computed, with values worked by hand."""
import re

import nbformat

from compute_ledger.paths import ROOT
from compute_ledger.analysis.summary import summary_numbers


def test_every_glued_name_on_the_landing_page_is_computed():
    markdown = "\n".join(c.source for c in nbformat.read(ROOT / "index.ipynb", as_version=4).cells
                         if c.cell_type == "markdown")
    used = set(re.findall(r"\{glue:text\}`(summary_\w+)`", markdown))
    assert used and used == set(summary_numbers())


def test_values_worked_by_hand():
    numbers = summary_numbers()
    assert numbers["summary_nvidia_profit"] == "US$26.25B"          # 35 × 0.75
    assert numbers["summary_nvidia_share"] == "38.1%"               # 10 / 26.25
    assert numbers["summary_nvidia_kept_programme"] == "US$162.5B"  # (26.25 − 10) × 10 GW
    assert numbers["summary_oracle_per_year"] == "US$60B"           # 300 / 5
    assert numbers["summary_ai_revenue_multiple"] == "2.125×"       # 85 / 40
    assert numbers["summary_ms_computed"] == "33 pp"                # 62 − 29
