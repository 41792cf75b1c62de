"""Renderers of a :class:`~pipeline.analysis.diff.Diff`: Markdown, CSV rows and a self-contained HTML page.

Every piece of document text that goes into the HTML is escaped with :func:`html.escape`; the page
uses inline CSS only and loads nothing from elsewhere.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..analysis.diff import STATUSES, Change, Diff, normalise
from .labels import DEFAULT_LANG, check_lang, label
from ..model import Document, Item

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
    "old_lead",
    "new_lead",
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


def _link(change: Change, lang: str = DEFAULT_LANG) -> str:
    if change.split_from is not None:
        return label("diff.split_from", lang, label=_label(change.split_from))
    if change.merged_into is not None:
        return label("diff.merged_into", lang, label=_label(change.merged_into))
    return ""


def lead_text(change: Change) -> str:
    """Who leads: ``A`` when it stayed, ``A → B`` when it changed (``—`` for none)."""
    old, new = "、".join(change.old_lead) or "—", "、".join(change.new_lead) or "—"
    if change.old is None:
        return new
    if change.new is None:
        return old
    return f"{old} → {new}" if change.lead_changed else old


def counts_text(diff: Diff, lang: str = DEFAULT_LANG) -> str:
    if lang == "en":
        return ", ".join(f"{diff.count(s)} {s}" for s in STATUSES)
    return "，".join(f"{label(f'status.{s}', lang)} {diff.count(s)}" for s in STATUSES)


def _fields(change: Change, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(label(f"field.{f}", lang) for f in change.fields_changed)


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
            old_lead=";".join(c.old_lead),
            new_lead=";".join(c.new_lead),
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


def diff_to_markdown(diff: Diff, lang: str = DEFAULT_LANG) -> str:
    """Warnings, summary counts, section renames, a change table and the unit table."""
    lang = check_lang(lang)
    t = lambda key: label(key, lang)  # noqa: E731
    lines = [f"# {_md(_doc_label(diff.old))} → {_md(_doc_label(diff.new))}", ""]
    if diff.warnings:
        lines += [f"> **{t('diff.warnings')}** {w.code}: {_md(w.message)}" for w in diff.warnings] + [""]
    total = f"({len(diff.changes)} changes)" if lang == "en" else f"（共 {len(diff.changes)} {t('diff.changes')}）"
    lines.append(counts_text(diff, lang) + " " + total)
    lines.append("")
    renamed = [s for s in diff.sections if s.status != "unchanged"]
    if renamed:
        lines += [f"## {t('diff.sections')}", ""]
        lines += [f"- {_md(s.number)} {t('status.' + s.status)}: {_md(s.old_title or '—')} → {_md(s.new_title or '—')}" for s in renamed]
        lines.append("")
    columns = ("status", "old", "new", "title", "similarity", "fields", "units_added", "units_removed", "lead", "targets", "link")
    lines += [f"## {t('diff.tasks')}", "", "| " + " | ".join(t(f"diff.{c}") for c in columns) + " |"]
    lines.append("|" + "---|" * len(columns))
    for c in diff.changes:
        title = c.new.title if c.new else c.old.title if c.old else ""
        if c.old and c.new and c.old.title != c.new.title:
            title = f"{c.old.title} → {c.new.title}"
        fields = _fields(c, lang) + (f" ({t('diff.reordered')})" if c.units_reordered else "")
        cells = [
            t(f"status.{c.status}"),
            _label(c.old),
            _label(c.new),
            title,
            "" if c.similarity is None else f"{c.similarity:.2f}",
            fields.strip(),
            "、".join(c.units_added),
            "、".join(c.units_removed),
            lead_text(c),
            _targets(c),
            _link(c, lang),
        ]
        lines.append("| " + " | ".join(_md(x) for x in cells) + " |")
    unit_columns = ("unit", "old_tasks", "new_tasks", "delta", "old_first", "new_first")
    lines += ["", f"## {t('diff.units')}", "", "| " + " | ".join(t(f"diff.{c}") for c in unit_columns) + " |", "|---|---|---|---|---|---|"]
    for s in diff.units:
        lines.append(f"| {_md(s.unit)} | {s.old_tasks} | {s.new_tasks} | {s.delta:+d} | {s.old_first_listed} | {s.new_first_listed} |")
    return "\n".join(lines) + "\n"


# --- HTML --------------------------------------------------------------------------------

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:2em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.num{text-align:right}
.overview td{font-size:.92em}.overview a{color:#1a4f9c;text-decoration:none}
.change{margin:.6em 0;border:1px solid #ddd;border-radius:4px}
.change summary{margin:0;padding:6px 10px;font-weight:bold;background:#fafafa;cursor:pointer}
.change .meta{padding:4px 10px;font-size:.9em;color:#555}
.side{width:50%}
.warning{background:#fff4d6;border:1px solid #e0b000;padding:6px 10px;border-radius:4px;margin:.4em 0}
ins{background:#d4f7d4;text-decoration:none}del{background:#ffd6d6}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:.85em;color:#fff;margin-right:6px;white-space:nowrap}
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


def _badge(status: str, lang: str) -> str:
    return f'<span class="badge {status}">{escape(label("status." + status, lang))}</span>'


def _change_meta(change: Change, lang: str) -> list[str]:
    t = lambda key: label(key, lang)  # noqa: E731
    meta = []
    if change.fields_changed:
        meta.append(f"{t('diff.fields')}: " + escape(_fields(change, lang)))
    meta.append(f"{t('diff.lead')}: " + escape(lead_text(change)))
    if change.units_added:
        meta.append(f'{t("diff.units_added")} <span class="pos">+ ' + escape("、".join(change.units_added)) + "</span>")
    if change.units_removed:
        meta.append(f'{t("diff.units_removed")} <span class="neg">− ' + escape("、".join(change.units_removed)) + "</span>")
    if change.units_reordered:
        meta.append(escape(t("diff.reordered")))
    if change.targets_changed:
        meta.append(f"{t('diff.targets')}: " + escape(_targets(change)))
    if _link(change, lang):
        meta.append(escape(_link(change, lang)))
    if change.similarity is not None:
        meta.append(f"{t('diff.similarity')} {change.similarity:.2f}")
    return meta


def _change_html(change: Change, anchor: str, lang: str) -> str:
    title = escape((change.new or change.old).title)
    head = f"<summary>{_badge(change.status, lang)}{escape(_label(change.old)) or '—'} → {escape(_label(change.new)) or '—'} · {title}</summary>"
    old_head, new_head = label("diff.old", lang), label("diff.new", lang)
    body = (
        f'<table><tr><th class="side">{escape(old_head)}: {escape(_label(change.old)) or "—"}</th>'
        f'<th class="side">{escape(new_head)}: {escape(_label(change.new)) or "—"}</th></tr>'
        f"<tr><td>{_side_html(change, 'old')}</td><td>{_side_html(change, 'new')}</td></tr></table>"
    )
    return f'<details class="change" id="{anchor}">{head}<div class="meta">{" · ".join(_change_meta(change, lang))}</div>{body}</details>'


def _overview_html(diff: Diff, lang: str) -> list[str]:
    """One row per task with a link to its details: status, where, title, lead, units added/removed."""
    t = lambda key: label(key, lang)  # noqa: E731
    columns = ("status", "old", "new", "title", "lead", "units_added", "units_removed", "fields")
    head = "".join(f"<th>{escape(t('diff.' + c))}</th>" for c in columns)
    rows = [f'<table class="overview"><tr>{head}</tr>']
    for k, c in enumerate(diff.changes):
        title = escape((c.new or c.old).title)
        rows.append(
            f"<tr><td>{_badge(c.status, lang)}</td><td>{escape(_label(c.old))}</td><td>{escape(_label(c.new))}</td>"
            f'<td><a href="#c{k}">{title}</a></td><td>{escape(lead_text(c))}</td>'
            f'<td class="pos">{escape("、".join(c.units_added))}</td><td class="neg">{escape("、".join(c.units_removed))}</td>'
            f"<td>{escape(_fields(c, lang))}</td></tr>"
        )
    rows.append("</table>")
    return rows


def diff_to_html(diff: Diff, lang: str = DEFAULT_LANG) -> str:
    """A self-contained HTML report: warnings, counts, an overview table linking to every task,
    the changed tasks side by side (folded), the unchanged ones, the unit table."""
    lang = check_lang(lang)
    t = lambda key: label(key, lang)  # noqa: E731
    old, new = escape(_doc_label(diff.old)), escape(_doc_label(diff.new))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{old} → {new}</title><style>{_CSS}</style></head><body>",
        f"<h1>{old} → {new}</h1>",
    ]
    parts += [f'<div class="warning">{escape(t("diff.warnings"))} {escape(w.code)}: {escape(w.message)}</div>' for w in diff.warnings]
    parts.append("<p>" + " ".join(f"{_badge(s, lang)}{diff.count(s)}" for s in STATUSES) + "</p>")
    parts.append(f"<h2>{escape(t('diff.overview'))}</h2>")
    parts += _overview_html(diff, lang)
    renamed = [s for s in diff.sections if s.status != "unchanged"]
    if renamed:
        parts.append(f"<h2>{escape(t('diff.sections'))}</h2><ul>")
        parts += [f"<li>{escape(s.number)} {escape(t('status.' + s.status))}: {escape(s.old_title or '—')} → {escape(s.new_title or '—')}</li>" for s in renamed]
        parts.append("</ul>")
    parts.append(f"<h2>{escape(t('diff.changed_tasks'))}</h2>")
    parts += [_change_html(c, f"c{k}", lang) for k, c in enumerate(diff.changes) if c.status != "unchanged"]
    same = [(k, c) for k, c in enumerate(diff.changes) if c.status == "unchanged"]
    if same:
        parts.append(f"<h2>{escape(t('diff.unchanged_tasks'))}</h2><ul>")
        parts += [f'<li id="c{k}">{escape(_label(c.old))} → {escape(_label(c.new))} · {escape(c.old.title)} · {escape(lead_text(c))}</li>' for k, c in same]
        parts.append("</ul>")
    unit_columns = ("unit", "old_tasks", "new_tasks", "delta", "old_first", "new_first")
    parts.append(f"<h2>{escape(t('diff.units'))}</h2><table><tr>" + "".join(f"<th>{escape(t(f'diff.{c}'))}</th>" for c in unit_columns) + "</tr>")
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


def render_diff(diff: Diff, kind: str, lang: str = DEFAULT_LANG) -> str:
    """The diff as text in one of ``FORMATS`` (labels of md and html in ``lang``; JSON and CSV keep the codes)."""
    from ..analysis.diff import diff_to_dict
    from .export import dumps

    renderers = {"json": lambda: dumps(diff_to_dict(diff)), "md": lambda: diff_to_markdown(diff, lang),
                 "csv": lambda: diff_to_csv(diff), "html": lambda: diff_to_html(diff, lang)}
    if kind not in renderers:
        raise ValueError(f"unknown diff format {kind!r}; use one of {', '.join(FORMATS)}")
    return renderers[kind]()
