"""`handbook build`: validate everything, render the handbook in memory, write it atomically.

Content problems stop the build before anything is written; the PDF is rendered into
memory and only then put on disk with `write_together`, so a failed or interrupted build
leaves the previous `handbook.pdf` as it was.

With `booklet`, the handbook is laid out a second time on its own booklet page (A5 for
an A4 book, half-letter for Letter), at the same type sizes, ending with notes pages and
a back cover so that its pages are a multiple of four, and imposed two pages to a sheet
side in saddle-stitch order (`impose.booklet`): `handbook-booklet.pdf`. Both are
rendered before either is written. Large print gets its own names (`handbook-large.pdf`,
`handbook-large-booklet.pdf`), so it never replaces the normal print.

Python's cyclic garbage collector is paused while the content is loaded and laid out:
the build makes about a million small objects that all stay alive until the PDF is
written, and the collector would walk through them a few hundred times for nothing
(about a tenth of the build). Nothing is leaked: it runs again as soon as we are done.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.commands.printing import load_for_print
from handbook.commands.qrcodes import made_meanwhile
from handbook.output.files import ensure_folder, write_together

SHEET_NAMES = {"a5": ("A5", "A4"), "half-letter": ("half-letter", "Letter")}  # a booklet's page, its sheet


def handbook_file(large_print: bool = False, booklet: bool = False) -> str:
    """``handbook.pdf``, ``handbook-large.pdf``, ``handbook-booklet.pdf``, ``handbook-large-booklet.pdf``."""
    return f"handbook{'-large' if large_print else ''}{'-booklet' if booklet else ''}.pdf"


@dataclass(frozen=True)
class Written:
    """A file the build wrote, and what is in it (for the `wrote ...` line)."""

    path: Path
    pages: int
    summary: str  # "45 pages"


def build_handbook(content_dir: Path, out_dir: Path, paper: str | None = None, *, language: str | None = None,
                   large_print: bool = False, booklet: bool = False,
                   warn: Callable[[str], None] | None = None) -> list[Written]:
    """Build the handbook (and with `booklet`, the booklet) from `content_dir` into `out_dir`.

    `language` replaces the book's language for every printed label (`warn` is told when it is
    not the content's own). Raises
    `ContentError` (every content problem) or `OutputError` (one line).
    """
    with collector_paused():
        with made_meanwhile(content_dir):  # the QR codes of the links, on the core that reading leaves idle
            content = load_for_print(content_dir, language, warn)
        from handbook.layout.book.story import (
            render_handbook,  # here: reportlab is not needed before the content is valid
        )
        from handbook.layout.styles import HALF_PAPER

        ensure_folder(out_dir)  # an unusable --out fails before the work of rendering
        paper = paper or content.book.paper
        rendered = render_handbook(content, paper, large_print)
        files = [(out_dir / handbook_file(large_print), rendered.data,
                  Written(out_dir / handbook_file(large_print), rendered.pages, _plural(rendered.pages, "page")))]
        if booklet:
            from handbook.output import impose  # here: it imports pypdf (80 ms, 13 MB) that a plain build never needs

            page = HALF_PAPER[paper]
            small = render_handbook(content, page, large_print, booklet=True)
            path = out_dir / handbook_file(large_print, booklet=True)
            sides = len(impose.booklet_order(small.pages))
            files.append((path, impose.booklet(small.data, page), Written(path, sides, _booklet(small.pages, page))))
    write_together([(path, data) for path, data, _ in files])
    return [written for _, _, written in files]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _booklet(pages: int, page: str) -> str:
    """``52 A5 pages on 13 A4 sheets, printed on both sides`` (blank pages that pad it to a multiple of 4 named:
    there are none, as the booklet ends with notes pages and its back cover, but a page count is never hidden)."""
    page_name, sheet_name = SHEET_NAMES[page]
    padded = -(-pages // 4) * 4
    blank = f" and {padded - pages} blank" if padded > pages else ""
    return (f"{pages} {page_name} pages{blank} on {_plural(padded // 4, sheet_name + ' sheet')}, "
            "printed on both sides; fold and staple")


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
