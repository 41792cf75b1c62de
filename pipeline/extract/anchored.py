"""``pattern.finditer`` for patterns with no fixed start, tried only near the characters they need.

A pattern that opens with an optional part (``(?:(?P<year>\\d{4})年)?(?P<month>\\d{1,2})月…``) cannot be
searched for by its first character: the regex engine tries it at every position of the text. When
every match must hold one of a few characters (here 月) and is at most ``width`` characters long, a
match can only start within ``width`` characters before one of them; :func:`finditer` tries the
pattern at those starts only, each once and in order, so that it yields exactly the matches of
``pattern.finditer`` (tests/test_fast_paths.py compares them). Patterns it cannot bound (an unbounded
repeat, a needed character it cannot name, flags) are searched as usual.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

MAX_WIDTH = 64  # longer matches gain little from the windows
MAX_RANGE = 64  # a character range wider than this is not spelled out


def finditer(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, pos, endpos)``, in order."""
    endpos = len(text) if endpos is None else min(endpos, len(text))
    anchors, width = _anchors(pattern)
    if anchors is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    position = pos  # every start before it was tried, or lies inside a match found
    for anchor in anchors.finditer(text, pos, endpos):
        at = anchor.start()
        if at < position:
            continue
        for start in range(max(position, at - width + 1), at + 1):
            match = pattern.match(text, start, endpos)
            if match:
                yield match
                position = match.end()
                break
        else:
            position = at + 1


@lru_cache(maxsize=256)
def _anchors(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, int]:
    """A regex of the characters one of which every match holds, and the longest match; ``(None, 0)``
    when either is not known (then the pattern is searched everywhere)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None, 0
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as _parser  # type: ignore[no-redef]
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        width = parsed.getwidth()[1]
        needed = _needed(parsed.data, _parser)
    except Exception:  # the private parser changed: the plain search is as right, only slower
        return None, 0
    if not needed or width > MAX_WIDTH:
        return None, 0
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(needed)) + "]"), width


def _needed(items: list, parser) -> frozenset[str] | None:
    """Characters one of which every match of the sequence ``items`` consumes (the smallest such set
    among its parts), or None."""
    best = None
    for item in items:
        found = _needed_item(item, parser)
        if found and (best is None or len(found) < len(best)):
            best = found
    return best


def _needed_item(item: tuple, parser) -> frozenset[str] | None:
    op, value = item
    c = parser  # the opcodes are the parser module's constants
    if op == c.LITERAL:
        return frozenset(chr(value))
    if op == c.IN:
        chars: set[str] = set()
        for kind, arg in value:
            if kind == c.LITERAL:
                chars.add(chr(arg))
            elif kind == c.RANGE and arg[1] - arg[0] <= MAX_RANGE:
                chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
            else:  # a category (\d), a negation, a wide range
                return None
        return frozenset(chars) or None
    if op == c.SUBPATTERN:
        return _needed(value[-1].data, parser)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        return _needed(value[2].data, parser) if value[0] >= 1 else None
    if op == getattr(c, "ATOMIC_GROUP", None):
        return _needed(value.data, parser)
    if op == c.BRANCH:
        union: set[str] = set()
        for alternative in value[1]:
            found = _needed(alternative.data, parser)
            if not found:
                return None
            union |= found
        return frozenset(union)
    return None  # assertions, anchors, group references, any character: nothing known to be consumed
