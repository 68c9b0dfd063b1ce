"""The numbers of the landing page's findings, each computed by the chapter module that shows the working."""
from __future__ import annotations

from pathlib import Path

from . import disagreements, labs, neoclouds, risks, triangle
from ..evidence.checks import consistency_checks
from ..evidence.fmt import format_value
from ..paths import DATA
from ..evidence.tables import figure_text, load, value


def summary_numbers(data_dir: Path = DATA) -> dict[str, str]:
    """Every number the executive summary glues, formatted, keyed by glue name."""
    checks = consistency_checks(data_dir).set_index("check_id")
    recycling, programme = triangle.stated_recycling(data_dir), triangle.programme_recycling(data_dir)
    payback = neoclouds.prose_numbers(data_dir)
    trust = disagreements.figure_trust(data_dir, checks.reset_index())
    text = {figure_id: figure_text(figure_id, data_dir) for figure_id in (
        "F002-10", "F000-33", "F000-34", "F002-24", "F002-25", "F003-12", "F004-50", "F004-51", "F004-48",
        "F004-49", "F002-33")}
    return {
        "summary_year": max(load("sources", data_dir)["published"].str[:4]),
        "summary_nvidia_revenue": format_value(recycling.revenue, "USD"),
        "summary_nvidia_profit": format_value(recycling.gross_profit, "USD", 4),
        "summary_nvidia_equity": format_value(recycling.equity, "USD"),
        "summary_nvidia_share": format_value(100 * recycling.share_recycled, "percent"),
        "summary_nvidia_kept_programme": format_value(programme.kept, "USD", 4),
        "summary_half": checks.loc["nvidia-half-gross-profit", "computed"],
        "summary_oracle": text["F002-10"],
        "summary_oracle_per_year": format_value(triangle.oracle_per_year(data_dir), "USD"),
        "summary_xai_tokens": text["F000-33"],
        "summary_google_tokens": text["F000-34"],
        "summary_anthropic_multiple": format_value(labs.anthropic_multiple(data_dir), "times"),
        "summary_payback": payback["neoclouds_payback_years"],
        "summary_life": payback["neoclouds_life"],
        "summary_never_cash": payback["neoclouds_never_cash_end"],
        "summary_japan_yen": text["F002-24"],
        "summary_japan_usd": text["F002-25"],
        "summary_japan_rate": checks.loc["japan-fx", "computed"],
        "summary_china": text["F003-12"],
        "summary_xai_debt": checks.loc["xai-debt-majority", "computed"],
        "summary_ai_margin": text["F004-50"],
        "summary_ai_compute": text["F004-51"],
        "summary_saas_margin": text["F004-48"],
        "summary_saas_compute": text["F004-49"],
        "summary_ai_revenue_multiple": format_value(risks.revenue_multiple_for_same_gross_profit(
            value("F004-48", data_dir), value("F004-50", data_dir)), "times", 4),
        "summary_ms_gap": text["F002-33"],
        "summary_ms_computed": checks.loc["microsoft-gap", "computed"],
        "summary_figures": str(len(trust)),
        "summary_single": format_value(100 * (trust["trust"] == "single statement").mean(), "percent", 2),
        "summary_failed": str(int((~checks["consistent"]).sum())),
        "summary_checks": str(len(checks)),
    }
