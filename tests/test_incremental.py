"""Re-ingest: an unchanged file costs a stat and a hash, not a parse; a new parser version parses again."""

from __future__ import annotations

import importlib

import pytest

import pipeline
import pipeline.batch
from conftest import NOTICE_2023, NOTICE_2024
from pipeline.batch import file_sha256, ingest
from pipeline.parse import parser_version
from pipeline.settings import Settings
from pipeline.store import MIGRATIONS, Store

PARSE_MODULE = importlib.import_module("pipeline.parse")  # (pipeline.parse is also the function)
IN_PROCESS = Settings(workers=1, file_timeout=None, file_memory_mb=None)  # parse calls seen by the test


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = NOTICE_2023.read_text("utf-8")
    for index in range(3):
        (folder / f"n{index}.txt").write_text(text.replace("〔2023〕3号", f"〔2023〕{index + 10}号"), "utf-8")
    (folder / "n3.txt").write_bytes(NOTICE_2024.read_bytes())
    return folder


def statuses(report) -> list[str]:
    return [outcome.status for outcome in report.ingested]


def test_ingest_reingest_of_unchanged_files_parses_nothing(tmp_path, corpus, parses):
    with Store(tmp_path / "f.db") as store:
        first = ingest([corpus], store, IN_PROCESS)
        assert statuses(first) == ["added"] * 4 and len(parses) == 4
        stored = store.documents()
        again = ingest([corpus], store, IN_PROCESS)
        assert len(parses) == 4  # not one more
        assert statuses(again) == ["unchanged"] * 4
        assert [o.id for o in again.ingested] == [o.id for o in first.ingested]
        assert [o.path for o in again.ingested] == [o.path for o in first.ingested]
        assert again.documents == [] and again.failures == []
        assert store.documents() == stored


def test_ingest_only_the_changed_file_is_parsed_and_the_order_is_the_files(tmp_path, corpus, parses):
    with Store(tmp_path / "f.db") as store:
        ingest([corpus], store, IN_PROCESS)
        changed = corpus / "n2.txt"
        changed.write_text(changed.read_text("utf-8").replace("〔2023〕12号", "〔2023〕99号"), "utf-8")
        parses.clear()
        again = ingest([corpus], store, IN_PROCESS)
        assert parses == [str(changed)]
        assert statuses(again) == ["unchanged", "unchanged", "replaced", "unchanged"]
        assert store.load(again.ingested[2].id).meta.doc_number == "苏产改办〔2023〕99号"


def test_ingest_reingest_in_worker_processes_parses_nothing(tmp_path, corpus, monkeypatch):
    """The default path (a budget per file: every parse in a worker) skips before handing out files:
    a parse that would fail shows no failure."""
    with Store(tmp_path / "f.db") as store:
        ingest([corpus], store)

        def refuse(*args, **kwargs):
            raise AssertionError("an unchanged file was parsed")

        monkeypatch.setattr(pipeline.batch, "parse", refuse)
        again = ingest([corpus], store)
        assert again.failures == []
        assert statuses(again) == ["unchanged"] * 4


def test_ingest_a_new_parser_version_parses_again(tmp_path, corpus, parses, monkeypatch):
    with Store(tmp_path / "f.db") as store:
        ingest([corpus], store, IN_PROCESS)
        old = parser_version(IN_PROCESS)
        monkeypatch.setattr(PARSE_MODULE, "PARSER_VERSION", "test-next")
        new = parser_version(IN_PROCESS)
        assert new != old and new.startswith("test-next+")
        parses.clear()
        again = ingest([corpus], store, IN_PROCESS)
        assert len(parses) == 4 and statuses(again) == ["replaced"] * 4
        recorded = {row[0] for row in store.db.execute("SELECT parser_version FROM documents")}
        assert recorded == {new}
        parses.clear()
        assert statuses(ingest([corpus], store, IN_PROCESS)) == ["unchanged"] * 4 and parses == []


def test_ingest_a_changed_extra_registry_parses_again(tmp_path, corpus, parses):
    registry = tmp_path / "extra.csv"
    registry.write_text("canonical,type,full_name,aliases\n测试局,government_department,测试局,\n", "utf-8")
    settings = Settings.resolve(IN_PROCESS, registry_files=[str(registry)])
    with Store(tmp_path / "f.db") as store:
        ingest([corpus], store, settings)
        parses.clear()
        assert statuses(ingest([corpus], store, settings)) == ["unchanged"] * 4 and parses == []
        registry.write_text(registry.read_text("utf-8") + "试验局,government_department,试验局,\n", "utf-8")
        assert statuses(ingest([corpus], store, settings)) == ["replaced"] * 4 and len(parses) == 4


def test_ingest_a_store_from_before_parser_versions_parses_once_more(tmp_path, corpus, parses):
    db = tmp_path / "old.db"
    with Store(db) as store:
        ingest([corpus], store, IN_PROCESS)
        # as an earlier fengong left it: no parser_version column, its migration not applied
        with store.transaction():
            store.db.execute("ALTER TABLE documents DROP COLUMN parser_version")
            store.db.execute("DELETE FROM migrations WHERE name = '0002_parser_version'")
    parses.clear()
    with Store(db) as store:
        assert sorted(store.applied_migrations()) == sorted(name for name, _ in MIGRATIONS)  # (0002 applied last)
        assert {row[0] for row in store.db.execute("SELECT parser_version FROM documents")} == {None}
        assert statuses(ingest([corpus], store, IN_PROCESS)) == ["replaced"] * 4 and len(parses) == 4
        assert statuses(ingest([corpus], store, IN_PROCESS)) == ["unchanged"] * 4 and len(parses) == 4


def test_ingest_the_hash_checked_is_the_one_the_readers_record(tmp_path, corpus):
    document = pipeline.parse(corpus / "n0.txt")
    assert file_sha256(corpus / "n0.txt") == document.source.sha256
