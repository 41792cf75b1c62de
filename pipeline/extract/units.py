"""The unit registry: canonical names, aliases, full names and types of units.

The built-in registry (``data/units.csv``) starts with the Jiangsu provincial units.
Users extend it with CSV files of the same columns (``canonical,type,full_name,aliases``,
aliases separated by ``|``); later files override earlier ones name by name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Iterable

from ..errors import SettingsError
from ..heal import heal_line
from ..model import UNIT_TYPES, Unit
from .normalise import LEVEL_PREFIX, canonical_form, to_simplified
from .responsibility import is_collective

COLUMNS = ("canonical", "type", "full_name", "aliases")
INTERNAL_DIVISION_SUFFIXES = ("科", "股", "处", "室", "站")


@dataclass(frozen=True)
class Resolved:
    canonical: str
    type: str
    collective: bool
    known: bool


class Registry:
    def __init__(self, units: Iterable[Unit]):
        self.units: tuple[Unit, ...] = tuple(units)
        self._by_name: dict[str, Unit] = {}
        for unit in self.units:
            for name in (unit.canonical, unit.full_name, *unit.aliases):
                if name:
                    self._by_name[normalise_name(name)] = unit

    def lookup(self, name: str) -> Unit | None:
        return self._by_name.get(normalise_name(name))

    def resolve(self, raw: str) -> Resolved:
        """The registry entry for a name as written, else its canonical form by the general rules."""
        if len(raw) <= RESOLVE_CACHED_CHARS:  # names recur within a notice and from notice to notice
            return _resolved(self, raw)
        return self._resolve(raw)

    def _resolve(self, raw: str) -> Resolved:
        name = normalise_name(raw)
        for candidate in (name, to_simplified(name), canonical_form(name)):
            unit = self.lookup(candidate)
            if unit is not None:
                return Resolved(unit.canonical, unit.type, unit.collective or unit.type == "collective", True)
        name = canonical_form(name)
        collective = is_collective(name)
        if collective:
            return Resolved(name, "collective", True, True)
        kind = department_type(name)
        return Resolved(name, kind or "unknown", False, kind is not None)

    def surface_forms(self) -> list[tuple[str, str]]:
        """Every ``(written form, canonical)`` pair, longest written form first."""
        pairs = {(name, unit.canonical) for unit in self.units for name in (unit.canonical, unit.full_name, *unit.aliases) if name}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    def type_of(self, canonical: str) -> str:
        unit = self.lookup(canonical)
        return unit.type if unit else "unknown"


RESOLVE_CACHED_CHARS = 64  # with 4,096 entries: well under 2 MB per process


@lru_cache(maxsize=4096)
def _resolved(registry: Registry, raw: str) -> Resolved:
    return registry._resolve(raw)  # (a registry is not changed once built; it hashes by identity)


@lru_cache(maxsize=1)
def departments() -> dict[str, str]:
    """Department names without their level (教育局, 发改委 …) and their types: ``data/departments.csv``."""
    text = resources.files("pipeline.data").joinpath("departments.csv").read_text("utf-8")
    return {row["name"]: row["type"] for row in csv.DictReader(StringIO(text))}


def department_type(name: str) -> str | None:
    """The type of a unit named as level + department (市教育局, 青川市财政局, 县政府), for any issuer."""
    known = departments()
    if name in known:
        return known[name]
    found = LEVEL_PREFIX.match(name)
    rest = name[found.end():] if found else None
    if rest is None:
        # An issuer's own divisions (医政医管科, 基础教育股, 规划处) in an internal notice.
        return "internal_division" if name.endswith(INTERNAL_DIVISION_SUFFIXES) and len(name) <= 10 else None
    if rest.startswith("委") and rest[1:] in known and known[rest[1:]] == "party_committee_department":
        return known[rest[1:]]  # 市委组织部, 区委人才办
    return known.get(rest) or known.get(canonical_form(rest))


def normalise_name(name: str) -> str:
    return heal_line(name)[0].replace(" ", "")


def parse_registry_csv(text: str, origin: str) -> list[Unit]:
    reader = csv.DictReader(StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SettingsError(f"unit registry lacks column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}", path=origin)
    units = []
    for line, row in enumerate(reader, start=2):
        canonical = (row["canonical"] or "").strip()
        if not canonical:
            continue
        kind = (row["type"] or "unknown").strip()
        if kind not in UNIT_TYPES:
            raise SettingsError(f"unknown unit type {kind!r}; allowed: {', '.join(UNIT_TYPES)}", path=origin, line=line)
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        units.append(Unit(canonical, kind, (row["full_name"] or "").strip(), aliases, kind == "collective"))
    return units


@lru_cache(maxsize=8)
def load_registry(extra_files: tuple[str, ...] = ()) -> Registry:
    text = resources.files("pipeline.data").joinpath("units.csv").read_text("utf-8")
    units = parse_registry_csv(text, "pipeline/data/units.csv")
    for path in extra_files:
        try:
            extra = Path(path).read_text("utf-8-sig")
        except OSError as error:
            raise SettingsError(f"cannot read unit registry: {error.strerror}", path=path) from None
        units.extend(parse_registry_csv(extra, path))
    return Registry(units)
