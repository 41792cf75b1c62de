"""Parse speed of one process: notices/s of a fixed loop of ``pipeline.batch.parse_one``.

Run: .venv/bin/python benchmarks/bench_parse.py [--variants 100] [--rounds 5]

Three loops, each repeated ``--rounds`` times, the best round kept (the machine may be shared):

- repeating: the generated variants of the 2023 notice (benchmarks/run.py), whose texts repeat from
  file to file, so that the parser's bounded caches of short texts flatter them;
- new texts: the same variants with those caches emptied before each file, as if every text were new
  to the process (only what recurs within one notice is found again);
- distinct notices: corpus/ and the synthetic sets under tests/ (eval, blind, blind2, blind3, holdout),
  caches emptied before each file; smaller notices, and every one different.

Printed for each: notices/s of CPU time (the process's own, least disturbed by other jobs) and of wall
time, and ms a notice. Issue 12 asks ≥ 40 notices/s per core for text; "goal ratio" > 1 means met
(on CPU time). The load average is printed beside them: under load the wall figures drop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import make_variants  # noqa: E402 - the notice variants of the main benchmark

GOAL = 40  # notices/s per core (issue 12, text)
SETS = ("corpus", "tests/eval", "tests/blind", "tests/blind2", "tests/blind3", "tests/holdout")
MIN_CACHE = 16  # caches smaller than this hold loaded data (registry, patterns, spaCy), not texts
NOT_TEXTS = {"pipeline.extract.anchored._anchors"}  # what it keeps is read from compiled patterns


def text_caches() -> list:
    """The parser's caches of texts: every ``lru_cache`` of a loaded ``pipeline`` module that holds
    16 entries or more (the smaller ones hold the loaded registry, vocabularies and spaCy pipeline),
    but for those of ``NOT_TEXTS``."""
    caches = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("pipeline.") or module is None:
            continue
        for value in vars(module).values():
            if getattr(value, "__module__", None) == name and hasattr(value, "cache_clear") and hasattr(value, "cache_parameters") \
                    and f"{name}.{value.__name__}" not in NOT_TEXTS:
                size = value.cache_parameters()["maxsize"]
                if size is None or size >= MIN_CACHE:
                    caches.append(value)
    return caches


def loop(files: list[Path], caches: list, clear: bool) -> tuple[float, float]:
    """CPU and wall seconds of ``parse_one`` over ``files`` (caches emptied before each file if ``clear``)."""
    from pipeline.batch import parse_one
    from pipeline.model import Document
    from pipeline.settings import Settings

    settings = Settings()
    cpu = wall = 0.0
    for path in files:
        if clear:
            for cache in caches:
                cache.cache_clear()
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        result = parse_one(path, settings, path.stem)
        cpu += time.process_time() - started_cpu
        wall += time.perf_counter() - started_wall
        assert isinstance(result, Document), result
    return cpu, wall


def best(files: list[Path], caches: list, clear: bool, rounds: int) -> tuple[float, float]:
    runs = [loop(files, caches, clear) for _ in range(rounds)]
    return min(cpu for cpu, _ in runs), min(wall for _, wall in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variants", type=int, default=100, help="generated notices (default 100)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each loop; the best is kept (default 5)")
    args = parser.parse_args()
    distinct = [path for folder in SETS for path in sorted((ROOT / folder).glob("*.txt"))]
    with tempfile.TemporaryDirectory() as folder:
        variants = make_variants(Path(folder), args.variants)
        loop(distinct[:3], [], clear=False)  # load the registry, vocabularies and spaCy pipeline once
        caches = text_caches()
        rows = [
            (f"repeating: {len(variants)} variants", len(variants), best(variants, caches, False, args.rounds)),
            (f"new texts: the {len(variants)} variants, caches emptied", len(variants), best(variants, caches, True, args.rounds)),
            (f"distinct: {len(distinct)} corpus and test notices", len(distinct), best(distinct, caches, True, args.rounds)),
        ]
    print(f"single process, pipeline.batch.parse_one, best of {args.rounds}; {len(caches)} text caches; load average {os.getloadavg()[0]:.2f}")
    print(f"{'loop':<46}  {'CPU notices/s':>13}  {'wall notices/s':>14}  {'ms a notice':>11}  goal ≥ {GOAL}/s")
    for name, count, (cpu, wall) in rows:
        ratio = count / cpu / GOAL
        print(f"{name:<46}  {count / cpu:>13.1f}  {count / wall:>14.1f}  {1000 * cpu / count:>11.2f}  {ratio:5.2f}x {'ok' if ratio >= 1 else 'MISSED'}")


if __name__ == "__main__":
    main()
