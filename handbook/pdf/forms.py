"""Drawings made once per process and placed in each PDF as a reusable form (an XObject).

A pose is drawn beside most steps, in the handbook and on hundreds of cards in a batch;
turning its shapes into PDF operators (reportlab's `renderPDF`) costs more than the rest
of a card. So the operators of a drawing of paths and colours are made once per process
on a scratch canvas (`drawing_ops`), and each document defines them once as a form
(`beginForm`/`endForm`) and shows the form wherever the drawing is placed (`doForm`).
`drawing_ops` is only for drawings without text or images, whose operators name no
document resource; a drawing with them (an SVG file) is a form of its document alone
(`place_drawn_form`).
"""

from __future__ import annotations

import io
import weakref
from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

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
    place_drawn_form(canv, name, lambda: canv._code.append(ops), width, height, x, y, scale)


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
    canv.saveState()
    canv.translate(x, y)
    if scale != 1.0:
        canv.scale(scale, scale)
    canv.doForm(name)
    canv.restoreState()
