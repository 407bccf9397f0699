"""A pool of worker processes for many small jobs: each chunk of jobs made and written by one worker.

A card takes a few milliseconds to draw, so a few hundred of them are worth two
processes; fewer are made in this one, because starting workers costs more than it
saves. Workers are forked where fork exists, after the caller has done what they all
need (`warm`), so they start warm and inherit `shared` (the loaded content) without
copying it; each makes and writes its own chunk, and only a short result per job comes
back, so memory stays flat however many jobs there are. Results come in job order.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

POOL_MIN = 24  # below this many jobs, one process is quicker than starting workers
MAX_WORKERS = 8

_worker: tuple[Callable[[Any, Sequence[Any]], list[Any]], Any] | None = None  # set once in each worker


def map_chunks(work: Callable[[Any, Sequence[Job]], list[Result]], shared: Any, jobs: Sequence[Job], chunk: int,
               warm: Callable[[], None] | None = None, workers: int | None = None) -> Iterator[Result]:
    """`work(shared, chunk_of_jobs)` for chunks of at most `chunk` jobs, its results in job order.

    `work` must be a module-level function (a worker finds it by name). In a process pool
    when there are `POOL_MIN` jobs or more and a second core; `warm` runs first, once, here.
    """
    workers = workers if workers is not None else cores()
    if workers < 2 or len(jobs) < POOL_MIN:
        for part in _chunks(jobs, chunk):
            yield from work(shared, part)
        return
    if warm is not None:
        warm()
    size = max(1, min(chunk, len(jobs) // (workers * 4)))  # a few chunks per worker, so they finish together
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker,
                             initargs=(work, shared)) as pool:
        for results in pool.map(_in_worker, _chunks(jobs, size)):
            yield from results


def cores() -> int:
    """The cores this process may run on, at most `MAX_WORKERS`."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    return min(count, MAX_WORKERS)


def _chunks(jobs: Sequence[Job], size: int) -> Iterator[Sequence[Job]]:
    for start in range(0, len(jobs), size):
        yield jobs[start:start + size]


def _context() -> multiprocessing.context.BaseContext:
    """Fork where there is fork (workers inherit what is loaded); spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _start_worker(work: Callable[[Any, Sequence[Any]], list[Any]], shared: Any) -> None:
    global _worker
    _worker = (work, shared)


def _in_worker(jobs: Sequence[Any]) -> list[Any]:
    assert _worker is not None
    work, shared = _worker
    return work(shared, jobs)
