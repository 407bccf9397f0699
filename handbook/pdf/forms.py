"""Drawings made once per process and placed in each PDF as a reusable form (an XObject).

A pose is drawn beside most steps, in the handbook and on hundreds of cards in a batch;
turning its hundred marks into PDF operators costs more than the rest of a card. So the
operators of a drawing of paths and colours are made once per process
on a scratch canvas (`drawing_ops`), and each document defines them once as a form and
shows the form wherever the drawing is placed (`doForm`). `drawing_ops` is only for
drawings without text or images, whose operators name no document resource; a drawing
with them (an SVG file with text) is a form of its document alone (`place_drawn_form`,
reportlab's `beginForm`/`endForm`).

A form of operators (`place_form`) is defined as reportlab's `endForm` defines it, but its
stream's bytes are made once per process too: encoding a pose's operators (reportlab's
`pdfdoc` codec, character by character) and compressing them cost more than drawing the
rest of a card, and a batch of cards repeated that work for every card with the same
result. The bytes are a pure function of the operators and the filters reportlab applies
when the document is written (looked up then, so a setting changed before `save` still
counts); no object is shared between documents, only bytes, so each PDF is byte for byte
what `beginForm`/`endForm` make (`tests/pdf/test_forms.py` compares the two).
"""

from __future__ import annotations

import functools
import io
import weakref
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from handbook.pdf.document import filtered_stream

_DEFINED: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()  # per canvas: its forms


def drawing_ops(draw: Callable[[Canvas], None], width: float, height: float) -> str:
    """The operators `draw` writes on an empty canvas of `width` x `height` (paths and colours only)."""
    scratch = Canvas(io.BytesIO(), pagesize=(width, height))
    draw(scratch)
    return "\n".join(scratch._code)


def place_form(canv: Any, name: str, ops: str, width: float, height: float, x: float, y: float,
               scale: float = 1.0) -> None:
    """Show the form `name` (`ops` in a box of `width` x `height`) with its corner at (x, y),
    enlarged `scale` times, defining it in the canvas's document the first time."""
    defined = _DEFINED.setdefault(canv, set())
    if name not in defined:
        _define(canv, name, ops, width, height)
        defined.add(name)
    _show(canv, name, x, y, scale)


def place_drawn_form(canv: Any, name: str, draw: Callable[[], None], width: float, height: float, x: float,
                     y: float, scale: float = 1.0) -> None:
    """Show the form `name` with its corner at (x, y), enlarged `scale` times; the first time in
    the canvas's document, define it by `draw`ing on the canvas at the origin (text and images
    included: the form belongs to this document)."""
    defined = _DEFINED.setdefault(canv, set())
    if name not in defined:
        canv.beginForm(name, 0, 0, width, height)
        draw()
        canv.endForm()
        defined.add(name)
    _show(canv, name, x, y, scale)


def _show(canv: Any, name: str, x: float, y: float, scale: float) -> None:
    canv.saveState()
    canv.translate(x, y)
    if scale != 1.0:
        canv.scale(scale, scale)
    canv.doForm(name)
    canv.restoreState()


def _define(canv: Any, name: str, ops: str, width: float, height: float) -> None:
    """The form reportlab's `beginForm(name, 0, 0, width, height)`, `ops`, `endForm()` would
    define (reportlab 4.4 to 5.1), with a stream whose filtered bytes are kept per process."""
    form = pdfdoc.PDFFormXObject(0, 0, width, height)
    form.compression = canv._pageCompression
    form.Contents = _KeptStream(canv._preamble, ops)
    # what endForm copies from the canvas's records of the form, which raw operators leave empty
    form.Annots = []
    form._colorsUsed = {}
    form.ExtGState = None
    form.XObjects = None
    canv._doc.addForm(name, form)


class _KeptStream(pdfdoc.PDFStream):
    """A form's stream of the canvas's preamble and `ops`, filtered once per process.

    reportlab's form stream is `"\\n".join([preamble, ops])` in its pdfdoc encoding, filtered
    by the filters set on it when the document is written (compression, perhaps ASCII85).
    """

    def __init__(self, preamble: str, ops: str) -> None:
        super().__init__()
        self.parts = (preamble, ops)
        self.content = b""  # not None: reportlab refuses a stream without content
        self.__Comment__ = "xobject form stream"

    def format(self, document: Any) -> bytes:
        filters: Sequence[Any] | None = self.filters if self.filters is not None else document.defaultStreamFilters
        preamble, ops = self.parts
        if not filters:  # nothing to keep: reportlab's own way
            self.content = pdfdoc.pdfdocEnc(f"{preamble}\n{ops}")
            return super().format(document)
        content = _filtered(preamble, ops, tuple(filters))
        return filtered_stream(content, filters, self.dictionary.dict).format(document)


@functools.lru_cache(maxsize=256)  # a pose's stream is a few kilobytes; lru_cache is safe across threads
def _filtered(preamble: str, ops: str, filters: tuple[Any, ...]) -> bytes:
    """The form stream's bytes: encoded as reportlab encodes it, then filtered, the last filter first."""
    content: bytes = pdfdoc.pdfdocEnc(f"{preamble}\n{ops}")
    for f in reversed(filters):  # as reportlab applies them
        content = f.encode(content)
    return content
