# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= corpus
OUT ?= outputs

.PHONY: run test bench install install-dev clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,ocr]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(VENV)/bin/fengong run $(CORPUS) --out $(OUT)

test: install-dev
	$(PY) -m pytest -q

bench: install-dev
	$(PY) benchmarks/run.py
	$(PY) benchmarks/bench_formats.py
	$(PY) benchmarks/bench_diff.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
