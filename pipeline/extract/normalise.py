"""Unit names written any way → one canonical form, for any issuer.

Rules, in order: traditional characters to simplified (OpenCC, character by character so
that offsets stay valid); 共青团X委 → 团X委; the long forms of ``data/alias_rules.csv``
to their common short forms (发展和改革委员会 → 发改委, 人民政府 → 政府 …). Within one
list, ``complete_names`` restores an elided level prefix (省商务厅、财政厅 → 省财政厅) and
distributes a shared suffix (甲、乙市政府 → 甲市政府, 乙市政府).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from io import StringIO

LEVEL_PREFIX = re.compile(r"^(?!市场)(?:[\u4e00-\u9fff]{0,4}?(?:省|自治区|市|州|盟|县|区|旗))(?=[\u4e00-\u9fff]{2,})")
# A department named without its level (财政局, 发展改革委, 市场监管局, 国资委), not a branch or an enterprise.
BARE_DEPARTMENT = re.compile(r"^(?!国网|国家|中国|各|共青团)(?:市场)?[^省市县区\d]{1,10}(?<!分)(?:厅|局|委|办|部)$")
PLACE_SUFFIX = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?P<suffix>(?:市|县|区)[\u4e00-\u9fff]*)$")
TAX_BUREAU = re.compile(r"^国家税务总局[\u4e00-\u9fff]*?(?P<level>省|市|县|区)税务局$")
YOUTH_LEAGUE = re.compile(r"^共青团(?P<place>[\u4e00-\u9fff]*?)(?P<level>省|市|县|区)委(?:员会)?$")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported on first use

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _char_t2s(ch: str) -> str:
    converted = _t2s().convert(ch)
    return converted if len(converted) == 1 else ch


CACHED_CHARS = 256  # names and lines recur from file to file; a whole text does not


def to_simplified(text: str) -> str:
    """Simplified characters, same length as ``text`` (so offsets into either agree). Short texts
    are cached; whole texts are not, since 8,192 of them would keep ~150 MB in every worker of a
    long batch (memory would grow with the number of files parsed)."""
    return _simplified(text) if len(text) <= CACHED_CHARS else _convert(text)


@lru_cache(maxsize=8192)
def _simplified(text: str) -> str:
    return _convert(text)


def _convert(text: str) -> str:
    if text.isascii():
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_char_t2s(ch) for ch in text)


@lru_cache(maxsize=1)
def alias_rules() -> tuple[tuple[str, str], ...]:
    text = resources.files("pipeline.data").joinpath("alias_rules.csv").read_text("utf-8")
    return tuple((row["long_form"], row["short_form"]) for row in csv.DictReader(StringIO(text)))


def canonical_form(name: str) -> str:
    name = to_simplified(name)
    tax = TAX_BUREAU.match(name)
    if tax:  # 国家税务总局澄江市税务局 → 市税务局, as issuers write it
        return f"{tax['level']}税务局"
    league = YOUTH_LEAGUE.match(name)
    if league:
        return f"团{league['level']}委"
    for long_form, short_form in alias_rules():
        if long_form in name:
            name = name.replace(long_form, short_form)
    return name


@lru_cache(maxsize=1)
def party_departments() -> frozenset[str]:
    """Departments of a party committee (宣传部, 网信办 …): their elided prefix is 市委, not 市."""
    text = resources.files("pipeline.data").joinpath("departments.csv").read_text("utf-8")
    return frozenset(row["name"] for row in csv.DictReader(StringIO(text)) if row["type"] == "party_committee_department")


def complete_names(names: list[str], groups: list | None = None) -> list[str]:
    """Restore elided prefixes and distribute shared suffixes within one unit list.

    ``groups`` (one key per name, e.g. its role) limits a shared suffix to the names of the
    last name's group."""
    completed = list(names)
    last = PLACE_SUFFIX.match(names[-1]) if names and not names[-1].startswith(("各", "有关", "相关")) else None
    if last and len(names) > 1:
        for index in range(len(names) - 2, -1, -1):
            name = names[index]
            if groups is not None and groups[index] != groups[-1]:
                break
            # a name that already has its own place suffix (黄埔区政府) takes no other one
            if 2 <= len(name) <= 5 and not PLACE_SUFFIX.match(name) and not re.search(r"[省市县区局厅委办部会院所司处科室股队站府团联行社]$", name):
                completed[index] = name + last["suffix"]
            else:
                break
    organ = ORGAN_SUFFIX.search(names[-1]) if names and not names[-1].startswith(("各", "有关", "相关")) else None
    if organ and len(names) > 1:
        # 省教育、人力资源社会保障厅: the first names share the last one's 厅.
        for index in range(len(names) - 2, -1, -1):
            name = completed[index]
            if (groups is not None and groups[index] != groups[-1]) or re.search(r"[省市县区局厅委办部会院所司处科室股队站府团联行社]$", name):
                break
            if LEVEL_PREFIX.match(name) and 3 <= len(name) <= 10 and not _complete(name):
                completed[index] = name + organ.group(0)
            else:
                break
    prefix = ""
    for index, name in enumerate(list(completed)):
        found = LEVEL_PREFIX.match(name)
        if found and not name.startswith("各") and re.search(r"(?:厅|局|委|办|部|政府)$", name):
            prefix = found.group(0)  # only a government body lends its level (not 园区投资运营公司)
        elif prefix and BARE_DEPARTMENT.match(name) and _is_department(name):
            party = name in party_departments() and not name.startswith("委")
            completed[index] = prefix + ("委" if party else "") + name
    return completed


ORGAN_SUFFIX = re.compile(r"(?:厅|局|委)$")


def _complete(name: str) -> bool:
    """A name that stands as a unit on its own (桑溪市第二中学), which borrows no suffix."""
    from .responsibility import looks_like_unit

    return looks_like_unit(name)


def _is_department(name: str) -> bool:
    """A department of a level (财政局, 人力资源社会保障厅), not a body of its own (哈尔滨铁路局, 民航…监管局)."""
    names = department_names()
    return name in names or canonical_form(name) in names or (len(name) <= 4 and not name.startswith(("民航", "铁路", "海关")))


@lru_cache(maxsize=1)
def department_names() -> frozenset[str]:
    text = resources.files("pipeline.data").joinpath("departments.csv").read_text("utf-8")
    return frozenset(row["name"] for row in csv.DictReader(StringIO(text)))
