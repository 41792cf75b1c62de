"""The data model: one immutable record per concept, and its versioned JSON form.

Every stage of fengong consumes and produces these records. Offsets follow spaCy's
convention: ``start``/``end`` are character offsets into the ``text`` of the record
that holds them (``text[start:end]`` is the matched string); ``line`` is the 1-based
line of the source file (for paged formats, the line counted across the whole
extracted text) and ``page`` the 1-based page, or ``None`` for formats without pages.

The JSON form is documented in the README ("Contract") and versioned by
``SCHEMA_VERSION``: additive changes bump the minor number, anything else the major.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

import msgspec

SCHEMA_VERSION = "1.3"

PARTS = ("main", "attachment")
ROLES = ("lead", "support", "responsible")
UNIT_TYPES = (
    "party_committee_department",
    "government_department",
    "peoples_organisation",
    "enterprise",
    "association",
    "locality",
    "collective",
    "coordination_body",
    "internal_division",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One physical line as a reader produced it."""

    number: int  # 1-based, across the whole source
    text: str
    offset: int  # offset of the line's first character in ``Source.text``
    page: int | None = None
    # Spreadsheets: the cell the line was written from (sheet name, 1-based row and column).
    sheet: str | None = None
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class TableCell:
    """A table cell; its text also stands in ``Source.text`` at ``offset`` (line breaks kept)."""

    text: str
    offset: int
    line: int | None = None
    page: int | None = None
    sheet: str | None = None  # spreadsheets: sheet name, 1-based row and column of the cell
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A table as read: rows of cells, header rows first, rows split across pages already joined.

    Its cells occupy source lines ``first_line``..``last_line``, which the text outline skips.
    A vertically merged cell is repeated in every row it spans.
    """

    rows: tuple[tuple[TableCell, ...], ...]
    first_line: int
    last_line: int
    page: int | None = None
    header_rows: int = 1
    # Per column, a role label the header does not write but the cells show (a 备注 column that
    # holds the responsible unit in every row): "" where the header speaks for itself.
    inferred_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """What a reader returns: the decoded text, its lines, its tables, and where it came from."""

    path: str
    sha256: str
    format: str  # "text", "pdf", "docx", "html", "ofd", …
    text: str
    lines: tuple[SourceLine, ...]
    encoding: str | None = None
    pages: int | None = None
    tables: tuple[Table, ...] = ()
    meta_hints: tuple[tuple[str, str], ...] = ()  # e.g. (("发文字号", "…"),) from an HTML metadata table
    # "line": every line is a paragraph (text files, DOCX, HTML); "blank": paragraphs are runs of
    # non-blank lines separated by blank lines (paged formats whose readers keep physical lines).
    paragraphs: str = "line"
    warnings: tuple[ParseWarning, ...] = ()  # what the reader left out (a hidden sheet)
    files: tuple[SourceFile, ...] = ()  # several files read as one (a bundle): where each one's lines are


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One of several files read as one document, and the lines its text occupies."""

    path: str
    sha256: str
    format: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class CellRef:
    """A spreadsheet cell: sheet name, 1-based row and column (``column`` 3 is Excel's C)."""

    sheet: str
    row: int
    column: int


@dataclass(frozen=True, slots=True)
class Failure:
    """A file a batch could not read: where, what went wrong, and what to do."""

    path: str
    error: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """A recoverable oddity that needs a human look (frictionless-style typed report row)."""

    code: str  # e.g. "unknown_unit", "numbering_gap", "item_without_attribution"
    message: str
    line: int | None = None
    item_id: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    number: str  # as written, without punctuation: "一"
    title: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    number: str  # "" when the notice has a single unnumbered 附件
    title: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Responsibility:
    """A unit made responsible for an item by an attribution clause."""

    unit: str  # canonical name
    unit_raw: str  # as written (after text healing)
    role: str  # one of ROLES
    order: int  # 1-based position within its clause, in written order
    collective: bool
    line: int | None  # source line where the unit is written
    start: int  # offsets into Item.text
    end: int
    page: int | None = None
    unit_type: str = "unknown"
    role_label: str = ""  # the marker as written: 责任单位, 牵头, 配合单位…
    clause_start: int = 0  # the whole clause, offsets into Item.text
    clause_end: int = 0
    attribution: int = 1  # 1-based index of the clause within its item
    cell: CellRef | None = None  # spreadsheets: the cell the unit is written in
    # A standing note of an earlier item (以下均需各县（市、区）政府落实，不再列出) names the unit for every task
    # after it: the id of the item that states it; offsets, line and attribution then refer to that
    # item's text. Empty: the unit is written in this item (or its section heading).
    stated_in: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A known unit named in an item's text outside its attribution clauses."""

    unit: str
    text: str
    start: int
    end: int
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """When an item is due: ``2023年6月底前`` → date 2023-06-30; ``长期坚持`` → kind ongoing."""

    text: str
    kind: str  # "date", "year_end", "ongoing", "continuous"
    date: str | None = None  # ISO 8601, the last day the wording allows
    start: int = 0  # offsets into Item.text
    end: int = 0
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target: ``不少于100万人次`` → value 1000000, unit 人次."""

    text: str
    value: float
    unit: str
    counted: str = ""  # what is counted, e.g. 职业技能培训
    start: int = 0
    end: int = 0
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """A document referred to by its title in 《》."""

    title: str  # with the brackets, as written: 《江苏省集体协商条例》
    start: int = 0
    end: int = 0
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A person a notice names for an item (牵头领导), never a unit."""

    text: str  # the name as written
    title: str = ""  # the post, e.g. 副市长
    role: str = "lead_leader"
    start: int = 0
    end: int = 0
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """A task: a numbered entry of the plan or a project of an attachment."""

    id: str  # stable within the document: "main/一/1", "attachment1/三"
    part: str  # "main" or "attachment"
    number: str  # as written, without punctuation: "4", "一"
    title: str  # the first sentence (or the heading line)
    text: str  # the whole item after its number, healed
    section: Section | None = None
    attachment: int | None = None  # 1-based index into Document.attachments
    level: int = 0  # numbering rank: 1 一、 2 （一） 3 1. 4 （1）
    line: int | None = None
    end_line: int | None = None
    page: int | None = None
    responsibilities: tuple[Responsibility, ...] = ()
    mentions: tuple[Mention, ...] = ()
    deadline: Deadline | None = None
    targets: tuple[Target, ...] = ()
    documents: tuple[Reference, ...] = ()
    persons: tuple[Person, ...] = ()
    cell: CellRef | None = None  # spreadsheets: the cell of the task (its row's task column)

    def clause_host(self, responsibility: Responsibility, items_by_id: dict[str, "Item"] | None = None) -> str:
        """The text a responsibility's offsets point into: the item's, or for a lead inherited
        from the section heading (attribution 0), the section title, or for a unit a standing note
        of an earlier item names (``stated_in``), that item's text (``items_by_id``:
        ``Document.items_by_id()``)."""
        if responsibility.stated_in:
            if items_by_id is None or responsibility.stated_in not in items_by_id:
                raise ValueError(f"{responsibility.unit!r} is stated in item {responsibility.stated_in!r}: pass the document's items_by_id()")
            return items_by_id[responsibility.stated_in].text
        if responsibility.attribution == 0 and self.section is not None:
            return self.section.title
        return self.text


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None  # the notice's title, e.g. 关于印发《…》的通知
    plan_title: str | None = None  # the title of the plan it carries, when distinct
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None  # ISO 8601
    year: int | None = None
    addressees: tuple[str, ...] = ()
    signature: str | None = None
    preamble: str | None = None  # the general requirements before the first heading


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    sha256: str
    format: str
    encoding: str | None = None
    pages: int | None = None
    files: tuple[SourceFile, ...] = ()  # several files read as one: each one's path and lines


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    source: SourceInfo
    meta: Metadata
    items: tuple[Item, ...]
    attachments: tuple[Attachment, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    schema_version: str = SCHEMA_VERSION

    @property
    def responsibilities(self) -> list[tuple[Item, Responsibility]]:
        return [(item, r) for item in self.items for r in item.responsibilities]

    def items_by_id(self) -> dict[str, Item]:
        """The items by their ids (for ``Item.clause_host`` of a unit stated in another item)."""
        return {item.id: item for item in self.items}


# --- JSON form -------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    names = _PLAIN_NAMES.get(type(value))
    if names is None and hasattr(value, "__dataclass_fields__"):
        names = _PLAIN_NAMES[type(value)] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


# Per record class, its field names in order (the JSON form's key order). A cache of its own: the
# reader's (_FIELD_NAMES, sets) once shared the name, so that whichever ran first in a process left
# the other its kind of entry (reading after writing then never took the fast path; writing after
# reading gave keys in set order, which changes from one process to the next).
_PLAIN_NAMES: dict[type, tuple[str, ...]] = {}


def document_to_dict(document: Document) -> dict[str, Any]:
    """The documented JSON form of a document (see README, "Contract")."""
    data = _plain(document)
    return {
        "schema_version": data.pop("schema_version"),
        "id": data.pop("id"),
        "source": data.pop("source"),
        "meta": data.pop("meta"),
        "attachments": data.pop("attachments"),
        "items": data.pop("items"),
        "warnings": data.pop("warnings"),
    }


_FIELD_NAMES: dict[type, frozenset[str]] = {}  # per record class: reading a corpus back builds 10⁵ records


def _build(cls: type, data: dict[str, Any], **nested: Any) -> Any:
    known = _FIELD_NAMES.get(cls)
    if known is None:
        known = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    if len(data) == len(known) and data.keys() == known:
        # The JSON form of this version names every field once: the record's slots are set directly,
        # without the keyword parsing and frozen-field checks of ``__init__`` (reading a corpus back
        # builds 10⁵ records; this halves the time). Nothing else is skipped: no record has a __post_init__.
        record = _new(cls)
        for name, value in data.items():
            _set(record, name, nested[name] if name in nested else tuple(value) if isinstance(value, list) else value)
        return record
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
    values.update(nested)
    return cls(**values)


_new = object.__new__
_set = object.__setattr__


def document_from_dict(data: dict[str, Any]) -> Document:
    """Inverse of :func:`document_to_dict`; unknown keys from newer minor versions are ignored."""
    major = str(data.get("schema_version", SCHEMA_VERSION)).split(".")[0]
    if major != SCHEMA_VERSION.split(".")[0]:
        raise ValueError(f"unsupported schema_version {data.get('schema_version')!r}")
    items = []
    for item in data["items"]:
        section = item.get("section")
        items.append(
            _build(
                Item,
                item,
                section=_build(Section, section) if section else None,
                responsibilities=tuple(
                    _build(Responsibility, r, cell=_build(CellRef, r["cell"]) if r.get("cell") else None)
                    for r in item.get("responsibilities", [])
                ),
                cell=_build(CellRef, item["cell"]) if item.get("cell") else None,
                mentions=tuple(_build(Mention, m) for m in item.get("mentions", [])),
                deadline=_build(Deadline, item["deadline"]) if item.get("deadline") else None,
                targets=tuple(_build(Target, t) for t in item.get("targets", [])),
                documents=tuple(_build(Reference, d) for d in item.get("documents", [])),
                persons=tuple(_build(Person, p) for p in item.get("persons", [])),
            )
        )
    return Document(
        id=data["id"],
        source=_build(SourceInfo, data["source"], files=tuple(_build(SourceFile, f) for f in data["source"].get("files", []))),
        meta=_build(Metadata, data["meta"]),
        items=tuple(items),
        attachments=tuple(_build(Attachment, a) for a in data.get("attachments", [])),
        warnings=tuple(_build(ParseWarning, w) for w in data.get("warnings", [])),
        schema_version=data.get("schema_version", SCHEMA_VERSION),
    )


def document_from_json(text: str | bytes) -> Document:
    """A document from its JSON form (as the store keeps it): decoded by msgspec straight into the
    records, about twice as fast as ``json.loads`` and :func:`document_from_dict` (reading 2,000 stored
    documents back for ``fengong run``). A form msgspec does not take as it is (an older minor version
    whose types differ) is read the slow way, which also names an unsupported major version."""
    try:
        document = _json_decoder().decode(text)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return document_from_dict(json.loads(text))
    if str(document.schema_version).split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ValueError(f"unsupported schema_version {document.schema_version!r}")
    return document


@lru_cache(maxsize=1)
def _json_decoder() -> "msgspec.json.Decoder":
    return msgspec.json.Decoder(Document)


@dataclass(frozen=True, slots=True)
class Unit:
    """An entry of the unit registry."""

    canonical: str
    type: str = "unknown"
    full_name: str = ""
    aliases: tuple[str, ...] = field(default=())
    collective: bool = False
