# Quick start: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEEDS := tests/fixtures/seeds

.PHONY: demo test lint test-browser test-thorough bench accuracy install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable install with the test extras (the ocr extra's libraries among them, so that the OCR
# tests run); redone when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.package

# The package alone, with no extra: all the demo needs (it reads the seeds' text).
$(VENV)/.package: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.package
	$(BIN)/python -m govinfo_report.cli.demo $(SEEDS)/*.txt

# The suite on every core (pytest-xdist): about half the time on the 2-core machines here.
test: install
	$(BIN)/python -m pytest -n auto

# ruff (lint and format, pinned in the test extras so every machine formats alike) and
# mypy --strict over the package.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict src

# The review page in headless Chromium: its script run, the DOM checked, docs/review.png
# written; the review app end to end (a value typed, a blank marked, an OCR value confirmed,
# the export checked), its screenshots written for docs/review.md. Installs Debian's chromium and a CJK font when missing (apt-get: needs root).
test-browser: install
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y \
			--no-install-recommends chromium fonts-noto-cjk; }
	$(BIN)/python -m pytest -m browser tests/outputs/test_review_browser.py tests/outputs/test_review_app_browser.py

# The whole suite with every property (each never-a-wrong-number property, the others, the
# readers' fuzzing) at 1,000 examples each, fresh every run, and the long runs marked
# thorough: the two real PDFs scanned clean and degraded and read by OCR, 200 random scanned
# tables (an hour or more).
test-thorough: install
	HYPOTHESIS_PROFILE=thorough $(BIN)/python -m pytest -n auto -m 'not browser' tests

# The benchmark suite (docs/performance.md): corpora of 1k, 10k and 100k generated reports
# (written once into benchmarks/.corpus), every measurement, the results into the docs.
bench: install
	$(BIN)/python benchmarks/bench.py --write-docs

# The accuracy tables of docs/accuracy.md: every cell of the real reports (against the targets
# of each input class) and of the converter fixtures, scored.
accuracy: install
	$(BIN)/python benchmarks/accuracy.py --write-docs

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis benchmarks/.corpus
