"""公文 structure (GB/T 9704-2012): front matter, heading tree, items, attachments.

``source_to_blocks`` heals each physical line; ``blocks_to_outline`` finds the
metadata, the heading tree of the main part and of each 附件, and returns the
leaves of those trees as raw items with their text and a map from every character
back to the source. Lines split by page breaks (``（责任单`` ⏎⏎ ``位：…）``) are
joined because an item's text runs, without separators, until the next heading.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from ..heal import BULLET_MARKS, ends_terminal, heal_line
from ..model import Attachment, Metadata, ParseWarning, Section, Source
from .numerals import to_int
from .patterns import patterns

HEADING_ONLY_MAX = 40  # a heading line this short without final punctuation is a title, not a cut paragraph
SIGNATURE_MAX = 40
TITLE_MAX = 120
FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{2,10}[：:]")  # 实际完成情况：…, 进度和工作成果要求：… a field of its own
PLAN_TITLE = re.compile(r"(?:方案|要点|清单|分工|分解表|任务表|计划|台账)$")
TITLE_HINT = re.compile(r"关于.{2,}|(?:通知|意见|方案|办法|清单|要点|规划|计划|决定|分工表)$")


@dataclass(frozen=True, slots=True)
class Block:
    """One healed physical line; ``origins[i]`` is the source offset of ``text[i]``."""

    text: str
    origins: tuple[int, ...]
    line: int
    page: int | None
    row: str | None = None  # the 序号 of a table row, which is an item whatever its text
    break_before: bool = False  # keep a line break before it in the item text (folded sub-points)


TABLE_ROW_RANK = 6  # below every numbering style: a row is a leaf under the headings around it
@dataclass
class _Node:
    rank: int
    number: str
    head: Block
    rest: str  # heading text after its number
    rest_origins: tuple[int, ...]
    body: list[Block] = field(default_factory=list)
    children: list["_Node"] = field(default_factory=list)
    parent: "_Node | None" = None
    names_units: bool | None = None  # (_names_units, once per heading: every item below asks it)
    children_naming_units: int | None = None  # (_among_units, once per parent: each child asks it)


@dataclass
class _Part:
    kind: str  # "main", "attachment", or "cover" (a cover letter's own points before the plan)
    index: int | None  # 1-based attachment index
    nodes: list[_Node] = field(default_factory=list)
    attachment: Attachment | None = None


@dataclass(frozen=True, slots=True)
class RawItem:
    """An item before attribution: its text and the source offset of every character."""

    id: str
    part: str
    attachment: int | None
    section: Section | None
    number: str
    level: int
    title: str
    text: str
    origins: tuple[int, ...]
    line: int
    end_line: int
    page: int | None
    section_names_units: bool = False  # the section is a heading of unit names alone (its units are the item's)


@dataclass(frozen=True, slots=True)
class Outline:
    meta: Metadata
    attachments: tuple[Attachment, ...]
    items: tuple[RawItem, ...]
    warnings: tuple[ParseWarning, ...]


class LineIndex:
    """Maps source offsets to (line, page)."""

    def __init__(self, source: Source):
        self._offsets = [line.offset for line in source.lines]
        self._lines = source.lines
        self.text = source.text  # (what the origins index)

    def locate(self, offset: int) -> tuple[int | None, int | None]:
        if not self._lines or offset < 0:
            return None, None
        line = self._lines[max(0, bisect_right(self._offsets, offset) - 1)]
        return line.number, line.page


def source_to_blocks(source: Source) -> list[Block]:
    """Paragraphs, healed; table lines are left to the table reader.

    With ``Source.paragraphs == "blank"`` (paged formats, whose readers keep physical
    lines and put a blank line between paragraphs) a run of non-blank lines is one
    paragraph, each character still traced to its own line; otherwise every line is one.
    """
    from .tables import row_texts

    skip = {n for table in source.tables for n in range(table.first_line, table.last_line + 1)}
    tables_at = {table.first_line: table for table in source.tables}
    pieces = _pieces_of_table_lines(source, skip)
    join = source.paragraphs == "blank"
    blocks: list[Block] = []
    text, origins, first = "", [], None
    for line in source.lines:
        outside = pieces.get(line.offset) == "outside"  # (the title before a table run into the same line)
        if line.number in tables_at and not outside and pieces.get(line.offset) != "later":
            if text:
                blocks.append(Block(text, tuple(origins), first.number, first.page))
                text, origins, first = "", [], None
            for row in row_texts(tables_at[line.number]):
                if row.text:
                    blocks.append(Block(row.text, row.origins, row.line or line.number, row.page, row.number))
        healed, columns = heal_line(line.text) if line.number not in skip or outside else ("", [])
        if text and (not healed or not join):
            blocks.append(Block(text, tuple(origins), first.number, first.page))
            text, origins, first = "", [], None
        if not healed:
            continue
        if text and text[-1].isascii() and text[-1].isalnum() and healed[0].isascii() and healed[0].isalnum():
            text += " "
            origins.append(line.offset)
        text += healed
        origins.extend(map(line.offset.__add__, columns))
        first = first or line
    if text:
        blocks.append(Block(text, tuple(origins), first.number, first.page))
    return blocks


def _pieces_of_table_lines(source: Source, skip: set[int]) -> dict[int, str]:
    """For the pieces of a physical line that layout recovery cut (a table run into one line: they share
    its number) and that a table covers: by offset, ``outside`` for a piece before or after the table's
    cells (read as text), ``first`` for the first piece inside (where the rows go), ``later`` for the rest."""
    counts: dict[int, int] = {}
    for line in source.lines:
        counts[line.number] = counts.get(line.number, 0) + 1
    shared = {n for n, count in counts.items() if count > 1 and n in skip}
    if not shared:
        return {}
    spans = []
    for table in source.tables:
        offsets = [(cell.offset, cell.offset + len(cell.text)) for row in table.rows for cell in row if cell.text]
        if offsets:
            spans.append((table.first_line, table.last_line, min(a for a, _ in offsets), max(b for _, b in offsets)))
    kinds, seen = {}, set()
    for line in source.lines:
        if line.number not in shared:
            continue
        end = line.offset + len(line.text)
        inside = [span for span in spans if span[0] <= line.number <= span[1] and line.offset < span[3] and end > span[2]]
        if not inside:
            kinds[line.offset] = "outside"
        else:
            kinds[line.offset] = "later" if inside[0] in seen else "first"
            seen.add(inside[0])
    return kinds


# --- classification ---------------------------------------------------------------


def match_heading(text: str) -> tuple[int, str, int] | None:
    """``(rank, number, end of the number marker)`` or ``None``."""
    for style in patterns().headings:
        found = style.regex.match(text)
        if found:
            return style.rank, found.group("number"), found.end()
    return None


def is_date_line(text: str) -> bool:
    return patterns().date_line.match(text) is not None


def parse_date(text: str) -> str | None:
    found = patterns().date_line.search(text)
    if not found:
        return None
    year, month, day = (to_int(found.group(k)) for k in ("year", "month", "day"))
    if not (year and month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _attachment_marker(text: str) -> re.Match[str] | None:
    if patterns().attachment_list.match(text):
        return None
    return patterns().attachment_marker.match(text)


def first_sentence(text: str) -> str:
    """Up to the first 。！？ outside brackets and quotes; the whole text if there is none. A
    sentence end before any word (``？。ǘ┩…``, a label lost to mojibake) ends no sentence: the
    title keeps what was written up to the next one, so that an item never loses its title."""
    depth = 0
    words = False
    for index, ch in enumerate(text):
        words = words or ch.isalnum()
        if ch in "（(《“〔【":
            depth += 1
        elif ch in "）)》”〕】" and depth:
            depth -= 1
        elif ((ch in "。！？" and depth == 0) or ch == "\n") and words:
            return text[:index]
    return text.rstrip("：:")


# --- front matter -----------------------------------------------------------------


def _front_matter(front: list[Block], tail_date: str | None, tail_signature: str | None) -> tuple[Metadata, list[ParseWarning]]:
    pats = patterns()
    warnings: list[ParseWarning] = []
    texts = [b.text for b in front]
    doc_number, number_index = None, None
    for index, text in enumerate(texts[:8]):
        found = pats.doc_number.search(text)
        if found and len(text) <= len(found.group(0)) + 12:
            doc_number = f"{found.group('prefix')}〔{found.group('year')}〕{found.group('serial')}号"
            number_index = index
            break
    date_index = next((i for i, t in enumerate(texts) if is_date_line(t)), None)

    header = texts[:number_index] if number_index is not None else []
    cursor = number_index + 1 if number_index is not None else 0
    title_parts: list[str] = []
    if header and TITLE_HINT.search(header[-1]):
        # A page that puts the title above the 发文字号 (as websites do): it is no 版头.
        title_parts, header = [header[-1]], header[:-1]
    while cursor < len(texts) and not ends_terminal(texts[cursor]) and cursor != date_index:
        if title_parts and sum(map(len, title_parts)) > TITLE_MAX:
            break
        title_parts.append(texts[cursor])
        cursor += 1
    addressees: tuple[str, ...] = ()
    if cursor < len(texts) and texts[cursor].endswith(("：", ":")) and len(texts[cursor]) < 300 and cursor != date_index:
        addressees = tuple(a for a in re.split(r"[，；]", texts[cursor].rstrip("：:")) if a)
        cursor += 1
    elif title_parts and not texts[cursor - 1].endswith(("：", ":")) and cursor < len(texts) and number_index is None and len(title_parts) > 2:
        # Without a document number the first lines may be a header; keep only the last title-like lines.
        header, title_parts = title_parts[:-1], title_parts[-1:]

    signature = tail_signature
    date = tail_date
    plan_title = None
    preamble_blocks: list[str] = []
    if date_index is not None and date_index >= cursor:
        date = parse_date(texts[date_index])
        sig_start = date_index
        while (
            sig_start > cursor
            and not ends_terminal(texts[sig_start - 1])
            and len(texts[sig_start - 1]) <= SIGNATURE_MAX
            and not _attachment_marker(texts[sig_start - 1])
        ):
            sig_start -= 1
        signature = "".join(texts[sig_start:date_index]) or signature
        after = date_index + 1
        plan_parts = []
        while after < len(texts) and not ends_terminal(texts[after]) and len(texts[after]) <= TITLE_MAX:
            if pats.back_matter.match(texts[after]):
                after += 1
                continue
            plan_parts.append(texts[after])
            after += 1
        plan_title = "".join(plan_parts) or None
        preamble_blocks = texts[after:]
    else:
        preamble_blocks = texts[cursor:]

    title = "".join(title_parts) or None
    if title is None and plan_title:
        title, plan_title = plan_title, None
    header_issuer = pats.issuer_header_suffix.sub("", "".join(header)) if header else None
    issuer = signature or header_issuer
    if signature and header_issuer and header_issuer.startswith(signature):
        issuer = header_issuer
    year = int(date[:4]) if date else None
    if year is None and doc_number:
        year = int(pats.doc_number.search(doc_number).group("year"))
    if year is None:
        found = re.search(r"(\d{4})年", (plan_title or title or ""))
        year = int(found.group(1)) if found else None
    if date is None:
        warnings.append(ParseWarning("missing_date", "no 成文日期 found"))
    return (
        Metadata(
            title=title,
            plan_title=plan_title,
            issuer=issuer,
            doc_number=doc_number,
            date=date,
            year=year,
            addressees=addressees,
            signature=signature,
            preamble="".join(preamble_blocks) or None,
        ),
        warnings,
    )


# --- body -------------------------------------------------------------------------


def _find_body_start(blocks: list[Block]) -> int | None:
    previous: Block | None = None
    for index, block in enumerate(blocks):
        if block.row is not None:
            return index
        if _attachment_marker(block.text) and index > 0:
            # 附件：… followed by the signature and date lists the attachments of the transmittal.
            if not any(is_date_line(b.text) for b in blocks[index + 1 : index + 5]):
                return index
        heading = match_heading(block.text) or _decimal_section(block.text, blocks, index, [])
        if heading and (previous is None or ends_terminal(previous.text) or len(previous.text) <= TITLE_MAX or _ends_with_title(previous.text)):
            return index
        if heading and previous.text.endswith(("，", ",", "：", ":")) and _count_goes_on(heading, blocks, index):
            return index  # …为促进文体活动快速复苏， ⏎ 一、…: the page ran the plan on after a comma
        previous = block
    return None


def _ends_with_title(text: str) -> bool:
    """A page run into one line whose last sentence is followed only by a short title (``…特此通知。
    二○○八年七月七日 广元市2008年民生工程目标``): the plan begins after it."""
    tail = re.split(r"[。！？；]", text)[-1].strip()
    return 0 < len(tail) <= TITLE_MAX and len(text) > len(tail) + 1


def _is_title_line(text: str) -> bool:
    """A short line without final punctuation, and without a bracket left open (a line cut by the
    page inside ``（教育部、国家`` ⏎ ``卫生健康委负责）`` is no title)."""
    return not ends_terminal(text) and len(text) <= HEADING_ONLY_MAX and _open_brackets(text) == 0


def _open_brackets(text: str) -> int:
    depth = 0
    for ch in text:
        if ch in "（(〔【［[":
            depth += 1
        elif ch in "）)〕】］]" and depth:
            depth -= 1
    return depth


def _heading_only(node: _Node) -> bool:
    return not node.body and _is_title_line(node.rest)


def _strip_signature(part: _Part) -> str | None:
    """Remove the signature lines that precede a closing date from the last item's body."""
    if not part.nodes:
        return None
    node = part.nodes[-1]
    while node.children:
        node = node.children[-1]
    taken: list[Block] = []
    while (
        node.body
        and not ends_terminal(node.body[-1].text)
        and len(node.body[-1].text) <= SIGNATURE_MAX
        and not _starts_with_label(node.body[-1].text)
    ):
        taken.insert(0, node.body.pop())
    return "".join(b.text for b in taken) or None


GLUED_NUMBER = re.compile(r"(\d{1,3})(?=[\u4e00-\u9fff])(?![年月日个项件名人万亿元号期次届批座所条家户])")


def _glued_number_heading(text: str, following: Block | None, previous: Block | None = None) -> tuple[int, str, int] | None:
    """``1优化就业创业服务`` ⏎ ``牵头单位：市人社局``: a number glued to a short title, read as ``1.``
    only when a label line follows, so that figures opening a sentence (``3个片区…``) stay text."""
    found = GLUED_NUMBER.match(text)
    if found is None or not (_labelled_title(text[found.end() :], following) or _closes_with_clause(text) or _counts_on(found, following, previous)):
        return None
    heading = match_heading(f"{found.group(1)}.{text[found.end():]}")
    return (heading[0], found.group(1), found.end()) if heading else None


def _labelled_title(rest: str, following: Block | None) -> bool:
    return following is not None and _starts_with_label(following.text) and _is_title_line(rest)


def _closes_with_clause(text: str) -> bool:
    """``1大力发展…水平。（省科技厅、发展改革委、经贸委）``: a task that closes with its units."""
    from .responsibility import text_to_attributions

    stripped = text.rstrip("。；; ")
    return stripped[-1:] in "）)" and any(a.end >= len(stripped) for a in text_to_attributions(stripped))


def _counts_on(found: re.Match[str], following: Block | None, previous: Block | None) -> bool:
    """``1加快…。`` ⏎ ``2加快…``: the next line is glued to the next number, or the line before to
    the number before."""
    value = int(found.group(1))
    after, before = _glued_value(following), _glued_value(previous)
    return (after == value + 1 and value < 100) or (before == value - 1 and before < 100)


def _glued_value(block: Block | None) -> int | None:
    found = GLUED_NUMBER.match(block.text) if block is not None else None
    return int(found.group(1)) if found else None


WRAP_REMAINDER_MAX = 16  # the rest of a heading after a hard wrap is short
LABEL_CONTINUATION_MAX = 60


def _build_parts(body: list[Block]) -> tuple[list[_Part], str | None, str | None, list[ParseWarning]]:
    pats = patterns()
    parts = [_Part("main", None)]
    stack: list[_Node] = []
    warnings: list[ParseWarning] = []
    expect_title = False
    closed = False  # after a closing date: back matter until the next attachment
    previous_allows_heading = True
    plan_after_cover = False
    tail_date = tail_signature = None
    in_label = False  # the last block was a label line (责任单位：…) or its continuation
    for position, block in enumerate(body):
        text = block.text
        marker = _attachment_marker(text) if block.row is None else None
        if marker:
            index = sum(1 for p in parts if p.kind == "attachment") + 1
            title = (marker.group("title") or "").strip()
            parts.append(_Part("attachment", index, attachment=Attachment(marker.group("number") or "", title, block.line)))
            stack, expect_title, closed, previous_allows_heading = [], not title, False, True
            continue
        part = parts[-1]
        if is_date_line(text):
            signature = _strip_signature(part)
            if part.kind == "main" and tail_date is None:
                tail_date, tail_signature = parse_date(text), signature
            closed, previous_allows_heading = True, True  # a date line ends what came before it
            continue
        if closed and block.row is None and not match_heading(text):
            if part.kind == "main" and part.nodes and PLAN_TITLE.search(text):
                plan_after_cover = True  # 印发通知: the plan's title after the cover letter's date
            continue
        if block.row is not None:
            heading = (TABLE_ROW_RANK, block.row, 0)
        elif _unit_group(text, body[position + 1].text if position + 1 < len(body) else "", among_units=any(n.rank == UNIT_GROUP_RANK for n in stack)):
            # 市卫生局 ⏎ 一、开展… ⏎ 二、…: the tasks listed under a unit's name are the unit's; the
            # name heads them as a section (numbered by the name itself).
            heading = (UNIT_GROUP_RANK, text.strip(), 0)
        else:
            heading = match_heading(text) if previous_allows_heading else (_next_sibling_heading(text, stack) or _first_of_a_count(text, body, position, stack) or _title_after_closed_task(text, stack))
            previous_field = position > 0 and FIELD_LINE.match(body[position - 1].text) is not None  # 完成情况：…55%
            if heading is None:
                heading = _decimal_section(text, body, position, stack)
            if heading is None and (previous_allows_heading or previous_field):
                heading = _glued_number_heading(text, body[position + 1] if position + 1 < len(body) else None, body[position - 1] if position > 0 else None)
        if expect_title and heading is None and (not part.attachment.title or _is_title_line(text)):
            att = part.attachment
            part.attachment = Attachment(att.number, att.title + text, att.line)
            expect_title = _is_title_line(text) and len(part.attachment.title) <= HEADING_ONLY_MAX
            previous_allows_heading = True
            continue
        expect_title = False
        if heading is not None:
            if plan_after_cover and part.kind == "main":
                # The cover letter's own 一、二、 are not the plan's tasks: they become the cover part.
                parts.insert(0, _Part("cover", None, nodes=part.nodes))
                part.nodes, stack = [], []
            plan_after_cover = False
            closed = False
            rank, number, end = heading
            if _is_article(text):
                # (an article after clauses of the article before it, a page that opens partway into a
                # regulation — （三）… ⏎ 第七条 X工作职责： — closes them, unless they are headings: （一）大气污染防治)
                while stack and stack[-1].rank >= CLAUSE_RANK and not (stack[-1].rank == CLAUSE_RANK and not ends_terminal(stack[-1].rest)):
                    stack.pop()
            rank = _rank_in_article(rank, stack)
            rest, rest_origins = text[end:].lstrip(" ．.、"), block.origins[end:]
            rest_origins = rest_origins[len(text[end:]) - len(rest):]
            node = _Node(rank, number, block, rest, tuple(rest_origins))
            while stack and stack[-1].rank >= rank:
                stack.pop()
            if stack:
                node.parent = stack[-1]
                stack[-1].children.append(node)
            else:
                part.nodes.append(node)
            stack.append(node)
            previous_allows_heading = ends_terminal(rest) or _heading_only(node)
            in_label = False
            continue
        if pats.back_matter.match(text):
            continue
        # A heading broken by a hard line wrap (一、…全面 ⏎ 领导) ends with its short remainder, and a
        # unit list broken the same way (协办单位：…园区党工 ⏎ 委、各街道党工委) ends with its own: after
        # either, a number opens the next item.
        wrapped_heading = bool(stack) and not stack[-1].body and not ends_terminal(stack[-1].rest) and _is_title_line(text) and len(text) <= WRAP_REMAINDER_MAX
        label_continued = in_label and not ends_terminal(text) and len(text) <= LABEL_CONTINUATION_MAX
        if stack and stack[-1].rank != TABLE_ROW_RANK:  # a table row's text is its cells, nothing after
            stack[-1].body.append(block)
        in_label = _starts_with_label(text) or label_continued
        previous_allows_heading = ends_terminal(text) or in_label or wrapped_heading
    return parts, tail_date, tail_signature, warnings


UNIT_GROUP_RANK = 0  # above every numbering style, with 第一部分


def _unit_group(text: str, following: str, among_units: bool = False) -> bool:
    """A line of unit names alone, the next line starting a count again (一、 or 1.); after a first
    such group, names of any unit's form will do (住房和城乡建设委员会 … ⏎ 总工会 ⏎ 一、… ⏎ 妇联 ⏎ 一、…)."""
    from .responsibility import unit_heading

    if match_heading(text) is not None:
        return False
    heading = match_heading(following)
    if heading is None or to_int(heading[1] or "") != 1:
        return False
    # 三义街社区（责任单位：西城街道三义街社区） ⏎ 1、… 2、…: a place or topic with the units answering for
    # the list below it (a supervision bulletin's problems, grouped by place)
    return LABELLED_GROUP.fullmatch(text.strip()) is not None or unit_heading(text, among_units=among_units) is not None


LABELLED_GROUP = re.compile(r"[^，,。；;：:（()）\n]{2,24}[：:]?\s*[（(](?:责任|牵头|主责)(?:单位|部门)[：:][^（()）\n]{2,60}(?:[（(][^（()）\n]{1,20}[）)][^（()）\n]{0,40})*[）)]")


COUNT_LOOKAHEAD = 60  # blocks searched for the second heading of a count


CLAUSE_RANK = 2  # （一）
IN_ARTICLE_RANK = 3.5  # （一） inside an article (第N条): below the article, above nothing it holds


def _is_article(text: str) -> bool:
    """``text`` opens with an article's number (第N条, the heading style ``article`` of data/patterns.json)."""
    return any(style.name == "article" and style.regex.match(text.lstrip()) for style in patterns().headings)


def _rank_in_article(rank: int, stack: list[_Node]) -> float:
    """A regulation's article holds its clauses （一）（二） (``第二条 市城管局负责下列工作：`` ⏎ ``（一）…``), though
    （一） outranks 1. in a plan: under an open article, with no （一） level open above it, a （一） is the
    article's clause (a plan whose （一） sections hold 第N条 tasks keeps its order)."""
    if rank != CLAUSE_RANK or not stack:
        return rank
    outer = [node for node in stack if node.rank <= 3]
    if not outer or not _is_article(outer[-1].head.text) or any(node.rank == CLAUSE_RANK for node in stack):
        return rank
    return IN_ARTICLE_RANK


def _first_of_a_count(text: str, body: list[Block], position: int, stack: list[_Node]) -> tuple[int, str, int] | None:
    """A first heading after a line without final punctuation (…快速复苏， ⏎ 一、持续承办好…, a page
    run together whose heading followed a comma): read where it opens a count the notice goes on
    with (二、 follows) and no heading of its rank is open."""
    heading = match_heading(text)
    if heading is None or any(node.rank == heading[0] for node in stack):
        return None
    return heading if _count_goes_on(heading, body, position) else None


def _count_goes_on(heading: tuple[int, str, int], blocks: list[Block], position: int) -> bool:
    """``heading`` is the first of a count (一、, 1.) whose second follows within the next blocks."""
    if to_int(heading[1] or "") != 1:
        return False
    for block in blocks[position + 1 : position + 1 + COUNT_LOOKAHEAD]:
        following = match_heading(block.text) if block.row is None else None
        if following is not None and following[0] == heading[0] and to_int(following[1] or "") == 2:
            return True
    return False


ENTRY_OPENING = re.compile(r"[\u4e00-\u9fff]{2,12}(?:[（(][^（()）\n]{1,20}[）)])?[：:]")


def _next_sibling_heading(text: str, stack: list[_Node]) -> tuple[int, str, int] | None:
    """After a line without final punctuation (a list of names, ``成员：…``) a heading is read
    only where it is a title line that counts on from an open heading of its rank (二、… ⏎ … ⏎
    ``三、职责分工``): a sentence wrapped before ``三、`` does not continue a count."""
    heading = match_heading(text)
    if heading is None:
        return None
    if stack and stack[-1].rank == TABLE_ROW_RANK and to_int(stack[-1].number or "") is not None and to_int(heading[1] or "") == to_int(stack[-1].number) + 1:
        # 5.强化… (a table's last row) ⏎ 做好财政信息公开 ⏎ 6.积极推进…: the rows' count goes on in the
        # text below the table, whose lines a table row does not take
        return heading
    sibling = next((node for node in reversed(stack) if node.rank == heading[0]), None)
    if sibling is None or to_int(sibling.number or "") is None or to_int(heading[1] or "") != to_int(sibling.number) + 1:
        return None
    rest = text[heading[2] :]
    # A paragraph item after a paragraph item it counts on from (1. 社团文化节…。此活动拟在 ⏎ 2.“I
    # believe…”英语辩论赛。由…): the line before was cut, not wrapped into this one.
    paragraphs = not _is_title_line(sibling.rest) and "。" in sibling.rest and "。" in rest
    # Entries that open alike, a name and a colon (2、商务局（新华大道）：…整改中 ⏎ 3、科协（长安大道）：…): a list
    # whose entries need no final punctuation.
    alike = ENTRY_OPENING.match(sibling.rest) is not None and ENTRY_OPENING.match(rest.lstrip(" ．.、")) is not None
    if not _is_title_line(rest) and not paragraphs and not alike and not _closed_by_clause(stack[-1]):
        return None
    return heading


# The upper levels of a plan numbered by its sections (2 组织体系 ⏎ 2.3 工作组 ⏎ 2.3.1 综合协调组：…), which
# the decimal pattern (three levels or four) leaves out: one or two numbers are too often a figure.
DECIMAL_SECTION = re.compile(r"^(?P<number>\d{1,2}(?:[.．]\d{1,3})?)(?![.．]?\d)[ \u3000\t]*(?=[\u4e00-\u9fff])")
DECIMAL_RANK = 4  # the decimal pattern's rank (patterns.json): its upper levels rank above it
DECIMAL_STEP = 0.4  # between two levels, so that 2 ranks above 2.3 above 2.3.1 and no other style moves


def _decimal_section(text: str, body: list[Block], position: int, stack: list[_Node]) -> tuple[float, str, int] | None:
    """``2.3 工作组`` or ``3 预防与预警`` as a section heading where a line below it within
    ``COUNT_LOOKAHEAD`` blocks is numbered under it (2.3.1, 3.1), or where it counts on from an open
    section of its level under the same parent (2.3 ⏎ … ⏎ 2.4 信息联络员): a title line only."""
    found = DECIMAL_SECTION.match(text)
    if found is None or len(text) > HEADING_ONLY_MAX or ends_terminal(text):
        return None
    number = found.group("number").replace("．", ".")
    levels = number.count(".") + 1
    rank = DECIMAL_RANK - DECIMAL_STEP * (3 - levels)
    parent, _, last = number.rpartition(".")
    for node in stack:
        if node.rank == rank and node.number and node.number.rpartition(".")[0] == parent and to_int(node.number.rpartition(".")[2]) == int(last) - 1:
            return rank, number, found.end()
        if parent and node.rank == rank - DECIMAL_STEP and node.number == parent and last == "1":  # 3 预防与预警 ⏎ 3.1 风险防控
            return rank, number, found.end()
    child = re.compile(re.escape(number).replace(r"\.", "[.．]") + r"[.．]\d")
    for block in body[position + 1 : position + 1 + COUNT_LOOKAHEAD]:
        if block.row is None and child.match(block.text):
            return rank, number, found.end()
    return None


def _title_after_closed_task(text: str, stack: list[_Node]) -> tuple[int, str, int] | None:
    """A section title (``三、整治重点和责任分解``) after a task closed by its clause, in a text that
    lost its punctuation (and with it the sections before, which nothing marked)."""
    heading = match_heading(text)
    if heading is None or not stack or not _is_title_line(text[heading[2] :]) or not _closed_by_clause(stack[-1]):
        return None
    return heading


def _closed_by_clause(node: _Node) -> bool:
    """The open item's last line ends with its clause (``…环境卫生整治活动责任单位各社区居委会``): a
    text that lost its punctuation still closes each task with who does it."""
    from .responsibility import text_to_attributions

    last = node.body[-1].text if node.body else node.rest
    found = text_to_attributions(last)
    return bool(found) and len(last.rstrip("。；;，, ")) - found[-1].end <= CLAUSE_END_SLACK


CLAUSE_END_SLACK = 1


def _leaves(nodes: list[_Node]) -> list[_Node]:
    out: list[_Node] = []
    for node in nodes:
        if node.children and _fold_subpoints(node):
            out.append(node)
        elif node.children:
            if _body_attributes(node) or _own_clause_kept(node):
                out.append(node)  # 一、治理… ⏎ 由省经贸委承办，…协办。: the section is a task of its own
            out.extend(_leaves(node.children))
        else:
            out.append(node)
    return out


def _own_clause_kept(node: _Node) -> bool:
    """A heading whose line attributes work after its first sentence (``一、减少…万人。（责任单位：
    A、B）…`` ⏎ ``1.…（责任单位：A）``): its sub-items do not inherit that clause (only the title's
    first sentence goes down to them), so the heading is a task of its own."""
    from .responsibility import text_to_attributions

    title = first_sentence(node.rest)
    return any(a.start >= len(title) for a in text_to_attributions(node.rest))


def _attributes(node: _Node) -> bool:
    from .responsibility import text_to_attributions

    return bool(text_to_attributions("\n".join([node.rest] + [b.text for b in node.body])))


def _body_attributes(node: _Node) -> bool:
    """A heading's own paragraphs, before its sub-items, attribute work."""
    from .responsibility import text_to_attributions

    return bool(node.body) and bool(text_to_attributions("\n".join(b.text for b in node.body)))


def _is_clause_only(text: str) -> bool:
    from .responsibility import text_to_attributions

    rest = text
    for attribution in sorted(text_to_attributions(text), key=lambda a: -a.start):
        rest = rest[: attribution.start] + rest[attribution.end :]
    return rest.strip("。；;，, ") == "" and rest != text


def _fold_subpoints(node: _Node) -> bool:
    """A task whose sub-points (1. 2. 3.) name no unit, followed by the task's clause
    (``（市住建局牵头，…配合）`` or ``由市城管委负总责，…``): one item, not one per sub-point.

    Folds the children into ``node`` and says so; leaves the tree alone otherwise."""
    from .responsibility import text_to_attributions

    children = node.children
    if _fields_only(children):
        # 三、实施… ⏎ （一）责任领导：… ⏎ （二）责任单位：… ⏎ （三）协办单位：… ⏎ （六）完成时限：…: the
        # sub-points are the task's fields, numbered; one item (a field's own 1. 2. go with it)
        for child in children:
            # (the field without its number: 责任单位：… opens its line, as a label line does)
            node.body.append(replace(child.head, text=child.rest, origins=child.rest_origins, break_before=True))
            node.body.extend(child.body)
            for below in _descendants(child):
                node.body.append(replace(below.head, break_before=True))
                node.body.extend(below.body)
        node.children = []
        return True
    if any(child.children for child in children) or len(children) < 2:
        return False  # (one sub-point closed by the clause is the task: ㈦…目标 ⏎ 19、加强… ⏎ 责任部门：…)
    from .responsibility import duty_heading

    if duty_heading(node.rest) is not None:
        return False  # （九）县公安局主要工作任务： ⏎ 1、… ⏎ 2、… ⏎ 协助单位：…: the unit's tasks, each its own
    last = children[-1]
    clause_blocks: list[Block] = []
    # (the task's fields may close it with the clause: 责任科室：X ⏎ 责 任 人： ⏎ 完成时限：9月5日前)
    while last.body and (_is_clause_only(last.body[-1].text) or FIELD_LINE.match(last.body[-1].text)):
        clause_blocks.insert(0, last.body[-1])
        last.body = last.body[:-1]
    if not any(_is_clause_only(block.text) for block in clause_blocks):
        last.body.extend(clause_blocks)
        clause_blocks = []
    own = ["\n".join([child.rest] + [b.text for b in child.body]) for child in children]
    if not clause_blocks or any(text_to_attributions(text) for text in own):
        last.body.extend(clause_blocks)
        return False
    for child in children:
        node.body.append(replace(child.head, break_before=True))
        node.body.extend(child.body)
    node.body.extend(replace(block, break_before=True) for block in clause_blocks)
    node.children = []
    return True


def _descendants(node: _Node) -> list[_Node]:
    out: list[_Node] = []
    for child in node.children:
        out.append(child)
        out.extend(_descendants(child))
    return out


def _fields_only(children: list[_Node]) -> bool:
    """Every sub-point is a field (``责任单位：…``, ``资金筹措：…``), one of them a unit's."""
    names = [FIELD_LINE.match(child.rest) for child in children]
    # (each field once: 责任单位：… under two points makes them two tasks, not two fields of one)
    fields = len(children) >= 2 and all(names) and len({m.group(0) for m in names}) == len(names) and any(_starts_with_label(child.rest) for child in children)
    # (a field's own points, 1. 2. under 任务分解：, name no unit of their own)
    return fields and not any(_attributes(below) for child in children for below in _descendants(child))


def _path(node: _Node) -> list[_Node]:
    path = []
    current: _Node | None = node
    while current is not None:
        path.insert(0, current)
        current = current.parent
    return path


def _numbering_warnings(part: _Part, key: str) -> list[ParseWarning]:
    """Gaps and repeats among siblings, allowing numbering that runs on across sections."""
    warnings = []
    last_by_rank: dict[int, int] = {}

    def walk(nodes: list[_Node]) -> None:
        previous: int | None = None
        for node in nodes:
            value = to_int(node.number)
            if value is None:
                continue
            expected = {1, (previous or 0) + 1, last_by_rank.get(node.rank, 0) + 1}
            if value not in expected:
                kind = "numbering_repeat" if previous is not None and value <= previous else "numbering_gap"
                warnings.append(ParseWarning(kind, f"{key}: heading {node.number} follows {previous if previous is not None else 'nothing'}", node.head.line))
            previous = value
            last_by_rank[node.rank] = value
            walk(node.children)

    walk(part.nodes)
    return warnings


def _starts_with_label(text: str) -> bool:
    from .normalise import to_simplified
    from .responsibility import starts_with_label

    return starts_with_label(to_simplified(text[:16]))


def _bare_label(text: str) -> bool:
    """``责任单位`` alone on its line (its value cut off, or on the next line): no piece of a name."""
    from .normalise import to_simplified
    from .responsibility import known_labels

    return len(text) <= 8 and to_simplified(text.strip(" :：")) in known_labels()


def _node_title(node: _Node) -> str:
    """The heading's first sentence; under a heading that only names units (（一）党政办 ⏎ 负责策划…),
    the first sentence of what they are to do (the units are the item's responsibilities)."""
    from .responsibility import looks_like_unit, split_units

    title = first_sentence(node.rest)
    if title[:1] in BULLET_MARKS and len(title) > 2:
        title = title[1:].lstrip()  # △安排…: a sub-task's mark in a table cell, not its title's first word
    named = NAME_FIELD.match(title)
    if named:
        return named.group("name")  # 01 项目名称：提升县域生态环境: the project's name is its title
    if node.body and not node.children and len(title) <= UNIT_TITLE_MAX and title and all(looks_like_unit(raw) for raw, _, _ in split_units(title)):
        duty = node.body[0].text
        if duty.startswith(("负责", "牵头")) and not _starts_with_label(duty):  # (not 牵头单位：…)
            return first_sentence(duty)
    return title


UNIT_TITLE_MAX = 30
NAME_FIELD = re.compile(r"^(?:项目|任务|工作|事项)名称[：:]\s*(?P<name>\S.*)$")


def _names_units(node: _Node) -> bool:
    """A heading that is unit names alone (（一）区体育局), above the tasks they are to do: by the
    names' own form, or among sibling headings that name units too (（一）学院 ⏎ … ⏎ （二）教务处)."""
    from .responsibility import leads_in_duties, unit_heading

    if node.names_units is None:
        node.names_units = not node.body and (unit_heading(_heading_name(node)) is not None or _among_units(node) or (bool(node.children) and leads_in_duties(node.rest)))
    return node.names_units


def _heading_name(node: _Node) -> str:
    return node.rest.strip().rstrip("：:")


AMONG_UNITS_MIN = 2  # sibling headings that name units, the heading itself included


def _among_units(node: _Node) -> bool:
    """Most of the heading's siblings (two at least) name units alone; so does the heading, by form."""
    from .responsibility import unit_heading

    parent = node.parent
    if parent is None or len(parent.children) < AMONG_UNITS_MIN or unit_heading(_heading_name(node), among_units=True) is None:
        return False
    if parent.children_naming_units is None:
        parent.children_naming_units = sum(1 for child in parent.children if unit_heading(_heading_name(child), among_units=True) is not None)
    naming = parent.children_naming_units
    return naming >= AMONG_UNITS_MIN and 3 * naming >= 2 * len(parent.children)


def _node_to_item(node: _Node, part: _Part, key: str, seen: dict[str, int]) -> RawItem:
    text, origins = node.rest, list(node.rest_origins)
    if node.body and _is_title_line(node.rest):
        text += "\n"
        origins.append(origins[-1] if origins else node.head.origins[-1])
    after_clause = False
    for block in node.body:
        clause_only = _is_clause_only(block.text)
        # 牵头单位：… lines, other fields, folded sub-points and lines that are a clause alone
        # (市发改委牵头落实, a unit cell of a table flattened one cell per line) stay lines.
        if text and (block.break_before or _starts_with_label(block.text) or _bare_label(block.text) or FIELD_LINE.match(block.text) or clause_only or after_clause):
            text += "\n"
            origins.append(block.origins[0])
        elif text and text[-1].isascii() and text[-1].isalnum() and block.text[0].isascii() and block.text[0].isalnum():
            text += " "
            origins.append(block.origins[0])
        text += block.text
        origins.extend(block.origins)
        after_clause = clause_only and not _starts_with_label(block.text)  # a label line may go on (…园区党工 ⏎ 委、…)
    path = _path(node)
    # The section is the top heading, or a nearer one that names units alone ((一)区体育局 ⏎ 1.负责…),
    # whose units the item inherits.
    named = next((above for above in reversed(path[:-1]) if _names_units(above)), None)
    top = named or path[0]
    section = Section(top.number, first_sentence(top.rest), top.head.line) if len(path) > 1 else None
    item_id = "/".join([key] + [n.number for n in path])
    seen[item_id] = seen.get(item_id, 0) + 1
    if seen[item_id] > 1:
        item_id += f"~{seen[item_id]}"
    last = node.body[-1] if node.body else node.head
    return RawItem(
        id=item_id,
        part=part.kind,
        attachment=part.index,
        section=section,
        section_names_units=named is not None,
        number=node.number,
        level=node.rank if isinstance(node.rank, int) else int(node.rank) + 1,  # (a clause in an article: 4)
        title=_node_title(node),
        text=text,
        origins=tuple(origins),
        line=node.head.line,
        end_line=last.line,
        page=node.head.page,
    )


def blocks_to_outline(blocks: list[Block]) -> Outline:
    start = _find_body_start(blocks)
    if start is None:
        meta, warnings = _front_matter(blocks, None, None)
        return Outline(meta, (), (), tuple(warnings))
    if start > 1 and _unit_group(blocks[start - 1].text, blocks[start].text):
        # 市教育局 ⏎ 一、…: the first unit's name heads the first tasks, not the front matter (but a
        # name that opens the document is its issuer: 云岭县人民政府 ⏎ 一、…)
        start -= 1
    parts, tail_date, tail_signature, warnings = _build_parts(blocks[start:])
    meta, front_warnings = _front_matter(blocks[:start], tail_date, tail_signature)
    items: list[RawItem] = []
    seen: dict[str, int] = {}
    attachments = []
    items.extend(_cover_divisions(blocks[:start]))
    items.extend(_tasks_before_the_first_heading(blocks[:start], items))
    for part in parts:
        key = part.kind if part.kind in ("main", "cover") else f"attachment{part.index}"
        if part.attachment is not None:
            attachments.append(part.attachment)
        warnings.extend(_numbering_warnings(part, key))
        items.extend(_node_to_item(node, part, key, seen) for node in _leaves(part.nodes))
    return Outline(meta, tuple(attachments), tuple(items), tuple(front_warnings + warnings))


COVER_DIVISION_MIN = 2
DUTY_VERBS = ("负责", "負責", "牵头负责", "具体负责")  # (not 要, 会同: a cover letter's 各省…要… ⏎ 商务部要会同…)


def _tasks_before_the_first_heading(front: list[Block], taken: list[RawItem]) -> list[RawItem]:
    """A page that begins partway into a plan (a mirror's second page: ``适时调整…。（市住房保障局牵头）
    推进旧区改造…。（市建设交通委牵头） 5.全面提升…``): before its first heading, a paragraph whose sentences
    are closed by their own bracketed clauses holds tasks, not a cover letter's words."""
    from .responsibility import text_to_attributions
    from .segments import opens_with_units

    lines = {item.line for item in taken}
    # (…治安保卫组负责维护… ⏎ 医疗防疫组负责组织… ⏎ 4、…: a page that opens partway into a list of duties, each
    # line opening with its unit and its role verb; two such lines in a row at least)
    opening = [bool((found := text_to_attributions(block.text)) and found[0].start == 0 and opens_with_units(block.text, found[0])
                    and block.text[found[0].start : found[0].end].endswith(DUTY_VERBS)) for block in front]
    # (once such a run is seen, every line of the front that opens so is a task: 6.5 基本生活保障 ⏎ 县民政局负责…)
    has_run = any(a and b for a, b in zip(opening, opening[1:]))
    in_a_run = [flag and has_run for flag in opening]
    items: list[RawItem] = []
    for position, block in enumerate(front):
        if block.line in lines:
            continue
        text = block.text
        closing = [a for a in text_to_attributions(text) if text[a.start] in "（(" and a.start > 0 and text[a.start - 1] in "。；;"]
        if len(closing) < COVER_DIVISION_MIN and not in_a_run[position]:
            continue
        number = str(len(items) + 1)
        items.append(
            RawItem(
                id=f"main/p{number}", part="main", attachment=None, section=None, number=number, level=UNNUMBERED_LEVEL,
                title=first_sentence(text), text=text, origins=block.origins, line=block.line, end_line=block.line, page=block.page,
            )
        )
    return items


def _cover_divisions(front: list[Block]) -> list[RawItem]:
    """A cover letter that divides work itself, before the plan (``区委办公室负责将…纳入考评；区政府
    办公室负责…督察通报；区统计局负责…审核。``): its paragraph of clauses that each open with their
    unit is read from the first of them, one task per clause (the cover part)."""
    from .responsibility import text_to_attributions
    from .segments import opens_with_units

    items: list[RawItem] = []
    for block in front:
        text = block.text
        if len(text) < 40 or "；" not in text and ";" not in text:
            continue
        subjects = [a for a in text_to_attributions(text) if a.start > 0 and text[a.start - 1] in "。；;" and opens_with_units(text, a)]
        if len(subjects) < COVER_DIVISION_MIN:
            continue
        begin = subjects[0].start
        number = str(len(items) + 1)
        items.append(
            RawItem(
                id=f"cover/p{number}", part="cover", attachment=None, section=None, number=number, level=UNNUMBERED_LEVEL,
                title=first_sentence(re.split("[；;]", text[begin:], maxsplit=1)[0]), text=text[begin:], origins=block.origins[begin:],
                line=block.line, end_line=block.line, page=block.page,
            )
        )
    return items


# A paragraph found by its clauses, not by a number (a notice without numbering, a cover letter
# that divides work): each clause in it is a task of its own.
UNNUMBERED_LEVEL = 7
