"""Healing of extraction artefacts, table-driven with the Chinese inline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.heal import heal_line


@pytest.mark.parametrize(
    "raw, healed",
    [
        ("2023 年江苏产业工人队伍建设改革 工作要点", "2023年江苏产业工人队伍建设改革工作要点"),
        ("按投资额的 30%比例", "按投资额的30%比例"),
        ("评选 100 名省技能领军人才", "评选100名省技能领军人才"),
        ("在企业 and 职业院校", "在企业 and 职业院校"),
        ("(责任单位:省人社厅,省总工会;省教育厅)", "（责任单位：省人社厅，省总工会；省教育厅）"),
        ("时间为 10:30，共 1,000 人", "时间为10:30，共1,000人"),
        ("\u3000\u3000一、总体要求", "一、总体要求"),
        ("２０２３年第１批ＡＢ类", "2023年第1批AB类"),
        ("“8+X”综合服务", "“8+X”综合服务"),
    ],
)
def test_heal_line(raw, healed):
    assert heal_line(raw)[0] == healed


@given(st.text(alphabet=st.sampled_from(list("产改 办 1 2 a b ( ) : , ; 。\u3000（）")), max_size=60))
def test_heal_line_maps_every_character_back(raw):
    healed, columns = heal_line(raw)
    assert len(healed) == len(columns)
    assert columns == sorted(columns)
    for ch, column in zip(healed, columns):
        source = raw[column]
        assert ch == source or ch == " " or heal_line(source)[0] in ("", ch) or source in "():,;!?"
