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
    # Bounds on the work one file may cause (README, "Limits"); a file beyond one fails with an
    # error naming the limit and the setting, and a batch goes on with the other files.
    max_pages: int = 1000  # pages of a PDF or OFD
    max_ocr_pixels: int = 40_000_000  # pixels of one page rendered for OCR (A0 at 144 dpi is 34 M)
    max_xml_bytes: int = 16 * 1024 * 1024  # decompressed XML of a DOCX or OFD package (32 MiB: 17 s, 1.7 GB)
    max_chars: int = 1_000_000  # characters of text read from one file, whatever its format (2.2 M: 7 s)
    max_unpacked_bytes: int = 200 * 1024 * 1024  # decompressed size of all members of a DOCX or OFD
    max_cells: int = 100_000  # table cells of one document
    file_timeout: float | None = 300.0  # seconds per file in a batch (None: no budget, parsed in-process)
    file_memory_mb: int | None = 2048  # memory per file in a batch (Linux; None: no budget)
    engine: str = "local"  # where a batch is parsed: "local" (process pool) or "dask" (pipeline.engines)
    scheduler: str | None = None  # the Dask scheduler's address (None: a LocalCluster for the batch)

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
        for name in POSITIVE_INTEGERS:
            if name in values and (isinstance(values[name], bool) or not isinstance(values[name], int) or values[name] <= 0):
                raise SettingsError(f"{name} must be a positive integer, not {values[name]!r}")
        for name in OPTIONAL_POSITIVE:
            if name in values and values[name] is not None and (isinstance(values[name], bool) or not isinstance(values[name], (int, float)) or values[name] <= 0):
                raise SettingsError(f"{name} must be a positive number or None, not {values[name]!r}")
        if "convert_timeout" in values and (
            not isinstance(values["convert_timeout"], (int, float)) or values["convert_timeout"] <= 0
        ):
            raise SettingsError(f"convert_timeout must be a positive number of seconds, not {values['convert_timeout']!r}")
        if "engine" in values and values["engine"] not in ENGINES:
            raise SettingsError(f"engine must be one of {', '.join(ENGINES)}, not {values['engine']!r}")
        return replace(base, **values)

    @classmethod
    def parse_assignments(cls, assignments: list[str]) -> dict[str, Any]:
        """``["max_pages=2000", "file_timeout=none"]`` (the CLI's ``--set``) as typed values."""
        kinds = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for assignment in assignments:
            name, sep, raw = assignment.partition("=")
            name = name.strip()
            if not sep or name not in LIMITS:
                raise SettingsError(f"--set takes NAME=VALUE with NAME one of {', '.join(LIMITS)}, not {assignment!r}")
            raw = raw.strip()
            if raw.lower() in ("none", "off") and "None" in str(kinds[name]):
                values[name] = None
                continue
            try:
                values[name] = float(raw) if "float" in str(kinds[name]) else int(raw.replace("_", ""))
            except ValueError:
                raise SettingsError(f"{name} must be a number, not {raw!r}") from None
        return values


POSITIVE_INTEGERS = ("max_bytes", "max_chars", "max_pages", "max_ocr_pixels", "max_xml_bytes", "max_unpacked_bytes", "max_cells")
OPTIONAL_POSITIVE = ("file_timeout", "file_memory_mb")
ENGINES = ("local", "dask")  # Settings.engine (pipeline.engines)
LIMITS = POSITIVE_INTEGERS + OPTIONAL_POSITIVE  # the settings the CLI's --set changes
