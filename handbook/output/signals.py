"""SIGTERM (and SIGHUP, a terminal closed) stop a command as Ctrl-C does.

Ctrl-C raises KeyboardInterrupt wherever the command is, and every write in progress is
undone on the way out (`files`: the temporary file removed, the old file kept as it was;
`pool`: the workers finish the cards in hand and stop). Left to their default, SIGTERM and
SIGHUP end the process on the spot, temporary files and all; here they raise the same
KeyboardInterrupt, so `kill`, a service manager or a closed terminal cost no more than Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def stop_like_ctrl_c() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise KeyboardInterrupt; their handlers are restored after.

    A signal set to be ignored stays ignored (`nohup` ignores SIGHUP so that a command
    outlives its terminal). Only the main thread can set handlers; elsewhere nothing changes.
    """
    saved = {}
    if threading.current_thread() is threading.main_thread():
        for number in STOP_SIGNALS:
            if signal.getsignal(number) == signal.SIG_DFL:
                saved[number] = signal.signal(number, signal.default_int_handler)
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
