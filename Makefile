# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORPUS ?= corpus
OUT ?= outputs

.PHONY: run test bench install install-dev office clean cjk-font browser

# System packages from Debian, installed with apt-get when missing and when we may (root):
# a CJK font so that figures are laid out with Chinese metrics, and Chromium for the browser test.
# Without them the report still works (the browser draws the text) and the browser test skips.
APT_INSTALL = DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends
apt_get = { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
  { $(APT_INSTALL) $(1) >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && $(APT_INSTALL) $(1) >/dev/null 2>&1; }; }; } || \
  echo "note: could not install $(1) with apt-get; $(2)"


# LibreOffice converts .doc/.wps/.et/.ods for the readers (pipeline/readers/_office.py). Installed
# from Debian when soffice is missing; skipped when it is there. As root (CI) apt-get runs directly.
OFFICE_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui
SUDO := $(shell [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && echo sudo)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[parquet]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,ocr,parquet,dask]'
	touch $@

install: $(VENV)/.installed cjk-font
install-dev: $(VENV)/.installed-dev cjk-font

cjk-font:
	@fc-list 2>/dev/null | grep -qiE "WenQuanYi|Noto Sans CJK|Source Han Sans" || $(call apt_get,fonts-wqy-microhei,figure labels will be laid out without a CJK font)

browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || $(call apt_get,chromium,the browser test of the report will be skipped)

office:
	@if command -v soffice >/dev/null 2>&1 || [ -n "$$FENGONG_SOFFICE" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && { [ "$$(id -u)" = 0 ] || [ -n "$(SUDO)" ]; }; then \
		echo "Installing LibreOffice for the .doc/.wps/.et/.ods readers: $(OFFICE_PACKAGES)" && \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(OFFICE_PACKAGES); \
	else echo "LibreOffice (soffice) is missing: install $(OFFICE_PACKAGES) to read .doc/.wps/.et/.ods"; fi

run: install office
	$(VENV)/bin/fengong run $(CORPUS) --out $(OUT)

test: install-dev browser office
	$(PY) -m pytest -q

bench: install-dev
	$(PY) benchmarks/run.py
	$(PY) benchmarks/bench_parse.py
	$(PY) benchmarks/bench_formats.py
	$(PY) benchmarks/bench_diff.py
	$(PY) benchmarks/bench_report.py
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
