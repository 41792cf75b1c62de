"""The outputs of ``fengong run``, built from the store one document at a time.

The run ingests first (unchanged files are not parsed again), then reads the documents of the
corpus folder back from the store in output order, one at a time: each document's JSON is
written at once (the stored JSON itself when it is current), and what the corpus-wide outputs
need — matrix rows, graph nodes and edges, ledger rows, the report's document sections, the
summary's rows — is added to accumulators, so that no list of documents is kept. The diffs of
consecutive editions load their two documents from the store.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import FengongError
from ..model import SCHEMA_VERSION, Document, Failure, ParseWarning, document_from_dict
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


def iter_selected(store: "Store", selected: list[Selected]) -> Iterator[tuple[Selected, Document, str | None]]:
    """``(selection, document, json text)``, one at a time; the text is the stored JSON when it can be
    written as it is (current schema, the path as found now), else None."""
    for chosen in selected:
        (text,) = store.db.execute("SELECT json FROM documents WHERE id = ?", (chosen.stored_id,)).fetchone()
        data = json.loads(text)
        if data["source"].get("path") != chosen.path:  # stored from another spelling of the path
            data["source"]["path"] = chosen.path
            text = None
        if data.get("schema_version") != SCHEMA_VERSION:
            text = None
        yield chosen, document_from_dict(data), text


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
    ``timings`` (optional) receives the seconds spent on each output. With ``parallel``, the
    matrices and the ledger are written by a second process while this one writes the graph, the
    diffs and the report.

    The cyclic garbage collector is paused meanwhile: the rows gathered are millions of objects
    without cycles, and each full collection walked them all (a tenth of the run's time at 2,000
    notices) and, in the forked writer, touched every page it shares with its parent.
    """
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _write_run_outputs(out, store, selected, failures, timings, parallel)
    finally:
        gc.unfreeze()
        if collecting:
            gc.enable()


def _write_run_outputs(
    out: Path, store: "Store", selected: list[Selected], failures: list[Failure], timings: dict[str, float] | None, parallel: bool
) -> RunReport:
    import gc

    from ..analysis.graph import add_document
    from ..analysis.ledger import LedgerBuilder
    from ..analysis.matrix import LONG_COLUMNS, WIDE_KEY_COLUMNS, documents_to_rows, wide_rows
    from .figures import unit_counts
    from .report import MAX_HEATMAPS, document_section
    from .summary import summary_row, summary_units

    import networkx as nx

    report = RunReport(failures=list(failures))
    written = report.written
    long_rows: list[list] = []
    wide: list[dict] = []
    units: dict[str, None] = {}
    ledger = LedgerBuilder()
    graph = nx.Graph()
    counts: dict[str, Counter] = {}
    sections: list[str] = []
    summary_rows: list[str] = []
    summary_unit_lines: list[str] = []
    warning_codes: Counter = Counter()
    editions = []
    tasks = 0
    unit_names: set[str] = set()
    clock = Clock(timings)
    for k, (chosen, document, text) in enumerate(iter_selected(store, selected)):
        clock.lap("reading the store")
        path = out / "documents" / f"{document.id}.json"
        written.append(str(export.write_text(path, text + "\n") if text is not None else export.write_document(path, document, compact=True)))
        clock.lap("documents/*.json")
        rows = documents_to_rows([document])
        long_rows.extend([row[c] for c in LONG_COLUMNS] for row in rows)
        wide.extend(wide_rows(document, units))
        ledger.add_ledger_rows(document)
        ledger.add_matrix_cells(document)
        ledger.add_long_rows(document, rows)  # the 明细 sheet: the long matrix's rows, in Chinese
        ledger.add_unit_counts(document)
        add_document(graph, document)
        for unit, roles in unit_counts([document]).items():
            counts.setdefault(unit, Counter()).update(roles)
        clock.lap("rows of matrices, ledger, graph")
        sections += document_section(k, document, heatmap=k < MAX_HEATMAPS)
        clock.lap("report.html")
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
        clock.lap("summary.md")
    if report.documents:
        columns = WIDE_KEY_COLUMNS + list(units)

        def spreadsheets(timings: dict[str, float] | None) -> None:
            """The matrices and the ledger: rows already made, written while the graph and the report are."""
            clock = Clock(timings)
            export.write_rows_csv(out / "matrix_long.csv", LONG_COLUMNS, long_rows)
            clock.lap("matrix_long.csv")
            wide_table = [[row.get(c, "") if c in units else row[c] for c in columns] for row in wide]
            export.write_rows_csv(out / "matrix_wide.csv", columns, wide_table)
            clock.lap("matrix_wide.csv")
            export.write_xlsx_rows(out / "matrix.xlsx", columns, wide_table, key_columns=len(WIDE_KEY_COLUMNS))
            clock.lap("matrix.xlsx")
            export.write_ledger(out / "ledger.xlsx", ledger.ledger())
            clock.lap("ledger.xlsx")

        gc.freeze()  # what is gathered so far is shared with the forked writer, not copied to it
        background = Background(spreadsheets, timings, parallel)
        clock.skip()
    else:
        background = None
    try:
        _write_the_rest(out, store, report, graph, editions, sections, counts, tasks, unit_names,
                        summary_rows, summary_unit_lines, warning_codes, clock)
    except BaseException:
        if background is not None:  # nothing may write into the staging folder once it is removed
            background.cancel()
        raise
    if background is not None:
        background.wait()
        clock.lap("waiting for the spreadsheets")
    return report


def _write_the_rest(out, store, report, graph, editions, sections, counts, tasks, unit_names,
                    summary_rows, summary_unit_lines, warning_codes, clock) -> None:
    """Graph files, unit figures, diffs, report and summary (while the spreadsheets are written)."""
    import networkx as nx
    import pandas as pd

    from ..analysis.graph import co_responsibility, finish_graph, unit_figures
    from ..batch import consecutive_editions, report_to_dict
    from .report import ReportTotals, report_page
    from .summary import summary_page

    written = report.written
    projected = nx.Graph()
    if report.documents:
        written += [str(out / name) for name in ("matrix_long.csv", "matrix_wide.csv", "matrix.xlsx", "ledger.xlsx")]
        finish_graph(graph)
        for suffix in export.GRAPH_FORMATS:
            written.append(str(export.write_graph(out / f"graph{suffix}", graph)))
            clock.lap(f"graph{suffix}")
        projected = co_responsibility(graph)
        written.append(str(export.write_csv(out / "units.csv", pd.DataFrame(unit_figures(graph, projected)))))
        clock.lap("units.csv")
    diffs = _write_diffs(out, store, consecutive_editions(editions), written)
    clock.lap("diffs/")
    written.append(str(export.write_json(out / "report.json", report_to_dict(report))))
    clock.lap("report.json")
    links = {(d.old.id, d.new.id): f"diffs/{d.old.id}__{d.new.id}.html" for d in diffs}
    totals = ReportTotals(len(report.documents), tasks, sum(d.responsibilities for d in report.documents), len(unit_names))
    written.append(str(export.write_text(out / "report.html", report_page(totals, sections, projected, counts, diffs, diff_links=links))))
    clock.lap("report.html")
    written.append(str(export.write_text(out / "summary.md", summary_page(summary_rows, summary_unit_lines, warning_codes, report.failures, diffs))))
    clock.lap("summary.md")


class Background:
    """``job(timings)`` run in a forked process (it sees the parent's rows without copying them):
    :meth:`wait` waits for it, merges its timings and raises its error; :meth:`cancel` stops it
    (the parent failed: nothing may write into the staging folder once it is removed). Without
    ``parallel``, or where the OS cannot fork, the job runs at once, here."""

    def __init__(self, job: Callable[[dict[str, float] | None], None], timings: dict[str, float] | None, parallel: bool) -> None:
        import multiprocessing

        self.timings = timings
        self.process = None
        if not parallel or "fork" not in multiprocessing.get_all_start_methods():
            job(timings)
            return
        context = multiprocessing.get_context("fork")
        self.receive, send = context.Pipe(duplex=False)

        def child() -> None:
            seen: dict[str, float] = {}
            try:
                job(seen)
                send.send((None, None, seen))
            except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
                send.send((str(error) or type(error).__name__, getattr(error, "hint", None), seen))

        self.process = context.Process(target=child, daemon=True)
        self.process.start()
        send.close()

    def wait(self) -> None:
        if self.process is None:
            return
        try:
            message, hint, seen = self.receive.recv()
        except EOFError:  # died without a word (killed, out of memory)
            message, hint, seen = "the process writing the spreadsheets died", None, {}
        self.process.join()
        self.process = None
        if self.timings is not None:
            for name, seconds in seen.items():
                self.timings[name] = self.timings.get(name, 0.0) + seconds
        if message is not None:
            raise FengongError(message, hint=hint or "Check the space and permissions of the output folder.")

    def cancel(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None


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
