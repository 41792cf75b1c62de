"""Metadata found outside the text (an HTML page's 发文机关 / 成文日期 / 发文字号 table) merged
into what the text gave: hints fill what the text lacks; a disagreement is a warning, and the
text wins, since the hint is the website's copy of it."""

from __future__ import annotations

import re
from dataclasses import replace

from ..heal import heal_line
from ..model import Metadata, ParseWarning
from .patterns import patterns
from .structure import parse_date

HINT_FIELDS = {"发文机关": "issuer", "成文日期": "date", "发文字号": "doc_number", "标题": "title"}


def _normalise_hint(field: str, value: str) -> str | None:
    value = heal_line(value)[0]
    if field == "date":
        found = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", value)
        if found:
            return f"{int(found[1]):04d}-{int(found[2]):02d}-{int(found[3]):02d}"
        return parse_date(value)
    if field == "doc_number":
        found = patterns().doc_number.search(value)
        return f"{found['prefix']}〔{found['year']}〕{found['serial']}号" if found else None
    return value or None


def merge_hints(meta: Metadata, hints: tuple[tuple[str, str], ...]) -> tuple[Metadata, list[ParseWarning]]:
    warnings = []
    updates = {}
    for label, value in hints:
        field = HINT_FIELDS.get(label)
        hinted = _normalise_hint(field, value) if field else None
        if not hinted:
            continue
        current = getattr(meta, field)
        if current is None:
            updates[field] = hinted
            if field == "date" and meta.year is None:
                updates["year"] = int(hinted[:4])
        elif current != hinted:
            warnings.append(ParseWarning("meta_hint_mismatch", f"{label} given beside the text as {hinted!r}, the text says {current!r}"))
    return replace(meta, **updates), warnings
