"""Text assembly shared by the readers that build their own text (DOCX, HTML).

Paragraphs are separated by a blank line (the ``Source`` paragraph convention); a table's
cells are written one after another on their own lines, each cell once even when merged
cells repeat it, and recorded as a ``Table`` whose cells know their offset and line.
"""

from __future__ import annotations

from typing import Hashable, Sequence

from ..model import Table, TableCell


class TextBuilder:
    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.length = 0
        self.line = 0  # number of the last line written
        self.tables: list[Table] = []

    def emit(self, text: str) -> None:
        self.chunks.append(text)
        self.length += len(text)

    def write(self, lines: list[str], separator: str = "\n\n") -> tuple[int, int]:
        """Write ``lines`` after ``separator``; return (offset, number of the first line)."""
        if self.chunks:
            self.emit(separator)
            self.line += separator.count("\n") - 1
        offset, first = self.length, self.line + 1
        self.emit("\n".join(lines))
        self.line = first + len(lines) - 1
        return offset, first

    def add_table(self, rows: Sequence[Sequence[tuple[Hashable, str]]], header_rows: int) -> None:
        """Rows of ``(key, text)``: cells with the same key (merged cells) are written once."""
        placed: dict[Hashable, TableCell] = {}
        first = last = None
        for row in rows:
            for key, text in row:
                if key in placed:
                    continue
                if not text:
                    placed[key] = TableCell("", self.length, None, None)
                    continue
                offset, line = self.write(text.split("\n"), "\n\n" if first is None else "\n")
                first = first or line
                last = self.line
                placed[key] = TableCell(text, offset, line, None)
        if first is None:
            return
        built = tuple(tuple(placed[key] for key, _ in row) for row in rows if row)
        self.tables.append(Table(rows=built, first_line=first, last_line=last, page=None, header_rows=min(header_rows, len(built))))

    def text(self) -> str:
        return "".join(self.chunks) + ("\n" if self.chunks else "")
