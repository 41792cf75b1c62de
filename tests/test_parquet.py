"""`fengong export --parquet`: the tables read back with pyarrow agree with the long matrix of the same
documents, keys join, and the folder is replaced whole or not at all."""

from __future__ import annotations

import sys

import pandas as pd
import pyarrow.parquet as pq  # the parquet extra, installed by `make test`
import pytest

from conftest import NOTICE_2023, NOTICE_2024
from pipeline.analysis.matrix import documents_to_long
from pipeline.batch import ingest, iter_keyed_documents
from pipeline.errors import FengongError, MissingDependencyError
from pipeline.exporters import parquet
from pipeline.store import Store

# Columns the responsibilities table shares with the long matrix (its rows that name a unit).
SHARED_PAIR_COLUMNS = ["doc_id", "year", "item_id", "unit", "unit_raw", "role", "order", "attribution", "role_label", "unit_type", "collective", "line", "page"]
SHARED_TASK_COLUMNS = ["doc_id", "year", "item_id", "part", "section", "number", "title", "section_title", "deadline", "deadline_date", "targets"]


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "f.db"
    with Store(db) as store:
        ingest([NOTICE_2023, NOTICE_2024], store)
        documents = list(store.iter_documents())
    return db, documents


def plain(frame: pd.DataFrame) -> list[dict]:
    """Rows as Python values, every missing value None (NaN from Arrow, <NA> from pandas alike)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def read(folder) -> dict[str, pd.DataFrame]:
    return {name: pq.read_table(folder / f"{name}.parquet").to_pandas() for name in parquet.TABLES}


def test_parquet_export_agrees_with_the_long_matrix(tmp_path, stored):
    db, documents = stored
    counts = parquet.write_parquet(tmp_path / "pq", iter_keyed_documents([], db))
    tables = read(tmp_path / "pq")
    assert {name: len(frame) for name, frame in tables.items()} == counts
    for name, frame in tables.items():
        assert list(frame.columns) == parquet.COLUMNS[name]
        assert pq.read_schema(tmp_path / "pq" / f"{name}.parquet").equals(parquet.schemas()[name])
    long = documents_to_long(documents, text_chars=None)
    named = long[long.unit != ""].reset_index(drop=True)
    pairs = tables["responsibilities"]
    assert len(pairs) == len(named) == 157
    assert plain(pairs[SHARED_PAIR_COLUMNS]) == plain(named[SHARED_PAIR_COLUMNS])
    tasks = tables["tasks"]
    assert len(tasks) == len(long.drop_duplicates(["doc_id", "item_id"])) == 56
    firsts = long.drop_duplicates(["doc_id", "item_id"]).reset_index(drop=True)[SHARED_TASK_COLUMNS]
    text = [c for c in SHARED_TASK_COLUMNS if c != "year"]  # the long matrix writes a missing text as ""
    assert plain(tasks[SHARED_TASK_COLUMNS].fillna({c: "" for c in text})) == plain(firsts)
    assert (tasks.units == tasks.merge(pairs, on=["document", "item_id"], how="left").groupby(["document", "item_id"], sort=False).unit.nunique().values).all()
    units = tables["units"]
    assert set(units.unit) == set(named.unit) and units.unit.is_unique
    by_role = named.groupby(["unit", "role"]).size().to_dict()
    for role in parquet.ROLES:
        assert units.set_index("unit")[role].to_dict() == {u: by_role.get((u, role), 0) for u in units.unit}, role
    assert units.set_index("unit").tasks.to_dict() == named.drop_duplicates(["doc_id", "item_id", "unit"]).groupby("unit").size().to_dict()
    assert units.set_index("unit").documents.to_dict() == named.groupby("unit").doc_id.nunique().to_dict()
    docs = tables["documents"]
    assert list(docs.doc_id) == [d.id for d in documents] and docs.document.is_unique
    assert list(docs.tasks) == [len(d.items) for d in documents]
    assert set(pairs.document) <= set(docs.document) and set(tasks.document) == set(docs.document)


def test_parquet_files_named_are_keyed_by_their_stored_id_or_negative(tmp_path, stored):
    db, _ = stored
    other = tmp_path / "other.txt"
    other.write_text(NOTICE_2023.read_text("utf-8").replace("〔2023〕3号", "〔2023〕77号"), "utf-8")
    keyed = list(iter_keyed_documents([str(NOTICE_2024), str(other), "2024"], db))
    with Store(db) as store:
        stored_2024 = store.resolve("2024")
    assert [key for key, _ in keyed] == [stored_2024, -1]  # 2024 named twice comes once
    assert keyed[1][1].meta.doc_number == "苏产改办〔2023〕77号"


def test_parquet_export_replaces_the_folder_whole_or_not_at_all(tmp_path, stored):
    db, documents = stored
    out = tmp_path / "pq"
    parquet.write_parquet(out, iter_keyed_documents(["2023"], db))
    (out / "notes.txt").write_text("mine", "utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def failing():
        yield from iter_keyed_documents(["2024"], db)
        raise RuntimeError("interrupted")

    original = parquet.BATCH_DOCUMENTS
    try:
        parquet.BATCH_DOCUMENTS = 1  # the first document is written before the failure
        with pytest.raises(RuntimeError):
            parquet.write_parquet(out, failing())
    finally:
        parquet.BATCH_DOCUMENTS = original
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left
    counts = parquet.write_parquet(out, iter_keyed_documents([], db))
    assert counts["documents"] == 2 and (out / "notes.txt").read_text("utf-8") == "mine"  # carried over
    assert len(pq.read_table(out / "tasks.parquet")) == sum(len(d.items) for d in documents)


def test_parquet_export_of_nothing_writes_empty_tables(tmp_path):
    counts = parquet.write_parquet(tmp_path / "pq", iter([]))
    assert counts == dict.fromkeys(parquet.TABLES, 0)
    assert all(len(pq.read_table(tmp_path / "pq" / f"{name}.parquet")) == 0 for name in parquet.TABLES)


def test_parquet_without_pyarrow_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingDependencyError, match="needs pyarrow") as raised:
        parquet.write_parquet(tmp_path / "pq", iter([]))
    assert "fengong[parquet]" in raised.value.hint
    assert not (tmp_path / "pq").exists()


def test_parquet_no_store_and_no_documents_named_is_an_error(tmp_path):
    with pytest.raises(FengongError, match="no store at"):
        list(iter_keyed_documents([], tmp_path / "none.db"))


def test_parquet_tables_are_written_in_a_staging_folder_then_swapped_in(tmp_path, stored, monkeypatch):
    db, _ = stored
    opened = []
    real = pq.ParquetWriter

    def recording(where, schema, **options):
        opened.append(where)
        return real(where, schema, **options)

    monkeypatch.setattr(pq, "ParquetWriter", recording)
    parquet.write_parquet(tmp_path / "pq", iter_keyed_documents(["2023"], db))
    assert sorted(p.name for p in opened) == sorted(f"{name}.parquet" for name in parquet.TABLES)
    assert {p.parent.parent for p in opened} == {tmp_path} and len({p.parent for p in opened}) == 1 and opened[0].parent.name.startswith(".pq.staging-")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == sorted(p.name for p in opened)
    assert not opened[0].parent.exists()


def test_cli_export_parquet(tmp_path, stored):
    from typer.testing import CliRunner

    from pipeline.cli import app

    db, _ = stored
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--parquet", str(tmp_path / "pq"), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == f"{tmp_path / 'pq'}/: 2 documents, 56 tasks, 157 responsibilities, 38 units\n"
    one = runner.invoke(app, ["export", "苏产改办〔2024〕9号", "--parquet", str(tmp_path / "one"), "--db", str(db)], catch_exceptions=False)
    assert one.exit_code == 0 and pq.read_table(tmp_path / "one" / "documents.parquet").column("year").to_pylist() == [2024]
    missing = runner.invoke(app, ["export", "--parquet", str(tmp_path / "x"), "--db", str(tmp_path / "none.db")], catch_exceptions=False)
    assert missing.exit_code == 1
    assert missing.stderr.splitlines()[0] == f"Error: no store at {tmp_path / 'none.db'}"
    assert missing.stderr.splitlines()[1].startswith("Hint: ") and not (tmp_path / "x").exists()


def test_parquet_readme_duckdb_queries_run_on_an_export(tmp_path, stored, monkeypatch):
    import re

    from conftest import ROOT

    duckdb = pytest.importorskip("duckdb")  # not a dependency: checked where it is installed
    db, documents = stored
    parquet.write_parquet(tmp_path / "outputs" / "parquet", iter_keyed_documents([], db))
    monkeypatch.chdir(tmp_path)
    sql = re.search(r"```sql\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), re.S).group(1)
    top, unattributed = [duckdb.sql(query).fetchall() for query in filter(str.strip, sql.split(";"))]
    long = documents_to_long(documents)
    numbers = {d.id: d.meta.doc_number for d in documents}
    counted = long[long.unit != ""].groupby(["doc_id", "unit", "role"]).item_id.nunique()
    expected = sorted(((numbers[d], u, r, n) for (d, u, r), n in counted.items()), key=lambda row: (-row[3], row[0], row[1]))
    assert top == expected[:5]
    assert len(unattributed) == (long.unit == "").sum()


def test_parquet_same_store_same_bytes(tmp_path, stored):
    db, _ = stored
    for name in ("a", "b"):
        parquet.write_parquet(tmp_path / name, iter_keyed_documents([], db))
    for table in parquet.TABLES:
        assert (tmp_path / "a" / f"{table}.parquet").read_bytes() == (tmp_path / "b" / f"{table}.parquet").read_bytes()


def test_parquet_keeps_where_a_standing_note_states_a_unit(tmp_path):
    # a unit carried from an earlier item's standing note names that item in stated_in (its line is that item's)
    notice = tmp_path / "note.txt"
    notice.write_text("一、强化保障\n1.落实减税政策。（市税务局负责，以下均需各县（市、区）政府落实，不再列出）\n2.用好产业基金。（市财政局负责）\n", "utf-8")
    db = tmp_path / "f.db"
    with Store(db) as store:
        ingest([notice], store)
    parquet.write_parquet(tmp_path / "pq", iter_keyed_documents([], db))
    pairs = read(tmp_path / "pq")["responsibilities"]
    rows = plain(pairs[["item_id", "unit", "line", "stated_in"]])
    assert rows == [
        {"item_id": "main/一/1", "unit": "市税务局", "line": 2, "stated_in": ""},
        {"item_id": "main/一/1", "unit": "各县（市、区）政府", "line": 2, "stated_in": ""},
        {"item_id": "main/一/2", "unit": "市财政局", "line": 3, "stated_in": ""},
        {"item_id": "main/一/2", "unit": "各县（市、区）政府", "line": 2, "stated_in": "main/一/1"},
    ]
