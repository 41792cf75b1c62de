"""Tables a page ran into one line: their rows back on lines of their own.

Some pages lose every line break of a table (``序号 重点工作 责任单位 完成时限 1 坚持服务… 招商工作部 全年 2
全力推进… 改革办 全年``, or the same with ``|`` between the cells). Such a line is cut before its header
(``序号`` and the column names after it, a header of a task table by :func:`columns.header_is_table`) and
before each row number that counts on (from 1, or from the first row of a later page; a bare number between separators, a task's first character
after it), so that the line-table finders read the header and the rows as they read them on lines of their
own. The pieces keep the physical line's number and their own offsets: provenance still points at the
line as written, and the outline keeps the text before the header (``structure.source_to_blocks``).
"""

from __future__ import annotations

import re
from itertools import islice

from ..heal import TONED
from ..model import SourceLine
from .columns import header_is_table
from .flattened import LONG_LINE  # (a table's header and two rows are longer than a line left as it stands)

# (序號(hào): a mirror's pinyin gloss after it)
HEADER_START = re.compile(rf"(?:(?<=[\s|｜])|^)序\s*[号號](?:[(（][a-z{TONED}]{{1,8}}[)）])?(?=[\s|｜])")
SEPARATORS = re.compile(r"[\s|｜]+")
# A row's number: a bare number between separators, the task's first character after it (or a figure that
# opens the task, 111 3-6岁幼儿…, but not a figure cell, 2 70% 累计).
ROW_NUMBER = re.compile(r"(?<=[\s|｜])(\d{1,4})(?=[\s|｜]+(?:[\u4e00-\u9fff“《（(]|[\d.%\-～~]{1,6}[\u4e00-\u9fff]))")
HEADER_MAX = 160  # characters from 序号 to the first row's number: a header, not a paragraph
MIN_ROWS = 2
MAX_ROWS = 2000
MAX_HEADERS = 20  # 序号 tried as a header's start per line (each try reads the rest of the line)


def split_run_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> tuple[SourceLine, ...]:
    """``lines`` with each long line that holds a table's header and its counted rows cut into a piece
    for the text before the header, one for the header and one per row."""
    out: list[SourceLine] = []
    for line in lines:
        out.extend([line] if line.number in taken or len(line.text) <= LONG_LINE else _cut(line))
    return tuple(out) if len(out) > len(lines) else lines


def _cut(line: SourceLine) -> list[SourceLine]:
    text = line.text
    for header in islice(HEADER_START.finditer(text), MAX_HEADERS):
        # (the first row's number: 1, or any number on a later page of the table, 108 109 110 …)
        first = next(ROW_NUMBER.finditer(text, header.end(), header.end() + HEADER_MAX), None)
        if first is None:
            continue
        cells = [cell for cell in SEPARATORS.split(text[header.start() : first.start()]) if cell]
        if len(cells) < 3 or not header_is_table(cells):
            continue
        cuts, expected = [header.start(), first.start()], int(first.group(1)) + 1
        for found in ROW_NUMBER.finditer(text, first.end()):
            if int(found.group(1)) == expected:
                cuts.append(found.start())
                expected += 1
                if len(cuts) > MAX_ROWS:
                    break
        if len(cuts) - 1 < (MIN_ROWS if first.group(1) == "1" else MIN_ROWS + 1):
            continue  # (a count from elsewhere than 1 must go on longer to be a table's)
        bounds = [0, *(cut for cut in cuts if cut > 0), len(text)]
        return [
            SourceLine(number=line.number, text=text[start:end].rstrip(), offset=line.offset + start, page=line.page)
            for start, end in zip(bounds, bounds[1:])
            if text[start:end].strip()
        ]
    return [line]
