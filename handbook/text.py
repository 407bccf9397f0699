"""`Text`: the handbook's paragraph, wrapped from cached word widths and drawn as one text object.

Why: reportlab's `Paragraph` is pure Python and was most of the time of a long handbook:
it parses markup, measures every word character by character for each wrap (a TrueType
width is a Python loop over the characters), and draws each paragraph through several
layers of text-object calls, number formatting and PDF escaping. The handbook needs
none of that generality: its text is plain runs of one face each (regular, bold,
italic), left-aligned, sometimes a bullet, a forced line break or a link.

What it does the same as `Paragraph`, so pages look the same: the same greedy line
breaking (reportlab's rule, 5 % space shrink included), the same widths (the font's own
advance widths, summed in the same order), the same bullet placement, the same split
rules (`allowOrphans`/`allowWidows` of the style) and the same text operators on the
page. A word wider than its line (a very long address) is handed to reportlab's own
`Paragraph`, which cuts it across lines; that is rare, and it prints what it always did.

How it is cheaper: each word is measured once per face for the whole process (a dict
lookup afterwards); a paragraph is broken into lines once per width and the lines are
kept through splits (the part on the next page keeps its lines); drawing writes one
`BT ... ET` block straight into the page's content, with ASCII lines copied as they are
(reportlab's subsets map printable ASCII to itself) and only other characters going
through the font's subset encoder. No markup is parsed, so user text needs no escaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

_FUZZ = 1e-6  # reportlab's: a width below this cannot hold text
_PRINTABLE = "".join(map(chr, range(32, 127)))
_PDF_ESCAPES = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)"})
_BYTE_ESCAPES = {c: (f"\\{c:03o}" if c < 32 or c > 126 else chr(c)) for c in range(256)} | {
    ord("\\"): "\\\\", ord("("): "\\(", ord(")"): "\\)"}


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


def num(value: float) -> str:
    """A number for the content stream: 4 decimals at most, no exponent (1/10000 pt is invisible)."""
    return repr(round(value, 4))


class _Face:
    """A registered TrueType face: its advance widths (1/1000 em) and the width of every word seen."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.font = pdfmetrics.getFont(name)
        self.chars = self.font.face.charWidths
        self.default = self.font.face.defaultWidth
        self.words: dict[str, float] = {}

    def units(self, word: str) -> float:
        """The width of `word` at 1000 pt: summed like reportlab's `stringWidth`, so equal to the bit."""
        units = self.words.get(word)
        if units is None:
            get, default = self.chars.get, self.default
            units = self.words[word] = sum([get(code, default) for code in map(ord, word)])
        return units


_FACES: dict[str, _Face] = {}


def face(name: str) -> _Face:
    """The measured face called `name` (registered with reportlab first)."""
    found = _FACES.get(name)
    if found is None or found.font is not pdfmetrics.getFont(name):
        found = _FACES[name] = _Face(name)
    return found


class _Shown:
    """Per document and face: the resource name of subset 0, and whether ASCII maps to itself there."""

    def __init__(self, canv: Any, name: str) -> None:
        font = pdfmetrics.getFont(name)
        doc = canv._doc
        self.font = font
        self.doc = doc
        self.subset0 = font.getSubsetInternalName(0, doc)
        self.ascii = font.splitString(_PRINTABLE, doc) == [(0, _PRINTABLE.encode("ascii"))]

    def show(self, text: str, tf: str, current: int, ops: list[str]) -> int:
        """Append the operators that print `text`; `tf` is " SIZE Tf LEADING TL". Returns the subset in use."""
        if self.ascii and text.isascii() and text.isprintable():
            if current != 0:
                ops.append(self.subset0 + tf)
                current = 0
            ops.append(f"({text.translate(_PDF_ESCAPES)}) Tj")
            return current
        for subset, data in self.font.splitString(text, self.doc):
            if subset != current:
                ops.append(self.font.getSubsetInternalName(subset, self.doc) + tf)
                current = subset
            ops.append("(" + "".join([_BYTE_ESCAPES[b] for b in data]) + ") Tj")
        return current


def _shown(canv: Any, name: str) -> _Shown:
    fonts: dict[str, _Shown] = canv.__dict__.setdefault("_handbook_shown", {})
    shown = fonts.get(name)
    if shown is None:
        shown = fonts[name] = _Shown(canv, name)
    return shown


def _rgb(style: ParagraphStyle) -> str:
    red, green, blue = style.textColor.rgb()
    return f"{num(red)} {num(green)} {num(blue)} rg"


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

    _ZEROSIZE = False

    def __init__(self, content: str | Sequence[Run], style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.style = style
        self.bullet = bullet
        runs = (Run(content),) if isinstance(content, str) else tuple(content)
        self.runs = runs
        self.plain = len(runs) == 1 and not runs[0].br
        if self.plain:  # one face: words are strings
            self.font = runs[0].font or style.fontName
            self.link = runs[0].link
            self.words: list[Any] = runs[0].text.split()
        else:
            self.font = style.fontName
            self.link = None
            self.words = _words(runs, style.fontName)
        self.lines: list[tuple[float, list[Any]]] = []
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
        return 0.001 * style.bulletFontSize * face(style.bulletFontName).units(self.bullet or "")

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

    def _break_plain(self, first: float, later: float) -> list[tuple[float, list[Any]]] | None:
        """reportlab's line breaking for one face (`Paragraph.breakLines`, kind 0), step for step."""
        size = self.style.fontSize
        measure = face(self.font).units
        scale = 0.001 * size
        space = scale * measure(" ")
        shrink = self.style.spaceShrinkage * space
        lines: list[tuple[float, list[Any]]] = []
        line: list[str] = []
        current = -space
        max_width = first
        for word in self.words:
            width = scale * measure(word)
            new = current + space + width
            if new > max_width + shrink * len(line):
                if width > max_width:
                    return None
                if line:
                    lines.append((max_width - current, line))
                    line = [word]
                    current = width
                    max_width = later
                    continue
            line.append(word)
            current = new
        if line:
            lines.append((max_width - current, line))
        return lines

    def _break_rich(self, first: float, later: float) -> list[tuple[float, list[Any]]] | None:
        """The same rule over words of several faces; a space is as wide as in the face before it."""
        size = self.style.fontSize
        scale = 0.001 * size
        shrinkage = self.style.spaceShrinkage
        lines: list[tuple[float, list[Any]]] = []
        line: list[Word] = []
        current = spaces = space = 0.0
        max_width = first
        for word in self.words:
            if word is None:
                lines.append((max_width - current, line))
                line, current, spaces, max_width = [], 0.0, 0.0, later
                continue
            width = scale * sum(face(font).units(text) for font, text, _ in word)
            if line:
                new = current + space + width
                if new > max_width + shrinkage * (spaces + space):
                    lines.append((max_width - current, line))
                    line, current, spaces, max_width = [], 0.0, 0.0, later
                else:
                    line.append(word)
                    spaces += space
                    current = new
            if not line:
                if width > max_width:
                    return None
                line = [word]
                current = width
            space = scale * face(word[-1][0]).units(" ")
        if line:
            lines.append((max_width - current, line))
        return lines

    def _paragraph(self) -> Paragraph:
        """The same text as a reportlab Paragraph (markup escaped), for words wider than a line."""
        parts = []
        for run in self.runs:
            if run.br:
                parts.append("<br/>")
                continue
            markup = escape(run.text)
            if run.font:
                markup = f'<font name="{run.font}">{markup}</font>'
            if run.link:
                markup = '<a href="{}">{}</a>'.format(escape(run.link, {'"': "&quot;"}), markup)
            parts.append(markup)
        return Paragraph("".join(parts), self.style, self.bullet if self.first_line else None)

    def last_line_room(self) -> float:
        """How much of the last line's width is left over (for a page number after it)."""
        if self._delegate is not None:
            last = self._delegate.blPara.lines[-1]
            return float(last.extraSpace if hasattr(last, "extraSpace") else last[0])
        return self.lines[-1][0] if self.lines else 0.0

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
        return [self._part(lines[:fit], first=self.first_line), self._part(lines[fit:], first=False)]

    def _part(self, lines: list[tuple[float, list[Any]]], first: bool) -> Text:
        """A new paragraph holding some of these lines, already broken at this width."""
        part = Text.__new__(Text)
        Flowable.__init__(part)
        part.style, part.runs, part.plain = self.style, self.runs, self.plain
        part.font, part.link = self.font, self.link
        part.bullet = self.bullet if first else None
        part.first_line = first
        part.words = [word for _, words in lines for word in words]
        part.lines = lines
        part._delegate = None
        part._width = part.width = self._width
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
        """Append `q BT ... ET Q` for the bullet and every line, with its links, at (x, y)."""
        style = self.style
        size, leading = style.fontSize, style.leading
        colour = _rgb(style)
        baseline = y + self.height - size
        ops = ["q"]
        offset = 0.0
        if self.bullet:
            bullet = _shown(canv, style.bulletFontName)
            ops.append(f"BT 1 0 0 1 {num(x + style.bulletIndent)} {num(baseline)} Tm {colour}")
            btf = f" {num(style.bulletFontSize)} Tf {num(1.2 * style.bulletFontSize)} TL"
            bullet.show(self.bullet, btf, -1, ops)
            ops.append("ET")
            offset = max(style.firstLineIndent,
                         style.bulletIndent + self._bullet_width() + 0.6 * style.bulletFontSize - style.leftIndent)
        left = x + style.leftIndent
        ops.append(f"{colour} BT 1 0 0 1 {num(left)} {num(baseline)} Tm")
        tf = f" {num(size)} Tf {num(leading)} TL"
        if self.plain:
            self._plain_lines(canv, ops, tf, offset, left, baseline)
        else:
            self._rich_lines(canv, ops, tf, offset, left, baseline)
        ops.append("ET Q")
        canv._code.append(" ".join(ops))

    def _plain_lines(self, canv: Any, ops: list[str], tf: str, offset: float, left: float, baseline: float) -> None:
        shown = _shown(canv, self.font)
        current = -1
        for index, (extra, words) in enumerate(self.lines):
            if index == 0 and offset:
                ops.append(f"{num(offset)} 0 Td")
            text = " ".join(words)
            squeeze = extra < -1e-8 and len(words) > 1
            if squeeze:
                ops.append(f"{num(extra / (len(words) - 1))} Tw")
            current = shown.show(text, tf, current, ops)
            ops.append("T*")
            if squeeze:
                ops.append("0 Tw")
            if index == 0 and offset:
                ops.append(f"{num(-offset)} 0 Td")
        if self.link:
            scale = 0.001 * self.style.fontSize
            units = face(self.font).units
            for index, (_, words) in enumerate(self.lines):
                start = left + (offset if index == 0 else 0)
                self._link(canv, self.link, start, start + scale * units(" ".join(words)), baseline, index)

    def _rich_lines(self, canv: Any, ops: list[str], tf: str, offset: float, left: float, baseline: float) -> None:
        scale = 0.001 * self.style.fontSize
        current_font, current = "", -1
        for index, (extra, words) in enumerate(self.lines):
            start = left + (offset if index == 0 else 0)
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
            x = start
            for font, text, link in runs:
                if font != current_font:
                    current_font, current = font, -1
                current = _shown(canv, font).show(text, tf, current, ops)
                width = scale * face(font).units(text)
                if link:
                    self._link(canv, link, x, x + scale * face(font).units(text.rstrip(" ")), baseline, index)
                x += width
            ops.append("T*")
            if squeeze:
                ops.append("0 Tw")
            if index == 0 and offset:
                ops.append(f"{num(-offset)} 0 Td")

    def _link(self, canv: Any, url: str, x0: float, x1: float, baseline: float, line: int) -> None:
        """A link over one line of text, where reportlab's Paragraph puts it."""
        style = self.style
        bottom = baseline - line * style.leading - style.fontSize / 8.0
        canv.linkURL(url, (x0, bottom, x1, bottom + style.leading), relative=1, thickness=0)
