"""The landing page's findings as objects: each built from the bounded values it rests on.

A finding's words come from its numbers. Its bound words ("at most", "at least", "about") come from
the intervals (compute_ledger.evidence.fmt.format_bounded); a comparative word ("most", "leads") is
used only when it holds at both ends of every interval involved; and a finding that rests on an
assumption says so in its own sentence. Tests check each finding's words against its values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import labs, neoclouds, risks, sovereign, triangle
from .derived import UNDER_ASSUMPTIONS, oracle_yearly_average, xai_debt_shares
from .disagreements import claim_witness, figure_trust, witness
from ..evidence.checks import consistency_checks
from ..evidence.fmt import format_bounded, format_range, format_value, join_names
from ..evidence.quantity import Bounded, exact, leader
from ..evidence.tables import assumed, bounded, claim_attribution, entity_names, figure, figure_text, load
from ..paths import DATA


@dataclass(frozen=True)
class Finding:
    """One finding: a headline, a paragraph, the bounded values both are built from, and the chapters that show them."""

    key: str
    headline: str
    text: str
    values: dict[str, Bounded] = field(default_factory=dict)
    chapters: tuple[tuple[str, str], ...] = ()

    @property
    def rests_on_assumption(self) -> bool:
        return any(v.rests_on_assumption for v in self.values.values())

    @property
    def basis(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for v in self.values.values() for i in v.basis))

    def links(self) -> str:
        return ", ".join(f"[{title}]({path})" for title, path in self.chapters)


def is_most(share: Bounded) -> bool:
    """'Most' holds only if the share is above half at both ends of its interval."""
    return share.above(0.5)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------------------------------------------

def nvidia_recycling(data_dir: Path = DATA) -> Finding:
    values = triangle.recycling_bounds(data_dir)
    revenue, margin, equity, profit, share, kept, transcript_half = (values[k] for k in (
        "revenue", "margin", "equity", "profit", "share", "kept", "half"))
    by = claim_attribution("C003-04", data_dir)
    text = (f"{_capital(by)}: Nvidia's equity in OpenAI is {format_bounded(equity)}, while {format_bounded(revenue)} of "
            f"the data-centre build cost flows to Nvidia, at a gross margin of {format_bounded(margin, 'percent')}. "
            "The transcript gives these figures no unit; the book reads them per gigawatt of the deal, its own "
            f"inference from the deal's size. On that reading each gigawatt brings Nvidia "
            f"{format_bounded(profit, digits=4)} of gross profit; the equity is {format_bounded(share, 'percent')} of it, "
            f"and Nvidia keeps {format_bounded(kept, digits=4)}. The transcript's \"half\" would be "
            f"{format_bounded(transcript_half)}.")
    return Finding("nvidia", f"On the book's per-gigawatt reading, Nvidia puts {format_bounded(share, 'percent')} of its "
                   "gross profit back into OpenAI",
                   text, values,
                   (("The compute triangle", "chapters/compute-triangle.ipynb"),))


def oracle_bill(data_dir: Path = DATA) -> Finding:
    total, term, digest_total = bounded("F003-02", data_dir), bounded("F003-01", data_dir), bounded("F002-10", data_dir)
    average = oracle_yearly_average(data_dir)
    digest_term = figure("F002-10", data_dir).period  # 'multi-year': a term with no length, so no average
    text = (f"{_capital(claim_attribution('C003-02', data_dir))} puts OpenAI's purchases from Oracle at "
            f"{format_bounded(total)} over a term of {format_bounded(term)} (五年內, within five years): on average "
            f"{format_bounded(average)}. The Bloomberg-based digest's {figure_text('F002-10', data_dir)} over a "
            f"{digest_term} term sets no floor on any year. {_capital(claim_attribution('C002-31', data_dir))} adds "
            "that Oracle's growth rides on OpenAI's ability to pay.")
    return Finding("oracle", f"OpenAI's Oracle bill averages {format_bounded(average)} in the Best Partners transcript", text,
                   {"total": total, "term": term, "average": average, "digest_total": digest_total},
                   (("The compute triangle", "chapters/compute-triangle.ipynb"), ("The neoclouds", "chapters/neoclouds.ipynb")))


TOKEN_FIGURES = {"xai": "F000-33", "google": "F000-34", "anthropic": "F000-35"}
FOUR_LABS_CLAIM = "C000-04"  # 地球上只有四家 AI 實驗室真正重要: the labs a ranking of the race must cover


def token_count(data_dir: Path = DATA) -> Finding:
    names = entity_names(data_dir)
    tokens = {names[e]: bounded(f, data_dir) for e, f in TOKEN_FIGURES.items()}
    first = leader(tokens)
    others = [n for n in tokens if n != first]
    stated = join_names([f"{names[e]} {figure_text(f, data_dir)}" for e, f in TOKEN_FIGURES.items()])
    four_labs = [names[e] for e in load("claims", data_dir).set_index("claim_id").loc[FOUR_LABS_CLAIM, "entities"].split(";")]
    missing = [n for n in four_labs if n not in tokens]
    headline = (f"{first} leads {join_names(others)} on the OpenRouter token count Baker cites" if first
                else "No lab leads the OpenRouter token count Baker cites across its ranges")
    text = (f"{_capital(claim_attribution('C000-24', data_dir))}: on OpenRouter {stated} (time window not given). "
            f"The count gives no figure for {join_names(missing)}, so it says nothing of "
            f"{'its' if len(missing) == 1 else 'their'} position; and OpenRouter, the digest notes, handles only a small "
            "part of the API market.")
    return Finding("tokens", headline, text, tokens, (("The four labs", "chapters/four-labs.ipynb"),))


def gpu_payback(data_dir: Path = DATA) -> Finding:
    numbers = neoclouds.prose_numbers(data_dir)
    inputs = {a: assumed(a, data_dir, central=True) for a in
              ("gpu_capex", "gpu_hour_price", "gpu_utilisation", "gpu_opex_share", "gpu_useful_life")}
    text = (f"{UNDER_ASSUMPTIONS} (central values from data/assumptions.csv; the sources give no GPU prices or costs), "
            f"a rented GPU pays back in {numbers['neoclouds_payback_years']} against a useful life of "
            f"{numbers['neoclouds_life']}; give the first year free, as Oracle and CoreWeave do in the Best Partners host's summary of Patel, and never "
            f"recover it, and the GPU ends its life at {numbers['neoclouds_never_cash_end']}.")
    return Finding("payback", f"{UNDER_ASSUMPTIONS}, a rented GPU barely pays for itself before it ages", text,
                   inputs, (("The neoclouds", "chapters/neoclouds.ipynb"),))


def japan_pledge(data_dir: Path = DATA) -> Finding:
    yen, usd = bounded("F002-24", data_dir), bounded("F002-25", data_dir)
    rate = sovereign.digest_rate(data_dir)
    market = assumed("jpy_per_usd", data_dir)
    inside = market.low <= rate.low and rate.high <= market.high
    verdict = "inside" if inside else "outside"
    text = (f"The Bloomberg-based digest's writer puts a pledge of {figure_text('F002-24', data_dir)} at "
            f"{figure_text('F002-25', data_dir)}, which implies {format_bounded(rate)}. "
            f"{UNDER_ASSUMPTIONS}, the market rate lies in a range of "
            f"{format_range(market.low, market.high, 'JPY_per_USD')} (data/assumptions.csv, not a source), and the "
            f"implied rate is {verdict} it, so the digest's dollar figure is a fair conversion of its yen ceiling.")
    headline = f"Japan's pledge converts at a rate {verdict} the book's assumed market range"
    return Finding("japan", headline, text, {"yen": yen, "usd": usd, "rate": rate, "market": market},
                   (("Sovereign AI", "chapters/sovereign-ai.ipynb"),))


def four_labs_order(data_dir: Path = DATA) -> Finding:
    """The opening finding of "The four labs": Baker's count of labs that matter and Patel's different order."""
    count, tier = bounded("F000-04", data_dir), bounded("F001-11", data_dir)
    names = entity_names(data_dir)
    first, third = names["openai"], join_names([names[e] for e in ("google", "xai")])
    text = (f"{_capital(claim_attribution('C000-04', data_dir))}: only {labs.count_word(count.low)} AI labs truly matter. "
            f"{_capital(claim_attribution('C001-19', data_dir))}: {first} first, and {third} in a "
            f"{labs.ordinal_word(tier.low)} tier with Meta.")
    headline = (f"Baker counts {labs.count_word(count.low)} labs that matter; Patel puts {first} first and {third} "
                f"in a {labs.ordinal_word(tier.low)} tier")
    return Finding("four-labs", headline, text, {"count": count, "tier": tier},
                   (("The four labs", "chapters/four-labs.ipynb"),))


def sovereign_money(data_dir: Path = DATA) -> Finding:
    """The opening finding of "Sovereign AI": China's stated total against Japan's pledge ceiling, and no US figure."""
    china, japan = bounded(sovereign.CHINA_CUMULATIVE, data_dir), sovereign.japan_pledge_at_digest_rate(data_dir)
    ratio = sovereign.china_over_japan(data_dir)
    text = (f"{_capital(claim_attribution('C003-15', data_dir))}: China's cumulative state investment is "
            f"{format_bounded(china)}, over no stated period. {_capital(claim_attribution('C002-17', data_dir))}: "
            f"Japan pledges {figure_text(sovereign.JAPAN_PLEDGE_JPY, data_dir)} by "
            f"{format_value(figure(sovereign.JAPAN_PLEDGE_END, data_dir).value_low, 'calendar_year')}, "
            f"{format_bounded(japan)} at the digest's own rate. China's total is therefore {format_bounded(ratio, digits=2)} "
            "Japan's pledge, money said to be spent against a ceiling for the future. No source gives a figure for "
            "a US national program.")
    headline = f"China's stated spend is {format_bounded(ratio, digits=2)} Japan's pledge; the US states no figure"
    return Finding("sovereign", headline, text, {"china": china, "japan": japan, "ratio": ratio},
                   (("Sovereign AI", "chapters/sovereign-ai.ipynb"),))


def xai_debt(data_dir: Path = DATA) -> Finding:
    shares_ = xai_debt_shares(data_dir)
    first, most_sentence, both = shares_["C002-06"], shares_["C002-16"], shares_["both"]
    most = "holds" if is_most(most_sentence) else "is not established"
    text = (f"{_capital(claim_attribution('C002-06', data_dir))}: debt of {figure_text('F002-08', data_dir)} in a "
            f"{figure_text('F002-07', data_dir)} raise is {format_bounded(first, 'percent')} of it. The sentence that "
            f"calls the debt \"大部分\" (most) gives {figure_text('F002-22', data_dir)} of a raise of "
            f"{figure_text('F002-21', data_dir)}, {format_bounded(most_sentence, 'percent')}, so \"most\" {most} on "
            f"its own sentence; the only share both sentences allow is {format_bounded(both, 'percent')}, if both "
            "describe the same raise.")
    return Finding("debt", f"Debt is {format_bounded(both, 'percent')} of xAI's raise, the only share both of the "
                   "digest's sentences allow", text,
                   {"first_sentence": first, "most_sentence": most_sentence, "share": both},
                   (("Risks", "chapters/risks.ipynb"), ("The compute triangle", "chapters/compute-triangle.ipynb")))


def risk_register(data_dir: Path = DATA) -> Finding:
    """The Risks chapter's finding: how many risks one text alone raises, and how many more than one witness does."""
    summary = risks.register_summary(data_dir)
    long = risks.register_long(data_dir)
    raised = long[long["stance"] == "Raises the risk"]
    witnesses_of = {risk: list(dict.fromkeys(witness(sid, data_dir) for sid in group["source_id"]))
                    for risk, group in raised.groupby("risk")}
    widest = summary["widest_risk"]
    n, single, texts, behind, independent = (exact(float(x), "count", "derived") for x in (
        summary["n_risks"], summary["n_single_source"], summary["widest_sources"], len(witnesses_of[widest]),
        sum(len(w) > 1 for w in witnesses_of.values())))
    text = (f"Of the {labs.count_word(n.low)} risks the texts name, {labs.count_word(single.low)} are raised by one "
            f"text alone, and {labs.count_word(independent.low)} by more than one witness. {widest} is raised "
            f"by more texts than any other, {labs.count_word(texts.low)}, which are {labs.count_word(behind.low)} witnesses "
            f"({join_names(witnesses_of[widest])}). No text gives a probability or a size for any risk.")
    headline = (f"{_capital(labs.count_word(single.low))} of {labs.count_word(n.low)} risks rest on one text; "
                f"{widest[:1].lower() + widest[1:]}, raised by more texts than any other, has {labs.count_word(behind.low)} witnesses")
    return Finding("register", headline, text,
                   {"risks": n, "single": single, "texts": texts, "witnesses": behind, "independent": independent},
                   (("Risks", "chapters/risks.ipynb"),))


def silicon_intensity(data_dir: Path = DATA) -> Finding:
    v = risks.silicon_bounds(data_dir)
    text = (f"{_capital(claim_attribution('C004-32', data_dir))}: an AI company spends "
            f"{format_bounded(v['ai_compute'], 'percent')} of revenue on compute and keeps a gross margin of "
            f"{format_bounded(v['ai_margin'], 'percent')} (最好的情況, \"in the best case\"), against "
            f"{format_bounded(v['saas_compute'], 'percent')} and {format_bounded(v['saas_margin'], 'percent')} for "
            f"software. It needs {format_bounded(v['revenue_multiple'], digits=4)} the revenue to earn the same gross "
            f"profit, and its compute takes {format_bounded(v['compute_ratio'])} the software company's share of revenue.")
    return Finding("silicon", "AI is silicon-intensive", text,
                   {k: v[k] for k in ("ai_margin", "ai_compute", "saas_margin", "saas_compute", "revenue_multiple",
                                      "compute_ratio")},
                   (("Risks", "chapters/risks.ipynb"),))


def _texts_of(inputs: str, data_dir: Path) -> set[str]:
    """The sources whose figures a check's inputs name ('F002-19 + F002-20 vs F002-18' -> {'bloomberg-compute-bet'})."""
    return {figure(f, data_dir).source_id for f in re.findall(r"F\d{3}-\d{2}", inputs)}


def contradictions(data_dir: Path = DATA) -> Finding:
    checks = consistency_checks(data_dir)
    case, cloud, stated = (bounded(i, data_dir) for i in ("F002-31", "F002-32", "F002-33"))
    gap = case - cloud
    failing = checks[~checks["consistent"]]
    across = sum(len(_texts_of(i, data_dir)) > 1 for i in failing["inputs"])
    inside = exact(float(len(failing) - across), "count", "derived")
    between = exact(float(across), "count", "derived")
    total = exact(float(len(checks)), "count", "derived")
    text = (f"Microsoft's AI lead is stated as {format_bounded(stated, 'percentage_points')} "
            f"({claim_attribution('C002-23', data_dir)}), but the same sentence's shares differ by "
            f"{format_bounded(gap, 'percentage_points')}. Of {format_bounded(total)} consistency checks, "
            f"{format_bounded(inside)} fail inside one text and {format_bounded(between)} "
            f"{'sets' if across == 1 else 'set'} two texts against each other.")
    return Finding("contradictions", "The sources contradict themselves in places", text,
                   {"stated_gap": stated, "computed_gap": gap, "failed_inside": inside, "failed_between": between,
                    "checks": total},
                   (("Where the sources disagree", "chapters/where-sources-disagree.ipynb"),))


def unchecked_figures(data_dir: Path = DATA) -> Finding:
    trust = figure_trust(data_dir)
    unchecked = exact(float((trust["trust"] == "single statement").sum()), "count", "derived")
    total = exact(float(len(trust)), "count", "derived")
    share = unchecked / total
    quantifier = "Most" if is_most(share) else format_bounded(share, "percent")
    text = (f"Of {format_bounded(total)} figures, {format_bounded(unchecked)} ({format_bounded(share, 'percent')}) "
            "are tested by no consistency check: each rests on one sentence of a second-hand text, and nothing "
            "in the book confirms or contradicts it.")
    return Finding("unchecked", f"{quantifier} figures rest on one sentence that no check tests", text,
                   {"unchecked": unchecked, "figures": total, "share": share},
                   (("Sources and method", "chapters/sources-and-method.ipynb"),))


def rack_step(data_dir: Path = DATA) -> Finding:
    weight_before, weight_after, power_before, power_after = (
        bounded(i, data_dir) for i in ("F004-27", "F004-28", "F004-29", "F004-30"))
    weight, power = weight_after / weight_before, power_after / power_before
    text = (f"{_capital(claim_attribution('C004-20', data_dir))}: Blackwell moves racks from air to liquid cooling, from "
            f"{format_bounded(weight_before)} to {format_bounded(weight_after)} and from {format_bounded(power_before)} "
            f"to {format_bounded(power_after)} a rack, so {format_bounded(weight, digits=2)} the weight and "
            f"{format_bounded(power, digits=2)} the power; many existing floors cannot carry such racks.")
    return Finding("racks", f"A Blackwell rack weighs {format_bounded(weight, digits=2)} and draws "
                   f"{format_bounded(power, digits=2)} the power of the rack before it", text,
                   {"weight_before": weight_before, "weight_after": weight_after, "power_before": power_before,
                    "power_after": power_after, "weight_multiple": weight, "power_multiple": power},
                   (("The build-out", "chapters/build-out.ipynb"),))


def scaling(data_dir: Path = DATA) -> Finding:
    multiple = bounded("F003-13", data_dir)
    text = (f"{_capital(claim_attribution('C003-43', data_dir))}: he thinks scaling laws will not meet diminishing "
            f"returns, and the next stage may need {format_bounded(multiple)} the compute (a forecast); the same summary "
            "adds that a bigger model is not a smarter one, and that scale alone falls into over-parameterisation. "
            f"In the Silicon Valley digest ({claim_attribution('C001-30', data_dir)}) he explains GPT-4.5's failure "
            f"the same way, and {claim_attribution('C001-31', data_dir)}'s own conclusion adds a shortage of data. "
            "Read together, the call is for more compute, not for bigger models alone.")
    return Finding("scaling", f"The next stage may need {format_bounded(multiple)} the compute, but not bigger models "
                   "alone: Patel's forecast and his reading of GPT-4.5 fit together", text, {"compute_multiple": multiple},
                   (("Models", "chapters/models.ipynb"), ("Where the sources disagree", "chapters/where-sources-disagree.ipynb")))


def neocloud_concentration(data_dir: Path = DATA) -> Finding:
    """The neoclouds chapter's finding: OpenAI's share of the contract value the sources name, Oracle's ceiling kept."""
    contracts = neoclouds.provider_contracts(data_dir)
    share = neoclouds.customer_share(contracts, "openai", data_dir=data_dir)
    total = neoclouds.stated_contract_value(contracts, data_dir)
    ceiling = bounded("F002-10", data_dir)
    quantifier = "most" if is_most(share) else format_bounded(share, "percent")
    floor = ("more than half even if Oracle's contract were worth nothing" if is_most(share)
             else "not more than half at both ends of the range")
    text = (f"{_capital(claim_attribution('C002-08', data_dir))}: the neocloud contracts with a stated value add up to "
            f"{format_bounded(total)}, Oracle's {format_bounded(ceiling)} from OpenAI among them. OpenAI's share is "
            f"{format_bounded(share, 'percent')}: {floor}. No source gives any neocloud's revenue, so this is a "
            "share of the contracts the sources name, not of anyone's business.")
    return Finding("concentration", f"OpenAI is the customer on {quantifier} of the neocloud contract value the sources name",
                   text, {"share": share, "total": total, "oracle": ceiling},
                   (("The neoclouds", "chapters/neoclouds.ipynb"),))


def independent_witnesses(data_dir: Path = DATA) -> Finding:
    """The disagreements chapter's rule in numbers: the texts, the witnesses to what was said, and the writers
    who also speak for themselves."""
    sources, claims = load("sources", data_dir), load("claims", data_dir)
    behind = list(dict.fromkeys(witness(s, data_dir) for s in sources["source_id"]))
    narrating = sorted({claim_witness(c, data_dir) for c in claims.loc[claims["voice"] == "narration", "claim_id"]})
    texts, count = exact(float(len(sources)), "count", "derived"), exact(float(len(behind)), "count", "derived")
    writers = exact(float(len(narrating)), "count", "derived")
    text = (f"The {labs.count_word(texts.low)} texts rest on {labs.count_word(count.low)} witnesses to what was said "
            f"or reported: {join_names(behind)}. Two digests of one interview, or two interviews of one person, are one "
            "witness, so agreement inside a witness's texts is consistency, not corroboration. Besides, "
            f"{labs.count_word(writers.low)} writers speak in their own narration ({join_names(narrating)}); each "
            "counts as a witness of its own, never as the speaker's or the outlet's.")
    headline = (f"{_capital(labs.count_word(texts.low))} texts, {labs.count_word(count.low)} witnesses to what was said, "
                f"and {labs.count_word(writers.low)} writers speaking for themselves")
    return Finding("witnesses", headline, text, {"texts": texts, "witnesses": count, "writers": writers},
                   (("Where the sources disagree", "chapters/where-sources-disagree.ipynb"),))


LANDING = (scaling, nvidia_recycling, oracle_bill, token_count, gpu_payback, japan_pledge, rack_step, xai_debt, silicon_intensity,
           contradictions, unchecked_figures)


def landing_findings(data_dir: Path = DATA) -> list[Finding]:
    """The landing page's findings, in the order the page gives them."""
    return [build(data_dir) for build in LANDING]


# Each chapter's opening finding(s), by notebook stem: the same objects the landing page uses, so a
# finding cannot say one thing on the landing page and another in its chapter.
CHAPTER_FINDINGS = {
    "models": (scaling,),
    "four-labs": (four_labs_order, token_count),
    "compute-triangle": (nvidia_recycling, oracle_bill),
    "neoclouds": (neocloud_concentration, gpu_payback),
    "sovereign-ai": (sovereign_money, japan_pledge),
    "build-out": (rack_step,),
    "risks": (risk_register, xai_debt, silicon_intensity),
    "where-sources-disagree": (independent_witnesses, contradictions),
    "sources-and-method": (unchecked_figures,),
}


def all_findings(data_dir: Path = DATA) -> dict[str, Finding]:
    """Every finding the book states, on the landing page or in a chapter's opening, by key."""
    builders = dict.fromkeys(LANDING + tuple(b for group in CHAPTER_FINDINGS.values() for b in group))
    return {f.key: f for f in (build(data_dir) for build in builders)}


def chapter_findings(chapter: str, data_dir: Path = DATA) -> list[Finding]:
    if chapter not in CHAPTER_FINDINGS:
        raise KeyError(f"no findings for chapter {chapter!r}; chapters with findings: {', '.join(CHAPTER_FINDINGS)}")
    return [build(data_dir) for build in CHAPTER_FINDINGS[chapter]]


def chapter_brief(chapter: str, data_dir: Path = DATA) -> str:
    """A chapter's findings as the sentences that open it, each a finding's headline."""
    return " ".join(f"{f.headline}." for f in chapter_findings(chapter, data_dir))
