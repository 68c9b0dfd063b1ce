"""The four labs: the calculations and evidence tables behind the chapter "The four labs".

Gavin Baker (AINEXT digest, seed 000) argues that only OpenAI, Google, Anthropic and xAI matter and
profiles each lab; Dylan Patel (36Kr digest, seed 001; Best Partners transcript, seed 003) ranks them
differently. Everything here is computed from figures in data/figures.csv or coded from claims in
data/claims.csv (each coded cell names its claim ids, and the tests check that the claims exist and
concern the lab). Nothing here adds a fact that the seeds do not state.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_bounded, format_figure, join_names
from ..paths import DATA
from ..evidence.quantity import Bounded, shares
from ..evidence.tables import bounded, entity_names, figure_text, figures, load

# The figures this chapter reads (ids in data/figures.csv).
UPTIME_WEAK = "F000-16"          # 30% uptime, the weaker operator (hypothetical)
UPTIME_STRONG = "F000-17"        # 90% uptime, the stronger competitor (hypothetical)
COHERENT_CLUSTER = "F000-15"     # 200,000-300,000 GPUs, physical cap on a coherent cluster
OPENROUTER = {"xai": "F000-33", "google": "F000-34", "anthropic": "F000-35"}
ANTHROPIC_REVENUE_BEFORE = "F004-21"
ANTHROPIC_REVENUE_AFTER = "F004-22"
OPENAI_REVENUE = "F004-23"
CAMP_COUNTS = {"before": "F000-40", "after": "F000-41", "meta": "F000-42"}

LAB_IDS = ("openai", "google", "anthropic", "xai")

_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten"}
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}


# ---------------------------------------------------------------------------------------------
# Pure calculations (unit-tested by hand in tests/test_labs.py)
# ---------------------------------------------------------------------------------------------
def effective_compute_ratio(strong_uptime: float, weak_uptime: float) -> float:
    """How many times more useful compute the better-run cluster delivers from the same GPUs.

    Baker's point is that uptime multiplies everything else: two clusters of equal size at 90% and
    30% uptime are 'not in the same league', because one does three times the work of the other.
    """
    if weak_uptime <= 0:
        raise ValueError("uptime must be positive")
    return strong_uptime / weak_uptime


def effective_gpus(cluster_gpus: float, uptime_percent: float) -> float:
    """GPUs' worth of work a cluster delivers on average: size times the share of time it is up."""
    if not 0 <= uptime_percent <= 100:
        raise ValueError("uptime is a percentage between 0 and 100")
    return cluster_gpus * uptime_percent / 100


def revenue_multiple(before: float, after: float) -> float:
    """Growth multiple between two revenue levels (Anthropic's US$1B -> US$6B is 6x)."""
    if before <= 0:
        raise ValueError("the starting revenue must be positive")
    return after / before


def count_word(number: float) -> str:
    """A count as prose writes it: a word up to ten ('four labs'), digits above ('11 risks')."""
    if number != int(number) or number < 1:
        raise ValueError(f"no word for {number}")
    return _COUNT_WORDS.get(int(number), f"{int(number):,}")


def ordinal_word(number: float) -> str:
    """A small rank as an ordinal word ('third tier')."""
    if number != int(number) or int(number) not in _ORDINAL_WORDS:
        raise ValueError(f"no ordinal word for {number}")
    return _ORDINAL_WORDS[int(number)]


# ---------------------------------------------------------------------------------------------
# Reading the figures
# ---------------------------------------------------------------------------------------------
def _figure_table(data_dir: Path) -> pd.DataFrame:
    return figures(data_dir).set_index("figure_id")


def low_high(figure_id: str, data_dir: Path = DATA) -> tuple[float, float]:
    """A figure's low and high ends; a point value has high == low."""
    row = _figure_table(data_dir).loc[figure_id]
    high = row.value_low if math.isnan(row.value_high) else row.value_high
    return float(row.value_low), float(high)


def uptime_table(data_dir: Path = DATA) -> pd.DataFrame:
    """Effective GPUs of a coherent cluster (200k-300k GPUs) run at Baker's 30% and 90% uptime."""
    cluster_low, cluster_high = low_high(COHERENT_CLUSTER, data_dir)
    rows = []
    for operator, figure_id in (("Weaker operator", UPTIME_WEAK), ("Stronger competitor", UPTIME_STRONG)):
        uptime = low_high(figure_id, data_dir)[0]
        low, high = effective_gpus(cluster_low, uptime), effective_gpus(cluster_high, uptime)
        effective = bounded(COHERENT_CLUSTER, data_dir) * bounded(figure_id, data_dir)  # the cap's 大約 carries over
        rows.append({"operator": operator, "uptime": uptime, "cluster_low": cluster_low, "cluster_high": cluster_high,
                     "effective_low": low, "effective_high": high, "figure_id": figure_id,
                     "effective_text": format_figure(low, high, "GPUs", "about_range" if effective.approximate else "range")})
    return pd.DataFrame(rows)


def uptime_ratio(data_dir: Path = DATA) -> float:
    """90% / 30% = 3: the stronger competitor's compute per GPU as a multiple of the weaker one's."""
    return effective_compute_ratio(low_high(UPTIME_STRONG, data_dir)[0], low_high(UPTIME_WEAK, data_dir)[0])


def openrouter_table(data_dir: Path = DATA) -> pd.DataFrame:
    """Baker's OpenRouter token counts by lab, with each lab's share of the three labs' total."""
    names = entity_names(data_dir)
    table = _figure_table(data_dir)
    volumes = {lab: low_high(fid, data_dir) for lab, fid in OPENROUTER.items()}
    split = shares({lab: bounded(fid, data_dir) for lab, fid in OPENROUTER.items()})
    rows = []
    for lab, figure_id in OPENROUTER.items():
        low, high = volumes[lab]
        rows.append({"entity": lab, "lab": names[lab], "tokens_low": low, "tokens_high": high,
                     "qualifier": table.loc[figure_id, "qualifier"], "tokens_text": figure_text(figure_id, data_dir),
                     "share_low": 100 * split[lab].low, "share_high": 100 * split[lab].high,
                     "share_text": format_bounded(split[lab], "percent"),
                     "figure_id": figure_id, "claim_id": table.loc[figure_id, "claim_id"]})
    return pd.DataFrame(rows)


def xai_over_google(data_dir: Path = DATA) -> Bounded:
    """xAI's tokens over Google's as a bounded ratio: about 1.35T over about 800-900B is between about 1.5× and 1.69×."""
    return bounded(OPENROUTER["xai"], data_dir) / bounded(OPENROUTER["google"], data_dir)


def revenue_table(data_dir: Path = DATA) -> pd.DataFrame:
    """Revenues as Baker states them: Anthropic before and after, OpenAI 'over' a level."""
    table = _figure_table(data_dir)
    rows = []
    for entity, stage, figure_id in (("anthropic", "Before", ANTHROPIC_REVENUE_BEFORE),
                                     ("anthropic", "After", ANTHROPIC_REVENUE_AFTER),
                                     ("openai", "As of the interview", OPENAI_REVENUE)):
        row = table.loc[figure_id]
        rows.append({"entity": entity, "lab": entity_names(data_dir)[entity], "stage": stage,
                     "revenue": float(row.value_low), "qualifier": row.qualifier,
                     "revenue_text": figure_text(figure_id, data_dir), "figure_id": figure_id, "claim_id": row.claim_id})
    return pd.DataFrame(rows)


def anthropic_multiple(data_dir: Path = DATA) -> float:
    """US$6B / US$1B = 6: Anthropic's revenue multiple as Baker states it (dates and basis not given)."""
    return revenue_multiple(low_high(ANTHROPIC_REVENUE_BEFORE, data_dir)[0], low_high(ANTHROPIC_REVENUE_AFTER, data_dir)[0])


# ---------------------------------------------------------------------------------------------
# Nvidia's camp against Google's TPUs: who joins when (Baker, seed 000)
# ---------------------------------------------------------------------------------------------
CAMP_STAGES = (
    # stage key, label, members added at this stage, claim ids that name them
    ("before", "Before Anthropic's deal", ("xai", "openai"), ("C000-28", "C000-29")),
    ("after", "After Anthropic's deal", ("anthropic",), ("C000-27", "C000-29")),
    ("meta", "If Meta catches up (forecast)", ("meta",), ("C000-30",)),
)


def nvidia_camp(data_dir: Path = DATA) -> pd.DataFrame:
    """Members of Nvidia's camp at each stage, checked against the counts Baker states (2 -> 3 -> 4).

    The members are coded from the claims; the stated counts come from figures. If the two ever
    disagree the function raises, so the chart cannot show a camp the text does not describe.
    """
    names = entity_names(data_dir)
    rows, members = [], []
    for order, (stage, label, added, claims) in enumerate(CAMP_STAGES):
        members = members + list(added)
        stated = low_high(CAMP_COUNTS[stage], data_dir)[0]
        if len(members) != stated:
            raise ValueError(f"stage {stage!r}: {len(members)} members coded but the text states {stated:g}")
        for slot, entity in enumerate(members):
            rows.append({"order": order, "stage": stage, "stage_label": label, "entity": entity, "lab": names[entity],
                         "slot": slot, "new": entity in added, "stated_count": stated,
                         "count_figure": CAMP_COUNTS[stage], "claims": "; ".join(claims)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# Lab profiles (Baker, with Patel's notes), each cell with the claims that support it
# ---------------------------------------------------------------------------------------------
# Templates: {F000-38} is replaced by the book's printing of that figure, so no number is typed here.
LAB_PROFILES = {
    "openai": {
        "Compute source": ("Rents from outside partners, mainly Microsoft Azure, and pays them a margin; answers "
                           "with the {F000-36} Stargate plan to build its own", ("C000-61", "C000-25")),
        "Cost position": ("High-cost token producer, a structural disadvantage; must reach cost parity before "
                          "the money runs out", ("C000-60", "C000-43")),
        "Data & distribution": ("Brand and user base: ChatGPT has {F000-37}, the fuel of the reasoning flywheel",
                                ("C000-63", "C000-26")),
        "Strategy": ("Raise capital and build its own data centers; went into 'Code Red' to adjust urgently",
                     ("C000-25", "C000-62")),
    },
    "google": {
        "Compute source": ("Its own TPUs, an in-house accelerator; Patel adds vertically integrated infrastructure",
                           ("C000-53", "C000-69", "C003-38")),
        "Cost position": ("Low-cost token producer, until Nvidia's Blackwell and Rubin are deployed at scale",
                          ("C000-50", "C000-42")),
        "Data & distribution": ("Vast user data and internet distribution; search and cloud as cash cows; "
                                "Android, YouTube and Search per Patel", ("C000-68", "C004-42", "C000-52", "C003-38")),
        "Strategy": ("Price below cost (negative gross margin) to 'suck the economic oxygen' out of rivals",
                     ("C000-41", "C000-52")),
    },
    "anthropic": {
        "Compute source": ("Google TPUs and Amazon Trainium, no single supplier; a {F000-38} agreement with Nvidia",
                           ("C000-65", "C000-27")),
        "Cost position": ("Burns far less than OpenAI and grows faster; benefits from Google's low-cost tokens",
                          ("C000-64", "C000-65")),
        "Data & distribution": ("Patel: aims at the {F003-16} software market; customers such as Cursor hold the "
                                "user data and can switch models", ("C003-26", "C003-07")),
        "Strategy": ("Multi-chip flexibility; locks in Nvidia supply ahead of Blackwell and Rubin",
                     ("C000-65", "C000-66", "C000-27")),
    },
    "xai": {
        "Compute source": ("Fast self-built data centers; Nvidia's 'pioneer tester' for new hardware",
                           ("C000-69", "C000-55", "C000-56")),
        "Cost position": ("Not stated by either analyst", ()),
        "Data & distribution": ("Unique data from X (Twitter); leads OpenRouter's token count although founded "
                                "far later than the others", ("C004-42", "C000-24", "C000-59")),
        "Strategy": ("Speed: first to deploy new Nvidia hardware, likely first Blackwell model; Patel sees a "
                     "funding risk and no commercial direction", ("C000-54", "C000-57", "C003-27")),
    },
}
PROFILE_COLUMNS = ("Compute source", "Cost position", "Data & distribution", "Strategy")
_TEMPLATE = re.compile(r"\{(F\d{3}-\d{2})\}")


def fill(template: str, data_dir: Path = DATA) -> str:
    """Replace each {figure id} in a template with the figure as the book prints it."""
    return _TEMPLATE.sub(lambda m: figure_text(m.group(1), data_dir), template)


def _cell(text: str, claims: tuple[str, ...], data_dir: Path) -> str:
    filled = fill(text, data_dir)
    return f"{filled} ({', '.join(claims)})" if claims else filled


def lab_profile_table(data_dir: Path = DATA) -> pd.DataFrame:
    """One row per lab, one column per dimension, each cell citing its claims."""
    names = entity_names(data_dir)
    rows = []
    for lab in LAB_IDS:
        row = {"Lab": names[lab]}
        for column in PROFILE_COLUMNS:
            text, claims = LAB_PROFILES[lab][column]
            row[column] = _cell(text, claims, data_dir)
        rows.append(row)
    return pd.DataFrame(rows)


# ---------------------------------------------------------------------------------------------
# The two analysts' stated positions
# ---------------------------------------------------------------------------------------------
LEVELS = {1: "First / first tier", 2: "Second", 3: "Third tier", 4: "Behind the leaders", 5: "Not stated"}
ANALYSTS = {"Baker": "baker-four-labs", "Patel": "patel-silicon-valley"}
POSITION_LABS = ("openai", "anthropic", "google", "xai", "meta", "microsoft", "amazon", "apple")

# (lab, analyst) -> (level, wording, claim ids). Level 5 means the text states no position.
STATED_POSITIONS = {
    ("openai", "Baker"): (1, "First tier: one of the four labs that matter, not ranked within them",
                          ("C000-04", "C004-43")),
    ("google", "Baker"): (1, "First tier: one of the four labs that matter, not ranked within them",
                          ("C000-04", "C004-43")),
    ("anthropic", "Baker"): (1, "First tier: one of the four labs that matter, not ranked within them",
                             ("C000-04", "C004-43")),
    ("xai", "Baker"): (1, "First tier: one of the four; leads the OpenRouter token count", ("C000-04", "C000-59")),
    ("meta", "Baker"): (4, "Behind: outside the first tier; its model may not make the top {F000-08}",
                        ("C000-05", "C000-08", "C000-67")),
    ("microsoft", "Baker"): (4, "Behind: outside the first tier, one of the failed attempts", ("C000-05", "C000-10")),
    ("amazon", "Baker"): (4, "Behind: outside the first tier; Nova models not in the top {F000-09}",
                          ("C000-05", "C000-09")),
    ("apple", "Baker"): (5, "Not stated: not discussed as a lab, cited only as a phone maker", ("C000-21",)),
    ("openai", "Patel"): (1, "First: his pick to reach ASI first; first mover on every breakthrough",
                          ("C001-17", "C001-24")),
    ("anthropic", "Patel"): (2, "Second: close behind OpenAI, but too conservative", ("C001-25",)),
    ("google", "Patel"): (3, "Third tier: deep technical foundations", ("C001-19", "C001-26")),
    ("xai", "Patel"): (3, "Third tier: backed by Musk's resources", ("C001-19", "C001-26")),
    ("meta", "Patel"): (3, "Third tier: spending heavily to poach talent", ("C001-19", "C001-26")),
    ("microsoft", "Patel"): (5, "Not stated: has not yet built core models of its own", ("C001-28",)),
    ("amazon", "Patel"): (5, "Not stated: not mentioned", ()),
    ("apple", "Patel"): (4, "Behind: the obvious 'loser' (the digest's word), structurally behind",
                         ("C001-27", "C001-13")),
}
# Patel's lab notes in the Best Partners transcript (seed 003, undated), as its host summarises them: notes, not ranks.
PATEL_NOTES = {
    "openai": ("Leads technically, strong at binding capital; profit-sharing talks with Microsoft", ("C003-37",)),
    "anthropic": ("Aims at the {F003-16} software market; revenue grows faster than OpenAI's", ("C003-26",)),
    "google": ("Taking the initiative in commercialization; own TPUs and ecosystem", ("C003-38",)),
    "xai": ("May be unable to keep raising money; no commercial direction", ("C003-27",)),
    "meta": ("Holds a card that could dominate (smart glasses); the only complete system", ("C003-28", "C003-39")),
}


def stated_positions(data_dir: Path = DATA) -> pd.DataFrame:
    """Long table: one row per lab and analyst with the stated level, its label, wording and claims."""
    names = entity_names(data_dir)
    rows = []
    for (lab, analyst), (level, wording, claims) in STATED_POSITIONS.items():
        rows.append({"entity": lab, "lab": names[lab], "analyst": analyst, "source_id": ANALYSTS[analyst],
                     "level": level, "level_label": LEVELS[level], "wording": fill(wording, data_dir),
                     "claims": ", ".join(claims)})
    order = {lab: i for i, lab in enumerate(POSITION_LABS)}
    frame = pd.DataFrame(rows)
    return frame.sort_values(["analyst", "entity"], key=lambda s: s.map(order) if s.name == "entity" else s,
                             kind="stable").reset_index(drop=True)


def position_shifts(data_dir: Path = DATA) -> pd.DataFrame:
    """Per lab: Baker's and Patel's levels and the direction of Patel's placement relative to Baker's."""
    wide = stated_positions(data_dir).pivot(index="entity", columns="analyst", values="level")
    wide = wide.loc[list(POSITION_LABS)]
    comparable = (wide["Baker"] < 5) & (wide["Patel"] < 5)
    wide["shift"] = "not comparable"
    wide.loc[comparable & (wide["Patel"] == wide["Baker"]), "shift"] = "same"
    wide.loc[comparable & (wide["Patel"] > wide["Baker"]), "shift"] = "lower with Patel"
    wide.loc[comparable & (wide["Patel"] < wide["Baker"]), "shift"] = "higher with Patel"
    wide["lab"] = wide.index.map(entity_names(data_dir))
    return wide.reset_index()


def shift_summary(data_dir: Path = DATA) -> dict[str, str]:
    """The labs on which the analysts agree, and those Patel places lower or higher than Baker, as text."""
    shifts = position_shifts(data_dir)
    pick = {"same": "same", "lower": "lower with Patel", "higher": "higher with Patel"}
    return {key: join_names(shifts.loc[shifts["shift"] == value, "lab"].tolist()) for key, value in pick.items()}


def positions_table(data_dir: Path = DATA) -> pd.DataFrame:
    """Side-by-side display table: Baker, Patel (Silicon Valley) and Patel's Best Partners notes."""
    long = stated_positions(data_dir).set_index(["entity", "analyst"])
    shifts = position_shifts(data_dir).set_index("entity")
    rows = []
    headers = {analyst: f"{analyst} ({title}, {source_date(source_id, data_dir)})"
               for (analyst, source_id), title in zip(ANALYSTS.items(), ("four labs", "Silicon Valley"))}
    for lab in POSITION_LABS:
        row = {"Lab": shifts.loc[lab, "lab"]}
        for analyst in ANALYSTS:
            entry = long.loc[(lab, analyst)]
            row[headers[analyst]] = entry.wording + (f" ({entry.claims})" if entry.claims else "")
        note = PATEL_NOTES.get(lab)
        row["Patel, as the Best Partners host summarises him (undated)"] = _cell(note[0], note[1], data_dir) if note else "No note"
        row["Patel vs Baker"] = shifts.loc[lab, "shift"]
        rows.append(row)
    return pd.DataFrame(rows)


def claims_cited() -> list[str]:
    """Every claim id the coded tables of this module cite, in first-use order."""
    ids: list[str] = []
    for lab in LAB_IDS:
        for column in PROFILE_COLUMNS:
            ids.extend(LAB_PROFILES[lab][column][1])
    for _level, _wording, claims in STATED_POSITIONS.values():
        ids.extend(claims)
    for _note, claims in PATEL_NOTES.values():
        ids.extend(claims)
    for *_rest, claims in CAMP_STAGES:
        ids.extend(claims)
    return list(dict.fromkeys(ids))


def source_date(source_id: str, data_dir: Path = DATA, short: bool = False) -> str:
    """A source's publication date as 'December 2025' (or 'Dec 2025'), from data/sources.csv."""
    published = load("sources", data_dir).set_index("source_id").loc[source_id, "published"]
    return pd.Timestamp(published).strftime("%b %Y" if short else "%B %Y")
