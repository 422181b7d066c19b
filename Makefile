# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test chat migrate lint bench bench-flows bench-ocr clean

# The stamp is rebuilt only when pyproject.toml changes, so repeated runs are instant.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

migrate: $(STAMP)
	$(PY) -m bot migrate

run: migrate
	$(PY) -m bot

chat: migrate
	$(PY) -m bot chat

test: $(STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check bot flows tests bench
	$(VENV)/bin/mypy bot flows
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) -m bench

# The brain alone: one assessment and one conversation step (issue 2's < 1 ms goal).
bench-flows: $(STAMP)
	$(PY) -m bench.flows_bench

# Letter photos: synthetic IRS notices read by the real OCR engine on one core (docs/ocr.md).
bench-ocr: $(STAMP)
	$(PY) -m bench.ocr_bench

clean:
	rm -rf $(VENV) .pytest_cache
