"""Derived figures that several chapters use, computed once: the Oracle contract per year, xAI's raise and the
debt's share of it on each of the digest's two sentences; and the lead a sentence takes when the values it rests
on include an assumption."""
from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..evidence import checks
from ..evidence.fmt import format_bounded
from ..evidence.quantity import Bounded
from ..paths import DATA
from ..evidence.tables import bounded, figure_text


UNDER_ASSUMPTIONS = "Under the book's assumptions"


def under_assumptions(sentence: str, values: Iterable[Bounded]) -> str:
    """The sentence, led by "Under the book's assumptions, " when any value it rests on is an assumption.

    `sentence` is written as it reads after the lead ('a rented GPU pays back in …'); when none of the
    values is an assumption it stands alone, its first letter capitalised. The words come from the values'
    status (Bounded.rests_on_assumption), so a title cannot forget, or wrongly claim, its assumptions.
    """
    values = list(values)
    if not values:
        raise ValueError("a sentence needs the values it rests on to say whether they are assumptions")
    if any(v.rests_on_assumption for v in values):
        return f"{UNDER_ASSUMPTIONS}, {sentence}"
    return sentence[:1].upper() + sentence[1:]


def per_year(total: float, years: float) -> float:
    """A total spread evenly over its term. For a term stated as 'within N years' this is a floor."""
    if years <= 0:
        raise ValueError("a period needs at least one year")
    return total / years


def oracle_yearly_average(data_dir: Path = DATA) -> Bounded:
    """OpenAI's Oracle contract (F003-02, the Best Partners host's US$300B) over its term (F003-01, 五年內, within
    five years, so (0, 5]): on average at least US$60B a year, with no ceiling."""
    return bounded("F003-02", data_dir) / bounded("F003-01", data_dir)


def oracle_per_year(data_dir: Path = DATA) -> float:
    """The floor of `oracle_yearly_average`: the even spread over the longest term allowed."""
    return oracle_yearly_average(data_dir).low


def xai_debt_shares(data_dir: Path = DATA) -> dict[str, Bounded]:
    """xAI's debt as a share of its raise, on each sentence of the Bloomberg-based digest that states it, and on both.

    - 'C002-06': up to US$12.5B of debt (F002-08) in the US$20B raise (F002-07, C002-05): [0, 12.5] / 20, at most 62.5%;
    - 'C002-16', the sentence that calls the debt 大部分 (most): US$12.5B (F002-22) of a raise of up to US$20B
      (F002-21): 12.5 / [0, 20] capped at the whole, [0.625, 1], so 'most' holds on its own sentence;
    - 'both': the only share both sentences allow, [0.625, 0.625] = 62.5% (a Bounded, status 'derived').

    The arithmetic is the consistency check 'xai-debt-majority' (compute_ledger.evidence.checks), not a copy of it.
    """
    return checks.xai_debt_shares(data_dir)


def xai_raise(data_dir: Path = DATA) -> pd.DataFrame:
    """xAI's raise split into debt, Nvidia's equity and the rest.

    The split follows the passage that names its parts (C002-05, C002-06): the debt is 'up to' its figure, so the
    rest, what the named parts leave, is 'at least' its value. Each share of the raise is a bounded quantity and its
    words come from its interval: the debt's share is 'at most 62.5%' (a derived ceiling, not the source's 'up to'),
    Nvidia's 10%, the rest's 'at least 27.5%'. The digest's later sentence (C002-16) bounds the debt's share from
    below; `xai_debt_shares` gives both readings and the 62.5% they share.
    Columns: part, status, amount, share (percent of the raise), bound, label, share_label, basis.
    """
    total, debt, nvidia = (bounded(i, data_dir) for i in ("F002-07", "F002-08", "F002-06"))
    other = total - debt - nvidia
    # the rest is read as a floor, what the parts leave with the debt at its ceiling; its top (the raise less
    # Nvidia's stake, were there no debt at all) is not a figure any source reports
    other = Bounded(other.low, math.inf, other.unit, other.approximate, other.status, other.basis)
    rows = [("Debt", "reported", debt, "up to", figure_text("F002-08", data_dir), "F002-08"),
            ("Nvidia equity", "reported", nvidia, "exact", figure_text("F002-06", data_dir), "F002-06"),
            ("The rest", "derived", other, "at least", format_bounded(other), "F002-07 − F002-08 − F002-06")]
    frame = pd.DataFrame([(part, status, q.high if part == "Debt" else q.low, bound, label, basis)
                          for part, status, q, bound, label, basis in rows],
                         columns=["part", "status", "amount", "bound", "label", "basis"])
    frame["share"] = frame["amount"] / total.low * 100
    frame["share_label"] = [format_bounded(q / total, "percent") for _, _, q, *_ in rows]
    return frame[["part", "status", "amount", "share", "bound", "label", "share_label", "basis"]]
