// Builds the chart runtime the book ships: Vega (runtime only, no Vega-Lite compiler; specs are
// compiled to Vega when a notebook runs) and the chart bootstrap, bundled by esbuild from the
// pinned packages in package-lock.json. Run at setup (make), never at build or read time.
// Usage: node scripts/build-chart-runtime.mjs OUTFILE
import { build } from "esbuild";

const [outfile] = process.argv.slice(2);
if (!outfile) {
  console.error("usage: node scripts/build-chart-runtime.mjs OUTFILE");
  process.exit(2);
}
await build({
  entryPoints: ["compute_ledger/book/static/bootstrap.js"],
  bundle: true,
  minify: true,
  // An IIFE keeps every top-level name out of the page's globals (the Sphinx theme owns names such
  // as `_`); module scripts would too, but browsers refuse them on pages opened from disk.
  format: "iife",
  target: "es2020",
  legalComments: "none",
  outfile,
  logLevel: "warning",
});
