"""Year-to-year diff: the hand-written gold 2023 → 2024 is met exactly; properties of the diff."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, NOTICE_2023, NOTICE_2024, ROOT

from pipeline.analysis.diff import (
    STATUSES,
    char_diff,
    compare_targets,
    diff_documents,
    diff_to_dict,
    similarity,
    targets,
)
from pipeline.exporters.diff_report import CSV_COLUMNS, diff_to_csv_rows, diff_to_html, diff_to_markdown

GOLD = json.loads((FIXTURES / "diff" / "2023_2024.gold.json").read_text("utf-8"))
COMPARED = ("status", "old", "new", "fields_changed", "units_added", "units_removed", "lead_changed",
            "targets_changed", "split_from", "merged_into")


@lru_cache(maxsize=None)
def docs():
    import pipeline

    return pipeline.parse(NOTICE_2023), pipeline.parse(NOTICE_2024)


@lru_cache(maxsize=None)
def gold_result():
    return diff_to_dict(diff_documents(*docs()))


def _key(change):
    return json.dumps([change["old"], change["new"]], ensure_ascii=False)


# --- the gold ----------------------------------------------------------------------------


def test_gold_same_changes_in_same_order():
    got = gold_result()["changes"]
    assert [(c["old"], c["new"]) for c in got] == [(c["old"], c["new"]) for c in GOLD["changes"]]


@pytest.mark.parametrize("index", range(len(GOLD["changes"])), ids=lambda i: _key(GOLD["changes"][i])[:60])
def test_gold_change(index):
    want = GOLD["changes"][index]
    got = gold_result()["changes"][index]
    assert {k: got[k] for k in COMPARED} == {k: want[k] for k in COMPARED}


def test_gold_counts_and_sections():
    result = gold_result()
    assert result["counts"] == {"unchanged": 7, "revised": 16, "added": 4, "removed": 4, "moved": 1}
    assert result["sections"] == GOLD["sections"]


def test_gold_pairs_carry_similarity_and_text_diff():
    for change in gold_result()["changes"]:
        if change["old"] and change["new"]:
            assert 0.4 <= change["similarity"] <= 1.0
        if change["status"] in ("revised", "moved"):
            ops = change["text_diff"]
            assert ops and {op for op, _ in ops} <= {"equal", "delete", "insert"}
        else:
            assert change["text_diff"] is None
    assert json.loads(json.dumps(gold_result(), ensure_ascii=False)) == gold_result()


def test_text_diff_rebuilds_both_texts():
    diff = diff_documents(*docs())
    for change in diff.changes:
        if change.text_diff is None:
            continue
        old = "".join(chars for op, chars in change.text_diff if op != "insert")
        new = "".join(chars for op, chars in change.text_diff if op != "delete")
        assert old == "".join(change.old.text.split())
        assert new == "".join(change.new.text.split())


def test_units_and_edges():
    result = gold_result()
    units = {u["unit"]: u for u in result["units"]}
    assert units["省委网信办"] == {"unit": "省委网信办", "old_tasks": 0, "new_tasks": 1, "delta": 1,
                                  "old_first_listed": 0, "new_first_listed": 0}
    assert units["省交通运输厅"]["delta"] == -1  # its project was replaced
    assert all(u["delta"] == u["new_tasks"] - u["old_tasks"] for u in result["units"])
    # aliases are not edges: 省人力资源社会保障厅 is 省人社厅
    assert "省人力资源社会保障厅" not in units
    added = {(e["unit"], (e["new"] or {}).get("number")) for e in result["edges_added"]}
    removed = {(e["unit"], (e["old"] or {}).get("number")) for e in result["edges_removed"]}
    assert ("省委网信办", "1") in added and ("省教育厅", "5") in removed
    assert ("省数据局", "17") in added and ("省民政厅", "15") in removed
    old, new = docs()
    old_edges = sum(len({r.unit for r in i.responsibilities}) for i in old.items)
    new_edges = sum(len({r.unit for r in i.responsibilities}) for i in new.items)
    assert old_edges - len(removed) + len(added) == new_edges


# --- targets and similarity ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("支持建设10个基地、评选100名人才", ["10个", "100名"]),
        ("全年开展培训不少于100万人次", ["不少于100万人次"]),
        ("帮助5万名农民工", ["5万名"]),
        ("按投资额的 30%比例", ["30%"]),
        ("开展第四届江苏技能大奖、第21个宣传周、第三批", []),
        ("（2021-2023年）", []),
        ("“8+X”综合服务集市", []),
    ],
)
def test_targets(text, expected):
    assert targets(text) == expected


def test_compare_targets_pairs_by_measure_word():
    assert compare_targets("建设10个、20个、评选100名", "建设12个、20个、评选120名") == (("10个", "12个"), ("100名", "120名"))
    assert compare_targets("第四届，10个", "第五届，10个") == ()
    assert compare_targets("10个", "5名") == (("10个", None), (None, "5名"))


def test_similarity_bounds():
    old, new = docs()
    assert similarity(old.items[2], new.items[2]) == pytest.approx(1.0)
    assert similarity(old.items[0], new.items[0]) > 0.8
    assert similarity(old.items[16], new.items[16]) < 0.4  # 加强工作培训交流 vs 推进产改工作数字化建设


# --- properties ------------------------------------------------------------------------------


def _sub(doc, indices):
    return dataclasses.replace(doc, items=tuple(doc.items[i] for i in sorted(set(indices))))


index_lists = st.lists(st.integers(min_value=0, max_value=27), min_size=1, max_size=28)
FAST = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(which=st.sampled_from([0, 1]), indices=index_lists)
def test_diff_with_itself_is_unchanged(which, indices):
    doc = _sub(docs()[which], indices)
    diff = diff_documents(doc, doc)
    assert {c.status for c in diff.changes} == {"unchanged"}
    assert not diff.edges_added and not diff.edges_removed
    assert all(u.delta == 0 for u in diff.units)


@FAST
@given(old_indices=index_lists, new_indices=index_lists)
def test_swapping_arguments_swaps_added_and_removed(old_indices, new_indices):
    old, new = _sub(docs()[0], old_indices), _sub(docs()[1], new_indices)
    forward, backward = diff_documents(old, new), diff_documents(new, old)

    def ids(diff, status):
        return sorted((c.old or c.new).id for c in diff.changes if c.status == status)

    assert ids(forward, "added") == ids(backward, "removed")
    assert ids(forward, "removed") == ids(backward, "added")
    pairs = sorted((c.old.id, c.new.id) for c in forward.changes if c.old and c.new)
    assert pairs == sorted((c.new.id, c.old.id) for c in backward.changes if c.old and c.new)
    splits = sorted((c.split_from.id, c.new.id) for c in forward.changes if c.split_from)
    assert splits == sorted((c.merged_into.id, c.old.id) for c in backward.changes if c.merged_into)
    assert {u.unit: u.delta for u in forward.units} == {u.unit: -u.delta for u in backward.units}


def _renumber(doc, shift):
    items = []
    for item in doc.items:
        number = str(int(item.number) + shift) if item.number.isdigit() else item.number + "之一"
        items.append(dataclasses.replace(item, number=number, id=f"{item.id}/renumbered{shift}"))
    return dataclasses.replace(doc, items=tuple(items))


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("shift", [1, 7, 100])
def test_renumbering_alone_is_no_change(which, shift):
    doc = docs()[which]
    diff = diff_documents(doc, _renumber(doc, shift))
    assert {c.status for c in diff.changes} == {"unchanged"}
    assert len(diff.changes) == len(doc.items)


@FAST
@given(shift=st.integers(min_value=1, max_value=50), indices=index_lists)
def test_renumbering_property(shift, indices):
    doc = _sub(docs()[1], indices)
    assert {c.status for c in diff_documents(doc, _renumber(doc, shift)).changes} == {"unchanged"}


def test_reordering_items_is_no_change():
    doc = docs()[0]
    shuffled = dataclasses.replace(doc, items=tuple(reversed(doc.items)))
    assert {c.status for c in diff_documents(doc, shuffled).changes} == {"unchanged"}


# --- renderers -------------------------------------------------------------------------------


def test_html_escapes_document_text():
    old, new = docs()
    evil = "<script>alert('x')</script>"
    item = dataclasses.replace(new.items[1], title=evil + new.items[1].title, text=evil + new.items[1].text)
    new = dataclasses.replace(new, items=(new.items[0], item, *new.items[2:]))
    page = diff_to_html(diff_documents(old, new))
    assert "<script" not in page
    assert "&lt;script&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and "<ins>" in page and "<del>" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page


def test_markdown_and_csv():
    diff = diff_documents(*docs())
    text = diff_to_markdown(diff, lang="en")
    assert "7 unchanged, 16 revised, 4 added, 4 removed, 1 moved" in text
    assert "10个→12个; 100名→120名" in text and "split from 二 5" in text and "merged into 三 13" in text
    rows = diff_to_csv_rows(diff)
    assert len(rows) == len(diff.changes) and all(tuple(r) == CSV_COLUMNS for r in rows)
    assert [r["status"] for r in rows] == [c.status for c in diff.changes]
    assert {r["status"] for r in rows} <= set(STATUSES)


def test_words_keep_unit_names_and_print_nothing():
    code = "from pipeline.extract.words import tokens; print(tokens('（责任单位：省人力资源社会保障厅、共青团江苏省委）'))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stderr == ""
    assert "省人力资源社会保障厅" in done.stdout and "共青团江苏省委" in done.stdout and "（" not in done.stdout


_NOTICE_LINES = tuple(line for line in NOTICE_2023.read_text("utf-8").splitlines() if line.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_NOTICE_LINES), st.text(max_size=40)), max_size=6).map("".join))
def test_words_cached_by_block_are_the_tokens_of_the_whole_text(text):
    # tokens are cached per jieba block; what comes out must be exactly what jieba gives for the whole text
    from pipeline.extract.words import _WORD_RE, _tokenizer, clear_cache, tokens

    whole = [t for t in _tokenizer().lcut(text, HMM=False) if _WORD_RE.search(t)] if text else []
    assert tokens(text) == whole
    clear_cache()
    assert tokens(text) == whole


def _with_roles(item, roles):
    return dataclasses.replace(item, responsibilities=tuple(
        dataclasses.replace(r, role=role) for r, role in zip(item.responsibilities, roles)))


def test_lead_role_decides_lead_changed():
    from pipeline.analysis.diff import compare_items

    item = docs()[0].items[6]  # 省人社厅、省住建厅、省总工会
    first_lead = _with_roles(item, ["lead", "support", "support"])
    third_lead = _with_roles(item, ["support", "support", "lead"])
    change = compare_items(first_lead, third_lead)
    assert change.lead_changed and change.fields_changed == ("units",) and change.status == "revised"
    assert not change.units_added and not change.units_removed
    same = compare_items(first_lead, first_lead)
    assert same.status == "unchanged" and not same.lead_changed


def test_align_pairs_within_parts_with_similarity():
    from pipeline.analysis.diff import align

    old, new = docs()
    alignment = align(old, new)
    assert len(alignment.pairs) == 24
    assert all(old.items[p.old].part == new.items[p.new].part and p.score >= 0.4 for p in alignment.pairs)
    assert [(old.items[s.old].id, new.items[s.new].id) for s in alignment.splits] == [("main/二/5", "main/二/6")]
    assert [(old.items[m.old].id, new.items[m.new].id) for m in alignment.merges] == [("main/三/12", "main/三/13")]


@given(st.text(alphabet="工作任务牵头单位省市厅局，、。AB12 ", max_size=60), st.text(alphabet="工作任务牵头单位省市厅局，、。AB12 ", max_size=60))
@settings(max_examples=300, deadline=None)
def test_diff_char_diff_rebuilds_both_texts_with_fewest_changes(old, new):
    """The ops give back the old text (equal + delete) and the new one (equal + insert); no two
    neighbouring ops share a kind except a delete then an insert; the equal runs are a common
    subsequence, a longest one but for kept runs of at most two characters folded into the
    changes around them."""
    ops = char_diff(old, new)
    assert "".join(chars for op, chars in ops if op != "insert") == old
    assert "".join(chars for op, chars in ops if op != "delete") == new
    assert all(chars for _, chars in ops)
    for (a, _), (b, _) in zip(ops, ops[1:]):
        assert a != b and (a, b) != ("insert", "delete")
    # the length of a longest common subsequence, by the textbook dynamic programme
    row = [0] * (len(new) + 1)
    for ch in old:
        previous, row = row, [0]
        for j, other in enumerate(new):
            row.append(previous[j] + 1 if ch == other else max(previous[j + 1], row[j]))
    kept = sum(len(chars) for op, chars in ops if op == "equal")
    changed = sum(len(chars) for op, chars in ops if op != "equal")
    assert kept <= row[-1]
    assert row[-1] - kept <= changed  # (what was folded is no more than the changes beside it)
    # a short kept run left between changes is longer than the changes on one side of it
    cuts = [k for k, (op, _) in enumerate(ops) if op == "equal"]
    for before, k, after in zip([-1] + cuts, cuts, cuts[1:] + [len(ops)]):
        left, right = ops[before + 1:k], ops[k + 1:after]
        if left and right and len(ops[k][1]) <= 2:
            assert min(max(len(c) for _, c in left), max(len(c) for _, c in right)) < len(ops[k][1])
    if old == new:
        assert ops == ((("equal", old),) if old else ())
