"""The real 2023 notice, end to end: structure, metadata, every task–unit pair, golden files."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES
from pipeline.analysis.matrix import documents_to_long, documents_to_wide
from pipeline.model import document_to_dict

GOLDEN = FIXTURES / "golden"

# Every clause of the notice in written order: (item id, units). 18 tasks, 10 projects, 75 pairs.
EXPECTED_UNITS = {
    "main/一/1": ["省委宣传部", "省总工会"],
    "main/一/2": ["省委宣传部", "省总工会", "省文联", "省作协"],
    "main/一/3": ["省委组织部", "省总工会"],
    "main/二/4": ["省发改委", "省教育厅", "省人社厅", "省税务局", "无锡市", "常州市", "苏州市"],
    "main/二/5": ["省人社厅", "省总工会", "省教育厅"],
    "main/二/6": ["省人社厅", "省工信厅", "省财政厅", "省总工会"],
    "main/二/7": ["省人社厅", "省住建厅", "省总工会"],
    "main/二/8": ["省总工会", "省科技厅", "省知识产权局"],
    "main/二/9": ["省委组织部", "省人社厅", "省总工会", "团省委"],
    "main/三/10": ["省总工会", "省人社厅", "省企业联合会", "省工商联"],
    "main/三/11": ["省应急厅", "省住建厅"],
    "main/三/12": ["省人社厅", "省卫健委", "省总工会"],
    "main/三/13": ["省人社厅", "省总工会", "省教育厅", "省司法厅"],
    "main/三/14": ["省总工会"],
    "main/四/15": ["省总工会", "省民政厅"],
    "main/四/16": ["省国资委", "省总工会", "省工商联"],
    "main/四/17": ["省产改办", "省产改联席会议成员单位", "各设区市"],
    "main/四/18": ["省产改办", "省产改联席会议成员单位", "各设区市"],
    "attachment1/一": ["省发改委", "省教育厅"],
    "attachment1/二": ["省人社厅"],
    "attachment1/三": ["省人社厅"],
    "attachment1/四": ["省人社厅"],
    "attachment1/五": ["省住建厅"],
    "attachment1/六": ["省交通运输厅"],
    "attachment1/七": ["省人社厅", "省国资委", "省总工会", "国网江苏省电力有限公司", "省综合交通运输学会"],
    "attachment1/八": ["省总工会", "省纺织工业协会"],
    "attachment1/九": ["省总工会", "省教育厅", "中国电子科技集团第十四研究所"],
    "attachment1/十": ["省工商联"],
}

SECTIONS = {
    "一": "贯彻党的二十大精神，强化思想引领",
    "二": "突出重点群体，聚焦素质提升",
    "三": "加大保障力度，精准维权服务",
    "四": "注重机制建设，强化系统推进",
}


def test_golden_2023_metadata(doc2023):
    meta = doc2023.meta
    assert meta.doc_number == "苏产改办〔2023〕3号"
    assert meta.date == "2023-02-23"
    assert meta.year == 2023
    assert meta.issuer == "新时代江苏产业工人队伍建设改革联席会议办公室"
    assert meta.title == "关于印发《2023年江苏产业工人队伍建设改革工作要点及责任分工方案》的通知"
    assert meta.plan_title == "2023年江苏产业工人队伍建设改革工作要点及责任分工方案"
    assert meta.addressees == ("新时代江苏产业工人队伍建设改革联席会议成员单位及参与单位", "各设区市产业工人队伍建设改革领导机构")
    assert meta.preamble.startswith("2023年全省产业工人队伍建设改革的总体要求是：")


def test_golden_2023_structure(doc2023):
    tasks = [i for i in doc2023.items if i.part == "main"]
    projects = [i for i in doc2023.items if i.part == "attachment"]
    assert [i.number for i in tasks] == [str(n) for n in range(1, 19)]
    assert {i.section.number: i.section.title for i in tasks} == SECTIONS
    assert [i.number for i in projects] == list("一二三四五六七八九十")
    assert all(i.section is None and i.attachment == 1 for i in projects)
    assert doc2023.attachments[0].title == "2023年江苏产业工人队伍建设改革重点实施项目清单"
    assert tasks[0].title == "创新做好思想政治工作"
    assert tasks[16].title == "加强工作培训交流"
    assert projects[8].title == "建设一批校企合作“双基地”"
    assert doc2023.warnings == ()


def test_golden_2023_every_pair_in_written_order(doc2023):
    got = {i.id: [r.unit for r in i.responsibilities] for i in doc2023.items}
    assert got == EXPECTED_UNITS
    assert sum(map(len, got.values())) == 75
    for item in doc2023.items:
        assert [r.order for r in item.responsibilities] == list(range(1, len(item.responsibilities) + 1))
        assert {r.role for r in item.responsibilities} == {"responsible"}


def test_golden_2023_heals_page_break_artefacts(doc2023):
    items = {i.id: i for i in doc2023.items}
    assert "思政教师进企业" in items["main/一/1"].text
    assert "（责任单位：省产改办、省产改联席会议成员单位、各设区市）" in items["main/四/17"].text
    assert "线上提案通道，" in items["main/三/14"].text
    assert "企业 and 职业院校" in items["main/二/4"].text  # a stray ASCII word is kept, not invented away


def test_golden_2023_provenance(doc2023, notice_2023_path):
    lines = notice_2023_path.read_text("utf-8").splitlines()
    for item in doc2023.items:
        for r in item.responsibilities:
            assert item.text[r.start : r.end] == r.unit_raw
            assert r.unit_raw in lines[r.line - 1]
            assert item.text[r.clause_start : r.clause_end].startswith("（")
    split = next(i for i in doc2023.items if i.id == "main/四/17")
    assert [r.line for r in split.responsibilities] == [75, 75, 75]


def test_golden_2023_mentions_apart_from_responsibility(doc2023):
    item5 = next(i for i in doc2023.items if i.id == "main/二/5")
    assert [m.unit for m in item5.mentions] == ["省委办公厅", "省政府办公厅"]
    assert all(item5.text[m.start : m.end] == m.text for m in item5.mentions)
    assert {r.unit for r in item5.responsibilities}.isdisjoint({m.unit for m in item5.mentions})


@pytest.mark.parametrize(
    "name, render",
    [
        ("2023_notice.expected.json", lambda d: json.dumps(document_to_dict(d), ensure_ascii=False, indent=2) + "\n"),
        ("2023_notice.long.expected.csv", lambda d: documents_to_long([d]).to_csv(index=False, lineterminator="\n")),
        ("2023_notice.wide.expected.csv", lambda d: documents_to_wide([d]).to_csv(index=False, lineterminator="\n")),
    ],
)
def test_golden_2023_files(doc2023, regen, name, render):
    path = GOLDEN / name
    produced = render(doc2023)
    if regen:
        path.write_text(produced, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}: run pytest --regen once and review it"
    assert produced == path.read_text("utf-8")
