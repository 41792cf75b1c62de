"""The 台账 workbook, read back with openpyxl: sheets, columns, filter, freeze, print settings, pages."""

from __future__ import annotations

import shutil
import subprocess

import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import NOTICE_2023
from pipeline.exporters import export
from pipeline.cli import app
from pipeline.analysis.ledger import documents_to_ledger, units_by_role

ROLES_NOTICE = "关于印发工作方案的通知\n\n一、总体任务\n\n1.建设实训基地。到2025年底前建成10个基地。（牵头单位：省人社厅；配合单位：省财政厅、省教育厅）\n\n2.开展劳动竞赛。（省总工会、省人社厅负责）\n"
LEDGER_ZH = ["序号", "文件", "部分", "重点任务", "工作内容", "牵头单位", "配合单位", "责任单位", "完成时限", "量化目标", "来源"]


@pytest.fixture(scope="module")
def workbook_2023(doc2023, tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "ledger.xlsx"
    export.write_ledger(path, documents_to_ledger([doc2023]))
    return path


def test_ledger_sheets_and_columns(workbook_2023):
    book = load_workbook(workbook_2023)
    assert book.sheetnames == ["台账", "矩阵", "明细", "单位"]
    ledger = book["台账"]
    assert [c.value for c in ledger[1]] == LEDGER_ZH
    rows = list(ledger.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 28 and [r[0] for r in rows] == list(range(1, 29))
    assert rows[3][1:4] == ("苏产改办〔2023〕3号", "二、突出重点群体，聚焦素质提升", "深化产教融合")
    assert rows[3][7] == "省发改委、省教育厅、省人社厅、省税务局、无锡市、常州市、苏州市"
    assert rows[3][9] == "30%" and rows[3][10] == "第35行"
    assert "责任单位" not in rows[3][4] and not rows[3][4].startswith("深化产教融合")
    assert len(list(book["明细"].iter_rows(min_row=2))) == 75
    units = {r[0]: r for r in book["单位"].iter_rows(min_row=2, values_only=True)}
    assert units["省总工会"][2:] == (2023, 0, 0, units["省总工会"][5], units["省总工会"][5])


@pytest.mark.parametrize("sheet", ["台账", "矩阵", "明细", "单位"])
def test_ledger_every_sheet_filters_freezes_wraps_and_prints_landscape_a4(workbook_2023, sheet):
    from openpyxl.utils import get_column_letter

    ws = load_workbook(workbook_2023)[sheet]
    assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"
    assert ws.freeze_panes.endswith("2")
    assert ws.print_title_rows == "$1:$1"
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize), int(setup.fitToWidth), int(setup.fitToHeight)) == ("landscape", 9, 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert all(ws.cell(2, j).alignment.wrap_text for j in range(1, 6) if ws.cell(2, j).value is not None) or sheet == "矩阵"
    assert all(ws.column_dimensions[get_column_letter(j)].width for j in range(1, ws.max_column + 1))
    assert ws.cell(1, 1).font.bold


def test_ledger_matrix_marks_roles_with_colour(tmp_path, write_notice):
    import pipeline

    doc = pipeline.parse(write_notice(ROLES_NOTICE))
    path = export.write_ledger(tmp_path / "l.xlsx", documents_to_ledger([doc]))
    book = load_workbook(path)
    matrix = book["矩阵"]
    header = [c.value for c in matrix[1]]
    assert header[5:] == ["省人社厅", "省财政厅", "省教育厅", "省总工会"]
    assert [c.value for c in matrix[2]][5:] == ["牵", "配", "配", None]
    assert matrix.cell(2, 6).fill.fgColor.rgb.endswith(export.ROLE_FILLS["lead"])
    assert matrix.cell(2, 7).fill.fgColor.rgb.endswith(export.ROLE_FILLS["support"])
    assert matrix.freeze_panes == "F2" and matrix.cell(1, 6).alignment.text_rotation == 255
    ledger = [r for r in book["台账"].iter_rows(min_row=2, values_only=True)]
    assert ledger[0][5:10] == ("省人社厅", "省财政厅、省教育厅", None, "2025年底前", "10个")
    assert ledger[1][7] == "省总工会、省人社厅"
    units = {r[0]: r[3:] for r in book["单位"].iter_rows(min_row=2, values_only=True)}
    assert units["省人社厅"] == (1, 0, 1, 2)


def test_ledger_english_labels(tmp_path, doc2023):
    book = load_workbook(export.write_ledger(tmp_path / "l.xlsx", documents_to_ledger([doc2023], lang="en")))
    assert book.sheetnames == ["ledger", "matrix", "pairs", "units"]
    assert [c.value for c in book["ledger"][1]][:6] == ["No.", "document", "section", "task", "work", "lead units"]
    assert book["ledger"].cell(5, 11).value == "line 35"


def test_ledger_units_by_role_keep_written_order(doc2023):
    assert units_by_role(doc2023.items[3])["responsible"][:3] == ["省发改委", "省教育厅", "省人社厅"]


def test_ledger_same_content_same_bytes(tmp_path, doc2023):
    ledger = documents_to_ledger([doc2023])
    a = export.write_ledger(tmp_path / "a.xlsx", ledger).read_bytes()
    b = export.write_ledger(tmp_path / "b.xlsx", ledger).read_bytes()
    assert a == b


def test_ledger_csv_has_bom_and_ledger_columns(tmp_path, doc2023):
    path = export.write_ledger(tmp_path / "l.csv", documents_to_ledger([doc2023]))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert list(frame.columns) == LEDGER_ZH and len(frame) == 28


def test_ledger_28_tasks_print_on_at_most_3_pages(workbook_2023):
    """Estimated from the written widths and row heights (fit to width: scale = printable width / sheet width)."""
    assert export.estimated_pages(load_workbook(workbook_2023)["台账"]) <= 3


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: the printed page count is only estimated")
def test_ledger_28_tasks_print_on_at_most_3_pages_in_libreoffice(workbook_2023, tmp_path):
    import pypdfium2

    book = load_workbook(workbook_2023)
    for name in book.sheetnames[1:]:
        del book[name]
    book.save(tmp_path / "only.xlsx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "only.xlsx")],
        check=True, capture_output=True, timeout=180,
    )
    assert 1 <= len(pypdfium2.PdfDocument(tmp_path / "only.pdf")) <= 3


def test_ledger_cli_writes_xlsx_and_rejects_unknown_suffix(tmp_path):
    runner = CliRunner()
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["ledger", str(NOTICE_2023), "-o", str(out)])
    assert result.exit_code == 0 and result.stderr == f"{out}: 28 tasks, 75 task–unit pairs\n"
    bad = runner.invoke(app, ["ledger", str(NOTICE_2023), "-o", str(tmp_path / "t.pdf")])
    assert bad.exit_code == 1 and bad.stderr.startswith(f"Error: {tmp_path / 't.pdf'}: unknown ledger format")


def test_ledger_role_counts_are_the_figures_unit_counts(doc2023, doc2024):
    """The report's workload figure reads the counts the ledger's unit sheet keeps (one count per task and role)."""
    from pipeline.analysis.ledger import LedgerBuilder
    from pipeline.exporters.figures import unit_counts

    builder = LedgerBuilder()
    for document in (doc2023, doc2024):
        builder.add_unit_counts(document)
    assert builder.role_counts() == unit_counts([doc2023, doc2024])
    rows = builder.unit_rows()
    assert sum(r[6] for r in rows) == sum(len({r.unit for r in item.responsibilities}) for d in (doc2023, doc2024) for item in d.items)
