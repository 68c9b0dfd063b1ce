"""The data dictionary, generated from the Frictionless schema in data/datapackage.json."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..evidence.fmt import format_value
from ..paths import DATA
from ..evidence.tables import descriptor, load
from ..evidence.zh_numbers import QUALIFIERS, UNITS

UNIT_MEANINGS = {
    "USD": "US dollars (美元, US$)", "JPY": "Japanese yen (日圓, 日元)", "CNY": "Chinese yuan (人民幣, 元, RMB)",
    "HKD": "Hong Kong dollars (港元, 港幣, HK$)", "TWD": "New Taiwan dollars (新台幣, 台幣, NT$)", "EUR": "euros (歐元, €)",
    "W": "watts of power (瓦)", "kW": "kilowatts of power (千瓦, 瓩)", "MW": "megawatts of power (兆瓦)",
    "GW": "gigawatts of power (吉瓦)",
    "lb": "pounds of weight", "tokens": "tokens processed", "GPUs": "count of GPUs", "shares": "count of shares",
    "users": "count of users", "percent": "per cent (62 = 62%)", "percentage_points": "difference between percentages",
    "years": "duration in years", "months": "duration in months", "weeks": "duration in weeks", "days": "duration in days",
    "hours": "duration in hours", "calendar_year": "a year of the calendar (2030)", "times": "a multiple",
    "rank": "position in a ranking or tier", "IQ_points": "IQ score", "companies": "count of companies",
    "count": "count of other things", "JPY_per_USD": "exchange rate, yen per dollar", "USD_per_GW": "US dollars per gigawatt",
}
QUALIFIER_MEANINGS = {
    "exact": "stated as a plain number", "about": "約/大約/近/將近/左右/上下: approximately",
    "up_to": "高達/最高/多達/上看/不到/內/以下: a ceiling", "over": "超過/逾/突破/多/餘/以上/上億: a floor, exceeded",
    "at_least": "至少/不少於/起: a floor", "range": "a–b, a~b, a至b, a到b, 兩三年: both ends kept", "about_range": "約 a–b, a到b左右: an approximate range",
    "several": "數/幾/上 + magnitude (數十億, 上百億): an unstated multiple of the magnitude",
    "order_of": "…級, bare 兆/萬億: a scale, not an amount",
}


def _constraints(field: dict) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if constraints.get("unique"):
        parts.append("unique")
    if "pattern" in constraints:
        parts.append(f"pattern {constraints['pattern']}")
    if "enum" in constraints:
        parts.append("one of: " + ", ".join(constraints["enum"]))
    return "; ".join(parts) or "optional"


def table_fields(name: str, data_dir: Path = DATA) -> pd.DataFrame:
    entry = next(r for r in descriptor(data_dir)["resources"] if r["name"] == name)
    references = {fk["fields"][0]: f"→ {fk['reference']['resource']}.{fk['reference']['fields'][0]}"
                  for fk in entry["schema"].get("foreignKeys", [])}
    return pd.DataFrame([{"Column": f["name"], "Type": f["type"], "Rules": _constraints(f),
                          "References": references.get(f["name"], ""), "Meaning": f.get("description", "")}
                         for f in entry["schema"]["fields"]])


def tables_overview(data_dir: Path = DATA) -> pd.DataFrame:
    return pd.DataFrame([{"Table": r["name"], "File": f"data/{r['path']}", "Rows": str(len(load(r["name"], data_dir))),
                          "Columns": str(len(r["schema"]["fields"])), "What it holds": r.get("description", "")}
                         for r in descriptor(data_dir)["resources"]])


# Illustrative values that show how each unit prints; not facts from the sources.
FORMAT_EXAMPLES = {
    "USD": 3e11, "JPY": 1e13, "CNY": 5e10, "HKD": 2e10, "TWD": 1.2e11, "EUR": 2e10, "W": 700, "MW": 300,
    "GW": 10, "kW": 130, "lb": 3000, "tokens": 1.35e12, "GPUs": 200_000, "shares": 1.6e8,
    "users": 1e8, "percent": 62, "percentage_points": 16, "years": 5, "months": 6, "weeks": 2, "days": 3, "hours": 2,
    "calendar_year": 2030, "times": 10, "rank": 3, "IQ_points": 130, "companies": 4, "count": 3, "JPY_per_USD": 150,
    "USD_per_GW": 1e10,
}


def units_table() -> pd.DataFrame:
    return pd.DataFrame([{"Unit": u, "Meaning": UNIT_MEANINGS[u], "Printed as (example)": format_value(FORMAT_EXAMPLES[u], u)}
                         for u in UNITS + ("JPY_per_USD", "USD_per_GW")])


def qualifiers_table() -> pd.DataFrame:
    return pd.DataFrame([{"Qualifier": q, "Meaning": QUALIFIER_MEANINGS[q]} for q in QUALIFIERS])


# What validation accepts as harmless, what it reports, and what the tools do with new texts.
ACCEPTED_INPUT = (
    ("A UTF-8 byte-order mark (BOM) at the start of a CSV, datapackage.json, the manifest or a seed", "accepted"),
    ("Windows line ends (CRLF) and a missing or extra newline at the end of a file", "accepted"),
    ("A file in another encoding (Big5, GB18030, UTF-16, Latin-1)", "reported with the line of the first bad byte"),
    ("datapackage.json that is not valid JSON, or lacks a table, field or type the checks rely on",
     "reported with its line and column, or the table and field"),
    ("A number typed in full-width digits (３００), or nan, inf, 1_000", "reported with file, row and column"),
    ("A seed removed, edited or added without a manifest line, or in no source row and no draft", "reported by file"),
    ("A new text added with `make add-source FILE=…`", "copied to seeds/ and drafted in data/drafts/ for review; "
     "validation re-parses the drafts, the book does not read them until `make accept-source`"),
    ("Spans in either script with 萬/億/兆/萬億, full-width digits, 成, 分之, 翻一番, ranges (~, －, 至, 到)",
     "parsed; ordinals (第三季), list numbers, ¥ or $ alone, and units outside the vocabulary are refused with the reason"),
)


def accepted_input() -> pd.DataFrame:
    return pd.DataFrame([{"Input": what, "Validation": outcome} for what, outcome in ACCEPTED_INPUT])
