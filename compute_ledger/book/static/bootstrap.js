// Draws every chart on the page from the compiled Vega spec stored beside it.
// Bundled with Vega by compute_ledger.book.sphinx and loaded once per page inside a function
// scope, so nothing here touches the page's globals (the Sphinx theme owns names such as `_`).
async function drawChart(container) {
  const spec = JSON.parse(document.getElementById(container.dataset.specId).textContent);
  const result = await vegaEmbed(container.querySelector(".ledger-chart-view"), spec, {
    mode: "vega",
    renderer: "svg",
    actions: false,
  });
  container.ledgerView = result.view;
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
