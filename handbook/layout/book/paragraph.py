"""`Text`: the handbook's paragraph, wrapped from cached word widths and drawn as one text object.

Why: reportlab's `Paragraph` is pure Python and was most of the time of a long handbook:
it parses markup, measures every word character by character for each wrap (a TrueType
width is a Python loop over the characters), and draws each paragraph through several
layers of text-object calls, number formatting and PDF escaping. The handbook needs
none of that generality: its text is plain runs of one face each (regular, bold,
italic), left-aligned, sometimes a bullet, a forced line break or a link.

What it does the same as `Paragraph`, so pages look the same: the same greedy line
breaking (reportlab's rule, 5 % space shrink included, in `handbook.layout.text`, the
engine the cards use too), the same widths (the font's own
advance widths, summed in the same order), the same bullet placement, the same split
rules (`allowOrphans`/`allowWidows` of the style) and the same text operators on the
page. A word wider than its line (a very long address) is handed to reportlab's own
`Paragraph`, which cuts it across lines; that is rare, and it prints what it always did.

How it is cheaper: each word is measured once per face for the whole process (a dict
lookup afterwards); a paragraph is broken into lines once per width and the lines are
kept through splits (the part on the next page keeps its lines); drawing writes one
`BT ... ET` block straight into the page's content, with ASCII lines copied as they are
(reportlab's subsets map printable ASCII to itself) and only other characters going
through the font's subset encoder (`handbook.pdf.text`). No markup is parsed, so user text needs
no escaping. Runs in several faces (a bold title, an italic name, a link) break by the
same rule, a space being as wide as in the face of the word before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from handbook.layout.text import break_lines
from handbook.pdf.text import face, fill_colour, num, plain_lines, rich_lines, shown, write_ops

_FUZZ = 1e-6  # reportlab's: a width below this cannot hold text
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})  # for reportlab's parser


@dataclass(frozen=True)
class Run:
    """Text in one face (`font`, None: the style's), optionally a link; `br` is a forced line break."""

    text: str
    font: str | None = None
    link: str | None = None
    br: bool = False


LINE_BREAK = Run("", br=True)

Piece = tuple[str, str, str | None]  # font, text, link
Word = tuple[Piece, ...]  # pieces printed without a space between them, e.g. "Title" and ","
Line = tuple[float, list[Any]]  # room left at the end of the line (negative: squeezed), its words


class _Look(NamedTuple):
    """A style's operators, made once: fill colour, font size and leading, the bullet's."""

    colour: str
    tf: str
    bullet_tf: str


_LOOKS: dict[int, tuple[ParagraphStyle, _Look]] = {}


def _look(style: ParagraphStyle) -> _Look:
    entry = _LOOKS.get(id(style))
    if entry is None or entry[0] is not style:
        look = _Look(fill_colour(style.textColor), f" {num(style.fontSize)} Tf {num(style.leading)} TL",
                     f" {num(style.bulletFontSize)} Tf {num(1.2 * style.bulletFontSize)} TL")
        entry = _LOOKS[id(style)] = (style, look)
    return entry[1]


def _words(runs: Sequence[Run], base_font: str) -> list[Word | None]:
    """Runs as words (None: a forced break); a word continues across runs not parted by a space."""
    words: list[Word | None] = []
    glued = False
    for run in runs:
        if run.br:
            words.append(None)
            glued = False
            continue
        parts = run.text.split()
        if not parts:
            glued = glued and not run.text
            continue
        font = run.font or base_font
        last = words[-1] if words else None
        for index, part in enumerate(parts):
            piece = (font, part, run.link)
            if index == 0 and glued and last is not None and not run.text[0].isspace():
                words[-1] = (*last, piece)
            else:
                words.append((piece,))
        glued = not run.text[-1].isspace()
    return words


class Text(Flowable):
    """A left-aligned paragraph of runs in the style's size and leading.

    Wraps: breaks the words into lines greedily, like reportlab, once per width.
    Draws: the bullet (if any), then every line, in one text object.
    Splits: between lines, never leaving one line alone at the foot or head of a page
    (as `allowOrphans=0, allowWidows=0` ask); the part on the next page keeps its lines.
    """

    def __init__(self, content: str | Sequence[Run], style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.style = style
        self.bullet = bullet
        if isinstance(content, str):  # the usual case: one face, words are strings
            self.plain = True
            self.font = style.fontName
            self.link: str | None = None
            self.words: list[Any] = content.split()
        elif len(content) == 1 and not content[0].br:
            self.plain = True
            self.font = content[0].font or style.fontName
            self.link = content[0].link
            self.words = content[0].text.split()
        else:
            self.plain = False
            self.font = style.fontName
            self.link = None
            self.words = _words(content, style.fontName)
        self.lines: list[Line] = []
        self.forced: frozenset[int] = frozenset()  # lines ended by a forced break (LINE_BREAK)
        self.first_line = True  # the part on a later page has no bullet
        self._width: float | None = None
        self._delegate: Paragraph | None = None
        self.height = 0.0

    # --- layout -----------------------------------------------------------------------------

    def _line_widths(self, width: float) -> tuple[float, float]:
        style = self.style
        later = width - style.leftIndent - style.rightIndent
        first = later - style.firstLineIndent
        if self.bullet and self.first_line:  # a bullet wider than the indent pushes line 1 right
            bullet_end = style.bulletIndent + self._bullet_width() + 0.6 * style.bulletFontSize
            indent = style.leftIndent + style.firstLineIndent
            if bullet_end > indent:
                first -= bullet_end - indent
        return first, later

    def _bullet_width(self) -> float:
        style = self.style
        return float(0.001 * style.bulletFontSize * face(style.bulletFontName).units(self.bullet or ""))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._delegate is not None:
            return self._delegate.wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        if availWidth == self._width:
            return availWidth, self.height
        if availWidth < _FUZZ:
            return 0, 0x7FFFFFFF
        first, later = self._line_widths(availWidth)
        lines = self._break_plain(first, later) if self.plain else self._break_rich(first, later)
        if lines is None:  # a word wider than its line: reportlab's Paragraph cuts it
            self._delegate = self._paragraph()
            return self._delegate.wrap(availWidth, availHeight)  # type: ignore[no-any-return]
        self.lines = lines
        self._width = self.width = availWidth
        self.height = len(lines) * self.style.leading
        return availWidth, self.height

    def _break_plain(self, first: float, later: float) -> list[Line] | None:
        """reportlab's line breaking for one face (`Paragraph.breakLines`, kind 0), by `text.break_lines`.

        None when a word is wider than its line: reportlab would cut it, so it does.
        """
        measured = face(self.font)
        scale = 0.001 * self.style.fontSize
        space = scale * measured.units(" ")
        widths = [scale * measured.units(word) for word in self.words]
        spans = break_lines(widths, [space] * len(widths), first, later, self.style.spaceShrinkage)
        if spans is None:
            return None
        return [(span.room, self.words[span.start:span.stop]) for span in spans]

    def _break_rich(self, first: float, later: float) -> list[Line] | None:
        """The same rule over words of several faces; a space is as wide as in the face before it."""
        scale = 0.001 * self.style.fontSize
        widths: list[float | None] = []
        gaps: list[float] = []
        space = 0.0
        for word in self.words:
            if word is None:
                widths.append(None)
                gaps.append(0.0)
                continue
            widths.append(scale * sum(face(font).units(text) for font, text, _ in word))
            gaps.append(space)
            space = scale * face(word[-1][0]).units(" ")
        spans = break_lines(widths, gaps, first, later, self.style.spaceShrinkage)
        if spans is None:
            return None
        self.forced = frozenset(number for number, span in enumerate(spans) if span.forced)
        return [(span.room, [w for w in self.words[span.start:span.stop] if w is not None]) for span in spans]

    def _runs(self) -> list[Run]:
        """These words as runs again (a part of a split paragraph has only its own)."""
        if self.plain:
            return [Run(" ".join(self.words), self.font, self.link)]
        runs: list[Run] = []
        for word in self.words:
            if word is None:
                runs.append(LINE_BREAK)
                continue
            if runs and not runs[-1].br:
                runs.append(Run(" ", runs[-1].font))  # a space is in the face before it
            runs += [Run(text, font, link) for font, text, link in word]
        return runs

    def _paragraph(self) -> Paragraph:
        """The same text as a reportlab Paragraph (markup escaped), for words wider than a line."""
        parts = []
        for run in self._runs():
            if run.br:
                parts.append("<br/>")
                continue
            markup = run.text.translate(_MARKUP)
            if run.font:
                markup = f'<font name="{run.font}">{markup}</font>'
            if run.link:
                markup = f'<a href="{run.link.translate(_MARKUP)}">{markup}</a>'
            parts.append(markup)
        return Paragraph("".join(parts), self.style, self.bullet if self.first_line else None)

    def last_line_room(self) -> float:
        """How much of the last line's width is left over (for a page number after it)."""
        if self._delegate is not None:
            last = self._delegate.blPara.lines[-1]
            return float(last.extraSpace if hasattr(last, "extraSpace") else last[0])
        return self.lines[-1][0] if self.lines else 0.0

    def line_texts(self) -> list[str]:
        """The text of each line as printed (for tests and messages)."""
        if self._delegate is not None:
            return [" ".join(line[1]) if isinstance(line, tuple) else "".join(w.text for w in line.words).strip()
                    for line in self._delegate.blPara.lines]
        if self.plain:
            return [" ".join(words) for _, words in self.lines]
        return [" ".join("".join(text for _, text, _ in word) for word in words) for _, words in self.lines]

    def line_count(self) -> int:
        if self._delegate is not None:
            return len(self._delegate.blPara.lines)
        return len(self.lines)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._delegate is not None:
            return self._delegate.split(availWidth, availHeight)  # type: ignore[no-any-return]
        if not self.words or availWidth < _FUZZ or availHeight < _FUZZ:
            return []
        if availWidth != self._width:
            self.wrap(availWidth, availHeight)
            if self._delegate is not None:
                return self.split(availWidth, availHeight)
        style = self.style
        lines = self.lines
        fit = int(availHeight / style.leading)
        orphans, widows = style.allowOrphans, style.allowWidows
        if (not orphans and fit <= 1) or fit == 0:  # one line alone at the foot: move it all
            return []
        if len(lines) <= fit:
            return [self]
        if not widows and len(lines) == fit + 1:  # one line alone at the head: take one more along
            if (orphans and len(lines) == 3) or len(lines) > 3:
                fit -= 1
            else:
                return []
        return [self._part(0, fit, first=self.first_line), self._part(fit, len(lines), first=False)]

    def _part(self, start: int, stop: int, first: bool) -> Text:
        """A new paragraph holding lines `start` to `stop` of these, already broken at this width."""
        part = Text("", self.style)
        part.style, part.plain = self.style, self.plain
        part.font, part.link = self.font, self.link
        part.bullet = self.bullet if first else None
        part.first_line = first
        lines = self.lines[start:stop]
        part.words = []
        for index, (_, words) in enumerate(lines, start=start):
            part.words += words
            if index in self.forced and index < stop - 1:  # kept, should the part be broken again
                part.words.append(None)
        part.forced = frozenset(index - start for index in self.forced if start <= index < stop)
        part.lines = lines
        part._delegate = None
        part._width = self._width
        part.width = self.width
        part.height = len(lines) * self.style.leading
        return part

    # --- drawing ----------------------------------------------------------------------------

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self._delegate is not None:
            self._delegate.drawOn(canvas, x, y, _sW)
        elif self.lines:
            self._draw(canvas, x, y)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)

    def _draw(self, canv: Any, x: float, y: float) -> None:
        """Append `q BT ... ET Q` for the bullet and every line, then the links, at (x, y)."""
        style = self.style
        look = _look(style)
        baseline = y + self.height - style.fontSize
        ops = ["q"]
        offset = 0.0
        if self.bullet:
            bullet = shown(canv, style.bulletFontName).once(self.bullet, look.bullet_tf)
            ops.append(f"BT 1 0 0 1 {num(x + style.bulletIndent)} {num(baseline)} Tm {look.colour} {bullet} ET")
            offset = max(style.firstLineIndent,
                         style.bulletIndent + self._bullet_width() + 0.6 * style.bulletFontSize - style.leftIndent)
        left = x + style.leftIndent
        ops.append(f"{look.colour} BT 1 0 0 1 {num(left)} {num(baseline)} Tm")
        if self.plain:
            links = plain_lines(canv, ops, self.lines, self.font, style.fontSize, look.tf, offset, self.link)
        else:
            links = rich_lines(canv, ops, self.lines, style.fontSize, look.tf, offset)
        ops.append("ET Q")
        write_ops(canv, " ".join(ops))
        for url, x0, x1, line in links:  # where reportlab's Paragraph puts a link: a leading tall, per line
            bottom = baseline - line * style.leading - style.fontSize / 8.0
            canv.linkURL(url, (left + x0, bottom, left + x1, bottom + style.leading), relative=1, thickness=0)
