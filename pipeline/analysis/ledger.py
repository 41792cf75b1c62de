"""The office's 台账: one row per task with its lead, supporting and responsible units, and the
sheets that go with it (the role matrix, the task–unit pairs, each unit's workload per year).

Data only: :func:`documents_to_ledger` returns :class:`Sheet` rows; ``export.write_ledger``
turns them into a workbook (or the 台账 alone into a CSV) and decides how they print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..exporters.labels import DEFAULT_LANG, check_lang, label
from .matrix import documents_to_long
from ..model import ROLES, Document, Item

LEDGER_KEYS = ("seq", "doc", "section", "task", "content", "lead", "support", "responsible", "deadline", "targets", "source")
# Widest a column may grow (Excel width units: a Chinese character is two); the rest wraps.
LEDGER_CAPS = {"seq": 5, "doc": 12, "section": 12, "task": 18, "content": 120, "lead": 12, "support": 14,
               "responsible": 14, "deadline": 10, "targets": 12, "source": 8}
UNIT_KEYS = ("unit", "unit_type", "year", "lead_tasks", "support_tasks", "responsible_tasks", "tasks")
MATRIX_KEYS = ("seq", "doc", "section", "number", "task")
_EDGE_PUNCT = "，；、 \n"


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a name, its header, its rows, how wide each column may grow.

    ``marks`` are cell values that stand for a role (牵/配/责), mapped to the role, so that a
    writer can colour them; ``first_unit_column`` is where the unit columns of a matrix start.
    """

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    caps: tuple[int, ...]
    marks: tuple[tuple[str, str], ...] = ()
    first_unit_column: int | None = None


@dataclass(frozen=True)
class Ledger:
    sheets: tuple[Sheet, ...]

    def sheet(self, name: str) -> Sheet:
        return next(s for s in self.sheets if s.name == name)


def units_by_role(item: Item) -> dict[str, list[str]]:
    """Canonical units of each role, each once, in written order (clause by clause)."""
    out: dict[str, list[str]] = {role: [] for role in ROLES}
    for r in sorted(item.responsibilities, key=lambda r: (r.attribution, r.order)):
        if r.unit not in out[r.role]:
            out[r.role].append(r.unit)
    return out


def work_text(item: Item) -> str:
    """The item's text without its title and attribution clauses (other columns carry them)."""
    from .diff import strip_clauses

    text = re.sub(r"\n{2,}", "\n", strip_clauses(item)).strip(_EDGE_PUNCT)
    if item.title and text.startswith(item.title) and len(text) > len(item.title) + 1:
        text = text[len(item.title):].lstrip("。：:；;，, \n")
    return re.sub(r"[，；、]+。", "。", text)


def _section_label(item: Item, lang: str) -> str:
    if item.part == "attachment":
        return label("part.attachment", lang, number=item.attachment or "").strip()
    return f"{item.section.number}、{item.section.title}" if item.section else ""


def _source(item: Item, lang: str) -> str:
    if item.line is None:
        return ""
    if item.page is not None:
        return label("source.page_line", lang, page=item.page, line=item.line)
    return label("source.line", lang, line=item.line)


def _doc_label(document: Document) -> str:
    return document.meta.doc_number or document.id


def ledger_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> list[tuple]:
    """The 台账: one row per task in document order, columns ``LEDGER_KEYS``."""
    rows = []
    for document in documents:
        for item in document.items:
            units = units_by_role(item)
            rows.append((
                len(rows) + 1,
                _doc_label(document),
                _section_label(item, lang),
                item.title,
                work_text(item),
                "、".join(units["lead"]),
                "、".join(units["support"]),
                "、".join(units["responsible"]),
                item.deadline.text if item.deadline else "",
                "；".join(t.text for t in item.targets),
                _source(item, lang),
            ))
    return rows


def unit_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> list[tuple]:
    """Per unit and year: tasks as lead, as support, as responsible, and in all; busiest first."""
    counts: dict[tuple[str, Any], dict[str, set]] = {}
    types: dict[str, str] = {}
    for document in documents:
        for item in document.items:
            for r in item.responsibilities:
                key = (r.unit, document.meta.year)
                roles = counts.setdefault(key, {role: set() for role in ROLES} | {"all": set()})
                task = (document.id, item.id)
                roles[r.role].add(task)
                roles["all"].add(task)
                types.setdefault(r.unit, r.unit_type)
    rows = [
        (unit, label(f"type.{types[unit]}", lang), year, len(c["lead"]), len(c["support"]), len(c["responsible"]), len(c["all"]))
        for (unit, year), c in counts.items()
    ]
    return sorted(rows, key=lambda r: (r[2] is None, r[2] or 0, -r[6], -r[3], r[0]))


def matrix_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> tuple[list[str], list[tuple]]:
    """The wide matrix with one-character role marks: (unit columns, rows)."""
    marks = {role: label(f"mark.{role}", lang) for role in ROLES}
    units: dict[str, None] = {}
    cells = []
    for document in documents:
        for item in document.items:
            row: dict[str, str] = {}
            for r in sorted(item.responsibilities, key=lambda r: (r.attribution, r.order)):
                units.setdefault(r.unit)
                mark = marks[r.role]
                if mark not in row.get(r.unit, ""):
                    row[r.unit] = row.get(r.unit, "") + mark
            cells.append((document, item, row))
    rows = []
    for seq, (document, item, row) in enumerate(cells, 1):
        head = (seq, _doc_label(document), _section_label(item, lang), item.number, item.title)
        rows.append(head + tuple(row.get(u, "") for u in units))
    return list(units), rows


def long_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> tuple[list[str], list[tuple]]:
    """The long matrix (one row per task–unit pair) with headers and roles in ``lang``."""
    frame = documents_to_long(documents)
    frame["role"] = frame["role"].map(lambda role: label(f"role.{role}", lang))
    columns = [label(f"long.{c}", lang) for c in frame.columns]
    rows = [tuple(None if _missing(v) else v for v in row) for row in frame.itertuples(index=False)]
    return columns, rows


def _missing(value: Any) -> bool:
    try:
        return value is None or str(value) == "<NA>" or value != value
    except (TypeError, ValueError):
        return False


def documents_to_ledger(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> Ledger:
    """The four sheets: 台账, 矩阵, 明细, 单位 (ledger, matrix, pairs, units in English)."""
    lang = check_lang(lang)
    documents = list(documents)
    unit_columns, matrix = matrix_rows(documents, lang)
    long_columns, pairs = long_rows(documents, lang)
    marks = tuple((label(f"mark.{role}", lang), role) for role in ROLES)
    return Ledger((
        Sheet(label("sheet.ledger", lang), tuple(label(f"ledger.{k}", lang) for k in LEDGER_KEYS),
              tuple(ledger_rows(documents, lang)), tuple(LEDGER_CAPS[k] for k in LEDGER_KEYS)),
        Sheet(label("sheet.matrix", lang), tuple(label(f"ledger.{k}", lang) for k in MATRIX_KEYS) + tuple(unit_columns),
              tuple(matrix), (5, 12, 12, 5, 24) + (3,) * len(unit_columns), marks, len(MATRIX_KEYS)),
        Sheet(label("sheet.long", lang), tuple(long_columns), tuple(pairs), tuple(40 if c in (long_columns[-1],) else 16 for c in long_columns)),
        Sheet(label("sheet.units", lang), tuple(label(f"ledger.{k}", lang) for k in UNIT_KEYS),
              tuple(unit_rows(documents, lang)), (24, 16, 6, 8, 8, 8, 8)),
    ))
