"""Tables that a web page flattened into text.

Three layouts, one path: each finder cuts lines into cells its own way, then a header
names the columns and every row's cells are aligned to those columns
(:func:`pipeline.layout.columns.align`), because flattening loses the empty cells and a
merged cell stands only in the first row it spans (the other cells shift left).

- pipe rows: ``1 | 新增城镇就业 | 区人社局 | 8950人 |`` (no leading ``|``);
- space rows: ``序号 项目名称 责任单位 目标任务`` ⏎ ``1 新增城镇就业 人社局 8950``;
- cell lines: ``序号`` ⏎ ``重点工作`` ⏎ ``责任单位`` ⏎ ``1`` ⏎ ``坚持服务…`` ⏎ ``招商工作部``, cells
  separated by blank lines or closed by ``|``; header cells may be broken (``牵头`` ⏎ ``部门``).

Rows are opened by a bare 序号 that follows the previous one; lines between two numbered
rows are sub-rows of the first (they share its number cell, so they join its item).
"""

from __future__ import annotations

import re

from ..extract.patterns import patterns
from ..model import SourceLine, Table, TableCell
from .columns import NAMED_UNITS_HEADER, NAMING_HEADER, NUMBER_HEADERS, Cell, affinity, align, column_kind, fold, header_is_table, join, header_text, section_heading, solve, stating_column, unit_strength

BARE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[|｜]?\s*$")
LEADING_NUMBER = re.compile(r"^\s*(\d{1,5})(?=\s|\||$)")
TRAILING_BAR = re.compile(r"(?:\s*[|｜]+)+\s*$")  # (` | ||`: a row closed by its empty cells too)
# Five ideographs: folding keeps every ideograph, so such a line folds to more than 4 characters
# (tests/test_fast_paths.py), known without folding it.
FIVE_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff](?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){4}")
MAX_HEADER_CELLS = 16
MAX_ROWS = 2000


def _cell(line: SourceLine, begin: int, end: int) -> Cell | None:
    raw = line.text[begin:end]
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    if not text:
        return None
    return Cell(text, line.offset + begin + lead, line.number, line.page)


def _pipe_cells(line: SourceLine) -> list[Cell]:
    cells, start = [], 0
    text = line.text
    for index, ch in enumerate(text + "|"):
        if ch in "|｜":
            cell = _cell(line, start, index)
            if cell is not None:
                cells.append(cell)
            start = index + 1
    return cells


SPACE_GAP = re.compile(r"[ \t\u3000\u00a0]+")


def _space_cells(line: SourceLine) -> list[Cell]:
    cells, start = [], 0
    for gap in SPACE_GAP.finditer(line.text):
        cell = _cell(line, start, gap.start())
        if cell is not None:
            cells.append(cell)
        start = gap.end()
    cell = _cell(line, start, len(line.text))
    if cell is not None:
        cells.append(cell)
    return cells


def _header_like(text: str) -> bool:
    """A header cell continued on the next line: short, without figures or a heading number."""
    from ..extract.structure import match_heading

    folded = fold(text)
    return len(folded) <= 12 and not re.search(r"\d", folded) and match_heading(folded) is None


def _merge_header_fragments(cells: list[Cell]) -> list[Cell]:
    """``牵头`` ``部门`` → ``牵头部门``: a header broken into pieces of one or two characters."""
    out: list[Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        if index + 1 < len(cells) and len(fold(cell.text)) <= 2 and len(fold(cells[index + 1].text)) <= 2 and column_kind(cell.text) in ("other", "task", "unit") and column_kind(cells[index + 1].text) != "number":
            out.append(join(cells[index : index + 2]))
            index += 2
            continue
        if not re.search(r"[\u4e00-\u9fff]", cell.text) and index + 1 < len(cells):
            # 1- ⏎ 8月实际完成情况: a number that belongs to the next header cell
            out.append(join(cells[index : index + 2]))
            index += 2
            continue
        out.append(cell)
        index += 1
    return out


def unfold_spanned_header(cells: list[Cell]) -> list[Cell]:
    """A header of two rows written out one cell a line: ``序号 名称 责任单位 时间安排 投资`` then the
    cells under ``责任单位``, ``牵头单位 协助单位``. The trailing cells that each name a role sit under the
    one unit cell of the first row that names none of its own (责任单位, the group), and take its place."""
    from ..extract.responsibility import label_role

    def role(cell: Cell) -> str | None:
        text = header_text(cell.text)
        return label_role(text) if column_kind(cell.text) == "unit" else None

    roles = [role(c) for c in cells]
    tail = 0
    while tail < len(cells) and roles[len(cells) - 1 - tail] in ("lead", "support"):
        tail += 1
    if tail < 2 or len({roles[-1 - k] for k in range(tail)}) < 2:
        return cells  # (sub-columns of different roles: 牵头单位 and 配合单位; not a row of leads alone)
    first_row = cells[: len(cells) - tail]
    groups = [k for k, c in enumerate(first_row) if column_kind(c.text) == "unit"]
    if len(groups) != 1 or roles[groups[0]] != "responsible" or len(first_row) < 3:
        return cells
    k = groups[0]
    return first_row[:k] + cells[len(cells) - tail :] + first_row[k + 1 :]


def _last_row_cut(lines: tuple[SourceLine, ...], cursor: int, body: list[tuple[SourceLine, list[Cell]]]) -> bool:
    """The table's last row is where the text stops, in the middle of the row: its rows close with ``|``
    and it does not (an excerpt, a page saved half-loaded). Its missing cells were never written, not
    merged with the row above."""
    if len(body) < 2 or any(line.text.strip() for line in lines[cursor:]):
        return False
    closed = [line.text.rstrip().endswith(("|", "｜")) for line, _ in body]
    return not closed[-1] and all(closed[:-1])


def to_table(header: list[Cell], rows: list[tuple[Cell | None, list[Cell]]], first_line: int, last_line: int, join_penalty: float = 0.6, task_column: int | None = None, by_position: bool = False,
             cut_last: bool = False) -> Table | None:
    """Align every row to the header's columns; columns empty in every row are dropped.
    ``task_column``: the column known to state the tasks (the one whose cells are numbered);
    ``by_position``: every row holds every column, empty cells too (a drawn table), in order;
    ``cut_last``: the last row was cut off by the end of the text (no cell of it is merged from above)."""
    kinds = [column_kind(c.text) for c in header]
    # Only the first task column states the task; later ones (目标任务, 2022年工作计划) report on it.
    first_task = kinds.index("task") if "task" in kinds else None
    stating = stating_column([c.text for c in header], [i for i, kind in enumerate(kinds) if kind == "task"])
    if stating is not None:
        first_task = stating
    if task_column is not None and kinds[task_column] == "task":
        first_task = task_column
    kinds = [("other" if kind == "task" and i != first_task else kind) for i, kind in enumerate(kinds)]
    # 评分部门: a column of units the header gives no role; its cells are not the responsible units'.
    kinds = [("named" if kind == "other" and NAMED_UNITS_HEADER.search(fold(c.text)) else kind) for c, kind in zip(header, kinds)]
    if stating is not None and first_task == stating:
        kinds = [("title" if i < first_task and NAMING_HEADER.match(fold(c.text)) else kind) for i, (c, kind) in enumerate(zip(header, kinds))]
    has_number = kinds[0] == "number"
    inferred = [""] * len(kinds)
    clauses_in_tasks = False
    if by_position:
        if "unit" not in kinds:
            return None
        aligned = [[c if c.text else None for c in cells] for _, cells in rows if len(cells) == len(kinds) and any(c.text for c in cells)]
        return _build(header, kinds, aligned, [""] * len(kinds), False, first_line, last_line)
    if "unit" not in kinds:
        unit_column = _infer_unit_column(kinds, rows, has_number, join_penalty)
        if unit_column is not None:
            kinds[unit_column], inferred[unit_column] = "unit", INFERRED_LABEL
        elif first_task is not None and _tasks_carry_clauses(rows):
            clauses_in_tasks = True  # 序号 | 目标任务 | 推进情况: （责任单位：…） inside the task cell
        else:
            return None
    aligned = _align_rows(kinds, rows, has_number, join_penalty)
    if not aligned:
        return None
    _fill_merged(kinds, aligned[:-1] if cut_last else aligned)
    return _build(header, kinds, aligned, inferred, clauses_in_tasks, first_line, last_line)


def _build(header: list[Cell], kinds: list[str], aligned: list[list[Cell | None]], inferred: list[str], clauses_in_tasks: bool, first_line: int, last_line: int) -> Table | None:
    if not aligned:
        return None
    has_number = kinds[0] == "number"
    keep = [i for i in range(len(header)) if (has_number and i == 0) or any(row[i] is not None for row in aligned)]
    if not clauses_in_tasks and not any(kinds[i] == "unit" for i in keep):
        return None
    header_row = tuple(_table_cell(header[i]) for i in keep)
    body = []
    for row in aligned:
        anchor = next(c for c in row if c is not None)
        body.append(tuple(_table_cell(row[i]) if row[i] is not None else TableCell("", anchor.offset, anchor.line, anchor.page) for i in keep))
    labels = tuple(inferred[i] for i in keep) if any(inferred) else ()
    return Table(rows=(header_row, *body), first_line=first_line, last_line=last_line, page=header[0].page, header_rows=1, inferred_labels=labels)


def _fill_merged(kinds: list[str], aligned: list[list[Cell | None]]) -> None:
    """A unit column left of the task column (``牵头单位 | 目标任务 | 责任单位``) that a row lacks
    was a merged cell: flattening wrote it only in the first row it spans. The row takes the cell
    above, as the HTML reader repeats a rowspan cell. Columns right of the task are not filled:
    there a missing cell is as often an empty one (no 配合单位)."""
    task = kinds.index("task") if "task" in kinds else None
    if task is None:
        return
    leading = [i for i in range(task) if kinds[i] == "unit"]
    trailing = [i for i in range(task + 1, len(kinds)) if kinds[i] == "unit"]
    units = leading + trailing
    for k, (above, row) in enumerate(zip(aligned, aligned[1:]), start=1):
        if row[task] is None:
            continue  # a row continuing the task above (its own units), not a new task
        # A row without any unit cell, only a deadline or progress beside its task, whose units do not
        # follow in a continuing row: the unit cells were merged (区民政局 | 养老服务科 for five 民生实事).
        following = aligned[k + 1] if k + 1 < len(aligned) else None
        # (a continuing row: no task of its own, or a sub-row under the same 序号)
        continued = following is not None and (following[task] is None or (kinds[0] == "number" and following[0] is row[0])) and any(following[i] is not None for i in units)
        whole_column = bool(units) and all(row[i] is None for i in units) and not continued
        for i in leading:
            if row[i] is None and above[i] is not None:
                row[i] = above[i]
        first = 1 if kinds[0] == "number" else 0
        if all(cell is None for cell in row[first:task] + row[task + 1 :]) or whole_column:
            # A row of its task alone (开展好“三下乡”活动。): every cell beside it was merged from
            # the row above, its units too.
            for i in trailing:
                row[i] = above[i]


INFERRED_LABEL = "责任单位"
INFERRED_SHARE = 0.6  # of the rows whose cell there is a unit, for a column the header does not name


def _align_rows(kinds: list[str], rows, has_number: bool, join_penalty: float) -> list[list[Cell | None]]:
    body_kinds = kinds[1:] if has_number else kinds
    aligned = []
    for number, cells in rows:
        placed = align(cells, body_kinds, join_penalty)
        if placed is not None:
            aligned.append(([number] if has_number else []) + placed)
    return aligned


def _infer_unit_column(kinds: list[str], rows, has_number: bool, join_penalty: float) -> int | None:
    """A column the header calls something else (备注, 单位) that holds a unit in most rows."""
    best, best_key = None, (0.0, 0.0)
    for index, kind in enumerate(kinds):
        if kind != "other":
            continue
        trial = list(kinds)
        trial[index] = "unit"
        body_kinds = trial[1:] if has_number else trial
        column = index - 1 if has_number else index
        units, score = 0, 0.0
        for _, cells in rows:
            solved = solve(cells, body_kinds, join_penalty)
            if solved is None:
                continue
            score += solved[0]
            cell = solved[1][column]
            units += cell is not None and unit_strength(cell.text) == 1.0
        # The column where most rows hold a unit; of those, the one that fits the rows best.
        key = (units / len(rows) if rows else 0.0, score)
        if key > best_key:
            best, best_key = index, key
    return best if best_key[0] >= INFERRED_SHARE else None


def _tasks_carry_clauses(rows) -> bool:
    """Most rows attribute their task in the row's text itself (a table with no unit column)."""
    from ..extract.tables import carry_clauses

    numbered = [cells for number, cells in rows if number is not None and cells] or [cells for _, cells in rows if cells]
    return carry_clauses([cells[0].text for cells in numbered], INFERRED_SHARE)


def _table_cell(cell: Cell) -> TableCell:
    return cell.table_cell()


def _rows_by_number(lines: list[tuple[SourceLine, list[Cell]]], numbered: bool, width: int | None = None) -> list[tuple[Cell | None, list[Cell]]]:
    """Group cut lines into rows: a line whose first cell is the next 序号 opens a row. A row one cell
    short of ``width`` (the header's, its number included) whose unit cells go on over the next lines
    (区财政局 ⏎ 区税务局 ⏎ 区政府有关部门…): the last line is the missing cell, those before it continue
    the row's last cell."""
    rows: list[tuple[Cell | None, list[Cell]]] = []
    continued: dict[int, list[Cell]] = {}
    previous: int | None = None
    for _, cells in lines:
        if not cells:
            continue
        first = LEADING_NUMBER.match(cells[0].text)
        value = int(first.group(1)) if first and fold(cells[0].text).isdigit() else None
        if not numbered:
            rows.append((None, cells))
        elif len(cells) == 1 and value is None and section_heading(cells[0].text):
            if rows:
                rows.append((None, cells))  # a section row between rows (one before the first is the header's)
        elif len(cells) == 1 and value is None and rows and rows[-1][0] is not None and unit_strength(cells[0].text) > 0:
            continued.setdefault(len(rows) - 1, []).append(cells[0])  # 区税务局 alone: the row's unit cells went on
        elif value is not None and (previous is None or value == previous + 1):
            rows.append((cells[0], cells[1:]))
            previous = value
        elif rows:
            # A sub-row: it shares the number cell of the row it continues.
            rows.append((rows[-1][0], cells))
    for k, more in continued.items():
        number, cells = rows[k]
        if width is not None and len(cells) + 2 == width and len(more) > 1 and cells:
            cells[-1] = join([cells[-1], *more[:-1]])
            cells.append(more[-1])
        else:
            cells.extend(more)
    return rows


def _find_line_tables(lines: tuple[SourceLine, ...], taken: set[int], cut, min_cells: int, join_penalty: float,
                      header_at_end: bool = False) -> list[Table]:
    """Rows a line each, cells cut by ``cut``, under a header line. With ``header_at_end``, a header may also
    close a line of other text (``…附件：…任务分解表 序号 名称 工作任务 牵头责任单位`` ⏎ ``1 …``: a page
    that lost the break before it); the table then starts on the next line, the text before the header
    staying a paragraph."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.number in taken:
            index += 1
            continue
        cells = cut(line)
        first_line = line.number
        if header_at_end and len(cells) > min_cells and not header_is_table([c.text for c in cells]):
            tail = _header_closing(cells)
            if tail and _rows_follow(lines, index):
                cells, first_line = tail, lines[index + 1].number
        if len(cells) < min_cells or not header_is_table([c.text for c in cells]):
            index += 1
            continue
        header = list(cells)
        numbered = column_kind(header[0].text) == "number"
        body: list[tuple[SourceLine, list[Cell]]] = []
        cursor = index + 1
        # Header continued on the next lines (title cells broken by the page) until the first row.
        while cursor < len(lines) and lines[cursor].number not in taken and len(header) < MAX_HEADER_CELLS:
            more = cut(lines[cursor])
            if not more or LEADING_NUMBER.match(more[0].text) or not all(_header_like(c.text) for c in more):
                break
            if len(more) > 1 and all(column_kind(c.text) == "other" and len(fold(c.text)) > 2 for c in more):
                break  # 羽毛球 公司工会: short cells naming no column are the first row, not more header
            header.extend(more)
            cursor += 1
        while cursor < len(lines) and lines[cursor].number not in taken and len(body) < MAX_ROWS:
            more = cut(lines[cursor])
            if not lines[cursor].text.strip() or (not more and ("|" in lines[cursor].text or "｜" in lines[cursor].text)):
                cursor += 1  # (| |||||||: a row of empty cells, a rule between rows)
                continue
            if len(more) < min_cells and not (more and _empty_cells_row(lines[cursor].text)):
                # (一、主要预期目标: a section row; 区税务局 alone under a row: its cell went on to the next line)
                if len(more) == 1 and (section_heading(more[0].text) or (body and unit_strength(more[0].text) > 0)):
                    body.append((lines[cursor], more))
                    cursor += 1
                    continue
                break  # (新增学位810个 | |||||: a row whose other cells are empty continues the one above)
            body.append((lines[cursor], more))
            cursor += 1
        header = unfold_spanned_header(_merge_header_fragments(header))
        rows = _rows_by_number(body, numbered, len(header))
        table = to_table(header, rows, first_line, body[-1][0].number, join_penalty, cut_last=_last_row_cut(lines, cursor, body)) if rows else None
        if table is not None:
            tables.append(table)
            index = cursor
        else:
            index += 1
    return tables


HEADER_TAIL_MIN = 3


def _rows_follow(lines: tuple[SourceLine, ...], index: int) -> bool:
    """A numbered row (``1 地区生产总值…``) within the next lines, a section row (``一、…``) allowed first."""
    following = [line for line in lines[index + 1 : index + 8] if line.text.strip()][:3]
    for line in following:
        if LEADING_NUMBER.match(line.text):
            return True
        if not section_heading(line.text):
            return False
    return False


def _header_closing(cells: list[Cell]) -> list[Cell] | None:
    """The last cells of a line, from a 序号 on, when they make a table's header."""
    for k in range(len(cells) - HEADER_TAIL_MIN, 0, -1):
        if column_kind(cells[k].text) == "number" and header_is_table([c.text for c in cells[k:]]):
            return cells[k:]
    return None


def _empty_cells_row(text: str) -> bool:
    return text.count("|") + text.count("｜") >= EMPTY_ROW_BARS


EMPTY_ROW_BARS = 3


def find_pipe_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    # Cells a | separates were cells in the table: joining two is the exception.
    return _find_line_tables(lines, taken, lambda line: _pipe_cells(line) if ("|" in line.text or "｜" in line.text) else [], 2, 2.5)


HEADERLESS_MIN_ROWS = 2
HEADERLESS_UNIT_SHARE = 0.6  # of the rows whose cell in the column is a unit list


def find_headerless_pipe_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    """Pipe rows opened by consecutive numbers whose header is not in the text (a page that goes on
    with a table, an excerpt cut after its header): ``1 | 招大引强行动。… | 1季度：… | 陆某某 | *区投促局
    各镇街 |``. The column holding unit lists in most rows is the responsible units' (an inferred
    label); the first column after the number states the task; the others are not read."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        run: list[tuple[SourceLine, list[Cell]]] = []
        previous: int | None = None
        cursor = index
        while cursor < len(lines) and lines[cursor].number not in taken and len(run) < MAX_ROWS:
            line = lines[cursor]
            if not line.text.strip():
                cursor += 1
                continue
            cells = _pipe_cells(line) if ("|" in line.text or "｜" in line.text) else []
            value = int(fold(cells[0].text)) if len(cells) >= 3 and fold(cells[0].text).isdigit() and len(fold(cells[0].text)) <= 4 else None
            if value is None or (previous is not None and value != previous + 1) or (run and len(cells) > len(run[0][1])):
                break
            run.append((line, cells))
            previous = value
            cursor += 1
            if len(cells) < len(run[0][1]):
                break  # (a row cut short: the page or the excerpt ends there)
        table = _headerless_table(run) if len(run) >= HEADERLESS_MIN_ROWS else None
        if table is not None:
            tables.append(table)
            index = cursor
        else:
            # (the blank lines passed over are not searched again: a run of them is one step)
            index = max(index + 1, cursor)
    return tables


BAR_LINE = re.compile(r"^\s*[|｜]\s*$")
BAR_CELL_ROWS_MIN = 3
BAR_CELL_LINES_MAX = 12  # lines of one cell (a list of units a line each); beyond, the grammar broke


def find_headerless_bar_cell_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    """Cells a line each (or a few), separated by lines holding only ``|``, rows opened by consecutive bare
    numbers, no header in the text (``1`` ⏎ ``|`` ⏎ ``一、主要预期目标`` ⏎ ``|`` ⏎ ``粮食产量…`` ⏎ ``|`` ⏎ ``法规科`` ⏎ ``|`` ⏎
    ``潘某某`` ⏎ ``|`` ⏎ ``2024年底前`` ⏎ ``|`` ⏎ ``2`` ⏎ …). A row's first cell with words states its task (a
    section's merged cell, ``一、…``, before it is passed over), the first unit list after it names the
    responsible units; the other cells are not read."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        found = BARE_NUMBER.match(lines[index].text)
        if lines[index].number in taken or found is None or int(found.group(1)) != 1 or index + 1 >= len(lines) or not BAR_LINE.match(lines[index + 1].text):
            index += 1
            continue
        rows, cursor = _bar_cell_rows(lines, index, taken)
        table = _bar_cell_table(rows) if len(rows) >= BAR_CELL_ROWS_MIN else None
        if table is not None:
            tables.append(table)
        # (the lines a run read are not read again from each of their lines: bounded in the text's length)
        index = max(index + 1, cursor)
    return tables


def _bar_cell_rows(lines: tuple[SourceLine, ...], start: int, taken: set[int]) -> tuple[list[list[Cell]], int]:
    """The rows from ``lines[start]`` (a ``1``), each a list of cells, and the index after the last one."""
    rows: list[list[Cell]] = []
    cell_parts: list[Cell] = []
    expected = 1
    cursor = start
    bars = 0

    def close_cell() -> None:
        if cell_parts and rows:
            rows[-1].append(join(cell_parts))
        cell_parts.clear()

    while cursor < len(lines) and lines[cursor].number not in taken and len(rows) < MAX_ROWS:
        line = lines[cursor]
        if BAR_LINE.match(line.text):
            close_cell()
            bars += 1
            cursor += 1
            continue
        if not line.text.strip():
            cursor += 1
            continue
        number = BARE_NUMBER.match(line.text)
        if number is not None and int(number.group(1)) == expected and not cell_parts:
            rows.append([_cell(line, 0, len(line.text))])  # (the row's number, its first cell)
            expected += 1
            cursor += 1
            continue
        if not rows or len(cell_parts) >= BAR_CELL_LINES_MAX:
            break
        cell = _cell(line, 0, len(TRAILING_BAR.sub("", line.text)))
        if cell is not None:
            cell_parts.append(cell)
        cursor += 1
        if bars == 0 and len(cell_parts) > 1:
            break  # (no bar after the first row's first cell: not this grammar)
    close_cell()
    return rows, cursor


def _bar_cell_table(rows: list[list[Cell]]) -> Table | None:
    body: list[tuple[TableCell, ...]] = []
    first = rows[0][0]  # (every row opens with its number's cell)
    attributed = 0
    for row in rows:
        number, cells = row[0], list(row[1:])
        if cells and section_heading(cells[0].text) and len(cells) > 1:
            cells.pop(0)  # (一、… merged over the section's rows: not the task)
        task = next((c for c in cells if len(fold(c.text)) >= 4 and unit_strength(c.text) == 0), None)
        if task is None:
            continue
        after = cells[cells.index(task) + 1 :]
        unit = next((c for c in after if unit_strength(c.text) > 0), None)
        attributed += unit is not None
        empty = TableCell("", task.offset, task.line, task.page)
        body.append((number.table_cell(), task.table_cell(), unit.table_cell() if unit else empty))
    if attributed < BAR_CELL_ROWS_MIN:
        return None
    header = tuple(TableCell("", first.offset, first.line, first.page) for _ in range(3))
    last = max(cell.line for row in body for cell in row)
    return Table(rows=(header, *body), first_line=first.line, last_line=last, page=first.page, header_rows=1, inferred_labels=("", "", "责任单位"))


def _headerless_table(run: list[tuple[SourceLine, list[Cell]]]) -> Table | None:
    width = len(run[0][1])
    if len(run[-1][1]) < width:
        last, cells = run[-1]
        run = run[:-1] + [(last, cells + [Cell("", cells[-1].offset + len(cells[-1].text), cells[-1].line, cells[-1].page)] * (width - len(cells)))]
    shares = [sum(1 for _, cells in run if unit_strength(cells[j].text) > 0) / len(run) for j in range(width)]
    candidates = [j for j in range(2, width) if shares[j] >= HEADERLESS_UNIT_SHARE]
    if not candidates or not all(len(fold(cells[1].text)) >= 6 and unit_strength(cells[1].text) == 0 for _, cells in run):
        return None
    unit_column = max(candidates, key=lambda j: (shares[j], j))
    first = run[0][1]
    header = tuple(TableCell("", c.offset, c.line, c.page) for c in first)
    body = tuple(tuple(c.table_cell() for c in cells) for _, cells in run)
    labels = tuple("责任单位" if j == unit_column else "" for j in range(width))
    return Table(rows=(header, *body), first_line=run[0][0].number, last_line=run[-1][0].number, page=first[0].page, header_rows=1, inferred_labels=labels)


def find_space_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    return _find_line_tables(lines, taken, _space_cells, 2, 0.6, header_at_end=True)


def find_cell_line_tables(lines: tuple[SourceLine, ...], taken: set[int]) -> list[Table]:
    """One cell per line: ``序号`` then the other header cells (or the header on one line, cells
    by spaces), then rows opened by a bare number; or, without a 序号, rows of as many cells as
    the header has (``名称 |`` ⏎ ``责任单位 |`` ⏎ ``工作任务与目标 |`` ⏎ ``门前六包 |`` ⏎ ``市容大队 |`` ⏎ …)."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.number in taken:
            index += 1
            continue
        first = TRAILING_BAR.sub("", line.text)
        # (the length first: a header cell is short, and most lines are not)
        short = len(first) <= 24 and not FIVE_IDEOGRAPHS.search(first)
        spaced = _space_cells(line) if line.text.lstrip().startswith(NUMBER_HEADERS) and any(ch in line.text for ch in " \t\u3000") else []
        if short and len(fold(line.text)) <= 4 and column_kind(first) == "number":
            cells = _one_cell_lines(lines, index, taken)
        elif len(spaced) >= 3 and column_kind(spaced[0].text) == "number" and header_is_table([c.text for c in spaced]) and _next_is_number(lines, index):
            # 序号 涉及部门 职责分工 ⏎ 1 ⏎ 市教育局 ⏎ 负责…: the header on one line, the rows a cell per line
            cells = spaced + _one_cell_lines(lines, index + 1, taken)
        elif len(first) <= 24 and len(fold(first)) <= 12 and column_kind(first) in ("task", "unit"):
            table = _unnumbered_cell_table(lines, index, taken)
            if table is not None:
                tables.append(table)
                index = next((i for i in range(index, len(lines)) if lines[i].number > table.last_line), len(lines))
            else:
                index += 1
            continue
        else:
            index += 1
            continue
        header: list[Cell] = []
        position = 0
        while position < len(cells) and len(header) < MAX_HEADER_CELLS:
            cell = cells[position]
            if BARE_NUMBER.match(cell.text) and header:
                break
            # (a section row 一、… with its title right below the header ends it, however short:
            # 一、关于优化经济结构; a bare （一） whose title is the next cell does not)
            if len(header_text(cell.text)) > 12 or ((len(fold(cell.text)) > 12 or (len(header) >= 3 and len(fold(cell.text)) > 4)) and _section_cell(cell.text)):
                if len(header) < 3 or not (_section_cell(cell.text) or _title_row(cells, position)):
                    header = []
                break  # (a section row 一、… right below the header ends it, 一、量化类任务(共14项) too)
            header.append(cell)
            position += 1
        header = unfold_spanned_header(_merge_header_fragments(header))
        if len(header) < 3 or not header_is_table([c.text for c in header]):
            index += 1
            continue
        width = len(header) - 1
        unnumbered = _unnumbered_rows(header, cells[position:]) if column_kind(header[0].text) == "number" else None
        if unnumbered is not None:
            tables.append(unnumbered)
            index = next((i for i in range(index, len(lines)) if lines[i].number > unnumbered.last_line), len(lines))
            continue
        rows: list[tuple[Cell | None, list[Cell]]] = []
        previous: int | None = None
        sub_previous: int | None = None
        task_column: int | None = None
        last_line = header[-1].line
        repeated_header = fold(header[0].text)
        while position < len(cells) and len(rows) < MAX_ROWS:
            cell = cells[position]
            if rows and fold(cell.text) == repeated_header:
                # The header again at the top of the next page: skip it up to the next row.
                while position < len(cells) and not (BARE_NUMBER.match(cells[position].text) and int(BARE_NUMBER.match(cells[position].text).group(1)) == previous + 1):
                    position += 1
                continue
            if patterns().attachment_marker.match(fold(cell.text)):
                break  # 附件2 ⏎ 序号 ⏎ …: the next annex, with a table of its own
            found = BARE_NUMBER.match(cell.text)
            value = int(found.group(1)) if found else None
            written = WRITTEN_TASK_NUMBER.match(cell.text) if value is None else None
            in_section = bool(rows) and rows[-1][0] is None
            # A row opens with the next number, or with a later one once the row before is full
            # (a county-wide list excerpted: 6, 52, 53 …).
            # Beside targets numbered in the task column, the 序号 numbers groups and may start again.
            restarts = value == 1 and sub_previous is not None and bool(rows) and len(rows[-1][1]) >= 2
            # (a jump only where a cell with words follows: 4 ⏎ 4 ⏎ 100% are a target's figures)
            jumps = value is not None and previous is not None and previous < value <= previous + ROW_JUMP_MAX and bool(rows) and len(rows[-1][1]) >= width - 1 and position + 1 < len(cells) and re.search(r"[\u4e00-\u9fff]", cells[position + 1].text) is not None
            if value is not None and (previous is None or value == previous + 1 or restarts or jumps):
                rows.append((cell, []))
                previous = value
            elif value is None and (_section_cell(cell.text) or (not rows and _title_row(cells, position))) and (not rows or rows[-1][1]):
                rows.append((None, [cell]))  # 一、… between rows: a section row
            elif in_section:
                break  # only a numbered row follows a section row
            elif written and sub_previous is not None and int(written.group(1)) == sub_previous + 1 and _holds_written(rows[-1][1]):
                # 序号 1 | 主要预期目标 | 1.地区生产总值… ⏎ 2.一般公共预算…: targets numbered in the task
                # column under one merged 序号; each opens a row that shares the number cell.
                rows.append((rows[-1][0], [cell]))
                sub_previous += 1
                task_column = task_column if task_column is not None else _written_column(rows[-2][1], header, has_number=True)
            elif rows and len(rows[-1][1]) < 2 * width:
                rows[-1][1].append(cell)
                if written and sub_previous is None:
                    sub_previous = int(written.group(1))
            else:
                break
            last_line = cell.line
            position += 1
        table = to_table(header, rows, line.number, last_line, task_column=task_column) if rows else None
        if table is not None:
            tables.append(table)
            index = next((i for i in range(index, len(lines)) if lines[i].number > last_line), len(lines))
        else:
            index += 1
    return tables


def _unnumbered_rows(header: list[Cell], cells: list[Cell]) -> Table | None:
    """A 序号 header whose rows came without their numbers (``序号`` ⏎ ``重点工作内容`` ⏎ ``责任单位`` ⏎
    ``配合单位`` ⏎ ``一、…`` ⏎ ``(1)…`` ⏎ ``<task>`` ⏎ ``经委`` ⏎ ``发改委`` ⏎ ``<task>`` …): no bare number opens
    the first rows, so each row is closed by its units (:func:`_rows_closed_by_units`); the header
    names a task column and one or two unit columns, nothing else."""
    head = [c for c in cells[:4] if not _section_cell(c.text)]
    if not head or any(BARE_NUMBER.match(c.text) for c in cells[:4]):
        return None
    kinds = [column_kind(c.text) for c in header]
    units = [i for i, kind in enumerate(kinds) if kind == "unit"]
    tasks = [i for i in range(units[0]) if kinds[i] == "task"] if units else []
    if not tasks or len(units) > 2 or not all(kind in ("task", "unit", "deadline", "person") for kind in kinds[1:]):
        return None
    return _rows_closed_by_units(header, tasks[-1], units[0], cells, units[1] if len(units) == 2 else None)


ROW_JUMP_MAX = 100  # an excerpted list skips rows (6, 52, 53); 35611 after row 4 is a figure
WRITTEN_TASK_NUMBER = re.compile(r"^\s*(\d{1,3})[.．、](?!\d)")


def _section_cell(text: str) -> bool:
    """``一、2024年全区经济社会发展主要预期目标``: a section row of the table (一、 or （一）)."""
    return len(fold(text)) <= 40 and section_heading(text) is not None


SENTENCE_MARKS = re.compile(r"[。；;，,：:]")


def _title_row(cells: list[Cell], position: int) -> bool:
    """``经济社会发展主要预期目标分解（15项）`` ⏎ ``1``: a section row without a number, right under
    the header: a short title, no sentence, and the first row's 序号 next."""
    text = cells[position].text
    following = cells[position + 1].text if position + 1 < len(cells) else ""
    found = BARE_NUMBER.match(following)
    return len(fold(text)) <= 40 and not SENTENCE_MARKS.search(text) and found is not None and found.group(1) == "1"


def _holds_written(cells: list[Cell]) -> bool:
    return any(WRITTEN_TASK_NUMBER.match(cell.text) for cell in cells)


def _written_column(cells: list[Cell], header: list[Cell], has_number: bool) -> int | None:
    """The header column of a first row's numbered task cell, when the row is full (one cell a column)."""
    offset = 1 if has_number else 0
    if len(cells) + offset != len(header):
        return None
    return next((i + offset for i, cell in enumerate(cells) if WRITTEN_TASK_NUMBER.match(cell.text)), None)


def _next_is_number(lines: tuple[SourceLine, ...], index: int) -> bool:
    following = next((line for line in lines[index + 1 : index + 3] if line.text.strip()), None)
    return following is not None and BARE_NUMBER.match(following.text) is not None


UNNUMBERED_MIN_ROWS = 2
WIDE_HEADER = 5


# 工作进展、取得成效, 监督方式, 备注: columns that report on the task, inside a header once it began.
REPORT_HEADER = re.compile(r"进展|成效|完成情况|落实情况|推进情况|备注|监督方式|督办方式|考核方式|存在问题|下步|后续")


def _unnumbered_cell_table(lines: tuple[SourceLine, ...], index: int, taken: set[int]) -> Table | None:
    """Header cells a line each, all of a known kind, then rows of exactly as many cells, as long
    as each row's unit cell holds units: without a 序号 nothing else tells where a row ends.
    Cells are read only as far as rows are found, so that a failed start costs its header."""
    cells = _iter_cells(lines, index, taken)
    header: list[Cell] = []
    for cell in cells:
        if not header and section_heading(cell.text):
            return None  # 三、任务分解 ⏎ 任务 ⏎ 完成时间 …: the section's title above the header, no column
        if len(header_text(cell.text)) > 12 or (column_kind(cell.text) == "other" and not (header and REPORT_HEADER.search(fold(cell.text)))) or len(header) == MAX_HEADER_CELLS:
            pending = [cell]
            break
        header.append(cell)
    else:
        pending = []
    kinds = [column_kind(c.text) for c in header]
    if len(header) < 3 or not header_is_table([c.text for c in header]) or "unit" not in kinds:
        return None
    width, unit_columns = len(header), [i for i, kind in enumerate(kinds) if kind == "unit"]
    rows: list[tuple[Cell | None, list[Cell]]] = []
    read: list[Cell] = list(pending)  # every cell taken from the generator, for the second reading
    while len(rows) < MAX_ROWS:
        row = pending + [cell for _, cell in zip(range(width - len(pending)), cells)]
        read.extend(row[len(pending) :])
        pending = []
        if len(row) < width or not all(unit_strength(row[i].text) > 0 for i in unit_columns) or any(column_kind(c.text) == "number" for c in row):
            break
        rows.append((None, row))
    # (one row is a table where a wide header says so, its unit cell holding units: a page cut
    # after the first row)
    single = len(rows) == 1 and width >= WIDE_HEADER
    if len(rows) < UNNUMBERED_MIN_ROWS and not single:
        tasks = [i for i in range(unit_columns[0]) if kinds[i] == "task"]
        if not tasks or len(unit_columns) > 2:
            return None
        rest = read + [cell for _, cell in zip(range(20 * MAX_ROWS), cells)]
        found = None
        if len(unit_columns) == 1 and all(kind in ("task", "unit", "deadline", "person") for kind in kinds):
            found = _rows_closed_by_units(header, tasks[-1], unit_columns[0], rest)
        if found is None and all(kind in ("task", "unit") for kind in kinds):
            found = _rows_by_written_numbers(header, tasks[0], unit_columns, rest)
        return found
    return to_table(header, rows, header[0].line, rows[-1][1][-1].line)


def _rows_closed_by_units(header: list[Cell], task_column: int, unit_column: int, cells: list[Cell], second_unit_column: int | None = None) -> Table | None:
    """A header a cell a line (``一级指标 … 五级指标 | 责任科室``, ``任务 | 完成时间 | 负责单位 | 负责人``)
    whose rows lost their merged cells in the flattening (the higher levels given only where they
    change, a time or a leader shared with the row above): rows of uneven length, each closed by
    its units. The row's task is the last cell before its units that is no time, leader or score
    (the lowest level); a task cell the page broke (``…检查结`` ⏎ ``果及处理信息``) is joined back.
    Only the task and the units are kept; a row without units of its own is left out. With a
    ``second_unit_column`` (``责任单位 | 配合单位``), a row's first unit cell is the first column's and
    the cells after it the second's (an empty second cell leaves one unit cell)."""
    rows: list[tuple[Cell | None, list[Cell]]] = []
    start = index = 0
    while index < len(cells) and len(rows) < MAX_ROWS:
        if not _unit_cell(cells[index].text) or index == start:
            index += 1
            continue
        end = index
        while end + 1 < len(cells) and _unit_cell(cells[end + 1].text):
            end += 1
        at = next((k for k in range(index - 1, start - 1, -1) if _row_task(cells[k].text)), None)
        if at is None:
            return None
        task = [cells[at]]
        # (the higher levels each come with a score cell, 23 ⏎ 3 ⏎ 0.5: the cell right before a task
        # is a score or a time unless the page broke the task)
        if at - 1 >= start and len(fold(task[0].text)) <= BROKEN_TASK_MAX and _row_task(cells[at - 1].text) and not re.search(r"[。；;）)]$", cells[at - 1].text):
            task.insert(0, cells[at - 1])
        # 3.主动公开… ⏎ 4.及时公开… ⏎ 5.强化… ⏎ 法规科、医药科: points numbered in one task cell,
        # closed by one unit cell, are each a task of those units (else all but the last were lost).
        tasks = [task]
        written = WRITTEN_TASK_NUMBER.match(task[0].text) if len(task) == 1 else None
        first = at
        while written and first - 1 >= start:
            before = WRITTEN_TASK_NUMBER.match(cells[first - 1].text)
            if not before or int(before.group(1)) != int(written.group(1)) - 1 or not _row_task(cells[first - 1].text):
                break
            first, written = first - 1, before
            tasks.insert(0, [cells[first]])
        named = first - 1 - (len(task) - 1 if len(tasks) == 1 else 0)
        for cells_of_task in tasks:
            row = [Cell("", cells_of_task[0].offset, cells_of_task[0].line, cells_of_task[0].page) for _ in header]
            row[task_column] = join(cells_of_task)
            if second_unit_column is not None and end > index:
                row[unit_column], row[second_unit_column] = cells[index], join(cells[index + 1 : end + 1])
            else:
                row[unit_column] = join(cells[index : end + 1])
            # 重点工作 | 具体任务 | 责任单位: the short cell before the task names it (严格定点协议管理)
            if task_column > 0 and column_kind(header[task_column - 1].text) == "task" and named >= start and _names_a_task(cells[named].text):
                row[task_column - 1] = cells[named]
            rows.append((None, row))
        start = index = end + 1
    if len(rows) < UNNUMBERED_MIN_ROWS:
        return None
    return to_table(header, rows, header[0].line, rows[-1][1][-1].line, by_position=True)


def _rows_by_written_numbers(header: list[Cell], task_column: int, unit_columns: list[int], cells: list[Cell]) -> Table | None:
    """A header a cell a line without 序号 (``主要工作任务 | 牵头单位 | 责任单位``) whose tasks are numbered
    in their own cell (``1.主动对接…``), section rows between (``一、优结构…``): each number opens a row,
    the unit cells after it close it. A column's list broken over lines gives several unit cells:
    the last is the last unit column's, those before it the first's (``发改局`` ⏎ ``区工信局`` ⏎
    ``各街道办事处``: two leads, one responsible)."""
    rows: list[tuple[Cell | None, list[Cell]]] = []
    previous = 0
    current: list[Cell] | None = None

    def close() -> None:
        if current is None:
            return
        task, units = current[0], [c for c in current[1:] if unit_strength(c.text) > 0]
        if not units:
            return
        row = [Cell("", task.offset, task.line, task.page) for _ in header]
        row[task_column] = task
        if len(unit_columns) == 1 or len(units) == 1:
            row[unit_columns[0]] = join(units)
        else:
            row[unit_columns[0]], row[unit_columns[-1]] = join(units[:-1]), units[-1]
        rows.append((None, row))

    for cell in cells:
        written = WRITTEN_TASK_NUMBER.match(cell.text)
        number = int(written.group(1)) if written else None
        if number is not None and number in (previous + 1, 1):
            close()
            current, previous = [cell], number
        elif section_heading(cell.text) and (current is None or len(current) > 1):
            close()
            current = None
            section = [Cell("", cell.offset, cell.line, cell.page) for _ in header]
            section[task_column] = cell
            rows.append((None, section))
        elif current is not None and (unit_strength(cell.text) > 0 or len(current) > 1):
            if len(current) > 1 and unit_strength(cell.text) == 0:
                break  # prose after the units: the table ended
            current.append(cell)
        elif current is not None:
            current[0] = join([current[0], cell])  # the task cell broken over lines
        elif rows:
            break
        if len(rows) >= MAX_ROWS:
            break
    close()
    if sum(1 for _, row in rows if any(row[i].text for i in unit_columns)) < UNNUMBERED_MIN_ROWS:
        return None
    return to_table(header, rows, header[0].line, max(c.line for c in rows[-1][1] if c.text), by_position=True)


NAMED_TASK_MAX = 16


def _names_a_task(text: str) -> bool:
    """A short cell naming a task (严格定点协议管理), not a sentence, a section (一、…) or units."""
    folded = fold(text)
    return 2 <= len(folded) <= NAMED_TASK_MAX and not re.search(r"[。；;，,]", folded) and not section_heading(text) and not _unit_cell(text)


def _unit_cell(text: str) -> bool:
    # (召开…筹备会。 ends like a name of a 会, but a sentence is no list of names)
    return unit_strength(text) > 0 and not text.rstrip().endswith(("。", "；", ";"))


def _row_task(text: str) -> bool:
    """A cell that can state a row's task: not a time, a leader, a score or a unit."""
    return len(fold(text)) >= ROW_TASK_MIN and not _unit_cell(text) and affinity(text, "deadline") < 3.0 and affinity(text, "person") <= 0


BROKEN_TASK_MAX = 16  # the piece of a task cell the page broke off
ROW_TASK_MIN = 6


def _iter_cells(lines: tuple[SourceLine, ...], start: int, taken: set[int], limit: int | None = None):
    """Each non-blank line from ``start`` on is one cell (a closing ``|`` dropped), up to a line
    another table took, or ``limit`` lines."""
    end = len(lines) if limit is None else min(len(lines), start + limit)
    for index in range(start, end):
        line = lines[index]
        if line.number in taken:
            return
        text = TRAILING_BAR.sub("", line.text)
        cell = _cell(line, 0, len(text))
        if cell is not None:
            yield cell


def _one_cell_lines(lines: tuple[SourceLine, ...], start: int, taken: set[int]) -> list[Cell]:
    return list(_iter_cells(lines, start, taken, 20 * MAX_ROWS))
