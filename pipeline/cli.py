"""The ``fengong`` command: a thin layer that parses arguments, calls one library function, prints."""

from __future__ import annotations

import errno
import functools
import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable, List, Optional

import click
import typer

from .errors import FengongError, StrictModeError
from .exporters.labels import check_lang

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # --debug shows the plain traceback
    help="Turn Chinese task-division notices (分工方案) into tasks, responsibilities, matrices and graphs.",
)



def _hide_flag_types() -> None:
    """Flags take no value, so their help shows no type: typer would print ``<bool>`` beside each."""
    from typer.core import TyperOption

    original = getattr(TyperOption, "display_type_rich", None)
    if original is None or getattr(original, "_fengong", False):
        return

    def display_type_rich(self, ctx):
        return None if self.is_flag else original(self, ctx)

    display_type_rich._fengong = True
    TyperOption.display_type_rich = display_type_rich


_hide_flag_types()


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"fengong {__version__}")
        raise typer.Exit()


_DEBUG = {"on": False}  # set by the global --debug option


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True, callback=_version),
    debug: bool = typer.Option(False, "--debug", help="Show the Python traceback of an error instead of one line."),
) -> None:
    _DEBUG["on"] = debug


DB_OPTION = typer.Option("outputs/fengong.db", "--db", help="SQLite store of ingested documents.")
ENCODING_OPTION = typer.Option(None, "--encoding", help="Text encoding of the input, instead of detecting it.")
UNITS_OPTION = typer.Option(None, "--units", help="Extra unit-registry CSV (canonical,type,full_name,aliases); repeatable.")
STRICT_OPTION = typer.Option(False, "--strict", help="Fail (exit 3) when the parse reports warnings.")
WORKERS_OPTION = typer.Option(None, "--workers", help="Processes for large batches (default: one per core; 1: none).")
ENGINE_OPTION = typer.Option("local", "--engine", help="Where files are parsed: local (process pool, one per core) or dask (Dask distributed; the dask extra).")
SCHEDULER_OPTION = typer.Option(None, "--scheduler", help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786 (default: a local cluster of --workers processes, else 2).")
SET_OPTION = typer.Option(None, "--set", help="Change a limit, e.g. --set max_pages=2000 or --set file_timeout=none (README, Limits); repeatable.")
LANG_OPTION = typer.Option("zh", "--lang", help="Language of headings and labels: zh or en.")


OS_HINTS = {
    errno.EACCES: "Check the permissions of the file or folder, or write somewhere else (-o / --out / --db).",
    errno.EPERM: "Check the permissions of the file or folder, or write somewhere else (-o / --out / --db).",
    errno.EROFS: "The file system is read-only: write somewhere else (-o / --out / --db).",
    errno.ENOSPC: "The disk is full: free some space, or write somewhere else (-o / --out / --db).",
    errno.EDQUOT: "The disk quota is exhausted: free some space, or write somewhere else.",
    errno.ENOENT: "Check that the path exists.",
    errno.ENOTDIR: "A part of the path is a file, not a folder: choose another path.",
    errno.EEXIST: "A part of the path is a file, not a folder: choose another path.",
    errno.EISDIR: "The path is a folder: give a file name.",
}


def _error_of(error: BaseException) -> FengongError:
    """Any exception as the project's one-line error with a hint."""
    import sqlite3

    if isinstance(error, FengongError):
        return error
    if isinstance(error, OSError):
        where = error.filename if error.filename is not None else None
        hint = OS_HINTS.get(error.errno or 0, "Check the path, its permissions and the free disk space.")
        return FengongError(error.strerror or str(error), path=str(where) if where is not None else None, hint=hint)
    if isinstance(error, sqlite3.Error):
        from .errors import StoreError

        return StoreError.from_sqlite(error)
    return FengongError(
        f"internal error {type(error).__name__}: {error}",
        hint="This is a bug in fengong: please report it with the input attached (run with --debug for the traceback).",
    )


# Exits and usage errors are typer's own business; typer may carry its own copy of click.
_PASS_THROUGH = tuple(
    {typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt}
    | {base for base in typer.BadParameter.__mro__ if base.__name__ == "ClickException"}
)


def _guarded(command: Callable) -> Callable:
    """Every command ends in the one-line error and a non-zero exit, whatever goes wrong (unless --debug)."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except _PASS_THROUGH:
            raise
        except Exception as error:  # noqa: BLE001 - the point: no traceback reaches the user
            if _DEBUG["on"]:
                raise
            _fail(_error_of(error))

    return run


def _settings(encoding: Optional[str] = None, units: Optional[List[Path]] = None, strict: bool = False, workers: Optional[int] = None, limits: Optional[List[str]] = None,
              engine: Optional[str] = None, scheduler: Optional[str] = None):
    from .settings import Settings

    settings = Settings.resolve(
        encoding=encoding, registry_files=[str(u) for u in units] if units else None, strict=strict, workers=workers,
        engine=engine, scheduler=scheduler,
    )
    # (replace, not resolve: resolve drops None, and --set file_timeout=none means "no budget")
    if not limits:
        return settings
    values = Settings.parse_assignments(limits)
    settings = Settings.resolve(settings, **values)  # validated; None values are left out here
    return replace(settings, **{k: v for k, v in values.items() if v is None})


def _fail(error: FengongError) -> None:
    if _DEBUG["on"] and sys.exc_info()[1] is not None:
        raise  # --debug: the traceback of the error being handled
    typer.echo(f"Error: {error}", err=True)
    if error.hint:
        typer.echo(f"Hint: {error.hint}", err=True)
    raise typer.Exit(3 if isinstance(error, StrictModeError) else 1)


def _check_strict(settings, documents) -> None:
    if settings.strict:
        count = sum(len(d.warnings) for d in documents)
        if count:
            raise StrictModeError(f"{count} warning(s) in strict mode: first {documents[0].warnings[0].code if documents[0].warnings else ''}".rstrip(": "))


def _progress(total: int):
    from rich.progress import Progress

    progress = Progress(transient=True, console=__import__("rich.console", fromlist=["Console"]).Console(stderr=True))
    task = progress.add_task("parsing", total=total)
    return progress, (lambda path: progress.update(task, advance=1, description=Path(path).name))


@app.command()
@_guarded
def parse(
    files: List[Path] = typer.Argument(..., help="Notice file to parse; more files (its attachments, its next pages) are read with it as one document."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON here instead of showing a table."),
    as_json: bool = typer.Option(False, "--json", help="Print the JSON instead of the readable table."),
    encoding: Optional[str] = ENCODING_OPTION,
    units: Optional[List[Path]] = UNITS_OPTION,
    strict: bool = STRICT_OPTION,
    limits: Optional[List[str]] = SET_OPTION,
    lang: str = LANG_OPTION,
) -> None:
    """Parse one notice (with its attachment files, if given): show its tasks and units, print its JSON (--json) or write it (-o)."""
    from .exporters import export
    from .model import document_to_dict
    from .parse import parse_many

    try:
        settings = _settings(encoding, units, strict, limits=limits)
        document = parse_many(files, settings)
        if output:
            export.write_document(output, document)
            typer.echo(f"{output}: {len(document.items)} items, {len(document.responsibilities)} responsibilities, {len(document.warnings)} warnings", err=True)
        elif as_json:
            sys.stdout.write(export.dumps(document_to_dict(document)))
        else:
            _show(document, lang)
        _check_strict(settings, [document])
    except FengongError as error:
        _fail(error)


@app.command()
@_guarded
def ingest(
    paths: List[Path] = typer.Argument(..., help="Files or directories to ingest."),
    db: Path = DB_OPTION,
    encoding: Optional[str] = ENCODING_OPTION,
    units: Optional[List[Path]] = UNITS_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    prune: bool = typer.Option(False, "--prune", help="Also drop stored documents whose files no longer exist."),
    limits: Optional[List[str]] = SET_OPTION,
    engine: str = ENGINE_OPTION,
    scheduler: Optional[str] = SCHEDULER_OPTION,
) -> None:
    """Parse files into the store; unchanged files are skipped, changed ones replaced, moved ones renamed."""
    from .batch import collect_files, ingest as ingest_paths
    from .store import Store

    try:
        settings = _settings(encoding, units, workers=workers, limits=limits, engine=engine, scheduler=scheduler)
        files = collect_files(paths)
        progress, advance = _progress(len(files))
        with progress, Store(db) as store:
            report = ingest_paths(files, store, settings, advance)
            pruned = store.prune() if prune else []
    except FengongError as error:
        _fail(error)
    for outcome in report.ingested:
        typer.echo(f"{outcome.status}\t{outcome.id}\t{outcome.path}")
    for gone in pruned:
        typer.echo(f"pruned\t{gone.id}\t{gone.path}")
    _report_failures(report.failures)


def _report_failures(failures) -> None:
    if failures:
        typer.echo(f"{len(failures)} file(s) failed:", err=True)
        for failure in failures:
            typer.echo(f"  Error: {failure.error}" + (f"\n    Hint: {failure.hint}" if failure.hint else ""), err=True)
        raise typer.Exit(1)


@app.command()
@_guarded
def matrix(
    docs: List[str] = typer.Argument(..., help="Notice files, directories, or stored documents (id, 文号, year or doc_id)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file (.csv, or .xlsx)."),
    long: bool = typer.Option(False, "--long", help="One row per task–unit pair instead of one row per task."),
    xlsx: bool = typer.Option(False, "--xlsx", help="Also write an Excel workbook of the wide matrix beside the CSV."),
    db: Path = DB_OPTION,
) -> None:
    """Export the responsibility matrix (tasks × units) as CSV and/or XLSX."""
    from .exporters import export
    from .batch import load_documents
    from .analysis.matrix import WIDE_KEY_COLUMNS, documents_to_long, documents_to_wide

    try:
        documents = load_documents(docs, db)
        wide = documents_to_wide(documents)
        if output.suffix.lower() == ".xlsx":
            export.write_xlsx(output, wide, key_columns=len(WIDE_KEY_COLUMNS))
        else:
            export.write_csv(output, documents_to_long(documents) if long else wide)
            if xlsx:
                export.write_xlsx(output.with_suffix(".xlsx"), wide, key_columns=len(WIDE_KEY_COLUMNS))
    except FengongError as error:
        _fail(error)
    typer.echo(f"{output}: {len(wide)} tasks, {sum(len(d.responsibilities) for d in documents)} task–unit pairs", err=True)


def _show(document, lang: str) -> None:
    from rich.console import Console

    from .exporters.terminal import document_view

    Console(soft_wrap=False).print(document_view(document, check_lang(lang)))


def _open_store(db: Path):
    from .errors import DocumentNotFoundError
    from .store import Store

    if not Path(db).exists():
        raise DocumentNotFoundError(f"no store at {db}", hint="Ingest notices first (`fengong ingest FILE --db PATH`), or name the store with --db.")
    return Store(db)


@app.command("list")
@_guarded
def list_documents(db: Path = DB_OPTION) -> None:
    """List the stored documents: id, 文号, year, title, tasks, path."""
    from .exporters.terminal import listing_rows

    try:
        with _open_store(db) as store:
            lines = listing_rows(store.summaries())
    except FengongError as error:
        _fail(error)
    typer.echo("\n".join(lines))


@app.command()
@_guarded
def show(
    doc: str = typer.Argument(..., help="A notice file, or a stored document (id, 文号, year or doc_id)."),
    db: Path = DB_OPTION,
    lang: str = LANG_OPTION,
) -> None:
    """Show one document's tasks and units as a table, and its warnings."""
    from .batch import load_documents

    try:
        documents = load_documents([doc], db)
        if len(documents) != 1:
            raise FengongError(f"{doc!r} names {len(documents)} documents", hint="Name one file or one stored document.")
        _show(documents[0], lang)
    except FengongError as error:
        _fail(error)


@app.command()
@_guarded
def remove(
    doc: str = typer.Argument(..., help="A stored document: id, 文号, year, doc_id, or the path it was ingested from."),
    db: Path = DB_OPTION,
) -> None:
    """Remove one stored document (its tasks and responsibilities with it)."""
    try:
        with _open_store(db) as store:
            removed = store.remove(store.resolve(doc))
    except FengongError as error:
        _fail(error)
    typer.echo(f"removed\t{removed.id}\t{removed.path}")


@app.command()
@_guarded
def ledger(
    docs: List[str] = typer.Argument(..., help="Notice files, directories, or stored documents (id, 文号, year or doc_id)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file: .xlsx (台账, 矩阵, 明细, 单位 sheets) or .csv (the 台账)."),
    lang: str = LANG_OPTION,
    db: Path = DB_OPTION,
) -> None:
    """The office's 台账: one row per task with its lead, supporting and responsible units, deadline and targets."""
    from .exporters import export
    from .batch import load_documents
    from .analysis.ledger import documents_to_ledger

    try:
        documents = load_documents(docs, db)
        book = documents_to_ledger(documents, lang)
        export.write_ledger(output, book)
    except FengongError as error:
        _fail(error)
    typer.echo(f"{output}: {len(book.sheets[0].rows)} tasks, {len(book.sheets[2].rows)} task–unit pairs", err=True)


@app.command()
@_guarded
def graph(
    docs: List[str] = typer.Argument(..., help="Notice files, directories, or stored documents (id, 文号, year or doc_id)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output file: .graphml, .gexf or .json (node-link)."),
    projection: bool = typer.Option(False, "--units-only", help="Write the unit–unit co-responsibility graph instead."),
    db: Path = DB_OPTION,
) -> None:
    """Export the unit–task graph (or its unit–unit projection) for Gephi or networkx."""
    from .exporters import export
    from .batch import load_documents
    from .analysis.graph import co_responsibility, documents_to_graph

    try:
        built = documents_to_graph(load_documents(docs, db))
        if projection:
            built = co_responsibility(built)
        export.write_graph(output, built)
    except FengongError as error:
        _fail(error)
    typer.echo(f"{output}: {built.number_of_nodes()} nodes, {built.number_of_edges()} edges", err=True)


@app.command()
@_guarded
def run(
    corpus: Path = typer.Argument(Path("corpus"), help="Directory of notices."),
    out: Path = typer.Option(Path("outputs"), "--out", help="Directory for the outputs."),
    db: Optional[Path] = typer.Option(None, "--db", help="Store to ingest into (default OUT/fengong.db)."),
    strict: bool = STRICT_OPTION,
    workers: Optional[int] = WORKERS_OPTION,
    limits: Optional[List[str]] = SET_OPTION,
) -> None:
    """The main job: ingest the corpus and write JSON, matrices, graph and a summary."""
    from .batch import collect_files, run_corpus

    try:
        settings = _settings(strict=strict, workers=workers, limits=limits)
        progress, advance = _progress(len(collect_files([corpus])))
        with progress:
            report = run_corpus(corpus, out, settings, advance, db)
    except FengongError as error:
        _fail(error)
    pairs = sum(d.responsibilities for d in report.documents)
    typer.echo(f"{len(report.documents)} document(s), {pairs} task–unit pairs, {len(report.warnings)} warning(s); outputs in {out}/")
    _report_failures(report.failures)
    if settings.strict and report.warnings:
        _fail(StrictModeError(f"{len(report.warnings)} warning(s) in strict mode: first {report.warnings[0][1].code}"))


@app.command()
@_guarded
def report(
    docs: List[str] = typer.Argument(..., help="Notice files, directories, or stored documents (id, 文号, year or doc_id)."),
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="The HTML page to write."),
    lang: str = LANG_OPTION,
    db: Path = DB_OPTION,
) -> None:
    """One self-contained HTML page of figures: per document its heatmap and warnings, the unit network, workloads, year-to-year change."""
    from .exporters import export
    from .batch import consecutive_editions, load_documents
    from .analysis.diff import diff_documents
    from .exporters.report import documents_to_report

    try:
        lang = check_lang(lang)
        documents = sorted(load_documents(docs, db), key=lambda d: (d.meta.year or 0, d.id))
        diffs = [diff_documents(old, new) for old, new in consecutive_editions(documents)]
        export.write_text(output, documents_to_report(documents, diffs, lang))
    except FengongError as error:
        _fail(error)
    typer.echo(f"{output}: {len(documents)} document(s), {len(diffs)} year-to-year comparison(s), {output.stat().st_size / 1e6:.2f} MB", err=True)


@app.command()
@_guarded
def diff(
    old: str = typer.Argument(..., help="The earlier notice: a file, or a stored document (id, 文号, year or doc_id); with --series, the notice to compare."),
    new: Optional[str] = typer.Argument(None, help="The later notice: a file, or a stored document (id, 文号, year or doc_id); not with --series."),
    format: Optional[str] = typer.Option(None, "--format", help="json, md, csv or html (default: from -o's suffix, else json)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of standard output (with --series: the folder for the reports)."),
    series: bool = typer.Option(False, "--series", help="Compare the notice with every stored edition of its series (--db): one report per edition, written into the folder -o."),
    db: Path = DB_OPTION,
    lang: str = LANG_OPTION,
) -> None:
    """Compare two editions task by task: unchanged, revised, added, removed, moved, split, merged."""
    from .exporters import export
    from .batch import load_documents
    from .analysis.diff import diff_documents
    from .exporters.diff_report import FORMATS, counts_text, render_diff

    suffixes = {".json": "json", ".md": "md", ".csv": "csv", ".html": "html", ".htm": "html"}
    kind = (format or suffixes.get(output.suffix.lower() if output and not series else "", "json")).lower()
    if kind not in FORMATS:
        raise typer.BadParameter(f"unknown format {kind!r}; use {', '.join(FORMATS)}", param_hint="--format")
    if series:
        return _diff_series(old, new, kind, output, db, lang)
    if new is None:
        raise typer.BadParameter("name the later notice NEW too, or compare with the stored series (--series)", param_hint="NEW")
    try:
        documents = load_documents([old], db) + load_documents([new], db)
        if len(documents) != 2:
            raise FengongError(f"expected one document on each side, got {len(documents)}", hint="Name one file or one stored document for OLD and for NEW.")
        lang = check_lang(lang)
        result = diff_documents(*documents)
        text = render_diff(result, kind, lang)
        if output is None:
            sys.stdout.write(text)
        else:
            export.write_text(output, text, encoding="utf-8-sig" if kind == "csv" else "utf-8")
    except FengongError as error:
        _fail(error)
    for warning in result.warnings:
        typer.echo(f"Warning: {warning.code}: {warning.message}", err=True)
    typer.echo(f"{output or 'stdout'}: {counts_text(result, lang)}", err=True)


def _diff_series(notice: str, extra: Optional[str], kind: str, folder: Optional[Path], db: Path, lang: str) -> None:
    """``diff NOTICE --series``: one report per stored edition of the notice's series, in FOLDER."""
    from .analysis.series import diff_series
    from .batch import load_documents, series_key
    from .exporters import export
    from .exporters.diff_report import counts_text, render_diff

    if extra is not None:
        raise typer.BadParameter("--series compares one notice with its stored editions: name only that notice", param_hint="NEW")
    if folder is None:
        raise typer.BadParameter("--series writes one report per edition: name their folder with -o", param_hint="-o")
    try:
        lang = check_lang(lang)
        documents = load_documents([notice], db)
        if len(documents) != 1:
            raise FengongError(f"{notice!r} names {len(documents)} documents", hint="Name one file or one stored document.")
        written = 0
        with _open_store(db) as store:
            for result in diff_series(store, documents[0]):
                path = folder / f"{result.old.id}__{result.new.id}.{kind}"
                export.write_text(path, render_diff(result, kind, lang), encoding="utf-8-sig" if kind == "csv" else "utf-8")
                written += 1
                for warning in result.warnings:
                    typer.echo(f"Warning: {path.name}: {warning.code}: {warning.message}", err=True)
                typer.echo(f"{path}: {counts_text(result, lang)}", err=True)
    except FengongError as error:
        _fail(error)
    if not written:
        typer.echo(f"{db}: no other edition of the series {series_key(documents[0])!r}", err=True)


@app.command("export")
@_guarded
def export_tables(
    docs: Optional[List[str]] = typer.Argument(None, help="Notice files, directories, or stored documents (id, 文号, year or doc_id); default: the whole store."),
    parquet: Path = typer.Option(..., "--parquet", help="Folder for documents, tasks, responsibilities and units as .parquet files (replaced whole)."),
    db: Path = DB_OPTION,
) -> None:
    """Write the corpus as Parquet tables for pandas, DuckDB or Spark (see README, Parquet)."""
    from .batch import iter_keyed_documents
    from .exporters.parquet import write_parquet

    try:
        counts = write_parquet(parquet, iter_keyed_documents(docs or [], db))
    except FengongError as error:
        _fail(error)
    typer.echo(f"{parquet}/: " + ", ".join(f"{count} {name}" for name, count in counts.items()), err=True)


@app.command("eval")
@_guarded
def evaluate(
    folder: Path = typer.Argument(Path("tests/eval"), help="Folder of notices, each with <case>.gold.json beside it."),
    cases: bool = typer.Option(False, "--cases", help="Also list the figures of every case."),
    misses: bool = typer.Option(False, "--misses", help="List every missed or spurious item and pair, and every wrong role."),
) -> None:
    """Precision, recall and F1 of items, task–unit pairs and roles against a gold evaluation set."""
    from .evaluation import evaluate_directory, format_report

    report = evaluate_directory(folder)
    typer.echo(format_report(report, with_cases=cases))
    if misses:
        for case, miss in report.misses:
            typer.echo(f"{case}\t{miss.kind}\t{miss.item}\t{miss.unit or ''}\t{miss.gold_role or ''}\t{miss.parsed_role or ''}")


def main() -> None:
    app()
