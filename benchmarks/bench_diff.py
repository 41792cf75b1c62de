"""Speed and memory of the year-to-year diff. Run: .venv/bin/python benchmarks/bench_diff.py [--repeat N] [--dense-up-to TASKS]

Three sizes: the real pair (2023 vs 2024, 28 tasks each: "30"), and ~300 and ~3,000 tasks built by
repeating the parsed items 11 and 107 times with copy-specific sections and titles
(dataclasses.replace), so that every copy must find its own counterpart; with 13 place names in
turn, texts repeat every 13 copies (``--distinct``: never). Each figure is
``diff_documents`` end to end (features, alignment, per-pair comparison with its text diff), the
token cache cleared before each run, the warm median of ``--repeat`` runs (wall and CPU time:
on a shared machine the CPU time is the steadier figure); "sparse" is the path
the CLI takes above DENSE_CELLS pairs per part, "dense" the n×n matrices (run at 30 and 300 for
comparison; ``--dense-up-to 3000`` to see it at 3,000 too: the figure before the sparse path, ~1 min).

Memory, each measurement in a fresh process (so that nothing of another size is left):
  * py MB — peak of Python and NumPy allocations during the diff (tracemalloc, in a run of its own,
    since tracing slows the diff);
  * rss MB — growth of the peak resident set during the diff (the peak is reset just before it,
    Linux /proc/self/clear_refs), i.e. what the machine had to provide.
Prints each figure beside its goal and the ratio goal/figure (> 1 means the goal is met).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ("南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁")
SIZES = {30: 1, 300: 11, 3000: 107}  # nominal tasks per side: copies of the 28-task notices
GOALS = {30: (0.1, None), 300: (2.0, None), 3000: (3.0, 150.0)}  # seconds, MB (issue 12: 3,000 × 3,000 in ≤ 3 s, ≤ 150 MB)


def scaled(doc, copies: int, distinct: bool = False):
    """``copies`` copies of every item, each copy in its own sections and with its own place name
    (13 names in turn; ``distinct``: a name of its own for every copy, so that no text repeats)."""
    from pipeline.model import Section

    items = []
    for k in range(copies):
        place = PLACES[k % len(PLACES)] + ("甲乙丙丁戊己庚辛壬癸"[k // len(PLACES)] if distinct else "")
        for item in doc.items:
            section = dataclasses.replace(item.section, number=f"{item.section.number}{k}", title=place + item.section.title) if item.section else None
            items.append(
                dataclasses.replace(
                    item,
                    id=f"{item.id}#{k}",
                    number=f"{item.number}",
                    title=place + item.title,
                    text=place + item.text,
                    section=section,
                    attachment=(item.attachment or 0) + k if item.part == "attachment" else None,
                    responsibilities=tuple(
                        dataclasses.replace(r, start=r.start + len(place), end=r.end + len(place),
                                            clause_start=r.clause_start + len(place), clause_end=r.clause_end + len(place))
                        for r in item.responsibilities
                    ),
                )
            )
    assert all(isinstance(i.section, (Section, type(None))) for i in items)
    return dataclasses.replace(doc, items=tuple(items))


def _pair(copies: int, distinct: bool = False):
    import pipeline

    old = pipeline.parse(ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt")
    new = pipeline.parse(ROOT / "corpus" / "2024_jiangsu_industrial_workforce_reform_plan.synthetic.txt")
    return scaled(old, copies, distinct), scaled(new, copies, distinct)


def _rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(copies: int, strategy: str, repeat: int, distinct: bool = False) -> dict:
    """One size and strategy, in this (fresh) process: median seconds, py MB, rss MB, counts."""
    import tracemalloc

    from pipeline.analysis.diff import diff_documents
    from pipeline.extract.words import clear_cache

    old, new = _pair(copies, distinct)
    small_old, small_new = _pair(1)
    diff_documents(small_old, small_new, strategy)  # warm: jieba dictionary, registry, imports
    rss = float("nan")
    clear_cache()
    try:  # first, before larger runs leave freed memory in the process to reuse
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak resident set (Linux)
        before = _rss_mb("VmRSS")
        diff_documents(old, new, strategy)
        rss = _rss_mb("VmHWM") - before
    except OSError:
        pass
    times, cpu = [], []
    for _ in range(repeat):
        clear_cache()  # no token seen before: every text is segmented again
        started, started_cpu = time.perf_counter(), time.process_time()
        diff_documents(old, new, strategy)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    clear_cache()
    tracemalloc.start()
    result = diff_documents(old, new, strategy)
    py_peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return {
        "tasks": [len(old.items), len(new.items)],
        "seconds": statistics.median(times),
        "cpu_seconds": statistics.median(cpu),
        "py_mb": py_peak,
        "rss_mb": rss,
        "pairs": sum(1 for c in result.changes if c.old and c.new),
        "counts": {s: result.count(s) for s in ("unchanged", "revised", "added", "removed", "moved")},
    }


def _in_child(copies: int, strategy: str, repeat: int, distinct: bool) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(copies), strategy, str(repeat), *(["--distinct"] if distinct else [])],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dense-up-to", type=int, default=300, help="largest nominal size also run with the dense path")
    parser.add_argument("--sizes", default="30,300,3000", help="nominal sizes to run (of 30, 300, 3000)")
    parser.add_argument("--distinct", action="store_true", help="no text repeats across copies (jieba's cache cannot help)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        copies, strategy, repeat = args.child
        print(json.dumps(measure(int(copies), strategy, int(repeat), args.distinct)))
        return

    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        for strategy in ("sparse", "dense") if size <= args.dense_up_to else ("sparse",):
            rows.append((size, strategy, _in_child(SIZES[size], strategy, args.repeat, args.distinct)))
    print(f"{'diff':18} {'path':6} {'s':>7} {'cpu s':>7} {'goal s':>7} {'ratio':>6} {'py MB':>7} {'rss MB':>7} {'goal MB':>7} {'ratio':>6}  pairs")
    for size, strategy, m in rows:
        goal_s, goal_mb = GOALS[size]
        peak = max(m["py_mb"], m["rss_mb"])
        mb_goal = f"{goal_mb:7.0f} {goal_mb / peak:6.2f}" if goal_mb else f"{'':7} {'':6}"
        name = f"{m['tasks'][0]} × {m['tasks'][1]} tasks"
        print(f"{name:18} {strategy:6} {m['seconds']:7.2f} {m['cpu_seconds']:7.2f} {goal_s:7.1f} {goal_s / m['seconds']:6.2f} {m['py_mb']:7.1f} {m['rss_mb']:7.1f} {mb_goal}  {m['pairs']}")
    by_size = {(size, strategy): m for size, strategy, m in rows}
    for size in SIZES:
        if (size, "sparse") in by_size and (size, "dense") in by_size:
            same = by_size[size, "sparse"]["counts"] == by_size[size, "dense"]["counts"]
            print(f"({size}: sparse and dense give {'the same' if same else 'DIFFERENT'} counts {by_size[size, 'sparse']['counts']})")
    from pipeline.analysis.diff import DENSE_CELLS

    print(f"(the CLI's strategy 'auto' is dense up to {DENSE_CELLS:,} old × new pairs per part, sparse above;")
    print(" s: wall time, the time ratio's base; cpu s: process CPU time, steadier on a shared machine;")
    print(" memory ratio against the larger of py MB and rss MB)")


if __name__ == "__main__":
    main()
