"""The one place that writes output files: atomically, or not at all.

A renderer returns bytes; `write_atomic` puts them in a temporary file in the target
folder and renames it over the old file with `os.replace`. A failed or interrupted write
leaves the previous file byte for byte as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from .errors import OutputError, display_path


def ensure_folder(folder: Path) -> None:
    """Create an output folder (and its parents), or raise `OutputError` saying why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{display_path(folder)}: is a file, not a folder; choose another --out") from None
    except OSError as exc:
        raise OutputError(f"{display_path(folder)}: cannot create the folder: {_reason(exc)}") from None
    if not folder.is_dir():
        raise OutputError(f"{display_path(folder)}: is a file, not a folder; choose another --out")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    ensure_folder(path.parent)
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {_reason(exc)}") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_new(path: Path, text: str) -> None:
    """Create a new text file; refuse to overwrite one that exists."""
    ensure_folder(path.parent)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise OutputError(f"{display_path(path)}: already exists; choose another name or edit that file") from None
    except OSError as exc:
        raise OutputError(f"{display_path(path)}: cannot write: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    return exc.strerror or str(exc)
