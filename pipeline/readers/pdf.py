"""PDF notices: page text with provenance, paragraphs from layout, ruled tables.

Text comes from pdfium (pypdfium2), which is fast and already drops most doubled
glyphs of "fake bold"; a doubling that survives (``苏苏产产``) is removed by position,
and table pages go through pdfplumber's ``dedupe_chars`` when they hold duplicates.
pdfium's line breaks are kept and each line is measured by the boxes of its first
and last characters; generated spaces stay only between Latin words or numbers. Lines
are then filtered and joined by layout, the way a reader of a 公文 sees them:

* page numbers (``— 3 —``, ``- 3 -``, ``第3页``, ``3``) and running headers or
  footers (the same text at the same height on most pages) are dropped;
* a paragraph starts with a first-line indent, after a line that ends well
  before the right margin, at a change of font size, after a vertical gap, or
  at a heading (``一、`` / ``（一）`` / ``1.``) that follows a finished sentence;
* a title set in a large font over several centred lines is one paragraph.

Paragraphs are separated by one blank line in ``Source.text`` and have none
inside, also across a page break. Ruled tables are found with pdfplumber (only
on pages that draw enough lines to hold one); their cells become ``Table`` rows,
a table continued on the next page under a repeated header row is joined, and a
row split by the page break (its continuation has an empty first cell) is merged.
Pages without usable text (no characters, or undecodable glyphs) are OCR'd with
the optional ``rapidocr`` extra (``pipeline.readers.ocr``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..errors import EmptyInputError, InputError, LimitError
from ..model import Source, SourceLine, Table, TableCell
from ..settings import Settings
from .page_lines import Line

NAME = "pdf"

OCR_HINT = "Install the OCR extra: pip install 'fengong[ocr]' (rapidocr + onnxruntime)."


class PdfError(InputError):
    hint = "Check that the file is a complete, readable PDF."


class EncryptedPdfError(PdfError):
    hint = "The PDF is password-protected: remove the password (e.g. `qpdf --decrypt --password=PASS in.pdf out.pdf`) and try again."


class CorruptPdfError(PdfError):
    hint = "The PDF is damaged or truncated: download or export it again."


class EmptyPdfError(EmptyInputError):
    hint = "The PDF has no pages: check that it was fully downloaded or exported."


class OcrUnavailableError(PdfError):
    hint = OCR_HINT


PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_~·•]*(?:第\s*)?(?:\d{1,4}|[ivxlcIVXLC]{1,6})(?:\s*页)?(?:\s*[/／]\s*\d+|\s*共\s*\d+\s*页)?[\s\-—–－_~·•]*$"
)
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十百]+\s*、|[（(]\s*[一二三四五六七八九十百]+\s*[）)]|\d{1,3}\s*[.．、](?!\d)|[（(]\s*\d{1,3}\s*[）)])")
TERMINAL = "。！？；：）)”」』…"
NO_LINE_START = set("，。、；：？！）》”’」』〕】%…·")
_GARBAGE_MAX = 0.15  # share of undecodable characters above which a page is OCR'd


@dataclass
class TableCellRaw:
    text: str  # visual lines joined: wraps without separator, real breaks as "\n"
    last_full: bool  # the last visual line nearly reaches the cell's right edge
    page: int
    last_room: float = 0.0  # space left after the last visual line
    first_width: float = 0.0  # width of the first character and the punctuation glued to it


@dataclass
class TableBlock:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[TableCellRaw]]


# --- entry points ------------------------------------------------------------------


def sniff(head: bytes, suffix: str) -> bool:
    return b"%PDF-" in head[:1024]


def read(path: str, data: bytes, settings: Settings) -> Source:
    from . import sha256

    pdf = _open(path, data)
    try:
        pages = len(pdf)
        if pages == 0:
            raise EmptyPdfError("the PDF has no pages", path=path)
        if pages > settings.max_pages:
            raise LimitError(f"the PDF has {pages} pages, above the {settings.max_pages} limit", setting="max_pages", path=path)
        page_lines, tables, heights = _extract(path, data, pdf, settings.max_ocr_pixels)
    finally:
        pdf.close()
    page_lines = _drop_furniture(page_lines, heights)
    text, lines, built = _assemble(page_lines, tables)
    if not text.strip():
        raise EmptyInputError("the PDF contains no text", path=path)
    return Source(
        path=path,
        sha256=sha256(data),
        format=NAME,
        text=text,
        lines=tuple(lines),
        encoding=None,
        pages=pages,
        tables=tuple(built),
        paragraphs="blank",  # physical lines kept; paragraphs are runs of non-blank lines
    )


def _open(path: str, data: bytes):
    import pypdfium2 as pdfium

    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        raise CorruptPdfError("not a PDF (no %PDF- header)", path=path)
    if b"%%EOF" not in data[-4096:] and b"%%EOF" not in data:  # (junk after %%EOF is tolerated)
        raise CorruptPdfError("the PDF is truncated (no %%EOF marker at its end)", path=path)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        # pdfium's last error is sticky across documents: trust it only with an /Encrypt entry
        encrypted = b"/Encrypt" in data
        if encrypted and code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedPdfError("the PDF is encrypted (it needs a password to open)", path=path) from None
        if encrypted and code == pdfium.raw.FPDF_ERR_SECURITY:
            raise EncryptedPdfError("the PDF uses an unsupported security handler", path=path) from None
        if _zero_pages(data):
            raise EmptyPdfError("the PDF has no pages", path=path) from None
        raise CorruptPdfError(f"cannot open the PDF: {error}", path=path) from None


def _zero_pages(data: bytes) -> bool:
    """pdfium refuses a document whose page tree is empty; pdfminer tells that case apart."""
    try:
        import io

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        document = PDFDocument(PDFParser(io.BytesIO(data)))
        return next(iter(PDFPage.create_pages(document)), None) is None
    except Exception:  # noqa: BLE001 - any failure means "not a clean empty PDF"
        return False


# --- per-page extraction ---------------------------------------------------------------


def _extract(path: str, data: bytes, pdf, max_ocr_pixels: int) -> tuple[list[list[Line | TableBlock]], list[TableBlock], list[float]]:
    import pypdfium2.raw as raw

    per_page: list[list[Line | TableBlock]] = []
    table_pages: list[int] = []
    ocr_pages: list[int] = []
    heights: list[float] = []
    import pypdfium2 as pdfium

    for index in range(len(pdf)):
        try:
            page = pdf[index]
        except pdfium.PdfiumError as error:  # a damaged page object (found by tests/test_fuzz.py)
            raise CorruptPdfError(f"page {index + 1} of the PDF cannot be read ({error})", path=path) from None
        width, height = page.get_size()
        heights.append(height)
        rules, image_area = _page_objects(page, raw)
        image_share = image_area / max(1.0, width * height)
        textpage = page.get_textpage()
        lines, bad, total = _page_lines(textpage, index + 1, height, raw)
        textpage.close()
        scanned = image_share >= 0.5 and total < 80  # a page image, perhaps with a stamped page number
        if total == 0 and image_share > 0.02 or scanned or total and bad / total > _GARBAGE_MAX:
            _check_ocr_size(path, index, width, height, max_ocr_pixels)
            ocr_pages.append(index)
            lines = []
        if rules:
            table_pages.append(index)
        per_page.append(lines)
    if ocr_pages:
        try:
            from . import ocr
        except ImportError as error:  # pragma: no cover - the module itself has no hard dependency
            raise OcrUnavailableError(f"OCR support is missing: {error}", path=path) from None
        if not ocr.available():
            numbers = ", ".join(str(i + 1) for i in ocr_pages)
            raise OcrUnavailableError(
                f"page(s) {numbers} have no extractable text (scanned or undecodable glyphs) and OCR is not installed",
                path=path,
            )
        for index in ocr_pages:
            per_page[index] = ocr.page_lines(pdf[index], index + 1)
    tables: list[TableBlock] = []
    if table_pages:
        tables = _tables(data, table_pages)
        for block in tables:
            items = per_page[block.page - 1]
            kept = [
                item
                for item in items
                if not (isinstance(item, Line) and block.top - 2 <= (item.top + item.bottom) / 2 <= block.bottom + 2 and item.x1 > block.x0 and item.x0 < block.x1)
            ]
            kept.append(block)
            kept.sort(key=lambda item: item.top)
            per_page[block.page - 1] = kept
    return per_page, tables, heights


def _check_ocr_size(path: str, index: int, width: float, height: float, limit: int) -> None:
    """A page is rendered for OCR at ``ocr.SCALE``: its pixels, and so memory and time, grow with its area."""
    from .ocr import SCALE

    pixels = int(width * SCALE) * int(height * SCALE)
    if pixels > limit:
        raise LimitError(
            f"page {index + 1} ({width:.0f} × {height:.0f} pt) would render to {pixels / 1e6:.0f} M pixels for OCR,"
            f" above the {limit / 1e6:.0f} M limit",
            setting="max_ocr_pixels", path=path,
        )


def _page_objects(page, raw) -> tuple[bool, float]:
    """(may hold a ruled table, area covered by images and forms in pt²). A table needs at least
    3 horizontal and 3 vertical rules, or one large path of many segments (a grid as one path)."""
    import ctypes

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    horizontal = vertical = 0
    image_area = 0.0
    grid = False
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_FORM):
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if kind != raw.FPDF_PAGEOBJ_PATH:  # a scan may sit in an image or inside a form XObject
            image_area += max(0.0, width) * max(0.0, height)
            continue
        if height <= 3 and width >= 15:
            horizontal += 1
        elif width <= 3 and height >= 8:
            vertical += 1
        elif width > 50 and height > 20 and raw.FPDFPath_CountSegments(obj) >= 12:
            grid = True
    return grid or (horizontal >= 3 and vertical >= 3), image_area


def _page_lines(textpage, page_no: int, height: float, raw) -> tuple[list[Line], int, int]:
    """pdfium's lines of one page, each measured by its first and last character boxes."""
    count = textpage.count_chars()
    if count <= 0:
        return [], 0, 0
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # surrogate pairs: fall back to one call per character
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(count))
    rect = raw.FS_RECTF()
    bad = total = latin = 0
    lines: list[Line] = []
    start = 0
    handle = textpage.raw
    for match in re.finditer(r"\r\n|\n|\r|$", text):
        end = match.start()
        segment = text[start:end]
        first = start
        start = match.end()
        if not segment.strip():
            if match.end() == len(text):
                break
            continue
        chars = list(segment)
        # generated spaces (gaps pdfium saw) stay only between Latin words or numbers
        for k, ch in enumerate(chars):
            if ch == " " and raw.FPDFText_IsGenerated(handle, first + k) == 1:
                before = chars[k - 1] if k else ""
                after = chars[k + 1] if k + 1 < len(chars) else ""
                if not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()):
                    chars[k] = ""
        for ch in chars:
            if ch and not ch.isspace():
                total += 1
                kind = _char_class(ch)
                bad += kind == "bad"
                latin += kind == "latin"
        chars = _undouble(chars, first, handle, raw, rect)
        cleaned = "".join(chars).strip()
        if not cleaned:
            continue
        lead = first + next(k for k, ch in enumerate(segment) if not ch.isspace())
        tail = first + max(k for k, ch in enumerate(segment) if not ch.isspace())
        raw.FPDFText_GetLooseCharBox(handle, lead, rect)
        x0, top, bottom = rect.left, height - rect.top, height - rect.bottom
        raw.FPDFText_GetLooseCharBox(handle, tail, rect)
        x1 = rect.right
        top, bottom = min(top, height - rect.top), max(bottom, height - rect.bottom)
        size = raw.FPDFText_GetFontSize(handle, lead) or (bottom - top)
        lines.append(Line(page_no, cleaned, x0, x1, top, bottom, float(size)))
    lines = _merge_same_row(lines)
    if total and bad + latin > total * 0.5 and bad > total * 0.05:
        bad = max(bad, bad + latin)  # glyph codes read as Latin letters: a font without a usable ToUnicode map
    return lines, bad, total


def _merge_same_row(lines: list[Line]) -> list[Line]:
    """pdfium sometimes breaks one visual line where the drawing jumps: rejoin pieces on the same
    baseline that follow each other left to right."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and abs(prev.bottom - line.bottom) < min(prev.size, line.size) * 0.3
            and line.x0 >= prev.x1 - 2
            and line.x0 - prev.x1 < max(prev.size, line.size) * 4
        ):
            glue = " " if prev.text[-1:].isascii() and prev.text[-1:].isalnum() and line.text[:1].isascii() and line.text[:1].isalnum() else ""
            out[-1] = Line(prev.page, prev.text + glue + line.text, prev.x0, line.x1, min(prev.top, line.top), max(prev.bottom, line.bottom), prev.size)
            continue
        out.append(line)
    return out


def _char_class(ch: str) -> str:
    """"cjk", "latin" (ASCII letters), "ok" (digits, punctuation, symbols a notice uses) or "bad"."""
    code = ord(ch)
    if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF or 0x2E80 <= code <= 0x2FDF:
        return "cjk"
    if 0x21 <= code <= 0x7E:
        return "latin" if ch.isalpha() else "ok"
    if 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFFEF or 0x2010 <= code <= 0x205E or 0x2100 <= code <= 0x27BF:
        return "ok"  # CJK and general punctuation, full-width forms, letterlike, numbers ①, arrows, math, shapes
    if ch in "·×÷°±§¶" or 0x0391 <= code <= 0x03C9:
        return "ok"
    return "bad"  # control characters, U+FFFD, private use, Latin-1 and other scripts read from glyph codes


def _undouble(chars: list[str], first: int, handle, raw, rect) -> list[str]:
    """Fake bold drawn glyph by glyph (``苏苏产产``): drop a character repeated at almost the same place."""
    visible = [ch for ch in chars if ch]
    if len(visible) < 4:
        return chars
    pairs = sum(1 for a, b in zip(visible, visible[1:]) if a == b and not a.isspace())
    if pairs < len(visible) * 0.3:
        return chars
    out = list(chars)
    previous = None
    for k, ch in enumerate(chars):
        if not ch:
            continue
        raw.FPDFText_GetLooseCharBox(handle, first + k, rect)
        box = (rect.left, rect.bottom, rect.right - rect.left)
        if previous and previous[0] == ch and abs(box[0] - previous[1][0]) < max(1.0, 0.25 * box[2]) and abs(box[1] - previous[1][1]) < 1.0:
            out[k] = ""
            continue
        previous = (ch, box)
    return out


# --- tables -----------------------------------------------------------------------------


def _tables(data: bytes, page_indexes: list[int]) -> list[TableBlock]:
    import io

    import pdfplumber

    blocks: list[TableBlock] = []
    with pdfplumber.open(io.BytesIO(data)) as document:
        for index in page_indexes:
            page = document.pages[index]
            chars = page.chars
            if _has_duplicates(chars):
                page = page.dedupe_chars()
                chars = page.chars
            for table in page.find_tables():
                rows = []
                for row in table.rows:
                    cells = []
                    for bbox in row.cells:
                        cells.append(_cell(chars, bbox, index + 1) if bbox else None)
                    rows.append(cells)
                rows = _fill_merged(rows, index + 1)
                if len(rows) < 2 or max(len(r) for r in rows) < 2:
                    continue
                x0, top, x1, bottom = table.bbox
                blocks.append(TableBlock(index + 1, top, bottom, x0, x1, rows))
    return blocks


def _has_duplicates(chars: list[dict]) -> bool:
    seen = set()
    dup = 0
    for ch in chars:
        key = (ch["text"], round(ch["x0"]), round(ch["top"]))
        dup += key in seen
        seen.add(key)
    return dup > max(3, len(chars) * 0.05)


def _cell(chars: list[dict], bbox: tuple[float, float, float, float], page: int) -> TableCellRaw:
    """A cell's text: a visual line is a wrap (joined without separator) when the next line's
    first character, with the punctuation that may not start a line, would not have fitted
    after it; otherwise the line break is the author's (kept as ``\n``)."""
    x0, top, x1, bottom = bbox
    inside = [c for c in chars if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1 and top - 1 <= (c["top"] + c["bottom"]) / 2 <= bottom + 1]
    rows: list[list[dict]] = []
    for ch in sorted(inside, key=lambda c: (round(c["top"]), c["x0"])):
        if rows and abs(rows[-1][0]["top"] - ch["top"]) < ch["size"] * 0.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    if not rows:
        return TableCellRaw("", False, page)
    for row in rows:
        row.sort(key=lambda c: c["x0"])
    pad = max(0.0, min(row[0]["x0"] - x0 for row in rows))
    text = "".join(c["text"] for c in rows[0]).strip()
    for previous, row in zip(rows, rows[1:]):
        room = x1 - pad - previous[-1]["x1"]
        text += ("" if room < _lead_width(row) else "\n") + "".join(c["text"] for c in row).strip()
    room = x1 - pad - rows[-1][-1]["x1"]
    return TableCellRaw(text, room < rows[-1][-1]["size"] * 1.6, page, room, _lead_width(rows[0]))


def _lead_width(row: list[dict]) -> float:
    """Width of a line's first character plus the punctuation glued to it (which cannot start a line)."""
    width = row[0]["x1"] - row[0]["x0"]
    for ch in row[1:3]:
        if ch["text"] not in NO_LINE_START:
            break
        width += ch["x1"] - ch["x0"]
    return width - 0.5


def _fill_merged(rows: list[list[TableCellRaw | None]], page: int) -> list[list[TableCellRaw]]:
    """A vertically merged cell is repeated in the rows it spans; other holes are empty cells."""
    out: list[list[TableCellRaw]] = []
    for r, row in enumerate(rows):
        filled = []
        for c, cell in enumerate(row):
            if cell is None:
                above = out[r - 1][c] if r and c < len(out[r - 1]) else None
                cell = above if above is not None else TableCellRaw("", False, page)
            filled.append(cell)
        out.append(filled)
    return out


# --- page furniture ---------------------------------------------------------------------


def _drop_furniture(per_page: list[list[Line | TableBlock]], heights: list[float]) -> list[list[Line | TableBlock]]:
    """Page numbers and running headers/footers: the top and bottom two lines of each page."""
    pages = len(per_page)
    candidates: dict[tuple[str, int], set[int]] = {}
    edge: list[set[int]] = []
    for number, items in enumerate(per_page):
        lines = [k for k, item in enumerate(items) if isinstance(item, Line)]
        by_top = sorted(lines, key=lambda k: items[k].top)  # by position, whatever the drawing order
        ends = set(by_top[:2] + by_top[-2:])
        edge.append(ends)
        for k in ends:
            line = items[k]
            key = (re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.top / 12))
            candidates.setdefault(key, set()).add(number)
    repeated = {key for key, on in candidates.items() if pages >= 3 and len(on) >= max(3, math.ceil(pages * 0.5))}
    out = []
    for number, items in enumerate(per_page):
        kept = []
        for k, item in enumerate(items):
            if isinstance(item, Line) and k in edge[number]:
                key = (re.sub(r"\d+", "#", re.sub(r"\s+", "", item.text)), round(item.top / 12))
                near_edge = item.top < heights[number] * 0.12 or item.bottom > heights[number] * 0.88
                if key in repeated or (near_edge and PAGE_NUMBER.match(item.text)):
                    continue
            kept.append(item)
        out.append(kept)
    return out


# --- paragraphs ---------------------------------------------------------------------------


def _layout(lines: list[Line]) -> tuple[float, float, float, float]:
    """Body font size, left margin, right margin and line pitch of the document."""
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 12.0
    body_lines = [line for line in lines if abs(line.size - body) <= 1.0 and not line.ocr] or lines
    lefts = Counter(round(line.x0) for line in body_lines)
    # a left edge shared by several lines; with every line at its own (a title above a table), the leftmost
    common = [x for x, n in lefts.items() if n >= max(2, lefts.most_common(1)[0][1] * 0.3)] if lefts else []
    left = min(common or lefts or [0.0])
    rights = sorted(line.x1 for line in body_lines)
    right = rights[int(len(rights) * 0.9)] if rights else left + 40 * body
    gaps = Counter()
    for a, b in zip(body_lines, body_lines[1:]):
        if a.page == b.page and 0 < b.baseline - a.baseline < body * 3:
            gaps[round(b.baseline - a.baseline)] += 1
    pitch = float(gaps.most_common(1)[0][0]) if gaps else body * 1.8
    return body, left, right, pitch


def _starts_paragraph(prev: Line, line: Line, body: float, left: float, right: float, pitch: float) -> bool:
    large = body * 1.25
    if prev.size >= large and line.size >= large and abs(prev.size - line.size) <= 1.0 and prev.page == line.page and line.baseline - prev.baseline <= prev.size * 2.0:
        return False  # a title in a large font over several lines
    if abs(prev.size - line.size) > max(1.0, body * 0.15) and not (prev.ocr or line.ocr):
        return True
    unit = body
    if line.x0 - left >= unit * 1.2:  # first-line indent, centred or right-aligned
        return True
    if prev.x1 < right - unit * 1.5:  # the previous line stops short
        return True
    if prev.page == line.page and line.baseline - prev.baseline > pitch * 1.45:
        return True
    if HEADING.match(line.text) and prev.text.rstrip()[-1:] in TERMINAL:
        return True
    return False


def _assemble(per_page: list[list[Line | TableBlock]], tables: list[TableBlock]) -> tuple[str, list[SourceLine], list[Table]]:
    items = [item for page in per_page for item in page]
    body, left, right, pitch = _layout([item for item in items if isinstance(item, Line)])
    items = _join_tables(items)
    out_lines: list[str] = []
    out_pages: list[int | None] = []
    prev: Line | None = None
    table_spans: list[tuple[int, int, TableBlock]] = []
    for item in items:
        if isinstance(item, TableBlock):
            if out_lines and out_lines[-1] != "":
                out_lines.append("")
                out_pages.append(item.page)
            first = len(out_lines)
            for row in item.rows:
                for cell in row:
                    parts = cell.text.split("\n") if cell.text else [""]
                    for part in parts:
                        out_lines.append(part)
                        out_pages.append(cell.page)
            table_spans.append((first, len(out_lines) - 1, item))
            out_lines.append("")
            out_pages.append(item.page)
            prev = None
            continue
        if prev is not None and _starts_paragraph(prev, item, body, left, right, pitch):
            out_lines.append("")
            out_pages.append(item.page)
        out_lines.append(item.text)
        out_pages.append(item.page)
        prev = item
    while out_lines and out_lines[-1] == "":
        out_lines.pop()
        out_pages.pop()
    text = "\n".join(out_lines) + "\n"
    lines: list[SourceLine] = []
    offset = 0
    for number, (body_text, page) in enumerate(zip(out_lines, out_pages), start=1):
        lines.append(SourceLine(number=number, text=body_text, offset=offset, page=page))
        offset += len(body_text) + 1
    built = []
    for first, last, block in table_spans:
        cursor = first
        rows = []
        for row in block.rows:
            cells = []
            for cell in row:
                cells.append(TableCell(text=cell.text, offset=lines[cursor].offset, line=cursor + 1, page=cell.page))
                cursor += max(1, len(cell.text.split("\n")) if cell.text else 1)
            rows.append(tuple(cells))
        built.append(Table(rows=tuple(rows), first_line=first + 1, last_line=last + 1, page=block.page, header_rows=1))
    return text, lines, built


def _join_tables(items: list[Line | TableBlock]) -> list[Line | TableBlock]:
    """A table continued on the next page: drop its repeated header row, merge a split row."""
    out: list[Line | TableBlock] = []
    for item in items:
        previous = out[-1] if out else None
        if (
            isinstance(item, TableBlock)
            and isinstance(previous, TableBlock)
            and item.page == previous.page + 1
            and len(item.rows[0]) == len(previous.rows[0])
        ):
            rows = list(item.rows)
            if [c.text for c in rows[0]] == [c.text for c in previous.rows[0]]:
                rows = rows[1:]
            if rows and not rows[0][0].text.strip() and previous.rows:
                last = previous.rows[-1]
                merged = []
                for before, after in zip(last, rows[0]):
                    if not after.text:
                        merged.append(before)
                    elif not before.text:
                        merged.append(after)
                    else:
                        wrap = before.last_room < after.first_width
                        merged.append(TableCellRaw(before.text + ("" if wrap else "\n") + after.text, after.last_full, before.page, after.last_room, before.first_width))
                previous.rows[-1] = merged
                rows = rows[1:]
            previous.rows.extend(rows)
            previous.bottom = item.bottom
            continue
        out.append(item)
    return out
