"""The claims register shows whose words each claim is, and keeps filtering on the bare speaker."""
from __future__ import annotations

from compute_ledger.charts.register import ClaimsRegister, register_frame


def test_register_shows_each_claims_attribution_and_keeps_the_speaker_filter():
    frame = register_frame().set_index("claim_id")
    assert frame.loc["C003-02", "attribution"] == "the Best Partners host"                  # host narration, not Patel
    assert frame.loc["C003-15", "attribution"] == "Dylan Patel, as summarised by the Best Partners host"
    page = ClaimsRegister(register_frame()).html()
    assert "<th>Whose words</th>" in page
    row = page[page.index('id="claim-c003-02"'):]
    row = row[:row.index("</tr>")]
    assert 'data-speaker="Best Partners host"' in row and "<td>the Best Partners host</td>" in row
