"""The store under real processes: concurrent ingests, kill -9, a crash inside a migration;
and files that move or disappear (rename, ``ingest --prune``)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.store import MIGRATIONS, Store

from conftest import NOTICE_2023, ROOT


def _variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct files (different bytes, same notice): trailing blank lines differ."""
    folder.mkdir(parents=True, exist_ok=True)
    text = NOTICE_2023.read_text("utf-8")
    paths = []
    for k in range(count):
        path = folder / f"notice_{k:03d}.txt"
        path.write_text(text + "\n" * (k + 1), "utf-8")
        paths.append(path)
    return paths


def _fengong(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _consistent(db: Path) -> dict[str, int]:
    """Integrity check, and every stored document's rows match its JSON; returns counts."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        documents = connection.execute("SELECT id, json FROM documents").fetchall()
        for stored_id, data in documents:
            items = json.loads(data)["items"]
            assert connection.execute("SELECT count(*) FROM items WHERE document_id = ?", (stored_id,)).fetchone() == (len(items),)
            pairs = sum(len(item["responsibilities"]) for item in items)
            assert connection.execute("SELECT count(*) FROM responsibilities WHERE document_id = ?", (stored_id,)).fetchone() == (pairs,)
        paths = [row[0] for row in connection.execute("SELECT path FROM documents")]
    assert len(paths) == len(set(paths))
    return {"documents": len(documents)}


@pytest.mark.parametrize("processes", [2, 4])
def test_store_concurrent_ingests_of_overlapping_sets_lose_nothing(tmp_path, processes):
    files = _variants(tmp_path / "in", 24)
    db = tmp_path / "store.db"  # fresh: every process also races to create and migrate it
    window, step = 12, 4
    sets = [files[i * step : i * step + window] for i in range(processes)]
    running = [_fengong("ingest", *map(str, chunk), "--db", str(db), "--workers", "1") for chunk in sets]
    results = [(p.wait(timeout=300), *p.communicate()) for p in running]
    assert [(code, err.strip()) for code, _, err in results] == [(0, "")] * processes
    for (_, out, _), chunk in zip(results, sets):
        assert len(out.splitlines()) == len(chunk)
    union = {str(p.resolve()) for chunk in sets for p in chunk}
    assert _consistent(db) == {"documents": len(union)}
    with Store(db) as store:
        assert {d.path for d in store.documents()} == union


def test_store_kill_during_ingest_leaves_a_consistent_store(tmp_path):
    files = _variants(tmp_path / "in", 120)
    db = tmp_path / "store.db"
    process = _fengong("ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1")
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(db, timeout=0.1) as connection:
                stored = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.communicate()
    assert _consistent(db)["documents"] <= len(files)
    again = _fengong("ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1")
    assert again.wait(timeout=300) == 0, again.communicate()[1]
    again.communicate()
    assert _consistent(db) == {"documents": len(files)}


CRASH_IN_MIGRATION = """
import os, sys
from pipeline import store
original = store.MIGRATIONS[0][1]
store.MIGRATIONS[:] = [("0001_initial", original + "; SELECT crash()")]
real_connect = store.sqlite3.connect
def connect(*args, **kwargs):
    connection = real_connect(*args, **kwargs)
    connection.create_function("crash", 0, lambda: os._exit(9))  # dies with the migration half done
    return connection
store.sqlite3.connect = connect
store.Store(sys.argv[1])
"""


def test_store_crash_inside_the_first_migration_leaves_a_store_that_opens(tmp_path):
    db = tmp_path / "store.db"
    crashed = subprocess.run([sys.executable, "-c", CRASH_IN_MIGRATION, str(db)], cwd=ROOT, capture_output=True)
    assert crashed.returncode == 9
    with Store(db) as store:
        assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
        assert store.documents() == []


def test_store_renamed_file_keeps_one_document_with_the_new_path(tmp_path, doc2023):
    import pipeline

    first = tmp_path / "a.txt"
    shutil.copy(NOTICE_2023, first)
    moved = tmp_path / "sub" / "b.txt"
    with Store(":memory:") as store:
        added = store.ingest(pipeline.parse(first))
        moved.parent.mkdir()
        first.rename(moved)
        renamed = store.ingest(pipeline.parse(moved))
        assert (added.status, renamed.status, renamed.id) == ("added", "renamed", added.id)
        assert [(d.path, d.doc_id) for d in store.documents()] == [(str(moved.resolve()), "b")]
        assert store.db.execute("SELECT count(*) FROM items").fetchone()[0] == len(doc2023.items)


def test_store_copy_of_an_existing_file_is_a_second_document(tmp_path):
    import pipeline

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(NOTICE_2023, a)
    shutil.copy(NOTICE_2023, b)
    with Store(":memory:") as store:
        outcomes = [store.ingest(pipeline.parse(p)).status for p in (a, b)]
        assert outcomes == ["added", "added"]
        assert len(store.documents()) == 2


def test_cli_ingest_prune_drops_documents_whose_files_are_gone(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    keep, gone = _variants(tmp_path / "in", 2)
    db = tmp_path / "store.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)]).exit_code == 0
    gone.unlink()
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db), "--prune"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"unchanged\t1\t{keep.resolve()}", f"pruned\t2\t{gone.resolve()}"]
    with Store(db) as store:
        assert [d.path for d in store.documents()] == [str(keep.resolve())]
        assert store.db.execute("SELECT count(*) FROM items WHERE document_id = 2").fetchone() == (0,)


def test_store_file_is_in_wal_mode_with_its_migrations_recorded(tmp_path):
    db = tmp_path / "store.db"
    Store(db).close()
    with sqlite3.connect(db) as connection:
        assert [r[0] for r in connection.execute("SELECT name FROM migrations")] == [name for name, _ in MIGRATIONS]
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)

