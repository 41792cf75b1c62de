"""Spreadsheets (.xlsx, .xls, .et, .ods): every sheet that holds a task table becomes a ``Table``.

A 任务分解表 is very often a workbook: a title row or two (``附件2``, ``2023年重点项目任务分解表``),
a header row (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限), then one row per task. Each
visible sheet is read into a grid of cell texts; the header is the first row (of the first
``HEADER_SEARCH``) whose columns the table logic of ``pipeline.extract.tables`` recognises as role
columns; the rows above it are written as paragraphs (the title), the rest is the table.
Merged cells are repeated in every position they cover, so that a task merged over several
rows gives one item with one attribution per row, as in DOCX tables. Line breaks inside a
cell (several units, one per line) are kept. Formulas are read as their cached values,
dates as ``2023年12月31日`` (what the deadline finder reads). Hidden sheets are skipped with a
``hidden_sheet`` warning. Every line of the text knows its sheet, row and column.

``.xlsx`` is read with openpyxl in read-only mode (rows are streamed; its merged ranges,
which read-only mode does not give, are read from the sheet's ``<mergeCells>``), ``.xls``
with xlrd, ``.et`` and ``.ods`` (and any ``.xls`` xlrd cannot read) through LibreOffice → XLSX.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..model import ParseWarning, Source, Table, TableCell
from ..settings import Settings
from . import _office, _zip
from ._builder import TextBuilder

NAME = "sheet"
HEADER_SEARCH = 15  # rows at the top of a sheet where the header is looked for
BLANK_RUN = 1000  # this many empty rows in a row end a sheet (formatting down to row 1048576 is not content)
LABELS = {"xlsx": "Excel (.xlsx)", "xls": "Excel 97 (.xls)", "et": "WPS spreadsheet (.et)", "ods": "OpenDocument spreadsheet (.ods)"}
_ODS = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class NoTaskTableError(InputError):
    hint = ("fengong reads a workbook's task table from a header row with role columns"
            " (牵头单位 / 责任单位 / 配合单位 …); check that the sheet has one and is not hidden.")


class SheetError(InputError):
    hint = "The workbook is damaged or in an unexpected layout; open it in Excel/WPS and save it again as .xlsx."


@dataclass
class Sheet:
    name: str
    hidden: bool
    rows: list[list[str]]  # cell texts, 0-based
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # first_row, first_col, last_row, last_col (inclusive, 0-based)


def sniff(head: bytes, suffix: str) -> bool:
    if not _zip.is_zip(head):
        return False
    return _ODS in head[:200] or any(n.startswith("xl/") for n in _zip.member_names(head))


def read(path: str, data: bytes, settings: Settings) -> Source:
    if _ODS in data[:200]:
        converted = _office.convert(path, data, ".ods", "xlsx", settings, LABELS["ods"])
        return sheets_to_source(path, data, "ods", xlsx_sheets(path, converted, settings))
    return sheets_to_source(path, data, "xlsx", xlsx_sheets(path, data, settings))


def read_xls(path: str, data: bytes, settings: Settings, kind: str, office_suffix: str = ".xls") -> Source:
    """An OLE workbook (``ole`` found its ``Workbook`` stream): xlrd, else LibreOffice."""
    try:
        sheets = xls_sheets(path, data)
    except _XlrdCannot:
        converted = _office.convert(path, data, office_suffix, "xlsx", settings, LABELS[kind])
        sheets = xlsx_sheets(path, converted, settings)
    return sheets_to_source(path, data, kind, sheets)


# --- cell values ------------------------------------------------------------------


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, dt.date):  # a datetime too: a deadline's time of day says nothing
        return f"{value.year}年{value.month}月{value.day}日"
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


def _until_blank_run(rows) -> list[list[str]]:
    out: list[list[str]] = []
    blank = 0
    for row in rows:
        blank = 0 if any(row) else blank + 1
        if blank >= BLANK_RUN:
            break
        out.append(row)
    return out


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


# --- .xlsx ------------------------------------------------------------------------


def xlsx_sheets(path: str, data: bytes, settings: Settings) -> list[Sheet]:
    import openpyxl

    archive = _zip.open_zip(path, data, "XLSX", settings.max_unpacked_bytes, settings.max_xml_bytes)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises KeyError, InvalidFileException, lxml errors…
        raise SheetError(f"cannot open this workbook ({type(error).__name__}: {error})", path=path) from None
    sheets = []
    try:
        for worksheet in book.worksheets:
            rows = _until_blank_run([cell_text(v) for v in row] for row in worksheet.iter_rows(values_only=True))
            merged = _xlsx_merges(archive, getattr(worksheet, "_worksheet_path", None), path)
            sheets.append(Sheet(worksheet.title, worksheet.sheet_state != "visible", rows, merged))
    finally:
        book.close()
    return sheets


def _xlsx_merges(archive, member: str | None, path: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges from the sheet XML's ``<mergeCells>``, which read-only mode does not parse."""
    if not member:
        return []
    xml = _zip.read_member(archive, member.lstrip("/"), path, "XLSX")
    start = xml.rfind(b"<mergeCells")
    if start < 0:
        start = xml.rfind(b":mergeCells")
    if start < 0:
        return []
    merges = []
    for found in _MERGE.finditer(xml, start):
        first_col, first_row = _column_index(found.group(1)), int(found.group(2)) - 1
        last_col = _column_index(found.group(3)) if found.group(3) else first_col
        last_row = int(found.group(4)) - 1 if found.group(4) else first_row
        merges.append((first_row, first_col, last_row, last_col))
    return merges


# --- .xls -------------------------------------------------------------------------


class _XlrdCannot(Exception):
    """xlrd cannot read this workbook; LibreOffice may."""


def xls_sheets(path: str, data: bytes) -> list[Sheet]:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except xlrd.XLRDError as error:
        if "encrypted" in str(error).lower():
            from .ole import EncryptedOfficeError

            raise EncryptedOfficeError("this workbook is password-protected", path=path) from None
        raise _XlrdCannot(str(error)) from None
    except (AssertionError, IndexError, KeyError, ValueError, EOFError, OSError, NotImplementedError) as error:
        raise _XlrdCannot(str(error)) from None
    sheets = []
    try:
        for index in range(book.nsheets):
            worksheet = book.sheet_by_index(index)
            rows = []
            blank = 0
            for r in range(worksheet.nrows):
                blank = 0 if any(worksheet.row_values(r)) else blank + 1
                if blank >= BLANK_RUN:
                    break
                row = []
                for c in range(worksheet.ncols):
                    cell = worksheet.cell(r, c)
                    value = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        try:
                            value = xlrd.xldate_as_datetime(value, book.datemode)
                        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                            pass
                    elif cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        value = None
                    elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                        value = bool(value)
                    row.append(cell_text(value))
                rows.append(row)
            merged = [(rlo, clo, rhi - 1, chi - 1) for rlo, rhi, clo, chi in worksheet.merged_cells]
            sheets.append(Sheet(worksheet.name, worksheet.visibility != 0, rows, merged))
    finally:
        book.release_resources()
    return sheets


# --- sheets → Source ----------------------------------------------------------------


def _grid(sheet: Sheet) -> tuple[list[list[str]], dict[tuple[int, int], tuple[int, int]]]:
    """Rows padded to one width, merged cells repeated; the top-left cell of each merged position."""
    width = max((len(r) for r in sheet.rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in sheet.rows]
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row >= len(rows) or first_col >= width:
            continue
        text = rows[first_row][first_col]
        for r in range(first_row, min(last_row, len(rows) - 1) + 1):
            for c in range(first_col, min(last_col, width - 1) + 1):
                rows[r][c] = text
                owner[(r, c)] = (first_row, first_col)
    # Trailing empty columns (a formatted but empty column Z) carry nothing.
    used = max((max((i for i, t in enumerate(row) if t), default=-1) for row in rows), default=-1) + 1
    return [row[:used] for row in rows], owner


def _fill_down(rows: list[list[str]], owner: dict, header: int, header_rows: int) -> None:
    """A row whose 序号 and task cells are empty while its role cells are not continues the task
    above (a sheet exported without merged cells): those cells become the ones above, as if merged."""
    from ..extract.tables import classify_columns

    columns = classify_columns(_probe(rows[header]))
    kept = [c.index for c in columns if c.kind in ("number", "task")]
    labels = [c.index for c in columns if c.kind == "label"]
    if not any(c.kind == "task" for c in columns) or not labels:
        return
    for r in range(header + header_rows + 1, len(rows)):
        row, above = rows[r], rows[r - 1]
        if any(row[i] for i in kept) or not any(row[i] for i in labels if i < len(row)):
            continue
        if not any(above[i] for i in kept):
            continue
        for i in kept:
            owner[(r, i)] = owner.get((r - 1, i), (r - 1, i))
            row[i] = above[i]


def _probe(cells: list[str]) -> Table:
    return Table(rows=(tuple(TableCell(text, 0) for text in cells),), first_line=1, last_line=1)


def header_row(rows: list[list[str]]) -> int | None:
    """The first row among the top ``HEADER_SEARCH`` whose cells name a role column."""
    from ..extract.tables import classify_columns

    for index, row in enumerate(rows[:HEADER_SEARCH]):
        if len({t for t in row if t}) < 2:
            continue  # a title merged across the sheet, or a lone label
        if any(column.kind == "label" for column in classify_columns(_probe(row))):
            return index
    return None


def _header_rows(sheet: Sheet, header: int, rows: list[list[str]]) -> int:
    """1, or more when header cells are merged down or across (a two-row header: 责任单位 over 牵头 | 配合)."""
    count = 1
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row == header:
            count = max(count, last_row - first_row + 1)
            if last_col > first_col and last_row == first_row and header + 1 < len(rows):
                below = rows[header + 1][first_col : last_col + 1]
                if all(t and not t[:1].isdigit() and len(t) <= 10 for t in below):
                    count = max(count, 2)
    return count


class _SheetBuilder(TextBuilder):
    """Title paragraphs and tables of a workbook; remembers the cell of every line written."""

    def __init__(self) -> None:
        super().__init__()
        self.places: dict[int, tuple[str, int, int]] = {}  # line number → (sheet, row, column), 1-based

    def paragraph(self, text: str, place: tuple[str, int, int]) -> None:
        _, first = self.write(text.split("\n"))
        for line in range(first, self.line + 1):
            self.places[line] = place

    def sheet_table(self, name: str, rows: list[list[str]], owner: dict, first: int, header_rows: int) -> None:
        placed: dict[tuple[int, int], TableCell] = {}
        first_line = last_line = None
        built = []
        for r in range(first, len(rows)):
            if not any(rows[r]):
                continue
            out = []
            for c, text in enumerate(rows[r]):
                key = owner.get((r, c), (r, c))
                if key not in placed:
                    if text:
                        offset, line = self.write(text.split("\n"), "\n\n" if first_line is None else "\n")
                        first_line = first_line or line
                        last_line = self.line
                        for number in range(line, self.line + 1):
                            self.places[number] = (name, key[0] + 1, key[1] + 1)
                        placed[key] = TableCell(text, offset, line, None, name, key[0] + 1, key[1] + 1)
                    else:
                        placed[key] = TableCell("", self.length, None, None, name, key[0] + 1, key[1] + 1)
                out.append(placed[key])
            built.append(tuple(out))
        if first_line is not None:
            self.tables.append(Table(tuple(built), first_line, last_line, None, min(header_rows, len(built))))


def sheets_to_source(path: str, data: bytes, fmt: str, sheets: list[Sheet]) -> Source:
    from . import sha256, split_lines

    builder = _SheetBuilder()
    warnings = []
    for sheet in sheets:
        if sheet.hidden:
            warnings.append(ParseWarning("hidden_sheet", f"sheet {sheet.name!r} is hidden and was not read"))
            continue
        rows, owner = _grid(sheet)
        header = header_row(rows)
        if header is None:
            continue  # a sheet without a task table (notes, a chart's data)
        done: set[tuple[int, int]] = set()
        for r in range(header):
            for c, text in enumerate(rows[r]):
                key = owner.get((r, c), (r, c))
                if text and key not in done:
                    done.add(key)
                    builder.paragraph(text, (sheet.name, key[0] + 1, key[1] + 1))
        header_rows = _header_rows(sheet, header, rows)
        _fill_down(rows, owner, header, header_rows)
        builder.sheet_table(sheet.name, rows, owner, header, header_rows)
    if not builder.tables:
        visible = [s.name for s in sheets if not s.hidden]
        raise NoTaskTableError(
            f"no sheet holds a task table (no header row with 牵头单位/责任单位/配合单位 … columns"
            f" in {', '.join(repr(n) for n in visible) or 'any visible sheet'})",
            path=path,
        )
    text = builder.text()
    lines = []
    for line in split_lines(text):
        place = builder.places.get(line.number)
        lines.append(replace(line, sheet=place[0], row=place[1], column=place[2]) if place else line)
    return Source(
        path=path,
        sha256=sha256(data),
        format=fmt,
        text=text,
        lines=tuple(lines),
        pages=None,
        tables=tuple(builder.tables),
        warnings=tuple(warnings),
    )
