"""All serialisation to files in one place: JSON, CSV, XLSX, GraphML, GEXF, node-link JSON.

Every file is written atomically (a temporary file beside it, then renamed), so a
failure never leaves a half-written output or destroys the previous one. CSVs are
UTF-8 with BOM so that Excel shows the Chinese; column and row order are stable.

Text from the notices is hostile input for a spreadsheet: a cell that begins with
``= + - @``, a tab or a carriage return would be read by Excel or LibreOffice as a
formula (``=HYPERLINK(…)``). Every CSV and XLSX cell goes through :func:`safe_cell`,
which prefixes such text with a single quote (OWASP's rule for CSV injection).
"""

from __future__ import annotations

import errno
import json
import os
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..errors import FengongError
from ..model import Document, document_to_dict

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

CSV_ENCODING = "utf-8-sig"
GRAPH_FORMATS = (".graphml", ".gexf", ".json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula: then ``'`` + it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value: Any) -> Any:
    """:func:`safe_cell`, and carriage returns made newlines: the csv module quotes a cell holding
    ``\n`` but writes a bare ``\r`` raw, which readers take for the end of the row."""
    value = safe_cell(value)
    if isinstance(value, str) and "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def safe_frame(frame: "pd.DataFrame", cell: Any = safe_cell) -> "pd.DataFrame":
    """A copy of ``frame`` with every text cell and column name passed through ``cell``."""
    from pandas.api.types import is_bool_dtype, is_numeric_dtype

    safe = frame.copy()
    safe.columns = [cell(c) for c in frame.columns]
    for index, dtype in enumerate(safe.dtypes):
        if not (is_numeric_dtype(dtype) or is_bool_dtype(dtype)):  # text (object or str) columns
            safe.isetitem(index, safe.iloc[:, index].map(cell))
    return safe


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``path``, on failure it is removed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _write_error(path, error) from None
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes the file private; outputs are ordinary files
        os.replace(temporary, path)
    except OSError as error:  # a user's mistake (a folder for a file, no permission), not a bug: no traceback
        Path(temporary).unlink(missing_ok=True)
        raise _write_error(path, error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def staged_folder(out: str | Path, produced: Iterable[str]) -> Iterator[Path]:
    """Yield an empty staging folder beside ``out``; on success it becomes ``out`` whole.

    The swap is one ``renameat2(RENAME_EXCHANGE)`` where Linux offers it (else two renames),
    so readers see the previous outputs or the new ones, never a mix; on failure the
    staging folder is removed and ``out`` is untouched. Top-level entries of the old
    folder whose names are not in ``produced`` (the store, a README) are carried over.
    """
    import shutil

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        yield staging
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes the folder private
        if not out.exists():
            os.rename(staging, out)
            return
        produced = set(produced)
        # (never over a file the run wrote: an output missing from ``produced`` stays the new one)
        carried = [entry.name for entry in out.iterdir() if entry.name not in produced and not (staging / entry.name).exists()]
        for name in carried:
            os.rename(out / name, staging / name)
        try:
            _exchange(staging, out)
        except BaseException:
            for name in carried:
                os.rename(staging / name, out / name)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after the exchange, this is the previous outputs


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux renameat2); elsewhere, two renames with a backup."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        renameat2 = None
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return
        error = ctypes.get_errno()
        if error not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # not supported here: fall back
            raise OSError(error, os.strerror(error), str(b))
    backup = a.with_name(a.name + ".previous")
    os.rename(b, backup)
    os.rename(a, b)
    os.rename(backup, a)


def _write_error(path: Path, error: OSError) -> FengongError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        hint = "The disk is full: free some space, or write somewhere else."
    elif error.errno == errno.EROFS:
        hint = "The file system is read-only: write somewhere else."
    else:
        hint = "Name a file (not a folder) in a folder you may write to."
    return FengongError(f"cannot write the output: {error.strerror or error}", path=str(path), hint=hint)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding=encoding, newline="\n")
    return Path(path)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def compact_dumps(data: Any) -> str:
    """JSON on one line, for machine data (the run's documents/*.json, graph.json): no indentation to
    write and read. The separators are json's defaults, as the store keeps its documents."""
    return json.dumps(data, ensure_ascii=False) + "\n"


def write_json(path: str | Path, data: Any, compact: bool = False) -> Path:
    return write_text(path, compact_dumps(data) if compact else dumps(data))


def write_document(path: str | Path, document: Document, compact: bool = False) -> Path:
    return write_json(path, document_to_dict(document), compact)


def write_csv(path: str | Path, frame: "pd.DataFrame") -> Path:
    with atomic_path(path) as temporary:
        safe_frame(frame, csv_cell).to_csv(temporary, index=False, encoding=CSV_ENCODING, lineterminator="\n")
    return Path(path)


def write_rows_csv(path: str | Path, columns: Iterable[str], rows: Iterable[Iterable[Any]]) -> Path:
    """Rows as a CSV (BOM, ``\n``), the same bytes as :func:`write_csv` of the same frame (``None`` is
    an empty cell), without building a frame: the run streams its matrices row by row."""
    import csv

    with atomic_path(path) as temporary, open(temporary, "w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in columns])
        writer.writerows([csv_cell(v) for v in row] for row in rows)
    return Path(path)


def write_xlsx(path: str | Path, frame: "pd.DataFrame", sheet: str = "matrix", key_columns: int = 0) -> Path:
    """The wide matrix as a worksheet with a frozen, bold header row and ``key_columns`` frozen columns."""
    return write_xlsx_rows(path, [str(c) for c in frame.columns], frame.itertuples(index=False), sheet, key_columns)


def write_xlsx_rows(path: str | Path, columns: list[str], rows: Iterable[Iterable[Any]], sheet: str = "matrix", key_columns: int = 0) -> Path:
    """:func:`write_xlsx` from rows, in openpyxl's write-only mode (rows streamed to the file, empty
    cells not written): a frozen, bold, wrapped header row, ``key_columns`` frozen columns."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.freeze_panes = f"{get_column_letter(key_columns + 1)}2"
    worksheet.column_dimensions["F"].width = 40
    header = []
    for name in columns:
        cell = WriteOnlyCell(worksheet, safe_cell(str(name)))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        header.append(cell)
    worksheet.append(header)
    for row in rows:
        worksheet.append([None if _missing(v) or v == "" else safe_cell(v) for v in row])
    return _save_workbook(path, workbook)


def _save_workbook(path: str | Path, workbook: Any) -> Path:
    with atomic_path(path) as temporary:
        workbook.save(temporary)
        _make_reproducible(temporary)
    return Path(path)


FIXED_TIME = "2000-01-01T00:00:00Z"


def _make_reproducible(xlsx: Path) -> None:
    """Same content, same bytes: openpyxl stamps the save time into the package; pin it."""
    import re
    import zipfile

    with zipfile.ZipFile(xlsx) as package:
        members = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), data)
            package.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def _missing(value: Any) -> bool:
    if value is None or isinstance(value, str):
        return value is None
    try:
        return str(value) == "<NA>" or value != value
    except (TypeError, ValueError):
        return False


def write_graph(path: str | Path, graph: "nx.Graph") -> Path:
    """GraphML, GEXF (static) or node-link JSON (compact: machine data), by the suffix of ``path``."""
    import networkx as nx

    from .graph_xml import write_gexf, write_graphml

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise FengongError(f"unknown graph format {suffix!r}", path=str(path), hint=f"Use one of: {', '.join(GRAPH_FORMATS)}.")
    if suffix == ".json":
        return write_text(path, compact_dumps(nx.node_link_data(graph, edges="edges")))
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        (write_graphml if suffix == ".graphml" else write_gexf)(graph, handle)
    return path


# --- the ledger workbook ---------------------------------------------------------------

LINE_HEIGHT = 14.5  # points per line of 11 pt text
ROLE_FILLS = {"lead": "F8CBAD", "support": "BDD7EE", "responsible": "C6E0B4"}
HEADER_FILL = "E7E6E6"
# A4 landscape less Excel's default margins (0.7 in left/right, 0.75 in top/bottom), in points.
PRINTABLE_WIDTH = 842 - 2 * 50.4
PRINTABLE_HEIGHT = 595 - 2 * 54


_NARROW = re.compile("[\x00-\u2e7f]+")


def display_width(text: str) -> int:
    """Width in Excel's units (about one Latin digit): a Chinese character takes two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_NARROW.sub("", text))  # every character from U+2E80 on counts twice


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` units wide."""
    room = int(max(width - 1.5, 1.0))  # cell padding
    return sum(max(1, -(-display_width(line) // room)) for line in str(text).split("\n"))


def write_ledger(path: str | Path, ledger: Any) -> Path:
    """A :class:`~pipeline.analysis.ledger.Ledger` as a workbook (``.xlsx``) or its first sheet as CSV (``.csv``, BOM)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        first = ledger.sheets[0]
        return write_rows_csv(path, list(first.columns), first.rows)
    if suffix != ".xlsx":
        raise FengongError(f"unknown ledger format {suffix!r}", path=str(path), hint="Name the output .xlsx (all sheets) or .csv (the ledger sheet).")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for sheet in ledger.sheets:
        _ledger_sheet(workbook.create_sheet(sheet.name), sheet)
    return _save_workbook(path, workbook)


def _ledger_sheet(worksheet: Any, sheet: Any) -> None:
    """Header frozen and filtered, widths fitted, text wrapped; prints landscape A4, fit to width, header repeated.

    Written in openpyxl's write-only mode: what goes above the rows (freeze, widths, page fit) is set
    before the first row, each row's height as it is written. A cell's style is copied from one
    styled template cell per kind (openpyxl would otherwise hash the style objects of every cell);
    an empty body cell is not written, its column's style gives it the border and alignment.
    """
    from copy import copy

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    rows = [tuple(None if _missing(v) else v for v in row) for row in sheet.rows]
    vertical_from = sheet.first_unit_column if sheet.first_unit_column is not None else len(sheet.columns)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centred = Alignment(horizontal="center", vertical="center")

    def template(**style: Any) -> Any:
        cell = WriteOnlyCell(worksheet)
        for name, value in style.items():
            setattr(cell, name, value)
        return cell._style

    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_style = template(font=Font(bold=True), fill=header_fill, border=border, alignment=wrap)
    header_unit_style = template(font=Font(bold=True), fill=header_fill, border=border,
                                 alignment=Alignment(wrap_text=True, vertical="center", text_rotation=255))
    body_style = template(border=border, alignment=wrap)
    unit_style = template(border=border, alignment=centred)
    mark_styles = {mark: template(border=border, alignment=centred, fill=PatternFill("solid", fgColor=ROLE_FILLS[role])) for mark, role in sheet.marks}

    widths = []
    for j, (name, cap) in enumerate(zip(sheet.columns, sheet.caps)):
        if j < vertical_from:
            longest = max(
                (display_width(line) for v in [name, *("" if row[j] is None else str(row[j]) for row in rows)] for line in v.split("\n")),
                default=0,
            )
            widths.append(float(max(3, min(cap, longest + 2))))
        else:
            widths.append(3.5)
        dimension = worksheet.column_dimensions[get_column_letter(j + 1)]
        dimension.width = widths[-1]
        dimension.border = border
        dimension.alignment = wrap if j < vertical_from else centred
    worksheet.freeze_panes = f"{get_column_letter((sheet.first_unit_column or 0) + 1)}2"
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True

    def styled(value: Any, style: Any) -> Any:
        cell = WriteOnlyCell(worksheet, value)
        cell._style = copy(style)
        return cell

    lines = 1
    header = []
    for j, name in enumerate(sheet.columns):
        header.append(styled(name, header_unit_style if j >= vertical_from else header_style))
        lines = max(lines, len(str(name)) if j >= vertical_from else wrapped_lines(str(name), widths[j]))
    worksheet.row_dimensions[1].height = round(lines * (LINE_HEIGHT - 1.5 if lines > 3 else LINE_HEIGHT) + 3, 1)
    worksheet.append(header)
    for r, row in enumerate(rows, 2):
        lines = 1
        cells = []
        for j, value in enumerate(row):
            if value is None or value == "":
                cells.append(None if j >= vertical_from or value is None else styled(value, body_style))
                continue
            if j >= vertical_from:
                cells.append(styled(value, mark_styles.get(str(value)[0], unit_style)))
            else:
                cells.append(styled(value, body_style))
                if isinstance(value, str):
                    lines = max(lines, wrapped_lines(value, widths[j]))
        worksheet.row_dimensions[r].height = round(lines * LINE_HEIGHT + 3, 1)
        worksheet.append(cells)
    last = f"{get_column_letter(len(sheet.columns))}{len(rows) + 1}"
    worksheet.auto_filter.ref = f"A1:{last}"
    worksheet.print_title_rows = "1:1"
    worksheet.page_setup.orientation = "landscape"
    worksheet.page_setup.paperSize = "9"  # A4 (openpyxl.worksheet.worksheet.Worksheet.PAPERSIZE_A4)
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    worksheet.print_options.horizontalCentered = True


def estimated_pages(worksheet: Any) -> int:
    """Pages a fit-to-width, landscape A4 print of ``worksheet`` takes, from its column widths and
    row heights (rows are not split across pages; the header row repeats on every page)."""
    from openpyxl.utils import get_column_letter

    columns = worksheet.max_column
    width_px = sum(int((worksheet.column_dimensions[get_column_letter(j)].width or 8.43) * 7 + 5) for j in range(1, columns + 1))
    scale = min(1.0, PRINTABLE_WIDTH / (width_px * 0.75))
    heights = [(worksheet.row_dimensions[r].height or 15) for r in range(1, worksheet.max_row + 1)]
    room = PRINTABLE_HEIGHT / scale - heights[0]
    pages, used = 1, 0.0
    for height in heights[1:]:
        if used + height > room and used > 0:
            pages, used = pages + 1, 0.0
        used += height
    return pages
