"""The one-page card: what goes on it, how it is fitted to one page, and how it is drawn.

This module holds the fit and the drawing; the request is in `request`, the parts and
their arrangements are built and measured in `arrange`.

From top to bottom: title, one-line purpose, dose strip, (the clinician's note), numbered
steps, (picture), (tips), the boxed "Stop and call us if" beside what to avoid; and
anchored to the bottom edge: (QR code), the tick grid, the footer.

The fit measures every part (`wrap`) and adds the heights; nothing is drawn until a
layout that fits is found. It tries, in order: everything at 14 pt; then fewer tips,
last tip first; then a smaller picture; then the step text at 13.5, 13, 12.5 and 12 pt
(tips gone, picture at its smallest). If even that is too tall, the card is refused
with roughly how much to cut. A card is never clipped, never below 12 pt, never two pages.
Large print (`CardRequest.large_print`) scales every style by 18/14 and steps the body
text from 18 down to 16 pt, never below. Every printed label is in the request's language.

Pictures: when steps have pictures, each is printed beside its step (`StepRows`), and
the sequence above runs first with all of them, shrinking them down to a set minimum
(STEP_PICTURE); then again with one picture for the routine (its own, else the first
step's), beside or under the steps; then with that picture in the tick grid's note
column, where the notes would be; only then is the card refused.
"""

from __future__ import annotations

import io
import math
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from handbook.errors import HandbookError, Problem
from handbook.layout import styles
from handbook.layout.card.arrange import EXTRAS, Choice, Fit, Layout, section_gap
from handbook.layout.card.request import DEFAULT_WEEKS, CardRequest
from handbook.model.labels import labels
from handbook.pdf.document import binary_streams, seed_fonts

FONT = styles.FONT

PAPER_NAMES = {"a4": "A4", "letter": "Letter", "a5": "A5", "half-letter": "half-letter"}
CHECK_PAPERS = ("a4", "letter", "a5")  # the papers `handbook check` fits every card on
# Given the first codes of each face in every card, so cards share their font subsets
# (see pdf.document.seed_fonts): the marks the card prints (· • … ×) and the usual typographic ones.
SEED_ALPHABET = "\u00b7\u2022\u2026\u00d7\u2013\u2014\u2018\u2019\u201c\u201d"


class CardDoesNotFit(HandbookError):
    """The routine has more on it than one page holds at 12 pt (16 pt in large print); `problem` says how much."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def fit_card(req: CardRequest) -> Fit:
    """The most generous layout of the card that fits on one page, or the overflow of the most compact.

    The layouts are tried in order (`Layout.candidates`). Those that differ only in tips
    kept and picture height are never shorter than the one with no tips and the smallest
    picture: when that one is too tall, the others of its kind are not measured at all.
    """
    layout = Layout(req)
    last = None
    hopeless: set[tuple[float, bool, bool, bool]] = set()
    for choice in layout.candidates():
        last = choice
        kind = (choice.size, choice.dose_note, choice.all_pictures, choice.in_grid)
        if kind in hopeless:
            continue
        smallest = layout.picture_heights(choice.all_pictures)[-1] if choice.picture is not None else None
        compact = replace(choice, tips=0, picture=smallest)
        if compact != choice and not layout.measure(compact).ok:
            hopeless.add(kind)
            continue
        fit = layout.measure(choice)
        if fit.ok:
            return _with_extras(layout, fit)
    assert last is not None
    return layout.measure(last)


def _with_extras(layout: Layout, fit: Fit) -> Fit:
    """The fit with the red flags, the caution and the clinic's advice added, in that order, each
    where it still fits: they never push the text smaller or a tip off (`left_out` names the rest)."""
    for name in EXTRAS:
        if layout.has_extra(name):
            trial = layout.measure(replace(fit.choice, extras=(*fit.choice.extras, name)))
            if trial.ok:
                fit = trial
    return fit


def card_fits(req: CardRequest) -> bool:
    """Whether the card fits one page (`fit_card(req).ok`), found sooner when it clearly cannot.

    Every layout holds at least the text at its smallest size, with no tips, picture or
    dose note; when even that is too tall, no other layout is measured (`handbook check`
    asks this of every routine on three papers, in large print too).
    """
    layout = Layout(req)
    if not layout.measure(Choice(req.body_sizes[-1], 0, None, dose_note=False)).ok:
        return False
    return any(layout.measure(choice).ok for choice in layout.candidates())


def render_card(req: CardRequest) -> bytes:
    """The card as PDF bytes, or `CardDoesNotFit` when it cannot fit one page at 12 pt (16 pt in large print)."""
    return render_card_noting(req)[0]


def render_card_noting(req: CardRequest) -> tuple[bytes, list[str]]:
    """The card as PDF bytes, and what of the routine it leaves out (`left_out`), to be said."""
    fit = fit_card(req)
    if not fit.ok:
        raise CardDoesNotFit(fit_problem(req, fit))
    with binary_streams():
        return _draw(req, fit), left_out(req, fit)


def left_out(req: CardRequest, fit: Fit) -> list[str]:
    """What of the routine the card does not print, in a few words each (the handbook prints it all).

    Tips, the dose note and step pictures give way to fit one page; where the sources
    disagree and the clinic's own advice are not on a card yet.
    """
    routine = req.routine
    out = []
    if len(routine.tips) > fit.choice.tips:
        out.append(f"{len(routine.tips) - fit.choice.tips} of {len(routine.tips)} tips")
    if routine.dose.note and not req.personal_dose and not fit.choice.dose_note:
        out.append("the dose note")
    pictured = sum(1 for step in routine.steps if step.picture is not None)
    if pictured and not fit.choice.all_pictures:
        shown = 0 if routine.picture is not None else 1
        if pictured > shown:
            out.append(f"{pictured - shown} of {pictured} step pictures")
    printed = fit.choice.extras
    if req.red_flags and "red_flags" not in printed:
        out.append("the clinic's red flags")
    if routine.caution and "caution" not in printed:
        out.append("where the sources disagree")
    if routine.clinic_advice and "advice" not in printed:
        out.append("the clinic's advice")
    return out


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
    canv.setFillColor(styles.INK)
    gap = section_gap(req.paper)
    parts = fit.top + fit.bottom
    spare = fit.available - sum(fit.heights[id(p)] for p in parts) - gap * (len(parts) - 1)
    gap += min(spare, gap * 0.5 * (len(parts) - 1)) / max(len(parts) - 1, 1)  # a little more air first
    y = geometry.height - geometry.top
    for part in fit.top:
        y -= fit.heights[id(part)]
        part.drawOn(canv, geometry.left, y)
        y -= gap
    y = geometry.bottom + sum(fit.heights[id(p)] for p in fit.bottom) + gap * (len(fit.bottom) - 1)
    for part in fit.bottom:  # anchored to the bottom edge, drawn top down so the text reads in order
        y -= fit.heights[id(part)]
        part.drawOn(canv, geometry.left, y)
        y -= gap
    canv.showPage()
    canv.save()
    return buffer.getvalue()


def fit_problem(req: CardRequest, fit: Fit) -> Problem:
    """The refusal of a card that does not fit, saying roughly how much to cut."""
    routine = req.routine
    smallest = req.body_sizes[-1]
    lines = max(1, math.ceil(fit.overflow / (smallest * 1.25)))
    percent = max(1, math.ceil(100 * fit.overflow / fit.available))
    hints = "shorten its steps, avoid or stop-if lists"
    if req.weeks > DEFAULT_WEEKS:
        hints += f", or print fewer weeks than {req.weeks}"
    if req.note:
        hints += ", or shorten the note"
    where = routine.where("steps")
    large = " in large print" if req.large_print else ""
    message = (f"the card for '{routine.slug}' does not fit on one {PAPER_NAMES[req.paper]} page{large}, even with "
               f"{smallest:g} pt text and no tips: about {lines} line{'s' if lines != 1 else ''} / "
               f"{percent}% too long; {hints}")
    return Problem(where.path, where.line, where.col, "card", message)
