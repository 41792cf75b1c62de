"""Batches: ingest many files, and the main job that turns a corpus into ``outputs/``.

A failing file is recorded and the batch goes on; nothing already stored or written
is lost. Progress is reported through a callback so that the library never prints.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .errors import FengongError
from .model import Document, Failure, ParseWarning
from .parse import parse, parser_version
from .engines import PARALLEL_FROM, Job, parse_stream, require  # noqa: F401 - PARALLEL_FROM: where workers start
from .settings import Settings
from .store import IngestOutcome, Store

if TYPE_CHECKING:
    from .exporters.corpus import RunReport

Progress = Callable[[str], None]
SKIPPED_NAMES = ("README", ".")
INTERNAL_ERROR_HINT = "This is a bug in fengong: please report it with the file attached."


@dataclass
class BatchReport:
    """What a batch did. ``documents``: the documents parsed, kept only where asked (``parse_many``,
    ``ingest(..., keep_documents=True)``); ``warnings``: ``(doc_id, ParseWarning)`` of every document
    parsed, collected as they stream past, so that a large ingest need not hold its documents."""

    documents: list[Document] = field(default_factory=list)
    ingested: list[IngestOutcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    warnings: list[tuple[str, ParseWarning]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a report built from documents (as before warnings were collected) still lists their warnings
        if self.documents and not self.warnings:
            self.warnings = [(d.id, w) for d in self.documents for w in d.warnings]


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and every file under directories named (sorted; README and hidden files skipped)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(SKIPPED_NAMES) for part in p.relative_to(path).parts)
            )
        else:
            files.append(path)
    return files


def _doc_ids(files: list[Path]) -> list[str]:
    """File stems, made unique with the extension where two files share a stem."""
    stems = Counter(f.stem for f in files)  # (a count per file would make 10⁵ files quadratic)
    return [f.stem if stems[f.stem] == 1 else f.name for f in files]


def parse_one(path: Path, settings: Settings, doc_id: str) -> Document | Failure:
    """Parse one file; a failure is returned, not raised, so that a batch (or a worker) goes on."""
    try:
        return parse(path, settings, doc_id=doc_id)
    except FengongError as error:
        return Failure(str(path), str(error), error.hint)
    except MemoryError:
        return Failure(
            str(path), f"{path}: out of memory while parsing (budget per file: file_memory_mb = {settings.file_memory_mb} MB)",
            "Raise the budget with `--set file_memory_mb=…` (Settings.file_memory_mb) if the file is genuine, or split it.",
        )
    except Exception as error:  # a bug must not stop the batch: record it and go on
        return Failure(str(path), f"{path}: internal error {type(error).__name__}: {error}", INTERNAL_ERROR_HINT)


def parse_many(files: list[Path], settings: Settings, on_progress: Progress | None = None, doc_ids: list[str] | None = None) -> BatchReport:
    """Parse files in order, every document kept in the report, on the engine ``settings.engine``
    names (pipeline.engines: by default large batches are spread over ``settings.workers`` processes,
    and with a budget per file, ``file_timeout``, ``file_memory_mb``, every file is parsed in a worker).
    ``doc_ids``: the id of each file (default: from the file names, see ``_doc_ids``)."""
    report = BatchReport()
    jobs = [(path, settings, doc_id) for path, doc_id in zip(files, doc_ids if doc_ids is not None else _doc_ids(files))]
    for (path, _, _), result in zip(jobs, parse_stream(jobs, settings)):
        _collect(report, result, path, on_progress)
    return report


def _collect(report: BatchReport, result: Document | Failure, path: Path, on_progress: Progress | None) -> None:
    if on_progress:
        on_progress(str(path))
    if isinstance(result, Failure):
        report.failures.append(result)
    else:
        report.documents.append(result)
        report.warnings.extend((result.id, w) for w in result.warnings)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings | None = None,
    on_progress: Progress | None = None,
    *,
    keep_documents: bool = False,
) -> BatchReport:
    """Parse files into ``store``, each document stored as soon as it is parsed and then let go, so
    that memory stays flat in the number of files. A file whose content (sha256) and parser version
    are those stored for its path is not parsed: it costs a stat and a hash, and is reported
    ``unchanged``. ``report.ingested`` is in file order; ``report.warnings`` lists the warnings of the
    documents parsed; ``report.documents`` holds them only with ``keep_documents=True``. The files are
    parsed on the engine ``settings.engine`` names (pipeline.engines); the store is written here only."""
    settings = Settings.resolve(settings)
    require(settings)  # a missing engine fails before the first file, not after the hashes
    files = collect_files(paths)
    version = parser_version(settings)
    ids = _doc_ids(files)
    outcomes: list[IngestOutcome | None] = [None] * len(files)
    todo: list[int] = []
    for index, (path, doc_id) in enumerate(zip(files, ids)):
        outcome = _unchanged(store, path, doc_id, version, settings)
        if outcome is None:
            todo.append(index)
            continue
        outcomes[index] = outcome
        if on_progress:
            on_progress(str(path))
    report = BatchReport()
    jobs: list[Job] = [(files[i], settings, ids[i]) for i in todo]
    for index, result in zip(todo, parse_stream(jobs, settings)):
        if on_progress:
            on_progress(str(files[index]))
        if isinstance(result, Failure):
            report.failures.append(result)
            continue
        outcomes[index] = store.ingest(result, version)
        report.warnings.extend((result.id, w) for w in result.warnings)
        if keep_documents:
            report.documents.append(result)
    report.ingested = [outcome for outcome in outcomes if outcome is not None]
    return report


def file_sha256(path: Path) -> str:
    """The sha256 of a file's bytes, as the readers record it in ``source.sha256``; read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _unchanged(store: Store, path: Path, doc_id: str, version: str, settings: Settings) -> IngestOutcome | None:
    """The stored outcome of a file that need not be parsed again, or None (then it is parsed, and a
    file that cannot be read or is too large fails there with the usual error)."""
    try:
        if path.stat().st_size > settings.max_bytes:
            return None
        sha256 = file_sha256(path)
    except OSError:
        return None
    return store.unchanged(path, sha256, doc_id, version)


def run_corpus(
    corpus: str | Path,
    out: str | Path,
    settings: Settings | None = None,
    on_progress: Progress | None = None,
    db_path: str | Path | None = None,
    timings: dict[str, float] | None = None,
) -> "RunReport":
    """The main job: ingest the corpus folder into the store (unchanged files are not parsed again),
    then write JSON, matrices, ledger, graph, report and summary of the folder's documents, read
    back from the store one at a time (``exporters.corpus``). ``timings`` (optional) receives the
    seconds spent ingesting (wall, and CPU under ``INGEST_CPU``) and on each output."""
    import time

    from .exporters import export
    from .exporters.corpus import select, write_run_outputs

    settings = Settings.resolve(settings)
    out = Path(out)
    db_path = Path(db_path or out / "fengong.db")
    started, cpu = time.perf_counter(), _cpu_seconds()
    with Store(db_path) as store:
        ingested = ingest([corpus], store, settings, on_progress)
    if timings is not None:
        timings["ingest"] = time.perf_counter() - started
        timings[INGEST_CPU] = _cpu_seconds() - cpu
    files = collect_files([corpus])
    # Written into a staging folder swapped in whole: a run failing half way leaves the previous outputs.
    # (The store is closed before the swap, which moves it when it lives in OUT.)
    with export.staged_folder(out, RUN_OUTPUTS) as stage:
        with Store(db_path) as store:
            report = write_run_outputs(stage, store, select(store, ingested.ingested, files), ingested.failures, timings,
                                       parallel=(settings.workers or os.cpu_count() or 1) > 1)
    report.ingested = ingested.ingested
    report.written = [str(out / Path(p).relative_to(stage)) for p in report.written]
    return report


INGEST_CPU = "ingest, CPU"  # the timings' key of the CPU seconds of the run's ingest, its workers' included


def _cpu_seconds() -> float:
    """CPU seconds of this process and of the children it has waited for (the ingest's workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


RUN_OUTPUTS = (
    "documents", "diffs", "matrix_long.csv", "matrix_wide.csv", "matrix.xlsx",
    "graph.graphml", "graph.gexf", "graph.json", "units.csv", "report.json", "summary.md", "ledger.xlsx", "report.html",
)


def series_key(document: Document) -> str:
    """What stays the same from one year's edition to the next: the plan's title without its year."""
    title = document.meta.plan_title or document.meta.title or ""
    key = re.sub(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:度)?", "", title)
    return key or document.meta.issuer or document.id


def consecutive_editions(documents: Iterable[Document]) -> list[tuple[Document, Document]]:
    """Pairs of editions of the same series in consecutive years present in the corpus."""
    series: dict[str, list[Document]] = {}
    for document in documents:
        if document.meta.year is not None:
            series.setdefault(series_key(document), []).append(document)
    pairs = []
    for editions in series.values():
        editions.sort(key=lambda d: (d.meta.year, d.meta.date or "", d.id))
        pairs.extend((a, b) for a, b in zip(editions, editions[1:]) if a.meta.year < b.meta.year)
    return pairs


def report_to_dict(report: "RunReport") -> dict:
    """``report.json``: the run's documents, warnings and failures."""
    return {
        "documents": [
            {"id": d.id, "path": d.path, "items": d.items, "responsibilities": d.responsibilities, "warnings": d.warnings}
            for d in report.documents
        ],
        "warnings": [
            {"document": doc_id, "code": w.code, "message": w.message, "line": w.line, "item_id": w.item_id}
            for doc_id, w in report.warnings
        ],
        "failures": [{"path": f.path, "error": f.error, "hint": f.hint} for f in report.failures],
    }


def load_documents(references: Iterable[str], db_path: str | Path, settings: Settings | None = None) -> list[Document]:
    """Documents for CLI ``DOC`` arguments: file or directory paths, or stored ids, years or doc_ids."""
    from .errors import DocumentNotFoundError

    settings = Settings.resolve(settings)
    documents: list[Document] = []
    store: Store | None = None
    try:
        for reference in references:
            if Path(reference).exists():
                files = collect_files([reference])
                documents.extend(parse(f, settings, doc_id=i) for f, i in zip(files, _doc_ids(files)))
                continue
            if store is None:
                if not Path(db_path).exists():
                    raise DocumentNotFoundError(f"{reference!r} is neither a file nor a stored document (no store at {db_path})")
                store = Store(db_path)
            documents.append(store.load(store.resolve(reference)))  # an ambiguous reference is an error
    finally:
        if store is not None:
            store.close()
    return documents


def iter_keyed_documents(references: Iterable[str], db_path: str | Path, settings: Settings | None = None) -> Iterator[tuple[int, Document]]:
    """``(key, document)`` for CLI ``DOC`` arguments, one at a time; no references: every stored
    document, streamed from the store. The key is the stored id; a file named is keyed by the id of
    its stored document when the store holds it unchanged, else -1, -2, … in the order read. A
    document named twice comes once."""
    from .errors import DocumentNotFoundError

    settings = Settings.resolve(settings)
    references = list(references)
    store = Store(db_path) if Path(db_path).exists() else None
    try:
        if not references:
            if store is None:
                raise DocumentNotFoundError(f"no store at {db_path}", hint="Ingest notices first (`fengong ingest FILE --db PATH`), name the store with --db, or name the documents.")
            yield from store.iter_stored()
            return
        seen: set[int] = set()
        unstored = 0
        for reference in references:
            if Path(reference).exists():
                files = collect_files([reference])
                for path, doc_id in zip(files, _doc_ids(files)):
                    document = parse(path, settings, doc_id=doc_id)
                    key = store.stored_file(path, document.source.sha256) if store is not None else None
                    if key is None:
                        unstored += 1
                        key = -unstored
                    if key not in seen:
                        seen.add(key)
                        yield key, document
                continue
            if store is None:
                raise DocumentNotFoundError(f"{reference!r} is neither a file nor a stored document (no store at {db_path})")
            stored_id = store.resolve(reference)  # an ambiguous reference is an error, as elsewhere
            if stored_id not in seen:
                seen.add(stored_id)
                yield stored_id, store.load(stored_id)
    finally:
        if store is not None:
            store.close()
