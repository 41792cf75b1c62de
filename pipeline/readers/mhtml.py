"""Web pages saved by a browser as one file (.mhtml / .mht: "Save page as… single file").

The file is a MIME message (multipart/related): the page's HTML is its first ``text/html``
part, usually quoted-printable, with its charset in the part's header (GB2312/GBK widened
to GB18030, as for HTML). That part is decoded with the standard library's ``email``
package and read by the HTML reader; images and style sheets are ignored.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Source
from ..settings import Settings
from . import html

NAME = "mhtml"
_HEADER = re.compile(rb"^(?:From|MIME-Version|Content-Type|Subject|Date|Snapshot-Content-Location|Content-Location)\s*:", re.I | re.M)


class NoHtmlPartError(html.NoNoticeError):
    hint = "The saved page holds no HTML part; save the page again (as .html or .mhtml) or copy its text into a .txt file."


def sniff(head: bytes, suffix: str) -> bool:
    start = head[:2048].lstrip(b"\xef\xbb\xbf \r\n\t")
    return bool(_HEADER.match(start)) and b"multipart/related" in head.lower() and b"text/html" in head.lower()


def read(path: str, data: bytes, settings: Settings) -> Source:
    import email
    from email import policy

    from . import sha256

    message = email.message_from_bytes(data, policy=policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    payload = part.get_payload(decode=True) if part is not None else None
    if not payload:
        raise NoHtmlPartError("this saved web page (MHTML) has no HTML part", path=path)
    charset = (part.get_content_charset() or "").lower() or None
    if charset and not settings.encoding:
        charset = html._WIDEN.get(charset, charset)
        try:
            "".encode(charset)
            settings = replace(settings, encoding=charset)
        except LookupError:
            pass  # an unknown charset name: let the page's own <meta> or detection decide
    source = html.read(path, payload, settings)
    return replace(source, sha256=sha256(data), format=NAME)
