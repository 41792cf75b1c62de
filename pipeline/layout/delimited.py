"""Tables written as text: tab-separated columns, or Markdown-style ``| a | b |`` rows.

A run of at least two consecutive lines with the same number (≥ 3) of columns is a table
whose first line is the header; a Markdown separator row (``|---|---|``) is skipped.
"""

from __future__ import annotations

import re

from ..model import SourceLine, Table, TableCell

MIN_COLUMNS = 3
MARKDOWN_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: SourceLine) -> list[TableCell] | None:
    text = line.text
    if "\t" in text:
        bounds, start = [], 0
        for index, ch in enumerate(text + "\t"):
            if ch == "\t":
                bounds.append((start, index))
                start = index + 1
    elif text.strip().startswith("|") and text.strip().endswith("|") and text.count("|") > MIN_COLUMNS:
        inner_start = text.index("|") + 1
        inner_end = text.rindex("|")
        bounds, start = [], inner_start
        for index in range(inner_start, inner_end + 1):
            if index == inner_end or text[index] == "|":
                bounds.append((start, index))
                start = index + 1
    else:
        return None
    if len(bounds) < MIN_COLUMNS:
        return None
    cells = []
    for begin, end in bounds:
        raw = text[begin:end]
        lead = len(raw) - len(raw.lstrip())
        cells.append(TableCell(raw.strip(), line.offset + begin + lead, line.number, line.page))
    return cells


def _sub_header(header: list[TableCell], row: list[TableCell]) -> bool:
    """``| 序号 | 工作任务 | 责任单位 | | 时限 |`` ⏎ ``| | | 牵头单位 | 配合单位 | |``: the second row of a header,
    its cells under a merged one (责任单位) naming the role columns, the other cells empty."""
    from .columns import column_kind

    named = [cell.text for cell in row if cell.text.strip()]
    return 2 <= len(named) < len(row) and all(column_kind(text) == "unit" for text in named) and any(column_kind(c.text) == "unit" for c in header)


def _is_heading(text: str) -> bool:
    from ..heal import heal_line
    from ..extract.patterns import patterns

    healed = heal_line(text)[0]
    return bool(healed) and len(healed) <= 40 and any(style.regex.match(healed) for style in patterns().headings)


def find_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    return [t for t in find_text_tables(lines) if not taken.intersection(range(t.first_line, t.last_line + 1))]


def find_text_tables(lines: tuple[SourceLine, ...]) -> tuple[Table, ...]:
    tables = []
    run: list[tuple[SourceLine, list[TableCell]]] = []

    def close() -> None:
        if len(run) >= 2:
            header_rows = 2 if len(run) >= 3 and _sub_header(run[0][1], run[1][1]) else 1
            tables.append(Table(rows=tuple(tuple(c) for _, c in run), first_line=run[0][0].number, last_line=run[-1][0].number, header_rows=header_rows))
        run.clear()

    for line in lines:
        if run and MARKDOWN_SEPARATOR.match(line.text) and "-" in line.text:
            continue
        cells = _cells(line)
        if cells is not None and (not run or len(cells) == len(run[0][1])):
            run.append((line, cells))
            continue
        if run and cells is None and _is_heading(line.text):
            # 一、经营发展 between rows: a section row, spanning every column.
            text = line.text.strip()
            cell = TableCell(text, line.offset + line.text.index(text), line.number, line.page)
            run.append((line, [cell] * len(run[0][1])))
            continue
        close()
        if cells is not None:
            run.append((line, cells))
    close()
    return tuple(tables)
