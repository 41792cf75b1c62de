"""Figures for the corpus report, as inline SVG strings (matplotlib, no network).

Text stays text in the SVG (``svg.fonttype = "none"``) so that the browser draws the Chinese
with its own fonts; matplotlib needs a CJK font only to measure the labels. :func:`cjk_font`
finds one (Debian's ``fonts-wqy-microhei``, which ``make install`` adds, or Noto Sans CJK, or a
system font); without one the labels are still written as text, laid out with Latin metrics.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .labels import DEFAULT_LANG, label
from ..model import ROLES, Document

if TYPE_CHECKING:
    import networkx as nx

    from ..analysis.diff import Diff

CJK_FONT_NAMES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei", "Microsoft YaHei", "PingFang SC")
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
ROLE_COLOURS = {"lead": "#c0392b", "support": "#5b9bd5", "responsible": "#70ad47"}
TYPE_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
MAX_UNITS = 40  # figures show the busiest units; the ledger and CSVs have them all
MAX_TASKS = 120


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of a CJK font matplotlib can measure with, registered on first use; None if there is none."""
    from matplotlib import font_manager

    for path in CJK_FONT_FILES:
        if Path(path).exists():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):
                continue
    available = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONT_NAMES if name in available), None)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    font = cjk_font()
    plt.rcParams.update({
        "svg.fonttype": "none",
        "svg.hashsalt": "fengong",  # stable ids: same figure, same bytes
        "font.family": "sans-serif",
        "font.sans-serif": ([font] if font else []) + ["DejaVu Sans"],
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    })
    return plt


def _svg(fig) -> str:
    """The figure as an ``<svg>`` element to put inline (no XML prolog, no date)."""
    plt = _pyplot()
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Glyph missing" without a CJK font: the browser draws the text
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    text = buffer.getvalue()
    return re.sub(r"^.*?(?=<svg)", "", text, flags=re.S).strip()


def unit_counts(documents: Iterable[Document]) -> dict[str, Counter]:
    """Per unit: tasks per role (a unit counts once per task and role)."""
    counts: dict[str, Counter] = {}
    for document in documents:
        for item in document.items:
            for unit, role in {(r.unit, r.role) for r in item.responsibilities}:
                counts.setdefault(unit, Counter())[role] += 1
    return counts


def _busiest(counts: dict[str, Counter], limit: int = MAX_UNITS) -> list[str]:
    return sorted(counts, key=lambda u: (-sum(counts[u].values()), u))[:limit]


def heatmap_svg(document: Document, lang: str = DEFAULT_LANG) -> str:
    """Units (rows, busiest first) × tasks (columns, in order); the cell's colour is the unit's role."""
    import numpy as np
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    plt = _pyplot()
    items = list(document.items)[:MAX_TASKS]
    units = _busiest(unit_counts([document]))
    codes = {role: k + 1 for k, role in enumerate(ROLES)}
    grid = np.zeros((len(units), len(items)))
    row_of = {u: k for k, u in enumerate(units)}
    for j, item in enumerate(items):
        for r in item.responsibilities:
            if r.unit in row_of:
                grid[row_of[r.unit], j] = max(grid[row_of[r.unit], j], codes[r.role])
    fig, ax = plt.subplots(figsize=(max(6.0, 0.16 * len(items) + 2.5), max(2.0, 0.2 * len(units) + 1.0)))
    cmap = ListedColormap(["#ffffff"] + [ROLE_COLOURS[r] for r in ROLES])
    ax.imshow(grid, cmap=cmap, vmin=0, vmax=len(ROLES), aspect="auto", interpolation="nearest")
    ax.set_yticks(range(len(units)), units, fontsize=7)
    labels = [f"{i.section.number}{i.number}" if i.section and i.part == "main" else i.number for i in items]
    ax.set_xticks(range(len(items)), labels, fontsize=6, rotation=90)
    # The cell borders as two line collections, not as minor ticks: a tick is a costly artist, and
    # these were half of a heatmap's drawing time.
    ax.vlines(np.arange(-0.5, len(items)), -0.5, len(units) - 0.5, color="#e0e0e0", linewidth=0.4)
    ax.hlines(np.arange(-0.5, len(units)), -0.5, len(items) - 0.5, color="#e0e0e0", linewidth=0.4)
    ax.set_xlim(-0.5, len(items) - 0.5)
    ax.set_ylim(len(units) - 0.5, -0.5)
    ax.legend(handles=[Patch(color=ROLE_COLOURS[r], label=label(f"role.{r}", lang)) for r in ROLES],
              loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    return _svg(fig)


def network_svg(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> str:
    """The unit–unit network: units sharing tasks are linked; node size by tasks, colour by type."""
    from ..analysis.graph import co_responsibility, documents_to_graph

    return network_svg_of(co_responsibility(documents_to_graph(documents)), lang)


def network_svg_of(projected: "nx.Graph", lang: str = DEFAULT_LANG) -> str:
    """:func:`network_svg` of a unit–unit graph already built (``co_responsibility``)."""
    import networkx as nx
    from matplotlib.lines import Line2D

    plt = _pyplot()
    busiest = sorted(projected, key=lambda n: (-projected.nodes[n].get("tasks", 0), n))[:MAX_UNITS]
    # Nodes and edges in a fixed order: the projection's order follows string hashing, which varies
    # from one process to the next, and the drawing (and so the bytes) would vary with it.
    graph = nx.Graph()
    graph.add_nodes_from((n, projected.nodes[n]) for n in sorted(busiest))
    graph.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in projected.subgraph(busiest).edges(data=True)))
    fig, ax = plt.subplots(figsize=(8, 6.5))
    if len(graph):
        # Kamada–Kawai: deterministic, and it keeps loosely linked units apart from the busy centre.
        position = _layout(graph)
        types = sorted({graph.nodes[n]["type"] for n in graph})
        colour = {t: TYPE_COLOURS[k % len(TYPE_COLOURS)] for k, t in enumerate(types)}
        weights = [graph.edges[e]["weight"] for e in graph.edges]
        top = max(weights, default=1)
        nx.draw_networkx_edges(graph, position, ax=ax, width=[0.3 + 2.5 * w / top for w in weights], edge_color="#9e9e9e", alpha=0.5)
        nx.draw_networkx_nodes(graph, position, ax=ax, node_size=[40 + 25 * graph.nodes[n]["tasks"] for n in graph],
                               node_color=[colour[graph.nodes[n]["type"]] for n in graph], linewidths=0.5, edgecolors="#ffffff")
        nx.draw_networkx_labels(graph, position, ax=ax, labels={n: graph.nodes[n]["name"] for n in graph}, font_size=7,
                                font_family=plt.rcParams["font.sans-serif"])
        ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=colour[t], label=label(f"type.{t}", lang)) for t in types],
                  loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7, frameon=False)
    ax.set_axis_off()
    return _svg(fig)


def _layout(graph: "nx.Graph") -> dict:
    """Kamada–Kawai positions (circular for two nodes or fewer), computed with one BLAS thread: the
    problem is tiny (two coordinates per unit), and OpenBLAS's idle threads spin on cores that the
    run's forked writers need, which made this 0.2 s layout cost 4 s of CPU and 10 s of wall."""
    import networkx as nx
    import scipy.optimize  # noqa: F401 - the layout's solver, loaded first: a limit applies to the libraries loaded when it is set
    from threadpoolctl import threadpool_limits

    if len(graph) <= 2:
        return nx.circular_layout(graph)
    with threadpool_limits(limits=1, user_api="blas"):
        return nx.kamada_kawai_layout(graph)


def workload_svg(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> str:
    """Per unit (busiest first): tasks as lead, as support, as responsible, stacked."""
    return workload_svg_of(unit_counts(documents), lang)


def workload_svg_of(counts: dict[str, Counter], lang: str = DEFAULT_LANG) -> str:
    """:func:`workload_svg` of counts already made (:func:`unit_counts`)."""
    plt = _pyplot()
    units = _busiest(counts)[::-1]
    fig, ax = plt.subplots(figsize=(7, max(2.0, 0.22 * len(units) + 0.8)))
    left = [0] * len(units)
    for role in ROLES:
        values = [counts[u][role] for u in units]
        ax.barh(range(len(units)), values, left=left, color=ROLE_COLOURS[role], label=label(f"role.{role}", lang), height=0.7)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(range(len(units)), units, fontsize=7)
    ax.set_xlabel(label("fig.tasks", lang))
    ax.legend(loc="lower right", fontsize=7, frameon=False)
    return _svg(fig)


def series_svg(diff: "Diff", lang: str = DEFAULT_LANG) -> str:
    """One year to the next: changes per status, and each unit's shift in tasks."""
    from ..analysis.diff import STATUSES

    plt = _pyplot()
    shifted = [s for s in diff.units if s.delta][:MAX_UNITS]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, max(2.5, 0.22 * len(shifted) + 0.8)), gridspec_kw={"width_ratios": [1, 1.6]})
    names = {s: label(f"status.{s}", lang) for s in STATUSES}
    colours = {"unchanged": "#888888", "revised": "#d08700", "added": "#2a8a2a", "removed": "#bb3333", "moved": "#3366cc"}
    left.bar([names[s] for s in STATUSES], [diff.count(s) for s in STATUSES], color=[colours[s] for s in STATUSES])
    left.set_title(label("fig.changes", lang), fontsize=9)
    shifted = shifted[::-1]
    right.barh(range(len(shifted)), [s.delta for s in shifted], color=["#2a8a2a" if s.delta > 0 else "#bb3333" for s in shifted], height=0.7)
    right.set_yticks(range(len(shifted)), [s.unit for s in shifted], fontsize=7)
    right.axvline(0, color="#444444", linewidth=0.6)
    right.set_title(label("fig.shift", lang), fontsize=9)
    return _svg(fig)
