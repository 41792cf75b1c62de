"""Unit names glued together, split by the names the same notice writes apart.

A table cell that lists its units a line each loses its line breaks in some copies
(``文化宣传股文化馆``), and nothing in the glued text shows where one name ends. The notice
itself often does: the same units stand separately elsewhere in it (``文化宣传股`` ⏎ ``文化馆`` ⏎
``图书馆`` in the row above). A name that the registry does not know and that is two or three
of those names written one after another is read as them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from .normalise import to_simplified
from .responsibility import Attribution, UnitSpan

MIN_PIECE = 2
MAX_GLUED = 40  # characters of a glued name tried (the search is quadratic in it)
MAX_PIECES = 3


def written_names(attributions: Iterable[Attribution]) -> frozenset[str]:
    """The simplified names of every unit the clauses name."""
    return frozenset(to_simplified(unit.raw) for attribution in attributions for unit in attribution.units)


def split_glued(attributions: list[Attribution], names: frozenset[str], known: Callable[[str], bool]) -> list[Attribution]:
    """``attributions`` with each glued unit replaced by the names it is made of (same role, label
    and clause; offsets of each piece), when ``known`` (the registry) does not know the whole."""
    out = []
    for attribution in attributions:
        units: list[UnitSpan] = []
        for unit in attribution.units:
            pieces = _pieces(to_simplified(unit.raw), names, known)
            if pieces is None:
                units.append(replace(unit, order=len(units) + 1))
                continue
            start = unit.start
            for piece in pieces:
                units.append(replace(unit, raw=unit.raw[start - unit.start : start - unit.start + len(piece)], start=start, end=start + len(piece), order=len(units) + 1))
                start += len(piece)
        out.append(replace(attribution, units=tuple(units)) if len(units) != len(attribution.units) else attribution)
    return out


def _pieces(name: str, names: frozenset[str], known: Callable[[str], bool]) -> list[str] | None:
    if len(name) > MAX_GLUED or len(name) < 2 * MIN_PIECE or known(name):
        return None
    return _split(name, names, MAX_PIECES)


def _split(name: str, names: frozenset[str], budget: int) -> list[str] | None:
    """The shortest way to write ``name`` as names of ``names`` (two pieces at least), if any."""
    if budget < 2:
        return None
    for cut in range(MIN_PIECE, len(name) - MIN_PIECE + 1):
        head, rest = name[:cut], name[cut:]
        if head not in names:
            continue
        if rest in names:
            return [head, rest]
        deeper = _split(rest, names, budget - 1)
        if deeper is not None:
            return [head, *deeper]
    return None
