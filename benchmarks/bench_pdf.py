"""PDF reader speed: pages/s of ``pipeline.readers.pdf`` vs bare pdfplumber ``extract_text``.

    /tmp/probe/bin/python benchmarks/bench_pdf.py [file.pdf] [--repeat N]

Both run in the same process over all pages of the same file (default: the
``notice2023.pdf`` fixture); the best of N runs is reported, plus the ratio
(target: ≥ 5×) and the end-to-end parse time (reader + core) of the PDF.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT / "tests" / "fixtures" / "formats" / "notice2023.pdf"


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", nargs="?", default=str(DEFAULT))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = args.pdf
    data = Path(path).read_bytes()

    import pdfplumber

    from pipeline.parse import source_to_document
    from pipeline.readers import READERS, pdf
    from pipeline.settings import Settings

    settings = Settings()
    source = pdf.read(path, data, settings)  # warm-up (imports, font caches)
    pages = source.pages or 0

    def ours() -> None:
        pdf.read(path, data, settings)

    def plumber() -> None:
        with pdfplumber.open(path) as document:
            for page in document.pages:
                page.extract_text()

    t_ours = best(ours, args.repeat)
    t_plumber = best(plumber, max(1, min(args.repeat, 3)))

    if any(getattr(r, "NAME", None) == "pdf" for r in READERS):
        import pipeline

        def end_to_end() -> None:
            pipeline.parse(path)

        how = "pipeline.parse"
    else:

        def end_to_end() -> None:
            source_to_document(pdf.read(path, data, settings), settings, doc_id=Path(path).stem)

        how = "pdf.read + source_to_document"
    from pipeline.errors import NoItemsError

    try:
        end_to_end()  # warm-up: registry, spaCy
        t_e2e = best(end_to_end, args.repeat)
        doc = source_to_document(source, settings, doc_id=Path(path).stem)
        result = f"{len(doc.items)} items, {len(doc.responsibilities)} pairs"
    except NoItemsError as error:  # e.g. a table-form notice before the core reads tables
        t_e2e, result = float("nan"), f"no items ({error.message})"

    print(f"file                 {path} ({pages} pages, {len(data) / 1024:.0f} KB)")
    print(f"fengong pdf reader   {pages / t_ours:8.1f} pages/s  ({t_ours * 1000:7.1f} ms, best of {args.repeat})")
    print(f"pdfplumber text      {pages / t_plumber:8.1f} pages/s  ({t_plumber * 1000:7.1f} ms)")
    print(f"ratio                {t_plumber / t_ours:8.1f}x  (target >= 5x)")
    print(f"end-to-end parse     {t_e2e * 1000:8.1f} ms  via {how}: {result}")


if __name__ == "__main__":
    main()
