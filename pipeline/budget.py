"""Parse files in worker processes that can be stopped: a time and a memory budget per file.

A worker is a long-lived process that parses one file at a time and answers with the
``Document`` or the ``Failure``; the parent hands it the next file when it answers. A worker
still busy when its file's time is up is killed and replaced, and the file is reported as a
failure; so is the file of a worker that dies (beyond its memory budget, or a crash inside a
C library). The batch goes on with the other files either way.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .settings import Settings

Job = tuple[Path, Settings, str]
BUDGET_HINT = "Raise the budget with `--set {setting}=…` (Settings.{setting}) if the file is genuine, or split it."


@dataclass
class _Slot:
    process: Any
    conn: Connection
    index: int | None = None
    deadline: float = float("inf")


def _limit_memory(megabytes: int | None) -> None:
    """Cap the worker's data segment (heap and anonymous maps) at what it holds now plus the budget."""
    if megabytes is None:
        return
    try:
        import resource

        with open("/proc/self/status") as status:
            data_kb = next(int(line.split()[1]) for line in status if line.startswith("VmData:"))
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        resource.setrlimit(resource.RLIMIT_DATA, (data_kb * 1024 + megabytes * 2**20, hard))
    except (ImportError, OSError, ValueError, StopIteration, AttributeError):
        pass  # not Linux: the time budget still holds


def exit_with_parent(poll_s: float = 1.0) -> None:
    """End this worker process when the process that started it is gone (killed, say): a forked
    worker holds the copies of its pipes that would otherwise tell it so, and would wait forever."""
    import os
    import threading

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker(conn: Connection, memory_mb: int | None) -> None:
    from .batch import parse_one

    exit_with_parent()
    _limit_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(parse_one(*job))


def parse_in_workers(jobs: list[Job], settings: Settings, workers: int, on_result: Callable[[int, Any], None]) -> list[Any]:
    """The result of every job, in order; ``on_result(index, result)`` as each one is taken."""
    results: list[Any] = [None] * len(jobs)
    for index, result in enumerate(stream_in_workers(jobs, settings, workers)):
        results[index] = result
        on_result(index, result)
    return results


def stream_in_workers(jobs: Sequence[Job], settings: Settings, workers: int, window: int | None = None) -> Iterator[Any]:
    """The result of each job, in job order, as soon as it and those before it are back. A worker is
    handed a file only while fewer than ``window`` files (default: 4 per worker) are parsed or waiting
    beyond the oldest result not yet taken, so that what the parent holds stays bounded however many
    files there are, and however slow the consumer is."""
    from .model import Failure

    methods = multiprocessing.get_all_start_methods()
    # fork shares what the parent has loaded (registry, spaCy) with the workers where the OS allows it.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    workers = max(1, min(workers, len(jobs)))
    window = max(window or 4 * workers, workers)
    done: dict[int, Any] = {}  # results back early, waiting for those before them
    pending = deque(range(len(jobs)))
    taken = 0  # results yielded so far: the next one to yield is jobs[taken]
    timeout = settings.file_timeout

    def start() -> _Slot:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, settings.file_memory_mb), daemon=True)
        process.start()
        child.close()
        return _Slot(process, parent)

    def assign(slot: _Slot) -> None:
        slot.index, slot.deadline = None, float("inf")
        if pending and pending[0] < taken + window:
            slot.index = pending.popleft()
            slot.conn.send(jobs[slot.index])
            slot.deadline = time.monotonic() + timeout if timeout else float("inf")

    def stop(slot: _Slot) -> None:
        slot.process.kill()
        slot.process.join()
        slot.conn.close()

    slots = [start() for _ in range(workers if jobs else 0)]
    try:
        for slot in slots:
            assign(slot)
        while taken < len(jobs):
            while taken in done:
                result = done.pop(taken)
                taken += 1
                for slot in slots:  # the window moved on: idle workers may take a file
                    if slot.index is None:
                        assign(slot)
                yield result
            busy = [slot for slot in slots if slot.index is not None]
            if not busy:  # every file before the window's end is back: the loop above takes them
                continue
            wait_for = max(0.0, min(slot.deadline for slot in busy) - time.monotonic()) if timeout else None
            ready = wait([slot.conn for slot in busy], wait_for)
            for number, slot in enumerate(slots):
                if slot.index is None:
                    continue
                path = str(jobs[slot.index][0])
                if slot.conn in ready:
                    try:
                        done[slot.index] = slot.conn.recv()
                        assign(slot)
                        continue
                    except (EOFError, OSError):
                        slot.process.join()
                        code = slot.process.exitcode
                        failure = Failure(
                            path,
                            f"{path}: the worker parsing it died (exit code {code}), beyond the memory budget"
                            f" of {settings.file_memory_mb} MB (file_memory_mb) or in a crash",
                            BUDGET_HINT.format(setting="file_memory_mb"),
                        )
                elif time.monotonic() >= slot.deadline:
                    failure = Failure(
                        path,
                        f"{path}: parsing took longer than the {timeout:g} s budget per file (file_timeout); stopped",
                        BUDGET_HINT.format(setting="file_timeout"),
                    )
                else:
                    continue
                index = slot.index
                stop(slot)
                slot.index = None
                done[index] = failure
                if pending:
                    slots[number] = slot = start()
                    assign(slot)
    finally:
        for slot in slots:
            try:
                slot.conn.send(None)
            except (OSError, ValueError):
                pass
        for slot in slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()
