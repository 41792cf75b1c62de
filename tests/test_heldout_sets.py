"""The held-out gold sets (tests/holdout, tests/blind, tests/blind2, tests/blind3).

Each set was written without reading the parser's rules, to measure how they generalise; the
first-run figures are in the README and in each set's README. The rules were generalised after
each measurement, so the sets now guard against regressions: pairs F1 and role accuracy must stay
at or above ``FLOOR``. Also checked: the gold files are well formed, every title and ``unit_raw``
occurs in its notice, and a set's generator still writes the committed files.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT

SETS = {"holdout": None, "blind": "make_blind.py", "blind2": "make_blind2.py", "blind3": "make_blind3.py"}
FLOOR = 0.98
ROLES = {"lead", "support", "responsible"}
FORMS = {f"F{i}" for i in range(1, 15)}
HAZARDS = {"collective_enumeration", "inner_brackets", "prefix_elision", "shared_suffix", "generaliser",
           "he_inside_name", "ji_separator", "cell_line_break", "traditional", "ascii_punctuation"}
CONVENTIONS = {None, "first_listed_is_lead", "responsible_is_lead_when_no_lead"}
TOP_KEYS = ["case", "synthetic", "format", "encoding", "script", "punctuation", "convention", "meta", "items"]
ITEM_KEYS = ["part", "section", "number", "title", "forms", "hazards", "responsibilities", "deadline",
             "targets", "documents", "persons"]
RESP_KEYS = ["unit", "unit_raw", "role", "order", "attribution", "collective"]
GOLD_FILES = [(name, path) for name in SETS for path in sorted((ROOT / "tests" / name).glob("*.gold.json"))]


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _notice_text(folder: Path, gold: dict) -> str:
    return (folder / f"{gold['case']}.{gold['format']}").read_bytes().decode(gold["encoding"])


@pytest.mark.parametrize("name", SETS)
def test_heldout_set_present(name):
    golds = [_gold(p) for p in sorted((ROOT / "tests" / name).glob("*.gold.json"))]
    assert len(golds) >= 10 and all(g["synthetic"] is True for g in golds)
    assert len({g["meta"]["doc_number"] for g in golds}) == len(golds)


@pytest.mark.parametrize("name, path", GOLD_FILES, ids=lambda v: v if isinstance(v, str) else v.name.split(".")[0])
def test_heldout_gold_file_valid(name, path):
    gold = _gold(path)
    assert list(gold) == TOP_KEYS
    assert gold["case"] == path.name[: -len(".gold.json")]
    assert gold["format"] == "txt" and (path.parent / f"{gold['case']}.txt").exists()
    assert gold["encoding"] in {"utf-8", "utf-8-sig", "gb18030"}
    assert gold["script"] in {"simplified", "traditional"} and gold["punctuation"] in {"fullwidth", "ascii"}
    assert gold["convention"] in CONVENTIONS
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", gold["meta"]["date"]) and int(gold["meta"]["date"][:4]) == gold["meta"]["year"]
    assert 5 <= len(gold["items"]) <= 20
    keys = set()
    for item in gold["items"]:
        assert list(item) == ITEM_KEYS and item["part"] in {"main", "attachment"}
        key = (item["part"], item["section"], item["number"])
        assert key not in keys, key
        keys.add(key)
        assert item["title"] and not item["title"].endswith("。")
        assert set(item["forms"]) <= FORMS and set(item["hazards"]) <= HAZARDS
        per_attribution: dict[int, list[int]] = {}
        for r in item["responsibilities"]:
            assert list(r) == RESP_KEYS and r["role"] in ROLES and isinstance(r["collective"], bool)
            assert r["unit"] and r["unit_raw"] and "人民政府" not in r["unit"]
            assert not re.search(r"等(有关|相关|其他)?(部门|单位)?$", r["unit"]), r["unit"]
            per_attribution.setdefault(r["attribution"], []).append(r["order"])
        for orders in per_attribution.values():
            assert orders == list(range(1, len(orders) + 1))


@pytest.mark.parametrize("name, path", GOLD_FILES, ids=lambda v: v if isinstance(v, str) else v.name.split(".")[0])
def test_heldout_strings_occur_in_notice(name, path):
    gold = _gold(path)
    text = _notice_text(path.parent, gold)
    flat = re.sub(r"\s+", "", text)
    assert gold["meta"]["doc_number"] in text
    for item in gold["items"]:
        assert item["title"] in text or item["title"] in flat, item["title"]
        for r in item["responsibilities"]:
            assert r["unit_raw"] in text or r["unit_raw"] in flat, (item["number"], r["unit_raw"])


@pytest.mark.parametrize("name", [n for n, script in SETS.items() if script])
def test_heldout_files_match_generator(name):
    folder = ROOT / "tests" / name
    spec = importlib.util.spec_from_file_location(f"make_{name}", folder / SETS[name])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for case in module.CASES:
        assert (folder / f"{case['name']}.txt").read_text(encoding="utf-8") == case["text"]
        assert _gold(folder / f"{case['name']}.gold.json") == module.build(case)


@pytest.mark.parametrize("name", SETS)
def test_heldout_scores_do_not_regress(name):
    from pipeline.evaluation import evaluate_directory, format_report

    report = evaluate_directory(ROOT / "tests" / name)
    overall = report.overall
    assert overall.pair_prf()[2] >= FLOOR and overall.role_accuracy >= FLOOR and overall.item_prf()[2] >= FLOOR, format_report(report)
