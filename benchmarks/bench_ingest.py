"""Fresh ingest against re-ingest of the same unchanged files. Run: .venv/bin/python benchmarks/bench_ingest.py [--notices N]

A re-ingest checks each file's sha256 and parser version against the store before parsing: an
unchanged file costs a stat and a hash, not a parse (issue 12: ≥ 500 files/s). Prints files/s of
both and their ratio, and the Parquet export of the store, with the goal ratio as in benchmarks/run.py (> 1 means the goal is met).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import make_variants  # noqa: E402 - the notice variants of the main benchmark

REINGEST_GOAL = 500  # files/s


def measure(count: int, repeat: int = 3) -> dict[str, float]:
    from pipeline.batch import ingest
    from pipeline.store import Store

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        make_variants(corpus, count)
        with Store(Path(folder) / "bench.db") as store:
            started = time.perf_counter()
            fresh = ingest([corpus], store)
            fresh_s = time.perf_counter() - started
            assert not fresh.failures and len(fresh.ingested) == count
            times = []
            for _ in range(repeat):  # the best of a few: the machine is shared
                started = time.perf_counter()
                again = ingest([corpus], store)
                times.append(time.perf_counter() - started)
                assert {o.status for o in again.ingested} == {"unchanged"} and not again.documents
        export_s = _export_seconds(Path(folder) / "bench.db", Path(folder) / "parquet") if _has_pyarrow() else None
    return {"fresh": count / fresh_s, "again": count / min(times), "export": count / export_s if export_s else None}


def _has_pyarrow() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def _export_seconds(db: Path, out: Path) -> float:
    """`fengong export --parquet` of the whole store (the parquet extra)."""
    from pipeline.batch import iter_keyed_documents
    from pipeline.exporters.parquet import write_parquet

    started = time.perf_counter()
    write_parquet(out, iter_keyed_documents([], db))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notices", type=int, default=1000)
    args = parser.parse_args()
    rates = measure(args.notices)
    ratio = rates["again"] / rates["fresh"]
    rows = [
        (f"fresh ingest of {args.notices} notices", f"{rates['fresh']:.0f} files/s", "", None),
        (f"re-ingest of the {args.notices} unchanged", f"{rates['again']:.0f} files/s", f"≥ {REINGEST_GOAL}/s", rates["again"] / REINGEST_GOAL),
        ("re-ingest / fresh ingest", f"{ratio:.1f}x faster", "", None),
    ]
    if rates["export"]:
        rows.append((f"export --parquet of the {args.notices} stored", f"{rates['export']:.0f} notices/s", "", None))
    width = max(len(r[0]) for r in rows)
    print(f"{'figure'.ljust(width)}  {'measured':>16}  {'goal':>8}  goal ratio")
    for name, measured, goal, goal_ratio in rows:
        verdict = f"{goal_ratio:5.2f}x {'ok' if goal_ratio >= 1 else 'MISSED'}" if goal_ratio is not None else ""
        print(f"{name.ljust(width)}  {measured:>16}  {goal:>8}  {verdict}")


if __name__ == "__main__":
    main()
