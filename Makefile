# The two commands of the README's Quickstart:
#   make map   -- set up .venv and build maps/<mission>.html from seeds/
#   make test  -- set up .venv with the test extras and run the whole suite
# Both are idempotent: the package is only reinstalled when pyproject.toml changes, and the
# reader's spaCy pipelines (pinned by hash) only when requirements/models.txt does.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MODELS := requirements/models.txt

.PHONY: map test lint bench clean

map: $(VENV)/.installed $(VENV)/.models
	$(BIN)/missionmap build

test: $(VENV)/.installed-test $(VENV)/.models
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check geo tests benchmarks scripts
	$(BIN)/ruff format --check geo tests benchmarks scripts

bench: $(VENV)/.installed-test $(VENV)/.models
	$(BIN)/python benchmarks/bench_map.py
	$(BIN)/python benchmarks/bench_geocode.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

# The reader's pipelines are wheels pinned by sha256. --no-deps: spaCy itself is a dependency
# of the package (pyproject.toml), so a model never brings in a spaCy of its own choosing.
$(VENV)/.models: $(MODELS) | $(BIN)/python
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r $(MODELS)
	touch $@

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .missionmap-cache
