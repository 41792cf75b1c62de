"""Properties of the whole parse on generated notice-like text: it never crashes, and every
unit it reports stands at its offsets in its clause."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import FengongError
from pipeline.model import Source
from pipeline.parse import source_to_document
from pipeline.readers import split_lines
from pipeline.layout.delimited import find_text_tables

PIECES = [
    "一、", "二、", "（一）", "（二）", "1.", "2.", "3、", "（1）", "①", "第一条", "附件", "附件1",
    "加强统筹。", "推进改革", "完成100个项目", "2024年6月底前", "长期坚持", "《关于推进改革的意见》",
    "（责任单位：", "（牵头单位：", "；配合单位：", "责任单位：", "牵头单位：", "主责单位：", "牵头领导：张某某",
    "市教育局", "县财政局", "省人社厅", "各县（市、区）人民政府", "市文化和旅游局", "财政局", "等有关部门",
    "牵头", "配合", "负责", "按职责分工负责", "负总责", "由", "和", "及", "、", "，", "；", "。", "）", "（",
    "(", ")", ":", " ", "\t", "\n", "\n\n", "2024年3月5日", "二〇二四年三月五日", "青川市人民政府", "苏产改办〔2023〕3号",
]


def _source(text: str) -> Source:
    lines = tuple(split_lines(text))
    return Source(path="generated.txt", sha256="0", format="text", text=text, lines=lines, tables=find_text_tables(lines))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_parse_never_crashes_and_units_stand_at_their_offsets(text):
    try:
        document = source_to_document(_source(text), doc_id="generated")
    except FengongError:
        return
    by_id = document.items_by_id()
    for item in document.items:
        for r in item.responsibilities:
            host = item.clause_host(r, by_id)
            assert host[r.start : r.end] == r.unit_raw
            assert r.clause_start <= r.start <= r.end <= r.clause_end
            assert r.unit_raw in host[r.clause_start : r.clause_end]
        for found in (*item.targets, *item.documents, *item.persons, *([item.deadline] if item.deadline else [])):
            assert 0 <= found.start <= found.end <= len(item.text)
