"""Web pages (.html) of government sites: the article body, its tables, its metadata table.

The page is decoded with the charset it declares (``<meta charset>`` or
``http-equiv``; GBK/GB2312 widened to GB18030), else the one detected as for text.
Scripts, styles, navigation, headers, footers, share buttons and breadcrumbs are
dropped, and inside the article box pagers (下一页), comment boxes and the download list of
the attachment files; the article is the deepest element that holds nearly all of the Chinese text
of the page's ``<p>`` (or, on pages without ``<p>``, of its text blocks). Block
elements and ``<br>`` separate paragraphs (one blank line between paragraphs).
The 信息公开 metadata table (索引号, 发文机关, 成文日期, 发文字号 …) becomes
``Source.meta_hints``; other tables become ``Source.tables``.
"""

from __future__ import annotations

import re

from ..errors import DecodeError, EmptyInputError
from ..heal import is_wide
from ..model import Source
from ..settings import Settings
from ._builder import TextBuilder

NAME = "html"

_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<p[\s>]|<div[\s>]|<meta[\s>]|<head[\s>]|<table[\s>]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}

DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "iframe", "object", "embed",
             "button", "select", "textarea", "form", "svg", "canvas", "aside")
DROP_WORDS = ("share", "nav", "footer", "breadcrumb", "crumb", "bdshare", "sharebar", "toolbar", "menu",
              "sidebar", "copyright", "position", "location", "print", "fontsize", "font-size",
              # inside the article box on many sites: pagers (下一页) and comment boxes
              "pagination", "pager", "page-nav", "pagenav", "comment", "pinglun")
# Boxes dropped only when they are mostly links: the download list of the attachment files and
# related links (a box of the same name holding the attachment's own text stays).
LINK_BOX_WORDS = ("download", "fujian", "attach", "related", "xgwj", "xglj")
_PAGER = re.compile(r"^(?:[\s|/<>«»·…\[\]]|首页|上一页|下一页|尾页|末页|上页|下页|共\s*\d+\s*页|第\s*\d+\s*页|\d+)+$")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
              "h4", "h5", "h6", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr", "tr",
              "tbody", "thead", "tfoot", "caption", "body", "html", "form", "fieldset", "details", "summary"}
META_LABELS = ("索引号", "主题分类", "分类", "发文机关", "发布机构", "成文日期", "发文日期", "发文字号", "文号",
               "发布日期", "公开日期", "标题", "名称", "主题词", "有效性", "统一编号", "体裁分类", "组配分类")
_META_CELL = re.compile(r"^\s*(" + "|".join(META_LABELS) + r")\s*[：:]\s*(.*)$", re.S)
_META_NAMES = {"articletitle": "标题", "pubdate": "发布日期", "contentsource": "来源"}  # TRS-style <meta name>
_MIN_CJK = 20  # a notice has at least this many Chinese characters
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WS = re.compile(r"[ \t\r\n\f\v]+")


class NoNoticeError(EmptyInputError):
    hint = "Save the page of the notice itself (not an index or search page), or copy its text into a .txt file."


def sniff(head: bytes, suffix: str) -> bool:
    """Markup in the first KB: it must start (after BOM and blanks) with ``<`` and name an HTML tag."""
    start = head[:1024]
    for bom in (b"\xef\xbb\xbf",):
        if start.startswith(bom):
            start = start[len(bom):]
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            start = start[2:].decode("utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", "ignore").encode("utf-8")
        except (UnicodeDecodeError, LookupError):
            return False
    start = start.lstrip()
    if not start.startswith(b"<"):
        return False
    return _SNIFF.search(start) is not None


# --- decoding ---------------------------------------------------------------------


def declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:8192])
    if not found:
        return None
    name = found.group(1).decode("ascii", "ignore").lower()
    return _WIDEN.get(name, name)


def decode(data: bytes, forced: str | None = None) -> tuple[str, str]:
    from .text import decode as decode_text
    from .text import detect_encoding

    if forced:
        return decode_text(data, forced)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, detect_encoding(data))
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a page that lies about its charset: detect instead
    return decode_text(data, detect_encoding(data))


# --- cleaning and choosing the article ---------------------------------------------


def _attr_words(element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _extract_meta(root) -> list[tuple[str, str]]:
    """Pairs from metadata tables (label cell then value cell, or ``label：value`` in one cell)."""
    hints: list[tuple[str, str]] = []
    for table in list(root.iter("table")):
        if table.find(".//table") is not None or len(table.text_content()) > 2000:
            continue  # a layout table around the page, not the metadata table
        cells = [c for c in table.iter("td", "th")]
        texts = [_WS.sub(" ", c.text_content()).strip() for c in cells]
        labelled = sum(1 for t in texts if _META_CELL.match(t) or t.rstrip("：: ") in META_LABELS)
        if labelled < 2:
            continue
        for index, text in enumerate(texts):
            found = _META_CELL.match(text)
            label = value = None
            if found and found.group(2).strip():
                label, value = found.group(1), found.group(2).strip()
            elif text.rstrip("：: ") in META_LABELS and index + 1 < len(texts):
                following = texts[index + 1]
                if following.rstrip("：: ") not in META_LABELS and not _META_CELL.match(following):
                    label, value = text.rstrip("：: "), following
            if label and value and all(k != label for k, _ in hints):
                hints.append((label, value))
        table.drop_tree()
    _extract_meta_items(root, hints)
    for meta in root.iter("meta"):
        label = _META_NAMES.get((meta.get("name") or "").lower())
        value = _WS.sub(" ", meta.get("content") or "").strip()
        if label and value and all(k != label for k, _ in hints):
            hints.append((label, value))
    return hints


def _extract_meta_items(root, hints: list[tuple[str, str]]) -> None:
    """``<li>索引号：…</li>``, ``<dt>索引号</dt><dd>…</dd>``, ``<span>`` pairs: taken when a page has several."""
    found: list[tuple[object, str, str, object]] = []
    for element in root.iter("li", "dt", "dd", "p", "div", "span", "label", "em", "strong", "b"):
        text = _WS.sub(" ", element.text_content()).strip()
        if not text or len(text) > 150:
            continue
        match = _META_CELL.match(text)
        if match and match.group(2).strip():
            found.append((element, match.group(1), match.group(2).strip(), None))
            continue
        if text.rstrip("：: ") in META_LABELS:
            following = element.getnext()
            value = _WS.sub(" ", following.text_content()).strip() if following is not None else ""
            if following is None or element.tail and element.tail.strip():
                value = (element.tail or "").strip()
                following = None
            if value and len(value) <= 150 and not _META_CELL.match(value):
                found.append((element, text.rstrip("：: "), value, following))
    # Keep the innermost element of each pair (a <li> and the <span> inside it say the same thing).
    elements = {id(e) for e, *_ in found}
    inner = [f for f in found if not any(id(d) in elements for d in f[0].iterdescendants() if d is not f[0])]
    if len({label for _, label, _, _ in inner}) < 2:
        return
    for element, label, value, following in inner:
        if all(k != label for k, _ in hints):
            hints.append((label, value))
    for element, _, _, following in inner:
        for node in (following, element):
            if node is not None and node.getparent() is not None:
                node.drop_tree()


def _clean(root) -> None:
    for element in list(root.iter(*DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    total = _cjk(root.text_content())
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        if element.getparent() is None:
            continue
        words = _attr_words(element)
        content = element.text_content()
        if words.strip() and any(word in words for word in DROP_WORDS):
            # Never drop the bulk of the page (an article whose class happens to say "print-area").
            if _cjk(content) < 0.5 * total:
                element.drop_tree()
                continue
        if words.strip() and any(word in words for word in LINK_BOX_WORDS) and _cjk(content) < 0.5 * total:
            linked = sum(len(_WS.sub("", a.text_content())) for a in element.iter("a"))
            if linked >= 0.5 * len(_WS.sub("", content)):
                element.drop_tree()
                continue
        if element.tag in ("p", "div", "span", "td", "center") and len(content) < 80 and "页" in content:
            if _PAGER.match(_WS.sub(" ", content).strip()):  # 上一页 1 2 下一页: a pager without a class
                element.drop_tree()
    for comment in list(root.iter()):
        if not isinstance(comment.tag, str) and comment.getparent() is not None:
            comment.drop_tree()


def _scores(root) -> dict:
    """CJK characters of the ``<p>`` under each element (or of all text blocks if there is no ``<p>``)."""
    scores: dict = {}
    paragraphs = list(root.iter("p"))
    units = [(p, _cjk(p.text_content())) for p in paragraphs]
    if sum(n for _, n in units) < _MIN_CJK:
        units = []
        for element in root.iter():
            if not isinstance(element.tag, str) or element.tag == "a":
                continue
            own = (element.text or "") + "".join(child.tail or "" for child in element)
            units.append((element, _cjk(own)))
    for element, count in units:
        if not count:
            continue
        node = element
        while node is not None:
            scores[node] = scores.get(node, 0) + count
            node = node.getparent()
    return scores


def _article(root):
    scores = _scores(root)
    if not scores:
        return None, 0
    best = root  # holds all the counted text
    total = scores.get(root, 0)
    # Go down while one child still holds nearly all of the text.
    while True:
        children = [c for c in best if isinstance(c.tag, str) and scores.get(c, 0) >= 0.85 * total]
        if not children or children[0].tag == "p":
            break
        if children[0].tag == "table" and not _is_layout_table(children[0]):
            break  # a page that is mostly a task table: the table is read whole, as a table
        best = children[0]
    return best, total


# --- text and tables ----------------------------------------------------------------


class _Builder(TextBuilder):
    """Paragraphs from inline text; tables written cell by cell on their own lines."""

    def __init__(self) -> None:
        super().__init__()
        self.current: list[str] = []

    def inline(self, text: str) -> None:
        self.current.append(text)

    def end_paragraph(self) -> None:
        text = _collapse("".join(self.current))
        self.current = []
        if text:
            self.write([text])

    def table(self, rows: list[list[tuple[int, str]]], header_rows: int) -> None:
        self.end_paragraph()
        self.add_table(rows, header_rows)

    def text(self) -> str:
        self.end_paragraph()
        return super().text()


def _collapse(text: str) -> str:
    """HTML whitespace: runs become one space, none where a source line break joins Chinese text."""

    text = text.replace("\xa0", " ")
    parts = re.split(r"([ \t\r\n\f\v]+)", text)
    out = []
    for index, part in enumerate(parts):
        if index % 2 == 0:
            out.append(part)
            continue
        before = parts[index - 1][-1:] if parts[index - 1] else ""
        after = parts[index + 1][:1] if index + 1 < len(parts) else ""
        if not before or not after or ("\n" in part and is_wide(before) and is_wide(after)):
            out.append("")
        else:
            out.append(" ")
    return "".join(out).strip(" \u3000")


def _is_layout_table(table) -> bool:
    """A table that lays out the page (nested tables, or long paragraphs in a cell), not data."""
    if table.find(".//table") is not None:
        return True
    return any(len(_WS.sub("", c.text_content())) > 600 for c in table.iter("td", "th"))


def _cell_text(cell) -> str:
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _collapse("".join(current))
        current.clear()
        if text:
            lines.append(text)

    def walk(element) -> None:
        if element.text:
            current.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == "br":
                flush()
            elif child.tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)
            if child.tail:
                current.append(child.tail)

    walk(cell)
    flush()
    return "\n".join(lines)


def _table_rows(table) -> tuple[list[list[tuple[int, str]]], int]:
    """Rows of (cell key, text) on the grid: rowspan and colspan cells repeated."""
    rows: list[list[tuple[int, str]]] = []
    pending: dict[int, tuple[int, str, int]] = {}  # column → (key, text, rows left)
    header_rows, counting = 0, True
    key = 0
    trs = [tr for tr in table.iter("tr") if _owner_table(tr) is table]
    for tr in trs:
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        in_head = tr.getparent() is not None and tr.getparent().tag == "thead"
        if counting and (in_head or (cells and all(c.tag == "th" for c in cells))):
            header_rows += 1
        else:
            counting = False
        row: list[tuple[int, str]] = []
        column = 0
        queue = list(cells)
        while queue or column in pending:
            if column in pending:
                cell_key, text, left = pending[column]
                row.append((cell_key, text))
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = (cell_key, text, left - 1)
                column += 1
                continue
            cell = queue.pop(0)
            text = _cell_text(cell)
            span = _span(cell.get("colspan"))
            rowspan = _span(cell.get("rowspan"))
            for _ in range(span):
                row.append((key, text))
                if rowspan > 1:
                    pending[column] = (key, text, rowspan - 1)
                column += 1
            key += 1
        rows.append(row)
    return rows, header_rows or 1


def _owner_table(element):
    node = element.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _walk(element, builder: _Builder) -> None:
    if element.text:
        builder.inline(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            builder.end_paragraph()
        elif tag == "table" and not _is_layout_table(child):
            rows, header_rows = _table_rows(child)
            builder.table(rows, header_rows)
        elif tag in BLOCK_TAGS or tag in ("table", "td", "th"):
            builder.end_paragraph()
            _walk(child, builder)
            builder.end_paragraph()
        elif tag:
            _walk(child, builder)
        if child.tail:
            builder.inline(child.tail)


def read(path: str, data: bytes, settings: Settings) -> Source:
    import lxml.html  # only needed for web pages

    from . import sha256, split_lines

    try:
        markup, encoding = decode(data, settings.encoding)
    except DecodeError as error:
        raise DecodeError(error.message, path=path) from None
    markup = _XML_DECLARATION.sub("", markup.lstrip("\ufeff"), count=1)
    try:
        root = lxml.html.document_fromstring(markup)
    except Exception as error:  # lxml ParserError / XMLSyntaxError on an empty or broken document
        raise NoNoticeError(f"cannot parse this HTML page ({error})", path=path) from None
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    hints = _extract_meta(root)
    _clean(root)
    article, total = _article(root)
    if article is None or total < _MIN_CJK:
        raise NoNoticeError(
            "this HTML page contains no notice text (no paragraphs of Chinese text);"
            " it may be an index page, or a page whose text is loaded by JavaScript",
            path=path,
        )
    builder = _Builder()
    _walk(article, builder)
    text = builder.text()
    return Source(
        path=path,
        sha256=sha256(data),
        format=NAME,
        text=text,
        lines=tuple(split_lines(text)),
        encoding=encoding,
        tables=tuple(builder.tables),
        meta_hints=tuple(hints),
    )
