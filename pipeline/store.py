"""An embedded SQLite store of parsed documents, with named, recorded migrations.

A document is keyed by its source path. Ingesting the same unchanged file again
changes nothing; a changed file replaces its earlier version in one transaction; a
file moved or renamed (same content, its old path gone) keeps its one document, with
the path updated.

Several processes may write one store at once: the database is in WAL mode with a
busy timeout, every write (a document, the migrations, a prune) is one
``BEGIN IMMEDIATE`` transaction, so that the check and the write happen under the
same lock, and a crash at any point leaves the last committed state.
The full document JSON is kept beside normalised tables (items, responsibilities,
units) so that reading back gives exactly the document that was stored, while the
tables serve SQL queries.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import AmbiguousDocumentError, DocumentNotFoundError, FengongError, StoreError
from .model import Document, document_from_json, document_to_dict

DEFAULT_PATH = "outputs/fengong.db"
BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another one before "database is locked"

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
    # What parsed each document (pipeline.parse.parser_version): NULL for documents stored before,
    # so that the next ingest parses them again.
    ("0002_parser_version", "ALTER TABLE documents ADD COLUMN parser_version TEXT"),
    # The item whose standing note names a unit carried to a later task (schema 1.3; "" where the unit is
    # written in the task): rows stored before are of documents parsed again at the next ingest.
    ("0003_stated_in", "ALTER TABLE responsibilities ADD COLUMN stated_in TEXT NOT NULL DEFAULT ''"),
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
    status: str  # "added", "replaced", "renamed", "unchanged"
    id: int


@dataclass(frozen=True)
class PruneOutcome:
    path: str
    id: int


class Store:
    def __init__(self, path: str | Path = DEFAULT_PATH):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: no implicit transactions; every write opens its own BEGIN IMMEDIATE.
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._retry_while_busy(self._prepare)
        except sqlite3.DatabaseError as error:
            raise FengongError(f"cannot open the store: {error}", path=self.path, hint="Check that the file is a fengong database, or choose another with --db.") from None

    def _prepare(self) -> None:
        self.db.execute("PRAGMA journal_mode = WAL" if self.path != ":memory:" else "PRAGMA journal_mode = MEMORY")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a streaming ingest commits once
        # per document, and a sync each (7 ms) would cost the writer more than the parse. The store
        # stays consistent through any crash; a power cut may lose the last documents, which the next
        # ingest parses again (their hash is not stored).
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    @staticmethod
    def _retry_while_busy(step) -> None:
        """SQLite answers "locked" without waiting in a few cases (switching a fresh file to WAL while
        another process opens it, WAL recovery): retry those until the busy timeout is spent."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.01
        while True:
            try:
                return step()
            except (sqlite3.OperationalError, StoreError) as error:
                if not ("locked" in str(error) or "busy" in str(error)) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

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
        """Apply pending migrations in one transaction under the write lock, recorded in it.

        SQLite's DDL is transactional: a crash half way through leaves no table behind,
        and a second process opening the store at the same time waits, then finds the
        migrations done.
        """
        if self._pending() == []:
            return []
        with self.transaction():
            self.db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
            done = set(self.applied_migrations())
            applied = []
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                for statement in filter(str.strip, sql.split(";")):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations(name) VALUES (?)", (name,))
                applied.append(name)
        return applied

    def _pending(self) -> list[str] | None:
        """Migrations not yet applied, read without a lock; None when the store is new."""
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone():
            return None
        done = set(self.applied_migrations())
        return [name for name, _ in MIGRATIONS if name not in done]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction that takes the write lock at its start (no lock upgrade, no race)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.OperationalError as error:  # locked too long, disk full: name the store
            raise StoreError.from_sqlite(error, self.path) from error

    # --- writing --------------------------------------------------------------------

    def ingest(self, document: Document, parser_version: str | None = None) -> IngestOutcome:
        """Store ``document`` in one transaction: added, replaced (same path, new content, or the
        same content parsed by another parser version or under another id), renamed (same content as a document whose
        file is gone) or unchanged. ``parser_version``: what parsed it (default: this fengong with
        default settings, :func:`pipeline.parse.parser_version`)."""
        path = str(Path(document.source.path).resolve()) if document.source.path else document.id
        sha256 = document.source.sha256
        version = parser_version if parser_version is not None else _default_parser_version()
        with self.transaction():
            row = self.db.execute("SELECT id, sha256, parser_version, doc_id FROM documents WHERE path = ?", (path,)).fetchone()
            if row and row[1] == sha256 and row[2] == version and row[3] == document.id:
                return IngestOutcome(path, "unchanged", row[0])
            status = "replaced" if row else "added"
            if row is None:
                moved = self._moved_copy(sha256)
                if moved is not None:
                    status = "renamed"
                    self.db.execute("UPDATE documents SET path = ? WHERE id = ?", (path, moved))
            stored_id = self._upsert(path, document)
            self.db.execute("UPDATE documents SET parser_version = ? WHERE id = ?", (version, stored_id))
            self._write_rows(stored_id, document)
        return IngestOutcome(path, status, stored_id)

    def unchanged(self, path: str | Path, sha256: str, doc_id: str, parser_version: str) -> IngestOutcome | None:
        """The outcome of ingesting the file at ``path`` again, when the document stored for that
        path has this content, id and parser version, so that the file need not be parsed; else None.
        (Read without a lock: :meth:`ingest` checks again under it for whatever is parsed.)"""
        key = str(Path(path).resolve())
        row = self.db.execute(
            "SELECT id FROM documents WHERE path = ? AND sha256 = ? AND doc_id = ? AND parser_version = ?",
            (key, sha256, doc_id, parser_version),
        ).fetchone()
        return IngestOutcome(key, "unchanged", row[0]) if row else None

    def stored_file(self, path: str | Path, sha256: str) -> int | None:
        """The stored id of the file at ``path`` when the store holds it with this content."""
        row = self.db.execute("SELECT id FROM documents WHERE path = ? AND sha256 = ?", (str(Path(path).resolve()), sha256)).fetchone()
        return row[0] if row else None

    def _moved_copy(self, sha256: str) -> int | None:
        """A stored document with this content whose file no longer exists (it was moved or renamed)."""
        for stored_id, old_path in self.db.execute("SELECT id, path FROM documents WHERE sha256 = ? ORDER BY id", (sha256,)).fetchall():
            if Path(old_path).is_absolute() and not Path(old_path).exists():
                return stored_id
        return None

    def _upsert(self, path: str, document: Document) -> int:
        """Insert the document row, or update it in place (its id is kept) when the path is stored."""
        meta = document.meta
        values = (
            path, document.id, document.source.sha256, document.source.format, meta.title, meta.plan_title,
            meta.issuer, meta.doc_number, meta.date, meta.year, json.dumps(document_to_dict(document), ensure_ascii=False),
        )
        self.db.execute(
            "INSERT INTO documents (path, doc_id, sha256, format, title, plan_title, issuer, doc_number, date, year, json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(path) DO UPDATE SET doc_id = excluded.doc_id, sha256 = excluded.sha256, format = excluded.format,"
            " title = excluded.title, plan_title = excluded.plan_title, issuer = excluded.issuer,"
            " doc_number = excluded.doc_number, date = excluded.date, year = excluded.year, json = excluded.json",
            values,
        )
        return self.db.execute("SELECT id FROM documents WHERE path = ?", (path,)).fetchone()[0]

    def _write_rows(self, stored_id: int, document: Document) -> None:
        """The normalised rows of one document, replacing any it had."""
        self.db.execute("DELETE FROM responsibilities WHERE document_id = ?", (stored_id,))
        self.db.execute("DELETE FROM items WHERE document_id = ?", (stored_id,))
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
            "INSERT INTO responsibilities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (stored_id, item.id, r.unit, r.unit_raw, r.role, r.order, r.attribution,
                 int(r.collective), r.line, r.page, r.start, r.end, r.stated_in)
                for item, r in pairs
            ],
        )

    def prune(self) -> list[PruneOutcome]:
        """Drop the documents whose source file no longer exists (paths of files only)."""
        with self.transaction():
            gone = [
                PruneOutcome(path, stored_id)
                for stored_id, path in self.db.execute("SELECT id, path FROM documents ORDER BY id").fetchall()
                if Path(path).is_absolute() and not Path(path).exists()
            ]
            for outcome in gone:
                self.db.execute("DELETE FROM responsibilities WHERE document_id = ?", (outcome.id,))
                self.db.execute("DELETE FROM items WHERE document_id = ?", (outcome.id,))
                self.db.execute("DELETE FROM documents WHERE id = ?", (outcome.id,))
        return gone

    # --- reading --------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        rows = self.db.execute("SELECT id, path, doc_id, sha256, year, title FROM documents ORDER BY year, id")
        return [StoredDocument(*row) for row in rows]

    def load(self, stored_id: int) -> Document:
        row = self.db.execute("SELECT json FROM documents WHERE id = ?", (stored_id,)).fetchone()
        if row is None:
            raise DocumentNotFoundError(f"no stored document with id {stored_id}", path=self.path)
        return document_from_json(row[0])

    def iter_documents(self) -> Iterator[Document]:
        """One at a time from a streaming cursor, so that memory stays flat in the number of documents."""
        cursor = self.db.execute("SELECT json FROM documents ORDER BY year, id")
        for (data,) in cursor:
            yield document_from_json(data)

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
            yield stored_id, document_from_json(data)

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
        with self.transaction():  # (the connection is in autocommit: `with self.db` would not group them)
            self.db.execute("DELETE FROM responsibilities WHERE document_id = ?", (stored_id,))
            self.db.execute("DELETE FROM items WHERE document_id = ?", (stored_id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (stored_id,))
        return summary[0]


def _default_parser_version() -> str:
    from .parse import parser_version

    return parser_version()


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
    from .extract.normalise import to_simplified

    return to_simplified("".join(text.split())).translate(_BRACKETS)
