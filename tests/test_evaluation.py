"""Tests of the gold evaluation set (tests/eval) and its scorer (pipeline.evaluation)."""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "tests" / "eval"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


try:
    from pipeline import evaluation as ev
except Exception:  # package not importable yet: load the module file directly
    ev = _load("fengong_evaluation", ROOT / "pipeline" / "evaluation.py")

mef = _load("fengong_make_eval_files", EVAL_DIR / "make_eval_files.py")


# ------------------------------------------------------------------ scorer
def R(unit, role="responsible", order=1, attribution=1):
    return {"unit": unit, "unit_raw": unit, "role": role, "order": order, "attribution": attribution,
            "collective": unit.startswith("各")}


def G(number, title, resps, section="一", forms=("F1",), hazards=(), part="main"):
    return {"part": part, "section": section, "number": number, "title": title, "forms": list(forms),
            "hazards": list(hazards), "responsibilities": resps, "deadline": None, "targets": [],
            "documents": [], "persons": []}


def P(number, title, resps, section="一", part="main"):
    return {"id": f"{section}-{number}", "part": part,
            "section": {"number": section, "title": "x"} if section else None,
            "number": number, "title": title, "text": title + "。", "responsibilities": resps}


GOLD = {"case": "toy", "items": [
    G("1", "深化一网通办改革", [R("市政务服务管理局", "lead"), R("市数据资源管理局", order=2)], forms=["F1", "F13"]),
    G("2", "压缩企业开办时间", [R("市市场监管局", "lead"), R("市公安局", "support", 2)], forms=["F2"],
      hazards=["generaliser"]),
    G("3", "推进非遗活化利用", [R("各县（市、区）政府")], forms=["F5"], hazards=["inner_brackets"]),
]}

PERFECT = [P(i["number"], i["title"], [dict(r) for r in i["responsibilities"]]) for i in GOLD["items"]]

CASES = {
    "perfect": (PERFECT, dict(item_tp=3, item_fp=0, item_fn=0, pair_tp=5, pair_fp=0, pair_fn=0,
                              role_correct=5, role_total=5), set()),
    "missed_unit": ([PERFECT[0], P("2", "压缩企业开办时间", [R("市市场监管局", "lead")]), PERFECT[2]],
                    dict(item_tp=3, pair_tp=4, pair_fn=1, role_correct=4, role_total=4), {"missed_pair"}),
    "spurious_unit": ([PERFECT[0], PERFECT[1],
                       P("3", "推进非遗活化利用", [R("各县（市、区）政府"), R("等有关部门")])],
                      dict(item_tp=3, pair_tp=5, pair_fp=1, role_correct=5, role_total=5), {"spurious_pair"}),
    "wrong_role": ([P("1", "深化一网通办改革", [R("市政务服务管理局"), R("市数据资源管理局", order=2)]),
                    PERFECT[1], PERFECT[2]],
                   dict(item_tp=3, pair_tp=5, role_correct=4, role_total=5), {"wrong_role"}),
    "missed_item": (PERFECT[:2], dict(item_tp=2, item_fn=1, pair_tp=4, pair_fn=1, role_correct=4, role_total=4),
                    {"missed_item", "missed_pair"}),
    "spurious_item": (PERFECT + [P("4", "加强组织领导", [R("市政府办")])],
                      dict(item_tp=3, item_fp=1, pair_tp=5, pair_fp=1, role_correct=5, role_total=5),
                      {"spurious_item", "spurious_pair"}),
    # keys differ (parser put the items under section 二): fall back to title overlap
    "title_fallback": ([dict(p, section={"number": "二", "title": "x"}) for p in PERFECT],
                       dict(item_tp=3, pair_tp=5, role_correct=5, role_total=5), set()),
    # parser returned whole sentences as titles and no sections
    "title_fallback_long": ([dict(p, section=None, title=p["title"] + "。推动高频事项全程网办，年内完成。") for p in PERFECT],
                            dict(item_tp=3, pair_tp=5, role_correct=5, role_total=5), set()),
    # ASCII brackets and Chinese/Arabic numbering are normalised
    "normalised": ([P("（一）", "深化一网通办改革", PERFECT[0]["responsibilities"]), PERFECT[1],
                    P("3.", "推进非遗活化利用", [R("各县(市、区)政府")])],
                   dict(item_tp=3, pair_tp=5, role_correct=5, role_total=5), set()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_score_document(name):
    parsed_items, expected, kinds = CASES[name]
    if name == "normalised":
        gold = json.loads(json.dumps(GOLD))
        gold["items"][0]["number"] = "1"
    else:
        gold = GOLD
    score = ev.score_document(gold, {"meta": {}, "items": parsed_items, "warnings": []})
    want = ev.Stats(**expected)
    assert score.stats == want, name
    assert {m.kind for m in score.misses} == kinds
    json.dumps(score.to_dict(), ensure_ascii=False)


def test_miss_details():
    parsed = [P("1", "深化一网通办改革", [R("市政务服务管理局"), R("市数据资源管理局", order=2)]), PERFECT[1]]
    score = ev.score_document(GOLD, {"items": parsed})
    wrong = [m for m in score.misses if m.kind == "wrong_role"]
    assert wrong == [ev.Miss("wrong_role", "一/1", "深化一网通办改革", "市政务服务管理局", "lead", "responsible")]
    missed = [m for m in score.misses if m.kind == "missed_item"]
    assert [m.item for m in missed] == ["一/3"]


def test_aggregate_per_form_and_hazard():
    bad = [PERFECT[0], P("2", "压缩企业开办时间", [R("市市场监管局", "lead"), R("市公安局", "lead", 2), R("市税务局")])]
    s1 = ev.score_document(GOLD, {"items": bad})
    s2 = ev.score_document(GOLD, {"items": PERFECT})
    rep = ev.aggregate([s1, s2])
    forms = dict(rep.per_form)
    assert forms["F2"] == ev.Stats(item_tp=2, pair_tp=4, pair_fp=1, role_correct=3, role_total=4)
    assert forms["F5"] == ev.Stats(item_tp=1, item_fn=1, pair_tp=1, pair_fn=1, role_correct=1, role_total=1)
    assert forms["F1"].pair_prf() == (1.0, 1.0, 1.0)
    hz = dict(rep.per_hazard)
    assert hz["generaliser"].pair_fp == 1 and hz["inner_brackets"].item_fn == 1
    assert rep.overall.item_tp == 5 and rep.overall.item_fn == 1
    p, r, f = rep.overall.pair_prf()
    assert p == pytest.approx(9 / 10) and r == pytest.approx(9 / 10) and f == pytest.approx(0.9)
    assert [c for c, _ in rep.per_case] == ["toy", "toy"]
    text = ev.format_report(rep)
    assert "pair F1" in text and "F2" in text and "generaliser" in text
    json.dumps(rep.to_dict(), ensure_ascii=False)


def test_empty_and_number_normalisation():
    s = ev.score_document({"case": "e", "items": []}, {"items": []})
    assert s.stats == ev.Stats() and s.stats.item_prf() == (1.0, 1.0, 1.0)
    assert ev.norm_number("（十二）") == "12" and ev.norm_number("3.") == "3" and ev.norm_number(None) == ""
    assert ev.norm_unit("各县(市、区)政府") == ev.norm_unit("各县（市、区）政府")


# ------------------------------------------------------------------ gold files
GOLD_FILES = sorted(EVAL_DIR.glob("*.gold.json"))
ROLES = {"lead", "support", "responsible"}
FORMS = {f"F{i}" for i in range(1, 15)}
HAZARDS = {"collective_enumeration", "inner_brackets", "prefix_elision", "shared_suffix", "generaliser",
           "he_inside_name", "ji_separator", "cell_line_break", "traditional", "ascii_punctuation"}
KINDS = {"ongoing", "continuous", "year_end", "date"}
TOP_KEYS = ["case", "synthetic", "format", "encoding", "script", "punctuation", "convention", "meta", "items"]
ITEM_KEYS = ["part", "section", "number", "title", "forms", "hazards", "responsibilities", "deadline",
             "targets", "documents", "persons"]
RESP_KEYS = ["unit", "unit_raw", "role", "order", "attribution", "collective"]
TABLE_KEYS = {mef.case_name(k): k for k in mef.CASES}


def notice_text(gold: dict) -> str:
    case, fmt = gold["case"], gold["format"]
    if fmt == "txt":
        return (EVAL_DIR / f"{case}.txt").read_bytes().decode(gold["encoding"])
    return mef.document_text(case)


def test_eval_set_shape():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert len(golds) >= 14
    assert sum(g["script"] == "traditional" for g in golds) >= 2
    assert sum(g["punctuation"] == "ascii" and g["format"] == "txt" for g in golds) >= 2
    assert {g["encoding"] for g in golds} >= {"utf-8", "utf-8-sig", "gb18030"}
    assert {g["format"] for g in golds} == {"txt", "docx", "html"}
    forms = {f for g in golds for i in g["items"] for f in i["forms"]}
    hazards = {h for g in golds for i in g["items"] for h in i["hazards"]}
    assert forms == FORMS and hazards == HAZARDS
    assert {g["convention"] for g in golds} == {None, "first_listed_is_lead", "responsible_is_lead_when_no_lead"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_gold_file_valid(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert list(gold) == TOP_KEYS
    assert gold["case"] == path.name[: -len(".gold.json")] and gold["synthetic"] is True
    assert gold["format"] in {"txt", "docx", "html"} and (EVAL_DIR / f"{gold['case']}.{gold['format']}").exists()
    assert gold["encoding"] in {"utf-8", "utf-8-sig", "gb18030"}
    assert gold["script"] in {"simplified", "traditional"} and gold["punctuation"] in {"fullwidth", "ascii"}
    assert gold["convention"] in {None, "first_listed_is_lead", "responsible_is_lead_when_no_lead"}
    meta = gold["meta"]
    assert set(meta) == {"issuer", "doc_number", "title", "date", "year"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["date"]) and int(meta["date"][:4]) == meta["year"]
    assert 5 <= len(gold["items"]) <= 20
    keys = set()
    for it in gold["items"]:
        assert list(it) == ITEM_KEYS
        assert it["part"] in {"main", "attachment"}
        key = (it["part"], it["section"], it["number"])
        assert key not in keys
        keys.add(key)
        assert it["title"] and not it["title"].endswith("。")
        assert set(it["forms"]) <= FORMS and set(it["hazards"]) <= HAZARDS
        per_attr: dict[int, list[int]] = {}
        units = [r["unit"] for r in it["responsibilities"]]
        assert len(units) == len(set(units)), "a unit appears once per item"
        for r in it["responsibilities"]:
            assert list(r) == RESP_KEYS and r["role"] in ROLES and isinstance(r["collective"], bool)
            assert r["unit"] and r["unit_raw"] and "人民政府" not in r["unit"] and "等" not in r["unit"]
            per_attr.setdefault(r["attribution"], []).append(r["order"])
        for attr, orders in per_attr.items():
            assert orders == list(range(1, len(orders) + 1))
        assert sorted(a for a in per_attr if a) == list(range(1, len([a for a in per_attr if a]) + 1))
        if 0 in per_attr:
            assert "F12" in it["forms"]
        dl = it["deadline"]
        if dl is not None:
            assert dl["text"] and dl["kind"] in KINDS
            assert ("date" in dl) == (dl["kind"] in {"date", "year_end"})
        for t in it["targets"]:
            assert set(t) == {"text", "value", "unit", "counted"} and isinstance(t["value"], (int, float))
        for d in it["documents"]:
            assert d.startswith("《") and d.endswith("》")
        for p in it["persons"]:
            assert set(p) == {"text", "title", "role"} and p["role"] == "lead_leader"
            assert p["text"] not in units


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_gold_strings_occur_in_notice(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = notice_text(gold)
    flat = re.sub(r"\s+", "", text)
    for key in ("issuer", "doc_number", "title"):
        if gold["meta"][key] and key != "issuer":
            assert gold["meta"][key] in text
    for it in gold["items"]:
        assert it["title"] in text or it["title"] in flat, it["title"]
        for r in it["responsibilities"]:
            assert r["unit_raw"] in text or r["unit_raw"] in flat, (it["number"], r["unit_raw"])
        for t in it["targets"]:
            assert t["text"] in text
        for d in it["documents"]:
            assert d in text
        for p in it["persons"]:
            assert p["text"] in text and p["title"] in text
        if it["deadline"]:
            assert it["deadline"]["text"] in text


def test_txt_encodings():
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["format"] != "txt":
            continue
        raw = (EVAL_DIR / f"{gold['case']}.txt").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") == (gold["encoding"] == "utf-8-sig")
        if gold["encoding"] == "gb18030":
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")


def test_table_files_match_generator(tmp_path):
    pytest.importorskip("docx")
    mef.main(tmp_path)
    for name in mef.FILE_NAMES.values():
        assert (tmp_path / name).read_bytes() == (EVAL_DIR / name).read_bytes(), f"regenerate {name}"


def test_gold_scores_perfectly_against_itself():
    scores = []
    for path in GOLD_FILES:
        gold = json.loads(path.read_text(encoding="utf-8"))
        parsed = {"meta": gold["meta"], "warnings": [], "items": [
            {"id": str(n), "part": it["part"],
             "section": {"number": it["section"], "title": ""} if it["section"] else None,
             "number": it["number"], "title": it["title"], "text": it["title"],
             "responsibilities": it["responsibilities"]} for n, it in enumerate(gold["items"])]}
        scores.append(ev.score_document(gold, parsed))
    rep = ev.aggregate(scores)
    assert rep.overall.item_fn == rep.overall.item_fp == rep.overall.pair_fn == rep.overall.pair_fp == 0
    assert rep.overall.role_accuracy == 1.0 and rep.overall.n_items >= 100
