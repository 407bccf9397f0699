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

from collections.abc import Sequence
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


def write_ops(canv: Any, ops: str) -> None:
    """Append operators to the page's content, where the canvas's own calls write theirs."""
    canv._code.append(ops)


_COLOURS: dict[tuple[float, ...], str] = {}


def fill_colour(colour: Any) -> str:
    """The `rg` operator for a reportlab colour (an RGB one: the handbook prints black and grey)."""
    rgb = tuple(colour.rgb())
    ops = _COLOURS.get(rgb)
    if ops is None:
        ops = _COLOURS[rgb] = " ".join(map(num, rgb)) + " rg"
    return ops


LinkSpan = tuple[str, float, float, int]  # URL, from and to (from the line's start), line number


def plain_lines(canv: Any, ops: list[str], lines: Sequence[tuple[float, list[str]]], font: str, size: float,
                tf: str, offset: float, link: str | None) -> list[LinkSpan]:
    """Append the operators of lines of words in one face (inside BT, at the first baseline).

    `tf`: " SIZE Tf LEADING TL"; `offset`: how far a bullet pushes the first line right;
    a line with less than no room left is squeezed with word spacing (reportlab's 5 %).
    Returns where the link (if any) lies on each line.
    """
    face_shown = shown(canv, font)
    ascii_readable = face_shown.ascii
    ops.append(face_shown.subset0 + tf)
    current = 0
    for index, (extra, words) in enumerate(lines):
        text = " ".join(words)
        special = (index == 0 and offset) or extra < -1e-8
        if not special and current == 0 and ascii_readable and text.isascii() and text.isprintable():
            ops.append(f"({escaped(text)}) Tj T*")  # the usual line
            continue
        if index == 0 and offset:
            ops.append(f"{num(offset)} 0 Td")
        squeeze = extra < -1e-8 and len(words) > 1
        if squeeze:
            ops.append(f"{num(extra / (len(words) - 1))} Tw")
        current = face_shown.show(text, tf, current, ops)
        ops.append("T*")
        if squeeze:
            ops.append("0 Tw")
        if index == 0 and offset:
            ops.append(f"{num(-offset)} 0 Td")
    if not link:
        return []
    scale = 0.001 * size
    units = face(font).units
    spans = []
    for index, (_, words) in enumerate(lines):
        start = offset if index == 0 else 0.0
        spans.append((link, start, start + scale * units(" ".join(words)), index))
    return spans


def rich_lines(canv: Any, ops: list[str], lines: Sequence[tuple[float, list[Any]]], size: float, tf: str,
               offset: float) -> list[LinkSpan]:
    """`plain_lines` for words made of pieces (font, text, link) in several faces.

    Pieces in the same face next to each other are printed as one string, with the space
    after a word in the face of the word before it, as it was measured.
    """
    scale = 0.001 * size
    spans: list[LinkSpan] = []
    current_font, current = "", -1
    for index, (extra, words) in enumerate(lines):
        if index == 0 and offset:
            ops.append(f"{num(offset)} 0 Td")
        squeeze = extra < -1e-8 and len(words) > 1
        if squeeze:
            ops.append(f"{num(extra / (len(words) - 1))} Tw")
        runs: list[list[Any]] = []  # [font, text, link] with the spaces that follow in that face
        for number, word in enumerate(words):
            for font, text, link in word:
                if runs and runs[-1][0] == font and runs[-1][2] == link:
                    runs[-1][1] += text
                else:
                    runs.append([font, text, link])
            if number < len(words) - 1:
                runs[-1][1] += " "
        x = offset if index == 0 else 0.0
        for font, text, link in runs:
            if font != current_font:
                current_font, current = font, -1
            current = shown(canv, font).show(text, tf, current, ops)
            measured = face(font)
            if link:
                spans.append((link, x, x + scale * measured.units(text.rstrip(" ")), index))
            x += scale * measured.units(text)
        ops.append("T*")
        if squeeze:
            ops.append("0 Tw")
        if index == 0 and offset:
            ops.append(f"{num(-offset)} 0 Td")
    return spans
