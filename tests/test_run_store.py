"""`fengong run` builds its outputs from the store: a second run parses nothing and writes the same
bytes; the outputs hold the documents of the corpus folder, whatever else the store holds; the
workbooks keep their frozen panes, filters and headers."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import networkx as nx
import pytest
from openpyxl import load_workbook

from conftest import NOTICE_2023, NOTICE_2024
from pipeline.batch import collect_files, consecutive_editions, ingest, run_corpus
from pipeline.exporters.corpus import _stored_editions, iter_selected, select
from pipeline.settings import Settings
from pipeline.store import Store

IN_PROCESS = Settings(workers=1, file_timeout=None, file_memory_mb=None)  # parse calls seen by the test


def _outputs(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith("fengong.db")}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for notice in (NOTICE_2023, NOTICE_2024):
        shutil.copy(notice, folder / notice.name)
    return folder


def test_run_store_second_run_parses_nothing_and_writes_the_same_bytes(tmp_path, corpus, parses):
    out = tmp_path / "out"
    first = run_corpus(corpus, out, IN_PROCESS)
    before = _outputs(out)
    assert len(parses) == 2 and [o.status for o in first.ingested] == ["added", "added"]
    second = run_corpus(corpus, out, IN_PROCESS)
    assert len(parses) == 2  # both files unchanged in the store: read back, not parsed
    assert [o.status for o in second.ingested] == ["unchanged", "unchanged"]
    assert _outputs(out) == before
    run_corpus(corpus, out, Settings(workers=2, file_timeout=None, file_memory_mb=None))  # spreadsheets in a second process
    assert _outputs(out) == before
    assert [d.id for d in second.documents] == [NOTICE_2023.stem, NOTICE_2024.stem]
    assert sum(d.responsibilities for d in second.documents) == 157


def test_run_store_outputs_hold_only_the_folders_documents(tmp_path, corpus):
    db = tmp_path / "shared.db"
    other = tmp_path / "other"
    other.mkdir()
    (other / "elsewhere.txt").write_text(NOTICE_2023.read_text("utf-8").replace("〔2023〕3号", "〔2023〕99号"), "utf-8")
    with Store(db) as store:
        ingest([other], store, IN_PROCESS)  # in the store, not in the corpus folder
    out = tmp_path / "out"
    run_corpus(corpus, out, IN_PROCESS, db_path=db)
    assert sorted(p.name for p in (out / "documents").iterdir()) == [f"{NOTICE_2023.stem}.json", f"{NOTICE_2024.stem}.json"]
    (corpus / NOTICE_2024.name).unlink()
    report = run_corpus(corpus, out, IN_PROCESS, db_path=db)
    with Store(db) as store:
        assert len(store.documents()) == 3  # the removed file's document is still stored …
    assert [d.id for d in report.documents] == [NOTICE_2023.stem]  # … but no output shows it, nor the other folder's
    assert sorted(p.name for p in (out / "documents").iterdir()) == [f"{NOTICE_2023.stem}.json"]
    assert not (out / "diffs").exists()
    outputs = _outputs(out)
    for name, data in outputs.items():
        if not name.endswith(".xlsx"):
            text = data.decode("utf-8-sig")
            assert NOTICE_2024.stem not in text and "elsewhere" not in text and "〔2023〕99号" not in text, name
    assert [d["id"] for d in json.loads(outputs["report.json"])["documents"]] == [NOTICE_2023.stem]
    ledger = load_workbook(out / "ledger.xlsx")["台账"]
    assert {row[1] for row in ledger.iter_rows(min_row=2, values_only=True)} == {"苏产改办〔2023〕3号"}


def test_run_store_documents_keep_the_path_the_run_found_them_at(tmp_path, corpus):
    """A file ingested under its absolute path, then run from its folder by a relative path, is
    written as a fresh run writes it (the stored JSON's path is the run's)."""
    db = tmp_path / "f.db"
    with Store(db) as store:
        ingest([corpus.resolve()], store, IN_PROCESS)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        run_corpus("corpus", "out", IN_PROCESS, db_path=db)
        run_corpus("corpus", "fresh", IN_PROCESS)
    finally:
        os.chdir(cwd)
    document = json.loads((tmp_path / "out" / "documents" / f"{NOTICE_2023.stem}.json").read_text("utf-8"))
    assert document["source"]["path"] == f"corpus/{NOTICE_2023.name}"
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "fresh")


def test_run_store_workbooks_keep_frozen_panes_filters_and_headers(tmp_path, corpus):
    out = tmp_path / "out"
    run_corpus(corpus, out, IN_PROCESS)
    matrix = load_workbook(out / "matrix.xlsx").active
    assert matrix.freeze_panes == "I2" and matrix["A1"].value == "doc_id" and matrix["A1"].font.bold
    assert matrix["I1"].value == "省委宣传部" and matrix.column_dimensions["F"].width == 40
    assert matrix.max_row == 1 + 28 + 28  # header, the tasks of both notices
    book = load_workbook(out / "ledger.xlsx")
    assert book.sheetnames == ["台账", "矩阵", "明细", "单位"]
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}", sheet.title
        assert sheet.freeze_panes.endswith("2") and sheet.print_title_rows == "$1:$1"
        assert sheet.cell(1, 1).font.bold and sheet.cell(1, 1).fill.fgColor.rgb.endswith("E7E6E6")
        assert sheet.cell(2, 1).border.left.style == "thin"
        assert sheet.page_setup.orientation == "landscape" and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert book["台账"].max_row == 1 + 28 + 28 and book["明细"].max_row == 1 + 157
    assert book["矩阵"].freeze_panes == "F2" and book["矩阵"].cell(1, 6).alignment.text_rotation == 255


def test_run_store_graph_files_read_back_as_the_graph(doc2023, tmp_path):
    from pipeline.analysis.graph import documents_to_graph
    from pipeline.exporters import export

    graph = documents_to_graph([doc2023])

    def flat(data):
        return {k: ";".join(map(str, v)) if isinstance(v, list) else v for k, v in data.items() if v is not None}

    for suffix, read in ((".graphml", nx.read_graphml), (".gexf", nx.read_gexf)):
        back = read(export.write_graph(tmp_path / f"g{suffix}", graph))
        assert {n: flat(d) for n, d in graph.nodes(data=True)} == {n: d for n, d in back.nodes(data=True)}, suffix
        edges = {frozenset((u, v)): {k: x for k, x in d.items() if k != "id"} for u, v, d in back.edges(data=True)}
        assert edges == {frozenset((u, v)): flat(d) for u, v, d in graph.edges(data=True)}, suffix


def test_run_store_editions_from_the_stores_columns_pair_as_the_documents_do(tmp_path, corpus):
    # The parallel run makes the diffs beside the gathering, the editions told by the store's columns:
    # they must pair as the documents' own metadata does, series and years mixed.
    text = NOTICE_2023.read_text("utf-8")
    for year, title in ((2021, "另一方案"), (2022, "另一方案"), (2025, None)):
        variant = text.replace("2023", str(year))
        if title:
            variant = variant.replace("产业工人队伍建设改革", title)
        (corpus / f"variant_{year}.txt").write_text(variant, "utf-8")
    with Store(tmp_path / "s.db") as store:
        report = ingest([corpus], store, IN_PROCESS)
        selected = select(store, report.ingested, collect_files([corpus]))
        gathered = [SimpleNamespace(id=d.id, meta=d.meta, chosen=c) for c, d, _ in iter_selected(store, selected)]
        key = lambda pairs: [(a.chosen.stored_id, b.chosen.stored_id) for a, b in pairs]  # noqa: E731
        pairs = consecutive_editions(gathered)
        assert len(pairs) >= 2
        assert key(consecutive_editions(_stored_editions(store, selected))) == key(pairs)
