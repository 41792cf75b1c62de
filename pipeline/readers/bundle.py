"""Zip bundles (``.zip``): a notice and its attachments, read as one document.

Government sites often offer a notice with its attachments as one zip download. The members
that fengong can read (by extension: .txt, .doc, .docx, .pdf, .xlsx …) are read each with its
own reader and joined (``combine``): the notice first — the member whose name does not start
with 附件/附表 — then the attachments in the order of their numbers (附件2 before 附件10), else
of their names. Other members (images, folders, ``__MACOSX``) are left out with a warning.
The zip-bomb guards of ``_zip`` apply to the bundle, and again to each zip-based member.
Member names written in GBK without the zip's UTF-8 flag (Windows' archiver) are decoded.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..errors import InputTooLargeError, UnsupportedFormatError
from ..model import ParseWarning, Source
from ..settings import Settings
from . import _zip

NAME = "zip"
READABLE = (".txt", ".text", ".md", ".doc", ".docx", ".wps", ".odt", ".pdf", ".ofd", ".html", ".htm", ".shtml",
            ".mhtml", ".mht", ".xlsx", ".xlsm", ".xls", ".et", ".ods")
_ATTACHMENT = re.compile(r"^(?:附件|附表|附录)\s*([0-9０-９一二三四五六七八九十]*)")
_DIGITS = re.compile(r"(\d+)")


class EmptyBundleError(UnsupportedFormatError):
    hint = "The zip holds no file fengong reads (.doc/.docx/.wps/.pdf/.ofd/.html/.txt/.xls/.xlsx/.et/.ods); unpack it and check."


def sniff(head: bytes, suffix: str) -> bool:
    """Any zip the format readers before this one did not take (DOCX, XLSX, OFD, ODF)."""
    return _zip.is_zip(head)


def member_name(info) -> str:
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gb18030")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(text)]


def order(names: list[str]) -> list[str]:
    """The notice first, then the attachments by number, then by name."""
    from ..extract.numerals import to_int

    def key(name: str):
        stem = PurePosixPath(name).stem
        found = _ATTACHMENT.match(stem)
        if not found:
            return (0, _natural(name))
        number = found.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        value = int(number) if number.isdigit() else (to_int(number) if number else 0)
        return (1, value or 0, _natural(name))

    return sorted(names, key=key)


def read(path: str, data: bytes, settings: Settings) -> Source:
    from . import read_bytes, sha256
    from .combine import combine_sources

    archive = _zip.open_zip(path, data, "zip", getattr(settings, "max_unpacked_bytes", None))
    members = {}
    skipped = []
    for info in archive.infolist():
        name = member_name(info)
        if info.is_dir() or name.startswith("__MACOSX/") or PurePosixPath(name).name.startswith("."):
            continue
        if PurePosixPath(name).suffix.lower() in READABLE:
            members[name] = info
        else:
            skipped.append(name)
    if not members:
        raise EmptyBundleError(f"this zip holds no notice file ({len(skipped)} other member(s))", path=path)
    sources = []
    for name in order(list(members)):
        if members[name].file_size > settings.max_bytes:
            raise InputTooLargeError(
                f"member {name!r} is {members[name].file_size / 1e6:.1f} MB, above the {settings.max_bytes / 1e6:.0f} MB limit", path=path
            )
        member = _zip.read_member(archive, members[name].filename, path, "zip")
        sources.append(read_bytes(f"{path}!{name}", member, settings, bundle=False))
    warnings = tuple(ParseWarning("bundle_member_skipped", f"member {name!r} of the zip is not a document fengong reads") for name in skipped)
    combined = combine_sources(sources, path, NAME, sha256(data))
    return replace(combined, format=NAME, files=combined.files or _files(combined), warnings=warnings + combined.warnings)


def _files(source: Source):
    from ..model import SourceFile

    return (SourceFile(source.path, source.sha256, source.format, 1, len(source.lines)),)
