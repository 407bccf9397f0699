"""Fonts, colours, paper sizes, margins and paragraph styles: one place for all of them.

One typeface family (Source Sans Pro, SIL OFL, from the `font-source-sans-pro` PyPI
package) is embedded and subset in every PDF; reportlab's standard 14 fonts are never
used, because they are not embedded. Styles are named by role and each has a parent.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from handbook.pdf.fontcache import CachedTTFont

# --- fonts -------------------------------------------------------------------------

FONT = "SourceSans"
FONT_BOLD = "SourceSans-Bold"
FONT_ITALIC = "SourceSans-Italic"
FONT_BOLD_ITALIC = "SourceSans-BoldItalic"

_FONT_FILES = {
    FONT: "SourceSansPro-Regular.ttf",
    FONT_BOLD: "SourceSansPro-Bold.ttf",
    FONT_ITALIC: "SourceSansPro-It.ttf",
    FONT_BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
}


def font_folder() -> Path:
    """Where the font package keeps its TrueType files."""
    import font_source_sans_pro

    return Path(font_source_sans_pro.font_directory)


@functools.cache
def register_fonts() -> None:
    """Register the embedded family with reportlab once per process.

    The fonts keep the subsets they embed (`fontcache`), so a batch of PDFs does not
    build the same subset again for each one; the PDFs are the same either way.
    """
    from reportlab.lib.fonts import addMapping

    folder = font_folder()
    for name, filename in _FONT_FILES.items():
        pdfmetrics.registerFont(CachedTTFont(name, str(folder / filename)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)


@functools.cache
def covered() -> frozenset[int]:
    """Code points present in both faces we print content with (regular and bold).

    Content is never set in italic: it is harder to read for the people we print for,
    and the italic faces lack Greek and Cyrillic.
    """
    register_fonts()  # the renderers register the same faces: no second parse
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in (FONT, FONT_BOLD)]
    return frozenset(set.intersection(*sets))


# --- colours: black on white; grey only for rules and small print --------------------

INK = colors.black
RULE = colors.Color(0.35, 0.35, 0.35)
TINT = colors.Color(0.93, 0.93, 0.93)  # light box fill; text on it stays black

# --- paper and margins -----------------------------------------------------------

HALF_LETTER = (396.0, 612.0)  # 5.5 x 8.5 in: half a Letter sheet, a booklet page or a 2-up card
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER, "a5": A5, "half-letter": HALF_LETTER}
HALF_PAPER = {"a4": "a5", "letter": "half-letter", "a5": "a5", "half-letter": "half-letter"}  # folded or cut in two
MIN_MARGIN = 12.7 * mm  # the print-safe minimum on every page
FURNITURE_INSET = 15 * mm  # baseline of the footer, top of the header text, from the edge
FURNITURE_SIZE = 10.0  # running header and footer: nothing printed is smaller
SMALLEST = 10.0  # the smallest type on any page
SMALLEST_LARGE_PRINT = 14.0  # and in large print


@dataclass(frozen=True)
class Geometry:
    """A page size with its margins, in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    furniture_inset: float = FURNITURE_INSET  # the handbook's running header and footer
    furniture_size: float = FURNITURE_SIZE

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


# --- handbook styles ---------------------------------------------------------------
# Body text is 14 pt on a 396 pt measure: about 68 characters a line in Source Sans Pro,
# under the ~70 that stays easy to track from one line to the next. Every style a patient
# reads is 12 pt or more; only the running header and footer are smaller (10 pt, SMALLEST).

#
# A booklet (`handbook build --booklet`) is laid out on its own final page, A5 or
# half-letter, with the same type sizes: a narrower column (about 58 characters at 14 pt)
# between 15 mm side margins, never a full page scaled down.
#
# Large print (`--large-print`) scales every size, indent and space by 18/14 (body text
# 18 pt) and the leading a little more (body 18 on 26 pt); the running header and footer
# are 14 pt, and nothing is smaller than 14 pt (SMALLEST_LARGE_PRINT). The column is 20 mm
# from each edge of A4 (centred, as wide, on Letter): about 64 characters a line at 18 pt,
# so lines stay under 70.

HANDBOOK_MEASURE = 396.0  # width of the text column, points
HANDBOOK_TOP = 25 * mm  # text frame starts this far below the top edge
HANDBOOK_BOTTOM = 25 * mm
BOOKLET_PAPERS = ("a5", "half-letter")  # a booklet's pages, imposed two-up on A4 or Letter
BOOKLET_SIDE = 15 * mm
BOOKLET_TOP = 23 * mm  # also the bottom
BOOKLET_FURNITURE_INSET = 14.5 * mm
LARGE_PRINT_SCALE = 18 / 14  # body text 14 pt -> 18 pt; every size, indent and space with it
LARGE_PRINT_LEADING = 1.02  # and the lines a little further apart still: 18 on 26
LARGE_PRINT_SIDE = 20 * mm
LARGE_PRINT_MEASURE = 482.0  # points: A4 less 20 mm a side, about 64 characters at 18 pt
LARGE_PRINT_TOP = 26 * mm  # also the bottom
LARGE_PRINT_FURNITURE = SMALLEST_LARGE_PRINT


def handbook_geometry(paper: str, large_print: bool = False) -> Geometry:
    """The handbook page: the text column centred, at least MIN_MARGIN on every side.

    `paper` is a4 or letter, or a booklet's page (a5, half-letter).
    """
    width, height = PAPERS[paper]
    furniture = LARGE_PRINT_FURNITURE if large_print else FURNITURE_SIZE
    if paper in BOOKLET_PAPERS:
        side, top, inset = BOOKLET_SIDE, BOOKLET_TOP + (2 * mm if large_print else 0), BOOKLET_FURNITURE_INSET
    elif large_print:  # the column of A4, also on wider Letter: the same lines on both
        side, top, inset = max(LARGE_PRINT_SIDE, (width - LARGE_PRINT_MEASURE) / 2), LARGE_PRINT_TOP, FURNITURE_INSET
    else:
        side, top, inset = (width - HANDBOOK_MEASURE) / 2, HANDBOOK_TOP, FURNITURE_INSET
    assert side >= MIN_MARGIN and inset - 3 >= MIN_MARGIN
    return Geometry(width, height, side, side, top, top if paper in BOOKLET_PAPERS or large_print
                    else HANDBOOK_BOTTOM, inset, furniture)


_SCALED = ("fontSize", "leading", "spaceBefore", "spaceAfter", "leftIndent", "rightIndent", "bulletIndent",
           "bulletFontSize")


def large_print_size(key: str, value: float) -> float:
    """A size, indent or space of the normal print in large print, to the half point."""
    factor = LARGE_PRINT_SCALE * (LARGE_PRINT_LEADING if key == "leading" else 1.0)
    return round(value * factor * 2) / 2


def large_print_sizes(sizes: dict[str, object]) -> dict[str, object]:
    """Sizes, indents and spaces of a style in large print (`large_print_size`); type that would
    still be under 14 pt (SMALLEST_LARGE_PRINT) is raised to it, its leading with it."""
    scaled = {k: large_print_size(k, v) if k in _SCALED and isinstance(v, (int, float)) else v
              for k, v in sizes.items()}
    size, leading = scaled.get("fontSize"), scaled.get("leading")
    if isinstance(size, float) and size < SMALLEST_LARGE_PRINT:
        scaled["fontSize"] = SMALLEST_LARGE_PRINT
        if isinstance(leading, float):
            scaled["leading"] = round(leading * SMALLEST_LARGE_PRINT / size * 2) / 2
    return scaled


@functools.cache
def handbook_styles(large_print: bool = False) -> dict[str, ParagraphStyle]:
    """The handbook's paragraph styles by role; each names its parent, `base` names the font.

    In large print every size, leading, indent and space is scaled (`large_print_sizes`).
    """
    register_fonts()

    def sized(kw: dict[str, object]) -> dict[str, object]:
        return large_print_sizes(kw) if large_print else kw

    base = ParagraphStyle(
        "base", **sized(dict(
            fontName=FONT, fontSize=14, leading=20, textColor=INK, alignment=0,  # 0: TA_LEFT
            bulletFontName=FONT, bulletFontSize=14, allowOrphans=0, allowWidows=0,
            # a word or address wider than the line is cut across lines; reportlab's
            # uriWasteReduce would leave a very long address on one line, past the margin
            splitLongWords=1, uriWasteReduce=0,
        ))
    )

    def role(name: str, parent: ParagraphStyle, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **sized(kw))

    body = role("body", base, spaceAfter=8)
    heading = role("heading", base, fontName=FONT_BOLD, keepWithNext=1)
    styles = [
        base, body, heading,
        role("lead", body, fontSize=15, leading=21, spaceAfter=10),
        role("h1", heading, fontSize=26, leading=31, spaceAfter=14),
        role("h2", heading, fontSize=17, leading=22, spaceBefore=14, spaceAfter=5),
        role("topic", heading, fontSize=21, leading=26, spaceBefore=10, spaceAfter=8),
        role("question", heading, fontSize=15.5, leading=20, spaceBefore=12, spaceAfter=4),
        role("dose", body, fontName=FONT_BOLD, fontSize=15, leading=21, spaceAfter=2),
        role("item", body, leftIndent=18, bulletIndent=2, spaceAfter=5),
        role("step", body, leftIndent=28, bulletIndent=0, bulletFontName=FONT_BOLD, spaceAfter=7),
        role("box-title", heading, fontSize=17, leading=22, spaceAfter=6),
        role("box-item", body, leftIndent=18, bulletIndent=2, spaceAfter=4),
        role("box-note", body, fontName=FONT_BOLD, spaceBefore=4, spaceAfter=0),
        # smaller type gets a narrower measure (rightIndent), so lines stay near 70 characters
        # regular, as all content: the italic face lacks Greek and Cyrillic (see `covered`)
        role("caption", body, fontSize=12, leading=16, rightIndent=50, spaceBefore=3,
             spaceAfter=10),
        role("caption-beside", body, fontSize=12, leading=16, spaceBefore=3, spaceAfter=0),  # under a step's picture
        role("link", body, fontSize=12, leading=16, rightIndent=50, spaceAfter=6),
        role("source", body, fontSize=12, leading=16, leftIndent=14, rightIndent=40, bulletIndent=2,
             bulletFontSize=12, spaceAfter=6),
        role("source-head", heading, fontSize=12, leading=16, spaceBefore=10, spaceAfter=3),
        role("small", body, fontSize=10, leading=13, rightIndent=106, spaceAfter=4),
        role("toc", body, spaceAfter=3),
        role("toc-part", body, fontName=FONT_BOLD, fontSize=15, leading=21, spaceBefore=10, spaceAfter=3,
             keepWithNext=1),
        role("cover-title", heading, fontSize=34, leading=40, spaceAfter=16),
        role("cover-subtitle", base, fontSize=19, leading=25, spaceAfter=28),
        role("cover-detail", base, fontSize=14, leading=20, spaceAfter=2),
    ]
    return {style.name: style for style in styles}


# --- card styles -----------------------------------------------------------------------
# The one-page card (handbook/layout/card/). Card text is set by handbook/layout/card/text.py,
# which reads fontName, fontSize, leading and spaceAfter from these styles. One base set
# (`CARD_STYLES`, for A4 and Letter) and overlays that change only what differs, as rst2pdf's
# style sheets do: `A5_CARD` for A5 and half-letter (a 2-up card), then large print, which
# scales every size by 18/14 (`large_print_sizes`): body 18 pt, and nothing under 14 pt.
# Body text is 14 pt (18 in large print) on every card; a card with more than one side
# holds continues on the back (see handbook/layout/card/render.py), it is never set smaller.
# Patients read nothing below 12 pt; only weekday labels (`card-label`) and `card-version`
# are smaller, at 10 pt (SMALLEST).

CARD_MARGIN = 13.5 * mm  # a little more than MIN_MARGIN, so no stroke or glyph reaches it

CARD = ParagraphStyle("card", fontName=FONT, fontSize=14, leading=18, textColor=INK)
CARD_STYLES: dict[str, ParagraphStyle] = {
    style.name: style
    for style in (
        CARD,
        ParagraphStyle("card-title", parent=CARD, fontName=FONT_BOLD, fontSize=28, leading=32),
        ParagraphStyle("card-purpose", parent=CARD, fontSize=16, leading=20),
        ParagraphStyle("card-heading", parent=CARD, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=2),
        ParagraphStyle("card-name", parent=CARD, fontName=FONT_BOLD),
        ParagraphStyle("card-step", parent=CARD, leading=17.5, spaceAfter=2),
        ParagraphStyle("card-body", parent=CARD, leading=17.5, spaceAfter=2),
        ParagraphStyle("card-stop", parent=CARD, fontName=FONT_BOLD, leading=17.5, spaceAfter=2),
        ParagraphStyle("card-dose", parent=CARD, fontName=FONT_BOLD, fontSize=30, leading=33),
        ParagraphStyle("card-dose-words", parent=CARD, fontSize=18, leading=22),
        ParagraphStyle("card-small", parent=CARD, fontSize=12, leading=14.5),
        ParagraphStyle("card-clinic", parent=CARD, fontName=FONT_BOLD, fontSize=12, leading=14.5),
        ParagraphStyle("card-caption", parent=CARD, fontSize=12, leading=14.5),
        ParagraphStyle("card-label", parent=CARD, fontSize=SMALLEST, leading=12),
        ParagraphStyle("card-version", parent=CARD, fontSize=SMALLEST, leading=12),
    )
}
# A5 and half-letter: a smaller title, purpose, headings and dose, and tighter lines.
A5_CARD: dict[str, dict[str, float]] = {
    "card-title": {"fontSize": 24, "leading": 24},
    "card-purpose": {"fontSize": 14, "leading": 17},
    "card-heading": {"fontSize": 14, "leading": 17, "spaceAfter": 1},
    "card-step": {"leading": 16.1, "spaceAfter": 1},
    "card-body": {"leading": 16.1, "spaceAfter": 1},
    "card-stop": {"leading": 16.1, "spaceAfter": 1},
    "card-dose": {"fontSize": 24, "leading": 25},
    "card-dose-words": {"fontSize": 16, "leading": 19},
}

SMALL_CARD_PAPERS = ("a5", "half-letter")


def card_style(name: str, paper: str, large_print: bool = False) -> ParagraphStyle:
    """The card style called `name` for `paper`, in large print if asked."""
    return card_styles(paper in SMALL_CARD_PAPERS, large_print)[name]


@functools.cache
def card_styles(small: bool, large_print: bool) -> dict[str, ParagraphStyle]:
    """The card's styles: the base set, with the A5 overlay on `small` paper, then scaled for large print.

    Each variant names the style it changes as its parent and sets only what differs.
    """
    styles = dict(CARD_STYLES)
    if small:
        styles = {name: ParagraphStyle(f"{name}@a5", parent=style, **A5_CARD[name]) if name in A5_CARD else style
                  for name, style in styles.items()}
    if large_print:
        styles = {name: ParagraphStyle(f"{style.name}@large", parent=style,
                                       **large_print_sizes({key: getattr(style, key)
                                                            for key in ("fontSize", "leading", "spaceAfter")}))
                  for name, style in styles.items()}
    return styles


def card_geometry(paper: str) -> Geometry:
    """The card's page: the paper size with CARD_MARGIN on every side."""
    width, height = PAPERS[paper]
    return Geometry(width, height, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)


# --- a patient's programme (handbook plan) ----------------------------------------------
# The first page ("Your programme") and the weekly log: the handbook's styles by role, on a
# wider column (a table of the exercises; seven day columns to tick), as overlays that change
# only what differs. Body text 14 pt (18 pt in large print); the day names over the log's
# columns and the footer are the smallest type, 12 and 10 pt (14 and 14 pt in large print).
# The cards between them are the cards, on the same paper.

PLAN_SIDE = 16 * mm
PLAN_TOP = 16 * mm
PLAN_BOTTOM = 24 * mm  # the footer's baseline is FURNITURE_INSET from the bottom edge
PLAN_TICK_BOX = 8.5 * mm  # a box to tick or write a pain score in: 8 mm or more, as on a card
PLAN_LARGE_TICK_BOX = 11 * mm


def plan_geometry(paper: str, large_print: bool = False) -> Geometry:
    """A programme page (a4 or letter): the column as wide as the paper less PLAN_SIDE a side."""
    width, height = PAPERS[paper]
    furniture = LARGE_PRINT_FURNITURE if large_print else FURNITURE_SIZE
    return Geometry(width, height, PLAN_SIDE, PLAN_SIDE, PLAN_TOP, PLAN_BOTTOM, FURNITURE_INSET, furniture)


PLAN_STYLES: dict[str, tuple[str, dict[str, object]]] = {  # name: (the handbook style it changes, what differs)
    "plan-title": ("h1", {"spaceAfter": 10}),
    "plan-field": ("body", {"spaceAfter": 2}),
    "plan-field-label": ("heading", {"spaceAfter": 2}),
    "plan-intro": ("body", {"spaceBefore": 8, "spaceAfter": 10}),
    "cell": ("body", {"spaceAfter": 0}),
    "cell-head": ("heading", {"spaceAfter": 0}),
    "day": ("heading", {"fontSize": 12, "leading": 14, "spaceAfter": 0}),
    "log-title": ("h1", {"fontSize": 22, "leading": 27, "spaceAfter": 4}),
    "log-heading": ("heading", {"spaceBefore": 10, "spaceAfter": 4}),
    "log-note": ("body", {"spaceBefore": 4, "spaceAfter": 4}),
}


@functools.cache
def plan_styles(large_print: bool = False) -> dict[str, ParagraphStyle]:
    """The programme's styles: the handbook's (`handbook_styles`) and overlays on them, named by role."""
    base = handbook_styles(large_print)
    styles = dict(base)
    for name, (parent, changes) in PLAN_STYLES.items():
        styles[name] = ParagraphStyle(name, parent=base[parent],
                                      **(large_print_sizes(changes) if large_print else changes))
    return styles
