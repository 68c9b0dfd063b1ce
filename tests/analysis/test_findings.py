"""Findings: each one's words fit its numbers across their whole interval, with values worked by hand."""
import math
import re

import pytest

from compute_ledger.analysis import findings
from compute_ledger.analysis.findings import UNDER_ASSUMPTIONS, is_most, landing_findings
from compute_ledger.evidence.quantity import Bounded


@pytest.fixture(scope="module")
def found():
    return findings.all_findings()


def share(low, high):
    return Bounded(low, high, ())


def test_most_needs_more_than_half_at_both_ends():
    assert is_most(share(0.51, 0.9)) and not is_most(share(0.0, 0.625)) and not is_most(share(0.5, 0.5))


def test_every_finding_that_rests_on_an_assumption_says_so_in_its_sentence(found):
    assert {k for k, f in found.items() if f.rests_on_assumption} == {"payback", "japan"}
    assert set(found) >= {f.key for f in landing_findings()}
    for finding in found.values():
        assert (UNDER_ASSUMPTIONS in finding.text) is finding.rests_on_assumption, finding.key


def test_no_finding_says_most_or_leads_unless_its_numbers_do(found):
    most = re.compile(r"(?<!at )\bmost\b", re.I)  # 'most' as a claim, not the bound word 'at most'
    for finding in found.values():
        words = finding.headline + " " + finding.text
        if most.search(finding.headline):
            assert finding.key in {"unchecked", "concentration"} and is_most(finding.values["share"])
        if " leads " in words:
            assert finding.key == "tokens"
    assert "Most" in found["unchecked"].headline  # 129 of 160 = 80.6%, a point above half


def test_nvidia_recycling_bounds(found):
    v = found["nvidia"].values
    # 35 × [0, 0.75] = [0, 26.25]; 10 / [0, 26.25] = [0.381, ∞); [0, 26.25] − 10 = at most 16.25
    assert (v["profit"].low, v["profit"].high) == (0.0, 26.25e9)
    assert v["share"].low == pytest.approx(10 / 26.25) and math.isinf(v["share"].high)
    assert v["kept"].high == pytest.approx(16.25e9) and v["half"].high == pytest.approx(13.125e9)
    # the unit is the book's reading, so the headline says so; the transcript gives the figures no unit
    assert found["nvidia"].headline == ("On the book's per-gigawatt reading, Nvidia puts at least about 38.1% of its "
                                        "gross profit back into OpenAI")
    assert "The transcript gives these figures no unit" in found["nvidia"].text
    assert "keeps at most about US$16.25B" in found["nvidia"].text and "most of" not in found["nvidia"].text


def test_oracle_average_has_a_floor_only_from_the_transcript(found):
    finding = found["oracle"]
    # US$300B / (0, 5] years = [60B, ∞) a year; the digest's up to US$300B gives no average at all
    assert (finding.values["average"].low, finding.values["average"].high) == (60e9, math.inf)
    # a term of at most five years floors the average, not any one year
    assert finding.headline == "OpenAI's Oracle bill averages at least US$60B a year in the Best Partners transcript"
    assert "sets no floor" in finding.text and "The Best Partners host puts" in finding.text


def test_tokens_name_who_is_led_and_who_is_not_counted(found):
    finding = found["tokens"]
    assert finding.headline == "xAI leads Google and Anthropic on the OpenRouter token count Baker cites"
    assert "gives no figure for OpenAI" in finding.text and "says nothing of its position" in finding.text
    assert "Google about 800B–900B tokens" in finding.text          # 約 8,000-9,000 億, as the figure prints
    assert "Anthropic's revenue" not in finding.text                # another digest's figure stays out


def test_debt_share_is_bounded_from_both_sides_by_the_two_sentences(found):
    finding = found["debt"]
    v = finding.values
    # C002-06: [0, 12.5] / 20 = [0, 0.625]; C002-16: 12.5 / [0, 20], capped at 1, = [0.625, 1]; together only 0.625
    assert (v["first_sentence"].low, v["first_sentence"].high) == (0.0, 0.625)
    assert (v["most_sentence"].low, v["most_sentence"].high) == (0.625, 1.0) and is_most(v["most_sentence"])
    assert (v["share"].low, v["share"].high) == (0.625, 0.625)
    assert finding.headline == "Debt is 62.5% of xAI's raise, the only share both of the digest's sentences allow"
    assert '"most" holds on its own sentence' in finding.text
    assert "dilemma" not in finding.text                                 # one finding, one point


def test_japan_rate_is_the_ceiling_over_its_own_conversion(found):
    rate = found["japan"].values["rate"]
    assert rate.low == pytest.approx(10e12 / 65e9) and rate.approximate   # ¥10T / about US$65B ≈ 153.8
    assert "about 154 ¥/US$" in found["japan"].text and "inside" in found["japan"].headline


def test_silicon_and_contradictions_worked_by_hand(found):
    # 85% / at most 40% (最好的情況, the best case) = at least 2.125×: the ceiling on the margin floors the multiple
    multiple = found["silicon"].values["revenue_multiple"]
    assert multiple.low == pytest.approx(85 / 40) and math.isinf(multiple.high)
    assert "at least 2.125×" in found["silicon"].text and "an AI company" in found["silicon"].text
    assert "differ by 33 pp" in found["contradictions"].text and "stated as 16 pp" in found["contradictions"].text
    # 3 failing checks: microsoft-gap and niche-share inside one text, nvidia-openai-10gw across two
    assert "2 fail inside one text and 1 sets two texts against each other" in found["contradictions"].text


def test_unchecked_share_measures_what_it_says(found):
    v = found["unchecked"].values
    assert v["share"].low == pytest.approx(v["unchecked"].low / v["figures"].low)
    assert "tested by no consistency check" in found["unchecked"].text
    assert "no other source confirms" not in found["unchecked"].text


def test_every_finding_links_a_chapter_and_names_its_basis(found):
    for finding in found.values():
        assert finding.chapters and finding.links().startswith("[")
    assert found["oracle"].basis[:2] == ("F003-02", "F003-01")


def test_rack_step_worked_by_hand(found):
    # 3,000 lb / 1,000 lb = 3; 130 kW / 30 kW = 4.33…, both exact, so the words carry no bound
    v = found["racks"].values
    assert v["weight_multiple"].bound == "exact" and v["weight_multiple"].low == pytest.approx(3)
    assert v["power_multiple"].low == pytest.approx(130 / 30)
    assert found["racks"].headline == "A Blackwell rack weighs 3× and draws 4.3× the power of the rack before it"


def test_scaling_keeps_the_forecast_as_may_and_names_both_digests(found):
    assert found["scaling"].values["compute_multiple"].low == 10
    assert "may need 10×" in found["scaling"].headline and "expects" not in found["scaling"].headline
    assert "yet" not in found["scaling"].headline                       # the two points fit; no contradiction
    assert "he thinks scaling laws will not meet diminishing returns" in found["scaling"].text   # 認為不會
    text = found["scaling"].text
    assert "as summarised by the Best Partners host" in text and "Silicon Valley digest" in text
    assert "the digest's writer's own conclusion" in text


def test_sovereign_opening_finding_words_fit_its_interval():
    finding = findings.sovereign_money()
    ratio = finding.values["ratio"]
    # US$500B over Japan's ceiling of at most 10e12 / (10e12 / 65e9) = US$65B: 500 / 65 = 7.69 or more, no ceiling
    assert ratio.low == pytest.approx(500 / 65) and ratio.high == math.inf
    assert ratio.bound == "at_least"
    assert finding.headline.startswith("China's stated spend is at least about 7.7× Japan's pledge")
    assert ratio.approximate                                     # the digest's US$65B is 約, about
    assert finding.values["japan"].bound == "at_most"            # the yen pledge is 高達, up to
    assert "most" not in finding.headline.replace("at least", "") and "leads" not in finding.headline
    assert not finding.rests_on_assumption and findings.UNDER_ASSUMPTIONS not in finding.text
    assert "as summarised by the Best Partners host" in finding.text   # China's figure is Patel via the host


def test_four_labs_opening_finding_states_both_analysts():
    finding = findings.four_labs_order()
    assert finding.values["count"].bound == "exact" and finding.values["count"].low == 4     # 四家
    assert finding.values["tier"].low == 3                                                   # 第三梯队
    assert finding.headline.startswith("Baker counts four labs that matter; Patel puts OpenAI first")
    assert "leads" not in finding.headline and "most" not in finding.headline
    # both rankings are paraphrases relayed by a digest, and the text says whose words they are
    assert finding.text.count("as summarised by the digest's writer") == 2
    assert not finding.rests_on_assumption


def test_neocloud_concentration_is_most_at_both_ends_of_oracles_ceiling(found):
    finding = found["concentration"]
    share = finding.values["share"]
    # OpenAI's 22.4 of CoreWeave's 36.6 with no Oracle money: 61.2%; with Oracle's ceiling: 322.4 / 336.6 = 95.8%
    assert (share.low, share.high) == (pytest.approx(22.4 / 36.6), pytest.approx(322.4 / 336.6)) and is_most(share)
    assert finding.headline == "OpenAI is the customer on most of the neocloud contract value the sources name"
    assert "between 61.2% and 95.8%" in finding.text and "at most US$300B" in finding.text
    assert finding.text.startswith("The digest's writer, reporting Bloomberg")


def test_witnesses_count_interviewees_not_texts(found):
    finding = found["witnesses"]
    # five texts: two of Baker, two of Patel, one rewrite of Bloomberg's reporting
    assert (finding.values["texts"].low, finding.values["witnesses"].low) == (5, 3)
    # the writers of all five texts narrate: the four digests' writers and the Best Partners host
    assert finding.values["writers"].low == 5
    assert finding.headline == "Five texts, three witnesses to what was said, and five writers speaking for themselves"
    assert "Gavin Baker, Dylan Patel and Bloomberg's reporting" in finding.text


def test_every_landing_finding_opens_a_chapter_it_links():
    stems = {build: stem for stem, builders in findings.CHAPTER_FINDINGS.items() for build in builders}
    for build in findings.LANDING:
        finding = build()
        assert build in stems, f"{finding.key} is on the landing page but opens no chapter"
        assert f"chapters/{stems[build]}.ipynb" in [path for _, path in finding.chapters], finding.key


def test_chapter_brief_is_its_findings_headlines_as_sentences():
    assert findings.chapter_brief("risks") == (
        "Seven of 11 risks rest on one text; financing OpenAI, raised by more texts than any other, has three witnesses. "
        "Debt is 62.5% of xAI's raise, the only share both of the digest's sentences allow. AI is silicon-intensive.")
    with pytest.raises(KeyError, match="no findings for chapter 'glossary'"):
        findings.chapter_brief("glossary")


def test_risk_register_counts_texts_and_witnesses(found):
    v = found["register"].values
    # 11 risks; 7 raised by one text; financing OpenAI by 4 texts (both Patel digests, Baker's, the Bloomberg one),
    # which are 3 witnesses; 3 risks have more than one witness (financing OpenAI, xAI's debt, silicon intensity)
    assert (v["risks"].low, v["single"].low, v["texts"].low, v["witnesses"].low, v["independent"].low) == (11, 7, 4, 3, 3)
    assert found["register"].headline == ("Seven of 11 risks rest on one text; financing OpenAI, raised by more texts "
                                          "than any other, has three witnesses")
