// Draws every chart on the page from the compiled Vega spec stored beside it.
// Bundled with Vega by scripts/build-chart-runtime.mjs (esbuild, at setup) into one classic script
// in a function scope, so nothing here touches the page's globals.
import { parse, View } from "vega";

// Vega gives a mark none of whose items has a description an unnamed graphics-symbol role, which
// assistive technology meets as an image without a text alternative. Such marks (reference rules,
// decoration) are left out of the accessibility tree; the chart as a whole is named by its label and
// described by the text beside it. Text and group marks are kept, and so is any mark that says something.
function hideUndescribedMarks(marks = []) {
  for (const mark of marks) {
    if (mark.type === "group") {
      hideUndescribedMarks(mark.marks);
    } else if (mark.type !== "text" && mark.aria === undefined && mark.description === undefined &&
               !Object.values(mark.encode || {}).some((set) => set && ("description" in set || "aria" in set))) {
      mark.aria = false;
    }
  }
}

async function drawChart(container) {
  const spec = JSON.parse(document.getElementById(container.dataset.specId).textContent);
  hideUndescribedMarks(spec.marks);
  // Without a separate binding element, Vega puts sliders in a .vega-bindings div after the chart.
  const view = new View(parse(spec), {
    renderer: "svg",
    container: container.querySelector(".ledger-chart-view"),
    hover: true,
  });
  await view.runAsync();
  // A mark whose data is empty has no item to name it: nothing there for assistive technology either.
  for (const empty of container.querySelectorAll('svg g[role="graphics-symbol"]:not([aria-label]):empty')) {
    empty.setAttribute("aria-hidden", "true");
  }
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
