"""The card: what goes on it, how it is fitted to the fewest sides of paper, and how it is drawn.

This module holds the fit and the drawing; the request is in `request`, the parts and
their arrangements are built and measured in `arrange`.

From top to bottom: title, one-line purpose, dose strip, (the dose note and the
clinician's note), numbered steps with their pictures, the boxed "Stop and call us if"
beside what to avoid, the clinic's red flags with its phone (boxed like the stop list),
(tips), (where the sources disagree, boxed), (the clinic's advice, boxed); and anchored to
the bottom edge: (QR code), the tick grid, the footer.

Nothing of the routine is ever left out and the type is never set smaller: body text is
14 pt on every card (18 pt in large print), and nothing printed is under 10 pt (14 pt in
large print). The fit measures every part (`wrap`) and adds the heights; nothing is drawn
until a layout that fits is found. It tries, in order: everything on one side with the
pictures from their largest to their smallest (a routine's one picture beside the steps,
then under them); then the same on two sides, then three and four (a second sheet): the
front holds the title, as much as fits in reading order (cut between two steps or two
items of a list, never inside one; a box is never cut), "More on the back: please turn
over." and the tick grid and footer; each side after it holds "(continued)" and more, the
last one the QR code. If even four sides are too little, the card is refused with roughly
how much to cut. A card is never clipped, and always says where it goes on.
"""

from __future__ import annotations

import io
import math
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from handbook.errors import HandbookError, Problem
from handbook.layout import styles
from handbook.layout.card.arrange import MOST_SIDES, Fit, Layout, Side, section_gap
from handbook.layout.card.request import DEFAULT_WEEKS, CardRequest
from handbook.model.labels import labels
from handbook.pdf.document import binary_streams, seed_fonts

FONT = styles.FONT

PAPER_NAMES = {"a4": "A4", "letter": "Letter", "a5": "A5", "half-letter": "half-letter"}
CHECK_PAPERS = ("a4", "letter", "a5")  # the papers `handbook check` fits every card on
# Given the first codes of each face in every card, so cards share their font subsets
# (see pdf.document.seed_fonts): the marks the card prints (· • … ×) and the usual typographic ones.
SHORT_LINK = "https://example.org/video"  # a usual link, to tell whether the routine's own is what is too long
SEED_ALPHABET = "\u00b7\u2022\u2026\u00d7\u2013\u2014\u2018\u2019\u201c\u201d"


class CardDoesNotFit(HandbookError):
    """The routine has more on it than four sides (two sheets) hold; `problem` says how much."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def fit_card(req: CardRequest) -> Fit:
    """The most generous layout of the card that fits on the fewest sides, or the overflow of the
    most compact."""
    layout = Layout(req)
    fit = None
    for choice in layout.candidates():
        fit = layout.measure(choice)
        if fit.ok:
            return fit
    assert fit is not None
    return fit


def render_card(req: CardRequest) -> bytes:
    """The card as PDF bytes (a page per side), or `CardDoesNotFit`."""
    return render_card_sides(req)[0]


def render_card_sides(req: CardRequest) -> tuple[bytes, int]:
    """The card as PDF bytes, and how many sides it has (to be said: more than one is printed double-sided)."""
    fit = _fitted(req)
    with binary_streams():
        return _draw(req, fit), len(fit.sides)


def draw_card(canv: Canvas, req: CardRequest) -> int:
    """Draw the card, a page for each side, on a canvas of another document (a patient's programme)
    whose pages are the card's paper; how many sides it has, or `CardDoesNotFit`. The same fit and
    the same drawing as `render_card_sides`: only the document around the pages differs."""
    fit = _fitted(req)
    _draw_sides(canv, req, fit)
    return len(fit.sides)


def _fitted(req: CardRequest) -> Fit:
    fit = fit_card(req)
    if not fit.ok:
        raise CardDoesNotFit(fit_problem(req, fit))
    return fit


def _draw(req: CardRequest, fit: Fit) -> bytes:
    geometry = styles.card_geometry(req.paper)
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(geometry.width, geometry.height), invariant=1, pageCompression=1,
                  initialFontName=styles.FONT, initialFontSize=14, lang=req.language)
    seed_fonts(canv, (styles.FONT, styles.FONT_BOLD), SEED_ALPHABET)
    routine = req.routine
    canv.setTitle(routine.title)
    canv.setAuthor(req.clinic.name)
    canv.setSubject(labels(req.language)("card.subject", title=routine.title))
    canv.setCreator("handbook")
    canv.setViewerPreference("DisplayDocTitle", "true")  # the viewer's title bar shows the title, not the file name
    _draw_sides(canv, req, fit)
    canv.save()
    return buffer.getvalue()


def _draw_sides(canv: Canvas, req: CardRequest, fit: Fit) -> None:
    """Each side of the fitted card on a page of its own."""
    geometry = styles.card_geometry(req.paper)
    canv.setFillColor(styles.INK)
    for side in fit.sides:
        _draw_side(canv, geometry, side, section_gap(req.paper))
        canv.showPage()


def _draw_side(canv: Canvas, geometry: styles.Geometry, side: Side, gap: float) -> None:
    """The side's top parts from the top edge down, its bottom parts up from the bottom edge.

    Every part of the side is wrapped again here, before any is drawn: a part shared by layouts
    that were measured and not taken draws as last wrapped.
    """
    heights = {id(p): p.wrap(geometry.frame_width, geometry.frame_height)[1] for p in side.top + side.bottom}
    parts = side.top + side.bottom
    spare = geometry.frame_height - sum(heights.values()) - gap * (len(parts) - 1)
    top_gap = gap + min(spare, gap * 0.5 * (len(parts) - 1)) / max(len(parts) - 1, 1)  # a little more air first
    y = geometry.height - geometry.top
    for part in side.top:
        y -= heights[id(part)]
        part.drawOn(canv, geometry.left, y)
        y -= top_gap
    y = geometry.bottom + sum(heights[id(p)] for p in side.bottom) + top_gap * (len(side.bottom) - 1)
    for part in side.bottom:  # anchored to the bottom edge, drawn top down so the text reads in order
        y -= heights[id(part)]
        part.drawOn(canv, geometry.left, y)
        y -= top_gap


def fit_problem(req: CardRequest, fit: Fit) -> Problem:
    """The refusal of a card that does not fit on four sides, saying roughly how much to cut.

    Blamed on the routine's link when a short one would let the card fit: a long address
    makes a large QR code and many lines of text, and shortening the steps would not help.
    """
    routine = req.routine
    lines = max(1, math.ceil(fit.overflow / (req.body_size * 1.25)))
    percent = max(1, math.ceil(100 * fit.overflow / fit.available))
    large = " in large print" if req.large_print else ""
    too_long = f"about {lines} line{'s' if lines != 1 else ''} / {percent}% too long"
    link = routine.link
    if link and len(link) > len(SHORT_LINK) and fit_card(replace(req, routine=replace(routine, link=SHORT_LINK))).ok:
        where = routine.where("link")
        return Problem(where.path, where.line, where.col, "link",
                       f"is too long for the card ({len(link)} characters): with its QR code and the address written "
                       f"out, the card does not fit on {MOST_SIDES} sides of {PAPER_NAMES[req.paper]}{large} "
                       f"({too_long}); shorten the address")
    hints = "shorten its steps, tips or lists"
    if req.weeks > DEFAULT_WEEKS:
        hints += f", or print fewer weeks than {req.weeks}"
    if req.note:
        hints += ", or shorten the note"
    where = routine.where("steps")
    message = (f"the card for '{routine.slug}' does not fit on {MOST_SIDES} sides of {PAPER_NAMES[req.paper]}{large} "
               f"with {req.body_size:g} pt text: {too_long}; {hints}")
    return Problem(where.path, where.line, where.col, "card", message)
