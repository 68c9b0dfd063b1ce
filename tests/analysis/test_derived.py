"""Derived helpers shared by chapters: the lead a sentence takes when it rests on an assumption.

Expected values are worked by hand in the comments.
"""
from __future__ import annotations

import pytest

from compute_ledger.analysis.derived import UNDER_ASSUMPTIONS, under_assumptions
from compute_ledger.evidence.quantity import exact


def test_a_sentence_on_an_assumption_is_led_by_under_the_books_assumptions():
    price = exact(2.5, "USD", status="assumption", basis=("gpu_hour_price",))
    window = exact(1, "years", basis=("F003-11",))                # reported
    # One assumption among the values is enough: the lead is added, the sentence kept as written.
    assert under_assumptions("a rented GPU pays back in 44.7 months", [window, price]) == (
        "Under the book's assumptions, a rented GPU pays back in 44.7 months")
    assert UNDER_ASSUMPTIONS == "Under the book's assumptions"


def test_a_sentence_on_reported_or_derived_values_stands_alone_capitalised():
    window = exact(1, "years", basis=("F003-11",))
    derived = window * 12                                         # reported × plain number: status 'derived'
    assert derived.status == "derived"
    assert under_assumptions("a free window of 12 months", [window, derived]) == "A free window of 12 months"


def test_an_assumption_carried_through_arithmetic_still_leads():
    price = exact(2.5, "USD", status="assumption")
    gpus = exact(10, "GPUs")                                      # a reported quantity
    revenue = price * gpus                                        # assumption × reported: status 'assumption'
    assert revenue.status == "assumption" and revenue.low == 25   # 2.5 × 10
    assert under_assumptions("ten GPUs earn US$25 an hour", [revenue]) == (
        "Under the book's assumptions, ten GPUs earn US$25 an hour")


def test_a_sentence_must_name_what_it_rests_on():
    with pytest.raises(ValueError):
        under_assumptions("a number from nowhere", [])
