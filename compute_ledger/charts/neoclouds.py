"""Charts for the neoclouds chapter: CoreWeave's week, the customers, the GPU payback model, case-study shares."""
from __future__ import annotations

import math
import re
from collections.abc import Mapping

import altair as alt
import pandas as pd

from ..evidence.fmt import format_bounded, format_range, format_value, join_names, significant
from ..evidence.quantity import Bounded
from ..evidence.tables import bounded
from ..analysis.neoclouds import HOURS_PER_YEAR, MONTHS_PER_YEAR, PaybackInputs, payback_with_free_window, payback_years
from ..analysis.neoclouds import net_cash_per_gpu_year
from ..analysis.derived import under_assumptions
from .figure import LedgerChart, finish
from .theme import ENTITY_COLORS, MUTED_INK, PALETTE, ROLE_COLORS

INK_MUTED = MUTED_INK

WIDTH = 540
BILLION = 1e9


def coreweave_week(frame: pd.DataFrame, check: pd.Series) -> LedgerChart:
    """Two named contracts stacked against the week's stated floor ('over US$36B')."""
    parts = frame[frame["kind"] == "named contract"].copy()
    total = frame.loc[frame["kind"] == "derived"].iloc[0]
    floor = frame.loc[frame["kind"] == "stated floor"].iloc[0]
    parts["row"] = "Named contracts"
    parts["start"] = parts["value"].cumsum().shift(fill_value=0) / BILLION
    parts["end"] = parts["value"].cumsum() / BILLION
    parts["label"] = parts["item"] + ": " + parts["printed"]
    stated = pd.DataFrame([{"row": "Stated week total", "start": 0.0, "end": floor.value / BILLION,
                            "label": f"{floor.printed} (a floor)", "entity": "coreweave"}])
    rows = ["Named contracts", "Stated week total"]
    entities = parts["entity"].tolist() + ["coreweave"]
    x = alt.X("start:Q", title="Contract value (US$ billions)", scale=alt.Scale(domain=[0, math.ceil(total.value / BILLION / 5) * 5 + 5]))
    y = alt.Y("row:N", sort=rows, title=None, axis=alt.Axis(labelLimit=200))
    color = alt.Color("entity:N", legend=None,
                      scale=alt.Scale(domain=entities, range=[ENTITY_COLORS[e] for e in entities]))
    bars = alt.Chart(pd.concat([parts, stated])).mark_bar(height=34).encode(
        x=x, x2="end:Q", y=y, color=color,
        tooltip=[alt.Tooltip("label:N", title="Item")])
    inside = alt.Chart(parts).mark_text(align="left", dx=6, color="white", fontWeight="bold").encode(
        x="start:Q", y=y, text="label:N")
    stated_text = alt.Chart(stated).mark_text(align="left", dx=6, color="#222222").encode(x="start:Q", y=y, text="label:N")
    sum_text = alt.Chart(pd.DataFrame([{"row": "Named contracts", "end": total.value / BILLION,
                                        "label": f"sum {total.printed}"}])).mark_text(align="left", dx=6).encode(
        x="end:Q", y=y, text="label:N")
    floor_rule = alt.Chart(pd.DataFrame([{"x": floor.value / BILLION}])).mark_rule(strokeDash=[4, 3], color=MUTED_INK).encode(x="x:Q")
    chart = alt.layer(bars, inside, stated_text, sum_text, floor_rule).properties(width=WIDTH, height=120)
    verdict = "consistent with" if bool(check["consistent"]) else "short of"
    return finish(
        chart, name="fig-neoclouds-coreweave-week",
        title=f"CoreWeave's parts sum to {total.printed}, {verdict} '{floor.printed}'",
        subtitle="Contracts CoreWeave announced within one week, per the Bloomberg-based digest (US$ billions)",
        sources=["bloomberg-compute-bet"],
        data=frame[["item", "figure_id", "value", "printed"]],
        notes=[f"Derived: sum of the named parts ({check['inputs']}); check '{check.name}'."],
        description=(f"Stacked bar of CoreWeave's contracts with OpenAI ({parts.iloc[0].printed}, expansions included) and Meta "
                     f"({parts.iloc[1].printed}), summing to {total.printed}, above a second bar for the digest's stated week "
                     f"total of {floor.printed}. The parts are {verdict} the stated total."),
    )


def customers(contracts: pd.DataFrame, openai_share: Bounded, stated_total: Bounded) -> LedgerChart:
    """Every named contract between a neocloud or AI-first cloud and a customer; unvalued ones marked as such."""
    frame = contracts.copy()
    notes = {"cloud_contract": "", "partnership": " (partnership)"}
    frame["row"] = [f"{p} — {c}{notes.get(i, '')}" for p, c, i in
                    zip(frame["provider_name"], frame["customer_name"], frame["instrument"])]
    frame["row"] = frame["row"].where(frame["deal_id"] != "microsoft-coreweave-cloud", frame["row"] + " (early orders)")
    frame["row"] = frame["row"].where(frame["deal_id"] != "microsoft-nebius-cloud", frame["row"] + " (long-term)")
    frame["billions"] = frame["value"] / BILLION
    frame["start"] = 0.0
    order = frame.sort_values("value", ascending=False, na_position="last")["row"].tolist()
    customers_ = list(dict.fromkeys(frame["customer"]))
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    color = alt.Color("customer_name:N", legend=None,
                      scale=alt.Scale(domain=[frame.loc[frame.customer == c, "customer_name"].iloc[0] for c in customers_],
                                      range=[ENTITY_COLORS.get(c, ROLE_COLORS["neutral"]) for c in customers_]))
    valued = frame.dropna(subset=["value"])
    bars = alt.Chart(valued).mark_bar(height=18).encode(
        x=alt.X("billions:Q", title="Stated contract value (US$ billions)"), y=y, color=color,
        tooltip=[alt.Tooltip("row:N", title="Contract"), alt.Tooltip("printed:N", title="Value")])
    labels = alt.Chart(valued).mark_text(align="left", dx=4).encode(x="billions:Q", y=y, text="printed:N")
    unvalued = alt.Chart(frame[frame["value"].isna()]).mark_text(align="left", dx=2, color=MUTED_INK, fontStyle="italic").encode(
        x="start:Q", y=y, text="printed:N")
    chart = alt.layer(bars, labels, unvalued).properties(width=WIDTH - 210, height=24 * len(frame))
    share, total = format_bounded(openai_share, "percent"), format_bounded(stated_total)
    ceilings = [f"{r.provider_name}'s contract with {r.customer_name}" for r in valued.itertuples()
                if bounded(r.amount_figure).bound == "at_most"]
    return finish(
        chart, name="fig-neoclouds-customers",
        title=f"OpenAI is the customer on {share} of stated neocloud contract value",
        subtitle="Contracts and partnerships named in the sources, by provider and customer (US$ billions)",
        sources=["bloomberg-compute-bet", "patel-best-partners"],
        data=frame[["deal_id", "provider_name", "customer_name", "instrument", "amount_figure", "value", "printed"]],
        notes=[f"Derived: OpenAI's share = OpenAI contracts ÷ all contracts with a stated value ({share} of a total {total}).",
               f"{join_names(ceilings)} {'is a ceiling' if len(ceilings) == 1 else 'are ceilings'} ('up to'), so the share "
               "runs from the other contracts alone to the ceiling in full."] if ceilings else
              [f"Derived: OpenAI's share = OpenAI contracts ÷ all contracts with a stated value ({share} of a total {total})."],
        description=("Horizontal bars of the contracts the sources name between neoclouds or AI-first clouds and their customers: "
                     + "; ".join(f"{r} {p}" for r, p in zip(frame["row"], frame["printed"]))
                     + f". OpenAI accounts for {share} of the stated value, {total}."),
    )


# --- The payback model, live ---------------------------------------------------------------------------

_SLIDERS = {  # field: (parameter name in the spec, label, step)
    "capex": ("gpu_capex", "GPU cost (US$) ", 1000),
    "hour_price": ("gpu_hour_price", "Price per GPU-hour (US$) ", 0.1),
    "utilisation": ("gpu_utilisation", "Utilization (%) ", 1),
    "opex_share": ("gpu_opex_share", "Opex (% of revenue) ", 1),
    "useful_life": ("gpu_useful_life", "Useful life (years) ", 0.5),
    "recovery": ("free_year_recovery", "Free-year fees repaid (%) ", 5),
    "repayment_years": ("free_year_repayment_years", "Repayment term (years) ", 0.5),
}


def slider_params(ranges: pd.DataFrame) -> dict[str, alt.Parameter]:
    """One named Altair parameter per model assumption, bound to a range input spanning its low–high."""
    return {field: alt.param(name=name, value=float(ranges.loc[field, "value"]),
                             bind=alt.binding_range(min=float(ranges.loc[field, "low"]), max=float(ranges.loc[field, "high"]),
                                                    step=step, name=label))
            for field, (name, label, step) in _SLIDERS.items()}


def slider_ranges(ranges: pd.DataFrame) -> str:
    """Each slider by its label (bare unit dropped), with its assumption's range: 'GPU cost US$25,000–60,000; …'."""
    parts = []
    for field, (_, label, _) in _SLIDERS.items():
        name = _mid_sentence(re.sub(r"\s*\((US\$|%|years)\)\s*$", "", label.strip()))
        r = ranges.loc[field]
        parts.append(f"{name} {format_range(r['low'], r['high'], r['unit'])}")
    return "; ".join(parts)


def _mid_sentence(label: str) -> str:
    """A label as it reads inside a sentence: 'Price per GPU-hour' → 'price per GPU-hour'; 'GPU capital cost' kept."""
    first = label.split(" ", 1)[0]
    return label if first[1:2].isupper() else label[:1].lower() + label[1:]


def _expressions(free_months: float) -> dict[str, str]:
    """The payback model as Vega expressions over the slider parameters (per month, undiscounted).

    Mirrors compute_ledger.analysis.neoclouds.payback_with_free_window; tests render the chart at several slider
    settings and compare the printed paybacks with the Python model.
    """
    s = {field: name for field, (name, _, _) in _SLIDERS.items()}
    revenue = f"({s['hour_price']} * {s['utilisation']} / 100 * {HOURS_PER_YEAR} / {MONTHS_PER_YEAR})"
    opex = f"({revenue} * {s['opex_share']} / 100)"
    net = f"({revenue} - {opex})"
    window = f"{free_months}"
    term = f"({s['repayment_years']} * {MONTHS_PER_YEAR})"
    share = f"({s['recovery']} / 100)"
    hole = f"({s['capex']} + {window} * {opex})"
    slope = f"({net} + {share} * {window} * {revenue} / {term})"
    return {
        "revenue": revenue, "opex": opex, "net": net, "life": f"({s['useful_life']} * {MONTHS_PER_YEAR})",
        "paid": f"(-{s['capex']} + datum.month * {net})",
        "free": (f"(-{s['capex']} - datum.month * {opex} + {revenue} * max(0, datum.month - {window})"
                 f" + {share} * {window} * {revenue} * min(max(datum.month - {window}, 0) / {term}, 1))"),
        "payback_paid": f"({net} > 0 ? {s['capex']} / {net} : 1e9)",
        "payback_free": (f"({net} <= 0 ? 1e9 : ({hole} / {slope} <= {term} ? {window} + {hole} / {slope}"
                         f" : {window} + {term} + ({hole} - {term} * {slope}) / {net}))"),
    }


def _sig(expr: str) -> str:
    """A Vega expression printing a number as compute_ledger.evidence.fmt.significant does (3 digits, integers whole)."""
    return f"(abs({expr}) >= 100 ? format({expr}, ',.0f') : format({expr}, ',.3~r'))"


def _usd(expr: str) -> str:
    """A Vega expression printing a signed dollar amount as the book does (−US$12,406)."""
    return f"(({expr}) < 0 ? '−' : '') + 'US$' + {_sig(f'abs({expr})')}"


def _months(expr: str) -> str:
    return f"(({expr}) >= 1e9 ? 'never' : {_sig(expr)} + ' months')"


def payback(p: PaybackInputs, ranges: pd.DataFrame, basis: Mapping[str, Bounded]) -> LedgerChart:
    """Cumulative cash of one rented GPU, paid from month one against a free first year, with sliders.

    Every slider is a named assumption (range = its low–high); the free window is the sources' 首年.
    The text above the lines prints the payback months and the cash at the end of the useful life,
    recomputed in the page as the sliders move. `basis` holds the values the model rests on
    (analysis.neoclouds.payback_basis): the title says it rests on assumptions when any of them is one.
    """
    params = slider_params(ranges)
    free_months = p.free_years * MONTHS_PER_YEAR
    e = _expressions(free_months)
    horizon = int(ranges.loc["useful_life", "high"] * MONTHS_PER_YEAR)
    paid_label, free_label = "Paid from month one", "First year free, fees repaid later"
    scenario_color = alt.Color("scenario:N", title=None, scale=alt.Scale(domain=[paid_label, free_label],
                                                                       range=[PALETTE[0], PALETTE[7]]))
    dash = alt.StrokeDash("scenario:N", scale=alt.Scale(domain=[paid_label, free_label], range=[[1, 0], [6, 3]]), legend=None)
    x = alt.X("month:Q", title="Months since the GPU was bought", scale=alt.Scale(domain=[0, horizon], nice=False),
              axis=alt.Axis(values=list(range(0, horizon + 1, MONTHS_PER_YEAR))))
    lines = alt.Chart(alt.sequence(0, horizon + 1, as_="month")).transform_calculate(
        **{paid_label: e["paid"], free_label: e["free"], "life_m": e["life"]}
    ).transform_filter("datum.month <= datum.life_m").transform_fold([paid_label, free_label], as_=["scenario", "cash"]).mark_line(
        strokeWidth=2.5).encode(
        x=x,
        y=alt.Y("cash:Q", title="Cumulative cash per GPU (US$)",
                axis=alt.Axis(labelExpr="(datum.value < 0 ? '−' : '') + 'US$' + format(abs(datum.value), ',')")),
        color=scenario_color, strokeDash=dash,
        tooltip=[alt.Tooltip("scenario:N", title="Scenario"), alt.Tooltip("month:Q", title="Month"),
                 alt.Tooltip("cash:Q", title="Cumulative cash (US$)", format=",.0f")])
    one = pd.DataFrame({"row": [0]})
    zero = alt.Chart(one).mark_rule(color=MUTED_INK).encode(y=alt.datum(0))
    life_rule = alt.Chart(one).transform_calculate(life_m=e["life"]).mark_rule(strokeDash=[2, 2], color=ROLE_COLORS["negative"]).encode(
        x="life_m:Q")
    # The label runs down the right of the rule, where the lines have ended and the plot is empty.
    life_text = alt.Chart(one).transform_calculate(
        life_m=e["life"], label=f"'end of useful life (' + format({e['life']}, '.0f') + ' months)'").mark_text(
        align="left", baseline="bottom", angle=90, dx=4, dy=-4, color=ROLE_COLORS["negative"]).encode(
        x="life_m:Q", y=alt.value(4), text="label:N")
    points = alt.Chart(one).transform_calculate(
        **{paid_label: e["payback_paid"], free_label: e["payback_free"], "life_m": e["life"]}
    ).transform_fold([paid_label, free_label], as_=["scenario", "month"]).transform_filter(
        f"datum.month <= {horizon}").mark_point(size=90, filled=True, stroke="white", strokeWidth=1).encode(
        x="month:Q", y=alt.datum(0), color=scenario_color,
        tooltip=[alt.Tooltip("scenario:N", title="Scenario"), alt.Tooltip("month:Q", title="Payback (months)", format=",.1f")])
    plot = alt.layer(zero, life_rule, life_text, lines, points).properties(width=WIDTH, height=260)

    life_m, capex = e["life"], _SLIDERS["capex"][0]
    end_paid = f"(-{capex} + {life_m} * {e['net']})"
    # Cash at the end of the useful life in the free-year case: the 'free' formula at month = life.
    end_free = e["free"].replace("datum.month", life_m)
    recovery, term = _SLIDERS["recovery"][0], _SLIDERS["repayment_years"][0]
    scenario_free = (f"'First year free, ' + format({recovery}, '.0f') + '% repaid over ' + format({term}, '.2~f') + "
                     f"({term} == 1 ? ' year' : ' years')")
    columns = (0, 300, 410)        # scenario, payback, cash at end of life (pixels from the plot's left edge)
    rows = [  # (scenario text, its colour, payback text, cash text, payback expression, cash expression, bold)
        ("''", INK_MUTED, "'Payback'", "'Cash at end of life'", "0", "0", False),
        (f"'{paid_label}'", PALETTE[0], _months(e["payback_paid"]), _usd(end_paid), e["payback_paid"], end_paid, True),
        (scenario_free, PALETTE[7], _months(e["payback_free"]), _usd(end_free), e["payback_free"], end_free, True),
    ]
    texts = []
    for i, (scenario, colour, payback_text, cash_text, pb, cash, bold) in enumerate(rows):
        y_pos = alt.value(4 + 19 * i)
        style = {"align": "left", "baseline": "top", "fontSize": 12, "fontWeight": "bold" if bold else "normal"}
        base = alt.Chart(one).transform_calculate(scenario=scenario, payback=payback_text, cash_text=cash_text,
                                                  late=f"{pb} > {life_m}", loss=f"{cash} < 0")
        texts.append(base.mark_text(**style, color=colour if bold else MUTED_INK).encode(
            x=alt.value(columns[0]), y=y_pos, text="scenario:N"))
        ink = alt.value("#222222") if bold else alt.value(MUTED_INK)
        texts.append(base.mark_text(**style).encode(
            x=alt.value(columns[1]), y=y_pos, text="payback:N",
            color=alt.condition("datum.late", alt.value(ROLE_COLORS["negative"]), ink)))
        texts.append(base.mark_text(**style).encode(
            x=alt.value(columns[2]), y=y_pos, text="cash_text:N",
            color=alt.condition("datum.loss", alt.value(ROLE_COLORS["negative"]), ink)))
    panel = alt.layer(*texts).properties(width=WIDTH, height=58)
    chart = alt.vconcat(panel, plot, spacing=4).add_params(*params.values())

    base_paid = payback_years(p.capex, net_cash_per_gpu_year(p.hour_price, p.utilisation, p.opex_share)) * MONTHS_PER_YEAR
    base_free = payback_with_free_window(p) * MONTHS_PER_YEAR
    life = p.useful_life * MONTHS_PER_YEAR
    verdict = "inside" if max(base_paid, base_free) <= life else "beyond"
    data = pd.DataFrame({"parameter": ranges.index, "assumption_id": ranges["assumption_id"], "value": ranges["value"],
                         "low": ranges["low"], "high": ranges["high"], "unit": ranges["unit"]})
    paid_words = (f"both pay back in {significant(base_paid)} months" if significant(base_paid) == significant(base_free)
                  else f"they pay back in {significant(base_paid)} and {significant(base_free)} months")
    return finish(
        chart, name="fig-neoclouds-payback",
        title=under_assumptions(f"a rented GPU pays back in {significant(base_paid)} months, {verdict} its "
                                f"{significant(life)}-month life", basis.values()),
        subtitle="Cumulative cash per GPU (US$), undiscounted; every slider is an assumption, moving only across its range",
        sources=["patel-best-partners"],
        data=data,
        notes=["Assumption: every slider is a row of data/assumptions.csv and moves only across that row's low–high: "
               + slider_ranges(ranges) + ".",
               "Reported: only the free window's length, 首年 (the first year), comes from the Best Partners host's summary of Patel (F003-11); the sources give "
               "no price, cost, repayment share or repayment term."],
        description=(f"Interactive line chart of one GPU's cumulative cash by month, paid from month one and with a free first "
                     f"year whose fees are repaid later. At the central assumptions {paid_words}, against a useful life of "
                     f"{significant(life)} months. Sliders change "
                     "the capital cost, hourly price, utilization, operating costs, useful life and the repayment of the free year."),
    )


def sensitivity(frame: pd.DataFrame, central: float, life: float, life_low: float, life_high: float,
                basis: Mapping[str, Bounded]) -> LedgerChart:
    """Payback range as each assumption moves across its range, the others held at the central case.

    `basis` holds the values the model rests on (analysis.neoclouds.payback_basis); the title's
    'Under the book's assumptions' comes from their status.
    """
    data = frame.copy()
    data["row"] = data["parameter"] + " (" + data["range_input"] + ")"
    data["label_short"] = data["shortest"].map(lambda v: significant(v) + " yrs")
    data["label_long"] = data["longest"].map(lambda v: significant(v) + " yrs")
    order = data["row"].tolist()
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=330))
    top = math.ceil(max(data["longest"].max(), life_high) + 1)
    x = alt.X("shortest:Q", title="Payback (years)", scale=alt.Scale(domain=[0, top], nice=False))
    band = alt.Chart(pd.DataFrame([{"lo": life_low, "hi": life_high}])).mark_rect(color=ROLE_COLORS["negative"], opacity=0.08).encode(
        x="lo:Q", x2="hi:Q")
    life_rule = alt.Chart(pd.DataFrame([{"x": life, "label": f"useful life {significant(life)} yrs"}]))
    life_line = life_rule.mark_rule(strokeDash=[2, 2], color=ROLE_COLORS["negative"]).encode(x="x:Q")
    life_text = life_rule.mark_text(align="left", dx=3, baseline="top", color=ROLE_COLORS["negative"]).encode(
        x="x:Q", y=alt.value(-14), text="label:N")
    central_rule = alt.Chart(pd.DataFrame([{"x": central, "label": f"central case {significant(central)} yrs"}]))
    central_line = central_rule.mark_rule(color=MUTED_INK).encode(x="x:Q")
    central_text = central_rule.mark_text(align="right", dx=-3, baseline="top", color=MUTED_INK).encode(
        x="x:Q", y=alt.value(-14), text="label:N")
    bars = alt.Chart(data).mark_bar(height=16, color=ROLE_COLORS["assumption"]).encode(
        x=x, x2="longest:Q", y=y,
        tooltip=[alt.Tooltip("parameter:N", title="Assumption"), alt.Tooltip("low_input:N", title="Low"),
                 alt.Tooltip("payback_at_low:Q", title="Payback at low (years)", format=".2f"),
                 alt.Tooltip("high_input:N", title="High"),
                 alt.Tooltip("payback_at_high:Q", title="Payback at high (years)", format=".2f")])
    left = alt.Chart(data).mark_text(align="right", dx=-4).encode(x="shortest:Q", y=y, text="label_short:N")
    right = alt.Chart(data).mark_text(align="left", dx=4).encode(x="longest:Q", y=y, text="label_long:N")
    chart = alt.layer(band, central_line, life_line, bars, left, right, central_text, life_text).properties(
        width=WIDTH - 200, height=34 * len(data))
    first = data.iloc[0]
    return finish(
        chart, name="fig-neoclouds-sensitivity",
        title=under_assumptions(f"{_mid_sentence(first.parameter)} moves payback most: {significant(first.shortest)} to "
                                f"{significant(first.longest)} years", basis.values()),
        subtitle="Simple payback of one rented GPU (years) with one assumption at its low and high end, the rest central",
        sources=["patel-best-partners"],
        data=data[["parameter", "low_input", "high_input", "payback_at_low", "payback_at_high", "central"]],
        notes=["Assumption: all inputs are rows of data/assumptions.csv; the shaded band is the useful-life range "
               f"({significant(life_low)}–{significant(life_high)} years)."],
        description=("Range bars of payback in years as each assumption moves from its low to its high end: "
                     + "; ".join(f"{r.parameter} {significant(r.shortest)} to {significant(r.longest)} years" for r in data.itertuples())
                     + f". Central case {significant(central)} years; useful life {significant(life)} years."),
    )


def case_study_gaps(frame: pd.DataFrame) -> LedgerChart:
    """Share of generative-AI case studies minus cloud market share, stated and computed, in points.

    Google's gap has no number in the source: its row carries the words only, with an arrow for 'above'.
    """
    data = frame.copy()
    data["start"] = 0.0
    data["axis_label"] = data["label"]
    data["label"] = [(f"{format_value(g, 'percentage_points')} ({b})" if not math.isnan(g) else b)
                     for g, b in zip(data["gap"], data["basis"])]
    data["label"] = data["label"].str.replace(r"^-", "−", regex=True)
    valued = data.dropna(subset=["gap"])
    lo = min(0.0, valued["gap"].min()) - 6
    hi = valued["gap"].max() + 30
    x = alt.X("start:Q", title="AI case-study share minus cloud market share (percentage points)",
              scale=alt.Scale(domain=[lo, hi], nice=False))
    status = alt.Color("status:N", title=None, scale=alt.Scale(domain=["reported", "derived"],
                                                             range=[ROLE_COLORS["reported"], ROLE_COLORS["derived"]]),
                       legend=alt.Legend(labelExpr="datum.label == 'reported' ? 'As stated in the digest' : 'Computed from its shares'"))
    return _gap_chart(data, x, status)


def _gap_chart(data: pd.DataFrame, x: alt.X, status: alt.Color) -> LedgerChart:
    rows = data["axis_label"].tolist()
    y = alt.Y("axis_label:N", sort=rows, title=None, axis=alt.Axis(labelLimit=200))
    valued = data.dropna(subset=["gap"])
    bars = alt.Chart(valued).mark_bar(height=18).encode(x=x, x2="gap:Q", y=y, color=status,
                                                        tooltip=[alt.Tooltip("axis_label:N", title="Row"),
                                                                 alt.Tooltip("label:N", title="Gap")])
    pos = valued[valued["gap"] >= 0]
    neg = valued[valued["gap"] < 0]
    text_pos = alt.Chart(pos).mark_text(align="left", dx=4).encode(x="gap:Q", y=y, text="label:N")
    text_neg = alt.Chart(neg).mark_text(align="left", dx=4).encode(x="start:Q", y=y, text="label:N")
    missing = alt.Chart(data[data["gap"].isna()]).mark_text(align="left", dx=4, fontStyle="italic", color=MUTED_INK).encode(
        x="start:Q", y=y, text="label:N")
    arrow = alt.Chart(data[data["gap"].isna()]).mark_point(shape="triangle-right", size=80, filled=True,
                                                            color=ROLE_COLORS["reported"]).encode(x="start:Q", y=y)
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=MUTED_INK).encode(x="x:Q")
    chart = alt.layer(zero, bars, text_pos, text_neg, missing, arrow).properties(width=WIDTH - 150, height=34 * len(data))
    stated = data.loc[(data.entity == "microsoft") & (data.status == "reported"), "gap"].iloc[0]
    computed = data.loc[(data.entity == "microsoft") & (data.status == "derived"), "gap"].iloc[0]
    return finish(
        chart, name="fig-neoclouds-case-study-gap",
        title=(f"Microsoft's own shares give a {format_value(computed, 'percentage_points')} gap, not the "
               f"{format_value(stated, 'percentage_points')} the digest states"),
        subtitle="Share of new generative-AI case studies minus overall cloud market share (percentage points)",
        sources=["bloomberg-compute-bet"],
        data=data[["axis_label", "entity", "status", "gap", "basis", "figure_ids"]],
        notes=["Derived: Microsoft's case-study share minus its cloud share (F002-31 − F002-32), check 'microsoft-gap'.",
               "Google's gap has no number in the source and is not drawn as one."],
        description=("Bar chart of the gap between each cloud's share of new generative-AI case studies and its cloud market "
                     "share: " + "; ".join(f"{a}: {lab}" for a, lab in zip(data["axis_label"], data["label"])) + "."),
    )
