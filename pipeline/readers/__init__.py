"""Readers turn a file into a ``Source``: decoded text, lines with provenance.

Formats are recognised by content, not by extension (a file whose extension lies
is read as what it is). Each reader is a module with ``NAME``, ``sniff(head, suffix)``
and ``read(path, data, settings)``; they are tried in the order of ``READERS``.
Adding a format is adding one module to that list.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

from ..errors import BinaryInputError, EmptyInputError, InputError, InputTooLargeError, LimitError, UnsupportedFormatError
from ..model import Source, SourceLine
from ..settings import Settings
from . import bundle as _bundle
from . import doc, docx, html, mhtml, ofd, ole, pdf, sheet, text


class Reader(Protocol):
    NAME: str

    def sniff(self, head: bytes, suffix: str) -> bool: ...

    def read(self, path: str, data: bytes, settings: Settings) -> Source: ...


# Zip containers first (by member names; spreadsheets before DOCX, which takes bare OOXML; any other
# zip is a bundle of files), OLE2
# files (by stream names), then HTML, then plain text, which accepts any text.
READERS: list[Reader] = [pdf, sheet, doc, docx, ofd, _bundle, ole, mhtml, html, text]

# Signatures of formats that have no reader, so that the error says what the file is (zip and OLE2
# files always have one: bundle and ole).
_KNOWN_BINARY = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
}


def read_source(path: str | Path, settings: Settings | None = None) -> Source:
    """Read ``path`` with the first reader that recognises its content."""
    settings = settings or Settings()
    path = str(path)
    try:
        size = Path(path).stat().st_size
        if size > settings.max_bytes:
            raise InputTooLargeError(
                f"file is {size / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.0f} MB limit", path=path
            )
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror or error}", path=path, hint="Check the path and its permissions.") from None
    return read_bytes(path, data, settings)


def read_bytes(path: str, data: bytes, settings: Settings, *, bundle: bool = True) -> Source:
    """Read ``data`` (the content of ``path``) with the first reader that recognises it;
    ``bundle=False`` for the members of a zip bundle, which are never bundles themselves."""
    if not data.strip():
        raise EmptyInputError("file is empty", path=path)
    suffix = Path(path).suffix.lower()
    head = data[:4096]
    for reader in READERS:
        if reader is _bundle and not bundle:
            continue
        if reader.sniff(head, suffix):
            return _within_limits(reader.read(path, data, settings), settings)
    for signature, name in _KNOWN_BINARY.items():
        if data.startswith(signature):
            raise UnsupportedFormatError(f"this is a {name}, which this version of fengong cannot read yet", path=path)
    raise BinaryInputError("file is binary, not text", path=path)


def _within_limits(source: Source, settings: Settings) -> Source:
    """Text and tables are checked as read, before the stages whose work grows with them."""
    if len(source.text) > settings.max_chars:
        raise LimitError(f"the file holds {len(source.text)} characters of text, above the {settings.max_chars} limit", setting="max_chars", path=source.path)
    cells = sum(len(row) for table in source.tables for row in table.rows)
    if cells > settings.max_cells:
        raise LimitError(f"the tables hold {cells} cells, above the {settings.max_cells} limit", setting="max_cells", path=source.path)
    return source


def read_sources(paths: list[str | Path], settings: Settings | None = None) -> Source:
    """Several files read as one document, in the order given (a notice, then its attachments)."""
    from .combine import combine_sources

    sources = [read_source(path, settings) for path in paths]
    return combine_sources(sources, sources[0].path, sources[0].format)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_lines(text: str, page: int | None = None, first_number: int = 1, base_offset: int = 0) -> list[SourceLine]:
    """Lines of ``text`` with their 1-based numbers and offsets (any newline convention)."""
    lines = []
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=first_number):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        lines.append(SourceLine(number=number, text=body, offset=base_offset + offset, page=page))
        offset += len(raw)
    return lines
