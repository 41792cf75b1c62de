"""Tables typed as text in a plain-text notice: tab-separated and Markdown rows."""

from __future__ import annotations

import pytest

import pipeline

HEAD = "云岭县人民政府办公室\n\n云政办发〔2024〕3号\n\n关于印发重点任务清单的通知\n\n各乡镇：\n\n现印发给你们。\n\n云岭县人民政府办公室\n\n2024年3月5日\n\n"


@pytest.mark.parametrize(
    "table",
    [
        "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t建设学校\t县教育局\t县财政局、县自然资源局\t2024年底前\n2\t修建道路\t县交通运输局\t县财政局\t持续推进\n",
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 建设学校 | 县教育局 | 县财政局、县自然资源局 | 2024年底前 |\n| 2 | 修建道路 | 县交通运输局 | 县财政局 | 持续推进 |\n",
    ],
    ids=["tabs", "markdown"],
)
def test_text_tables_rows_become_items(write_notice, table):
    document = pipeline.parse(write_notice(HEAD + table))
    assert [(i.number, i.title) for i in document.items] == [("1", "建设学校"), ("2", "修建道路")]
    assert [(r.unit, r.role) for r in document.items[0].responsibilities] == [
        ("县教育局", "lead"), ("县财政局", "support"), ("县自然资源局", "support"),
    ]
    assert document.items[1].deadline.kind == "continuous"
    for item in document.items:
        for r in item.responsibilities:
            assert item.text[r.start : r.end] == r.unit_raw and r.line is not None
