// Builds, at setup (make), the two page assets the book ships from pinned npm packages
// (package-lock.json), so that neither build nor reading needs the network:
//  - compute-ledger-charts.js: Vega (runtime only, no Vega-Lite compiler: specs are compiled to Vega
//    when a notebook runs) and the chart bootstrap, bundled by esbuild;
//  - compute-ledger-icons.css: the theme's icons, as CSS masks, for exactly the icons its templates
//    and admonitions use, in place of the theme's 1.5 MB Font Awesome script and 156 KB web font
//    (tests/book check that no page uses another icon).
// Usage: node scripts/build-page-assets.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ICONS = ["angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "download", "expand",
               "file", "file-pdf", "list", "magnifying-glass", "moon", "outdent", "sun"];
// The icon the theme gives each kind of admonition (note, warning, …) in its title.
const ADMONITION_ICONS = {
  "": "bell", note: "circle-info", attention: "circle-exclamation", important: "circle-exclamation",
  caution: "triangle-exclamation", warning: "triangle-exclamation", danger: "triangle-exclamation",
  error: "circle-xmark", hint: "lightbulb", tip: "lightbulb", seealso: "share", todo: "pencil",
};

const [outdir] = process.argv.slice(2);
if (!outdir) {
  console.error("usage: node scripts/build-page-assets.mjs OUTDIR");
  process.exit(2);
}
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: ["compute_ledger/book/static/bootstrap.js"],
  bundle: true,
  minify: true,
  // An IIFE keeps every top-level name out of the page's globals (the Sphinx theme owns names such
  // as `_`); module scripts would too, but browsers refuse them on pages opened from disk.
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile: join(outdir, "compute-ledger-charts.js"),
  logLevel: "warning",
});

function iconMask(name) {
  const svg = readFileSync(`node_modules/@fortawesome/fontawesome-free/svgs/solid/${name}.svg`, "utf8")
    .replace(/<!--[\s\S]*?-->/g, "");
  const [, width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
  // Only the characters a data URL in CSS must escape, so the icons stay small.
  const escaped = svg.replace(/"/g, "'").replace(/[%#<>]/g, (c) => encodeURIComponent(c));
  const url = `url("data:image/svg+xml,${escaped}")`;
  return { width: (width / height).toFixed(4), mask: `-webkit-mask-image:${url};mask-image:${url}` };
}

function iconRule(name) {
  const { width, mask } = iconMask(name);
  return `.fa-${name}{width:${width}em;${mask}}`;
}

function admonitionRule([kind, name]) {
  const selector = `div.admonition${kind ? "." + kind : ""}>.admonition-title::after`;
  return `${selector}{${iconMask(name).mask}}`;
}

const css = [
  "/* Font Awesome Free 6.5.2 solid icons (CC BY 4.0, https://fontawesome.com/license/free), drawn as masks in the text colour. */",
  ".fa-solid,.fas{display:inline-block;height:1em;width:1em;vertical-align:-0.125em;background-color:currentColor;" +
    "-webkit-mask:no-repeat center/contain;mask:no-repeat center/contain}",
  ".fa-lg{font-size:1.25em;line-height:0.05em;vertical-align:-0.2em}",
  // The theme's stylesheet draws the same icons as glyphs of a 156 KB web font; no glyph, no font download.
  ".fa-solid::before,.fas::before{content:none!important}",
  ...ICONS.map(iconRule),
  "div.admonition>.admonition-title::after{content:\"\"!important;font-family:inherit!important;background-color:currentColor;" +
    "-webkit-mask:no-repeat center/contain;mask:no-repeat center/contain}",
  ...Object.entries(ADMONITION_ICONS).map(admonitionRule),
].join("\n");
writeFileSync(join(outdir, "compute-ledger-icons.css"), css + "\n");
