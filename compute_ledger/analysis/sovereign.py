"""Sovereign AI: national compute programs put on one unit, and the checks behind them.

The seeds describe three national approaches in a few sentences each: Japan's dated yen pledge
(Bloomberg-based digest), China's cumulative state investment and the US's market-driven model
(Patel, as the Best Partners host summarises him), and China's chip constraint (Baker, AINEXT digest). Only Japan's
and China's come with money, in different currencies and on different bases (a pledge "up to" a
ceiling by a deadline against a cumulative total with no period). The functions here convert,
spread and compare them, and label every derived number as derived.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_bounded, format_range, format_value, significant
from ..paths import DATA
from ..evidence.quantity import Bounded, exact
from ..evidence.tables import assumed, assumption, bounded, figure_text, value
from .derived import per_year

# Figure ids this chapter reads (see data/figures.csv).
JAPAN_PLEDGE_JPY = "F002-24"      # 高達10兆日元: up to ¥10T
JAPAN_PLEDGE_USD = "F002-25"      # 約650億美元: about US$65B, the digest's own conversion
JAPAN_PLEDGE_END = "F002-23"      # 2030年: the pledge runs to 2030
RAPIDUS_TARGET = "F002-26"        # 2027年: Rapidus mass-production target
CHINA_CUMULATIVE = "F003-12"      # 5000 億美元: China's cumulative state-driven investment
GRID_CUT = "F003-15"              # 削減一半用電量: large users cut half their load when power is tight
ORACLE_CONTRACT = "F002-10"       # 高達3000億美元: OpenAI's Oracle contract (scale reference)
STARGATE = "F000-36"              # 1.4 兆美元: OpenAI's Stargate plan (scale reference)
NVIDIA_OPENAI_GW = "F003-04"      # 至少 10 吉瓦 (the Best Partners host's narration)
NVIDIA_SYSTEMS_GW = "F002-05"     # 高達10吉瓦 (Bloomberg-based digest), the same build bounded the other way
AMD_OPENAI_GW = "F002-12"         # 高達6 GW
ORACLE_STARGATE_GW = "F002-11"    # 4.5 GW
RARE_EARTH_WINDOW = "F000-43"     # 未來幾年: rare-earth leverage may fade in the next few years

FX_ASSUMPTION = "jpy_per_usd"
START_ASSUMPTION = "japan_pledge_start_year"

STATUS_REPORTED = "Reported by a source"
STATUS_DERIVED = "Derived at the assumption rate"
STATUS_REFERENCE = "Company commitment (scale reference)"
STATUS_NOT_STATED = "Not stated in the sources"


# Pure calculations, unit-tested by hand.
def to_usd(amount_jpy: float, jpy_per_usd: float) -> float:
    """A yen amount in dollars at a given rate (yen per dollar)."""
    if jpy_per_usd <= 0:
        raise ValueError("the exchange rate must be positive")
    return amount_jpy / jpy_per_usd


def inclusive_years(start_year: int | float, end_year: int | float) -> int:
    """Years in a period counted inclusive at both ends: 2024 to 2030 is 7 years.

    The seed says 'by 2030' (到2030年), so 2030 itself is in the period.
    """
    if end_year < start_year:
        raise ValueError("the period ends before it starts")
    return int(end_year - start_year + 1)


def remaining_after_cut(capacity: float, cut_percent: float) -> float:
    """Capacity left when a share of it must be shed: 10 GW less 50% is 5 GW."""
    if not 0 <= cut_percent <= 100:
        raise ValueError("the cut must be a percentage between 0 and 100")
    return capacity * (1 - cut_percent / 100)


def usd_across_rates(amount_jpy: float, low: float, high: float, points: int = 41) -> pd.DataFrame:
    """A yen amount in dollars at evenly spaced rates from low to high (both included)."""
    if points < 2 or high <= low:
        raise ValueError("need at least two points on a rising range")
    step = (high - low) / (points - 1)
    rates = [low + i * step for i in range(points)]
    return pd.DataFrame({"jpy_per_usd": rates, "usd": [to_usd(amount_jpy, r) for r in rates]})


def _billions(value: float) -> float:
    return value / 1e9


def japan_pledge(data_dir: Path = DATA) -> dict[str, float]:
    """Japan's pledge in yen and the period it is spread over: the end year from the seed, the start
    year from the assumption japan_pledge_start_year (the seed gives none)."""
    start = assumption(START_ASSUMPTION, data_dir).value
    end = value(JAPAN_PLEDGE_END, data_dir)
    return {"pledge_jpy": value(JAPAN_PLEDGE_JPY, data_dir), "start_year": start, "end_year": end,
            "years": inclusive_years(start, end)}


def japan_conversions(data_dir: Path = DATA) -> pd.DataFrame:
    """Japan's pledge at the digest's implied rate and at the assumption rate with its range.

    The pledge is a ceiling (高達, up to ¥10T), so every conversion and every yearly spread is one too:
    the numeric columns (usd, usd_per_year) hold the ceilings, the text columns say "at most".
    Columns: basis, status, jpy_per_usd, usd, usd_per_year (spread from the assumed start year to
    2030), and the same as display text.
    """
    pledge_jpy = bounded(JAPAN_PLEDGE_JPY, data_dir)
    fx = assumption(FX_ASSUMPTION, data_dir)
    start = assumption(START_ASSUMPTION, data_dir)
    period = _period(inclusive_years(start.value, value(JAPAN_PLEDGE_END, data_dir)), start)
    at_digest = japan_pledge_at_digest_rate(data_dir)
    rows = [("The digest's own conversion (about)", "Reported", digest_rate(data_dir), at_digest)]
    for label, rate in (("Assumption: reference rate", fx.value), ("Assumption: strong-yen end", fx.low),
                        ("Assumption: weak-yen end", fx.high)):
        rate = exact(rate, "JPY_per_USD", "assumption", (FX_ASSUMPTION,))
        rows.append((label, "Derived", rate, pledge_jpy / rate))
    frame = pd.DataFrame([{"basis": label, "status": status, "jpy_per_usd": rate.low,
                           "rate_text": format_bounded(rate), "usd": usd.high,
                           "usd_per_year": (usd / period).high, "usd_text": format_bounded(usd, "USD"),
                           "usd_per_year_text": format_bounded(usd / period, "USD")}
                          for label, status, rate, usd in rows])
    frame["stated_text"] = [figure_text(JAPAN_PLEDGE_USD, data_dir)] + frame["usd_text"].iloc[1:].tolist()
    return frame


def japan_display(data_dir: Path = DATA) -> pd.DataFrame:
    """japan_conversions() as a table for readers, each cell's status naming the assumptions it rests on."""
    frame = japan_conversions(data_dir)
    start = assumption(START_ASSUMPTION, data_dir)
    end = value(JAPAN_PLEDGE_END, data_dir)
    years = inclusive_years(start.value, end)
    period = (f"Per year, {format_value(start.value, 'calendar_year')}–{format_value(end, 'calendar_year')} "
              f"({years} years from an assumed start)")
    total = f"{figure_text(JAPAN_PLEDGE_JPY, data_dir)} in US$ (the ceiling converted)"
    frame = frame.assign(status=["Reported (rate derived)"] + [f"Assumption ({FX_ASSUMPTION})"] * (len(frame) - 1))
    return frame.rename(columns={"basis": "Basis", "status": "Rate", "rate_text": "Yen per US$",
                                 "usd_text": total, "usd_per_year_text": period})[
        ["Basis", "Yen per US$", "Rate", total, period]]


def programs(data_dir: Path = DATA) -> pd.DataFrame:
    """National program money on one unit (US$), with company commitments as scale references.

    One row per bar. `usd` is the point drawn (NaN where the sources state nothing); `usd_low` and
    `usd_high` bound the assumption range where there is one.
    """
    pledge = value(JAPAN_PLEDGE_JPY, data_dir)
    fx = assumption(FX_ASSUMPTION, data_dir)
    rate = format_bounded(digest_rate(data_dir), digits=3)
    at_ref, at_low, at_high = to_usd(pledge, fx.value), to_usd(pledge, fx.high), to_usd(pledge, fx.low)
    # the yen figure is a ceiling, so a dollar bar at any rate is the most the pledge can be worth
    at_ref_words = format_bounded(bounded(JAPAN_PLEDGE_JPY, data_dir) / assumed(FX_ASSUMPTION, data_dir, central=True), "USD")
    nan = float("nan")
    rows = [
        {"label": f"Japan's pledge at the digest's rate ({rate})", "entity": "japan",
         "status": STATUS_REPORTED, "usd": value(JAPAN_PLEDGE_USD, data_dir), "usd_low": nan, "usd_high": nan,
         "text": format_bounded(japan_pledge_at_digest_rate(data_dir), "USD"),
         "figure_ids": f"{JAPAN_PLEDGE_JPY}; {JAPAN_PLEDGE_USD}"},
        {"label": f"Japan's pledge at an assumed {significant(fx.value)} ¥/US$", "entity": "japan",
         "status": STATUS_DERIVED, "usd": at_ref, "usd_low": at_low, "usd_high": at_high,
         "text": f"{at_ref_words} ({japan_usd_range(data_dir)} across the assumed rates)",
         "figure_ids": f"{JAPAN_PLEDGE_JPY}; assumption {FX_ASSUMPTION}"},
        {"label": "China: cumulative state investment", "entity": "china", "status": STATUS_REPORTED,
         "usd": value(CHINA_CUMULATIVE, data_dir), "usd_low": nan, "usd_high": nan,
         "text": figure_text(CHINA_CUMULATIVE, data_dir), "figure_ids": CHINA_CUMULATIVE},
        {"label": "United States: national program", "entity": "united-states", "status": STATUS_NOT_STATED,
         "usd": nan, "usd_low": nan, "usd_high": nan, "text": "no figure in the sources", "figure_ids": ""},
        {"label": "OpenAI–Oracle cloud contract", "entity": "openai", "status": STATUS_REFERENCE,
         "usd": value(ORACLE_CONTRACT, data_dir), "usd_low": nan, "usd_high": nan,
         "text": figure_text(ORACLE_CONTRACT, data_dir), "figure_ids": ORACLE_CONTRACT},
        {"label": "OpenAI's Stargate plan", "entity": "openai", "status": STATUS_REFERENCE,
         "usd": value(STARGATE, data_dir), "usd_low": nan, "usd_high": nan,
         "text": figure_text(STARGATE, data_dir), "figure_ids": STARGATE},
    ]
    frame = pd.DataFrame(rows)
    for column in ("usd", "usd_low", "usd_high"):
        frame[column + "_bn"] = frame[column].map(_billions)
    return frame


def grid_rule(data_dir: Path = DATA) -> pd.DataFrame:
    """Announced gigawatt builds of US companies, and what the half-load rule would leave of each.

    An illustration: the seeds name neither the sites nor the grid operator, and do not say these
    builds fall under the rule. The builds overlap (Oracle's Stargate capacity is part of OpenAI's
    program), so they are never summed.
    """
    cut = value(GRID_CUT, data_dir)
    kept = exact(1, "times") - bounded(GRID_CUT, data_dir)
    # The Nvidia–OpenAI build is stated twice, bounded opposite ways: a floor in the Best Partners host's
    # narration, a ceiling in the Bloomberg-based digest. Each gets its own row, so each keeps its bound.
    builds = [
        ("Nvidia–OpenAI build (Best Partners host)", NVIDIA_OPENAI_GW, "the Best Partners host"),
        ("Nvidia–OpenAI build (Bloomberg-based digest)", NVIDIA_SYSTEMS_GW, "the Bloomberg-based digest"),
        ("OpenAI's AMD GPU deployment", AMD_OPENAI_GW, "the Bloomberg-based digest"),
        ("Oracle's Stargate build-out", ORACLE_STARGATE_GW, "the Bloomberg-based digest"),
    ]
    rows = []
    for label, figure_id, stated_by in builds:
        stated = value(figure_id, data_dir)
        left = remaining_after_cut(stated, cut)
        # the words come from the stated bound: 'at least 10 GW' leaves at least 5 GW, 'up to 10 GW' at most 5 GW
        rows.append({"build": label, "figure_id": figure_id, "stated_by": stated_by, "stated_gw": stated,
                     "stated_text": figure_text(figure_id, data_dir), "cut_percent": cut, "available_gw": left,
                     "available_text": format_bounded(bounded(figure_id, data_dir) * kept, "GW")})
    return pd.DataFrame(rows)


def models_table(data_dir: Path = DATA) -> pd.DataFrame:
    """The national models side by side, as the sources describe them, with their claim ids.

    One column per country and one row per aspect, so the table stays readable on a page.
    """
    fx = assumption(FX_ASSUMPTION, data_dir)
    pledge = value(JAPAN_PLEDGE_JPY, data_dir)
    cut = format_value(value(GRID_CUT, data_dir), "percent")
    rows = [
        {"Country": "Japan",
         "Model (per the sources)": "State pledge for 'AI sovereignty': domestic chips and national supercomputers",
         "Money stated": f"{figure_text(JAPAN_PLEDGE_JPY, data_dir)} ({figure_text(JAPAN_PLEDGE_USD, data_dir)})",
         "In US$": (f"{format_bounded(japan_pledge_at_digest_rate(data_dir), 'USD')} at the digest's rate; "
                    f"{format_bounded(bounded(JAPAN_PLEDGE_JPY, data_dir) / assumed(FX_ASSUMPTION, data_dir, central=True), 'USD')} "
                    f"at an assumed {significant(fx.value)} ¥/US$ ({FX_ASSUMPTION})"),
         "Horizon": (f"by {format_value(value(JAPAN_PLEDGE_END, data_dir), 'calendar_year')}; Rapidus mass production "
                     f"targeted for {format_value(value(RAPIDUS_TARGET, data_dir), 'calendar_year')}"),
         "Instruments": "Funding for Rapidus; grants to Sakura Internet and KDDI for domestic AI supercomputers",
         "Constraint named": "None named; the program competes for limited chips and HBM",
         "Claims": "C002-17; C002-18; C002-28; C002-29"},
        {"Country": "China",
         "Model (per the sources)": "Loss-for-share; full-chain self-sufficiency, not performance leadership",
         "Money stated": f"{figure_text(CHINA_CUMULATIVE, data_dir)} cumulative",
         "In US$": f"{format_value(value(CHINA_CUMULATIVE, data_dir), 'USD')} (reported; no period given)",
         "Horizon": "Not stated (cumulative to date)",
         "Instruments": "Five-year plans, the national Big Fund, local government finance; a push for domestic AI chips",
         "Constraint named": "Domestic chips well short of Blackwell; DeepSeek cites insufficient compute",
         "Claims": "C003-15; C003-31; C000-33; C000-34; C000-35"},
        {"Country": "United States",
         "Model (per the sources)": "Market- and innovation-driven; lead kept by building hyperscale compute clusters",
         "Money stated": "Not stated", "In US$": "Not stated", "Horizon": "Not stated",
         "Instruments": "Private hyperscale clusters; gas-fired and combined-cycle plants being built again",
         "Constraint named": f"Energy: regulation, labor, supply chains; large users cut {cut} of load when power is tight",
         "Claims": "C003-30; C003-23; C003-32; C003-24; C003-33"},
    ]
    by_country = pd.DataFrame(rows).set_index("Country").T
    by_country.index.name = "Aspect"
    by_country.columns.name = None
    return by_country.reset_index()


def japan_fx_check(data_dir: Path = DATA) -> pd.Series:
    """The book's consistency check 'japan-fx' (compute_ledger.evidence.checks), for quoting its verdict."""
    from ..evidence.checks import consistency_checks

    checks = consistency_checks(data_dir).set_index("check_id")
    return checks.loc["japan-fx"]


def digest_rate(data_dir: Path = DATA) -> Bounded:
    """The rate the digest's conversion implies: the yen ceiling over its own dollar conversion, about 154 ¥/US$ (153.85 before rounding).

    The two figures state one amount in two currencies, so the rate is the ceiling's end over the dollar
    figure, not an interval quotient of two independent values (which would bound nothing); it is only as
    exact as the dollar figure (約, about).
    """
    yen = bounded(JAPAN_PLEDGE_JPY, data_dir)
    return exact(yen.high, "JPY", basis=yen.basis) / bounded(JAPAN_PLEDGE_USD, data_dir)


def japan_pledge_at_digest_rate(data_dir: Path = DATA) -> Bounded:
    """Japan's yen ceiling at the digest's own implied rate: at most about US$65B (a ceiling, as the yen is)."""
    return bounded(JAPAN_PLEDGE_JPY, data_dir) / digest_rate(data_dir)


def japan_usd_range(data_dir: Path = DATA) -> str:
    """The pledge across the assumed rate range, in words: 'at most US$62.5B–71.4B' (the yen is up to ¥10T, so at
    each rate the dollar figure is a ceiling, and the ceiling itself runs from US$62.5B at 160 ¥/US$ to US$71.4B at
    140). The prose says the range is the rate's ("depending on the rate")."""
    fx = assumption(FX_ASSUMPTION, data_dir)
    pledge = bounded(JAPAN_PLEDGE_JPY, data_dir)
    words = "at most " if pledge.bound == "at_most" else ""
    return words + format_range(to_usd(pledge.high, fx.high), to_usd(pledge.high, fx.low), "USD")


def china_over_japan(data_dir: Path = DATA) -> Bounded:
    """China's cumulative US$500B over Japan's pledge ceiling: a floor (at least 7.7×), since the pledge may be less."""
    return bounded(CHINA_CUMULATIVE, data_dir) / japan_pledge_at_digest_rate(data_dir)


def _period(years: int, start) -> Bounded:
    """A count of years that rests on the assumed start year, as a divisor for even spreads."""
    return Bounded(years, years, (), status="assumption", basis=(START_ASSUMPTION,))


def glue_values(data_dir: Path = DATA) -> dict[str, str]:
    """Every number the chapter's prose uses, formatted, keyed by glue name.

    Derived amounts are computed as bounded quantities, so their words come from their inputs: Japan's
    pledge is a ceiling (高達, up to), so its dollar value and its yearly spread are ceilings too, and
    China's total over it is a floor; Oracle's contract is a ceiling, so China's total over it is a
    floor and Japan's ceiling over Oracle's ceiling bounds nothing (the chapter states no such ratio).
    """
    fx = assumption(FX_ASSUMPTION, data_dir)
    start = assumption(START_ASSUMPTION, data_dir)
    end = value(JAPAN_PLEDGE_END, data_dir)
    rate = digest_rate(data_dir)
    reference = assumed(FX_ASSUMPTION, data_dir, central=True)
    tolerance = (fx.high - fx.low) / 2 / fx.value
    years = inclusive_years(start.value, end)
    years_late = inclusive_years(start.high, end)
    check = japan_fx_check(data_dir)
    grid = grid_rule(data_dir).set_index("figure_id")
    pledge_jpy = bounded(JAPAN_PLEDGE_JPY, data_dir)
    at_digest = japan_pledge_at_digest_rate(data_dir)
    at_ref = pledge_jpy / reference
    china = bounded(CHINA_CUMULATIVE, data_dir)
    oracle = bounded(ORACLE_CONTRACT, data_dir)
    stargate = bounded(STARGATE, data_dir)
    return {
        "sovereign_japan_jpy": figure_text(JAPAN_PLEDGE_JPY, data_dir),
        "sovereign_japan_usd": figure_text(JAPAN_PLEDGE_USD, data_dir),
        "sovereign_japan_end": format_value(end, "calendar_year"),
        "sovereign_rapidus_year": format_value(value(RAPIDUS_TARGET, data_dir), "calendar_year"),
        "sovereign_implied_rate": format_bounded(rate),
        "sovereign_ref_rate": format_value(fx.value, "JPY_per_USD"),
        "sovereign_ref_low": format_value(fx.low, "JPY_per_USD"),
        "sovereign_ref_high": format_value(fx.high, "JPY_per_USD"),
        "sovereign_rate_gap": format_bounded((rate - reference) / reference, "percent"),
        "sovereign_rate_tolerance": format_value(tolerance * 100, "percent"),
        "sovereign_fx_computed": str(check["computed"]),
        "sovereign_fx_verdict": "consistent" if bool(check["consistent"]) else "inconsistent",
        "sovereign_japan_usd_ref": format_bounded(at_ref, "USD"),
        "sovereign_japan_usd_range": japan_usd_range(data_dir),
        "sovereign_start_year": format_value(start.value, "calendar_year"),
        "sovereign_start_year_late": format_value(start.high, "calendar_year"),
        "sovereign_years": str(years),
        "sovereign_years_late": str(years_late),
        "sovereign_japan_per_year_jpy": format_bounded(pledge_jpy / _period(years, start), "JPY"),
        "sovereign_japan_per_year_usd": format_bounded(at_ref / _period(years, start), "USD"),
        "sovereign_japan_per_year_usd_digest": format_bounded(at_digest / _period(years, start), "USD"),
        "sovereign_japan_per_year_jpy_late": format_bounded(pledge_jpy / _period(years_late, start), "JPY"),
        "sovereign_japan_per_year_usd_late": format_bounded(at_ref / _period(years_late, start), "USD"),
        "sovereign_china_usd": figure_text(CHINA_CUMULATIVE, data_dir),
        "sovereign_china_vs_japan": format_bounded(china_over_japan(data_dir), "times", 2),
        "sovereign_china_vs_japan_ref": format_bounded(china / at_ref, "times", 2),
        "sovereign_oracle_usd": figure_text(ORACLE_CONTRACT, data_dir),
        "sovereign_china_vs_oracle": format_bounded(china / oracle, "times", 2),
        "sovereign_stargate_usd": figure_text(STARGATE, data_dir),
        "sovereign_stargate_vs_china": format_bounded(stargate / china, "times", 2),
        "sovereign_grid_cut": format_value(value(GRID_CUT, data_dir), "percent"),
        "sovereign_nvidia_gw": figure_text(NVIDIA_OPENAI_GW, data_dir),
        "sovereign_nvidia_gw_bloomberg": figure_text(NVIDIA_SYSTEMS_GW, data_dir),
        "sovereign_nvidia_gw_left": str(grid.loc[NVIDIA_OPENAI_GW, "available_text"]),
        "sovereign_nvidia_gw_left_bloomberg": str(grid.loc[NVIDIA_SYSTEMS_GW, "available_text"]),
        "sovereign_amd_gw": figure_text(AMD_OPENAI_GW, data_dir),
        "sovereign_amd_gw_left": str(grid.loc[AMD_OPENAI_GW, "available_text"]),
        "sovereign_oracle_gw": figure_text(ORACLE_STARGATE_GW, data_dir),
        "sovereign_oracle_gw_left": str(grid.loc[ORACLE_STARGATE_GW, "available_text"]),
    }
