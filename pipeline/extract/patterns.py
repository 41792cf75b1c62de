"""Load the layout patterns of ``data/patterns.json`` once, compiled."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class HeadingStyle:
    rank: int  # 1 一、 2 （一） 3 1. 4 （1） 5 ①
    name: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    headings: tuple[HeadingStyle, ...]
    doc_number: re.Pattern[str]
    date_line: re.Pattern[str]
    attachment_marker: re.Pattern[str]
    attachment_list: re.Pattern[str]
    issuer_header_suffix: re.Pattern[str]
    back_matter: re.Pattern[str]
    sentence_end: re.Pattern[str]
    page_mark: re.Pattern[str]


def load_raw() -> dict:
    return json.loads(resources.files("pipeline.data").joinpath("patterns.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    raw = load_raw()
    headings = tuple(
        HeadingStyle(rank=h["rank"], name=h["name"], regex=re.compile(h["pattern"])) for h in raw["headings"]
    )
    simple = {key: re.compile(value["pattern"]) for key, value in raw.items() if isinstance(value, dict) and "pattern" in value}
    return Patterns(headings=headings, **simple)
