"""Row templates compiled to functions, for the writers that format one template per row or record.

The streaming writers (``xlsx``, ``graph_xml``) make a ``str.format`` template per shape of row and
format it for every row of that shape. ``str.format`` parses its template again on every call: for a
row of a dozen cells, a template of about a thousand characters, this was half the cost of the
row. The same template as an f-string is parsed once, when it is compiled, and gives the same text.
"""

from __future__ import annotations

import string
from typing import Callable

Formatter = Callable[..., str]


def compiled(template: str, count: int) -> Formatter:
    """A function of ``count`` positional arguments giving ``template.format(*arguments)``, as an
    f-string compiled once. Templates whose fields are not all ``{index}`` or ``{index:spec}`` (a
    conversion, a nested field) are left to ``str.format``."""
    parts = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        if not field.isdigit() or int(field) >= count or conversion or "{" in (spec or ""):
            return template.format
        parts.append("{a" + field + (":" + spec if spec else "") + "}")
    parameters = ", ".join(f"a{k}" for k in range(count))
    # repr() makes the literal text a valid string literal (quotes, backslashes, line breaks escaped).
    return eval(f"lambda {parameters}: f{''.join(parts)!r}")  # noqa: S307 - our own markup, values are arguments


class Templates:
    """Compiled templates by key, made the first time a key is seen again: a shape seen once (a wide
    matrix has many) is formatted by ``str.format`` and costs no compilation. At most ``limit``
    of each are kept, so that memory stays bounded whatever the rows."""

    def __init__(self, limit: int = 4096) -> None:
        self.limit = limit
        self.seen: dict = {}
        self.ready: dict = {}

    def get(self, key, make: Callable[[], tuple[str, int]]) -> Formatter:
        """The formatter of ``key``; ``make()`` gives its template and argument count when it is new."""
        found = self.ready.get(key)
        if found is not None:
            return found
        made = self.seen.pop(key, None)
        if made is None:
            if len(self.seen) >= self.limit:
                self.seen.clear()
            template, count = self.seen[key] = make()
            return template.format
        if len(self.ready) >= self.limit:
            self.ready.clear()
        found = self.ready[key] = compiled(*made)
        return found
