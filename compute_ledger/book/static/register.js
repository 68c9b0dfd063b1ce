// Filters the claims register as the reader types or picks a filter. Each row carries a search key
// with its text in both Chinese scripts and English, so a query in either script finds it.
(() => {
  function wire(register) {
    const search = register.querySelector(".ledger-register-search");
    const selects = [...register.querySelectorAll("select[data-filter]")];
    const rows = [...register.querySelectorAll("tbody tr")];
    const count = register.querySelector(".ledger-register-count");
    function apply() {
      const terms = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const row of rows) {
        const matchesText = terms.every((term) => row.dataset.search.includes(term));
        const matchesFilters = selects.every((s) => !s.value || row.dataset[s.dataset.filter] === s.value);
        row.hidden = !(matchesText && matchesFilters);
        shown += row.hidden ? 0 : 1;
      }
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
