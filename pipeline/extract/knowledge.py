"""What an item says beyond its units: deadline, quantitative targets, documents, people.

Pure functions over an item's healed text (full-width punctuation, no stray spaces; label
lines such as ``完成时限：2024年底前`` after a ``\\n``). Matching runs on the simplified form
of the text (``normalise.to_simplified`` keeps the length), so traditional notices read the
same; what is returned is sliced from the text as written. ``start``/``end`` are offsets into
the given text; ``line`` is left ``None`` for the caller to fill. The vocabulary lives in
``data/knowledge.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from ..model import Deadline, Person, Reference, Target
from . import anchored
from .normalise import to_simplified

__all__ = ["find_deadline", "find_targets", "find_documents", "find_persons", "load_raw"]


def load_raw() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("knowledge.json").read_text("utf-8"))


@dataclass(frozen=True)
class _DeadlinePattern:
    name: str
    kind: str
    in_text: bool
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _Vocabulary:
    deadline_label: re.Pattern[str]
    deadline_patterns: tuple[_DeadlinePattern, ...]
    periods: dict[str, int]
    target: re.Pattern[str]
    units: dict[str, str]  # as matched → unit reported
    factors: dict[str, int]
    ordinal_markers: tuple[str, ...]
    range_marks: tuple[str, ...]
    after_marks: tuple[str, ...]
    boundaries: str
    scope_prefixes: tuple[str, ...]
    lead_verbs: tuple[str, ...]
    pivot_verbs: tuple[str, ...]
    linking_verbs: tuple[str, ...]
    number_first_verb_length: int
    doc_open: str
    doc_close: str
    doc_inner_open: str
    doc_inner_close: str
    person_label: re.Pattern[str]
    person_roles: dict[str, str]
    person_separators: str
    title_brackets: dict[str, str]
    title_before_name: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def vocabulary() -> _Vocabulary:
    raw = load_raw()
    dl = raw["deadline"]
    tg = raw["targets"]
    ps = raw["persons"]
    units = {m["word"]: m.get("unit", m["word"]) for m in tg["measure_words"]}
    factors = {m["word"]: int(m["factor"]) for m in tg["multipliers"]}
    qualifiers = tg["qualifiers"]
    target = re.compile(
        f"(?P<before>{_alternation(qualifiers['before'])})?"
        # (?<![\d.]): a figure starts where a run of digits starts. Without it, a long run with no
        # measure word after it is tried from every digit, each try scanning to its end: quadratic.
        r"(?<![\d.])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        f"(?P<mult>{_alternation(list(factors))})?"
        f"(?P<unit>{_alternation(list(units))})"
        f"(?P<after>{_alternation(qualifiers['after'])})?"
    )
    counted = tg["counted"]
    person_labels = {x["label"]: x["role"] for x in ps["labels"]}
    return _Vocabulary(
        deadline_label=re.compile(f"(?:{_alternation([x['label'] for x in dl['labels']])})[：:]"),
        deadline_patterns=tuple(
            _DeadlinePattern(p["name"], p["kind"], bool(p["in_text"]), re.compile(p["pattern"])) for p in dl["patterns"]
        ),
        periods={p["period"]: int(p["month"]) for p in dl["periods"]},
        target=target,
        units=units,
        factors=factors,
        ordinal_markers=tuple(tg["excluded"]["ordinal_markers"]),
        range_marks=tuple(tg["excluded"]["range_marks"]),
        after_marks=tuple(tg["excluded"]["after_marks"]),
        boundaries=counted["boundaries"],
        scope_prefixes=tuple(sorted(counted["scope_prefixes"], key=len, reverse=True)),
        lead_verbs=tuple(sorted(counted["lead_verbs"], key=len, reverse=True)),
        pivot_verbs=tuple(counted["pivot_verbs"]),
        linking_verbs=tuple(sorted(counted["linking_verbs"], key=len, reverse=True)),
        number_first_verb_length=int(counted["number_first_verb_length"]),
        doc_open=raw["documents"]["open"],
        doc_close=raw["documents"]["close"],
        doc_inner_open=raw["documents"]["inner_open"],
        doc_inner_close=raw["documents"]["inner_close"],
        person_label=re.compile(f"({_alternation(list(person_labels))})[：:]"),
        person_roles=person_labels,
        person_separators=ps["separators"],
        title_brackets={open_: close for open_, close in ps["title_brackets"]},
        title_before_name=re.compile(f"(?P<title>.*?(?:{_alternation(ps['title_suffixes'])}))(?P<name>[\u4e00-\u9fff]{{2,4}})"),
    )


# --- shared helpers -------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _document_spans(simple: str) -> tuple[tuple[int, int], ...]:
    """Top-level ``《…》`` spans ``(start, end)``, brackets included; nested ``〈…〉``/``《…》`` kept inside."""
    vocab = vocabulary()
    spans: list[tuple[int, int]] = []
    if vocab.doc_open not in simple:
        return ()
    depth = 0
    start = -1
    for found in _document_marks().finditer(simple):  # (the other characters change nothing)
        index, ch = found.start(), found.group()
        if depth == 0:
            if ch == vocab.doc_open:
                depth, start = 1, index
        elif ch in vocab.doc_inner_open:
            depth += 1
        elif ch in vocab.doc_inner_close:
            depth -= 1
            if depth == 0:
                if ch == vocab.doc_close:
                    spans.append((start, index + 1))
                # a 〉 closing the outer 《 is unbalanced: dropped
    return tuple(spans)


@lru_cache(maxsize=1)
def _document_marks() -> re.Pattern[str]:
    """The characters ``_document_spans`` acts on: its opening, inner opening and closing brackets."""
    vocab = vocabulary()
    marks = set(vocab.doc_open + vocab.doc_inner_open + vocab.doc_inner_close)
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(marks)) + "]")


def _inside(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


# --- deadlines --------------------------------------------------------------------------


def _deadline_date(pattern: _DeadlinePattern, match: re.Match[str], year: int | None) -> str | None:
    groups = match.groupdict()
    if pattern.kind not in ("date", "year_end"):
        return None
    y = int(groups["year"]) if groups.get("year") else year
    if y is None:
        return None
    if pattern.kind == "year_end":
        return f"{y:04d}-12-31"
    if groups.get("period"):
        month = vocabulary().periods[groups["period"].lstrip("第")]
        return f"{y:04d}-{month:02d}-{calendar.monthrange(y, month)[1]:02d}"
    month = int(groups["month"])
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(y, month)[1]
    if groups.get("day"):
        day = int(groups["day"])
        return f"{y:04d}-{month:02d}-{day:02d}" if 1 <= day <= last else None
    return f"{y:04d}-{month:02d}-{last:02d}"


def _deadline_matches(simple: str, begin: int, end: int, patterns: tuple[_DeadlinePattern, ...]) -> list[tuple[int, int, _DeadlinePattern, re.Match[str]]]:
    """Non-overlapping matches in ``simple[begin:end]``, leftmost then longest first."""
    found = []
    for pattern in patterns:
        for match in anchored.finditer(pattern.regex, simple, begin, end):  # (finditer's matches, found faster)
            if match.end() > match.start():
                found.append((match.start(), match.end(), pattern, match))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, _DeadlinePattern, re.Match[str]]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _to_deadline(text: str, found: tuple[int, int, _DeadlinePattern, re.Match[str]], year: int | None) -> Deadline:
    start, end, pattern, match = found
    return Deadline(text=text[start:end], kind=pattern.kind, date=_deadline_date(pattern, match, year), start=start, end=end)


def _label_value(simple: str, start: int) -> int:
    """End of a label's value: the end of its line, or ``；``/``。``/a closing bracket."""
    index = start
    while index < len(simple) and simple[index] not in "\n；;。）)":
        index += 1
    return index


def find_deadline(text: str, year: int | None) -> Deadline | None:
    """The item's deadline: a ``完成时限：`` / ``时限要求：`` value first, else a deadline phrase.

    ``2023年6月底前`` → date 2023-06-30; ``年底前`` → year_end (``year``)-12-31; ``上半年`` → date
    (``year``)-06-30; ``长期坚持`` → ongoing; ``持续推进`` → continuous. Among several phrases in
    the text, the latest date wins (``6月底前出台方案，年底前全面完成`` → 年底前); without dates, the first.
    """
    vocab = vocabulary()
    simple = to_simplified(text)
    documents = _document_spans(simple)
    for label in vocab.deadline_label.finditer(simple):
        if _inside(documents, label.start(), label.end()):
            continue
        start = label.end()
        while start < len(simple) and simple[start] == " ":
            start += 1
        end = _label_value(simple, start)
        matches = _deadline_matches(simple, start, end, vocab.deadline_patterns)
        if matches:
            at_start = [m for m in matches if m[0] == start]
            return _to_deadline(text, (at_start or matches)[0], year)
    in_text = tuple(p for p in vocab.deadline_patterns if p.in_text)
    candidates = [
        m for m in _deadline_matches(simple, 0, len(simple), in_text) if not _inside(documents, m[0], m[1])
    ]
    if not candidates:
        return None
    deadlines = [_to_deadline(text, m, year) for m in candidates]
    dated = [d for d in deadlines if d.date]
    if dated:
        return max(dated, key=lambda d: (d.date, d.start))
    return deadlines[0]


# --- targets ----------------------------------------------------------------------------


def _strip_prefixes(simple: str, begin: int, end: int, words: tuple[str, ...]) -> int:
    changed = True
    while changed:
        changed = False
        for word in words:
            if simple.startswith(word, begin) and begin + len(word) < end:
                begin += len(word)
                changed = True
                break
    return begin


def _counted(text: str, simple: str, start: int, end: int, floor: int) -> tuple[str, int]:
    """What a target at ``simple[start:end]`` counts (see ``targets.counted`` in the data), and
    where the words it took after the target end (the floor of the next target's words)."""
    vocab = vocabulary()
    begin = start
    while begin > floor and simple[begin - 1] not in vocab.boundaries:
        begin -= 1
    while begin < start and simple[begin] == "、":
        begin += 1
    in_text = tuple(p for p in vocab.deadline_patterns if p.in_text)
    for s, e, _, _ in _deadline_matches(simple, begin, start, in_text):
        if s == begin:
            begin = e
    pivot = begin
    for verb in vocab.pivot_verbs:
        position = simple.rfind(verb, begin, start)
        if position >= 0:
            pivot = max(pivot, position + len(verb))
    begin = _strip_prefixes(simple, pivot, start, vocab.scope_prefixes + vocab.lead_verbs)
    stop = start
    changed = True
    while changed:
        changed = False
        for word in vocab.linking_verbs:
            if simple.endswith(word, begin, stop) and stop - len(word) >= begin:
                stop -= len(word)
                changed = True
                break
    before = simple[begin:stop]
    if before in vocab.scope_prefixes + vocab.lead_verbs:
        begin = stop
    noun_first = simple.startswith("的", end)
    after_start = end + 1 if noun_first else end
    after_end = after_start
    while after_end < len(simple) and simple[after_end] not in vocab.boundaries and simple[after_end] != "、":
        after_end += 1
    if noun_first and after_end > after_start:
        return text[after_start:after_end] + text[begin:stop], after_end
    if after_end > after_start and stop - begin <= vocab.number_first_verb_length:
        return text[after_start:after_end], after_end
    return text[begin:stop], end


DIGIT = re.compile(r"\d")


def find_targets(text: str) -> list[Target]:
    """Quantitative targets in written order: ``不少于100万人次`` → 1000000 人次, ``30%`` → 30 %.

    Not targets: ordinals (第四届), years and dates, ranges (2021-2023年), ``8+X``, list markers,
    figures inside 《》. ``counted`` is a heuristic: the words before the figure without scope
    words, action verbs and linking verbs (``全年开展补贴性职业技能培训不少于10万人次`` →
    补贴性职业技能培训).
    """
    vocab = vocabulary()
    simple = to_simplified(text)
    if not DIGIT.search(simple):
        return []  # every target holds a figure (half the items hold none: the target regex is tried at every character)
    documents = _document_spans(simple)
    targets: list[Target] = []
    floor = 0
    for match in vocab.target.finditer(simple):
        n_start = match.start("number")
        previous = simple[n_start - 1] if n_start else ""
        following = simple[match.end() : match.end() + 1]
        if previous and (previous.isascii() and previous.isalnum() or previous == "." or previous in vocab.ordinal_markers):
            continue  # PM2.5, 5G…, 第21个
        if previous in vocab.range_marks and n_start >= 2 and simple[n_start - 2].isdigit():
            continue  # the second figure of a range: 3-5个
        if previous in vocab.after_marks or following in vocab.after_marks and following:
            continue  # 8+X, 1+N
        if _inside(documents, match.start(), match.end()):
            continue
        number = Decimal(match.group("number").replace(",", ""))
        factor = vocab.factors.get(match.group("mult") or "", 1)
        unit_start, unit_end = match.span("unit")
        unit = vocab.units[match.group("unit")]
        written_unit = text[unit_start:unit_end] if unit == match.group("unit") else unit
        counted, floor = _counted(text, simple, match.start(), match.end(), floor)
        targets.append(
            Target(
                text=text[match.start() : match.end()],
                value=float(number * factor),
                unit=written_unit,
                counted=counted,
                start=match.start(),
                end=match.end(),
            )
        )
    return targets


# --- documents --------------------------------------------------------------------------


def find_documents(text: str) -> list[Reference]:
    """Every top-level ``《…》``, as written (nested ``〈…〉`` kept), in written order."""
    simple = to_simplified(text)
    return [Reference(title=text[a:b], start=a, end=b) for a, b in _document_spans(simple)]


# --- persons ----------------------------------------------------------------------------


def _person_value_end(simple: str, start: int) -> int:
    """A person label's value ends at ``；``, ``。``, a closing bracket at depth 0, or the end of
    its line — a line break followed by an opening bracket continues it (table cells)."""
    vocab = vocabulary()
    depth = 0
    index = start
    while index < len(simple):
        ch = simple[index]
        if ch in vocab.title_brackets:
            depth += 1
        elif ch in vocab.title_brackets.values():
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in "；;。":
            break
        elif ch == "\n":
            rest = simple[index + 1 :].lstrip(" \n")
            if depth == 0 and not rest.startswith(tuple(vocab.title_brackets)):
                break
        index += 1
    return index


def _split_people(simple: str, start: int, end: int) -> list[tuple[int, int]]:
    vocab = vocabulary()
    pieces: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for index in range(start, end):
        ch = simple[index]
        if ch in vocab.title_brackets:
            depth += 1
        elif ch in vocab.title_brackets.values() and depth:
            depth -= 1
        elif depth == 0 and ch in vocab.person_separators:
            pieces.append((begin, index))
            begin = index + 1
    pieces.append((begin, end))
    return pieces


def _person(text: str, simple: str, begin: int, end: int, role: str) -> Person | None:
    vocab = vocabulary()
    while begin < end and simple[begin] in " \n":
        begin += 1
    while end > begin and simple[end - 1] in " \n":
        end -= 1
    if begin >= end:
        return None
    open_at = next((i for i in range(begin, end) if simple[i] in vocab.title_brackets), None)
    if open_at is not None:
        close = vocab.title_brackets[simple[open_at]]
        close_at = simple.find(close, open_at + 1, end)
        name_end = open_at
        while name_end > begin and simple[name_end - 1] in " \n":
            name_end -= 1
        title = text[open_at + 1 : close_at if close_at >= 0 else end].strip()
        if name_end <= begin:
            return None
        return Person(text=text[begin:name_end], title=title, role=role, start=begin, end=name_end)
    split = vocab.title_before_name.fullmatch(simple, begin, end)
    if split:
        name_start = split.start("name")
        return Person(text=text[name_start:end], title=text[begin:name_start], role=role, start=name_start, end=end)
    return Person(text=text[begin:end], title="", role=role, start=begin, end=end)


def find_persons(text: str) -> list[Person]:
    """People named by a person label (``牵头责任领导：张某某（常务副市长）``), in written order."""
    vocab = vocabulary()
    simple = to_simplified(text)
    people: list[Person] = []
    for label in vocab.person_label.finditer(simple):
        role = vocab.person_roles[label.group(1)]
        end = _person_value_end(simple, label.end())
        for begin, stop in _split_people(simple, label.end(), end):
            person = _person(text, simple, begin, stop, role)
            if person is not None:
                people.append(person)
    return people
