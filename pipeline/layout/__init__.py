"""Layout recovery: the stage between the readers and ``structure``.

Real notices arrive as web text: tables flattened one cell per line, rows typed with ``|``
or spaces, scraped glosses and page furniture. Each layout module finds what it recognises
in a ``Source``'s lines and returns it in the form the readers of structured formats give,
so that everything downstream has one path: text tables become :class:`~pipeline.model.Table`
rows whose header gives the column roles (the DOCX, PDF and HTML readers build the same); a page
run together into one line is cut back into paragraphs (``flattened``), a table run into one line
into its rows (``run_tables``); page marks and running headers go (``page_marks``).

``TABLE_FINDERS`` are tried in order; a later finder never takes lines an earlier one (or
the reader) already took. Each finder is ``(lines, taken) -> tables``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..model import Source, SourceLine, Table
from . import bar_rows, box_tables, delimited, flat_tables, glued
from .run_tables import split_run_tables
from .fields import join_field_lines
from .flattened import unflatten_lines
from .page_marks import drop_page_furniture

TableFinder = Callable[[tuple[SourceLine, ...], set[int]], list[Table]]

TABLE_FINDERS: list[TableFinder] = [
    box_tables.find_box_tables,  # ┌─┬─┐ ⏎ │ a │ b │ drawn tables, each cell wrapped over the row's lines
    delimited.find_tables,  # | a | b | c | and tab-separated rows
    bar_rows.find_bar_row_tables,  # 牵头单位 ⏎ | 目标任务 ⏎ | 责任单位 ⏎ | (a cell a line, a row closed by |)
    flat_tables.find_pipe_tables,  # a | b | c rows without the leading |
    flat_tables.find_space_tables,  # 序号 项目名称 责任单位 … one row per line, cells by spaces
    flat_tables.find_cell_line_tables,  # one cell per line, rows opened by a bare 序号
    flat_tables.find_headerless_pipe_tables,  # 1 | 任务 | … | 单位 | rows whose header is not in the text
    flat_tables.find_headerless_bar_cell_tables,  # 1 ⏎ | ⏎ 任务 ⏎ | ⏎ 单位 ⏎ | ⏎ 2 ⏎ …: cells between | lines, no header
    glued.find_glued_tables,  # 序号任务责任单位 ⏎ 1任务。市发改委各县政府 (no separators at all)
]


def recover(source: Source) -> Source:
    """``source`` with its flattened lines cut back into paragraphs, and the tables its text holds
    added to those its reader found."""
    lines = drop_page_furniture(source.lines)
    taken = {n for table in source.tables for n in range(table.first_line, table.last_line + 1)}
    lines = split_run_tables(lines, taken)  # 序号 重点工作 责任单位 1 … 2 …: a table run into one line
    tables = list(source.tables)
    for finder in TABLE_FINDERS:
        for table in finder(lines, taken):
            tables.append(table)
            taken.update(range(table.first_line, table.last_line + 1))
    # Only text outside the tables is cut: a cell's own 1. 2. 3. sub-points stay in their cell.
    lines = unflatten_lines(lines, taken)
    lines = join_field_lines(lines, taken)  # 责任单位 ⏎ 卫健局、文旅局: a record's label and its value
    if lines is source.lines and len(tables) == len(source.tables):
        return source
    return replace(source, lines=lines, tables=tuple(sorted(tables, key=lambda t: t.first_line)))
