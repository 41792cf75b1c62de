"""Engines: where the files of a batch are parsed. The parse is the same pure function everywhere
(``batch.parse_one``: a path in, a ``Document`` or a ``Failure`` out); an engine only decides which
process runs it, and hands the results back in file order, one at a time, to the single writer
in the calling process (the store is written there only).

``local`` (the default): this machine's cores, one worker process per core (``Settings.workers``),
each file within its time and memory budget (``file_timeout``, ``file_memory_mb``; see ``budget``).
``dask``: a Dask distributed cluster, the scheduler at ``Settings.scheduler`` or, without one, a
``LocalCluster`` started for the batch (the ``dask`` extra: ``pip install 'fengong[dask]'``).

Every engine keeps at most a window of files in flight beyond the oldest result not yet taken, so
that memory stays flat in the number of files whatever the engine and however slow the writer.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .errors import EngineError, MissingDependencyError
from .model import Document, Failure
from .settings import ENGINES, Settings  # noqa: F401 - ENGINES: the names, validated in Settings

Job = tuple[Path, Settings, str]  # (path, settings, doc_id): the arguments of batch.parse_one
Result = Document | Failure
PARALLEL_FROM = 32  # below this, starting worker processes costs more than it saves
PER_WORKER = 4  # files in flight per worker: enough to keep it busy, few enough to hold
DASK_WORKERS = 2  # workers of the LocalCluster started when no scheduler is named and workers unset
DASK_CONNECT_S = 10  # how long to wait for a named scheduler
DASK_HINT = "Install fengong's dask extra: `pip install 'fengong[dask]'` (or `pip install 'dask[distributed]'`), or use --engine local."


def parse_stream(jobs: Sequence[Job], settings: Settings) -> Iterator[Result]:
    """The result of each job, in job order, on the engine ``settings.engine`` names."""
    require(settings)
    if not jobs:
        return iter(())
    if settings.engine == "dask":
        return dask_stream(jobs, settings)
    return local_stream(jobs, settings)


def local_stream(jobs: Sequence[Job], settings: Settings) -> Iterator[Result]:
    """This machine: with a budget per file, every file in a worker that can be stopped; without one,
    a process pool for large batches, and the calling process for small ones."""
    from .batch import parse_one

    workers = settings.workers or os.cpu_count() or 1
    if settings.file_timeout is not None or settings.file_memory_mb is not None:
        from .budget import stream_in_workers

        # each file in a worker that can be stopped, so that one file cannot stall the batch
        workers = workers if len(jobs) >= PARALLEL_FROM else 1
        yield from stream_in_workers(jobs, settings, workers, PER_WORKER * workers)
    elif workers > 1 and len(jobs) >= PARALLEL_FROM:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the loaded registry and spaCy pipeline with the workers where the OS allows it.
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        from .budget import exit_with_parent

        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=exit_with_parent) as pool:
            yield from _in_order(jobs, lambda job: pool.submit(parse_one, *job), lambda future, job: future.result(), PER_WORKER * workers)
    else:
        for job in jobs:
            yield parse_one(*job)


def dask_stream(jobs: Sequence[Job], settings: Settings) -> Iterator[Result]:
    """A Dask cluster: ``parse_one`` submitted file by file, the results gathered back in order."""
    # A worker elsewhere has its own working folder: it is given absolute paths (files, --units).
    remote = replace(settings, registry_files=tuple(os.path.abspath(name) for name in settings.registry_files))

    with dask_client(settings) as client:
        workers = max(1, sum(client.nthreads().values()))

        def submit(job: Job) -> Any:
            path, _, doc_id = job
            # pure=False: a file re-read after a change must be parsed again, not served from a cache
            return client.submit(parse_as_given, os.path.abspath(path), remote, doc_id, str(path), pure=False)

        yield from _in_order(jobs, submit, _gathered, PER_WORKER * workers)


def parse_as_given(path: str, settings: Settings, doc_id: str, given: str) -> Result:
    """``parse_one`` of the file at the absolute ``path``, its result naming the file as the caller
    gave it (``given``, maybe relative), so that the document is the one the local engine gives."""
    from .batch import parse_one

    result = parse_one(Path(path), settings, doc_id)
    if path == given:
        return result
    if isinstance(result, Failure):
        return Failure(given, result.error.replace(path, given), result.hint)
    return replace(result, source=replace(result.source, path=given))


def _gathered(future: Any, job: Job) -> Result:
    """A Dask future's result; a worker lost with the file (killed, out of memory) is a failure of
    that file, as in the local engine (parse_one itself never raises)."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - KilledWorker, CommClosedError…: the batch goes on
        path = str(job[0])
        return Failure(
            path, f"{path}: the Dask worker parsing it failed: {type(error).__name__}: {error}",
            "Check the workers' logs and memory limit (`dask worker --memory-limit`), or parse the file with --engine local.",
        )
    finally:
        future.release()


def _in_order(jobs: Sequence[Job], submit: Callable[[Job], Any], result: Callable[[Any, Job], Result], window: int) -> Iterator[Result]:
    """Submit jobs while fewer than ``window`` are in flight, and take their results in job order."""
    in_flight: deque[tuple[Any, Job]] = deque()
    upcoming = iter(jobs)
    try:
        for job in upcoming:
            in_flight.append((submit(job), job))
            if len(in_flight) >= window:
                break
        while in_flight:
            future, job = in_flight.popleft()
            done = result(future, job)
            for job in upcoming:  # one out, one in
                in_flight.append((submit(job), job))
                break
            yield done
    finally:
        for future, _ in in_flight:  # the consumer stopped early: do not leave work running
            future.cancel()


def require(settings: Settings) -> None:
    """Fail now, before any file is read, when the engine named cannot run here."""
    if settings.engine == "dask":
        _dask()


def _dask() -> tuple[Any, Any]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise MissingDependencyError("the dask engine needs Dask distributed, which is not installed", hint=DASK_HINT) from None
    return Client, LocalCluster


@contextmanager
def dask_client(settings: Settings) -> Iterator[Any]:
    """A client of the scheduler at ``settings.scheduler``, or of a LocalCluster of worker processes
    (``settings.workers``, else two) that lives as long as the batch."""
    Client, LocalCluster = _dask()
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=DASK_CONNECT_S)
        except (OSError, TimeoutError, ValueError) as error:
            raise EngineError(
                f"cannot reach the Dask scheduler at {settings.scheduler}: {error}",
                hint="Start one with `dask scheduler` and workers with `dask worker ADDRESS` (fengong installed beside them), or leave out --scheduler to use a local cluster.",
            ) from None
        with client:
            yield client
        return
    # One thread per worker process: the parse holds the GIL, and processes are what scale it.
    # (":0": the cluster's HTTP endpoints on a free port, so that two batches at once do not clash.)
    with LocalCluster(
        n_workers=settings.workers or DASK_WORKERS, threads_per_worker=1, processes=True, dashboard_address=":0",
    ) as cluster, Client(cluster) as client:
        yield client
