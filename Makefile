# corpus_tools: the front door. `make figures` and `make test` each do all set-up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
KERNEL := corpus-tools
STAMP  := $(VENV)/.installed-stamp
EXTRAS ?= test,scale

# Bring your own corpus: make figures DATA_DIR=/path/to/data FIGURES_DIR=/path/to/figures
DATA_DIR ?=
FIGURES_DIR ?=
PROCESSED_DIR ?=
ACTORS_CSV ?=
FRAMES_CSV ?=
NAMING_CSV ?=
STANCE_LEXICON_CSV ?=
TOPIC_JSON ?=
CODING_SHEET ?=
RUN_ARGS = $(if $(DATA_DIR),--data-dir "$(DATA_DIR)") \
           $(if $(FIGURES_DIR),--figures-dir "$(FIGURES_DIR)") \
           $(if $(PROCESSED_DIR),--processed-dir "$(PROCESSED_DIR)") \
           $(if $(ACTORS_CSV),--actors-csv "$(ACTORS_CSV)") \
           $(if $(FRAMES_CSV),--frames-csv "$(FRAMES_CSV)") \
           $(if $(NAMING_CSV),--naming-csv "$(NAMING_CSV)") \
           $(if $(STANCE_LEXICON_CSV),--stance-lexicon-csv "$(STANCE_LEXICON_CSV)") \
           $(if $(TOPIC_JSON),--topic-json "$(TOPIC_JSON)") \
           $(if $(CODING_SHEET),--coding-sheet "$(CODING_SHEET)")

.PHONY: help setup figures test test-fast lint lab bench clean

help:
	@echo "make figures  set up .venv and regenerate figures/ and data/processed/"
	@echo "make test     set up .venv and run lint + the whole test suite"
	@echo "make test-fast  lint + the tests not marked slow (no notebook runs, no cluster)"
	@echo "make lab      open JupyterLab on the project kernel"
	@echo "make bench    run the benchmarks (see benchmarks/README.md)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) \
		--display-name "Python (corpus-tools)" > /dev/null
	touch $(STAMP)

setup: $(STAMP)

figures: setup
	$(BIN)/corpus-tools run-notebooks --kernel $(KERNEL) $(RUN_ARGS)

lint: setup
	$(BIN)/ruff check .

test: setup lint
	$(BIN)/python -m pytest

# Everything but the tests marked slow (notebook runs, the Dask cluster).
test-fast: setup lint
	$(BIN)/python -m pytest -m "not slow"

lab: setup
	$(BIN)/jupyter lab --notebook-dir notebooks

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf build .pytest_cache .ruff_cache
