"""Word 97 (.doc) and WPS (.wps) documents: converted by LibreOffice to DOCX, then read as DOCX.

Going through the DOCX reader keeps one path for automatic numbering (LibreOffice writes
the document's lists as ``numbering.xml``) and for tables with merged cells. The Source
still describes the original: its path, its sha256, format ``doc`` or ``wps``; lines are
the original's paragraphs in order (one paragraph per line, as for DOCX). Also reached
for OpenDocument text (.odt), which LibreOffice converts the same way.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Source
from ..settings import Settings
from . import _office, _zip, docx

NAME = "doc"
LABELS = {"doc": "Word 97 (.doc)", "wps": "WPS (.wps)", "odt": "OpenDocument text (.odt)"}
_ODT = b"mimetypeapplication/vnd.oasis.opendocument.text"


def sniff(head: bytes, suffix: str) -> bool:
    """OpenDocument text by its ``mimetype`` member; .doc/.wps arrive through ``ole``."""
    return _zip.is_zip(head) and _ODT in head[:200]


def read(path: str, data: bytes, settings: Settings) -> Source:
    return read_word(path, data, settings, "odt", ".odt")


def read_word(path: str, data: bytes, settings: Settings, kind: str, office_suffix: str) -> Source:
    """``data`` (format ``kind``) converted as a file named ``*office_suffix`` and read as DOCX."""
    from . import sha256

    converted = _office.convert(path, data, office_suffix, "docx", settings, LABELS[kind])
    source = docx.read(path, converted, settings)
    return replace(source, sha256=sha256(data), format=kind)
