"""Legacy Office files (OLE2 compound files: Word 97 .doc, WPS .wps, Excel 97 .xls, WPS .et).

All of them start with the same signature, so what the file is comes from the names of
its streams (olefile reads the directory): ``WordDocument`` → a Word/WPS text document,
``Workbook``/``Book`` → an Excel/ET workbook, ``EncryptionInfo`` + ``EncryptedPackage`` →
a password-protected .docx/.xlsx (Office wraps those in OLE). The extension only names
the format (``.wps`` read as WPS, ``.et`` as ET); it never decides which reader reads.
"""

from __future__ import annotations

import io
import struct

from ..errors import InputError, UnsupportedFormatError
from ..model import Source
from ..settings import Settings
from ._zip import CorruptInputError

NAME = "ole"
SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_ENCRYPTED = 0x0100  # FIB flags, fEncrypted (MS-DOC 2.5.2)


class EncryptedOfficeError(InputError):
    hint = "Remove the password (open it in Word/WPS/Excel, then save it without one) and parse the saved copy."


def sniff(head: bytes, suffix: str) -> bool:
    return head.startswith(SIGNATURE)


def streams(path: str, data: bytes) -> dict[str, bytes | None]:
    """Top-level stream names, lower-cased; the Word stream's first bytes (for the FIB flags)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, TypeError) as error:
        raise CorruptInputError(f"this Office file is corrupt or truncated ({error})", path=path) from None
    try:
        names = {"/".join(entry).lower(): None for entry in ole.listdir(streams=True, storages=False)}
        if "worddocument" in names:
            try:
                names["worddocument"] = ole.openstream("WordDocument").read(32)
            except (OSError, ValueError, IndexError, struct.error) as error:
                raise CorruptInputError(f"this Word document is corrupt ({error})", path=path) from None
        return names
    finally:
        ole.close()


def classify(path: str, data: bytes, suffix: str) -> tuple[str, str]:
    """``(format, suffix LibreOffice should see)``: format ``doc``, ``wps``, ``xls`` or ``et``;
    or an error saying what the file is instead."""
    names = streams(path, data)
    if "encryptioninfo" in names and "encryptedpackage" in names:
        raise EncryptedOfficeError("this file is password-protected (an encrypted .docx/.xlsx)", path=path)
    fib = names.get("worddocument")
    if fib is not None:
        if len(fib) < 12:
            raise CorruptInputError("this Word document is corrupt (its WordDocument stream is too short)", path=path)
        if struct.unpack_from("<H", fib, 10)[0] & _WORD_ENCRYPTED:
            raise EncryptedOfficeError("this Word document is password-protected", path=path)
        return ("wps" if suffix == ".wps" else "doc"), ".doc"  # WPS writes Word 97 streams
    if "workbook" in names or "book" in names:
        return ("et" if suffix == ".et" else "xls"), ".xls"
    if suffix in (".wps", ".et"):  # older Works/WPS layouts: LibreOffice's own filters know them
        return suffix[1:], suffix
    if "powerpoint document" in names:
        raise UnsupportedFormatError("this is a PowerPoint presentation, not a notice", path=path)
    shown = ", ".join(sorted(names)[:4]) or "none"
    raise UnsupportedFormatError(f"this OLE compound file is neither a Word nor an Excel document (streams: {shown})", path=path)


def read(path: str, data: bytes, settings: Settings) -> Source:
    from pathlib import Path

    from . import doc, sheet

    kind, office_suffix = classify(path, data, Path(path).suffix.lower())
    if kind in ("doc", "wps"):
        return doc.read_word(path, data, settings, kind, office_suffix)
    return sheet.read_xls(path, data, settings, kind, office_suffix)
