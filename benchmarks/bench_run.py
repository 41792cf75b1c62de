"""`fengong run` at scale: the main job on generated notices against an ingest of the same files.

Run: `make bench` (or .venv/bin/python benchmarks/bench_run.py [--notices N]). Generates N notices
(default 2,000; `benchmarks/run.py`'s `make_variants`), times `ingest` alone into a fresh store, then
`run_corpus` on the same files into a fresh store and output folder, and prints both (wall and CPU
seconds, the CPU of this process and of the processes it waited for), the ratio run / ingest against
the goal (≤ 1.5), the run's phases — its ingest; gathering the rows, one stored document at a time;
the diffs, made by a forked process beside the gathering; the forked writers (ledger, matrices,
graph files), which run side by side; what this process writes meanwhile (units.csv, report); waiting
for the writers — and each step's seconds (CPU seconds of the run's ingest and of its outputs too, and the
outputs' CPU seconds by process: each forked one's, and the rest, this process's), and the peak
resident memory of this process and of its largest child. The machine's load average is printed before
and after: on a shared machine the wall times follow it.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline.batch import INGEST_CPU  # noqa: E402 - the run's timings key of its ingest's CPU seconds
from pipeline.exporters.corpus import CPU_OF  # noqa: E402 - the run's timings keys of its forked processes' CPU seconds

GOAL = 1.5

# The run's steps (pipeline.exporters.corpus) by phase; a step not named here is counted under "other".
GATHERING = ("reading the store", "documents/*.json", "rows of matrices, ledger, graph", "report sections", "summary rows")
FORKED = {
    "ledger": ("ledger.xlsx",),
    "matrices": ("matrix_long.csv", "matrix_wide.csv", "matrix.xlsx"),
    "graph files": ("graph.graphml, .gexf", "graph.json"),
}
# Made by a forked process while the rows are gathered (a parallel run on a store file).
BESIDE_GATHERING = ("diffs/, beside the gathering",)
MEANWHILE = ("report.html", "units.csv", "diffs/", "report.json", "summary.md", "documents/*.json, copied")
WAITING = ("waiting for the spreadsheets and graph files",)
# The forked processes by the names of their jobs (pipeline.exporters.corpus).
PROCESSES = {"beside_the_gathering": "diffs (beside the gathering)", "ledger_workbook": "ledger", "graph_files": "graph files"}


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (ingest workers, forked writers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(count: int) -> dict:
    """Wall and CPU seconds of the ingest alone and of the run, the run's seconds per step, documents written."""
    import pipeline
    from pipeline.batch import ingest, run_corpus
    from pipeline.store import Store
    from run import NOTICE, make_variants

    pipeline.parse(NOTICE)  # load the registry and the spaCy pipeline before timing
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        make_variants(corpus, count)
        cpu, started = _cpu(), time.perf_counter()
        with Store(Path(folder) / "ingest.db") as store:
            ingest([corpus], store)
        ingest_wall, ingest_cpu = time.perf_counter() - started, _cpu() - cpu
        timings: dict[str, float] = {}
        cpu, started = _cpu(), time.perf_counter()
        report = run_corpus(corpus, Path(folder) / "out", db_path=Path(folder) / "run.db", timings=timings)
        run_wall, run_cpu = time.perf_counter() - started, _cpu() - cpu
        peaks = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
        return {"ingest": (ingest_wall, ingest_cpu), "run": (run_wall, run_cpu), "timings": timings, "documents": len(report.documents),
                "peaks": peaks}


def phases(timings: dict[str, float], run_wall: float) -> list[tuple[str, float, list[tuple[str, float]]]]:
    """(phase, wall seconds, its steps): the forked writers' phase lasts as long as the longest of them."""
    take = lambda names: [(n, timings[n]) for n in names if n in timings]  # noqa: E731
    forked = {job: take(names) for job, names in FORKED.items()}
    rows = [
        ("ingest (inside the run)", timings.get("ingest", 0.0), []),
        ("gathering rows, one stored document at a time", sum(s for _, s in take(GATHERING)), take(GATHERING)),
        ("forked beside the gathering: diffs", sum(s for _, s in take(BESIDE_GATHERING)), take(BESIDE_GATHERING)),
        ("forked writers, side by side (longest)", max((sum(s for _, s in steps) for steps in forked.values()), default=0.0),
         [(f"{job}: {name}", s) for job, steps in forked.items() for name, s in steps]),
        ("this process meanwhile", sum(s for _, s in take(MEANWHILE)), take(MEANWHILE)),
        ("waiting for the forked writers", sum(s for _, s in take(WAITING)), []),
    ]
    named = set(GATHERING) | set(BESIDE_GATHERING) | set(MEANWHILE) | set(WAITING) | {n for names in FORKED.values() for n in names} | {"ingest", INGEST_CPU}
    other = [(n, s) for n, s in timings.items() if n not in named and not n.startswith(CPU_OF)]
    if other:
        rows.append(("other", sum(s for _, s in other), other))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--notices", type=int, default=2000)
    args = parser.parse_args()
    load_before = os.getloadavg()
    figures = measure(args.notices)
    load_after = os.getloadavg()
    (ingest_wall, ingest_cpu), (run_wall, run_cpu) = figures["ingest"], figures["run"]
    ratio = run_wall / ingest_wall
    outputs = run_wall - figures["timings"].get("ingest", 0.0)
    outputs_cpu = run_cpu - figures["timings"].get(INGEST_CPU, 0.0)
    print(f"`fengong run` on {args.notices} generated notices ({figures['documents']} documents written; {os.cpu_count()} cores,"
          f" load average {load_before[0]:.1f} before, {load_after[0]:.1f} after)")
    print(f"  ingest alone, fresh store   {ingest_wall:8.1f} s  ({args.notices / ingest_wall:.0f} notices/s; CPU {ingest_cpu:.1f} s)")
    print(f"  run, fresh store and folder {run_wall:8.1f} s  (CPU {run_cpu:.1f} s)")
    print(f"    of which the outputs      {outputs:8.1f} s  ({outputs / ingest_wall:.2f}× the ingest alone; goal ≤ {GOAL - 1:.2f}×)"
          f"; CPU {outputs_cpu:.1f} s ({outputs_cpu / ingest_cpu:.2f}× the ingest's CPU; its own ingest: CPU"
          f" {figures['timings'].get(INGEST_CPU, 0.0):.1f} s)")
    print(f"  ratio run / ingest          {ratio:8.2f}   goal ≤ {GOAL}  {'ok' if ratio <= GOAL else 'MISSED'}"
          f"   (CPU ratio {run_cpu / ingest_cpu:.2f})")
    print(f"  peak RSS: this process {figures['peaks'][0]:.0f} MB, the largest child (ingest worker or forked writer) {figures['peaks'][1]:.0f} MB")
    forked_cpu = {name[len(CPU_OF):]: seconds for name, seconds in figures["timings"].items() if name.startswith(CPU_OF)}
    if forked_cpu:  # (the wall seconds of the phases below follow the load; these CPU seconds much less)
        shown = ", ".join(f"{PROCESSES.get(name, name)} {seconds:.1f}" for name, seconds in forked_cpu.items())
        print(f"  the outputs' CPU seconds by process: {shown}; the run's own process {outputs_cpu - sum(forked_cpu.values()):.1f}")
    print("  phases of the run (wall seconds; share of the run):")
    for name, seconds, steps in phases(figures["timings"], run_wall):
        print(f"    {name:<46} {seconds:7.2f} s  {100 * seconds / run_wall:5.1f} %")
        for step, step_seconds in sorted(steps, key=lambda kv: -kv[1]):
            print(f"      {step:<44} {step_seconds:7.2f} s")


if __name__ == "__main__":
    main()
