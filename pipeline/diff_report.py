"""Renderers of a :class:`~pipeline.diff.Diff`: Markdown, CSV rows and a self-contained HTML page.

Every piece of document text that goes into the HTML is escaped with :func:`html.escape`; the page
uses inline CSS only and loads nothing from elsewhere.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .diff import STATUSES, Change, Diff, normalise
from .model import Document, Item

CSV_COLUMNS = (
    "status",
    "old_part",
    "old_section",
    "old_number",
    "old_title",
    "new_part",
    "new_section",
    "new_number",
    "new_title",
    "similarity",
    "fields_changed",
    "units_added",
    "units_removed",
    "lead_changed",
    "targets_changed",
    "split_from",
    "merged_into",
    "old_id",
    "new_id",
)


def _label(item: Item | None) -> str:
    if item is None:
        return ""
    where = "附件" if item.part == "attachment" else (item.section.number if item.section else "")
    return f"{where} {item.number}".strip()


def _doc_label(doc: Document) -> str:
    bits = [str(doc.meta.year) if doc.meta.year else doc.id, doc.meta.doc_number or ""]
    return " ".join(b for b in bits if b)


def _targets(change: Change) -> str:
    return "; ".join(f"{o or '—'}→{n or '—'}" for o, n in change.targets_changed)


def _link(change: Change) -> str:
    if change.split_from is not None:
        return f"split from {_label(change.split_from)}"
    if change.merged_into is not None:
        return f"merged into {_label(change.merged_into)}"
    return ""


# --- CSV ---------------------------------------------------------------------------------


def diff_to_csv_rows(diff: Diff) -> list[dict[str, Any]]:
    """One row per change, columns ``CSV_COLUMNS`` (lists joined with ``;``)."""
    rows = []
    for c in diff.changes:
        row: dict[str, Any] = {"status": c.status}
        for side, item in (("old", c.old), ("new", c.new)):
            row[f"{side}_part"] = item.part if item else ""
            row[f"{side}_section"] = (item.section.number if item.section else "") if item else ""
            row[f"{side}_number"] = item.number if item else ""
            row[f"{side}_title"] = item.title if item else ""
            row[f"{side}_id"] = item.id if item else ""
        row.update(
            similarity="" if c.similarity is None else c.similarity,
            fields_changed=";".join(c.fields_changed),
            units_added=";".join(c.units_added),
            units_removed=";".join(c.units_removed),
            lead_changed=c.lead_changed,
            targets_changed=_targets(c),
            split_from=c.split_from.id if c.split_from else "",
            merged_into=c.merged_into.id if c.merged_into else "",
        )
        rows.append({k: row[k] for k in CSV_COLUMNS})
    return rows


# --- Markdown ----------------------------------------------------------------------------


def _md(value: Any) -> str:
    """A Markdown table cell: HTML escaped (Markdown renders raw HTML), pipes and newlines neutralised."""
    return escape(str(value), quote=False).replace("|", "\\|").replace("\n", " ")


def diff_to_markdown(diff: Diff) -> str:
    """Summary counts, section renames, a change table and the unit table."""
    lines = [f"# {_md(_doc_label(diff.old))} → {_md(_doc_label(diff.new))}", ""]
    lines.append(", ".join(f"{diff.count(s)} {s}" for s in STATUSES) + f" ({len(diff.changes)} changes)")
    lines.append("")
    renamed = [s for s in diff.sections if s.status != "unchanged"]
    if renamed:
        lines += ["## Sections", ""]
        lines += [f"- {_md(s.number)} {s.status}: {_md(s.old_title or '—')} → {_md(s.new_title or '—')}" for s in renamed]
        lines.append("")
    lines += ["## Tasks", "", "| status | old | new | title | similarity | fields | units + | units − | lead | targets | link |"]
    lines.append("|" + "---|" * 11)
    for c in diff.changes:
        title = c.new.title if c.new else c.old.title if c.old else ""
        if c.old and c.new and c.old.title != c.new.title:
            title = f"{c.old.title} → {c.new.title}"
        cells = [
            c.status,
            _label(c.old),
            _label(c.new),
            title,
            "" if c.similarity is None else f"{c.similarity:.2f}",
            ", ".join(c.fields_changed),
            "、".join(c.units_added),
            "、".join(c.units_removed),
            "yes" if c.lead_changed else "",
            _targets(c),
            _link(c),
        ]
        lines.append("| " + " | ".join(_md(x) for x in cells) + " |")
    lines += ["", "## Units", "", "| unit | tasks (old) | tasks (new) | Δ | first-listed (old) | first-listed (new) |", "|---|---|---|---|---|---|"]
    for s in diff.units:
        lines.append(f"| {_md(s.unit)} | {s.old_tasks} | {s.new_tasks} | {s.delta:+d} | {s.old_first_listed} | {s.new_first_listed} |")
    return "\n".join(lines) + "\n"


# --- HTML --------------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:2em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.num{text-align:right}
.change{margin:1.2em 0;border:1px solid #ddd;border-radius:4px}
.change h3{margin:0;padding:6px 10px;font-size:1em;background:#fafafa;border-bottom:1px solid #ddd}
.change .meta{padding:4px 10px;font-size:.9em;color:#555}
.side{width:50%}
ins{background:#d4f7d4;text-decoration:none}del{background:#ffd6d6}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:.85em;color:#fff;margin-right:6px}
.revised{background:#d08700}.added{background:#2a8a2a}.removed{background:#b33}.moved{background:#3366cc}.unchanged{background:#888}
.pos{color:#2a8a2a}.neg{color:#b33}
"""


def _side_html(change: Change, side: str) -> str:
    """The text of one side with the character diff highlighted (<del> on the old, <ins> on the new)."""
    if change.text_diff is None:
        item = change.old if side == "old" else change.new
        return escape(normalise(item.text)) if item else ""
    keep = "delete" if side == "old" else "insert"
    tag = "del" if side == "old" else "ins"
    out = []
    for op, chars in change.text_diff:
        if op == "equal":
            out.append(escape(chars))
        elif op == keep:
            out.append(f"<{tag}>{escape(chars)}</{tag}>")
    return "".join(out)


def _change_html(change: Change) -> str:
    title = escape((change.new or change.old).title)
    head = (
        f'<h3><span class="badge {change.status}">{change.status}</span>'
        f"{escape(_label(change.old)) or '—'} → {escape(_label(change.new)) or '—'} · {title}</h3>"
    )
    meta = []
    if change.fields_changed:
        meta.append("fields: " + escape(", ".join(change.fields_changed)))
    if change.units_added:
        meta.append('units <span class="pos">+ ' + escape("、".join(change.units_added)) + "</span>")
    if change.units_removed:
        meta.append('units <span class="neg">− ' + escape("、".join(change.units_removed)) + "</span>")
    if change.lead_changed:
        meta.append("lead changed")
    if change.targets_changed:
        meta.append("targets: " + escape(_targets(change)))
    if _link(change):
        meta.append(escape(_link(change)))
    if change.similarity is not None:
        meta.append(f"similarity {change.similarity:.2f}")
    body = (
        f'<table><tr><th class="side">{escape(_doc_label_short(change, "old"))}</th><th class="side">{escape(_doc_label_short(change, "new"))}</th></tr>'
        f"<tr><td>{_side_html(change, 'old')}</td><td>{_side_html(change, 'new')}</td></tr></table>"
    )
    return f'<div class="change">{head}<div class="meta">{" · ".join(meta)}</div>{body}</div>'


def _doc_label_short(change: Change, side: str) -> str:
    item = change.old if side == "old" else change.new
    return f"{side}: {_label(item)}" if item else f"{side}: —"


def diff_to_html(diff: Diff) -> str:
    """A self-contained HTML report: summary, the changed tasks side by side, the unit table."""
    old, new = escape(_doc_label(diff.old)), escape(_doc_label(diff.new))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{old} → {new}</title><style>{_CSS}</style></head><body>",
        f"<h1>{old} → {new}</h1>",
        "<p>" + ", ".join(f'<span class="badge {s}">{s}</span>{diff.count(s)}' for s in STATUSES) + "</p>",
    ]
    renamed = [s for s in diff.sections if s.status != "unchanged"]
    if renamed:
        parts.append("<h2>Sections</h2><ul>")
        parts += [f"<li>{escape(s.number)} {s.status}: {escape(s.old_title or '—')} → {escape(s.new_title or '—')}</li>" for s in renamed]
        parts.append("</ul>")
    parts.append("<h2>Changed tasks</h2>")
    parts += [_change_html(c) for c in diff.changes if c.status != "unchanged"]
    same = [c for c in diff.changes if c.status == "unchanged"]
    if same:
        parts.append("<h2>Unchanged tasks</h2><ul>")
        parts += [f"<li>{escape(_label(c.old))} → {escape(_label(c.new))} · {escape(c.old.title)}</li>" for c in same]
        parts.append("</ul>")
    parts.append("<h2>Units</h2><table><tr><th>unit</th><th>tasks (old)</th><th>tasks (new)</th><th>Δ</th><th>first-listed (old)</th><th>first-listed (new)</th></tr>")
    for s in diff.units:
        css = "pos" if s.delta > 0 else "neg" if s.delta < 0 else ""
        parts.append(
            f'<tr><td>{escape(s.unit)}</td><td class="num">{s.old_tasks}</td><td class="num">{s.new_tasks}</td>'
            f'<td class="num {css}">{s.delta:+d}</td><td class="num">{s.old_first_listed}</td><td class="num">{s.new_first_listed}</td></tr>'
        )
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


# --- one entry point ---------------------------------------------------------------------

FORMATS = ("json", "md", "csv", "html")


def diff_to_csv(diff: Diff) -> str:
    import csv
    import io

    from .export import csv_cell

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in diff_to_csv_rows(diff))
    return buffer.getvalue()


def render_diff(diff: Diff, kind: str) -> str:
    """The diff as text in one of ``FORMATS``."""
    from .diff import diff_to_dict
    from .export import dumps

    renderers = {"json": lambda: dumps(diff_to_dict(diff)), "md": lambda: diff_to_markdown(diff),
                 "csv": lambda: diff_to_csv(diff), "html": lambda: diff_to_html(diff)}
    if kind not in renderers:
        raise ValueError(f"unknown diff format {kind!r}; use one of {', '.join(FORMATS)}")
    return renderers[kind]()
