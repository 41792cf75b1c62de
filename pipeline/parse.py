"""The one entry point that composes the stages: file → Source → Outline → Document."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .extract import knowledge
from .heal import GLOSS
from .errors import NoItemsError
from .layout import recover as recover_layout
from .extract.mentions import find_mentions
from .extract.metadata_hints import merge_hints
from .model import CellRef, Document, Item, Mention, ParseWarning, Responsibility, Source, SourceInfo
from .extract.normalise import complete_names, to_simplified
from .extract.glued_names import split_glued, written_names
from .extract.responsibility import Attribution, acting_part, acting_sentences, apply_convention, duty_heading, find_convention, heading_subject, is_personal_name, looks_like_unit, only_told, opening_units, says_duties_follow, text_to_attributions, unit_heading, unread_role_brackets
from .extract.segments import split_item, unnumbered_items
from .settings import Settings
from .extract.structure import LineIndex, RawItem, blocks_to_outline, source_to_blocks
from .extract.units import Registry, load_registry


FORMAT_SUFFIXES = {"text": ("txt", "text", "md"), "pdf": ("pdf",), "docx": ("docx",), "html": ("html", "htm", "shtml"), "mhtml": ("mhtml", "mht"), "ofd": ("ofd",),
                   "doc": ("doc",), "wps": ("wps",), "odt": ("odt",), "xlsx": ("xlsx", "xlsm"), "xls": ("xls",), "et": ("et",),
                   "ods": ("ods",), "zip": ("zip",)}


def parse(path: str | Path, settings: Settings | dict | None = None, *, doc_id: str | None = None) -> Document:
    """Parse a notice file into a :class:`~pipeline.model.Document`."""
    from .readers import read_source

    settings = Settings.resolve(settings)
    source = read_source(path, settings)
    return source_to_document(source, settings, doc_id=doc_id or Path(path).stem)


def parse_many(paths: list[str | Path], settings: Settings | dict | None = None, *, doc_id: str | None = None) -> Document:
    """Parse several files as one notice, in order: the notice, then its attachments (or the pages
    of a notice split over several web pages). One path is the same as :func:`parse`."""
    from .readers import read_sources

    paths = list(paths)
    if len(paths) == 1:
        return parse(paths[0], settings, doc_id=doc_id)
    settings = Settings.resolve(settings)
    source = read_sources(paths, settings)
    return source_to_document(source, settings, doc_id=doc_id or Path(paths[0]).stem)


def source_to_document(source: Source, settings: Settings | None = None, *, doc_id: str) -> Document:
    settings = settings or Settings()
    registry = load_registry(settings.registry_files)
    source = recover_layout(source)
    index = LineIndex(source)
    blocks = source_to_blocks(source)
    outline = blocks_to_outline(blocks)
    fallback: list[ParseWarning] = []
    if not outline.items:
        # Nothing numbered: the paragraphs that attribute work are the tasks (a warning says so).
        found = unnumbered_items(blocks)
        if found:
            outline = replace(outline, items=found)
            fallback.append(ParseWarning("unnumbered_items", f"no numbered tasks; {len(found)} paragraphs that name responsible units read as tasks"))
    if not outline.items:
        suffix = Path(source.path).suffix.lower().lstrip(".")
        named = f", although the file is named .{suffix}" if suffix and suffix not in FORMAT_SUFFIXES.get(source.format, ()) else ""
        raise NoItemsError(f"no numbered tasks found (read as {source.format}{named})", path=source.path)
    meta, hint_warnings = merge_hints(outline.meta, source.meta_hints)
    warnings = list(source.warnings) + list(outline.warnings) + hint_warnings + fallback
    convention, applies_from = find_convention(source.text) or (None, 0)
    raws, found = _segmented(outline.items)
    if not fallback and all(only_told(attributions) for attributions in found) and not _sections_attribute(raws):
        # Numbered items that attribute nothing (a site's numbered terms of use below a report whose
        # paragraphs assign the work), or only by X要… (施工现场破土处要洒水: a place told what to do): the
        # paragraphs that name responsible units are the tasks.
        paragraphs = unnumbered_items(blocks)
        read = _segmented(paragraphs) if paragraphs else None
        # (paragraphs only told what to do are no better reading than the numbered items, whether these
        # are told the same or attribute nothing: 各乡镇要…切实抓好 above a numbered plan is its preamble)
        if read is not None and not all(only_told(attributions) for attributions in read[1]):
            outline = replace(outline, items=paragraphs)
            warnings.append(ParseWarning("unnumbered_items", f"the numbered items name no responsible unit; {len(paragraphs)} paragraphs that do read as tasks"))
            raws, found = read
    found = _acting_items(raws, _duty_headings(raws, _duty_list(raws, found)))
    names = written_names(a for attributions in found for a in attributions)
    items = [
        # (a rule that says 下同 applies from the item that states it on)
        _with_knowledge(_attribute(raw, attributions, registry, index, warnings, convention if raw.origins and raw.origins[-1] >= applies_from else None, names, carried), raw, index, outline.meta.year)
        for raw, attributions, carried in zip(raws, found, _standing_notes(raws, found))
    ]
    if settings.mentions:
        items = _add_mentions(items, raws, registry, index)
    items = _with_cells(items, source)
    return Document(
        id=doc_id,
        source=SourceInfo(source.path, source.sha256, source.format, source.encoding, source.pages, source.files),
        meta=meta,
        items=tuple(items),
        attachments=outline.attachments,
        warnings=tuple(warnings),
    )


def _sections_attribute(raws: tuple[RawItem, ...]) -> bool:
    """Some item's section heading names its units (三义街社区（责任单位：…） ⏎ 1、… 2、…, 一、…（X牵头））."""
    titles = {raw.section.title for raw in raws if raw.section is not None and not raw.section_names_units}
    return any(raw.section_names_units for raw in raws if raw.section is not None) or any(text_to_attributions(title) for title in titles)


def _segmented(items: tuple[RawItem, ...]) -> tuple[tuple[RawItem, ...], list[list]]:
    """The items divided into their tasks (``split_item``), and each task's attribution clauses."""
    raws: list[RawItem] = []
    found: list[list] = []
    for raw in items:
        parts = split_item(raw)
        attributions = [text_to_attributions(part.text) for part in parts]
        if len(parts) > 1:
            attributions = _acting_parts(parts, attributions)
        raws += parts
        found += attributions
    return tuple(raws), found


def _acting_parts(parts: tuple[RawItem, ...], found: list[list]) -> list[list]:
    """A paragraph divided among units (``X负责…；保卫部制定…；Y负责…``): a part of it without a clause of its
    own, opening with a unit's name and a task verb, is that unit's (``acting_part``), where two other
    parts open with their units and role verb; alone, such a part is read as nothing."""
    opened = sum(1 for part, attributions in zip(parts, found) if any(a.start == 0 for a in attributions))
    if opened < 2:
        return found
    return [attributions or [a for a in [acting_part(part.text)] if a] for part, attributions in zip(parts, found)]


DUTY_LIST_MIN = 2  # items that open with their units (市委办公室：…) for these openings to be read


def _duty_list(raws: tuple[RawItem, ...], found: list[list]) -> list[list]:
    """A duty list (1、市委办公室：组织协调… ⏎ 2、市政府办公室：…): items without a clause that open with
    unit names and a colon (or 要) are those units' duties, where several items of the notice do so."""
    openings = [opening_units(raw.text) for raw in raws]
    if sum(1 for o in openings if o is not None) < DUTY_LIST_MIN:
        return found
    return [attributions if opening is None or attributions else [opening] for attributions, opening in zip(found, openings)]


ACTING_ITEMS_MIN = 2  # items of one section without a clause that open with a unit and a task verb


def _acting_items(raws: tuple[RawItem, ...], found: list[list]) -> list[list]:
    """Measures numbered under one heading, each opening with the unit that carries it out
    (``（1）人力资源社会保障部组织实施…`` ⏎ ``（2）各省（自治区、直辖市）党委组织部每年安排…``): an item without a
    clause that opens with a unit's name (by its form) and a task verb is that unit's, where at least
    two items of its section do so; so is each later clause that opens with units acting, and the units
    after 会同 support (``8月31日前，市城管局完成…，会同市公安局完成…``)."""
    openings = [acting_part(raw.text) if not attributions else None for raw, attributions in zip(raws, found)]
    sections = [raw.section.line if raw.section is not None else None for raw in raws]
    by_section = Counter(section for section, opening in zip(sections, openings) if opening is not None)
    if not any(count >= ACTING_ITEMS_MIN for count in by_section.values()):
        return found
    return [
        acting_sentences(raw.text) if opening is not None and by_section[section] >= ACTING_ITEMS_MIN else attributions
        for raw, section, attributions, opening in zip(raws, sections, found, openings)
    ]


def _duty_headings(raws: tuple[RawItem, ...], found: list[list]) -> list[list]:
    """An item without a clause headed by a unit and its duties (``县农牧局主要工作任务：`` ⏎ …): the unit's."""
    return [
        attributions or [a for a in [duty_heading(raw.title) if raw.text.startswith(raw.title.strip()) else None] if a]
        for raw, attributions in zip(raws, found)
    ]


def _standing_notes(raws: tuple[RawItem, ...], found: list[list]) -> list[tuple[RawItem, Attribution, int] | None]:
    """Per item, the standing note of an earlier item of its part that applies to it (``以下均需各县（市、
    区）政府落实，不再列出``: the stating item, the note's clause and its 1-based number there), or None. A note
    applies to the tasks after it that name units of their own (one cut before its clause, or a heading
    read as an item, is left as it is), until another note replaces it."""
    carried: list[tuple[RawItem, Attribution, int] | None] = []
    note = None
    for raw, attributions in zip(raws, found):
        if note is not None and note[0].part != raw.part:
            note = None
        stated = next(((raw, a, k) for k, a in enumerate(attributions, start=1) if a.standing), None)
        carried.append(note if stated is None and attributions else None)
        note = stated or note
    return carried


def _once_each(responsibilities: list[Responsibility]) -> list[Responsibility]:
    """A unit named twice for one task with the same role, or as its lead and again among those
    responsible (牵头单位：区发改局 … 责任单位：区发改局、区财政局), is given once: the first of the same
    role, the lead over responsible. A lead in one row and support in the next (a merged task cell
    over rows of their own) stay both."""
    leads = {r.unit for r in responsibilities if r.role == "lead"}
    seen: set[tuple[str, str]] = set()
    kept = []
    for r in responsibilities:
        if (r.unit, r.role) in seen or (r.role == "responsible" and r.unit in leads):
            continue
        seen.add((r.unit, r.role))
        kept.append(r)
    return kept if len(kept) < len(responsibilities) else responsibilities


def _without_cut_name(raw: RawItem, found: list, registry: Registry, source_text: str) -> list:
    """``found`` without the last name of a clause the end of the text cut off (an excerpt, a page saved
    half-loaded: ``…（责任单位：州教育局、财政局、乡村振``, ``…，责任单位为区财政局、区统``): a fragment that neither the
    registry nor a unit's form knows is no unit. Only where the item ends the source, inside an open bracket or
    after no closing punctuation."""
    if not found or not raw.origins or source_text[raw.origins[-1] + 1 :].strip():
        return found
    text = raw.text.rstrip()
    unclosed = text.count("（") + text.count("(") > text.count("）") + text.count(")")
    if not unclosed and text.endswith(("。", "；", ";", "！", "？", "）", ")", "”", "」")):
        return found  # (a text that ends as a sentence or a bracket does was not cut)
    last = found[-1]
    if not last.units or last.units[-1].end < len(text):
        return found
    name = to_simplified(last.units[-1].raw)
    if registry.resolve(name).known or looks_like_unit(name):
        return found
    return [*found[:-1], replace(last, units=last.units[:-1])] if len(last.units) > 1 else found[:-1]


def _attribute(raw: RawItem, found: list, registry: Registry, index: LineIndex, warnings: list[ParseWarning], convention: str | None, names: frozenset[str],
               carried: tuple[RawItem, Attribution, int] | None = None) -> Item:
    """The item of ``raw`` with the responsibilities of its clauses ``found`` (and its section's, and those of
    a standing note ``carried`` from an earlier item)."""
    responsibilities: list[Responsibility] = []
    if raw.section is not None:
        # F12: a lead named once in the section heading (一、…（区科技局牵头）) leads each of its items.
        # Attribution 0; offsets are into the section title.
        section_line = raw.section.line
        # (a section headed by unit names alone, 市卫生局 ⏎ 一、… 二、…, makes them responsible for each)
        section_attributions = text_to_attributions(raw.section.title)
        if not section_attributions:
            # (a unit group's section is numbered by its own name: structure._unit_group; a heading may
            # name units alone: 一、区财政局 ⏎ 1.负责…)
            grouped = raw.section_names_units or raw.section.number == raw.section.title  # (structure read it as a unit group)
            # (a heading or paragraph that opens with its unit and says its duties follow — 第四条 各级党委（党组）…责任
            # 主要包括：, 区农业农村局贯彻…。主要职责是： — is read for that unit, not as unit names alone)
            duties_follow = raw.section_names_units and says_duties_follow(raw.section.title)
            heading = None if duties_follow else unit_heading(raw.section.title, among_units=grouped)
            if heading is None and raw.section_names_units:
                heading = heading_subject(raw.section.title)
            section_attributions = [heading] if heading else []
            if SUPPORTING_DUTY.match(raw.text):
                # (the units of a heading are to help where the task says so: 配合区体育局做好…)
                section_attributions = [replace(a, units=tuple(replace(u, role="support") for u in a.units)) for a in section_attributions]
        responsibilities += _resolve(
            section_attributions, raw, registry, lambda _: (section_line, raw.page), warnings, convention, first=0
        )
    # (文化宣传股文化馆: units glued in a cell, apart elsewhere in the notice)
    attributions = split_glued(_without_cut_name(raw, found, registry, index.text), names, lambda name: registry.resolve(name).known)
    responsibilities += _resolve(
        attributions, raw, registry, lambda offset: index.locate(raw.origins[offset]), warnings, convention, first=1,
        written=lambda span: _as_written(span, raw, index.text),
    )
    if carried is not None:
        stating, note, number = carried
        # (the note's units stand in the stating item's text: offsets and line point there, and their
        # unknown_unit warnings were given there once)
        responsibilities += [
            replace(r, stated_in=stating.id)
            for r in _resolve([note], stating, registry, lambda offset: index.locate(stating.origins[offset]), [], None, first=number,
                              written=lambda span: _as_written(span, stating, index.text))
        ]
    for start, end in unread_role_brackets(raw.text, attributions):
        warnings.append(
            ParseWarning("unread_role_words", f"{raw.text[start:end]!r} speaks of roles but was not read as a clause", index.locate(raw.origins[start])[0], raw.id)
        )
    responsibilities = _once_each(responsibilities)
    if not responsibilities:
        warnings.append(ParseWarning("item_without_attribution", f"item {raw.number} names no responsible unit", raw.line, raw.id))
    return Item(
        id=raw.id,
        part=raw.part,
        number=raw.number,
        title=raw.title,
        text=raw.text,
        section=raw.section,
        attachment=raw.attachment,
        level=raw.level,
        line=raw.line,
        end_line=raw.end_line,
        page=raw.page,
        responsibilities=tuple(responsibilities),
    )


def _with_knowledge(item: Item, raw: RawItem, index: LineIndex, year: int | None) -> Item:
    """Deadline, quantitative targets, referenced documents and named persons, located in the source."""
    from dataclasses import replace

    def locate(found):
        return replace(found, line=index.locate(raw.origins[found.start])[0]) if raw.origins else found

    deadline = knowledge.find_deadline(raw.text, year)
    return replace(
        item,
        deadline=locate(deadline) if deadline else None,
        targets=tuple(locate(t) for t in knowledge.find_targets(raw.text)),
        documents=tuple(locate(d) for d in knowledge.find_documents(raw.text)),
        persons=tuple(locate(p) for p in knowledge.find_persons(raw.text)),
    )


# A duty that is help given to another unit (配合区体育局做好…, 对…提供积极的配合与支持).
SUPPORTING_DUTY = re.compile(r"^\s*(?:积极|主动)?(?:配合|协助|协同)|^[^。；;\n]{0,60}(?:提供|给予|予以)(?:积极的?)?(?:配合|协助|支持)(?:与|和)?(?:支持|配合)?[。；;]?\s*$")


def _as_written(span, raw: RawItem, text: str) -> str:
    """The unit as the source writes it where healing took a mirror's pinyin glosses out of it
    (縣住房和城鄉(xiāng)建設局, healed 縣住房和城鄉建設局): ``unit_raw`` keeps what was written, so that
    the name can be found in the page; the canonical unit has no gloss."""
    if not raw.origins or span.end <= span.start or span.end > len(raw.origins):
        return span.raw
    first, last = raw.origins[span.start], raw.origins[span.end - 1]
    trailing = GLOSS.match(text, last + 1)  # (a gloss of the name's last character: 紅十字會(huì))
    written = text[first : trailing.end() if trailing else last + 1]
    if written == span.raw or "\n" in written or not GLOSS.search(written):
        return span.raw
    # (the written form is the name and its glosses, nothing else: 各鄉(xiāng)(鎮(zhèn)) is 各鄉（鎮） as written,
    # however many glosses it holds)
    if len(written) > 3 * len(span.raw) and _bracket_folded(GLOSS.sub("", written)) != _bracket_folded(span.raw):
        return span.raw
    return written


def _bracket_folded(name: str) -> str:
    return name.replace("（", "(").replace("）", ")")


def _resolve(attributions, raw: RawItem, registry: Registry, locate, warnings: list[ParseWarning], convention: str | None, first: int,
             written=None) -> list[Responsibility]:
    out = []
    for number, attribution in enumerate(attributions, start=first):
        # (a notice's rule on the order of its lists is not one on its standing note's units)
        units = attribution.units if attribution.standing else apply_convention(attribution.units, convention)
        # A shared suffix is never carried across roles (法规处牵头，各市市场监管局配合).
        completed = complete_names([to_simplified(u.raw) for u in units], groups=[(u.role_label, u.role) for u in units])
        for span, name in zip(units, completed):
            resolved = registry.resolve(name)
            line, page = locate(span.start)
            if not resolved.known and is_personal_name(name):
                # 由王光玲牵头，九重镇落实: the leader in charge, a person, named where a unit would be
                warnings.append(ParseWarning("person_not_unit", f"{span.raw!r} reads as a person's name, not a unit", line, raw.id))
                continue
            if not resolved.known:
                warnings.append(ParseWarning("unknown_unit", f"unit {span.raw!r} is not in the registry", line, raw.id))
            out.append(
                Responsibility(
                    unit=resolved.canonical,
                    unit_raw=written(span) if written else span.raw,
                    role=span.role,
                    order=span.order,
                    collective=resolved.collective,
                    line=line,
                    start=span.start,
                    end=span.end,
                    page=page,
                    unit_type=resolved.type,
                    role_label=span.role_label,
                    clause_start=attribution.start,
                    clause_end=attribution.end,
                    attribution=number,
                )
            )
    return out


def _add_mentions(items: list[Item], raws: tuple[RawItem, ...], registry: Registry, index: LineIndex) -> list[Item]:
    """Mentions are looked for outside the attribution clauses, whose units are already known."""
    masked = []
    for item in items:
        chars = list(item.text)  # (in place: an item may hold thousands of clauses)
        for start, end in {(r.clause_start, r.clause_end) for r in item.responsibilities if r.attribution > 0}:
            chars[start:end] = "\u3000" * (end - start)
        masked.append("".join(chars))
    found = find_mentions(masked, registry)
    out = []
    for item, raw, mentions in zip(items, raws, found):
        built = tuple(
            Mention(canonical, written, start, end, index.locate(raw.origins[start])[0])
            for canonical, written, start, end in mentions
        )
        out.append(_replace_mentions(item, built))
    return out


def _replace_mentions(item: Item, mentions: tuple[Mention, ...]) -> Item:
    from dataclasses import replace

    return replace(item, mentions=mentions)


def _with_cells(items: list[Item], source: Source) -> list[Item]:
    """Spreadsheets: the cell of each task and of each unit, from the cell their line was written from."""
    from dataclasses import replace

    cells = {line.number: CellRef(line.sheet, line.row, line.column) for line in source.lines if line.sheet and line.row}
    if not cells:
        return items
    return [
        replace(
            item,
            cell=cells.get(item.line),
            responsibilities=tuple(replace(r, cell=cells.get(r.line)) for r in item.responsibilities),
        )
        for item in items
    ]


# Bump when a change to the stages (pipeline/extract, pipeline/layout, the readers) changes what a
# file parses to: a stored document parsed by another version is parsed again on the next ingest,
# its file unchanged or not. (A change of the built-in vocabulary in pipeline/data needs no bump:
# parser_version digests those files.)
PARSER_VERSION = "1"


def parser_version(settings: Settings | None = None) -> str:
    """What parsed a document, as recorded beside it in the store: ``PARSER_VERSION`` and a digest of
    the rest that decides a parse (the built-in vocabulary, extra registry files, the settings that
    change the output). Ingest skips a file whose content and parser version are those stored."""
    import hashlib

    settings = settings or Settings()
    digest = hashlib.sha256(_data_digest().encode())
    digest.update(repr((settings.encoding, settings.mentions)).encode())
    for name in settings.registry_files:
        try:
            digest.update(hashlib.sha256(Path(name).read_bytes()).digest())
        except OSError:  # the parse reports the missing registry; the version just differs
            digest.update(f"missing {name}".encode())
    return f"{PARSER_VERSION}+{digest.hexdigest()[:16]}"


PARSING_MODULES = ("parse.py", "heal.py", "model.py", "settings.py")
PARSING_PACKAGES = ("readers", "layout", "extract")
_DATA_DIGEST: list[str] = []  # the package data does not change while the process runs


def _data_digest() -> str:
    if not _DATA_DIGEST:
        import hashlib
        from importlib import resources

        digest = hashlib.sha256()
        data = [e for e in sorted(resources.files("pipeline.data").iterdir(), key=lambda e: e.name) if not e.name.startswith(("_", "."))]
        # The code of the stages that decide a parse, too: a rule changed in an upgrade parses again
        # even where PARSER_VERSION was not bumped.
        package = resources.files("pipeline")
        stages = [package / name for name in PARSING_MODULES] + [
            entry for folder in PARSING_PACKAGES for entry in sorted((package / folder).iterdir(), key=lambda e: e.name) if entry.name.endswith(".py")
        ]
        for entry in data + stages:
            if entry.is_file():
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
        _DATA_DIGEST.append(digest.hexdigest())
    return _DATA_DIGEST[0]
