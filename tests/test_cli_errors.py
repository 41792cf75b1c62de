"""Whatever goes wrong under a command — the file system, the store, a bug — the user gets the
one-line ``Error:`` and a ``Hint:`` with a non-zero exit, never a traceback (``--debug`` shows it)."""

from __future__ import annotations

import errno
import importlib
import os
import sqlite3
import subprocess
import sys
import tempfile

import pytest
from typer.testing import CliRunner

from conftest import NOTICE_2023, ROOT
from pipeline.cli import app

runner = CliRunner()


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def _one_line_error(result) -> str:
    """The error line, after checking the shape: exit 1, ``Error:`` then ``Hint:``, nothing else."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]  # (the progress bar leaves a blank)
    assert len(lines) == 2 and lines[0].startswith("Error: ") and lines[1].startswith("Hint: "), result.stderr
    return lines[0]


def test_cli_output_under_a_file_is_an_error(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("")
    line = _one_line_error(invoke("matrix", NOTICE_2023, "-o", blocker / "m.csv"))
    assert line.startswith(f"Error: {blocker}")


def test_cli_missing_output_folders_are_created(tmp_path):
    out = tmp_path / "not" / "yet" / "there"
    assert invoke("parse", NOTICE_2023, "-o", out / "n.json").exit_code == 0
    assert invoke("matrix", NOTICE_2023, "-o", out / "m.csv").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["m.csv", "n.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the simulated case below covers it")
def test_cli_read_only_output_folder_is_an_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert "Permission denied" in _one_line_error(invoke("matrix", NOTICE_2023, "-o", folder / "m.csv"))
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EACCES, "may write to"), (errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")],
)
def test_cli_unwritable_output_folder_is_an_error(tmp_path, monkeypatch, code, words):
    def refuse(*args, dir=None, **kwargs):
        raise OSError(code, os.strerror(code), str(dir))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    line = _one_line_error(invoke("matrix", NOTICE_2023, "-o", tmp_path / "m.csv"))
    assert line == f"Error: {tmp_path / 'm.csv'}: cannot write the output: {os.strerror(code)}"
    assert words in invoke("matrix", NOTICE_2023, "-o", tmp_path / "m.csv").stderr


def test_cli_run_into_an_unwritable_place_is_an_error(tmp_path, monkeypatch):
    def refuse(*args, dir=None, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(dir))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    _one_line_error(invoke("run", ROOT / "corpus", "--out", tmp_path / "out"))


def test_cli_full_disk_under_the_store_is_an_error(tmp_path, monkeypatch):
    from pipeline.store import Store

    def full(self, document, *args):  # (ingest also takes the parser version)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "ingest", full)
    result = invoke("ingest", NOTICE_2023, "--db", tmp_path / "s.db")
    assert _one_line_error(result) == "Error: store error: database or disk is full"
    assert "free some space" in result.stderr


def test_cli_unexpected_exception_is_an_error_with_a_bug_hint(monkeypatch):
    def bug(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(importlib.import_module("pipeline.parse"), "parse", bug)
    result = invoke("parse", NOTICE_2023)
    assert _one_line_error(result) == "Error: internal error RuntimeError: boom"
    assert "--debug" in result.stderr


def test_cli_debug_shows_the_traceback(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("")
    args = [sys.executable, "-m", "pipeline", "matrix", str(NOTICE_2023), "-o", str(blocker / "m.csv")]
    plain = subprocess.run(args, cwd=ROOT, capture_output=True, text=True)
    debug = subprocess.run(args[:3] + ["--debug"] + args[3:], cwd=ROOT, capture_output=True, text=True)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr and plain.stderr.startswith("Error: ")
    assert debug.returncode != 0 and "Traceback" in debug.stderr


def _mount_namespace() -> bool:
    import shutil

    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:  # the probe does what the test does: mount, bind, remount
        probe = f"mount -t tmpfs -o size=64k tmpfs {folder} && mount --bind {folder} {folder} && mount -o remount,ro,bind {folder}"
        return subprocess.run(["unshare", "-m", "sh", "-c", probe], capture_output=True).returncode == 0


@pytest.mark.skipif(not _mount_namespace(), reason="needs `unshare -m` (root) to mount a read-only folder and a tiny disk")
@pytest.mark.parametrize(
    ("setup", "command", "words"),
    [
        ("mount --bind {d} {d} && mount -o remount,ro,bind {d}", ["matrix", str(NOTICE_2023), "-o", "{d}/m.csv"], "Read-only file system"),
        ("mount --bind {d} {d} && mount -o remount,ro,bind {d}", ["run", str(ROOT / "corpus"), "--out", "{d}/out"], "Read-only file system"),
        ("mount -t tmpfs -o size=96k tmpfs {d}", ["ingest", str(ROOT / "corpus"), "--db", "{d}/s.db"], "full"),
        ("mount -t tmpfs -o size=96k tmpfs {d}", ["run", str(ROOT / "corpus"), "--out", "{d}/out", "--db", "{d}/../s.db"], "No space left"),
    ],
    ids=["matrix-read-only", "run-read-only", "ingest-full-disk-under-the-store", "run-full-disk"],
)
def test_cli_real_read_only_folder_and_full_disk(tmp_path, setup, command, words):
    folder = tmp_path / "target"
    folder.mkdir()
    script = setup.format(d=folder) + ' && exec "$@"'
    args = [a.format(d=folder) for a in command]
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", sys.executable, "-m", "pipeline", *args],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[-2].startswith("Error: ") and lines[-1].startswith("Hint: "), result.stderr
    assert words in lines[-2], result.stderr
