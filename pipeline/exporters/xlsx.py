"""A small streaming XLSX writer: what the matrix and the ledger workbooks use, and no more.

openpyxl, even in write-only mode, builds a cell object per value and writes it through lxml:
about 30 µs a cell, 100 s for the ledger of 2,000 notices (4 million cells). Here each row is one
string written to the zip member as it is made (about 1 µs a cell): shared strings, a handful of
cell formats (:class:`Style`), column widths and formats, row heights, a frozen pane, an
auto-filter, print titles and page set-up, which openpyxl, Excel and LibreOffice read. The same
content gives the same bytes (fixed dates in the package and in its members' headers).
"""

from __future__ import annotations

import queue
import re
import threading
import zipfile
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Sequence

from .templates import Templates

FIXED_TIME = "2000-01-01T00:00:00Z"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Deflate's fastest level: the sheets of a large corpus are hundreds of MB of XML, and level 6
# costs three times as long for files a quarter smaller.
COMPRESS_LEVEL = 1


@dataclass(frozen=True)
class Style:
    """One cell format: bold font, solid fill (RGB hex), thin grey border, alignment."""

    bold: bool = False
    fill: str | None = None
    border: bool = False
    wrap: bool = False
    horizontal: str | None = None
    vertical: str | None = None
    rotation: int | None = None


@dataclass
class Sheet:
    """A worksheet to write: ``rows`` yields ``(height or None, values, style ids)``; a value of
    ``None`` or ``""`` is not written (its column's style, ``column_styles``, shows for it)."""

    name: str
    columns: int
    rows: Iterable[tuple[float | None, Sequence[Any], Sequence[int]]]
    row_count: int
    widths: Sequence[float | None] = ()
    column_styles: Sequence[int] = ()
    freeze: str | None = None  # the top-left cell of the scrolling pane, e.g. "F2"
    auto_filter: bool = False
    print_titles: bool = False
    landscape_a4_fit_width: bool = False
    centre_horizontally: bool = False


@dataclass
class Workbook:
    styles: list[Style] = field(default_factory=lambda: [Style()])
    sheets: list[Sheet] = field(default_factory=list)

    def style(self, style: Style) -> int:
        """The id of ``style`` in the workbook (added when new)."""
        if style not in self.styles:
            self.styles.append(style)
        return self.styles.index(style)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SharedStrings(dict):
    """The workbook's shared strings: each distinct text of its cells listed once (``strings``), a
    cell naming it by its index. A corpus's sheets repeat their texts (a task's in the row of each of
    its units, a document's name in all its rows) and are mostly Chinese: written inline they made
    hundreds of MB of two-byte markup (the ledger of 2,000 notices: 320 MB); by index the sheets'
    markup stays ASCII and each text is escaped once. Looked up with ``map(table.__getitem__,
    values)``, in C for every value seen before; a value that is not a ``str``, or is empty, maps to -1
    and is not listed."""

    def __init__(self) -> None:
        super().__init__()
        self.strings: list[str] = []

    def __missing__(self, key: Any) -> int:
        index = -1
        if type(key) is str and key:  # (an empty text is not written)
            index = len(self.strings)
            self.strings.append(key)
        self[key] = index
        return index


def _text(value: str) -> str:
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in value:  # a parser reads a raw carriage return as a newline; a reference keeps it
        value = value.replace("\r", "&#13;")
    return _ILLEGAL.sub("", value)


def _quoted_name(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def save(workbook: Workbook, path: str | Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as package:
        def put(name: str, text: str) -> None:
            package.writestr(_info(name), text.encode("utf-8"))

        count = len(workbook.sheets)
        strings = SharedStrings()
        for k, sheet in enumerate(workbook.sheets, 1):
            with package.open(_info(f"xl/worksheets/sheet{k}.xml"), "w", force_zip64=True) as member:
                _write_beside(member, (chunk.encode("utf-8") for chunk in _sheet_xml(sheet, strings)))
        with package.open(_info("xl/sharedStrings.xml"), "w", force_zip64=True) as member:
            _write_beside(member, (chunk.encode("utf-8") for chunk in _shared_strings_xml(strings.strings)))
        put("xl/styles.xml", _styles_xml(workbook.styles))
        put("xl/workbook.xml", _workbook_xml(workbook.sheets))
        put("xl/_rels/workbook.xml.rels", _xml(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>' for k in range(1, count + 1))
            + f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{count + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ))
        put("_rels/.rels", _xml(
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>'
        ))
        put("docProps/core.xml", _xml(
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>fengong</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:modified></cp:coreProperties>'
        ))
        put("docProps/app.xml", _xml(
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>fengong</Application></Properties>'
        ))
        put("[Content_Types].xml", _xml(
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for k in range(1, count + 1)
            )
            + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
        ))


def _write_beside(member: IO[bytes], chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` to the zip ``member`` from a thread of its own: deflating and checksumming
    release the GIL, so a member's compression (a seventh of the ledger's time) runs on another core
    while this thread makes the next rows' markup. A few chunks wait at most (bounded memory); an
    error on either side stops both and is raised here."""
    pending: queue.Queue = queue.Queue(maxsize=4)
    failed: list[BaseException] = []

    def drain() -> None:
        while (chunk := pending.get()) is not None:
            if not failed:
                try:
                    member.write(chunk)
                except BaseException as error:  # (raised by the making thread, below)
                    failed.append(error)

    writer = threading.Thread(target=drain, name="xlsx-deflate", daemon=True)
    writer.start()
    try:
        for chunk in chunks:
            if failed:
                break
            pending.put(chunk)
    finally:
        pending.put(None)
        writer.join()
    if failed:
        raise failed[0]


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    # ZipFile.open(info, "w") compresses at the level the ZipInfo names, not the ZipFile's (zlib's
    # default, 6, when it names none); there is no public way to name it before Python 3.13.
    info._compresslevel = COMPRESS_LEVEL
    return info


def _xml(body: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


def _workbook_xml(sheets: list[Sheet]) -> str:
    names = []
    for k, sheet in enumerate(sheets):
        last = f"${column_letter(sheet.columns)}${sheet.row_count}"
        if sheet.auto_filter:
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{k}" hidden="1">{_text(_quoted_name(sheet.name))}!$A$1:{last}</definedName>')
        if sheet.print_titles:
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{k}">{_text(_quoted_name(sheet.name))}!$1:$1</definedName>')
    return _xml(
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>'
        + "".join(f'<sheet name="{_text(s.name)}" sheetId="{k}" r:id="rId{k}"/>' for k, s in enumerate(sheets, 1))
        + "</sheets>" + (f"<definedNames>{''.join(names)}</definedNames>" if names else "") + "</workbook>"
    )


def _styles_xml(styles: list[Style]) -> str:
    fills = ["none", "gray125"] + sorted({s.fill for s in styles if s.fill})
    fill_xml = [f'<fill><patternFill patternType="{kind}"/></fill>' for kind in fills[:2]]
    fill_xml += [f'<fill><patternFill patternType="solid"><fgColor rgb="00{rgb}"/><bgColor indexed="64"/></patternFill></fill>' for rgb in fills[2:]]
    side = '<{0} style="thin"><color rgb="00A6A6A6"/></{0}>'
    xfs = []
    for s in styles:
        attributes = f'numFmtId="0" fontId="{int(s.bold)}" fillId="{fills.index(s.fill) if s.fill else 0}" borderId="{int(s.border)}" xfId="0"'
        attributes += ' applyFont="1"' * s.bold + ' applyFill="1"' * bool(s.fill) + ' applyBorder="1"' * s.border
        alignment = "".join((
            f' horizontal="{s.horizontal}"' if s.horizontal else "",
            f' vertical="{s.vertical}"' if s.vertical else "",
            f' textRotation="{s.rotation}"' if s.rotation is not None else "",
            ' wrapText="1"' if s.wrap else "",
        ))
        xfs.append(f'<xf {attributes} applyAlignment="1"><alignment{alignment}/></xf>' if alignment else f"<xf {attributes}/>")
    font = '<font>{}<sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    return _xml(
        f'<styleSheet xmlns="{_MAIN}"><fonts count="2">{font.format("")}{font.format("<b/>")}</fonts>'
        f'<fills count="{len(fills)}">{"".join(fill_xml)}</fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        f'<border>{"".join(side.format(e) for e in ("left", "right", "top", "bottom"))}<diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )


def _pane(freeze: str) -> str:
    match = re.fullmatch(r"([A-Z]+)(\d+)", freeze)
    column = sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(match.group(1))))
    x, y = column - 1, int(match.group(2)) - 1
    pane = "bottomRight" if x and y else "bottomLeft" if y else "topRight"
    splits = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    return (f'<pane{splits} topLeftCell="{freeze}" activePane="{pane}" state="frozen"/>'
            f'<selection pane="{pane}" activeCell="{freeze}" sqref="{freeze}"/>')


_PLAIN = frozenset((str, int, float, bool, type(None)))
_TEMPLATES = 4096
_BLOCK = 512  # rows made into one string, written to the zip member at once
# What _text changes: markup characters, carriage returns and characters XML forbids.
_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STRING_CELL = ' t="s"><v>{}</v></c>'  # the index of the cell's text in the shared strings


def _cell_head(letter: str, row: str, style: int) -> str:
    return f'<c r="{letter}{row}"' + (f' s="{style}"' if style else "")


def _row_template(letters: list[str], no_height: bool, values: Sequence[Any], styles: Sequence[int]) -> str:
    """The markup of a row of plain values (str, int, float, bool, None) as a ``str.format`` template:
    for ``n = len(values)``, ``{j}`` is the value of column j, ``{n}`` the row number, ``{n + 1}``
    its height and ``{n + 2 + j}`` the shared-string index of column j; what :func:`_row_cells`
    writes for the same row."""
    n = len(values)
    parts = [f'<row r="{{{n}}}">' if no_height else f'<row r="{{{n}}}" ht="{{{n + 1}}}" customHeight="1">']
    for j, value in enumerate(values):
        if value is None or value == "":
            continue
        head = _cell_head(letters[j], f"{{{n}}}", styles[j])
        if type(value) is str:
            parts.append(head + _STRING_CELL.replace("{}", f"{{{n + 2 + j}}}"))
        elif type(value) is bool:
            parts.append(head + f' t="b"><v>{{{j}:d}}</v></c>')  # (format(True, "d") == "1")
        else:
            parts.append(head + f"><v>{{{j}}}</v></c>")
    parts.append("</row>")
    return "".join(parts)


def _row_cells(letters: list[str], r: int, height: float | None, values: Sequence[Any], styles: Sequence[int], strings: SharedStrings) -> str:
    """A row's markup, cell by cell, whatever the types of its values (texts added to ``strings``)."""
    parts = [f'<row r="{r}" ht="{height}" customHeight="1">' if height is not None else f'<row r="{r}">']
    for j, value in enumerate(values):
        if value is None or value == "":
            continue
        where = _cell_head(letters[j], str(r), styles[j])
        kind = type(value).__name__
        if isinstance(value, str):
            parts.append(where + _STRING_CELL.format(strings[str(value)]))
        elif kind in ("bool", "bool_"):
            parts.append(f'{where} t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, (int, float)) or kind.startswith(("int", "float", "uint")):
            parts.append(f"{where}><v>{value}</v></c>")
        else:
            parts.append(where + _STRING_CELL.format(strings[str(value)]))
    parts.append("</row>")
    return "".join(parts)


def _shared_strings_xml(strings: list[str]) -> Iterable[str]:
    """The shared-strings part: each text escaped (a block of them searched at once: most blocks
    hold nothing to escape)."""
    yield _xml(f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">')
    item = '<si><t xml:space="preserve">{}</t></si>'.format
    for start in range(0, len(strings), 8 * _BLOCK):
        block = strings[start:start + 8 * _BLOCK]
        if _SPECIAL.search("\n".join(block)):
            block = list(map(_text, block))
        yield "".join(map(item, block))
    yield "</sst>"


def _sheet_xml(sheet: Sheet, strings: SharedStrings | None = None) -> Iterable[str]:
    """The worksheet's markup, chunk by chunk; its texts are added to ``strings`` (the workbook's)."""
    strings = SharedStrings() if strings is None else strings
    letters = [column_letter(j) for j in range(1, sheet.columns + 1)]
    head = [_xml(f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">')]
    if sheet.landscape_a4_fit_width:
        head.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    head.append(f'<dimension ref="A1:{letters[-1] if letters else "A"}{max(sheet.row_count, 1)}"/>')
    head.append(f'<sheetViews><sheetView workbookViewId="0">{_pane(sheet.freeze) if sheet.freeze else ""}</sheetView></sheetViews>')
    head.append('<sheetFormatPr defaultRowHeight="15"/>')
    cols = []
    for j in range(sheet.columns):
        width = sheet.widths[j] if j < len(sheet.widths) else None
        style = sheet.column_styles[j] if j < len(sheet.column_styles) else 0
        if width is None and not style:
            continue
        cols.append(f'<col min="{j + 1}" max="{j + 1}"' + (f' width="{width}" customWidth="1"' if width is not None else "") + (f' style="{style}"' if style else "") + "/>")
    if cols:
        head.append(f"<cols>{''.join(cols)}</cols>")
    head.append("<sheetData>")
    yield "".join(head)
    chunk: list[str] = []
    templates = Templates(_TEMPLATES)
    index = strings.__getitem__
    rows = iter(sheet.rows)
    r = 0
    while block := list(islice(rows, _BLOCK)):
        for height, values, styles in block:
            r += 1
            # A row is one formatting of a template made once per shape (which cells are written, of
            # what type, in which style): per cell, the work is then done in C, the texts' indices
            # included. Rows holding other types (numpy numbers) are written cell by cell.
            types = tuple(map(type, values))
            if _PLAIN.issuperset(types):
                key = (height is None, tuple(styles), types, tuple(map(bool, values)))
                template = templates.get(key, lambda: (_row_template(letters, height is None, values, styles), 2 * len(values) + 2))
                chunk.append(template(*values, r, height, *map(index, values)))
            else:
                chunk.append(_row_cells(letters, r, height, values, styles, strings))
        yield "".join(chunk)
        chunk = []
    chunk.append("</sheetData>")
    last = f"{letters[-1] if letters else 'A'}{max(sheet.row_count, 1)}"
    if sheet.auto_filter:
        chunk.append(f'<autoFilter ref="A1:{last}"/>')
    if sheet.centre_horizontally:
        chunk.append('<printOptions horizontalCentered="1"/>')
    # openpyxl's default margins, which the ledger's page estimate and print test were made with
    chunk.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>')
    if sheet.landscape_a4_fit_width:
        chunk.append('<pageSetup orientation="landscape" paperSize="9" fitToWidth="1" fitToHeight="0"/>')
    chunk.append("</worksheet>")
    yield "".join(chunk)
