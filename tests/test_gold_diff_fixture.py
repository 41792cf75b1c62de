"""Consistency checks for the hand-written gold diff 2023 -> 2024.

Standard library only.  The texts are scanned with simple regexes (not with
the project's parser) so that the fixture can be trusted independently.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_PATH = ROOT / "tests" / "fixtures" / "diff" / "2023_2024.gold.json"

NUMERALS = "一二三四五六七八九十"
TASK_RE = re.compile(r"^(\d+)\. (.*)$")
HEAD_RE = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")

CANONICAL = [
    "省委办公厅", "省政府办公厅", "省委组织部", "省委宣传部", "省委统战部", "省委网信办",
    "省发改委", "省教育厅", "省科技厅", "省工信厅", "省民政厅", "省司法厅", "省财政厅",
    "省人社厅", "省住建厅", "省交通运输厅", "省农业农村厅", "省商务厅", "省文旅厅",
    "省卫健委", "省应急厅", "省国资委", "省市场监管局", "省税务局", "省知识产权局",
    "省数据局", "省总工会", "团省委", "省妇联", "省文联", "省作协", "省科协", "省工商联",
    "省企业联合会", "省纺织工业协会", "省综合交通运输学会", "国网江苏省电力有限公司",
    "中国电子科技集团第十四研究所", "省产改办", "省产改联席会议成员单位", "各设区市",
    "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市", "淮安市",
    "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市",
]
ALIASES = {
    "省发改委": ["省发展改革委", "江苏省发展和改革委员会"],
    "省工信厅": ["省工业和信息化厅"],
    "省人社厅": ["省人力资源社会保障厅", "江苏省人力资源和社会保障厅"],
    "省住建厅": ["省住房城乡建设厅"],
    "省文旅厅": ["省文化和旅游厅"],
    "省卫健委": ["省卫生健康委"],
    "省应急厅": ["省应急管理厅"],
    "团省委": ["共青团江苏省委"],
}
STATUSES = {"unchanged", "revised", "added", "removed", "moved"}
FIELDS = {"title", "text", "targets", "units"}


def read(rel):
    return (ROOT / rel).read_text(encoding="utf-8")


def scan(text):
    """Return {(part, number): item} with item = section, title, block, pos."""
    items = {}
    part, section, current = "main", None, None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line == "附件":
            part, section, current = "attachment", None, None
            continue
        if part == "main":
            m = TASK_RE.match(line)
            if m:
                current = {"part": part, "section": section, "number": m.group(1),
                           "title": m.group(2).split("。", 1)[0], "block": line}
                items[(part, current["number"])] = current
                continue
            m = HEAD_RE.match(line)
            if m:
                section, current = m.group(1), None
                continue
        else:
            m = HEAD_RE.match(line)
            if m:
                current = {"part": part, "section": None, "number": m.group(1),
                           "title": m.group(2), "block": ""}
                items[(part, current["number"])] = current
                continue
        if current is not None:
            current["block"] += line
    for i, item in enumerate(items.values()):
        item["pos"] = i
    return items


def sections(text):
    head = text.split("\n附件\n", 1)[0]
    return {m.group(1): m.group(2) for m in
            (HEAD_RE.match(l.strip()) for l in head.splitlines()) if m}


def forms(unit):
    return [unit] + ALIASES.get(unit, [])


@pytest.fixture(scope="module")
def gold():
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def old_text(gold):
    return read(gold["old"])


@pytest.fixture(scope="module")
def new_text(gold):
    return read(gold["new"])


@pytest.fixture(scope="module")
def old_items(old_text):
    return scan(old_text)


@pytest.fixture(scope="module")
def new_items(new_text):
    return scan(new_text)


def key(ref):
    return (ref["part"], ref["number"])


def test_scanned_2023_has_18_tasks_and_10_projects(old_items):
    assert [n for p, n in old_items if p == "main"] == [str(i) for i in range(1, 19)]
    assert [n for p, n in old_items if p == "attachment"] == list(NUMERALS)


def test_2024_header(new_text):
    assert "苏产改办〔2024〕9号" in new_text
    assert "2024年3月8日" in new_text
    assert 18 <= sum(1 for l in new_text.splitlines() if TASK_RE.match(l)) <= 20


def test_every_old_item_once(gold, old_items):
    olds = [key(c["old"]) for c in gold["changes"] if c["old"] is not None]
    assert len(olds) == len(set(olds))
    assert set(olds) == set(old_items)


def test_every_new_item_once(gold, new_items):
    news = [key(c["new"]) for c in gold["changes"] if c["new"] is not None]
    assert len(news) == len(set(news))
    assert set(news) == set(new_items)


def test_titles_and_sections_match_texts(gold, old_items, new_items):
    for c in gold["changes"]:
        for side, items in (("old", old_items), ("new", new_items)):
            ref = c[side]
            if ref is None:
                continue
            item = items[key(ref)]
            assert ref["title"] == item["title"], (side, ref)
            assert ref["section"] == item["section"], (side, ref)


def test_section_titles(gold, old_text, new_text):
    old_s, new_s = sections(old_text), sections(new_text)
    for s in gold.get("sections", []):
        assert old_s[s["section"]] == s["old_title"]
        assert new_s[s["section"]] == s["new_title"]
        assert (s["status"] == "renamed") == (s["old_title"] != s["new_title"])


def test_status_shapes(gold):
    news = {key(c["new"]) for c in gold["changes"] if c["new"]}
    olds = {key(c["old"]) for c in gold["changes"] if c["old"]}
    for c in gold["changes"]:
        st = c["status"]
        assert st in STATUSES
        assert set(c["fields_changed"]) <= FIELDS
        assert (c["old"] is None) == (st == "added")
        assert (c["new"] is None) == (st == "removed")
        if st == "unchanged":
            assert c["fields_changed"] == []
        if st == "revised":
            assert c["fields_changed"]
        if st in ("unchanged", "revised"):
            assert c["old"]["section"] == c["new"]["section"]
            assert c["old"]["part"] == c["new"]["part"]
        if st == "moved":
            assert c["old"]["section"] != c["new"]["section"]
        if st in ("unchanged", "revised", "moved"):
            assert ("title" in c["fields_changed"]) == (c["old"]["title"] != c["new"]["title"])
            unit_change = bool(c["units_added"] or c["units_removed"] or c["lead_changed"])
            assert ("units" in c["fields_changed"]) == unit_change
            assert ("targets" in c["fields_changed"]) == bool(c["targets_changed"])
        else:
            assert not (c["fields_changed"] or c["units_added"] or c["units_removed"]
                        or c["lead_changed"] or c["targets_changed"])
        if c["split_from"] is not None:
            assert st == "added" and key(c["split_from"]) in olds
        if c["merged_into"] is not None:
            assert st == "removed" and key(c["merged_into"]) in news


def test_order(gold, old_items, new_items):
    changes = gold["changes"]
    with_old = [c for c in changes if c["old"] is not None]
    added = [c for c in changes if c["old"] is None]
    assert changes == with_old + added
    assert [old_items[key(c["old"])]["pos"] for c in with_old] == sorted(
        old_items[key(c["old"])]["pos"] for c in with_old)
    assert [new_items[key(c["new"])]["pos"] for c in added] == sorted(
        new_items[key(c["new"])]["pos"] for c in added)


def test_units_are_canonical_and_present(gold, old_items, new_items):
    for c in gold["changes"]:
        for u in c["units_added"]:
            assert u in CANONICAL, u
            block = new_items[key(c["new"])]["block"]
            assert any(f in block for f in forms(u)), (u, c["new"])
        for u in c["units_removed"]:
            assert u in CANONICAL, u
            block = old_items[key(c["old"])]["block"]
            assert any(f in block for f in forms(u)), (u, c["old"])
            new_block = new_items[key(c["new"])]["block"]
            assert not any(f in new_block.rsplit("（责任单", 1)[-1] for f in forms(u)), u


def test_targets_occur(gold, old_items, new_items):
    for c in gold["changes"]:
        for t in c["targets_changed"]:
            old_block = old_items[key(c["old"])]["block"].replace(" ", "")
            new_block = new_items[key(c["new"])]["block"].replace(" ", "")
            assert t["old"] in old_block and t["old"] not in new_block, t
            assert t["new"] in new_block, t


def test_unchanged_bodies_identical_up_to_layout(gold, old_items, new_items):
    def norm(block):
        block = re.sub(r"\s+", "", block)
        for canon, alias_list in ALIASES.items():
            for a in alias_list:
                block = block.replace(a, canon)
        return block

    for c in gold["changes"]:
        if c["status"] == "unchanged":
            assert norm(old_items[key(c["old"])]["block"]) == \
                norm(new_items[key(c["new"])]["block"]).replace(
                    f"{c['new']['number']}.", f"{c['old']['number']}.", 1), c["old"]
