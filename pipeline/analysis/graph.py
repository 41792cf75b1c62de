"""Networks for research: the bipartite unit–task graph, its unit–unit projection, per-unit figures."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Iterable

from ..model import Document

if TYPE_CHECKING:
    import networkx as nx


def unit_node(unit: str) -> str:
    return f"unit:{unit}"


def task_node(doc_id: str, item_id: str) -> str:
    return f"task:{doc_id}:{item_id}"


def documents_to_graph(documents: Iterable[Document]) -> "nx.Graph":
    """Unit nodes (``kind="unit"``) and task nodes (``kind="task"``); an edge per task–unit pair.

    A unit named twice for one task (two clauses) keeps one edge whose ``roles`` and
    ``orders`` list both; ``role``/``order`` are those of its first mention. Every node has a
    readable ``label`` (the unit's name; the task's number and title); unit nodes carry ``tasks``
    and ``leads``. The clause offsets are ``char_start``/``char_end``: attributes named
    ``start``/``end`` would make Gephi read the graph as dynamic (time intervals).
    """
    import networkx as nx

    graph = nx.Graph()
    for document in documents:
        add_document(graph, document)
    return finish_graph(graph)


def add_document(graph: "nx.Graph", document: Document) -> None:
    """Add one document's task nodes, unit nodes and edges (see :func:`documents_to_graph`); a corpus
    is built one document at a time, then :func:`finish_graph` counts each unit's tasks."""
    for item in document.items:
        task = task_node(document.id, item.id)
        graph.add_node(
            task,
            kind="task",
            bipartite=1,
            document=document.id,
            year=document.meta.year,
            part=item.part,
            section=item.section.number if item.section else "",
            number=item.number,
            title=item.title,
            label=f"{item.number} {item.title}",
        )
        for r in item.responsibilities:
            unit = unit_node(r.unit)
            if unit not in graph:
                graph.add_node(unit, kind="unit", bipartite=0, name=r.unit, label=r.unit, type=r.unit_type, collective=r.collective)
            if graph.has_edge(unit, task):
                data = graph.edges[unit, task]
                data["roles"].append(r.role)
                data["orders"].append(r.order)
                continue
            graph.add_edge(
                unit, task, role=r.role, order=r.order, roles=[r.role], orders=[r.order],
                document=document.id, line=r.line, page=r.page, char_start=r.start, char_end=r.end, unit_raw=r.unit_raw,
            )


def finish_graph(graph: "nx.Graph") -> "nx.Graph":
    """Each unit node's ``tasks`` and ``leads``, once every document is in."""
    for node, data in graph.nodes(data=True):
        if data["kind"] == "unit":
            edges = list(graph.adj[node].values())  # (its edges' attributes, in the order graph.edges gives them)
            data["tasks"] = len(edges)
            data["leads"] = sum(1 for e in edges if "lead" in e["roles"])
    return graph


def co_responsibility(graph: "nx.Graph") -> "nx.Graph":
    """Unit–unit graph; edge ``weight`` = number of tasks the two units share.

    What networkx's ``bipartite.weighted_projected_graph`` gives, counted task by task: it
    intersects the task sets of every pair of units that meet, which for a corpus whose busiest
    units hold thousands of tasks was most of ``units.csv``'s time (0.75 s at 2,000 notices),
    while a task names only a few units."""
    import networkx as nx

    projected = nx.Graph()
    projected.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d["kind"] == "unit")
    weights: Counter = Counter()
    for node, data in graph.nodes(data=True):
        if data["kind"] == "task":
            weights.update(combinations(sorted(graph.adj[node]), 2))
    projected.add_edges_from((u, v, {"weight": w}) for (u, v), w in weights.items())
    return projected


def unit_figures(graph: "nx.Graph", projected: "nx.Graph | None" = None) -> list[dict]:
    """Per unit: tasks, tasks as first-listed, tasks as lead, and centrality in the unit–unit graph
    (``projected``, when already made: :func:`co_responsibility` of ``graph``).

    Sorted by tasks (descending), then name, so that the table is stable.
    """
    import networkx as nx

    projected = co_responsibility(graph) if projected is None else projected
    degree = nx.degree_centrality(projected) if len(projected) > 1 else {n: 0.0 for n in projected}
    betweenness = nx.betweenness_centrality(projected) if len(projected) > 2 else {n: 0.0 for n in projected}
    figures = []
    for node in projected:
        edges = list(graph.adj[node].values())
        figures.append(
            {
                "unit": graph.nodes[node]["name"],
                "type": graph.nodes[node]["type"],
                "tasks": len(edges),
                "first_listed": sum(1 for e in edges if 1 in e["orders"]),
                "lead": sum(1 for e in edges if "lead" in e["roles"]),
                "partners": projected.degree(node),
                "degree_centrality": round(degree[node], 6),
                "betweenness_centrality": round(betweenness[node], 6),
            }
        )
    return sorted(figures, key=lambda f: (-f["tasks"], f["unit"]))
