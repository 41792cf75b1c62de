"""Attribution clauses: who is made responsible for an item, in what role and order.

Pure functions over an item's healed text; offsets are into that text. Each clause form is a
small finder in ``CLAUSE_FINDERS`` that returns attributions or nothing (dateparser-style
strategies), tried in order, a later one never overlapping an earlier one's span:

- ``find_labelled_brackets``: ``（责任单位：A、B）``, ``（牵头单位：A；配合单位：B）``;
- ``find_role_word_brackets``: ``（A牵头，B、C配合）``, ``（A、B按职责分工负责）``;
- ``find_labelled_lines``: ``牵头单位：A`` ⏎ ``责任单位：B`` lines and blocks, and unbracketed
  labels after a full stop;
- ``find_role_sentences``: ``由A牵头，B配合。`` sentences made only of units and role words;
- ``find_subject_clauses``: ``A负责…；B、C负责…`` clauses that open with their units;
- ``find_unit_headings``: ``市公安局。负责…`` an item that opens with its unit alone;
- ``find_led_by``: ``由市安监局1名县级领导带队`` the unit that sends the leader;
- ``find_bare_brackets``: a bracket of units closing an item;
- and more (``find_glued_labels``, ``find_subjects_at_a_time``, ``find_bodies_set_up``,
  ``find_ordered_units``: ``责成X…``, ``find_notified_units``: ``已通知责任单位X，…``), in ``CLAUSE_FINDERS``;
  where none of them reads a text, ``find_units_told`` reads ``X要…`` / ``X应当…`` as a weak fallback.

The vocabulary (labels and the keywords that give an unknown label its role, role words,
separators, generalisers, conventions) lives in ``data/clauses.json``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Callable

from . import anchored
from .normalise import to_simplified  # (here, not in the functions: some run tens of thousands of times a batch)

OPEN = "（(〔【［["
CLOSE = "）)〕】］]"
INNER_OPEN = OPEN + "〈《"
INNER_CLOSE = CLOSE + "〉》"
# The bracket characters, found by the regex engine rather than by a Python loop over every character.
BRACKET_CHAR = re.compile("[" + re.escape(OPEN + CLOSE) + "]")
INNER_OPEN_CHAR = re.compile("[" + re.escape(INNER_OPEN) + "]")


@dataclass(frozen=True, slots=True)
class UnitSpan:
    raw: str
    start: int
    end: int
    role: str
    order: int
    role_label: str


def unit_spans(text: str, pieces: list[tuple[str, int, int]], role: str, label: str = "") -> tuple[UnitSpan, ...]:
    """The pieces of a unit list (``split_units``: raw, start, end) as spans of ``text``, numbered in
    written order, all with ``role`` and ``label`` (none by default)."""
    return tuple(UnitSpan(text[a:b], a, b, role, n, label) for n, (_, a, b) in enumerate(pieces, start=1))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One clause and the units it names, in written order."""

    start: int
    end: int
    units: tuple[UnitSpan, ...]
    standing: bool = False  # a standing note (以下均需X落实，不再列出): its units are every later task's too


@dataclass(frozen=True)
class Vocabulary:
    labels: tuple[tuple[str, str], ...]  # (label, role), longest first
    label_regex: re.Pattern[str]  # candidates: known labels or label_pattern, followed by ：
    label_keywords: tuple[tuple[str, str], ...]
    leading_words: tuple[str, ...]
    role_word_regex: re.Pattern[str]
    led_role_word_regex: re.Pattern[str]  # the role words and the verbs that are role words after 由 (led_role_words)
    led_role_words: dict[str, str]
    role_words: dict[str, str]
    unit_suffixes: tuple[str, ...]
    conventions: dict[str, re.Pattern[str]]
    separators: str
    conjunctions: tuple[str, ...]
    generalisers: tuple[str, ...]
    trailing: tuple[str, ...]
    scope_notes: tuple[str, ...]
    collective_prefixes: tuple[str, ...]
    collective_suffixes: tuple[str, ...]


def load_raw() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("clauses.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = load_raw()
    labels = tuple(sorted(((x["label"], x["role"]) for x in raw["labels"]), key=lambda x: -len(x[0])))
    known = "|".join(re.escape(label) for label, _ in labels)
    # A label ends in a colon, or in 为 / 是 before a name (牵头单位为市发改委, 主责单位是市交通委).
    # ... optionally with an alternative in brackets (牵头处室（单位）：) or after 、 or / (责任部门、单位：).
    label_regex = re.compile(
        f"((?:(?:{known})(?:{LEADERS_BESIDE_WORDS})?)|(?:{raw['label_pattern']['pattern']}))(?:（[\\u4e00-\\u9fff]{{1,4}}）|[、/](?:单位|部门))?(?:[：:]|[为是](?![指否])(?=[\\u4e00-\\u9fff]))"
    )
    words = sorted(raw["role_words"], key=lambda w: -len(w["word"]))
    # A role word closes a unit list: it is followed by a separator, a closing bracket or the end; or by
    # 、 and the next list closed by its own role word (A牵头、B配合; not 配合、支持: two verbs of one list).
    alternatives = "|".join(re.escape(w["word"]) for w in words)
    # (配合落实城区环境整治: a role word whose task follows it directly, the clause's last, read with its tail)
    def closing(alternatives: str) -> re.Pattern[str]:
        return re.compile(
            f"({alternatives})(?=[，,；;。\\s]|、(?=[^，,；;。、\\s]{{2,40}}?(?:{alternatives})(?:[，,；;。\\s]|$))|$|{GLUED_TASK.pattern})"
        )

    role_word_regex = closing(alternatives)
    led_words = sorted(raw["role_words"] + raw["led_role_words"], key=lambda w: -len(w["word"]))
    led_role_word_regex = closing("|".join(re.escape(w["word"]) for w in led_words))
    return Vocabulary(
        labels=labels,
        label_regex=label_regex,
        label_keywords=tuple((k, r) for k, r in raw["label_keywords"]),
        leading_words=tuple(raw["leading_words"]),
        role_word_regex=role_word_regex,
        led_role_word_regex=led_role_word_regex,
        role_words={w["word"]: w["role"] for w in words},
        led_role_words={w["word"]: w["role"] for w in raw["led_role_words"]},
        unit_suffixes=tuple(raw["unit_suffixes"]),
        conventions={k: re.compile(v["pattern"]) for k, v in raw["conventions"].items()},
        separators=raw["separators"],
        conjunctions=tuple(sorted(raw["conjunctions"], key=len, reverse=True)),
        generalisers=tuple(sorted(raw["generalisers"], key=len, reverse=True)),
        trailing=tuple(sorted(raw["trailing"], key=len, reverse=True)),
        scope_notes=tuple(raw["scope_notes"]),
        collective_prefixes=tuple(raw["collective"]["prefixes"]),
        collective_suffixes=tuple(raw["collective"]["suffixes"]),
    )


@lru_cache(maxsize=256)
def bracket_groups(text: str) -> tuple[tuple[int, int], ...]:
    """Top-level bracketed spans ``(start, end)`` including the brackets; unbalanced ones are skipped."""
    groups = []
    stack: list[int] = []
    for found in BRACKET_CHAR.finditer(text):
        index, ch = found.start(), found.group()
        if ch in OPEN:
            stack.append(index)
        elif ch in CLOSE and stack:
            start = stack.pop()
            if not stack:
                groups.append((start, index + 1))
    return tuple(groups)


def split_units(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split a unit list into ``(raw, start, end)``; separators inside brackets do not split.

    Generalisers (``等``, ``等有关部门``) and trailing role words (``按职责分工负责``) are
    cut off; what remains is a substring of ``text`` at the returned offsets.
    """
    # The same lists are split again within a notice (a third of the calls) and from notice to
    # notice: short ones are kept, at offset 0 (bounded).
    if len(text) <= SPLIT_CACHED_CHARS:
        return [(raw, offset + b, offset + e) for raw, b, e in _split_cached(text)]
    return _split_units(text, offset)


SPLIT_CACHED_CHARS = 200  # with 4,096 entries: a few MB per process at most


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(_split_units(text))


def _split_units(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    vocab = vocabulary()
    stops = _split_stops()
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = 0
    index = 0
    while (stop := stops.search(text, index)) is not None:  # the other characters change nothing
        index = stop.start()
        ch = text[index]
        if ch in INNER_OPEN:
            depth += 1
        elif ch in INNER_CLOSE and depth:
            depth -= 1
        elif depth == 0:
            if ch in vocab.separators:
                pieces.append((start, index))
                start = index + 1
            elif ch == "和" and _and_separates(text, start, index):
                pieces.append((start, index))
                start = index + 1
            else:
                # (str.startswith of the tuple first: in C, and most characters open no conjunction)
                conj = next((c for c in vocab.conjunctions if text.startswith(c, index)), None) if text.startswith(vocab.conjunctions, index) else None
                if conj and index > start and (conj not in ("及", "以及") or _conj_separates(text, start, index)):
                    pieces.append((start, index))
                    start = index + len(conj)
                    index = start
                    continue
        index += 1
    pieces.append((start, len(text)))
    spans = [span for span in (_trim(text, b, e) for b, e in pieces) if span[1] > span[0]]
    spans = [part for b, e in spans for part in _unglue(text, b, e)]
    return [(text[b:e], offset + b, offset + e) for b, e in _join_collective_enumerations(text, spans)]


@lru_cache(maxsize=1)
def _split_stops() -> re.Pattern[str]:
    """The characters ``split_units`` acts on: brackets, separators, 和 and the first of a conjunction."""
    vocab = vocabulary()
    chars = set(INNER_OPEN + INNER_CLOSE + vocab.separators + "和") | {c[0] for c in vocab.conjunctions if c}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


GLUED_LEVEL = re.compile(r"[省市县区](?![场级域直属内外容])[\u4e00-\u9fff]")
GLUED_NAMES_MAX = 3  # names stacked in one table cell, their line breaks lost


def _unglue(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """``市发展改革委市经贸委``: names stacked in a cell whose line breaks were lost, split where a
    whole name of four characters or more ends and a level prefix opens the next whole name
    (``市委市政府督查室`` and ``县委宣传部`` stay whole: 市委 is too short to stand alone here)."""
    if end - begin < 8 or end - begin > 40:  # (to_simplified keeps the length: known before converting)
        return [(begin, end)]
    simple = to_simplified(text[begin:end])
    if len(simple) < 8 or len(simple) > 40 or NOT_A_NAME.search(simple) or re.search(r"[。，；：]", simple):
        return [(begin, end)]
    parts, start = [], 0
    for index in range(4, len(simple) - 3):
        if len(parts) == GLUED_NAMES_MAX - 1:
            break
        # (not after a bracket: 各开发（度假）区管委会 is one name whose note sits inside it)
        # (the left part ends like a name, not only opens like one: 各经济开发 ⏎ 区管委会 is one name)
        if index - start >= 4 and simple[index - 1] not in "省市县区）)" and GLUED_LEVEL.match(simple, index) and looks_like_unit(simple[start:index]) and simple[start:index].endswith(vocabulary().unit_suffixes) and looks_like_unit(simple[index:]):
            parts.append((begin + start, begin + index))
            start = index
    return [*parts, (begin + start, end)] if parts else [(begin, end)]


LEVEL_CHAR = re.compile(r"[县市区旗乡镇州盟]|特区|新区|街道")
LEVEL_START = re.compile(r"^(?:省|市|县|区|[\u4e00-\u9fff]{2,4}(?:省|市|县|区))")


def _and_separates(text: str, start: int, index: int) -> bool:
    """和 joins two units (县教育局和县体育局) only when a whole name stands on each side;
    inside a name (文化和旅游局, 工业和信息化局) it does not."""
    from .normalise import to_simplified

    left = to_simplified(text[start:index])
    right = to_simplified(re.split(r"[、，,；;]", text[index + 1 :], maxsplit=1)[0])
    if len(left) >= 3 and len(right) >= 3 and looks_like_unit(left) and looks_like_unit(right):
        return True
    if left.endswith("等") and len(left) >= 4 and looks_like_unit(left[:-1]) and len(right) >= 2 and (looks_like_unit(right) or is_collective(right)):
        return True  # 省国税局、地税局等和各市、县人民政府: a list closed by 等, then the next party
    right = GENERALISED.sub("", right)  # (卫生和交通等部门: the noun the fields share is not the last field's)
    # 发改委和财政、统计部门: a whole name, then a list of fields that share the noun closing it
    if len(left) >= 3 and looks_like_unit(left) and SHORT_FIELD.fullmatch(right) and text[index + 1 + len(right) : index + 2 + len(right)] == "、":
        return True
    # 国保、经侦、禁毒和出入境: the last of a list of short names that are no names by form
    # (divisions called by their field), where neither side is a name the other completes; not a
    # field whose own name holds 和 (文化和旅游, 经济和信息化: data/clauses.json "fields_joined_by_he").
    return (start > 0 and text[start - 1] == "、" and SHORT_FIELD.fullmatch(left) is not None and SHORT_FIELD.fullmatch(right) is not None
            and not looks_like_unit(left) and not looks_like_unit(right) and f"{left}和{right}" not in fields_joined_by_he())


GENERALISED = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")


def _conj_separates(text: str, start: int, index: int) -> bool:
    """及 joins two units (市发改委及相关部门) only after a whole name: in 市长江综合门户港及公铁水
    联运项目建设领导小组 it joins two words of one name."""
    left = to_simplified_name(text[start:index]).strip()
    return looks_like_unit(left) or is_collective(left) or left.endswith(("）", ")"))


SHORT_FIELD = re.compile(r"[\u4e00-\u9fff]{2,3}")


ORGANS = ("党委", "政府", "人民政府", "党工委", "管委会", "人大", "政协")
SHARED_ORGAN = re.compile(r"(?:各|有关|相关)[\u4e00-\u9fff]{1,6}?(?:党委|政府|党工委|管委会)")
# 清丰县党委、政府; 开发区党工委、管委会: one place's party committee and its government, named as one
PLACE_PARTY = re.compile(r"[\u4e00-\u9fff（）()]{1,10}?(?:党委|党工委)")
PLACE_GOVERNMENT = ("政府", "人民政府", "管委会")


BARE_LEVEL = re.compile(r"(?:[乡镇村]|街道|镇街|乡镇|社区)(?:[（(][乡镇街道社区村、]{1,6}[）)])?")


# The first piece of a collective enumeration of levels: 各县, 市（州）, 各市〔州〕, 各省（自治区、直辖市）, 13个街道
COLLECTIVE_LEVEL = re.compile(
    r"(?:各(?:有关|相关)?|相关|有关)?[县市区旗乡镇州盟](?:[（(〔][县市区旗乡镇州盟地、]{1,8}[）)〕])?|各[省市][（(〔][\u4e00-\u9fff、]{2,10}[）)〕]|(?:\d{1,4}|[一二三四五六七八九十]{1,4})个[\u4e00-\u9fff]{1,4}"
)


def _join_collective_enumerations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``各县、市、区政府`` and ``各市、县（市、区）政府`` are one collective, not three units."""
    joined: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        begin, end = spans[index]
        # (a bare level too: 市、区建设部门 is the city's and the districts' departments, one collective)
        # (各省（自治区、直辖市）、市（地、州、盟）党委组织部: the levels with their notes, one collective)
        if COLLECTIVE_LEVEL.fullmatch(text[begin:end]):
            last = index
            while last + 1 < len(spans) and LEVEL_CHAR.match(text[spans[last + 1][0] : spans[last + 1][1]]):
                last += 1
                if not LEVEL_CHAR.fullmatch(text[spans[last][0] : spans[last][1]]):
                    break  # the piece that carries the shared name (区政府, 县（市、区）政府) closes the list
            if last > index:
                joined.append((begin, spans[last][1]))
                index = last + 1
                continue
        if index + 1 < len(spans) and is_collective(text[begin:end]) and text[spans[index + 1][0] : spans[index + 1][1]] in ("单位", "部门"):
            # 市直有关部门、单位: the departments and the units of the city, one collective
            joined.append((begin, spans[index + 1][1]))
            index += 2
            continue
        if text.startswith("各", begin) and index + 1 < len(spans) and BARE_LEVEL.fullmatch(text[spans[index + 1][0] : spans[index + 1][1]]):
            # 各开发区、镇（街道）: every zone and every town (street); 镇 alone names no unit
            last = index + 1
            while last + 1 < len(spans) and BARE_LEVEL.fullmatch(text[spans[last + 1][0] : spans[last + 1][1]]):
                last += 1
            joined.append((begin, spans[last][1]))
            index = last + 1
            continue
        following = text[spans[index + 1][0] : spans[index + 1][1]] if index + 1 < len(spans) else ""
        if (SHARED_ORGAN.fullmatch(text[begin:end]) and following in ORGANS) or (PLACE_PARTY.fullmatch(text[begin:end]) and following in PLACE_GOVERNMENT):
            # 各盟市党委、政府: the party committees and the governments of every league and city
            joined.append((begin, spans[index + 1][1]))
            index += 2
            continue
        joined.append((begin, end))
        index += 1
    return joined


DESCRIPTOR = re.compile(r"^[\u4e00-\u9fff]{0,10}?(?:单位|部门)(?=[省市县区州镇乡][\u4e00-\u9fff]{2,})")
CONNECTIVE = re.compile(r"^(?:即|并|同时|另外|其中|以)(?=[省市县区州旗镇乡](?:[\u4e00-\u9fff]{2}|[（(]))")  # (以县（市、区）农业局牵头)
# A time before the name (今年青岚市住建局将…, 年内市交通局…): when, not who; cut where what follows is a unit by its form.
TIME_LEAD = re.compile(r"^(?:今年|明年|年内|全年|当年|本年度?|近期|下一步|届时)(?=[\u4e00-\u9fff]{3})")
ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,6}[条條]\s*(?=\S{2})")  # 第三条 市爱卫办…: an article's number
LIST_NOTE = re.compile(r"[（(][^（()）]*(?:牵头|下同|为准|排名|排在|列第|以下简称|简称)[^（()）]*[）)]$")


# Before a name: blanks, and the marks a table puts on some units (★区发改委: a legend below the
# table says what the mark means, often the lead; without it, only the name is kept).
UNIT_MARKS = " \n★☆▲△●○◆◇■□※＊*"


ROLE_CLASS = re.compile(r"^(?:各|相关|有关|其他|其余|各相关|各有关)?(?:牵头|责任|配合|协同|协办|主办|承办|主责|协同责任|相关责任|其他责任)(?:单位|部门)$")
CUT_STANDING_NOTE = re.compile(r"^(?:以下|其余|下列)[\u4e00-\u9fff]{0,8}?(?:均需|均由|均要|都要|均须)[^，,。；;]{2,60}(?:落实|配合|负责)$")
COUNTED_GENERALISER = re.compile(r"等(?:\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个|家)?(?:有关|相关)?(?:部门|单位|部委|家单位|个部门)$")


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    vocab = vocabulary()
    changed = True
    while changed and end > begin:
        changed = False
        while begin < end and text[begin] in UNIT_MARKS:
            begin += 1
        while end > begin and text[end - 1] in " \n。":
            end -= 1
        piece = text[begin:end]
        # (each word list tested at once with str.startswith/endswith of its tuple, in C, before finding which)
        leading = next((w for w in vocab.leading_words if piece.startswith(w) and len(piece) > len(w) + 1), None) if piece.startswith(vocab.leading_words) else None
        connective = CONNECTIVE.match(piece) or ARTICLE.match(piece)
        if connective:  # 即县水务局牵头, 第六条市爱卫办应当…: a connective or an article's number before a level prefix (not 即墨区)
            leading = connective.group(0)
        timed = TIME_LEAD.match(piece) if not leading else None
        if timed and looks_like_unit(piece[timed.end() :]):
            leading = timed.group(0)
        if leading:
            begin += len(leading)
            changed = True
            continue
        described = DESCRIPTOR.match(piece)
        if described and looks_like_unit(piece[described.end() :]):
            begin += described.end()  # 包片单位县气象局: the unit, after what it is to the task
            changed = True
            continue
        if piece.endswith(("）", ")")) and piece.count("）") + piece.count(")") > piece.count("（") + piece.count("("):
            end -= 1  # 滨江新区管委会）: the close of an attribution whose opening bracket the page lost
            changed = True
            continue
        note = LIST_NOTE.search(piece) if piece.endswith(("）", ")")) else None
        if note:  # 市司法局（排名第一的为牵头单位，下同）: a note on the list, not part of the name
            end = begin + note.start()
            changed = True
            continue
        counted = COUNTED_GENERALISER.search(piece)
        if counted and counted.start() >= 2:  # 自然资源部等12部门, 市财政局等三个单位: how many, not a name
            end = begin + counted.start()
            changed = True
            continue
        tails = vocab.trailing + vocab.generalisers
        for word in tails if piece.endswith(tails) else ():
            if piece.endswith(word) and len(piece) > len(word):
                end -= len(word)
                changed = True
                break
        if not changed:
            if piece in vocab.scope_notes or ROLE_CLASS.match(piece) or CUT_STANDING_NOTE.match(piece):
                # (各责任单位, 相关责任单位: the units of a role, named by its words, not a unit; 以下指标均需各县市区承接
                # 落实，不再逐…: a standing note the end of the text cut before its tail)
                return begin, begin
            if "牵头" in piece and detect_convention(piece) is not None:
                return begin, begin  # …等负责，列第一位的为牵头部门: the notice's rule, not a unit
    return begin, end


# A task verb straight after a role word (…配合落实城区环境卫生整治, …配合做好…): the clause ends at the role word.
GLUED_TASK = re.compile(r"(?<=配合)(?:落实|做好|抓好|开展|推进|实施|完成)")


# A label naming the units and the people beside them: 责任单位及责任人, 牵头部门和负责人, 责任单位/责任领导.
LEADERS_BESIDE_WORDS = r"(?:及|和|与|、|/)(?:责任人|负责人|责任领导|分管领导|联系人)"
LEADERS_BESIDE = re.compile(LEADERS_BESIDE_WORDS + "$")


def label_role(label: str) -> str | None:
    """The role a label gives: a known label's, else the first keyword's (主责单位 → lead); ``None``: not a label.
    A known label with the people beside it (责任部门及责任人) gives the known label's role."""
    vocab = vocabulary()
    known = dict(vocab.labels)
    if label in known:
        return known[label]
    base = LEADERS_BESIDE.sub("", label)
    if base != label and known.get(base) in ("lead", "support", "responsible"):
        return known[base]
    return next((role for keyword, role in vocab.label_keywords if keyword in label), None)


ROLE_OPENINGS = ("牵头", "配合", "责任", "主办", "协办", "主责")


def find_labels(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """``(label, role, start, end)`` of every ``label：`` in ``text`` (``end`` after the colon)."""
    # Kept for texts of bounded length only: whole item texts would make the cache's memory that of
    # its 4,096 longest texts.
    return _cached_labels(text) if len(text) <= ATTRIBUTION_CACHE_TEXT else _find_labels(text)


@lru_cache(maxsize=4096)
def _cached_labels(text: str) -> tuple[tuple[str, str, int, int], ...]:
    return _find_labels(text)


LABEL_LEVEL = re.compile(r"[省市县区镇乡](?:级)?")
LABEL_LEVEL_BEFORE = " \t\n\u3000、，,；;（(|"


def _find_labels(text: str) -> tuple[tuple[str, str, int, int], ...]:
    found = []
    for match in anchored.finditer(vocabulary().label_regex, text):  # (finditer's matches, tried only near a colon or 为)
        written = match.group(1)
        if match.group(0).endswith(("为", "是")) and text.startswith(ROLE_OPENINGS, match.end()):
            continue  # 第一责任单位为牵头单位: a stated rule, not a label and its unit
        # A label that starts with a role word is whole (分管副市长, 牵头市领导, 主责单位). Otherwise the
        # match may have run into the unit before it, whose separator was healed away (县农业农村局责任单位：):
        # the label is the longest known label it ends with, else the shortest tail with a role word.
        known = next((label for label, _ in vocabulary().labels if written.endswith(label)), None)
        if written.startswith(tuple(k for k, _ in vocabulary().label_keywords)) and label_role(written):
            sizes = [len(written)]
        elif known:
            sizes = [len(known)]
        else:
            sizes = range(2, len(written) + 1)
        for size in sizes:
            label = written[-size:]
            role = label_role(label)
            if role is not None:
                begin = match.end(1) - size
                head = match.start(1)
                if size < len(written) and LABEL_LEVEL.fullmatch(written[:-size]) and (head == 0 or text[head - 1] in LABEL_LEVEL_BEFORE):
                    # 省牵头单位：省商务厅 after the city's units (市商务局、省牵头单位：…): the level is the label's
                    label, begin = written, head
                elif size < len(written) and (head == 0 or text[head - 1] in " \t\n\u3000") and not looks_like_unit(written[: -size]):
                    # 问题整改责任单位：, ⏎ 整改时限：after a space: the words before the label are its own
                    # (a unit run into it, 县农业农村局责任单位：, is not)
                    label, begin = written, head
                elif role == "deadline" and written[:-size].endswith(DEADLINE_PREFIXES):
                    # 市科技馆整改时限：3天 (the space healed away): 整改 is the deadline's, not the unit's
                    prefix = next(p for p in DEADLINE_PREFIXES if written[:-size].endswith(p))
                    label, begin = prefix + label, begin - len(prefix)
                found.append((label, role, begin, match.end()))
                break
        else:
            head = match.start(1)
            if UNROLED_LABEL.fullmatch(written) and (head == 0 or text[head - 1] in "；;，,。\n \u3000（("):
                # 数据提供单位：市统计局 after 牵头单位：市发改委；: a label of a role we do not know ends the
                # value before it; its own units are named, not made responsible (role "other")
                found.append((written, "other", head, match.end()))
    return tuple(found)


UNROLED_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}(?:单位|部门)")


DEADLINE_PREFIXES = ("整改", "完成", "办结", "落实", "办理")


def starts_with_label(text: str) -> bool:
    labels = find_labels(text[:16])
    return bool(labels) and labels[0][2] == 0


def _labelled_segments(inner: str, offset: int) -> list[tuple[str, str, int, int]]:
    """``(label, role, start, end)`` for every ``label：units`` run in ``inner``, values to the next label."""
    found = find_labels(inner)
    segments = []
    for index, (label, role, _, value_start) in enumerate(found):
        end = found[index + 1][2] if index + 1 < len(found) else len(inner)
        stop = inner.find("。", value_start, end)  # 市商务局、市财政局。以下均需各地落实: a note after the list
        segments.append((label, role, offset + value_start, offset + (stop if stop >= 0 else end)))
    return segments


LEADS_IN_VALUE = re.compile(r"(?<![由会])牵头[，,](?=[\u4e00-\u9fff])")


def _segments_to_units(text: str, simple: str, segments: list[tuple[str, str, int, int]]) -> list[UnitSpan]:
    units: list[UnitSpan] = []
    for label, role, seg_start, seg_end in segments:
        if role in ("deadline", "person", "other"):
            continue  # 完成时限：12月底前 ⏎ 责任股室：…: the time limit or the leader, then the units
        if role == "responsible" and label not in vocabulary().role_words:
            inner = _role_word_units(text, simple, seg_start, seg_end)
            if inner and any(u.role != "responsible" for u in inner[0]):
                # （责任单位：A牵头，B等有关部门参加，各镇街落实）: the list's own role words rule
                units.extend(replace(u, order=len(units) + n, role_label=label) for n, u in enumerate(inner[0], start=1))
                continue
            marked = LEADS_IN_VALUE.search(simple, seg_start, seg_end)
            if marked is not None and marked.start() > seg_start:
                # 责任单位：省政府办公厅、省财政厅牵头，省商务厅、…: the units marked 牵头 lead, the rest are the label's
                split = [("牵头", "lead", seg_start, marked.start()), (label, role, marked.end(), seg_end)]
                units.extend(replace(u, order=len(units) + n) for n, u in enumerate(_segments_to_units(text, simple, split), start=1))
                continue
        seg_end = _before_predicate(simple, seg_start, seg_end)
        together = simple.find("会同", seg_start, seg_end)  # X会同Y负责: Y supports; X has no role word of its own
        labelled = label not in vocabulary().role_words  # (a label's list, not the subject of a role word)
        for piece, u_start, u_end in split_units(simple[seg_start:seg_end], seg_start):
            if _is_run_on(piece) or (labelled and (_is_sentence(piece) or FIGURE_OR_FIELD.search(piece))):
                continue  # (数字经济核心产业增加值：增长12%: an indicator and its target a glued page ran into the list)
            marked = LEAD_MARK.match(simple, u_end)  # 医政医管科（牵头）: this unit leads
            unit_role = "lead" if marked else role
            if together >= 0 and role == "responsible":
                unit_role = "responsible" if u_end <= together else "support"
            units.append(UnitSpan(text[u_start:u_end], u_start, u_end, unit_role, len(units) + 1, label))
            inner = INNER_LEAD.match(simple, u_end)
            if inner and looks_like_unit(inner.group("unit")):  # 国务院…工作小组（财政部牵头）: 财政部 leads it
                a, b = inner.span("unit")
                units.append(UnitSpan(text[a:b], a, b, "lead", len(units) + 1, label))
    return units


INNER_LEAD = re.compile(r"[（(](?P<unit>[^（()）、，,]{2,30}?)牵头[）)]")
# What a unit column's cell says its units do (拘留所、看守所制定; 交警分头制定并实施): the verb after the last name.
PREDICATE = re.compile(r"对|根据|按照|分头|分别|制定|实施|进行|落实|开展|负责|牵头|配合")


def _before_predicate(simple: str, start: int, end: int) -> int:
    """Where the value's last name ends, when a predicate follows it within the value."""
    last = max(simple.rfind(sep, start, end) for sep in "、，,")
    tail_start = last + 1 if last >= start else start
    tail = simple[tail_start:end]
    if len(tail) < 4 or looks_like_unit(tail):
        return end
    for found in PREDICATE.finditer(tail, 2):
        before = tail[: found.start()]
        if sum(before.count(c) for c in INNER_OPEN) != sum(before.count(c) for c in INNER_CLOSE):
            continue  # 工作小组（财政部牵头）: a note inside the name's bracket
        # Only after a name (看守所制定) or short names joined by 和 (禁毒和出入境根据…), not after
        # 等 or a word of the list's own (市国资委等按职责分工负责: a trailing phrase, cut elsewhere).
        if all(looks_like_unit(part) or SHORT_FIELD.fullmatch(part) for part in before.split("和")):
            return tail_start + found.start()
        return end
    return end


def _is_run_on(piece: str) -> bool:
    """Not a name: text a flattened page ran into a label's value (figures of a table, a report),
    a label read as a value (第一责任单位为牵头单位), or a person's title (分管副省长)."""
    return (
        len(piece) > 30
        or not re.search(r"[\u4e00-\u9fffA-Za-z]", piece)  # |, —: a table's rule or an empty cell's mark
        or (len(re.findall(r"\d", piece)) >= 4 and not is_collective(piece))
        or piece in known_labels()
        or is_person_title(piece)
        or bool(DEADLINE_PIECE.fullmatch(piece))
    )


# A field's colon, a percentage, a figure with its measure word: never inside a unit's name.
FIGURE_OR_FIELD = re.compile(r"[：:%％]|\d(?:\.\d+)?(?:亿|万|元|家|项|人次|公里|亩|平方米)")


def _is_sentence(piece: str) -> bool:
    """A label's piece that is a sentence a run-together page put between two labels (牵头单位：X，村级代办点应结合
    人员配备情况，责任单位：Y): a sentence's words and no unit's suffix (a name the suffixes know is kept)."""
    return bool((NEVER_IN_A_NAME.search(piece) or MODAL_SHOULD.search(piece)) and not looks_like_unit(piece))


# 应 as a modal (代办点应结合…), not the 应 of 应急管理局, 供应, 响应, 适应, 对应, 反应, 相应
MODAL_SHOULD = re.compile(r"(?<![供响适对反相])应(?!急)")


# （…责任单位：A、B，6月底完成）: a deadline written as the list's last piece
DEADLINE_PIECE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬|\d{1,2}日)?|年底|年内|长期|持续|上半年|下半年)前?(?:完成|实现|启动|建成|到位)?")


@lru_cache(maxsize=1)
def _person_title() -> re.Pattern[str]:
    return re.compile(load_raw()["person_titles"]["pattern"])


def is_person_title(name: str) -> bool:
    return bool(_person_title().match(to_simplified_name(name)))


# What a unit's or a place's name ends in: a three-character name ending so is no person's.
NAME_OR_PLACE_ENDS = frozenset("区县市省州镇乡村庄寨屯湾坝沟河江湖山岛港街路道委办局厅科室所站队院校会司部中心馆处组社团园场厂行署城门台")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(load_raw()["surnames"])


def is_personal_name(name: str) -> bool:
    """A person by the form of the name (王光玲, 顾理明): three characters, a common surname first,
    no ending of a unit or a place, no unit's suffix; the caller asks only of names the registry
    does not know."""
    return (len(name) == 3 and name[0] in _surnames() and name[-1] not in NAME_OR_PLACE_ENDS
            and re.fullmatch(r"[\u4e00-\u9fff]{3}", name) is not None and not looks_like_unit(name))


LEAD_MARK = re.compile(r"[（(](?:牵头|主责|总牵头)[）)]")


def looks_like_unit(name: str) -> bool:
    vocab = vocabulary()
    core = re.sub(r"[（(][^（()）]*[）)]$", "", name)  # 党政办公室（人力资源部）: judge the name before its note
    if PRONOUN_UNIT.match(core):
        return False  # 请你单位高度重视: the addressee, whoever it is, not a unit named (本单位 is the issuer: kept)
    return bool(core) and len(name) <= 40 and "：" not in name and (core.startswith("各") or core.endswith(vocab.unit_suffixes))


PRONOUN_UNIT = re.compile(r"^(?:你|您|贵)(?:单位|部门|局|委|办|处|科|室|司|厅|院|所|校|公司)$")


NOT_A_NAME = re.compile(r"[的了是对将把要从与及于以并]|\d|^[一-龥]$")
# Words of an exhortation, never of a name: 各单位要高度重视，切实抓好落实 names no unit.
NEVER_IN_A_NAME = re.compile(r"[的了是将把要已]|切实|认真|高度|积极|进一步|重视|抓好|确保|负责|牵头|主持|遵循|坚持|按照|根据|依据|实行|[一二两三四五六七八九十几多]个")
# How work is shared, said before 负责 (统一领导、分级负责, 属地负责): no unit.
MANNER_OF_DUTY = frozenset({"分级", "属地", "逐级", "层层", "分工", "统一", "共同", "统一领导", "分级管理", "属地管理", "条块结合"})


def could_be_unit(name: str) -> bool:
    """A name the registry and the suffixes do not know, but that stands where a unit stands in a
    clause (共青团中央, 中国科协, 哈尔滨海关): short, Chinese, no task word in it. It is kept, with an
    ``unknown_unit`` warning, rather than dropping the whole clause."""
    if NEVER_IN_A_NAME.search(name) or PRONOUN_UNIT.match(name) or name in MANNER_OF_DUTY:
        return False
    if looks_like_unit(name):
        return True
    core = re.sub(r"[（(][^（()）]*[）)]", "", name)
    return 2 <= len(core) <= 15 and re.fullmatch(r"[\u4e00-\u9fff·]+", core) is not None and not NOT_A_NAME.search(core) and not core.startswith(task_verbs())


@lru_cache(maxsize=1)
def _exhortations() -> tuple[str, ...]:
    return tuple(load_raw()["exhortations"])


@lru_cache(maxsize=1)
def fields_joined_by_he() -> frozenset[str]:
    return frozenset(load_raw()["fields_joined_by_he"])


@lru_cache(maxsize=1)
def acting_verbs() -> tuple[str, ...]:
    """Verbs a unit acts by at the opening of its part of a divided sentence (data/clauses.json)."""
    return tuple(load_raw()["acting_verbs"])


@lru_cache(maxsize=1)
def task_verbs() -> tuple[str, ...]:
    """Words that open a task, never a name (data/clauses.json)."""
    return tuple(load_raw()["task_verbs"])


def names_a_unit_list(names: list[str]) -> bool:
    """Every piece could be a unit and at least one is recognisably one."""
    return bool(names) and all(could_be_unit(n) for n in names) and any(looks_like_unit(n) for n in names)


FIELDS_CLOSED = re.compile(r"(?:等|等有关|等相关)?(?:部门|单位)$")
FIELD_STEM = re.compile(r"[\u4e00-\u9fff]{2,8}")  # (住房和城乡建设: a field of seven)


def names_field_stems(head: str, pieces: list[tuple[str, int, int]]) -> bool:
    """``公安、消防、交警等部门``, ``卫生、执法、环卫、建设部门``: departments named by their field alone,
    the list closed by the noun they share (the pieces are then units, whatever their words)."""
    return (
        len(pieces) >= 2 and FIELDS_CLOSED.search(head) is not None
        and all(FIELD_STEM.fullmatch(raw) or looks_like_unit(raw) for raw, _, _ in pieces)
        and not any(NEVER_IN_A_NAME.search(raw) or PRONOUN_UNIT.match(raw) for raw, _, _ in pieces)
    )


def find_labelled_brackets(text: str, simple: str) -> list[Attribution]:
    """F1/F6/F14: ``（责任单位：A、B）``, ``（牵头单位：A；责任单位：B、C）``."""
    attributions = []
    groups = bracket_groups(simple)
    for start, end in sorted(groups + _unclosed_at_line_end(simple, groups)):
        inner = simple[start + 1 : end - 1] if simple[end - 1] in CLOSE else simple[start + 1 : end]
        if not starts_with_label(inner.lstrip()):
            continue
        units = _segments_to_units(text, simple, _labelled_segments(inner, start + 1))
        if units:
            attributions.append(Attribution(start, end, tuple(units)))
    return attributions


def find_label_then_bracket(text: str, simple: str) -> list[Attribution]:
    """``第一组：组长单位（县政府办）`` ⏎ ``副组长单位（县监察局）``: a known label opening its line (or after a
    colon), its units in the bracket after it instead of after a colon."""
    attributions = []
    for found in LABEL_THEN_BRACKET.finditer(simple):
        label = found.group("label")
        if label not in known_labels():
            continue
        start = found.start("label")
        if start > 0 and simple[start - 1] not in "\n：: \u3000":
            continue
        units = _segments_to_units(text, simple, [(label, label_role(label), found.start("units"), found.end("units"))])
        if units:
            attributions.append(Attribution(start, found.end(), tuple(units)))
    return attributions


LABEL_THEN_BRACKET = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,8}?)\s?[（(](?P<units>[^（()）\n]{2,60})[）)]")


ROUND_OPEN = re.compile(r"[（(]")


def _unclosed_at_line_end(simple: str, groups: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``…一次办理。(牵头单位:县人社局`` ⏎: a bracket a label opens, its close lost at the end of the line (a
    page's markup); the clause runs to the line's end. Only the first open bracket after a line's last
    close is tried (one per line: bounded however many brackets a line holds)."""
    found = []
    starts = [a for a, _ in groups]
    line_start = 0
    while line_start < len(simple):
        line_end = simple.find("\n", line_start)
        line_end = len(simple) if line_end < 0 else line_end
        after = max(simple.rfind("）", line_start, line_end), simple.rfind(")", line_start, line_end), line_start - 1) + 1
        opened = ROUND_OPEN.search(simple, after, line_end)
        if opened is not None:
            start = opened.start()
            inside = bisect.bisect_right(starts, start) - 1
            if not (inside >= 0 and groups[inside][1] > start) and line_end - start > 2 and starts_with_label(simple[start + 1 : line_end].lstrip()):
                found.append((start, line_end))
        line_start = line_end + 1
    return tuple(found)


# Adverbs before a verb of led_role_words: the verb is then the task's (由领导小组统一组织).
LED_VERB_ADVERB = re.compile(r"(?:统一|具体|共同|精心|认真|负责|牵头|积极|分别|协调|统筹|广泛|集中|定期)$")


def _role_word_units(text: str, simple: str, start: int, end: int, allow_tail: bool = False, led: bool = False) -> tuple[list[UnitSpan], int] | None:
    """``A牵头，B、C配合，D具体实施`` between ``start`` and ``end``: units with their roles and where the
    clause ends, or ``None`` when anything in the span is not a unit list closed by a role word.
    With ``allow_tail``, text after the last role word and a comma (``…配合，年内建成…``) is left out."""
    vocab = vocabulary()
    inner = simple[start:end]
    role_words = vocab.led_role_word_regex if led else vocab.role_word_regex
    if "\n" in inner or not role_words.search(inner):
        return None  # (no role word: most spans asked about; one search answers)
    segments, position, clause_end = [], 0, start
    depth = _bracket_depths(inner) if INNER_OPEN_CHAR.search(inner) else None
    for match in role_words.finditer(inner):
        if depth is not None and depth[match.start()]:
            continue  # 由工作小组（财政部牵头）负责: a role word inside a name's bracket is its note
        word = match.group(1)
        if word not in vocab.role_words and LED_VERB_ADVERB.search(inner, 0, match.start()):
            return None  # 由领导小组统一组织，…: 组织 after an adverb is the task's verb, not a role word
        segment = (word, vocab.role_words.get(word) or vocab.led_role_words[word], start + position, start + match.start())
        if allow_tail and segments and inner[position - 1] in "，," and not _names_units_or_fields(simple[segment[2] : segment[3]]):
            break  # 由A负责，按照…，并抓好督促落实: the clause ended at 负责, the rest is the task
        segments.append(segment)
        clause_end = start + match.end()
        position = match.end()
        while position < len(inner) and inner[position] in "，,；;、":
            position += 1
    tail = inner[position:].strip("。 ")
    after = inner[position - 1] if position > 0 else ""
    if allow_tail and segments and GLUED_TASK.match(inner, position):
        after = "，"  # (B配合落实X: the task follows its role word directly, as after a comma)
    if allow_tail and segments and tail.startswith("会同") and after in "，,":
        # 由农业部牵头，会同财政部、发展改革委在春耕前提出方案: the list ends at the first name
        # that no separator follows; what follows it is the task.
        begin = start + position + 2
        list_end = _leading_units(simple, begin, min(end, begin + SUBJECT_MAX))
        if list_end is not None:
            segments.append(("会同", "support", begin, list_end))
            clause_end, tail = list_end, ""
    if allow_tail and segments and tail and after in "，,":
        # 由爱卫办牵头，环保局配合，各乡镇负责抓好落实…: units opening the tail with their own 负责 are the
        # clause's too (responsible); what follows their verb is the task.
        begin = start + position
        piece = re.split(r"[，,。；;\n]", simple[begin : begin + SUBJECT_MAX], maxsplit=1)[0]
        role = SUBJECT_ROLE.search(piece)
        if role is not None and role.group("role") == "负责" and role.start() >= 2 and role.end() < len(piece):
            names = [to_simplified_name(raw) for raw, _, _ in split_units(SUBJECT_TAIL.sub("", piece[: role.start()]))]
            if names and names_a_unit_list(names):
                head_end = begin + len(SUBJECT_TAIL.sub("", piece[: role.start()]))
                segments.append(("负责", "responsible", begin, head_end))
                clause_end, tail = begin + role.end(), ""
    if tail and (after in "；;" or (after in "，," and len(tail) <= DEADLINE_TAIL_MAX)) and DEADLINE_TAIL.search(tail):
        tail = ""  # （A牵头，B配合；2026年9月底前完成）, （…分别负责，年内持续推进）: a deadline after the clause
    if not segments or (tail and not (allow_tail and after in "，,")):
        return None
    segments = [_after_task_words(simple, seg) if i == 0 else seg for i, seg in enumerate(segments)]
    # 分管副省长、协管副秘书长负责，省国资委牵头: the leaders named before the units are persons (and so are
    # 各科室院感监控医师、监控护士参加: staff, not units).
    led_by_persons = [seg for seg in segments if _all_persons([p for p, _, _ in split_units(simple[seg[2] : seg[3]])])]
    segments = [seg for seg in segments if seg not in led_by_persons]
    if led_by_persons or any(seg[0] != "承办" and seg[1] == "lead" for seg in segments):
        # 由校团委主办，校社联承办; 由远牧同志负责，市体育局承办: beside the one that leads, or under the leader
        # named, 承办 is the unit that carries it out.
        segments = [(seg[0], "responsible", seg[2], seg[3]) if seg[0] == "承办" else seg for seg in segments]
    units = _segments_to_units(text, simple, segments)
    names = [to_simplified_name(u.raw) for u in units]
    if units and len(units) >= len(segments) and (names_a_unit_list(names) or (led and _named_parties(names)) or _fields_or_units(simple, segments)):
        return units, clause_end
    return None


def _after_task_words(simple: str, segment: tuple[str, str, int, int]) -> tuple[str, str, int, int]:
    """``简化审批，县政务服务中心负责``: a comma ends the task's words before the units; the clause starts after
    the first comma from which every piece has a unit's form (县发改委，县财政局负责: a list typed with a
    comma stays whole)."""
    word, role, start, end = segment
    commas = [m.start() for m in re.finditer(r"[，,]", simple[start:end])]
    if not commas:
        return segment
    for begin in (start, *(start + comma + 1 for comma in commas)):
        names = [to_simplified_name(raw) for raw, _, _ in split_units(simple[begin:end])]
        if names and all((looks_like_unit(name) or _is_staff(name)) and not name.startswith(task_verbs()) for name in names):
            return (word, role, begin, end)
    return segment


# People by what they are (科室主任, 监控护士, 委员会全体成员): named where units stand, they are no units.
STAFF = re.compile(r"(?:干部|人员|职工|党员|同志|教师|老师|负责人|领导|主任|书记|代表|成员|医师|医生|护士长|护士|院长|科长|股长|所长|站长|校长|组长)$")


def _is_staff(name: str) -> bool:
    return STAFF.search(name) is not None or is_person_title(name)


def _all_persons(pieces: list[str]) -> bool:
    return are_persons(pieces) or (bool(pieces) and all(_is_staff(to_simplified_name(p)) for p in pieces))


def _fields_or_units(simple: str, segments: list[tuple[str, str, int, int]]) -> bool:
    """Each segment a unit list or departments named by their field (由区执法局牵头，区工商、环保、公安等部门参加)."""
    return bool(segments) and all(_names_units_or_fields(simple[a:b]) for _, _, a, b in segments)


FIELDS_LISTED = re.compile(r"等(?:有关|相关)?部门$")
LISTED_FIELD = re.compile(r"[\u4e00-\u9fff]{2,4}")  # 公安, 市场监管, 生态环境: a field in such a list


def _names_units_or_fields(span: str) -> bool:
    """A unit list, or short field names closed by 等部门 (区工商、环保、卫生和交通等部门: not 宣传单张、画报、维护工作由…部门)."""
    if _names_units(span):
        return True
    pieces = split_units(span)
    return (
        FIELDS_LISTED.search(span) is not None and names_field_stems(span, pieces)
        and all(looks_like_unit(raw) or all(LISTED_FIELD.fullmatch(x) for x in raw.split("和")) for raw, _, _ in pieces)
    )


def are_persons(pieces: list[str]) -> bool:
    """Leaders, not units: every piece a title (分管副省长), or names sharing the last one's title
    (鲁某某、郑某某副厅长: two deputy heads)."""
    if not pieces or not is_person_title(pieces[-1]):
        return False
    # (a name ending in 会, 国会 or 建会, looks like a unit's 委员会 by its form)
    return all(is_person_title(p) or (SHORT_FIELD.fullmatch(p) is not None and (not looks_like_unit(p) or p.endswith("会"))) for p in pieces[:-1])


PARTY_MAX = 8


def _named_parties(names: list[str]) -> bool:
    """``施工工地由施工企业负责``, ``由经营者负责``: after 由 a role verb makes whoever is named
    responsible, an organisation or not (施工企业, 土地使用权人, 所有权人), if each is a short noun."""
    return 0 < len(names) <= 3 and all(len(n) <= PARTY_MAX and could_be_unit(n) for n in names)


def _bracket_depths(text: str) -> list[int]:
    depths, depth = [], 0
    for ch in text:
        if ch in INNER_OPEN:
            depth += 1
        depths.append(depth)
        if ch in INNER_CLOSE and depth:
            depth -= 1
    return depths


def _names_units(span: str) -> bool:
    pieces = [to_simplified_name(raw) for raw, _, _ in split_units(span)]
    return bool(pieces) and names_a_unit_list(pieces)


ROLE_AFTER_NOTE = re.compile(r"负责|牵头|配合|落实|承办|主办|协办|参与|协助|具体负责|共同负责|分别负责")


def find_role_word_brackets(text: str, simple: str) -> list[Attribution]:
    """F2–F5: ``（A牵头，B、C配合）``, ``（A、B按职责分工负责）``, ``（A、B负责）``; every piece must be a unit."""
    attributions = []
    for start, end in bracket_groups(simple):
        if ROLE_AFTER_NOTE.match(simple, end):
            continue  # 由工作小组（财政部牵头）负责: the bracket is a note inside the sentence's clause
        found = _role_word_units(text, simple, start + 1, end - 1)
        stop = simple.find("。", start + 1, end - 1)
        if found is None and stop > start + 1:
            # （…，省国资委牵头。明确牵头部门的，有关部门配合，下同）: the clause, then a note on the rule
            found = _role_word_units(text, simple, start + 1, stop)
        if found is None:
            found = _duty_clauses(text, simple, start + 1, end - 1)
        if found:
            attributions.append(Attribution(start, end, tuple(found[0])))
    return attributions


DUTY_PIECE = re.compile(r"(?P<units>[^，,；;]{2,60}?)(?P<role>负责|牵头|配合|落实|承担)(?P<duty>[\u4e00-\u9fff]{2,12})?")
DUTY_SEPARATORS = re.compile(r"[，,；;]")


def _duty_clauses(text: str, simple: str, start: int, end: int) -> tuple[list[UnitSpan], int] | None:
    """``（省发改委、省粮食局负责组织实施，省财政厅落实专项资金）``: each piece names its units, a role
    verb and the short duty it takes on; every piece must, and one at least names a duty (the plain
    form, a role word closing each piece, is read by :func:`_role_word_units`)."""
    inner = simple[start:end]
    if "\n" in inner or INNER_OPEN_CHAR.search(inner):
        return None
    units: list[UnitSpan] = []
    position, duties = 0, 0
    for piece in DUTY_SEPARATORS.split(inner):
        found = DUTY_PIECE.fullmatch(piece)
        if found is None:
            return None
        begin = start + position
        read = _role_word_units(text, simple, begin, begin + found.end("role"))
        if read is None:
            return None
        duties += found.group("duty") is not None
        units.extend(replace(u, order=len(units) + k) for k, u in enumerate(read[0], start=1))
        position += len(piece) + 1
    return (units, end) if duties and units else None


DEADLINE_TAIL = re.compile(r"\d{4}年|年底|月底|月末|年内|前完成|长期|持续")
DEADLINE_TAIL_MAX = 16  # after a comma only a short time limit, not the task going on
ROLE_SENTENCE = re.compile(r"由?(?P<body>[^。；;\n]{2,160}?)(?=[。；;\n]|$)")
# 施工工地由施工企业负责: a topic, then 由 and the clause (not 自由, 理由, 由于, 由此 …).
# (after 理 too: 河道清理由水利建安工程处承担 is 清理 and 由; a 理由 is followed by no units and role verb)
MID_LED = re.compile(r"(?<=[\u4e00-\u9fff”」》）)])(?<![自缘经事因原来不])由(?![于此衷表])(?=[\u4e00-\u9fff])")
# (and after a comma, the units and role word closing the sentence: 加强宣传教育，各有关部门负责落实。)
SENTENCE_START = re.compile(
    r"(?:^|(?<=[。；;\n]))[^。；;\n]|(?<=[，,：:])由|"
    r"(?<=[，,])(?=(?:[^，,。；;\n]{2,60}?(?:负总责|负责|牵头)[，,]){0,3}[^，,。；;\n]{2,60}?(?:负总责|负责|牵头|配合)(?:落实|实施|组织实施)?(?:[。；;\n]|$))|"
    + MID_LED.pattern
)
# 由镇工办负责考核: the role verb followed straight by the task (not 负责人, 负责同志); 由镇公路站负责的道路
# 硬化项目: the project it is responsible for.
LED_VERB = re.compile(r"(?P<units>[^，,。；;：:\n]{2,60}?)(?P<role>分别牵头负责|分别负责|分别牵头|牵头负责|负责|牵头|考评|考核|组织|承担|实施)(?!人(?!口|民|才|员|事|防)|[同责制任者])")
FIELD_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}[：:](?=[^\n])", re.M)  # 部门分工：省发展改革委牵头，各地配合。


def find_role_sentences(text: str, simple: str) -> list[Attribution]:
    """A whole sentence of units and role words without brackets: ``由A牵头，B配合。``,
    ``A负总责，B、C配合。`` (anything else in the sentence and it is not a clause), or a
    ``…，由A负责，B配合。`` closing a sentence."""
    attributions = []
    if "由" not in simple and not vocabulary().role_word_regex.search(simple):
        # no role word anywhere (a sentence body ends where the role word regex may end, so none
        # in any), and no 由 before a role verb followed by its task (由镇工办负责考核)
        return attributions
    starts = sorted({found.start() for found in SENTENCE_START.finditer(simple)} | {found.end() for found in FIELD_NAME.finditer(simple)})
    for start in starts:
        match = ROLE_SENTENCE.match(simple, start)
        if not match or any(a.start <= match.start() < a.end for a in attributions):
            continue
        led = simple.startswith("由", match.start())
        body = match.group("body")
        if not led and (re.search(r"[，,]由", body) or MID_LED.search(simple, match.start("body") + 1, match.end("body"))):
            continue  # 道路交通安全专项整治，由公安部门负责: the clause is the 由… part, read from there
        # The clause may be followed by its task after a comma (由A负责，按照…； A牵头，组织开展…).
        found = _role_word_units(text, simple, match.start("body"), match.end("body"), allow_tail=True, led=led)
        if found is None and led:
            found = _led_verb_units(text, simple, match.start("body"), match.end("body"))
        if found is None and led and (match.start() == 0 or ORDINAL_LED.search(simple, 0, match.start())):
            # 一是由公安部门查处…；二是由工商部门严把…: points of a meeting, each led by 由 and the units
            # that act, their task verb straight after them (由物价部门配合县烟草局开展…: the one helped
            # carries it out, the other supports)
            helped = HELPING.match(simple, match.start("body"), match.end("body"))
            acting = _acting_unit(text, simple, helped.end() if helped else match.start("body"), match.end("body"))
            found = None
            if acting is not None and helped is not None:
                pieces = split_units(helped.group("units"), helped.start("units"))
                if pieces and all(looks_like_unit(to_simplified_name(raw)) for raw, _, _ in pieces):
                    found = ([*unit_spans(text, pieces, "support"), *(replace(u, order=len(pieces) + u.order) for u in acting.units)], acting.end)
            elif acting is not None:
                found = (list(acting.units), acting.end)
        if found:
            units, clause_end = found
            attributions.append(Attribution(match.start(), clause_end, tuple(units)))
    return attributions


ORDINAL_LED = re.compile(r"[一二三四五六七八九十]{1,3}是$")
HELPING = re.compile(r"(?P<units>[^，,。；;、]{2,30}?)(?:配合|协助)")


def _led_verb_units(text: str, simple: str, start: int, end: int) -> tuple[list[UnitSpan], int] | None:
    """``由镇工办负责考核``, ``由包片单位县供销社负责督促业主…``: after 由, a unit list and the role verb,
    then the task itself (no separator after the verb)."""
    found = LED_VERB.match(simple, start, end)
    if found is None:
        return None
    opens_sentence = start <= 1 or simple[start - 2] in "。；;\n"
    if simple.startswith("的", found.end("role")) and not opens_sentence:
        return None  # 成立由工会牵头的指导站: a body named by who leads it, inside the task; not its clause
    role = vocabulary().role_words.get(found.group("role"), "responsible")
    pieces = split_units(found.group("units"), found.start("units"))
    if not pieces or not (names_a_unit_list([to_simplified_name(raw) for raw, _, _ in pieces]) or names_field_stems(found.group("units"), pieces)):
        return None
    # (由A会同B负责…: B supports, as in 由A会同B负责。)
    together = simple.find("会同", found.start("units"), found.end("units"))
    units = [
        UnitSpan(text[a:b], a, b, "support" if 0 <= together < a and role == "responsible" else role, n, "")
        for n, (_, a, b) in enumerate(pieces, start=1)
    ]
    return units, found.end("role")


RULE_NOTE = re.compile(r"下同|为准|列第|排在|排名|为牵头")


def find_bare_brackets(text: str, simple: str) -> list[Attribution]:
    """F5: a bracket of units alone at the end of an item: ``…。（A、B）``."""
    groups = bracket_groups(simple)
    if not groups:
        return []
    found = []
    for start, end in groups:
        # (or after a sentence's full stop, the next sentence following it: …信息。（监测司、大气司） 实时公开…)
        closing = simple[end : end + 1] in ("。", "；", ";", "") or not simple[end:].strip("。；; \n") or simple[start - 1 : start] in ("。", "；", "！")
        if not closing:
            continue
        inner_end = end - 1
        stop = simple.find("。", start + 1, inner_end)
        if stop > start + 1 and RULE_NOTE.search(simple, stop, inner_end):
            inner_end = stop  # （A、B（C）。列第一位者为牵头部门，下同）: the units, then the notice's rule
        before = simple[max(simple.rfind(ch, 0, start) for ch in "。；;\n") + 1 : start].strip()
        if before and len(before) <= 20 and unit_heading(before, among_units=True) is not None:
            continue  # 综合办公室（党群工作部、监察室）: the offices the unit takes in, a note of its name
        pieces = split_units(simple[start + 1 : inner_end], start + 1)
        # 办公厅（室）: a one-character bracket completes a name, it names no unit
        if pieces and all(looks_like_unit(raw) and len(raw) >= 2 for raw, _, _ in pieces):
            units = unit_spans(text, pieces, "responsible")
            found.append(Attribution(start, end, units))
    last = groups[-1]
    if found and found[-1].start == last[0] and not simple[last[1]:].strip("。；; \n"):
        # The item's last bracket, or — where two or more sentences each close with one
        # (…新村（市扶贫开发办）。…7个（剑阁县政府）。) — every one of them.
        return found if len(found) >= 2 else [found[-1]]
    return found if len(found) >= 2 else []


VALUE_STOP = re.compile(r"[\n。]|……")  # (an ellipsis closes a value too: a quoted task cut short, …责任单位为A、B……”)


def find_labelled_lines(text: str, simple: str) -> list[Attribution]:
    """F7–F9, F14 and unbracketed labels: ``牵头单位：A`` ⏎ ``责任单位：B，C`` (⏎ ``牵头责任领导：…`` ⏎
    ``完成时限：…``), or ``…。牵头单位：A；责任单位：B。`` A run of labels starts a line or follows
    a full stop; each value ends at the next label, the line's end or a full stop."""
    attributions: list[Attribution] = []
    run: list[tuple[str, str, int, int]] = []
    run_start = run_end = 0
    stops: list[int] | None = None

    def close() -> None:
        if run:
            units = _segments_to_units(text, simple, run)
            if units:
                attributions.append(Attribution(run_start, run_end, tuple(units)))
            run.clear()

    for label, role, start, value_start in find_labels(simple):
        # A run starts a line, follows a full stop, or (a known label) follows a comma:
        # ``1、农村道路畅通工程，牵头部门：市交通局。``
        # (其责任单位为…: "its" before the label, after a comma or a full stop)
        opening = start - 1 if simple[start - 1 : start] == "其" else start
        # (or a semicolon: …对存在的问题责令整改；责任单位为区级各部门、各镇（街道）)
        begins = opening == 0 or simple[opening - 1] in "\n。；;" or (simple[opening - 1] in "，," and label in known_labels()) \
            or (simple[value_start - 1] in "：:" and _glued_to_its_title(simple, label, start))
        gap = simple[min(run_end, start) : start] if run else ""
        continues = bool(run) and (start < run_end or (gap.strip("；; \n，,") == "" and "\n\n" not in gap))
        if not (begins or continues):
            continue
        if not continues:
            close()
            run_start = start
        elif run and run[-1][3] > start:  # a label later on the same line ends the previous value
            previous = run[-1]
            run[-1] = (previous[0], previous[1], previous[2], start)
        # (the stops found once and bisected: a line of thousands of labels costs no scan per label)
        stops = stops if stops is not None else [m.start() for m in VALUE_STOP.finditer(simple)]
        at = bisect.bisect_left(stops, value_start)
        value_end = stops[at] if at < len(stops) else len(simple)
        run.append((label, role, value_start, value_end))
        run_end = value_end
    close()
    return attributions


GLUED_TITLE_MAX = 40


def _glued_to_its_title(simple: str, label: str, start: int) -> bool:
    """``（一）适龄女生HPV疫苗接种牵头责任部门：县卫健委``: a known label that opens with its role word, run
    into the short title before it on its line (the space between them lost), the title no unit's name
    (``县农业农村局责任单位：`` is a unit and its label)."""
    if label not in known_labels() or not label.startswith(ROLE_OPENINGS):
        return False
    line_start = simple.rfind("\n", 0, start) + 1
    title = simple[line_start:start]
    return 2 <= len(title) <= GLUED_TITLE_MAX and not re.search(r"[。；;：:，,、的]", title) and not looks_like_unit(title)


SUBJECT_START = re.compile(r"(?:^|(?<=[。；;！\n：:]))")
ASKED_AFTER_COMMA = re.compile(r"[，,](?=请[省市县区州旗镇乡])")
# (not 负责人, a person; but 负责人口普查…, 负责人员培训)
SUBJECT_ROLE = re.compile(r"(?P<role>分别牵头负责|牵头负责|分别负责|共同负责|具体负责|分工负责|负总责|总负责|负责|牵头)(?!人(?!口|民|才|员|事|防)|责)")
# 各村党支部：对本村防控工作负总责; 县政府对全县防控工作负总责: what the unit answers for sits
# between the unit and the role verb.
ANSWERS_FOR = re.compile(r"[：:]?对(?![接口照标外应])[^，,。；;：:\n]{1,30}?$")
SUBJECT_MAX = 80
# Words between the units and the role verb: 市财政局等部门还将负责…, 各县区要负责…
SUBJECT_TAIL = re.compile(r"(?:等|要|应|应当|主要|具体|将|还|也|均|都)+$")


def find_subject_clauses(text: str, simple: str) -> list[Attribution]:
    """A clause that opens with its units and a role verb, then states the task:
    ``市经贸委负责全市工业节能；市规划局、市建设局负责建筑节能；`` (the division of work inside
    one paragraph). Only the units and the verb are the clause; every piece must be a unit."""
    attributions = []
    commas = [m.end() for m in re.finditer(r"[，,]", simple)] if "负责" in simple else []
    # (…原则同意方案，请县财政局根据会上意见…: minutes asking a unit after a comma)
    asked_after_comma = {m.end() for m in ASKED_AFTER_COMMA.finditer(simple)} if "请" in simple else set()
    for begin in sorted({m.end() for m in SUBJECT_START.finditer(simple)} | set(commas) | asked_after_comma):
        if simple[begin - 1 : begin] in ("，", ",") and begin not in asked_after_comma:
            # 市园林环卫局负责监督…，市水务局负责监督…: after a comma only when a clause of this
            # form opened the same sentence
            last = attributions[-1] if attributions else None
            opened = last is not None and last.end <= begin and not re.search(r"[。；;！\n]", simple[last.start : begin])
            # …小组，党政办负责外围环境，社会管理办公室负责质量监督，…: a run of such clauses, or
            # one after an adverbial opening (按工程设计的要求，社会管理办公室负责…)
            if not (opened or _subject_run(simple, begin) or _after_adverbial(simple, begin) or _named_by_level(simple, begin)):
                continue
        while begin < len(simple) and simple[begin] in " \n":
            begin += 1
        if begin < len(simple) and simple[begin] in OPEN:
            continue  # a bracket is find_role_word_brackets' to read
        ordinal = ORDINAL_REQUEST.match(simple, begin)
        asked = ordinal.end() > begin  # 一是请市发改委牵头，…: minutes that ask each unit in turn
        if asked:
            together = _together_clause(text, simple, ordinal.end())
            if together:
                attributions.append(together)
                continue
            begin = ordinal.end()
        window = simple[begin : begin + SUBJECT_MAX]
        role = SUBJECT_ROLE.search(window)
        answers = ANSWERS_FOR.search(window[: role.start()]) if role is not None and role.group("role") in ("负总责", "总负责", "负责") else None
        head_end = answers.start() if answers is not None else (role.start() if role is not None else 0)
        comma = role is not None and answers is None and head_end >= 3 and window[head_end - 1] in "，," and simple[begin - 1 : begin] not in ("，", ",") \
            and not re.search(r"[，,。；;：:\n]", window[: head_end - 1])
        if comma:
            head_end -= 1  # 交通部门，负责通村公路建设。: the units opening the sentence, a comma before their verb
        if role is None or head_end < 2 or re.search(r"[，,。；;：:\n]", window[:head_end]):
            if asked and simple.startswith("请", ordinal.end() - 1):
                asked_unit = _asked_units(text, simple, begin)  # 三是请区工信局加快出台…: asked, so responsible
                if asked_unit:
                    attributions.append(asked_unit)
            continue
        after = simple[begin + role.end() : begin + role.end() + 2]
        if not after or (after[0] in "。；;，," and not asked and answers is None):
            continue  # a role sentence (A、B负责。) is find_role_sentences' to read
        head = simple[begin : begin + head_end]
        if head.startswith(("由", *_exhortations())) or MID_LED.search(head):
            continue  # 城区道路由市城管局负责清扫: read from 由 by find_role_sentences
        head = SUBJECT_TAIL.sub("", head)
        pieces = split_units(head, begin)
        if not pieces or any(len(raw) < 2 for raw, _, _ in pieces):
            continue
        if not names_a_unit_list([to_simplified_name(raw) for raw, _, _ in pieces]) and not names_field_stems(head, pieces):
            continue
        if comma and any(len(raw) > COMMA_SUBJECT_MAX or PERSONS.search(raw) for raw, _, _ in pieces):
            continue  # 区民政局设立…中心，负责…: a sentence before the comma, not a name; 村干部，负责…: people
        kind = vocabulary().role_words.get(role.group("role"), "responsible")
        if kind == "responsible" and role.group("role") == "负责":
            kind = duty_role(simple[begin + role.end() :])  # 建设局负责协助指导…: it helps
        units = unit_spans(text, pieces, kind)
        together = simple.find(ACTING_PARTNER, begin, begin + head_end)
        if together >= 0 and kind == "responsible":  # 市农业发展中心会同区、镇、街道负责…: those met with support
            units = tuple(replace(u, role="support") if u.start > together else u for u in units)
        attributions.append(Attribution(begin, begin + role.end(), units))
    return attributions + _acting_siblings(text, simple, attributions)


COMMA_SUBJECT_MAX = 12  # a name before ``，负责``; a longer piece is a sentence of its own
SIBLING_BREAK = re.compile(r"[；;：:]")
SENTENCE_END = re.compile(r"[。！？!?\n]")
SIBLING_LEAD_IN = re.compile(r"(?:要求|请|由)")
SIBLING_NAME_MAX = 30  # (各省（自治区、直辖市）、市（地、州、盟）党委组织部: a long name)


def _acting_siblings(text: str, simple: str, clauses: list[Attribution]) -> list[Attribution]:
    """``X负责…；Y组织开展…；Z负责…``: in one sentence whose parts, separated by ``；``, divide the work
    among units, and at least two of them with their role verb, a part that opens with a unit's name
    (by its form) and a task verb gives that unit the task too (the sentence's own convention).
    A part led in by ``要求``/``请`` counts as well (要求生产技术部牵头编制…)."""
    found: list[Attribution] = []
    starts = sorted({a.start for a in clauses})
    k = 0
    while k < len(starts):
        start = starts[k]
        stop = SENTENCE_END.search(simple, start)
        sentence_end = stop.start() if stop else len(simple)
        back = max(simple.rfind(ch, 0, start) for ch in "。！？!?\n")
        sentence_start = back + 1
        inside = starts[bisect.bisect_left(starts, sentence_start) : bisect.bisect_left(starts, sentence_end)]
        k = max(k + 1, bisect.bisect_left(starts, sentence_end))
        # at least two parts opening with their units and role verb, each after a ``；`` or ``：`` (or at
        # the sentence's start)
        parted = [s for s in inside if s == sentence_start or simple[s - 1] in "；;：:"]
        if len(parted) < 2:
            continue
        cuts = [sentence_start] + [m.end() for m in SIBLING_BREAK.finditer(simple, sentence_start, sentence_end)]
        for cut, next_cut in zip(cuts, cuts[1:] + [sentence_end]):
            begin = cut
            while begin < sentence_end and simple[begin] in " \u3000":
                begin += 1
            lead = SIBLING_LEAD_IN.match(simple, begin)
            if lead:
                begin = lead.end()
            if bisect.bisect_left(starts, cut) < bisect.bisect_left(starts, next_cut):
                continue  # (the part has its clause)
            sibling = _acting_unit(text, simple, begin, next_cut)
            if sibling is not None:
                found.append(sibling)
    return found


# When the task is due, before the unit that does it (8月31日前，市城管局完成…; 年底前，…).
LEADING_TIME = re.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|份|[上中下]旬|底)?|年底|年内|上半年|下半年|[一二三四1-4]季度(?:末)?)(?:前|以前|之前|起|开始|内)?[，,]"
)


def acting_part(text: str) -> Attribution | None:
    """The units opening ``text`` before a task verb (``保卫部制定…``), all named by their form, or none;
    a deadline may come first (``8月31日前，市城管局完成…``)."""
    simple = to_simplified(text)
    stop = re.search(r"[；;。！？!?\n]", simple)
    time = LEADING_TIME.match(simple)
    return _acting_unit(text, simple, time.end() if time else 0, stop.start() if stop else len(simple))


CLAUSE_START = re.compile(r"[，,；;。]")
ACTING_PARTNER = "会同"  # 市城管局完成…，会同市公安局完成…: the unit met with supports


def acting_sentences(text: str) -> list[Attribution]:
    """Every clause of ``text`` that opens with units acting (``acting_part``): the first, and each
    after a comma, semicolon or full stop (``…，市公安局完成牌证换发工作``); the units after 会同 support
    (``会同市公安局完成…``). Read only where the text opens with units acting."""
    first = acting_part(text)
    if first is None:
        return []
    simple = to_simplified(text)
    found = [first]
    for mark in CLAUSE_START.finditer(simple, first.end):
        begin = mark.end()
        partner = simple.startswith(ACTING_PARTNER, begin)
        stop = CLAUSE_START.search(simple, begin)
        attribution = _acting_unit(text, simple, begin + len(ACTING_PARTNER) * partner, stop.start() if stop else len(simple))
        if attribution is None:
            continue
        if partner:
            attribution = replace(attribution, units=tuple(replace(u, role="support") for u in attribution.units))
        found.append(attribution)
    return found


NAME_END_CHARS = frozenset("部局委办厅处科室所站队院校会司中")
# A place opening a sentence (中心城区加快…, 老城区推进…) is where the work is done, not who does it.
PLACE_ENDS = tuple("区县市镇乡村省州旗城")
ACTING_ADVERBS = ("每年", "每季度", "按照", "根据", "定期", "统筹", "积极", "进一步", "继续", "负责", "牵头")  # (not 要: X要… is read only where nothing else attributes the text)


def _acting_unit(text: str, simple: str, begin: int, limit: int) -> Attribution | None:
    """The units opening the part at ``begin`` before a task verb (or an adverb before it: 每年安排, 按照…),
    all named by their form. A verb that goes on into a name is the name's (中央组织部每年…, 人力资源社会保障部
    组织实施…: not 中央 before 组织, nor 人力资源社会 before 保障)."""
    verbs = acting_verbs()
    for end in range(begin + 2, min(limit, begin + SIBLING_NAME_MAX) + 1):
        verb = next((v for v in verbs if simple.startswith(v, end)), None)
        if verb is not None and simple[end + len(verb) : end + len(verb) + 1] in NAME_END_CHARS:
            continue  # (组织部, 保障部: part of the name)
        if verb is None and not simple.startswith(ACTING_ADVERBS, end):
            continue
        head = simple[begin:end]
        if re.search(r"[，,、：:]$|[的了是对将把从与于以]", head):
            return None
        pieces = split_units(head, begin)
        names = [to_simplified_name(raw) for raw, _, _ in pieces]
        if pieces and all(len(raw) >= 2 and looks_like_unit(n) and could_be_unit(n) and not n.endswith(PLACE_ENDS) for (raw, _, _), n in zip(pieces, names)):
            kind = "lead" if simple.startswith("牵头", end) else "responsible"
            return Attribution(begin, end, unit_spans(text, pieces, kind))
        if verb is not None:
            return None  # (a verb after words that are no unit: a sentence, not a unit acting)
    return None


ADVERBIAL = re.compile(r"(?:(?:按照?|根据|依据|为了?|围绕|针对|结合)[^，,。；;：:\n]{2,30}[，,])+$")  # (根据方案，为支持…发展，)


def _after_adverbial(simple: str, begin: int) -> bool:
    start = max(simple.rfind(ch, 0, begin - 1) for ch in "。；;！\n：:") + 1
    return ADVERBIAL.fullmatch(simple, start, begin) is not None and _subject_piece(simple, begin)


def _named_by_level(simple: str, begin: int) -> bool:
    """The comma piece at ``begin`` opens with units named with their level (要定期调度评估，县住房城乡建设局负责
    工作日常调度，…): names no phrase of a task is, so that the clause stands mid-sentence."""
    names = _piece_subject(simple, begin, shortest=3)
    return bool(names) and all(LEVEL_START.match(n) and looks_like_unit(n) and could_be_unit(n) for n in names)


def _subject_run(simple: str, begin: int) -> bool:
    """The comma piece at ``begin`` and the next one both open with units and a role verb."""
    if not _subject_piece(simple, begin):
        return False
    following = re.search(r"[，,。；;\n]", simple[begin:])
    return following is not None and simple[begin + following.start()] in "，," and _subject_piece(simple, begin + following.end())


def _subject_piece(simple: str, begin: int) -> bool:
    names = _piece_subject(simple, begin, shortest=2)
    return bool(names) and names_a_unit_list(names)


def _piece_subject(simple: str, begin: int, shortest: int) -> list[str]:
    """The names before the role verb of the comma piece at ``begin`` (at least ``shortest`` characters
    before it, the task after it), or none."""
    window = simple[begin : begin + SUBJECT_MAX]
    piece = re.split(r"[，,。；;\n]", window, maxsplit=1)[0]
    role = SUBJECT_ROLE.search(piece)
    if role is None or role.start() < shortest or role.end() == len(piece):
        return []
    return [to_simplified_name(raw) for raw, _, _ in split_units(SUBJECT_TAIL.sub("", piece[: role.start()]))]


LED_BY = re.compile(r"由(?P<units>[^，,。；;：:\n]{2,60}?)各?(?:\d{1,3}|[一两二三四五六七八九十]{1,3})名[\u4e00-\u9fff]{0,8}?(?:带队|牵头|负责)")


def find_led_by(text: str, simple: str) -> list[Attribution]:
    """``由市安监局1名县级领导带队``: a unit that sends the person leading the work is responsible."""
    attributions = []
    for found in LED_BY.finditer(simple):
        pieces = split_units(found.group("units"), found.start("units"))
        if not names_a_unit_list([to_simplified_name(raw) for raw, _, _ in pieces]):
            continue
        units = unit_spans(text, pieces, "responsible")
        attributions.append(Attribution(found.start(), found.end(), units))
    return attributions


# The duty after 负责 that says the unit leads or helps: 市民政局：负责牵头处理…, 公安部门：负责协助…
DUTY_LEADS = re.compile(r"(?:总|统一)?牵头")
DUTY_HELPS = re.compile(r"(?:积极|主动)?(?:协助|配合|协同)")


def duty_role(duty: str) -> str:
    """The role a unit's duty gives it, from the words that open the duty (after 负责 or a colon)."""
    if DUTY_LEADS.match(duty):
        return "lead"
    if DUTY_HELPS.match(duty):
        return "support"
    return "responsible"


UNIT_HEADING = re.compile(r"(?P<units>[^，,。；;：:\n（(]{2,40}?)[。：:\n](?P<role>负责|牵头|(?<=[：:])(?:协助|配合))")


HEADING_START = re.compile(r"(?<=[。：:\n])(?=[省市县区乡镇各])|(?<=[。\n])(?=[\u4e00-\u9fff、和]{2,40}[：:](?:负责|牵头|协助|配合))")


def find_unit_headings(text: str, simple: str) -> list[Attribution]:
    """An item that opens with the unit alone, then its duty: ``市公安局。负责对…的调研``; or a
    paragraph of such duties run together (``…职责如下：县环保局。负责…。县交通局、公路局。负责…``),
    where each heading must open with a level prefix."""
    attributions = []
    for begin in [0, *(m.start() for m in HEADING_START.finditer(simple))]:
        found = UNIT_HEADING.match(simple, begin)
        if found is None:
            continue
        pieces = split_units(found.group("units"), begin)
        names = [to_simplified_name(raw) for raw, _, _ in pieces]
        if not names_a_unit_list(names) or (begin and not all(looks_like_unit(n) for n in names)):
            continue
        if all(n.endswith("组") for n in names) and vocabulary().label_regex.search(simple, found.end()):
            continue  # 资金协调组。负责… 牵头单位：…: a working group of the plan, whose units the labels name
        word = found.group("role")  # (负责牵头…, 负责协助…: the duty's own words give the role of 负责)
        role = duty_role(simple[found.end("role") :]) if word == "负责" else vocabulary().role_words[word]
        units = unit_spans(text, pieces, role)
        attributions.append(Attribution(begin, found.end("role"), units))
    return attributions


# (a note in brackets may follow the units: 教体局（阳光路）：…, a unit and the road it looks after)
OPENING_UNITS = re.compile(r"\s*(?P<units>[^，,。；;：:\n（(“”\"]{2,30}?)(?:(?P<note>[（(][^（()）\n]{1,20}[）)])?[：:]|要(?=[\u4e00-\u9fff]))")


LISTED_AFTER = re.compile(r"\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.．、]|[①-⑳])")


def opening_units(text: str) -> Attribution | None:
    """An item that opens with unit names and a colon or 要, then the duty (``市委办公室：组织协调…``,
    ``秘书科要全面做好…``): a duty list's entry. Read only where several items of the notice open so
    (``parse``): one alone may be a topic."""
    simple = to_simplified(text)
    found = OPENING_UNITS.match(simple)
    if found is None or found.end() >= len(simple.rstrip()) or LISTED_AFTER.match(simple, found.end()):
        return None  # (市人民商场住宿区：（1）绿化带黄土裸露；（2）…: a place and its problems, listed)
    begin = found.start("units")
    pieces = split_units(found.group("units"), begin)
    names = [to_simplified_name(raw) for raw, _, _ in pieces]
    if not names or not all(_names_a_unit(n) and len(n) >= 2 for n in names) or not names_a_unit_list(names):
        return None
    if vocabulary().role_word_regex.search(found.group("units")):
        return None  # a label (责任单位：) is read as one
    duty = simple[found.end() :].lstrip()
    role = duty_role(duty[2:] if duty.startswith("负责") else duty)
    if found.group("note") and "牵头" in found.group("note"):
        role = "lead"  # 市卫健委（牵头）：…
    units = unit_spans(text, pieces, role)
    return Attribution(begin, found.end("units"), units)


# A paragraph that opens with its unit and closes by saying its duties follow (a 三定 page's ``区农业农村局贯彻落实…。
# 主要职责是：``, a regulation's ``第四条 各级党委…责任主要包括：``): the numbered duties below are the unit's.
DUTIES_LEAD_IN = re.compile(r"(?:主要职责|工作职责|职责|主要任务|责任)(?:主要)?(?:是|为|包括|如下)[:：]?\s*$|(?:履行|承担)(?:下列|以下|如下)(?:职责|任务)[:：]?\s*$")
LEAD_IN_NAME_MAX = 40


def leads_in_duties(text: str) -> bool:
    """``text`` opens with a unit and says its duties follow."""
    return says_duties_follow(text) and heading_subject(text) is not None


def says_duties_follow(text: str) -> bool:
    return DUTIES_LEAD_IN.search(to_simplified(text).rstrip()) is not None


def heading_subject(text: str) -> Attribution | None:
    """The unit that opens a heading's text (after an article's number): ``区农业农村和水利局贯彻落实…``."""
    simple = to_simplified(text)
    article = ARTICLE.match(simple)
    start = article.end() if article else len(simple) - len(simple.lstrip())
    end = _leading_units(simple, start, min(len(simple), start + LEAD_IN_NAME_MAX))
    if end is None:
        return None
    piece = simple[start:end]
    if piece.count("（") + piece.count("(") > piece.count("）") + piece.count(")"):
        # 各级党委（党组）: the name's note closes after the suffix found inside it
        close = min((i for i in (simple.find("）", end), simple.find(")", end)) if i >= 0), default=-1)
        if close < 0 or close - start > LEAD_IN_NAME_MAX:
            return None
        end = close + 1
    pieces = split_units(simple[start:end], start)
    return Attribution(start, end, unit_spans(text, pieces, "responsible")) if pieces else None


ORDINAL_REQUEST = re.compile(r"(?:[一二三四五六七八九十]{1,3}是|[其]?[一二三四五六七八九十]{1,3}[，,])?请?")
TOGETHER = re.compile(r"会同")


def _leading_units(simple: str, start: int, limit: int) -> int | None:
    """End of the unit list that opens ``simple[start:limit]`` (``市财政局研究制定…`` → after 局)."""
    # The list ends at the first name not followed by a separator (市财政局、市统计局|研究制定…).
    for end in range(start + 2, limit + 1):
        piece = simple[start:end]
        if not piece.endswith(vocabulary().unit_suffixes) or (end < limit and simple[end] in "、，,及和（("):
            continue
        names = [to_simplified_name(raw) for raw, _, _ in split_units(piece)]
        if names and len(names[-1]) >= 3 and names_a_unit_list(names) and looks_like_unit(names[-1]):
            return end
    return None


def _asked_units(text: str, simple: str, begin: int) -> Attribution | None:
    stop = re.search(r"[，,。；;：:\n]", simple[begin : begin + SUBJECT_MAX])
    limit = begin + stop.start() if stop else min(len(simple), begin + SUBJECT_MAX)
    end = _leading_units(simple, begin, limit)
    if end is None or end == limit:
        return None
    pieces = split_units(simple[begin:end], begin)
    units = unit_spans(text, pieces, "responsible")
    return Attribution(begin, end, units)


def _together_clause(text: str, simple: str, begin: int) -> Attribution | None:
    """``请A会同B、C研究…``: B and C support; A, asked without a role word of its own, is
    responsible (the verb after them states the task)."""
    window_end = min(len(simple), begin + SUBJECT_MAX)
    stop = re.search(r"[，,。；;：:\n]", simple[begin:window_end])
    limit = begin + stop.start() if stop else window_end
    together = TOGETHER.search(simple, begin, limit)
    if together is None or together.start() - begin < 2:
        return None
    lead = split_units(simple[begin : together.start()], begin)
    support_end = _leading_units(simple, together.end(), limit)
    if support_end is None or not names_a_unit_list([to_simplified_name(raw) for raw, _, _ in lead]):
        return None
    support = split_units(simple[together.end() : support_end], together.end())
    roles = [("responsible", a, b) for _, a, b in lead] + [("support", a, b) for _, a, b in support]
    units = tuple(UnitSpan(text[a:b], a, b, role, n, "") for n, (role, a, b) in enumerate(roles, start=1))
    return Attribution(begin, support_end, units)


UNIT_LINE_MAX = 40


def unit_heading(text: str, among_units: bool = False) -> Attribution | None:
    """A line that holds only unit names (``市卫生局``), heading the tasks listed under it: each
    of them is made responsible for every task below (no role word; the layout says it). With
    ``among_units`` (its sibling headings name units too: （一）学院 ⏎ … ⏎ （二）教务处), any name of a
    unit's form will do, a collective included (（五）南庄镇、各街道办事处)."""
    line = text.strip()
    duty = DUTY_TAIL.search(line)
    belongs = 0
    if duty and duty.start() > 0:
        # 县经济局主要工作任务：, 广电局工作职责: the unit's name before the noun for its duties (which says
        # it is a unit: any name of a unit's form will do, but not 成员单位职责, 承办单位职责: roles)
        line = line[: duty.start()]
        if line.startswith(("属", "屬")) and len(line) > 3:
            line, belongs = line[1:], 1  # 一、属住建局职责范围：: the problems below are in the unit's charge
    if not line or len(line) > UNIT_LINE_MAX or re.search(r"[。，,；;：:！？!?\d]", line) or vocabulary().role_word_regex.search(line):
        return None
    simple = to_simplified(line)
    pieces = split_units(simple)
    heads = _duty_holder if duty and duty.start() > 0 else _names_a_unit if among_units else _heads_as_unit
    if not pieces or not all(heads(raw) for raw, _, _ in pieces):
        return None
    lead = len(text) - len(text.lstrip()) + belongs
    return Attribution(lead, lead + len(line), tuple(UnitSpan(text[lead + a : lead + b], lead + a, lead + b, "responsible", n, "") for n, (_, a, b) in enumerate(pieces, start=1)))


# (县经济局主要工作任务：, X的主要职责是：, X应当履行下列职责：, X承担以下职责：, X负责以下工作：)
DUTY_TAIL = re.compile(
    r"(?:(?:的)?(?:主要)?(?:工作)?(?:任务|职责|责任)(?:是|为|包括|如下)?|(?:的)?职责范围内?(?:的问题)?"
    r"|(?:应当|应|要)?(?:履行|承担|负责)(?:下列|以下|如下)(?:工作)?(?:职责|任务|工作|事项))[:：]?$"
)


def duty_heading(title: str) -> Attribution | None:
    """A heading that names a unit and the noun for its duties (``（十一）县农牧局主要工作任务：``): the unit, as
    :func:`unit_heading` reads it (offsets into the heading without its surrounding blanks)."""
    title = title.strip()
    return unit_heading(title) if title and DUTY_TAIL.search(title) else None


def _heads_as_unit(raw: str) -> bool:
    """A name that can stand alone as a heading: a unit by its level (市卫生局) or by a suffix
    no ordinary phrase ends with — not 优化…布局, 督查分组, whose 局 and 组 end words."""
    core = re.sub(r"[（(][^（()）]*[）)]$", "", raw)  # 综合办公室（党群工作部、监察室）: the name before its note
    return (
        len(core) >= 3
        and looks_like_unit(raw)
        and not is_collective(raw)
        and not raw.startswith(task_verbs())
        # (和 only inside a name such as 住房和城乡建设委员会, which ends as units do)
        and not re.search(r"[与及的]", core)
        and ("和" not in core or (core.endswith(STRONG_SUFFIXES) and len(core) <= NAME_WITH_HE_MAX))
        and (LEVEL_START.match(core) is not None or core.endswith(STRONG_SUFFIXES))
    )


def _duty_holder(raw: str) -> bool:
    """The unit before ``主要工作任务``: a name of a unit's form, not a collective nor a role (成员单位)."""
    return _heads_as_unit(raw) or (looks_like_unit(raw) and not is_collective(raw) and not raw.endswith(("单位", "部门")) and not raw.startswith(task_verbs()))


def _names_a_unit(raw: str) -> bool:
    return (looks_like_unit(raw) or is_collective(raw)) and not raw.startswith(task_verbs()) and "的" not in raw


NAME_WITH_HE_MAX = 14
STRONG_SUFFIXES = ("委员会", "管委会", "办公室", "委", "厅", "中心", "公司", "集团", "大队", "支队")


@lru_cache(maxsize=1)
def known_labels() -> frozenset[str]:
    return frozenset(label for label, _ in vocabulary().labels)


def to_simplified_name(name: str) -> str:
    return to_simplified(name)


# 责任单位各社区居委会: a label glued to the words before it and the names after it (a PDF's text
# that lost every colon and line break); read only where its value is a list of names alone.
GLUED_LABEL = re.compile(r"(?<=[\u4e00-\u9fff])(?P<label>(?:责任|牵头|配合|协办|主办|承办)(?:单位|部门))(?![：:为是（(])(?=[\u4e00-\u9fff])")
GLUED_VALUE_MAX = 120
GLUED_VALUE_STOP = re.compile(r"[。；;\n]")
GLUED_NOT_A_NAME = "均都为是由要应和及与对在"


def find_glued_labels(text: str, simple: str) -> list[Attribution]:
    if "单位" not in simple and "部门" not in simple:
        return []
    found = list(GLUED_LABEL.finditer(simple))
    attributions: list[Attribution] = []
    run: list[tuple[str, str, int, int]] = []

    def close() -> None:
        units = _segments_to_units(text, simple, run)
        if units:
            attributions.append(Attribution(run[0][2] - len(run[0][0]), run[-1][3], tuple(units)))
        run.clear()

    for index, match in enumerate(found):
        following = found[index + 1].start("label") if index + 1 < len(found) else len(simple)
        stop = GLUED_VALUE_STOP.search(simple, match.end(), following)
        end = min(stop.start() if stop else following, match.end() + GLUED_VALUE_MAX)
        names = [to_simplified_name(raw) for raw, _, _ in split_units(simple[match.end() : end])]
        # (the first a name by its form, the label not one of a header's run: 主责单位协办单位时限,
        # and no verb before the names: 责任单位均为市发改委 is a sentence, read elsewhere)
        after_label = simple[max(0, match.start() - 2) : match.start()] in ("单位", "部门")
        if not names_a_unit_list(names) or not (looks_like_unit(names[0]) or is_collective(names[0])) or after_label or simple[match.end()] in GLUED_NOT_A_NAME:
            continue
        run.append((match.group("label"), label_role(match.group("label")) or "responsible", match.end(), end))
        if end < following:  # (配合单位 glued right after the list of 责任单位 continues the clause)
            close()
    if run:
        close()
    return attributions


# 市城管局在风暴潮来临时，负责…; 水务局归口管理全市防洪抗旱工程: a sentence that opens with its units,
# the role verb after a time phrase and a comma, or 归口管理.
SUBJECT_AT_A_TIME = re.compile(
    r"(?:^|(?<=[。；;\n]))(?P<units>[^，,。；;：:\n“”]{2,30}?)(?:在[^，,。；;：:\n]{2,30}?(?:时|期间)[，,](?P<role>负责|牵头)|(?P<managed>归口管理|归口负责)"
    # 区教育局为运动会的总协调机构。负责联系各责任部门…, 区教育局是学校安全的责任主体，负责…
    r"|(?:为|是)[^，,。；;：:\n“”]{0,30}?(?:机构|部门|主体|单位|机关)[，,。](?P<named>负责|牵头))"
)


def find_subjects_at_a_time(text: str, simple: str) -> list[Attribution]:
    """``市城管局在风暴潮来临时，负责…``, ``水务局归口管理…``, ``区教育局为总协调机构。负责…``: units
    opening their sentence."""
    attributions = []
    if "时" not in simple and "期间" not in simple and "归口" not in simple and "为" not in simple and "是" not in simple:
        return attributions
    for found in SUBJECT_AT_A_TIME.finditer(simple):
        pieces = split_units(found.group("units"), found.start("units"))
        names = [to_simplified_name(raw) for raw, _, _ in pieces]
        if not names or not names_a_unit_list(names) or not all(looks_like_unit(n) for n in names):
            continue
        if found.group("managed"):
            end, role = found.end("managed"), "responsible"
        else:
            verb = "named" if found.group("named") else "role"
            end = found.end(verb)
            role = duty_role(simple[end:]) if found.group(verb) == "负责" else "lead"
        units = unit_spans(text, pieces, role)
        attributions.append(Attribution(found.start("units"), end, units))
    return attributions


# 省发展改革委会同省财政厅研究制定…; 中央组织部会同有关部门，每年安排…: a unit acting together with others
# (会同), opening its sentence: it is responsible, the others support (as 请A会同B… and 由A会同B负责 read:
# no 牵头 names it the lead).
TOGETHER_WITH = re.compile(
    r"(?:^|(?<=[。；;！\n：:]))(?P<lead>[^，,。；;：:\n“”（(]{2,30}?)会同(?P<others>[^，,。；;：:\n“”]{2,40}?)"
    r"(?=[，,]|(?P<role>负责|共同|研究|制定|制订|组织|开展|做好|推进|落实|建立|完善|编制|实施|出台|加强|抓好|每年|定期|指导|督促))"
)


def find_together_with(text: str, simple: str) -> list[Attribution]:
    """``X会同Y，…`` / ``X会同Y研究制定…`` opening a sentence (not ``由X会同Y负责``, find_role_sentences' to read)."""
    if "会同" not in simple:
        return []
    attributions = []
    for found in TOGETHER_WITH.finditer(simple):
        lead = split_units(found.group("lead"), found.start("lead"))
        others = split_units(found.group("others"), found.start("others"))
        lead_names = [to_simplified_name(raw) for raw, _, _ in lead]
        other_names = [to_simplified_name(raw) for raw, _, _ in others]
        if found.group("lead").startswith("由") or not lead or not all(looks_like_unit(n) and could_be_unit(n) for n in lead_names):
            continue
        if not others or not all(could_be_unit(n) or is_collective(n) for n in other_names):
            continue
        units = unit_spans(text, lead, "responsible") + unit_spans(text, others, "support")
        attributions.append(Attribution(found.start("lead"), found.end("others"), tuple(units)))
    return attributions


# 成立大涌镇人居环境整治督查领导小组，负责组织推进…: the body set up is responsible for what follows.
SET_UP = re.compile(
    r"成立(?P<units>[^，,。；;：:\n“”]{2,40}?(?:领导小组|工作小组|工作组|专班|指挥部|委员会))[，,](?:[^，,。；;]{0,30}?任组长[，,])?(?P<role>负责|牵头)"
)


def find_bodies_set_up(text: str, simple: str) -> list[Attribution]:
    """``成立X领导小组，负责…``: the group or committee set up, responsible for the duty after it."""
    attributions = []
    if "成立" not in simple:
        return attributions
    for found in SET_UP.finditer(simple):
        a, b = found.span("units")
        role = "lead" if found.group("role") == "牵头" else "responsible"
        attributions.append(Attribution(found.start(), found.end("role"), (UnitSpan(text[a:b], a, b, role, 1, ""),)))
    return attributions


# 责成后勤集团于近期内做好方案: minutes that order a unit to act (opening a sentence or a clause: a unit's
# duty 在紧急情况下责成项目业主… orders others, who answer to it); 会议要求后勤服务集团要继续抓好…: the
# meeting asks it (a colon after 要求 opens a list of demands instead, which names no unit here).
ORDERED = re.compile(r"(?:^|(?<=[。；;，,\n]))责成|(?<=会议)要求")
ROLE_REFERENCE = re.compile(r"(?:牵头|责任|配合|协办|主办)(?:单位|部门)$")  # 各牵头单位: the units named above, by their role


def find_ordered_units(text: str, simple: str) -> list[Attribution]:
    """``责成X…``, ``会议要求X…``: the units ordered or asked are responsible for what follows."""
    if "责成" not in simple and "会议要求" not in simple:
        return []
    attributions = []
    for found in ORDERED.finditer(simple):
        asked = _asked_units(text, simple, found.end())
        if asked is not None and not any(ROLE_REFERENCE.search(to_simplified_name(u.raw)) for u in asked.units):
            attributions.append(Attribution(found.start(), asked.end, asked.units))
    return attributions


# 已通知责任单位涧西区政府，加强…: a hotline's or a column's reply naming the unit it passed the matter to
NOTIFIED = re.compile(
    r"(?:(?:已(?:经)?|已发现并|并)(?:通知|转交|转办|交由|交办)(?:给)?(?:相关)?(?:责任单位)?|(?:通知|转交|转办|交由|交办)(?:给)?(?:相关)?责任单位)"
    r"(?P<units>[^，,。；;：:\n“”]{2,30}?)(?=[，,。；;]|要求|进行|予以|及时|抓紧|尽快|加强|负责|处理|办理|核实)"
)


def find_notified_units(text: str, simple: str) -> list[Attribution]:
    """``已通知责任单位X，…``, ``已转交X处理``: the unit a complaint was passed to is responsible."""
    if "责任单位" not in simple and "已" not in simple and "反映" not in simple:
        return []
    attributions = []
    for found in NOTIFIED.finditer(simple):
        pieces = split_units(found.group("units"), found.start("units"))
        if pieces and names_a_unit_list([to_simplified_name(raw) for raw, _, _ in pieces]):
            attributions.append(Attribution(found.start(), found.end("units"), tuple(unit_spans(text, pieces, "responsible"))))
    if "反映" in simple:
        attributions += _reply_actors(text, simple, attributions)
    return attributions


# 市民李女士反映：… ⏎ 市城管局：市供电公司已于10月6日将电线杆移走。: in a reply to a complaint, the unit that
# has put it right (or is doing so) answers for it.
REPLY_FIELD = re.compile(r"^(?P<field>[^，,。；;：:\n]{3,20})[：:]", re.M)
REPLY_ACTOR = re.compile(r"(?P<units>[^，,。；;：:\n“”]{3,20}?)(?:已经|已于|已|正在|将于)")


def _reply_actors(text: str, simple: str, notified: list[Attribution]) -> list[Attribution]:
    found = []
    for field in REPLY_FIELD.finditer(simple):
        if not looks_like_unit(to_simplified_name(field.group("field"))):
            continue  # (市民李女士反映：the complaint; the reply's field is a unit)
        line_end = simple.find("\n", field.end())
        line_end = len(simple) if line_end < 0 else line_end
        if any(field.end() <= a.start < line_end for a in notified):
            continue  # (已通知X: the unit notified, not the one replying)
        actor = REPLY_ACTOR.match(simple, field.end(), line_end)
        if actor is None:
            continue
        pieces = split_units(actor.group("units"), actor.start("units"))
        names = [to_simplified_name(raw) for raw, _, _ in pieces]
        if pieces and all(looks_like_unit(n) and could_be_unit(n) for n in names):
            found.append(Attribution(actor.start(), actor.end("units"), tuple(unit_spans(text, pieces, "responsible"))))
    return found


# 农牧业局、供销社、工商局要尽快制定申报方案: meeting news and minutes, each unit told what it must do;
# 建设、交通、水务部门：要在…: a duty list whose items open with the units and a colon; 公安、交通等有关部门应当…:
# a regulation's duty article
MUST = re.compile(
    r"(?:^|(?<=[。；;！\n，,])|(?<=[一二三四五六七八九十]是))(?P<units>[^，,。；;：:\n“”]{2,60}?)"
    r"(?P<shared>等(?:有关|相关)?(?:部门|单位))?[：:，,]?(?:还|也|均|都|务必|必须|一定)?(?:(?<!主)要(?![求点是素件闻领害冲])|应当|应(?![急用对变收付届聘征]))"
)  # (主要 is a word: 各主要责任单位要… names the units above by their role, not a unit 各主; 应 alone as in
# 各行业协会应协助…, not 应急, 应用, 应对; a comma may come first: 各级人民银行和各商业银行，要积极支持…)


GENERIC_COLLECTIVE = re.compile(r"(?:各|各级|各有关|各相关|有关|相关)?(?:单位|部门|地区|地方|方面)|各地|各级各部门|各地各部门")
EXHORTED = re.compile(r"高度重视|提高认识|统一思想|加强领导|切实加强领导|高度负责|精心组织|认真贯彻|切实抓好|按照本")
PERSONS = re.compile(r"(?:干部|人员|职工|群众|党员|同志|居民|村民|学生|教师|家长|市民|个人|负责人|领导|主任|书记|代表)$")


def find_units_told(text: str, simple: str) -> list[Attribution]:
    """``X、Y要…``, ``X应当…``: units opening a clause with 要 or 应当 (what they must do) are responsible for it."""
    if "要" not in simple and "应" not in simple:
        return []
    attributions = []
    for found in MUST.finditer(simple):
        head = found.group("units")
        pieces = split_units(head, found.start("units"))
        if not pieces or any(len(raw) < 2 for raw, _, _ in pieces):
            continue
        names = [to_simplified_name(raw) for raw, _, _ in pieces]
        if any(PERSONS.search(n) or ROLE_REFERENCE.search(n) for n in names):
            continue  # 各级领导干部要…: people told what to do; 各牵头单位要…: the units above, by their role
        if all(GENERIC_COLLECTIVE.fullmatch(n) for n in names) or EXHORTED.match(simple, found.end()):
            continue  # 各单位要高度重视，切实抓好落实: an exhortation to whoever reads it, no division of work
        shared = found.group("shared") or ""
        if not (names_a_unit_list(names) and all(looks_like_unit(n) or is_collective(n) for n in names)) and not names_field_stems(head + shared, pieces):
            continue
        units = tuple(replace(u, role_label=TOLD) for u in unit_spans(text, pieces, "responsible"))
        attributions.append(Attribution(found.start("units"), found.end(), units))
    return attributions


TOLD = "要"  # the role label of units told what they must do: a weak reading (see parse: numbered items that attribute nothing)


def only_told(attributions: list[Attribution]) -> bool:
    """Every unit of these clauses was read from ``X要…`` alone."""
    return all(u.role_label == TOLD for a in attributions for u in a.units)


DUTY_OPENING = re.compile(
    r"(?:^|(?<=[。；;！\n]))(?P<units>[^，,。；;：:\n（(“”\"的]{2,30}?)的?(?:主要)?(?:工作)?职责(?:是|为|[：:])(?=[\u4e00-\u9fff])"
)


def find_duty_openings(text: str, simple: str) -> list[Attribution]:
    """``电力调度机构的主要职责：服从…`` (an emergency plan's duties, sentence by sentence): the unit whose
    duties follow is responsible for them; its name must read as a unit (not 指挥部各成员单位的职责 of a
    role, nor 工作职责 alone)."""
    if "职责" not in simple:
        return []
    def accepts(names: list[str]) -> bool:
        return not any(len(n) < 2 for n in names) and names_a_unit_list(names) and not any(ROLE_REFERENCE.search(n) for n in names)

    return [a for a in (_responsible_units(text, match, accepts) for match in DUTY_OPENING.finditer(simple)) if a]


def _responsible_units(text: str, match: re.Match[str], accepts: Callable[[list[str]], bool]) -> Attribution | None:
    """The units of ``match``'s group ``units``, responsible, the clause running to the match's end; ``None``
    unless ``accepts`` their names."""
    pieces = split_units(match.group("units"), match.start("units"))
    if not pieces or not accepts([to_simplified_name(raw) for raw, _, _ in pieces]):
        return None
    return Attribution(match.start("units"), match.end(), unit_spans(text, pieces, "responsible"))


# ``市住房城乡建设局是本市物业管理的主管部门，负责…``, ``联席会议（以下简称…）是全市…的统筹协调机构，负责…``: a
# unit defined by what it is to the work, then its duty (the phrasing of 办法 and 条例).
DEFINED_AS = re.compile(
    r"(?:^|(?<=[。；;！\n]))\s*(?P<units>[^，,。；;：:！\n（(]{2,40}?)(?:[（(]以下简称[^（()）\n]{1,16}[）)])?"
    r"(?:是|为)[^，,。；;！\n]{0,40}?(?:主管部门|管理部门|行政主管部门|监督管理部门|协调机构|议事协调机构|工作机构|责任主体|责任单位|机构)"
    r"[，,](?:具体|主要|统一)?负责"
)


def find_defined_units(text: str, simple: str) -> list[Attribution]:
    if "负责" not in simple:
        return []
    def accepts(names: list[str]) -> bool:
        return all(looks_like_unit(n) or could_be_unit(n) for n in names) and any(looks_like_unit(n) for n in names)

    return [a for a in (_responsible_units(text, match, accepts) for match in DEFINED_AS.finditer(simple)) if a]


CLAUSE_FINDERS: list[Callable[[str, str], list[Attribution]]] = [
    find_labelled_brackets,
    find_role_word_brackets,
    find_labelled_lines,
    find_role_sentences,
    find_subject_clauses,
    find_unit_headings,
    find_led_by,
    find_bare_brackets,
    find_glued_labels,
    find_subjects_at_a_time,
    find_bodies_set_up,
    find_ordered_units,
    find_notified_units,
    find_label_then_bracket,
    find_together_with,
    find_duty_openings,
    find_defined_units,
]


def text_to_attributions(text: str) -> list[Attribution]:
    """Every attribution clause of an item's text, in written order, spans not overlapping.

    Matching runs on the simplified form of ``text`` (same length), so that traditional
    notices read the same; the units keep their written form.
    """
    # Structure, segmentation and attribution each ask about the same texts: the answer is a
    # pure function of the text (frozen values), kept for recent texts of bounded length.
    if len(text) <= ATTRIBUTION_CACHE_TEXT:
        return list(_cached_attributions(text))
    return _text_to_attributions(text)


ATTRIBUTION_CACHE_TEXT = 2000  # with 1,024 entries: at most ~8 MB per process


@lru_cache(maxsize=1024)
def _cached_attributions(text: str) -> tuple[Attribution, ...]:
    return tuple(_text_to_attributions(text))


# A standing note (（…按职责分工负责，以下均需各地区落实，不再列出）, （A、B，列第一位的为牵头单位，下同。以下均需各县（市、
# 区）政府落实，不再列出）, 配合单位：…（以下均需各县（市、区）林业主管部门配合，不再列出）): the units it names are
# a clause of their own, their role from its verb, for the item that states it; parse carries them to every
# later task that names units (``Attribution.standing``). The note is blanked before the other finders read
# the clause, so that it is never read into a name.
STANDING_NOTE = re.compile(
    r"(?P<open>[，,。；;]|[（(])"
    r"(?P<lead>(?:以下|其余|下列)?(?:各项|所有|全部)?[^，,。；;（()）\n]{0,8}?(?:均需|均由|均要|都要|均须|需要|需))"
    r"(?P<units>(?:[^，,。；;（()）〔〕\n]|[（(〔][^（()）〔〕\n]{1,12}[）)〕]){2,80}?)"
    r"(?P<verb>(?:负责|承接)?落实|配合|参与|协助|负责)"
    r"(?P<tail>[，,；;]?(?:以下|下同|下文)?均?不再(?:一一|逐一|逐项|重复)?列出)(?P<close>[）)])?"
)
STANDING_SUPPORT = ("配合", "参与", "协助")


def _standing_note(text: str, simple: str) -> tuple[str, str, Attribution | None]:
    """``text`` and ``simple`` with their standing note blanked (same length: every span still points into
    the text as written), and the note's units as an attribution of their own."""
    found = STANDING_NOTE.search(simple)
    if found is None:
        return text, simple, None
    start = found.start()
    # (a note in brackets of its own goes with them; one closing its clause's bracket leaves that bracket)
    end = found.end() if found.group("open") in "（(" and found.group("close") else found.end("tail")
    role = "support" if found.group("verb") in STANDING_SUPPORT else "responsible"
    pieces = [p for p in split_units(simple[found.start("units") : found.end("units")], found.start("units")) if p[2] > p[1]]
    units = unit_spans(text, pieces, role, found.group("verb"))
    text, simple = (t[:start] + " " * (end - start) + t[end:] for t in (text, simple))
    return text, simple, Attribution(start, end, units, standing=True) if units else None


def _text_to_attributions(text: str) -> list[Attribution]:
    from .normalise import to_simplified

    simple = to_simplified(text)
    text, simple, note = _standing_note(text, simple)
    found: list[Attribution] = [note] if note else []
    taken = _Spans()  # the found spans, for an overlap test in log time (thousands of clauses in one item)
    for finder in CLAUSE_FINDERS:
        for attribution in finder(text, simple):
            if not taken.overlaps(attribution.start, attribution.end):
                found.append(attribution)
                taken.add(attribution.start, attribution.end)
    if not found:
        # (X要…: read only where nothing else attributes the text, as in the news of a meeting; in a
        # plan whose tasks name their units, 各地要… and X要… sentences exhort, they do not divide work)
        found = find_units_told(text, simple)
    return sorted(found, key=lambda a: a.start)


class _Spans:
    """Non-overlapping spans kept sorted: does ``[start, end)`` overlap one of them?"""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        i = bisect_left(self.starts, end)  # spans starting before ``end``; the last of them ends latest
        return i > 0 and self.ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        from bisect import bisect_right

        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


ROLE_HINT = re.compile(r"牵头|配合|协办|主责|主办|负责|责任单位|责任部门|协同|参与单位")


def unread_role_brackets(text: str, attributions: list[Attribution]) -> list[tuple[int, int]]:
    """Brackets that speak of roles (牵头, 配合, 责任单位 …) but were read as no clause: for a human look."""
    from .normalise import to_simplified

    from bisect import bisect_left, bisect_right
    from itertools import accumulate

    simple = to_simplified(text)
    spans = []
    ordered = sorted(attributions, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    reach = list(accumulate((a.end for a in ordered), max))  # furthest end among the first k clauses
    for start, end in bracket_groups(simple):
        # (in log time, as ``any(a.start <= start < a.end or start <= a.start < end)``)
        before = bisect_right(starts, start)
        if before and reach[before - 1] > start or bisect_left(starts, start) < len(starts) and starts[bisect_left(starts, start)] < end:
            continue
        if ROLE_HINT.search(simple[start:end]):
            spans.append((start, end))
    return spans


def detect_convention(text: str) -> str | None:
    """A stated rule for roles (F13): ``first_listed_is_lead`` or ``responsible_is_lead_when_no_lead``."""
    found = find_convention(text)
    return found[0] if found else None


def find_convention(text: str) -> tuple[str, int] | None:
    """The stated rule and where it begins to apply: from where it is written when it says so
    (``…列第一位的为牵头或汇总单位，下同``: the items before it keep their roles), else from the
    start (a note under the table, a rule in the cover letter)."""
    simple = to_simplified(text)
    for name, pattern in vocabulary().conventions.items():
        found = pattern.search(simple)
        if found:
            return name, (found.start() if "下同" in simple[found.end() : found.end() + FORWARD_NOTE_REACH] else 0)
    return None


FORWARD_NOTE_REACH = 6


def apply_convention(units: tuple[UnitSpan, ...], convention: str | None) -> tuple[UnitSpan, ...]:
    """Roles as a stated convention defines them; without one, nobody is promoted."""
    if convention is None or any(u.role == "lead" for u in units):
        return units

    if convention == "first_listed_is_lead":
        return tuple(replace(u, role="lead") if u.order == 1 and u.role == "responsible" else u for u in units)
    if convention == "first_listed_is_lead_rest_support":
        return tuple(replace(u, role="lead" if u.order == 1 else "support") if u.role == "responsible" else u for u in units)
    if convention == "responsible_is_lead_when_no_lead":
        return tuple(replace(u, role="lead") if u.role == "responsible" else u for u in units)
    return units


COUNTED_COLLECTIVE = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)个")  # 13个街道、镇


def is_collective(name: str) -> bool:
    vocab = vocabulary()
    if name.startswith(vocab.collective_prefixes) or name.endswith(vocab.collective_suffixes) or COUNTED_COLLECTIVE.match(name):
        return True
    # 市直有关部门、单位: a collective kept whole with the piece it shares
    return "、" in name and is_collective(name.split("、", 1)[0])
