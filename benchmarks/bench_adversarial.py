"""Time and peak memory of every hostile notice of ``tests/test_adversarial.py`` (each parsed by
``fengong parse`` in its own process, so the figures include start-up), plus a DOCX just under the
XML limit and a scanned page far over the OCR pixel limit.

    .venv/bin/python benchmarks/bench_adversarial.py
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_adversarial import NOTICES  # noqa: E402

MEASURE = """
import resource, sys, time
import pipeline
from pipeline.errors import FengongError
started = time.perf_counter()
try:
    document = pipeline.parse(sys.argv[1])
    outcome = f"{len(document.items)} items, {len(document.responsibilities)} pairs"
except FengongError as error:
    outcome = f"{type(error).__name__}: {error.message[:70]}"
print(f"{time.perf_counter() - started:.2f}\\t{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}\\t{outcome}")
"""


def big_docx(path: Path, xml_mib: float) -> Path:
    from docx import Document

    random.seed(1)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    document = Document()
    document.add_paragraph("关于印发《测试工作方案》的通知")
    paragraphs = int(xml_mib * 2**20 / 680)  # about 680 bytes of XML per paragraph below
    for i in range(paragraphs):
        document.add_paragraph(f"{i % 999 + 1}.推进" + "".join(random.choices(chars, k=200)) + "。（责任单位：省发改委）")
    document.save(path)
    return path


def huge_scan(path: Path) -> Path:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=(14_400, 14_400))
    page.drawImage(ImageReader(Image.new("L", (8, 8), 128)), 0, 0, 14_400, 14_400)
    page.save()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        cases = []
        for name, text in sorted(NOTICES.items()):
            path = folder / f"{name}.txt"
            path.write_text(text, "utf-8")
            cases.append((name, path))
        cases.append(("docx_2.5mib_xml", big_docx(folder / "big.docx", 2.5)))
        cases.append(("docx_17mib_xml", big_docx(folder / "bigger.docx", 17)))
        cases.append(("scan_14400pt_page", huge_scan(folder / "huge.pdf")))
        print("case\tseconds\tpeak MB\toutcome")
        for name, path in cases:
            started = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=600, cwd=ROOT)
            line = result.stdout.strip() or f"{time.perf_counter() - started:.2f}\t?\tcrashed: {result.stderr.strip()[-80:]}"
            print(f"{name}\t{line}", flush=True)


if __name__ == "__main__":
    main()
