"""The one place that writes output files: atomically, or not at all.

A renderer returns bytes; `write_atomic` puts them in a temporary file in the target
folder and renames it over the old file with `os.replace`. A failed or interrupted write
leaves the previous file byte for byte as it was and no temporary file behind.
`write_many` does the same for a batch of files (cards), flushing them to disk together.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence
from pathlib import Path

from handbook.errors import OutputError, display_path, printable


def ensure_folder(folder: Path) -> None:
    """Create an output folder (and its parents), or raise `OutputError` saying why not.

    When the folder or one above it is in the way, the message names it and says what it
    is: a file, a symbolic link to a file, or a symbolic link to nothing (which `mkdir -p`
    would not follow either); nothing is created.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(in_the_way(folder) or f"{display_path(folder)}: cannot create the folder: "
                                                f"{reason(exc)}") from None
    if not folder.is_dir():
        raise OutputError(in_the_way(folder) or f"{display_path(folder)}: is not a folder; choose another --out")


def in_the_way(folder: Path) -> str:
    """What stands where `folder`, or a folder above it, should be, as one line; "" when nothing does."""
    for part in (folder, *folder.parents):
        if part.is_symlink():
            target = printable(os.readlink(part))
            if not part.exists():
                return (f"{display_path(part)}: is a symbolic link to '{target}', which does not exist; "
                        "create that folder or choose another --out")
            if not part.is_dir():
                return f"{display_path(part)}: is a symbolic link to '{target}', a file, not a folder; choose another --out"
            return ""
        if part.exists():
            return "" if part.is_dir() else f"{display_path(part)}: is a file, not a folder; choose another --out"
    return ""


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    ensure_folder(path.parent)
    fd = -1
    tmp = ""
    try:
        fd, tmp = _temporary(path)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {reason(exc)}") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_together(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write files that belong together (a handbook and its booklet): all of them, or none.

    Every file is first written to a temporary file beside it and flushed to disk, and
    every target is checked (a folder where a file should go); only then is each renamed
    over its target. A problem before the renames leaves every old file as it was and no
    temporary file behind.
    """
    pending: list[str] = []
    try:
        for path, _ in files:
            ensure_folder(path.parent)
            if path.is_dir():
                raise OutputError(f"{display_path(path)}: is a folder, not a file; move it or choose another --out")
        for path, data in files:
            pending.append(_write_temporary(path, data))
            try:
                _flush(pending[-1])
            except OSError as exc:
                raise OutputError(f"{display_path(path)}: cannot write: {reason(exc)}") from None
        for (path, _), tmp in zip(files, list(pending), strict=True):
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"{display_path(path)}: cannot write: {reason(exc)}") from None
            pending.remove(tmp)
    finally:
        for tmp in pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_many(files: Sequence[tuple[Path, bytes]]) -> list[OutputError | None]:
    """Write several files, each as `write_atomic` does, with one flush to disk for all of them.

    Each file goes to a temporary file beside it; when all are written, one `os.sync()`
    puts them on disk together (it flushes every pending write of the machine, in practice
    these files; `write_atomic` waits for the disk once per file, which for a batch of
    cards can cost more than drawing them), and only then is each renamed over its target.
    So each file is still seen old or new, never half, and never renamed before its bytes
    are on disk. Returns, for each file in order, None when it
    was written or the `OutputError` saying why not; an interruption leaves no temporary
    file behind and every file not yet renamed as it was.
    """
    results: list[OutputError | None] = [None] * len(files)
    pending: list[tuple[int, str]] = []  # index in files, temporary file
    try:
        for index, (path, data) in enumerate(files):
            try:
                ensure_folder(path.parent)
                pending.append((index, _write_temporary(path, data)))
            except OutputError as exc:
                results[index] = exc
        if not hasattr(os, "sync"):  # Windows has no os.sync: one flush per file
            for _, tmp in pending:
                _flush(tmp)
        elif pending:
            os.sync()
        while pending:
            index, tmp = pending[0]
            path = files[index][0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                results[index] = OutputError(f"{display_path(path)}: cannot write: {reason(exc)}")
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            pending.pop(0)
    finally:
        for _, tmp in pending:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return results


def _temporary(path: Path) -> tuple[int, str]:
    """A new hidden temporary file beside `path`, open for writing: its descriptor and name."""
    import tempfile  # here: with shutil, 5 ms that a command writing nothing (`--version`) need not pay

    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def _write_temporary(path: Path, data: bytes) -> str:
    """`data` in a new temporary file beside `path` (not yet flushed to disk); its name."""
    tmp = ""
    try:
        fd, tmp = _temporary(path)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        return tmp
    except BaseException as exc:  # an interruption too: no temporary file is left behind
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"{display_path(path)}: cannot write: {reason(exc)}") from None
        raise


def _flush(tmp: str) -> None:
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new(path: Path, text: str) -> None:
    """Create a new text file; refuse to overwrite one that exists."""
    ensure_folder(path.parent)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise OutputError(f"{display_path(path)}: already exists; choose another name or edit that file") from None
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {reason(exc)}") from None


def reason(exc: OSError) -> str:
    """Why a write failed, in a few plain words (the disk is full, permission denied)."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    return exc.strerror or str(exc)
