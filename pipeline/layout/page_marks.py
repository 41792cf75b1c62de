"""Page furniture inside a notice's text: page marks (``—1—``, ``第3页 共10页``) and running headers
(``2023年3月 第1期 … 工作要点 3``, the same line on every page but for its page number).

They go before anything reads the structure, because a page mark between two halves of a sentence
ends the first half and a running header reads as a paragraph of the item it falls into.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import SourceLine
from ..extract.patterns import patterns

HEADER_MIN = 12  # shorter repeated lines are table cells (区民政局) or headings, not page headers
HEADER_REPEATS = 2
DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return DIGITS.sub("#", re.sub(r"\s+", "", text))


PAGE_NUMBER = re.compile(r"^(\d{1,3})、")
PAGE_MIN = 300  # a page run into one line is long; an item paragraph seldom is
SENTENCE_END = "。；;！？!?：:）)”」》"
SHORT_PAGE_MIN = 120
OUTLINE_INSIDE = re.compile(r"(?<=[\s。；;，,])(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])(?=[\u4e00-\u9fff])")


def strip_page_numbers(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    """A document viewer's pages, each run into one line opened by its number (``1、`` ``2、`` …),
    which cuts a word where the page broke (``加大监督监`` ⏎ ``2、测力度``): the numbers go, so that
    ``2、`` does not read as a task. Read as pages only when they count 1, 2, 3 down the text, the
    lines before the last are long, and a page ends inside a sentence."""
    marked = [(i, PAGE_NUMBER.match(line.text)) for i, line in enumerate(lines)]
    marked = [(i, m) for i, m in marked if m]
    if len(marked) < 2 or [int(m.group(1)) for _, m in marked] != list(range(1, len(marked) + 1)):
        return lines
    cut = [i > 0 and lines[i - 1].text.rstrip()[-1:] not in SENTENCE_END for i, _ in marked[1:]]
    if not any(cut):
        return lines
    if any(len(lines[i].text) < PAGE_MIN for i, _ in marked[:-1]):
        # (shorter pages, an excerpt's, where every page ends inside a sentence and the pages hold the plan's
        # own outline, 一、… （一）…: no list of tasks numbered 1、 2、 holds its headings)
        if not all(cut) or any(len(lines[i].text) < SHORT_PAGE_MIN for i, _ in marked[:-1]):
            return lines
        if not any(OUTLINE_INSIDE.search(lines[i].text, m.end()) for i, m in marked):
            return lines
    out = list(lines)
    for i, m in marked:
        line = lines[i]
        out[i] = replace(line, text=line.text[m.end() :], offset=line.offset + m.end())
    return tuple(out)


# [接上页] 交通部门，负责…: a mirror's mark that the page goes on from the one before
CONTINUED = re.compile(r"^\s*[\[［【(（](?:接上页|续上页|接上一页|上接第?\d*页)[\]］】)）]\s*")


def strip_continued_marks(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    """Lines opened by a continuation mark lose it (their text keeps its offsets in the source)."""
    if not any("上" in line.text[:8] for line in lines):
        return lines
    out = []
    for line in lines:
        found = CONTINUED.match(line.text)
        out.append(replace(line, text=line.text[found.end() :], offset=line.offset + found.end()) if found else line)
    return tuple(out)


# A government site's footer: ``主办单位：X县人民政府办公室`` is the site's owner, not a task's lead. It is read as
# chrome beside a line only a footer holds (ICP备…, 公网安备…, 网站标识码…, 建设与维护…, 技术支持…, 版权所有…).
SITE_MARK = re.compile(r"ICP备|公网安备|网站标识码|版权所有|建设与维护|技术支持[:：]|网站地图|联系我们")
SITE_OWNER = re.compile(r"^\s*(?:主办单位|承办单位|主办|承办|协办单位|维护单位)\s*[:：]")
FOOTER_REACH = 3  # lines between the owner line and the footer's other marks


def drop_site_footer(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    """``lines`` without the site-owner lines of a web page's footer."""
    marked = [i for i, line in enumerate(lines) if SITE_MARK.search(line.text)]
    if not marked:
        return lines
    owners = {i for i, line in enumerate(lines) if SITE_OWNER.match(line.text) and any(abs(i - j) <= FOOTER_REACH for j in marked)}
    return tuple(line for i, line in enumerate(lines) if i not in owners) if owners else lines


def drop_page_furniture(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    lines = drop_site_footer(strip_continued_marks(strip_page_numbers(lines)))
    mark = patterns().page_mark
    shapes = Counter(_shape(line.text) for line in lines if len(line.text.strip()) >= HEADER_MIN)
    repeated = {shape for shape, count in shapes.items() if count >= HEADER_REPEATS and "#" in shape and _looks_like_header(shape)}
    kept = tuple(line for line in lines if not mark.match(line.text.strip()) and (not repeated or _shape(line.text) not in repeated))
    return lines if len(kept) == len(lines) else kept


def _looks_like_header(shape: str) -> bool:
    """A running header carries a page number or issue at its end and no sentence punctuation."""
    return shape.endswith("#") and not re.search(r"[。；，：]", shape)
