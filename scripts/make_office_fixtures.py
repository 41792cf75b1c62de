"""Regenerate the legacy-Office and spreadsheet fixtures of ``tests/fixtures/formats/``.

    .venv/bin/python scripts/make_office_fixtures.py [outdir]

Needs LibreOffice (``soffice``; Debian ``libreoffice-writer-nogui`` and
``libreoffice-calc-nogui``), openpyxl, and msoffcrypto-tool for the encrypted workbook
(skipped without it). LibreOffice writes the binary formats from the DOCX/XLSX we make, so
the bytes differ from run to run (timestamps inside the files); the tests check what the
files read as, never their bytes.

Files written:

* ``notice2023.doc`` — ``notice2023.docx`` (the 2023 notice with Word numbering) saved as Word 97,
  its tasks (1. 2. …) and the attachment's projects (一、 二、 …) each on a list of their own:
  LibreOffice ignores ``lvlRestart 0`` (a level that never restarts: the DOCX's tasks would come
  back restarting at 1 in every section) and writes a list restarted by ``startOverride`` back as
  two lists (the projects would come back as 一、 一、 二、 …); see the README's known limits
* ``notice2023.wps`` — the same Word 97 compound file under WPS's extension (WPS Office saves
  .wps in that layout)
* ``notice2023.odt`` — the same DOCX (tasks and projects on lists of their own) as OpenDocument text
* ``tablenotice.doc`` — ``tablenotice.docx`` (the table-form notice) saved as Word 97
* ``tasktable.xlsx`` — the rows of ``tablenotice_docx.expected.json`` as a workbook: a 附件 line and
  a title merged across the columns above the header; 序号 as numbers; the two rows of task 7
  sharing merged 序号 and task cells; units on separate lines inside a cell where the gold
  says so; the 序号 of task 2 written as a formula (its cached value is read); a notes sheet
  without a table; a hidden sheet with an outdated table (skipped with a warning).
  Saved once through LibreOffice so that the formula has its cached value, as Excel writes it.
* ``tasktable.xls`` / ``tasktable.et`` / ``tasktable.ods`` — the same workbook as Excel 97
  (and under WPS ET's extension, which uses that layout) and as OpenDocument
* ``tasktable.expected.json`` — what every task-table format must give: per row, its number,
  title, lead and support units
* bad inputs: ``corrupt.doc`` (a Word 97 file cut short), ``notable.xls`` (a workbook whose only
  sheet has no task table), ``encrypted.xlsx`` (password ``fengong``)
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTDIR = ROOT / "tests" / "fixtures" / "formats"
GOLD = OUTDIR / "tablenotice_docx.expected.json"
FIXED = dt.datetime(2024, 1, 1)
TITLE = "云岭县2024年优化营商环境重点任务分解表"
FORMULA_ROW = 1  # body row whose 序号 is a formula


def continuous_task_list(docx: bytes) -> bytes:
    """The tasks and the projects of ``notice2023.docx`` on lists of their own (see the module docstring)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    task = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>'
            '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>')
    project = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/>'
               '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                old = b'<w:ilvl w:val="1"/><w:numId w:val="101"/>'
                assert old in data
                data = data.replace(old, b'<w:ilvl w:val="0"/><w:numId w:val="103"/>')
                old = b'<w:ilvl w:val="0"/><w:numId w:val="102"/>'
                assert old in data
                data = data.replace(old, b'<w:ilvl w:val="0"/><w:numId w:val="104"/>')
            elif info.filename == "word/numbering.xml":
                text = data.decode("utf-8")
                first_num = text.index("<w:num ")
                text = (text[:first_num] + f'<w:abstractNum w:abstractNumId="103">{task}</w:abstractNum>'
                        f'<w:abstractNum w:abstractNumId="104">{project}</w:abstractNum>' + text[first_num:])
                text = text.replace("</w:numbering>", '<w:num w:numId="103"><w:abstractNumId w:val="103"/></w:num>'
                                    '<w:num w:numId="104"><w:abstractNumId w:val="104"/></w:num></w:numbering>')
                data = text.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def soffice_convert(source: Path, target: str, outdir: Path) -> Path:
    """``source`` converted by LibreOffice to ``target`` (an extension, with an optional filter)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("LibreOffice not found: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [soffice, f"-env:UserInstallation={Path(folder).as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=120,
        )
    return outdir / f"{source.stem}.{target.split(':')[0]}"


def _units_cell(units: list[str], separator: str) -> str:
    return ("\n" if separator in ("line break", "paragraph") else "、").join(units)


def task_workbook() -> bytes:
    """The task table as an XLSX (openpyxl; formulas without cached values yet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    gold = json.loads(GOLD.read_text("utf-8"))
    book = Workbook()
    sheet = book.active
    sheet.title = "任务分解表"
    sheet["A1"] = "附件"
    sheet["A2"] = TITLE
    sheet.merge_cells("A2:E2")
    sheet.append(gold["header"])
    first = 4
    merged_rows = [i - gold["header_rows"] for i in gold["merged"]["rows"]]  # body rows sharing one task
    for index, row in enumerate(gold["rows"]):
        r = first + index
        # 序号 of the second task as a formula: read as its cached value.
        sheet.cell(r, 1, f"=A{r - 1}+1" if index == FORMULA_ROW else int(row["number"]))
        sheet.cell(r, 2, row["title"])
        sheet.cell(r, 3, _units_cell(row["lead"], row["cell_separator"]))
        sheet.cell(r, 4, _units_cell(row["support"], row["cell_separator"]))
        sheet.cell(r, 5, row["deadline"])
        for column in (3, 4):
            sheet.cell(r, column).alignment = Alignment(wrap_text=True)
    top, bottom = (first + i for i in merged_rows)
    sheet.merge_cells(start_row=top, start_column=1, end_row=bottom, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=bottom, end_column=2)
    notes = book.create_sheet("填表说明")
    notes["A1"] = "请各单位于每月5日前报送进展情况。"
    notes["A2"] = "联系人：县营商办 张三"
    old = book.create_sheet("2023年版")
    old.append(["序号", "工作任务", "牵头单位", "配合单位"])
    old.append([1, "已废止的旧任务，不应读出", "县旧机构", "县另一旧机构"])
    old.sheet_state = "hidden"
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plain_workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "统计"
    sheet.append(["月份", "件数", "金额（万元）"])
    for month in range(1, 13):
        sheet.append([f"{month}月", month * 3, month * 1.5])
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def expected() -> dict:
    gold = json.loads(GOLD.read_text("utf-8"))
    rows = [{"number": r["number"], "title": r["title"], "lead": r["lead"], "support": r["support"]} for r in gold["rows"]]
    return {"title": TITLE, "sheet": "任务分解表", "header_row": 3, "first_row": 4, "rows": rows,
            "hidden_sheet": "2023年版", "formula_row": FORMULA_ROW}


def main(outdir: Path = OUTDIR) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "notice2023.docx").write_bytes(continuous_task_list((OUTDIR / "notice2023.docx").read_bytes()))
        shutil.copy(OUTDIR / "tablenotice.docx", work / "tablenotice.docx")
        for name in ("notice2023", "tablenotice"):
            made = soffice_convert(work / f"{name}.docx", "doc:MS Word 97", work)
            shutil.copy(made, outdir / f"{name}.doc")
        shutil.copy(outdir / "notice2023.doc", outdir / "notice2023.wps")
        made = soffice_convert(work / "notice2023.docx", "odt:writer8", work)
        shutil.copy(made, outdir / "notice2023.odt")
        data = (outdir / "notice2023.doc").read_bytes()
        (outdir / "corrupt.doc").write_bytes(data[: len(data) // 3])

        (work / "raw").mkdir()
        (work / "raw" / "tasktable.xlsx").write_bytes(task_workbook())
        made = soffice_convert(work / "raw" / "tasktable.xlsx", "xlsx:Calc MS Excel 2007 XML", work)
        shutil.copy(made, outdir / "tasktable.xlsx")
        made = soffice_convert(outdir / "tasktable.xlsx", "xls:MS Excel 97", work)
        shutil.copy(made, outdir / "tasktable.xls")
        shutil.copy(made, outdir / "tasktable.et")
        made = soffice_convert(outdir / "tasktable.xlsx", "ods:calc8", work)
        shutil.copy(made, outdir / "tasktable.ods")
        (outdir / "tasktable.expected.json").write_text(
            json.dumps(expected(), ensure_ascii=False, indent=1) + "\n", "utf-8"
        )

        (work / "notable.xlsx").write_bytes(plain_workbook())
        made = soffice_convert(work / "notable.xlsx", "xls:MS Excel 97", work)
        shutil.copy(made, outdir / "notable.xls")

    try:
        import msoffcrypto.format.ooxml  # noqa: F401
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx left as it is", file=sys.stderr)
        return
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO((outdir / "tasktable.xlsx").read_bytes())
    encrypted = io.BytesIO()
    OOXMLFile(plain).encrypt("fengong", encrypted)
    (outdir / "encrypted.xlsx").write_bytes(encrypted.getvalue())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTDIR)
