"""The outputs of ``fengong run``, built from the store one document at a time.

The run ingests first (unchanged files are not parsed again), then reads the documents of the
corpus folder back from the store in output order, one at a time: each document's JSON is
written (the stored JSON itself when it is current: copied from the store once the report is written
when the run is parallel), and what the corpus-wide outputs need — matrix rows, graph nodes and edges,
ledger rows, the report's document sections, the summary's rows — is added to accumulators, so
that no list of documents is kept. The diffs of consecutive editions load their two documents from
the store.
"""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..errors import FengongError
from ..model import SCHEMA_VERSION, Document, Failure, ParseWarning, document_from_json, document_to_dict
from . import export

if TYPE_CHECKING:
    from ..store import IngestOutcome, Store


@dataclass(frozen=True)
class RunDocument:
    """What the run reports of one document (``report.json``'s ``documents[]``)."""

    id: int | str
    path: str
    items: int
    responsibilities: int
    warnings: int
    stored_id: int


@dataclass
class RunReport:
    """The run's outcome: ``documents`` in output order, ``warnings`` as ``(doc id, warning)``."""

    documents: list[RunDocument] = field(default_factory=list)
    warnings: list[tuple[str, ParseWarning]] = field(default_factory=list)
    ingested: list["IngestOutcome"] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Selected:
    stored_id: int
    path: str  # as the run found the file (relative when the corpus was named relatively)


def select(store: "Store", outcomes: list["IngestOutcome"], files: list[Path]) -> list[Selected]:
    """The stored documents of this corpus folder, in output order (year, then id): those its files
    were ingested as, whatever else the store holds."""
    as_found = {str(path.resolve()): str(path) for path in files}
    wanted: dict[int, str] = {}
    for outcome in outcomes:
        wanted.setdefault(outcome.id, as_found.get(outcome.path, outcome.path))
    rows = [row for row in store.db.execute("SELECT id, doc_id, year FROM documents") if row[0] in wanted]
    rows.sort(key=lambda row: (row[2] or 0, row[1]))
    return [Selected(stored_id, wanted[stored_id]) for stored_id, _, _ in rows]


CURRENT_FORM = f'{{"schema_version": "{SCHEMA_VERSION}"'  # how the JSON form of this version opens


def iter_selected(store: "Store", selected: list[Selected]) -> Iterator[tuple[Selected, Document, str | None]]:
    """``(selection, document, json text)``, one at a time; the text is the stored JSON when it can be
    written as it is (current schema, the path as found now), else None."""
    for chosen in selected:
        (text,) = store.db.execute("SELECT json FROM documents WHERE id = ?", (chosen.stored_id,)).fetchone()
        document = document_from_json(text)
        if document.source.path != chosen.path:  # stored from another spelling of the path
            document = replace(document, source=replace(document.source, path=chosen.path))
            text = None
        if not text or not text.startswith(CURRENT_FORM):  # (the JSON form opens with its version)
            text = None
        yield chosen, document, text


class Clock:
    """Seconds spent per output, added to ``timings`` (when given) as each step ends: for the benchmark."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now

    def skip(self) -> None:
        """Start the next step now, counting nothing (what ran meanwhile counted itself)."""
        self.last = time.perf_counter()


def write_run_outputs(
    out: Path, store: "Store", selected: list[Selected], failures: list[Failure], timings: dict[str, float] | None = None,
    parallel: bool = False,
) -> RunReport:
    """Every output of the run into ``out`` (a staging folder), documents read from ``store``;
    ``timings`` (optional) receives the seconds spent on each output. With ``parallel``, a forked
    process writes the diffs while the rows are gathered (``_Early``), then three forked processes
    write side by side — the ledger; the matrices; GraphML, GEXF and graph.json — while this one
    writes units.csv, the report and the documents' stored JSON.

    The cyclic garbage collector is paused meanwhile: the rows gathered are millions of objects
    without cycles, and each full collection walked them all (a tenth of the run's time at 2,000
    notices) and, in the forked writer, touched every page it shares with its parent. BLAS is
    limited to one thread (see ``figures._layout``).
    """
    import gc

    from threadpoolctl import threadpool_limits

    collecting = gc.isenabled()
    gc.disable()
    try:
        # One BLAS thread: the arrays here are tiny (a figure's transforms, the layout of 40 units),
        # and OpenBLAS's idle threads spun on the cores the forked writers need (the report's
        # figures took 4 s of CPU instead of 1 s at 2,000 notices).
        with threadpool_limits(limits=1, user_api="blas"):
            return _write_run_outputs(out, store, selected, failures, timings, parallel)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _write_run_outputs(
    out: Path, store: "Store", selected: list[Selected], failures: list[Failure], timings: dict[str, float] | None, parallel: bool
) -> RunReport:
    import gc

    from ..analysis.graph import add_document, finish_graph
    from ..analysis.ledger import LedgerBuilder
    from ..analysis.matrix import LONG_COLUMNS, WIDE_KEY_COLUMNS, documents_to_rows, wide_rows
    from .report import MAX_HEATMAPS, document_section
    from .summary import summary_row, summary_units

    import networkx as nx

    report = RunReport(failures=list(failures))
    long_values = itemgetter(*LONG_COLUMNS)
    written = report.written
    long_rows: list[list] = []
    wide: list[dict] = []
    units: dict[str, None] = {}
    ledger = LedgerBuilder()
    graph = nx.Graph()
    sections: list[str] = []
    summary_rows: list[str] = []
    summary_unit_lines: list[str] = []
    warning_codes: Counter = Counter()
    editions = []
    tasks = 0
    unit_names: set[str] = set()
    # A document whose stored JSON is written as it is is copied from the store (a connection of its
    # own) once the report is written, rather than during the reading, where nothing runs beside it.
    copied: list[tuple[int, Path]] | None = [] if parallel and store.path != ":memory:" else None
    # Likewise the diffs of consecutive editions (which the store's columns tell) are made by a forked
    # process while the rows are gathered here, on a core that would otherwise wait for the gathering.
    early = _Early(out, store, selected, timings) if copied is not None and selected and _can_fork() else None
    clock = Clock(timings)
    with _cancelled_on_error(early):  # (nothing may write into the staging folder once it is removed)
        for k, (chosen, document, text) in enumerate(iter_selected(store, selected)):
            clock.lap("reading the store")
            path = out / "documents" / f"{document.id}.json"
            if k == 0:
                path.parent.mkdir(parents=True, exist_ok=True)
            if text is not None and copied is not None:
                copied.append((chosen.stored_id, path))
            elif text is not None:
                export.write_staged_text(path, text + "\n")
            else:
                export.write_staged_text(path, export.compact_dumps(document_to_dict(document)))
            written.append(str(path))
            clock.lap("documents/*.json")
            rows = documents_to_rows([document])
            long_rows.extend(map(long_values, rows))
            wide.extend(wide_rows(document, units))
            ledger.add_ledger_rows(document)
            ledger.add_matrix_cells(document)
            ledger.add_long_rows(document, rows)  # the 明细 sheet: the long matrix's rows, in Chinese
            ledger.add_unit_counts(document)
            add_document(graph, document)
            clock.lap("rows of matrices, ledger, graph")
            sections += document_section(k, document, heatmap=k < MAX_HEATMAPS)
            clock.lap("report sections")
            summary_rows.append(summary_row(document))
            summary_unit_lines += summary_units(document)
            warning_codes.update(w.code for w in document.warnings)
            report.documents.append(RunDocument(
                document.id, document.source.path, len(document.items), len(document.responsibilities), len(document.warnings), chosen.stored_id,
            ))
            report.warnings += [(document.id, w) for w in document.warnings]
            editions.append(SimpleNamespace(id=document.id, meta=document.meta, chosen=chosen))
            tasks += len(document.items)
            unit_names.update(r.unit for _, r in document.responsibilities)
            clock.lap("summary rows")
    jobs: list[Callable[[dict[str, float] | None], None]] = []
    if report.documents:
        columns = WIDE_KEY_COLUMNS + list(units)

        def matrices(timings: dict[str, float] | None) -> None:
            clock = Clock(timings)
            export.write_rows_csv(out / "matrix_long.csv", LONG_COLUMNS, long_rows)
            clock.lap("matrix_long.csv")
            # (every row holds the key columns; a unit it does not name is an empty cell)
            wide_table = [list(map(row.get, columns, repeat(""))) for row in wide]
            export.write_rows_csv(out / "matrix_wide.csv", columns, wide_table)
            clock.lap("matrix_wide.csv")
            export.write_xlsx_rows(out / "matrix.xlsx", columns, wide_table, key_columns=len(WIDE_KEY_COLUMNS))
            clock.lap("matrix.xlsx")

        def ledger_workbook(timings: dict[str, float] | None) -> None:
            clock = Clock(timings)
            export.write_ledger(out / "ledger.xlsx", ledger.ledger())
            clock.lap("ledger.xlsx")

        def graph_files(timings: dict[str, float] | None) -> None:
            clock = Clock(timings)
            export.write_graphs([out / "graph.graphml", out / "graph.gexf"], graph)
            clock.lap("graph.graphml, .gexf")
            # (here rather than beside the matrices: the graph's pages are then copied into one
            # forked process, not two, as the writing touches its objects)
            export.write_graph(out / "graph.json", graph)
            clock.lap("graph.json")

        finish_graph(graph)
        jobs = [ledger_workbook, matrices, graph_files]

    gc.freeze()  # what is gathered so far is shared with the forked writers, not copied to them
    try:
        background = Background(jobs, timings, parallel)
    except BaseException:
        if early is not None:
            early.cancel()
        raise
    clock.skip()

    def diffs_of(pairs: list, written: list[str]) -> list:
        """The diffs of ``pairs``, their files written (their paths added to ``written``)."""
        if early is not None:
            return early.diffs(pairs, written)
        return _write_diffs(out, store, pairs, written)

    try:
        _write_the_rest(out, store, report, graph, editions, sections, diffs_of, ledger.role_counts(), tasks, unit_names,
                        summary_rows, summary_unit_lines, warning_codes, clock)
        # Here, once the report is written, rather than by a forked writer: this process would
        # otherwise wait for the ledger, the longest of them.
        _copy_documents(store.path, copied or [])
        clock.lap("documents/*.json, copied")
    except BaseException:
        background.cancel()  # nothing may write into the staging folder once it is removed
        if early is not None:
            early.cancel()
        raise
    background.wait()
    clock.lap("waiting for the spreadsheets and graph files")
    return report


def _write_the_rest(out, store, report, graph, editions, sections, diffs_of, counts, tasks, unit_names,
                    summary_rows, summary_unit_lines, warning_codes, clock) -> None:
    """Unit figures, diffs, report and summary (while the spreadsheets and graph files are written);
    ``sections`` are the report's document sections, ``diffs_of(pairs,
    written)`` the diffs of consecutive editions."""
    import networkx as nx

    from ..analysis.graph import co_responsibility, unit_figures
    from ..batch import consecutive_editions, report_to_dict
    from .report import ReportTotals, report_page
    from .summary import summary_page

    written = report.written
    projected = nx.Graph()
    if report.documents:
        # (written by the background jobs meanwhile)
        written += [str(out / name) for name in ("matrix_long.csv", "matrix_wide.csv", "matrix.xlsx", "ledger.xlsx")]
        written += [str(out / f"graph{suffix}") for suffix in export.GRAPH_FORMATS]
        projected = co_responsibility(graph)
        figures = unit_figures(graph, projected)
        if figures:  # (the bytes write_csv gives the frame of these rows, without loading pandas for it)
            written.append(str(export.write_rows_csv(out / "units.csv", list(figures[0]), [list(f.values()) for f in figures])))
        else:
            import pandas as pd

            written.append(str(export.write_csv(out / "units.csv", pd.DataFrame(figures))))
        clock.lap("units.csv")
    diffs = diffs_of(consecutive_editions(editions), written)
    clock.lap("diffs/")
    written.append(str(export.write_json(out / "report.json", report_to_dict(report))))
    clock.lap("report.json")
    links = {(d.old.id, d.new.id): f"diffs/{d.old.id}__{d.new.id}.html" for d in diffs}
    totals = ReportTotals(len(report.documents), tasks, sum(d.responsibilities for d in report.documents), len(unit_names))
    written.append(str(export.write_text(out / "report.html", report_page(totals, sections, projected, counts, diffs, diff_links=links))))
    clock.lap("report.html")
    written.append(str(export.write_text(out / "summary.md", summary_page(summary_rows, summary_unit_lines, warning_codes, report.failures, diffs))))
    clock.lap("summary.md")


@contextmanager
def _cancelled_on_error(early: "_Early | None") -> Iterator[None]:
    try:
        yield
    except BaseException:
        if early is not None:
            early.cancel()
        raise


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _stored_editions(store: "Store", selected: list[Selected]) -> list[SimpleNamespace]:
    """What ``consecutive_editions`` reads of each selected document (id and metadata), from the
    store's columns, which hold the stored document's own values, rather than from its JSON."""
    wanted = {chosen.stored_id: chosen for chosen in selected}
    found = {
        stored_id: SimpleNamespace(id=doc_id, meta=SimpleNamespace(title=title, plan_title=plan_title, issuer=issuer, date=date, year=year),
                                   chosen=wanted[stored_id])
        for stored_id, doc_id, title, plan_title, issuer, date, year in store.db.execute(
            "SELECT id, doc_id, title, plan_title, issuer, date, year FROM documents")
        if stored_id in wanted
    }
    return [found[chosen.stored_id] for chosen in selected]


class _Early:
    """The diffs of consecutive editions, made by a forked process (a read-only connection of its own)
    while the parent gathers the rows. The editions are told by the store's columns; :meth:`diffs`
    checks them against those the gathering found, and makes the diffs here if they differ (they
    cannot, short of a store edited meanwhile)."""

    def __init__(self, out: Path, store: "Store", selected: list[Selected], timings: dict[str, float] | None) -> None:
        from ..batch import consecutive_editions

        self.out, self.store = out, store
        self.pairs = consecutive_editions(_stored_editions(store, selected))

        def beside_the_gathering(timings: dict[str, float] | None) -> tuple:
            return _early_diffs(out, store.path, self.pairs, timings)

        # (no process for a corpus without editions to compare)
        self.background = Background([beside_the_gathering] if self.pairs else [], timings, True)
        self.result: tuple | None = None if self.pairs else ([], [])

    def _wait(self) -> tuple:
        if self.result is None:
            (self.result,) = self.background.wait()
        return self.result

    def diffs(self, pairs: list, written: list[str]) -> list:
        diffs, paths = self._wait()
        key = lambda pairs: [(a.chosen.stored_id, b.chosen.stored_id) for a, b in pairs]  # noqa: E731
        if key(pairs) == key(self.pairs):
            written += paths
            return diffs
        again: list[str] = []
        diffs = _write_diffs(self.out, self.store, pairs, again)
        for stale in set(paths) - set(again):
            Path(stale).unlink(missing_ok=True)
        written += again
        return diffs

    def cancel(self) -> None:
        self.background.cancel()


def _early_diffs(out: Path, db_path: str, pairs: list, timings: dict[str, float] | None) -> tuple:
    """(the diffs of ``pairs``, the paths written)."""
    import sqlite3

    clock = Clock(timings)
    db = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        view = SimpleNamespace(db=db, path=db_path)  # what iter_selected reads through
        written: list[str] = []
        diffs = _write_diffs(out, view, pairs, written)
        clock.lap("diffs/, beside the gathering")
    finally:
        db.close()
    return diffs, written


class Background:
    """Each of ``jobs`` (``job(timings)``) run in a forked process of its own, which sees the
    parent's rows without copying them: :meth:`wait` waits for them all, merges their timings and
    raises the first error; :meth:`cancel` stops them (the parent failed: nothing may write into
    the staging folder once it is removed). Without ``parallel``, or where the OS cannot fork, the
    jobs run at once, here, one after the other."""

    def __init__(self, jobs: list[Callable[[dict[str, float] | None], Any]], timings: dict[str, float] | None, parallel: bool) -> None:
        import multiprocessing

        self.timings = timings
        self.processes: list = []
        self.results: list = []
        if not parallel or "fork" not in multiprocessing.get_all_start_methods():
            self.results = [job(timings) for job in jobs]
            return
        context = multiprocessing.get_context("fork")
        for job in jobs:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(job, send), daemon=True)
            process.start()
            send.close()
            self.processes.append((process, receive))

    def wait(self) -> list:
        """What each job returned, in order."""
        first = None
        for process, receive in self.processes:
            try:
                error, seen, result = receive.recv()
            except EOFError:  # died without a word (killed, out of memory)
                error, seen, result = FengongError("a process writing the outputs died", hint=_HINT), {}, None
            process.join()
            if self.timings is not None:
                for name, seconds in seen.items():
                    self.timings[name] = self.timings.get(name, 0.0) + seconds
            first = first or error
            self.results.append(result)
        self.processes = []
        if first is not None:
            raise first
        return self.results

    def cancel(self) -> None:
        for process, _ in self.processes:
            process.kill()
            process.join()
        self.processes = []


_HINT = "Check the space and permissions of the output folder."
CPU_OF = "CPU seconds of the forked process: "  # + the job's name: a timings key (for the benchmark)


def _own_cpu() -> float:
    """CPU seconds of this process (a forked one: since the fork)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child(job: Callable[[dict[str, float] | None], Any], send) -> None:
    """Run ``job`` and send the parent ``(error or None, timings, what it returned)``: the error
    itself, which the parent raises, or (when it cannot be pickled) a FengongError with its message."""
    import pickle

    seen: dict[str, float] = {}
    try:
        result = job(seen)
        seen[CPU_OF + getattr(job, "__name__", type(job).__name__)] = _own_cpu()
        send.send((None, seen, result))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        try:
            pickle.loads(pickle.dumps(error))
        except Exception:  # noqa: BLE001 - any error that does not survive the pipe is told by its message
            error = FengongError(str(error) or type(error).__name__, hint=getattr(error, "hint", None) or _HINT)
        send.send((error, seen, None))


def _copy_documents(db_path: str, copied: list[tuple[int, Path]]) -> None:
    """The stored JSON of each ``(stored id, path)``, written to its path, read through a read-only
    connection of this process's own (a forked process may not use its parent's)."""
    import sqlite3

    if not copied:
        return
    db = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        for stored_id, path in copied:
            (text,) = db.execute("SELECT json FROM documents WHERE id = ?", (stored_id,)).fetchone()
            export.write_staged_text(path, text + "\n")
    finally:
        db.close()


def _write_diffs(out: Path, store: "Store", pairs: list, written: list[str]) -> list:
    from ..analysis.diff import diff_documents
    from .diff_report import FORMATS, render_diff

    diffs = []
    for old, new in pairs:
        (_, old_document, _), (_, new_document, _) = iter_selected(store, [old.chosen, new.chosen])
        result = diff_documents(old_document, new_document)
        diffs.append(result)
        for kind in FORMATS:
            path = out / "diffs" / f"{old.id}__{new.id}.{kind}"
            written.append(str(export.write_text(path, render_diff(result, kind), encoding="utf-8-sig" if kind == "csv" else "utf-8")))
    return diffs
