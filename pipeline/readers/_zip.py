"""Shared checks for zip-based formats (DOCX, OFD): open safely, refuse zip bombs.

Python's ``zipfile`` never reads more than a member's declared ``file_size`` (a member
that expands beyond it fails its CRC check), so checking the declared sizes in the
central directory before reading anything bounds the memory a package can take.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import InputError, InputTooLargeError, LimitError, UnsupportedFormatError

ZIP_SIGNATURE = b"PK\x03\x04"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # total declared size of all members
MAX_RATIO = 100  # uncompressed / compressed, checked on members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small members may compress very well (repetitive XML)
MAX_MEMBERS = 10_000


class CorruptInputError(InputError):
    hint = "The file is damaged or truncated; download or export it again."


class ZipBombError(InputTooLargeError):
    hint = ("The package would expand far beyond its size (a zip bomb?), so it was not unpacked;"
            " if the document is genuine, export it again or convert it to PDF/TXT.")


def is_zip(head: bytes) -> bool:
    return head.startswith(ZIP_SIGNATURE)


def open_zip(path: str, data: bytes, kind: str, max_uncompressed: int | None = None, max_xml: int | None = None) -> zipfile.ZipFile:
    """Open ``data`` as a zip package after checking it is one and is not a zip bomb.

    ``max_uncompressed`` defaults to ``MAX_UNCOMPRESSED`` (readers pass
    ``Settings.max_unpacked_bytes``); ``max_xml`` bounds the declared size of the XML members,
    whose parsing is what costs time and memory (readers pass ``Settings.max_xml_bytes``).
    """
    limit = max_uncompressed or MAX_UNCOMPRESSED
    if not is_zip(data[:4]):
        raise UnsupportedFormatError(f"this is not a {kind} file (no zip container)", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, OSError) as error:
        raise CorruptInputError(f"this {kind} file is corrupt or truncated ({error})", path=path) from None
    if len(infos) > MAX_MEMBERS:
        raise ZipBombError(f"this {kind} package has {len(infos)} members, above the {MAX_MEMBERS} limit", path=path)
    total = sum(info.file_size for info in infos)
    if total > limit:
        raise ZipBombError(
            f"this {kind} package expands to {total / 2**20:.0f} MiB, above the {limit / 2**20:.0f} MiB limit"
            " (a zip bomb?)",
            path=path,
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ZipBombError(
                f"member {info.filename!r} of this {kind} package is compressed {info.file_size / max(info.compress_size, 1):.0f}:1,"
                f" above the {MAX_RATIO}:1 limit (a zip bomb?)",
                path=path,
            )
    xml = sum(info.file_size for info in infos if info.filename.lower().endswith((".xml", ".rels")))
    if max_xml is not None and xml > max_xml:
        raise LimitError(
            f"this {kind} package holds {xml / 2**20:.1f} MiB of XML, above the {max_xml / 2**20:.0f} MiB limit",
            setting="max_xml_bytes", path=path,
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str, kind: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError:
        raise CorruptInputError(f"this {kind} package has no {name!r}", path=path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as error:
        raise CorruptInputError(f"member {name!r} of this {kind} package is corrupt ({error})", path=path) from None


def member_names(head: bytes) -> list[str]:
    """Names of the members whose local headers lie in ``head`` (the first bytes of a zip)."""
    names = []
    position = 0
    while True:
        index = head.find(ZIP_SIGNATURE, position)
        if index < 0 or index + 30 > len(head):
            break
        name_length = int.from_bytes(head[index + 26 : index + 28], "little")
        raw = head[index + 30 : index + 30 + name_length]
        names.append(raw.decode("utf-8", "replace"))
        position = index + 4
    return names
