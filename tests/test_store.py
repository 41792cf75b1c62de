"""SQLite store: migrations, idempotent ingest, replacement, round trip."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import Responsibility, SourceInfo
from pipeline.store import MIGRATIONS, Store


def test_store_migrations_recorded(fresh_store):
    assert fresh_store.applied_migrations() == [name for name, _ in MIGRATIONS]
    assert fresh_store.migrate() == []


def test_store_from_before_stated_in_gains_the_column(tmp_path, doc2023):
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.ingest(doc2023)
        with store.transaction():  # as an earlier fengong left it
            store.db.execute("ALTER TABLE responsibilities DROP COLUMN stated_in")
            store.db.execute("DELETE FROM migrations WHERE name = '0003_stated_in'")
    with Store(db) as store:
        assert "0003_stated_in" in store.applied_migrations()
        assert store.db.execute("SELECT DISTINCT stated_in FROM responsibilities").fetchall() == [("",)]
        store.ingest(replace(doc2023, source=replace(doc2023.source, sha256="1" * 64)))
        assert store.db.execute("SELECT count(*) FROM responsibilities").fetchone() == (75,)


def test_store_ingest_twice_changes_nothing(fresh_store, doc2023):
    first = fresh_store.ingest(doc2023)
    second = fresh_store.ingest(doc2023)
    assert (first.status, second.status, second.id) == ("added", "unchanged", first.id)
    assert fresh_store.db.execute("SELECT count(*) FROM responsibilities").fetchone() == (75,)
    assert fresh_store.load(first.id) == doc2023


def test_store_changed_file_replaces_earlier_version(fresh_store, doc2023):
    fresh_store.ingest(doc2023)
    changed = replace(doc2023, source=replace(doc2023.source, sha256="0" * 64), items=doc2023.items[:3])
    outcome = fresh_store.ingest(changed)
    assert outcome.status == "replaced"
    assert len(fresh_store.documents()) == 1
    assert fresh_store.db.execute("SELECT count(*) FROM items").fetchone() == (3,)
    assert fresh_store.load(outcome.id) == changed


def test_store_find_by_id_year_and_doc_id(fresh_store, doc2023, doc2024):
    a = fresh_store.ingest(doc2023).id
    b = fresh_store.ingest(doc2024).id
    assert fresh_store.find("2023") == [a]
    assert fresh_store.find(str(b)) == [b]
    assert fresh_store.find(doc2024.id) == [b]
    assert fresh_store.find("nothing") == []


def test_store_failed_transaction_keeps_what_was_stored(tmp_path, doc2023):
    path = tmp_path / "f.db"
    with Store(path) as store:
        store.ingest(doc2023)
        broken = replace(doc2023, source=replace(doc2023.source, sha256="1" * 64), meta=object())
        try:
            store.ingest(broken)
        except Exception:
            pass
    with Store(path) as store:
        assert store.load(store.documents()[0].id) == doc2023


texts = st.text(alphabet=st.sampled_from(list("省人社厅总工会甲乙，。、（）")), min_size=1, max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=texts, unit=texts, order=st.integers(1, 9), role=st.sampled_from(["lead", "support", "responsible"]))
def test_store_round_trip_property(doc2023, title, unit, order, role):
    item = doc2023.items[0]
    r = Responsibility(unit=unit, unit_raw=unit, role=role, order=order, collective=False, line=None, start=0, end=1)
    document = replace(
        doc2023,
        source=SourceInfo(f"mem-{title}", title, "text"),
        items=(replace(item, title=title, responsibilities=(r,)),),
    )
    with Store(":memory:") as store:
        assert store.load(store.ingest(document).id) == document


def test_json_form_keeps_the_field_order_when_a_process_reads_before_it_writes(doc2023):
    """The reader's and the writer's caches of field names are their own: a process that reads a
    stored document back before writing any (``fengong run`` rewriting a document stored under
    another spelling of its path) writes its keys in field order, as a fresh parse does, not in the
    order of a set (which changed from one process to the next)."""
    import json
    from dataclasses import fields

    from pipeline import model

    data = model.document_to_dict(doc2023)
    text = json.dumps(data, ensure_ascii=False)
    model._FIELD_NAMES.clear()
    model._PLAIN_NAMES.clear()  # a fresh process: nothing written or read yet
    again = model.document_to_dict(model.document_from_dict(json.loads(text)))  # read first, then write
    assert list(again["items"][0]) == [f.name for f in fields(model.Item)]
    assert list(again["items"][0]["responsibilities"][0]) == [f.name for f in fields(model.Responsibility)]
    assert json.dumps(again, ensure_ascii=False) == text


def test_json_form_decoded_by_msgspec_as_by_the_dict_reader(doc2023):
    """``document_from_json`` (msgspec) gives what ``json.loads`` and ``document_from_dict`` give; keys
    of a newer minor version are ignored, a form whose types differ is read the slow way, and an
    unsupported major version is refused."""
    import json

    import pytest

    from pipeline import model

    text = json.dumps(model.document_to_dict(doc2023), ensure_ascii=False)
    assert model.document_from_json(text) == model.document_from_dict(json.loads(text)) == doc2023
    data = json.loads(text)
    data["schema_version"], data["later_field"] = model.SCHEMA_VERSION.split(".")[0] + ".99", {"x": 1}
    data["items"][0]["later_field"] = [1, 2]
    newer = model.document_from_json(json.dumps(data, ensure_ascii=False))
    assert newer.items == doc2023.items and newer.meta == doc2023.meta
    data["items"][0]["number"] = 7  # (a number where the form has a string: not msgspec's to coerce)
    assert model.document_from_json(json.dumps(data)).items[0].number == 7
    data["schema_version"] = "99.0"
    with pytest.raises(ValueError, match="unsupported schema_version"):
        model.document_from_json(json.dumps(data))
