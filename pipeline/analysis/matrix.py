"""The responsibility matrix: tasks × units, long (one row per pair) and wide (one row per task)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..model import Document, Item

if TYPE_CHECKING:
    import pandas as pd

# The contract: these columns come first, in this order (README, "Contract").
LONG_KEY_COLUMNS = ["doc_id", "year", "part", "section", "number", "title", "unit", "unit_raw", "role", "order"]
LONG_COLUMNS = LONG_KEY_COLUMNS + [
    "deadline", "deadline_date", "targets", "section_title", "attribution", "role_label", "unit_type", "collective", "item_id", "line", "page", "clause",
]
WIDE_KEY_COLUMNS = ["doc_id", "year", "part", "section", "number", "title", "deadline", "targets"]
ROLE_MARKS = {"lead": "牵头", "support": "配合", "responsible": "责任"}
# The long matrix repeats an item's text columns in every one of its rows: bounded, so that one
# 60 KB clause listing many units cannot make a CSV of hundreds of MB (README, "Limits").
LONG_TEXT_CHARS = 500
LONG_TEXT_COLUMNS = ("title", "section_title", "targets", "clause")
_ITEM_TEXT_COLUMNS = ("title", "section_title", "targets")  # those an item gives all its rows
ELLIPSIS = "…"


def bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def targets_text(item: Item) -> str:
    return "；".join(t.text for t in item.targets)


def documents_to_rows(documents: Iterable[Document], text_chars: int | None = LONG_TEXT_CHARS) -> list[dict]:
    """One dict per task–unit pair, in document, item and written order; an item that names no
    unit has one row with an empty unit, so that what was not attributed stays in sight. The
    ``LONG_TEXT_COLUMNS`` are cut to ``text_chars`` characters (None: whole)."""
    rows = []
    for document in documents:
        by_id = document.items_by_id() if any(r.stated_in for _, r in document.responsibilities) else None
        for item in document.items:
            # (the item's columns made, and its text columns cut, once for all its rows)
            columns = _item_columns(document, item)
            if text_chars is not None:
                columns.update({key: bounded(columns[key] or "", text_chars) for key in _ITEM_TEXT_COLUMNS})
            if not item.responsibilities:
                rows.append(_unattributed_row(document, item, columns))
            for r in item.responsibilities:
                clause = item.clause_host(r, by_id)[r.clause_start : r.clause_end]
                rows.append(
                    columns
                    | {
                        "unit": r.unit,
                        "unit_raw": r.unit_raw,
                        "role": r.role,
                        "order": r.order,
                        "attribution": r.attribution,
                        "role_label": r.role_label,
                        "unit_type": r.unit_type,
                        "collective": r.collective,
                        "line": r.line,
                        "page": r.page,
                        "clause": clause if text_chars is None else bounded(clause or "", text_chars),
                    }
                )
    return rows


def _unattributed_row(document: Document, item: Item, columns: dict | None = None) -> dict:
    row = dict.fromkeys(LONG_COLUMNS, "")
    row.update(columns or _item_columns(document, item), order=None, attribution=None, collective=None, line=item.line, page=item.page)
    return row


def _item_columns(document: Document, item: Item) -> dict:
    """The columns a row takes from its item, whoever it names."""
    return {
        "doc_id": document.id,
        "year": document.meta.year,
        "part": item.part,
        "section": item.section.number if item.section else "",
        "number": item.number,
        "title": item.title,
        "deadline": item.deadline.text if item.deadline else "",
        "deadline_date": (item.deadline.date or item.deadline.kind) if item.deadline else "",
        "targets": targets_text(item),
        "section_title": item.section.title if item.section else "",
        "item_id": item.id,
    }


def documents_to_long(documents: Iterable[Document], text_chars: int | None = LONG_TEXT_CHARS) -> "pd.DataFrame":
    import pandas as pd

    frame = pd.DataFrame(documents_to_rows(documents, text_chars), columns=LONG_COLUMNS)
    return frame.astype({"order": "Int64", "attribution": "Int64", "line": "Int64", "page": "Int64", "year": "Int64"})


def documents_to_wide(documents: Iterable[Document], marks: dict[str, str] | None = None) -> "pd.DataFrame":
    """One row per task (tasks without attribution included); one column per unit in first-seen order."""
    import pandas as pd

    units: dict[str, None] = {}
    rows = [row for document in documents for row in wide_rows(document, units, marks)]
    frame = pd.DataFrame(rows, columns=WIDE_KEY_COLUMNS + list(units))
    frame[list(units)] = frame[list(units)].fillna("")
    return frame.astype({"year": "Int64"})


def wide_rows(document: Document, units: dict[str, None], marks: dict[str, str] | None = None) -> list[dict]:
    """The document's rows of the wide matrix (``WIDE_KEY_COLUMNS``, then unit → mark); the units
    it names are added to ``units`` in first-seen order, so that a corpus is built one document at a time."""
    marks = marks or ROLE_MARKS
    rows = []
    for item in document.items:
        columns = _item_columns(document, item)
        row: dict[str, object] = {key: columns[key] for key in WIDE_KEY_COLUMNS}
        for r in item.responsibilities:
            units.setdefault(r.unit)
            mark = marks.get(r.role, r.role)
            previous = row.get(r.unit)
            row[r.unit] = mark if not previous or previous == mark else f"{previous}/{mark}"
        rows.append(row)
    return rows
