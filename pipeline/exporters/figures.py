"""Figures for the corpus report, as inline SVG strings written directly (:mod:`.svg`, no network).

A heatmap per document, the unit network, the units' workload and, per pair of editions, the
changes and each unit's shift. Text stays text so that the browser draws the Chinese with its own
fonts; nothing is measured with a font and no plotting library is loaded (matplotlib, with its
font measuring, took about 0.3 s a figure: five CPU-seconds of a 2,000-notice run).

:func:`cjk_font` remains for the notebooks, which plot with matplotlib: it finds a CJK font
(Debian's ``fonts-wqy-microhei``, which ``make install`` adds, or Noto Sans CJK, or a system font).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .labels import DEFAULT_LANG, label
from .svg import Drawing, nice_step, text_width
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


# Geometry of the figures, in pixels.
_CELL = 12  # a heatmap cell
_BAR = 16  # a bar's row in the bar charts (the bar is 70 % of it)
_UNIT_FONT, _TICK_FONT, _LEGEND_FONT, _TITLE_FONT = 11.0, 9.0, 11.0, 12.0
_PAD = 8
_GRID, _AXIS = "#e0e0e0", "#444444"


def _legend(drawing: Drawing, x: float, y: float, entries: list[tuple[str, str]], dot: bool = False) -> None:
    """Coloured squares (or dots) with their labels, one per line from (x, y)."""
    for k, (colour, name) in enumerate(entries):
        middle = y + k * (_LEGEND_FONT + 6) + _LEGEND_FONT / 2
        if dot:
            drawing.circle(x + 5, middle, 5, colour)
        else:
            drawing.rect(x, middle - 5, 10, 10, colour)
        drawing.text(x + 15, middle, name, _LEGEND_FONT)


def _legend_width(names: list[str]) -> float:
    return 15 + max((text_width(n, _LEGEND_FONT) for n in names), default=0)


def heatmap_svg(document: Document, lang: str = DEFAULT_LANG) -> str:
    """Units (rows, busiest first) × tasks (columns, in order); the cell's colour is the unit's role
    (the strongest, where a unit holds several in one task); hovering a cell names unit, task and role."""
    items = list(document.items)[:MAX_TASKS]
    units = _busiest(unit_counts([document]))
    rank = {role: k for k, role in enumerate(ROLES)}
    row_of = {u: k for k, u in enumerate(units)}
    cells: dict[tuple[int, int], str] = {}
    for j, item in enumerate(items):
        for r in item.responsibilities:
            if r.unit in row_of:
                key = (row_of[r.unit], j)
                cells[key] = max(cells.get(key, r.role), r.role, key=rank.__getitem__)
    labels = [f"{i.section.number}{i.number}" if i.section and i.part == "main" else i.number for i in items]
    left = _PAD + max((text_width(u, _UNIT_FONT) for u in units), default=0) + 6
    top = _PAD
    grid_w, grid_h = _CELL * len(items), _CELL * len(units)
    bottom = top + grid_h + 4 + max((text_width(x, _TICK_FONT) for x in labels), default=0) + _PAD
    roles = [(ROLE_COLOURS[r], label(f"role.{r}", lang)) for r in ROLES]
    legend_x = left + grid_w + 12
    drawing = Drawing(legend_x + _legend_width([n for _, n in roles]) + _PAD, max(bottom, top + len(ROLES) * (_LEGEND_FONT + 6) + _PAD))
    drawing.rect(left, top, grid_w, grid_h, "#ffffff")
    names = {role: label(f"role.{role}", lang) for role in ROLES}
    for (row, column), role in sorted(cells.items()):
        drawing.rect(left + column * _CELL, top + row * _CELL, _CELL, _CELL, ROLE_COLOURS[role],
                     title=f"{units[row]} · {labels[column]} · {names[role]}")
    # The cell borders as two paths, one per direction.
    drawing.path("".join(f"M{left + j * _CELL} {top}v{grid_h}" for j in range(len(items) + 1)), _GRID, 0.6)
    drawing.path("".join(f"M{left} {top + k * _CELL}h{grid_w}" for k in range(len(units) + 1)), _GRID, 0.6)
    for k, unit in enumerate(units):
        drawing.text(left - 6, top + (k + 0.5) * _CELL, unit, _UNIT_FONT, anchor="end")
    for j, number in enumerate(labels):
        drawing.text(left + (j + 0.5) * _CELL, top + grid_h + 4, number, _TICK_FONT, anchor="end", rotate=True)
    _legend(drawing, legend_x, top, roles)
    return drawing.svg()


def network_svg(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> str:
    """The unit–unit network: units sharing tasks are linked; node size by tasks, colour by type."""
    from ..analysis.graph import co_responsibility, documents_to_graph

    return network_svg_of(co_responsibility(documents_to_graph(documents)), lang)


def network_svg_of(projected: "nx.Graph", lang: str = DEFAULT_LANG) -> str:
    """:func:`network_svg` of a unit–unit graph already built (``co_responsibility``)."""
    import networkx as nx

    busiest = sorted(projected, key=lambda n: (-projected.nodes[n].get("tasks", 0), n))[:MAX_UNITS]
    # Nodes and edges in a fixed order: the projection's order follows string hashing, which varies
    # from one process to the next, and the layout (and so the bytes) would vary with it.
    graph = nx.Graph()
    graph.add_nodes_from((n, projected.nodes[n]) for n in sorted(busiest))
    graph.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in projected.subgraph(busiest).edges(data=True)))
    width, height = 640.0, 520.0
    types = sorted({graph.nodes[n]["type"] for n in graph})
    colour = {t: TYPE_COLOURS[k % len(TYPE_COLOURS)] for k, t in enumerate(types)}
    entries = [(colour[t], label(f"type.{t}", lang)) for t in types]
    drawing = Drawing(width + 12 + _legend_width([n for _, n in entries]) + _PAD, height)
    if len(graph):
        # Kamada–Kawai: deterministic, and it keeps loosely linked units apart from the busy centre.
        position = _layout(graph)
        xs, ys = [p[0] for p in position.values()], [p[1] for p in position.values()]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        margin = 60.0  # room for the largest node and its label

        def at(node: str) -> tuple[float, float]:
            x, y = position[node]
            return (margin + (x - min(xs)) / span_x * (width - 2 * margin), margin + (max(ys) - y) / span_y * (height - 2 * margin))

        top = max((graph.edges[e]["weight"] for e in graph.edges), default=1)
        for u, v, data in graph.edges(data=True):
            (x1, y1), (x2, y2) = at(u), at(v)
            drawing.line(x1, y1, x2, y2, "#9e9e9e", 0.4 + 3.0 * data["weight"] / top, opacity=0.5)
        tasks = {n: graph.nodes[n].get("tasks", 0) for n in graph}
        most = max(tasks.values(), default=1) or 1
        for node in graph:
            x, y = at(node)
            name = graph.nodes[node]["name"]
            drawing.circle(x, y, 4 + 14 * math.sqrt(tasks[node] / most), colour[graph.nodes[node]["type"]], title=f"{name} · {tasks[node]}")
        for node in graph:
            x, y = at(node)
            drawing.text(x, y, graph.nodes[node]["name"], 10.0, anchor="middle")
    _legend(drawing, width + 12, _PAD, entries, dot=True)
    return drawing.svg()


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


def _bars(drawing: Drawing, x: float, y: float, width: float, names: list[str], stacks: list[list[tuple[float, str]]],
          axis_label: str | None = None, signed: bool = False) -> None:
    """Horizontal bars in the box from (x, y), ``width`` wide: one row per name (labels to the left
    of x), each a stack of (value, colour) segments (negative values to the left of zero); an axis
    with round ticks below. ``signed`` bars are shifts: a line marks zero and their values show their sign."""
    low = min([0.0] + [sum(v for v, _ in s if v < 0) for s in stacks])
    high = max([0.0] + [sum(v for v, _ in s if v > 0) for s in stacks])
    span = (high - low) or 1.0
    scale = width / span
    zero = x - low * scale
    rows_h = _BAR * len(names)
    step = nice_step(span)
    first = math.ceil(low / step) * step
    for tick in range(int(first), int(high) + 1, step):
        tx = zero + tick * scale
        drawing.line(tx, y, tx, y + rows_h, _GRID, 0.6)
        drawing.text(tx, y + rows_h + 4 + _TICK_FONT / 2, str(tick), _TICK_FONT, anchor="middle")
    for k, (name, stack) in enumerate(zip(names, stacks)):
        middle = y + (k + 0.5) * _BAR
        drawing.text(x - 6, middle, name, _UNIT_FONT, anchor="end")
        right, left = zero, zero
        for value, fill in stack:
            if value > 0:
                drawing.rect(right, middle - 0.35 * _BAR, value * scale, 0.7 * _BAR, fill, title=f"{name} · {value:+g}" if signed else f"{name} · {value:g}")
                right += value * scale
            elif value < 0:
                left += value * scale
                drawing.rect(left, middle - 0.35 * _BAR, -value * scale, 0.7 * _BAR, fill, title=f"{name} · {value:+g}")
    drawing.line(x, y + rows_h, x + width, y + rows_h, _AXIS, 0.8)
    if signed:
        drawing.line(zero, y, zero, y + rows_h, _AXIS, 0.8)
    if axis_label:
        drawing.text(x + width / 2, y + rows_h + 10 + 1.5 * _TICK_FONT, axis_label, _UNIT_FONT, anchor="middle")


def workload_svg(documents: Iterable[Document], lang: str = DEFAULT_LANG) -> str:
    """Per unit (busiest first): tasks as lead, as support, as responsible, stacked."""
    return workload_svg_of(unit_counts(documents), lang)


def workload_svg_of(counts: dict[str, Counter], lang: str = DEFAULT_LANG) -> str:
    """:func:`workload_svg` of counts already made (:func:`unit_counts`)."""
    units = _busiest(counts)
    roles = [(ROLE_COLOURS[r], label(f"role.{r}", lang)) for r in ROLES]
    left = _PAD + max((text_width(u, _UNIT_FONT) for u in units), default=0) + 6
    width = 420.0
    legend_x = left + width + 12
    height = _PAD + _BAR * len(units) + 12 + 3 * _TICK_FONT + _UNIT_FONT + _PAD
    drawing = Drawing(legend_x + _legend_width([n for _, n in roles]) + _PAD, max(height, _PAD + 3 * (_LEGEND_FONT + 6) + _PAD))
    _bars(drawing, left, _PAD, width, units, [[(counts[u][r], ROLE_COLOURS[r]) for r in ROLES] for u in units], label("fig.tasks", lang))
    _legend(drawing, legend_x, _PAD, roles)
    return drawing.svg()


_STATUS_COLOURS = {"unchanged": "#888888", "revised": "#d08700", "added": "#2a8a2a", "removed": "#bb3333", "moved": "#3366cc"}


def series_svg(diff: "Diff", lang: str = DEFAULT_LANG) -> str:
    """One year to the next: changes per status (left), and each unit's shift in tasks (right)."""
    from ..analysis.diff import STATUSES

    shifted = [s for s in diff.units if s.delta][:MAX_UNITS]
    statuses = [(label(f"status.{s}", lang), diff.count(s), _STATUS_COLOURS[s]) for s in STATUSES]
    # Left: a bar per status, its count above it.
    column = max(36.0, max(text_width(name, _TICK_FONT) for name, _, _ in statuses) + 8)
    chart_h = max(120.0, _BAR * len(shifted))
    top = _PAD + _TITLE_FONT + 8
    left_w = column * len(statuses)
    most = max((n for _, n, _ in statuses), default=0) or 1
    names_x = 2 * _PAD + left_w + 16 + max((text_width(s.unit, _UNIT_FONT) for s in shifted), default=0) + 6
    right_w = 300.0
    height = top + chart_h + 12 + 3 * _TICK_FONT + _PAD
    drawing = Drawing(names_x + right_w + _PAD, height)
    drawing.text(_PAD + left_w / 2, _PAD + _TITLE_FONT / 2, label("fig.changes", lang), _TITLE_FONT, anchor="middle")
    for k, (name, count, fill) in enumerate(statuses):
        x = _PAD + k * column
        h = (chart_h - _TICK_FONT - 4) * count / most
        drawing.rect(x + 0.15 * column, top + chart_h - h, 0.7 * column, h, fill, title=f"{name} · {count}")
        drawing.text(x + column / 2, top + chart_h - h - 3, str(count), _TICK_FONT, anchor="middle", baseline="auto")
        drawing.text(x + column / 2, top + chart_h + 4 + _TICK_FONT / 2, name, _TICK_FONT, anchor="middle")
    drawing.line(_PAD, top + chart_h, _PAD + left_w, top + chart_h, _AXIS, 0.8)
    # Right: each unit's shift, gains to the right of zero, losses to the left.
    drawing.text(names_x + right_w / 2, _PAD + _TITLE_FONT / 2, label("fig.shift", lang), _TITLE_FONT, anchor="middle")
    if shifted:
        _bars(drawing, names_x, top, right_w, [s.unit for s in shifted],
              [[(s.delta, "#2a8a2a" if s.delta > 0 else "#bb3333")] for s in shifted], signed=True)
    return drawing.svg()
