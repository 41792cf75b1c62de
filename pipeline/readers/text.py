"""Plain-text notices: encoding detection and decoding.

Order of evidence: an explicit ``Settings.encoding``; a byte-order mark; strict
UTF-8; then charset-normalizer, whose GB2312/GBK guesses are widened to GB18030
(a superset) so that rare characters decode too.
"""

from __future__ import annotations

import codecs

from ..errors import BinaryInputError, DecodeError
from ..heal import is_wide
from ..model import Source
from ..settings import Settings


NAME = "text"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


def sniff(head: bytes, suffix: str) -> bool:
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return True
    if b"\x00" in head:
        return _looks_like_utf16(head)
    control = sum(1 for b in head if b in _CONTROL)
    return control <= max(2, len(head) // 200)


def _looks_like_utf16(head: bytes) -> bool:
    """UTF-16 without BOM: the bytes decode to mostly Chinese or ASCII text in one byte order."""
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return False
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = head.decode(encoding, errors="replace")
        wide = sum(1 for ch in decoded if is_wide(ch))
        plain = sum(1 for ch in decoded if ch.isascii() and (ch.isprintable() or ch in "\r\n\t"))
        if (wide + plain) / len(decoded) > 0.95 and (wide > len(decoded) * 0.3 or b"\x00" in head):
            return True
    return False


def _mostly_chinese_or_ascii(text: str) -> bool:
    non_ascii = [ch for ch in text if not ch.isascii()]
    return not non_ascii or sum(1 for ch in non_ascii if is_wide(ch)) / len(non_ascii) > 0.8


def detect_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_like_utf16(data[:4096]):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                data.decode(encoding)
                return encoding
            except UnicodeDecodeError:
                continue
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files need it

    best = from_bytes(data, cp_isolation=["gb18030", "gbk", "gb2312", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot determine the text encoding")
    name = best.encoding.lower().replace("_", "-")
    name = _WIDEN.get(name.replace("-", ""), _WIDEN.get(name, name))
    if not _mostly_chinese_or_ascii(data.decode(name, errors="replace")):
        raise DecodeError(f"cannot decode as Chinese text (the best guess, {name}, gives no Chinese characters)")
    return name


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    encoding = encoding or detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodeError(f"cannot decode as {encoding}: {error}") from None
    return text.lstrip("\ufeff"), encoding


def read(path: str, data: bytes, settings: Settings) -> Source:
    from . import sha256, split_lines

    try:
        text, encoding = decode(data, settings.encoding)
    except DecodeError as error:
        raise DecodeError(error.message, path=path) from None
    if "\x00" in text:
        raise BinaryInputError("file is binary, not text", path=path)
    lines = tuple(split_lines(text))
    return Source(
        path=path,
        sha256=sha256(data),
        format=NAME,
        text=text,
        lines=lines,
        encoding=encoding,
    )
