"""Page furniture inside a notice's text: page marks (``—1—``, ``第3页 共10页``) and running headers
(``2023年3月 第1期 … 工作要点 3``, the same line on every page but for its page number).

They go before anything reads the structure, because a page mark between two halves of a sentence
ends the first half and a running header reads as a paragraph of the item it falls into.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import SourceLine
from ..extract.patterns import patterns

HEADER_MIN = 12  # shorter repeated lines are table cells (区民政局) or headings, not page headers
HEADER_REPEATS = 2
DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    return DIGITS.sub("#", re.sub(r"\s+", "", text))


def drop_page_furniture(lines: tuple[SourceLine, ...]) -> tuple[SourceLine, ...]:
    mark = patterns().page_mark
    shapes = Counter(_shape(line.text) for line in lines if len(line.text.strip()) >= HEADER_MIN)
    repeated = {shape for shape, count in shapes.items() if count >= HEADER_REPEATS and "#" in shape and _looks_like_header(shape)}
    kept = tuple(line for line in lines if not mark.match(line.text.strip()) and (not repeated or _shape(line.text) not in repeated))
    return lines if len(kept) == len(lines) else kept


def _looks_like_header(shape: str) -> bool:
    """A running header carries a page number or issue at its end and no sentence punctuation."""
    return shape.endswith("#") and not re.search(r"[。；，：]", shape)
