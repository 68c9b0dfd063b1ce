"""Models: scaling, reasoning and talent — what the sources say about how frontier models are made.

The chapter's numbers are few and mostly illustrative (the speakers' own examples of cluster sizes,
pay offers and dates), so this module keeps each one with its figure id and qualifier and derives only
ratios of exact figures. The theses table groups the sources' claims on scaling and reasoning by what
they assert, so that the chapter can set agreeing and disagreeing voices side by side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_value
from ..evidence.tables import claim_attribution, figure, figure_text, load
from ..paths import DATA

# The turn from scale to reasoning, in the order the sources date it.
TIMELINE = (("F001-07", "Chinchilla scaling-law paper (Google DeepMind)"),
            ("F001-06", "Orion (GPT-4.5) training begins"),
            ("F000-26", "Reasoning models change the labs' competition"),
            ("F004-20", "OpenAI launches o1"))
# Baker's illustration of why an experiment cannot be tried small first.
EXPERIMENT_SCALE = (("F000-18", "Small cluster an idea cannot be tested on"),
                    ("F000-20", "One frontier-scale experiment"),
                    ("F000-19", "Large cluster the result must hold on"))
# What the sources say Meta spends to buy talent; each is a floor, an example or a programme, not a total.
TALENT_MONEY = (("F001-03", "Rumoured annual pay per poached researcher"),
                ("F001-12", "Patel's smaller example of a Meta outlay"),
                ("F001-13", "Patel's larger example of a Meta outlay"),
                ("F000-25", "Meta's AI-researcher pay programme"))


@dataclass(frozen=True)
class Thesis:
    """One assertion about how models improve, and the claims that make it."""

    question: str
    thesis: str
    claim_ids: tuple[str, ...]


THESES = (
    Thesis("Does scaling still pay?", "Patel thinks scaling will not meet diminishing returns (a view, not a "
           "measurement); the next stage may need {F003-13} the compute, and pay for it", ("C003-43", "C003-17")),
    Thesis("Does scaling still pay?", "Scaling laws matter but are hard to predict: behaviour changes with scale",
           ("C000-70",)),
    Thesis("Does scaling still pay?", "Bigger is not smarter: pure scale falls into over-parameterisation",
           ("C003-18", "C001-09")),
    Thesis("Why did Orion (GPT-4.5) fail?", "Too big for its data: Chinchilla's ratio no longer applied, and data ran short",
           ("C001-30", "C001-10", "C001-31")),
    Thesis("Why did Orion (GPT-4.5) fail?", "Engineering: a PyTorch bug forced restarts from checkpoints for months",
           ("C001-11",)),
    Thesis("What replaced brute scale?", "Reasoning ('Strawberry') raised quality at far lower cost",
           ("C001-12", "C001-32")),
    Thesis("What replaced brute scale?", "Reasoning turned user feedback into a flywheel for the labs",
           ("C000-47", "C000-48", "C004-44")),
    Thesis("What replaced brute scale?", "Reasoning alone may not reach the next generation",
           ("C001-33",)),
    Thesis("What comes next?", "Grokking, through reinforcement learning in interactive environments",
           ("C003-45", "C003-46", "C003-53")),
    Thesis("What comes next?", "Memory outside the model, and longer thinking when compute is short",
           ("C003-47", "C003-48")),
    Thesis("What comes next?", "Every engineering choice trades latency against capacity",
           ("C003-44",)),
)
_FIGURE = re.compile(r"\{(F\d{3}-\d{2})\}")
TALENT_CLAIMS = ("C000-46", "C000-71", "C001-34", "C001-04", "C003-52", "C003-22")


def _rows(pairs: tuple[tuple[str, str], ...], data_dir: Path) -> pd.DataFrame:
    rows = []
    for figure_id, label in pairs:
        row = figure(figure_id, data_dir)
        rows.append({"figure_id": figure_id, "event": label, "value": float(row.value_low), "unit": row.unit,
                     "qualifier": row.qualifier, "period": row.period, "source_id": row.source_id,
                     "source": row.short_name, "claim_id": row.claim_id, "text": figure_text(figure_id, data_dir)})
    return pd.DataFrame(rows)


def timeline(data_dir: Path = DATA) -> pd.DataFrame:
    """The dated events of the turn from scale to reasoning, with the period each source gives."""
    return _rows(TIMELINE, data_dir)


def experiment_scale(data_dir: Path = DATA) -> pd.DataFrame:
    """Baker's cluster sizes, each with its multiple of the small cluster."""
    table = _rows(EXPERIMENT_SCALE, data_dir)
    return table.assign(multiple=table["value"] / table["value"].iloc[0])


def talent_money(data_dir: Path = DATA) -> pd.DataFrame:
    """The sums the sources attach to Meta's hunt for talent, qualifier kept."""
    return _rows(TALENT_MONEY, data_dir)


def theses(data_dir: Path = DATA) -> pd.DataFrame:
    """Each thesis with whose words it is and its sources, as the claims record them.

    `speakers` is each claim's attribution ('Dylan Patel, as summarised by the Best Partners host'), so a
    line that reaches us only through a host's or writer's summary says so; a {figure id} in a thesis is
    the figure as the book prints it.
    """
    claims = load("claims", data_dir).set_index("claim_id")
    names = load("sources", data_dir).set_index("source_id")["short_name"]
    rows = []
    for item in THESES:
        cited = claims.loc[list(item.claim_ids)]
        thesis = _FIGURE.sub(lambda m: figure_text(m.group(1), data_dir), item.thesis)
        rows.append({"question": item.question, "thesis": thesis,
                     "speakers": "; ".join(dict.fromkeys(claim_attribution(c, data_dir) for c in item.claim_ids)),
                     "sources": "; ".join(dict.fromkeys(cited["source_id"].map(names))),
                     "claim_ids": ", ".join(item.claim_ids)})
    return pd.DataFrame(rows)


def claim_ids() -> list[str]:
    """Every claim the chapter's tables and charts rest on, in first-use order."""
    used = [c for item in THESES for c in item.claim_ids] + list(TALENT_CLAIMS)
    used += [figure(f).claim_id for f, _ in TIMELINE + EXPERIMENT_SCALE + TALENT_MONEY]
    return list(dict.fromkeys(used))


def within(figure_id: str, data_dir: Path = DATA) -> str:
    """A horizon the source gives as 十年內 ('within ten years', qualifier up_to) in the words it uses: 'within 10
    years', not 'up to 10 years'. Any other qualifier is refused rather than reworded."""
    row = figure(figure_id, data_dir)
    if row.qualifier != "up_to" or row.unit not in ("years", "months", "weeks", "days"):
        raise ValueError(f"{figure_id} is not a horizon stated as 'within' ({row.qualifier}, {row.unit})")
    return "within " + format_value(float(row.value_low), row.unit)


def prose_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """Every number the chapter's prose uses, formatted with its qualifier."""
    scale = experiment_scale(data_dir).set_index("figure_id")
    numbers = {
        "models_orion_start": figure(TIMELINE[1][0], data_dir).period,
        "models_reasoning_arrival": figure(TIMELINE[2][0], data_dir).period,
        "models_o1": figure(TIMELINE[3][0], data_dir).period,
        "models_chinchilla_year": figure_text("F001-07", data_dir),
        "models_bug_duration": figure_text("F001-08", data_dir),
        "models_next_stage_compute": figure_text("F003-13", data_dir),
        "models_small_cluster": figure_text("F000-18", data_dir),
        "models_experiment_gpus": figure_text("F000-20", data_dir),
        "models_large_cluster": figure_text("F000-19", data_dir),
        "models_experiment_multiple": format_value(scale.loc["F000-20", "multiple"], "times"),
        "models_large_multiple": format_value(scale.loc["F000-19", "multiple"], "times"),
        "models_experiment_days": figure_text("F000-21", data_dir),
        "models_experiment_weeks": figure_text("F000-22", data_dir),
        "models_wrong_experiment_cost": figure_text("F000-23", data_dir),
        "models_meta_pay": figure_text("F001-03", data_dir),
        "models_meta_programme": figure_text("F000-25", data_dir),
        "models_meta_example_low": figure_text("F001-12", data_dir),
        "models_meta_example_high": figure_text("F001-13", data_dir),
        "models_utilisation_gain": figure_text("F003-14", data_dir),
        "models_asi_horizon": within("F004-02", data_dir),
        "models_zuckerberg_date": figure("F000-07", data_dir).period,
        "models_meta_rank": figure_text("F000-08", data_dir),
        "models_asi_value": figure_text("F004-25", data_dir),
    }
    return numbers
