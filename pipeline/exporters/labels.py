"""What the reader sees, in the reader's language: headings, role marks, statuses.

The words are data (``data/labels.csv``: key, zh, en). Chinese is the default because the
people who keep a 台账 read Chinese; ``lang="en"`` gives the English labels.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..errors import SettingsError

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    text = resources.files("pipeline.data").joinpath("labels.csv").read_text("utf-8")
    return {row["key"]: {lang: row[lang] for lang in LANGS} for row in csv.DictReader(text.splitlines())}


def check_lang(lang: str | None) -> str:
    lang = (lang or DEFAULT_LANG).lower()
    if lang not in LANGS:
        raise SettingsError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
    return lang


def label(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    text = _table()[key][check_lang(lang)]
    return text.format(**values) if values else text


def keys(prefix: str) -> list[str]:
    """Every key starting with ``prefix`` (for checks and for translating whole column sets)."""
    return [k for k in _table() if k.startswith(prefix)]
