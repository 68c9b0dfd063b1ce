"""The landing page's glue: every glue name the page uses is computed, and each is a finding's words."""
import re

import nbformat

from compute_ledger.analysis.findings import landing_findings
from compute_ledger.analysis.summary import summary_numbers
from compute_ledger.paths import ROOT


def test_every_glued_name_on_the_landing_page_is_computed():
    markdown = "\n".join(c.source for c in nbformat.read(ROOT / "index.ipynb", as_version=4).cells
                         if c.cell_type == "markdown")
    used = set(re.findall(r"\{glue:(?:text|md)\}`(summary_\w+)`", markdown))
    assert used and used == set(summary_numbers())


def test_each_finding_is_glued_as_headline_and_text():
    numbers = summary_numbers()
    for finding in landing_findings():
        assert numbers[f"summary_{finding.key}_headline"] == finding.headline
        assert numbers[f"summary_{finding.key}_text"] == finding.text
    assert numbers["summary_year"] == "2025"
