"""The build-out: power, racks and energy — what it takes physically to run the compute the labs buy.

Baker gives the rack before and after Blackwell (weight and power) and the size of the data centers
being built; Patel gives the energy constraint in the United States; the Bloomberg-based digest and
Patel give the programmes sized in gigawatts. This module keeps each figure with its qualifier and
derives only what exact figures allow: the rack's step-ups, and the uptime ratio in Baker's example.
A capacity's bound is stated in words from its qualifier ('up to' is a ceiling, 'at least' a floor).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_value
from ..evidence.tables import claim_attribution, figure, figure_text, load
from ..paths import DATA

RACK = (("weight", "F004-27", "F004-28"), ("power", "F004-29", "F004-30"))
# Programmes the sources size in gigawatts, each with the party that builds or supplies it.
CAPACITY = (("F002-05", "Nvidia systems for OpenAI (Stargate)"), ("F003-04", "Nvidia–OpenAI data centers"),
            ("F002-12", "AMD GPUs for OpenAI"), ("F002-11", "Oracle's planned Stargate build"))
CLUSTERS = (("F000-12", "Cluster size in Baker's example"), ("F000-13", "Cluster size in Baker's example"),
            ("F000-14", "Cluster size in Baker's example"))
COHERENT_LIMIT = "F000-15"
UPTIME = ("F000-16", "F000-17")
BOUND_WORDS = {"up_to": "a ceiling", "at_least": "a floor", "over": "a floor", "exact": "a stated amount",
               "about": "an approximate amount", "range": "a range", "about_range": "an approximate range"}
# The constraints on the build-out, each with the claims that state it, in the order the chapter takes them.
CONSTRAINTS = (
    ("Racks", "Blackwell moves racks from air to liquid cooling and triples their weight", ("C004-20",)),
    ("Floors", "Many existing data-center floors cannot carry the new racks", ("C004-47",)),
    ("Scale of a site", "Data centers of US$50B–100B are being built", ("C004-19",)),
    ("Energy", "Energy is the United States' biggest weakness in AI", ("C003-23", "C003-34")),
    ("Energy", "Restarting generation meets regulation, labour shortages and tight supply chains", ("C003-32",)),
    ("Energy", "Gas and combined-cycle plants are being built again", ("C003-33",)),
    ("Grid", "Large users must cut half their load when power is tight", ("C003-24",)),
    ("Power conversion", "Solid-state transformers step high-voltage AC down to chip-level DC more efficiently", ("C003-19",)),
    ("Interconnect", "Longer contexts drive memory demand: memory sharing, optics, reliability at the limit", ("C003-49",)),
    ("Coherence", "Keeping 100,000-GPU clusters coherent is top-tier systems engineering", ("C000-44", "C000-11", "C000-12")),
    ("Uptime", "In Baker's hypothetical, operators differ threefold in uptime; many ran for cost, not performance",
     ("C000-13", "C000-45")),
    ("Who can build", "Only giants such as TSMC, Nvidia and Amphenol can carry the frontier's supply chain", ("C003-20", "C003-50")),
    ("Unit of output", "The AI factory's product is intelligence, counted in tokens per unit of power", ("C003-51", "C003-21")),
    ("Where next", "Edge devices could leave US$50B data centers with spare capacity; space data centers may change the economics",
     ("C004-57", "C004-30", "C000-75")),
)


def rack_step(data_dir: Path = DATA) -> pd.DataFrame:
    """The rack before and after Blackwell, per measure, with the multiple (after ÷ before; both exact)."""
    rows = []
    for measure, before_id, after_id in RACK:
        before, after = figure(before_id, data_dir), figure(after_id, data_dir)
        rows.append({"measure": measure, "unit": before.unit, "before": float(before.value_low),
                     "after": float(after.value_low), "before_text": figure_text(before_id, data_dir),
                     "after_text": figure_text(after_id, data_dir), "multiple": after.value_low / before.value_low,
                     "figure_ids": f"{before_id}, {after_id}", "claim_id": before.claim_id})
    return pd.DataFrame(rows)


def stated_by(claim_id: str, data_dir: Path = DATA) -> str:
    """Who states a figure, for a chart row: the source's short name, unless the line is the writer's own
    narration in a text named for a speaker ('Patel, Best Partners'), where it is the writer's: 'Best Partners
    host (narration)'. C003-03, the Nvidia–OpenAI at least 10 GW, is the host's narration, not Patel's."""
    claims = load("claims", data_dir).set_index("claim_id")
    sources = load("sources", data_dir).set_index("source_id")
    claim = claims.loc[claim_id]
    source = sources.loc[claim.source_id]
    if claim.voice == "narration" and claim.speaker == source.writer:
        if source.writer == "digest writer":   # several texts share the word; name the text
            return f"{source.short_name} (digest writer's narration)"
        return f"{source.writer} (narration)"
    return str(source.short_name)


def capacity(data_dir: Path = DATA) -> pd.DataFrame:
    """Gigawatt programmes with their bound in words; the same Nvidia programme appears once per source."""
    rows = []
    for figure_id, label in CAPACITY:
        row = figure(figure_id, data_dir)
        rows.append({"figure_id": figure_id, "programme": label, "gw": float(row.value_low),
                     "qualifier": row.qualifier, "bound": BOUND_WORDS[row.qualifier], "text": figure_text(figure_id, data_dir),
                     "source_id": row.source_id, "source": stated_by(row.claim_id, data_dir), "speaker": row.speaker,
                     "claim_id": row.claim_id})
    return pd.DataFrame(rows)


def nvidia_ten_gigawatts(data_dir: Path = DATA) -> dict[str, object]:
    """The two statements of Nvidia's 10 GW: a ceiling in one source and a floor in the other.

    Both hold at once only if the programme is exactly the shared number; that is the one value
    on which the sources agree.
    """
    ceiling, floor = figure("F002-05", data_dir), figure("F003-04", data_dir)
    agree = ceiling.qualifier == "up_to" and floor.qualifier == "at_least" and ceiling.value_low == floor.value_low
    return {"ceiling": figure_text("F002-05", data_dir), "floor": figure_text("F003-04", data_dir),
            "only_common_value": format_value(ceiling.value_low, "GW") if agree else None}


def clusters(data_dir: Path = DATA) -> pd.DataFrame:
    """Baker's cluster sizes against the coherent-cluster limit he gives (a range)."""
    limit = figure(COHERENT_LIMIT, data_dir)
    rows = [{"figure_id": f, "label": figure_text(f, data_dir), "gpus": float(figure(f, data_dir).value_low),
             "kind": "example", "claim_id": figure(f, data_dir).claim_id} for f, _ in CLUSTERS]
    rows += [{"figure_id": COHERENT_LIMIT, "label": figure_text(COHERENT_LIMIT, data_dir), "gpus": float(limit.value_low),
              "kind": "limit (low end)", "claim_id": limit.claim_id},
             {"figure_id": COHERENT_LIMIT, "label": figure_text(COHERENT_LIMIT, data_dir), "gpus": float(limit.value_high),
              "kind": "limit (high end)", "claim_id": limit.claim_id}]
    return pd.DataFrame(rows)


def uptime(data_dir: Path = DATA) -> pd.DataFrame:
    """Baker's two operators' uptime and the work each does relative to the weaker (uptime ratio)."""
    weak, strong = (figure(f, data_dir) for f in UPTIME)
    return pd.DataFrame([{"operator": "Weaker operator", "uptime": float(weak.value_low), "figure_id": UPTIME[0]},
                         {"operator": "Stronger competitor", "uptime": float(strong.value_low), "figure_id": UPTIME[1]}]
                        ).assign(relative=lambda t: t["uptime"] / t["uptime"].iloc[0])


def constraints(data_dir: Path = DATA) -> pd.DataFrame:
    """Each constraint with whose words it is: 'Dylan Patel, as summarised by the Best Partners host', not
    'Dylan Patel', for a line that reaches us only through the host's summary."""
    claims = load("claims", data_dir).set_index("claim_id")
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    rows = []
    for area, statement, ids in CONSTRAINTS:
        cited = claims.loc[list(ids)]
        rows.append({"Area": area, "What the sources say": statement,
                     "Speakers": "; ".join(dict.fromkeys(claim_attribution(c, data_dir) for c in ids)),
                     "Sources": "; ".join(dict.fromkeys(cited["source_id"].map(names))), "Claims": ", ".join(ids)})
    return pd.DataFrame(rows)


def niche_revenue(data_dir: Path = DATA) -> float:
    """Baker's niche: his share of his accelerator market (both stated exactly), in US$."""
    return figure("F004-16", data_dir).value_low * figure("F004-17", data_dir).value_low / 100


def claim_ids() -> list[str]:
    used = [c for _, _, ids in CONSTRAINTS for c in ids]
    used += [figure(f).claim_id for _, f, _ in RACK] + [figure(f).claim_id for f, _ in CAPACITY]
    used += [figure(COHERENT_LIMIT).claim_id, figure(UPTIME[0]).claim_id]
    return list(dict.fromkeys(used))


def prose_numbers(data_dir: Path = DATA) -> dict[str, str]:
    rack = rack_step(data_dir).set_index("measure")
    ten = nvidia_ten_gigawatts(data_dir)
    ratio = uptime(data_dir)["relative"].iloc[1]
    return {
        "buildout_weight_before": rack.loc["weight", "before_text"], "buildout_weight_after": rack.loc["weight", "after_text"],
        "buildout_weight_multiple": format_value(rack.loc["weight", "multiple"], "times"),
        "buildout_power_before": rack.loc["power", "before_text"], "buildout_power_after": rack.loc["power", "after_text"],
        "buildout_power_multiple": format_value(rack.loc["power", "multiple"], "times", 2),
        "buildout_site_cost": figure_text("F004-26", data_dir), "buildout_edge_site": figure_text("F004-47", data_dir),
        "buildout_curtail": figure_text("F003-15", data_dir),
        "buildout_nvidia_ceiling": ten["ceiling"], "buildout_nvidia_floor": ten["floor"],
        "buildout_nvidia_common": ten["only_common_value"] or "no common value",
        "buildout_amd_gw": figure_text("F002-12", data_dir), "buildout_oracle_gw": figure_text("F002-11", data_dir),
        "buildout_coherent_limit": figure_text(COHERENT_LIMIT, data_dir),
        "buildout_uptime_low": figure_text(UPTIME[0], data_dir), "buildout_uptime_high": figure_text(UPTIME[1], data_dir),
        "buildout_uptime_ratio": format_value(ratio, "times"),
        "buildout_stargate": figure_text("F000-36", data_dir),
        "buildout_accelerator_market": figure_text("F004-16", data_dir),
        "buildout_nvidia_years": figure_text("F004-06", data_dir),
        "buildout_niche_share": figure_text("F004-17", data_dir),
        "buildout_niche_revenue": format_value(niche_revenue(data_dir), "USD"),
    }
