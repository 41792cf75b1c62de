"""Tables whose cells each open a line with ``|`` and whose rows end at a line holding only ``|``.

Some pages turn a table cell into its own line, prefixing every cell but the first of a row
with ``| `` and closing the row with a line of its own::

    牵头单位
    | 目 标 任 务
    | 责 任 单 位
    |
    市
    发
    改
    委
    | 地区生产总值增长13%
    | 统计局和市直相关单位、各区县市
    |
    固定资产投资增长20%
    |

The grammar is explicit, so rows and cells are cut by it, not guessed: a line without a leading
bar continues the cell before it (a narrow column writes ``市发改委`` a character a line). A merged
cell stands only in the first row it spans, so later rows hold fewer cells;
:func:`pipeline.layout.columns.align` places them, and the merged cell is repeated (``fill_merged``).
"""

from __future__ import annotations

import re

from ..model import SourceLine, Table
from .columns import Cell, header_is_table, join
from .flat_tables import MAX_HEADER_CELLS, MAX_ROWS, to_table

ROW_END = re.compile(r"^\s*[|｜]\s*$")
CELL_START = re.compile(r"^\s*[|｜]\s*(?=\S)")
MIN_ROWS = 2
MAX_CELL_LINES = 40  # a cell written a character a line is still short; beyond this it is prose


def _rows(lines: tuple[SourceLine, ...], start: int, taken: set[int]):
    """``(cells, last index)`` per row from ``lines[start]`` on, while the rows keep the grammar."""
    index = start
    while index < len(lines):
        cells: list[list[Cell]] = []
        bars = 0
        cursor = index
        while cursor < len(lines) and lines[cursor].number not in taken and not ROW_END.match(lines[cursor].text):
            line = lines[cursor]
            opened = CELL_START.match(line.text)
            text = line.text[opened.end() :] if opened else line.text
            stripped = text.strip()
            if stripped:
                cell = Cell(stripped, line.offset + (opened.end() if opened else 0) + len(text) - len(text.lstrip()), line.number, line.page)
                if opened or not cells:
                    cells.append([cell])
                    bars += bool(opened)
                elif len(cells[-1]) < MAX_CELL_LINES:
                    cells[-1].append(cell)
                else:
                    return
            cursor += 1
            if len(cells) > MAX_HEADER_CELLS:
                return
        if cursor >= len(lines) or lines[cursor].number in taken or not cells or (bars == 0 and len(cells[0]) > 1 and not _short(cells[0])):
            return
        if bars == 0 and len(cells) == 1 and len(cells[0]) > MAX_CELL_LINES:
            return
        yield [join(parts) for parts in cells], cursor
        index = cursor + 1
        # (the row's empty last cells, a ``|`` line each: 第一组 ⏎ | 市安监局 ⏎ | 雁塔区 ⏎ | ⏎ |)
        while index < len(lines) and lines[index].number not in taken and ROW_END.match(lines[index].text):
            index += 1


def _short(parts: list[Cell]) -> bool:
    # A cell broken a few characters a line (市 ⏎ 发 ⏎ 改 ⏎ 委), not paragraphs of prose.
    return all(len(part.text) <= 6 for part in parts)


def find_bar_row_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        # A header opens with a short cell whose next line is a cell of its own (``| 目标任务``).
        if line.number in taken or not line.text.strip() or CELL_START.match(line.text) or len(line.text.strip()) > 12 or index + 1 >= len(lines) or not CELL_START.match(lines[index + 1].text):
            index += 1
            continue
        rows = _rows(lines, index, taken)
        first = next(rows, None)
        if first is None or len(first[0]) < 2 or not header_is_table([c.text for c in first[0]]):
            index += 1
            continue
        header, last = first
        body: list[tuple[Cell | None, list[Cell]]] = []
        for cells, end in rows:
            body.append((None, cells))
            last = end
            if len(body) >= MAX_ROWS:
                break
        table = to_table(header, body, line.number, lines[last].number, 2.5) if len(body) >= MIN_ROWS else None
        if table is None:
            index += 1
            continue
        tables.append(table)
        index = last + 1
    return tables
