"""Field labels on a line of their own, the value on the next (a form or a record page)::

    具体任务
    全面落实疫情防控…
    责任单位
    卫健局、文旅局
    配合单位:
    各乡镇

Each such pair becomes the one line ``责任单位：卫健局、文旅局`` that the label readers know. The line
break becomes the colon, so every character keeps its offset; the line keeps the value's number,
where the units stand. A label is taken only where it names a role, a deadline or a task, or ends in
its own colon, and only where a plain value follows (not another label, not a heading).
"""

from __future__ import annotations

import re

from ..model import SourceLine

FIELD_LINE = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,8})\s*(?P<colon>[:：])?\s*$")
TASK_FIELD = re.compile(r"(?:具体|工作|重点|主要|目标)?任务$|^(?:工作|整改|交办)?内容$|^(?:交办单|项目)?(?:标题|名称)$")
MIN_FIELDS = 2  # one lone label line is a heading or a cell; a record has several


def _label(text: str) -> tuple[str, bool] | None:
    found = FIELD_LINE.match(text)
    return (found.group("label"), found.group("colon") is not None) if found else None


def _is_field(label: str, colon: bool) -> bool:
    """A label by its colon, or one the notices use (责任单位, 完成时限), or a task's field; not a
    line that merely holds a role word (市发改委牵头落实 is a unit cell)."""
    from ..extract.responsibility import known_labels, label_role, vocabulary

    if colon or label in known_labels() or TASK_FIELD.search(label):
        return True
    return label_role(label) is not None and vocabulary().label_regex.fullmatch(label + "：") is not None


TASK_VALUE_MIN = 6  # a task field's value is a sentence, not a header cell (任务 ⏎ 主要内容)


def join_field_lines(lines: tuple[SourceLine, ...], taken: set[int] = frozenset()) -> tuple[SourceLine, ...]:
    from ..extract.structure import match_heading

    pairs: dict[int, int] = {}  # index of a label line -> index of its value line
    index = 0
    while index + 1 < len(lines):
        line, value = lines[index], lines[index + 1]
        found = _label(line.text)
        if found is None or line.number in taken or value.number in taken or not _is_field(*found):
            index += 1
            continue
        text = value.text.strip()
        as_label = _label(value.text)
        if not text or (as_label is not None and _is_field(*as_label)) or match_heading(text) is not None or value.offset != line.offset + len(line.text) + 1:
            index += 1
            continue
        if TASK_FIELD.search(found[0]) and len(text) < TASK_VALUE_MIN:
            index += 1
            continue
        pairs[index] = index + 1
        index += 2
    if len(pairs) < MIN_FIELDS:
        return lines
    out: list[SourceLine] = []
    skip = set(pairs.values())
    for index, line in enumerate(lines):
        if index in skip:
            continue
        if index in pairs:
            value = lines[pairs[index]]
            label = line.text.rstrip()
            if label.endswith((":", "：")):
                label = label[:-1]
            # The colon stands where the line break (and a colon written) stood: offsets unchanged.
            gap = value.offset - line.offset - len(label)
            out.append(SourceLine(number=value.number, text=label + "：" + " " * (gap - 1) + value.text, offset=line.offset, page=value.page))
            continue
        out.append(line)
    return tuple(out)
