"""One notice against every edition of its series in the store.

A series is what :func:`pipeline.batch.series_key` says (the plan's title without its year). Each
pair is compared in time order: an edition earlier than the notice (or of the same year and date)
is OLD and the notice NEW; a later edition is NEW and the notice OLD. The stored copy of the notice
itself (same file content) is left out. Diffs come one at a time, so that a long series does not
hold every edition in memory.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Iterator

from ..batch import series_key
from ..model import Document
from ..store import Store
from .diff import Diff, diff_documents


def _when(document: Document) -> tuple:
    return (document.meta.year or 0, document.meta.date or "")


def _title_key(title: str | None) -> str | None:
    """``series_key`` of a stored summary's title, or None when the key would need more than the
    title (no title, or a title that is only a year: the key falls back to the issuer or the id)."""
    stand_in = SimpleNamespace(meta=SimpleNamespace(plan_title=title, title=None, issuer=None), id=None)
    return series_key(stand_in) if title else None


def series_editions(store: Store, document: Document) -> Iterator[tuple[int, Document]]:
    """(stored id, document) of every stored edition of ``document``'s series but itself, oldest first.

    Only the documents whose stored title may give the same key are read from the store.
    """
    key = series_key(document)
    maybe = [s.id for s in store.summaries() if _title_key(s.title) in (key, None)]
    editions = []
    for stored_id in maybe:
        edition = store.load(stored_id)
        if series_key(edition) == key and edition.source.sha256 != document.source.sha256:
            editions.append((_when(edition), stored_id))
    for _, stored_id in sorted(editions):
        yield stored_id, store.load(stored_id)


def diff_series(store: Store, document: Document, strategy: str = "auto") -> Iterator[Diff]:
    """The diff of ``document`` with each stored edition of its series, oldest edition first,
    each pair in time order (see the module docstring)."""
    for _, edition in series_editions(store, document):
        if _when(edition) <= _when(document):
            yield diff_documents(edition, document, strategy)
        else:
            yield diff_documents(document, edition, strategy)
