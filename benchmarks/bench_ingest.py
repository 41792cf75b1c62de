"""Ingest at scale: fresh ingest, peak memory, re-ingest, and the Dask engine against the local one.

Run: .venv/bin/python benchmarks/bench_ingest.py [--sizes 200,2000,20000] [--dask-notices 2000] [--no-dask]

For each size, generated notices (benchmarks/run.py's variants) are ingested into a fresh store by a
process of their own, so that its memory high-water mark is that of this ingest alone. Printed per
size: notices/s, notices/s per core, and the peak resident memory (RSS high-water, getrusage) of the
ingesting process (RUSAGE_SELF: the writer, which once held every document) and of its largest
worker (RUSAGE_CHILDREN: the budgeted parse workers, joined when the ingest ends), and the whole
ingest as the writer plus the number of workers times the largest (an upper bound). Then the ratio of
the peaks at the largest and the smallest size (issue 12: ≤ 1.3, memory flat in the number of files),
the re-ingest of the unchanged files (≥ 500 files/s: a stat and a hash, no parse), the Parquet export
of the store, and the Dask engine on a local cluster of two workers against the local engine with
two workers on the same files (notices/s, their ratio, and whether the two stores are identical).
"goal ratio" > 1 means the goal is met. The machine may be shared: figures are those of the moment.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import make_variants  # noqa: E402 - the notice variants of the main benchmark

SIZES = (200, 2000, 20000)
RATE_PER_CORE_GOAL = 40  # notices/s per core (text)
REINGEST_GOAL = 500  # files/s
MEMORY_GROWTH_GOAL = 1.3  # peak at the largest size / peak at the smallest
DASK_WORKERS = 2


# --- the measuring process --------------------------------------------------------------------------

def measure(corpus: Path, db: Path, engine: str, workers: int | None, repeat: int, export: bool) -> dict:
    """One fresh ingest of ``corpus`` into ``db`` in this process, its peaks, then the re-ingests."""
    from pipeline.batch import ingest
    from pipeline.settings import Settings
    from pipeline.store import Store

    settings = Settings(engine=engine, workers=workers)
    with Store(db) as store:
        started = time.perf_counter()
        fresh = ingest([corpus], store, settings)
        fresh_s = time.perf_counter() - started
        # ru_maxrss is in KiB on Linux; the children's is the largest child's, once joined
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        assert not fresh.failures and not fresh.documents, fresh.failures[:3]
        times = []
        for _ in range(repeat):  # the best of a few: the machine is shared
            started = time.perf_counter()
            again = ingest([corpus], store, settings)
            times.append(time.perf_counter() - started)
            assert {o.status for o in again.ingested} == {"unchanged"} and not again.documents
    from pipeline.engines import PARALLEL_FROM

    count = len(fresh.ingested)
    cores = workers or os.cpu_count() or 1
    result = {
        "count": count, "fresh": count / fresh_s, "again": count / min(times) if times else None,
        "self_mb": self_mb, "children_mb": children_mb, "workers": cores if count >= PARALLEL_FROM or engine != "local" else 1,
    }
    if export and _has_pyarrow():
        result["export"] = count / _export_seconds(db, db.parent / f"{db.stem}-parquet")
    return result


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


def store_content(db: Path) -> tuple:
    """What the store holds by path: document JSON and version, items, responsibilities, units."""
    with sqlite3.connect(db) as connection:
        return tuple(connection.execute(sql).fetchall() for sql in (
            "SELECT id, path, doc_id, sha256, parser_version, json FROM documents ORDER BY path",
            "SELECT d.path, i.* FROM items i JOIN documents d ON d.id = i.document_id ORDER BY d.path, i.seq",
            "SELECT d.path, r.* FROM responsibilities r JOIN documents d ON d.id = r.document_id"
            " ORDER BY d.path, r.item_id, r.\"order\", r.unit, r.start",
            "SELECT * FROM units ORDER BY canonical",
        ))


# --- the driver ---------------------------------------------------------------------------------------

def run_measure(corpus: Path, db: Path, engine: str = "local", workers: int | None = None, repeat: int = 1, export: bool = False) -> dict:
    """``measure`` in a process of its own (its memory high-water mark is this ingest's alone)."""
    command = [sys.executable, __file__, "--measure", str(corpus), "--db", str(db), "--engine", engine, "--repeat", str(repeat)]
    if workers:
        command += ["--workers", str(workers)]
    if export:
        command.append("--export")
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="numbers of notices, comma-separated (default: 200,2000,20000)")
    parser.add_argument("--dask-notices", type=int, default=2000, help="notices for the Dask against local comparison")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask comparison")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the measuring process
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--export", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.db, args.engine, args.workers, args.repeat, args.export)))
        return
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    rows = Rows()
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            corpus = Path(folder) / f"corpus{size}"
            corpus.mkdir()
            make_variants(corpus, size)
            result = results[size] = run_measure(corpus, Path(folder) / f"local{size}.db", repeat=3 if size <= 2000 else 1, export=size <= 2000)
            per_core = result["fresh"] / result["workers"]
            rows.append((f"ingest {size} notices ({result['workers']} workers)", f"{result['fresh']:.0f} notices/s", "", None))
            rows.append((f"  per core, {size} notices", f"{per_core:.1f} notices/s", f"≥ {RATE_PER_CORE_GOAL}/s", per_core / RATE_PER_CORE_GOAL))
            result["total_mb"] = result["self_mb"] + result["workers"] * result["children_mb"]
            rows.append((f"  peak RSS, {size}: writer / largest worker", f"{result['self_mb']:.0f} / {result['children_mb']:.0f} MB", "", None))
            rows.append((f"  peak RSS, {size}: writer + workers × largest", f"{result['total_mb']:.0f} MB", "", None))
            rows.append((f"  re-ingest of the {size} unchanged", f"{result['again']:.0f} files/s", f"≥ {REINGEST_GOAL}/s", result["again"] / REINGEST_GOAL))
            if result.get("export"):
                rows.append((f"  export --parquet of the {size} stored", f"{result['export']:.0f} notices/s", "", None))
        if len(sizes) > 1:
            small, large = results[sizes[0]], results[sizes[-1]]
            for name, key in (("whole ingest", "total_mb"), ("writer", "self_mb"), ("largest worker", "children_mb")):
                growth = large[key] / small[key]
                rows.append((f"peak RSS of the {name}, {sizes[-1]} / {sizes[0]}", f"{growth:.2f}x", f"≤ {MEMORY_GROWTH_GOAL}x", MEMORY_GROWTH_GOAL / growth))
        if not args.no_dask:
            rows.extend(dask_rows(Path(folder), args.dask_notices, results))


class Rows(list):
    """The table, each row printed as it is measured (a run of 20,000 notices takes a while)."""

    WIDTH = 52

    def __init__(self) -> None:
        super().__init__()
        print(f"{'figure'.ljust(self.WIDTH)}  {'measured':>20}  {'goal':>8}  goal ratio", flush=True)

    def append(self, row: tuple[str, str, str, float | None]) -> None:
        super().append(row)
        name, measured, goal, goal_ratio = row
        verdict = f"{goal_ratio:5.2f}x {'ok' if goal_ratio >= 1 else 'MISSED'}" if goal_ratio is not None else ""
        print(f"{name.ljust(self.WIDTH)}  {measured:>20}  {goal:>8}  {verdict}", flush=True)

    def extend(self, rows) -> None:
        for row in rows:
            self.append(row)


def dask_rows(folder: Path, count: int, results: dict[int, dict]) -> list[tuple[str, str, str, float | None]]:
    """The Dask engine (a LocalCluster of two worker processes, started by the ingest and counted in
    its time) against the local engine with two workers, on the same files."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        return [("dask engine", "not installed", "", None)]
    corpus = folder / f"corpus{count}"
    if not corpus.exists():
        corpus.mkdir()
        make_variants(corpus, count)
    local_db = folder / f"local{count}.db"
    local = results.get(count) if (os.cpu_count() or 1) == DASK_WORKERS else None
    if local is None:
        local_db = folder / f"local{count}-{DASK_WORKERS}.db"
        local = run_measure(corpus, local_db, workers=DASK_WORKERS)
    on_dask = run_measure(corpus, folder / f"dask{count}.db", engine="dask", workers=DASK_WORKERS)
    identical = store_content(local_db) == store_content(folder / f"dask{count}.db")
    return [
        (f"dask engine, {count} notices, {DASK_WORKERS} local workers", f"{on_dask['fresh']:.0f} notices/s", "", None),
        (f"  local engine, the same, {DASK_WORKERS} workers", f"{local['fresh']:.0f} notices/s", "", None),
        ("  dask / local", f"{on_dask['fresh'] / local['fresh']:.2f}x", "", None),
        ("  dask store identical to the local one", "yes" if identical else "NO", "yes", 1.0 if identical else 0.0),
    ]


if __name__ == "__main__":
    main()
