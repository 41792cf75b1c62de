"""Unit registry: canonical names, aliases, types, user extensions, spaCy mentions."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.errors import SettingsError
from pipeline.extract.mentions import find_mentions
from pipeline.extract.units import load_registry


@pytest.mark.parametrize(
    "written, canonical, kind",
    [
        ("省人社厅", "省人社厅", "government_department"),
        ("省人力资源社会保障厅", "省人社厅", "government_department"),
        ("江苏省人力资源和社会保障厅", "省人社厅", "government_department"),
        ("省发展改革委", "省发改委", "government_department"),
        ("共青团江苏省委", "团省委", "peoples_organisation"),
        ("省委宣传部", "省委宣传部", "party_committee_department"),
        ("国网江苏省电力有限公司", "国网江苏省电力有限公司", "enterprise"),
        ("省纺织工业协会", "省纺织工业协会", "association"),
        ("苏州市", "苏州市", "locality"),
        ("各设区市", "各设区市", "collective"),
        ("省产改联席会议成员单位", "省产改联席会议成员单位", "collective"),
    ],
)
def test_units_registry_resolves(written, canonical, kind):
    resolved = load_registry().resolve(written)
    assert (resolved.canonical, resolved.type, resolved.known) == (canonical, kind, True)


def test_units_unknown_kept_as_written_and_collective_guess():
    registry = load_registry()
    assert registry.resolve("鸿雁工程协调组").canonical == "鸿雁工程协调组" and not registry.resolve("鸿雁工程协调组").known
    assert registry.resolve("各乡镇人民政府").collective


@pytest.mark.parametrize(
    "written, canonical, kind",
    [
        ("县教育局", "县教育局", "government_department"),
        ("青川市人力资源和社会保障局", "青川市人社局", "government_department"),
        ("市委组织部", "市委组织部", "party_committee_department"),
        ("云岭县人民政府", "云岭县政府", "locality"),
        ("团县委", "团县委", "peoples_organisation"),
        ("医政医管科", "医政医管科", "internal_division"),
        ("县供电公司", "县供电公司", "enterprise"),
    ],
)
def test_units_known_by_level_and_department(written, canonical, kind):
    resolved = load_registry().resolve(written)
    assert (resolved.canonical, resolved.type, resolved.known) == (canonical, kind, True)


def test_units_user_registry_extends(tmp_path, write_notice):
    extra = tmp_path / "units.csv"
    extra.write_text("canonical,type,full_name,aliases\n县教育局,government_department,云岭县教育局,云岭县教育局|县教体局\n", "utf-8")
    path = write_notice("云岭县人民政府\n\n一、任务\n\n1.甲。（责任单位：县教体局）\n")
    doc = pipeline.parse(path, pipeline.Settings(registry_files=(str(extra),)))
    (r,) = doc.items[0].responsibilities
    assert (r.unit, r.unit_raw, r.unit_type) == ("县教育局", "县教体局", "government_department")
    assert not [w for w in doc.warnings if w.code == "unknown_unit"]


def test_units_user_registry_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("canonical,type,full_name,aliases\n县教育局,ministry,,\n", "utf-8")
    with pytest.raises(SettingsError) as raised:
        load_registry((str(bad),))
    assert f"{bad}:2" in str(raised.value) and "government_department" in str(raised.value)


def test_units_mentions_use_character_tokens():
    (mentions,) = find_mentions(["由省总工会同省人社厅负责，省委办公厅印发"], load_registry())
    assert [(m[0], m[2]) for m in mentions] == [("省总工会", 1), ("省人社厅", 6), ("省委办公厅", 13)]
