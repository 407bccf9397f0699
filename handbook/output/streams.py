"""Standard output and standard error: what the commands print goes out, or the command ends with one line.

- A character the terminal's encoding cannot show (a CJK name under
  `PYTHONIOENCODING=latin-1`) is printed as '?', never an error: `tolerant_streams`.
- A reader that goes away (`handbook check | head -1`) ends the command quietly, with
  exit code 1, as a closed pipe ends any Unix tool (Python ignores SIGPIPE and raises
  BrokenPipeError instead).
- Any other failure to print (`handbook --help > /dev/full`) is one line on standard
  error, exit code 1: `stream_failure` says which line, or that there is none to print.

Everything the tool prints goes through `click.echo` (the command line's only way out),
so a failure of a standard stream is an `OSError` raised inside it; an `OSError` from
anywhere else is a bug, reported as one.
"""

from __future__ import annotations

import contextlib
import errno
import io
import sys
from collections.abc import Iterator
from types import FrameType, TracebackType
from typing import NoReturn

from handbook.output.files import reason


@contextlib.contextmanager
def tolerant_streams() -> Iterator[None]:
    """Standard output and error replace a character their encoding lacks (with '?'), until the block ends.

    A stream set up to fail on such a character (PYTHONIOENCODING=latin-1, or an old
    Windows console) would otherwise stop a command halfway through its report.
    """
    changed = []
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")
            changed.append(stream)
    try:
        yield
    finally:
        for stream in changed:
            with contextlib.suppress(ValueError, OSError):  # closed, or cannot flush: it keeps what it has
                stream.reconfigure(errors="strict")


def failed_stream(exc: BaseException, echo_code: object) -> str | None:
    """Which standard stream `exc` is the failure of ("<stdout>" or "<stderr>"), or None when it is no such failure.

    A standard stream fails inside `click.echo` (whose code object is `echo_code`), and
    its `file` there is the stream it was writing to.
    """
    if not isinstance(exc, OSError):
        return None
    for frame in _frames(exc.__traceback__):
        if frame.f_code is echo_code:
            name = getattr(frame.f_locals.get("file"), "name", None)
            return "<stderr>" if name == "<stderr>" else "<stdout>"
    return None


def failure_line(exc: OSError, stream: str) -> str:
    """The one line to print when `stream` failed with `exc`, or "" when there is nothing to say.

    A closed pipe says nothing: the reader has all it wanted. A failure of standard error
    itself cannot be reported anywhere.
    """
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE or stream == "<stderr>":
        return ""
    return f"standard output: cannot write: {reason(exc)}"


def end_after_failure(exc: OSError, stream: str | None) -> NoReturn:
    """End the command after `stream` failed with `exc`: its one line on stderr, if any; exit code 1.
    With no stream (`exc` is no failure of one: `failed_stream`), `exc` is raised again.

    What is still to be printed on the failed stream is thrown away: Python flushes
    standard output and error as it exits, and the text buffered for a closed pipe or a
    full disk would fail again there, with a message of its own.
    """
    if stream is None:
        raise exc
    if stream == "<stderr>":
        sys.stderr = io.StringIO()
    else:
        sys.stdout = io.StringIO()
    line = failure_line(exc, stream)
    if line:
        with contextlib.suppress(OSError, ValueError):  # stderr may be gone too
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    raise SystemExit(1)


def _frames(tb: TracebackType | None) -> Iterator[FrameType]:
    """The frames of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame
        tb = tb.tb_next
