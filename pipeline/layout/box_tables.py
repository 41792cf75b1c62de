"""Tables drawn with box-drawing characters, as old word processors save a table to text::

    ┌───┬────────────┬────┬─────┐
    │ 项目│ 责任分解内容 │主办单位│责任单位 │
    ├───┼────────────┼────┼─────┤
    │一、违│ 全面落实“拆违”工作,重点清拆 │市市容环│各区政府,│
    │章建筑│新机场周边、国际会展中心周边 │卫局、市│市、区城 │
    │     │                            │规划局  │管综合执 │
    ├───┼────────────┼────┼─────┤

A row runs from one border line to the next; each of its lines holds a slice of every cell, so
a column's text is its slices read downwards (names broken in the middle, ``市市容环`` ⏎ ``卫局``,
are whole again). A row cut by the end of the page before its closing border still counts.
"""

from __future__ import annotations

import re

from ..model import SourceLine, Table
from .columns import Cell, header_is_table, join
from .flat_tables import MAX_HEADER_CELLS, MAX_ROWS, to_table

BAR = "│┃|｜"
BORDER = re.compile(r"^\s*[┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛+\-=│┃]+\s*$")
ROW_LINE = re.compile(r"^\s*[│┃]")
MAX_ROW_LINES = 60  # a cell of a few hundred characters in a narrow column


def _is_border(text: str) -> bool:
    """A rule between rows, whole or cut by the page (``│ ├──────┼────┼─``)."""
    return bool(BORDER.match(text) and any(ch in text for ch in "─━-")) or (text.count("─") >= 3 and any(ch in text for ch in "├┼┤┣╋┫"))


def _slices(line: SourceLine) -> list[tuple[int, int]]:
    """The spans between the bars of one line, the outer bars dropped."""
    text = line.text
    bars = [i for i, ch in enumerate(text) if ch in BAR]
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


def _row(lines: list[SourceLine]) -> list[Cell] | None:
    """One cell per column: the column's slices, top to bottom; ``None`` when the lines disagree
    on the number of columns (not a drawn table)."""
    columns: list[list[Cell]] = []
    width = None
    for line in lines:
        spans = _slices(line)
        if width is None:
            width = len(spans)
            columns = [[] for _ in spans]
        elif len(spans) != width:
            return None
        for column, (a, b) in zip(columns, spans):
            raw = line.text[a:b]
            text = raw.strip()
            if text:
                column.append(Cell(text, line.offset + a + len(raw) - len(raw.lstrip()), line.number, line.page))
    if not width:
        return None
    anchor = lines[0]
    return [join(parts) if parts else Cell("", anchor.offset, anchor.number, anchor.page) for parts in columns]


def find_box_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        if lines[index].number in taken or not ROW_LINE.match(lines[index].text) or _is_border(lines[index].text):
            index += 1
            continue
        start = index
        rows: list[list[Cell]] = []
        block: list[SourceLine] = []
        cursor = index
        while cursor < len(lines) and lines[cursor].number not in taken and len(rows) <= MAX_ROWS:
            line = lines[cursor]
            if _is_border(line.text):
                if block:
                    row = _row(block)
                    if row is None:
                        break
                    rows.append(row)
                    block = []
            elif ROW_LINE.match(line.text) and len(block) < MAX_ROW_LINES:
                block.append(line)
            else:
                break
            cursor += 1
        if block and (row := _row(block)) is not None:
            rows.append(row)  # the last row, cut before its border
        last = cursor - 1
        header = [c for c in rows[0]] if rows else []
        if len(rows) < 2 or len(header) > MAX_HEADER_CELLS or not header_is_table([c.text for c in header]):
            index = start + 1
            continue
        # Every row has every column (the drawing keeps empty cells): place cells by position.
        table = to_table(header, [(None, row) for row in rows[1:]], lines[start].number, lines[last].number, join_penalty=float("inf"), by_position=True)
        if table is None:
            index = start + 1
            continue
        tables.append(table)
        index = cursor
    return tables
