# The two commands of the README's Quickstart:
#   make map   -- set up .venv and build maps/<mission>.html from seeds/
#   make test  -- set up .venv with the test extras and run the whole suite
# Both are idempotent: the environment is only reinstalled when pyproject.toml changes.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: map test lint bench clean

map: $(VENV)/.installed
	$(BIN)/missionmap build

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check geo tests benchmarks scripts
	$(BIN)/ruff format --check geo tests benchmarks scripts

bench: $(VENV)/.installed-test
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

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
