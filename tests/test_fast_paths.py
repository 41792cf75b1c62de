"""The parser's fast paths give exactly what the plain definitions they replace give (speed work,
issue 12: outputs must not move). Each test states the plain definition and compares on generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import responsibility

# Pieces that labels, their brackets and what surrounds them are made of.
LABEL_PIECES = [
    "责任单位", "牵头单位", "配合单位", "主责单位", "牵头处室", "牵头市领导", "时限要求", "分管副市长", "完成时限",
    "牵头", "配合", "责任", "单位", "部门", "处", "科", "为", "：", ":", "（", "）", "（单位）", "市发改委", "县财政局",
    "、", "，", "。", "；", "\n", " ", "第一责任单位为牵头单位", "牵头单位为市教育局", "推进", "加强统筹", "a", "1",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=40).map("".join))
def test_fast_paths_label_matches_are_those_of_the_plain_search(text):
    regex = responsibility.vocabulary().label_regex
    plain = [(m.span(), m.group(0), m.group(1)) for m in regex.finditer(text)]
    assert [(m.span(), m.group(0), m.group(1)) for m in responsibility._label_matches(text)] == plain


def test_fast_paths_label_width_is_known():
    # without it every label search is the plain, slow one
    assert responsibility._label_width() is not None


FOLD_PIECES = [
    "序号", "編號", "责任单位", "牵頭", "（", "）", "(", ")", "(zé)", "(rèn)", "◆★", "■", "★", "|", "｜", " ", "\u3000", "\t",
    "１２", "ＡＢ", "1.", ".", ",", ":", "﹙一﹚", "a", "市", "發", "，", "。", "\u200b", "\ufeff",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FOLD_PIECES), max_size=30).map("".join))
def test_fast_paths_folding_keeps_every_ideograph(text):
    # what layout.flat_tables.FIVE_IDEOGRAPHS relies on: a line with five ideographs folds to more than 4
    import re

    from pipeline.layout.columns import fold
    from pipeline.layout.flat_tables import FIVE_IDEOGRAPHS

    ideographs = len(re.findall(r"[\u4e00-\u9fff]", text))
    assert len(fold(text)) >= ideographs
    assert bool(FIVE_IDEOGRAPHS.search(text)) == (ideographs >= 5)
