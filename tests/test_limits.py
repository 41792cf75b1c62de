"""Bounded work: every cap gives an error naming the limit and the setting that raises it; a
batch stops a file over its time or memory budget, reports it and goes on."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline
from conftest import FIXTURES, NOTICE_2023
from pipeline import batch
from pipeline.errors import LimitError, SettingsError
from pipeline.readers import read_source
from pipeline.settings import Settings

FORMATS = FIXTURES / "formats"


def _limit(path: Path, **settings) -> LimitError:
    with pytest.raises(LimitError) as raised:
        read_source(path, Settings(**settings))
    error = raised.value
    name = next(iter(settings))
    assert f"--set {name}=" in error.hint and error.setting == name
    assert "limit" in str(error) and str(error).startswith(str(path))
    return error


def test_limit_pages_of_a_pdf_and_an_ofd():
    pages = read_source(FORMATS / "notice2023.pdf").pages
    assert f"the PDF has {pages} pages, above the {pages - 1} limit" in str(_limit(FORMATS / "notice2023.pdf", max_pages=pages - 1))
    ofd_pages = read_source(FORMATS / "notice2023.ofd").pages
    assert "pages, above the" in str(_limit(FORMATS / "notice2023.ofd", max_pages=ofd_pages - 1))
    assert read_source(FORMATS / "notice2023.pdf", Settings(max_pages=pages)).pages == pages


@pytest.mark.parametrize("name", ["notice2023.docx", "notice2023.ofd"])
def test_limit_decompressed_xml_of_a_package(name):
    assert "MiB of XML, above the" in str(_limit(FORMATS / name, max_xml_bytes=10_000))


def test_limit_characters_of_text():
    assert "6940 characters of text, above the 1000 limit" in str(_limit(NOTICE_2023, max_chars=1000))


@pytest.mark.parametrize("name", ["tablenotice.docx", "tablenotice.pdf"])
def test_limit_table_cells(name):
    path = FORMATS / name
    cells = sum(len(row) for table in read_source(path).tables for row in table.rows)
    assert cells > 20  # read as tables
    assert f"{cells} cells, above the 20 limit" in str(_limit(path, max_cells=20))


def _huge_scanned_page(path: Path, side: float) -> Path:
    """One page of ``side`` × ``side`` points holding only an image: a scan, so it goes to OCR."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(side, side))
    page.drawImage(ImageReader(Image.new("L", (8, 8), 128)), 0, 0, side, side)
    page.save()
    return path


def test_limit_pixels_of_a_page_rendered_for_ocr(tmp_path):
    """A 14,400 pt page (the largest PDF allows) would render to 829 M pixels: refused before rendering."""
    path = _huge_scanned_page(tmp_path / "huge.pdf", 14_400)
    started = time.perf_counter()
    error = _limit(path, max_ocr_pixels=Settings().max_ocr_pixels)
    assert "page 1 (14400 × 14400 pt) would render to 829 M pixels for OCR, above the 40 M limit" in str(error)
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(
    ("assignments", "expected"),
    [(["max_pages=2000"], {"max_pages": 2000}), (["file_timeout=none", "max_cells=1_000"], {"file_timeout": None, "max_cells": 1000}),
     (["file_timeout=2.5"], {"file_timeout": 2.5})],
)
def test_settings_parse_assignments(assignments, expected):
    assert Settings.parse_assignments(assignments) == expected


@pytest.mark.parametrize("bad", [["max_pages"], ["nope=1"], ["max_pages=many"], ["encoding=utf-8"]])
def test_settings_parse_assignments_names_the_problem(bad):
    with pytest.raises(SettingsError, match="--set takes|must be a number"):
        Settings.parse_assignments(bad)


@pytest.mark.parametrize("values", [{"max_pages": 0}, {"max_cells": -1}, {"file_timeout": 0}, {"max_chars": "many"}, {"max_pages": True}])
def test_settings_limits_must_be_positive(values):
    with pytest.raises(SettingsError, match=next(iter(values))):
        Settings.resolve(**values)


def test_cli_set_raises_a_limit(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    refused = runner.invoke(app, ["parse", str(NOTICE_2023), "--set", "max_chars=1000"])
    assert refused.exit_code == 1 and "Hint: Raise the limit with `--set max_chars=…`" in refused.stderr
    assert runner.invoke(app, ["parse", str(NOTICE_2023), "--set", "max_chars=10000"]).exit_code == 0


# --- budgets per file in a batch -----------------------------------------------------------------


@pytest.fixture
def misbehaving(tmp_path, monkeypatch):
    """Files whose parse hangs, eats memory or kills its process; the rest parse normally.
    (The workers are forked, so they see the patched ``batch.parse``.)"""
    real = batch.parse

    def parse(path, settings, doc_id=None):
        name = Path(path).name
        if name == "hang.txt":
            time.sleep(600)
        if name == "fat.txt":
            hog = [bytearray(64 * 2**20) for _ in range(64)]  # 4 GiB
            return hog
        if name == "crash.txt":
            os._exit(7)
        return real(path, settings, doc_id=doc_id)

    monkeypatch.setattr(batch, "parse", parse)
    files = []
    for name in ("a.txt", "hang.txt", "b.txt", "fat.txt", "crash.txt", "c.txt"):
        path = tmp_path / name
        path.write_text(NOTICE_2023.read_text("utf-8") + "\n" * len(files), "utf-8")
        files.append(path)
    return files


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="the memory budget needs Linux")
def test_batch_stops_files_over_budget_and_goes_on(misbehaving):
    settings = Settings(file_timeout=5, file_memory_mb=512, workers=1)
    seen = []
    started = time.monotonic()
    report = batch.parse_many(misbehaving, settings, seen.append)
    assert time.monotonic() - started < 120  # the hanging file was stopped, not waited for
    assert [d.id for d in report.documents] == ["a", "b", "c"]
    failures = {Path(f.path).name: f for f in report.failures}
    assert sorted(failures) == ["crash.txt", "fat.txt", "hang.txt"]
    assert "longer than the 5 s budget per file (file_timeout)" in failures["hang.txt"].error
    assert "--set file_timeout=" in failures["hang.txt"].hint
    assert "out of memory" in failures["fat.txt"].error and "file_memory_mb" in failures["fat.txt"].hint
    assert "worker parsing it died (exit code 7)" in failures["crash.txt"].error
    assert sorted(seen) == sorted(map(str, misbehaving))


def test_batch_without_budget_parses_in_process(monkeypatch):
    import multiprocessing

    def no_processes(*args, **kwargs):
        raise AssertionError("no worker expected")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    report = batch.parse_many([NOTICE_2023], Settings(file_timeout=None, file_memory_mb=None))
    assert [d.id for d in report.documents] == [NOTICE_2023.stem]


def test_matrix_long_text_columns_are_bounded(doc2023, tmp_path):
    from pipeline.exporters import export
    from pipeline.analysis.matrix import LONG_TEXT_CHARS, documents_to_long

    item = doc2023.items[3]
    huge = "推进" * 30_000
    r = item.responsibilities[0]
    offset = len(huge)
    moved = tuple(replace(x, start=x.start + offset, end=x.end + offset, clause_start=0, clause_end=x.clause_end + offset) for x in item.responsibilities)
    big = replace(item, text=huge + item.text, title=huge, responsibilities=moved)
    document = replace(doc2023, items=(big,))
    assert len(big.clause_host(r)[0 : r.clause_end + offset]) > 60_000
    frame = documents_to_long([document])
    assert frame["clause"].str.len().max() == LONG_TEXT_CHARS and frame["clause"].iloc[0].endswith("…")
    assert frame["title"].str.len().max() == LONG_TEXT_CHARS
    size = export.write_csv(tmp_path / "long.csv", frame).stat().st_size
    assert size < len(moved) * 4 * LONG_TEXT_CHARS * 3 + 10_000  # bounded per row, not per clause
    whole = documents_to_long([document], text_chars=None)
    assert whole["clause"].str.len().max() > 60_000


def test_readme_limits_section_lists_every_setting():
    from conftest import ROOT
    from pipeline.settings import LIMITS

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Limits") : readme.index("## Known limits")]
    assert [name for name in LIMITS if f"`{name}`" not in section] == []
