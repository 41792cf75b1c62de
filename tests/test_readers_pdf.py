"""The PDF reader: same items and pairs as the TXT, page provenance, tables, bad inputs, OCR.

Fixtures are made by ``scripts/make_format_fixtures.py`` (committed, deterministic).
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

import pipeline
from conftest import items_of, pairs_of
from pipeline.parse import source_to_document
from pipeline.errors import EmptyInputError, FengongError, InputError, NoItemsError
from pipeline.readers import pdf
from pipeline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
TXT = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"


def read(name: str):
    path = FORMATS / name
    return pdf.read(str(path), path.read_bytes(), Settings())


def parse_pdf(name: str):
    return pipeline.parse(FORMATS / name)




GOLDEN = ["notice2023.pdf", "notice2023_fakebold.pdf", "notice2023_nonembedded.pdf"]


@pytest.mark.parametrize("name", GOLDEN)
def test_pdf_gives_the_items_and_pairs_of_the_txt(name, reference):
    doc = parse_pdf(name)
    assert len(reference.items) == 28 and len(reference.responsibilities) == 75
    assert items_of(doc) == items_of(reference)
    assert pairs_of(doc) == pairs_of(reference)
    assert doc.meta == reference.meta
    assert doc.source.format == "pdf" and doc.source.pages == 14 and doc.source.encoding is None
    assert all(r.page is not None and 1 <= r.page <= 14 for _, r in doc.responsibilities)
    assert all(item.page is not None for item in doc.items)


def test_pages_of_known_units():
    doc = parse_pdf("notice2023.pdf")
    pages = {(item.id, r.unit): r.page for item, r in doc.responsibilities}
    # checked against the rendered fixture (pdftoppm)
    assert pages[("main/一/1", "省委宣传部")] == 3  # the clause starts at the foot of page 2, the unit is on page 3
    assert pages[("main/一/1", "省总工会")] == 3
    assert pages[("main/二/4", "省发改委")] == 4
    assert pages[("main/二/4", "苏州市")] == 4
    assert pages[("main/二/9", "团省委")] == 7  # item on page 6, its clause on page 7
    assert pages[("attachment1/十", "省工商联")] == 14
    first = doc.items[0]
    assert first.page == 2


def test_clauses_span_line_and_page_breaks():
    """The fixture really exercises breaks inside attribution clauses (and inside their label)."""
    source = read("notice2023.pdf")
    flat, where = "", []
    for line in source.lines:
        flat += line.text
        where.extend((line.number, line.page) for _ in line.text)
    across_lines = across_pages = label_split = label_across_page = 0
    for found in re.finditer(r"（责任单位：[^）]*）", flat):
        span = range(found.start(), found.end())
        label = range(found.start(), found.start() + 6)
        across_lines += len({where[i][0] for i in span}) > 1
        across_pages += len({where[i][1] for i in span}) > 1
        label_split += len({where[i][0] for i in label}) > 1
        label_across_page += len({where[i][1] for i in label}) > 1
    assert across_lines >= 10
    assert across_pages >= 2
    assert label_split >= 3
    assert label_across_page >= 1


def test_source_lines_and_paragraph_convention():
    source = read("notice2023.pdf")
    assert getattr(source, "paragraphs", "blank") == "blank"
    assert source.format == "pdf" and source.pages == 14 and source.sha256 and source.encoding is None
    assert source.lines[0].text == "新时代江苏产业工人队伍建设改革联席会"  # the red 版头 stays the first line
    for line in source.lines:
        assert source.text[line.offset : line.offset + len(line.text)] == line.text
        assert line.page is not None
    texts = [line.text for line in source.lines]
    assert "" not in (texts[0], texts[-1])
    assert all(not (a == "" and b == "") for a, b in zip(texts, texts[1:])), "one blank line between paragraphs"
    # no page furniture
    assert not any(re.fullmatch(r"[—\-\s]*\d+[—\-\s]*", t) for t in texts)
    assert texts.count("苏产改办〔2023〕3号") == 1  # the 文号, not the running header
    # paragraphs are joined across page breaks: no paragraph ends in the middle of a sentence
    paragraphs = [p.replace("\n", "") for p in source.text.split("\n\n")]
    assert "（责任单位：省委宣传部、省总工会）" in "".join(paragraphs)


def test_fakebold_text_equals_plain_text():
    def squeeze(text: str) -> str:  # pdfium may or may not keep a lone space glyph (the core heals spaces)
        return text.replace(" ", "")

    assert squeeze(read("notice2023_fakebold.pdf").text) == squeeze(read("notice2023.pdf").text)


def test_undouble_chars():
    """Glyph-by-glyph doubling is also removed when pdfium does not drop it itself."""

    class Raw:
        FS_RECTF = None

        @staticmethod
        def FPDFText_GetLooseCharBox(handle, index, rect):
            rect.left, rect.bottom, rect.right = handle[index]

    class Rect:
        left = bottom = right = 0.0

    chars = list("苏苏产产改改办办")
    boxes = [(10 + (k // 2) * 15 + (k % 2) * 0.3, 100, 25 + (k // 2) * 15 + (k % 2) * 0.3) for k in range(len(chars))]
    out = pdf._undouble(chars, 0, boxes, Raw, Rect())
    assert "".join(out) == "苏产改办"


def test_table_rows_joined_across_the_page_break():
    gold = json.loads((FORMATS / "tablenotice.expected.json").read_text("utf-8"))
    source = read("tablenotice.pdf")
    assert len(source.tables) == 1
    table = source.tables[0]
    assert [c.text for c in table.rows[0]] == gold["headers"]
    assert table.header_rows == 1
    body = table.rows[1:]
    assert len(body) == len(gold["rows"]) == 25  # the repeated header row is gone
    for row, expected in zip(body, gold["rows"]):
        got = {
            "number": row[0].text,
            "title": row[1].text.replace("\n", ""),
            "lead": [u for u in re.split(r"[、\n]", row[2].text) if u],
            "support": [u for u in re.split(r"[、\n]", row[3].text) if u],
            "deadline": row[4].text.replace("\n", ""),
        }
        assert got == {k: expected[k] for k in got}, expected["number"]
    assert gold["split_rows"], "the fixture splits a row across the page break"
    split = next(row for row in body if row[0].text == gold["split_rows"][0])
    assert split[0].page == 2 and body[-1][0].page == 3
    # cells stand in Source.text on their own lines, inside first_line..last_line
    for row in table.rows:
        for cell in row:
            assert table.first_line <= cell.line <= table.last_line
            assert source.text[cell.offset : cell.offset + len(cell.text)] == cell.text
    outside = [line.text for line in source.lines if not table.first_line <= line.number <= table.last_line]
    assert "序号" not in outside and "云岭县人民政府办公室2024年3月1日印发" in outside


@pytest.mark.parametrize(
    "name, error",
    [
        ("encrypted.pdf", pdf.EncryptedPdfError),
        ("truncated.pdf", pdf.CorruptPdfError),
        ("zero_pages.pdf", EmptyInputError),
        ("notapdf.pdf", pdf.CorruptPdfError),
    ],
)
def test_bad_inputs(name, error):
    with pytest.raises(error) as caught:
        read(name)
    assert isinstance(caught.value, InputError)
    assert str(FORMATS / name) in str(caught.value)
    assert caught.value.hint


def test_encrypted_hint_and_sniff():
    with pytest.raises(pdf.EncryptedPdfError) as caught:
        read("encrypted.pdf")
    assert "password" in caught.value.hint
    assert pdf.sniff((FORMATS / "notice2023.pdf").read_bytes()[:4096], ".pdf")
    assert pdf.sniff(b"\xef\xbb\xbf junk\n%PDF-1.7\n", ".bin")
    assert not pdf.sniff((FORMATS / "notapdf.pdf").read_bytes()[:4096], ".pdf")


def test_notapdf_is_read_as_what_it_is():
    """A text file named .pdf goes to the text reader: no tasks, not a PDF error."""
    with pytest.raises(NoItemsError):
        pipeline.parse(FORMATS / "notapdf.pdf")


def test_scanned_page_without_ocr_names_the_extra(monkeypatch):
    from pipeline.readers import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(pdf.OcrUnavailableError) as caught:
        read("notice2023_scan_page.pdf")
    assert "pip install 'fengong[ocr]'" in caught.value.hint
    assert "page(s) 3" in str(caught.value)
    assert isinstance(caught.value, FengongError)


def test_undecodable_text_layer_is_detected_per_page(monkeypatch, tmp_path):
    """Fonts without ToUnicode give glyph-code garbage (``(cid:…)`` in pdfminer): those pages need OCR."""
    from pipeline.readers import ocr

    data = (FORMATS / "notice2023.pdf").read_bytes()
    stripped = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data)  # same length: xref stays valid
    assert stripped != data
    path = tmp_path / "notounicode.pdf"
    path.write_bytes(stripped)
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(pdf.OcrUnavailableError) as caught:
        pdf.read(str(path), stripped, Settings())
    assert "page(s) 1, 2, 3," in str(caught.value) and "14 have" in str(caught.value)


def test_ocr_normalises_punctuation():
    from pipeline.readers.ocr import normalise

    assert normalise("(责任单位:省人社厅,省总工会)") == "（责任单位：省人社厅，省总工会）"
    assert normalise("新增1,000个") == "新增1,000个"


@pytest.mark.skipif(
    importlib.util.find_spec("rapidocr") is None or importlib.util.find_spec("onnxruntime") is None,
    reason="the OCR extra (rapidocr) is not installed",
)
def test_ocr_scanned_page(reference):
    from pipeline.readers import ocr

    if not ocr.available():
        pytest.skip("rapidocr has no bundled models")
    doc = source_to_document(read("notice2023_scan_page.pdf"), doc_id="scan")
    expected = set(pairs_of(reference))
    got = set(pairs_of(doc))
    assert len(expected & got) >= 0.98 * len(expected)
    on_scan = [r for _, r in doc.responsibilities if r.page == 3]
    assert on_scan, "the scanned page carries attribution clauses"


def _can_typeset() -> bool:
    if importlib.util.find_spec("reportlab") is None:
        return False
    return any(Path(p).exists() for p in ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"))


@pytest.mark.skipif(not _can_typeset(), reason="needs reportlab and fonts-wqy-zenhei to typeset a PDF")
@pytest.mark.parametrize("font", ["CJK", "STSong-Light"])
def test_another_notice_typeset_on_the_fly(tmp_path, font):
    """The 2024 notice, typeset by the fixture script at test time, also reads back to the TXT's items and pairs."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_format_fixtures as fixtures
    finally:
        sys.path.pop(0)
    txt = ROOT / "corpus" / "2024_jiangsu_industrial_workforce_reform_plan.synthetic.txt"
    out = tmp_path / "notice2024.pdf"
    fixtures.make_notice(out, font=font, source=txt)
    reference = pipeline.parse(txt)
    doc = source_to_document(pdf.read(str(out), out.read_bytes(), Settings()), doc_id="notice2024")
    assert items_of(doc) == items_of(reference)
    assert pairs_of(doc) == pairs_of(reference)
    assert doc.meta == reference.meta


def _table_only_pdf(path: Path, title: str | None) -> Path:
    """A ruled task table on one page, with at most one line of text outside it (reportlab's CID font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    if title:
        page.setFont("STSong-Light", 18)
        page.drawString(200, 780, title)
    rows = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "推进产业工人队伍建设改革", "省总工会", "省人社厅"], ["2", "完善技能人才评价制度", "省人社厅", "省教育厅"]]
    xs, top, height = [60, 110, 330, 430, 530], 700, 30
    for i in range(len(rows) + 1):
        page.line(xs[0], top - i * height, xs[-1], top - i * height)
    for x in xs:
        page.line(x, top, x, top - len(rows) * height)
    page.setFont("STSong-Light", 11)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            page.drawString(xs[j] + 4, top - i * height - 20, cell)
    page.save()
    return path


@pytest.mark.skipif(importlib.util.find_spec("reportlab") is None, reason="needs reportlab to typeset a PDF")
@pytest.mark.parametrize("title", [None, "重点任务分工表"])
def test_pdf_table_only_page_reads(tmp_path, title):
    """A page that is a table plus one title line used to crash the layout (``min()`` of nothing)."""
    path = _table_only_pdf(tmp_path / "table.pdf", title)
    doc = source_to_document(pdf.read(str(path), path.read_bytes(), Settings()), doc_id="table")
    assert [(item.number, item.title) for item in doc.items] == [("1", "推进产业工人队伍建设改革"), ("2", "完善技能人才评价制度")]
    assert [(r.unit, r.role) for _, r in doc.responsibilities] == [("省总工会", "lead"), ("省人社厅", "support"), ("省人社厅", "lead"), ("省教育厅", "support")]


_OCR = importlib.util.find_spec("rapidocr") is not None and importlib.util.find_spec("onnxruntime") is not None


@pytest.mark.skipif(not _OCR, reason="the OCR extra (rapidocr) is not installed")
def test_ocr_engine_switches_onnxruntime_telemetry_off(monkeypatch):
    import onnxruntime

    from pipeline.readers import ocr

    calls = []
    monkeypatch.setattr(onnxruntime, "disable_telemetry_events", lambda: calls.append(True))
    ocr._engine.cache_clear()
    try:
        ocr._engine()
    finally:
        ocr._engine.cache_clear()
    assert calls == [True]


def _no_network_namespace() -> bool:
    import shutil
    import subprocess

    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _OCR, reason="the OCR extra (rapidocr) is not installed")
@pytest.mark.skipif(not _no_network_namespace(), reason="needs `unshare -n` (root, or user namespaces) for a namespace without network")
def test_parse_with_ocr_needs_no_network(tmp_path):
    """``fengong parse`` of a scanned page inside a network namespace without interfaces."""
    import subprocess
    import sys

    from pipeline.readers import ocr

    if not ocr.available():
        pytest.skip("rapidocr has no bundled models")
    out = tmp_path / "scan.json"
    result = subprocess.run(
        ["unshare", "-n", sys.executable, "-m", "pipeline", "parse", str(ROOT / "tests" / "fixtures" / "formats" / "notice2023_scan_page.pdf"), "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    pages = {r["page"] for item in json.loads(out.read_text("utf-8"))["items"] for r in item["responsibilities"]}
    assert 3 in pages  # the scanned page was read
