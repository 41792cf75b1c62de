"""Speed of the year-to-year diff. Run: .venv/bin/python benchmarks/bench_diff.py [--repeat N]

Two sizes: the real pair (2023 vs 2024, 28 items each) and two ~300-task documents built by
repeating the parsed items 11 times with copy-specific sections and titles (dataclasses.replace),
so that every copy must find its own counterpart. Prints the warm median time, the goal and the
ratio goal/time (> 1 means the goal is met).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = ("南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁")


def scaled(doc, copies: int):
    """``copies`` copies of every item, each copy in its own sections and with its own place name."""
    from pipeline.model import Section

    items = []
    for k in range(copies):
        place = PLACES[k % len(PLACES)]
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


def timed_ms(function, repeat: int) -> float:
    from pipeline.extract.words import clear_cache

    function()  # warm: jieba dictionary, registry, imports
    times = []
    for _ in range(repeat):
        clear_cache()  # no token seen before: every text is segmented again
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--copies", type=int, default=11)
    args = parser.parse_args(argv)

    import pipeline
    from pipeline.analysis.diff import diff_documents

    old = pipeline.parse(ROOT / "corpus" / "2023_jiangsu_industrial_workforce_reform_plan.txt")
    new = pipeline.parse(ROOT / "corpus" / "2024_jiangsu_industrial_workforce_reform_plan.synthetic.txt")
    big_old, big_new = scaled(old, args.copies), scaled(new, args.copies)

    rows = [
        (f"diff {len(old.items)} vs {len(new.items)} tasks", timed_ms(lambda: diff_documents(old, new), args.repeat), 100.0),
        (f"diff {len(big_old.items)} vs {len(big_new.items)} tasks", timed_ms(lambda: diff_documents(big_old, big_new), args.repeat), 2000.0),
    ]
    big = diff_documents(big_old, big_new)
    print(f"{'figure':32} {'ms':>9} {'goal ms':>9} {'goal/ms':>8}")
    for name, ms, goal in rows:
        print(f"{name:32} {ms:9.1f} {goal:9.0f} {goal / ms:8.2f}")
    counts = {s: big.count(s) for s in ("unchanged", "revised", "added", "removed", "moved")}
    print(f"(large diff: {counts})")


if __name__ == "__main__":
    main()
