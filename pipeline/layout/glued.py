"""Tables whose cells were glued together with no separator at all (text copied out of a PDF).

    序号主要工作任务第一责任单位主要责任单位
    1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府、嘉兴经济开发区
    2服务业增加值占生产总值比重达到40%。市发展改革委…

The header is recognised by its 序号 and the role headers it spells (from the label vocabulary);
rows are opened by the next 序号 glued to the task; each row ends in its unit cells, one glued to the
next: the first column is the first unit name, the next column starts where a second name starts
without a separator (``市发展改革委各县…``, ``政治处各部门``).
"""

from __future__ import annotations

import re

from ..model import SourceLine, Table, TableCell
from ..extract.normalise import to_simplified
from .columns import Cell, join

MAX_ROWS = 2000
UNIT_START = re.compile(r"各|全|[市县区省州镇乡](?!场)")


GLUED_HEADER = re.compile(r"序[号號](?=[\u4e00-\u9fff]{4,60})")


def find_glued_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    tables = []
    for index, line in enumerate(lines):
        if line.number in taken or re.search(r"[|｜\t]", line.text):
            continue
        for found in GLUED_HEADER.finditer(line.text):
            window = line.text[found.start() : found.start() + 80]
            if re.search(r"\s", window.split("1", 1)[0]):
                continue  # spaced headers are the space-row finder's
            roles, header_end = _role_headers(window)
            if roles:
                table = _glued_rows(lines, index, found.start() + header_end, taken, roles)
                if table is not None:
                    tables.append(table)
                break
    return tables


def _role_headers(window: str) -> tuple[list[tuple[str, str]], int]:
    """``(label, role)`` of the role headers spelt in a glued header, in order, and where it ends."""
    from ..extract.responsibility import vocabulary

    window = to_simplified(window)  # (牽頭部門: the labels are spelt simplified)
    found, position, end = [], 0, 0
    labels = sorted(((label, role) for label, role in vocabulary().labels if role in ("lead", "support", "responsible")), key=lambda x: -len(x[0]))
    while position < len(window) and not window[position].isdigit():
        match = next(((label, role) for label, role in labels if window.startswith(label, position)), None)
        if match:
            found.append(match)
            position += len(match[0])
            end = position
        else:
            position += 1
    return found, end


def _glued_rows(lines, index, start_column, taken, roles) -> Table | None:
    header_line = lines[index]
    rows: list[list[Cell]] = []  # per row: its pieces of text, one per physical line
    expected = 1
    for position, line in enumerate(lines[index : index + 1 + MAX_ROWS * 8]):
        if position and line.number in taken:
            break
        base = start_column if position == 0 else 0
        text = line.text[base:]
        if not text.strip():
            continue
        cuts = []
        for found in re.finditer(r"(\d{1,3})(?=[\u4e00-\u9fff“])", text):
            before = text[: found.start()].rstrip()
            value = int(found.group(1))
            if value == expected and (not before or not before[-1].isdigit()) and (not before or not rows or _ends_unit(_row_end(before))):
                cuts.append(found.start())
                expected += 1
        bounds = [0, *cuts, len(text)]
        for start, end in zip(bounds, bounds[1:]):
            if start in cuts:
                rows.append([])
            if end > start and text[start:end].strip() and rows:
                rows[-1].append(Cell(text[start:end], line.offset + base + start, line.number, line.page))
        if len(rows) >= MAX_ROWS:
            break
    if len(rows) < 2:
        return None
    header_cells = [TableCell("序号", header_line.offset, header_line.number, header_line.page), TableCell("工作任务", header_line.offset, header_line.number, header_line.page)]
    header_cells += [TableCell(label, header_line.offset, header_line.number, header_line.page) for label, _ in roles]
    body = []
    for pieces in rows:
        row = _split_row(pieces, len(roles))
        if row is not None:
            body.append(row)
    if len(body) < 2:
        return None
    last = max(c.line or 0 for row in body for c in row)
    return Table(rows=(tuple(header_cells), *body), first_line=header_line.number, last_line=last, page=header_line.page, header_rows=1)


# What may stand between a row's last unit and the next row's number: a page mark (—2—) and a
# section row (二、产业优化升级) run into the same text.
ROW_GAP = re.compile(r"(?:[—\-－]\s*\d{1,3}\s*[—\-－])?\s*(?:[一二三四五六七八九十]{1,3}、[\u4e00-\u9fff，、]{2,30})?$")
PAGE_MARK = re.compile(r"[—\-－]\s*\d{1,3}\s*[—\-－]")


def _row_end(text: str) -> str:
    """``text`` without the page mark and section row that follow its last unit."""
    return text[: ROW_GAP.search(text).start()]


def _ends_unit(text: str) -> bool:
    from ..extract.responsibility import looks_like_unit, split_units

    pieces = split_units(re.split(r"[。；;]", to_simplified(text))[-1])
    return bool(pieces) and looks_like_unit(pieces[-1][0])


def _split_row(pieces: list[Cell], columns: int) -> tuple[TableCell, ...] | None:
    """Number, task, then ``columns`` unit cells from the row's glued tail."""
    if not pieces:
        return None
    first = pieces[0]
    number = re.match(r"\d{1,3}", first.text)
    if number is None:
        return None
    number_cell = TableCell(number.group(0), first.offset, first.line, first.page)
    rest = [Cell(first.text[number.end() :], first.offset + number.end(), first.line, first.page)] + pieces[1:]
    # The unit tail: after the last full stop of the last piece (or the whole last piece on its own line).
    last = rest[-1]
    stop = max(last.text.rfind("。"), last.text.rfind("；"))
    if stop >= 0:
        tail_text, tail_offset = last.text[stop + 1 :], last.offset + stop + 1
        task_pieces = rest[:-1] + [Cell(last.text[: stop + 1], last.offset, last.line, last.page)]
    elif len(rest) > 1:
        tail_text, tail_offset = last.text, last.offset
        task_pieces = rest[:-1]
    elif (start := _unit_tail_start(last.text)) is not None:  # a task cell without its full stop
        tail_text, tail_offset = last.text[start:], last.offset + start
        task_pieces = [Cell(last.text[:start], last.offset, last.line, last.page)]
    else:
        return None
    section = re.search(r"[一二三四五六七八九十]{1,3}、", tail_text)
    if section:  # 二、经济结构 glued after the last unit: a section row, not a name
        tail_text = tail_text[: section.start()]
    mark = PAGE_MARK.search(tail_text)
    if mark:  # —2—: the page ended after the row
        tail_text = tail_text[: mark.start()]
    units = _split_units_glued(tail_text.strip(), tail_offset + len(tail_text) - len(tail_text.lstrip()), columns)
    if units is None:
        return None
    task = join([p for p in task_pieces if p.text.strip()])
    cells = [number_cell, TableCell(task.text, task.offset, task.line, task.page)]
    cells += [TableCell(text, offset, last.line, last.page) for text, offset in units]
    return tuple(cells)


def _unit_tail_start(text: str) -> int | None:
    """Where the unit cells begin in a row whose task does not end in 。 (``…先进生产技术市科技局市发展改革委、…``):
    the first place from which the rest of the row, page mark and section row aside, is a list of names."""
    from ..extract.responsibility import looks_like_unit, names_a_unit_list, split_units

    tail = _row_end(to_simplified(text))  # (same length: its positions are the text's)
    for found in UNIT_START.finditer(tail, 2):
        pieces = [raw for raw, _, _ in split_units(tail[found.start() :])]
        if pieces and len(pieces[0]) <= 12 and looks_like_unit(pieces[0]) and names_a_unit_list(pieces):
            return found.start()
    return None


def _split_units_glued(text: str, offset: int, columns: int) -> list[tuple[str, int]] | None:
    """The tail cut into ``columns`` cells where a name starts right after another with no separator."""
    from ..extract.responsibility import looks_like_unit, split_units

    from ..extract.responsibility import names_a_unit_list

    written, text = text, to_simplified(text)  # (judged simplified; the cells keep what is written)
    if not text or len(text) > 200 or not names_a_unit_list([raw for raw, _, _ in split_units(text)]):
        return [("", offset)] * columns  # the row's unit cells are not in this excerpt
    if columns == 1:
        return [(written, offset)] if split_units(text) else None
    boundaries = []
    for index in range(2, len(text) - 1):
        if text[index - 1] in "、，,；;（(" or text[index] in "、，,；;）)":
            continue
        head = re.split(r"[、，,；;]", text[:index])[-1]
        following = split_units(text[index:])
        if looks_like_unit(head) and len(head) >= 2 and UNIT_START.match(text, index) and following and looks_like_unit(following[0][0]):
            boundaries.append(index)
    # More joints than column boundaries before the first separator: the first cell stacked its
    # names (市发展改革委市经贸委市规划建设局、…), the last of those joints is the column boundary.
    first_separator = re.search(r"[、，,；;]", re.sub(r"（[^）]*）|\([^)]*\)", lambda m: "#" * len(m.group(0)), text))
    stacked: list[int] = []
    for joint in boundaries:  # joints of whole names only (not 市发展改革委各区|县政府)
        if (first_separator is None or joint < first_separator.start()) and joint - (stacked[-1] if stacked else 0) >= 3:
            stacked.append(joint)
    if stacked and (first_separator.start() if first_separator else len(text)) - stacked[-1] < 3:
        stacked.pop()
    boundaries = stacked[-(columns - 1) :] if len(stacked) > columns - 1 else boundaries[: columns - 1]
    if not boundaries:
        return [(written, offset)] + [("", offset + len(text))] * (columns - 1)
    bounds = [0, *boundaries, len(text)]
    cells = [(written[a:b], offset + a) for a, b in zip(bounds, bounds[1:])]
    cells += [("", offset + len(text))] * (columns - len(cells))
    return cells
