# The Compute Ledger: `make book` builds the HTML book, `make test` runs every test.
# Both set up what they need first; setup is skipped when nothing it depends on changed.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
READY := $(VENV)/.ready
JOBS ?= 2

.PHONY: book test validate execute lab pdf bench clean system-deps add-source accept-source

$(READY): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name compute-ledger --display-name "Compute Ledger (Python 3.11)" > /dev/null
	touch $(READY)

system-deps:
	@bash scripts/system-deps

validate: $(READY)
	$(PY) -m compute_ledger validate

execute: validate
	$(PY) -m compute_ledger execute --jobs $(JOBS)

book: $(READY)
	$(PY) -m compute_ledger book --jobs $(JOBS)

test: $(READY) system-deps validate
	$(PY) -m pytest -n $(JOBS) --dist loadfile --nbval --nbval-current-env tests index.ipynb chapters

pdf: execute system-deps
	$(PY) -m compute_ledger pdf

bench: $(READY) system-deps
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
	rm -rf _build $(VENV) *.egg-info
