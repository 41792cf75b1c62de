"""Attribution clauses: who is made responsible for an item, in what role and order.

Pure functions over an item's healed text; offsets are into that text. A clause
form is a small matcher in ``CLAUSE_FINDERS`` that returns attributions or nothing
(dateparser-style strategies); the vocabulary lives in ``data/clauses.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

OPEN = "（(〔【"
CLOSE = "）)〕】"
INNER_OPEN = OPEN + "〈《"
INNER_CLOSE = CLOSE + "〉》"


@dataclass(frozen=True, slots=True)
class UnitSpan:
    raw: str
    start: int
    end: int
    role: str
    order: int
    role_label: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """One clause and the units it names, in written order."""

    start: int
    end: int
    units: tuple[UnitSpan, ...]


@dataclass(frozen=True)
class Vocabulary:
    labels: tuple[tuple[str, str], ...]  # (label, role), longest first
    label_regex: re.Pattern[str]
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
    label_regex = re.compile("(" + "|".join(re.escape(label) for label, _ in labels) + ")[：:]")
    return Vocabulary(
        labels=labels,
        label_regex=label_regex,
        separators=raw["separators"],
        conjunctions=tuple(sorted(raw["conjunctions"], key=len, reverse=True)),
        generalisers=tuple(sorted(raw["generalisers"], key=len, reverse=True)),
        trailing=tuple(sorted(raw["trailing"], key=len, reverse=True)),
        scope_notes=tuple(raw["scope_notes"]),
        collective_prefixes=tuple(raw["collective"]["prefixes"]),
        collective_suffixes=tuple(raw["collective"]["suffixes"]),
    )


def bracket_groups(text: str) -> list[tuple[int, int]]:
    """Top-level bracketed spans ``(start, end)`` including the brackets; unbalanced ones are skipped."""
    groups = []
    stack: list[int] = []
    for index, ch in enumerate(text):
        if ch in OPEN:
            stack.append(index)
        elif ch in CLOSE and stack:
            start = stack.pop()
            if not stack:
                groups.append((start, index + 1))
    return groups


def split_units(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Split a unit list into ``(raw, start, end)``; separators inside brackets do not split.

    Generalisers (``等``, ``等有关部门``) and trailing role words (``按职责分工负责``) are
    cut off; what remains is a substring of ``text`` at the returned offsets.
    """
    vocab = vocabulary()
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        ch = text[index]
        if ch in INNER_OPEN:
            depth += 1
        elif ch in INNER_CLOSE and depth:
            depth -= 1
        elif depth == 0:
            if ch in vocab.separators:
                pieces.append((start, index))
                start = index + 1
            else:
                conj = next((c for c in vocab.conjunctions if text.startswith(c, index)), None)
                if conj and index > start:
                    pieces.append((start, index))
                    start = index + len(conj)
                    index = start
                    continue
        index += 1
    pieces.append((start, len(text)))
    units = []
    for begin, end in pieces:
        begin, end = _trim(text, begin, end)
        if end > begin:
            units.append((text[begin:end], offset + begin, offset + end))
    return units


def _trim(text: str, begin: int, end: int) -> tuple[int, int]:
    vocab = vocabulary()
    changed = True
    while changed and end > begin:
        changed = False
        while begin < end and text[begin] in " \n":
            begin += 1
        while end > begin and text[end - 1] in " \n。":
            end -= 1
        piece = text[begin:end]
        for word in vocab.trailing + vocab.generalisers:
            if piece.endswith(word) and len(piece) > len(word):
                end -= len(word)
                changed = True
                break
        if not changed:
            for note in vocab.scope_notes:
                if piece == note:
                    return begin, begin
    return begin, end


def _labelled_segments(inner: str, offset: int) -> list[tuple[str, str, int, int]]:
    """``(label, role, start, end)`` for every ``label：units`` run in ``inner``."""
    vocab = vocabulary()
    roles = dict(vocab.labels)
    found = list(vocab.label_regex.finditer(inner))
    segments = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(inner)
        segments.append((match.group(1), roles[match.group(1)], offset + match.end(), offset + end))
    return segments


def find_labelled_brackets(text: str) -> list[Attribution]:
    """F1/F6: ``（责任单位：A、B）``, ``（牵头单位：A；责任单位：B、C）``."""
    vocab = vocabulary()
    attributions = []
    for start, end in bracket_groups(text):
        inner = text[start + 1 : end - 1]
        if not vocab.label_regex.match(inner.lstrip()):
            continue
        units: list[UnitSpan] = []
        for label, role, seg_start, seg_end in _labelled_segments(inner, start + 1):
            for raw, u_start, u_end in split_units(text[seg_start:seg_end], seg_start):
                units.append(UnitSpan(raw, u_start, u_end, role, len(units) + 1, label))
        if units:
            attributions.append(Attribution(start, end, tuple(units)))
    return attributions


CLAUSE_FINDERS: list[Callable[[str], list[Attribution]]] = [find_labelled_brackets]


def text_to_attributions(text: str) -> list[Attribution]:
    """Every attribution clause of an item's text, in written order, spans not overlapping."""
    found: list[Attribution] = []
    for finder in CLAUSE_FINDERS:
        for attribution in finder(text):
            if all(attribution.end <= a.start or attribution.start >= a.end for a in found):
                found.append(attribution)
    return sorted(found, key=lambda a: a.start)


def is_collective(name: str) -> bool:
    vocab = vocabulary()
    return name.startswith(vocab.collective_prefixes) or name.endswith(vocab.collective_suffixes)
