"""DOCX, HTML and OFD readers (and re-encoded TXT): each format of the 2023 notice gives
the items and task–unit pairs of the TXT; DOCX numbering and tables; HTML cleaning and
metadata; OFD pages; bad inputs.

Fixtures are made by ``scripts/make_docx_html_ofd_fixtures.py`` (committed, deterministic).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import time
from pathlib import Path

import pytest

import pipeline
from conftest import items_of, pairs_of
from pipeline.parse import source_to_document
from pipeline.errors import InputError, InputTooLargeError, NoItemsError
from pipeline.readers import docx, html, ofd, text
from pipeline.readers._zip import CorruptInputError, ZipBombError
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
TXT = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"
# The order in which READERS should try them: zips by content first, then markup, then text.
ORDER = [docx, ofd, html, text]


def pick(path: Path):
    """The reader that recognises the file's content, as ``read_source`` does with ``READERS``."""
    head = path.read_bytes()[:4096]
    for reader in ORDER:
        if reader.sniff(head, path.suffix.lower()):
            return reader
    raise AssertionError(f"no reader recognises {path.name}")


def read(name: str, reader=None):
    path = FORMATS / name
    reader = reader or pick(path)
    return reader.read(str(path), path.read_bytes(), Settings())


def parse(name: str):
    return pipeline.parse(FORMATS / name)


# --- golden: every format, same items and pairs -----------------------------------------

GOLDEN = {
    "notice2023.docx": "docx",
    "notice2023.html": "html",
    "notice2023_gbk.html": "html",
    "notice2023.ofd": "ofd",
    "notice2023.utf16.txt": "text",
    "notice2023.gb18030.txt": "text",
    "notice2023.utf8bom.txt": "text",
    "lying_extension.docx": "html",
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_format_gives_the_items_and_pairs_of_the_txt(name, reference):
    assert len(reference.items) == 28 and len(reference.responsibilities) == 75
    assert pick(FORMATS / name).NAME == GOLDEN[name]
    doc = parse(name)
    assert items_of(doc) == items_of(reference)
    assert pairs_of(doc) == pairs_of(reference)
    assert doc.source.format == GOLDEN[name]


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_format_gives_the_metadata_of_the_txt(name, reference):
    meta, expected = parse(name).meta, reference.meta
    assert (meta.title, meta.doc_number, meta.date, meta.issuer) == (
        expected.title, expected.doc_number, expected.date, expected.issuer)


@pytest.mark.parametrize("name", ["notice2023.docx", "notice2023.html", "notice2023.ofd"])
def test_lines_and_offsets_are_consistent(name):
    source = read(name)
    assert source.text.endswith("\n")
    for number, line in enumerate(source.lines, start=1):
        assert line.number == number
        assert source.text[line.offset : line.offset + len(line.text)] == line.text
    blank = [line.text == "" for line in source.lines]
    assert not any(a and b for a, b in zip(blank, blank[1:])), "one blank line between paragraphs"


def test_sniffing_is_by_content_not_extension():
    assert pick(FORMATS / "lying_extension.docx") is html
    assert pick(FORMATS / "notadocx.docx") is text  # plain text named .docx
    assert not docx.sniff((FORMATS / "notice2023.ofd").read_bytes()[:4096], ".docx")
    assert not ofd.sniff((FORMATS / "notice2023.docx").read_bytes()[:4096], ".ofd")
    assert not html.sniff(TXT.read_bytes()[:4096], ".html")
    assert html.sniff(b"\xef\xbb\xbf\n  <!DOCTYPE html><html>", ".txt")
    assert html.sniff("<p>一、总体要求</p>".encode("utf-16"), "")
    assert not html.sniff("一、总体要求<p>".encode(), ".html")


# --- DOCX -----------------------------------------------------------------------------------


def test_docx_numbering_is_rendered_from_the_numbering_part():
    source = read("notice2023.docx")
    lines = [line.text for line in source.lines if line.text]
    numbered = [t for t in lines if t[:2] in ("一、", "二、") or t.split(" ", 1)[0] in ("1.", "2.", "3.")]
    assert [t.split(" ", 1)[0] if t[0].isdigit() else t[0] for t in numbered[:5]] == ["一", "1.", "2.", "3.", "二"]
    first = lines.index("一、贯彻党的二十大精神，强化思想引领")
    assert [t.split(" ", 1)[0] for t in lines[first + 1 : first + 4]] == ["1.", "2.", "3."]
    assert "二、突出重点群体，聚焦素质提升" in lines
    after = lines[lines.index("二、突出重点群体，聚焦素质提升") + 1]
    assert after.startswith("4. 深化产教融合")  # lvlRestart 0: tasks run on across sections
    assert "18. 加强督查考核指导。" in source.text
    attachment = lines.index("附件")
    assert lines[attachment + 2] == "一、深入推进产教融合"  # second list instance restarts at 一
    assert "十、鼓励引导民营企业和商会助力产改" in lines


def test_docx_numbers_are_not_in_the_paragraph_text():
    import zipfile

    xml = zipfile.ZipFile(FORMATS / "notice2023.docx").read("word/document.xml").decode()
    assert "贯彻党的二十大精神，强化思想引领" in xml
    assert "一、贯彻党的二十大精神" not in xml and "1. 创新做好" not in xml and ">1.<" not in xml


def test_docx_leaves_out_deleted_and_hidden_text():
    source = read("notice2023.docx")
    assert "已删除的文字" not in source.text
    assert "隐藏文字" not in source.text


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"), (23, "chineseCountingThousand", "二十三"), (100, "chineseCounting", "一百"),
        (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"), (3, "ideographTraditional", "丙"),
        (2, "chineseLegalSimplified", "贰"), (3, "decimalEnclosedCircle", "③"), (12, "decimal", "12"),
        (2, "lowerLetter", "b"), (4, "upperRoman", "IV"), (7, "decimalFullWidth", "７"), (5, "none", ""),
    ],
)
def test_docx_number_formats(value, fmt, expected):
    assert docx.format_number(value, fmt) == expected


def _numbering(xml: str) -> "docx.Numbering":
    from lxml import etree

    w = docx.W
    root = etree.fromstring(f'<w:numbering xmlns:w="{w}">{xml}</w:numbering>')
    return docx.Numbering(root, None)


def _para(num_id: str, ilvl: str):
    from lxml import etree

    w = docx.W
    return etree.fromstring(
        f'<w:p xmlns:w="{w}"><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        "<w:r><w:t>x</w:t></w:r></w:p>"
    )


def test_docx_counters_restart_per_level_by_default():
    numbering = _numbering(
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/>'
        '<w:suff w:val="nothing"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    labels = [numbering.label(_para("1", ilvl))[0] for ilvl in "011011"]
    assert labels == ["（一）", "一.1", "一.2", "（二）", "二.1", "二.2"]


# --- DOCX tables ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def table_gold():
    return json.loads((FORMATS / "tablenotice_docx.expected.json").read_text("utf-8"))


def _units(cell_text: str) -> list[str]:
    return [u for part in cell_text.split("\n") for u in part.split("、") if u]


def test_docx_table_rows_match_the_gold(table_gold):
    source = read("tablenotice.docx")
    assert len(source.tables) == 1
    table = source.tables[0]
    assert table.header_rows == table_gold["header_rows"] == 1
    assert [c.text for c in table.rows[0]] == table_gold["header"]
    body = table.rows[table.header_rows :]
    assert len(body) == len(table_gold["rows"]) == 25
    for row, gold in zip(body, table_gold["rows"]):
        number, title, lead, support, deadline = (c.text for c in row)
        assert (number, title, deadline) == (gold["number"], gold["title"], gold["deadline"])
        assert _units(lead) == gold["lead"]
        assert _units(support) == gold["support"]
        if gold["cell_separator"] != "、" and len(gold["support"]) > 1:
            assert "\n" in support  # line breaks (w:br or paragraphs) inside a cell are kept


def test_docx_vertically_merged_cell_is_repeated(table_gold):
    table = read("tablenotice.docx").tables[0]
    first, second = (table.rows[i] for i in table_gold["merged"]["rows"])
    assert first[1].text == second[1].text == "提升获得电力便利度，低压小微企业办电零投资"
    assert first[1] is second[1] or first[1].offset == second[1].offset  # the same cell, once in the text
    assert first[0].text == second[0].text == table_gold["merged"]["number"]
    assert first[2].text != second[2].text


def test_docx_table_cells_stand_in_the_text_on_their_own_lines():
    source = read("tablenotice.docx")
    table = source.tables[0]
    assert source.text.count("提升获得电力便利度，低压小微企业办电零投资") == 1
    for row in table.rows:
        for cell in row:
            assert source.text[cell.offset : cell.offset + len(cell.text)] == cell.text
            assert table.first_line <= cell.line <= table.last_line
            assert source.lines[cell.line - 1].text == cell.text.split("\n")[0]
    before = source.lines[table.first_line - 2]
    assert before.text == "" and source.lines[table.first_line - 3].text == "云岭县2024年优化营商环境重点任务分工方案"


def test_docx_table_notice_front_matter_is_read():
    source = read("tablenotice.docx")
    outside = [line.text for line in source.lines if line.text and not source.tables[0].first_line <= line.number]
    assert outside[:2] == ["云岭县人民政府办公室文件", "云政办发〔2024〕12号"]
    try:
        doc = source_to_document(source, doc_id="tablenotice")
    except NoItemsError:
        pytest.skip("the core does not turn table rows into items yet")
    assert doc.meta.doc_number == "云政办发〔2024〕12号"
    assert len(doc.items) == 24


# --- HTML -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["notice2023.html", "notice2023_gbk.html"])
def test_html_keeps_only_the_article(name):
    fixtures = importlib.import_module("make_docx_html_ofd_fixtures") if _scripts_on_path() else None
    source = read(name)
    for junk in ["首页", "政务公开", "分享到", "微博", "版权所有", "网站标识码", "siteName", "getElementById",
                 "font-family", "当前位置", "浏览次数", "相关文件", "1920×1080"]:
        assert junk not in source.text, junk
    if fixtures is not None:
        assert fixtures.FOOTER_TEXT not in source.text and fixtures.SCRIPT_TEXT not in source.text
    assert source.text.startswith("新时代江苏产业工人队伍建设改革联席会\n\n苏产改办〔2023〕3号\n")
    assert source.tables == ()


@pytest.mark.parametrize("name", ["notice2023.html", "notice2023_gbk.html"])
def test_html_metadata_table_becomes_meta_hints(name):
    hints = dict(read(name).meta_hints)
    assert hints["索引号"] == "014000319/2023-00217"
    assert hints["发文机关"] == "新时代江苏产业工人队伍建设改革联席会议办公室"
    assert hints["成文日期"] == "2023-02-23"
    assert hints["发文字号"] == "苏产改办〔2023〕3号"  # the inline form: <b>发文字号：</b>value in one cell


def test_html_encodings():
    assert read("notice2023.html").encoding == "utf-8"
    assert read("notice2023_gbk.html").encoding == "gb18030"  # declared gbk, read as its superset
    assert read("notice2023.html").text == read("notice2023_gbk.html").text


def test_html_br_and_source_line_wrapping():
    source = read("notice2023.html")
    lines = [line.text for line in source.lines]
    heading = lines.index("一、贯彻党的二十大精神，强化思想引领")  # <br> inside one <p> separates paragraphs
    assert lines[heading + 1] == "" and lines[heading + 2].startswith("1. 创新做好思想政治工作。")
    assert all(not line.startswith(("\u3000", " ")) for line in lines)
    reference = [line.strip() for line in TXT.read_text("utf-8").splitlines() if line.strip()]
    long_ones = [line for line in lines if len(line) > 200]
    assert long_ones and all("\n" not in line for line in long_ones)
    assert any(line in reference for line in long_ones)


def test_html_tables_in_the_article_are_tables():
    path = ROOT / "tests" / "eval" / "f12_table_env.html"
    if not path.exists():
        pytest.skip("no HTML table fixture")
    source = html.read(str(path), path.read_bytes(), Settings())
    assert len(source.tables) == 1
    table = source.tables[0]
    assert [c.text for c in table.rows[0]][:3] == ["序号", "重点工作", "牵头负责部门"]
    assert any("\n" in c.text for row in table.rows for c in row)  # <br> in cells kept
    assert dict(source.meta_hints)["发文字号"] == "白政办字〔2024〕14号"


def test_html_rowspan_and_colspan_are_repeated():
    page = (
        "<html><body><div class='content'><p>云岭县人民政府办公室关于印发重点任务分工方案的通知，请认真贯彻执行。</p>"
        "<table><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr>"
        "<tr><td rowspan='2'>1</td><td>推进一网通办改革</td><td>县政务服务管理局</td></tr>"
        "<tr><td>优化企业开办服务</td><td>县市场监管局<br>县税务局</td></tr>"
        "<tr><td colspan='3'>二、其他任务</td></tr></table></div></body></html>"
    ).encode()
    source = html.read("x.html", page, Settings())
    rows = [[c.text for c in row] for row in source.tables[0].rows]
    assert rows == [
        ["序号", "任务", "牵头单位"],
        ["1", "推进一网通办改革", "县政务服务管理局"],
        ["1", "优化企业开办服务", "县市场监管局\n县税务局"],
        ["二、其他任务"] * 3,
    ]


# --- OFD ------------------------------------------------------------------------------------


def test_ofd_pages_and_provenance(reference):
    source = read("notice2023.ofd")
    assert source.pages and source.pages >= 10
    assert source.paragraphs == "blank"
    assert {line.page for line in source.lines} == set(range(1, source.pages + 1))
    assert "模板页眉" not in source.text  # template pages are left out
    assert "— 1 —" not in source.text and "— 3 —" not in source.text  # page numbers dropped
    doc = parse("notice2023.ofd")
    pages = [item.page for item in doc.items]
    assert pages == sorted(pages) and pages[0] == 2 and pages[-1] >= source.pages - 1
    assert source.lines[doc.items[-1].end_line - 1].page == source.pages
    first = doc.items[0].responsibilities[0]
    assert first.page is not None and source.lines[first.line - 1].page == first.page


def test_ofd_delta_x_shorthand():
    assert ofd.delta_values("g 3 5.6 2.8 g 2 1") == [5.6, 5.6, 5.6, 2.8, 1.0, 1.0]
    assert ofd.delta_values("") == []


def test_ofd_paragraph_cut_by_a_page_break_is_kept_whole():
    source = read("notice2023.ofd")
    pages_of = {}
    paragraph: list = []
    for line in source.lines + (type(source.lines[0])(0, "", 0, None),):
        if line.text:
            paragraph.append(line)
            continue
        if paragraph:
            pages_of.setdefault(len({l.page for l in paragraph}), []).append(paragraph)
        paragraph = []
    assert pages_of.get(2), "some paragraph runs across a page break"


# --- bad inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, reader, error, words",
    [
        ("notadocx.docx", docx, docx.NotDocxError, "not a Word document"),
        ("corrupt.docx", docx, CorruptInputError, "corrupt"),
        ("zipbomb.docx", docx, ZipBombError, "zip bomb"),
        ("nonotice.html", html, html.NoNoticeError, "no notice text"),
        ("notadocx.docx", ofd, ofd.NotOfdError, "not an OFD"),
        ("corrupt.docx", ofd, CorruptInputError, "corrupt"),
        ("notice2023.docx", ofd, ofd.NotOfdError, "no OFD.xml"),
    ],
)
def test_bad_inputs_raise_clear_errors(name, reader, error, words):
    path = FORMATS / name
    started = time.monotonic()
    with pytest.raises(error) as raised:
        reader.read(str(path), path.read_bytes(), Settings())
    assert isinstance(raised.value, InputError)
    assert str(path) in str(raised.value) and words in str(raised.value)
    assert raised.value.hint
    assert time.monotonic() - started < 5


def test_zipbomb_is_refused_before_reading():
    import tracemalloc

    path = FORMATS / "zipbomb.docx"
    assert path.stat().st_size < 1_000_000
    assert docx.sniff(path.read_bytes()[:4096], ".docx")
    tracemalloc.start()
    with pytest.raises(InputTooLargeError):
        docx.read(str(path), path.read_bytes(), Settings())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_plain_text_named_docx_is_not_a_notice():
    source = read("notadocx.docx")  # sniffed as text
    assert source.format == "text"
    with pytest.raises(NoItemsError):
        source_to_document(source, doc_id="notadocx")


# --- the fixtures are reproducible ------------------------------------------------------------


def _scripts_on_path() -> bool:
    import sys

    scripts = str(ROOT / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    return importlib.util.find_spec("make_docx_html_ofd_fixtures") is not None


def test_fixtures_are_regenerated_byte_for_byte(tmp_path):
    assert _scripts_on_path()
    import make_docx_html_ofd_fixtures as maker

    maker.main(tmp_path)
    made = sorted(p.name for p in tmp_path.iterdir())
    assert "notice2023.ofd" in made and "tablenotice_docx.expected.json" in made
    for name in made:
        assert (tmp_path / name).read_bytes() == (FORMATS / name).read_bytes(), name


# --- smaller synthetic cases ------------------------------------------------------------------


def test_html_metadata_in_lists_and_div_paragraphs():
    page = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="云岭县关于印发方案的通知"></head><body>
<div class="xxgk"><ul><li><b>索引号：</b>1234/2024-1</li><li><span>发文机关：</span><span>云岭县人民政府办公室</span></li>
<li><span>发文字号：</span>云政办发〔2024〕12号</li></ul><dl><dt>成文日期</dt><dd>2024-03-15</dd></dl></div>
<div id="content"><div>云岭县人民政府办公室关于印发方案的通知</div><div>各乡（镇）人民政府，县直各部门：</div>
<div>　　现将方案印发给你们，请认真贯彻执行。<br>1. 推进改革。（责任单位：县发展改革局）</div></div>
<div class="footer">版权所有 云岭县人民政府</div></body></html>""".encode()
    source = html.read("x.html", page, Settings())
    hints = dict(source.meta_hints)
    assert hints["索引号"] == "1234/2024-1" and hints["发文机关"] == "云岭县人民政府办公室"
    assert hints["发文字号"] == "云政办发〔2024〕12号" and hints["成文日期"] == "2024-03-15"
    assert hints["标题"] == "云岭县关于印发方案的通知"
    assert source.text.splitlines()[0] == "云岭县人民政府办公室关于印发方案的通知"
    assert "1. 推进改革。（责任单位：县发展改革局）" in source.text.splitlines()
    assert "版权所有" not in source.text and "索引号" not in source.text


def test_docx_list_style_link():
    from lxml import etree

    w = docx.W
    numbering = etree.fromstring(
        f'<w:numbering xmlns:w="{w}">'
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="GWList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="GWList"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )
    styles = etree.fromstring(
        f'<w:styles xmlns:w="{w}"><w:style w:type="numbering" w:styleId="GWList">'
        '<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    numbering = docx.Numbering(numbering, styles)
    assert [numbering.label(_para("1", "0"))[0] for _ in range(3)] == ["一、", "二、", "三、"]


def _ofd_package(content_xml: str) -> bytes:
    import io
    import zipfile

    ns = ofd.NS
    members = {
        "OFD.xml": f'<ofd:OFD xmlns:ofd="{ns}"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<ofd:Document xmlns:ofd="{ns}"><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
        "</ofd:Pages></ofd:Document>",
        "Doc_0/Pages/Page_0/Content.xml": content_xml,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_ofd_without_text_is_refused():
    data = _ofd_package(f'<ofd:Page xmlns:ofd="{ofd.NS}"><ofd:Content><ofd:Layer ID="1">'
                        '<ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="9"/></ofd:Layer></ofd:Content></ofd:Page>')
    assert ofd.sniff(data[:4096], ".ofd")
    with pytest.raises(ofd.OfdNoTextError, match="no text"):
        ofd.read("scan.ofd", data, Settings())


def test_ofd_characters_in_separate_text_objects_make_one_line():
    objects = "".join(
        f'<ofd:TextObject ID="{i + 2}" Boundary="{30 + 5 * i} 40 5 6" Size="5"><ofd:TextCode X="0" Y="4.5">{ch}</ofd:TextCode></ofd:TextObject>'
        for i, ch in reversed(list(enumerate("一、总体要求")))
    )
    data = _ofd_package(f'<ofd:Page xmlns:ofd="{ofd.NS}"><ofd:Content><ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>')
    source = ofd.read("chars.ofd", data, Settings())
    assert source.text == "一、总体要求\n" and source.lines[0].page == 1


def test_zip_ratio_limit_catches_a_bomb_under_the_size_limit():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))  # 50 MiB, ≈ 1000:1
    with pytest.raises(ZipBombError, match="compressed"):
        docx.read("bomb.docx", out.getvalue(), Settings())
    assert issubclass(ZipBombError, InputTooLargeError)


def test_html_layout_table_around_the_page_is_not_metadata():
    rows = "".join(f"<p>{i}. 推进第{i}项重点工作任务落实。（责任单位：县发展改革局）</p>" for i in range(1, 40))
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>
<table><tr><td><table><tr><td>索引号：</td><td>1234</td><td>发文字号：</td><td>云政办发〔2024〕12号</td></tr></table></td></tr>
<tr><td><div>云岭县人民政府办公室关于印发重点任务分工方案的通知</div>{rows}</td></tr></table></body></html>""".encode("gbk")
    source = html.read("layout.html", page, Settings())
    assert source.encoding == "gb18030"
    assert dict(source.meta_hints)["发文字号"] == "云政办发〔2024〕12号"
    assert source.text.count("推进第") == 39 and source.tables == ()
