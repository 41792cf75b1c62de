"""Regenerate, deterministically, the DOCX / HTML / OFD / re-encoded fixtures of the readers.

    python scripts/make_docx_html_ofd_fixtures.py [outdir]

Writes into ``tests/fixtures/formats/`` (by default):

* ``notice2023.docx`` — the 2023 notice (corpus TXT) with Word automatic numbering:
  sections 一、 through a paragraph style linked to a list, tasks 1. as the list's
  second level (never restarting), attachment projects 一、 as a second list instance
  restarting at 一; the numbers are not in the paragraph text. Paragraphs cut by the
  TXT's page breaks (``（责任单`` ⏎⏎ ``位：…）``) are joined back.
* ``notice2023.html`` / ``notice2023_gbk.html`` — the notice as a government web page
  (navigation, metadata table, article, share buttons, scripts, footer), UTF-8 and GBK.
* ``notice2023.ofd`` — an OFD package (GB/T 33190) with the notice laid out line by line
  on A4 pages, text objects stored out of reading order.
* ``notice2023.utf16.txt`` / ``.gb18030.txt`` / ``.utf8bom.txt`` — the TXT re-encoded.
* ``tablenotice.docx`` + ``tablenotice_docx.expected.json`` — a fictitious table-form notice.
* bad inputs: ``notadocx.docx``, ``corrupt.docx``, ``zipbomb.docx``, ``nonotice.html``,
  ``lying_extension.docx`` (an HTML notice named .docx).

Only the standard library, python-docx and lxml are used; zips get fixed timestamps so
that the bytes are the same on every run.
"""

from __future__ import annotations

import html
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCE_TXT = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"
OUTDIR = ROOT / "tests" / "fixtures" / "formats"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

SECTION_RE = re.compile(r"^([一二三四五六七八九十]+)、")
TASK_RE = re.compile(r"^(\d+)\. ?")
TERMINAL = "。）：；！？”"
JOIN_MIN = 50  # a cut paragraph is long; short lines without final punctuation are titles/signatures


# --------------------------------------------------------------------------- the notice


def notice_paragraphs() -> list[str]:
    """The TXT's paragraphs, with the page-break cuts joined back."""
    blocks = [b.strip() for b in SOURCE_TXT.read_text("utf-8").split("\n") if b.strip()]
    out: list[str] = []
    for block in blocks:
        heading = SECTION_RE.match(block) or TASK_RE.match(block) or block.startswith("附件")
        if out and not heading and len(out[-1]) >= JOIN_MIN and out[-1][-1] not in TERMINAL:
            out[-1] += block
        else:
            out.append(block)
    return out


def classify(paragraphs: list[str]) -> list[tuple[str, str]]:
    """``(kind, text)``: kind is section / task / project (attachment) / attachment / plain."""
    out = []
    in_attachment = False
    for text in paragraphs:
        if text == "附件":
            in_attachment = True
            out.append(("attachment", text))
        elif SECTION_RE.match(text):
            out.append(("project" if in_attachment else "section", text))
        elif TASK_RE.match(text) and not in_attachment:
            out.append(("task", text))
        else:
            out.append(("plain", text))
    return out


def _is_title(kind: str, text: str) -> bool:
    return kind == "plain" and text[-1] not in TERMINAL and len(text) <= 60 and not re.match(r"^\d{4}年", text)


# --------------------------------------------------------------------------- zips


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and order so output is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def write_zip(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    return out.getvalue()


# --------------------------------------------------------------------------- docx


def _new_document():
    import datetime as dt

    from docx import Document

    doc = Document()
    cp = doc.core_properties
    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    cp.created = cp.modified = cp.last_printed = fixed
    cp.author = cp.last_modified_by = "fengong-fixtures"
    cp.revision = 1
    return doc


def _font(run: Any, size: float, bold: bool = False, face: str = "仿宋_GB2312") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), face)


def _el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _add_numbering(doc) -> tuple[str, str]:
    """One abstract list (一、 / 1.) and two instances: the plan (numId 101) and the attachment (102)."""
    from docx.oxml.ns import qn

    numbering = doc.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId="100")
    abstract.append(_el("w:multiLevelType", val="multilevel"))
    levels = [
        # ilvl, numFmt, lvlText, suff, restart, pStyle
        ("0", "chineseCounting", "%1、", "nothing", None, "GWHeading1"),
        ("1", "decimal", "%2.", "space", "0", None),  # tasks run on across sections
        ("2", "decimal", "（%3）", "nothing", None, None),
    ]
    for ilvl, fmt, text, suff, restart, style in levels:
        lvl = _el("w:lvl", ilvl=ilvl)
        lvl.append(_el("w:start", val="1"))
        lvl.append(_el("w:numFmt", val=fmt))
        if restart is not None:
            lvl.append(_el("w:lvlRestart", val=restart))
        if style:
            lvl.append(_el("w:pStyle", val=style))
        lvl.append(_el("w:suff", val=suff))
        lvl.append(_el("w:lvlText", val=text))
        lvl.append(_el("w:lvlJc", val="left"))
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", firstLine="640", left="0"))
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    plan = _el("w:num", numId="101")
    plan.append(_el("w:abstractNumId", val="100"))
    numbering.append(plan)
    attachment = _el("w:num", numId="102")
    attachment.append(_el("w:abstractNumId", val="100"))
    override = _el("w:lvlOverride", ilvl="0")
    override.append(_el("w:startOverride", val="1"))
    attachment.append(override)
    numbering.append(attachment)
    return "101", "102"


def _add_heading_style(doc, num_id: str) -> None:
    """Style GWHeading1 (黑体, numbered through its numPr) as a 公文 first-level heading."""
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.add_style("GWHeading1", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    ppr = style.element.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:numId", val=num_id))  # no ilvl: the level whose pStyle is this style
    ppr.insert(0, numpr)


def _numbered(paragraph, num_id: str, ilvl: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", val=ilvl))
    numpr.append(_el("w:numId", val=num_id))
    ppr.append(numpr)


def _split_title(text: str) -> tuple[str, str]:
    """Task text → (first sentence with its 。, rest), as 公文 set the title in bold."""
    index = text.find("。")
    return (text[: index + 1], text[index + 1 :]) if index >= 0 else (text, "")


def build_notice_docx() -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = _new_document()
    plan_num, attachment_num = _add_numbering(doc)
    _add_heading_style(doc, plan_num)
    deleted_once = False
    for kind, text in classify(notice_paragraphs()):
        if kind == "section":
            p = doc.add_paragraph(style="GWHeading1")
            _font(p.add_run(SECTION_RE.sub("", text, count=1)), 16, face="黑体")
        elif kind == "project":
            p = doc.add_paragraph()
            _numbered(p, attachment_num, "0")
            _font(p.add_run(SECTION_RE.sub("", text, count=1)), 16, face="黑体")
        elif kind == "task":
            p = doc.add_paragraph()
            _numbered(p, plan_num, "1")
            title, rest = _split_title(TASK_RE.sub("", text, count=1))
            _font(p.add_run(title), 16, bold=True, face="楷体_GB2312")
            if not deleted_once:  # a tracked deletion and a hidden run must stay out of the text
                deleted_once = True
                deletion = OxmlElement("w:del")
                deletion.set(qn("w:id"), "1")
                deletion.set(qn("w:author"), "fengong-fixtures")
                run = OxmlElement("w:r")
                deleted = OxmlElement("w:delText")
                deleted.text = "（已删除的文字）"
                run.append(deleted)
                deletion.append(run)
                p._p.append(deletion)
                hidden = p.add_run("隐藏文字")
                hidden.font.hidden = True
            if rest:
                _font(p.add_run(rest), 16)
        else:
            p = doc.add_paragraph()
            if _is_title(kind, text):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _font(p.add_run(text), 16)
    # An empty paragraph and a page break before the end, as Word documents have.
    doc.add_paragraph()
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


# ---- table notice


TABLE_HEAD = [
    "云岭县人民政府办公室文件",
    "云政办发〔2024〕12号",
    "云岭县人民政府办公室关于印发《云岭县2024年优化营商环境重点任务分工方案》的通知",
    "各乡（镇）人民政府，县直各部门：",
    "现将《云岭县2024年优化营商环境重点任务分工方案》印发给你们，请认真抓好贯彻落实。",
    "云岭县人民政府办公室",
    "2024年3月15日",
    "云岭县2024年优化营商环境重点任务分工方案",
]
TABLE_HEADERS = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
# (number, title, lead, support, deadline, separator) — separator of units in the cells:
# "、" inline, "br" line breaks (w:br) inside one paragraph, "para" one paragraph per unit.
TABLE_ROWS: list[tuple[str, str, list[str], list[str], str, str]] = [
    ("1", "深化“一网通办”改革，政务服务事项网上可办率达到98%以上", ["县政务服务管理局"], ["县直各部门"], "2024年12月底前", "、"),
    ("2", "推行企业开办“一日办结”，全程网上办理", ["县市场监管局"], ["县公安局", "县税务局", "县人社局"], "2024年6月底前", "br"),
    ("3", "压减工程建设项目审批时间，全流程审批不超过60个工作日", ["县住建局"], ["县自然资源局", "县发展改革局", "县生态环境分局"], "2024年9月底前", "、"),
    ("4", "推进不动产登记与水电气过户联动办理", ["县自然资源局"], ["县供电公司", "县水务局"], "2024年6月底前", "para"),
    ("5", "落实减税降费政策，确保应享尽享", ["县税务局", "县财政局"], ["县工信商务局"], "长期坚持", "、"),
    ("6", "清理拖欠中小企业账款，建立防止拖欠长效机制", ["县工信商务局"], ["县财政局", "县司法局"], "2024年12月底前", "br"),
    ("7", "提升获得电力便利度，低压小微企业办电零投资", ["县供电公司"], ["县发展改革局"], "2024年6月底前", "、"),
    ("7", "提升获得电力便利度，低压小微企业办电零投资", ["县发展改革局"], ["县住建局", "县自然资源局"], "2024年12月底前", "、"),
    ("8", "优化用水报装服务，压减接入时间", ["县水务局"], ["县住建局"], "2024年9月底前", "、"),
    ("9", "加强中小投资者保护，畅通维权渠道", ["县人民法院"], ["县司法局", "县市场监管局"], "长期坚持", "br"),
    ("10", "推进破产案件简易审理，降低办理破产成本", ["县人民法院"], ["县财政局", "县人社局", "县税务局"], "2024年12月底前", "para"),
    ("11", "开展涉企违规收费专项整治", ["县市场监管局"], ["县发展改革局", "县财政局"], "2024年10月底前", "、"),
    ("12", "建立常态化政企沟通机制，定期召开企业家座谈会", ["县工信商务局"], ["县工商联"], "长期坚持", "、"),
    ("13", "推进“双随机、一公开”监管全覆盖", ["县市场监管局"], ["县直有关部门"], "2024年12月底前", "、"),
    ("14", "完善信用修复机制，推行信用承诺制", ["县发展改革局"], ["县市场监管局", "县税务局", "县人民法院"], "2024年11月底前", "br"),
    ("15", "加强公共资源交易平台建设，推进全流程电子化", ["县政务服务管理局"], ["县财政局", "县住建局", "县交通运输局", "县水务局"], "2024年8月底前", "para"),
    ("16", "实施政府采购意向公开，降低供应商参与成本", ["县财政局"], ["各预算单位"], "长期坚持", "、"),
    ("17", "落实援企稳岗政策，及时兑现就业补贴", ["县人社局"], ["县财政局", "县税务局"], "2024年12月底前", "、"),
    ("18", "加大金融支持力度，扩大普惠小微贷款投放", ["县财政局"], ["县发展改革局", "县工信商务局", "县农业农村局"], "2024年12月底前", "br"),
    ("19", "提升跨境贸易便利化水平，压缩进出口通关时间", ["县工信商务局"], ["县交通运输局"], "2024年9月底前", "、"),
    ("20", "推进知识产权质押融资，加强知识产权保护", ["县市场监管局"], ["县人民法院", "县公安局"], "2024年12月底前", "、"),
    ("21", "规范行政执法行为，推行包容审慎监管", ["县司法局"], ["县直各行政执法部门"], "长期坚持", "、"),
    ("22", "优化涉农审批服务，推动农业经营主体便利准入", ["县农业农村局"], ["各乡（镇）人民政府"], "2024年10月底前", "、"),
    ("23", "开展营商环境评价，以评促改", ["县发展改革局"], ["县直各部门", "各乡（镇）人民政府"], "2024年11月底前", "br"),
    ("24", "加强机构职能优化，精简审批事项", ["县委编办"], ["县政务服务管理局", "县司法局"], "2024年7月底前", "para"),
]
MERGED_NUMBER = "7"  # the 序号 and 工作任务 cells of task 7 span two rows


def _fill_cell(cell: Any, lines: list[str], mode: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    if mode == "para":
        for index, line in enumerate(lines):
            p = paragraph if index == 0 else cell.add_paragraph()
            _font(p.add_run(line), 12, bold)
        return
    if mode == "、":
        lines = ["、".join(lines)]
    run = paragraph.add_run()
    _font(run, 12, bold)
    for index, line in enumerate(lines):
        if index:
            run.add_break()
        run.add_text(line)


def build_table_docx() -> tuple[bytes, dict[str, Any]]:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _new_document()
    for index, text in enumerate(TABLE_HEAD):
        p = doc.add_paragraph()
        if index in (0, 2, 7):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif index in (5, 6):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _font(p.add_run(text), 22 if index in (0, 2, 7) else 16, bold=index in (0, 2, 7))
    table = doc.add_table(rows=1 + len(TABLE_ROWS), cols=len(TABLE_HEADERS))
    table.style = "Table Grid"
    header_trpr = table.rows[0]._tr.get_or_add_trPr()
    header_trpr.append(_el("w:tblHeader", val="true"))  # repeated on every page
    for column, title in enumerate(TABLE_HEADERS):
        _fill_cell(table.cell(0, column), [title], "、", bold=True)
    merged_rows = [i for i, row in enumerate(TABLE_ROWS, start=1) if row[0] == MERGED_NUMBER]
    for i, (number, title, lead, support, deadline, mode) in enumerate(TABLE_ROWS, start=1):
        if i == merged_rows[1]:
            pass  # filled through the merge of the row above
        elif i == merged_rows[0]:
            for column, value in ((0, number), (1, title)):
                cell = table.cell(i, column).merge(table.cell(merged_rows[1], column))  # vMerge
                _fill_cell(cell, [value], "、")
        else:
            _fill_cell(table.cell(i, 0), [number], "、")
            _fill_cell(table.cell(i, 1), [title], "、")
        _fill_cell(table.cell(i, 2), lead, mode)
        _fill_cell(table.cell(i, 3), support, mode)
        _fill_cell(table.cell(i, 4), [deadline], "、")
    doc.add_paragraph()
    buf = io.BytesIO()
    doc.save(buf)
    expected = {
        "issuer": "云岭县人民政府办公室",
        "doc_number": "云政办发〔2024〕12号",
        "header": TABLE_HEADERS,
        "header_rows": 1,
        "merged": {"number": MERGED_NUMBER, "rows": merged_rows},
        "rows": [
            {
                "number": number,
                "title": title,
                "lead": lead,
                "support": support,
                "deadline": deadline,
                "cell_separator": {"、": "、", "br": "line break", "para": "paragraph"}[mode],
            }
            for number, title, lead, support, deadline, mode in TABLE_ROWS
        ],
    }
    return normalise_zip(buf.getvalue()), expected


# --------------------------------------------------------------------------- html

HTML_META = [
    ("索引号", "014000319/2023-00217"),  # fictitious
    ("主题分类", "劳动、人事"),
    ("发文机关", "新时代江苏产业工人队伍建设改革联席会议办公室"),
    ("成文日期", "2023-02-23"),
    ("发文字号", "苏产改办〔2023〕3号"),
    ("发布日期", "2023-02-28"),
]
NAV_TEXT = ["首页", "政务公开", "政务服务", "互动交流", "走进江苏"]
FOOTER_TEXT = "主办单位：江苏省人民政府办公厅 版权所有 网站标识码3200000001 苏ICP备05009999号"
SHARE_TEXT = "分享到：微信 微博 QQ空间"
SCRIPT_TEXT = "var siteName = '江苏省人民政府门户网站';"


def build_html(charset: str = "utf-8") -> str:
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    kinds = classify(notice_paragraphs())
    body: list[str] = []
    index = 0
    while index < len(kinds):
        kind, text = kinds[index]
        if kind == "section" and index + 1 < len(kinds) and kinds[index + 1][0] == "task" and text.startswith("一、"):
            # Some sites separate paragraphs with <br> inside one <p>.
            body.append(f'<p style="text-indent:2em">{esc(text)}<br/>\n&nbsp;&nbsp;{esc(kinds[index + 1][1])}</p>')
            index += 2
            continue
        if _is_title(kind, text):
            body.append(f'<p style="text-align:center"><strong>{esc(text)}</strong></p>')
        elif kind == "task":
            number_title, rest = _split_title(text)
            body.append(f'<p style="text-indent:2em"><span style="font-family:楷体">{esc(number_title)}</span>{esc(rest)}</p>')
        elif len(text) > 200 and index % 3 == 0:
            # The page source wraps long lines; a newline between Chinese characters is no space.
            cut = len(text) // 2
            body.append(f'<p style="text-indent:2em">\n    {esc(text[:cut])}\n    {esc(text[cut:])}\n</p>')
        else:
            body.append(f'<p style="text-indent:2em">　　{esc(text)}</p>')
        index += 1
    meta_rows = []
    for (k1, v1), (k2, v2) in zip(HTML_META[::2], HTML_META[1::2]):
        if k1 == "发文字号":  # the inline form: label and value in one cell
            meta_rows.append(f"<tr><td colspan=\"2\"><b>{k1}：</b>{esc(v1)}</td><td>{k2}：</td><td>{esc(v2)}</td></tr>")
        else:
            meta_rows.append(f"<tr><th>{k1}：</th><td>{esc(v1)}</td><th>{k2}：</th><td>{esc(v2)}</td></tr>")
    nav = "".join(f'<li><a href="/{i}.html">{t}</a></li>' for i, t in enumerate(NAV_TEXT))
    title = kinds[2][1]
    nl = "\n"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="ArticleTitle" content="{esc(title)}">
<title>{esc(title)}_江苏省人民政府</title>
<style>body {{ font-family: "Microsoft YaHei"; }} .article-content p {{ line-height: 2; }}</style>
<script>{SCRIPT_TEXT}</script>
</head>
<body>
<header class="site-header"><div class="logo">江苏省人民政府</div>
<nav class="main-nav"><ul>{nav}</ul></nav></header>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 文件</div>
<div class="container">
<table class="xxgk-meta" border="1">
{nl.join(meta_rows)}
</table>
<h1 class="article-title">{esc(title)}</h1>
<div class="article-info">来源：省产改办 发布时间：2023-02-28 浏览次数：<span id="count">1024</span></div>
<div class="article-content" id="zoom">
{nl.join(body)}
</div>
<div class="share-bar bdsharebuttonbox">{SHARE_TEXT}</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a.html">关于印发《2022年江苏产业工人队伍建设改革工作要点》的通知</a></li></ul></div>
</div>
<div id="footer" class="footer"><p>{FOOTER_TEXT}</p><p>建议使用1920×1080分辨率浏览本网站</p></div>
<script type="text/javascript">document.getElementById("count").innerText = "访问量";</script>
</body>
</html>
"""


NONOTICE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Portal</title>
<script>var a = 1;</script></head>
<body><nav class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>
<div class="content"><p>Welcome to the portal. This page lists no documents.</p>
<p>Please use the search box to find a notice.</p></div>
<div class="footer">Copyright 2024</div></body></html>
"""


# --------------------------------------------------------------------------- ofd

OFD_NS = "http://www.ofdspec.org/2016"
PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP = 28.0, 26.0, 37.0
SIZE = 5.6  # 三号 ≈ 16 pt
PITCH = 10.2
LINES_PER_PAGE = 22
TEXT_W = PAGE_W - LEFT - RIGHT  # 156 mm: 27-28 characters
NO_LINE_START = "，。、；：？！）》”’"


def _width(ch: str) -> float:
    return SIZE / 2 if ord(ch) < 0x2000 else SIZE


def _wrap(text: str, first_indent: float) -> list[tuple[float, str]]:
    """Lines of a paragraph with their left x: 2-character first-line indent, no punctuation first."""
    lines: list[tuple[float, str]] = []
    current, width, x = "", 0.0, LEFT + first_indent
    for ch in text:
        w = _width(ch)
        if current and width + w > TEXT_W - (x - LEFT) + 0.01 and ch not in NO_LINE_START:
            lines.append((x, current))
            current, width, x = "", 0.0, LEFT
        current += ch
        width += w
    if current:
        lines.append((x, current))
    return lines


def layout_lines() -> list[tuple[float, str]]:
    """(x, text) per physical line; (None, '') marks a forced page break."""
    out: list[tuple[float | None, str]] = []
    for kind, text in classify(notice_paragraphs()):
        if kind == "attachment":
            out.append((None, ""))  # an attachment starts on a new page
            out.append((LEFT, text))
            continue
        if _is_title(kind, text):
            pieces = text.split(" ") if sum(map(_width, text)) > TEXT_W else [text]
            for piece in pieces:
                w = sum(map(_width, piece))
                out.append((LEFT + (TEXT_W - w) / 2, piece))
            continue
        if re.match(r"^\d{4}年\d+月\d+日$", text):
            w = sum(map(_width, text))
            out.append((PAGE_W - RIGHT - 4 * SIZE - w, text))
            continue
        out.extend(_wrap(text, 2 * SIZE))
    return out


def _delta_x(text: str) -> str:
    """DeltaX in the compressed form ``g N w`` for runs of equal widths."""
    widths = [_width(ch) for ch in text[:-1]]
    parts: list[str] = []
    i = 0
    while i < len(widths):
        j = i
        while j < len(widths) and widths[j] == widths[i]:
            j += 1
        count = j - i
        value = f"{widths[i]:g}"
        parts.append(f"g {count} {value}" if count > 2 else " ".join([value] * count))
        i = j
    return " ".join(parts)


def _text_object(object_id: int, x: float, baseline: float, text: str) -> str:
    width = sum(map(_width, text))
    top = baseline - SIZE * 0.86
    delta = _delta_x(text)
    delta_attr = f' DeltaX="{delta}"' if delta else ""
    return (
        f'<ofd:TextObject ID="{object_id}" Boundary="{x:.3f} {top:.3f} {width + 0.5:.3f} {SIZE * 1.2:.3f}" Font="2" Size="{SIZE}">'
        f'<ofd:FillColor Value="0 0 0"/>'
        f'<ofd:TextCode X="0" Y="{SIZE * 0.86:.3f}"{delta_attr}>{html.escape(text, quote=False)}</ofd:TextCode>'
        "</ofd:TextObject>"
    )


def build_ofd() -> bytes:
    pages: list[list[tuple[float, str]]] = [[]]
    for x, text in layout_lines():
        if x is None:
            if pages[-1]:
                pages.append([])
            continue
        if len(pages[-1]) == LINES_PER_PAGE:
            pages.append([])
        pages[-1].append((x, text))
    members: list[tuple[str, bytes]] = []
    object_id = 10
    page_entries = []
    contents = []
    for number, lines in enumerate(pages):
        objects = []
        for row, (x, text) in enumerate(lines):
            baseline = TOP + row * PITCH + SIZE
            if row % 5 == 3 and len(text) > 12:  # some lines in two text objects
                cut = len(text) // 2
                head_w = sum(map(_width, text[:cut]))
                objects.append(_text_object(object_id, x, baseline, text[:cut]))
                objects.append(_text_object(object_id + 1, x + head_w, baseline, text[cut:]))
                object_id += 2
            else:
                objects.append(_text_object(object_id, x, baseline, text))
                object_id += 1
        # Stored out of reading order: odd rows first, then even rows, reversed.
        page_number = f'<ofd:TextObject ID="{object_id}" Boundary="{PAGE_W / 2 - 8:.3f} 270 16 6" Font="2" Size="4.9">' \
                      f'<ofd:TextCode X="0" Y="4.2" DeltaX="g 4 2.45">— {number + 1} —</ofd:TextCode></ofd:TextObject>'
        object_id += 1
        objects.append(page_number)  # in the body layer, as most producers do
        shuffled = objects[1::2] + objects[::2][::-1]
        content = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content><ofd:Layer ID="{object_id}" Type="Body">'
            + "".join(shuffled)
            + "</ofd:Layer></ofd:Content>"
            '<ofd:Template TemplateID="1" ZOrder="Background"/></ofd:Page>'
        )
        object_id += 1
        contents.append((f"Doc_0/Pages/Page_{number}/Content.xml", content.encode("utf-8")))
        page_entries.append(f'<ofd:Page ID="{number + 100}" BaseLoc="Pages/Page_{number}/Content.xml"/>')
    ofd_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.1" DocType="OFD"><ofd:DocBody>'
        "<ofd:DocInfo><ofd:DocID>8c2f1b0e3a7d4e5f9a6b2c1d0e9f8a7b</ofd:DocID>"
        "<ofd:Title>关于印发《2023年江苏产业工人队伍建设改革工作要点及责任分工方案》的通知</ofd:Title>"
        "<ofd:Author>fengong-fixtures</ofd:Author><ofd:CreationDate>2023-02-23</ofd:CreationDate></ofd:DocInfo>"
        "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    document_xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>{object_id}</ofd:MaxUnitID>'
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
        '<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
        "</ofd:CommonData><ofd:Pages>" + "".join(page_entries) + "</ofd:Pages></ofd:Document>"
    )
    public_res = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res"><ofd:Fonts>'
        '<ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>'
    )
    template = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content><ofd:Layer ID="5">'
        '<ofd:TextObject ID="6" Boundary="20 10 170 8" Font="2" Size="4.2">'
        '<ofd:TextCode X="0" Y="4">江苏省产业工人队伍建设改革联席会议办公室（模板页眉）</ofd:TextCode>'
        "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"
    )
    members.append(("OFD.xml", ofd_xml.encode("utf-8")))
    members.append(("Doc_0/Document.xml", document_xml.encode("utf-8")))
    members.append(("Doc_0/PublicRes.xml", public_res.encode("utf-8")))
    members.append(("Doc_0/Tpls/Tpl_0/Content.xml", template.encode("utf-8")))
    members.extend(contents)
    return write_zip(members)


# --------------------------------------------------------------------------- bad inputs


def build_zipbomb() -> bytes:
    """A DOCX-looking zip whose document.xml expands to 210 MB of zeros (≈ 200 KB compressed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for name, data in (
            ("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
            ("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
        ):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, data)
        info = zipfile.ZipInfo("word/document.xml", date_time=FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(210):
                member.write(chunk)
    return out.getvalue()


# --------------------------------------------------------------------------- main


def main(outdir: Path = OUTDIR) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "notice2023.docx").write_bytes(build_notice_docx())
    page = build_html("utf-8")
    (outdir / "notice2023.html").write_bytes(page.encode("utf-8"))
    (outdir / "notice2023_gbk.html").write_bytes(build_html("gbk").encode("gbk"))
    (outdir / "notice2023.ofd").write_bytes(build_ofd())
    text = SOURCE_TXT.read_text("utf-8")
    (outdir / "notice2023.utf16.txt").write_bytes(text.encode("utf-16"))  # with BOM (little-endian)
    (outdir / "notice2023.gb18030.txt").write_bytes(text.encode("gb18030"))
    (outdir / "notice2023.utf8bom.txt").write_bytes(text.encode("utf-8-sig"))
    table_docx, expected = build_table_docx()
    (outdir / "tablenotice.docx").write_bytes(table_docx)
    (outdir / "tablenotice_docx.expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    (outdir / "notadocx.docx").write_bytes("这不是Word文档，只是一段纯文本。\n".encode("utf-8"))
    (outdir / "corrupt.docx").write_bytes(table_docx[: len(table_docx) // 2])
    (outdir / "zipbomb.docx").write_bytes(build_zipbomb())
    (outdir / "nonotice.html").write_bytes(NONOTICE_HTML.encode("utf-8"))
    (outdir / "lying_extension.docx").write_bytes(page.encode("utf-8"))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTDIR)
