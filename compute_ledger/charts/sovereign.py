"""Charts for the Sovereign AI chapter."""
from __future__ import annotations

import altair as alt
import pandas as pd

from ..analysis import sovereign
from ..evidence.fmt import format_bounded, format_value, significant
from ..evidence.tables import assumption, bounded, figure_text
from .figure import LedgerChart, finish
from .theme import MUTED_INK, ROLE_COLORS

_STATUS_DOMAIN = [sovereign.STATUS_REPORTED, sovereign.STATUS_DERIVED, sovereign.STATUS_REFERENCE]
_STATUS_RANGE = [ROLE_COLORS["reported"], ROLE_COLORS["derived"], ROLE_COLORS["neutral"]]
_GROUPS = {"japan": "National programs", "china": "National programs", "united-states": "National programs"}
_REFERENCE_GROUP = "Company commitments, for scale"


def programs(frame: pd.DataFrame) -> LedgerChart:
    """Horizontal bars in US$ billions: Japan (two conversions), China, the US (not stated), two scale references."""
    data = frame.copy()
    data["group"] = data["entity"].map(_GROUPS).fillna(_REFERENCE_GROUP)
    data["label_x"] = data[["usd_bn", "usd_high_bn"]].max(axis=1).fillna(0)
    order = data["label"].tolist()
    top = data["usd_bn"].max()
    yen = figure_text(sovereign.JAPAN_PLEDGE_JPY)
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300)),
    )
    x_scale = alt.Scale(domain=[0, top * 1.18])
    bars = base.mark_bar(height=16).encode(
        x=alt.X("usd_bn:Q", title="US$ billions", scale=x_scale),
        color=alt.Color("status:N", title=None, scale=alt.Scale(domain=_STATUS_DOMAIN, range=_STATUS_RANGE),
                        legend=alt.Legend(orient="bottom", direction="vertical", columns=1, labelLimit=0)),
        tooltip=[alt.Tooltip("label:N", title="Item"), alt.Tooltip("text:N", title="Amount"),
                 alt.Tooltip("status:N", title="Status"), alt.Tooltip("figure_ids:N", title="Figures")],
    )
    ranges = base.mark_errorbar(ticks=True, thickness=1.5, color=MUTED_INK).encode(
        x=alt.X("usd_low_bn:Q", scale=x_scale, title="US$ billions"), x2="usd_high_bn:Q",
    ).transform_filter("isValid(datum.usd_low_bn)")
    labels = base.mark_text(align="left", dx=5, fontSize=11).encode(
        x=alt.X("label_x:Q", scale=x_scale, title="US$ billions"), text="text:N",
        color=alt.condition("isValid(datum.usd_bn)", alt.value("#222222"), alt.value(MUTED_INK)),
    )
    layered = alt.layer(bars, ranges, labels).properties(width=300, height=alt.Step(26))
    chart = layered.facet(
        row=alt.Row("group:N", title=None, sort=["National programs", _REFERENCE_GROUP],
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelOrient="top",
                                      labelFontWeight="bold", labelFontSize=11, labelColor=MUTED_INK)),
        spacing=8,
    ).resolve_scale(y="independent")
    ratio = format_bounded(sovereign.china_over_japan(), "times", 2)
    return finish(
        chart, name="fig-sovereign-programs",
        title=f"China's stated spend is {ratio} Japan's pledge; the US states no figure",
        subtitle="National AI and chip money on a common unit, US$ billions (China's is not stated to be AI only); company commitments shown for scale",
        sources=["bloomberg-compute-bet", "patel-best-partners", "baker-four-labs"],
        description=(f"Horizontal bar chart in US$ billions. Japan's pledge of {yen} is shown twice: "
                     f"at the digest's own conversion, {data.loc[0, 'text']}, and at the assumption rate, "
                     f"{data.loc[1, 'text']}. China's cumulative state investment is {data.loc[2, 'text']}. "
                     "The sources give no figure for a US national program. For scale, OpenAI's Oracle contract "
                     f"is {data.loc[4, 'text']} and its Stargate plan {data.loc[5, 'text']}."),
        data=data[["group", "label", "status", "usd", "usd_low", "usd_high", "text", "figure_ids"]],
        notes=[f"Derived: {yen} ÷ the assumption rate (jpy_per_usd); the range bar spans its low and high ends.",
               "Japan's figure is a pledge to 2030; China's is cumulative with no period; company figures are contracts and plans, not state money."],
    )


def japan_fx(conversions: pd.DataFrame, pledge: dict[str, float]) -> LedgerChart:
    """Japan's pledge in US$ across the assumption's exchange-rate range, with a slider for the rate.

    `pledge` is sovereign.japan_pledge(): yen amount, start and end year, years in the period.
    """
    pledge_jpy, years = pledge["pledge_jpy"], pledge["years"]
    yen = figure_text(sovereign.JAPAN_PLEDGE_JPY)
    # the yen is a ceiling, so every dollar value the chart reads off it is the most it can be worth
    at_most = "at most " if bounded(sovereign.JAPAN_PLEDGE_JPY).bound == "at_most" else ""
    start_year, end_year = pledge["start_year"], pledge["end_year"]
    fx = assumption(sovereign.FX_ASSUMPTION)
    curve = sovereign.usd_across_rates(pledge_jpy, fx.low, fx.high)
    curve["usd_bn"] = curve["usd"] / 1e9
    points = conversions.copy()
    points["usd_bn"] = points["usd"] / 1e9
    points["kind"] = points["status"].map({"Reported": "The digest's conversion", "Derived": "Assumption rate and range"})
    points["label"] = [f"Digest: {row.stated_text} ⇒ {row.rate_text}" if row.status == "Reported"
                       else f"{row.usd_text} at {significant(row.jpy_per_usd)}" for row in points.itertuples()]
    digest = points[points.status == "Reported"]
    derived = points[points.status == "Derived"]
    x = alt.X("jpy_per_usd:Q", title="Yen per US dollar", scale=alt.Scale(domain=[fx.low, fx.high], nice=False))
    y = alt.Y("usd_bn:Q", title=f"{yen} in US$ billions (a ceiling)", scale=alt.Scale(zero=False, padding=18))
    kind_scale = alt.Scale(domain=["The digest's conversion", "Assumption rate and range"],
                           range=[ROLE_COLORS["reported"], ROLE_COLORS["derived"]])
    line = alt.Chart(curve).mark_line(color=MUTED_INK, strokeWidth=1.5).encode(x=x, y=y)
    dots = alt.Chart(points).mark_point(size=70, filled=True, opacity=1).encode(
        x=x, y=y, color=alt.Color("kind:N", title=None, scale=kind_scale),
        tooltip=[alt.Tooltip("basis:N", title="Basis"), alt.Tooltip("rate_text:N", title="Rate"),
                 alt.Tooltip("usd_text:N", title="In US$")])
    digest_label = alt.Chart(digest).mark_text(align="right", dx=-8, dy=16, fontSize=11,
                                               color=ROLE_COLORS["reported"]).encode(x=x, y=y, text="label:N")
    # Labels sit on the side of each point away from the falling curve: above-right, or below-left at the right end.
    derived = derived.assign(side=["right" if r >= fx.high else "left" for r in derived["jpy_per_usd"]])
    derived_labels = [alt.Chart(derived[derived["side"] == "left"]).mark_text(
                          align="left", dx=8, dy=-10, fontSize=11, color=ROLE_COLORS["derived"]),
                      alt.Chart(derived[derived["side"] == "right"]).mark_text(
                          align="right", dx=-4, dy=16, fontSize=11, color=ROLE_COLORS["derived"])]
    derived_labels = [layer.encode(x=x, y=y, text="label:N") for layer in derived_labels]
    rate = alt.param(name="sovereign_jpy_per_usd", value=float(fx.value),
                     bind=alt.binding_range(min=float(fx.low), max=float(fx.high), step=float((fx.high - fx.low) / 40),
                                            name="Yen per US$ (assumption range) "))
    reader = pd.DataFrame([{"pledge_jpy": pledge_jpy, "years": years,
                            "period": f"{format_value(start_year, 'calendar_year')}–{format_value(end_year, 'calendar_year')}"}])
    calc = alt.Chart(reader).transform_calculate(
        jpy_per_usd="sovereign_jpy_per_usd",
        usd_bn="datum.pledge_jpy / sovereign_jpy_per_usd / 1e9",
        per_year_bn="datum.pledge_jpy / sovereign_jpy_per_usd / 1e9 / datum.years",
        readout=(f"'At an assumed ' + format(sovereign_jpy_per_usd, '.1f') + ' ¥/US$: {at_most}US$' "
                 "+ format(datum.usd_bn, '.1f') + 'B in all'"),
        readout_year=(f"'or {at_most}US$' + format(datum.per_year_bn, '.2f') + 'B a year, ' + datum.period "
                      "+ ' (assumed start)'"),
    )
    rule = calc.mark_rule(strokeDash=[4, 3], color=ROLE_COLORS["derived"]).encode(x=x)
    marker = calc.mark_point(size=160, shape="diamond", filled=False, strokeWidth=2,
                             color=ROLE_COLORS["derived"]).encode(x=x, y=y)
    readout = calc.mark_text(align="right", baseline="top", x="width", y=2, fontSize=12, fontWeight="bold",
                             color=ROLE_COLORS["derived"]).encode(text="readout:N")
    readout_year = calc.mark_text(align="right", baseline="top", x="width", y=18, fontSize=11,
                                  color=ROLE_COLORS["derived"]).encode(text="readout_year:N")
    chart = alt.layer(line, rule, dots, marker, digest_label, *derived_labels, readout, readout_year).add_params(
        rate).properties(width=520, height=280)
    low_usd, high_usd = sovereign.to_usd(pledge_jpy, fx.high), sovereign.to_usd(pledge_jpy, fx.low)
    digest_row = digest.iloc[0]
    return finish(
        chart, name="fig-sovereign-japan-fx",
        title=(f"Japan's pledge is {sovereign.japan_usd_range()} at the assumed {significant(fx.low)}–"
               f"{significant(fx.high)} yen per dollar"),
        subtitle=f"The pledge's ceiling in US$ billions by exchange rate; the digest's conversion implies {digest_row.rate_text}",
        sources=["bloomberg-compute-bet"],
        description=(f"Line chart of a pledge of {yen} converted to US dollars at assumed rates from "
                     f"{significant(fx.low)} to {significant(fx.high)} yen per dollar, a ceiling falling from "
                     f"US${significant(high_usd / 1e9)} billion to US${significant(low_usd / 1e9)} billion. "
                     f"The digest's own conversion, {digest_row.stated_text}, "
                     f"sits on the curve at {digest_row.rate_text}. A slider sets the rate and shows the total and "
                     f"an even yearly spread over {years} years."),
        data=conversions[["basis", "status", "jpy_per_usd", "usd", "usd_per_year"]],
        notes=[f"Derived: {yen} ÷ rate; yearly figures spread {yen} evenly over {years} years.",
               "Assumption: exchange rate (jpy_per_usd) and the pledge's start year (japan_pledge_start_year); neither is in the seeds."],
    )


def grid_rule(frame: pd.DataFrame) -> LedgerChart:
    """Stated gigawatts of announced builds against what would remain under the half-load rule."""
    stated = frame.assign(measure="Stated capacity (reported)", gw=frame["stated_gw"], text=frame["stated_text"])
    left = frame.assign(measure="Left when large users must cut load (derived)", gw=frame["available_gw"],
                        text=frame["available_text"])
    order = frame["build"].tolist()
    measures = ["Stated capacity (reported)", "Left when large users must cut load (derived)"]
    y = alt.Y("build:N", sort=order, title=None, axis=alt.Axis(labelLimit=280))
    x = alt.X("gw:Q", title="Gigawatts (GW)", scale=alt.Scale(domain=[0, frame["stated_gw"].max() * 1.25]))
    color = alt.Color("measure:N", title=None, sort=measures,
                      scale=alt.Scale(domain=measures, range=[ROLE_COLORS["neutral"], ROLE_COLORS["derived"]]),
                      legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=0))
    tooltip = [alt.Tooltip("build:N", title="Build"), alt.Tooltip("measure:N", title="Measure"),
               alt.Tooltip("text:N", title="Capacity"), alt.Tooltip("figure_id:N", title="Figure")]
    back = alt.Chart(stated).mark_bar(height=22).encode(x=x, y=y, color=color, tooltip=tooltip)
    front = alt.Chart(left).mark_bar(height=22).encode(x=x, y=y, color=color, tooltip=tooltip)
    stated_text = alt.Chart(stated).mark_text(align="left", dx=5, fontSize=11).encode(x=x, y=y, text="text:N")
    left_text = alt.Chart(left).mark_text(align="right", dx=-5, fontSize=11, color="white",
                                          fontWeight="bold").encode(x=x, y=y, text="text:N")
    chart = alt.layer(back, front, stated_text, left_text).properties(width=420, height=alt.Step(40))
    cut = format_value(frame["cut_percent"].iloc[0], "percent")
    # the one build two sources bound opposite ways: a floor (the host's) leaves a floor, a ceiling a ceiling
    nvidia = frame[frame["figure_id"].isin([sovereign.NVIDIA_OPENAI_GW, sovereign.NVIDIA_SYSTEMS_GW])].set_index("figure_id")
    host, digest = nvidia.loc[sovereign.NVIDIA_OPENAI_GW], nvidia.loc[sovereign.NVIDIA_SYSTEMS_GW]
    return finish(
        chart, name="fig-sovereign-grid-rule",
        title=(f"A {cut} cut would leave the Nvidia–OpenAI build {host.available_text} on one source, "
               f"{digest.available_text} on the other"),
        subtitle=f"Announced US builds and the power left under a {cut} load cut (GW), the Nvidia–OpenAI build once per source",
        sources=["patel-best-partners", "bloomberg-compute-bet"],
        description=(f"Horizontal bar chart. For each announced build, a grey bar shows the stated capacity and a "
                     f"green bar the capacity left if it had to cut its load by {cut}, as the US grid rule requires of "
                     "large users when power is tight (the rule as the Best Partners host summarises Patel): "
                     + "; ".join(f"{r.build}, {r.stated_text}, leaving {r.available_text}" for r in frame.itertuples())
                     + f". The Nvidia–OpenAI build is {host.stated_text} in the Best Partners host's narration and "
                     f"{digest.stated_text} in the Bloomberg-based digest, so the cut leaves {host.available_text} on "
                     f"the first and {digest.available_text} on the second."),
        data=frame[["build", "figure_id", "stated_by", "stated_gw", "stated_text", "cut_percent", "available_gw",
                    "available_text"]],
        notes=[f"Derived: stated capacity × (1 − {cut}), the cut large users must make when power is tight, in the "
               "grid rule as the Best Partners host summarises Patel; a floor stays a floor and a ceiling a ceiling.",
               "Illustration: the seeds name no site or grid operator and do not say the rule covers these builds.",
               "The builds overlap and are not summed; the two Nvidia–OpenAI rows are one build, a floor in the "
               "Best Partners host's narration and a ceiling in the Bloomberg-based digest."],
    )
