"""Card drawing below reportlab's public API: the operators its canvas and text object write, written at once.

A card is drawn many hundreds of times in a batch, with a few hundred strings, boxes and
rules each; reportlab's general-purpose calls (`beginText`, `drawString`, `rect`,
`line`, `translate`) keep state and format every number on each call, and cost more
than the rest of the card. These functions append the very operators those calls write
to the page's content, with the numbers and escaped strings that recur on every card
kept. The tests compare them with reportlab's own output (tests/layout/card/test_text.py), so
a reportlab release that writes otherwise fails there first; `handbook.pdf` refuses an
untested reportlab release.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics


def draw_lines(canv: Any, lines: Sequence[Any], x: float, top: float, align: str = "left",
               width: float = 0.0) -> None:
    """Draw lines from `top` downwards (PDF y grows upwards); centred or to the right within `width` if asked.

    One text object for all the lines: one BT/ET pair, the font set only when it changes.
    The operators are the ones reportlab's text object (`beginText`, `setFont`,
    `setTextOrigin`, `textOut`) writes, put together here without its per-call
    bookkeeping; text that is plain ASCII (almost all of a card) is escaped once per
    string, other text goes through the font's own per-document subset (`splitString`).
    """
    doc = canv._doc
    code = ["BT 1 0 0 1 0 0 Tm"]  # what beginText() writes for its origin
    font: tuple[str, float] | None = None
    size_operators = ""
    subset = -1
    y = top
    for line in lines:
        shift = {"center": (width - line.width) / 2, "right": width - line.width}.get(align, 0.0)
        for placed in line.pieces:
            piece = placed.piece
            if font != (piece.font, piece.size):
                font = (piece.font, piece.size)
                size_operators = _size_operators(piece.size)
                subset = -1  # what the text object's setFont does: the font is named again
            code.append(f"1 0 0 1 {_fp(x + shift + placed.x)} {_fp(y - line.baseline)} Tm")
            shown, subset = _shown(piece.text, piece.font, doc, subset, size_operators)
            code.append(shown)
        y -= line.height
    code.append("ET")
    canv._code.append(" ".join(code))


def draw_string(canv: Any, x: float, y: float, text: str, centred: bool = False) -> None:
    """What `canv.drawString(x, y, text)` writes (or `drawCentredString`, centred on x), in the
    canvas's current font: one text object with the text on one line."""
    font, size = canv._fontname, canv._fontsize
    if centred:
        x -= 0.5 * _string_width(text, font, size)
    shown, _ = _shown(text, font, canv._doc, -1, f"{_fp(size)} Tf {_fp(canv._leading)} TL")
    canv._code.append(f"BT 1 0 0 1 {_fp(x)} {_fp(y)} Tm {shown} T* ET")


def _shown(text: str, font: str, doc: Any, subset: int, size_operators: str) -> tuple[str, int]:
    """The operators that show `text`, naming the font (subset) again when it changes, as
    reportlab's `_formatText` does; and the subset the text ends in."""
    face = pdfmetrics.getFont(font)
    plain = _plain_ascii(text, font)
    chunks = [(0, plain)] if plain is not None else [
        (number, escapePDF(chars)) for number, chars in face.splitString(text, doc)]
    shown = []
    for number, chars in chunks:
        if number != subset:
            shown.append(f"{face.getSubsetInternalName(number, doc)} {size_operators}")
            subset = number
        shown.append(f"({chars}) Tj")
    return " ".join(shown), subset


def stroke_rect(canv: Any, x: float, y: float, width: float, height: float) -> None:
    """What `canv.rect(x, y, width, height, stroke=1, fill=0)` writes."""
    canv._code.append(f"n {_fp(x)} {_fp(y)} {_fp(width)} {_fp(height)} re S")


def stroke_line(canv: Any, x1: float, y1: float, x2: float, y2: float) -> None:
    """What `canv.line(x1, y1, x2, y2)` writes."""
    canv._code.append(f"n {_fp(x1)} {_fp(y1)} m {_fp(x2)} {_fp(y2)} l S")


@functools.lru_cache(maxsize=1 << 13)
def _fp(value: float) -> str:
    """A number as reportlab writes it (`fp_str`), kept: most of a card's text and lines sit at
    the same places on every card. (`fp_str(a, b)` is `_fp(a) + " " + _fp(b)`.)"""
    return str(fp_str(value))


@functools.lru_cache(maxsize=1 << 10)
def _string_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))  # reportlab's own sum, as drawCentredString uses


@functools.lru_cache(maxsize=64)
def _size_operators(size: float) -> str:
    """The size and leading operators reportlab writes after a font's name (leading: 1.2 x size)."""
    return f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"


@functools.cache
def _ascii_glyphs(font: str) -> frozenset[str]:
    """The ASCII characters a font prints as themselves in subset 0 (reportlab's `asciiReadable`)."""
    face = pdfmetrics.getFont(font)
    if not getattr(face, "_asciiReadable", False):
        return frozenset()
    return frozenset(chr(code) for code in range(32, 127) if code in face.face.charToGlyph)


@functools.lru_cache(maxsize=2048)
def _plain_ascii(text: str, font: str) -> str | None:
    """`text` escaped for a PDF string when every character is printed as itself, else None."""
    if not text or not text.isascii() or not _ascii_glyphs(font).issuperset(text):
        return None  # "" too: reportlab writes nothing for it, not even the font
    return text.translate(_ESCAPE_PRINTABLE)  # escapePDF of printable ASCII: only \\ ( ) change


_ESCAPE_PRINTABLE = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})


def translate(canvas: Any, x: float, y: float) -> None:
    """What `canvas.translate(x, y)` writes right after `saveState` (never merged into an earlier "cm")."""
    a, b, c, d, e, f = canvas._currentMatrix  # what translate keeps track of
    canvas._currentMatrix = (a, b, c, d, a * x + c * y + e, b * x + d * y + f)
    canvas._code.append(f"1 0 0 1 {_fp(x)} {_fp(y)} cm")
