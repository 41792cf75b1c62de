"""Column roles from a header, and the alignment of a flattened row's cells to its columns.

Flattening a table loses its empty cells, and a merged cell stands only in the first row
it spans, so the i-th cell of a row is not the i-th column. :func:`align` places the cells
in order (each column takes a run of consecutive cells, or none) so that each lands in a
column whose kind fits it: unit lists under unit columns, dates under the deadline, names
under the person column, prose under the task. A dynamic programme over (cells, columns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..heal import heal_line
from ..model import TableCell
from ..extract.normalise import to_simplified

NUMBER_HEADERS = ("序号", "编号", "序")
TASK_HEADER = re.compile(r"任务|内容|措施|事项|项目|工作|目标|指标|名称|举措|要点|职责|^具体要求$|^(?:分组|组别)$")  # (督查组分组表: a row per group)
# 问题描述, 存在问题: in a rectification or inspection list the problem is the task (a task column
# only when no role word made the header a label: 问题整改责任单位 is one).
PROBLEM_HEADER = re.compile(r"问题(?:描述|清单|表现|情况)?$|^问题")
# Of two task headers, 指标 | 工作任务 or 名称 | 工作任务: the first names the task (a title, often
# merged over several rows), the one that says 任务/内容/措施 states it.
STATING_HEADER = re.compile(r"^(?:工作|重点|具体|主要)?(?:任务|措施|举措)$|问题")  # (not 内容: 项目名称 | 建设内容 names the project first)
NAMING_HEADER = re.compile(r"^[\u4e00-\u9fff]{0,2}名称$|^(?:项目|工作|目标)?(?:指标|项目)$")  # (not 类别: a category is a section)
# 评分部门, 联系单位: a column of units the header gives no role in the task.
NAMED_UNITS_HEADER = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:部门|单位|处室|科室)$")  # (not 单位 alone: a unit of measure)
# 涉及部门, 实施单位, 主管部门: a short header naming units without a role word (read as responsible).
UNITS_NOUN_END = re.compile(r"(?:单位|部门|处室|科室|股室)$")
UNIT_HEADER = re.compile(r"^(?:涉及|实施|主管|执行|职能|相关|落实|承担|归口|具体|申报)?(?:部门|处室|科室)$|^(?:涉及|实施|主管|执行|职能|落实|承担|归口|申报)单位$")
# 任务分工, 工作分工: the column that divides the work names who does it (read as responsible).
DIVISION_HEADER = re.compile(r"^(?:任务|工作)?分工$")  # (not 职责分工: what the units do)
# Columns that report on a task rather than state it (完成情况, 完成率, 进展, 备注).
PROGRESS_HEADER = re.compile(r"完成情况|完成率|进展|进度|成效|备注|落实情况|推进情况|占.{0,4}比|已完成")
DEADLINE_HEADER = re.compile(r"时限|时间|期限|日期|进度安排|时间节点")
DEADLINE_CELL = re.compile(r"\d{4}年|\d{1,2}月|年底|年末|月底|月末|季度|全年|长期|持续|常态|年内|上半年|下半年|前完成|\d{4}[-.]\d{1,2}")
PERSON_CELL = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[、，,][\u4e00-\u9fff]{2,4})*")
MEASURE_CELL = re.compile(r"[-—\d.,，%％万亿个元人户家所座台套公里千米吨年月日/（）()≥≤以上下-]+")
LABELLED = re.compile(r"[:：]\s*\S")
DEADLINE_REST_MAX = 6  # characters of a deadline cell besides its times (每季度报送一次, 长期坚持)
MAX_CELLS = 60
MAX_GROUP = 6
OTHER_JOIN_PENALTY = 0.2
UNIT_JOIN_PENALTY = 1.5  # a unit name broken in two is rarer than a task cell broken in two
UNIT_LINES_PENALTY = 0.3  # less than a unit cell's worth: whole names a line each are one cell


# 工作任务 | 具体要求, 工作要点 | 具体要求: a topic shared by a group of rows, then each row's requirement.
TOPIC_HEADER = re.compile(r"^(?:工作|重点|主要)?(?:任务|要点|领域|内容)$|^(?:重点|主要)工作$")
REQUIREMENT_HEADER = re.compile(r"^(?:具体|工作|主要)?要求$|^具体(?:内容|措施|任务|举措)$")


def names_then_states(naming: str, stating: str) -> bool:
    """Two neighbouring headers of which the first names the task and the second states it."""
    naming, stating = fold(naming), fold(stating)
    if TOPIC_HEADER.match(naming) and REQUIREMENT_HEADER.match(stating):
        return True
    return NAMING_HEADER.match(naming) is not None and STATING_HEADER.search(stating) is not None


def stating_column(headers: list[str], candidates: list[int]) -> int | None:
    """The task column among ``candidates`` (indexes of task headers) when the first only names
    the task and the next column states it; ``None`` when the first is the task column."""
    # (the next column only: 项目名称 | 责任单位 | 目标任务 states the task first and reports a target after)
    if len(candidates) < 2 or candidates[0] + 1 not in candidates:
        return None
    following = candidates[0] + 1
    return following if names_then_states(headers[candidates[0]], headers[following]) else None


@dataclass(frozen=True, slots=True)
class Cell:
    """A cut piece of a line (or of several): its text and where it stands in the source."""

    text: str
    offset: int
    line: int
    page: int | None

    def table_cell(self) -> TableCell:
        return TableCell(self.text, self.offset, self.line, self.page)


def fold(text: str) -> str:
    """Healed, simplified, without spaces or bars: the form that headers and cells are judged in."""
    # The table finders fold every line and cell, some several times: short texts are kept (bounded).
    return _folded(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


FOLD_CACHED_CHARS = 256  # with 4,096 entries: at most ~8 MB per process


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    return re.sub(r"[\s|｜]+", "", to_simplified(heal_line(text)[0]))


# A note that a header cell carries after its name: 重点工作任务（民生实事项目）, 进展情况（一季度）.
HEADER_NOTE = re.compile(r"(?<=..)[（(][^（()）]{1,12}[)）]$")


def header_text(header: str) -> str:
    """A header cell folded, without the note after its name."""
    return HEADER_NOTE.sub("", fold(header))


@lru_cache(maxsize=2048)
def column_kind(header: str) -> str:
    """``number``, ``task``, ``unit``, ``person``, ``deadline`` or ``other``."""
    from ..extract.responsibility import label_role, vocabulary

    text = header_text(header)
    if not text:
        return "other"
    if text.startswith(NUMBER_HEADERS) and len(text) <= 3:
        return "number"
    known = dict(vocabulary().labels)
    role = known.get(text)
    if role is None and len(text) <= 8 and not TASK_HEADER.search(text.replace("责任", "")):
        role = label_role(text)
    if role is None and len(text) <= 14 and UNITS_NOUN_END.search(text) and not TASK_HEADER.search(text.replace("责任", "")):
        role = label_role(text)  # 系统内责任处、局、单位: a longer header, closed by the units it holds
    if role is None and len(text) <= 12:
        # 责任单位或牵头单位: two labels in one header cell (the table reader takes the first it knows)
        inside = next((label for label in known if label in text), None)
        if inside is not None and not TASK_HEADER.search(text.replace(inside, "").replace("责任", "")):
            role = known[inside]
    if role is None and UNIT_HEADER.match(text) and not TASK_HEADER.search(text):
        role = "responsible"
    if role is None and DIVISION_HEADER.match(text):
        role = "responsible"
    if role in ("lead", "support", "responsible") and not (text.endswith("人") and len(text) <= 5):
        return "unit"  # (负责人, 牵头人: a person, whatever role word names them)
    if role == "person" or (role is not None and text.endswith("人") and len(text) <= 5):
        return "person"
    if role == "deadline" or (DEADLINE_HEADER.search(text) and len(text) <= 8):
        return "deadline"
    if (TASK_HEADER.search(text) or PROBLEM_HEADER.search(text)) and not PROGRESS_HEADER.search(text):
        return "task"
    return "other"


SECTION_RANK = 2  # heading ranks 一、 (1) and （一） (2); 1. and below number the tasks themselves


def section_heading(text: str) -> tuple[int, str] | None:
    """``(rank, number)`` of a cell that opens with a section number (``一、违章建筑``, ``（三）…``)."""
    from ..extract.structure import match_heading

    found = match_heading(fold(text)) if text.strip() else None
    return (found[0], found[1]) if found and found[0] <= SECTION_RANK else None


def header_is_table(texts: list[str]) -> bool:
    """A header of a task table: a unit column and a number or task column, all cells short."""
    short = all(len(fold(t)) <= 20 for t in texts)
    if not short or len(texts) < 2:
        return False  # (before the kinds: most lines cut into cells are prose, not a header)
    if any(LABELLED.search(t) for t in texts):
        return False  # 主题词：公安执法  工作任务  责任分工: a label and its values, not column names
    kinds = [column_kind(t) for t in texts]
    if "unit" in kinds:
        return "number" in kinds or "task" in kinds
    # 序号 考核指标 … 备注: the unit column may be named otherwise; the rows will tell.
    return kinds[0] == "number" and "task" in kinds and len(texts) >= 3


# Suffixes that end ordinary words as often as names (厕所, 平台, 电站): weaker evidence of a unit.
WEAK_SUFFIXES = ("所", "台", "站", "室", "馆", "院", "会", "队", "社", "组", "团", "处", "科", "股", "市", "县", "区", "省", "乡", "镇", "部")


# A list of twenty divisions and the collectives below them runs past a hundred characters.
UNIT_LIST_MAX = 200


def unit_strength(text: str) -> float:
    """1 for a list of unit names, 0.5 when they end only in a weak suffix, 0 otherwise; names
    separated by spaces only (区城管局 区水投) are a list too; a group of a table that lists groups
    (第一组, 第十二组) names none."""
    text = to_simplified(text)  # (a traditional page's 婦聯, 相關部門: the vocabulary is simplified)
    if GROUP_ROW.fullmatch(text.strip()):
        return 0.0
    strength = _list_strength(text)
    if not strength and SPACE_RUN.search(text.strip()):
        strength = _list_strength(SPACE_RUN.sub("、", text.strip()))
    return strength


SPACE_RUN = re.compile(r"[ \u3000\u00a0]+")
GROUP_ROW = re.compile(r"第[一二三四五六七八九十\d]{1,3}(?:督查|检查|巡查|指导)?组")


def _list_strength(text: str) -> float:
    from ..extract.responsibility import is_collective, looks_like_unit, split_units, task_verbs

    if len(text) > UNIT_LIST_MAX or text.startswith(task_verbs()):
        return 0.0
    pieces = split_units(text)
    if not pieces:
        return 0.0
    strength = 1.0
    for index, (raw, _, _) in enumerate(pieces):
        if not (looks_like_unit(raw) or raw.endswith("部门")):
            if index and _short_sibling(raw, pieces[0][0]):
                strength = 0.5
                continue
            return 0.0
        if raw.endswith(WEAK_SUFFIXES) and not is_collective(raw) and not (len(raw) <= 8 and not re.search(r"\d", raw)):
            strength = 0.5
    return strength


def _short_sibling(raw: str, first: str) -> bool:
    """区水投 after 区城管局: a short form (区水利投资公司) written with the level of the unit before it."""
    from ..extract.responsibility import looks_like_unit

    return 3 <= len(raw) <= 5 and raw.startswith(LEVEL_PREFIXES) and first.startswith(raw[0]) and looks_like_unit(first)


SHORT_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[（(][\u4e00-\u9fff]{2,6}[）)])?")


# A name that opens with a level (区水投, 县城投) is a unit's short form, not a person's.
LEVEL_PREFIXES = ("省", "市", "县", "区", "镇", "乡", "州", "旗", "盟")
TRAILING_PERSON = re.compile(r"^(?P<units>.+?[^\s])[ \u3000\u00a0]+(?P<person>[\u4e00-\u9fff]{2,3})$")


def trailing_person(text: str) -> tuple[str, str] | None:
    """``(units, person)`` of a unit cell that ends with a person's name after a space
    (``市民政局 伍泽国`` under 牵头单位及主要负责人): the name is no unit by its form, the rest is."""
    from ..extract.responsibility import looks_like_unit

    found = TRAILING_PERSON.match(text.strip()) if len(text) <= 60 else None
    person = to_simplified(found.group("person")) if found else ""
    if found is None or looks_like_unit(person) or person.startswith(LEVEL_PREFIXES):
        return None
    return (found.group("units"), found.group("person")) if unit_strength(found.group("units")) == 1.0 else None


def units_then_predicate(text: str) -> bool:
    """A unit column's cell that says what its units do: names, then a predicate from its first verb
    (``拘留所、看守所制定``, ``警务保障室牵头制定``, ``国保、经侦、治安…和出入境对本单位…进行规范``).
    Short names that are no names by form count only in a list of three or more."""
    from ..extract.responsibility import PREDICATE, looks_like_unit, split_units

    found = PREDICATE.search(text, 2) if len(text) <= 120 else None
    if found is None:
        return False
    pieces = [raw for raw, _, _ in split_units(text[: found.start()])]
    if not pieces:
        return False
    named = sum(1 for raw in pieces if looks_like_unit(raw))
    short = sum(1 for raw in pieces if not looks_like_unit(raw) and SHORT_NAME.fullmatch(raw))
    return named + short == len(pieces) and (short == 0 or len(pieces) >= 3)


def _is_unit_list(text: str) -> bool:
    return unit_strength(text) > 0


@lru_cache(maxsize=8192)
def affinity(text: str, kind: str) -> float:
    """How well a cell's text fits a column kind (0 is neutral)."""
    t = fold(text)
    if not t:
        return 0.0
    size = len(t)
    if kind == "number":
        return 3.0 if t.isdigit() else -3.0
    strength = unit_strength(t)
    if not strength and SPACE_RUN.search(text.strip()):
        strength = unit_strength(text)  # 区城管局 区水投: folding took the space that parts them
    unitish = strength > 0
    if kind == "unit":
        if not unitish and units_then_predicate(t):
            return 2.0  # 拘留所、看守所制定: the units, then what they do
        if not unitish and trailing_person(text) is not None:
            return 2.5  # 市民政局 伍泽国: the unit and its head
        return 3.0 * strength if unitish else (-2.0 if size > 25 or "。" in t else -0.5)
    if kind == "deadline":
        if size > 24 or not DEADLINE_CELL.search(t):
            return -1.0
        # A time and little else; 全年组织开展…不少于100场 opens with a time and 洋县2024年老旧小区
        # 改造项目 holds one, but what is left of them is a task.
        rest = DEADLINE_CELL.sub("", t)
        return 3.0 if len(rest) <= DEADLINE_REST_MAX else 1.0
    if kind == "person":
        if not PERSON_CELL.fullmatch(t) or unitish:
            return -1.0
        # (names are two or three characters; four is rare, and as often a short title: 文化产业)
        return 0.5 if len(t) == 4 else 2.5
    if kind == "named":  # 评分部门, 联系单位: units, in a column that gives them no role in the task
        return 1.5 * strength if unitish else -0.5
    if kind == "title":  # 指标, 名称: a few words naming the task
        return 1.5 if size <= 12 and not re.search(r"[。；;，,]", t) and not unitish else -1.0
    if kind == "task":
        if unitish and size <= 20:
            return -1.0 if size < 6 else 0.5
        return 2.0 if size >= 4 else 0.5
    if MEASURE_CELL.fullmatch(t):
        return 1.0
    return 0.2 if not unitish else -0.5


def align(cells: list[Cell], kinds: list[str], join_penalty: float = 0.6) -> list[Cell | None] | None:
    """One entry per column: the cell (several cells joined) placed there, or ``None``.

    ``None`` for the whole row when its cells cannot be placed (more cells than fit)."""
    solved = solve(cells, kinds, join_penalty)
    return solved[1] if solved else None


def solve(cells: list[Cell], kinds: list[str], join_penalty: float = 0.6) -> tuple[float, list[Cell | None]] | None:
    """The best placement of ``cells`` in columns of ``kinds`` and its score."""
    n, m = len(cells), len(kinds)
    if n == 0 or n > MAX_CELLS:
        return None
    minus = float("-inf")
    # best[i][j]: best score with cells[:i] placed in columns[:j]; back[i][j]: where cells of column j-1 began
    best = [[minus] * (m + 1) for _ in range(n + 1)]
    back: list[list[int | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(m):
        for i in range(n + 1):
            if best[i][j] == minus:
                continue
            if best[i][j] > best[i][j + 1]:  # column j left empty
                best[i][j + 1] = best[i][j]
                back[i][j + 1] = i
            for k in range(i + 1, min(n, i + MAX_GROUP) + 1):
                # Cells merged under a column that reports figures cost little: a second header
                # row (sub-columns of a merged header cell) adds cells that no column names.
                penalty, joined = _join_penalty(cells[i:k], kinds[j], join_penalty) if k - i > 1 else (0.0, cells[i].text)
                score = best[i][j] + affinity(joined, kinds[j]) - penalty * (k - i - 1)
                if score > best[k][j + 1]:
                    best[k][j + 1] = score
                    back[k][j + 1] = i
    if best[n][m] == minus:
        return None
    placed: list[Cell | None] = [None] * m
    i = n
    for j in range(m, 0, -1):
        start = back[i][j]
        if start is None:
            return None
        if start < i:
            placed[j - 1] = join(cells[start:i])
        i = start
    return best[n][m], placed


BROKEN_PIECE = re.compile(r"[\u4e00-\u9fff]{2,10}")
SPACED_NAME = re.compile(r"[\u4e00-\u9fff][ \u3000\u00a0]+[\u4e00-\u9fff]")


def _join_penalty(cells: list[Cell], kind: str, default: float) -> tuple[float, str]:
    """What merging these cells under one column costs, per extra cell, and the text the column is
    judged on (whole names a line each as the list they make, not glued together)."""
    glued = _joined_text(cells)
    if kind == "other":
        return OTHER_JOIN_PENALTY, glued
    if kind != "unit":
        return default, glued
    texts = [fold(c.text) for c in cells]
    # 市数据资源 ⏎ 管理局: pieces of one name, none a name itself, all Chinese, together a name.
    lines_apart = all(a.line != b.line for a, b in zip(cells, cells[1:]))
    # 方 勇: a two-character name spaced to the width of three is a person, not a piece of a name.
    spaced_person = any(SPACED_NAME.fullmatch(c.text.strip()) for c in cells[:-1])
    if lines_apart and not spaced_person and all(BROKEN_PIECE.fullmatch(t) and not _is_unit_list(t) for t in texts[:-1]) and unit_strength("".join(texts)) == 1.0:
        return OTHER_JOIN_PENALTY, glued
    if lines_apart and not spaced_person and all(unit_strength(t) == 1.0 for t in texts):
        return UNIT_LINES_PENALTY, "、".join(c.text for c in cells)  # 文化宣传股 ⏎ 文化馆 ⏎ 图书馆: a unit a line
    return max(default, UNIT_JOIN_PENALTY), glued


def _joined_text(cells: list[Cell]) -> str:
    return "".join(c.text for c in cells)


def join(cells: list[Cell]) -> Cell:
    """Cells of one column as one cell. Its text is padded so that every character still
    stands at its source offset (line breaks across lines, spaces within one), which is
    what the table builder relies on; the padding heals away."""
    if len(cells) == 1:
        return cells[0]
    first = cells[0]
    text, position, line = first.text, first.offset + len(first.text), first.line
    for cell in cells[1:]:
        gap = max(0, cell.offset - position)
        text += ("\n" if cell.line != line else " ") * gap + cell.text
        position, line = cell.offset + len(cell.text), cell.line
    return Cell(text, first.offset, first.line, first.page)
