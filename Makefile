# One command to set up and run the demo, one to set up and run every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup lint benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/lookedafter synth --children 1000 --years 5 --seed 42 --out demo/data
	$(BIN)/lookedafter summary demo/data

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy lookedafter

test: setup lint
	$(BIN)/pytest -n 2 -q

benchmark: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) demo
