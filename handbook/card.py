"""The one-page card: what goes on it, how it is fitted to one page, and how it is drawn.

From top to bottom: title, one-line purpose, dose strip, (the clinician's note), numbered
steps, (picture), (tips), the boxed "Stop and call us if" beside what to avoid; and
anchored to the bottom edge: (QR code), the tick grid, the footer.

The fit measures every part (`wrap`) and adds the heights; nothing is drawn until a
layout that fits is found. It tries, in order: everything at 14 pt; then fewer tips,
last tip first; then a smaller picture; then the step text at 13.5, 13, 12.5 and 12 pt
(tips gone, picture at its smallest). If even that is too tall, the card is refused
with roughly how much to cut. A card is never clipped, never below 12 pt, never two pages.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from . import styles
from .cardparts import Box, CardFooter, DoseStrip, PictureBlock, SideBySide, Stack, TickGrid
from .cardqr import QrBlock, qr_side
from .cardtext import Piece, TextBlock, Unit, text_width, words_of
from .errors import HandbookError, Problem
from .model import Clinic, Content, Review, Routine
from .words import dose_items, step_cue

FONT = styles.FONT

DEFAULT_WEEKS = 4  # tick-grid rows when neither the routine nor the clinician says
PAPER_NAMES = {"a4": "A4", "letter": "Letter", "a5": "A5"}
BODY_SIZES = (14.0, 13.5, 13.0, 12.5, 12.0)  # steps and the lists beside them step down together
TICK_BOX = {"a4": 8.5 * mm, "letter": 8.5 * mm, "a5": 8.2 * mm}  # a box to tick with a pen: 8 mm or more
ADVICE = "This card does not replace your clinician's advice."


@dataclass(frozen=True)
class CardRequest:
    """Everything one card shows: the routine (its dose maybe set for one patient) and for whom."""

    routine: Routine
    clinic: Clinic
    paper: str
    weeks: int = DEFAULT_WEEKS  # rows of the tick grid
    patient: str | None = None  # printed on the name line
    note: str | None = None  # the clinician's note for this patient
    reviewed: Review | None = None  # the routine's review, else the book's
    personal_dose: bool = False  # the dose was set for this patient: the routine's dose note is left out
    language: str = "en"


def tick_weeks(routine: Routine) -> int:
    """Tick-grid rows for a routine: its weeks when it has fewer than 4, else 4.

    A routine kept up for 6 to 8 weeks gets a 4-week card (a second card follows); a
    clinician who wants more rows on one card passes --weeks N.
    """
    weeks = routine.dose.weeks
    return min(int(weeks.most), DEFAULT_WEEKS) if weeks is not None else DEFAULT_WEEKS


def request_for(content: Content, routine: Routine, paper: str | None = None) -> CardRequest:
    """The plain card of a routine, as `handbook cards` prints it."""
    return CardRequest(routine, content.book.clinic, paper or content.book.paper, tick_weeks(routine),
                       reviewed=routine.reviewed or content.book.reviewed, language=content.book.language)


class CardDoesNotFit(HandbookError):
    """The routine has more on it than one page holds at 12 pt; `problem` says how much."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Choice:
    """One way to lay the card out: body text size, tips kept, picture height, dose note shown."""

    size: float
    tips: int
    picture: float | None
    dose_note: bool = True


@dataclass
class Fit:
    """The outcome of fitting: the parts to draw (top and bottom groups) or the overflow."""

    ok: bool
    choice: Choice
    top: list[Flowable] = field(default_factory=list)
    bottom: list[Flowable] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    overflow: float = 0.0
    available: float = 0.0


class _Layout:
    """The card's parts for one request, built once per body size and measured on demand."""

    def __init__(self, req: CardRequest) -> None:
        styles.register_fonts()
        self.req = req
        self.paper = req.paper
        self.geometry = styles.card_geometry(req.paper)
        self.width = self.geometry.frame_width
        self.gap = section_gap(req.paper)
        self._heights: dict[int, tuple[Flowable, float]] = {}
        self._made: dict[tuple[object, ...], Flowable | None] = {}
        self._blocks: dict[tuple[object, ...], list[Flowable]] = {}
        self.head = self._head()
        self.bottom = self._bottom()

    def style(self, name: str, size: float | None = None) -> ParagraphStyle:
        """A card style; at `size` (with its leading scaled) for the body parts that step down."""
        base = styles.card_style(name, self.paper)
        if size is None or size == base.fontSize:
            return base
        key = ("style", name, size)
        if key not in self._made:
            self._made[key] = ParagraphStyle(f"{name}-{size:g}", parent=base, fontSize=size,
                                             leading=base.leading * size / base.fontSize)
        return self._made[key]

    def height(self, part: Flowable) -> float:
        """The part's height at the card's width, measured once (the part is kept, so its id stays its own)."""
        key = id(part)
        if key not in self._heights:
            self._heights[key] = (part, part.wrap(self.width, self.geometry.frame_height)[1])
        return self._heights[key][1]

    def _once(self, key: tuple[object, ...], make: Callable[[], Flowable | None]) -> Flowable | None:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def _head(self) -> list[Flowable]:
        routine = self.req.routine
        return [
            TextBlock.plain(routine.title, self.style("card-title")),
            DoseStrip(dose_items(routine.dose), self.style("card-dose"), self.style("card-dose-words"),
                      pad=2.0 if self.paper == "a5" else 4.0),
        ]

    def purpose(self, size: float) -> Flowable:
        """The one-line purpose: it steps down with the body text, keeping its lead over it."""
        purpose = styles.card_style("card-purpose", self.paper)
        lead = purpose.fontSize - BODY_SIZES[0]
        part = self._once(("purpose", size), lambda: TextBlock.plain(
            _first_sentence(self.req.routine.summary), self.style("card-purpose", size + lead)))
        assert part is not None
        return part

    def notes(self, size: float, dose_note: bool = True) -> Flowable | None:
        """The routine's dose note (unless the dose was set for this patient) and the clinician's note."""

        def make() -> Flowable | None:
            body = self.style("card-body", size)
            parts: list[Flowable] = []
            if dose_note and self.req.routine.dose.note and not self.req.personal_dose:
                parts.append(TextBlock.plain(self.req.routine.dose.note, body))
            if self.req.note:
                units = words_of("From your physio:", styles.FONT_BOLD, size) + words_of(self.req.note, FONT, size)
                parts.append(Box(TextBlock(units, body), line_width=1.2, padding=5))
            return Stack(parts, gap=self.gap) if parts else None

        return self._once(("notes", size, dose_note), make)

    def steps(self, size: float, beside: float | None = None) -> Flowable:
        """The numbered steps; with `beside` (a picture height), the picture to their right."""

        def make() -> Flowable:
            style = self.style("card-step", size)
            indent = text_width("00.", styles.FONT_BOLD, size) + 5
            blocks: list[Flowable] = []
            if self.paper != "a5":  # on A5 the numbers say it: the room goes to the steps
                blocks.append(TextBlock.plain("What to do", self.style("card-heading")))
            for number, step in enumerate(self.req.routine.steps, start=1):
                units: list[Unit] = words_of(step.text, style.fontName, size)
                cue = step_cue(step.hold_seconds, step.breaths)
                if cue:
                    units += words_of(cue, styles.FONT_BOLD, size)
                label = Piece(f"{number}.", styles.FONT_BOLD, size)
                blocks.append(TextBlock(units, style, label=label, indent=indent))
            return Stack(blocks)

        if beside is not None:
            picture = self.req.routine.picture
            assert picture is not None
            part = self._once(("steps-beside", size, beside), lambda: SideBySide(
                make(), PictureBlock(picture, beside, self.style("card-caption")), share=0.64, gap=12))
        else:
            part = self._once(("steps", size), make)
        assert part is not None
        return part

    def steps_and_picture(self, size: float, picture: float | None) -> list[Flowable]:
        """The steps and the picture under them, or beside them when that is shorter."""
        under = [self.steps(size)] + ([] if picture is None else [self.picture(picture)])
        if picture is None:
            return under
        beside = self.steps(size, beside=picture)
        under_height = sum(self.height(p) for p in under) + self.gap
        return [beside] if self.height(beside) < under_height else under

    def tips(self, count: int, size: float) -> Flowable | None:
        """The first `count` tips; their blocks are made once per size and shared (same width)."""
        if count == 0:
            return None
        if ("tip-blocks", size) not in self._blocks:
            everything = _bullets("Tips", self.req.routine.tips, self.style("card-heading"),
                                  self.style("card-body", size))
            self._blocks[("tip-blocks", size)] = everything.parts
        blocks = self._blocks[("tip-blocks", size)]
        return self._once(("tips", count, size), lambda: Stack(blocks[: count + 1]))

    def picture(self, height: float | None) -> Flowable | None:
        picture = self.req.routine.picture
        if picture is None or height is None:
            return None
        return self._once(("picture", height), lambda: PictureBlock(picture, height, self.style("card-caption")))

    def picture_heights(self) -> list[float | None]:
        if self.req.routine.picture is None:
            return [None]
        largest, smallest = (45 * mm, 25 * mm) if self.paper == "a5" else (70 * mm, 35 * mm)
        return [largest + (smallest - largest) * i / 3 for i in range(4)]

    def safety(self, size: float) -> Flowable:
        """The boxed stop list and what to avoid: side by side or one above the other, the shorter."""

        def make() -> Flowable:
            routine = self.req.routine
            heading = self.style("card-heading")

            def box() -> Flowable:
                stop = _bullets("Stop and call us if\u2026", routine.stop_if, heading, self.style("card-stop", size))
                return Box(stop, line_width=2.2, padding=4 if self.paper == "a5" else 6)

            if not routine.avoid:
                return box()

            def avoid() -> Flowable:
                return _bullets("Avoid", routine.avoid, heading, self.style("card-body", size))

            def beside(share: float) -> SideBySide:  # a new pair each time: a flowable draws as last wrapped
                return SideBySide(box(), avoid(), share=share, gap=self.gap + 4)

            best, share = beside(0.5), 0.5
            self.height(best)
            step = 0.05 if best.heights[0] > best.heights[1] else -0.05  # widen the taller column
            while 0.35 <= share + step <= 0.65:
                share += step
                option = beside(share)
                if self.height(option) >= self.height(best):
                    break
                best = option
            if self.paper != "a5":
                return best
            under = Stack([box(), avoid()], gap=self.gap)
            return best if self.height(best) <= self.height(under) else under

        part = self._once(("safety", size), make)
        assert part is not None
        return part

    def _bottom(self) -> list[Flowable]:
        req, routine = self.req, self.req.routine
        parts: list[Flowable] = []
        if routine.link:
            side = qr_side(routine.link, 25 * mm if self.paper == "a5" else 28 * mm)
            parts.append(QrBlock(routine.link, side, self.style("card-heading"), self.style("card-small")))
        grid_styles = {"heading": self.style("card-heading"), "label": self.style("card-label"),
                       "week": self.style("card-small")}
        parts.append(TickGrid(req.weeks, TICK_BOX[self.paper], "Tick a box each day you do it", grid_styles))
        clinic = TextBlock.plain(f"{req.clinic.name} \u00b7 {req.clinic.phone}", self.style("card-clinic"))
        parts.append(CardFooter(req.patient, self.style("card"), self.style("card-name"), clinic,
                                TextBlock.plain(_version_line(req), self.style("card-version"))))
        return parts

    def candidates(self) -> Iterator[Choice]:
        """The layouts to try, from the most generous to the most compact."""
        pictures = self.picture_heights()
        tips = len(self.req.routine.tips)
        for kept in range(tips, -1, -1):
            yield Choice(BODY_SIZES[0], kept, pictures[0])
        for height in pictures[1:]:
            yield Choice(BODY_SIZES[0], 0, height)
        for size in BODY_SIZES[1:]:
            yield Choice(size, 0, pictures[-1])
        if self.req.routine.dose.note and not self.req.personal_dose:
            yield Choice(BODY_SIZES[-1], 0, pictures[-1], dose_note=False)

    def measure(self, choice: Choice) -> Fit:
        size = choice.size
        maybe = [self.purpose(size), self.head[1], self.notes(size, choice.dose_note),
                 *self.steps_and_picture(size, choice.picture), self.tips(choice.tips, size), self.safety(size)]
        top = [self.head[0]] + [part for part in maybe if part is not None]
        parts = top + self.bottom
        total = sum(self.height(p) for p in parts) + self.gap * (len(parts) - 1)
        available = self.geometry.frame_height
        return Fit(total <= available, choice, top, list(self.bottom),
                   {id(p): self.height(p) for p in parts}, max(total - available, 0.0), available)


def section_gap(paper: str) -> float:
    """The space between the card's parts."""
    return 3.0 if paper == "a5" else 9.0


def fit_card(req: CardRequest) -> Fit:
    """The most generous layout of the card that fits on one page, or the overflow of the most compact."""
    layout = _Layout(req)
    fit = None
    for choice in layout.candidates():
        fit = layout.measure(choice)
        if fit.ok:
            return fit
    assert fit is not None
    return fit


def render_card(req: CardRequest) -> bytes:
    """The card as PDF bytes, or `CardDoesNotFit` when it cannot fit one page at 12 pt."""
    fit = fit_card(req)
    if not fit.ok:
        raise CardDoesNotFit(fit_problem(req, fit))
    with _binary_streams():
        return _draw(req, fit)


def _draw(req: CardRequest, fit: Fit) -> bytes:
    geometry = styles.card_geometry(req.paper)
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(geometry.width, geometry.height), invariant=1, pageCompression=1,
                  initialFontName=styles.FONT, initialFontSize=14, lang=req.language)
    routine = req.routine
    canv.setTitle(routine.title)
    canv.setAuthor(req.clinic.name)
    canv.setSubject(f"Exercise card: {routine.title}")
    canv.setCreator("handbook")
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


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams compressed but not ASCII85-encoded: smaller files, and ~2 ms less per card."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def fit_problem(req: CardRequest, fit: Fit) -> Problem:
    """The refusal of a card that does not fit, saying roughly how much to cut."""
    routine = req.routine
    lines = max(1, math.ceil(fit.overflow / (BODY_SIZES[-1] * 1.25)))
    percent = max(1, math.ceil(100 * fit.overflow / fit.available))
    hints = "shorten its steps, avoid or stop-if lists"
    if req.weeks > DEFAULT_WEEKS:
        hints += f", or print fewer weeks than {req.weeks}"
    if req.note:
        hints += ", or shorten the note"
    where = routine.where("steps")
    message = (f"the card for '{routine.slug}' does not fit on one {PAPER_NAMES[req.paper]} page, even with "
               f"{BODY_SIZES[-1]:g} pt text and no tips: about {lines} line{'s' if lines != 1 else ''} / "
               f"{percent}% too long; {hints}")
    return Problem(where.path, where.line, where.col, "card", message)


def _bullets(heading: str, items: tuple[str, ...], heading_style: ParagraphStyle,
             style: ParagraphStyle) -> Flowable:
    indent = style.fontSize * 0.9
    blocks: list[Flowable] = [TextBlock.plain(heading, heading_style)]
    for item in items:
        bullet = Piece("\u2022", styles.FONT_BOLD, style.fontSize)
        blocks.append(TextBlock(words_of(item, style.fontName, style.fontSize), style, label=bullet, indent=indent))
    return Stack(blocks)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _version_line(req: CardRequest) -> str:
    line = f"Version {req.routine.version}"
    if req.reviewed is not None:
        on = req.reviewed.on
        line += f" \u00b7 reviewed {on.day} {on:%b} {on.year}"
    return f"{line} \u00b7 {ADVICE}"
