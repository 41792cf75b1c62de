"""Every format of the 2023 notice, end to end: time, pages/s, items and pairs; OCR speed and accuracy;
LibreOffice conversion of a 20-page .doc (target ≤ 5 s) and reading a 1,000-row .xlsx (target ≤ 1 s).

    .venv/bin/python benchmarks/bench_formats.py [--repeat N]

Pages/s counts the 14 pages of the typeset notice for every format (the same content), so the
figures compare; bare pdfplumber ``extract_text`` over the same PDF runs in the same process.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FORMATS = ROOT / "tests" / "fixtures" / "formats"
FILES = [
    ("text", ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"),
    ("text gb18030", FORMATS / "notice2023.gb18030.txt"),
    ("docx", FORMATS / "notice2023.docx"),
    ("html", FORMATS / "notice2023.html"),
    ("ofd", FORMATS / "notice2023.ofd"),
    ("pdf", FORMATS / "notice2023.pdf"),
    ("pdf fake-bold", FORMATS / "notice2023_fakebold.pdf"),
    ("pdf non-embedded font", FORMATS / "notice2023_nonembedded.pdf"),
    ("docx table notice", FORMATS / "tablenotice.docx"),
    ("pdf table notice", FORMATS / "tablenotice.pdf"),
    ("doc (LibreOffice)", FORMATS / "notice2023.doc"),
    ("wps (LibreOffice)", FORMATS / "notice2023.wps"),
    ("doc table notice", FORMATS / "tablenotice.doc"),
    ("xlsx task table", FORMATS / "tasktable.xlsx"),
    ("xls task table", FORMATS / "tasktable.xls"),
    ("ods task table (LO)", FORMATS / "tasktable.ods"),
    ("mhtml", FORMATS / "notice2023.mhtml"),
    ("zip bundle", FORMATS / "notice2023_bundle.zip"),
]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def ocr_figures() -> str:
    """Seconds per page and character accuracy of OCR on the scanned page against the text layer."""
    from pipeline.readers import ocr, pdf
    from pipeline.settings import Settings

    if not ocr.available():
        return "OCR: the extra is not installed (pip install 'fengong[ocr]')"
    scan = FORMATS / "notice2023_scan_page.pdf"  # the typeset notice with page 3 as an image only
    typeset = FORMATS / "notice2023.pdf"
    page = 3
    started = time.perf_counter()
    source = pdf.read(str(scan), scan.read_bytes(), Settings())
    with_ocr = time.perf_counter() - started
    started = time.perf_counter()
    reference = pdf.read(str(typeset), typeset.read_bytes(), Settings())
    without = time.perf_counter() - started
    expected = "".join(l.text for l in reference.lines if l.page == page).replace(" ", "")
    got = "".join(l.text for l in source.lines if l.page == page).replace(" ", "")
    accuracy = difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio()
    return f"OCR: {with_ocr - without:.1f} s for the one scanned page; character accuracy {accuracy:.3f} against its text layer"


def _paragraph_docx(paragraphs: list[str]) -> bytes:
    import io

    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _soffice(source: Path, target: str, outdir: Path) -> Path:
    import subprocess
    import tempfile

    from pipeline.readers import _office
    from pipeline.settings import Settings

    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([_office.find_soffice(Settings()), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", target, "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=300)
    return outdir / f"{source.stem}.{target.split(':')[0]}"


def office_figures(repeat: int) -> list[str]:
    """A ≥20-page .doc converted and parsed; a 1,000-row .xlsx read and parsed."""
    import tempfile

    import openpyxl
    import pypdfium2

    import pipeline
    from pipeline.readers import _office, read_source
    from pipeline.settings import Settings

    out = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if _office.available():
            lines = [l.strip() for l in FILES[0][1].read_text("utf-8").splitlines() if l.strip()]
            copies = 1
            while True:
                (work / "long.docx").write_bytes(_paragraph_docx(lines * copies))
                doc = _soffice(work / "long.docx", "doc:MS Word 97", work)
                pages = len(pypdfium2.PdfDocument(str(_soffice(doc, "pdf", work))))
                if pages >= 20:
                    break
                copies += 1
            data = doc.read_bytes()
            convert = best(lambda: _office.convert(str(doc), data, ".doc", "docx", Settings(), "Word 97"), repeat)
            parse = best(lambda: pipeline.parse(doc), repeat)
            items = len(pipeline.parse(doc).items)
            out.append(f"{pages}-page .doc ({len(data) // 1024} KB): LibreOffice conversion {convert:.2f} s,"
                       f" parse end to end {parse:.2f} s, {items} items (target ≤ 5 s)")
        else:
            out.append("20-page .doc: LibreOffice is not installed")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["附件"])
        sheet.append(["2024年重点任务分解表"])
        sheet.append(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"])
        for n in range(1, 1001):
            sheet.append([n, f"推进第{n}项重点工作任务落实，确保按期完成", "县发展改革局", "县财政局\n县审计局", "2024年12月底前"])
        book.save(work / "rows.xlsx")
        path = work / "rows.xlsx"
        read = best(lambda: read_source(path), repeat)
        parse = best(lambda: pipeline.parse(path), repeat)
        document = pipeline.parse(path)
        out.append(f"1,000-row .xlsx ({path.stat().st_size // 1024} KB): read {read:.2f} s (target ≤ 1 s),"
                   f" parse end to end {parse:.2f} s, {len(document.items)} items, {len(document.responsibilities)} pairs")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import pdfplumber

    import pipeline

    pages = 14
    pipeline.parse(FILES[0][1])  # warm: registry, spaCy
    rows = []
    for name, path in FILES:
        document = pipeline.parse(path)
        seconds = best(lambda: pipeline.parse(path), args.repeat)
        shown_pages = document.source.pages or pages
        rows.append((name, seconds, shown_pages / seconds, len(document.items), len(document.responsibilities)))

    def plumber() -> None:
        with pdfplumber.open(FORMATS / "notice2023.pdf") as pdf:
            for page in pdf.pages:
                page.extract_text()

    bare = best(plumber, args.repeat)
    print(f"{'format':24} {'parse ms':>9} {'pages/s':>8} {'items':>6} {'pairs':>6}")
    for name, seconds, rate, items, pairs in rows:
        print(f"{name:24} {seconds * 1000:9.1f} {rate:8.1f} {items:6d} {pairs:6d}")
    pdf_rate = next(rate for name, _, rate, *_ in rows if name == "pdf")
    print(f"{'bare pdfplumber text':24} {bare * 1000:9.1f} {pages / bare:8.1f}")
    print(f"fengong end to end on the PDF vs bare pdfplumber extract_text: {pdf_rate / (pages / bare):.1f}x (goal ≥ 5x)")
    print(ocr_figures())
    for line in office_figures(args.repeat):
        print(line)


if __name__ == "__main__":
    main()
