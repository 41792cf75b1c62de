"""The corpus report and the ledger: build time, size, browser load time, printed pages.

Run: .venv/bin/python benchmarks/bench_report.py. Prints the warm median time to build the
report of the corpus, its size, the time headless Chromium takes to load it (the page records
``performance.now()`` at its load event), and the pages of the 2023 ledger (estimated from the
sheet's widths and heights, and printed to PDF by LibreOffice when it is installed).
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import pipeline
    from pipeline.exporters import export
    from pipeline.batch import consecutive_editions
    from pipeline.analysis.diff import diff_documents
    from pipeline.analysis.ledger import documents_to_ledger
    from pipeline.exporters.report import documents_to_report

    documents = [pipeline.parse(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    diffs = [diff_documents(a, b) for a, b in consecutive_editions(documents)]
    times = []
    for _ in range(3):
        started = time.perf_counter()
        page = documents_to_report(documents, diffs)
        times.append(time.perf_counter() - started)
    print(f"report build (warm median of 3)\t{statistics.median(times):.2f} s")
    print(f"report size\t{len(page.encode('utf-8')) / 1e6:.2f} MB\t(goal ≤ 2 MB)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.html"
        path.write_text(page, "utf-8")
        browser = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
        if browser:
            loads = []
            for _ in range(3):
                dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={folder}/profile",
                                      "--dump-dom", path.as_uri()], capture_output=True, text=True, timeout=120).stdout
                loads.append(int(re.search(r'data-load-ms="(\d+)"', dom).group(1)))
            print(f"report load in Chromium (median of 3)\t{statistics.median(loads) / 1000:.2f} s\t(goal ≤ 2 s)")
        else:
            print("report load in Chromium\tskipped: no chromium")
        ledger = export.write_ledger(Path(folder) / "ledger.xlsx", documents_to_ledger(documents[:1]))
        from openpyxl import load_workbook

        book = load_workbook(ledger)
        print(f"ledger of {book['台账'].max_row - 1} tasks, estimated pages\t{export.estimated_pages(book['台账'])}\t(goal ≤ 3)")
        if shutil.which("soffice"):
            for name in book.sheetnames[1:]:
                del book[name]
            book.save(Path(folder) / "only.xlsx")
            subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
                            "--outdir", folder, str(Path(folder) / "only.xlsx")], capture_output=True, timeout=180, check=True)
            import pypdfium2

            print(f"ledger pages printed by LibreOffice\t{len(pypdfium2.PdfDocument(Path(folder) / 'only.pdf'))}\t(goal ≤ 3)")


if __name__ == "__main__":
    main()
