"""Laying a card out: its parts for one request, the ways to arrange them, and their heights.

`Layout` builds each part once per body size and measures it on demand; `candidates`
yields the arrangements from the most generous to the most compact (see `render` for the
order), and `measure` says whether one fits the page. Nothing here draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from handbook.layout import styles
from handbook.layout.card.boxes import Bordered, SideBySide, Stack
from handbook.layout.card.parts import CardFooter, DoseStrip, PictureBlock, QrBlock, StepRows, TickGrid
from handbook.layout.card.request import CardRequest
from handbook.layout.card.text import Part, Piece, TextBlock, Unit, text_width, words_of
from handbook.layout.qr import printed_side
from handbook.model import Picture
from handbook.model.labels import Labels, labels
from handbook.model.words import dose_phrases, step_cue

FONT = styles.FONT
# A step's picture beside it: the largest and the smallest (still legible) height. Its
# column is as wide as the picture at that height, but from 1.5 to 1.9 times the height:
# a lying figure gets a wide column, a standing one room for its caption.
STEP_PICTURE = {"a4": (46 * mm, 27 * mm), "letter": (46 * mm, 27 * mm), "a5": (32 * mm, 20 * mm),
                "half-letter": (32 * mm, 20 * mm)}
STEP_PICTURE_COLUMN = (1.5, 1.9)
TICK_BOX = {"a4": 8.5 * mm, "letter": 8.5 * mm, "a5": 8.2 * mm, "half-letter": 8.2 * mm}  # to tick with a pen: 8 mm+

@dataclass(frozen=True)
class Choice:
    """One way to lay the card out: body text size, tips kept, picture height, dose note shown.

    With `all_pictures`, every step's picture is beside its step, `picture` high at most;
    otherwise the routine has one picture (or none).
    """

    size: float
    tips: int
    picture: float | None
    dose_note: bool = True
    all_pictures: bool = False
    in_grid: bool = False  # the one picture in the tick grid's note column
    extras: tuple[str, ...] = ()  # printed where there is room: "red_flags", "caution", "advice" (EXTRAS)


EXTRAS = ("red_flags", "caution", "advice")  # the order they are given room in: safety first


@dataclass
class Fit:
    """The outcome of fitting: the parts to draw (top and bottom groups) or the overflow."""

    ok: bool
    choice: Choice
    top: list[Part] = field(default_factory=list)
    bottom: list[Part] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)
    overflow: float = 0.0
    available: float = 0.0


class Layout:
    """The card's parts for one request, built once per body size and measured on demand."""

    def __init__(self, req: CardRequest) -> None:
        styles.register_fonts()
        self.req = req
        self.paper = req.paper
        self.compact = req.paper in styles.SMALL_CARD_PAPERS  # A5 or half-letter: tighter spacing
        self.lang: Labels = labels(req.language)
        self.sizes = req.body_sizes
        self.geometry = styles.card_geometry(req.paper)
        self.width = self.geometry.frame_width
        self.gap = section_gap(req.paper)
        self._heights: dict[int, tuple[Part, float]] = {}
        self._made: dict[tuple[object, ...], Part | None] = {}
        self._blocks: dict[tuple[object, ...], list[Part]] = {}
        self.head = self._head()
        self.bottom = self._bottom()

    def style(self, name: str, size: float | None = None) -> ParagraphStyle:
        """A card style; at `size` (with its leading scaled) for the body parts that step down."""
        base = styles.card_style(name, self.paper, self.req.large_print)
        if size is None or size == base.fontSize:
            return base
        key = ("style", name, size)
        if key not in self._made:
            self._made[key] = ParagraphStyle(f"{name}-{size:g}", parent=base, fontSize=size,
                                             leading=base.leading * size / base.fontSize)
        return self._made[key]

    def height(self, part: Part) -> float:
        """The part's height at the card's width, measured once (the part is kept, so its id stays its own)."""
        key = id(part)
        if key not in self._heights:
            self._heights[key] = (part, part.wrap(self.width, self.geometry.frame_height)[1])
        return self._heights[key][1]

    def _once(self, key: tuple[object, ...], make: Callable[[], Part | None]) -> Part | None:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def _head(self) -> list[Part]:
        routine = self.req.routine
        return [
            TextBlock.plain(routine.title, self.style("card-title")),
            DoseStrip(dose_phrases(routine.dose, self.lang), self.style("card-dose"), self.style("card-dose-words"),
                      pad=2.0 if self.compact else 4.0),
        ]

    def purpose(self, size: float) -> Part:
        """The one-line purpose: it steps down with the body text, keeping its lead over it."""
        purpose = self.style("card-purpose")
        lead = purpose.fontSize - self.sizes[0]
        part = self._once(("purpose", size), lambda: TextBlock.plain(
            _first_sentence(self.req.routine.summary), self.style("card-purpose", size + lead)))
        assert part is not None
        return part

    def notes(self, size: float, dose_note: bool = True) -> Part | None:
        """The routine's dose note (unless the dose was set for this patient) and the clinician's note."""

        def make() -> Part | None:
            body = self.style("card-body", size)
            parts: list[Part] = []
            if dose_note and self.req.routine.dose.note and not self.req.personal_dose:
                parts.append(TextBlock.plain(self.req.routine.dose.note, body))
            if self.req.note:
                units = words_of(self.lang("card.from_physio"), styles.FONT_BOLD, size) + words_of(
                    self.req.note, FONT, size)
                parts.append(Bordered(TextBlock(units, body), line_width=1.2, padding=5))
            return Stack(parts, gap=self.gap) if parts else None

        return self._once(("notes", size, dose_note), make)

    def steps(self, size: float, beside: float | None = None, fresh: bool = False) -> Part:
        """The numbered steps; with `beside` (a picture height), the picture to their right.

        `fresh`: a new Stack of new blocks, not kept (for a part that lays them out itself).
        """

        def make() -> Part:
            style = self.style("card-step", size)
            indent = text_width("00.", styles.FONT_BOLD, size) + 5
            blocks: list[Part] = []
            if not self.compact:  # on A5 the numbers say it: the room goes to the steps
                blocks.append(TextBlock.plain(self.lang("card.what_to_do"), self.style("card-heading")))
            for number, step in enumerate(self.req.routine.steps, start=1):
                units: list[Unit] = words_of(step.text, style.fontName, size)
                cue = step_cue(step.hold_seconds, step.breaths, self.lang)
                if cue:
                    units += words_of(cue, styles.FONT_BOLD, size)
                label = Piece(f"{number}.", styles.FONT_BOLD, size)
                blocks.append(TextBlock(units, style, label=label, indent=indent))
            return Stack(blocks)

        if fresh:
            return make()
        if beside is not None:
            picture = self.single
            assert picture is not None
            part = self._once(("steps-beside", size, beside), lambda: SideBySide(
                make(), PictureBlock(picture, beside, self.style("card-caption")), share=0.64, gap=12))
        else:
            part = self._once(("steps", size), make)
        assert part is not None
        return part

    @property
    def single(self) -> Picture | None:
        """The one picture of the routine when not all fit: its own, else its first step's."""
        routine = self.req.routine
        return routine.picture or next((s.picture for s in routine.steps if s.picture), None)

    def step_rows(self, size: float, height: float) -> Part:
        """The steps with each step's picture (at most `height` high) beside it."""

        def make() -> Part:
            caption = self.style("card-caption")
            narrowest, widest = (height * ratio for ratio in STEP_PICTURE_COLUMN)
            pictures: list[Picture | None] = [s.picture for s in self.req.routine.steps]
            if not self.compact:
                pictures.insert(0, None)  # the heading
            stack = self.steps(size, fresh=True)
            assert isinstance(stack, Stack)
            rows: list[tuple[Part, Part | None, float]] = []
            for block, picture in zip(stack.parts, pictures, strict=True):
                if picture is None:
                    rows.append((block, None, 0.0))
                    continue
                column = min(max(height * picture.width_px / picture.height_px, narrowest), widest)
                rows.append((block, PictureBlock(picture, height, caption), column))
            return StepRows(rows, gap=12)

        part = self._once(("step-rows", size, height), make)
        assert part is not None
        return part

    def steps_and_picture(self, size: float, picture: float | None, all_pictures: bool = False) -> list[Part]:
        """The steps and the picture under them, or beside them when that is shorter.

        With `all_pictures`: each step's picture beside its step, and the routine's own
        picture (if it has one) under the steps.
        """
        if all_pictures:
            assert picture is not None
            own = None if self.req.routine.picture is None else self.picture(picture, self.req.routine.picture)
            return [self.step_rows(size, picture)] + ([] if own is None else [own])
        under: list[Part] = [self.steps(size)]
        shown = None if picture is None else self.picture(picture)
        if shown is not None:
            under.append(shown)
        if picture is None:
            return under
        beside = self.steps(size, beside=picture)
        under_height = sum(self.height(p) for p in under) + self.gap
        return [beside] if self.height(beside) < under_height else under

    def tips(self, count: int, size: float) -> Part | None:
        """The first `count` tips; their blocks are made once per size and shared (same width)."""
        if count == 0:
            return None
        if ("tip-blocks", size) not in self._blocks:
            everything = _bullets(self.lang("card.tips"), self.req.routine.tips, self.style("card-heading"),
                                  self.style("card-body", size))
            self._blocks[("tip-blocks", size)] = everything.parts
        blocks = self._blocks[("tip-blocks", size)]
        return self._once(("tips", count, size), lambda: Stack(blocks[: count + 1]))

    def picture(self, height: float | None, picture: Picture | None = None) -> Part | None:
        picture = picture or self.single
        if picture is None or height is None:
            return None
        return self._once(("picture", height, id(picture)),
                          lambda: PictureBlock(picture, height, self.style("card-caption")))

    def picture_heights(self, all_pictures: bool = False) -> list[float | None]:
        if self.single is None:
            return [None]
        if all_pictures:
            largest, smallest = STEP_PICTURE[self.paper]
        else:
            largest, smallest = (45 * mm, 25 * mm) if self.compact else (70 * mm, 35 * mm)
        return [largest + (smallest - largest) * i / 3 for i in range(4)]

    def has_extra(self, name: str) -> bool:
        """Whether the routine (or the book) has this extra to print: red flags, a caution, clinic advice."""
        routine = self.req.routine
        return bool({"red_flags": self.req.red_flags, "caution": routine.caution,
                     "advice": routine.clinic_advice}[name])

    def extra(self, name: str, size: float) -> Part:
        """A box for the clinic's red flags (with its phone), where the sources disagree, or the clinic's advice."""

        def make() -> Part:
            routine, body = self.req.routine, self.style("card-body", size)
            heading = self.style("card-heading", size)
            pad = 4 if self.compact else 5
            if name == "caution":
                assert routine.caution is not None
                text = Stack([TextBlock.plain(self.lang("book.good_to_know"), heading),
                              TextBlock.plain(" ".join(routine.caution.split()), body)])
                return Bordered(text, line_width=1.2, padding=pad)
            if name == "advice":
                return Bordered(_bullets(self.lang("book.clinic_advice"), routine.clinic_advice, heading, body),
                                line_width=1.2, padding=pad)
            flags = _bullets(self.lang("book.red_flags"), self.req.red_flags, heading, body)
            call = TextBlock.plain(self.lang("card.call", phone=self.req.clinic.phone), self.style("card-stop", size))
            return Bordered(Stack([flags, call]), line_width=2.2, padding=pad)

        part = self._once(("extra", name, size), make)
        assert part is not None
        return part

    def safety(self, size: float) -> Part:
        """The boxed stop list and what to avoid: side by side or one above the other, the shorter."""

        def make() -> Part:
            routine = self.req.routine
            heading = self.style("card-heading")

            def box() -> Part:
                stop = _bullets(self.lang("card.stop"), routine.stop_if, heading, self.style("card-stop", size))
                return Bordered(stop, line_width=2.2, padding=4 if self.compact else 6)

            if not routine.avoid:
                return box()

            def avoid() -> Part:
                return _bullets(self.lang("card.avoid"), routine.avoid, heading, self.style("card-body", size))

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
            if not self.compact:
                return best
            under = Stack([box(), avoid()], gap=self.gap)
            return best if self.height(best) <= self.height(under) else under

        part = self._once(("safety", size), make)
        assert part is not None
        return part

    def bottom_with_picture(self) -> list[Part]:
        """The bottom parts with the routine's one picture where the tick grid's notes would be."""
        if ("bottom-picture",) not in self._blocks:
            assert self.single is not None
            self._blocks[("bottom-picture",)] = self._bottom(PictureBlock(self.single, 45 * mm,
                                                                          self.style("card-caption")))
        return self._blocks[("bottom-picture",)]

    def _bottom(self, picture: Part | None = None) -> list[Part]:
        req, routine, lang = self.req, self.req.routine, self.lang
        parts: list[Part] = []
        if routine.link:
            side = printed_side(routine.link, 25 * mm if self.compact else 28 * mm, QrBlock.MIN_MODULE)
            parts.append(QrBlock(routine.link, side, self.style("card-heading"), self.style("card-small"),
                                 (lang("card.qr_heading"), lang("card.qr_intro"))))
        grid_styles = {"heading": self.style("card-heading"), "label": self.style("card-label"),
                       "week": self.style("card-small")}
        parts.append(TickGrid(req.weeks, TICK_BOX[self.paper], lang("card.tick"), grid_styles, picture, lang))
        clinic = TextBlock.plain(f"{req.clinic.name} \u00b7 {req.clinic.phone}", self.style("card-clinic"))
        parts.append(CardFooter(req.patient, self.style("card"), self.style("card-name"), clinic,
                                TextBlock.plain(_version_line(req, lang), self.style("card-version")), lang))
        return parts

    def candidates(self) -> Iterator[Choice]:
        """The layouts to try, from the most generous to the most compact.

        With step pictures, the whole sequence runs with all of them first, then again
        with the routine's one picture.
        """
        steps_with_pictures = any(s.picture for s in self.req.routine.steps)
        for all_pictures in (True, False) if steps_with_pictures else (False,):
            pictures = self.picture_heights(all_pictures)
            tips = len(self.req.routine.tips)
            for kept in range(tips, -1, -1):
                yield Choice(self.sizes[0], kept, pictures[0], all_pictures=all_pictures)
            for height in pictures[1:]:
                yield Choice(self.sizes[0], 0, height, all_pictures=all_pictures)
            for size in self.sizes[1:]:
                yield Choice(size, 0, pictures[-1], all_pictures=all_pictures)
            if self.req.routine.dose.note and not self.req.personal_dose:
                yield Choice(self.sizes[-1], 0, pictures[-1], dose_note=False, all_pictures=all_pictures)
        if self.single is not None:  # the last place left for the one picture: beside the tick grid
            for size in self.sizes:
                yield Choice(size, 0, None, in_grid=True)
            if self.req.routine.dose.note and not self.req.personal_dose:
                yield Choice(self.sizes[-1], 0, None, dose_note=False, in_grid=True)

    def measure(self, choice: Choice) -> Fit:
        size = choice.size
        maybe = [self.purpose(size), self.head[1], self.notes(size, choice.dose_note),
                 *self.steps_and_picture(size, choice.picture, choice.all_pictures), self.tips(choice.tips, size),
                 self.safety(size), *(self.extra(name, size) for name in choice.extras)]
        top = [self.head[0]] + [part for part in maybe if part is not None]
        bottom = self.bottom_with_picture() if choice.in_grid else self.bottom
        parts = top + bottom
        total = sum(self.height(p) for p in parts) + self.gap * (len(parts) - 1)
        available = self.geometry.frame_height
        return Fit(total <= available, choice, top, list(bottom),
                   {id(p): self.height(p) for p in parts}, max(total - available, 0.0), available)


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
    return Stack(blocks)


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
