"""GraphML and GEXF, written as text in one pass over the graph.

networkx's writers build an element per node, edge and attribute value (GEXF through
ElementTree, then indented): for the unit–task graph of 2,000 notices (56,000 nodes, 150,000
edges) they took 11 s and 18 s. These writers produce the same content — the same attribute
names and types, lists flattened to ``;``-joined strings, ``None`` left out, a static GEXF with
the node ``label`` as the node's label — in a fraction of that, and the same bytes for the same
graph (no date is written).
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any, Iterable

from .templates import compiled

if TYPE_CHECKING:
    import networkx as nx

GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
GEXF_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
    "  <meta>\n    <creator>fengong</creator>\n  </meta>\n"
)
# Characters XML 1.0 does not allow, even escaped (control characters from a damaged file).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


# What escape changes, searched once for a whole record's texts: most records need no escaping.
_ESCAPED = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
# Attribute value types written through a template (see _Templates); a record holding another is
# written value by value.
_PLAIN = frozenset((str, int, float, bool, list, tuple, type(None)))
_NONE = type(None)
_TEMPLATES = 4096
_BLOCK = 1024  # records written at once


def escape(value: Any) -> str:
    """Text for an XML attribute or element: ``& < > "`` escaped, characters XML forbids dropped."""
    text = str(value)
    if not _ESCAPED.search(text):
        return text
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text or "\r" in text or "\t" in text:  # kept through attribute-value normalisation
        text = text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return _ILLEGAL.sub("", text)


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ";".join(map(str, value))
    return value


def _kind(value: Any) -> type:
    return bool if isinstance(value, bool) else int if isinstance(value, int) else float if isinstance(value, float) else str


def _type_kind(cls: type) -> type:
    """:func:`_kind` of ``_flat`` of any value of type ``cls``."""
    return bool if issubclass(cls, bool) else int if issubclass(cls, int) else float if issubclass(cls, float) else str


def _shape(data: dict) -> tuple[tuple, tuple]:
    """A record's keys and the types of its values."""
    return tuple(data), tuple(map(type, data.values()))


def _attribute_types(records: Iterable[dict]) -> dict[str, type]:
    """Each attribute's type over all records, in order of first appearance: mixed numbers are
    floats, anything mixed with text is text. (Reckoned over the records' distinct shapes — their
    keys and the types of their values —, which the records of a graph share by the thousand.)"""
    return _shape_types(dict.fromkeys(map(_shape, records)))


def _shape_types(shapes: Iterable[tuple[tuple, tuple]]) -> dict[str, type]:
    """:func:`_attribute_types` of records of these distinct shapes."""
    kinds: dict[str, set[type]] = {}
    for keys, types in shapes:
        for key, cls in zip(keys, types):
            if cls is not _NONE:
                kinds.setdefault(key, set()).add(_type_kind(cls))
    resolved = {}
    for key, found in kinds.items():
        if len(found) == 1:
            resolved[key] = next(iter(found))
        elif found <= {int, float}:
            resolved[key] = float
        else:
            resolved[key] = str
    return resolved


def _value(value: Any, kind: type) -> str:
    value = _flat(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        return repr(float(value))
    return escape(value)


def _true_false(value: Any) -> str:
    return "true" if value else "false"


def _float_text(value: Any) -> str:
    return repr(float(value))


class _Templates:
    """The markup of records (a node's or an edge's attributes) one ``str.format`` each, with a
    template made once per shape (keys and value types) for each format written: what the
    value-by-value writing gives, and the values converted once for every format.

    A format's ``make(written, n)`` returns its template for the ``(position, key)`` pairs written,
    whose ``{i}`` is the value at position i; the names a record passes (ids, label, number) follow
    its ``n`` values. A format writes no key in its ``skip`` (GEXF: a node's label, which is not an attvalue).
    """

    def __init__(self, types: dict[str, type], formats: list[tuple[frozenset, Any]], names: int) -> None:
        self.types = types
        self.formats = formats
        self.names = names  # how many names each record passes after its values
        self.plans: dict[tuple, tuple[tuple[str, ...], tuple]] = {}

    def render(self, data: dict, names: tuple, shape: tuple[tuple, tuple] | None = None) -> tuple[str, ...] | None:
        """The record's markup in each format, or None when a value is of a type the templates do not
        cover; ``shape``: the record's :func:`_shape`, when already reckoned."""
        keys, classes = shape or _shape(data)
        plan = self.plans.get((keys, classes))
        if plan is None:
            if not _PLAIN.issuperset(classes):
                return None
            if len(self.plans) >= _TEMPLATES:  # (keep the memory bounded whatever the graph)
                self.plans.clear()
            plan = self.plans[keys, classes] = self._plan(keys, classes)
        templates, conversions = plan
        values = list(data.values())
        for i, convert in conversions:
            values[i] = convert(values[i])
        values += names
        if _ESCAPED.search(" ".join(map(str, values))):  # (a space: escape leaves it as it is)
            values = [escape(v) if type(v) is str else v for v in values]
        return tuple([template(*values) for template in templates])

    def _plan(self, keys: tuple, classes: tuple) -> tuple[tuple[str, ...], tuple]:
        written, conversions = [], []
        for i, (key, cls) in enumerate(zip(keys, classes)):
            if cls is _NONE or key not in self.types:
                continue
            written.append((i, key))
            kind = self.types[key]
            if cls is list or cls is tuple:
                conversions.append((i, _flat))
            elif kind is bool:
                conversions.append((i, _true_false))
            elif kind is float and cls is not float:
                conversions.append((i, _float_text))
            # else str.format gives _value's text: str (escaped with the rest), int, float, bool as text
        count = len(keys) + self.names
        templates = tuple(compiled(make([(i, k) for i, k in written if k not in skip], len(keys)), count) for skip, make in self.formats)
        return templates, tuple(conversions)


class _GraphML:
    def __init__(self, graph: "nx.Graph", node_types: dict[str, type], edge_types: dict[str, type], handle: IO[str]) -> None:
        self.graph, self.node_types, self.edge_types, self.write = graph, node_types, edge_types, handle.write
        self.keys: dict[tuple[str, str], str] = {}
        self.skip: frozenset = frozenset()

    def head(self) -> None:
        self.write(GRAPHML_HEAD)
        for scope, types in (("node", self.node_types), ("edge", self.edge_types)):
            for name, kind in types.items():
                self.keys[scope, name] = key = f"d{len(self.keys)}"
                self.write(f'<key id="{key}" for="{scope}" attr.name="{escape(name)}" attr.type="{_GRAPHML_TYPES[kind]}"/>\n')
        self.write(f'<graph edgedefault="{"directed" if self.graph.is_directed() else "undirected"}">\n')

    def _data(self, scope: str, written: list) -> str:
        return "".join(f'<data key="{self.keys[scope, k]}">{{{i}}}</data>' for i, k in written)

    def node_template(self, written: list, n: int) -> str:  # names: node, label
        return f'<node id="{{{n}}}">' + self._data("node", written) + "</node>\n"

    def node(self, node: Any, data: dict) -> str:
        parts = [f'<node id="{escape(node)}">']
        parts += [f'<data key="{self.keys["node", k]}">{_value(v, self.node_types[k])}</data>' for k, v in data.items() if v is not None]
        return "".join(parts) + "</node>\n"

    def middle(self) -> None:
        pass

    def edge_template(self, written: list, n: int) -> str:  # names: source, target, number
        return f'<edge source="{{{n}}}" target="{{{n + 1}}}">' + self._data("edge", written) + "</edge>\n"

    def edge(self, source: Any, target: Any, number: int, data: dict) -> str:
        parts = [f'<edge source="{escape(source)}" target="{escape(target)}">']
        parts += [f'<data key="{self.keys["edge", k]}">{_value(v, self.edge_types[k])}</data>' for k, v in data.items() if v is not None]
        return "".join(parts) + "</edge>\n"

    def tail(self) -> None:
        self.write("</graph></graphml>\n")


class _Gexf:
    """A static GEXF 1.2: the node attribute ``label`` is the node's label, every other attribute an
    attvalue (none is named ``start``/``end``, which Gephi would read as time intervals)."""

    def __init__(self, graph: "nx.Graph", node_types: dict[str, type], edge_types: dict[str, type], handle: IO[str]) -> None:
        # (each attribute's type is its own: without ``label`` the others' are the same)
        self.graph, self.edge_types, self.write = graph, edge_types, handle.write
        self.node_types = {k: v for k, v in node_types.items() if k != "label"}
        self.ids: dict[tuple[str, str], str] = {}
        self.skip = frozenset({"label"})  # of a node's attributes

    def head(self) -> None:
        self.write(GEXF_HEAD)
        self.write(f'  <graph defaultedgetype="{"directed" if self.graph.is_directed() else "undirected"}" mode="static" name="">\n')
        for scope, types in (("node", self.node_types), ("edge", self.edge_types)):
            self.write(f'    <attributes mode="static" class="{scope}">\n')
            for name, kind in types.items():
                self.ids[scope, name] = key = str(len(self.ids))
                self.write(f'      <attribute id="{key}" title="{escape(name)}" type="{_GEXF_TYPES[kind]}" />\n')
            self.write("    </attributes>\n")
        self.write("    <nodes>\n")

    def _values(self, scope: str, written: list) -> str:
        return "".join(f'<attvalue for="{self.ids[scope, k]}" value="{{{i}}}" />' for i, k in written)

    def node_template(self, written: list, n: int) -> str:
        return f'      <node id="{{{n}}}" label="{{{n + 1}}}"><attvalues>' + self._values("node", written) + "</attvalues></node>\n"

    def node(self, node: Any, data: dict) -> str:
        label = data.get("label", node)
        values = "".join(
            f'<attvalue for="{self.ids["node", k]}" value="{_value(v, self.node_types[k])}" />' for k, v in data.items() if k != "label" and v is not None
        )
        return f'      <node id="{escape(node)}" label="{escape(label)}"><attvalues>{values}</attvalues></node>\n'

    def middle(self) -> None:
        self.write("    </nodes>\n    <edges>\n")

    def edge_template(self, written: list, n: int) -> str:
        return f'      <edge source="{{{n}}}" target="{{{n + 1}}}" id="{{{n + 2}}}"><attvalues>' + self._values("edge", written) + "</attvalues></edge>\n"

    def edge(self, source: Any, target: Any, number: int, data: dict) -> str:
        values = "".join(f'<attvalue for="{self.ids["edge", k]}" value="{_value(v, self.edge_types[k])}" />' for k, v in data.items() if v is not None)
        return f'      <edge source="{escape(source)}" target="{escape(target)}" id="{number}"><attvalues>{values}</attvalues></edge>\n'

    def tail(self) -> None:
        self.write("    </edges>\n  </graph>\n</gexf>\n")


def write_graph_xml(graph: "nx.Graph", graphml: IO[str] | None = None, gexf: IO[str] | None = None) -> None:
    """GraphML into ``graphml`` and a static GEXF into ``gexf`` (either or both), in one pass over
    the graph: each record's values are converted and escaped once for both."""
    # Each record's shape reckoned once, for the attribute types and for its template; the distinct
    # shapes kept (``interned``) so that the list holds one tuple per shape, not per record.
    interned: dict = {}
    node_shapes = [interned.setdefault(shape, shape) for shape in map(_shape, (data for _, data in graph.nodes(data=True)))]
    edge_shapes = [interned.setdefault(shape, shape) for shape in map(_shape, (data for *_, data in graph.edges(data=True)))]
    node_types = _shape_types(dict.fromkeys(node_shapes))
    edge_types = _shape_types(dict.fromkeys(edge_shapes))
    writers = [cls(graph, node_types, edge_types, handle) for cls, handle in ((_GraphML, graphml), (_Gexf, gexf)) if handle is not None]
    for writer in writers:
        writer.head()
    pending: list[list[str]] = [[] for _ in writers]  # each writer's records, written a block at a time

    def put(k: int, text: str) -> None:
        pending[k].append(text)
        if len(pending[k]) >= _BLOCK:
            writers[k].write("".join(pending[k]))
            pending[k].clear()

    def flush() -> None:
        for k, writer in enumerate(writers):
            writer.write("".join(pending[k]))
            pending[k].clear()

    nodes = _Templates(node_types, [(w.skip, w.node_template) for w in writers], 2)
    for (node, data), shape in zip(graph.nodes(data=True), node_shapes):
        texts = None
        if type(node) is str:
            label = data.get("label", node)
            texts = nodes.render(data, (node, label if type(label) is str else str(label)), shape)
        for k, writer in enumerate(writers):
            put(k, texts[k] if texts is not None else writer.node(node, data))
    flush()
    for writer in writers:
        writer.middle()
    edges = _Templates(edge_types, [(frozenset(), w.edge_template) for w in writers], 3)  # (an edge's label is an attribute)
    for number, ((source, target, data), shape) in enumerate(zip(graph.edges(data=True), edge_shapes)):
        texts = edges.render(data, (source, target, number), shape) if type(source) is str and type(target) is str else None
        for k, writer in enumerate(writers):
            put(k, texts[k] if texts is not None else writer.edge(source, target, number, data))
    flush()
    for writer in writers:
        writer.tail()


def write_graphml(graph: "nx.Graph", handle: IO[str]) -> None:
    write_graph_xml(graph, graphml=handle)


def write_gexf(graph: "nx.Graph", handle: IO[str]) -> None:
    """A static GEXF 1.2: the node attribute ``label`` is the node's label, every other attribute an
    attvalue (none is named ``start``/``end``, which Gephi would read as time intervals)."""
    write_graph_xml(graph, gexf=handle)
