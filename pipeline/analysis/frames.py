"""The store as pandas DataFrames, for analysis: ``pipeline.corpus(db) → (tasks, responsibilities)``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocumentNotFoundError

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Document, Item

TASK_COLUMNS = ["document", "doc_id", "doc_number", "year", "item_id", "part", "section", "section_title", "number",
                "title", "text", "deadline", "deadline_date", "targets", "units", "line", "page"]
RESPONSIBILITY_COLUMNS = ["document", "doc_id", "year", "item_id", "unit", "unit_raw", "role", "order", "attribution",
                          "role_label", "unit_type", "collective", "line", "page", "stated_in"]


def corpus(db: str | Path = "outputs/fengong.db") -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """Every stored task (one row per item) and every responsibility (one row per task–unit pair).

    ``document`` is the stored id (as ``fengong list`` shows it); the two frames join on
    ``(document, item_id)``.
    """
    import pandas as pd

    from ..store import Store

    if str(db) != ":memory:" and not Path(db).exists():
        raise DocumentNotFoundError(f"no store at {db}", hint="Ingest notices first: `fengong ingest corpus/ --db PATH`.")
    tasks, pairs = [], []
    with Store(db) as store:
        for stored_id, document in store.iter_stored():
            for item in document.items:
                tasks.append(task_row(stored_id, document, item))
                pairs.extend(responsibility_rows(stored_id, document, item))
    ints = {"year": "Int64", "line": "Int64", "page": "Int64"}
    return (
        pd.DataFrame(tasks, columns=TASK_COLUMNS).astype(ints),
        pd.DataFrame(pairs, columns=RESPONSIBILITY_COLUMNS).astype(ints | {"order": "Int64", "attribution": "Int64"}),
    )


def task_row(stored_id: int, document: "Document", item: "Item") -> tuple:
    """One task as a row of ``TASK_COLUMNS`` (also the Parquet ``tasks`` table)."""
    meta = document.meta
    return (
        stored_id, document.id, meta.doc_number, meta.year, item.id, item.part,
        item.section.number if item.section else None, item.section.title if item.section else None,
        item.number, item.title, item.text,
        item.deadline.text if item.deadline else None,
        (item.deadline.date or item.deadline.kind) if item.deadline else None,
        "；".join(t.text for t in item.targets), len({r.unit for r in item.responsibilities}), item.line, item.page,
    )


def responsibility_rows(stored_id: int, document: "Document", item: "Item") -> list[tuple]:
    """An item's task–unit pairs as rows of ``RESPONSIBILITY_COLUMNS``, in written order."""
    return [
        (stored_id, document.id, document.meta.year, item.id, r.unit, r.unit_raw, r.role, r.order, r.attribution,
         r.role_label, r.unit_type, r.collective, r.line, r.page, r.stated_in)
        for r in item.responsibilities
    ]
