"""The diff says who: leads old → new in every format, reordering is no change, an overview with
links, warnings about the pair, traditional characters folded."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

import pipeline
from pipeline.analysis.diff import diff_documents, diff_to_dict
from pipeline.exporters.diff_report import diff_to_csv_rows, diff_to_html, diff_to_markdown

NOTICE = """关于印发工作方案的通知

一、总体任务

1.建设实训基地，推进技能培训工作，扩大培训规模，提升培训质量。（责任单位：省人社厅、省财政厅、省教育厅）

2.开展劳动竞赛，组织全省职工技能大赛，选拔优秀选手参加全国比赛。（省总工会牵头，省人社厅、省教育厅配合）
"""


@pytest.fixture(scope="module")
def gold(doc2023, doc2024):
    return diff_documents(doc2023, doc2024)


def _pair(write_notice, old_text, new_text):
    return diff_documents(pipeline.parse(write_notice(old_text, "old.txt")), pipeline.parse(write_notice(new_text, "new.txt")))


def test_diff_old_and_new_lead_in_json_and_every_format(gold):
    data = diff_to_dict(gold)
    change = next(c for c in data["changes"] if c["old"] and c["old"]["number"] == "7")
    assert (change["old_lead"], change["new_lead"], change["lead_changed"]) == (["省人社厅"], ["省总工会"], True)
    assert all({"old_lead", "new_lead", "units_reordered"} <= set(c) for c in data["changes"])
    assert "| 省人社厅 → 省总工会 |" in diff_to_markdown(gold)
    row = next(r for r in diff_to_csv_rows(gold) if r["old_number"] == "7")
    assert (row["old_lead"], row["new_lead"]) == ("省人社厅", "省总工会")
    assert "牵头（首位）单位: 省人社厅 → 省总工会" in diff_to_html(gold)
    removed = next(c for c in data["changes"] if c["status"] == "removed")
    assert removed["old_lead"] and removed["new_lead"] == []


def test_diff_reordered_units_with_the_same_lead_are_no_change(write_notice):
    reordered = NOTICE.replace("省人社厅、省财政厅、省教育厅", "省人社厅、省教育厅、省财政厅").replace("省人社厅、省教育厅配合", "省教育厅、省人社厅配合")
    diff = _pair(write_notice, NOTICE, reordered)
    assert [(c.status, c.fields_changed, c.units_reordered) for c in diff.changes] == [("unchanged", (), True), ("unchanged", (), True)]


def test_diff_reordering_that_changes_the_first_listed_is_a_units_change_not_text(write_notice):
    diff = _pair(write_notice, NOTICE, NOTICE.replace("省人社厅、省财政厅、省教育厅", "省教育厅、省人社厅、省财政厅"))
    first = diff.changes[0]
    assert (first.status, first.fields_changed, first.old_lead, first.new_lead) == ("revised", ("units",), ("省人社厅",), ("省教育厅",))
    assert not first.units_added and not first.units_removed


def test_diff_unit_changes_are_names_added_and_removed(write_notice):
    diff = _pair(write_notice, NOTICE, NOTICE.replace("省人社厅、省教育厅配合", "省人社厅、省科技厅配合"))
    second = diff.changes[1]
    assert (second.units_added, second.units_removed, second.lead_changed) == (("省科技厅",), ("省教育厅",), False)
    page = diff_to_html(diff)
    assert '<td class="pos">省科技厅</td><td class="neg">省教育厅</td>' in page


def test_diff_html_opens_with_an_overview_linking_every_task(gold):
    page = diff_to_html(gold)
    assert page.index('<table class="overview">') < page.index("<details")
    links = re.findall(r'href="#(c\d+)"', page)
    assert len(links) == len(gold.changes) == 32
    assert all(f'id="{anchor}"' in page for anchor in links)
    assert "http://" not in page and "https://" not in page


def test_diff_statuses_in_chinese_by_default_and_english_on_request(gold):
    assert "未变 7，修改 16，新增 4，删除 4，移动 1" in diff_to_markdown(gold)
    assert '<span class="badge added">新增</span>' in diff_to_html(gold)
    assert '<span class="badge added">added</span>' in diff_to_html(gold, lang="en")
    assert diff_to_csv_rows(gold)[0]["status"] == "revised"  # data keeps the codes


def test_diff_warns_about_unrelated_documents(write_notice, doc2023):
    other = "关于印发工作方案的通知\n\n一、总体任务\n\n1.修缮城墙古迹。（责任单位：省文旅厅）\n\n2.疏浚河道航运。（责任单位：省交通运输厅）\n"
    diff = diff_documents(doc2023, pipeline.parse(write_notice(other)))
    assert [w.code for w in diff.warnings] == ["unrelated"]
    assert diff_to_dict(diff)["warnings"][0]["message"].startswith("only 0 of 2 tasks pair up")
    assert "unrelated" in diff_to_markdown(diff) and "unrelated" in diff_to_html(diff)


def test_diff_warns_when_a_side_has_no_attributed_tasks(write_notice):
    bare = re.sub(r"（[^）]*(?:责任单位|牵头)[^）]*）", "", NOTICE)
    diff = _pair(write_notice, NOTICE, bare)
    assert [w.code for w in diff.warnings] == ["no_attributed_tasks"]
    assert "new (new)" in diff.warnings[0].message


def test_diff_warns_when_old_is_newer(gold, doc2023, doc2024):
    assert gold.warnings == ()
    swapped = diff_documents(doc2024, doc2023)
    assert [w.code for w in swapped.warnings] == ["old_newer"]


def test_diff_folds_traditional_characters(doc2023):
    import opencc

    s2t = opencc.OpenCC("s2t")

    def traditional(item):
        section = dataclasses.replace(item.section, title=s2t.convert(item.section.title)) if item.section else None
        return dataclasses.replace(item, title=s2t.convert(item.title), text=s2t.convert(item.text), section=section)

    converted = dataclasses.replace(doc2023, items=tuple(traditional(i) for i in doc2023.items))
    assert converted.items[0].title != doc2023.items[0].title
    diff = diff_documents(doc2023, converted)
    assert {c.status for c in diff.changes} == {"unchanged"}
    assert all(s.status == "unchanged" for s in diff.sections)
    assert json.loads(json.dumps(diff_to_dict(diff)))["counts"]["unchanged"] == 28
