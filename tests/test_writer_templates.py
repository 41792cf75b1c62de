"""The XLSX and graph writers write a record through a template made once per shape: what they
write must be what writing the record value by value gives, whatever the values."""

from __future__ import annotations

import io

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.exporters import graph_xml, xlsx

TEXT = st.text(alphabet=st.sampled_from(list("ab 中文&<>\"'\r\n\t=\x00\x0b\ufffe;")), max_size=8)
CELL = st.one_of(st.none(), st.just(""), TEXT, st.integers(-5, 10**12), st.floats(allow_nan=False, allow_infinity=False), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=6), st.one_of(st.none(), st.sampled_from([15.0, 17.5, 32.0])), st.data())
def test_xlsx_row_through_its_template_is_the_row_cell_by_cell(values, height, data):
    styles = data.draw(st.lists(st.integers(0, 3), min_size=len(values), max_size=len(values)))
    letters = [xlsx.column_letter(j) for j in range(1, len(values) + 1)]
    sheet = xlsx.Sheet("s", len(values), [(height, values, styles)], 1)
    through_template, cell_by_cell = xlsx.SharedStrings(), xlsx.SharedStrings()
    written = "".join(xlsx._sheet_xml(sheet, through_template))
    assert xlsx._row_cells(letters, 1, height, values, styles, cell_by_cell) in written
    assert through_template.strings == cell_by_cell.strings


ATTRIBUTE = st.one_of(st.none(), TEXT, st.integers(-5, 99), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
                      st.lists(st.one_of(TEXT, st.integers(0, 9)), max_size=3))
RECORD = st.dictionaries(st.sampled_from(["label", "kind", "year", "roles", "weight", "flag"]), ATTRIBUTE, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(RECORD, min_size=1, max_size=6), st.lists(RECORD, max_size=5))
def test_graph_xml_records_through_templates_are_the_records_value_by_value(nodes, edges):
    graph = nx.Graph()
    for k, data in enumerate(nodes):
        graph.add_node(f"n{k}&<", **data)
    for k, data in enumerate(edges):
        graph.add_edge(f"n{k % len(nodes)}&<", f"n{(k + 1) % len(nodes)}&<", **data)
    a, b = io.StringIO(), io.StringIO()
    graph_xml.write_graph_xml(graph, graphml=a, gexf=b)
    node_types = graph_xml._attribute_types(d for _, d in graph.nodes(data=True))
    edge_types = graph_xml._attribute_types(d for *_, d in graph.edges(data=True))
    for cls, text in ((graph_xml._GraphML, a.getvalue()), (graph_xml._Gexf, b.getvalue())):
        writer = cls(graph, node_types, edge_types, io.StringIO())
        writer.head()
        assert "".join(writer.node(n, d) for n, d in graph.nodes(data=True)) in text, cls.__name__
        assert "".join(writer.edge(u, v, k, d) for k, (u, v, d) in enumerate(graph.edges(data=True))) in text, cls.__name__


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=st.sampled_from(list("ab{}'\"\\\n\x00中")), max_size=5), st.integers(0, 4).map(lambda k: "{%d}" % k),
                          st.just("{0:d}")), max_size=8), st.lists(st.one_of(TEXT, st.integers(-5, 99), st.booleans()), min_size=5, max_size=5))
def test_compiled_template_gives_what_str_format_gives(pieces, values):
    from pipeline.exporters.templates import compiled

    template = "".join(p if p.startswith("{") and p[1:2].isdigit() else p.replace("{", "{{").replace("}", "}}") for p in pieces)
    if "{0:d}" in template and type(values[0]) is not bool:
        values[0] = 1
    assert compiled(template, len(values))(*values) == template.format(*values)


def test_xlsx_member_written_from_its_own_thread_keeps_order_and_raises_errors():
    import pytest

    class Member(io.BytesIO):
        def __init__(self, fail_at=None):
            super().__init__()
            self.fail_at, self.calls = fail_at, 0

        def write(self, chunk):
            self.calls += 1
            if self.calls == self.fail_at:
                raise OSError("disk full")
            return super().write(chunk)

    chunks = [f"<row r='{k}'/>".encode() for k in range(500)]
    member = Member()
    xlsx._write_beside(member, iter(chunks))
    assert member.getvalue() == b"".join(chunks)  # every chunk, in order
    with pytest.raises(OSError, match="disk full"):  # the writing thread's error, raised by the making one
        xlsx._write_beside(Member(fail_at=3), iter(chunks))

    def broken():
        yield b"<a/>"
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):  # the making side's error: the writing thread is stopped
        xlsx._write_beside(Member(), broken())
