"""The short Markdown summary that ``fengong run`` writes beside its outputs."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Iterable

from ..model import Document

if TYPE_CHECKING:
    from ..model import Failure
    from ..analysis.diff import Diff


def _cell(value: object) -> str:
    """HTML escaped, since Markdown renders raw HTML (a title holding ``<script>``); pipes and newlines neutralised."""
    return escape(str(value if value is not None else ""), quote=False).replace("|", "\\|").replace("\n", " ")


def render_summary(documents: Iterable[Document], failures: Iterable["Failure"] = (), diffs: Iterable["Diff"] = ()) -> str:
    documents = list(documents)
    warnings = Counter(w.code for d in documents for w in d.warnings)
    return summary_page([summary_row(d) for d in documents], [line for d in documents for line in summary_units(d)], warnings, failures, diffs)


def summary_row(d: Document) -> str:
    """The document's row of the table of documents."""
    return (
        f"| {_cell(d.id)} | {_cell(d.meta.year)} | {_cell(d.meta.doc_number)} | {_cell(d.meta.plan_title or d.meta.title)}"
        f" | {len(d.items)} | {len(d.responsibilities)} | {len(d.warnings)} |"
    )


def summary_units(d: Document) -> list[str]:
    """The document's busiest units."""
    counts = Counter(r.unit for _, r in d.responsibilities)
    first = Counter(r.unit for _, r in d.responsibilities if r.order == 1)
    lines = ["", f"## Units of {_cell(d.id)}", "", "| unit | tasks | first-listed |", "|---|---|---|"]
    for unit, tasks in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]:
        lines.append(f"| {_cell(unit)} | {tasks} | {first.get(unit, 0)} |")
    return lines


def summary_page(
    rows: Iterable[str], unit_lines: Iterable[str], warnings: Counter, failures: Iterable["Failure"] = (), diffs: Iterable["Diff"] = ()
) -> str:
    """The summary from its parts (:func:`summary_row`, :func:`summary_units` of each document), so
    that a corpus can be summarised one document at a time."""
    lines = ["# fengong summary", "", "## Documents", "",
             "| id | year | number | title | items | pairs | warnings |", "|---|---|---|---|---|---|---|"]
    lines += rows
    lines += unit_lines
    diffs = list(diffs)
    if diffs:
        lines += ["", "## Year to year", ""]
        for diff in diffs:
            counts = ", ".join(f"{diff.count(s)} {s}" for s in ("unchanged", "revised", "added", "removed", "moved"))
            lines.append(f"- {diff.old.meta.year} → {diff.new.meta.year}: {counts} (`diffs/{diff.old.id}__{diff.new.id}.html`)")
    if warnings:
        lines += ["", "## Warnings", ""] + [f"- {code}: {n}" for code, n in sorted(warnings.items())]
    failures = list(failures)
    if failures:
        lines += ["", "## Failures", ""] + [f"- {_cell(f.path)}: {_cell(f.error)}" for f in failures]
    return "\n".join(lines) + "\n"
