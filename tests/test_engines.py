"""Streaming ingest and engines: documents are stored as they come back and not held; every engine
(in-process, budgeted workers, process pool, Dask) leaves the store a sequential ingest leaves."""

from __future__ import annotations

import gc
import sqlite3
import sys

import pytest
from typer.testing import CliRunner

import pipeline.batch
import pipeline.engines
from conftest import CORPUS, NOTICE_2023, NOTICE_2024
from pipeline.batch import PARALLEL_FROM, collect_files, ingest
from pipeline.cli import app
from pipeline.errors import EngineError, MissingDependencyError
from pipeline.model import Document
from pipeline.settings import Settings
from pipeline.store import Store

SEQUENTIAL = Settings(workers=1, file_timeout=None, file_memory_mb=None)


def make_corpus(folder, count: int):
    """The two corpus notices, ``count`` variants of them (other numbers, units reordered), one file
    that fails, and two files that share a stem (so that doc ids carry the extension)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [NOTICE_2023.read_text("utf-8"), NOTICE_2024.read_text("utf-8")]
    (folder / NOTICE_2023.name).write_text(texts[0], "utf-8")
    (folder / NOTICE_2024.name).write_text(texts[1], "utf-8")
    for index in range(count):
        text = texts[index % 2].replace("〔2023〕3号", f"〔2023〕{index + 100}号")
        if index % 3 == 0:
            text = text.replace("省总工会、省人社厅", "省人社厅、省总工会")
        (folder / f"v{index:03d}.txt").write_text(text, "utf-8")
    (folder / "v002.md").write_text(texts[0].replace("〔2023〕3号", "〔2023〕999号"), "utf-8")
    (folder / "v005.txt").write_bytes(bytes(range(256)) * 4)  # not a notice: a failure in the middle
    return folder


def store_content(db) -> dict:
    """Everything a store holds, by path: the document JSON and version, items, responsibilities,
    and the units table (ids included: documents are stored in file order whatever the engine)."""
    with sqlite3.connect(db) as connection:
        query = lambda sql: connection.execute(sql).fetchall()  # noqa: E731
        return {
            "documents": query("SELECT id, path, doc_id, sha256, parser_version, json FROM documents ORDER BY path"),
            "items": query("SELECT d.path, i.* FROM items i JOIN documents d ON d.id = i.document_id ORDER BY d.path, i.seq"),
            "responsibilities": query(
                "SELECT d.path, r.* FROM responsibilities r JOIN documents d ON d.id = r.document_id"
                " ORDER BY d.path, r.item_id, r.\"order\", r.unit, r.start"
            ),
            "units": query("SELECT * FROM units ORDER BY canonical"),
        }


def live_documents() -> int:
    gc.collect()
    return sum(isinstance(o, Document) for o in gc.get_objects())


def ingested(folder, db, settings):
    with Store(db) as store:
        report = ingest([folder], store, settings)
    return report, store_content(db)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"), PARALLEL_FROM + 2)


@pytest.fixture(scope="module")
def sequential(corpus, tmp_path_factory):
    """The store a sequential, in-process ingest leaves: what every engine must leave."""
    return ingested(corpus, tmp_path_factory.mktemp("sequential") / "f.db", SEQUENTIAL)


def test_engines_sequential_reference_is_complete(corpus, sequential):
    report, content = sequential
    files = collect_files([corpus])
    assert [f.path for f in report.failures] == [str(corpus / "v005.txt")]
    assert len(report.ingested) == len(files) - 1 == len(content["documents"])
    assert {"v002.md", "v002.txt"} <= {row[2] for row in content["documents"]}
    assert content["responsibilities"] and content["units"]


def test_ingest_stores_each_document_before_the_next_is_parsed_and_keeps_none(tmp_path, monkeypatch):
    """In-process: parse, store, parse, store…; afterwards no document is alive, the report holds
    none, yet the store has every one and the report every warning."""
    folder = make_corpus(tmp_path / "c", 6)
    events: list[str] = []
    real_parse, real_store = pipeline.batch.parse, Store.ingest

    def parse(path, settings=None, *, doc_id=None):
        events.append("parse")
        return real_parse(path, settings, doc_id=doc_id)

    def store(self, document, version=None):
        events.append("store")
        return real_store(self, document, version)

    monkeypatch.setattr(pipeline.batch, "parse", parse)
    monkeypatch.setattr(Store, "ingest", store)
    before = live_documents()
    with Store(tmp_path / "f.db") as db:
        report = ingest([folder], db, SEQUENTIAL)
        after = live_documents()
        stored = [db.load(o.id) for o in report.ingested]
    files = collect_files([folder])
    # one failure (v005.txt, parsed but not stored): every other file is stored right after its parse
    assert "".join("p" if e == "parse" else "s" for e in events).replace("ps", "") == "p"
    assert len(events) == 2 * len(files) - 1
    assert report.documents == [] and after == before
    assert len(stored) == len(files) - 1
    assert report.warnings == [(d.id, w) for d in stored for w in d.warnings]


def test_ingest_keep_documents_gives_them_back_in_file_order(tmp_path):
    folder = make_corpus(tmp_path / "c", 3)
    with Store(tmp_path / "f.db") as store:
        report = ingest([folder], store, SEQUENTIAL, keep_documents=True)
        assert [store.load(o.id) for o in report.ingested] == report.documents
    assert all(isinstance(d, Document) for d in report.documents)


@pytest.mark.parametrize(
    ("settings", "per_worker"),
    [
        (Settings(workers=2), 1),  # budgeted workers (the default path), window of one file each
        (Settings(workers=2), 3),
        (Settings(workers=2, file_timeout=None, file_memory_mb=None), 1),  # the process pool
        (Settings(workers=2, file_timeout=None, file_memory_mb=None), 8),
        (Settings(workers=1), 2),  # one budgeted worker
    ],
    ids=["budget-window-2", "budget-window-6", "pool-window-2", "pool-window-16", "one-worker"],
)
def test_ingest_streaming_store_equals_sequential(corpus, sequential, tmp_path, monkeypatch, settings, per_worker):
    monkeypatch.setattr(pipeline.engines, "PER_WORKER", per_worker)
    report, content = ingested(corpus, tmp_path / "f.db", settings)
    assert content == sequential[1]
    assert report.ingested == sequential[0].ingested  # in file order, with the same ids
    assert report.failures == sequential[0].failures
    assert report.warnings == sequential[0].warnings


def test_ingest_streaming_consumer_stopping_early_stops_the_workers(corpus):
    """A stream left half way (an error in the writer) ends its workers instead of parsing on."""
    jobs = [(path, Settings(workers=2), path.stem) for path in collect_files([corpus])]
    stream = pipeline.engines.parse_stream(jobs, Settings(workers=2))
    first = next(stream)
    stream.close()
    assert isinstance(first, Document)
    import multiprocessing

    assert [p for p in multiprocessing.active_children() if p.is_alive()] == []


# --- Dask -----------------------------------------------------------------------------------------

dask_distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def dask_scheduler():
    """A local Dask cluster of two worker processes, as a scheduler elsewhere would be."""
    with dask_distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def test_engine_dask_store_equals_local(corpus, sequential, tmp_path, dask_scheduler):
    local_report, local = ingested(corpus, tmp_path / "local.db", Settings(workers=2))
    dask_report, on_dask = ingested(corpus, tmp_path / "dask.db", Settings(engine="dask", scheduler=dask_scheduler))
    assert on_dask == local == sequential[1]
    assert [o.path for o in dask_report.ingested] == [o.path for o in local_report.ingested]
    assert dask_report.failures == local_report.failures
    assert dask_report.warnings == local_report.warnings
    with Store(tmp_path / "dask.db") as store:  # and again: only the failing file goes to the cluster
        again = ingest([corpus], store, Settings(engine="dask", scheduler=dask_scheduler))
    assert {o.status for o in again.ingested} == {"unchanged"} and again.failures == local_report.failures


def test_engine_dask_relative_paths_give_the_local_documents(corpus, tmp_path, dask_scheduler, monkeypatch):
    """Workers are handed absolute paths (theirs is another working folder), yet the documents name
    the files as given, as the local engine's do; a failure too."""
    monkeypatch.chdir(corpus)
    names = ["v000.txt", "v005.txt", "v001.txt"]
    with Store(tmp_path / "local.db") as store:
        local = ingest(names, store, SEQUENTIAL, keep_documents=True)
    with Store(tmp_path / "dask.db") as store:
        on_dask = ingest(names, store, Settings(engine="dask", scheduler=dask_scheduler), keep_documents=True)
    assert [d.source.path for d in on_dask.documents] == ["v000.txt", "v001.txt"]
    assert on_dask.documents == local.documents and on_dask.failures == local.failures
    assert store_content(tmp_path / "dask.db") == store_content(tmp_path / "local.db")


def test_engine_dask_cli_with_scheduler(tmp_path, dask_scheduler):
    db = tmp_path / "f.db"
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--engine", "dask", "--scheduler", dask_scheduler], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert [line.split("\t")[0] for line in result.stdout.splitlines()] == ["added", "added"]


def test_engine_dask_starts_a_local_cluster_without_scheduler(tmp_path):
    report, content = ingested(CORPUS, tmp_path / "f.db", Settings(engine="dask", workers=2))
    assert [o.status for o in report.ingested] == ["added", "added"] and report.failures == []
    assert content == ingested(CORPUS, tmp_path / "local.db", SEQUENTIAL)[1]


def test_engine_dask_unreachable_scheduler_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.engines, "DASK_CONNECT_S", 1)
    with Store(tmp_path / "f.db") as store, pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest([NOTICE_2023], store, Settings(engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_engine_dask_missing_is_an_error_with_the_install_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # import dask.distributed: ImportError
    with Store(tmp_path / "f.db") as store, pytest.raises(MissingDependencyError):
        ingest([NOTICE_2023], store, Settings(engine="dask"))
    result = CliRunner().invoke(app, ["ingest", str(NOTICE_2023), "--db", str(tmp_path / "g.db"), "--engine", "dask"])
    assert result.exit_code == 1
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        "Error: the dask engine needs Dask distributed, which is not installed",
        "Hint: " + pipeline.engines.DASK_HINT,
    ]
    assert "Traceback" not in result.output
