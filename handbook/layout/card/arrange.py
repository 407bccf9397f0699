"""Laying a card out: its parts for one request, in reading order, on one side or more.

`Layout` builds each part once and measures it on demand; `candidates` yields the
arrangements from the most generous to the most compact (see `render` for the order),
and `measure` lays one out: everything on the front, or, when the front is full, the
rest on the back (and a second sheet, at most). Nothing here draws, and nothing of the
routine is ever left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from handbook.layout import styles
from handbook.layout.card.boxes import Bordered, Column, SideBySide, Stack
from handbook.layout.card.parts import CardFooter, DoseStrip, Logo, PictureBlock, QrBlock, StepRows, TickGrid
from handbook.layout.card.pictures import STEP_GAP, column_width, picture_heights, routine_scale
from handbook.layout.card.request import CardRequest
from handbook.layout.card.text import Part, Piece, TextBlock, Unit, text_width, words_of
from handbook.layout.qr import printed_side
from handbook.model import Amount, Picture
from handbook.model.labels import Labels, labels
from handbook.model.words import dose_phrases, step_cue

FONT = styles.FONT
# A box to tick with a pen: 8 mm or more; in large print as wide as a 14 pt weekday ("Wed").
TICK_BOX = {False: 8.5 * mm, True: 8.2 * mm}  # True: A5 or half-letter
LARGE_TICK_BOX = 11 * mm
LOGO_HEIGHT = {False: 16 * mm, True: 12 * mm}  # True: A5 or half-letter
MEASURE = 370.0  # points: running text (lists, boxes) no wider: about 62 characters of 14 pt a line
MOST_SIDES = 4  # a card is one sheet, printed on one side or both, or at most two sheets
# On more than one side, the stop box and the tick grid, in the order they are tried: both on the
# front, the stop box after the steps, then pinned at the foot; then the grid on the last side.
STOP_AND_GRID = (("front", True), ("pinned", True), ("front", False), ("pinned", False))


@dataclass(frozen=True)
class Choice:
    """One way to lay the card out: the pictures' height, the one picture beside the steps or under
    them, and on how many sides (one; two: front and back; three or four: a second sheet)."""

    picture: float | None
    beside: bool = True
    sides: int = 1
    grid_front: bool = True  # on more than one side: the tick grid on the front (else on the last side)
    stop: str = "front"  # on more than one side, the stop box: "front" (in the flow, and on the front),
    # "pinned" (at the foot of the front, above the turn-over line) or "flow" (in the flow, wherever it falls)


@dataclass
class Side:
    """What one side of the card holds: parts from the top down, and parts anchored to the bottom."""

    top: list[Part]
    bottom: list[Part]


@dataclass
class Fit:
    """The outcome of fitting: the sides to draw, or by how much the card is too long."""

    ok: bool
    choice: Choice
    sides: list[Side] = field(default_factory=list)
    overflow: float = 0.0
    available: float = 0.0


class Layout:
    """The card's parts for one request, built once and measured on demand."""

    def __init__(self, req: CardRequest) -> None:
        styles.register_fonts()
        self.req = req
        self.paper = req.paper
        self.compact = req.paper in styles.SMALL_CARD_PAPERS  # A5 or half-letter: tighter spacing
        self.lang: Labels = labels(req.language)
        self.size = req.body_size
        self.geometry = styles.card_geometry(req.paper)
        self.width = self.geometry.frame_width
        self.gap = section_gap(req.paper)
        self._heights: dict[int, tuple[Part, float]] = {}
        self._made: dict[tuple[object, ...], Part] = {}
        routine = req.routine
        self.title: Part = TextBlock.plain(routine.title, self.style("card-title"))
        if req.clinic.logo is not None:  # the clinic's logo at the top right of the front
            self.title = SideBySide(self.title, Logo(req.clinic.logo, LOGO_HEIGHT[self.compact]), share=0.72, gap=8)
        self.text_measure = MEASURE * req.body_size / 14  # the same characters a line in large print
        self.before_steps = [part for part in (
            self.column(TextBlock.plain(_first_sentence(routine.summary), self.style("card-purpose"))),
            DoseStrip(dose_phrases(routine.dose, self.lang), self.style("card-dose"), self.style("card-dose-words"),
                      pad=2.0 if self.compact else 4.0),
            self._notes()) if part is not None]
        self.safety = self._safety()
        after = [self._red_flags(), self._tips(), self._caution(), self._advice()]
        self.after_steps = [self.column(part) for part in after if part is not None]
        self.qr = self._qr()
        grid = TickGrid(req.weeks, self._tick_box(), self.lang("card.tick", weeks=self.lang.count(
            Amount(req.weeks), "week")), {"heading": self.style("card-heading"), "label": self.style("card-label"),
                                          "week": self.style("card-small")}, lang=self.lang)
        clinic = TextBlock.plain(f"{req.clinic.name} \u00b7 {req.clinic.phone}", self.style("card-clinic"))
        version = TextBlock.plain(_version_line(req, self.lang), self.style("card-version"))
        self.footer = [grid, CardFooter(req.patient, self.style("card"), self.style("card-name"), clinic, version,
                                        self.lang, self.text_measure / self.size)]
        self.back_title = TextBlock.plain(self.lang("card.continued", title=routine.title),
                                          self.style("card-heading"))
        self.back_footer = Stack([self.column(TextBlock.plain(text, self.style(name)), self.style(name).fontSize)
                                  for name, text in (("card-clinic", f"{req.clinic.name} \u00b7 {req.clinic.phone}"),
                                                     ("card-version", _version_line(req, self.lang)))], gap=2)

    def column(self, part: Part, size: float | None = None) -> Part:
        """Running text no wider than the measure (on A4 and Letter; an A5 card is narrower already);
        text of another `size` than the body's keeps to as many characters a line."""
        measure = self.text_measure * (size or self.size) / self.size
        return part if self.width <= measure else Column(part, measure)

    def style(self, name: str) -> ParagraphStyle:
        """A card style for this card's paper, in large print if asked."""
        return styles.card_style(name, self.paper, self.req.large_print)

    def height(self, part: Part) -> float:
        """The part's height at the card's width, measured once (the part is kept, so its id stays its own)."""
        key = id(part)
        if key not in self._heights:
            self._heights[key] = (part, part.wrap(self.width, self.geometry.frame_height)[1])
        return self._heights[key][1]

    def _once(self, key: tuple[object, ...], make: Callable[[], Part]) -> Part:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    # --- the parts -------------------------------------------------------------------

    def _notes(self) -> Part | None:
        """The routine's dose note (unless the dose was set for this patient) and the clinician's note."""
        body = self.style("card-body")
        parts: list[Part] = []
        if self.req.routine.dose.note and not self.req.personal_dose:
            parts.append(TextBlock.plain(self.req.routine.dose.note, body))
        if self.req.note:
            units = words_of(self.lang("card.from_physio"), styles.FONT_BOLD, self.size) + words_of(
                self.req.note, FONT, self.size)
            parts.append(Bordered(TextBlock(units, body), line_width=1.2, padding=5))
        return self.column(Stack(parts, gap=self.gap)) if parts else None

    def _step_blocks(self) -> list[Part]:
        """The numbered steps, after the "What to do" heading (on A4 and Letter: on A5 the numbers say it)."""
        style = self.style("card-step")
        indent = text_width("00.", styles.FONT_BOLD, self.size) + 5
        blocks: list[Part] = []
        if not self.compact:
            blocks.append(TextBlock.plain(self.lang("card.what_to_do"), self.style("card-heading")))
        for number, step in enumerate(self.req.routine.steps, start=1):
            units: list[Unit] = words_of(step.text, style.fontName, self.size)
            cue = step_cue(step.hold_seconds, step.breaths, self.lang)
            if cue:
                units += words_of(cue, styles.FONT_BOLD, self.size)
            label = Piece(f"{number}.", styles.FONT_BOLD, self.size)
            blocks.append(TextBlock(units, style, label=label, indent=indent))
        return blocks

    @property
    def single(self) -> Picture | None:
        """The routine's one picture, when its steps have none: its own."""
        routine = self.req.routine
        return None if any(s.picture for s in routine.steps) else routine.picture

    def steps(self, choice: Choice) -> list[Part]:
        """The steps and their pictures, in the choice's arrangement.

        Step pictures: each beside its step (`StepRows`), the routine's own picture (if any)
        under the steps. Else the routine's one picture beside the steps or under them.
        """
        routine, height = self.req.routine, choice.picture
        if any(s.picture for s in routine.steps):
            assert height is not None
            rows = self._once(("step-rows", height), lambda: self._step_rows(height))  # beside pictures: narrow
            own = None if routine.picture is None else self.picture(height, routine.picture, self.scale(height))
            return [rows] + ([] if own is None else [own])
        if height is None or self.single is None:
            return [self._once(("steps",), lambda: self.column(
                Stack(self._step_blocks(), keep_first=not self.compact)))]
        single = self.single
        if choice.beside:
            return [self._once(("steps-beside", height), lambda: SideBySide(
                Stack(self._step_blocks()), PictureBlock(single, height, self.style("card-caption")),
                share=0.64, gap=12))]
        return [self._once(("steps",), lambda: self.column(Stack(self._step_blocks(), keep_first=not self.compact))),
                self.picture(height, single)]

    def scale(self, height: float) -> float | None:
        """The one scale of the routine's poses, with pictures at most `height` high."""
        return routine_scale(self.req.routine, height, self.width, self.size)

    def _step_rows(self, height: float) -> Part:
        """The steps with each step's picture (at most `height` high) beside it, every pose at one scale."""
        caption = self.style("card-caption")
        scale = self.scale(height)
        pictures: list[Picture | None] = [s.picture for s in self.req.routine.steps]
        if not self.compact:
            pictures.insert(0, None)  # the heading
        rows: list[tuple[Part, Part | None, float]] = []
        for block, picture in zip(self._step_blocks(), pictures, strict=True):
            if picture is None:
                rows.append((block, None, 0.0))
                continue
            column = column_width(picture, height, scale, self.width, self.size)
            rows.append((block, PictureBlock(picture, height, caption, scale), column))
        return StepRows(rows, gap=STEP_GAP, keep_first=not self.compact, measure=self.text_measure)

    def picture(self, height: float, picture: Picture, scale: float | None = None) -> Part:
        return self._once(("picture", height, id(picture)),
                          lambda: PictureBlock(picture, height, self.style("card-caption"), scale))

    def picture_heights(self) -> list[float | None]:
        """The pictures' heights to try, largest first."""
        return picture_heights(self.req.routine, self.paper, self.compact)

    def _bullets(self, heading: str, items: tuple[str, ...], style: str = "card-body") -> Stack:
        return _bullets(heading, items, self.style("card-heading"), self.style(style))

    def _tips(self) -> Part | None:
        tips = self.req.routine.tips
        return self._bullets(self.lang("card.tips"), tips) if tips else None

    def _caution(self) -> Part | None:
        """Where the sources disagree, in a box."""
        caution = self.req.routine.caution
        if not caution:
            return None
        text = Stack([TextBlock.plain(self.lang("book.good_to_know"), self.style("card-heading")),
                      TextBlock.plain(" ".join(caution.split()), self.style("card-body"))])
        return Bordered(text, line_width=1.2, padding=4 if self.compact else 5)

    def _advice(self) -> Part | None:
        """The clinic's own advice for this routine, in a box under its own heading."""
        advice = self.req.routine.clinic_advice
        if not advice:
            return None
        return Bordered(self._bullets(self.lang("book.clinic_advice"), advice), line_width=1.2,
                        padding=4 if self.compact else 5)

    def _red_flags(self) -> Part | None:
        """The clinic's red flags, with its phone, in a box drawn like the stop box (a heavy border)."""
        if not self.req.red_flags:
            return None
        flags = self._bullets(self.lang("book.red_flags"), self.req.red_flags)
        call = TextBlock.plain(self.lang("card.call", phone=self.req.clinic.phone), self.style("card-stop"))
        return Bordered(Stack([flags, call]), line_width=2.2, padding=4 if self.compact else 5)

    def _safety(self) -> Part:
        """The boxed stop list and what to avoid: side by side or one above the other, the shorter."""
        routine = self.req.routine
        stop = self._bullets(self.lang("card.stop"), routine.stop_if, "card-stop")
        box = Bordered(stop, line_width=2.2, padding=4 if self.compact else 6)
        if not routine.avoid:
            return box
        avoid = self._bullets(self.lang("card.avoid"), routine.avoid)

        def beside(share: float) -> SideBySide:  # the same two parts: the one taken is wrapped again to be drawn
            return SideBySide(box, avoid, share=share, gap=self.gap + 4)

        best, share = beside(0.5), 0.5
        self.height(best)
        step = 0.05 if best.heights[0] > best.heights[1] else -0.05  # widen the taller column
        while 0.35 <= share + step <= 0.65:
            share += step
            option = beside(share)
            if self.height(option) >= self.height(best):
                break
            best = option
        if not self.compact:
            return best
        under = Stack([box, avoid], gap=self.gap)
        return best if self.height(best) <= self.height(under) else under

    def _qr(self) -> Part | None:
        link = self.req.routine.link
        if not link:
            return None
        side = printed_side(link, 25 * mm if self.compact else 28 * mm, QrBlock.MIN_MODULE)
        return QrBlock(link, side, self.style("card-heading"), self.style("card-small"),
                       (self.lang("card.qr_heading"), self.lang("card.qr_intro")))

    def _tick_box(self) -> float:
        return LARGE_TICK_BOX if self.req.large_print else TICK_BOX[self.compact]

    # --- arranging them --------------------------------------------------------------

    def candidates(self) -> Iterator[Choice]:
        """The layouts to try: on one side, then on two, three and four (MOST_SIDES) with the stop
        box on the front (`STOP_AND_GRID`): a side more, rather than the stop box behind; only
        then two to four sides with the stop box wherever it falls. On each, the pictures from
        largest to smallest, the one picture beside the steps before under them."""
        arrangements = (True, False) if self.single is not None else (True,)
        ways = [(1, "front", True)]
        ways += [(sides, stop, grid) for sides in range(2, MOST_SIDES + 1) for stop, grid in STOP_AND_GRID]
        ways += [(sides, "flow", grid) for sides in range(2, MOST_SIDES + 1) for grid in (True, False)]
        for sides, stop, grid_front in ways:
            for height in self.picture_heights():
                for beside in arrangements:
                    yield Choice(height, beside, sides, grid_front, stop)

    def measure(self, choice: Choice) -> Fit:
        """The choice laid out: the sides' parts, or by how much the card is too long.

        On one side: the title and the flow from the top, the QR code, tick grid and footer
        from the bottom. On more: the front has the title, as much of the flow as fits and,
        at the bottom, the turn-over line, the tick grid and footer; each side after it has
        the "continued" title and more of the flow; the last one ends with the QR code. Every
        side without the footer has the clinic's line (`back_footer`). On the fridge the front
        is what is read: the stop box follows the steps there, or, when the steps go on behind
        it, is pinned at its foot above the turn-over line (`stop`). The tick grid and footer go
        on the last side instead (`grid_front` false) when, on the front, they would leave no
        room for the first step; the stop box goes behind only when nothing else works.
        """
        room = self.geometry.frame_height
        qr = [self.qr] if self.qr else []
        pinned = choice.sides > 1 and choice.stop == "pinned"
        flow = [*self.before_steps, *self.steps(choice), *([] if pinned else [self.safety]), *self.after_steps]
        if choice.sides == 1:
            top, bottom = [self.title, *flow], [*qr, *self.footer]
            overflow = self.total(top + bottom) - room
            return Fit(overflow <= 0, choice, [Side(top, bottom)], max(overflow, 0.0), room)
        sides: list[Side] = []
        front_footer, last_footer = (self.footer, [self.back_footer]) if choice.grid_front else (
            [self.back_footer], self.footer)
        for number in range(1, choice.sides):
            title = self.title if number == 1 else self.back_title
            bottom = [self.turn_over(number), *(front_footer if number == 1 else [self.back_footer])]
            if number == 1 and pinned:
                bottom.insert(0, self.safety)
            side_room = room - self.total([title, *bottom]) - self.gap
            here, flow = self.cut(flow, side_room)
            if not here:  # not even the first part fits: what is under it is too long
                overflow = (self.height(flow[0]) if flow else room) - side_room
                return Fit(False, choice, sides, max(overflow, 1.0), room)
            if number == 1 and len(here) <= len(self.before_steps):  # no step on the front
                return Fit(False, choice, sides, 1.0, room)
            if number == 1 and choice.stop == "front" and self.safety not in here:
                return Fit(False, choice, sides, 1.0, room)
            sides.append(Side([title, *here], bottom))
        last = Side([self.back_title, *flow], [*qr, *last_footer])
        sides.append(last)
        overflow = self.total(last.top + last.bottom) - room
        return Fit(overflow <= 0, choice, sides, max(overflow, 0.0), room)

    def turn_over(self, side: int) -> Part:
        """The line at the foot of a side the card continues after: turn the sheet over, or take the next."""
        key = "card.turn_over" if side % 2 else "card.next_sheet"
        return self._once(("turn-over", key), lambda: TextBlock.plain(self.lang(key), self.style("card-heading"),
                                                                      align="right"))

    def total(self, parts: list[Part]) -> float:
        """The height of parts one under the other, a gap between each two."""
        return sum(self.height(p) for p in parts) + self.gap * (len(parts) - 1)

    def cut(self, flow: list[Part], room: float) -> tuple[list[Part], list[Part]]:
        """The parts that go on the front (a gap before each but the first) and the rest, in reading
        order: the first part that does not fit whole is cut between its blocks if it can be."""
        used = -self.gap
        for index, part in enumerate(flow):
            if used + self.gap + self.height(part) <= room:
                used += self.gap + self.height(part)
                continue
            pieces = part.split_at(self.width, room - used - self.gap)
            if pieces is None:
                return flow[:index], flow[index:]
            return [*flow[:index], pieces[0]], [pieces[1], *flow[index + 1:]]
        return flow, []


def section_gap(paper: str) -> float:
    """The space between the card's parts."""
    return 3.0 if paper in styles.SMALL_CARD_PAPERS else 9.0


def _bullets(heading: str, items: tuple[str, ...], heading_style: ParagraphStyle,
             style: ParagraphStyle) -> Stack:
    indent = style.fontSize * 0.9
    blocks: list[Part] = [TextBlock.plain(heading, heading_style)]
    for item in items:
        bullet = Piece("\u2022", styles.FONT_BOLD, style.fontSize)
        blocks.append(TextBlock(words_of(item, style.fontName, style.fontSize), style, label=bullet, indent=indent))
    return Stack(blocks, keep_first=True)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _version_line(req: CardRequest, lang: Labels) -> str:
    line = lang("card.version", version=req.routine.version)
    if req.reviewed is not None and req.reviewed.placeholder:
        line += " \u00b7 " + lang("card.not_reviewed")
    elif req.reviewed is not None:
        line += " \u00b7 " + lang("card.reviewed", date=lang.short_date(req.reviewed.on))
    return f"{line} \u00b7 {lang('card.not_replace')}"
