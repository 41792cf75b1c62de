"""The store at hand: list, show, remove, refer by 文号, ambiguous references, pandas frames."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import NOTICE_2023, NOTICE_2024
from pipeline.cli import app
from pipeline.errors import AmbiguousDocumentError, DocumentNotFoundError
from pipeline.store import canonical_doc_number

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_with_both(fresh_store, doc2023, doc2024):
    fresh_store.ingest(doc2023)
    fresh_store.ingest(doc2024)
    return fresh_store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "f.db"
    assert invoke("ingest", NOTICE_2023, NOTICE_2024, "--db", path).exit_code == 0
    return path


@pytest.mark.parametrize(
    "reference, expected",
    [
        ("苏产改办〔2023〕3号", [1]),
        ("苏产改办[2024]9号", [2]),  # typed with ASCII brackets
        ("苏产改办（2024）9号", [2]),
        ("2023", [1]),
        ("2", [2]),
        ("2024_jiangsu_industrial_workforce_reform_plan.synthetic", [2]),
        ("2025", []),
        ("苏产改办〔2023〕4号", []),
    ],
)
def test_store_candidates_by_number_year_id_doc_id(store_with_both, reference, expected):
    assert store_with_both.candidates(reference) == expected


def test_store_ambiguous_year_lists_the_candidates(fresh_store, doc2023):
    import dataclasses

    fresh_store.ingest(doc2023)
    twin = dataclasses.replace(doc2023, id="twin", source=dataclasses.replace(doc2023.source, path="/elsewhere/twin.txt", sha256="0" * 64))
    fresh_store.ingest(twin)
    with pytest.raises(AmbiguousDocumentError) as caught:
        fresh_store.resolve("2023")
    assert "'2023' matches 2 stored documents: 1 苏产改办〔2023〕3号 (2023); 2 苏产改办〔2023〕3号 (2023)" in str(caught.value)
    with pytest.raises(DocumentNotFoundError):
        fresh_store.resolve("1999")


def test_store_summaries_and_remove(store_with_both):
    summaries = store_with_both.summaries()
    assert [(s.id, s.doc_number, s.year, s.tasks) for s in summaries] == [(1, "苏产改办〔2023〕3号", 2023, 28), (2, "苏产改办〔2024〕9号", 2024, 28)]
    assert summaries[0].title == "2023年江苏产业工人队伍建设改革工作要点及责任分工方案"
    removed = store_with_both.remove(1)
    assert removed.id == 1 and [s.id for s in store_with_both.summaries()] == [2]
    assert store_with_both.db.execute("SELECT COUNT(*) FROM responsibilities WHERE document_id = 1").fetchone() == (0,)
    assert store_with_both.db.execute("SELECT COUNT(*) FROM items WHERE document_id = 1").fetchone() == (0,)


def test_canonical_doc_number_folds_brackets_spaces_and_traditional():
    assert canonical_doc_number(" 蘇產改辦[2023] 3號") == "苏产改办〔2023〕3号"


def test_cli_list_show_remove(db):
    listed = invoke("list", "--db", db)
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0] == "id\t文号\tyear\ttitle\ttasks\tpath"
    assert lines[1].split("\t")[:5] == ["1", "苏产改办〔2023〕3号", "2023", "2023年江苏产业工人队伍建设改革工作要点及责任分工方案", "28"]
    assert lines[1].endswith(NOTICE_2023.name) and len(lines) == 3
    shown = invoke("show", "苏产改办[2024]9号", "--db", db)
    assert shown.exit_code == 0
    assert shown.stdout.startswith("2024年江苏产业工人队伍建设改革工作要点及责任分工方案\n文号 苏产改办〔2024〕9号")
    assert "序号" in shown.stdout and "责任单位" in shown.stdout and "牵头单位" not in shown.stdout  # no lead in this notice
    removed = invoke("remove", "2023", "--db", db)
    assert removed.exit_code == 0 and removed.stdout.startswith("removed\t1\t")
    assert len(invoke("list", "--db", db).stdout.splitlines()) == 2
    gone = invoke("show", "2023", "--db", db)
    assert gone.exit_code == 1 and gone.stderr.startswith("Error: ") and "neither a file nor a stored document" in gone.stderr


def test_cli_ambiguous_reference_is_an_error_listing_candidates(tmp_path):
    db = tmp_path / "f.db"
    (tmp_path / "copy").mkdir()
    copy = tmp_path / "copy" / "other.txt"
    copy.write_text(NOTICE_2023.read_text("utf-8") + "\n", "utf-8")
    invoke("ingest", NOTICE_2023, copy, "--db", db)
    result = invoke("matrix", "2023", "-o", tmp_path / "m.csv", "--db", db)
    assert result.exit_code == 1
    first, hint = result.stderr.splitlines()[:2]
    assert first == f"Error: {db}: '2023' matches 2 stored documents: 1 苏产改办〔2023〕3号 (2023); 2 苏产改办〔2023〕3号 (2023)"
    assert hint.startswith("Hint: Name one document by its id or 文号")
    assert "Traceback" not in result.stderr


def test_cli_list_without_store_is_an_error(tmp_path):
    result = invoke("list", "--db", tmp_path / "none.db")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: no store at {tmp_path / 'none.db'}")
    assert not (tmp_path / "none.db").exists()


def test_cli_parse_without_output_shows_a_table_with_warnings(write_notice):
    path = write_notice("一、任务\n\n1.甲项工作。\n")
    result = invoke("parse", path)
    assert result.exit_code == 0
    assert "重点任务" in result.stdout and "甲项工作" in result.stdout
    assert "item_without_attribution" in result.stdout


def test_corpus_frames_join_on_document_and_item(db):
    import pipeline

    tasks, responsibilities = pipeline.corpus(db)
    assert len(tasks) == 56 and len(responsibilities) == 157
    assert tasks.loc[3, ["doc_number", "number", "title", "units"]].tolist() == ["苏产改办〔2023〕3号", "4", "深化产教融合", 7]
    joined = responsibilities.merge(tasks, on=["document", "item_id"], suffixes=("", "_task"))
    assert len(joined) == 157
    assert responsibilities.groupby("unit").size().idxmax() == "省总工会"


def test_corpus_without_store_is_an_error(tmp_path):
    import pipeline

    with pytest.raises(DocumentNotFoundError):
        pipeline.corpus(tmp_path / "none.db")
