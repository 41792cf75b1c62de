"""All serialisation to files in one place: JSON, CSV, XLSX, GraphML, GEXF, node-link JSON.

Every file is written atomically (a temporary file beside it, then renamed), so a
failure never leaves a half-written output or destroys the previous one. CSVs are
UTF-8 with BOM so that Excel shows the Chinese; column and row order are stable.
"""

from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .errors import FengongError
from .model import Document, document_to_dict

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

CSV_ENCODING = "utf-8-sig"
GRAPH_FORMATS = (".graphml", ".gexf", ".json")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``path``, on failure it is removed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        yield Path(temporary)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes the file private; outputs are ordinary files
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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


def write_json(path: str | Path, data: Any) -> Path:
    return write_text(path, dumps(data))


def write_document(path: str | Path, document: Document) -> Path:
    return write_json(path, document_to_dict(document))


def write_csv(path: str | Path, frame: "pd.DataFrame") -> Path:
    with atomic_path(path) as temporary:
        frame.to_csv(temporary, index=False, encoding=CSV_ENCODING, lineterminator="\n")
    return Path(path)


def write_xlsx(path: str | Path, frame: "pd.DataFrame", sheet: str = "matrix", key_columns: int = 0) -> Path:
    """The wide matrix as a worksheet with a frozen, bold header row and ``key_columns`` frozen columns."""
    from openpyxl.utils import get_column_letter

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        worksheet.append([None if _missing(v) else v for v in row])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    worksheet.freeze_panes = f"{get_column_letter(key_columns + 1)}2"
    worksheet.column_dimensions["F"].width = 40
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
    try:
        return value is None or value != value or str(value) == "<NA>"
    except (TypeError, ValueError):
        return False


def flatten_graph(graph: "nx.Graph") -> "nx.Graph":
    """A copy whose list and None attributes are strings/omitted, as GraphML and GEXF (Gephi) need."""
    flat = graph.copy()
    for _, data in list(flat.nodes(data=True)) + [(None, d) for *_, d in flat.edges(data=True)]:
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif isinstance(value, (list, tuple)):
                data[key] = ";".join(str(v) for v in value)
    return flat


def write_graph(path: str | Path, graph: "nx.Graph") -> Path:
    import networkx as nx

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise FengongError(f"unknown graph format {suffix!r}", path=str(path), hint=f"Use one of: {', '.join(GRAPH_FORMATS)}.")
    if suffix == ".json":
        return write_json(path, nx.node_link_data(graph, edges="edges"))
    flat = flatten_graph(graph)
    with atomic_path(path) as temporary:
        if suffix == ".graphml":
            nx.write_graphml(flat, temporary, encoding="utf-8")
        else:
            nx.write_gexf(flat, temporary, encoding="utf-8")
    return path
