"""A document as a reader sees it in a terminal: its metadata, its tasks and units, its warnings.

Returns rich renderables (data); the CLI prints them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from .labels import DEFAULT_LANG, label
from ..analysis.ledger import units_by_role
from ..model import Document

if TYPE_CHECKING:
    from rich.console import Group

    from ..store import StoredSummary

_HEAD = {
    "zh": ("文号", "年份", "发文机关", "日期", "任务", "分工", "提示"),
    "en": ("number", "year", "issuer", "date", "tasks", "pairs", "warnings"),
}


def document_view(document: Document, lang: str = DEFAULT_LANG) -> "Group":
    """Title line, a table of tasks (number, title, lead, support, responsible, deadline), the warnings."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    meta = document.meta
    head = _HEAD[lang]
    facts = [(head[0], meta.doc_number), (head[1], meta.year), (head[2], meta.issuer), (head[3], meta.date),
              (head[4], len(document.items)), (head[5], len(document.responsibilities)), (head[6], len(document.warnings))]
    title = Text(meta.plan_title or meta.title or document.id, style="bold")
    line = Text("  ".join(f"{k} {v}" for k, v in facts if v not in (None, "")))
    keys = ("seq", "number", "task", "lead", "support", "responsible", "deadline")
    rows = []
    for seq, item in enumerate(document.items, 1):
        units = units_by_role(item)
        number = f"{item.section.number}/{item.number}" if item.section else item.number
        rows.append((str(seq), number, item.title, *("、".join(units[r]) for r in ("lead", "support", "responsible")),
                     item.deadline.text if item.deadline else ""))
    # A column no task fills (no 牵头 in a 责任单位-only notice) is left out: the terminal is narrow.
    shown = [j for j in range(len(keys)) if j < 3 or any(row[j] for row in rows)]
    table = Table(show_lines=False, expand=False, header_style="bold")
    for j in shown:
        table.add_column(label(f"ledger.{keys[j]}", lang), overflow="fold", no_wrap=keys[j] in ("seq", "number"))
    for row in rows:
        table.add_row(*(row[j] for j in shown))
    parts: list = [title, line, table]
    if document.warnings:
        parts.append(Text(head[6] + ":", style="bold yellow"))
        parts += [Text(f"  {w.code}" + (f" (line {w.line})" if w.line else "") + f": {w.message}") for w in document.warnings]
    return Group(*parts)


def listing_rows(summaries: Iterable["StoredSummary"]) -> list[str]:
    """``fengong list``: a header and one tab-separated line per stored document."""
    lines = ["id\t文号\tyear\ttitle\ttasks\tpath"]
    for s in summaries:
        lines.append("\t".join(str(v if v is not None else "") for v in (s.id, s.doc_number, s.year, s.title, s.tasks, s.path)))
    return lines
