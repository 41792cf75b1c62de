"""An embedded SQLite store of parsed documents, with named, recorded migrations.

A document is keyed by its source path. Ingesting the same unchanged file again
changes nothing; a changed file replaces its earlier version in one transaction.
The full document JSON is kept beside normalised tables (items, responsibilities,
units) so that reading back gives exactly the document that was stored, while the
tables serve SQL queries.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import AmbiguousDocumentError, DocumentNotFoundError, FengongError
from .model import Document, document_from_dict, document_to_dict

DEFAULT_PATH = "outputs/fengong.db"

# Append only: a released migration is never edited, a change is a new entry.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            doc_id TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT NOT NULL,
            title TEXT,
            plan_title TEXT,
            issuer TEXT,
            doc_number TEXT,
            date TEXT,
            year INTEGER,
            json TEXT NOT NULL
        );
        CREATE INDEX documents_year ON documents(year);
        CREATE TABLE items (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            part TEXT NOT NULL,
            section TEXT,
            section_title TEXT,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            line INTEGER,
            PRIMARY KEY (document_id, item_id)
        );
        CREATE TABLE units (
            canonical TEXT PRIMARY KEY,
            type TEXT NOT NULL
        );
        CREATE TABLE responsibilities (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            unit TEXT NOT NULL REFERENCES units(canonical),
            unit_raw TEXT NOT NULL,
            role TEXT NOT NULL,
            "order" INTEGER NOT NULL,
            attribution INTEGER NOT NULL,
            collective INTEGER NOT NULL,
            line INTEGER,
            page INTEGER,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL
        );
        CREATE INDEX responsibilities_unit ON responsibilities(unit);
        CREATE INDEX responsibilities_item ON responsibilities(document_id, item_id);
        """,
    ),
]


@dataclass(frozen=True)
class StoredDocument:
    id: int
    path: str
    doc_id: str
    sha256: str
    year: int | None
    title: str | None


@dataclass(frozen=True)
class IngestOutcome:
    path: str
    status: str  # "added", "replaced", "unchanged"
    id: int


class Store:
    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL" if self.path != ":memory:" else "PRAGMA journal_mode = MEMORY")
            self.migrate()
        except sqlite3.DatabaseError as error:
            raise FengongError(f"cannot open the store: {error}", path=self.path, hint="Check that the file is a fengong database, or choose another with --db.") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- migrations -----------------------------------------------------------------

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY rowid")]

    def migrate(self) -> list[str]:
        self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
        done = set(self.applied_migrations())
        applied = []
        for name, sql in MIGRATIONS:
            if name in done:
                continue
            with self.db:
                for statement in filter(str.strip, sql.split(";")):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations(name) VALUES (?)", (name,))
            applied.append(name)
        return applied

    # --- writing --------------------------------------------------------------------

    def ingest(self, document: Document) -> IngestOutcome:
        """Store ``document``; replace an earlier version of the same path in one transaction."""
        path = str(Path(document.source.path).resolve()) if document.source.path else document.id
        row = self.db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (path,)).fetchone()
        if row and row[1] == document.source.sha256:
            return IngestOutcome(path, "unchanged", row[0])
        with self.db:
            if row:
                self.db.execute("DELETE FROM responsibilities WHERE document_id = ?", (row[0],))
                self.db.execute("DELETE FROM items WHERE document_id = ?", (row[0],))
                self.db.execute("DELETE FROM documents WHERE id = ?", (row[0],))
            meta = document.meta
            cursor = self.db.execute(
                "INSERT INTO documents (id, path, doc_id, sha256, format, title, plan_title, issuer, doc_number, date, year, json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    row[0] if row else None, path, document.id, document.source.sha256, document.source.format,
                    meta.title, meta.plan_title, meta.issuer, meta.doc_number, meta.date, meta.year,
                    json.dumps(document_to_dict(document), ensure_ascii=False),
                ),
            )
            stored_id = cursor.lastrowid
            self.db.executemany(
                "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (stored_id, seq, item.id, item.part, item.section.number if item.section else None,
                     item.section.title if item.section else None, item.number, item.title, item.text, item.line)
                    for seq, item in enumerate(document.items)
                ],
            )
            pairs = [(item, r) for item in document.items for r in item.responsibilities]
            self.db.executemany("INSERT OR IGNORE INTO units VALUES (?, ?)", [(r.unit, r.unit_type) for _, r in pairs])
            self.db.executemany(
                "INSERT INTO responsibilities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (stored_id, item.id, r.unit, r.unit_raw, r.role, r.order, r.attribution,
                     int(r.collective), r.line, r.page, r.start, r.end)
                    for item, r in pairs
                ],
            )
        return IngestOutcome(path, "replaced" if row else "added", stored_id)

    # --- reading --------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        rows = self.db.execute("SELECT id, path, doc_id, sha256, year, title FROM documents ORDER BY year, id")
        return [StoredDocument(*row) for row in rows]

    def load(self, stored_id: int) -> Document:
        row = self.db.execute("SELECT json FROM documents WHERE id = ?", (stored_id,)).fetchone()
        if row is None:
            raise DocumentNotFoundError(f"no stored document with id {stored_id}", path=self.path)
        return document_from_dict(json.loads(row[0]))

    def iter_documents(self) -> Iterator[Document]:
        """One at a time from a streaming cursor, so that memory stays flat in the number of documents."""
        cursor = self.db.execute("SELECT json FROM documents ORDER BY year, id")
        for (data,) in cursor:
            yield document_from_dict(json.loads(data))

    def find(self, reference: str) -> list[int]:
        """Stored ids for a reference: an id, a year (all documents of that year) or a doc_id."""
        if reference.isdigit():
            value = int(reference)
            if 1000 <= value <= 9999:
                ids = [r[0] for r in self.db.execute("SELECT id FROM documents WHERE year = ? ORDER BY id", (value,))]
                if ids:
                    return ids
            if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (value,)).fetchone():
                return [value]
        return [r[0] for r in self.db.execute("SELECT id FROM documents WHERE doc_id = ? ORDER BY id", (reference,))]

    # --- the store at hand: list, resolve, remove (reading and removing only) ----------

    def summaries(self, ids: list[int] | None = None) -> list["StoredSummary"]:
        """id, 文号, year, title, number of tasks and path of each stored document (or of ``ids``)."""
        rows = self.db.execute(
            "SELECT d.id, d.doc_number, d.year, COALESCE(d.plan_title, d.title), "
            "(SELECT COUNT(*) FROM items i WHERE i.document_id = d.id), d.path, d.doc_id FROM documents d ORDER BY d.year, d.id"
        )
        found = [StoredSummary(*row) for row in rows]
        return found if ids is None else [s for s in found if s.id in set(ids)]

    def iter_stored(self) -> Iterator[tuple[int, Document]]:
        """(stored id, document) pairs, streamed like :meth:`iter_documents`."""
        for stored_id, data in self.db.execute("SELECT id, json FROM documents ORDER BY year, id"):
            yield stored_id, document_from_dict(json.loads(data))

    def candidates(self, reference: str) -> list[int]:
        """Stored ids a reference may mean, tried in turn: path, 文号 (any bracket style), doc_id, year, id."""
        by_path = [r[0] for r in self.db.execute("SELECT id FROM documents WHERE path = ?", (str(Path(reference).resolve()),))]
        if by_path:
            return by_path
        number = canonical_doc_number(reference)
        by_number = [i for i, n in self.db.execute("SELECT id, doc_number FROM documents ORDER BY id") if n and canonical_doc_number(n) == number]
        if by_number:
            return by_number
        by_doc_id = [r[0] for r in self.db.execute("SELECT id FROM documents WHERE doc_id = ? ORDER BY id", (reference,))]
        if by_doc_id or not reference.isdigit():
            return by_doc_id
        value = int(reference)
        if 1000 <= value <= 9999:
            by_year = [r[0] for r in self.db.execute("SELECT id FROM documents WHERE year = ? ORDER BY id", (value,))]
            if by_year:
                return by_year
        return [value] if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (value,)).fetchone() else []

    def resolve(self, reference: str) -> int:
        """The one stored id ``reference`` names; an error when it names none or several."""
        ids = self.candidates(reference)
        if not ids:
            raise DocumentNotFoundError(f"{reference!r} is neither a file nor a stored document", path=self.path)
        if len(ids) > 1:
            shown = "; ".join(f"{s.id} {s.doc_number or s.doc_id} ({s.year})" for s in self.summaries(ids[:10]))
            more = f"; … and {len(ids) - 10} more" if len(ids) > 10 else ""
            raise AmbiguousDocumentError(f"{reference!r} matches {len(ids)} stored documents: {shown}{more}", path=self.path)
        return ids[0]

    def remove(self, stored_id: int) -> "StoredSummary":
        """Delete one document with its items and responsibilities, in one transaction."""
        summary = self.summaries([stored_id])
        if not summary:
            raise DocumentNotFoundError(f"no stored document with id {stored_id}", path=self.path)
        with self.db:
            self.db.execute("DELETE FROM responsibilities WHERE document_id = ?", (stored_id,))
            self.db.execute("DELETE FROM items WHERE document_id = ?", (stored_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (stored_id,))
        return summary[0]


@dataclass(frozen=True)
class StoredSummary:
    id: int
    doc_number: str | None
    year: int | None
    title: str | None
    tasks: int
    path: str
    doc_id: str


_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕", "〖": "〔", "〗": "〕"})


def canonical_doc_number(text: str) -> str:
    """A 文号 in one form, whatever brackets and spaces it was typed with: 苏产改办[2023]3号 → 苏产改办〔2023〕3号."""
    from .normalise import to_simplified

    return to_simplified("".join(text.split())).translate(_BRACKETS)
