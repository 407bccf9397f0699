"""`handbook build`: validate everything, render the handbook in memory, write it atomically.

Content problems stop the build before anything is written; the PDF is rendered into
memory and only then put on disk with `write_atomic`, so a failed or interrupted build
leaves the previous `handbook.pdf` as it was.

Python's cyclic garbage collector is paused while the content is loaded and laid out:
the build makes about a million small objects that all stay alive until the PDF is
written, and the collector would walk through them a few hundred times for nothing
(about a tenth of the build). Nothing is leaked: it runs again as soon as we are done.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from .book import render_handbook
from .loader import load_content
from .output import ensure_folder, write_atomic

HANDBOOK_FILE = "handbook.pdf"


def build_handbook(content_dir: Path, out_dir: Path, paper: str | None = None) -> tuple[Path, int]:
    """Build `out_dir/handbook.pdf` from `content_dir`; return its path and page count.

    Raises `ContentError` (every content problem) or `OutputError` (one line).
    """
    with collector_paused():
        content = load_content(content_dir)
        ensure_folder(out_dir)  # an unusable --out fails before the work of rendering
        rendered = render_handbook(content, paper)
    path = out_dir / HANDBOOK_FILE
    write_atomic(path, rendered.data)
    return path, rendered.pages


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (reference counting still frees memory)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
