"""The parts a card is made of: the dose strip, a picture, steps beside their pictures, the QR code,
the tick grid and the footer (the containers that hold them are in `boxes`).

Every one of them is measured (`wrap`) before anything is drawn, and only the steps beside
their pictures may be cut (between two steps) to continue on the card's back: `render`
decides what goes on each side from the measured heights. Everything is black on white;
grey is never the only thing that carries meaning, so the card prints the same on any
office printer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from handbook.layout.card.boxes import Stack
from handbook.layout.card.text import (
    ASCENT,
    TALL,
    Line,
    Part,
    Piece,
    TextBlock,
    Unit,
    break_lines,
    text_width,
    words_of,
)
from handbook.layout.figures import draw_alt_text, draw_picture, extra_alt, picture_size
from handbook.layout.qr import draw_qr
from handbook.layout.styles import INK
from handbook.model import Picture
from handbook.model.labels import BLANK_LINE, Labels, labels
from handbook.pdf.cardops import draw_lines, draw_string, stroke_line, stroke_rect

EN = labels("en")


class DoseStrip(Part):
    """The dose in large numerals with words: "Hold **30** seconds · **5** times · twice a day".

    Wraps: each dose item stays whole on a line; lines break only between items (an
    item wider than a line breaks at its spaces). Numbers are set in the large bold
    style, words in the words style. Draws: the text between two rules, black.
    """

    RULE = 1.5

    def __init__(self, items: Sequence[str], numerals: ParagraphStyle, words: ParagraphStyle,
                 pad: float = 4.0) -> None:
        super().__init__()
        self.pad = pad
        self.numerals, self.words = numerals, words
        self.units = [self._unit(item, first=index == 0, last=index == len(items) - 1)
                      for index, item in enumerate(items)]
        self.lines: list[Line] = []

    def _unit(self, phrase: str, first: bool, last: bool) -> Unit:
        phrase = phrase[0].upper() + phrase[1:] if first and phrase else phrase
        big, small = self.numerals, self.words
        words: list[tuple[Piece, ...]] = []
        for word in phrase.split():
            if any(ch.isdigit() for ch in word) or BLANK_LINE in word:  # a number, or the line to write one on
                words.append((Piece(word, big.fontName, big.fontSize),))
            else:
                words.append((Piece(word, small.fontName, small.fontSize),))
        if not last:
            words.append((Piece("\u00b7", small.fontName, small.fontSize),))
        return tuple(words)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        ratio = self.numerals.leading / self.numerals.fontSize
        self.lines = break_lines(self.units, availWidth, ratio)
        self.width = availWidth
        self.height = sum(line.height for line in self.lines) + 2 * (self.pad + self.RULE)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(INK)
        canv.setLineWidth(self.RULE)
        for y in (self.RULE / 2, self.height - self.RULE / 2):
            canv.line(0, y, self.width, y)
        draw_lines(canv, self.lines, 0, self.height - self.RULE - self.pad)


class PictureBlock(Part):
    """The routine's picture, scaled to fit, centred, with its caption under it.

    Wraps: the image keeps its proportions and fits both the width and `max_height` (a
    pose given a `scale` is drawn at it, the routine's one scale, when it fits); the
    caption wraps under it. Draws: the image, then the caption centred.
    """

    def __init__(self, picture: Picture, max_height: float, caption: ParagraphStyle,
                 scale: float | None = None) -> None:
        super().__init__()
        self.picture = picture
        self.max_height = max_height
        self.scale = scale
        self.caption = TextBlock.plain(picture.caption, caption, align="center")
        self._image_size = (0.0, 0.0)
        self._caption_height = 0.0
        self._sizes: dict[tuple[float, float], tuple[tuple[float, float], float]] = {}  # a fit asks again and again

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        caption = self.caption.wrap(availWidth, availHeight)[1]  # its lines at this width, to draw
        known = self._sizes.get((availWidth, availHeight))
        if known is None:
            most = max(min(self.max_height, availHeight - 4 - caption), 1.0)  # a tight space: smaller
            if self.picture.kind == "pose" and self.scale is not None:
                size = picture_size(self.picture, availWidth, most, self.scale)
            else:
                scale = min(availWidth / self.picture.width_px, most / self.picture.height_px)
                size = (self.picture.width_px * scale, self.picture.height_px * scale)
            known = self._sizes[(availWidth, availHeight)] = (size, caption)
        self._image_size, self._caption_height = known
        self.width = availWidth
        self.height = self._image_size[1] + 4 + self._caption_height
        return self.width, self.height

    def draw(self) -> None:
        width, height = self._image_size  # a pose or SVG as vectors, a PNG or JPEG as pixels
        draw_picture(self.canv, self.picture, (self.width - width) / 2, self.height - height, width, height,
                     self.scale)
        alt = extra_alt(self.picture)
        if alt:  # for text extraction and screen readers; never printed
            draw_alt_text(self.canv, alt, (self.width - width) / 2, self.height - height, width, height)
        self.caption.drawOn(self.canv, 0, 0)


class Logo(Part):
    """The clinic's logo, at most `max_height` high, its proportions kept, at the right edge.

    Wraps: as wide as it is given, as high as the logo at that width or `max_height`.
    Draws: the picture, right-aligned, top-aligned; no caption (the clinic's name is in the footer).
    """

    def __init__(self, picture: Picture, max_height: float) -> None:
        super().__init__()
        self.picture = picture
        self.max_height = max_height
        self._size = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        scale = min(availWidth / self.picture.width_px, self.max_height / self.picture.height_px)
        self._size = (self.picture.width_px * scale, self.picture.height_px * scale)
        self.width, self.height = availWidth, self._size[1]
        return self.width, self.height

    def draw(self) -> None:
        width, height = self._size
        draw_picture(self.canv, self.picture, self.width - width, self.height - height, width, height)


class StepRows(Part):
    """The numbered steps, each step's picture (with its caption) in a column to its right.

    Each row is a block and, optionally, a picture with the width of its column. Wraps,
    top down: a step with a picture starts beside its picture (tops aligned; below the
    last picture, if that one still fills the column); the steps after it run beside the
    picture, in the narrower width, until they pass its bottom, then take the full width
    (up to `measure`). Height: the lower of the last step and the last picture. Draws: as wrapped. Cuts
    (`split_at`) between two steps, never after the heading alone (`keep_first`), and never
    before the last step alone when it can be helped.
    """

    AFTER_PICTURE = 6.0  # between a picture's caption and whatever is under it

    def __init__(self, rows: Sequence[tuple[Part, Part | None, float]], gap: float = 10.0,
                 keep_first: bool = False, measure: float = 1e9) -> None:
        super().__init__()
        self.rows = list(rows)
        self.gap = gap
        self.keep_first = keep_first
        self.measure = measure  # the widest a step runs where no picture is beside it
        self._places: list[tuple[float, float, float]] = []  # top (down from the top), text and picture heights

    def split_at(self, availWidth: float, availHeight: float) -> tuple[Part, Part] | None:
        least = 2 if self.keep_first else 1
        last = len(self.rows) - 1 if len(self.rows) - 2 < least else len(self.rows) - 2  # no step alone after
        for cut in range(last, least - 1, -1):
            first = StepRows(self.rows[:cut], self.gap, self.keep_first, self.measure)
            if first.wrap(availWidth, TALL)[1] <= availHeight:
                return first, StepRows(self.rows[cut:], self.gap, measure=self.measure)
        return None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._places = []
        y = 0.0  # the top of the next step, down from the top
        column, free = 0.0, 0.0  # the picture column's width, and where it is free again
        for block, picture, width in self.rows:
            image = 0.0
            if picture is not None:
                y = max(y, free)
                column = width
                image = picture.wrap(column, availHeight)[1]
                free = y + image + self.AFTER_PICTURE
            text_width = availWidth - column - self.gap if y < free else min(availWidth, self.measure)
            text = block.wrap(text_width, availHeight)[1]
            self._places.append((y, text, image))
            y += text
        self.width, self.height = availWidth, max(y, free - self.AFTER_PICTURE, 0.0)
        return self.width, self.height

    def draw(self) -> None:
        for (block, picture, column), (top, text, image) in zip(self.rows, self._places, strict=True):
            block.drawOn(self.canv, 0, self.height - top - text)
            if picture is not None:
                picture.drawOn(self.canv, self.width - column, self.height - top - image)


class QrBlock(Part):
    """A QR code of the routine's link, with a heading, a line of help and the link beside it.

    Wraps: the code is a square of `side` points at the top left (quiet zone included;
    the caller sizes it with `handbook.layout.qr.printed_side` and `MIN_MODULE`); the
    words and the link wrap in the width to its right (a long link breaks between
    characters). Draws the code with `handbook.layout.qr`, as the handbook's block does;
    that one is a platypus flowable beside platypus text and links the code, which a
    card's part and a printed card need not.
    """

    GAP = 10.0
    MIN_MODULE = 0.7 * mm  # smaller modules get hard for a phone camera to read at arm's length

    def __init__(self, link: str, side: float, heading: ParagraphStyle, small: ParagraphStyle,
                 words: tuple[str, str]) -> None:
        super().__init__()
        self.link = link
        self.side = side
        self.text = Stack([
            TextBlock.plain(words[0], heading),
            TextBlock.plain(words[1], small),
            TextBlock.plain(link, small),
        ], gap=2)
        self._text_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._text_height = self.text.wrap(availWidth - self.side - self.GAP, availHeight)[1]
        self.width = availWidth
        self.height = max(self.side, self._text_height)
        return self.width, self.height

    def draw(self) -> None:
        draw_qr(self.canv, self.link, 0, self.height - self.side, self.side)
        self.text.drawOn(self.canv, self.side + self.GAP, self.height - self._text_height)


class TickGrid(Part):
    """A box to tick for each day, one row per week, with a line per week for a note.

    Wraps: the heading ("Tick a box each day you do it") with "Notes" at the right on the
    same line when the heading ends before the note lines (on its own line otherwise);
    a row of weekday labels; then `weeks` rows of "Week N", seven square boxes of side
    `box` joined like a calendar, and a note line to the right edge. Draws: each box as
    its own black square (neighbours share an edge), the labels and the note lines.
    """

    NOTES_GAP = 12.0

    def __init__(self, weeks: int, box: float, heading: str, styles: Mapping[str, ParagraphStyle],
                 lang: Labels = EN) -> None:
        super().__init__()
        self.lang = lang
        self.weeks, self.box = weeks, box
        self.heading_style, self.label, self.week = styles["heading"], styles["label"], styles["week"]
        self.heading = TextBlock.plain(heading, self.heading_style)
        self.label_width = text_width(lang("card.week", week=weeks), self.week.fontName, self.week.fontSize) + 8
        self.notes_left = self.label_width + 7 * box + self.NOTES_GAP
        heading_width = text_width(heading, self.heading_style.fontName, self.heading_style.fontSize)
        self.shared = heading_width + 8 <= self.notes_left  # heading and "Notes" on one line
        self._heading_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._heading_height = self.heading.wrap(availWidth, availHeight)[1]
        notes = 0.0 if self.shared else self.week.leading
        self.height = self._heading_height + notes + self.label.leading + self.weeks * self.box
        return self.width, self.height

    def box_left(self, day: int) -> float:
        return self.label_width + day * self.box

    def draw(self) -> None:
        canv, box = self.canv, self.box
        self.heading.drawOn(canv, 0, self.height - self._heading_height)
        first = self.heading.lines[0] if self.heading.lines else None
        notes_base = self.height - (first.baseline if first else self.week.fontSize) if self.shared else \
            self.height - self._heading_height - self.week.fontSize
        canv.setFillColor(INK)
        canv.setFont(self.week.fontName, self.week.fontSize)
        draw_string(canv, self.notes_left, notes_base, self.lang("card.notes"))
        row_top = self.weeks * box
        canv.setFont(self.label.fontName, self.label.fontSize)
        for day, name in enumerate(self.lang.weekdays):
            draw_string(canv, self.box_left(day) + box / 2, row_top + 3, name, centred=True)
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.2)
        canv.setFont(self.week.fontName, self.week.fontSize)
        for week in range(1, self.weeks + 1):
            bottom = row_top - box
            draw_string(canv, 0, bottom + (box - self.week.fontSize * ASCENT) / 2, self.lang("card.week", week=week))
            for day in range(7):
                stroke_rect(canv, self.box_left(day), bottom, box, box)
            stroke_line(canv, self.notes_left, bottom + 2, self.width, bottom + 2)
            row_top = bottom


class CardFooter(Part):
    """The patient's name and start-date lines, the clinic, and the routine's version.

    Wraps: "Name:" and "Started:" with lines to write on, side by side; a printed name
    (a personal card) sits on its line, and when it is too long for its half it gets the
    whole width (wrapping if it must) and "Started:" moves to the next row. Under them
    the clinic line and the version line. Draws: black text and thin lines.
    """

    STARTED_LINE = 90.0  # room to write a date by hand

    def __init__(self, name: str | None, label: ParagraphStyle, filled: ParagraphStyle,
                 clinic: TextBlock, version: TextBlock, lang: Labels = EN, measure: float = 1e9) -> None:
        super().__init__()
        self.measure = measure  # points per point of type: the clinic and version lines keep to as many characters
        self.name = name
        self.name_label, self.started_label = lang("card.name"), lang("card.started")
        self.label, self.filled = label, filled
        self.clinic, self.version = clinic, version
        self._name_lines: list[Line] = []
        self._split = 0.0
        self._rows = 1
        self._heights = (0.0, 0.0)

    def _indent(self, text: str) -> float:
        return text_width(text + " ", self.label.fontName, self.label.fontSize)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        started = self._indent(self.started_label) + self.STARTED_LINE
        self._split = max(availWidth * 0.6, 0.0)
        self._split = min(self._split, availWidth - started)
        self._rows = 1
        self._name_lines = []
        if self.name:
            words = words_of(self.name, self.filled.fontName, self.filled.fontSize)
            room = self._split - 16 - self._indent(self.name_label)
            self._name_lines = break_lines(words, room, self.label.leading / self.label.fontSize)
            if len(self._name_lines) > 1:
                room = availWidth - self._indent(self.name_label)
                self._name_lines = break_lines(words, room, self.label.leading / self.label.fontSize)
                self._rows = len(self._name_lines) + 1
        clinic = self.clinic.wrap(min(availWidth, self.measure * self.clinic.style.fontSize), availHeight)[1]
        version = self.version.wrap(min(availWidth, self.measure * self.version.style.fontSize), availHeight)[1]
        self._heights = (clinic, version)
        self.height = self._rows * (self.label.leading + 3) + clinic + 2 + version
        return self.width, self.height

    def draw(self) -> None:
        canv, label = self.canv, self.label
        row = label.leading + 3
        canv.setFillColor(INK)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)

        def field(x: float, baseline: float, text: str, end: float) -> float:
            canv.setFont(label.fontName, label.fontSize)
            draw_string(canv, x, baseline, text)
            start = x + self._indent(text)
            stroke_line(canv, start, baseline - 3, end, baseline - 3)
            return start

        baseline = self.height - label.fontSize
        name_end = self._split - 16 if self._rows == 1 else self.width
        start = field(0, baseline, self.name_label, name_end)
        for number, line in enumerate(self._name_lines):
            if number:
                canv.line(start, baseline - number * row - 3, name_end, baseline - number * row - 3)
            draw_lines(canv, [line], start + 2, baseline - number * row + line.baseline)
        started_x, started_base = (self._split, baseline) if self._rows == 1 else (0, baseline - (self._rows - 1) * row)
        field(started_x, started_base, self.started_label, self.width if self._rows == 1 else started_x + self._indent(
            self.started_label) + self.STARTED_LINE * 2)
        version = self._heights[1]
        self.clinic.drawOn(canv, 0, version + 2)
        self.version.drawOn(canv, 0, 0)
