"""Text on a PDF page without reportlab's text objects: word widths, subset encoding, operators.

The handbook draws some 30,000 lines of text. reportlab's text object measures with a
Python loop over the characters, formats every number through a pure-Python routine,
and sends every string through its TrueType subset encoder and PDF escaper, character
by character. Here the same results come cheaper:

- widths: a word's advance width (1/1000 em, the font's own table, summed in the same
  order as reportlab's `stringWidth`, so equal to the bit) is measured once per face for
  the whole process;
- encoding: reportlab's subset 0 of a TrueType face maps printable ASCII to itself
  (`ttfAsciiReadable`, checked per document), so an ASCII line is its own encoding and
  needs only `\\`, `(` and `)` escaped; any other line goes through the font's own
  `splitString`, which assigns subset codes exactly as reportlab would;
- numbers: at most 4 decimals (1/10000 pt), no exponent.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics

_PRINTABLE = "".join(map(chr, range(32, 127)))
_BYTE_ESCAPES = {c: (f"\\{c:03o}" if c < 32 or c > 126 else chr(c)) for c in range(256)} | {
    ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"}


def num(value: float) -> str:
    """A number for the content stream: 4 decimals at most, no exponent (1/10000 pt is invisible)."""
    return repr(round(value, 4))


def escaped(text: str) -> str:
    """ASCII text as the inside of a PDF string."""
    if "(" in text or ")" in text or "\\" in text:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text


class Face:
    """A registered TrueType face: its advance widths (1/1000 em) and the width of every word seen."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.font = pdfmetrics.getFont(name)
        self.chars = self.font.face.charWidths
        self.default = self.font.face.defaultWidth
        self.words: dict[str, float] = {}  # word -> width at 1000 pt

    def units(self, word: str) -> float:
        """The width of `word` at 1000 pt: summed like reportlab's `stringWidth`, so equal to the bit."""
        units = self.words.get(word)
        if units is None:
            get, default = self.chars.get, self.default
            units = self.words[word] = sum([get(code, default) for code in map(ord, word)])
        return units


_FACES: dict[str, Face] = {}


def face(name: str) -> Face:
    """The measured face called `name` (registered with reportlab first)."""
    found = _FACES.get(name)
    if found is None or found.font is not pdfmetrics.getFont(name):
        found = _FACES[name] = Face(name)
    return found


def text_width(text: str, font: str, size: float) -> float:
    """The printed width of `text`, as reportlab's `stringWidth` gives it (cached per word and face)."""
    return 0.001 * size * face(font).units(text)


class Shown:
    """One face in one document: the resource name of its subset 0, and how to encode text for it."""

    def __init__(self, canv: Any, name: str) -> None:
        font = pdfmetrics.getFont(name)
        if not hasattr(font, "splitString"):
            raise TypeError(f"{name}: the handbook only draws embedded TrueType fonts")
        doc = canv._doc
        self.font = font
        self.doc = doc
        self.subset0 = font.getSubsetInternalName(0, doc)  # also registers the face with the document
        self.ascii = font.splitString(_PRINTABLE, doc) == [(0, _PRINTABLE.encode("ascii"))]
        self.cache: dict[tuple[str, str], str] = {}

    def show(self, text: str, tf: str, current: int, ops: list[str]) -> int:
        """Append the operators that print `text`; `tf` is " SIZE Tf LEADING TL". Returns the subset in use."""
        if self.ascii and text.isascii() and text.isprintable():
            if current != 0:
                ops.append(self.subset0 + tf)
                current = 0
            ops.append(f"({escaped(text)}) Tj")
            return current
        for subset, data in self.font.splitString(text, self.doc):
            if subset != current:
                ops.append(self.font.getSubsetInternalName(subset, self.doc) + tf)
                current = subset
            ops.append("(" + "".join([_BYTE_ESCAPES[b] for b in data]) + ") Tj")
        return current

    def once(self, text: str, tf: str) -> str:
        """The operators that select the face and print `text` (a bullet: the same many times over)."""
        key = (text, tf)
        ops = self.cache.get(key)
        if ops is None:
            parts: list[str] = []
            self.show(text, tf, -1, parts)
            ops = self.cache[key] = " ".join(parts)
        return ops


def shown(canv: Any, name: str) -> Shown:
    """The face `name` as drawn on `canv`'s document."""
    fonts: dict[str, Shown] = canv.__dict__.setdefault("_handbook_shown", {})
    found = fonts.get(name)
    if found is None:
        found = fonts[name] = Shown(canv, name)
    return found


def line_ops(canv: Any, text: str, font: str, size: float, x: float, y: float) -> str:
    """The operators that print one line of `text` with its baseline starting at (x, y)."""
    tf = f" {num(size)} Tf {num(1.2 * size)} TL"
    return f"BT 1 0 0 1 {num(x)} {num(y)} Tm {shown(canv, font).once(text, tf)} ET"


_COLOURS: dict[tuple[float, ...], str] = {}


def fill_colour(colour: Any) -> str:
    """The `rg` operator for a reportlab colour (an RGB one: the handbook prints black and grey)."""
    rgb = tuple(colour.rgb())
    ops = _COLOURS.get(rgb)
    if ops is None:
        ops = _COLOURS[rgb] = " ".join(map(num, rgb)) + " rg"
    return ops


def stroke_colour(colour: Any) -> str:
    """The `RG` operator for a reportlab colour."""
    return fill_colour(colour)[:-2] + "RG"
