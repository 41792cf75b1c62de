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
    hint = "Split the file, or raise the limit with `--max-mb`."


class UnsupportedFormatError(InputError):
    hint = "Convert the file to text (UTF-8) or use a format fengong reads."


class NoItemsError(InputError):
    hint = "fengong found no numbered tasks (一、 / （一） / 1. / （1））; check that this is a task-division notice."


class DocumentNotFoundError(FengongError):
    hint = "Give a file path, or ingest the file first with `fengong ingest` and refer to it by id, 文号 or year (`fengong list` shows them)."


class SettingsError(FengongError):
    hint = "Check the setting's name and value against `fengong --help`."


class StrictModeError(FengongError):
    hint = "Review the warnings in the report, or run without --strict."


class AmbiguousDocumentError(DocumentNotFoundError):
    hint = "Name one document by its id or 文号 (`fengong list` shows them), or give the file's path."
