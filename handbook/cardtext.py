"""Measuring and breaking card text into lines, and the `TextBlock` flowable that draws it.

A card is rendered many hundreds of times in a batch, and reportlab's `Paragraph` spends
most of its time parsing markup we do not need. Card text is plain: a few runs of regular
or bold type, sometimes of two sizes on one line (the dose strip). So we measure words
with the embedded font's own advance widths (the same numbers reportlab uses when it
draws, so what we measure is what is printed) and break lines greedily on spaces.

No markup is ever interpreted here: user text is drawn as it is, so nothing needs escaping.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus.flowables import Flowable

ASCENT = 0.75  # of the font size, from Source Sans Pro's metrics
DESCENT = 0.25
_EPSILON = 0.01


@dataclass(frozen=True)
class Piece:
    """Text in one font at one size, drawn without breaking."""

    text: str
    font: str
    size: float


Word = tuple[Piece, ...]  # pieces drawn next to each other, e.g. a bold number and its unit
Unit = tuple[Word, ...]  # words joined by spaces that do not break (one dose item)


@dataclass(frozen=True)
class Placed:
    """A piece of a line at its distance from the left edge."""

    x: float
    piece: Piece


@dataclass(frozen=True)
class Line:
    """One line of text: its pieces, its height (leading) and its baseline from its top."""

    pieces: tuple[Placed, ...]
    height: float
    baseline: float
    width: float


@functools.cache
def _widths(font: str) -> tuple[dict[int, int], int, frozenset[int]]:
    face = pdfmetrics.getFont(font).face
    return face.charWidths, face.defaultWidth, frozenset(face.charToGlyph)


@functools.lru_cache(maxsize=1 << 16)
def _units(text: str, font: str) -> float:
    table, default, _ = _widths(font)
    return float(sum(table.get(ord(c), default) for c in text))


def text_width(text: str, font: str, size: float) -> float:
    """The printed width of `text` in points."""
    return _units(text, font) * size / 1000.0


def missing_glyphs(text: str, font: str) -> str:
    """The characters of `text` that `font` has no glyph for, in order, each once."""
    _, _, known = _widths(font)
    seen: dict[str, None] = {}
    for char in text:
        if not char.isspace() and ord(char) not in known:
            seen[char] = None
    return "".join(seen)


def words_of(text: str, font: str, size: float) -> list[Unit]:
    """Plain text as units of one word each: a space between any two of them may break."""
    return [((Piece(word, font, size),),) for word in text.split()]


def _word_width(word: Word) -> float:
    return sum(text_width(p.text, p.font, p.size) for p in word)


def _space(word: Word) -> float:
    first = word[0]
    return text_width(" ", first.font, first.size)


def break_lines(units: Sequence[Unit], width: float, ratio: float) -> list[Line]:
    """Break units into lines no wider than `width`; `ratio` is leading / font size.

    Units go whole onto a line when they fit; a unit wider than a line breaks at its own
    spaces, and a word wider than a line (a long web address) between its characters.
    """
    lines: list[Line] = []
    current: list[Placed] = []
    x = 0.0

    def flush() -> None:
        nonlocal current, x
        if current:
            lines.append(_line(current, x, ratio))
        current, x = [], 0.0

    def place(word: Word, gap: float) -> None:
        nonlocal x
        for index, piece in enumerate(word):
            joint = " " if gap and index == 0 else ""  # the space is printed, so text extracts with it
            last = current[-1] if current else None
            if last and last.piece.font == piece.font and last.piece.size == piece.size:
                current[-1] = Placed(last.x, Piece(last.piece.text + joint + piece.text, piece.font, piece.size))
            else:
                current.append(Placed(x, Piece(joint + piece.text, piece.font, piece.size)))
            x += text_width(joint + piece.text, piece.font, piece.size)

    for unit in units:
        if len(unit) == 1 and len(unit[0]) == 1:  # the common case: one word in one font
            only = unit[0][0]
            unit_width = _units(only.text, only.font) * only.size / 1000.0
        else:
            unit_width = sum(_word_width(w) for w in unit) + sum(_space(w) for w in unit[1:])
        gap = _space(unit[0]) if current else 0.0
        if current and x + gap + unit_width > width + _EPSILON:
            flush()
            gap = 0.0
        if unit_width <= width + _EPSILON:
            for index, word in enumerate(unit):
                place(word, gap if index == 0 else _space(word))
            continue
        for word in unit:  # too wide for any line: break it word by word
            gap = _space(word) if current else 0.0
            word_width = _word_width(word)
            if current and x + gap + word_width > width + _EPSILON:
                flush()
                gap = 0.0
            if word_width <= width + _EPSILON:
                place(word, gap)
                continue
            for piece in word:
                for char in piece.text:
                    char_width = text_width(char, piece.font, piece.size)
                    if current and x + char_width > width + _EPSILON:
                        flush()
                    place((Piece(char, piece.font, piece.size),), 0.0)
    flush()
    return lines


def _line(placed: list[Placed], width: float, ratio: float) -> Line:
    size = max(p.piece.size for p in placed)
    height = size * ratio
    baseline = (height - size * (ASCENT + DESCENT)) / 2 + size * ASCENT
    return Line(tuple(placed), height, baseline, width)


def draw_lines(canv: object, lines: Sequence[Line], x: float, top: float, align: str = "left",
               width: float = 0.0) -> None:
    """Draw lines from `top` downwards (PDF y grows upwards); centred within `width` if asked.

    One text object for all the lines: one BT/ET pair, the font set only when it changes.
    """
    text = canv.beginText()  # type: ignore[attr-defined]
    font: tuple[str, float] | None = None
    y = top
    for line in lines:
        shift = (width - line.width) / 2 if align == "center" else 0.0
        for placed in line.pieces:
            piece = placed.piece
            if font != (piece.font, piece.size):
                font = (piece.font, piece.size)
                text.setFont(piece.font, piece.size)
            text.setTextOrigin(x + shift + placed.x, y - line.baseline)
            text.textOut(piece.text)
        y -= line.height
    canv.drawText(text)  # type: ignore[attr-defined]


class TextBlock(Flowable):  # type: ignore[misc]
    """Left-aligned (or centred) text in one style, with an optional hanging label.

    Wraps: greedy line breaking on spaces (`break_lines`) at the width it is given, less
    the label's indent; its height is the sum of its line heights. Draws: one string per
    run of one font on each line, black; the label ("3", a bullet) on the first line.
    Splits: never. A card is one page and its fit is decided before anything is drawn,
    so `split` returns [] and a block that is too tall is the fit's problem, not ours.
    """

    def __init__(self, units: Sequence[Unit], style: ParagraphStyle, label: Piece | None = None,
                 indent: float = 0.0, align: str = "left") -> None:
        super().__init__()
        self.units = units
        self.style = style
        self.label = label
        self.indent = indent if label is not None or indent else 0.0
        self.align = align
        self.lines: list[Line] = []
        self._wrapped_at = -1.0

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle, **options: object) -> TextBlock:
        """A block of plain text in the style's own font and size."""
        return cls(words_of(text, style.fontName, style.fontSize), style, **options)  # type: ignore[arg-type]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._wrapped_at:
            ratio = self.style.leading / self.style.fontSize
            self.lines = break_lines(self.units, availWidth - self.indent, ratio)
            self._wrapped_at = availWidth
        self.width = availWidth
        self.height = sum(line.height for line in self.lines) + self.style.spaceAfter
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        top = self.height - self.style.spaceAfter
        if self.label is not None and self.lines:
            first = self.lines[0]
            self.canv.setFont(self.label.font, self.label.size)
            self.canv.drawString(0, top - first.baseline, self.label.text)
        draw_lines(self.canv, self.lines, self.indent, top, self.align, self.width - self.indent)
