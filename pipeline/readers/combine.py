"""Several Sources read as one document: a notice and its attachments, a notice split over pages.

The texts are joined in order with a blank line between them; lines, tables and cells are
renumbered and their offsets shifted so that they point into the joined text; every file's
line range is kept in ``Source.files`` (provenance: which file a line came from). Metadata
hints and reader warnings are kept in order (the notice's first).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..model import Source, SourceFile, SourceLine, Table


def _as_blank_paragraphs(source: Source) -> Source:
    """A one-paragraph-per-line source rewritten with blank lines between its paragraphs, so that it
    keeps its paragraphs beside a paged source (whose paragraphs are runs of lines)."""
    from . import split_lines

    if all(not a.text or not b.text for a, b in zip(source.lines, source.lines[1:])):
        return replace(source, paragraphs="blank")  # already separated (DOCX, HTML, workbooks)
    if source.tables:
        return replace(source, paragraphs="blank")  # table lines are read by the table, not as paragraphs
    text = "\n\n".join(line.text for line in source.lines if line.text) + "\n"
    return replace(source, text=text, lines=tuple(split_lines(text)), paragraphs="blank")


def _shift_table(table: Table, offset: int, lines: int) -> Table:
    rows = tuple(
        tuple(replace(cell, offset=cell.offset + offset, line=cell.line + lines if cell.line else None) for cell in row)
        for row in table.rows
    )
    return replace(table, rows=rows, first_line=table.first_line + lines, last_line=table.last_line + lines)


def combine_sources(sources: list[Source], path: str, fmt: str, sha256: str | None = None) -> Source:
    """One Source from ``sources`` in order (see the module docstring)."""
    if len(sources) == 1 and fmt == sources[0].format:
        return sources[0]
    paged = any(s.paragraphs == "blank" for s in sources)
    if paged:
        sources = [s if s.paragraphs == "blank" else _as_blank_paragraphs(s) for s in sources]
    chunks: list[str] = []
    lines: list[SourceLine] = []
    tables: list[Table] = []
    files: list[SourceFile] = []
    offset = line_base = 0
    for source in sources:
        text = source.text if source.text.endswith("\n") else source.text + "\n"
        if chunks:  # one blank line between two files
            chunks.append("\n")
            lines.append(SourceLine(line_base + 1, "", offset))
            offset += 1
            line_base += 1
        lines.extend(replace(line, number=line.number + line_base, offset=line.offset + offset) for line in source.lines)
        tables.extend(_shift_table(table, offset, line_base) for table in source.tables)
        if source.files:  # a bundle inside a multi-file parse: keep its members
            files.extend(replace(f, first_line=f.first_line + line_base, last_line=f.last_line + line_base) for f in source.files)
        else:
            files.append(SourceFile(source.path, source.sha256, source.format, line_base + 1, line_base + len(source.lines)))
        chunks.append(text)
        offset += len(text)
        line_base += len(source.lines)
    pages = [s.pages for s in sources if s.pages]
    return Source(
        path=path,
        sha256=sha256 or hashlib.sha256("".join(s.sha256 for s in sources).encode()).hexdigest(),
        format=fmt,
        text="".join(chunks),
        lines=tuple(lines),
        encoding=next((s.encoding for s in sources if s.encoding), None),
        pages=sum(pages) if pages else None,
        tables=tuple(tables),
        meta_hints=tuple(h for s in sources for h in s.meta_hints),
        paragraphs="blank" if paged else "line",
        warnings=tuple(w for s in sources for w in s.warnings),
        files=tuple(files),
    )
