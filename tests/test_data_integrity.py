"""Vocabulary and patterns are data: each compiles, has examples that match, cannot blow up."""

from __future__ import annotations

import re
import time

import pytest

from pipeline.extract import patterns as layout
from pipeline.extract import responsibility

RAW = layout.load_raw()
NAMED = [(key, value) for key, value in RAW.items() if isinstance(value, dict)] + [
    (f"heading:{h['name']}", h) for h in RAW["headings"]
]


@pytest.mark.parametrize("name, spec", NAMED, ids=[n for n, _ in NAMED])
def test_patterns_compile_and_match_their_examples(name, spec):
    regex = re.compile(spec["pattern"])
    assert spec["examples"], f"{name} has no example"
    for example in spec["examples"]:
        assert regex.search(example), f"{name} does not match its example {example!r}"


@pytest.mark.parametrize("name, spec", NAMED, ids=[n for n, _ in NAMED])
def test_patterns_do_not_backtrack_catastrophically(name, spec):
    regex = re.compile(spec["pattern"])
    for hostile in ("一" * 5000 + "x", "（" * 3000 + "1" * 3000, "2" * 10000 + "年", "附件" + "：" * 5000):
        started = time.perf_counter()
        regex.search(hostile)
        assert time.perf_counter() - started < 0.5, f"{name} is slow on a hostile input"


@pytest.mark.parametrize("label", responsibility.load_raw()["labels"], ids=lambda l: l["label"])
def test_clause_labels_have_roles_and_examples(label):
    assert label["role"] in ("lead", "support", "responsible", "person", "deadline")
    for example in label["examples"]:
        attributions = responsibility.text_to_attributions(example if example.startswith("（") else f"（{example}）")
        labels = [u.role_label for a in attributions for u in a.units]
        if label["role"] in ("person", "deadline"):
            assert label["label"] not in labels  # people and deadlines are never units
        else:
            assert label["label"] in labels


@pytest.mark.parametrize("rule", __import__("pipeline.extract.normalise", fromlist=["alias_rules"]).alias_rules())
def test_alias_rules_shorten_their_example(rule):
    from pipeline.extract.normalise import canonical_form

    long_form, short_form = rule
    assert short_form in canonical_form(f"市{long_form}局" if not long_form.endswith(("局", "厅", "会", "委", "室", "府")) else f"市{long_form}")


def test_unit_registry_has_no_duplicate_names():
    from pipeline.extract.units import load_registry

    registry = load_registry()
    seen: dict[str, str] = {}
    for unit in registry.units:
        for name in {unit.canonical, unit.full_name, *unit.aliases} - {""}:
            assert seen.setdefault(name, unit.canonical) == unit.canonical, f"{name} names two units"


def test_clause_label_pattern_and_keywords():
    raw = responsibility.load_raw()
    pattern = re.compile(raw["label_pattern"]["pattern"])
    for example in raw["label_pattern"]["examples"]:
        assert pattern.fullmatch(example), example
        assert responsibility.label_role(example) is not None, example
    assert all(role in ("lead", "support", "responsible", "person", "deadline") for _, role in raw["label_keywords"])
    assert all(w["role"] in ("lead", "support", "responsible") for w in raw["role_words"])


def test_departments_data_types_are_known():
    import csv
    from importlib import resources

    from pipeline.model import UNIT_TYPES

    rows = list(csv.DictReader(resources.files("pipeline.data").joinpath("departments.csv").open(encoding="utf-8")))
    assert rows and all(row["type"] in UNIT_TYPES for row in rows)
    assert len({row["name"] for row in rows}) == len(rows)


@pytest.mark.parametrize("name", sorted(responsibility.load_raw()["conventions"]))
def test_convention_patterns_match_their_examples(name):
    spec = responsibility.load_raw()["conventions"][name]
    for example in spec["examples"]:
        assert responsibility.detect_convention(example) == name, example
