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
from itertools import chain, islice, repeat
from operator import itemgetter
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


def write_staged_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """``text`` into a new file of a staging folder (``staged_folder``), written in place: the
    folder is swapped in whole once every output is written, so that the temporary file and rename
    of :func:`write_text` are not needed for atomicity; for the run's thousands of documents they
    took two thirds of the writing. The file's folder must exist."""
    path = Path(path)
    try:
        with open(path, "w", encoding=encoding, newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise _write_error(path, error) from None
    return path


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
        writer.writerows(_as_written(rows, _csv_unsafe, lambda row: [csv_cell(v) for v in row]))
    return Path(path)


def write_xlsx(path: str | Path, frame: "pd.DataFrame", sheet: str = "matrix", key_columns: int = 0) -> Path:
    """The wide matrix as a worksheet with a frozen, bold header row and ``key_columns`` frozen columns."""
    return write_xlsx_rows(path, [str(c) for c in frame.columns], frame.itertuples(index=False), sheet, key_columns)


def write_xlsx_rows(path: str | Path, columns: list[str], rows: Iterable[Iterable[Any]], sheet: str = "matrix", key_columns: int = 0) -> Path:
    """:func:`write_xlsx` from rows, streamed (``exporters.xlsx``; empty cells not written): a frozen,
    bold, wrapped header row, ``key_columns`` frozen columns, the title column (F) 40 wide."""
    from . import xlsx

    book = xlsx.Workbook()
    header = book.style(xlsx.Style(bold=True, wrap=True, vertical="top"))
    rows = list(rows)
    header_styles = [header] * len(columns)
    plain = [0] * len(columns)
    body = ((None, row, plain) for row in _as_written(rows, _xlsx_unsafe, lambda row: [None if _missing(v) else safe_cell(v) for v in row]))
    book.sheets.append(xlsx.Sheet(
        sheet, len(columns), _chain((None, [safe_cell(str(c)) for c in columns], header_styles), body), len(rows) + 1,
        widths=[40 if j == 5 else None for j in range(len(columns))], freeze=f"{xlsx.column_letter(key_columns + 1)}2",
    ))
    with atomic_path(path) as temporary:
        xlsx.save(book, temporary)
    return Path(path)


# A value that safe_cell (or csv_cell: and a carriage return) would change, found in a row's values
# each put after a newline: checked once for many values, the cells of most rows need no work of
# their own. (Patterns led by a literal newline: an alternation with ``^`` made the search try every
# character, thirty times as slow.)
_FORMULA_LINE = re.compile("\n[=+\\-@\t]")
_FORMULA_OR_CR_LINE = re.compile("\n[=+\\-@\t\r]")


def _csv_unsafe(text: str) -> bool:
    return "\r" in text or _FORMULA_LINE.search(text) is not None


def _xlsx_unsafe(text: str) -> bool:
    return _FORMULA_OR_CR_LINE.search(text) is not None


def _plain_row(row: Any, unsafe: Any) -> bool:
    """True when every value of ``row`` is None, text, an integer or a boolean and none is text
    that must be changed (``unsafe`` of the values, each after a newline); then the row can be
    written as it is."""
    return _CLEAN.issuperset(map(type, row)) and not unsafe("\n" + "\n".join(map(str, row)))


def _as_written(rows: Iterable[Any], unsafe: Any, fix: Any) -> Iterator[Any]:
    """Each row as it is when it is plain (:func:`_plain_row`), else ``fix(row)``. Checked a block of
    rows at a time: when a whole block is plain, as most are, its values are looked at once, in C,
    rather than row by row."""
    rows = iter(rows)
    while block := list(islice(rows, _BLOCK)):
        if _CLEAN.issuperset(map(type, chain.from_iterable(block))) and not unsafe("\n".join(map(str, chain(("",), chain.from_iterable(block))))):
            yield from block
        else:
            yield from (row if _plain_row(row, unsafe) else fix(row) for row in block)


_BLOCK = 1024


def _chain(first: Any, rest: Iterable[Any]) -> Iterator[Any]:
    yield first
    yield from rest


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
    with atomic_path(path) as temporary, open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        if suffix == ".json" and graph.is_multigraph():
            handle.write(compact_dumps(nx.node_link_data(graph, edges="edges")))
        elif suffix == ".json":
            write_node_link(graph, handle)
        else:
            (write_graphml if suffix == ".graphml" else write_gexf)(graph, handle)
    return path


def write_node_link(graph: "nx.Graph", handle: Any) -> None:
    """What ``nx.node_link_data(graph, edges="edges")`` holds, of a graph that is not a multigraph, as
    compact JSON (no spaces between tokens), a block of records at a time: neither the whole text
    (56 MB at 2,000 notices) nor a copy of every node's and edge's attributes is held at once.
    Encoded by msgspec, a fifth of json's time; a block holding a value msgspec does not encode is
    encoded by json (which fails on what neither takes)."""
    import msgspec

    encode = msgspec.json.Encoder().encode

    def dump(data: Any) -> str:
        try:
            return encode(data).decode("utf-8")
        except TypeError:
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    handle.write(f'{{"directed":{dump(graph.is_directed())},"multigraph":false,"graph":{dump(graph.graph)},"nodes":[')
    _write_records(handle, dump, ({**data, "id": node} for node, data in graph.nodes(data=True)))
    handle.write('],"edges":[')
    _write_records(handle, dump, ({**data, "source": u, "target": v} for u, v, data in graph.edges(data=True)))
    handle.write("]}\n")


def _write_records(handle: Any, dump: Any, records: Iterator[dict]) -> None:
    """The records as the items of a JSON list, a block at a time."""
    separator = ""
    while block := list(islice(records, _BLOCK)):
        handle.write(separator + dump(block)[1:-1])
        separator = ","


def write_graphs(paths: Iterable[str | Path], graph: "nx.Graph") -> list[Path]:
    """Each of ``paths`` as :func:`write_graph` writes it; a GraphML and a GEXF named together are
    written in one pass over the graph (``graph_xml.write_graph_xml``)."""
    from .graph_xml import write_graph_xml

    paths = [Path(p) for p in paths]
    xml = {p.suffix.lower(): p for p in paths if p.suffix.lower() in (".graphml", ".gexf")}
    if len(xml) < 2:
        return [write_graph(p, graph) for p in paths]
    with atomic_path(xml[".graphml"]) as graphml, atomic_path(xml[".gexf"]) as gexf:
        with open(graphml, "w", encoding="utf-8", newline="\n") as a, open(gexf, "w", encoding="utf-8", newline="\n") as b:
            write_graph_xml(graph, graphml=a, gexf=b)
    for p in paths:
        if p not in xml.values():
            write_graph(p, graph)
    return paths


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
    from . import xlsx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        first = ledger.sheets[0]
        return write_rows_csv(path, list(first.columns), first.rows)
    if suffix != ".xlsx":
        raise FengongError(f"unknown ledger format {suffix!r}", path=str(path), hint="Name the output .xlsx (all sheets) or .csv (the ledger sheet).")
    book = xlsx.Workbook()
    book.sheets = [_ledger_sheet(book, sheet) for sheet in ledger.sheets]
    with atomic_path(path) as temporary:
        xlsx.save(book, temporary)
    return path


def _ledger_sheet(book: Any, sheet: Any) -> Any:
    """Header frozen and filtered, widths fitted, text wrapped; prints landscape A4, fit to width,
    header repeated. Each row's height is reckoned from its wrapped text (all rows are known first:
    the widths come from them). An empty cell is not written: its column's format gives it the
    border and alignment."""
    from . import xlsx

    rows = list(_as_present(sheet.rows))
    vertical_from = sheet.first_unit_column if sheet.first_unit_column is not None else len(sheet.columns)
    header = book.style(xlsx.Style(bold=True, fill=HEADER_FILL, border=True, wrap=True, vertical="top"))
    header_unit = book.style(xlsx.Style(bold=True, fill=HEADER_FILL, border=True, wrap=True, vertical="center", rotation=255))
    body = book.style(xlsx.Style(border=True, wrap=True, vertical="top"))
    unit = book.style(xlsx.Style(border=True, horizontal="center", vertical="center"))
    marks = {mark: book.style(xlsx.Style(border=True, fill=ROLE_FILLS[role], horizontal="center", vertical="center")) for mark, role in sheet.marks}
    # Column by column over the distinct values (a pair sheet repeats its task's texts in every row).
    widths, counts = [], [1] * len(rows)
    for j, (name, cap) in enumerate(zip(sheet.columns, sheet.caps)):
        if j >= vertical_from:
            widths.append(3.5)
            continue
        column = list(map(itemgetter(j), rows))
        width = float(max(3, min(cap, _longest(name, column, cap - 2) + 2)))
        widths.append(width)
        lines = {}
        for value in set(column):
            # (a line at most half as long as the room fits, whatever its characters)
            if isinstance(value, str) and value and (2 * len(value) > width - 1.5 or "\n" in value):
                count = wrapped_lines(value, width)
                if count > 1:
                    lines[value] = count
        if lines:
            counts = list(map(max, counts, map(lines.get, column, repeat(1))))
    column_styles = [body if j < vertical_from else unit for j in range(len(sheet.columns))]
    plain = tuple(column_styles)

    def lines() -> Iterator[tuple[float, Any, Any]]:
        count = 1
        for j, name in enumerate(sheet.columns):
            count = max(count, len(str(name)) if j >= vertical_from else wrapped_lines(str(name), widths[j]))
        header_styles = [header_unit if j >= vertical_from else header for j in range(len(sheet.columns))]
        yield round(count * (LINE_HEIGHT - 1.5 if count > 3 else LINE_HEIGHT) + 3, 1), list(sheet.columns), header_styles
        heights = {count: round(count * LINE_HEIGHT + 3, 1) for count in set(counts)}
        shown: dict[tuple, tuple] = {}  # the styles of a row's unit cells, by their marks: tasks share a few hundred
        for row, count in zip(rows, counts):
            styles = plain
            if marks:
                cells = row[vertical_from:]
                if any(cells):
                    try:
                        styles = shown.get(cells)
                    except TypeError:  # (a cell holding an unhashable value: its row's styles made for it alone)
                        styles = cells = None
                    if styles is None:
                        styles = plain[:vertical_from] + tuple(marks.get(str(v)[0], unit) if v else unit for v in row[vertical_from:])
                        if cells is not None:
                            shown[cells] = styles
            yield heights[count], row, styles

    return xlsx.Sheet(
        sheet.name, len(sheet.columns), lines(), len(rows) + 1, widths=widths, column_styles=column_styles,
        freeze=f"{xlsx.column_letter((sheet.first_unit_column or 0) + 1)}2", auto_filter=True, print_titles=True,
        landscape_a4_fit_width=True, centre_horizontally=True,
    )


_CLEAN = frozenset((str, int, bool, type(None)))  # types _missing never holds missing


def _as_present(rows: Iterable[Any]) -> Iterator[Any]:
    """Each row as it is when all its values are of ``_CLEAN`` types, else with its missing values
    (``_missing``) made None; the types looked at a block of rows at a time."""
    rows = iter(rows)
    while block := list(islice(rows, _BLOCK)):
        if _CLEAN.issuperset(map(type, chain.from_iterable(block))):
            yield from block
        else:
            yield from (row if _CLEAN.issuperset(map(type, row)) else tuple(None if _missing(v) else v for v in row) for row in block)


def _longest(name: str, column: list, enough: float) -> int:
    """The display width of the widest line in ``column`` (its heading ``name`` included), or a
    width of at least ``enough`` as soon as one is found (the column is capped there anyway)."""
    longest = 0
    for text in (name, *_texts(column)):
        if 2 * len(text) <= longest:  # cannot be wider, whatever its characters
            continue
        longest = max(longest, max(display_width(line) for line in text.split("\n")))
        if longest >= enough:
            break
    return longest


def _texts(column: list) -> set[str]:
    """The distinct texts of a column's values as ``str`` shows them, ``None`` left out."""
    distinct = set(column)
    distinct.discard(None)
    if not {type(v) for v in distinct} <= {str, int}:  # in a set 1 == 1.0 == True and 0.0 == -0.0
        return {str(v) for v in column if v is not None}
    return {v if type(v) is str else str(v) for v in distinct}


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
