# Two commands do all the set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
GRAMMALECTE := /usr/bin/grammalecte-cli

.PHONY: site serve check test bench lint golden clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(INSTALLED)  ## build the default guide into site/
	$(BIN)/declic build

serve: $(INSTALLED)  ## live preview on http://127.0.0.1:8000
	$(BIN)/declic serve

check: $(INSTALLED)  ## validate the catalog without building
	$(BIN)/declic check

test: $(INSTALLED) $(CHROMIUM)  ## the whole test suite
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium: `playwright install` downloads browsers, which fails here.
$(CHROMIUM):
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

# The French check (tests/test_french.py) runs Debian's Grammalecte (python3-grammalecte comes with it).
test: $(GRAMMALECTE)
$(GRAMMALECTE):
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y grammalecte-cli

golden: $(INSTALLED)  ## rewrite the expected Markdown of the golden tests (review the diff!)
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

bench: $(INSTALLED)  ## speed and size benchmark, results in bench/results.md
	$(BIN)/python bench/run.py

lint: $(INSTALLED)  ## ruff: lint and formatting
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

clean:
	rm -rf build site .site.* tests/fixtures/*/build tests/fixtures/*/site
