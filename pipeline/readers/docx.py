"""Word (.docx) notices: body paragraphs and tables in document order.

python-docx opens the package and gives the XML of the body, the styles and the
numbering part; text is read from that XML directly so that tracked deletions,
field codes, hidden runs and the duplicate fallback of ``mc:AlternateContent`` stay
out. Word's automatic numbering (``一、`` / ``（一）`` / ``1.``), which python-docx does
not render, is rebuilt from ``word/numbering.xml``: ``numId`` → ``abstractNum`` → the
level's ``numFmt`` and ``lvlText``, with one counter per level restarting as
``lvlRestart`` says.

Paragraphs are separated by one blank line; a line break inside a paragraph
(``w:br``) stays a line break. Each table becomes a ``Table`` whose cell texts stand in
the text on their own lines, one cell after the other: a vertically merged cell
(``vMerge``) and a horizontally merged one (``gridSpan``) are repeated in every grid
position they cover, all pointing at the same place in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Source, SourceLine
from ..settings import Settings
from . import _zip
from ._builder import TextBuilder

NAME = "docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_w = lambda tag: f"{{{W}}}{tag}"  # noqa: E731

_P, _TBL, _TR, _TC, _R, _T = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("r"), _w("t")
_SKIP = {
    _w("pPr"), _w("rPr"), _w("tblPr"), _w("tblGrid"), _w("trPr"), _w("tcPr"), _w("sectPr"),
    _w("del"), _w("moveFrom"), _w("delText"), _w("instrText"), _w("delInstrText"), _w("fldData"),
    _w("drawing"), _w("pict"), _w("object"), _w("footnoteReference"), _w("endnoteReference"),
    _w("commentReference"), _w("annotationRef"), f"{{{MC}}}Fallback",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class NotDocxError(InputError):
    hint = "The file is named .docx but is not a Word document; save it again as .docx from Word/WPS."


def sniff(head: bytes, suffix: str) -> bool:
    """A zip whose first members include ``word/``; a bare OOXML zip (``[Content_Types].xml``)
    without ``word/`` in the first 4 KB is still taken if it is not a spreadsheet, a
    presentation or an OFD, and ``read`` checks for ``word/document.xml``."""
    if not _zip.is_zip(head):
        return False
    names = _zip.member_names(head)
    if any(n.startswith("word/") for n in names):
        return True
    if any(n.startswith(("xl/", "ppt/")) or n in ("OFD.xml", "mimetype") for n in names):
        return False
    return "[Content_Types].xml" in names


# --- numbering --------------------------------------------------------------------


def _val(element, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    child = element.find(_w(tag))
    if child is None:
        return default
    return child.get(_w("val"), default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # lvlOverride/startOverride
    levels: dict[int, _Level] = field(default_factory=dict)  # lvlOverride/lvl


_CN_DIGITS = "〇一二三四五六七八九"  # ideographDigital: 二〇二四
_CN_COUNT = "零一二三四五六七八九"  # counting: 一百零五
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN_COUNT, units: str = "十百千万") -> str:
    """Chinese counting as Word renders it: 10 十, 11 十一, 20 二十, 101 一百零一."""
    if n <= 0:
        return str(n)
    if n >= 100000:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20 and units[0] == "十":
        return units[0] + (digits[n % 10] if n % 10 else "")
    parts = []
    values = [(10000, units[3]), (1000, units[2]), (100, units[1]), (10, units[0])]
    zero = False
    started = False
    for value, unit in values:
        digit = (n // value) % 10
        if digit:
            if zero and started:
                parts.append(digits[0])
            parts.append(digits[digit] + unit)
            started, zero = True, False
        elif started:
            zero = True
    if n % 10:
        if zero:
            parts.append(digits[0])
        parts.append(digits[n % 10])
    return "".join(parts)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's ``numFmt`` formats (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟万")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(n)


def _parse_level(lvl) -> _Level:
    level = _Level()
    level.start = _int(_val(lvl, "start"), 1)
    level.fmt = _val(lvl, "numFmt", "decimal") or "decimal"
    text = lvl.find(_w("lvlText"))
    level.text = text.get(_w("val"), "") if text is not None else ""
    restart = _val(lvl, "lvlRestart")
    level.restart = _int(restart, 0) if restart is not None else None
    legal = lvl.find(_w("isLgl"))
    level.legal = legal is not None and legal.get(_w("val"), "true") not in ("0", "false", "off")
    level.suffix = _val(lvl, "suff", "tab") or "tab"
    level.style = _val(lvl, "pStyle")
    return level


class Numbering:
    """The numbering definitions and the running counters of one document."""

    def __init__(self, numbering, styles):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, _Num] = {}
        self._links: dict[str, str] = {}
        self.counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            links: dict[str, str] = {}  # abstractNumId → numbering style it takes its levels from
            for abstract in numbering.findall(_w("abstractNum")):
                levels = {_int(lvl.get(_w("ilvl")), 0): _parse_level(lvl) for lvl in abstract.findall(_w("lvl"))}
                self.abstract[abstract.get(_w("abstractNumId"))] = levels
                link = _val(abstract, "numStyleLink")
                if link and not levels:
                    links[abstract.get(_w("abstractNumId"))] = link
            for num in numbering.findall(_w("num")):
                entry = _Num(_val(num, "abstractNumId") or "")
                for override in num.findall(_w("lvlOverride")):
                    ilvl = _int(override.get(_w("ilvl")), 0)
                    start = _val(override, "startOverride")
                    if start is not None:
                        entry.starts[ilvl] = _int(start, 1)
                    lvl = override.find(_w("lvl"))
                    if lvl is not None:
                        entry.levels[ilvl] = _parse_level(lvl)
                self.nums[num.get(_w("numId"))] = entry
            self._links = links
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        if styles is not None:
            for style in styles.findall(_w("style")):
                ppr = style.find(_w("pPr"))
                numpr = ppr.find(_w("numPr")) if ppr is not None else None
                self._styles[style.get(_w("styleId"))] = (
                    _val(style, "basedOn"),
                    _val(numpr, "numId"),
                    _val(numpr, "ilvl"),
                )
        self._resolve_links()

    def _resolve_links(self) -> None:
        """An abstractNum with ``numStyleLink`` takes its levels from the list its numbering style names."""
        for abstract_id, style_id in self._links.items():
            num_id = self._styles.get(style_id, (None, None, None))[1]
            num = self.nums.get(num_id) if num_id else None
            if num is not None and self.abstract.get(num.abstract):
                self.abstract[abstract_id] = self.abstract[num.abstract]

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        num = self.nums.get(num_id)
        if num is None:
            return None
        if ilvl in num.levels:
            return num.levels[ilvl]
        return self.abstract.get(num.abstract, {}).get(ilvl)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            based_on, num_id, ilvl = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                if ilvl is None:  # the level that names this style, else 0
                    num = self.nums.get(num_id)
                    levels = self.abstract.get(num.abstract, {}) if num else {}
                    ilvl = next((str(i) for i, lv in levels.items() if lv.style == style_id), "0")
                return num_id, _int(ilvl, 0)
            style_id = based_on
        return None, None

    def label(self, paragraph) -> tuple[str, str]:
        """``(label, separator)`` of a paragraph, advancing the counters; ``("", "")`` if unnumbered."""
        ppr = paragraph.find(_w("pPr"))
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = _val(numpr, "numId")
        ilvl_text = _val(numpr, "ilvl")
        if num_id is None or ilvl_text is None:
            style_num, style_ilvl = self._style_numbering(_val(ppr, "pStyle"))
            num_id = num_id if num_id is not None else style_num
            if ilvl_text is None and style_ilvl is not None:
                ilvl_text = str(style_ilvl)
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return "", ""
        ilvl = min(max(_int(ilvl_text, 0), 0), 8)
        level = self._level(num_id, ilvl)
        if level is None:
            return "", ""
        num = self.nums[num_id]
        # A num with start overrides is a list of its own; others share their abstractNum's counters.
        key = f"num:{num_id}" if num.starts else f"abs:{num.abstract}"
        counters = self.counters.setdefault(key, [None] * 9)
        if key not in self._started:
            self._started.add(key)
            for index, start in num.starts.items():
                if 0 <= index < 9:
                    counters[index] = start - 1
        counters[ilvl] = (counters[ilvl] + 1) if counters[ilvl] is not None else level.start
        for deeper in range(ilvl + 1, 9):
            lower = self._level(num_id, deeper)
            restart = lower.restart if lower is not None else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        if level.fmt == "bullet":
            return "", ""

        def render(found: re.Match[str]) -> str:
            index = int(found.group(1)) - 1
            if not 0 <= index < 9:
                return ""
            other = self._level(num_id, index)
            value = counters[index]
            if value is None:
                value = other.start if other is not None else 1
            fmt = "decimal" if level.legal and other is not None and other.fmt != "none" else (other.fmt if other else "decimal")
            return format_number(value, fmt)

        text = re.sub(r"%(\d)", render, level.text)
        separator = {"tab": "\t", "space": " "}.get(level.suffix, "")
        return text, separator if text else ""


# --- text -------------------------------------------------------------------------


def _hidden(run) -> bool:
    rpr = run.find(_w("rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(_w("vanish"))
    return vanish is not None and vanish.get(_w("val"), "true") not in ("0", "false", "off")


def _inline_text(element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag == _w("tab") or tag == _w("ptab"):
            out.append("\t")
        elif tag == _w("br"):
            if child.get(_w("type")) not in ("page", "column"):
                out.append("\n")
        elif tag == _w("cr"):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        elif tag == _w("sym"):
            code = child.get(_w("char"), "")
            try:
                value = int(code, 16)
            except ValueError:
                continue
            if not 0xE000 <= value <= 0xF8FF and value >= 0x20:  # symbol-font glyphs have no text
                out.append(chr(value))
        elif tag == _R and _hidden(child):
            continue
        elif tag == _P:  # a paragraph nested in a run container
            _inline_text(child, out)
            out.append("\n")
        else:
            _inline_text(child, out)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _paragraph_text(paragraph, numbering: Numbering) -> str:
    out: list[str] = []
    _inline_text(paragraph, out)
    body = _clean("".join(out))
    label, separator = numbering.label(paragraph)
    if label and body.strip():
        return label + separator + body
    return body


# --- tables -----------------------------------------------------------------------


def _children(element, tag: str):
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in (_w("sdt"), _w("customXml"), _w("sdtContent"), _w("smartTag")):
            yield from _children(child, tag)


def _cell_text(cell, numbering: Numbering) -> str:
    lines: list[str] = []
    _block_lines(cell, numbering, lines)
    text = "\n".join(line.strip() for line in "\n".join(lines).split("\n"))
    return text.strip("\n")


def _block_lines(container, numbering: Numbering, lines: list[str]) -> None:
    for child in container:
        if child.tag == _P:
            lines.append(_paragraph_text(child, numbering))
        elif child.tag == _TBL:
            for row in _children(child, _TR):
                for cell in _children(row, _TC):
                    _block_lines(cell, numbering, lines)
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            _block_lines(child, numbering, lines)


def _on(element, tag: str) -> bool:
    if element is None:
        return False
    child = element.find(_w(tag))
    return child is not None and child.get(_w("val"), "true") not in ("0", "false", "off")


@dataclass
class _GridCell:
    text: str
    ref: int  # index of the cell it repeats (itself when it is the first of a merge)


def _table_grid(table, numbering: Numbering) -> tuple[list[list[_GridCell]], int]:
    """Rows on the table grid, merged cells repeated; and the number of header rows."""
    rows: list[list[_GridCell]] = []
    header_rows = 0
    counting_header = True
    cells: list[_GridCell] = []
    for tr in _children(table, _TR):
        trpr = tr.find(_w("trPr"))
        if counting_header and _on(trpr, "tblHeader"):
            header_rows += 1
        else:
            counting_header = False
        row: list[_GridCell] = []
        for _ in range(_int(_val(trpr, "gridBefore"), 0)):
            cells.append(_GridCell("", len(cells)))
            row.append(cells[-1])
        for tc in _children(tr, _TC):
            tcpr = tc.find(_w("tcPr"))
            span = max(1, _int(_val(tcpr, "gridSpan"), 1))
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            column = len(row)
            above = rows[-1][column] if rows and column < len(rows[-1]) else None
            if vmerge is not None and vmerge.get(_w("val"), "continue") == "continue" and above is not None:
                cell = above
            else:
                cell = _GridCell(_cell_text(tc, numbering), len(cells))
                cells.append(cell)
            row.extend([cell] * span)
        rows.append(row)
    return rows, header_rows or 1


# --- assembly ---------------------------------------------------------------------


class _Builder(TextBuilder):
    """Paragraphs and tables in document order, with the paragraph convention."""

    def paragraph(self, text: str) -> None:
        block: list[str] = []
        for raw in text.split("\n"):
            line = raw.rstrip()
            if line.strip():
                block.append(line)
            elif block:  # an empty line inside a paragraph (two breaks): a paragraph gap
                self.write(block)
                block = []
        if block:
            self.write(block)

    def table(self, grid: list[list[_GridCell]], header_rows: int) -> None:
        self.add_table([[(cell.ref, cell.text) for cell in row] for row in grid], header_rows)


def _walk_body(container, numbering: Numbering, builder: _Builder) -> None:
    for child in container:
        if child.tag == _P:
            builder.paragraph(_paragraph_text(child, numbering))
        elif child.tag == _TBL:
            grid, header_rows = _table_grid(child, numbering)
            builder.table(grid, header_rows)
        elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
            _walk_body(child, numbering, builder)


def _open(path: str, data: bytes, settings: Settings):
    archive = _zip.open_zip(path, data, "DOCX", settings.max_unpacked_bytes, settings.max_xml_bytes)
    names = set(archive.namelist())
    if "word/document.xml" not in names and not any(n.startswith("word/") for n in names):
        raise NotDocxError("this zip package is not a Word document (no word/document.xml)", path=path)
    import io

    import docx  # python-docx, only needed for .docx files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, AttributeError) as error:
        raise NotDocxError(f"cannot open as a Word document: {error}", path=path) from None
    except Exception as error:  # lxml XMLSyntaxError, zipfile errors from inside python-docx
        raise _zip.CorruptInputError(f"this DOCX file is corrupt ({type(error).__name__}: {error})", path=path) from None


def read(path: str, data: bytes, settings: Settings) -> Source:
    from . import sha256, split_lines

    if not _zip.is_zip(data[:4]):
        raise NotDocxError("this is not a Word document (.docx files are zip packages)", path=path)
    names = _zip.open_zip(path, data, "DOCX", getattr(settings, "max_unpacked_bytes", None)).namelist()
    if "xl/workbook.xml" in names and not any(n.startswith("word/") for n in names):
        from . import sheet  # a workbook whose xl/ members lie beyond the bytes sniffing sees

        return sheet.read(path, data, settings)
    document = _open(path, data, settings)
    part = document.part
    try:
        numbering_element = part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_element = None
    try:
        styles_element = part.styles.element if hasattr(part.styles, "element") else part._styles_part.element
    except (NotImplementedError, KeyError, AttributeError):
        styles_element = None
    numbering = Numbering(numbering_element, styles_element)
    builder = _Builder()
    _walk_body(document.element.body, numbering, builder)
    text = builder.text()
    lines: list[SourceLine] = split_lines(text)
    return Source(
        path=path,
        sha256=sha256(data),
        format=NAME,
        text=text,
        lines=tuple(lines),
        encoding=None,
        pages=None,
        tables=tuple(builder.tables),
    )
