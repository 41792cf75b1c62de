"""The committed outputs/ are what a fresh run of the main job writes."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from conftest import ROOT
from pipeline.batch import run_corpus

COMMITTED = ROOT / "outputs"
VOLATILE = re.compile(r'lastmodifieddate="[^"]*"')


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, request):
    import os

    out = tmp_path_factory.mktemp("outputs")
    cwd = os.getcwd()
    os.chdir(ROOT)  # document paths in the outputs are relative to the project root
    try:
        report = run_corpus("corpus", out, db_path=out / "fengong.db")
    finally:
        os.chdir(cwd)
    return out, report


def test_outputs_fresh_run_has_no_failures(fresh):
    _, report = fresh
    assert report.failures == []
    assert {d.id for d in report.documents} >= {"2023_jiangsu_industrial_workforce_reform_plan"}


def _files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file() and not p.name.startswith("fengong.db"))


def test_outputs_committed_match_fresh_run(fresh):
    out, _ = fresh
    assert _files(COMMITTED) == _files(out), "run `make run` and commit outputs/"
    for relative in _files(out):
        if relative.suffix == ".xlsx":
            rows = lambda p: list(load_workbook(p).active.iter_rows(values_only=True))  # noqa: E731
            assert rows(COMMITTED / relative) == rows(out / relative), relative
        else:
            committed = _stable(relative, (COMMITTED / relative).read_text("utf-8"))
            assert committed == _stable(relative, (out / relative).read_text("utf-8")), f"{relative} differs: run `make run`"


FIGURE = re.compile(r"<svg.*?</svg>", re.S)


def _stable(relative, text):
    """What must not change between machines: the figures' drawing depends on the fonts installed
    and on matplotlib's version, so the report is compared without the inside of its SVGs."""
    text = VOLATILE.sub("", text)
    return FIGURE.sub("<svg/>", text) if relative.name == "report.html" else text
