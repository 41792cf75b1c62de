"""The corpus report: one self-contained HTML page with figures (inline SVG) for the researcher.

Per document its metadata, warnings and responsibility heatmap; for the corpus the unit–unit
network and each unit's workload; for a series the change from year to year. The page loads
nothing from elsewhere: a Content-Security-Policy forbids it, and a browser reports any attempt
on the console. A small inline script (allowed by its hash) records on ``<body>`` how many
figures are drawn and when the page finished loading, for the browser test.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html import escape
from typing import Iterable, Mapping

from .labels import DEFAULT_LANG, check_lang, label
from ..model import Document

# Each heatmap is up to 40 × 120 cells of markup (up to 0.5 MB): a corpus of thousands of notices gets
# the heatmaps of its first documents, and the rest their metadata and warnings (the ledger has all).
MAX_HEATMAPS = 10
MAX_SERIES_FIGURES = 10  # likewise the figures of consecutive editions (each diff keeps its own page)

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.6}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4;font-weight:normal;color:#555}
figure{margin:1em 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555}
.warning{background:#fff4d6;border:1px solid #e0b000;padding:6px 10px;border-radius:4px}
nav a{margin-right:1em}
"""
_SCRIPT = (
    'window.addEventListener("load",function(){var n=0;document.querySelectorAll("figure svg").forEach(function(s){'
    "var r=s.getBoundingClientRect();if(r.width>0&&r.height>0){n++;}});"
    "document.body.dataset.figuresShown=n;document.body.dataset.loadMs=Math.round(performance.now());});"
)


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    return f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"


def _scoped(svg: str, prefix: str) -> str:
    """Ids made unique to one figure, so that several inline SVGs do not share clip paths or markers."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'(href=")#([^"]+)"', lambda m: f'{m.group(1)}#{prefix}{m.group(2)}"', svg)
    return re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)


def _figure(svg: str, caption: str, prefix: str) -> str:
    return f"<figure>{_scoped(svg, prefix)}<figcaption>{escape(caption)}</figcaption></figure>"


def document_section(k: int, document: Document, lang: str = DEFAULT_LANG, heatmap: bool = True) -> list[str]:
    """The ``k``-th document's section: its metadata, warnings and (with ``heatmap``) its heatmap."""
    from .figures import MAX_UNITS, heatmap_svg

    t = lambda key, **v: label(key, lang, **v)  # noqa: E731
    meta = document.meta
    units = {r.unit for _, r in document.responsibilities}
    facts = [
        (t("report.doc_number"), meta.doc_number), (t("report.issuer"), meta.issuer), (t("report.date"), meta.date),
        (t("report.tasks"), len(document.items)), (t("report.pairs"), len(document.responsibilities)),
        (t("report.units"), len(units)), (t("report.source"), document.source.path),
    ]
    parts = [f'<section id="doc{k}"><h3>{escape(meta.plan_title or meta.title or document.id)}</h3><table>']
    parts += [f"<tr><th>{escape(name)}</th><td>{escape(str(value))}</td></tr>" for name, value in facts if value not in (None, "")]
    parts.append("</table>")
    if document.warnings:
        parts.append(f'<p class="warning">{escape(t("report.warnings"))}: {len(document.warnings)}</p><ul>')
        parts += [f"<li>{escape(w.code)}" + (f" ({w.line})" if w.line else "") + f": {escape(w.message)}</li>" for w in document.warnings]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{escape(t('report.no_warnings'))}</p>")
    if document.responsibilities and not heatmap:
        parts.append(f"<p>{escape(t('report.heatmap_omitted', shown=MAX_HEATMAPS))}</p>")
    elif document.responsibilities:
        caption = t("report.heatmap")
        if len(units) > MAX_UNITS:
            caption += " " + t("report.showing", shown=MAX_UNITS, total=len(units))
        parts.append(_figure(heatmap_svg(document, lang), caption, f"d{k}-"))
    parts.append("</section>")
    return parts


def documents_to_report(
    documents: Iterable[Document],
    diffs: Iterable = (),
    lang: str = DEFAULT_LANG,
    diff_links: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """The report page as text. ``diffs`` are :class:`~pipeline.analysis.diff.Diff` of consecutive editions;
    ``diff_links`` maps (old id, new id) to a relative link to the full diff page."""
    from ..analysis.graph import co_responsibility, documents_to_graph
    from .figures import unit_counts

    lang = check_lang(lang)
    documents = list(documents)
    totals = ReportTotals(
        len(documents), sum(len(d.items) for d in documents), sum(len(d.responsibilities) for d in documents),
        len({r.unit for d in documents for _, r in d.responsibilities}),
    )
    sections = [part for k, d in enumerate(documents) for part in document_section(k, d, lang, k < MAX_HEATMAPS)]
    return report_page(totals, sections, co_responsibility(documents_to_graph(documents)), unit_counts(documents), diffs, lang, diff_links)


@dataclass(frozen=True)
class ReportTotals:
    documents: int
    tasks: int
    pairs: int
    units: int


def report_page(
    totals: ReportTotals,
    sections: Iterable[str],
    projected,
    counts: Mapping,
    diffs: Iterable = (),
    lang: str = DEFAULT_LANG,
    diff_links: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """The page from its parts, so that a corpus can be reported one document at a time:
    ``sections`` from :func:`document_section`, ``projected`` the unit–unit graph
    (:func:`~pipeline.analysis.graph.co_responsibility`), ``counts`` each unit's tasks per role
    (:func:`~pipeline.exporters.figures.unit_counts`)."""
    from .figures import network_svg_of, series_svg, workload_svg_of

    lang = check_lang(lang)
    t = lambda key, **v: label(key, lang, **v)  # noqa: E731
    diffs = list(diffs)
    title = t("report.title")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(t('report.documents'))} {totals.documents} · {escape(t('report.tasks'))} {totals.tasks}"
        f" · {escape(t('report.pairs'))} {totals.pairs} · {escape(t('report.units'))} {totals.units}</p>",
    ]
    sections_nav = [("documents", t("report.documents")), ("corpus", t("report.corpus"))] + ([("series", t("report.series"))] if diffs else [])
    parts.append("<nav>" + "".join(f'<a href="#{key}">{escape(name)}</a>' for key, name in sections_nav) + "</nav>")
    parts.append(f'<h2 id="documents">{escape(t("report.documents"))}</h2>')
    parts += sections
    parts.append(f'<h2 id="corpus">{escape(t("report.corpus"))}</h2>')
    if totals.units:
        parts.append(_figure(network_svg_of(projected, lang), t("report.network"), "net-"))
        parts.append(_figure(workload_svg_of(counts, lang), t("report.workload"), "work-"))
    if diffs:
        from .diff_report import counts_text

        parts.append(f'<h2 id="series">{escape(t("report.series"))}</h2>')
        for k, diff in enumerate(diffs):
            old, new = diff.old, diff.new
            head = f"{old.meta.year or old.id} {old.meta.doc_number or ''} → {new.meta.year or new.id} {new.meta.doc_number or ''}"
            parts.append(f"<h3>{escape(head)}</h3><p>{escape(counts_text(diff, lang))}</p>")
            parts += [f'<p class="warning">{escape(w.code)}: {escape(w.message)}</p>' for w in diff.warnings]
            link = (diff_links or {}).get((old.id, new.id))
            if link:
                parts.append(f'<p><a href="{escape(link)}">{escape(t("report.series_detail"))}</a></p>')
            if k < MAX_SERIES_FIGURES:
                parts.append(_figure(series_svg(diff, lang), head, f"s{k}-"))
            elif k == MAX_SERIES_FIGURES:
                parts.append(f"<p>{escape(t('report.series_omitted', shown=MAX_SERIES_FIGURES))}</p>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
