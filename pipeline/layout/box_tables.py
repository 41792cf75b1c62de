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

from ..heal import BULLET_MARKS
from ..model import SourceLine, Table
from .columns import Cell, header_is_table, join
from .flat_tables import MAX_HEADER_CELLS, MAX_ROWS, to_table

BORDER = re.compile(r"^\s*[┌┬┐├┼┤└┴┘─━┏┳┓┣╋┫┗┻┛+\-=│┃]+\s*$")
ROW_LINE = re.compile(r"^\s*[│┃]")
MAX_ROW_LINES = 600  # the lines between two full rules: rows whose cells merge down, each a few hundred characters


def _is_border(text: str) -> bool:
    """A rule between rows, whole or cut by the page (``│ ├──────┼────┼─``)."""
    return bool(BORDER.match(text) and any(ch in text for ch in "─━-")) or (text.count("─") >= 3 and any(ch in text for ch in "├┼┤┣╋┫"))


JUNCTION = "│┃|｜├┤┼┣┫╋┌┐└┘┬┴┏┓┗┛┳┻"
RULE = re.compile(r"^[─━\-=]+$")


def _segments(line: SourceLine) -> list[tuple[int, int]]:
    """The spans between the bars and junctions of one line, the outer ones dropped."""
    text = line.text
    bars = [i for i, ch in enumerate(text) if ch in JUNCTION]
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


def _is_partial_border(line: SourceLine, width: int) -> bool:
    """A rule across some columns only (``├──────┤ │府,市经贸委、发│ 成 │``): the cells above it end in those
    columns, and go on in the others (cells merged down several rows)."""
    spans = _segments(line)
    return len(spans) == width and any(RULE.match(line.text[a:b].strip() or " ") for a, b in spans) \
        and not all(RULE.match(line.text[a:b].strip() or " ") for a, b in spans)


def _grid(lines: list[SourceLine]) -> list[list[Cell]] | None:
    """The rows of a drawn table whose rules may cross only some columns: each column's cells, read
    downwards between its own rules; a row for each cell of the column cut most often (its cells split
    again where a line opens with a bullet, ``△实施…``: sub-tasks in one cell), every other column giving
    the cell that covers the row's first line (as the HTML reader repeats a rowspan cell). ``None`` when
    the lines disagree on the number of columns."""
    width = None
    cells: list[list[list[tuple[int, Cell]]]] = []  # per column, its cells: (line index, slice) each
    for index, line in enumerate(lines):
        spans = _segments(line)
        if width is None:
            width = len(spans)
            cells = [[[]] for _ in spans]
        elif len(spans) != width:
            return None
        for column, (a, b) in enumerate(spans):
            raw = line.text[a:b]
            text = raw.strip()
            if text and RULE.match(text):
                cells[column].append([])  # this column's cell ends here
            elif text:
                cells[column][-1].append((index, Cell(text, line.offset + a + len(raw) - len(raw.lstrip()), line.number, line.page)))
    if not width:
        return None
    kept = [[parts for parts in column if parts] for column in cells]
    driver = max(range(width), key=lambda c: len(kept[c]))
    rows_of_driver = []
    for parts in kept[driver]:
        current: list[tuple[int, Cell]] = []
        for part in parts:
            if current and part[1].text[:1] in BULLET_MARKS:
                rows_of_driver.append(current)
                current = []
            current.append(part)
        rows_of_driver.append(current)
    anchor = lines[0]
    rows = []
    for parts in rows_of_driver:
        opens = parts[0][0]
        row = []
        for column in range(width):
            if column == driver:
                chosen = parts
            else:
                covering = [cell for cell in kept[column] if cell[0][0] <= opens]
                chosen = covering[-1] if covering else []
            row.append(join([c for _, c in chosen]) if chosen else Cell("", anchor.offset, anchor.number, anchor.page))
        rows.append(row)
    return rows


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
        width = None  # the number of columns of the block under way
        while cursor < len(lines) and lines[cursor].number not in taken and len(rows) <= MAX_ROWS:
            line = lines[cursor]
            if rows and not block and line.text.lstrip().startswith(("┌", "┏")):
                break  # a new table's top rule: this table ended with the rule before
            if width is not None and _is_partial_border(line, width):
                block.append(line)  # a rule across some columns: the others' cells go on
            elif _is_border(line.text):
                if block:
                    grid = _grid(block)
                    if grid is None:
                        break
                    rows.extend(grid)
                    block, width = [], None
            elif ROW_LINE.match(line.text) and len(block) < MAX_ROW_LINES:
                if not block:
                    width = len(_segments(line))
                block.append(line)
            else:
                break
            cursor += 1
        if block and (grid := _grid(block)) is not None:
            rows.extend(grid)  # the last rows, cut before their border
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
