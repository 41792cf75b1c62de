"""The report's figures, written as SVG markup: well-formed, drawn from the data, the same bytes each time."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given, strategies as st

from pipeline.analysis.diff import diff_documents
from pipeline.exporters import figures
from pipeline.exporters.svg import nice_step, text_width

SVG = "{http://www.w3.org/2000/svg}"


def _tree(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg" and float(root.get("width")) > 0 and float(root.get("height")) > 0
    return root


def _texts(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}text")]


def _titles(root: ET.Element) -> list[str]:
    return [t.text for t in root.iter(f"{SVG}title")]


def test_heatmap_has_a_cell_per_unit_and_task_coloured_by_role(doc2023):
    root = _tree(figures.heatmap_svg(doc2023))
    units = figures._busiest(figures.unit_counts([doc2023]))
    pairs = {(r.unit, item.id) for item in doc2023.items[:figures.MAX_TASKS] for r in item.responsibilities if r.unit in units}
    cells = [t for t in _titles(root)]
    assert len(cells) == len(pairs)  # one hoverable cell per unit and task, however many clauses name it
    assert all(unit in _texts(root) for unit in units)  # every row labelled by its name, kept as text
    assert "省总工会 · 一1 · 责任" in cells
    width = float(root.get("width"))
    for rect in root.iter(f"{SVG}rect"):
        assert 0 <= float(rect.get("x")) and float(rect.get("x")) + float(rect.get("width")) <= width + 0.1


def test_figures_are_the_same_bytes_each_time(doc2023, doc2024):
    diff = diff_documents(doc2023, doc2024)
    for draw in (lambda: figures.heatmap_svg(doc2023), lambda: figures.workload_svg([doc2023, doc2024]),
                 lambda: figures.network_svg([doc2023, doc2024]), lambda: figures.series_svg(diff)):
        assert draw() == draw()


def test_workload_bars_sum_to_each_units_tasks(doc2023):
    counts = figures.unit_counts([doc2023])
    root = _tree(figures.workload_svg_of(counts, "en"))
    bars = [t for t in _titles(root)]
    shown = {u: sum(counts[u].values()) for u in figures._busiest(counts)}
    totals: dict[str, float] = {}
    for title in bars:
        unit, value = title.rsplit(" · ", 1)
        totals[unit] = totals.get(unit, 0) + float(value)
    assert totals == shown
    assert "tasks" in _texts(root)  # the axis label, in the reader's language


def test_series_figure_counts_each_status_and_shifts(doc2023, doc2024):
    diff = diff_documents(doc2023, doc2024)
    root = _tree(figures.series_svg(diff))
    titles = _titles(root)
    assert f"未变 · {diff.count('unchanged')}" in titles
    shifted = [s for s in diff.units if s.delta][:figures.MAX_UNITS]
    assert all(f"{s.unit} · {s.delta:+g}" in titles for s in shifted)


def test_network_has_a_node_per_busiest_unit_and_escapes_names():
    import networkx as nx

    graph = nx.Graph()
    for name, tasks in (("A&B<局>", 3), ("省\"C\"厅", 2), ("D", 1)):
        graph.add_node(name, name=name, type="government_department", tasks=tasks)
    graph.add_edge("A&B<局>", "D", weight=2)
    root = _tree(figures.network_svg_of(graph, "en"))  # (parses: the names are escaped)
    assert {"A&B<局>", "省\"C\"厅", "D"} <= set(_texts(root))
    assert len(list(root.iter(f"{SVG}circle"))) >= 3 and len(list(root.iter(f"{SVG}line"))) == 1


@given(st.floats(min_value=0.5, max_value=1e6))
def test_nice_step_divides_the_range_in_a_few_round_parts(top):
    step = nice_step(top)
    assert str(step).lstrip("0")[0] in "125" and set(str(step)[1:]) <= {"0"}
    assert top / step <= 10


def test_text_width_counts_cjk_as_one_em():
    assert text_width("省人社厅", 10) == 40 and text_width("ab", 10) < 20
