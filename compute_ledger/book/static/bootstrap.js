// Draws every chart on the page from the compiled Vega spec stored beside it.
// Bundled with Vega by scripts/build-chart-runtime.mjs (esbuild, at setup) into one classic script
// in a function scope, so nothing here touches the page's globals.
import { parse, View } from "vega";

async function drawChart(container) {
  const spec = JSON.parse(document.getElementById(container.dataset.specId).textContent);
  // Without a separate binding element, Vega puts sliders in a .vega-bindings div after the chart.
  const view = new View(parse(spec), {
    renderer: "svg",
    container: container.querySelector(".ledger-chart-view"),
    hover: true,
  });
  await view.runAsync();
  container.ledgerView = view;
  container.dataset.drawn = "true";
}

function drawAll() {
  for (const container of document.querySelectorAll(".ledger-chart")) {
    drawChart(container).catch((error) => {
      container.dataset.drawn = "error";
      console.error(`chart ${container.id} could not be drawn`, error);
    });
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawAll);
} else {
  drawAll();
}
