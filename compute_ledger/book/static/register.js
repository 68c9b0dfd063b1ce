// Filters the claims register as the reader types or picks a filter. A row is searched by its visible
// text and its search key (the quote in the other Chinese script, and its entities' aliases), so a
// query in either script or in English finds it.
(() => {
  function wire(register) {
    const search = register.querySelector(".ledger-register-search");
    const selects = [...register.querySelectorAll("select[data-filter]")];
    const rows = [...register.querySelectorAll("tbody tr")];
    const count = register.querySelector(".ledger-register-count");
    const keys = rows.map((row) => `${row.textContent} ${row.dataset.search}`.toLowerCase());
    function apply() {
      const terms = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row, i) => {
        const matchesText = terms.every((term) => keys[i].includes(term));
        const matchesFilters = selects.every((s) => !s.value || row.dataset[s.dataset.filter] === s.value);
        row.hidden = !(matchesText && matchesFilters);
        shown += row.hidden ? 0 : 1;
      });
      count.textContent = `${shown} of ${rows.length} claims`;
    }
    search.addEventListener("input", apply);
    selects.forEach((s) => s.addEventListener("change", apply));
  }

  function wireAll() {
    document.querySelectorAll(".ledger-register").forEach(wire);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wireAll);
  } else {
    wireAll();
  }
})();
