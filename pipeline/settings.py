"""All tunable behaviour in one validated object (cf. pdfplumber's ``TableSettings.resolve``)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    encoding: str | None = None  # force a text encoding instead of detecting it
    registry_files: tuple[str, ...] = ()  # extra unit-registry CSV files, read after the built-in one
    mentions: bool = True  # mark registry units named in item text (spaCy)
    strict: bool = False  # turn warnings into a failure
    max_bytes: int = 50 * 1024 * 1024  # refuse larger inputs
    workers: int | None = None  # processes for large batches (None: one per core; 1: none)
    soffice: str | None = None  # LibreOffice's soffice (None: $FENGONG_SOFFICE, else found on PATH)
    convert_timeout: float = 60.0  # seconds one LibreOffice conversion may take

    @classmethod
    def resolve(cls, settings: "Settings | dict[str, Any] | None" = None, **overrides: Any) -> "Settings":
        """Build settings from a dict or keyword overrides, naming any unknown key."""
        base = settings if isinstance(settings, Settings) else cls()
        values = dict(settings) if isinstance(settings, dict) else {}
        values.update({k: v for k, v in overrides.items() if v is not None})
        allowed = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - allowed)
        if unknown:
            raise SettingsError(
                f"unknown setting {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}"
            )
        if "registry_files" in values:
            values["registry_files"] = tuple(str(Path(p)) for p in values["registry_files"])
        if "max_bytes" in values and (not isinstance(values["max_bytes"], int) or values["max_bytes"] <= 0):
            raise SettingsError(f"max_bytes must be a positive integer, not {values['max_bytes']!r}")
        if "convert_timeout" in values and (
            not isinstance(values["convert_timeout"], (int, float)) or values["convert_timeout"] <= 0
        ):
            raise SettingsError(f"convert_timeout must be a positive number of seconds, not {values['convert_timeout']!r}")
        return replace(base, **values)
