"""公文 structure: metadata forms, heading levels, attachments, numbering warnings."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.extract.structure import match_heading, parse_date

HEADER = "云岭县人民政府办公室文件\n\n{number}\n\n关于印发云岭县2024年重点任务\n分工方案的通知\n\n各乡镇人民政府，县各部门：\n\n现将方案印发给你们，请认真贯彻落实。\n\n云岭县人民政府办公室\n\n{date}\n\n"


def notice(body: str, number: str = "云政办发〔2024〕12号", date: str = "2024年3月5日") -> str:
    return HEADER.format(number=number, date=date) + body


@pytest.mark.parametrize(
    "written, normalised",
    [("云政办发〔2024〕12号", "云政办发〔2024〕12号"), ("云政办发[2024]12号", "云政办发〔2024〕12号"), ("云政办发（2024）12号", "云政办发〔2024〕12号")],
)
def test_structure_doc_number_forms(write_notice, written, normalised):
    doc = pipeline.parse(write_notice(notice("一、总体\n\n1.做好工作。（责任单位：县教育局）\n", number=written)))
    assert doc.meta.doc_number == normalised
    assert doc.meta.title == "关于印发云岭县2024年重点任务分工方案的通知"
    assert doc.meta.addressees == ("各乡镇人民政府", "县各部门")
    assert doc.meta.issuer == "云岭县人民政府办公室"


@pytest.mark.parametrize(
    "written, iso",
    [("2024年3月5日", "2024-03-05"), ("二〇二三年二月二十三日", "2023-02-23"), ("二○二四年十二月一日", "2024-12-01"), ("2024年13月5日", None)],
)
def test_structure_dates(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "line, expected",
    [
        ("一、总体要求", (1, "一")),
        ("（三）加强统筹", (2, "三")),
        ("(三)加强统筹", None),  # healed text has full-width brackets; raw ASCII is healed before matching
        ("12.做好工作", (3, "12")),
        ("12．做好工作", (3, "12")),
        ("3、做好工作", (3, "3")),
        ("（2）细化措施", (4, "2")),
        ("2023年工作", None),
        ("1.5万人", None),
    ],
)
def test_structure_heading_levels(line, expected):
    found = match_heading(line)
    assert (found[:2] if found else None) == expected


def test_structure_four_levels_and_leaf_items(write_notice):
    body = (
        "一、强化创新\n\n（一）建设平台\n\n1.建设实验室。（责任单位：县科技局）\n\n2.培育企业。具体如下：\n\n"
        "（1）遴选企业。（责任单位：县工信局）\n\n（2）支持研发。（责任单位：县财政局）\n\n"
        "二、优化服务\n\n（二）提升效率。（责任单位：县政务办）\n"
    )
    doc = pipeline.parse(write_notice(notice(body)))
    assert [(i.id, i.level, i.title) for i in doc.items] == [
        ("main/一/一/1", 3, "建设实验室"),
        ("main/一/一/2/1", 4, "遴选企业"),
        ("main/一/一/2/2", 4, "支持研发"),
        ("main/二/二", 2, "提升效率"),
    ]
    assert {i.section.number for i in doc.items} == {"一", "二"}


def test_structure_numbering_gap_and_repeat_are_warnings(write_notice):
    body = "一、任务\n\n1.甲。（责任单位：县教育局）\n\n3.乙。（责任单位：县教育局）\n\n3.丙。（责任单位：县教育局）\n"
    doc = pipeline.parse(write_notice(notice(body)))
    assert [i.id for i in doc.items] == ["main/一/1", "main/一/3", "main/一/3~2"]
    assert [w.code for w in doc.warnings if w.code.startswith("numbering")] == ["numbering_gap", "numbering_repeat"]


def test_structure_attachment_with_title_and_projects(write_notice):
    body = "一、任务\n\n1.甲。（责任单位：县教育局）\n\n附件\n\n2024年重点项目\n清单\n\n一、建设学校\n\n新建小学一所。（责任单位：县教育局）\n"
    doc = pipeline.parse(write_notice(notice(body)))
    assert doc.attachments[0].title == "2024年重点项目清单"
    project = doc.items[-1]
    assert (project.id, project.part, project.title, project.text) == (
        "attachment1/一", "attachment", "建设学校", "建设学校\n新建小学一所。（责任单位：县教育局）",
    )


def test_structure_closing_signature_and_date_without_wrapper(write_notice):
    text = (
        "临江区人民政府文件\n\n临政发〔2024〕3号\n\n临江区2024年工作要点\n\n各街道：\n\n一、任务\n\n"
        "1.甲。（责任单位：区教育局）\n\n临江区人民政府\n\n2024年1月8日\n\n（此件公开发布）\n"
    )
    doc = pipeline.parse(write_notice(text))
    assert doc.meta.date == "2024-01-08"
    assert doc.meta.issuer == "临江区人民政府"
    assert doc.items[-1].text == "甲。（责任单位：区教育局）"


def test_structure_item_without_attribution_warns(write_notice):
    doc = pipeline.parse(write_notice(notice("一、任务\n\n1.甲。\n\n2.乙。（责任单位：县教育局、鸿雁工程协调组）\n")))
    assert [(w.code, w.item_id) for w in doc.warnings] == [
        ("item_without_attribution", "main/一/1"),
        ("unknown_unit", "main/一/2"),  # 县教育局 is known by level + department; the working group is not
    ]
    assert "鸿雁工程协调组" in doc.warnings[1].message


def test_structure_unread_role_words_warn(write_notice):
    doc = pipeline.parse(write_notice(notice("一、任务\n\n1.甲。（由市教育局会商后确定牵头方式）\n\n2.乙。（责任单位：县教育局）\n")))
    codes = [(w.code, w.item_id) for w in doc.warnings]
    assert ("unread_role_words", "main/一/1") in codes
    assert ("item_without_attribution", "main/一/1") in codes
