# Two commands do all the set-up:  `make serve` (preview) and `make test` (whole suite).
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# the generator and both engines: serve, build, check, exports
INSTALLED := $(VENV)/.installed
# and the test tools (pytest, ruff, mypy…)
TEST_INSTALLED := $(VENV)/.installed-test

EXPORTS := offline scorm scorm-exam gift answer-key
PORT ?= 8000
ENGINE ?= mkdocs
WORKERS ?= 2

.PHONY: serve build check test test-zensical lint typecheck unit browser-deps benchmark screenshots clean exports $(addprefix export-,$(EXPORTS))

serve: $(INSTALLED)  ## preview on http://127.0.0.1:$(PORT) with live reload (make serve PORT=8001)
	$(PY) -m generator serve --dev-addr 127.0.0.1:$(PORT)

build: $(INSTALLED)  ## check, render and build the site into site/ (make build ENGINE=zensical)
	$(PY) -m generator build --engine $(ENGINE)

check: $(INSTALLED)  ## validate every module and quiz
	$(PY) -m generator check

test:  ## the whole suite, then its 20 slowest tests (make test WORKERS=1: in one process)
	@$(MAKE) --no-print-directory --output-sync=target -j 2 $(TEST_INSTALLED) node_modules/.installed
	@$(MAKE) --no-print-directory browser-deps
	@$(MAKE) --no-print-directory --output-sync=target -j 2 lint typecheck
	$(PY) -m pytest -n $(WORKERS) --dist loadfile --durations=20

test-zensical: $(TEST_INSTALLED) browser-deps  ## only the Zensical engine's tests (make test runs them too)
	$(PY) -m pytest -m zensical

exports: $(addprefix export-,$(EXPORTS))  ## write every export into dist/

$(addprefix export-,$(EXPORTS)): export-%: $(INSTALLED)  ## e.g. make export-gift (Python only)
	$(PY) -m generator export $*

export-answer-key: browser-deps  ## the PDF is printed by Chromium

node_modules/.installed: package.json package-lock.json  ## npm: test tools only
	npm install --no-audit --no-fund --silent
	mkdir -p node_modules
	touch node_modules/.installed

lint: $(TEST_INSTALLED) node_modules/.installed
	$(BIN)/ruff check generator tests benchmarks scripts
	$(BIN)/ruff format --check generator tests benchmarks scripts
	npx --no-install eslint generator/assets tests/node

typecheck: $(TEST_INSTALLED)
	$(BIN)/mypy

browser-deps:  ## Debian's Chromium and CJK fonts (falls back to Playwright's browser without apt)
	@bash scripts/ensure-browser.sh $(PY)

benchmark: $(TEST_INSTALLED) node_modules/.installed browser-deps  ## issue 13's figures (about 27 minutes), written into README.md
	$(PY) -m benchmarks --write-readme

screenshots: $(TEST_INSTALLED) browser-deps  ## the learner's journeys, desktop and phone, light and dark, in build/screenshots/ (not in make test)
	$(PY) scripts/screenshots.py

$(INSTALLED): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[zensical]'
	touch $(INSTALLED)

$(TEST_INSTALLED): pyproject.toml  # one pip run for both: a second resolve cost 13 s
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[zensical,test]'
	touch $(INSTALLED) $(TEST_INSTALLED)

clean:
	rm -rf build site dist
