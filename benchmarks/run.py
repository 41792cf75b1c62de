"""Speed figures for fengong. Run: `make bench` (or .venv/bin/python benchmarks/run.py [--variants N]).

Prints each figure beside its goal and the ratio goal/figure (> 1 means the goal is met; for memory,
"flat" means the peak grows less than 1.5× while the store grows 10×).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt"
sys.path.insert(0, str(ROOT))


def warm_parse_ms(repeat: int = 30) -> float:
    import pipeline

    pipeline.parse(NOTICE)  # load registry, spaCy pipeline
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        pipeline.parse(NOTICE)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def cold_cli_seconds(repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "parse", str(NOTICE), "-o", "/dev/null"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def make_variants(directory: Path, count: int, seed: int = 7) -> list[Path]:
    """Notice variants: other years and numbers, units reordered, sentences dropped."""
    rng = random.Random(seed)
    base = NOTICE.read_text("utf-8")
    paths = []
    for index in range(count):
        text = base.replace("〔2023〕3号", f"〔{2000 + index % 30}〕{index}号").replace("2023", str(2000 + index % 30))
        text = text.replace("省总工会、省人社厅", "省人社厅、省总工会") if rng.random() < 0.5 else text
        text = text.replace("。", "。" * rng.randint(1, 2), rng.randint(0, 20))
        path = directory / f"variant_{index:05d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def _iteration_peak_mb(store, passes: int = 3) -> float:
    """Peak Python memory while reading every stored document back, one at a time (least of a few passes,
    so that one-time allocations and the collector's timing do not count)."""
    import tracemalloc

    peaks = []
    for _ in range(passes):
        tracemalloc.start()
        pairs = sum(len(d.responsibilities) for d in store.iter_documents())
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert pairs > 0
    return min(peaks) / 1e6


def ingest_rate(count: int) -> tuple[float, int, float, float]:
    """Notices/s ingested, failures, and the read-back memory peak with count/10 and count documents."""
    from pipeline.batch import ingest
    from pipeline.store import Store

    with tempfile.TemporaryDirectory() as folder:
        files = make_variants(Path(folder), count)
        with Store(Path(folder) / "small.db") as small:
            ingest(files[: max(1, count // 10)], small)
            small_peak = _iteration_peak_mb(small)
        with Store(Path(folder) / "bench.db") as store:
            started = time.perf_counter()
            report = ingest(files, store)
            elapsed = time.perf_counter() - started
            peak = _iteration_peak_mb(store)
        return count / elapsed, len(report.failures), small_peak, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--variants", type=int, default=1000)
    args = parser.parse_args()
    rows = []
    warm = warm_parse_ms()
    rows.append(("warm pipeline.parse, 2023 notice", f"{warm:.1f} ms", "≤ 20 ms", 20 / warm))
    cold = cold_cli_seconds()
    rows.append(("cold `fengong parse` wall time", f"{cold:.2f} s", "≤ 1.5 s", 1.5 / cold))
    rate, failures, small_peak, peak = ingest_rate(args.variants)
    rows.append((f"ingest {args.variants} variants into the store", f"{rate:.0f} notices/s ({failures} failed)", "≥ 50/s", rate / 50))
    growth = peak / small_peak
    rows.append((f"read-back peak, {args.variants // 10} → {args.variants} stored", f"{small_peak:.1f} → {peak:.1f} MB", "flat", 1.5 / growth))
    width = max(len(r[0]) for r in rows)
    print(f"{'figure'.ljust(width)}  {'measured':>26}  {'goal':>8}  goal ratio")
    for name, measured, goal, ratio in rows:
        print(f"{name.ljust(width)}  {measured:>26}  {goal:>8}  {ratio:5.2f}x {'ok' if ratio >= 1 else 'MISSED'}")


if __name__ == "__main__":
    main()
