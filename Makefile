# Two commands do all the set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: site serve check test browser bench lint golden clean

# A .venv left half-made (python3-venv missing: no pip in it) is made again, not reused.
$(INSTALLED): pyproject.toml
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } \
	  || { echo "Impossible de créer .venv : installez le module venv de Python (Debian, Ubuntu : python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)  ## build the default guide into site/
	$(BIN)/declic build

serve: $(INSTALLED)  ## live preview on http://127.0.0.1:8000
	$(BIN)/declic serve

check: $(INSTALLED)  ## validate the catalog without building
	$(BIN)/declic check

test: $(INSTALLED) browser  ## the whole test suite
	$(BIN)/python -m pytest

# The browser tests drive a Chromium found by tests/browser/chromium.py (DECLIC_CHROMIUM, then PATH,
# then Playwright's own). Only when there is none, on Debian and as root, Debian's is installed
# (`playwright install` downloads a browser, which a machine that reaches only package registries
# cannot); elsewhere the browser tests are skipped with one line, or fail under CI=true.
# The French check (tests/pages/test_french.py) runs Debian's Grammalecte (python3-grammalecte comes with
# grammalecte-cli), installed the same way: only when missing, on Debian, as root.
browser: $(INSTALLED)
	@if [ -z "$$($(BIN)/python tests/browser/chromium.py)" ] && [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; fi
	@if ! command -v grammalecte-cli >/dev/null && [ -f /etc/debian_version ] && [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y grammalecte-cli; fi

golden: $(INSTALLED)  ## rewrite the expected Markdown of the golden tests (review the diff!)
	$(BIN)/python -m pytest tests/pages/test_golden.py --update-golden

bench: $(INSTALLED)  ## speed and size benchmark, results in bench/results.md
	$(BIN)/python bench/run.py

lint: $(INSTALLED)  ## ruff: lint and formatting
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

clean:
	rm -rf build site .site.* tests/fixtures/*/build tests/fixtures/*/site
