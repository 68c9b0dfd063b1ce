// Builds, at setup (make), the two page assets the book ships from pinned npm packages
// (package-lock.json), so that neither build nor reading needs the network:
//  - compute-ledger-charts.js: Vega (runtime only, no Vega-Lite compiler: specs are compiled to Vega
//    when a notebook runs) and the chart bootstrap, bundled by esbuild;
//  - compute-ledger-icons.css: the theme's icons, as CSS masks, for exactly the icons its templates
//    use, in place of the theme's 1.5 MB Font Awesome script (tests/book check no page uses another).
// Usage: node scripts/build-page-assets.mjs OUTDIR
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ICONS = ["angle-left", "angle-right", "arrow-up", "bars", "circle-half-stroke", "download", "expand",
               "file", "file-pdf", "list", "magnifying-glass", "moon", "outdent", "sun"];

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

function iconRule(name) {
  const svg = readFileSync(`node_modules/@fortawesome/fontawesome-free/svgs/solid/${name}.svg`, "utf8")
    .replace(/<!--[\s\S]*?-->/g, "");
  const [, width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/);
  const url = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`;
  return `.fa-${name}{width:${(width / height).toFixed(4)}em;-webkit-mask-image:${url};mask-image:${url}}`;
}

const css = [
  "/* Font Awesome Free 6.5.2 solid icons (CC BY 4.0, https://fontawesome.com/license/free), drawn as masks in the text colour. */",
  ".fa-solid,.fas{display:inline-block;height:1em;width:1em;vertical-align:-0.125em;background-color:currentColor;" +
    "-webkit-mask:no-repeat center/contain;mask:no-repeat center/contain}",
  ".fa-lg{font-size:1.25em;line-height:0.05em;vertical-align:-0.2em}",
  ...ICONS.map(iconRule),
].join("\n");
writeFileSync(join(outdir, "compute-ledger-icons.css"), css + "\n");
