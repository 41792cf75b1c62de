"""Regenerate the PDF fixtures of ``tests/fixtures/formats/`` deterministically.

    /tmp/probe/bin/python scripts/make_format_fixtures.py [outdir]

Needs reportlab, Pillow, pypdfium2 (to render the scanned page) and a CJK
TrueType font (WenQuanYi Zen Hei, Debian package ``fonts-wqy-zenhei``; Noto CJK
is CFF, which reportlab cannot embed). The notices are typeset GB/T 9704-style:
A4, 156 mm × 225 mm text area, 三号 body text on a 28-character grid, red 版头,
2-character first-line indents, justified lines (clauses break across lines and
pages), a running header and ``— N —`` page numbers.

Files written:

* ``notice2023.pdf``               the 2023 notice of ``corpus/`` (embedded TrueType subset)
* ``notice2023_fakebold.pdf``      the same, every glyph drawn twice with a 0.3 pt offset
* ``notice2023_nonembedded.pdf``   the same with the non-embedded CID font STSong-Light
* ``notice2023_scan_page.pdf``     the same, page 3 replaced by a 150 dpi grayscale image
* ``tablenotice.pdf`` + ``tablenotice.expected.json``  a synthetic table-form notice
* ``encrypted.pdf``, ``truncated.pdf``, ``zero_pages.pdf``, ``notapdf.pdf``  bad inputs
"""

from __future__ import annotations

import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import Color, black, red
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

ROOT = Path(__file__).resolve().parents[1]
CORPUS_2023 = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"
FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
)
PAGE_W, PAGE_H = A4
LEFT = 28 * mm
TEXT_W = 156 * mm
TOP = PAGE_H - 37 * mm  # top of the text area
BOTTOM = 35 * mm
BODY = 15.5  # 28 characters per line
PITCH = 30.13  # 21 lines per page: puts two 责任单位 clauses (one inside its label) across page breaks
TITLE = 20.0
RUNNING_HEADER = "苏产改办〔2023〕3号"
GREY = Color(0.35, 0.35, 0.35)

NO_LINE_START = set("，。、；：？！）》”’」』〕】%…—·")
NO_LINE_END = set("（《“‘「『〔【")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、]|（\d+）)")


def register_fonts() -> None:
    if "CJK" in pdfmetrics.getRegisteredFontNames():
        return
    for path in FONT_FILES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("CJK", path, subfontIndex=0))
            break
    else:
        raise SystemExit("WenQuanYi Zen Hei not found: apt-get install fonts-wqy-zenhei")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))


# --- the notice as paragraphs ----------------------------------------------------


@dataclass
class Para:
    text: str
    style: str  # red | center | title | left | body | right | attachment
    new_page: bool = False


def notice_paragraphs(path: Path = CORPUS_2023) -> list[Para]:
    """The TXT's paragraphs with a style each; page-break artefacts of the TXT joined back."""
    raw = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    # front matter, by position: 版头, 文号, title, addressees, body…, signature line(s), date, plan title
    date = next(i for i, t in enumerate(raw) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t))
    signature = date
    while not raw[signature - 1].endswith(("。", "：")):
        signature -= 1
    paras = [Para(raw[0], "red"), Para(raw[1], "center"), Para(raw[2], "title"), Para(raw[3], "left")]
    paras += [Para(t, "body") for t in raw[4:signature]]
    paras += [Para(t, "right") for t in raw[signature : date + 1]]
    paras.append(Para(raw[date + 1], "title", new_page=True))
    body: list[str] = []
    for text in raw[date + 2 :]:
        previous_is_heading = bool(body) and bool(HEADING.match(body[-1])) and len(body[-1]) <= 40 and "。" not in body[-1]
        if body and not body[-1].endswith(("。", "）", "：")) and not HEADING.match(text) and not previous_is_heading and "附件" not in (text, body[-1]):
            body[-1] += text  # the TXT's blank line here was a page break inside a paragraph
        else:
            body.append(text)
    after_marker = False
    for text in body:
        if text == "附件":
            paras.append(Para(text, "attachment", new_page=True))
            after_marker = True
        elif after_marker:
            paras.append(Para(text, "title"))
            after_marker = False
        else:
            paras.append(Para(text, "body"))
    return paras


# --- typesetting -------------------------------------------------------------------


def tokens(text: str) -> list[str]:
    """Break opportunities: ASCII words/numbers stay whole, every other character is its own token."""
    return re.findall(r"[A-Za-z0-9%+.\-]+|.", text)


def break_lines(text: str, font: str, size: float, width: float, indent: float, hang: bool = True) -> list[str]:
    lines: list[str] = []
    current = ""
    avail = width - indent
    for token in tokens(text):
        trial = current + token
        if pdfmetrics.stringWidth(trial, font, size) <= avail + 0.01 or not current:
            current = trial
            continue
        if token[0] in NO_LINE_START and hang:  # hang it on this line (squeezed by justification)
            current = trial
            continue
        if token[0] in NO_LINE_START and len(current) > 1:  # no room to hang: take a character along
            lines.append(current[:-1])
            current = current[-1] + token
            avail = width
            continue
        if current[-1] in NO_LINE_END and len(current) > 1:
            lines.append(current[:-1])
            current = current[-1] + token
        else:
            lines.append(current)
            current = token
        avail = width
    if current:
        lines.append(current)
    return lines


class Typesetter:
    def __init__(self, canvas: Canvas, font: str, fakebold: bool = False, header: str = RUNNING_HEADER):
        self.c = canvas
        self.font = font
        self.fakebold = fakebold
        self.header = header
        self.page = 0
        self.y = TOP
        self.start_page()

    # page furniture
    def start_page(self) -> None:
        self.page += 1
        self.y = TOP
        if self.page > 1 and self.header:
            self.draw(self.header, PAGE_W / 2 - pdfmetrics.stringWidth(self.header, self.font, 10.5) / 2, PAGE_H - 20 * mm, 10.5, GREY)
            self.c.setStrokeColor(GREY)
            self.c.setLineWidth(0.5)
            self.c.line(LEFT, PAGE_H - 22 * mm, LEFT + TEXT_W, PAGE_H - 22 * mm)

    def end_page(self) -> None:
        folio = f"— {self.page} —"
        self.draw(folio, PAGE_W / 2 - pdfmetrics.stringWidth(folio, self.font, 14) / 2, 20 * mm, 14, black)
        self.c.showPage()

    def new_page(self) -> None:
        self.end_page()
        self.start_page()

    def finish(self) -> None:
        self.end_page()
        self.c.save()

    def draw(self, text: str, x: float, y: float, size: float, color, char_space: float = 0.0) -> None:
        c = self.c
        c.setFillColor(color)
        if not self.fakebold:
            t = c.beginText(x, y)
            t.setFont(self.font, size)
            t.setCharSpace(char_space)
            t.textOut(text)
            c.drawText(t)
            return
        for ch in text:  # every glyph twice, the second 0.3 pt to the right (WPS-style fake bold)
            w = pdfmetrics.stringWidth(ch, self.font, size)
            for dx in (0.0, 0.3):
                t = c.beginText(x + dx, y)
                t.setFont(self.font, size)
                t.textOut(ch)
                c.drawText(t)
            x += w + char_space

    def need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self.new_page()

    def paragraph(self, para: Para) -> None:
        if para.new_page and self.y != TOP:
            self.new_page()
        style = para.style
        if style == "red":
            size = 24.0
            self.need(size * 1.6)
            self.y -= size
            width = pdfmetrics.stringWidth(para.text, self.font, size)
            self.draw(para.text, PAGE_W / 2 - width / 2, self.y, size, red)
            self.y -= PITCH * 0.9
            return
        if style == "center":
            self.need(PITCH)
            self.y -= BODY
            width = pdfmetrics.stringWidth(para.text, self.font, BODY)
            self.draw(para.text, PAGE_W / 2 - width / 2, self.y, BODY, black)
            self.c.setStrokeColor(red)
            self.c.setLineWidth(1.5)
            self.c.line(LEFT, self.y - 10, LEFT + TEXT_W, self.y - 10)
            self.y -= PITCH * 1.6
            return
        if style == "title":
            parts = [p for p in re.split(r"(?<=[\u4e00-\u9fff》]) (?=[\u4e00-\u9fff《])", para.text) if p]
            lines = []
            for part in parts:
                lines.extend(break_lines(part, self.font, TITLE, TEXT_W, 0))
            self.need(len(lines) * TITLE * 1.45 + PITCH)
            for line in lines:
                self.y -= TITLE * 1.45
                width = pdfmetrics.stringWidth(line, self.font, TITLE)
                self.draw(line, PAGE_W / 2 - width / 2, self.y, TITLE, black)
            self.y -= PITCH * 0.8
            return
        if style in ("right",):
            self.need(PITCH)
            self.y -= PITCH
            width = pdfmetrics.stringWidth(para.text, self.font, BODY)
            self.draw(para.text, LEFT + TEXT_W - 2 * BODY - width, self.y, BODY, black)
            return
        indent = 0.0 if style in ("left", "attachment") else 2 * BODY
        lines = break_lines(para.text, self.font, BODY, TEXT_W, indent)
        for index, line in enumerate(lines):
            if self.y - PITCH < BOTTOM:
                self.new_page()
            self.y -= PITCH
            x = LEFT + (indent if index == 0 else 0.0)
            natural = pdfmetrics.stringWidth(line, self.font, BODY)
            space = 0.0
            if index < len(lines) - 1 and len(line) > 1:
                space = (LEFT + TEXT_W - x - natural) / (len(line) - 1)
            self.draw(line, x, self.y, BODY, black, space)


def make_notice(path: Path, font: str = "CJK", fakebold: bool = False, source: Path = CORPUS_2023) -> int:
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle("2023年江苏产业工人队伍建设改革工作要点及责任分工方案")
    setter = Typesetter(canvas, font, fakebold)
    for para in notice_paragraphs(source):
        setter.paragraph(para)
    setter.finish()
    return setter.page


def make_scan_page(source: Path, path: Path, page_index: int = 2, dpi: int = 150) -> None:
    """``source`` with one page replaced by a grayscale image of it (no text layer)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(source))
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        images.append(image)
    pdf.close()
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    # pages other than page_index keep their text: re-typeset the notice, swapping one page for its image
    canvas.setTitle("notice2023 with a scanned page")
    from reportlab.lib.utils import ImageReader

    setter = Typesetter(canvas, "CJK")
    original_show = canvas.showPage
    page_no = [0]

    def show_page() -> None:
        if page_no[0] == page_index:
            # discard what was drawn for this page and draw its image instead
            canvas._code = []  # reportlab's page content buffer
            buffer = io.BytesIO()
            images[page_index].point(lambda v: 255 if v > 200 else v).save(buffer, "PNG", optimize=True)
            buffer.seek(0)
            canvas.drawImage(ImageReader(buffer), 0, 0, PAGE_W, PAGE_H)
        page_no[0] += 1
        original_show()

    canvas.showPage = show_page  # type: ignore[method-assign]
    for para in notice_paragraphs():
        setter.paragraph(para)
    setter.finish()


# --- the table notice ---------------------------------------------------------------

TABLE_HEAD = ["云岭县人民政府办公室文件", "云政办发〔2024〕12号", "云岭县人民政府办公室关于印发云岭县2024年优化营商环境重点任务分工表的通知"]
TABLE_BODY = [
    "各乡（镇）人民政府，县政府各部门：",
    "《云岭县2024年优化营商环境重点任务分工表》已经县人民政府同意，现印发给你们，请认真贯彻落实。各牵头单位要会同配合单位细化措施，于每季度末将进展情况报送县发展和改革局。",
]
TABLE_HEADERS = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
# (number, task, lead units, support units, deadline); units joined in the cell by 、 or a line break
TABLE_ROWS = [
    ("1", "推行企业开办“一网通办”，开办时间压缩至1个工作日以内。", ["县市场监督管理局"], ["县公安局", "县税务局"], "2024年3月底前"),
    ("2", "推进工程建设项目审批制度改革，审批时限压减至60个工作日以内。", ["县住房和城乡建设局"], ["县自然资源局", "县发展和改革局"], "2024年6月底前"),
    ("3", "优化不动产登记服务，一般登记业务办理时间压缩至3个工作日。", ["县自然资源局"], ["县税务局"], "2024年4月底前"),
    ("4", "提升获得电力服务水平，低压小微企业用电报装实现零投资。", ["县供电公司"], ["县发展和改革局"], "持续推进"),
    ("5", "降低企业用水报装成本，推行接水工程免费代办服务。", ["县水务局"], ["县住房和城乡建设局", "县自来水公司"], "2024年6月底前"),
    ("6", "推进纳税服务便利化，全面推行电子发票。", ["县税务局"], ["县财政局"], "2024年12月底前"),
    ("7", "加强中小企业融资服务，新增普惠小微贷款5亿元。", ["县金融工作局"], ["人行云岭县支行", "县财政局"], "2024年12月底前"),
    ("8", "落实减税降费政策，确保应享尽享。", ["县税务局"], ["县财政局", "县发展和改革局"], "持续推进"),
    ("9", "规范涉企收费，开展涉企违规收费专项整治。", ["县市场监督管理局"], ["县发展和改革局", "县财政局"], "2024年9月底前"),
    ("10", "推进政务服务“一件事一次办”，新增集成服务事项20项。", ["县政务服务管理局"], ["县级各部门"], "2024年10月底前"),
    ("11", "建设县级“12345”营商环境投诉平台，诉求办结率达到95%以上。", ["县政务服务管理局"], ["县级各部门"], "持续推进"),
    ("12", "保护中小投资者权益，建立涉企矛盾纠纷多元化解机制。", ["县人民法院"], ["县司法局"], "2024年12月底前"),
    ("13", "加强知识产权保护，全年办理专利侵权纠纷案件30件。", ["县市场监督管理局"], ["县公安局", "县人民检察院"], "持续推进"),
    ("14", "推进“双随机、一公开”监管全覆盖，跨部门联合抽查比例达到30%。", ["县市场监督管理局"], ["县级各执法部门"], "2024年11月底前"),
    ("15", "优化人才服务，为引进人才提供住房、子女入学等保障，建立人才服务专员制度，实行“一人一档”跟踪服务，帮助解决引进人才在工作生活中遇到的实际困难，全年新引进高层次人才50名以上。", ["县委组织部", "县人力资源和社会保障局"], ["县教育体育局", "县住房和城乡建设局", "县卫生健康局"], "2024年12月底前"),
    ("16", "建立政企沟通机制，每季度召开一次企业家座谈会。", ["县工商业联合会"], ["县发展和改革局", "县工业和信息化局"], "持续推进"),
    ("17", "推进项目“拿地即开工”，重大产业项目全覆盖。", ["县自然资源局", "县住房和城乡建设局"], ["县发展和改革局"], "2024年12月底前"),
    ("18", "落实包容审慎监管，推行轻微违法行为不予处罚清单。", ["县司法局"], ["县级各执法部门"], "2024年6月底前"),
    ("19", "推进公共资源交易全流程电子化，不见面开标率达到100%。", ["县公共资源交易中心"], ["县财政局"], "2024年9月底前"),
    ("20", "清理拖欠民营企业中小企业账款，做到应清尽清。", ["县工业和信息化局"], ["县财政局", "县国有资产监督管理局"], "2024年6月底前"),
    ("21", "开展营商环境评价，对乡镇和部门进行考核排名。", ["县发展和改革局"], ["各乡（镇）人民政府"], "2024年12月底前"),
    ("22", "推行惠企政策“免申即享”，兑现资金线上直达。", ["县财政局"], ["县工业和信息化局", "县科学技术局"], "2024年12月底前"),
    ("23", "加强社会信用体系建设，推行信用承诺制。", ["县发展和改革局"], ["县市场监督管理局"], "持续推进"),
    ("24", "提升跨境贸易便利化水平，压缩进出口整体通关时间。", ["县商务局"], ["县税务局", "云岭海关"], "2024年12月底前"),
    ("25", "营造亲商安商氛围，宣传一批优秀企业家典型。", ["县委宣传部"], ["县工商业联合会", "县融媒体中心"], "持续推进"),
]
COL_W = [12 * mm, 62 * mm, 30 * mm, 34 * mm, 24 * mm]  # 162 mm: the table slightly exceeds the text width
CELL_SIZE = 10.5
CELL_LEAD = 14.0
CELL_PAD = 3.0


def _cell_lines(parts: list[str], width: float, joiner: str) -> list[str]:
    """A cell's lines: each part on its own line(s) when joiner is a line break, else joined with 、."""
    texts = parts if joiner == "\n" else [joiner.join(parts)]
    lines: list[str] = []
    for text in texts:
        lines.extend(break_lines(text, "CJK", CELL_SIZE, width - 2 * CELL_PAD, 0, hang=False))
    return lines


def make_table_notice(path: Path, gold_path: Path) -> None:
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle("云岭县2024年优化营商环境重点任务分工表")
    setter = Typesetter(canvas, "CJK", header="")
    setter.paragraph(Para(TABLE_HEAD[0], "red"))
    setter.paragraph(Para(TABLE_HEAD[1], "center"))
    setter.paragraph(Para(TABLE_HEAD[2], "title"))
    setter.paragraph(Para(TABLE_BODY[0], "left"))
    setter.paragraph(Para(TABLE_BODY[1], "body"))
    for text in ("云岭县人民政府办公室", "2024年3月1日"):
        setter.paragraph(Para(text, "right"))
    setter.paragraph(Para("云岭县2024年优化营商环境重点任务分工表", "title", new_page=True))

    def row_cells(row) -> list[list[str]]:
        number, task, lead, support, deadline = row
        joiner_lead = "\n" if len(lead) > 1 and int(number) % 2 else "、"
        joiner_support = "\n" if int(number) % 3 == 0 else "、"
        return [
            [number],
            _cell_lines([task], COL_W[1], ""),
            _cell_lines(lead, COL_W[2], joiner_lead),
            _cell_lines(support, COL_W[3], joiner_support),
            _cell_lines([deadline], COL_W[4], ""),
        ]

    x0 = (PAGE_W - sum(COL_W)) / 2
    xs = [x0]
    for w in COL_W:
        xs.append(xs[-1] + w)

    def draw_row(cells: list[list[str]], top: float, nlines: int, bold: bool = False) -> float:
        height = nlines * CELL_LEAD + 2 * CELL_PAD + 2
        bottom = top - height
        c = canvas
        c.setStrokeColor(black)
        c.setLineWidth(0.6)
        c.line(xs[0], top, xs[-1], top)
        c.line(xs[0], bottom, xs[-1], bottom)
        for x in xs:
            c.line(x, top, x, bottom)
        for col, lines in enumerate(cells):
            for k, line in enumerate(lines):
                y = top - CELL_PAD - CELL_LEAD * (k + 1) + 3
                if col in (0, 4) or bold:
                    w = pdfmetrics.stringWidth(line, "CJK", CELL_SIZE)
                    x = xs[col] + (COL_W[col] - w) / 2
                else:
                    x = xs[col] + CELL_PAD
                setter.draw(line, x, y, CELL_SIZE, black)
        return bottom

    def header(top: float) -> float:
        return draw_row([[h] for h in TABLE_HEADERS], top, 1, bold=True)

    y = header(setter.y - 8)
    gold_rows = []
    split_rows: list[str] = []
    for row in TABLE_ROWS:
        cells = row_cells(row)
        nlines = max(len(c) for c in cells)
        height = nlines * CELL_LEAD + 2 * CELL_PAD + 2
        if y - height < BOTTOM:
            room = int((y - BOTTOM - 2 * CELL_PAD - 2) // CELL_LEAD)
            if room >= 1 and nlines > room:  # split the row across the page break
                split_rows.append(row[0])
                first = [c[:room] for c in cells]
                rest = [c[room:] if k else [] for k, c in enumerate(cells)]
                draw_row(first, y, room)
                setter.new_page()
                y = header(TOP)
                y = draw_row(rest, y, max(len(c) for c in rest))
            else:
                setter.new_page()
                y = header(TOP)
                y = draw_row(cells, y, nlines)
        else:
            y = draw_row(cells, y, nlines)
        number, task, lead, support, deadline = row
        gold_rows.append({"number": number, "title": task, "lead": lead, "support": support, "deadline": deadline})
    setter.y = y - 10
    setter.paragraph(Para("云岭县人民政府办公室2024年3月1日印发", "left"))
    setter.finish()
    gold = {
        "source": path.name,
        "headers": TABLE_HEADERS,
        "rows": gold_rows,
        "split_rows": split_rows,
        "note": "Synthetic notice: issuer, number and figures are fictitious. split_rows are continued on the next page under a repeated header row, with an empty 序号.",
    }
    gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")


# --- bad inputs ------------------------------------------------------------------------

ZERO_PAGES = b"""%PDF-1.4
1 0 obj
<< /Type /Catalog /Pages 2 0 R >>
endobj
2 0 obj
<< /Type /Pages /Kids [] /Count 0 >>
endobj
"""


def make_zero_pages(path: Path) -> None:
    body = ZERO_PAGES
    offsets = [body.index(b"1 0 obj"), body.index(b"2 0 obj")]
    xref = len(body)
    table = b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(body + table + trailer)


def make_encrypted(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    register_fonts()
    encrypt = StandardEncryption("user-secret", ownerPassword="owner-secret", strength=128)
    canvas = Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    canvas.setFont("CJK", BODY)
    canvas.drawString(LEFT, TOP, "苏产改办〔2023〕3号")
    canvas.drawString(LEFT, TOP - PITCH, "1. 这份文件有打开密码。（责任单位：省总工会）")
    canvas.showPage()
    canvas.save()


OUTPUTS = (
    "notice2023.pdf",
    "notice2023_fakebold.pdf",
    "notice2023_nonembedded.pdf",
    "notice2023_scan_page.pdf",
    "tablenotice.pdf",
    "tablenotice.expected.json",
    "encrypted.pdf",
    "truncated.pdf",
    "zero_pages.pdf",
    "notapdf.pdf",
)


def main(outdir: str | None = None) -> None:
    out = Path(outdir) if outdir else ROOT / "tests" / "fixtures" / "formats"
    out.mkdir(parents=True, exist_ok=True)
    pages = make_notice(out / "notice2023.pdf")
    make_notice(out / "notice2023_fakebold.pdf", fakebold=True)
    make_notice(out / "notice2023_nonembedded.pdf", font="STSong-Light")
    make_scan_page(out / "notice2023.pdf", out / "notice2023_scan_page.pdf")
    make_table_notice(out / "tablenotice.pdf", out / "tablenotice.expected.json")
    make_encrypted(out / "encrypted.pdf")
    data = (out / "notice2023.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(data[: int(len(data) * 0.6)])
    make_zero_pages(out / "zero_pages.pdf")
    (out / "notapdf.pdf").write_text("这不是PDF文件，只是扩展名为 .pdf 的一段文字。\n", "utf-8")
    for name in OUTPUTS:
        print(f"{(out / name).stat().st_size:>9,d}  {name}")
    print(f"notice2023.pdf: {pages} pages")


if __name__ == "__main__":
    main(*sys.argv[1:2])
