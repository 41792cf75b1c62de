"""Matrix and graph exports: contract columns, stable order, formats that other tools open."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
from openpyxl import load_workbook

from pipeline.exporters import export
from pipeline.analysis.graph import co_responsibility, documents_to_graph, unit_figures
from pipeline.analysis.matrix import LONG_KEY_COLUMNS, WIDE_KEY_COLUMNS, documents_to_long, documents_to_wide


def test_matrix_long_contract_and_order(doc2023, tmp_path):
    path = export.write_csv(tmp_path / "m.csv", documents_to_long([doc2023]))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert list(frame.columns[: len(LONG_KEY_COLUMNS)]) == LONG_KEY_COLUMNS
    assert len(frame) == 75
    assert frame.iloc[0][["section", "number", "unit", "order"]].tolist() == ["一", "1", "省委宣传部", "1"]
    assert frame.iloc[-1][["part", "number", "unit"]].tolist() == ["attachment", "十", "省工商联"]


def test_matrix_wide_marks_roles_and_keeps_every_task(doc2023, tmp_path):
    wide = documents_to_wide([doc2023])
    assert len(wide) == 28
    keys = len(WIDE_KEY_COLUMNS)
    assert list(wide.columns[keys : keys + 3]) == ["省委宣传部", "省总工会", "省文联"]
    assert wide.loc[0, "省总工会"] == "责任" and wide.loc[0, "省文联"] == ""
    assert (wide.iloc[:, keys:] != "").sum().sum() == 75
    export.write_xlsx(tmp_path / "m.xlsx", wide, key_columns=keys)
    sheet = load_workbook(tmp_path / "m.xlsx").active
    assert sheet.freeze_panes == "I2"
    assert sheet["I1"].value == "省委宣传部" and sheet["I2"].value == "责任"


def test_graph_bipartite_and_projection(doc2023):
    graph = documents_to_graph([doc2023])
    kinds = nx.get_node_attributes(graph, "kind")
    assert sum(1 for k in kinds.values() if k == "task") == 28
    assert graph.number_of_edges() == 75
    edge = graph.edges["unit:省人社厅", "task:2023_jiangsu_industrial_workforce_reform_plan:main/二/4"]
    assert (edge["role"], edge["order"], edge["line"]) == ("responsible", 3, 35)
    projected = co_responsibility(graph)
    assert projected.edges["unit:省人社厅", "unit:省总工会"]["weight"] == 8
    figures = {f["unit"]: f for f in unit_figures(graph)}
    assert (figures["省总工会"]["tasks"], figures["省人社厅"]["tasks"], figures["省人社厅"]["first_listed"]) == (17, 12, 9)
    assert figures["省总工会"]["betweenness_centrality"] > figures["省文联"]["betweenness_centrality"]


def test_graph_files_open_in_other_tools(doc2023, tmp_path):
    graph = documents_to_graph([doc2023])
    for suffix in (".graphml", ".gexf"):
        path = export.write_graph(tmp_path / f"g{suffix}", graph)
        ET.parse(path)  # well-formed XML
        back = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
    data = json.loads(export.write_graph(tmp_path / "g.json", graph).read_text("utf-8"))
    assert nx.node_link_graph(data, edges="edges").number_of_edges() == 75
    assert data == nx.node_link_data(graph, edges="edges")


def test_graph_json_holds_node_link_data_whatever_the_values(tmp_path):
    """Written block by block (msgspec, json for what it does not take): the same data as networkx's."""
    graph = nx.Graph(name="图")
    for k in range(2500):  # more than a block of records
        graph.add_node(f"n{k}", label=f'任务"{k}"\n\t\\', year=2000 + k, weight=k / 7, flags=[k, "牵头"], nothing=None, ok=bool(k % 2))
    graph.add_edges_from((f"n{k}", f"n{k + 1}", {"roles": ["lead", "support"], "orders": (1, 2), "page": None}) for k in range(2499))
    graph.add_node("odd", kinds={"a"}, big=10**30)  # a set: json does not take it; msgspec writes a list
    text = export.write_graph(tmp_path / "g.json", graph).read_text("utf-8")
    expected = nx.node_link_data(graph, edges="edges")
    expected["nodes"][-1]["kinds"] = ["a"]
    assert json.loads(text) == json.loads(json.dumps(expected, ensure_ascii=False))


def test_graph_gexf_is_static_with_readable_labels(doc2023, tmp_path):
    path = export.write_graph(tmp_path / "g.gexf", documents_to_graph([doc2023]))
    text = path.read_text("utf-8")
    assert 'mode="dynamic"' not in text and 'mode="static"' in text
    root = ET.parse(path).getroot()
    titles = {a.get("title") for a in root.iter() if a.tag.endswith("}attribute")}
    assert not titles & {"start", "end"} and {"char_start", "char_end", "tasks", "leads", "type"} <= titles
    assert not any(e.get("start") or e.get("end") for e in root.iter() if e.tag.endswith(("}node", "}edge")))
    back = nx.read_gexf(path)
    assert back.graph.get("mode", "static") == "static"
    labels = {data["label"] for _, data in back.nodes(data=True)}
    assert {"省人社厅", "4 深化产教融合"} <= labels
    unit = next(data for _, data in back.nodes(data=True) if data["label"] == "省人社厅")
    assert (unit["tasks"], unit["leads"], unit["type"]) == (12, 0, "government_department")
    edge = documents_to_graph([doc2023]).edges["unit:省人社厅", "task:2023_jiangsu_industrial_workforce_reform_plan:main/二/4"]
    text_of_item = doc2023.items[3].text
    assert text_of_item[edge["char_start"]:edge["char_end"]] == edge["unit_raw"]


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(min_value=0, max_value=7), max_size=5), min_size=1, max_size=12))
def test_co_responsibility_is_the_weighted_bipartite_projection(tasks):
    """Counted task by task, the projection is networkx's: same units, same pairs, same weights."""
    from networkx.algorithms import bipartite

    graph = nx.Graph()
    for k, members in enumerate(tasks):
        graph.add_node(f"task:{k}", kind="task")
        for m in members:
            graph.add_node(f"unit:{m}", kind="unit", name=str(m))
            graph.add_edge(f"unit:{m}", f"task:{k}")
    ours = co_responsibility(graph)
    theirs = bipartite.weighted_projected_graph(graph, [n for n, d in graph.nodes(data=True) if d["kind"] == "unit"])
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    weights = lambda g: {frozenset((u, v)): w for u, v, w in g.edges(data="weight")}  # noqa: E731
    assert weights(ours) == weights(theirs)
