"""Measuring and breaking card text into lines, and the `TextBlock` flowable that draws it.

A card is rendered many hundreds of times in a batch, and reportlab's `Paragraph` spends
most of its time parsing markup we do not need. Card text is plain: a few runs of regular
or bold type, sometimes of two sizes on one line (the dose strip). So we measure words
with the embedded font's own advance widths (the same numbers reportlab uses when it
draws, so what we measure is what is printed) and break lines with the engine the
handbook uses (`handbook.layout.text.break_lines`), with no space shrinkage.

Drawing writes the PDF operators that reportlab's canvas and text object write for the
same calls (`handbook.pdf.cardops`: a card has a few hundred such calls, and reportlab's
general-purpose versions cost more than the rest of the drawing).

No markup is ever interpreted here: user text is drawn as it is, so nothing needs escaping.
"""

from __future__ import annotations

import contextlib
import functools
import math
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, NamedTuple

from reportlab.lib.styles import ParagraphStyle

from handbook.layout import text
from handbook.pdf.cardops import draw_lines, draw_string, translate
from handbook.pdf.text import face, text_width

ASCENT = 0.75  # of the font size, from Source Sans Pro's metrics
TALL = 10_000.0  # the height a part is wrapped in to find where to cut it: never less than it needs
DESCENT = 0.25
_EPSILON = 0.01


class Piece(NamedTuple):
    """Text in one font at one size, drawn without breaking.

    Named tuples, this and the two below: a card makes and compares thousands of them while it
    is fitted, and a tuple is made and hashed several times faster than a frozen dataclass.
    """

    text: str
    font: str
    size: float


Word = tuple[Piece, ...]  # pieces drawn next to each other, e.g. a bold number and its unit
Unit = tuple[Word, ...]  # words joined by spaces that do not break (one dose item)


class Placed(NamedTuple):
    """A piece of a line at its distance from the left edge."""

    x: float
    piece: Piece


class Line(NamedTuple):
    """One line of text: its pieces, its height (leading) and its baseline from its top."""

    pieces: tuple[Placed, ...]
    height: float
    baseline: float
    width: float


@functools.lru_cache(maxsize=1 << 16)
def _units(text: str, font: str) -> float:
    """The width of `text` at 1000 pt (the font's own advance widths, summed as reportlab sums them);
    kept: a card is fitted by trying layouts, and measures the same words for each."""
    return face(font).units(text)


def words_of(text: str, font: str, size: float) -> list[Unit]:
    """Plain text as units of one word each: a space between any two of them may break."""
    return list(_words(text, font, size))


@functools.lru_cache(maxsize=512)
def _words(text: str, font: str, size: float) -> tuple[Unit, ...]:
    # A card is fitted by trying layouts, and builds its lists again for each: split once
    # (a few hundred: the texts of the card at hand; the next card has others)
    return tuple(((Piece(word, font, size),),) for word in text.split())


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
    return list(_broken(tuple(units), width, ratio))


KEPT_TEXTS = 4096  # texts whose lines are kept (a card has about fifty)
_KEPT: OrderedDict[tuple[tuple[Unit, ...], float], list[tuple[float, float, tuple[Line, ...]]]] = OrderedDict()


def _broken(units: tuple[Unit, ...], width: float, ratio: float) -> tuple[Line, ...]:
    """`break_lines`, kept: fitting a card tries several layouts, which break the same text at
    many widths, and most of those widths give lines that another already gave. So each result is
    kept with the range of widths that give the same lines (`text.width_range`; lines are
    immutable, so they are shared), and only a width outside all of them is broken anew.
    """
    key = (units, ratio)
    kept = _KEPT.get(key)
    if kept is None:
        kept = _KEPT[key] = []
        if len(_KEPT) > KEPT_TEXTS:
            with contextlib.suppress(KeyError):  # another thread (`handbook serve`) took it first
                _KEPT.popitem(last=False)
    else:
        with contextlib.suppress(KeyError):  # another thread let it go meanwhile: it is still good here
            _KEPT.move_to_end(key)
        for low, high, lines in tuple(kept):
            if low <= width < high:
                return lines
    simple = _break_words(units, width, ratio)
    if simple is None:  # the general case: kept for this width alone
        lines = tuple(_break_any(units, width, ratio))
        kept.append((width, math.nextafter(width, math.inf), lines))
        return lines
    lines, (low, high) = tuple(simple[0]), simple[1]
    kept.append((low, high, lines))
    return lines


def _break_any(units: Sequence[Unit], width: float, ratio: float) -> list[Line]:
    """`break_lines` for any text: units of several words and fonts, words wider than a line.

    A unit that fits a line is one item for the engine; a unit wider than a line is broken
    into its words, and a word wider than a line into its characters, each starting a new
    line (a gap no line can hold) and joined without spaces.
    """
    groups: list[list[tuple[Word, float]]] = []  # per engine item: its words (or a character), each with its gap
    widths: list[float | None] = []
    gaps: list[float] = []

    def add(group: list[tuple[Word, float]], item_width: float, gap: float) -> None:
        groups.append(group)
        widths.append(item_width)
        gaps.append(gap)

    for unit in units:
        if len(unit) == 1 and len(unit[0]) == 1:  # the common case: one word in one font
            only = unit[0][0]
            unit_width = 0.001 * only.size * _units(only.text, only.font)
        else:
            unit_width = sum(_word_width(w) for w in unit) + sum(_space(w) for w in unit[1:])
        if unit_width <= width + _EPSILON:
            add([(word, _space(word)) for word in unit], unit_width, _space(unit[0]))
            continue
        for word in unit:  # too wide for any line: break it word by word
            word_width = _word_width(word)
            if word_width <= width + _EPSILON:
                add([(word, _space(word))], word_width, _space(word))
                continue
            gap = math.inf  # a word wider than a line starts its own line, then breaks between its characters
            for piece in word:
                for char in piece.text:
                    char_piece = Piece(char, piece.font, piece.size)
                    add([((char_piece,), 0.0)], text_width(char, piece.font, piece.size), gap)
                    gap = 0.0
    spans = text.break_lines(widths, gaps, width, width, slack=_EPSILON, overflow=True) or []
    lines: list[Line] = []
    for span in spans:
        current: list[Placed] = []
        x = 0.0
        for number in range(span.start, span.stop):
            for index, (word, gap) in enumerate(groups[number]):
                spaced = bool(gap) and gap != math.inf and (index > 0 or number > span.start)
                for position, piece in enumerate(word):
                    joint = " " if spaced and position == 0 else ""  # the space is printed, so text extracts with it
                    last = current[-1] if current else None
                    if last and last.piece.font == piece.font and last.piece.size == piece.size:
                        current[-1] = Placed(last.x, Piece(last.piece.text + joint + piece.text, piece.font,
                                                           piece.size))
                    else:
                        current.append(Placed(x, Piece(joint + piece.text, piece.font, piece.size)))
                    x += text_width(joint + piece.text, piece.font, piece.size)
        if current:
            lines.append(_line(current, x, ratio))
    return lines


def _break_words(units: Sequence[Unit], width: float, ratio: float) -> tuple[list[Line], tuple[float, float]] | None:
    """`break_lines` for the usual text, by the shared engine (`handbook.layout.text`): every
    unit one word in one font, none wider than a line, a space before each as wide as in its
    own font. A run of words in one font becomes one piece per line. None when the text is
    not of that kind (the general case handles it). With the lines, the range of widths that
    give the same lines.
    """
    pieces = []
    for unit in units:
        if len(unit) != 1 or len(unit[0]) != 1:
            return None
        pieces.append(unit[0][0])
    spaces = [_units(" ", piece.font) for piece in pieces]
    if any(not space for space in spaces[1:]):
        return None  # a space of no width is not printed; the general case knows
    wide = [_units(piece.text, piece.font) for piece in pieces]
    widths = [0.001 * piece.size * units_wide for piece, units_wide in zip(pieces, wide, strict=True)]
    gaps = [0.001 * piece.size * space for piece, space in zip(pieces, spaces, strict=True)]
    spans = text.break_lines(widths, gaps, width, width, slack=_EPSILON)
    if spans is None:
        return None
    lines = []
    for span in spans:
        runs: list[tuple[float, str, float, list[str]]] = []  # x, font, size, texts of the pieces on the line
        x = 0.0
        for index in range(span.start, span.stop):
            piece = pieces[index]
            if not runs:
                runs.append((x, piece.font, piece.size, [piece.text]))
                x += widths[index]
                continue
            last = runs[-1]
            if last[1] == piece.font and last[2] == piece.size:
                last[3].append(" " + piece.text)
            else:
                runs.append((x, piece.font, piece.size, [" " + piece.text]))
            x += 0.001 * piece.size * (spaces[index] + wide[index])  # as _units(" " + text) sums it
        lines.append(_line_of_runs(runs, x, ratio))
    return lines, text.width_range(spans, widths, gaps, width, slack=_EPSILON)


def _line_of_runs(runs: list[tuple[float, str, float, list[str]]], width: float, ratio: float) -> Line:
    placed = tuple(Placed(x, Piece("".join(texts), font, size)) for x, font, size, texts in runs)
    height, baseline = _geometry(max(run[2] for run in runs), ratio)
    return Line(placed, height, baseline, width)


def _line(placed: list[Placed], width: float, ratio: float) -> Line:
    height, baseline = _geometry(max(p.piece.size for p in placed), ratio)
    return Line(tuple(placed), height, baseline, width)


@functools.lru_cache(maxsize=256)
def _geometry(size: float, ratio: float) -> tuple[float, float]:
    """A line's height and its baseline from the top, for its largest type size."""
    height = size * ratio
    return height, (height - size * (ASCENT + DESCENT)) / 2 + size * ASCENT


class Part:
    """What every part of a card is: measured with `wrap`, drawn with `drawOn`, cut only between
    its own blocks (`split_at`).

    The protocol of reportlab's platypus `Flowable` (`wrap` returns width and height,
    `draw` paints at the origin through `self.canv`, `drawOn` places it), and the same
    PDF operators, without platypus itself: a card is never laid out by a platypus frame,
    and importing platypus costs each command about 70 ms.
    """

    width = 0.0
    height = 0.0
    canv: Any  # the canvas, set while `draw` runs

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        raise NotImplementedError

    def draw(self) -> None:
        raise NotImplementedError

    def split_at(self, availWidth: float, availHeight: float) -> tuple[Part, Part] | None:
        """The part cut in two, the first piece no taller than `availHeight`, to continue on the
        card's back; None when it cannot be cut there (most parts are never cut: a step, a box)."""
        return None

    def drawOn(self, canvas: Any, x: float, y: float) -> None:
        """Draw with the bottom-left corner at (x, y): what `Flowable.drawOn` writes (q, cm, the part, Q).

        The translation is `canvas.translate(x, y)` written out: right after `saveState`'s
        "q" it is never merged into an earlier "cm", so it is always its own operator.
        """
        canvas.saveState()
        translate(canvas, x, y)
        self.canv = canvas
        self.draw()
        del self.canv
        canvas.restoreState()


class TextBlock(Part):
    """Left-aligned (or centred) text in one style, with an optional hanging label.

    Wraps: greedy line breaking on spaces (`break_lines`) at the width it is given, less
    the label's indent; its height is the sum of its line heights. Draws: one string per
    run of one font on each line, black; the label ("3", a bullet) on the first line.
    Never cut: a step, a tip or a sentence stays whole on one side of the card.
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
        self._lines_height = 0.0

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle, **options: object) -> TextBlock:
        """A block of plain text in the style's own font and size."""
        return cls(words_of(text, style.fontName, style.fontSize), style, **options)  # type: ignore[arg-type]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._wrapped_at:
            ratio = self.style.leading / self.style.fontSize
            self.lines = break_lines(self.units, availWidth - self.indent, ratio)
            self._wrapped_at = availWidth
            self._lines_height = sum(line.height for line in self.lines)
        self.width = availWidth
        self.height = self._lines_height + self.style.spaceAfter
        return self.width, self.height

    def draw(self) -> None:
        top = self.height - self.style.spaceAfter
        if self.label is not None and self.lines:
            first = self.lines[0]
            self.canv.setFont(self.label.font, self.label.size)
            draw_string(self.canv, 0, top - first.baseline, self.label.text)
        draw_lines(self.canv, self.lines, self.indent, top, self.align, self.width - self.indent)
