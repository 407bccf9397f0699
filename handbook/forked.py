"""Work done in a forked second process, its answer sent back through a pipe.

The machines `handbook` runs on have two cores or more; a build uses the second one
twice: one process reads the content while the other imports the PDF machinery
(`build`), and one lays out half of a long handbook while the other lays out the rest
(`parallel`). Nothing here imports reportlab, so the first of those can start before
it is imported. Without fork (Windows) or a second core, everything runs in one process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import Any


def can_fork() -> bool:
    """Whether a second process can help: fork exists, there is a second core to run it on,
    and this process runs one thread (a fork copies another thread's locks, not the thread:
    in a server that builds handbooks from several threads, everything stays in one process)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class Child:
    """A forked process computing one value: `result()` is that value, or None with `error` saying why."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.error = ""
        self.pid = -1
        self.read = -1
        try:
            read, write = os.pipe()
        except OSError as error:
            self.error = f"cannot start a second process: {error}"
            return
        try:
            self.pid = os.fork()
        except OSError as error:  # a limit on processes (EAGAIN), or memory: do it in this process
            os.close(read)
            os.close(write)
            self.error = f"cannot start a second process: {error}"
            return
        if self.pid == 0:  # the child: never returns
            os.close(read)
            try:
                try:
                    data = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException as error:  # noqa: BLE001 - any failure: the parent does the work itself
                    data = pickle.dumps((False, f"{type(error).__name__}: {error}"))
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
            finally:
                os._exit(0)
        os.close(write)
        self.read = read

    def result(self) -> Any:
        if self.pid < 0:
            return None
        with os.fdopen(self.read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        try:
            ok, value = pickle.loads(data)
        except (EOFError, pickle.UnpicklingError, ValueError):  # it died before answering
            ok, value = False, f"the second process ended without an answer (status {status})"
        if not ok:
            self.error = str(value)
            return None
        return value

    def abandon(self) -> None:
        """Stop waiting for the child (the parent failed): end it and reap it."""
        if self.pid < 0:
            return
        with contextlib.suppress(OSError):
            os.close(self.read)
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
