"""The office's 台账: one row per task with its lead, supporting and responsible units, and the
sheets that go with it (the role matrix, the task–unit pairs, each unit's workload per year).

Data only: :func:`documents_to_ledger` returns :class:`Sheet` rows; ``export.write_ledger``
turns them into a workbook (or the 台账 alone into a CSV) and decides how they print.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any, Iterable

from ..exporters.labels import DEFAULT_LANG, check_lang, label
from .matrix import LONG_COLUMNS, documents_to_rows
from ..model import ROLES, Document, Item

LEDGER_KEYS = ("seq", "doc", "section", "task", "content", "lead", "support", "responsible", "deadline", "targets", "source")
# Widest a column may grow (Excel width units: a Chinese character is two); the rest wraps.
LEDGER_CAPS = {"seq": 5, "doc": 12, "section": 12, "task": 18, "content": 120, "lead": 12, "support": 14,
               "responsible": 14, "deadline": 10, "targets": 12, "source": 8}
UNIT_KEYS = ("unit", "unit_type", "year", "lead_tasks", "support_tasks", "responsible_tasks", "tasks")
MATRIX_KEYS = ("seq", "doc", "section", "number", "task")
_EDGE_PUNCT = "，；、 \n"
ROLE_INDEX = LONG_COLUMNS.index("role")
_ROLE_INDEX = {role: k for k, role in enumerate(ROLES)}  # a role's place in a unit's counts


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

    text = strip_clauses(item)
    if "\n\n" in text:  # (the substring tests, in C, spare most items the patterns' scan: a fifth of the ledger's rows)
        text = _BLANK_LINES.sub("\n", text)
    text = text.strip(_EDGE_PUNCT)
    if item.title and text.startswith(item.title) and len(text) > len(item.title) + 1:
        text = text[len(item.title):].lstrip("。：:；;，, \n")
    if "，。" in text or "；。" in text or "、。" in text:
        text = _PUNCT_BEFORE_STOP.sub("。", text)
    return text


_BLANK_LINES = re.compile(r"\n{2,}")
_PUNCT_BEFORE_STOP = re.compile(r"[，；、]+。")


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
    builder = LedgerBuilder(lang)
    for document in documents:
        builder.add_ledger_rows(document)
    return builder.ledger_rows


def _ledger_row(seq: int, document: Document, item: Item, lang: str) -> tuple:
    units = units_by_role(item)
    return (
        seq,
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
    )


def unit_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> list[tuple]:
    """Per unit and year: tasks as lead, as support, as responsible, and in all; busiest first."""
    builder = LedgerBuilder(lang)
    for document in documents:
        builder.add_unit_counts(document)
    return builder.unit_rows()


def matrix_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> tuple[list[str], list[tuple]]:
    """The wide matrix with one-character role marks: (unit columns, rows)."""
    builder = LedgerBuilder(lang)
    for document in documents:
        builder.add_matrix_cells(document)
    return builder.matrix_rows()


def long_rows(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> tuple[list[str], list[tuple]]:
    """The long matrix (one row per task–unit pair) with headers and roles in ``lang``."""
    builder = LedgerBuilder(lang)
    for document in documents:
        builder.add_long_rows(document)
    return builder.long_columns(), builder.long_rows


_LONG_VALUES = itemgetter(*LONG_COLUMNS)
_PRESENT = frozenset((str, int, bool, type(None)))  # types whose values _missing finds missing only as None or "<NA>"


def _missing(value: Any) -> bool:
    try:
        return value is None or str(value) == "<NA>" or value != value
    except (TypeError, ValueError):
        return False


class LedgerBuilder:
    """The four sheets built one document at a time (:meth:`add`), so that a corpus need not be
    held in memory as documents: only the rows are."""

    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        self.lang = check_lang(lang)
        self.ledger_rows: list[tuple] = []
        self.long_rows: list[tuple] = []
        self._marks = {role: label(f"mark.{role}", self.lang) for role in ROLES}
        self._roles = {role: label(f"role.{role}", self.lang) for role in ROLES} | {"": ""}  # "": a task naming no unit
        self._units: dict[str, None] = {}
        self._cells: list[tuple] = []
        # (unit, year) → tasks as lead, support, responsible, and in all (a unit counts once per task and role)
        self._counts: dict[tuple[str, Any], list[int]] = {}
        self._types: dict[str, str] = {}

    def add(self, document: Document) -> None:
        self.add_ledger_rows(document)
        self.add_matrix_cells(document)
        self.add_long_rows(document)
        self.add_unit_counts(document)

    def add_ledger_rows(self, document: Document) -> None:
        for item in document.items:
            self.ledger_rows.append(_ledger_row(len(self.ledger_rows) + 1, document, item, self.lang))

    def add_matrix_cells(self, document: Document) -> None:
        for item in document.items:
            row: dict[str, str] = {}
            for r in sorted(item.responsibilities, key=lambda r: (r.attribution, r.order)):
                self._units.setdefault(r.unit)
                mark = self._marks[r.role]
                if mark not in row.get(r.unit, ""):
                    row[r.unit] = row.get(r.unit, "") + mark
            head = (len(self._cells) + 1, _doc_label(document), _section_label(item, self.lang), item.number, item.title)
            self._cells.append((head, row))

    def add_long_rows(self, document: Document, rows: list[dict] | None = None) -> None:
        """``rows``: the document's long-matrix rows when already made (``matrix.documents_to_rows``)."""
        for row in rows if rows is not None else documents_to_rows([document]):
            values = list(_LONG_VALUES(row))
            if not (_PRESENT.issuperset(map(type, values)) and "<NA>" not in values):  # (most rows hold nothing missing)
                values = [None if _missing(v) else v for v in values]
            values[ROLE_INDEX] = self._roles.get(values[ROLE_INDEX] or "", values[ROLE_INDEX])
            self.long_rows.append(tuple(values))

    def add_unit_counts(self, document: Document) -> None:
        """Count each unit's tasks of ``document`` (a document is added once: its tasks are counted, not kept)."""
        year, counts, types = document.meta.year, self._counts, self._types
        for item in document.items:
            named: dict[str, set[int]] = {}
            for r in item.responsibilities:
                named.setdefault(r.unit, set()).add(_ROLE_INDEX[r.role])
                types.setdefault(r.unit, r.unit_type)
            for unit, roles in named.items():
                found = counts.get((unit, year))
                if found is None:
                    found = counts[(unit, year)] = [0] * (len(ROLES) + 1)
                for k in roles:
                    found[k] += 1
                found[-1] += 1

    def role_counts(self) -> dict[str, Counter]:
        """Per unit, over every year: tasks per role (``figures.unit_counts`` of the documents added)."""
        out: dict[str, Counter] = {}
        for (unit, _), found in self._counts.items():
            mine = out.setdefault(unit, Counter())
            for role, n in zip(ROLES, found):
                if n:
                    mine[role] += n
        return out

    def matrix_rows(self) -> tuple[list[str], list[tuple]]:
        units = list(self._units)
        return units, [head + tuple(map(row.get, units, repeat(""))) for head, row in self._cells]

    def long_columns(self) -> list[str]:
        return [label(f"long.{c}", self.lang) for c in LONG_COLUMNS]

    def unit_rows(self) -> list[tuple]:
        lang = self.lang
        rows = [
            (unit, label(f"type.{self._types[unit]}", lang), year, *(c[_ROLE_INDEX[role]] for role in ("lead", "support", "responsible")), c[-1])
            for (unit, year), c in self._counts.items()
        ]
        return sorted(rows, key=lambda r: (r[2] is None, r[2] or 0, -r[6], -r[3], r[0]))

    def ledger(self) -> Ledger:
        """The four sheets: 台账, 矩阵, 明细, 单位 (ledger, matrix, pairs, units in English)."""
        lang = self.lang
        unit_columns, matrix = self.matrix_rows()
        long_columns = self.long_columns()
        marks = tuple((label(f"mark.{role}", lang), role) for role in ROLES)
        return Ledger((
            Sheet(label("sheet.ledger", lang), tuple(label(f"ledger.{k}", lang) for k in LEDGER_KEYS),
                  tuple(self.ledger_rows), tuple(LEDGER_CAPS[k] for k in LEDGER_KEYS)),
            Sheet(label("sheet.matrix", lang), tuple(label(f"ledger.{k}", lang) for k in MATRIX_KEYS) + tuple(unit_columns),
                  tuple(matrix), (5, 12, 12, 5, 24) + (3,) * len(unit_columns), marks, len(MATRIX_KEYS)),
            Sheet(label("sheet.long", lang), tuple(long_columns), tuple(self.long_rows),
                  tuple(40 if c in (long_columns[-1],) else 16 for c in long_columns)),
            Sheet(label("sheet.units", lang), tuple(label(f"ledger.{k}", lang) for k in UNIT_KEYS),
                  tuple(self.unit_rows()), (24, 16, 6, 8, 8, 8, 8)),
        ))


def documents_to_ledger(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> Ledger:
    """The four sheets: 台账, 矩阵, 明细, 单位 (ledger, matrix, pairs, units in English)."""
    builder = LedgerBuilder(lang)
    for document in documents:
        builder.add(document)
    return builder.ledger()
