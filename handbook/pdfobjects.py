"""Link annotations to places in the handbook, written directly instead of through reportlab's dictionaries.

A handbook of 200 routines has about 1,400 internal links (contents entries and "see
the routine" references). reportlab's `linkRect` makes each one a `LinkAnnotation`,
which at save time builds a dictionary of PDF objects and formats every key and number
of it, and formats the destination again for every link to the same place: about a
tenth of the time spent writing the file. `link_to_place` adds the same annotation
(same keys, same destination, no border) whose bytes are made in one step, with each
destination formatted once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from .pdftext import num


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Streams compressed but not ASCII85-encoded while a PDF is made: smaller files, and no
    pure-Python base-85 encoding (about 2 ms a card). reportlab keeps this setting
    globally, so it is restored afterwards."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


class PlaceLink(pdfdoc.LinkAnnotation):
    """A borderless link over `rect` (absolute page coordinates) to a named place."""

    def __init__(self, rect: tuple[float, float, float, float], destination: Any,
                 formatted: dict[int, tuple[Any, bytes]]) -> None:
        super().__init__(Rect=rect, Contents="", Destination=destination, Border="[ 0 0 0 ]")
        self.formatted = formatted  # per document: id(destination) -> (destination, its bytes)

    def format(self, document: Any) -> bytes:
        entry = self.formatted.get(id(self.Destination))
        if entry is None:
            entry = self.formatted[id(self.Destination)] = (self.Destination, self.Destination.format(document))
        rect = " ".join(map(num, self.Rect)).encode("ascii")
        return (b"<<\n/Border [ 0 0 0 ] /Contents () /Dest " + entry[1] + b" /Rect [ " + rect
                + b" ] /Subtype /Link /Type /Annot\n>>")


def link_to_place(canv: Any, key: str, rect: tuple[float, float, float, float]) -> None:
    """Link `rect` (in the current user space, unrotated) to the place named `key`, as `canv.linkRect` does."""
    x0, y0 = canv.absolutePosition(rect[0], rect[1])
    x1, y1 = canv.absolutePosition(rect[2], rect[3])
    formatted = canv.__dict__.setdefault("_handbook_destinations", {})
    annotation = PlaceLink((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)), canv._bookmarkReference(key),
                           formatted)
    canv._addAnnotation(annotation)
