"""The compute triangle: OpenAI, Oracle and Nvidia, the deals around them, and Nvidia's margin recycling.

The Best Partners transcript (the host's summary of a Patel interview) describes a loop: OpenAI pays Oracle for
compute, Oracle spends the money mainly on Nvidia GPUs (the host's narration), and Nvidia puts part of its gross
profit back into OpenAI as equity. The host, summarising Patel, gives the pieces for one unit of the deal (US$35B
flowing to Nvidia, a gross margin of up to 75%, about US$10B of equity) but not the arithmetic that joins them,
nor the unit (the per-gigawatt reading is the book's inference); this module does that arithmetic,
per gigawatt and, where a floor of gigawatts still bounds it, for the whole programme, and the sensitivity of
the result to its inputs.

Everything here is a pure function of numbers passed in or of rows of data/; formatting uses the
book's one number format (compute_ledger.evidence.fmt).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..evidence.checks import consistency_checks
from ..evidence.fmt import format_bounded, format_value
from ..evidence.quantity import Bounded, exact
from ..paths import DATA
from .derived import oracle_per_year, oracle_yearly_average, per_year, xai_debt_shares, xai_raise  # noqa: F401 (used by the chapter through this module)
from ..evidence.tables import assumption, bounded, deals, figure_text, figures, load

# The companies drawn in the chapter's flow diagram: the triangle and the ring around it.
TRIANGLE_ENTITIES = ("openai", "oracle", "nvidia", "amd", "microsoft", "coreweave", "xai", "anthropic")

# Deals whose rows name no figure still rest on a sentence in a seed: the claim that states each.
DEAL_CLAIMS = {
    "oracle-nvidia-gpus": "C003-02",             # 甲骨文獲得資金後，將主要用於購買英偉達的 GPU 芯片
    "microsoft-openai-partnership": "C001-15",   # 微软没有OpenAI股权，却拥有大部分利润分成权…
    "microsoft-coreweave-cloud": "C003-12",      # CoreWeave 早期主要依賴微軟訂單
}

INSTRUMENT_LABELS = {
    "cloud_contract": "Cloud contract", "chip_purchase": "GPU purchases", "equity": "Equity",
    "gpu_supply": "GPU supply", "warrants": "Warrants", "partnership": "Partnership", "subsidy": "Subsidy",
}
NOT_STATED = "not stated"

# Deals whose direction no source states: the diagram and the tables draw them one way and say that the way is
# the book's reading. Anthropic–Nvidia: 簽署了一份 50 億美元的協議 (C000-27) names no payer; 提前鎖定 Nvidia 的供應
# (locking in Nvidia supply) supports reading it as a purchase, but it is a reading.
DIRECTION_READ = {"anthropic-nvidia-agreement": "direction not stated; drawn as a purchase, the book's reading"}
# The same, short enough for a diagram edge or a chart axis
DIRECTION_READ_SHORT = "direction: the book's reading"

# The recycling inputs: which figure states each one.
REVENUE_FIGURE = "F003-06"      # 350 億美元 flows directly to Nvidia
MARGIN_FIGURE = "F003-07"       # 毛利率高達 75%
EQUITY_FIGURE = "F003-05"       # 股權投資約 100 億美元
HALF_FIGURE = "F003-08"         # 一半毛利
GIGAWATTS_FIGURE = "F003-04"    # 至少 10 吉瓦
PROGRAMME_EQUITY_FIGURE = "F003-03"  # 最高 1000 億美元


# ---------------------------------------------------------------- arithmetic (unit-tested by hand)

def gross_profit(revenue: float, margin_percent: float) -> float:
    """Revenue times gross margin: what is left after the cost of the goods sold."""
    return revenue * margin_percent / 100


def recycled_share(equity: float, profit: float) -> float:
    """The share of gross profit that goes back out as equity (a fraction, not a percent)."""
    return equity / profit


def share_of_build_cost(nvidia_revenue: float, build_cost: float) -> float:
    """Nvidia's take as a fraction of a gigawatt's all-in build cost."""
    return nvidia_revenue / build_cost


def revenue_from_share(share_percent: float, build_cost: float) -> float:
    """The inverse of share_of_build_cost, with the share in percent (the slider's unit)."""
    return build_cost * share_percent / 100


def remainder(total: float, parts: list[float]) -> float:
    """What a total leaves once its named parts are taken out."""
    return total - float(sum(parts))


@dataclass(frozen=True)
class Recycling:
    """Nvidia's side of one unit of the deal: revenue in, gross profit, equity returned, profit kept."""

    revenue: float
    margin_percent: float
    equity: float

    @property
    def gross_profit(self) -> float:
        return gross_profit(self.revenue, self.margin_percent)

    @property
    def cost_of_goods(self) -> float:
        return self.revenue - self.gross_profit

    @property
    def kept(self) -> float:
        """Gross profit net of the equity that goes back to OpenAI (cash out, shares in)."""
        return self.gross_profit - self.equity

    @property
    def share_recycled(self) -> float:
        return recycled_share(self.equity, self.gross_profit)

    def scaled(self, gigawatts: float) -> "Recycling":
        """The same deal repeated for `gigawatts` gigawatts (revenue and equity scale, the margin does not)."""
        return Recycling(self.revenue * gigawatts, self.margin_percent, self.equity * gigawatts)


# ---------------------------------------------------------------- the sources' figures

def _figures(data_dir: Path) -> pd.DataFrame:
    return figures(data_dir).set_index("figure_id")


def _value(table: pd.DataFrame, figure_id: str) -> float:
    return float(table.loc[figure_id, "value_low"])


def stated_recycling(data_dir: Path = DATA) -> Recycling:
    """The per-unit numbers (Patel, as the Best Partners host summarises him), read per gigawatt: the book's
    inference (see the 'nvidia-equity-per-gw' check for why)."""
    table = _figures(data_dir)
    return Recycling(_value(table, REVENUE_FIGURE), _value(table, MARGIN_FIGURE), _value(table, EQUITY_FIGURE))


def recycling_bounds(data_dir: Path = DATA) -> dict[str, Bounded]:
    """The per-unit numbers as bounded values: the margin is a ceiling ('as high as 75%'), so the cost of goods
    is between US$8.75B and US$35B, gross profit at most US$26.25B, the share recycled at least about 38.1%, the
    profit kept at most about US$16.25B, half the gross profit at most US$13.1B (13.125, printed to three digits as
    the consistency checks print it), and the margin at which the equity would be half about 57.1%."""
    revenue, margin = bounded(REVENUE_FIGURE, data_dir), bounded(MARGIN_FIGURE, data_dir)
    equity, half = bounded(EQUITY_FIGURE, data_dir), bounded(HALF_FIGURE, data_dir)
    profit = revenue * margin
    kept = profit - equity
    # only the top of 'kept' is stated: at a low enough margin the equity exceeds the gross profit
    kept = Bounded(-math.inf, kept.high, kept.unit, kept.approximate, kept.status, kept.basis)
    return {"revenue": revenue, "margin": margin, "equity": equity, "profit": profit, "share": equity / profit,
            "kept": kept, "half": half * profit, "cost_of_goods": revenue - profit,
            "margin_for_half": equity / half / revenue}


def at_margin_ceiling(data_dir: Path = DATA) -> dict[str, Bounded]:
    """The same arithmetic evaluated at the margin's ceiling (75% taken as a point, not as 'up to'): gross profit
    US$26.25B, half of it US$13.125B (US$13.1B to three digits), and the equity about 38.1% of it. These are conditions at the ceiling, and
    the prose says so; what the sources bound is `recycling_bounds`."""
    revenue, margin = bounded(REVENUE_FIGURE, data_dir), bounded(MARGIN_FIGURE, data_dir)
    ceiling = Bounded(margin.high, margin.high, margin.unit, False, "derived", margin.basis)
    profit = revenue * ceiling
    return {"margin": ceiling, "profit": profit, "half": bounded(HALF_FIGURE, data_dir) * profit,
            "share": bounded(EQUITY_FIGURE, data_dir) / profit}


# One gigawatt: dividing a per-unit amount by it writes the book's per-gigawatt reading into the unit (US$ per GW).
ONE_GIGAWATT = exact(1.0, "GW", status="derived")


def programme_bounds(data_dir: Path = DATA) -> dict[str, Bounded]:
    """The per-gigawatt amounts over the Nvidia–OpenAI programme, which the Best Partners host, in his own narration
    (C003-03), puts at 'at least 10 GW' (F003-04).

    A floor of gigawatts keeps a floor a floor (revenue at least US$350B, equity at least about US$100B), but a
    ceiling times a floor bounds nothing: the gross profit (a ceiling, as the margin is) and the profit kept are
    unbounded over the programme. The share recycled is the per-gigawatt share, since the gigawatts cancel
    (dividing the two products as intervals would lose that and bound nothing).
    """
    per_gw, gigawatts = recycling_bounds(data_dir), bounded(GIGAWATTS_FIGURE, data_dir)
    total = {key: per_gw[key] / ONE_GIGAWATT * gigawatts
             for key in ("revenue", "cost_of_goods", "profit", "equity", "kept")}
    return {"gigawatts": gigawatts, "margin": per_gw["margin"], **total, "share": per_gw["share"]}


def triangle_checks(data_dir: Path = DATA) -> pd.DataFrame:
    """The consistency checks that bear on the triangle, from compute_ledger.evidence.checks (not recomputed here)."""
    ids = ["nvidia-half-gross-profit", "nvidia-equity-per-gw", "nvidia-openai-10gw", "oracle-contract",
           "xai-debt-majority"]
    return consistency_checks(data_dir).set_index("check_id").loc[ids]


# The status of a figure that is reported but read per gigawatt: the reading is the book's, not the source's.
READ_PER_GW = "reported; read per GW (book's inference)"


def recycling_table(data_dir: Path = DATA) -> pd.DataFrame:
    """Nvidia's recycling per gigawatt and for the programme, each cell in words from its bounded value
    ('unbounded' where a ceiling meets a floor), with each line's status and basis."""
    per_gw, programme = recycling_bounds(data_dir), programme_bounds(data_dir)
    gw = format_bounded(programme["gigawatts"])
    money = lambda q: format_bounded(q, digits=4)  # noqa: E731 - four digits keep 26.25 and 16.25 exact
    pct = lambda q: format_bounded(q, "percent")  # noqa: E731
    margin = figure_text(MARGIN_FIGURE, data_dir)
    scaled = f"programme: × {gw} ({GIGAWATTS_FIGURE})"
    rows = [
        ("Revenue flowing to Nvidia", money(per_gw["revenue"]), money(programme["revenue"]), READ_PER_GW,
         f"{REVENUE_FIGURE}: {figure_text(REVENUE_FIGURE, data_dir)} of the build cost; {scaled}"),
        ("Gross margin", margin, margin, "reported", f"{MARGIN_FIGURE}: {margin}, a ceiling"),
        ("Cost of goods", money(per_gw["cost_of_goods"]), money(programme["cost_of_goods"]), "derived",
         "revenue × (1 − margin)"),
        ("Gross profit", money(per_gw["profit"]), money(programme["profit"]), "derived",
         "revenue × margin: a ceiling, as the margin is; a ceiling × a floor of gigawatts bounds nothing"),
        ("Equity returned to OpenAI", money(per_gw["equity"]), money(programme["equity"]), READ_PER_GW,
         f"{EQUITY_FIGURE}: {figure_text(EQUITY_FIGURE, data_dir)}; {scaled}; the host's narration puts the programme's "
         f"equity at {figure_text(PROGRAMME_EQUITY_FIGURE, data_dir)} ({PROGRAMME_EQUITY_FIGURE})"),
        ("Share of gross profit recycled", pct(per_gw["share"]), pct(programme["share"]), "derived",
         "equity ÷ gross profit (the gigawatts cancel); the source says half"),
        ("Gross profit kept", money(per_gw["kept"]), money(programme["kept"]), "derived",
         "gross profit − equity; unbounded over the programme, as the gross profit is"),
    ]
    return pd.DataFrame(rows, columns=["Line", "Per gigawatt", f"Programme ({gw})", "Status", "Basis"])


WATERFALL_STEPS = ("Revenue", "Cost of goods", "Gross profit", "Equity returned", "Gross profit kept")


def waterfall(recycling: Recycling, bounds: dict[str, Bounded], scope: str = "Per gigawatt") -> pd.DataFrame:
    """The steps from revenue to gross profit kept, as bars from `start` to `end` (US$).

    The bars are drawn at one point, `recycling` (for the sources' figures, the margin's ceiling); each label is
    the bounded value in words ('at most US$26.25B'), so no label claims more than the sources allow.
    """
    r = recycling
    steps = [
        ("Revenue", "Revenue or subtotal", 0.0, r.revenue, r.revenue, "revenue"),
        ("Cost of goods", "Deduction", r.revenue, r.gross_profit, -r.cost_of_goods, "cost_of_goods"),
        ("Gross profit", "Revenue or subtotal", 0.0, r.gross_profit, r.gross_profit, "profit"),
        ("Equity returned", "Deduction", r.gross_profit, r.kept, -r.equity, "equity"),
        ("Gross profit kept", "Kept", 0.0, r.kept, r.kept, "kept"),
    ]
    frame = pd.DataFrame([s[:5] for s in steps], columns=["step", "kind", "start", "end", "amount"])
    frame["label"] = [format_bounded(bounds[s[5]], digits=4) for s in steps]
    frame.insert(0, "scope", scope)
    return frame


def waterfall_frame(data_dir: Path = DATA) -> pd.DataFrame:
    """The per-gigawatt waterfall: bars at the margin's ceiling, labels from `recycling_bounds`. The programme has
    none: its gross profit and profit kept are unbounded (see `programme_bounds`), so there is nothing to draw."""
    return waterfall(stated_recycling(data_dir), recycling_bounds(data_dir))


# ---------------------------------------------------------------- sensitivity

@dataclass(frozen=True)
class SliderRange:
    """One slider: where it starts (the source's value), how far it goes (an assumption's range)."""

    name: str
    label: str
    value: float
    low: float
    high: float
    step: float
    basis: str


def build_cost(data_dir: Path = DATA) -> pd.Series:
    """The all-in build cost per gigawatt: an assumption, as no seed states it."""
    return assumption("build_cost_per_gw", data_dir)


def slider_ranges(data_dir: Path = DATA) -> dict[str, SliderRange]:
    """The three sensitivity inputs, each centred on the source's figure.

    Nvidia's share of the build cost has no figure of its own: it is the US$35B that flows to Nvidia over
    the assumed build cost, so its range is what the build-cost assumption's range implies.
    """
    stated = stated_recycling(data_dir)
    cost, margin, equity = build_cost(data_dir), assumption("nvidia_gross_margin", data_dir), \
        assumption("nvidia_equity_per_gw", data_dir)
    share = share_of_build_cost(stated.revenue, cost.value) * 100
    share_low = share_of_build_cost(stated.revenue, cost.high) * 100
    share_high = share_of_build_cost(stated.revenue, cost.low) * 100
    return {
        "margin": SliderRange("triangle_margin", "Gross margin (%) ", stated.margin_percent, float(margin.low),
                              float(margin.high), 1,
                              "assumption nvidia_gross_margin; starts at F003-07"),
        "share": SliderRange("triangle_share", "Share of build cost (%) ", float(share), float(share_low),
                             float(share_high), 1,
                             "F003-06 ÷ assumption build_cost_per_gw, over that assumption's range"),
        "equity": SliderRange("triangle_equity", "Equity per GW (US$B) ", stated.equity / 1e9, float(equity.low) / 1e9,
                              float(equity.high) / 1e9, 0.5, "assumption nvidia_equity_per_gw; starts at F003-05"),
    }


def source_bounds(data_dir: Path = DATA) -> dict[str, tuple[float, float]]:
    """What the sources allow each slider, in the slider's units, from the figures' bounds.

    Margin: 'as high as 75%' (F003-07) is [0, 75]. Equity per GW: up to US$100B over at least 10 GW
    (F003-03 ÷ F003-04) is at most US$10B. Share of build cost: the US$35B is part of the total
    (總成本的 350 億美元), so the share stays below 100%.
    """
    margin = bounded(MARGIN_FIGURE, data_dir)
    per_gw = bounded(PROGRAMME_EQUITY_FIGURE, data_dir) / bounded(GIGAWATTS_FIGURE, data_dir)
    return {"margin": (margin.low * 100, margin.high * 100), "equity": (per_gw.low / 1e9, per_gw.high / 1e9),
            "share": (0.0, 100.0)}


def grid_values(low: float, high: float, steps: int) -> list[float]:
    """`steps` + 1 evenly spaced values from low to high, both ends included."""
    return [float(v) for v in np.linspace(low, high, steps + 1)]


def recycling_grid(revenue: float, margins: list[float], equities: list[float]) -> pd.DataFrame:
    """Share of gross profit recycled for every margin × equity pair, at a fixed revenue per gigawatt."""
    rows = [{"margin": m, "equity": e, "gross_profit": gross_profit(revenue, m),
             "share": recycled_share(e, gross_profit(revenue, m))} for m in margins for e in equities]
    frame = pd.DataFrame(rows)
    frame["label"] = [format_value(s * 100, "percent", 2) for s in frame["share"]]
    frame["equity_label"] = [format_value(e, "USD") for e in frame["equity"]]
    return frame


def sensitivity_grid(data_dir: Path = DATA) -> pd.DataFrame:
    """The heatmap's grid: margin in 5-point steps and equity in US$1B steps over the assumption ranges."""
    ranges = slider_ranges(data_dir)
    margin, equity = ranges["margin"], ranges["equity"]
    margins = grid_values(margin.low, margin.high, int(round((margin.high - margin.low) / 5)))
    equities = [v * 1e9 for v in grid_values(equity.low, equity.high, int(round(equity.high - equity.low)))]
    return recycling_grid(stated_recycling(data_dir).revenue, margins, equities)


def break_even_equity(revenue: float, margin_percent: float, share: float) -> float:
    """The equity that would recycle exactly `share` of gross profit (share = 0.5 for 'half')."""
    return gross_profit(revenue, margin_percent) * share


def margin_for_share(revenue: float, equity: float, share: float) -> float:
    """The gross margin (percent) at which `equity` would be exactly `share` of gross profit."""
    return equity / share / revenue * 100


# ---------------------------------------------------------------- deals

def _claim_sources(data_dir: Path) -> pd.Series:
    return load("claims", data_dir).set_index("claim_id")["source_id"]


def deal_flows(data_dir: Path = DATA, entities: tuple[str, ...] = TRIANGLE_ENTITIES) -> pd.DataFrame:
    """The deals among `entities`, with every stated figure formatted, its sources, and whether any is stated."""
    table = deals(data_dir)
    table = table[table["from_entity"].isin(entities) & table["to_entity"].isin(entities)].reset_index(drop=True)
    figs = _figures(data_dir)
    claim_source = _claim_sources(data_dir)
    short = load("sources", data_dir).set_index("source_id")["short_name"]

    def text(figure_id: str) -> str:
        return figure_text(figure_id, data_dir) if figure_id else NOT_STATED

    rows = []
    for deal in table.itertuples():
        ids = [i for i in (deal.amount_figure, deal.capacity_figure, deal.term_figure) if i]
        claims = [figs.loc[i, "claim_id"] for i in ids] or [DEAL_CLAIMS[deal.deal_id]]
        source_ids = list(dict.fromkeys(claim_source[c] for c in claims))
        rows.append({
            "deal_id": deal.deal_id, "from_entity": deal.from_entity, "to_entity": deal.to_entity,
            "from_name": deal.from_name, "to_name": deal.to_name, "instrument": INSTRUMENT_LABELS[deal.instrument],
            "description": deal.description, "amount": text(deal.amount_figure), "capacity": text(deal.capacity_figure),
            "term": text(deal.term_figure), "figures": ", ".join(ids) or "none",
            **{f"{role}_source": short[claim_source[figs.loc[i, "claim_id"]]].split(" (")[0] if i else ""
               for role, i in (("amount", deal.amount_figure), ("capacity", deal.capacity_figure),
                               ("term", deal.term_figure))},
            "direction": DIRECTION_READ.get(deal.deal_id, "stated"),
            "claims": ", ".join(dict.fromkeys(claims)), "source_ids": ";".join(source_ids),
            "sources": "; ".join(short[s] for s in source_ids), "stated": bool(deal.amount_figure or deal.capacity_figure),
        })
    return pd.DataFrame(rows)


def flow_label(flow: pd.Series) -> str:
    """Lines for a diagram edge: what the deal is, then its amount, capacity and term (or that none is stated); a
    deal whose direction no source states says that the arrow is the book's reading."""
    parts = [v for v in (flow["amount"], flow["capacity"]) if v != NOT_STATED]
    if parts and flow["term"] != NOT_STATED:
        parts.append(flow["term"])
    read = [f"({DIRECTION_READ_SHORT})"] if flow.get("direction", "stated") != "stated" else []
    return "\n".join([flow["instrument"], *read, *(parts or ["no amount stated"])])


def deals_table(data_dir: Path = DATA) -> pd.DataFrame:
    """The deals for display: who pays or grants whom, for what, how much, and where it is stated."""
    flows = deal_flows(data_dir).replace({NOT_STATED: "—"})
    # a deal pieced together from two texts names the text of each figure, so no cell reads as one source's words
    mixed = flows["source_ids"].str.contains(";")
    for role in ("amount", "capacity", "term"):
        named = mixed & (flows[f"{role}_source"] != "")
        flows.loc[named, role] = flows.loc[named, role] + " (" + flows.loc[named, f"{role}_source"] + ")"
    read = flows["direction"] != "stated"
    flows.loc[read, "instrument"] = flows.loc[read, "instrument"] + " (" + flows.loc[read, "direction"] + ")"
    return flows.rename(columns={"from_name": "From", "to_name": "To", "instrument": "Instrument", "amount": "Amount",
                                 "capacity": "Capacity", "term": "Term", "figures": "Figures",
                                 "sources": "Source"})[
        ["From", "To", "Instrument", "Amount", "Capacity", "Term", "Figures", "Source"]]


# ---------------------------------------------------------------- the Oracle contract, AMD, xAI, Stargate

def oracle_contract(data_dir: Path = DATA) -> pd.DataFrame:
    """The OpenAI–Oracle contract as each source states it, and the yearly average where a term is given."""
    table = _figures(data_dir)
    yearly = oracle_yearly_average(data_dir)
    rows = [
        {"Source": table.loc["F002-10", "short_name"], "Total": figure_text("F002-10", data_dir),
         "Term": "multi-year (為期多年)", "Average per year": "cannot be computed: no term in years",
         "Figures": "F002-10"},
        {"Source": table.loc["F003-02", "short_name"], "Total": figure_text("F003-02", data_dir),
         "Term": f"{figure_text('F003-01', data_dir)} (五年內)",
         "Average per year": f"{format_bounded(yearly)} (derived: total ÷ years; a shorter term means more)",
         "Figures": "F003-02, F003-01"},
    ]
    return pd.DataFrame(rows)


def amd_revenue_per_gw(data_dir: Path = DATA) -> Bounded:
    """AMD's US$100B 'potential revenue' over the up-to-6-GW deployment: at least US$16.7B per GW, a rough reading."""
    return bounded("F002-27", data_dir) / bounded("F002-12", data_dir)


def stated_cloud_contracts(data_dir: Path = DATA) -> dict[str, Bounded]:
    """OpenAI's cloud contracts that carry a stated value (Oracle, CoreWeave), summed, on each text's Oracle figure.

    'bloomberg' (the chapter's convention, as in the deals table and the neoclouds chapter): up to US$300B (F002-10)
    + US$22.4B (F002-19) = [22.4, 322.4] US$B; 'host': the Best Partners host's unqualified US$300B (F003-02) +
    US$22.4B = US$322.4B.
    """
    coreweave = bounded("F002-19", data_dir)
    return {"bloomberg": bounded("F002-10", data_dir) + coreweave, "host": bounded("F003-02", data_dir) + coreweave}


def cloud_share_of_stargate(data_dir: Path = DATA) -> dict[str, Bounded]:
    """The summed cloud contracts as a share of the Stargate plan in Baker's digest (F000-36, US$1.4T), on each basis:
    [22.4, 322.4] / 1,400 = between 1.6% and 23.03% (Bloomberg-based); 322.4 / 1,400 = 23.03% (host)."""
    plan = bounded("F000-36", data_dir)
    return {basis: total / plan for basis, total in stated_cloud_contracts(data_dir).items()}
