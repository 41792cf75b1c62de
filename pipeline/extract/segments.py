"""Tasks below the numbering: one numbered paragraph that holds several tasks, each with its own clause.

Offices often number a paragraph and then divide it sentence by sentence:

- each task sentence closes with its own bracket, ``…规划信息。（市规划国土委负责落实）推进…。（A、B分别负责落实）``;
- each clause opens with its units, ``市发改委负责…；市经贸委负责…；市规划局、市建设局负责…``.

Such a paragraph is split into one item per task: the first keeps the paragraph's number and
title, the others are numbered ``<number>.<k>``. A paragraph with one clause, or whose clauses
do not each carry a task of their own, is left whole.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..heal import BULLET_MARKS
from ..model import Section
from .responsibility import OPEN, Attribution, acting_part, opening_units, text_to_attributions
from .structure import FIELD_LINE, UNNUMBERED_LEVEL, RawItem, first_sentence

ORDINAL = re.compile(r"([一二三四五六七八九十]{1,3}是)[，,]?")
MIN_TASK_CHARS = 6  # text between two clauses shorter than this is a note, not a task


def split_item(raw: RawItem) -> tuple[RawItem, ...]:
    attributions = text_to_attributions(raw.text)
    listed = _listed_after_clause(raw, attributions) if raw.level == UNNUMBERED_LEVEL else None
    if listed:
        return listed
    grouped = _group_line_cuts(raw.text, attributions)
    cuts = (
        grouped
        or _ordinal_point_cuts(raw.text, attributions)
        or _closing_bracket_cuts(raw.text, attributions)
        or _clause_line_cuts(raw.text, attributions)
        or _led_topic_cuts(raw.text, attributions)
        or _subject_clause_cuts(raw.text, attributions, untitled=raw.level == UNNUMBERED_LEVEL)
        or (_sentence_clause_cuts(raw.text, attributions) if raw.level == UNNUMBERED_LEVEL else [])
        or (_led_sentence_cuts(raw.text, attributions) if raw.level == UNNUMBERED_LEVEL else [])
    )
    if not cuts:
        return (raw,)
    heading_end = _heading_end(raw)
    below = raw.text[heading_end : cuts[0]]
    acting_below = _acting_sentence_before(raw.text, cuts[0])  # (受理单位 ⏎ 市政府及各区按照…，积极组织落实…。 ⏎ A负责…)
    if 0 < heading_end < cuts[0] and _has_task(below) and not FIELD_LINE.match(below.lstrip()) and (_attributes_between(heading_end, cuts[0], attributions) or acting_below) and not _attributes_between(0, heading_end, attributions):
        # （五）充分释放…潜能。 ⏎ 着力实施…。（科技部牵头，…） ⏎ 发挥…。（…）: the heading line is the
        # section's title; the first task below it is a task like the others.
        cuts = [heading_end, *cuts]
    bounds = [0, *cuts, len(raw.text)]
    # (not where the text before the first cut holds a clause of its own: 交通部门负责…。 教育部门负责…。)
    retitle = (_title_only(raw.text[: cuts[0]]) or cuts[0] == heading_end) and not (raw.level == UNNUMBERED_LEVEL and _attributes_between(0, cuts[0], attributions)) \
        and not grouped  # (the groups of an inspection are numbered by their names, below; the text above them stays the item)
    if retitle:
        bounds = bounds[1:]  # the section's title line above its first task is no task itself
    items = []
    for k, (start, end) in enumerate(zip(bounds, bounds[1:]), start=1):
        text = raw.text[start:end]
        lead = len(text) - len(text.lstrip(" \n；;。"))
        if k > 1:
            marker = DISCOURSE_MARKER.match(text, lead)  # 比如，加快推进…，由A、B分工负责: the report's word, not the task's
            lead = marker.end() if marker else lead
        text, start = text[lead:], start + lead
        if not text.strip():
            continue
        if k == 1:
            items.append(replace(raw, text=text, origins=raw.origins[start:end], **({"title": _task_title(text)} if retitle else {})))
            continue
        number = f"{raw.number}.{k}"
        ordinal = ORDINAL.match(text) or (GROUP_LINE.match(text) if grouped else None)
        if ordinal:  # 二是请…, 第二组：…: the clause's own ordinal (the group's name) is its number
            number, text, start = ordinal.group(1), text[ordinal.end() :], start + ordinal.end()
        items.append(
            replace(
                raw,
                id=f"{raw.id}.{k}",
                number=number,
                title=_task_title(text),
                text=text,
                origins=raw.origins[start:end],
            )
        )
    return tuple(items)


DISCOURSE_MARKER = re.compile(r"(?:比如|例如|譬如|诸如)[，,：:]")
LISTED_AFTER = re.compile(r"[，,](?:分别是|分别为)[：:]?")
LISTED_MAX = 12  # tasks listed after one clause


def _listed_after_clause(raw: RawItem, attributions: list[Attribution]) -> tuple[RawItem, ...] | None:
    """A report naming the tasks a unit leads (``…共计12项，有3项由国家卫生健康委牵头，分别是A；B；C。``): each
    task of the list after 分别是 is an item, under the clause as its section (whose units lead each of
    them, as a section heading's lead does); the report's words before the clause are none of them."""
    text = raw.text
    for attribution in attributions:
        found = LISTED_AFTER.match(text, attribution.end)
        if found is None:
            continue
        stop = text.find("。", found.end())
        stop = len(text) if stop < 0 else stop
        bounds = [piece.span() for piece in re.compile(r"[^；;]+").finditer(text, found.end(), stop)]
        if not 2 <= len(bounds) <= LISTED_MAX or not all(_has_task(text[a:b]) for a, b in bounds):
            continue
        section = Section(raw.number, text[attribution.start : attribution.end], raw.line)
        return tuple(
            replace(raw, id=f"{raw.id}.{k}", number=f"{raw.number}.{k}", title=_task_title(text[a:b]), text=text[a:b], origins=raw.origins[a:b], section=section)
            for k, (a, b) in enumerate(bounds, start=1)
        )
    return None


TRAILING_CLAUSE = re.compile(r"[（(][^（()）]*(?:牵头|牽頭|负责|負責|配合|责任单位|責任單位|主责|协办)[^（()）]*[）)]$")


BULLET = re.compile(f"[{BULLET_MARKS}]+\\s*")
# A line holding a bracketed clause alone: （责任单位：…）, （主体责任：…，监督责任：…）
TRAILING_CLAUSE_ONLY = re.compile(r"[（(][^（()）]*(?:牵头|牽頭|负责|負責|配合|责任|責任|主责|协办)[^（()）]*[）)][。；;]?")


TITLE_FIELD = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,8})[:：]\s*(?P<value>\S.*)$")


def _field_title(group: list) -> str | None:
    """A record's title or task field (``交办单标题：关于…``, ``具体任务：全面落实…``): what the task is."""
    from ..layout.fields import TASK_FIELD

    for block in group:
        found = TITLE_FIELD.match(block.text)
        if found and TASK_FIELD.search(found.group("label")):
            return _task_title(found.group("value"))
    return None


QUOTED_TASK = re.compile(r"(?:(?:例如|比如|其中)[，,]?)?第[\d一二三四五六七八九十百]{1,6}项(?:重点)?(?:任务|工作)?[“「\"](?P<task>[^”」\"\n]{2,120})[”」\"]")


def _task_title(text: str) -> str:
    """The task's first sentence without the clause that closes it (``推进…便利化（省工商局牵头）``):
    a split task's title says what is to be done; who does it is in its responsibilities."""
    from .responsibility import UNIT_HEADING

    quoted = QUOTED_TASK.match(text)
    if quoted:
        return quoted.group("task")  # 第1项任务“地区生产总值增长6.5%左右”，牵头领导是…: a report quoting the plan
    title = first_sentence(text)
    if UNIT_HEADING.match(text) and text[len(title) : len(title) + 1] == "。":
        # 县环保局。负责对全县…: a unit heading is no title alone; its duty's first sentence goes with it
        title = text[: len(title) + 1] + first_sentence(text[len(title) + 1 :])
    title = title.rstrip("，,")  # (a task divided from the next by a comma: 党政办负责外围环境，)
    return TRAILING_CLAUSE.sub("", title) or title


def _attributes_between(start: int, end: int, attributions: list[Attribution]) -> bool:
    return any(start <= a.start < end for a in attributions)


def _heading_end(raw: RawItem) -> int:
    """Where the heading's own line ends in the item text: at its line break, or after a heading
    that ends in a full stop (``（五）充分释放…潜能。``) where the source breaks the line."""
    text = raw.text
    if raw.title and text.startswith(raw.title) and text[len(raw.title) : len(raw.title) + 1] == "。":
        end = len(raw.title) + 1
        if end < len(raw.origins) and raw.origins[end] - raw.origins[end - 1] > 1:
            return end
    return text.find("\n") + 1


def _has_task(text: str) -> bool:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= MIN_TASK_CHARS


def _closing_bracket_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """After each bracketed clause that closes a task sentence and is followed by another task."""
    brackets = [a for a in attributions if text[a.start] in OPEN and a.start > 0 and (text[a.start - 1] in "。；;！" or text[a.end : a.end + 1] in ("。", "；", ";"))]
    if len(brackets) < 2:
        return []
    cuts = []
    for index, attribution in enumerate(brackets):
        end = attribution.end + (1 if text[attribution.end : attribution.end + 1] in ("。", "；", ";") else 0)
        following = brackets[index + 1].start if index + 1 < len(brackets) else len(text)
        if _has_task(text[end:following]):
            cuts.append(end)
    return cuts


def _sentence_clause_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """In a paragraph found by its clauses (a report quoting the plan: ``第1项任务“…”，主责单位是A。
    第98项任务“…”，主责单位是B、C。``), after each sentence that ends with its own clause."""
    ends = []
    for attribution in attributions:
        stop = attribution.end + len(text[attribution.end :]) - len(text[attribution.end :].lstrip(" ）)"))
        if text[stop : stop + 1] in ("。", "；", "！") and (not ends or ends[-1] != stop + 1):
            ends.append(stop + 1)
    if len(ends) < 2:
        return []
    cuts = [end for end, following in zip(ends, ends[1:]) if _has_task(text[end:following])]
    return cuts if len(cuts) == len(ends) - 1 else []


def _led_sentence_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """In a paragraph found by its clauses, before each further sentence that opens with its clause
    (``由A牵头，B、C负责，<task>。由D牵头，…``): a report listing the plan's tasks one a sentence."""
    if not attributions or attributions[0].start != 0:
        return []
    cuts = [a.start for a in attributions[1:] if text[a.start - 1 : a.start] in ("。", "；", ";") and (text[a.start] == "由" or opens_with_units(text, a))]
    return cuts if all(_has_task(text[cut:following]) for cut, following in zip(cuts, cuts[1:] + [len(text)])) else []


GROUP_LINE = re.compile(r"^(第[一二三四五六七八九十\d]{1,3}(?:督查|检查|巡查|指导|工作)?组)[：:]\s*", re.M)


def _group_line_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """Before each line that opens a group (``第一组：组长单位（…）`` ⏎ ``副组长单位（…）`` ⏎ ``第二组：…``), where
    two groups or more each name their units: the groups of an inspection, a task each."""
    starts = [m.start() for m in GROUP_LINE.finditer(text)]
    if len(starts) < 2:
        return []
    bounds = starts + [len(text)]
    if not all(_attributes_between(a, b, attributions) for a, b in zip(bounds, bounds[1:])):
        return []
    return [start for start in starts if start > 0]


def _clause_line_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """After each line that is a clause and nothing else, when a task line follows it: a table
    flattened one cell per line whose unit cell follows its task (``围绕…政策解读。`` ⏎
    ``市发改委牵头落实`` ⏎ ``加强…`` ⏎ ``市财政局牵头落实``)."""
    if any(FIELD_LINE.match(line) for line in text.split("\n")):
        return []  # 责任单位：… ⏎ 项目责任人：…: the fields of one task, not one task per line
    lines = [a for a in attributions if (a.start == 0 or text[a.start - 1] == "\n") and not text[a.end :].split("\n", 1)[0].strip("。；; ")]
    if len(lines) < 2 or lines[0].start == 0:
        return []
    cuts = []
    for index, attribution in enumerate(lines):
        line_end = text.find("\n", attribution.end)
        if line_end < 0:
            break
        following = lines[index + 1].start if index + 1 < len(lines) else len(text)
        if not _has_task(text[line_end:following]):
            return []  # 牵头单位：A ⏎ 配合单位：B: two clause lines of one task
        cuts.append(line_end + 1)
    # Every clause line must close a task of its own: the text before the first one is a task too.
    return cuts if _has_task(text[: lines[0].start]) else []


SENTENCE_BREAK = "。；;！\n"
ORDINAL_POINT = re.compile(r"(?:^|(?<=[。；;：:，,\n]))([一二三四五六七八九十]{1,3})是")


def _ordinal_point_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """Points counted 一是…二是…三是… in a paragraph, two or more of which attribute work of their
    own (``一是共享单车管理。区交运局牵头，…。二是…。区城管局负责…``): each point is a task, numbered by
    its ordinal. Points that share one clause at the end stay one task."""
    from .numerals import to_int

    starts, expected = [], 1
    for found in ORDINAL_POINT.finditer(text):
        if to_int(found.group(1)) == expected:
            starts.append(found.start())
            expected += 1
    if len(starts) < 2:
        return []
    bounds = [*starts, len(text)]
    attributed = sum(1 for a, b in zip(bounds, bounds[1:]) if any(a <= x.start < b for x in attributions))
    if attributed < 2 or any(x.start < starts[0] for x in attributions):
        return []
    return [p for p in starts if p > 0]


def _led_topic_cuts(text: str, attributions: list[Attribution]) -> list[int]:
    """Areas of duty, each a topic and its 由-clause: ``施工工地由施工企业负责，待建地块由土地使用权
    人负责；`` or ``…的设计制作由市创建办负责，…的发放工作由各镇街负责。`` With two or more in an
    item, each is a task: cut where its sentence begins, or after the comma that closes the clause
    before it in the same sentence. A clause in the item's first sentence stays with the title."""
    led = [a for a in attributions if text[a.start] == "由" and a.start > 0 and text[a.start - 1] not in SENTENCE_BREAK + "：:"]
    if len(led) < 2:
        return []
    cuts = []
    previous_end = 0
    for attribution in led:
        sentence = max(text.rfind(ch, 0, attribution.start) for ch in SENTENCE_BREAK) + 1
        if previous_end > sentence and text[previous_end : previous_end + 1] in ("，", ","):
            sentence = previous_end + 1
        if sentence > 0 and (not cuts or sentence > cuts[-1]):
            cuts.append(sentence)
        previous_end = attribution.end
    return cuts


def _subject_clause_cuts(text: str, attributions: list[Attribution], untitled: bool = False) -> list[int]:
    """Before each clause that opens with its units (A负责…；B负责…), the first one excepted: it
    shares the paragraph's title. When the paragraph itself opens with its clause (由A负责，…。B负责，…),
    every later one is a task of its own."""
    starts = [_clause_start(text, a.start) for a in attributions]
    candidates = [start for a, start in zip(attributions, starts) if text[a.start] not in OPEN and start > 0 and opens_with_units(text, a)]
    subjects: list[int] = []
    for index, start in enumerate(candidates):
        # after a comma, when the clause before it in the same sentence opened with its units too
        # (市园林环卫局负责监督…，市水务局负责监督…), or the next one does (…小组，党政办负责…，财政所负责…)
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        after_comma = text[start - 1] in "，," and (
            (bool(subjects) and _same_sentence(text, subjects[-1], start))
            or (following is not None and text[following - 1] in "，," and _same_sentence(text, start, following))
        )
        if text[start - 1] in "。；;！\n：:" or after_comma:
            subjects.append(start)
    opens = bool(attributions) and starts[0] == 0 and text[0] not in OPEN
    if not subjects or (len(subjects) < 2 and not opens):
        return []
    # 会议议定：一是请…；二是请…: after a lead-in the first clause is a task too (a colon, or an
    # ordinal); so too in a paragraph found by its clauses, whose first sentence is no title.
    # So too when the first clause opens a paragraph of its own, after the title (and any
    # paragraph addressed to all): 二、工作职责 ⏎ 各单位要高度重视…。 ⏎ 乡纪委：负责… ⏎ 乡人武部：负责…
    # A unit heading (乡纪委、监察室：负责…) always opens a task of its own.
    # …领导小组，党政办负责…，财政所负责…: a run opened after a comma divides the sentence's tasks.
    first_is_task = opens or untitled or text[subjects[0] - 1] in "：:\n，," or ORDINAL.match(text, subjects[0]) is not None or _unit_heading_at(text, subjects[0]) \
        or _acting_sentence_before(text, subjects[0])
    cuts = subjects if first_is_task else subjects[1:]
    cuts = _sibling_heading_lines(text, cuts)
    if not any(text[cut] == "由" for cut in cuts):
        return cuts
    by_start = {start: a for a, start in zip(attributions, starts)}
    ends = sorted(a.end for a in attributions)
    return [_closing_line_start(text, cut, by_start.get(cut), ends) for cut in cuts]


CLOSING_REST_MAX = 4


def _acting_sentence_before(text: str, first: int) -> bool:
    """The paragraph opens with a sentence of units acting (市政府及各区、镇、街道按照…要求，积极组织落实…。 ⏎
    市农业农村局负责…；): that sentence is a task of its own, not the title of the clauses after it."""
    line = text.rfind("\n", 0, first) + 1  # (below the heading line, when the paragraph has one)
    return text[first - 1] in "。；;" and "。" not in text[line : first - 1] and acting_part(text[line:first]) is not None


def _closing_line_start(text: str, cut: int, clause: Attribution | None, ends: list[int]) -> int:
    """A clause that closes its task (``促进全民健身。由远牧同志负责，市体育局承办。``): the task is the sentences
    before it, back to the line's start or the end of the clause before (its sentence), not the clause.
    ``ends``: where the paragraph's clauses end, in order."""
    if clause is None or text[cut] != "由":
        return cut
    line_end = text.find("\n", cut)
    line_end = len(text) if line_end < 0 else line_end
    after = re.search(r"[。；;]", text[clause.end : line_end])
    rest = text[clause.end : clause.end + after.start()] if after else text[clause.end : line_end]
    # (what follows the clause in its sentence: nothing, or its role word: …市建委承办。)
    if len(rest.strip("，, ")) > CLOSING_REST_MAX or re.search(r"[，,]", rest.strip("，, ")):
        return cut
    begin = text.rfind("\n", 0, cut) + 1
    index = bisect.bisect_right(ends, cut) - 1
    if index >= 0 and ends[index] >= begin:
        stop = re.search(r"[。；;]", text[ends[index] : cut])
        if stop is None:
            return cut
        begin = ends[index] + stop.end()
    return begin if "。" in text[begin:cut] and begin < cut else cut


def _same_sentence(text: str, start: int, end: int) -> bool:
    return not any(ch in text[start:end] for ch in "。；;！\n")


def _sibling_heading_lines(text: str, cuts: list[int]) -> list[int]:
    """Where two or more cuts open lines headed by their unit (``市规划局：负责…`` ⏎ ``市建设局：负责…``), a
    line so headed whose duty has no role verb (``市城管执法局：采取有效措施…``) is a task of its own too."""
    headed = [cut for cut in cuts if cut > 0 and text[cut - 1] == "\n" and _unit_heading_at(text, cut)]
    if len(headed) < 2:
        return cuts

    def line_at(start: int) -> str:
        end = text.find("\n", start)
        return text[start : end if end >= 0 else len(text)]

    taken = set(cuts)
    lines = [found.end() for found in re.finditer("\n", text) if found.end() < len(text)]
    extra = [start for start in lines if start > headed[0] and start not in taken and text[start] not in "（(" and opening_units(line_at(start)) is not None]
    return sorted(set(cuts) | set(extra)) if extra else cuts


def _unit_heading_at(text: str, start: int) -> bool:
    from .responsibility import UNIT_HEADING

    return UNIT_HEADING.match(text, start) is not None


def _title_only(text: str) -> bool:
    """``职责分工`` ⏎ ``运管局负责…`` ⏎ ``道路运输总公司负责…``: a section title on its own line, above
    paragraphs that each open with their unit; the title is no task, each paragraph is one."""
    from ..heal import ends_terminal
    from .structure import HEADING_ONLY_MAX

    title = text.rstrip("\n")
    return text.endswith("\n") and "\n" not in title and 0 < len(title) <= HEADING_ONLY_MAX and not ends_terminal(title)


def _clause_start(text: str, start: int) -> int:
    """Back over an ordinal and a request (``二是请``) to where the clause begins."""
    from .responsibility import ORDINAL_REQUEST

    for back in range(1, 6):
        begin = start - back
        if begin < 0:
            break
        if (begin == 0 or text[begin - 1] in "。；;！\n：:") and ORDINAL_REQUEST.fullmatch(text, begin, start):
            return begin
    return start


def opens_with_units(text: str, attribution: Attribution) -> bool:
    """The clause begins with its first unit (or with a connective before it: 即县水务局牵头)."""
    from .responsibility import CONNECTIVE

    if not attribution.units:
        return False
    first = attribution.units[0].start
    connective = CONNECTIVE.match(text[attribution.start : first + 3])
    # (由县发展和改革局牵头，…配合，在9月底前完成…: a 由 before the units opens the clause as well)
    led = first == attribution.start + 1 and text[attribution.start] == "由"
    # (由远牧同志负责，市体育局承办: the leaders named first, then the units: the clause opens with them too)
    leaders = text[attribution.start] == "由" and _leaders_first(text[attribution.start + 1 : first])
    return first == attribution.start or led or leaders or (connective is not None and connective.end() == first - attribution.start)


LEADERS_FIRST = re.compile(r"(?P<who>[^，,。；;\n]{2,24}?)(?:负责|牵头|分管)[，,、]")


def _leaders_first(between: str) -> bool:
    from .responsibility import are_persons, split_units, to_simplified

    found = LEADERS_FIRST.fullmatch(to_simplified(between))
    return found is not None and are_persons([p for p, _, _ in split_units(found.group("who"))])


REPORTED_LEAD_IN = re.compile(r"(?:明确|提出|要求|规定|指出)[，,：:]")


def _lead_in_end(text: str, first: int) -> int:
    """Where the sentence holding ``first`` begins: after the last full stop before it (the first
    line only; label lines under a paragraph keep it whole)."""
    line_end = text.find("\n")
    if line_end >= 0 and first > line_end:
        return 0
    stop = max(text.rfind(mark, 0, first) for mark in "。！？")
    return stop + 1 if stop >= 0 else 0


def _opens_next_record(field: str, first: str) -> bool:
    """A field line whose name is the record's first field's (or shaped like it: 市民王先生反映：, 市民李女士
    反映：) opens the next record."""
    found = FIELD_LINE.match(first)
    if found is None:
        return False
    name, first_name = field.rstrip("：:"), found.group().rstrip("：:")
    return name == first_name or (len(name) >= 4 and len(first_name) >= 4 and name[:2] == first_name[:2] and name[-2:] == first_name[-2:])


GROUP_TITLE = re.compile(r"[\u4e00-\u9fff]{2,8}")  # 加强管理, 设施有瑕: a digest's group of records


DUTY_LIST_OPENINGS = 2  # paragraphs opening with their unit and a colon for them to be read as a duty list


def _joined(group: list) -> tuple[str, list[int]]:
    """A paragraph's blocks as one text (lines joined by line breaks) and its origins."""
    text, origins = "", []
    for block in group:
        if text:
            text += "\n"
            origins.append(block.origins[0])
        text += block.text
        origins.extend(block.origins)
    return text, origins


def unnumbered_items(blocks: list) -> tuple[RawItem, ...]:
    """Tasks of a notice that numbers nothing: each paragraph that names a responsible unit, with
    the label lines under it (``責任單位：…``), is one item, numbered in order. For web pages that
    list tasks as plain sentences; the caller warns that the numbering was not found."""
    from .responsibility import opening_units, starts_with_label
    from .normalise import to_simplified

    # (paragraphs each opening with their unit and a colon, 办公室：统筹… ⏎ 组织人事科：做好…, are a duty list
    # where several do so: each is a paragraph of its own, not a field of the one above, and parse reads
    # its opening as its units, as for numbered entries)
    # (not a record's fields: 责任单位：… is a label, and in 市民王先生反映：… ⏎ 市城管局：已… the unit answers a
    # field that names no unit, so most field lines of a duty list open with units: two in three, as an
    # office whose name reads like a task, 组织人事科, is not known by its form)
    labels = [starts_with_label(to_simplified(block.text[:16])) for block in blocks]
    opens = [not label and opening_units(block.text) is not None for block, label in zip(blocks, labels)]
    fields = [not label and FIELD_LINE.match(block.text) is not None for block, label in zip(blocks, labels)]
    duty_list = sum(opens) >= DUTY_LIST_OPENINGS and 3 * sum(opens) >= 2 * sum(fields)
    groups: list[list] = []
    for block, opening in zip(blocks, opens):
        # (a line that is only a bracketed clause closes the paragraph above: ● 白茶市场… ⏎ （主体责任：…）)
        bracket = TRAILING_CLAUSE_ONLY.fullmatch(block.text.strip()) is not None
        field = FIELD_LINE.match(block.text)
        if duty_list and opening:
            groups.append([block])
        elif field and groups and _opens_next_record(field.group(), groups[-1][0].text):
            groups.append([block])  # 市民王先生反映：… ⏎ 市城管局：已通知… ⏎ 市民李女士反映：…: the first field again
        elif field and groups and len(groups[-1]) == 1 and GROUP_TITLE.fullmatch(groups[-1][0].text.strip()):
            groups.append([block])  # 加强管理 ⏎ 市民王先生反映：…: a group's title above the records, no record itself
        elif groups and (starts_with_label(to_simplified(block.text[:16])) or field or bracket):
            groups[-1].append(block)
        else:
            groups.append([block])
    items: list[RawItem] = []
    for group in groups:
        text, origins = _joined(group)
        attributions = text_to_attributions(text)
        if not attributions:
            opening = opening_units(text) if duty_list else None
            if opening is None:
                continue
            attributions = [opening]
        first = attributions[0]
        reported = REPORTED_LEAD_IN.search(text, 0, first.start)
        if reported and reported.end() == first.start and not re.search(r"[。！？\n]", text[: first.start]):
            # 在…方面，分工方案明确，由A、B分别负责，…: a report's lead-in before the plan's own words
            text, origins = text[first.start :], origins[first.start :]
        elif len(attributions) == 1 and not ORDINAL.match(text) and _has_task(re.split(r"[。！？\n]", text[attributions[0].end :], maxsplit=1)[0]):
            # A report's paragraph: the task starts with the sentence that assigns it (…李勇出席会议并
            # 指出，…。县国土资源局牵头，县发改局配合，…), not with the sentences that lead up to it;
            # only for one clause (several are cut into tasks below, each from its own start), and
            # only where the task follows the clause (…。责任单位：市城建委 closes the task before it), and not
            # in a point counted by its ordinal (一是成立指挥部。指挥部负责…: the point's words are its task)
            lead = _lead_in_end(text, attributions[0].start)
            text, origins = text[lead:], origins[lead:]
        bullet = BULLET.match(text)
        if bullet:  # ● 白茶市场…: a list's mark, not the task's words
            text, origins = text[bullet.end() :], origins[bullet.end() :]
        number = label = str(len(items) + 1)
        ordinal = ORDINAL.match(text)
        if ordinal and _has_task(text[ordinal.end() :]):
            # 一是由公安部门查处…: a meeting's points counted by their ordinals, which number them
            label, text, origins = ordinal.group(1), text[ordinal.end() :], origins[ordinal.end() :]
        items.append(
            RawItem(
                id=f"main/p{number}",
                part="main",
                attachment=None,
                section=None,
                number=label,
                level=UNNUMBERED_LEVEL,
                title=_field_title(group) or _task_title(text),
                text=text,
                origins=tuple(origins),
                line=group[0].line,
                end_line=group[-1].line,
                page=group[0].page,
            )
        )
    return tuple(items)

