"""Generate the table notices (.docx / .html) of the evaluation set.

Every notice here is synthetic: issuers, document numbers, people and
figures are fictitious.  Output is deterministic (fixed zip timestamps and
core properties), so re-running the script does not change the files.

    /tmp/probe/bin/python tests/eval/make_eval_files.py [outdir]

`document_text(case)` returns the plain text of a case (paragraphs and cell
texts, cell-internal line breaks kept as "\\n"); the tests use it to check
that every `unit_raw` of the gold occurs in the notice.
"""
from __future__ import annotations

import html
import io
import sys
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 1, 1, 0, 0, 0)

# A row is a list of cell strings ("\n" = line break inside the cell);
# None means "vertically merged with the cell above";
# {"section": "..."} is a full-width section row.
CASES: dict[str, dict[str, Any]] = {
    "f10_table_lead_resp_docx": {
        "format": "docx",
        "cell_breaks": "br",
        "widths_cm": [1.2, 7.0, 3.0, 3.2, 2.4],
        "head": [
            "临江市人民政府办公室文件",
            "临政办发〔2024〕6号",
            "临江市人民政府办公室关于印发临江市2024年数字政府建设重点任务清单的通知",
        ],
        "body": [
            "各县（市、区）人民政府，市政府各部门：",
            "为加快推进数字政府建设，提升政府治理体系和治理能力现代化水平，经市政府同意，现将《临江市2024年数字政府建设重点任务清单》印发给你们，请认真抓好落实。",
            "各牵头单位要会同责任单位细化工作措施，明确时间节点，于每季度结束后5个工作日内将工作进展情况报送市数据资源管理局。市数据资源管理局要加强统筹调度，对工作推进不力的单位进行通报。",
            "临江市2024年数字政府建设重点任务清单",
        ],
        "headers": ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
        "rows": [
            ["1", "建设全市统一的政务云平台，推动市级部门非涉密业务系统迁移上云率达到100%。", "市数据资源管理局", "市财政局、市工业和信息化局", "2024年6月底前"],
            ["2", "推进政务数据共享交换，编制公共数据资源目录，年内新增共享数据接口200个。", "市数据资源\n管理局", "市级各部门", "2024年12月底前"],
            ["3", "深化“一网通办”改革，高频政务服务事项“掌上办”比例达到80%。", "市政务服务管理局", "市数据资源管理局\n市公安局\n市民政局", "2024年9月底前"],
            ["4", "建设“城市大脑”运行指挥中心，接入城市运行指标不少于500项。", "市数据资源管理局", "市城市管理局及市应急管理局", "年底前"],
            ["5", "推进电子证照共享应用。实现常用电子证照在政务服务场景中全面应用，减少群众重复提交材料。", "市数据资源管理局", "市公安局、市市场监督管理局", "2024年底前"],
            [None, None, "市政务服务管理局", "各县（市、区）人民政府", None],
            ["6", "推进“互联网+监管”，监管行为覆盖率达到90%。", "市市场监督管理局", "市司法局\n市级各执法部门", "持续推进"],
            ["7", "推进“一网统管”基层治理平台建设，平台覆盖全部乡镇（街道）。", "市委政法委", "市民政局、市数据资源管理局", "2024年10月底前"],
            ["8", "加强政务网络安全防护，全年开展网络安全攻防演练2次。", "市委网信办", "市公安局、市数据资源管理局", "长期坚持"],
            ["9", "开展公共数据授权运营试点，培育数据要素企业10家。", "市数据资源管理局", "市发展和改革委员会、市财政局", "2024年11月底前"],
            ["10", "推进智慧教育平台建设，中小学智慧校园覆盖率达到60%。", "市教育局", "市数据资源管理局", "2024年底前"],
            ["11", "建设全民健康信息平台，二级以上公立医院电子病历应用水平达到4级。", "市卫生健康委员会", "市医疗保障局\n市数据资源管理局", "2024年底前"],
            ["12", "推进公共交通“一卡通”互联互通。", "市交通运输局", "市公共交通集团", "2024年9月底前"],
            ["13", "推进“互联网+文旅”服务，建成智慧景区5个。", "市文化和旅游局", "市数据资源管理局、各县（市、区）人民政府", "2024年底前"],
            ["14", "推进数字乡村建设，完善涉农信息服务站点。", "市农业农村局", "市委网信办、市通信发展办公室", "持续推进"],
            ["15", "加强数字政府建设人才培训，全年培训干部不少于3000人次。", "市委组织部", "市人力资源和社会保障局、市数据资源管理局", "2024年底前"],
            ["16", "建立数字政府建设考核评价机制，将考核结果纳入年度综合考核。", "市人民政府办公室", "市数据资源管理局", "2024年12月底前"],
        ],
        "tail": ["临江市人民政府办公室", "2024年2月6日", "（此件公开发布）"],
    },
    "f11_table_leaders_docx": {
        "format": "docx",
        "cell_breaks": "paragraphs",
        "widths_cm": [1.1, 5.4, 2.2, 2.6, 3.0, 2.4],
        "head": [
            "石门县人民政府文件",
            "石政发〔2024〕2号",
            "石门县人民政府关于印发石门县2024年重点工作任务责任分解表的通知",
        ],
        "body": [
            "各乡镇人民政府，县政府各部门：",
            "为确保县十八届人大三次会议确定的各项目标任务落到实处，现将《石门县2024年重点工作任务责任分解表》印发给你们，请各牵头责任单位切实负起牵头责任，各协同责任单位密切配合，确保按时完成。",
            "附件：石门县2024年重点工作任务责任分解表",
            "石门县人民政府",
            "2024年1月30日",
            "附件",
            "石门县2024年重点工作任务责任分解表",
        ],
        "headers": ["序号", "工作任务", "牵头领导", "牵头责任单位", "协同责任单位", "时限要求"],
        "rows": [
            {"section": "一、项目建设"},
            ["1", "加快推进重点项目建设，全年完成固定资产投资80亿元。", "刘某某\n（常务副县长）", "县发展和改革局", "县财政局\n县自然资源局\n各乡镇人民政府", "2024年12月底前"],
            ["2", "开展招商引资“百日攻坚”行动，新签约亿元以上项目20个。", "陈某\n（副县长）", "县投资促进局", "县商务局、发展和改革局、工业和信息化局", "2024年6月底前"],
            ["3", "积极争取上级资金，争取中央预算内投资和地方政府专项债券资金不少于15亿元。", "刘某某\n（常务副县长）", "县发展和改革局\n县财政局", "县直各有关部门", "长期坚持"],
            {"section": "二、产业发展"},
            ["4", "培育壮大特色农业，新建标准化茶园1万亩。", "陈某\n（副县长）", "县农业农村局", "县林业局、县供销社", "2024年底前"],
            ["5", "推动工业园区提质增效，新增规模以上工业企业15家。", "陈某\n（副县长）", "县工业和信息化局", "石门工业园区管委会\n县市场监督管理局", "2024年12月底前"],
            ["6", "发展全域旅游，全年接待游客不少于300万人次。", "周某某\n（副县长）", "县文化和旅游局", "县交通运输局\n县住房和城乡建设局\n各乡镇人民政府", "持续推进"],
            {"section": "三、民生保障"},
            ["7", "稳定和扩大就业，城镇新增就业3000人。", "周某某\n（副县长）", "县人力资源和社会保障局", "县就业服务中心、共青团石门县委员会、县妇女联合会", "2024年底前"],
            ["8", "实施城镇老旧小区改造，完成改造小区12个。", "刘某某\n（常务副县长）", "县住房和城乡建设局", "县财政局、县自然资源局、城关镇人民政府", "2024年11月底前"],
        ],
        "tail": [],
    },
    "f12_table_env_html": {
        "format": "html",
        "site": "白沙市人民政府",
        "meta_table": {
            "索引号": "11360800MB1234567X/2024-00021",
            "发文机关": "白沙市人民政府办公室",
            "成文日期": "2024-03-12",
            "发文字号": "白政办字〔2024〕14号",
            "主题分类": "环境监测、保护与治理",
        },
        "head": [
            "白沙市人民政府办公室关于印发白沙市2024年生态环境保护重点工作任务的通知",
        ],
        "body": [
            "各县区人民政府，市政府各部门：",
            "经市政府同意，现将《白沙市2024年生态环境保护重点工作任务》印发给你们，请认真贯彻落实。各牵头负责部门要于每月5日前将上月工作进展情况报送市生态环境局。",
            "白沙市2024年生态环境保护重点工作任务",
        ],
        "headers": ["序号", "重点工作", "牵头负责部门", "配合单位", "完成时限"],
        "rows": [
            ["1", "深入打好蓝天保卫战，全市PM2.5平均浓度控制在32微克/立方米以下。", "市生态环境局", "市工业和信息化局\n市住房和城乡建设局\n市交通运输局", "2024年底前"],
            ["2", "深入打好碧水保卫战，国控断面水质优良比例达到90%。", "市生态环境局", "市水利局、市农业农村局等有关部门", "2024年底前"],
            ["3", "推进土壤污染源头防控，受污染耕地安全利用率达到93%。", "市生态环境局\n市农业农村局", "市自然资源局", "长期坚持"],
            ["4", "推进城镇污水处理提质增效，新建改造污水管网50公里。", "市住房和城乡建设局", "市生态环境局\n各县区人民政府", "2024年10月底前"],
            ["5", "加强固体废物污染防治，建设“无废城市”细胞工程30个。", "市生态环境局", "市发展和改革委员会、市商务局、市卫生健康委员会", "2024年底前"],
            ["6", "推进农业面源污染治理，化肥农药使用量保持负增长。", "市农业农村局", "市生态环境局、市供销合作社", "持续推进"],
            ["7", "开展生态环境执法专项行动，全年查处环境违法案件100起以上。", "市生态环境局", "市公安局及市人民检察院", "2024年12月底前"],
            ["8", "稳妥推进碳达峰行动，单位地区生产总值能耗下降3%。", "市发展和改革委员会", "市工业和信息化局、市统计局", "2024年底前"],
            ["9", "加强生态环境宣传教育，营造全民参与的良好氛围。", "市委宣传部", "市生态环境局、市教育局、共青团白沙市委", "长期坚持"],
            ["10", "抓好生态环境保护督察反馈问题整改，按照《白沙市贯彻落实〈东湖省生态环境保护督察整改方案〉的实施方案》推进整改销号。", "市生态环境保护督察整改工作领导小组办公室", "领导小组各成员单位", "2024年6月底前"],
        ],
        "tail": ["白沙市人民政府办公室", "2024年3月12日"],
    },
    "f13_table_keshi_ascii_html": {
        "format": "html",
        "site": "临江市卫生健康委员会",
        "meta_table": {
            "索引号": "LJWJW/2024-00007",
            "发文机关": "临江市卫生健康委员会",
            "成文日期": "2024-02-26",
            "发文字号": "临卫发〔2024〕3号",
            "主题分类": "卫生、体育",
        },
        "head": [
            "临江市卫生健康委员会关于印发2024年度工作要点及责任分工的通知",
        ],
        "body": [
            "委机关各科室,委属各单位:",
            "现将《临江市卫生健康委员会2024年度工作要点及责任分工》印发给你们,请结合实际抓好落实。各责任科室要细化措施,于6月20日和12月10日前分别报送半年和全年工作进展情况。",
            "临江市卫生健康委员会2024年度工作要点及责任分工",
        ],
        "headers": ["序号", "工作内容", "责任科室", "时限要求"],
        "rows": [
            ["1", "加强机关党的建设,落实全面从严治党主体责任。", "机关党委牵头落实", "长期坚持"],
            ["2", "推进公立医院高质量发展,二级以上公立医院全部建立运营管理体系。", "医政医管科牵头,规划财务科、人事科配合", "2024年底前"],
            ["3", "做好重大传染病防控,落实常态化监测预警措施。", "疾病预防控制科牵头落实", "持续推进"],
            ["4", "推进紧密型县域医共体建设,实现县域全覆盖。", "基层卫生健康科、医政医管科分别牵头落实", "2024年9月底前"],
            ["5", "加强卫生健康人才队伍建设,全年引进高层次人才50名。", "人事科", "2024年底前"],
            ["6", "实施\"一老一小\"服务提升工程,新增普惠托位800个。", "人口监测与家庭发展科\n老龄健康科", "2024年12月底前"],
            ["7", "加强卫生健康综合监督执法,开展双随机抽查。", "市卫生健康综合监督执法支队", "长期坚持"],
            ["8", "做好信访维稳和安全生产工作。", "办公室牵头,各科室配合", "长期坚持"],
            ["9", "加强财务管理和内部审计,按照《临江市卫生健康委员会内部审计工作规定》开展审计。", "规划财务科", "2024年11月底前"],
        ],
        "tail": ["临江市卫生健康委员会", "2024年2月26日"],
    },
    "f15_table_dept_trad_docx": {
        "format": "docx",
        "cell_breaks": "br",
        "widths_cm": [1.2, 7.4, 4.2, 3.0],
        "head": [
            "雲嶺縣教育局文件",
            "雲教發〔2024〕9號",
            "雲嶺縣教育局關於印發2024年教育重點工作任務分解表的通知",
        ],
        "body": [
            "各鄉（鎮）中心學校，縣直各學校，局機關各股室：",
            "現將《雲嶺縣教育局2024年教育重點工作任務分解表》印發給你們。各責任部門要明確專人負責，每月25日前報送工作進展情況，年底局黨組將對照任務分解表進行考核。",
            "雲嶺縣教育局2024年教育重點工作任務分解表",
        ],
        "headers": ["序號", "工作任務", "責任部門", "完成時限"],
        "rows": [
            ["1", "推進義務教育優質均衡發展，新建改建學校3所。", "基礎教育股牽頭落實", "2024年8月底前"],
            ["2", "加強教師隊伍建設，全年招聘教師60名。", "人事股", "2024年9月底前"],
            ["3", "落實學生資助政策，資助學生不少於2000人次。", "計財股\n學生資助管理中心", "長期堅持"],
            ["4", "開展校園安全隱患排查整治。", "安全辦、基礎教育股分別牽頭落實", "持續推進"],
            ["5", "深化課堂教學改革，推廣優秀教學成果。", "教研室牽頭，各學校配合", "2024年底前"],
            ["6", "推進教育信息化建設，建設智慧課堂50間。", "電教站、計財股", "2024年12月底前"],
        ],
        "tail": ["雲嶺縣教育局", "2024年3月1日"],
    },
}

FILE_NAMES = {
    "f10_table_lead_resp_docx": "f10_table_lead_resp.docx",
    "f11_table_leaders_docx": "f11_table_leaders.docx",
    "f12_table_env_html": "f12_table_env.html",
    "f13_table_keshi_ascii_html": "f13_table_keshi_ascii.html",
    "f15_table_dept_trad_docx": "f15_table_dept_trad.docx",
}


def case_name(key: str) -> str:
    """Case name (file stem) of a CASES key."""
    return FILE_NAMES[key].rsplit(".", 1)[0]


def document_text(case: str) -> str:
    """Plain text of a case: paragraphs and cells, "\\n" kept inside cells."""
    key = next(k for k in CASES if case_name(k) == case or k == case)
    spec = CASES[key]
    parts: list[str] = list(spec["head"])
    parts.extend(f"{k}：{v}" for k, v in spec.get("meta_table", {}).items())
    parts.extend(spec["body"])
    parts.append("\t".join(spec["headers"]))
    for row in spec["rows"]:
        if isinstance(row, dict):
            parts.append(row["section"])
        else:
            parts.append("\t".join(c for c in row if c is not None))
    parts.extend(spec["tail"])
    return "\n".join(parts)


# ---------------------------------------------------------------- docx
def _set_run_font(run: Any, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "FangSong"
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        from docx.oxml import OxmlElement

        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), "仿宋")


def _fill_cell(cell: Any, text: str, mode: str, bold: bool = False) -> None:
    lines = text.split("\n")
    par = cell.paragraphs[0]
    if mode == "paragraphs":
        for i, line in enumerate(lines):
            p = par if i == 0 else cell.add_paragraph()
            _set_run_font(p.add_run(line), 12, bold)
    else:  # "br": one paragraph, <w:br/> between lines
        run = par.add_run()
        _set_run_font(run, 12, bold)
        for i, line in enumerate(lines):
            if i:
                run.add_break()
            run.add_text(line)


def build_docx(spec: dict[str, Any]) -> bytes:
    import datetime as dt

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    cp = doc.core_properties
    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.author = "fengong-eval"
    cp.last_modified_by = "fengong-eval"
    cp.revision = 1
    head = spec["head"]
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(head[0]), 26, True)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(head[1]), 16)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(head[2]), 22, True)
    for text in spec["body"]:
        p = doc.add_paragraph()
        if text == spec["body"][-1] and "附件" not in text[:2]:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_run_font(p.add_run(text), 16)
    headers = spec["headers"]
    table = doc.add_table(rows=1 + len(spec["rows"]), cols=len(headers))
    table.style = "Table Grid"
    trpr = table.rows[0]._tr.get_or_add_trPr()
    hdr = OxmlElement("w:tblHeader")
    hdr.set(qn("w:val"), "true")
    trpr.append(hdr)  # header row repeated on every page
    for j, h in enumerate(headers):
        _fill_cell(table.cell(0, j), h, "br", bold=True)
    mode = spec["cell_breaks"]
    for i, row in enumerate(spec["rows"], start=1):
        if isinstance(row, dict):
            merged = table.cell(i, 0).merge(table.cell(i, len(headers) - 1))
            _fill_cell(merged, row["section"], "br", bold=True)
            continue
        for j, val in enumerate(row):
            if val is None:
                continue
            span = 1
            while i - 1 + span < len(spec["rows"]) and not isinstance(spec["rows"][i - 1 + span], dict) \
                    and spec["rows"][i - 1 + span][j] is None:
                span += 1
            cell = table.cell(i, j)
            if span > 1:
                cell = cell.merge(table.cell(i + span - 1, j))  # vertical merge
            _fill_cell(cell, val, mode)
    widths = spec.get("widths_cm")
    if widths:
        from docx.shared import Cm

        table.autofit = False
        for row in table.rows:
            for j, cell in enumerate(row.cells):
                cell.width = Cm(widths[j])
    for text in spec["tail"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _set_run_font(p.add_run(text), 16)
    buf = io.BytesIO()
    doc.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so output is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


# ---------------------------------------------------------------- html
def _cell_html(text: str) -> str:
    return "<br>".join(html.escape(t, quote=False) for t in text.split("\n"))


def build_html(spec: dict[str, Any]) -> str:
    esc = lambda s: html.escape(s, quote=False)  # noqa: E731
    site = spec["site"]
    meta_rows = "".join(
        f"<tr><th>{esc(k)}：</th><td>{esc(v)}</td></tr>\n" for k, v in spec["meta_table"].items()
    )
    headers = "".join(f"<th>{esc(h)}</th>" for h in spec["headers"])
    rows = []
    for row in spec["rows"]:
        if isinstance(row, dict):
            rows.append(f'<tr><td colspan="{len(spec["headers"])}"><b>{esc(row["section"])}</b></td></tr>')
        else:
            rows.append("<tr>" + "".join(f"<td>{_cell_html(c)}</td>" for c in row if c is not None) + "</tr>")
    body = "\n".join(f'<p style="text-indent:2em;">{esc(t)}</p>' for t in spec["body"][:-1])
    tail = "\n".join(f'<p style="text-align:right;">{esc(t)}</p>' for t in spec["tail"])
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{esc(spec["head"][0])}_{esc(site)}</title>
<meta name="ArticleTitle" content="{esc(spec["head"][0])}">
<meta name="PubDate" content="{esc(spec["meta_table"]["成文日期"])}">
<link rel="stylesheet" href="/css/common.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "/js/stat.js"; document.head.appendChild(hm); }})();</script>
</head>
<body>
<div class="top-bar"><a href="/">首页</a> | <a href="/wza/">无障碍</a> | <a href="/en/">English</a> | <a href="/login">登录</a></div>
<div class="header"><h1 class="site-name">{esc(site)}</h1>
<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
<ul class="nav">
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjbs/">走进{esc(site[:3])}</a></li>
</ul>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/wj/">政策文件</a></div>
<table class="xxgk-meta">
{meta_rows}</table>
<div class="article">
<h2 class="article-title">{esc(spec["head"][0])}</h2>
<div class="article-info">发布时间：{esc(spec["meta_table"]["成文日期"])} 来源：{esc(spec["meta_table"]["发文机关"])} 浏览次数：<span id="hits">1024</span> 字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div class="article-content" id="zoom">
{body}
<p style="text-align:center;"><b>{esc(spec["body"][-1])}</b></p>
<table border="1" cellspacing="0" cellpadding="4" class="task-table">
<thead><tr>{headers}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
{tail}
</div>
<div class="share">分享到：<a class="share-wx" href="javascript:;">微信</a> <a class="share-wb" href="javascript:;">微博</a> <a class="share-qq" href="javascript:;">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print();">【打印本页】</a> <a href="javascript:window.close();">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/zwgk/wj/1.html">关于做好2024年政务公开工作的通知</a></li></ul></div>
<div class="footer">
<p>主办单位：{esc(site)}办公室 &nbsp; 地址：{esc(site[:3])}市民中心 &nbsp; 网站标识码：3608000001</p>
<p>备案号：东ICP备00000000号-1 &nbsp; 东公网安备 00000000000001号</p>
</div>
<script>$(".share-wx").on("click", function() {{ alert("请使用微信扫一扫分享"); }});</script>
</body>
</html>
"""


def main(outdir: Path = HERE) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for key, spec in CASES.items():
        path = outdir / FILE_NAMES[key]
        if spec["format"] == "docx":
            path.write_bytes(build_docx(spec))
        else:
            path.write_text(build_html(spec), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
