"""Word 97 / WPS documents and spreadsheets (.xlsx, .xls, .et, .ods): the 2023 notice as .doc gives
the items and pairs of its TXT; the table notice as .doc and as a workbook gives every row with its
lead and support units; sheet/row/column provenance; hidden sheets, merged cells, formulas; bad inputs.

Fixtures are made by ``scripts/make_office_fixtures.py`` (LibreOffice writes the binary formats).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
from conftest import items_of, pairs_of
from pipeline.cli import app
from pipeline.errors import InputError, SettingsError, UnsupportedFormatError
from pipeline.readers import _office, docx, ole, read_source, sheet
from pipeline.readers import doc as word_reader
from pipeline.readers._zip import CorruptInputError
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
needs_office = pytest.mark.skipif(not _office.available(), reason="LibreOffice (soffice) is not installed; `make test` installs it")


@pytest.fixture(scope="module")
def table_gold():
    return json.loads((FORMATS / "tasktable.expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def table_docx():
    return pipeline.parse(FORMATS / "tablenotice.docx")


def roles_of(document):
    """Per item: its number, title, and units by role, in written order."""
    out = []
    for item in document.items:
        roles: dict[str, list[str]] = {"lead": [], "support": []}
        for r in item.responsibilities:
            roles.setdefault(r.role, []).append(r.unit_raw)
        out.append((item.number, item.title, roles["lead"], roles["support"]))
    return out


def gold_roles(gold):
    """The gold rows grouped as items: the two rows of a merged task make one item."""
    out: list[tuple[str, str, list[str], list[str]]] = []
    for row in gold["rows"]:
        if out and out[-1][:2] == (row["number"], row["title"]):
            out[-1][2].extend(row["lead"])
            out[-1][3].extend(row["support"])
        else:
            out.append((row["number"], row["title"], list(row["lead"]), list(row["support"])))
    return out


# --- golden: the 2023 notice as Word 97 and WPS --------------------------------------------


@needs_office
@pytest.mark.parametrize("name, fmt", [("notice2023.doc", "doc"), ("notice2023.wps", "wps"), ("notice2023.odt", "odt")])
def test_word97_notice_gives_the_items_and_pairs_of_the_txt(name, fmt, reference):
    doc = pipeline.parse(FORMATS / name)
    assert doc.source.format == fmt
    assert len(doc.items) == 28 and len(doc.responsibilities) == 75
    assert items_of(doc) == items_of(reference)
    assert pairs_of(doc) == pairs_of(reference)
    meta, expected = doc.meta, reference.meta
    assert (meta.title, meta.doc_number, meta.date, meta.issuer) == (expected.title, expected.doc_number, expected.date, expected.issuer)


@needs_office
def test_word97_source_describes_the_original():
    path = FORMATS / "notice2023.doc"
    source = read_source(path)
    assert source.path == str(path) and source.format == "doc"
    assert source.sha256 == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    docx_source = read_source(FORMATS / "notice2023.docx")
    # One line per paragraph of the original, in order: the numbering LibreOffice kept is rendered.
    assert [l.text for l in source.lines if l.text] == [l.text for l in docx_source.lines if l.text]


# --- golden: the task table as .doc and as workbooks ----------------------------------------

TABLE_FORMATS = {"tablenotice.doc": "doc", "tasktable.xlsx": "xlsx", "tasktable.xls": "xls", "tasktable.et": "et", "tasktable.ods": "ods"}


@pytest.mark.parametrize("name", sorted(TABLE_FORMATS))
def test_task_table_gives_every_row_with_its_roles(name, table_gold, table_docx):
    if TABLE_FORMATS[name] in ("doc", "ods") and not _office.available():
        pytest.skip("LibreOffice is not installed")
    doc = pipeline.parse(FORMATS / name)
    assert doc.source.format == TABLE_FORMATS[name]
    assert roles_of(doc) == gold_roles(table_gold)
    assert len(doc.items) == 24 and len(doc.responsibilities) == 73
    assert [(i.number, r.unit, r.role, r.order) for i, r in doc.responsibilities] == [
        (i.number, r.unit, r.role, r.order) for i, r in table_docx.responsibilities
    ]
    assert [i.deadline.text if i.deadline else None for i in doc.items] == [
        i.deadline.text if i.deadline else None for i in table_docx.items
    ]


@pytest.mark.parametrize("name", ["tasktable.xlsx", "tasktable.xls", "tasktable.et"])
def test_workbook_provenance_is_sheet_row_column(name, table_gold):
    doc = pipeline.parse(FORMATS / name)
    first_row = table_gold["first_row"]
    for index, item in enumerate(doc.items[:6]):
        assert item.cell.sheet == table_gold["sheet"]
        assert (item.cell.row, item.cell.column) == (first_row + index, 2)  # the task column, B
        lead = [r for r in item.responsibilities if r.role == "lead"]
        support = [r for r in item.responsibilities if r.role == "support"]
        assert {r.cell.column for r in lead} == {3} and {r.cell.column for r in support} == {4}
        assert {r.cell.row for r in item.responsibilities} == {first_row + index}
    data = pipeline.document_to_dict(doc)
    assert data["items"][0]["responsibilities"][0]["cell"] == {"sheet": "任务分解表", "row": first_row, "column": 3}
    assert pipeline.document_from_dict(data) == doc


def test_workbook_lines_know_their_cells():
    source = read_source(FORMATS / "tasktable.xlsx")
    assert source.format == "xlsx" and source.pages is None
    by_text = {line.text: line for line in source.lines if line.text}
    title = by_text["云岭县2024年优化营商环境重点任务分解表"]
    assert (title.sheet, title.row, title.column) == ("任务分解表", 2, 1)
    assert (by_text["附件"].row, by_text["配合单位"].row, by_text["配合单位"].column) == (1, 3, 4)
    for line in source.lines:
        assert source.text[line.offset : line.offset + len(line.text)] == line.text
        assert (line.sheet is None) == (line.text == "")
    table = source.tables[0]
    assert [c.text for c in table.rows[0]] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
    assert table.header_rows == 1 and len(table.rows) == 1 + 25


def test_workbook_title_rows_stand_before_the_table():
    source = read_source(FORMATS / "tasktable.xlsx")
    assert source.text.startswith("附件\n\n云岭县2024年优化营商环境重点任务分解表\n\n序号\n")
    assert source.lines[source.tables[0].first_line - 1].text == "序号"


@pytest.mark.parametrize("name", ["tasktable.xlsx", "tasktable.xls"])
def test_workbook_merged_task_cells_make_one_item_with_two_clauses(name):
    source = read_source(FORMATS / name)
    table = source.tables[0]
    seven = [row for row in table.rows if row[0].text == "7"]
    assert len(seven) == 2 and seven[0][1] is seven[1][1]  # the merged cell, once
    assert source.text.count("提升获得电力便利度，低压小微企业办电零投资") == 1
    item = next(i for i in pipeline.parse(FORMATS / name).items if i.number == "7")
    assert sorted({r.attribution for r in item.responsibilities}) == [1, 2]
    assert [r.cell.row for r in item.responsibilities if r.role == "lead"] == [10, 11]


@pytest.mark.parametrize("name", ["tasktable.xlsx", "tasktable.xls"])
def test_workbook_units_on_separate_lines_of_a_cell(name):
    table = read_source(FORMATS / name).tables[0]
    second = table.rows[2]
    assert second[3].text == "县公安局\n县税务局\n县人社局"
    item = pipeline.parse(FORMATS / name).items[1]
    assert [r.unit_raw for r in item.responsibilities if r.role == "support"] == ["县公安局", "县税务局", "县人社局"]


@pytest.mark.parametrize("name", ["tasktable.xlsx", "tasktable.xls"])
def test_workbook_formula_is_read_as_its_cached_value(name, table_gold):
    table = read_source(FORMATS / name).tables[0]
    assert table.rows[1 + table_gold["formula_row"]][0].text == "2"


@pytest.mark.parametrize("name", ["tasktable.xlsx", "tasktable.xls", "tasktable.et"])
def test_workbook_hidden_sheet_is_skipped_with_a_warning(name, table_gold):
    source = read_source(FORMATS / name)
    assert "已废止的旧任务" not in source.text and "县旧机构" not in source.text
    assert "请各单位于每月5日前报送" not in source.text  # a sheet without a task table
    assert [w.code for w in source.warnings] == ["hidden_sheet"]
    doc = pipeline.parse(FORMATS / name)
    hidden = [w for w in doc.warnings if w.code == "hidden_sheet"]
    assert len(hidden) == 1 and table_gold["hidden_sheet"] in hidden[0].message


@pytest.mark.parametrize(
    "value, text",
    [
        (None, ""), (3, "3"), (3.0, "3"), (2.5, "2.5"), (True, "是"),
        (dt.datetime(2023, 12, 31), "2023年12月31日"), (dt.date(2024, 6, 30), "2024年6月30日"),
        ("县公安局\r\n县税务局 ", "县公安局\n县税务局"), ("县公安局_x000D_\n县税务局", "县公安局\n县税务局"),
        ("  牵头单位  ", "牵头单位"),
    ],
)
def test_sheet_cell_text(value, text):
    assert sheet.cell_text(value) == text


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([["序号", "工作任务", "牵头单位", "配合单位"]], 0),
        ([["附件2"], ["重点任务分解表", "重点任务分解表"], ["序号", "重点任务", "责任单位"]], 2),
        ([["月份", "件数"], ["1月", "3"]], None),
        ([["牵头单位"]], None),  # one label alone is not a header
    ],
)
def test_sheet_header_row(rows, expected):
    assert sheet.header_row(rows) == expected


def test_sheet_two_row_header_over_merged_role_columns():
    grid = [["序号", "工作任务", "责任单位", "责任单位", "完成时限"], ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "推进改革", "县发展改革局", "县财政局\n县审计局", "2024年底前"]]
    merged = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4)]
    source = sheet.sheets_to_source("t.xlsx", b"x", "xlsx", [sheet.Sheet("表1", False, [list(r) for r in grid], merged)])
    assert source.tables[0].header_rows == 2
    from pipeline.parse import source_to_document

    doc = source_to_document(source, doc_id="t")
    assert [(r.unit_raw, r.role) for r in doc.items[0].responsibilities] == [
        ("县发展改革局", "lead"), ("县财政局", "support"), ("县审计局", "support")]


def test_sheet_rows_without_task_continue_the_task_above():
    grid = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "推进改革", "县发展改革局", "县财政局"], ["", "", "县审计局", ""],
            ["2", "优化服务", "县政务服务管理局", ""]]
    source = sheet.sheets_to_source("t.xlsx", b"x", "xlsx", [sheet.Sheet("表1", False, [list(r) for r in grid])])
    rows = source.tables[0].rows
    assert rows[2][1] is rows[1][1] and rows[2][2].text == "县审计局"
    from pipeline.parse import source_to_document

    doc = source_to_document(source, doc_id="t")
    assert [(i.number, [(r.unit_raw, r.role, r.attribution) for r in i.responsibilities]) for i in doc.items] == [
        ("1", [("县发展改革局", "lead", 1), ("县财政局", "support", 1), ("县审计局", "lead", 2)]),
        ("2", [("县政务服务管理局", "lead", 1)]),
    ]
    assert doc.items[0].responsibilities[2].cell.row == 3


def test_sheet_stops_after_a_long_run_of_empty_rows():
    rows = [["a"]] + [[""]] * sheet.BLANK_RUN + [["b"]]
    assert sheet._until_blank_run(iter(rows)) == [["a"]] + [[""]] * (sheet.BLANK_RUN - 1)


# --- sniffing ---------------------------------------------------------------------------------


def test_office_files_are_sniffed_by_content():
    head = lambda name: (FORMATS / name).read_bytes()[:4096]  # noqa: E731
    assert ole.sniff(head("notice2023.doc"), ".doc") and ole.sniff(head("tasktable.xls"), ".txt")
    assert sheet.sniff(head("tasktable.xlsx"), ".docx") and sheet.sniff(head("tasktable.ods"), "")
    assert word_reader.sniff(head("notice2023.odt"), "") and not word_reader.sniff(head("tasktable.ods"), ".odt")
    assert not docx.sniff(head("tasktable.xlsx"), ".docx")
    assert not sheet.sniff(head("notice2023.docx"), ".xlsx")
    path = lambda name: str(FORMATS / name)  # noqa: E731
    data = lambda name: (FORMATS / name).read_bytes()  # noqa: E731
    assert ole.classify(path("notice2023.doc"), data("notice2023.doc"), ".doc") == ("doc", ".doc")
    assert ole.classify(path("notice2023.doc"), data("notice2023.doc"), ".wps") == ("wps", ".doc")
    assert ole.classify(path("tasktable.xls"), data("tasktable.xls"), ".doc") == ("xls", ".xls")  # a lying extension
    assert ole.classify(path("tasktable.xls"), data("tasktable.xls"), ".et") == ("et", ".xls")


def test_workbook_whose_first_members_hide_xl_is_still_a_workbook(tmp_path):
    import io
    import zipfile

    source = zipfile.ZipFile(FORMATS / "tasktable.xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        content_types = source.read("[Content_Types].xml")
        target.writestr(zipfile.ZipInfo("[Content_Types].xml"), content_types + b" " * 8000)  # stored, > 4 KB
        for name in source.namelist():
            if name != "[Content_Types].xml":
                target.writestr(name, source.read(name))
    path = tmp_path / "big_header.xlsx"
    path.write_bytes(out.getvalue())
    assert docx.sniff(path.read_bytes()[:4096], ".xlsx") and not sheet.sniff(path.read_bytes()[:4096], ".xlsx")
    doc = pipeline.parse(path)
    assert doc.source.format == "xlsx" and len(doc.items) == 24


# --- bad inputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, error, words",
    [
        ("corrupt.doc", CorruptInputError, "corrupt or truncated"),
        ("notable.xls", sheet.NoTaskTableError, "no sheet holds a task table"),
        ("encrypted.xlsx", ole.EncryptedOfficeError, "password-protected"),
    ],
)
def test_bad_office_inputs_raise_clear_errors(name, error, words):
    path = FORMATS / name
    with pytest.raises(error) as raised:
        pipeline.parse(path)
    assert isinstance(raised.value, InputError)
    assert str(path) in str(raised.value) and words in str(raised.value) and "\n" not in str(raised.value)
    assert raised.value.hint


@pytest.mark.parametrize("name, package", [("notice2023.doc", "libreoffice-writer-nogui"), ("tasktable.ods", "libreoffice-calc-nogui")])
def test_without_libreoffice_the_error_names_the_package(name, package, tmp_path):
    settings = Settings(soffice=str(tmp_path / "no-such-soffice"))
    with pytest.raises(_office.OfficeMissingError) as raised:
        pipeline.parse(FORMATS / name, settings)
    assert package in str(raised.value) and "no-such-soffice" in str(raised.value)
    assert "apt-get install" in raised.value.hint


def test_without_libreoffice_xls_is_still_read(tmp_path):
    doc = pipeline.parse(FORMATS / "tasktable.xls", Settings(soffice=str(tmp_path / "none")))
    assert len(doc.items) == 24  # xlrd reads .xls without LibreOffice


def test_soffice_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FENGONG_SOFFICE", str(tmp_path / "missing" / "soffice"))
    assert not _office.available(Settings())
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(FORMATS / "notice2023.doc")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"Error: {FORMATS / 'notice2023.doc'}: reading a Word 97 (.doc) file needs LibreOffice")
    assert lines[1].startswith("Hint: Install LibreOffice") and len(lines) == 2


@needs_office
def test_conversion_time_limit():
    with pytest.raises(_office.ConversionTimeoutError, match="longer than 0.01 s"):
        pipeline.parse(FORMATS / "notice2023.doc", Settings(convert_timeout=0.01))


def test_convert_timeout_setting_is_validated():
    with pytest.raises(SettingsError, match="convert_timeout"):
        Settings.resolve(convert_timeout=0)


def test_cli_one_line_errors_for_bad_office_files():
    runner = CliRunner()
    for name in ("corrupt.doc", "notable.xls", "encrypted.xlsx"):
        result = runner.invoke(app, ["parse", str(FORMATS / name)])
        assert result.exit_code == 1, name
        lines = result.output.strip().splitlines()
        assert len(lines) == 2 and lines[0].startswith(f"Error: {FORMATS / name}: ") and lines[1].startswith("Hint: ")
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "names, words",
    [({"powerpoint document": None}, "PowerPoint"), ({"__substg1.0_0037001f": None, "__properties_version1.0": None}, "neither a Word nor an Excel")],
)
def test_other_ole_files_say_what_they_are(monkeypatch, names, words):
    monkeypatch.setattr(ole, "streams", lambda path, data: names)
    with pytest.raises(UnsupportedFormatError, match=words):
        ole.read("x.doc", ole.SIGNATURE, Settings())


def test_encrypted_word97_is_refused(monkeypatch):
    fib = bytearray(32)
    fib[10:12] = (0x0100).to_bytes(2, "little")  # fEncrypted
    monkeypatch.setattr(ole, "streams", lambda path, data: {"worddocument": bytes(fib), "1table": None})
    with pytest.raises(ole.EncryptedOfficeError, match="Word document is password-protected"):
        ole.read("x.doc", ole.SIGNATURE, Settings())


# --- the fixtures are reproducible ------------------------------------------------------------


@needs_office
def test_office_fixtures_regenerate_to_the_same_content(tmp_path, table_gold):
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import make_office_fixtures as maker

    maker.main(tmp_path)
    assert json.loads((tmp_path / "tasktable.expected.json").read_text("utf-8")) == table_gold
    for name in ("tasktable.xlsx", "tasktable.xls", "tablenotice.doc"):
        assert roles_of(pipeline.parse(tmp_path / name)) == roles_of(pipeline.parse(FORMATS / name)), name
