"""Table-form notices (DOCX and PDF) parse into one item per task row, roles from the header."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

import pipeline
from conftest import FIXTURES

FORMATS = FIXTURES / "formats"


@pytest.mark.parametrize("notice, gold", [("tablenotice.docx", "tablenotice_docx.expected.json"), ("tablenotice.pdf", "tablenotice.expected.json")])
def test_tables_rows_give_items_roles_and_deadlines(notice, gold):
    expected = json.loads((FORMATS / gold).read_text("utf-8"))
    rows = defaultdict(list)  # a merged task cell spans rows with the same number: one item
    for row in expected["rows"]:
        rows[row["number"]].append(row)
    document = pipeline.parse(FORMATS / notice)
    assert document.meta.doc_number == expected.get("doc_number", "云政办发〔2024〕12号")
    assert [i.number for i in document.items] == list(rows)
    for item in document.items:
        gold_rows = rows[item.number]
        assert item.title == gold_rows[0]["title"].rstrip("。")
        wanted = [(u, "lead") for r in gold_rows for u in r["lead"]] + [(u, "support") for r in gold_rows for u in r["support"]]
        assert sorted((r.unit_raw, r.role) for r in item.responsibilities) == sorted(wanted), item.number
        assert item.deadline is not None and item.deadline.text == gold_rows[0]["deadline"]
        for r in item.responsibilities:
            assert item.text[r.start : r.end] == r.unit_raw
            assert r.line is not None
