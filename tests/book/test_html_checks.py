"""Every page is valid HTML (Nu HTML checker) and passes axe-core's WCAG 2.1 A/AA rules (no serious or
critical violation). Both tools come from the pinned npm packages that setup installs; both run offline."""
from __future__ import annotations

import json
import subprocess

import pytest

from compute_ledger.paths import ROOT

from browsing import visit

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def every_page(html_root):
    return sorted(p for p in html_root.rglob("*.html") if "_static" not in p.relative_to(html_root).parts)


def test_nu_html_checker_finds_no_error_on_any_page(built_book):
    assert VNU.exists(), "the Nu HTML checker is installed by make (npm ci, package-lock.json)"
    pages = every_page(built_book)
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].rsplit('/html/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
              if m["type"] == "error" or m.get("subType") == "fatal"]
    assert len(pages) >= 10
    assert errors == [], f"{len(errors)} errors, first: " + "\n".join(errors[:20])


def test_axe_finds_no_serious_or_critical_violation_on_any_page(built_book, browser):
    assert AXE.exists(), "axe-core is installed by make (npm ci, package-lock.json)"
    found = []
    for page_path in every_page(built_book):
        context, page, errors, _ = visit(browser, page_path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                                   ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, "
                                   "nodes: v.nodes.map(n => n.target.join(' '))})))", WCAG_21_A_AA)
        context.close()
        name = page_path.relative_to(built_book).as_posix()
        found += [f"{name}: {v['id']} ({v['impact']}) at {v['nodes'][:3]}" for v in violations
                  if v["impact"] in ("serious", "critical")]
    assert found == [], f"{len(found)} serious or critical:\n" + "\n".join(found[:30])


@pytest.mark.parametrize("tool", [VNU, AXE])
def test_checkers_are_the_pinned_versions(tool):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    package = "node_modules/" + tool.relative_to(ROOT / "node_modules").parts[0]
    installed = json.loads((ROOT / package / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == lock[package]["version"]
