"""Metadata beside the text (an HTML page's table) fills gaps; disagreements are warnings."""

from __future__ import annotations

from pipeline.extract.metadata_hints import merge_hints
from pipeline.model import Metadata


def test_metadata_hints_fill_what_the_text_lacks():
    meta, warnings = merge_hints(
        Metadata(title="关于印发方案的通知"),
        (("发文字号", "云政办发[2024]12号"), ("成文日期", "2024-03-05"), ("发文机关", "云岭县人民政府办公室"), ("索引号", "X-1")),
    )
    assert (meta.doc_number, meta.date, meta.year, meta.issuer) == ("云政办发〔2024〕12号", "2024-03-05", 2024, "云岭县人民政府办公室")
    assert warnings == []


def test_metadata_hints_never_override_the_text():
    meta, warnings = merge_hints(Metadata(date="2024-03-05", year=2024), (("成文日期", "2024年3月6日"),))
    assert meta.date == "2024-03-05"
    assert [w.code for w in warnings] == ["meta_hint_mismatch"]
