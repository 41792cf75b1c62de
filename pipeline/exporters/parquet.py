"""The corpus as Parquet tables, for pandas, DuckDB, Spark: documents, tasks, responsibilities, units.

The tables are written one batch of documents at a time (one row group per batch), so that memory
stays flat in the number of documents; they are written into a staging folder that replaces the
target folder whole (``export.staged_folder``), so that a reader never sees half an export. pyarrow
is imported only here, when an export is asked for.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..analysis.frames import RESPONSIBILITY_COLUMNS, TASK_COLUMNS, responsibility_rows, task_row
from ..errors import MissingDependencyError
from ..model import Document

if TYPE_CHECKING:
    import pyarrow as pa

TABLES = ("documents", "tasks", "responsibilities", "units")
BATCH_DOCUMENTS = 500  # documents per row group
ROLES = ("lead", "support", "responsible")

DOCUMENT_COLUMNS = ["document", "doc_id", "path", "sha256", "format", "title", "plan_title", "issuer", "doc_number",
                    "date", "year", "pages", "tasks", "responsibilities", "warnings"]
UNIT_COLUMNS = ["unit", "unit_type", "collective", "documents", "tasks", "lead", "support", "responsible"]
COLUMNS = {"documents": DOCUMENT_COLUMNS, "tasks": TASK_COLUMNS, "responsibilities": RESPONSIBILITY_COLUMNS, "units": UNIT_COLUMNS}
# Every other column is text.
INTEGERS = {"document", "year", "pages", "tasks", "responsibilities", "warnings", "units", "line", "page", "order",
            "attribution", "documents", "lead", "support", "responsible"}
BOOLEANS = {"collective"}


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            "the Parquet export needs pyarrow, which is not installed",
            hint="Install fengong's parquet extra: `pip install 'fengong[parquet]'` (or `pip install pyarrow`).",
        ) from None
    return pa, pq


def schemas() -> dict[str, "pa.Schema"]:
    """The Arrow schema of each table (README, "Parquet")."""
    pa, _ = _pyarrow()

    def kind(name: str) -> "pa.DataType":
        return pa.int64() if name in INTEGERS else pa.bool_() if name in BOOLEANS else pa.string()

    return {table: pa.schema([(name, kind(name)) for name in columns]) for table, columns in COLUMNS.items()}


def write_parquet(directory: str | Path, documents: Iterable[tuple[int, Document]]) -> dict[str, int]:
    """Write ``DIR/{documents,tasks,responsibilities,units}.parquet`` from ``(key, document)`` pairs
    (the key is the ``document`` column that joins the tables); the number of rows of each table."""
    from .export import _write_error, staged_folder

    pa, pq = _pyarrow()
    tables = schemas()
    counts = dict.fromkeys(TABLES, 0)
    units: dict[str, list] = {}  # unit → [unit_type, collective, documents, tasks, lead, support, responsible]
    try:
        with staged_folder(directory, [f"{name}.parquet" for name in TABLES]) as stage:
            writers: dict[str, Any] = {}
            try:
                for name in TABLES:
                    writers[name] = pq.ParquetWriter(stage / f"{name}.parquet", tables[name])
                pairs = iter(documents)
                while batch := list(islice(pairs, BATCH_DOCUMENTS)):
                    rows = _rows(batch, units)
                    for name in ("documents", "tasks", "responsibilities"):
                        _write(pa, writers[name], tables[name], rows[name])
                        counts[name] += len(rows[name])
                unit_rows = [(unit, *figures) for unit, figures in units.items()]
                _write(pa, writers["units"], tables["units"], unit_rows)
                counts["units"] = len(unit_rows)
            finally:
                for writer in writers.values():
                    writer.close()
    except OSError as error:  # a full disk, a folder one may not write to: the user's to fix
        raise _write_error(Path(directory), error) from None
    return counts


def _rows(batch: list[tuple[int, Document]], units: dict[str, list]) -> dict[str, list[tuple]]:
    rows: dict[str, list[tuple]] = {"documents": [], "tasks": [], "responsibilities": []}
    for key, document in batch:
        meta, source = document.meta, document.source
        rows["documents"].append((
            key, document.id, source.path, source.sha256, source.format, meta.title, meta.plan_title, meta.issuer,
            meta.doc_number, meta.date, meta.year, source.pages, len(document.items), len(document.responsibilities),
            len(document.warnings),
        ))
        named: set[str] = set()
        for item in document.items:
            rows["tasks"].append(task_row(key, document, item))
            rows["responsibilities"].extend(responsibility_rows(key, document, item))
            for r in item.responsibilities:
                figures = units.setdefault(r.unit, [r.unit_type, r.collective, 0, 0, 0, 0, 0])
                if r.role in ROLES:
                    figures[4 + ROLES.index(r.role)] += 1
            for unit in {r.unit for r in item.responsibilities}:
                units[unit][3] += 1
            named.update(r.unit for r in item.responsibilities)
        for unit in named:
            units[unit][2] += 1
    return rows


def _write(pa: Any, writer: Any, schema: "pa.Schema", rows: list[tuple]) -> None:
    columns = list(zip(*rows)) if rows else [()] * len(schema)
    writer.write_table(pa.Table.from_arrays([pa.array(column, type=field.type) for column, field in zip(columns, schema)], schema=schema))
