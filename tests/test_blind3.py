"""Third blind set (tests/blind3): validity of the gold files and a report of the parser's scores.

The notices were written without reading the parser's rules (pipeline/ except pipeline/evaluation.py)
or the notices of tests/eval, tests/holdout, tests/blind and tests/blind2 (only their READMEs and gold files), after
the rules had been tuned on all four sets.
This module sets **no threshold** on the scores: it only prints them (``pytest tests/test_blind3.py -s``)
and checks that the gold files are well formed, that every ``unit_raw`` and title occurs in its
notice, and that ``tests/blind3/make_blind3.py`` still produces the committed files.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BLIND_DIR = ROOT / "tests" / "blind3"
GOLD_FILES = sorted(BLIND_DIR.glob("*.gold.json"))

ROLES = {"lead", "support", "responsible"}
FORMS = {f"F{i}" for i in range(1, 15)}
HAZARDS = {"collective_enumeration", "inner_brackets", "prefix_elision", "shared_suffix", "generaliser",
           "he_inside_name", "ji_separator", "cell_line_break", "traditional", "ascii_punctuation"}
CONVENTIONS = {None, "first_listed_is_lead", "responsible_is_lead_when_no_lead"}
TOP_KEYS = ["case", "synthetic", "format", "encoding", "script", "punctuation", "convention", "meta", "items"]
ITEM_KEYS = ["part", "section", "number", "title", "forms", "hazards", "responsibilities", "deadline",
             "targets", "documents", "persons"]
RESP_KEYS = ["unit", "unit_raw", "role", "order", "attribution", "collective"]


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _notice_text(gold: dict) -> str:
    return (BLIND_DIR / f"{gold['case']}.{gold['format']}").read_bytes().decode(gold["encoding"])


def test_blind3_set_present():
    assert len(GOLD_FILES) >= 10
    golds = [_gold(p) for p in GOLD_FILES]
    assert all(g["synthetic"] is True for g in golds)
    assert len({g["meta"]["doc_number"] for g in golds}) == len(golds)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_blind3_gold_file_valid(path):
    gold = _gold(path)
    assert list(gold) == TOP_KEYS
    assert gold["case"] == path.name[: -len(".gold.json")] and gold["synthetic"] is True
    assert gold["format"] == "txt" and (BLIND_DIR / f"{gold['case']}.txt").exists()
    assert gold["encoding"] in {"utf-8", "utf-8-sig", "gb18030"}
    assert gold["script"] in {"simplified", "traditional"} and gold["punctuation"] in {"fullwidth", "ascii"}
    assert gold["convention"] in CONVENTIONS
    meta = gold["meta"]
    assert set(meta) == {"issuer", "doc_number", "title", "date", "year"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", meta["date"]) and int(meta["date"][:4]) == meta["year"]
    assert 5 <= len(gold["items"]) <= 20
    keys = set()
    for it in gold["items"]:
        assert list(it) == ITEM_KEYS
        assert it["part"] in {"main", "attachment"}
        key = (it["part"], it["section"], it["number"])
        assert key not in keys, key
        keys.add(key)
        assert it["title"] and not it["title"].endswith("。")
        assert set(it["forms"]) <= FORMS and set(it["hazards"]) <= HAZARDS
        units = [r["unit"] for r in it["responsibilities"]]
        assert len(units) == len(set(units)), "a unit appears once per item"
        per_attr: dict[int, list[int]] = {}
        for r in it["responsibilities"]:
            assert list(r) == RESP_KEYS and r["role"] in ROLES and isinstance(r["collective"], bool)
            assert r["unit"] and r["unit_raw"] and "人民政府" not in r["unit"]
            # a generaliser (等, 等有关部门) is never part of a unit; 等 inside a name would be
            assert not re.search(r"等(有关|相关|其他)?(部门|单位)?$", r["unit"]), r["unit"]
            # role words and labels are never part of a unit
            assert not re.search(r"(牵头|配合|协同|负责|单位：|为牵头单位|为配合单位|为责任单位)$", r["unit"]), r["unit"]
            assert r["collective"] == ("各" in r["unit"] or r["unit"].endswith("成员单位"))
            per_attr.setdefault(r["attribution"], []).append(r["order"])
        for orders in per_attr.values():
            assert orders == list(range(1, len(orders) + 1))
        numbered = sorted(a for a in per_attr if a)
        assert numbered == list(range(1, len(numbered) + 1))
        if 0 in per_attr:
            assert "F12" in it["forms"]
        if it["deadline"] is not None:
            assert it["deadline"]["text"] and it["deadline"]["kind"] in {"ongoing", "continuous", "year_end", "date"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_blind3_strings_occur_in_notice(path):
    gold = _gold(path)
    text = _notice_text(gold)
    flat = re.sub(r"\s+", "", text)
    assert gold["meta"]["doc_number"] in text and gold["meta"]["title"] in text
    for it in gold["items"]:
        assert it["title"] in text or it["title"] in flat, it["title"]
        for r in it["responsibilities"]:
            assert r["unit_raw"] in text or r["unit_raw"] in flat, (it["number"], r["unit_raw"])


def test_blind3_files_match_generator():
    spec = importlib.util.spec_from_file_location("make_blind3", BLIND_DIR / "make_blind3.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert len(mod.CASES) == len(GOLD_FILES)
    for c in mod.CASES:
        assert (BLIND_DIR / f"{c['name']}.txt").read_text(encoding="utf-8") == c["text"]
        assert _gold(BLIND_DIR / f"{c['name']}.gold.json") == mod.build(c)


def test_blind3_report():
    """Scores of the parser on the blind set: printed, never asserted.

    A notice the parser cannot parse (any exception) is scored as all missed and reported,
    so that one crash does not hide the figures of the other cases.
    """
    from pipeline.evaluation import evaluate_directory, format_report
    from pipeline.model import document_to_dict
    from pipeline.parse import parse as parse_file

    crashed: list[str] = []

    def parse(path: Path) -> dict:
        try:
            return document_to_dict(parse_file(path))
        except Exception as exc:  # noqa: BLE001 - reported, not asserted
            crashed.append(f"{path.name}: {type(exc).__name__}: {exc}")
            return {"items": []}

    report = evaluate_directory(BLIND_DIR, parse=parse)
    print()
    print(format_report(report, with_cases=True))
    for case, miss in report.misses:
        print(case, miss.kind, miss.item, miss.unit or "", miss.gold_role or "", miss.parsed_role or "", sep="\t")
    for line in crashed:
        print("parser failed on", line)
    assert report.overall.n_items == sum(len(_gold(p)["items"]) for p in GOLD_FILES)
