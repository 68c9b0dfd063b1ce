# The Compute Ledger: `make book` builds the HTML book, `make test` runs every test.
# Both set up what they need first; setup is skipped when nothing it depends on changed.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
JOBS ?= 2
# Browser-side tools from npm, pinned in package-lock.json: Vega (the chart runtime, bundled by
# esbuild at setup), the theme's icons, the Nu HTML checker and axe-core (the page checks in make test).
NODE_READY := node_modules/.ready
PAGE_ASSETS := _build/page-assets/.ready
SETUP := $(READY) $(PAGE_ASSETS)

.PHONY: book test validate execute lab pdf bench clean system-deps add-source accept-source

$(READY): requirements.txt requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name compute-ledger --display-name "Compute Ledger (Python 3.11)" > /dev/null
	touch $(READY)

$(NODE_READY): package.json package-lock.json
	@bash scripts/system-deps
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_READY)

$(PAGE_ASSETS): $(NODE_READY) scripts/build-page-assets.mjs compute_ledger/book/static/bootstrap.js
	node scripts/build-page-assets.mjs $(dir $(PAGE_ASSETS))
	touch $(PAGE_ASSETS)

system-deps:
	@bash scripts/system-deps

validate: $(SETUP)
	$(PY) -m compute_ledger validate

execute: validate
	$(PY) -m compute_ledger execute --jobs $(JOBS)

book: $(SETUP)
	$(PY) -m compute_ledger book --jobs $(JOBS)

test: $(SETUP) system-deps validate
	$(PY) -m pytest -n $(JOBS) --dist loadfile --nbval --nbval-current-env tests index.ipynb chapters

pdf: execute system-deps
	$(PY) -m compute_ledger pdf

bench: $(SETUP) system-deps
	$(PY) -m compute_ledger bench

# make add-source FILE=article.txt: copy a text into seeds/ and draft its rows in data/drafts/ for review.
add-source: $(READY)
	@test -n "$(FILE)" || { echo "usage: make add-source FILE=path/to/text.txt"; exit 2; }
	$(PY) -m compute_ledger add-source "$(FILE)"

# make accept-source SOURCE=source-005: move a reviewed draft into the tables (kept only if validation passes).
accept-source: $(READY)
	@test -n "$(SOURCE)" || { echo "usage: make accept-source SOURCE=source-NNN"; exit 2; }
	$(PY) -m compute_ledger accept-source "$(SOURCE)"

lab: $(READY)
	$(VENV)/bin/jupyter lab --notebook-dir=. chapters

clean:
	rm -rf _build $(VENV) node_modules *.egg-info
