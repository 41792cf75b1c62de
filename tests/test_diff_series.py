"""One notice against every stored edition of its series: `diff_series` and `fengong diff --series`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import NOTICE_2023, NOTICE_2024

from pipeline.analysis.diff import diff_documents
from pipeline.analysis.series import diff_series, series_editions
from pipeline.cli import app

runner = CliRunner()
COUNTS_2023_2024 = {"unchanged": 7, "revised": 16, "added": 4, "removed": 4, "moved": 1}


@pytest.fixture
def editions(tmp_path):
    """Files: the 2023 and 2024 editions, a 2025 edition (the 2024 text a year on), and a notice of
    another series (the 2023 text with another plan title)."""
    later = tmp_path / "2025_edition.txt"
    later.write_text(NOTICE_2024.read_text("utf-8").replace("2024", "2025").replace("技能人才", "高技能人才"), "utf-8")
    other = tmp_path / "other_series.txt"
    other.write_text(NOTICE_2023.read_text("utf-8").replace("产业工人队伍建设改革", "数字经济发展"), "utf-8")
    return {"2023": NOTICE_2023, "2024": NOTICE_2024, "2025": later, "other": other}


def _counts(result) -> dict:
    return {s: result.count(s) for s in COUNTS_2023_2024}


def test_diff_series_compares_with_every_other_edition_in_time_order(editions, fresh_store):
    import pipeline

    parsed = {name: pipeline.parse(path) for name, path in editions.items()}
    for document in parsed.values():
        fresh_store.ingest(document)
    results = list(diff_series(fresh_store, parsed["2024"]))
    assert [(r.old.meta.year, r.new.meta.year) for r in results] == [(2023, 2024), (2024, 2025)]  # not itself, not the other series
    assert _counts(results[0]) == COUNTS_2023_2024 == _counts(diff_documents(parsed["2023"], parsed["2024"]))
    assert results[1].old.id == parsed["2024"].id and results[1].count("revised") > 0
    assert [d.meta.year for _, d in series_editions(fresh_store, parsed["2025"])] == [2023, 2024]
    assert list(diff_series(fresh_store, parsed["other"])) == []


def _store(tmp_path, editions):
    db = tmp_path / "f.db"
    assert runner.invoke(app, ["ingest", *map(str, editions.values()), "--db", str(db)]).exit_code == 0
    return db


def test_cli_diff_series_writes_one_report_per_edition(tmp_path, editions):
    db = _store(tmp_path, editions)
    out = tmp_path / "diffs"
    result = runner.invoke(app, ["diff", "2024", "--series", "--db", str(db), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    old_id, new_id = NOTICE_2023.stem, NOTICE_2024.stem
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{old_id}__{new_id}.json", f"{new_id}__2025_edition.json"]
    assert json.loads((out / f"{old_id}__{new_id}.json").read_text("utf-8"))["counts"] == COUNTS_2023_2024
    assert result.stderr.splitlines() == [
        f"{out / f'{old_id}__{new_id}.json'}: 未变 7，修改 16，新增 4，删除 4，移动 1",
        f"{out / f'{new_id}__2025_edition.json'}: " + result.stderr.splitlines()[1].split(": ", 1)[1],
    ]


def test_cli_diff_series_format_and_a_file_as_the_notice(tmp_path, editions):
    db = _store(tmp_path, editions)
    out = tmp_path / "md"
    result = runner.invoke(app, ["diff", str(editions["2025"]), "--series", "--db", str(db), "-o", str(out), "--format", "md", "--lang", "en"])
    assert result.exit_code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".md", ".md"]
    assert all(" unchanged, " in line for line in result.stderr.splitlines())


def test_cli_diff_series_with_no_other_edition(tmp_path, editions):
    db = _store(tmp_path, {"other": editions["other"]})
    result = runner.invoke(app, ["diff", str(editions["other"]), "--series", "--db", str(db), "-o", str(tmp_path / "none")])
    assert result.exit_code == 0
    assert result.stderr == f"{db}: no other edition of the series '江苏数字经济发展工作要点及责任分工方案'\n"
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["2024", "--series"], "name their folder with -o"),
        (["2023", "2024", "--series", "-o", "x"], "name only that notice"),
        (["2023"], "name the later notice NEW too"),
    ],
)
def test_cli_diff_series_usage_errors(tmp_path, editions, args, message):
    db = _store(tmp_path, editions)
    result = runner.invoke(app, ["diff", *args, "--db", str(db)])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.replace("│", " ").split())  # (typer frames and wraps the message)


def test_cli_diff_series_without_a_store(tmp_path):
    result = runner.invoke(app, ["diff", str(NOTICE_2024), "--series", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("Error: ") and "no store at" in result.stderr
    assert result.stderr.splitlines()[1].startswith("Hint: Ingest notices first")
