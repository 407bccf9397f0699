"""The handbook's own flowables: chapter anchors, page references, boxes, QR codes, notes lines.

Each class says how it wraps (how tall it is for a width), how it draws, and whether and
where it splits across pages. None of them ever needs a page number to know its size:
numbers that are only known after the last page are drawn as named forms (see
`pagenumbers`), which is what lets the whole handbook be laid out in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from handbook.layout.book.pagenumbers import PageNumbers
from handbook.layout.book.paragraph import Run, Text
from handbook.layout.qr import draw_qr, printed_side
from handbook.layout.styles import INK, RULE, TINT
from handbook.pdf.text import text_width

NUMBER_GAP = 10.0  # between an entry's text and its page-number column
LEADER_STOP = 36.0  # the narrowest number column: four bold digits at 15 pt, so leaders line up


class Anchor(Flowable):
    """Where a chapter starts: a link target, a bookmark, and its page for the contents.

    Wraps to nothing and never splits; it keeps with the next flowable (the chapter's
    heading), so it lands on the same page as the heading. Drawing it names the place,
    adds the outline entry (plain text: the outline needs no escaping) and reports the
    page to `PageNumbers`.
    """

    def __init__(self, key: str, numbers: PageNumbers, title: str | None = None,
                 level: int = 0, header: str | None = None) -> None:
        super().__init__()
        self.key = key
        self.numbers = numbers
        self.title = title
        self.level = level
        self.header = header
        self.keepWithNext = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, 6)
        if self.title is not None:
            canv.addOutlineEntry(self.title, self.key, self.level)
        self.numbers.reached(self.key, canv.getPageNumber(), self.header, canv.absolutePosition(0, 0)[1])


class PageRef(Flowable):
    """A contents entry or cross-reference: text on the left, the target's page at the right.

    Never needs the number to know its size. With `leaders` (the contents) the text wraps
    left of a number column wide enough for four digits, and dot leaders (shapes, so they
    are not read as text) run from its last line to the column. Without, the text takes
    the full width and the number (after `prefix`, e.g. "page ") goes at the right of the
    last line, just after its end, or starts a line of its own when that line is too full
    for `prefix` and four digits. Draws one link over the whole entry. Does not split:
    an entry is a title. `column`: the narrowest number column (four digits of the
    contents' largest entries), so the leaders of every entry end at the same place.
    """

    def __init__(self, text: str | Sequence[Run], style: ParagraphStyle, key: str, numbers: PageNumbers,
                 indent: float = 0, prefix: str = "", leaders: bool = False, column: float = LEADER_STOP) -> None:
        super().__init__()
        self.para = Text(text, style)
        self.style = style
        self.key = key
        self.numbers = numbers
        self.indent = indent
        self.prefix = prefix
        self.leaders = leaders
        self.column = NUMBER_GAP + max(LEADER_STOP, column, text_width(prefix + "0000", self.style.fontName,
                                                                        self.style.fontSize))
        self.spaceBefore = self.style.spaceBefore
        self.spaceAfter = self.style.spaceAfter
        self.keepWithNext = getattr(self.style, "keepWithNext", 0)

    def _last_line_room(self) -> float:
        return self.para.last_line_room()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.text_width = availWidth - self.indent - (self.column if self.leaders else 0)
        _, self.text_height = self.para.wrap(self.text_width, availHeight)
        self.own_line = not self.leaders and self._last_line_room() < self.column
        self.height = self.text_height + (self.style.leading if self.own_line else 0)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Draw straight into the page: the text, the leaders, the number's form, the link."""
        style = self.style
        self.para.drawOn(canvas, x + self.indent, y + self.height - self.text_height)
        lines = self.para.line_count()
        baseline = y + self.height - style.fontSize - (lines - 1 + self.own_line) * style.leading
        text_end = x + self.indent + self.text_width - self._last_line_room()
        canvas.saveState()
        if self.leaders:  # round dots: a dashed line of zero-length dashes with round caps
            start, stop = text_end + 8, x + self.width - self.column + NUMBER_GAP / 2
            if stop > start:
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(1.4)
                canvas.setLineCap(1)
                canvas.setDash([0, 6], 0)
                canvas.line(start, baseline + 1.2, stop, baseline + 1.2)
            number_x = x + self.width
        elif self.own_line:
            number_x = x + self.indent
        else:
            number_x = text_end + text_width(" ", style.fontName, style.fontSize)
        canvas.translate(number_x, baseline)
        self.numbers.draw_number(canvas, self.key, style.fontName, style.fontSize, self.prefix, right=self.leaders)
        canvas.restoreState()
        canvas.linkRect("", self.key, (x + self.indent, y, x + self.width, y + self.height), relative=1, thickness=0)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class Box(Flowable):
    """A bordered box: a bold title over paragraphs, for 'Stop and call us if' and the safety note.

    The stop box has a heavy 3 pt black border; the "read this first" note (`note`) a thin
    one on a light grey ground, so the two never look alike, in black and white too. Draws
    the border, then the title and the paragraphs. Splits only when it is taller than a
    whole page (`max_height`), and then only between paragraphs; the next part repeats
    the title with '(continued)'. Otherwise it moves whole to the next page, so a safety
    list is never torn in two.
    """

    PAD = 12.0
    STOP_BORDER = 3.0
    NOTE_BORDER = 1.0

    def __init__(self, title: Flowable, items: Sequence[Flowable], max_height: float,
                 continued: Flowable | None = None, note: bool = False) -> None:
        super().__init__()
        self.title = title
        self.items = list(items)
        self.max_height = max_height
        self.continued = continued
        self.note = note
        self.border = self.NOTE_BORDER if note else self.STOP_BORDER
        self.spaceBefore = 14
        self.spaceAfter = 10

    def _inner(self) -> list[Flowable]:
        return [self.title, *self.items]

    def _heights(self, width: float) -> list[float]:
        inner = width - 2 * self.PAD
        out = []
        for index, item in enumerate(self._inner()):
            _, h = item.wrap(inner, 1e6)
            before = item.getSpaceBefore() if index else 0
            after = item.getSpaceAfter() if index < len(self.items) else 0
            out.append(before + h + after)
        return out

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(self._heights(availWidth)) + 2 * self.PAD
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.wrap(availWidth, availHeight)[1] <= self.max_height or len(self.items) < 2:
            return []
        heights = self._heights(availWidth)
        used = heights[0] + 2 * self.PAD
        count = 0
        for h in heights[1:]:
            if used + h > availHeight or count == len(self.items) - 1:
                break
            used += h
            count += 1
        if count == 0:
            return []
        rest_title = self.continued or self.title
        return [Box(self.title, self.items[:count], self.max_height, self.continued, self.note),
                Box(rest_title, self.items[count:], self.max_height, self.continued, self.note)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """The border, then the title and the items inside it."""
        half = self.border / 2
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setFillColor(TINT)
        canvas.setLineWidth(self.border)
        canvas.rect(x + half, y + half, self.width - self.border, self.height - self.border, stroke=1,
                    fill=1 if self.note else 0)
        canvas.restoreState()
        top = y + self.height - self.PAD
        inner = self.width - 2 * self.PAD
        for index, item in enumerate(self._inner()):
            if index:
                top -= item.getSpaceBefore()
            _, h = item.wrap(inner, 1e6)
            top -= h
            item.drawOn(canvas, x + self.PAD, top)
            if index < len(self.items):
                top -= item.getSpaceAfter()

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)


class QrBlock(Flowable):
    """A QR code for a routine's link, with a few lines of text beside it.

    Wraps to the taller of the code and the text; the caller keeps the text short (a long
    address goes in a paragraph of its own underneath), so the block is always far
    shorter than a page and never splits: it moves to the next page instead. Draws the
    code (`handbook.layout.qr`, its quiet zone inside the block) and links it to the
    address. The card has its own small block (`card.parts.QrBlock`): a card's parts are
    not platypus flowables, and its code is sized for a phone held at arm's length.
    """

    GAP = 12.0

    def __init__(self, url: str, beside: Sequence[Flowable]) -> None:
        super().__init__()
        self.url = url
        self.beside = list(beside)
        self.SIZE = 0.0  # the code's side, quiet zone included: known once the code is encoded, in wrap
        self.spaceBefore = 4
        self.spaceAfter = 8

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # 30 mm for a short address; a long one gets modules of at least 0.4 mm, up to 60 mm
        self.SIZE = printed_side(self.url, 30 * mm, 0.4 * mm, 60 * mm)
        self.width = availWidth
        inner = availWidth - self.SIZE - self.GAP
        self.text_height = sum(p.wrap(inner, 1e6)[1] + p.getSpaceAfter() for p in self.beside)
        self.height = max(self.SIZE, self.text_height)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        draw_qr(canv, self.url, 0, top - self.SIZE, self.SIZE)
        canv.linkURL(self.url, (0, top - self.SIZE, self.SIZE, top), relative=1, thickness=0)
        y = top
        for para in self.beside:
            _, h = para.wrap(self.width - self.SIZE - self.GAP, 1e6)
            y -= h
            para.drawOn(canv, self.SIZE + self.GAP, y)
            y -= para.getSpaceAfter()


class RuledLines(Flowable):
    """Writing lines that fill the rest of the page (the notes page).

    Wraps to all the height it is given, draws a thin grey line every `pitch` points
    (grey, thin: guides for handwriting, not content), and never splits.
    """

    def __init__(self, pitch: float = 30.0) -> None:
        super().__init__()
        self.pitch = pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(availHeight - 1, 0)
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        y = self.height - self.pitch
        while y >= 0:
            canv.line(0, y, self.width, y)
            y -= self.pitch
        canv.restoreState()


class AtFoot(Flowable):
    """Flowables set at the foot of the frame (the cover's clinic block).

    Wraps to all the height it is given, and draws its content at the bottom of it. When
    the content is taller than the space, it splits into the content itself, which then
    flows on as usual: nothing is ever lost or clipped.
    """

    def __init__(self, content: Sequence[Flowable]) -> None:
        super().__init__()
        self.content = list(content)

    def _natural(self, width: float) -> float:
        return float(sum(f.wrap(width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in self.content))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = max(availHeight - 1, self._natural(availWidth))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return list(self.content)

    def draw(self) -> None:
        y = self._natural(self.width)
        for f in self.content:
            y -= f.getSpaceBefore()
            _, h = f.wrap(self.width, 1e6)
            y -= h
            f.drawOn(self.canv, 0, y)
            y -= f.getSpaceAfter()


class Rule(Flowable):
    """A horizontal black rule across the column, kept with what follows; never splits."""

    def __init__(self, thickness: float = 3.0, space: float = 12.0) -> None:
        super().__init__()
        self.thickness = thickness
        self.spaceAfter = space
        self.keepWithNext = 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.thickness

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """A filled rectangle (drawn at every chapter start)."""
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.rect(x, y, self.width, self.thickness, stroke=0, fill=1)
        canvas.restoreState()

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)
