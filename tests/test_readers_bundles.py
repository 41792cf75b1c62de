"""Saved web pages (.mhtml, a notice over two pages) and bundles (a zip of a notice and its
attachment; a notice and its attachment given as two files): each gives the items and pairs of
the TXT; provenance per file; pagers, download lists and comment boxes left out; zip guards.

Fixtures are made by ``scripts/make_web_bundle_fixtures.py`` (deterministic).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from conftest import items_of, pairs_of
from pipeline.cli import app
from pipeline.readers import bundle, html, mhtml, read_source, read_sources
from pipeline.readers._zip import ZipBombError
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
PAGES = [FORMATS / "notice2023_page1.html", FORMATS / "notice2023_page2.html"]
PAIR = [FORMATS / "bundle_notice.txt", FORMATS / "bundle_attachment.docx"]

GOLDEN = {
    "mhtml": ([FORMATS / "notice2023.mhtml"], "mhtml"),
    "two web pages": (PAGES, "html"),
    "zip bundle": ([FORMATS / "notice2023_bundle.zip"], "zip"),
    "notice + attachment files": (PAIR, "text"),
}


@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_web_pages_and_bundles_give_the_items_and_pairs_of_the_txt(case, reference):
    paths, fmt = GOLDEN[case]
    doc = pipeline.parse_many(paths)
    assert doc.source.format == fmt
    assert items_of(doc) == items_of(reference)
    assert pairs_of(doc) == pairs_of(reference)
    meta, expected = doc.meta, reference.meta
    assert (meta.title, meta.doc_number, meta.date, meta.issuer) == (expected.title, expected.doc_number, expected.date, expected.issuer)
    assert [a.title for a in doc.attachments] == [a.title for a in reference.attachments]


def test_mhtml_is_decoded_from_its_gb2312_quoted_printable_part():
    path = FORMATS / "notice2023.mhtml"
    head = path.read_bytes()[:4096]
    assert mhtml.sniff(head, ".mhtml") and not html.sniff(head, ".mhtml")
    data = path.read_bytes()
    assert b"quoted-printable" in data and "关于印发".encode("gbk") not in data  # encoded on disk
    source = read_source(path)
    assert source.encoding == "gb18030"  # gb2312 from the part's header, widened
    assert source.text == read_source(FORMATS / "notice2023_gbk.html").text
    assert dict(source.meta_hints)["发文字号"] == "苏产改办〔2023〕3号"


def test_mhtml_without_an_html_part_is_refused():
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    with pytest.raises(mhtml.NoHtmlPartError, match="no HTML part"):
        mhtml.read("page.mhtml", data, Settings())


def test_web_page_junk_inside_the_article_is_left_out():
    first, second = (read_source(p) for p in PAGES)
    for junk in ("上一页", "下一页", "附件下载", "P020230228", "我要留言", "文明发言", "已有0条评论"):
        assert junk not in first.text + second.text, junk
    assert "附件" in second.text  # the notice's own attachment heading stays


def test_pages_are_joined_in_order_with_each_file_s_lines():
    source = read_sources(PAGES)
    first, second = (read_source(p) for p in PAGES)
    assert [f.path for f in source.files] == [str(p) for p in PAGES]
    one, two = source.files
    assert (one.first_line, one.last_line) == (1, len(first.lines))
    assert (two.first_line, two.last_line) == (len(first.lines) + 2, len(first.lines) + 1 + len(second.lines))
    for line in source.lines:
        assert source.text[line.offset : line.offset + len(line.text)] == line.text
    assert source.lines[two.first_line - 1].text == second.lines[0].text


def test_item_lines_point_into_the_right_file():
    doc = pipeline.parse_many(PAIR)
    notice, attachment = doc.source.files
    assert notice.format == "text" and attachment.format == "docx"
    for item in doc.items:
        host = attachment if item.part == "attachment" else notice
        assert host.first_line <= item.line <= host.last_line


def test_bundle_members_are_ordered_notice_first_with_gbk_names():
    archive = zipfile.ZipFile(FORMATS / "notice2023_bundle.zip")
    raw = [info for info in archive.infolist()]
    assert all(not info.flag_bits & 0x800 for info in raw)  # names stored without the UTF-8 flag
    assert [bundle.member_name(info) for info in raw][0].startswith("附件")
    doc = pipeline.parse(FORMATS / "notice2023_bundle.zip")
    assert [Path(f.path.split("!")[1]).suffix for f in doc.source.files] == [".txt", ".docx"]
    assert doc.source.files[0].path.endswith("!关于印发2023年产改工作要点的通知.txt")
    skipped = [w for w in doc.warnings if w.code == "bundle_member_skipped"]
    assert len(skipped) == 1 and "images/logo.png" in skipped[0].message


@pytest.mark.parametrize(
    "names, expected",
    [
        (["附件2.xlsx", "附件10.doc", "通知.docx", "附件1.pdf"], ["通知.docx", "附件1.pdf", "附件2.xlsx", "附件10.doc"]),
        (["附件三.doc", "附件一.doc", "附件二.doc", "正文.pdf"], ["正文.pdf", "附件一.doc", "附件二.doc", "附件三.doc"]),
        (["b.txt", "a.txt"], ["a.txt", "b.txt"]),
    ],
)
def test_bundle_order(names, expected):
    assert bundle.order(names) == expected


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_bundle_without_documents_is_refused():
    with pytest.raises(bundle.EmptyBundleError, match="no notice file"):
        read_source_bytes("pics.zip", _zip({"a.png": b"x", "b.jpg": b"y"}))


def test_bundle_zip_bomb_is_refused():
    data = _zip({"notice.txt": b"\0" * (50 * 1024 * 1024)})
    with pytest.raises(ZipBombError, match="compressed"):
        read_source_bytes("bomb.zip", data)


def test_a_bundle_inside_a_bundle_is_not_unpacked():
    inner = _zip({"notice.txt": "1. 推进改革。（责任单位：县发展改革局）".encode()})
    with pytest.raises(bundle.EmptyBundleError, match="no notice file"):
        read_source_bytes("outer.zip", _zip({"inner.zip": inner}))


def read_source_bytes(name: str, data: bytes):
    from pipeline.readers import read_bytes

    return read_bytes(name, data, Settings())


def test_cli_parse_takes_a_notice_and_its_attachments(tmp_path, reference):
    out = tmp_path / "notice.json"
    result = CliRunner().invoke(app, ["parse", str(PAIR[0]), str(PAIR[1]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{out}: 28 items, 75 responsibilities, 0 warnings"
    data = pipeline.document_from_dict(__import__("json").loads(out.read_text("utf-8")))
    assert [f.path for f in data.source.files] == [str(p) for p in PAIR]
    assert pairs_of(data) == pairs_of(reference)


def test_web_and_bundle_fixtures_are_regenerated_byte_for_byte(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import make_web_bundle_fixtures as maker

    maker.main(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert "notice2023_bundle.zip" in made and "notice2023.mhtml" in made
    for name in made:
        assert (tmp_path / name).read_bytes() == (FORMATS / name).read_bytes(), name


def test_task_table_on_a_web_page_gives_every_row_with_its_roles():
    """The task table typed as a site's HTML table: <br> between units, the merged task as rowspan."""
    import json

    from test_readers_office import gold_roles, roles_of

    gold = json.loads((FORMATS / "tasktable.expected.json").read_text("utf-8"))
    rows = []
    previous = None
    for index, row in enumerate(gold["rows"]):
        span = sum(1 for r in gold["rows"] if (r["number"], r["title"]) == (row["number"], row["title"]))
        key = (row["number"], row["title"])
        shared = "" if key == previous else (
            f"<td rowspan='{span}'>{row['number']}</td><td rowspan='{span}'>{row['title']}</td>")
        rows.append(f"<tr>{shared}<td>{'<br>'.join(row['lead'])}</td><td>{'<br/>'.join(row['support'])}</td></tr>")
        previous = key
    page = (
        "<html><head><meta charset='utf-8'></head><body><div class='nav'>首页 政务公开</div><div id='zoom'>"
        f"<p>{gold['title']}</p><table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>"
        + "".join(rows) + "</table></div><div class='footer'>版权所有</div></body></html>"
    ).encode()
    from pipeline.parse import source_to_document

    doc = source_to_document(html.read("table.html", page, Settings()), doc_id="table")
    assert roles_of(doc) == gold_roles(gold)
