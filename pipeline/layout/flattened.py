"""Pages flattened into one long line: their line structure back.

Some pages arrive with every paragraph run together (``… 1.轨道交通工程投入试运营。 牵头领导：… 责任单位：…
2.新增安装…``). A long line is cut before each item number that continues the count (1. 2. 3. …,
after a space, a full stop or a colon: ``会议确定：1.由…``) and before each known label that follows a space. The pieces keep the
physical line's number and their own offsets, so provenance still points at the line as written.
"""

from __future__ import annotations

import re

from ..model import SourceLine

LONG_LINE = 120  # shorter lines are paragraphs as they stand
AFTER = r"(?:(?<=[\s。；;！？：:）)])|^)"
# The numbering styles of 公文, outermost first: 一、 （一） 1. （1）
ITEM_STARTS = (
    # (一、 also after a closing bracket or a comma: a page with no spaces left, …，一、持续…（责任单位：…）二、办好…;
    # not 一、二、三类, a count inside a sentence)
    (1, re.compile(r"(?:(?<=[\s。；;！？：:）)，,])|^)([一二三四五六七八九十]{1,3})、(?=[\u4e00-\u9fff“「《（(])(?![一二三四五六七八九十][、，,])")),
    (2, re.compile(AFTER + r"[（(]([一二三四五六七八九十]{1,3})[）)](?=[\u4e00-\u9fff“「《])")),
    (3, re.compile(AFTER + r"(\d{1,4})[.．、](?=[\u4e00-\u9fff“「《（(]|(?:19|20)\d\d年)")),  # 1.2007年是…
    (4, re.compile(AFTER + r"[（(](\d{1,3})[）)](?=[\u4e00-\u9fff“「《])")),  # 主要措施：(1)各省…。(2)…
)
RANKS = tuple(rank for rank, _ in ITEM_STARTS)
OUTLINE_PAIR = re.compile(r"([一二三四五六七八九十]{1,3})、[\u4e00-\u9fff]{2,20}?(?P<sub>[（(](?P<n>[一二三四五六七八九十]{1,3})[）)])(?=[\u4e00-\u9fff])")
MAX_PIECES = 2000


FIELD_START = re.compile(r"(?<=\s)[\u4e00-\u9fff]{2,8}[:：]")


# ``…责任单位：X、Y）（二）统筹…`` — an aggregator's summary run together: an item label right after the bracket
# that closes an attribution starts an item whatever the count says (such pages drop items, so their
# labels restart and skip: （二）（三）（二）三、（二）…). The bracket's content must name a role.
AFTER_ATTRIBUTION = re.compile(
    r"(?<=[）)])(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、]|[（(]\d{1,3}[）)])(?=[\u4e00-\u9fff“「《])")
ROLE_LABEL_BEFORE = re.compile(r"(?:牵头|责任|配合|协办|主办|参与)(?:单位|部门)?$")
ROLE_WORD_END = ("牵头", "负责", "配合", "参与")
ATTRIBUTION_WINDOW = 240  # characters before the bracket searched for the attribution's label


def _closes_an_attribution(before: str) -> bool:
    """``before`` (the text up to a closing bracket) ends inside an attribution: a role label's colon and
    names after it with their own brackets balanced (各县（市、区）政府), or a role word (市商务局牵头)."""
    if before.endswith(ROLE_WORD_END):
        return True
    colon = max(before.rfind("："), before.rfind(":"))
    if colon < 2 or not ROLE_LABEL_BEFORE.search(before, 0, colon):
        return False
    names = before[colon + 1 :]
    return len(names) >= 2 and names.count("（") + names.count("(") == names.count("）") + names.count(")")


def _after_attribution_starts(text: str) -> list[int]:
    starts = []
    for found in AFTER_ATTRIBUTION.finditer(text):
        if _closes_an_attribution(text[max(0, found.start() - ATTRIBUTION_WINDOW) : found.start() - 1]):
            starts.append(found.start())
            if len(starts) >= MAX_PIECES:
                break
    return starts


def _label_starts(text: str) -> list[int]:
    """Fields after a space: ``牵头领导：…`` ``责任单位：…`` ``实际完成情况：…`` each become a line."""
    return [found.start() for found in FIELD_START.finditer(text)]


def _item_starts(text: str, carried: dict[int, int] | None = None) -> list[int]:
    """Positions of item numbers that count on, in each numbering style: from the first one seen,
    and from 1 again after a number of an outer style (一、… 1.… 2.… 二、… 1.…). A style is cut where
    it counts at least twice, or goes on with the count of the long line before (``carried``, the
    next number of each style, updated here: pages run into one line each); an outer style's lone
    number (二、具体要求) is cut with the inner ones."""
    from ..extract.numerals import to_int

    found = {(m.start(), rank, to_int(m.group(1))) for rank, pattern in ITEM_STARTS for m in pattern.finditer(text)}
    for m in OUTLINE_PAIR.finditer(text):
        # (…职责分解一、县城区办事处(一)积极…: a heading glued to the text before it and to its first
        # sub-item, a page run together; the pair is the outline's, whatever precedes it; the sub-item may
        # count on across the sections, 二、拓宽融资渠道（五）… after （四）: the count decides, below)
        found |= {(m.start(), 1, to_int(m.group(1))), (m.start("sub"), 2, to_int(m.group("n")))}
    found = sorted(found)
    carried = {} if carried is None else carried
    starts = _counted_starts(found, carried)
    if not starts and not carried and len(found) >= 3 and found[0][0] == 0:
        # (a line opened by a stray number, a document site's page ``1、…页2，`` before ``12、… 13、…``: the
        # count is read from the number after it)
        starts = _counted_starts(found[1:], carried)
    return starts


def _counted_starts(found: list[tuple[int, int, int | None]], carried: dict[int, int]) -> list[int]:
    expected: dict[int, int | None] = dict(carried)
    continued = {rank: False for rank in RANKS}
    restart: dict[int, bool] = {}
    accepted: dict[int, list[int]] = {rank: [] for rank in RANKS}
    for position, rank, value in found[: 4 * MAX_PIECES]:
        if value is None:
            continue
        want = expected.get(rank)
        # after an outer number an inner count starts from 1 again, or counts on across sections
        if want is None or value == want or (restart.get(rank) and value == 1):
            if not accepted[rank] and rank in carried and value == carried[rank]:
                continued[rank] = True
            accepted[rank].append(position)
            expected[rank], restart[rank] = value + 1, False
            for inner in RANKS[1:]:
                if inner > rank and inner in expected:
                    restart[inner] = True
    counting = [rank for rank, starts in accepted.items() if len(starts) >= 2 or (starts and continued[rank])]
    if not counting:
        return []
    cut = [rank for rank, starts in accepted.items() if starts and (rank in counting or rank < max(counting))]
    carried.update({rank: expected[rank] for rank in cut if expected.get(rank) is not None})
    deepest = max(counting)
    return sorted(p for rank, starts in accepted.items() if rank in counting or (rank < deepest and starts) for p in starts if p > 0)


# ``（一）宣传报道 1、6月1日上午，…``: a heading's short title, a space, and its first numbered item on the
# same line (a page that kept the heading's cell beside the first row): the item starts a line of its own.
HEADING_THEN_FIRST = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[\u4e00-\u9fff]{2,12}[ \t\u3000]+(?=1[、.．][\u4e00-\u9fff\d])")


def _split_heading_then_first(line: SourceLine) -> list[SourceLine]:
    found = HEADING_THEN_FIRST.match(line.text)
    if found is None:
        return [line]
    head = line.text[: found.end()].rstrip()
    return [SourceLine(number=line.number, text=head, offset=line.offset, page=line.page),
            SourceLine(number=line.number, text=line.text[found.end() :], offset=line.offset + found.end(), page=line.page)]


def unflatten_lines(lines: tuple[SourceLine, ...], taken: set[int] = frozenset()) -> tuple[SourceLine, ...]:
    """``lines`` with each long line outside the tables (line numbers in ``taken``) cut into paragraphs,
    and a heading's first item on its line (``HEADING_THEN_FIRST``) put on a line of its own."""
    split = [piece for line in lines for piece in (_split_heading_then_first(line) if line.number not in taken else [line])]
    if len(split) > len(lines):
        lines = tuple(split)
    if not any(len(line.text) > LONG_LINE for line in lines):
        return lines
    out: list[SourceLine] = []
    carried: dict[int, int] = {}
    for line in lines:
        # (a short line after pages run into one line each is the last page: it counts on too)
        if (len(line.text) <= LONG_LINE and not carried) or line.number in taken:
            out.append(line)
            continue
        items = sorted(set(_item_starts(line.text, carried)) | set(_after_attribution_starts(line.text)))
        cuts = sorted(set(items) | set(_label_starts(line.text) if items else ()))[:MAX_PIECES]
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for start, end in zip(bounds, bounds[1:]):
            piece = line.text[start:end].rstrip()
            if piece.strip():
                out.append(SourceLine(number=line.number, text=piece, offset=line.offset + start, page=line.page))
    return tuple(out)
