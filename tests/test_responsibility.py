"""Attribution clauses and unit lists: table-driven cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.responsibility import split_units, text_to_attributions


def units_of(text: str) -> list[tuple[str, str, int]]:
    return [(u.raw, u.role, u.order) for a in text_to_attributions(text) for u in a.units]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("做好工作。（责任单位：省委宣传部、省总工会）", [("省委宣传部", "responsible", 1), ("省总工会", "responsible", 2)]),
        ("做好工作。（牵头单位：市人社局；责任单位：市财政局、市教育局）",
         [("市人社局", "lead", 1), ("市财政局", "responsible", 2), ("市教育局", "responsible", 3)]),
        ("做好工作。（牵头单位：市人社局；配合单位：市财政局）", [("市人社局", "lead", 1), ("市财政局", "support", 2)]),
        ("做好工作。（责任单位：市发改委、市财政局等有关部门）", [("市发改委", "responsible", 1), ("市财政局", "responsible", 2)]),
        ("做好工作。（责任单位：市教育局及市体育局）", [("市教育局", "responsible", 1), ("市体育局", "responsible", 2)]),
        ("做好工作。（责任单位：市文化和旅游局）", [("市文化和旅游局", "responsible", 1)]),
        ("做好工作。（责任单位：各县（市、区）政府、市民政局）", [("各县（市、区）政府", "responsible", 1), ("市民政局", "responsible", 2)]),
        ("在省、设区市、县（市、区）开展试点。（责任单位：省人社厅）", [("省人社厅", "responsible", 1)]),
        ("做好工作（2021-2023年）。", []),
        ("《江苏省职业学校学生实习管理实施细则》（责任单位：省教育厅）", [("省教育厅", "responsible", 1)]),
    ],
)
def test_responsibility_clause_forms(text, expected):
    assert units_of(text) == expected


def test_responsibility_spans_point_into_text():
    text = "甲。（责任单位：省产改办、省产改联席会议成员单位、各设区市）"
    (attribution,) = text_to_attributions(text)
    assert text[attribution.start : attribution.end] == "（责任单位：省产改办、省产改联席会议成员单位、各设区市）"
    assert [text[u.start : u.end] for u in attribution.units] == ["省产改办", "省产改联席会议成员单位", "各设区市"]


UNIT_CHARS = st.sampled_from(list("省市县区委厅局办会各（）()〔〕、，,；;及等有关部门责任单位牵头配合：: \n"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNIT_CHARS, max_size=80))
def test_responsibility_split_never_crashes_and_units_are_substrings(text):
    for raw, start, end in split_units(text, 0):
        assert raw and text[start:end] == raw


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=UNIT_CHARS, max_size=40), st.text(alphabet=UNIT_CHARS, max_size=60))
def test_responsibility_every_unit_lies_in_its_clause(before, clause_body):
    text = f"{before}（责任单位：{clause_body}）"
    for attribution in text_to_attributions(text):
        clause = text[attribution.start : attribution.end]
        for unit in attribution.units:
            assert text[unit.start : unit.end] == unit.raw
            assert attribution.start <= unit.start < unit.end <= attribution.end
            assert unit.raw in clause
