"""A pool of worker processes for many small jobs: each chunk of jobs made and written by one worker.

A card takes a few milliseconds to draw, so a few hundred of them are worth two
processes; fewer are made in this one, because starting workers costs more than it
saves. Workers are forked where fork exists, after the caller has done what they all
need (`warm`), so they start warm and inherit `shared` (the loaded content) without
copying it; each makes and writes its own chunk, and only a short result per job comes
back, so memory stays flat however many jobs there are. Results come in job order.

Stopping never leaves a half-written file or a worker behind. When the caller stops
reading (an error, Ctrl-C, SIGTERM: `handbook.output.signals`), the workers begin no new
chunk, finish the one in hand (its files written whole) and exit. When the parent dies
without a word (SIGKILL, a crash), each worker notices at once: it watches a pipe whose
writing end only the parent holds, which closes when the parent dies, as all of a dead
process's files do; the worker then finishes its chunk and exits. A worker ignores
Ctrl-C (the terminal sends it to the workers too; the parent decides) and leaves the same
way on SIGTERM.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from handbook.errors import HandbookError
from handbook.output.signals import STOP_SIGNALS

Job = TypeVar("Job")
Result = TypeVar("Result")

# Held back from a new worker or helper until it has set its own handlers: with this process's,
# a Ctrl-C or SIGTERM arriving as it forks would print a traceback or be swallowed there.
_HELD_SIGNALS = {signal.SIGINT, *STOP_SIGNALS}
POOL_MIN = 24  # below this many jobs, one process is quicker than starting workers
MAX_WORKERS = 8

_worker: tuple[Callable[[Any, Sequence[Any]], list[Any]], Any, Any] | None = None  # set once in each worker
_busy = threading.Lock()  # held by a worker while it makes a chunk
_leaving = threading.Event()  # set in a worker that is to begin no new chunk


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
    size = max(1, min(chunk, len(jobs) // (workers * 8)))  # a few chunks per worker, so they finish together
    context = _context()
    stop = context.Event()  # set: begin no new chunk
    watched, held = context.Pipe(duplex=False)  # the workers watch `watched`; only this process keeps `held`
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(work, shared, stop, watched, held))
    try:
        with _signals_held():
            chunks = pool.map(_in_worker, _chunks(jobs, size))  # submits every chunk: the workers start here
        for results in chunks:
            yield from results
    except BrokenProcessPool:
        raise HandbookError("a worker process stopped before its work was done (was it killed, or out of memory?); "
                            "what is not listed above was not made") from None
    except BaseException:  # the caller stopped reading: Ctrl-C, SIGTERM, an error, a closed pipe
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)
        held.close()
        watched.close()


class Helper:
    """A generator run in a helper process while this one does something else (`start_helper`)."""

    def __init__(self, process: multiprocessing.process.BaseProcess,
                 receive: multiprocessing.connection.Connection) -> None:
        self._process = process
        self._receive = receive

    def take(self) -> list[Any]:
        """The items the helper has made so far, without waiting for more; then it is stopped."""
        items = []
        try:
            while self._receive.poll():
                items.append(self._receive.recv())
        except (EOFError, OSError):  # it has stopped
            pass
        self.stop()
        return items

    def stop(self) -> None:
        """Stop the helper (whatever it is doing: it only makes items) and wait until it has gone.

        Its pipe is closed first, so a helper blocked on a full pipe fails at once; it is then
        killed outright (SIGKILL: it holds nothing to clean up, and no handler can swallow it).
        """
        self._receive.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def start_helper(work: Callable[..., Iterator[Any]], *args: Any) -> Helper | None:
    """Run the generator `work(*args)` in a forked helper process, its items sent back one by one
    for `Helper.take`; None where that is not worth it or not safe (one core, no fork, other
    threads running: a child forked from a threaded process can hang on a lock), and the caller
    does without. The helper never writes a file or prints; it ignores Ctrl-C (the parent decides)."""
    if cores() < 2 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run_helper, args=(work, args, send, receive), daemon=True)
    with _signals_held():
        process.start()
    send.close()  # the helper's end: this process keeps only its own
    return Helper(process, receive)


def _run_helper(work: Callable[..., Iterator[Any]], args: tuple[Any, ...],
                send: multiprocessing.connection.Connection, receive: multiprocessing.connection.Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    _release_signals()
    try:
        receive.close()
        for item in work(*args):
            send.send(item)
    except BaseException:  # noqa: BLE001 - its parent makes whatever it did not send
        pass
    finally:
        os._exit(0)  # nothing of the parent's (its files, its exit handlers) is the helper's to run


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C and the stop signals wait while the block runs (it forks); one that came meanwhile
    arrives here after it. Where there are no signal masks (Windows: workers are spawned, not
    forked, with handlers of their own) nothing is held."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _release_signals() -> None:
    """In a new worker or helper, once its handlers are set: take the signals held at the fork."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_SIGNALS)


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


def _start_worker(work: Callable[[Any, Sequence[Any]], list[Any]], shared: Any, stop: Any,
                  watched: multiprocessing.connection.Connection,
                  held: multiprocessing.connection.Connection) -> None:
    """Set up a worker: its job, its signals, and a watch on the parent."""
    global _worker
    held.close()  # this worker's copy of the parent's end: the parent's must be the only one left open
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in STOP_SIGNALS:
        signal.signal(number, _on_stop_signal)
    _release_signals()  # held back by the parent while it forked
    _worker = (work, shared, stop)
    threading.Thread(target=_watch_parent, args=(watched,), name="watch-parent", daemon=True).start()


def _in_worker(jobs: Sequence[Any]) -> list[Any]:
    """Make one chunk, unless the worker is leaving or the parent said stop."""
    assert _worker is not None
    work, shared, stop = _worker
    with _busy:
        if _leaving.is_set() or stop.is_set():
            return []
        return work(shared, jobs)


def _watch_parent(watched: multiprocessing.connection.Connection) -> None:
    """Wait until the parent's end of the pipe closes (the parent has died), then leave."""
    try:
        multiprocessing.connection.wait([watched])
    finally:
        _leave()


def _on_stop_signal(signum: int, frame: object) -> None:
    threading.Thread(target=_leave, name="leave", daemon=True).start()  # not here: this thread may hold `_busy`


def _leave() -> None:
    """End the worker as soon as the chunk in hand is made and written, if any."""
    _leaving.set()
    with _busy:
        os._exit(1)
