"""The parser's fast paths give exactly what the plain definitions they replace give (speed work,
issue 12: outputs must not move). Each test states the plain definition and compares on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract import anchored, responsibility

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
    assert [(m.span(), m.group(0), m.group(1)) for m in anchored.finditer(regex, text)] == plain


def test_fast_paths_label_anchors_are_known():
    # without them every label search is the plain, slow one
    assert anchored._anchors(responsibility.vocabulary().label_regex)[0] is not None


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


DEADLINE_PIECES = [
    "2024年", "2024", "年", "6月", "12月", "30日", "底", "末", "前", "之前", "以前", "内", "年内", "年底前", "三年内",
    "上半年", "下半年", "第三季度", "一季度", "长期坚持", "长期", "持续推进", "常态化推进", "持续", "，", "。", "；", "）",
    "\n", "完成", "份", "1", "5", "《", "》", "完成时限：",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DEADLINE_PIECES), max_size=30).map("".join), st.integers(0, 40), st.integers(0, 60))
def test_fast_paths_anchored_matches_are_those_of_finditer(text, begin, end):
    from pipeline.extract import anchored, knowledge

    patterns = [p.regex for p in knowledge.vocabulary().deadline_patterns] + [responsibility.vocabulary().label_regex]
    for pattern in patterns:
        plain = [(m.span(), m.groupdict()) for m in pattern.finditer(text, begin, end)]
        assert [(m.span(), m.groupdict()) for m in anchored.finditer(pattern, text, begin, end)] == plain, pattern.pattern


def test_fast_paths_anchored_knows_the_deadline_patterns():
    from pipeline.extract import anchored, knowledge

    # every deadline pattern is bounded and needs a character: none is searched everywhere
    assert all(anchored._anchors(p.regex)[0] is not None for p in knowledge.vocabulary().deadline_patterns)
    assert anchored._anchors(re.compile(r"\d+年"))[0] is None  # unbounded: searched as usual
