"""OFD (GB/T 33190-2016) notices: text objects placed on pages, read back into lines and paragraphs.

``OFD.xml`` → ``DocBody/DocRoot`` (``Document.xml``) → ``Pages/Page@BaseLoc`` → each
page's ``Content.xml``. Every ``TextObject`` (also inside ``PageBlock``) has a
``Boundary`` (x y w h, mm) and ``TextCode`` runs with ``X``/``Y`` (the baseline,
relative to the boundary) and ``DeltaX`` (advances between characters, possibly in
the compressed ``g count width`` form). Template pages (running headers) are left out.

Glyph runs are ordered by position, grouped into lines by baseline, and lines into
paragraphs as in typeset 公文: a paragraph starts with an indented (or centred) line,
after a line that stops short of the right margin, or after a wide vertical gap. A
paragraph carried over to the next page is kept whole. Page-number lines
(``— 3 —``) are dropped. Paragraphs are separated by one blank line.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import EmptyInputError, InputError, LimitError
from ..model import Source, SourceLine
from ..settings import Settings
from . import _zip

NAME = "ofd"
NS = "http://www.ofdspec.org/2016"
_PAGE_NUMBER = re.compile(r"^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·]*$")


class NotOfdError(InputError):
    hint = "The file is not an OFD document; check the file, or export the notice again as OFD or PDF."


class OfdNoTextError(EmptyInputError):
    hint = "The OFD holds no text (scanned pages are images); OCR it, or find a text version of the notice."


def sniff(head: bytes, suffix: str) -> bool:
    if not _zip.is_zip(head):
        return False
    names = _zip.member_names(head)
    return any(n.lower() == "ofd.xml" or re.match(r"Doc_\d+/", n) for n in names)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _parse_xml(archive, name: str, path: str):
    from lxml import etree

    data = _zip.read_member(archive, name, path, "OFD")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _zip.CorruptInputError(f"{name} in this OFD package is not well-formed XML ({error})", path=path) from None


def _find(element, *tags: str):
    """First descendant path ``tags``, in the OFD namespace or without one (some producers omit it)."""
    for namespaced in (True, False):
        node = element
        for tag in tags:
            node = node.find(_q(tag) if namespaced else tag) if node is not None else None
        if node is not None:
            return node
    return None


def _findall(element, tag: str):
    return list(element.findall(_q(tag))) or list(element.findall(tag))


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _resolve(base_dir: str, location: str, names: set[str]) -> str:
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        candidate = location.lstrip("/")
    else:
        candidate = posixpath.normpath(posixpath.join(base_dir, location))
    if candidate in names:
        return candidate
    lowered = {n.lower(): n for n in names}
    return lowered.get(candidate.lower(), candidate)


def _floats(text: str | None) -> list[float]:
    out = []
    for token in (text or "").split():
        try:
            out.append(float(token))
        except ValueError:
            continue
    return out


def delta_values(text: str | None) -> list[float]:
    """DeltaX/DeltaY with the ``g count value`` shorthand expanded."""
    tokens = (text or "").split()
    out: list[float] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "g" and index + 2 < len(tokens):
            try:
                out.extend([float(tokens[index + 2])] * int(float(tokens[index + 1])))
            except ValueError:
                pass
            index += 3
            continue
        try:
            out.append(float(token))
        except ValueError:
            pass
        index += 1
    return out


@dataclass
class _Run:
    x: float  # left of the first glyph
    end: float  # right of the last glyph
    y: float  # baseline
    size: float
    text: str


def _text_runs(content) -> list[_Run]:
    runs: list[_Run] = []
    for element in content.iter():
        if _local(element.tag) != "TextObject":
            continue
        box = _floats(element.get("Boundary"))
        bx, by = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = _floats(element.get("Size"))
        size = size[0] if size else (box[3] if len(box) >= 4 else 3.5)
        ctm = _floats(element.get("CTM"))
        scale = ctm[0] if len(ctm) == 6 and ctm[0] > 0 else 1.0
        x = y = None
        for code in element:
            if _local(code.tag) != "TextCode":
                continue
            text = "".join(code.itertext())
            if not text:
                continue
            if code.get("X") is not None:
                x = _floats(code.get("X"))[0] if _floats(code.get("X")) else 0.0
            if code.get("Y") is not None:
                y = _floats(code.get("Y"))[0] if _floats(code.get("Y")) else 0.0
            x = x or 0.0
            y = y or 0.0
            deltas = delta_values(code.get("DeltaX"))
            deltas_y = delta_values(code.get("DeltaY"))
            if deltas_y and any(abs(d) > 0.01 for d in deltas_y):
                # Vertical text: one run per character.
                cy = y
                for index, ch in enumerate(text):
                    runs.append(_Run(bx + x * scale, bx + (x + size) * scale, by + cy * scale, size * scale, ch))
                    if index < len(deltas_y):
                        cy += deltas_y[index]
                continue
            advance = sum(deltas[: len(text) - 1])
            if len(deltas) < len(text) - 1:  # missing advances: assume one character width
                advance += sum(_width(ch, size) for ch in text[len(deltas) : len(text) - 1])
            last = _width(text[-1], size)
            runs.append(_Run(bx + x * scale, bx + (x + advance + last) * scale, by + y * scale, size * scale, text))
            x = x + advance + last  # a following TextCode without X continues the line
    return runs


def _width(ch: str, size: float) -> float:
    return size / 2 if ord(ch) < 0x2000 else size


@dataclass
class _Line:
    x: float
    end: float
    y: float
    size: float
    text: str
    page: int


def _lines(runs: list[_Run], page: int) -> list[_Line]:
    """Runs grouped by baseline (top to bottom), each line's runs left to right."""
    runs = sorted(runs, key=lambda r: (r.y, r.x))
    groups: list[list[_Run]] = []
    for run in runs:
        if groups and abs(run.y - groups[-1][0].y) <= 0.35 * max(run.size, groups[-1][0].size):
            groups[-1].append(run)
        else:
            groups.append([run])
    lines = []
    for group in groups:
        group.sort(key=lambda r: r.x)
        text = ""
        previous: _Run | None = None
        for run in group:
            if previous is not None and run.x - previous.end > 0.5 * run.size and not text.endswith(" ") and not run.text.startswith(" "):
                text += " "
            text += run.text
            previous = run
        text = text.rstrip()
        if not text.strip():
            continue
        size = Counter(round(r.size, 1) for r in group).most_common(1)[0][0]
        lines.append(_Line(group[0].x, max(r.end for r in group), group[0].y, size, text, page))
    return lines


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    if not lines:
        return []
    left = Counter(round(line.x) for line in lines).most_common(1)[0][0]
    ends = [round(line.end) for line in lines if round(line.x) == left] or [round(line.end) for line in lines]
    right = Counter(ends).most_common(1)[0][0]
    pitches = [b.y - a.y for a, b in zip(lines, lines[1:]) if a.page == b.page and b.y > a.y]
    pitch = sorted(pitches)[len(pitches) // 2] if pitches else None
    out: list[list[_Line]] = []
    previous: _Line | None = None
    for line in lines:
        size = line.size
        indented = line.x - left > 0.8 * size
        new = previous is None or indented
        if previous is not None and not new:
            short = previous.end < right - 1.5 * previous.size
            gap = previous.page == line.page and pitch is not None and line.y - previous.y > 1.6 * pitch
            new = short or gap
        if new:
            out.append([line])
        else:
            out[-1].append(line)
        previous = line
    return out


def _open(path: str, data: bytes, settings: Settings):
    archive = _zip.open_zip(path, data, "OFD", settings.max_unpacked_bytes, settings.max_xml_bytes)
    names = set(archive.namelist())
    entry = next((n for n in names if n.lower() == "ofd.xml"), None)
    if entry is None:
        raise NotOfdError("this zip package is not an OFD document (no OFD.xml)", path=path)
    return archive, names, entry


def read(path: str, data: bytes, settings: Settings) -> Source:
    from . import sha256

    if not _zip.is_zip(data[:4]):
        raise NotOfdError("this is not an OFD document (OFD files are zip packages)", path=path)
    archive, names, entry = _open(path, data, settings)
    root = _parse_xml(archive, entry, path)
    body = _find(root, "DocBody")
    doc_root = _find(body, "DocRoot") if body is not None else None
    if doc_root is None or not (doc_root.text or "").strip():
        raise _zip.CorruptInputError("OFD.xml names no document (DocBody/DocRoot)", path=path)
    document_name = _resolve("", doc_root.text, names)
    document = _parse_xml(archive, document_name, path)
    base = posixpath.dirname(document_name)
    pages = _find(document, "Pages")
    page_entries = _findall(pages, "Page") if pages is not None else []
    if not page_entries:
        raise _zip.CorruptInputError("this OFD document has no pages", path=path)
    if len(page_entries) > settings.max_pages:
        raise LimitError(f"the OFD has {len(page_entries)} pages, above the {settings.max_pages} limit", setting="max_pages", path=path)
    all_lines: list[_Line] = []
    for number, page in enumerate(page_entries, start=1):
        location = page.get("BaseLoc")
        if not location:
            continue
        content = _parse_xml(archive, _resolve(base, location, names), path)
        lines = _lines(_text_runs(content), number)
        lines = [line for line in lines if not _PAGE_NUMBER.match(line.text)]
        all_lines.extend(lines)
    if not all_lines:
        raise OfdNoTextError(f"this OFD document has {len(page_entries)} page(s) but no text objects", path=path)
    paragraphs = _paragraphs(all_lines)
    text_parts: list[str] = []
    source_lines: list[SourceLine] = []
    offset = 0
    line_number = 0
    for index, paragraph in enumerate(paragraphs):
        if index:
            text_parts.append("\n")
            offset += 1
            line_number += 1  # the blank line between paragraphs
            source_lines.append(SourceLine(line_number, "", offset, paragraph[0].page))
        for line in paragraph:
            line_number += 1
            if text_parts:
                text_parts.append("\n")
                offset += 1
            source_lines.append(SourceLine(line_number, line.text, offset, line.page))
            text_parts.append(line.text)
            offset += len(line.text)
    text = "".join(text_parts) + ("\n" if text_parts else "")
    return Source(
        path=path,
        sha256=sha256(data),
        format=NAME,
        text=text,
        lines=tuple(source_lines),
        encoding=None,
        pages=len(page_entries),
        paragraphs="blank",  # physical lines kept; a blank line between paragraphs
    )
