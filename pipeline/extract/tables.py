"""Tables of responsibility (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) turned into item text.

Each body row becomes the text of one item in the labelled-line form the clause finders
already read: the task, then one ``<header>：<cell>`` line per role column (牵头单位 → lead,
配合/协同 → support, 责任 → responsible, 牵头领导 → a person, 完成时限 → a deadline). A cell
that carries its own role words (``X牵头，Y配合``) is read as a clause instead. Every
character keeps the source offset of the cell character it came from. Rows whose cells
are all the same (a merged row such as ``一、项目建设``) are section headings; rows that
share a merged task cell make one item with one attribution per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..heal import heal_line
from ..layout.columns import DIVISION_HEADER, NUMBER_HEADERS, PROBLEM_HEADER, PROGRESS_HEADER, TASK_HEADER, UNIT_HEADER, UNITS_NOUN_END, column_kind, fold, header_text, names_then_states, section_heading, stating_column, trailing_person
from ..model import Table, TableCell
from .normalise import to_simplified
from .responsibility import label_role, looks_like_unit, vocabulary



WRITTEN_NUMBER = re.compile(r"(\d{1,5})[.．、](?!\d)")
# 1.2在学校门口…: a sub-target numbered under its group (1、宣传氛围) in a table without 序号
DECIMAL_NUMBER = re.compile(r"(\d{1,3}[.．]\d{1,3})(?=[\u4e00-\u9fff“「《（(])")


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    kind: str  # "number", "title" (names the task stated in "task"), "task", "label"
    label: str = ""


@dataclass(frozen=True, slots=True)
class RowText:
    """What a table row contributes to the outline: a heading, or an item's number and text."""

    text: str
    origins: tuple[int, ...]
    line: int
    page: int | None
    number: str | None  # None for a section row (its text is a heading)


UNIT_ROLES = ("lead", "support", "responsible")
CANONICAL_LABELS = {"lead": "牵头单位", "support": "配合单位", "responsible": "责任单位"}


def _header_text(table: Table, index: int) -> str:
    parts = [row[index].text for row in table.rows[: table.header_rows] if index < len(row)]
    return fold("".join(dict.fromkeys(parts)))


def classify_columns(table: Table) -> list[Column]:
    """Number, task and role columns, from the header; unrecognised columns are ignored."""
    labels = [label for label, _ in vocabulary().labels]
    columns = []
    width = max(len(r) for r in table.rows) if table.rows else 0
    task_seen = False
    task_index = _task_column(table, width, labels)
    title_index = _title_column(table, task_index)
    for index in range(width):
        header = _header_text(table, index)
        label = next((l for l in labels if l in header), None)
        if label is None and index < len(table.inferred_labels) and table.inferred_labels[index]:
            label = table.inferred_labels[index]
        # (系统内责任处、局、单位: longer, closed by the units it holds)
        short = len(header) <= 8 or (len(header) <= 14 and UNITS_NOUN_END.search(header) is not None)
        if label is None and short and label_role(header) is not None and not TASK_HEADER.search(header) and column_kind(header) != "person":
            label = header  # 责任处室, 主责部门, 协办科室: a label by its role words
            if not vocabulary().label_regex.fullmatch(f"{label}："):
                # 负责组织: a header the clause reader would not take for a label; the label of its role
                label = CANONICAL_LABELS.get(label_role(header) or "", label)
        bare = header_text(header)  # (落实科室(部门): the note after the name left out)
        if label is None and ((UNIT_HEADER.match(bare) and not TASK_HEADER.search(bare)) or DIVISION_HEADER.match(bare)):
            label = "责任单位"  # 涉及部门, 实施单位, 任务分工: a column of units without a role word
        if label:
            columns.append(Column(index, "label", label))
        elif header.startswith(NUMBER_HEADERS) and len(header) <= 3:
            columns.append(Column(index, "number"))
        elif not task_seen and (index == task_index if task_index is not None else index == 1):
            columns.append(Column(index, "task"))
            task_seen = True
        elif not task_seen and index == title_index:
            columns.append(Column(index, "title"))  # 名称 | 工作任务: the task's name, before its text
    labels_used = {c.label for c in columns if c.kind == "label"}
    if "第一责任单位" in labels_used:
        # Beside a 第一责任单位 (the lead), the 主要责任单位 are the others responsible.
        columns = [Column(c.index, c.kind, "责任单位") if c.label == "主要责任单位" else c for c in columns]
    return columns


def _task_column(table: Table, width: int, labels: list[str]) -> int | None:
    """The task column: of the columns whose header names a task (项目类别, 具体内容), the one
    filled in most rows, since a category column is often merged or left empty."""
    candidates = []
    for index in range(width):
        header = _header_text(table, index)
        if (TASK_HEADER.search(header) or PROBLEM_HEADER.search(header)) and not PROGRESS_HEADER.search(header) and not any(l in header for l in labels) and not (header.startswith(NUMBER_HEADERS) and len(header) <= 3):
            filled = sum(1 for row in table.rows[table.header_rows :] if index < len(row) and row[index].text.strip())
            candidates.append((index, filled))
    if not candidates:
        return None
    most = max(filled for _, filled in candidates)
    full = [index for index, filled in candidates if filled * 5 >= most * 4]
    stating = stating_column([_header_text(table, i) for i in range(width)], [index for index, _ in candidates])
    if stating in full:
        return stating  # 指标 | 工作任务: the first names the task, the second states it
    if len(full) > 1 and _numbered_sections(table, full[0]):
        return full[1]  # 项目: 一、违章建筑… | 责任分解内容: 全面落实…: the first names sections, the next states tasks
    return full[0]


def _title_column(table: Table, task_index: int | None) -> int | None:
    """The column right before the task that names it (指标 | 工作任务, 名称 | 工作任务), unless its
    cells number sections (类别: 四、教育文化), which the rows' sections say already."""
    if not task_index:
        return None
    before = task_index - 1
    if not names_then_states(_header_text(table, before), _header_text(table, task_index)):
        return None
    if any(_section_number(row[before].text) for row in table.rows[table.header_rows :] if before < len(row)):
        return None
    return before


def _section_number(text: str) -> str | None:
    """``一`` of ``一、违章建筑``, ``三`` of ``（三）…``: a cell that opens with a section number."""
    found = section_heading(text)
    return found[1] if found and found[1] else None


def _numbered_sections(table: Table, index: int) -> bool:
    cells = [row[index].text for row in table.rows[table.header_rows :] if index < len(row) and row[index].text.strip()]
    return len(cells) >= 2 and sum(1 for text in cells if _section_number(text)) * 5 >= len(cells) * 3


INNER_SPACE = re.compile(r"\s")


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origins: list[int] = []

    def synthetic(self, text: str, origin: int) -> None:
        self.chars.extend(text)
        self.origins.extend([origin] * len(text))

    def cell(self, cell: TableCell, units: bool = False) -> None:
        """The cell's healed text; in a unit cell, line breaks and spaces between units become 、
        (``縣民政局 各相關鄉鎮街道`` is two units)."""
        offset = cell.offset
        pending_break: int | None = None
        pieces = self._pieces(cell, units)
        broken = units and _one_name_broken([line for line, _ in pieces])
        for line, offset in pieces:
            healed, columns = heal_line(line)
            if healed:
                if pending_break is not None:
                    if units and not broken and self._piece_is_whole():
                        self.synthetic("、", pending_break)
                    elif self.chars and self.chars[-1].isascii() and healed[0].isascii():
                        self.synthetic(" ", pending_break)
                self.chars.extend(healed)
                self.origins.extend(offset + c for c in columns)
                pending_break = offset + len(line)

    @staticmethod
    def _pieces(cell: TableCell, units: bool) -> list[tuple[str, int]]:
        """``(text, offset)`` of each line of the cell; in a unit cell, of each space-separated piece."""
        pieces, offset = [], cell.offset
        for line in cell.text.split("\n"):
            if units and INNER_SPACE.search(line.strip()):  # (a no-break or ideographic space too)
                pieces.extend((found.group(0), offset + found.start()) for found in re.finditer(r"\S+", line))
            else:
                pieces.append((line, offset))
            offset += len(line) + 1
        return pieces

    def _piece_is_whole(self) -> bool:
        """Whether the text since the last separator is a whole unit name (``市数据资源`` ⏎ ``管理局`` is not)."""
        text = "".join(self.chars)
        piece = re.split(r"[、，,；;：:\n（(]", text)[-1]
        # (one character, 市 of 卫局、市 ⏎ 规划局, is the start of the next name)
        return not piece or (len(piece) > 1 and looks_like_unit(to_simplified(piece))) or piece.endswith(("等", "）", ")"))

    def text(self) -> str:
        return "".join(self.chars)


BROKEN_NAME_PIECE = 6  # characters a line of a narrow column holds (市 ⏎ 发 ⏎ 改 ⏎ 委)


def _one_name_broken(lines: list[str]) -> bool:
    """A narrow column wrote one name over several lines (``市政`` ⏎ ``府办`` ⏎ ``公厅``): the pieces,
    all short and not all names, make one name together."""
    pieces = [to_simplified(line.strip()) for line in lines if line.strip()]
    if len(pieces) < 2 or any(len(piece) > BROKEN_NAME_PIECE or re.search(r"[、，,；;\s]", piece) for piece in pieces):
        return False
    return not all(looks_like_unit(piece) for piece in pieces) and looks_like_unit("".join(pieces))


def carry_clauses(texts: list[str], share: float) -> bool:
    """At least ``share`` of the task cells ``texts`` carry their own clause (``…（责任单位：市建设局）``):
    a table with no unit column is still a task table."""
    from .responsibility import text_to_attributions

    return bool(texts) and sum(1 for text in texts if text_to_attributions(text)) >= share * len(texts)


def _tasks_attribute(table: Table, task_col: Column | None) -> bool:
    if task_col is None:
        return False
    cells = [row[task_col.index].text for row in table.rows[table.header_rows :] if task_col.index < len(row) and row[task_col.index].text.strip()]
    return carry_clauses(cells, 0.5)


def _tasks_numbered(table: Table, task_col: Column | None, number_col: Column | None) -> bool:
    """The task cells number the items themselves, counting on across the 序号 groups
    (序号 1 ⏎ 1.… 2.… ⏎ 序号 1 ⏎ 12.…): the 序号 then numbers groups, not items."""
    if task_col is None or number_col is None:
        return False
    numbers = []
    for row in table.rows[table.header_rows :]:
        if task_col.index < len(row) and (found := WRITTEN_NUMBER.match(row[task_col.index].text.strip())):
            numbers.append(int(found.group(1)))
    return len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


LEVEL_HEADER = re.compile(r"^[一二三四五六]级")


def _level_columns(table: Table, task_col: "Column | None") -> list[int]:
    """The task column and the columns after it that name levels of the task (一级要点 | 二级要点,
    一级指标 … 三级指标), where two or more do; else none."""
    if task_col is None:
        return []
    width = max(len(r) for r in table.rows) if table.rows else 0
    headers = [_header_text(table, i) for i in range(width)]
    named = [i for i in range(task_col.index, width) if LEVEL_HEADER.match(headers[i]) and column_kind(headers[i]) == "task"]
    if len(named) < 2:
        return []
    return [task_col.index] + [i for i in range(task_col.index + 1, named[-1] + 1) if column_kind(headers[i]) == "task"]


def row_texts(table: Table) -> list[RowText]:
    columns = classify_columns(table)
    number_col = next((c for c in columns if c.kind == "number"), None)
    task_col = next((c for c in columns if c.kind == "task"), None)
    title_col = next((c for c in columns if c.kind == "title"), None)
    if not any(c.kind == "label" for c in columns) and not _tasks_attribute(table, task_col):
        return []
    out: list[RowText] = []
    previous_key = previous_number = None
    previous_cells: set[tuple[int, int]] = set()
    numbered_tasks = _tasks_numbered(table, task_col, number_col)
    levels = _level_columns(table, task_col)
    for row in table.rows[table.header_rows :]:
        texts = [c.text.strip() for c in row if c.text.strip()]
        if not texts:
            continue
        first = row[0]
        if len(set(texts)) == 1 and len(row) > 1:
            healed, cols = heal_line(texts[0].replace("\n", ""))
            out.append(RowText(healed, tuple(first.offset + c for c in cols), first.line or 0, first.page, None))
            previous_key = previous_number = None
            continue
        builder = _Builder()
        task = row[task_col.index] if task_col and task_col.index < len(row) else None
        if levels:
            # 工作要求 | 一级要点 | 二级要点: the row's task is its lowest level written (the higher ones
            # are merged cells, given only in the first row they span, or sections)
            task = next((row[i] for i in reversed(levels) if i < len(row) and row[i].text.strip()), task)
        number_cell = row[number_col.index] if number_col and number_col.index < len(row) else None
        key = (task.offset if task is not None else None)
        number_key = number_cell.offset if number_cell is not None and number_cell.text.strip() else None
        # A merged task cell, or a sub-row that shares its row's 序号 (a merged number cell) —
        # unless its task cell carries a number of its own (序号 1 ⏎ 1.地区生产总值… ⏎ 2.一般公共…).
        written_task = WRITTEN_NUMBER.match(task.text.strip()) if task is not None and key != previous_key else None
        merged = previous_key is not None and (key == previous_key or (number_key is not None and number_key == previous_number and written_task is None))
        title = row[title_col.index] if title_col and title_col.index < len(row) and row[title_col.index].text.strip() else None
        if title is not None and task is not None and task.text.strip() and key != previous_key and fold(title.text) not in fold(task.text):
            # 财政收入 | 地方财政一般预算收入增长12%: the name, then the task, make the item's title
            builder.cell(title)
            if not builder.text().endswith(("。", "：", ":", "——")):
                builder.synthetic("——", title.offset + len(title.text))
        if task is not None and task.text.strip() and key != previous_key:
            builder.cell(task)
        for column in columns:
            if column.kind != "label" or column.index >= len(row) or not row[column.index].text.strip():
                continue
            cell = row[column.index]
            if merged and (column.index, cell.offset) in previous_cells:
                continue  # the unit cell merged over both rows of one item: its units are the item's once
            person = trailing_person(cell.text) if "\n" not in cell.text.strip() and label_role(column.label) in UNIT_ROLES else None
            if person is not None:
                # 市民政局 伍泽国 (牵头单位及主要负责人): the unit under its label, its head as a person
                start = cell.offset + (len(cell.text) - len(cell.text.lstrip()))
                builder.synthetic(f"\n{column.label}：", cell.offset)
                builder.cell(replace(cell, text=person[0], offset=start), units=True)
                named = cell.text.rindex(person[1])
                builder.synthetic("\n责任人：", cell.offset + named)
                builder.cell(replace(cell, text=person[1], offset=cell.offset + named))
                continue
            simple = to_simplified(cell.text)
            if vocabulary().role_word_regex.search(simple.replace("\n", "，")):
                builder.synthetic("\n（", cell.offset)
                builder.cell(cell, units=True)
                builder.synthetic("）", cell.offset + len(cell.text))
            else:
                builder.synthetic(f"\n{column.label}：", cell.offset)
                builder.cell(cell, units=True)
        anchor = task or first
        number = re.sub(r"[\s.．、。]", "", number_cell.text) if number_cell is not None else ""
        if not number and task_col is not None:
            # no 序号: a section column before the task numbers the row (一、违章建筑… | 全面落实…)
            number = next((n for c in row[: task_col.index] if (n := _section_number(c.text))), "")
        # A target numbered within a merged 序号: its own number is the item's.
        own_number = written_task is not None and (numbered_tasks or (number_key is not None and number_key == previous_number))
        if merged and out and out[-1].number is not None:
            last = out[-1]
            # A merged task cell: one item, one attribution per row (a blank line separates them).
            text = last.text + "\n" + builder.text()
            out[-1] = RowText(text, last.origins + (last.origins[-1],) + tuple(builder.origins), last.line, last.page, last.number)
        else:
            text, origins = builder.text(), tuple(builder.origins)
            written = (DECIMAL_NUMBER.match(text) or WRITTEN_NUMBER.match(text)) if number_col is None or own_number else None
            if written:  # no 序号 column (or a group's): the task cell carries its number (14.改扩建…)
                number, text, origins = written.group(1), text[written.end() :], origins[written.end() :]
            out.append(RowText(text, origins, anchor.line or first.line or 0, anchor.page, number or str(len(out) + 1)))
        previous_key, previous_number = key, number_key
        previous_cells = {(column.index, row[column.index].offset) for column in columns if column.kind == "label" and column.index < len(row)}
    return out
