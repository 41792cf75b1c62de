"""Fatal errors. Each names the file, the place when there is one, and what to do.

Recoverable oddities are not errors: they are ``model.ParseWarning`` rows in a
document's report. The CLI turns a ``FengongError`` into ``Error: …`` plus its hint
and a non-zero exit; a batch records it and goes on with the other files.
"""

from __future__ import annotations


class FengongError(Exception):
    """Base class: ``str(error)`` is one line naming the file and the problem."""

    hint = ""

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        if hint is not None:
            self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(FengongError):
    """The input file cannot be read as a notice."""


class EmptyInputError(InputError):
    hint = "The file is empty; check that it was fully downloaded or exported."


class BinaryInputError(InputError):
    hint = "This does not look like a notice: fengong reads text (.txt) files; other formats come with their own readers."


class DecodeError(InputError):
    hint = "Pass the encoding explicitly, e.g. `--encoding gb18030`, or convert the file to UTF-8."


class InputTooLargeError(InputError):
    hint = "Split the file, or raise the limit with `--set max_bytes=…` (Settings.max_bytes)."


class LimitError(InputTooLargeError):
    """A file needs more work than a bound allows; the message names the bound, the hint its setting."""

    def __init__(self, message: str, *, setting: str, path: str | None = None, line: int | None = None):
        self.setting = setting
        super().__init__(
            message, path=path, line=line,
            hint=f"Raise the limit with `--set {setting}=…` (Settings.{setting}) if the file is genuine, or split it.",
        )


class UnsupportedFormatError(InputError):
    hint = "Convert the file to text (UTF-8) or use a format fengong reads."


class NoItemsError(InputError):
    hint = "fengong found no numbered tasks (一、 / （一） / 1. / （1））; check that this is a task-division notice."


class StoreError(FengongError):
    """The SQLite store failed: locked too long, disk full, damaged."""

    @classmethod
    def from_sqlite(cls, error: Exception, path: str | None = None) -> "StoreError":
        text = str(error)
        if "locked" in text or "busy" in text:
            hint = "Another process holds the store for too long: wait for it to finish, or use another --db."
        elif "full" in text or "disk I/O" in text:
            hint = "The disk under the store is full or failing: free some space, or use another --db."
        else:
            hint = "Check that the --db file is a fengong store; a damaged one can be removed and re-ingested."
        return cls(f"store error: {text}", path=path, hint=hint)


class DocumentNotFoundError(FengongError):
    hint = "Give a file path, or ingest the file first with `fengong ingest` and refer to it by id, 文号 or year (`fengong list` shows them)."


class SettingsError(FengongError):
    hint = "Check the setting's name and value against `fengong --help`."


class StrictModeError(FengongError):
    hint = "Review the warnings in the report, or run without --strict."


class AmbiguousDocumentError(DocumentNotFoundError):
    hint = "Name one document by its id or 文号 (`fengong list` shows them), or give the file's path."


class MissingDependencyError(FengongError):
    """An optional library a feature needs is not installed (pyarrow for Parquet)."""


class EngineError(FengongError):
    """The engine a batch runs on cannot be used (a Dask scheduler that does not answer)."""
