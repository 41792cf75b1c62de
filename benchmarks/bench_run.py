"""`fengong run` at scale: the main job on generated notices against an ingest of the same files.

Run: `make bench` (or .venv/bin/python benchmarks/bench_run.py [--notices N]). Generates N notices
(default 2,000; `benchmarks/run.py`'s `make_variants`), times `ingest` alone into a fresh store, then
`run_corpus` on the same files into a fresh store and output folder, and prints both, the ratio
run / ingest against the goal (≤ 1.5) and the share of the run's time per output.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

GOAL = 1.5


def measure(count: int) -> tuple[float, float, dict[str, float], int]:
    """Seconds of the ingest alone and of the run, the run's seconds per step, documents written."""
    import pipeline
    from pipeline.batch import ingest, run_corpus
    from pipeline.store import Store
    from run import NOTICE, make_variants

    pipeline.parse(NOTICE)  # load the registry and the spaCy pipeline before timing
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        make_variants(corpus, count)
        started = time.perf_counter()
        with Store(Path(folder) / "ingest.db") as store:
            ingest([corpus], store)
        ingest_seconds = time.perf_counter() - started
        timings: dict[str, float] = {}
        started = time.perf_counter()
        report = run_corpus(corpus, Path(folder) / "out", db_path=Path(folder) / "run.db", timings=timings)
        run_seconds = time.perf_counter() - started
        return ingest_seconds, run_seconds, timings, len(report.documents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notices", type=int, default=2000)
    args = parser.parse_args()
    ingest_seconds, run_seconds, timings, documents = measure(args.notices)
    ratio = run_seconds / ingest_seconds
    print(f"`fengong run` on {args.notices} generated notices ({documents} documents written)")
    print(f"  ingest alone, fresh store   {ingest_seconds:8.1f} s  ({args.notices / ingest_seconds:.0f} notices/s)")
    print(f"  run, fresh store and folder {run_seconds:8.1f} s")
    print(f"  ratio run / ingest          {ratio:8.2f}   goal ≤ {GOAL}  {'ok' if ratio <= GOAL else 'MISSED'}")
    print("  share of the run per step:")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"    {name:<34} {seconds:7.2f} s  {100 * seconds / run_seconds:5.1f} %")


if __name__ == "__main__":
    main()
