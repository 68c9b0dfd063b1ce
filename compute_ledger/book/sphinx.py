"""Charts in the HTML book: the MyST-NB mime renderer and the Sphinx extension that ships the bundle.

The renderer turns a chart output's Vega spec into a container, the spec as inert JSON and a CSV
download link; the extension copies the chart runtime (Vega and `static/bootstrap.js`, bundled by
esbuild at setup from the pinned npm packages, without the Vega-Lite compiler) into the build folder
and adds it to exactly the pages that have a chart, once per page, from `_static`.

The runtime is a classic deferred script in a function scope (an IIFE), so none of its top-level
names reach the page's globals (the Sphinx theme owns names such as `_`); module scripts would do the
same but browsers refuse them on pages opened from disk. It stays out of the project's `_static/`,
whose scripts Jupyter Book loads on every page. The extension also drops Thebe's scripts: the book
runs no live kernels, and Thebe's configuration names a remote script.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode

from ..charts.display import TABLE_MIME
from ..charts.figure import VEGA_MIME, spec_json
from ..paths import BUILD
from .pdf import PDF_NAME, publish_pdf
from .stylesheets import cut_theme_stylesheets

BUNDLE_STEM = "compute-ledger-charts"
STYLESHEET_NAME = "compute-ledger.css"
REGISTER_SCRIPT = "register.js"
PRINT_STYLESHEET_NAME = "print.css"
_ASSETS = Path(__file__).with_name("static")
# Built by scripts/build-page-assets.mjs when make sets up: the chart runtime (Vega and
# static/bootstrap.js) and the theme's icons, in place of the theme's Font Awesome script.
PAGE_ASSETS = BUILD / "page-assets"
CHART_RUNTIME = PAGE_ASSETS / "compute-ledger-charts.js"
ICONS_STYLESHEET = PAGE_ASSETS / "compute-ledger-icons.css"
_HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
_ID = re.compile(r"^[CF]\d{3}-\d{2}$")
_BIBLIOENTRY = re.compile(r'(<div class="citation" id="[^"]+" )role="doc-biblioentry"')
_DESIGN_CLASS = re.compile(r"""class=["'][^"']*\bsd-""")


def chart_html(spec: dict, chart_id: str, description: str, csv: str) -> str:
    """The HTML that stands for one chart in a page; drawn by the bundle when the page loads."""
    element_id = f"ledger-chart-{chart_id}"
    csv_href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(csv.encode("utf-8")).decode("ascii")
    label = html.escape(description, quote=True)
    return (
        f'<div class="ledger-chart" id="{element_id}" data-spec-id="{element_id}-spec">'
        f'<div class="ledger-chart-view" role="figure" aria-label="{label}"></div>'
        f'<p class="ledger-chart-description">{html.escape(description)}</p>'
        f'<a class="ledger-chart-download" download="{chart_id}.csv" href="{csv_href}">'
        f"Download the chart's data (CSV)</a>"
        f'<script type="application/json" id="{element_id}-spec">{spec_json(spec)}</script>'
        "</div>"
    )


def table_node(payload: dict, document) -> nodes.table:
    """A docutils table with caption and label, so Sphinx numbers it and `{numref}` finds it."""
    table = nodes.table(classes=["ledger-table"])
    table += nodes.title(text=payload["caption"])
    group = nodes.tgroup(cols=len(payload["columns"]))
    table += group
    group += [nodes.colspec(colwidth=1) for _ in payload["columns"]]

    def row_of(cells):
        row = nodes.row()
        # An id such as C003-37 must not break at its hyphen.
        row += [nodes.entry("", nodes.paragraph(text=str(cell)), classes=["ledger-id"] if _ID.match(str(cell)) else [])
                for cell in cells]
        return row

    group += nodes.thead("", row_of(payload["columns"]))
    group += nodes.tbody("", *[row_of(cells) for cells in payload["rows"]])
    table["names"].append(payload["name"])
    document.note_explicit_target(table, table)
    return table


class VegaChartMimeRenderer:
    """MyST-NB mime renderer for charts and numbered tables (registered as an entry point in pyproject.toml)."""

    mime_priority_overrides = [("*", TABLE_MIME, 1)] + [(builder, VEGA_MIME, 1) for builder in _HTML_BUILDERS]

    @staticmethod
    def handle_mime(renderer, data, inline):
        if inline or data.mime_type not in (VEGA_MIME, TABLE_MIME):
            return None
        if data.mime_type == TABLE_MIME:
            payload = data.content if isinstance(data.content, dict) else json.loads(data.string)
            return [table_node(payload, renderer.renderer.document)]
        spec = data.content if isinstance(data.content, dict) else json.loads(data.string)
        meta = data.output_metadata.get(VEGA_MIME, {}).get("compute_ledger", {})
        chart_id = meta.get("id") or f"cell{data.cell_index}-output{data.output_index}"
        markup = chart_html(spec, chart_id, meta.get("description", spec.get("description", "")), meta.get("csv", ""))
        return [nodes.raw("", markup, format="html")]


class MissingPageAssets(RuntimeError):
    """The chart runtime or icons that setup builds from the pinned npm packages are not there."""


def _require(asset: Path) -> bytes:
    if not asset.exists():
        raise MissingPageAssets(f"{asset} is missing: `make book` builds it from the pinned npm packages "
                                "(package-lock.json)")
    return asset.read_bytes()


def write_bundle(folder: Path, runtime: Path = CHART_RUNTIME) -> str:
    """Copy the chart runtime into `folder` unless it is already there; returns its file name.

    The name carries a hash of the runtime, so a changed runtime is a new file: Sphinx keeps a static
    file it already copied, and readers' browsers keep what they cached.
    """
    content = _require(runtime)
    name = f"{BUNDLE_STEM}-{hashlib.sha256(content).hexdigest()[:12]}.js"
    target = folder / name
    if not target.exists():
        for stale in folder.glob(f"{BUNDLE_STEM}-*.js"):
            stale.unlink()
        target.write_bytes(content)
    return name


def _is_thebe(script) -> bool:
    filename = getattr(script, "filename", None) or ""
    body = getattr(script, "attributes", {}).get("body", "")
    return "thebe" in filename or "THEBE_JS_URL" in body


def _is_design(asset) -> bool:
    return any(name in (getattr(asset, "filename", None) or "") for name in ("design-tabs", "sphinx-design"))


def _adjust_page_scripts(app, pagename, templatename, context, doctree):
    context["script_files"] = [script for script in context.get("script_files", []) if not _is_thebe(script)]
    context["css_files"] = [sheet for sheet in context.get("css_files", []) if not _is_thebe(sheet)]
    # Jupyter Book loads sphinx-design's script and styles on every page; only a page using one of
    # its components (classes sd-*) needs them.
    if not _DESIGN_CLASS.search(context.get("body", "")):
        context["script_files"] = [script for script in context["script_files"] if not _is_design(script)]
        context["css_files"] = [sheet for sheet in context.get("css_files", []) if not _is_design(sheet)]
    # Docutils marks each citation of a citation list "doc-biblioentry", which is no item of a list.
    context["body"] = _BIBLIOENTRY.sub(r'\1role="listitem"', context.get("body", ""))
    if doctree is None:
        return
    # Appended to this page's body only: Sphinx's add_js_file would add it to every later page too.
    raw = "".join(node.astext() for node in doctree.findall(nodes.raw))
    for marker, script in (('class="ledger-chart"', app.config.ledger_chart_bundle), ('class="ledger-register"', REGISTER_SCRIPT)):
        if marker in raw:
            context["body"] += f'<script defer src="{context["pathto"]("_static/" + script, 1)}"></script>'


def _download_menu(app, pagename, templatename, context, doctree):
    """The page's download menu: its notebook, when it is one, and the whole book's PDF (both offline).

    Replaces the theme's entries (the page source under another name, and "print this page").
    """
    source = context.get("sourcename") or ""
    entries = []
    if source.endswith(".ipynb.txt") or source.endswith(".ipynb"):
        entries.append({"type": "link", "url": f"{context['pathto']('_sources', 1)}/{source}", "text": ".ipynb",
                        "tooltip": "Download this chapter's notebook", "icon": "fas fa-file",
                        "label": "download-notebook-button"})
    entries.append({"type": "link", "url": context["pathto"](PDF_NAME, 1), "text": ".pdf",
                    "tooltip": "Download the whole book as a PDF", "icon": "fas fa-file-pdf",
                    "label": "download-pdf-button"})
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            button["buttons"] = entries
            button["tooltip"] = "Download"


def _prepare_assets(app):
    bundle_dir = Path(app.outdir).parent / "chart-bundle"
    bundle_dir.mkdir(parents=True, exist_ok=True)
    app.config.ledger_chart_bundle = write_bundle(bundle_dir)
    (bundle_dir / ICONS_STYLESHEET.name).write_bytes(_require(ICONS_STYLESHEET))
    app.config.html_static_path = [*app.config.html_static_path, str(_ASSETS), str(bundle_dir)]


def _visit_hidden_cell(translator, node):
    """MyST-NB's toggle for a hidden cell, with the labels as spans: a <summary> may not hold a <p>.

    The summary keeps no aria-label of its own, so its accessible name is the label it shows.
    """
    translator.body.append(f'<details class="admonition hide {" ".join(node["classes"])}">\n<summary>\n'
                           f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n'
                           f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n'
                           "</summary>\n")


def _depart_hidden_cell(translator, node):
    translator.body.append("</details>\n")


def _finish_html(app, exception):
    if exception is None and app.builder.name in _HTML_BUILDERS:
        cut_theme_stylesheets(Path(app.outdir), own={STYLESHEET_NAME, PRINT_STYLESHEET_NAME, ICONS_STYLESHEET.name})
        if app.builder.name == "html":
            publish_pdf(Path(app.outdir))


def setup(app):
    app.add_config_value("ledger_chart_bundle", "", "html")
    app.add_css_file(ICONS_STYLESHEET.name)
    app.add_css_file(STYLESHEET_NAME)
    app.add_css_file(PRINT_STYLESHEET_NAME, media="print")
    app.connect("builder-inited", _prepare_assets)
    app.connect("html-page-context", _adjust_page_scripts)
    # After sphinx-book-theme (priority 500) has made the header buttons.
    app.connect("html-page-context", _download_menu, priority=600)
    app.connect("build-finished", _finish_html)
    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_cell, _depart_hidden_cell))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
