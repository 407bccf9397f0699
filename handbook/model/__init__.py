"""The content model: frozen dataclasses for a book, its routines and FAQ topics.

Nothing here reads files or draws anything. The loader builds these objects after
validation, so a renderer can trust every value: numbers are in range, lists that must
not be empty are not, and every slug a routine or answer names exists.

Each top-level object keeps a map from a field path (``"steps[2].text"``, 1-based like
the printed numbers) to the place in its file where that value was written, so later
checks (reading level, glyphs, card fit) can point at ``file:line:col`` without going
back to the YAML.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

Number = int | float


@dataclass(frozen=True)
class Where:
    """A place in a content file: 1-based line and column."""

    path: Path
    line: int
    col: int

    def __str__(self) -> str:
        try:
            shown = os.path.relpath(self.path)
        except ValueError:  # another drive on Windows
            shown = str(self.path)
        return f"{shown}:{self.line}:{self.col}"


_NOWHERE: Mapping[str, Where] = MappingProxyType({})


@dataclass(frozen=True)
class Amount:
    """A count or a duration: one number, a range such as 20 to 30, or a blank (`BLANK`) that
    the clinician fills in by pen where the sources give no number."""

    low: Number
    high: Number | None = None
    blank: bool = False

    @property
    def is_range(self) -> bool:
        return self.high is not None and self.high != self.low

    @property
    def most(self) -> Number:
        """The larger end, for layout decisions that need one number."""
        return self.high if self.high is not None else self.low


BLANK = Amount(0, blank=True)  # written `blank` in the content: printed as a line to write on


@dataclass(frozen=True)
class Dose:
    """How much and how often, in numbers; the renderers turn it into words."""

    hold_seconds: Amount | None = None
    minutes: Amount | None = None
    breaths: Amount | None = None
    reps: Amount | None = None
    sets: Amount | None = None
    rest_seconds: Amount | None = None
    times_per_day: Amount | None = None
    days_per_week: Amount | None = None
    weeks: Amount | None = None
    per_side: bool = False
    note: str | None = None
    side: str | None = None  # "left" or "right": one side only, on one patient's card (a per-side dose)


Point = tuple[float, float]


@dataclass(frozen=True)
class Prop:
    """A thing drawn with a pose (pillow, foam roller, ball, wall, chair...), in pose units (cm)."""

    kind: str
    at: Point  # the middle of its bottom edge, before `angle` turns it about this point
    width: float
    height: float
    angle: float = 0.0  # degrees, counter-clockwise
    layer: str = "back"  # "back" (behind the body), "middle" (between far and near limbs) or "front"
    length: float = 0.0  # how far it reaches away from you, into the picture (a roller's length); 0: flat


@dataclass(frozen=True)
class Pose:
    """A body position drawn as line art: key points in centimetres, y up, the floor at y = 0.

    Built in (handbook/figures/) or the clinic's own (figures/ in the content folder);
    `handbook.content.poses` reads them and docs/figures.md describes the format.
    """

    name: str
    title: str
    head: Point  # centre of the head
    torso: tuple[Point, ...]  # base of the neck to the hips
    limbs: tuple[tuple[str, tuple[Point, ...]], ...]  # ("far-arm", points), drawn in this order
    face: float | None = None  # the way the face looks, degrees (0 right, 90 up); None: not shown
    props: tuple[Prop, ...] = ()
    arrows: tuple[tuple[Point, ...], ...] = ()  # each a line of points, the arrowhead at the last
    floor: bool = True
    view: str = "side"  # "side" (the profile) or "front" (on your side, facing the reader)
    builtin: bool = True
    file: Path = Path()
    title_where: Where | None = field(default=None, compare=False, repr=False)  # for messages


@dataclass(frozen=True)
class Picture:
    """A picture with the caption printed under it: an image file, or a pose drawn as line art."""

    file: Path  # absolute, already checked to exist inside the content folder (a pose: its file)
    caption: str
    alt: str  # read aloud by screen readers; defaults to the caption
    width_px: int  # pixels; for "svg" and "pose" the natural size in points, for the proportions
    height_px: int
    kind: str  # "png", "jpeg", "svg" or "pose"
    pose: Pose | None = None  # for kind "pose"


@dataclass(frozen=True)
class Step:
    """One action, in "you" language, with an optional hold or breath cue."""

    text: str
    hold_seconds: Amount | None = None
    breaths: Amount | None = None
    picture: Picture | None = None


@dataclass(frozen=True)
class Source:
    """Where the advice comes from."""

    title: str
    author: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Review:
    """Who last reviewed the content, and when."""

    by: str
    on: _dt.date

    @property
    def placeholder(self) -> bool:
        """Whether `by` is still the sample's placeholder (marked "(sample)") rather than a clinician:
        until a clinician is named, every printout says it is not yet reviewed."""
        return "(sample" in self.by.lower()


@dataclass(frozen=True)
class Routine:
    """One exercise routine; the slug is the file name without `.yaml`."""

    slug: str
    title: str
    summary: str
    when: str
    dose: Dose
    equipment: tuple[str, ...]
    steps: tuple[Step, ...]
    tips: tuple[str, ...]
    avoid: tuple[str, ...]
    stop_if: tuple[str, ...]
    sources: tuple[Source, ...]
    version: int
    caution: str | None = None
    clinic_advice: tuple[str, ...] = ()  # the clinic's own advice, not from the sources
    link: str | None = None
    picture: Picture | None = None
    related_faq: tuple[str, ...] = ()
    reviewed: Review | None = None
    file: Path = Path()
    places: Mapping[str, Where] = field(default_factory=lambda: _NOWHERE, compare=False, repr=False)

    def where(self, field_path: str = "") -> Where:
        """The place of a field (or of the nearest enclosing field that has one)."""
        return _lookup(self.places, field_path, self.file)


@dataclass(frozen=True)
class Question:
    """One FAQ question; `see` names routines the answer points the reader to."""

    question: str
    answer: tuple[str, ...]  # paragraphs
    see: tuple[str, ...] = ()
    clinic_advice: tuple[str, ...] = ()  # the clinic's own advice beside this answer, not from the sources


@dataclass(frozen=True)
class FaqTopic:
    """A group of questions and answers on one subject."""

    slug: str
    title: str
    questions: tuple[Question, ...]
    sources: tuple[Source, ...]
    intro: str | None = None
    file: Path = Path()
    places: Mapping[str, Where] = field(default_factory=lambda: _NOWHERE, compare=False, repr=False)

    def where(self, field_path: str = "") -> Where:
        return _lookup(self.places, field_path, self.file)


@dataclass(frozen=True)
class Clinic:
    """The clinic whose name and phone number go on every page and card."""

    name: str
    phone: str
    email: str | None = None
    website: str | None = None
    address: str | None = None
    logo: Picture | None = None


@dataclass(frozen=True)
class Book:
    """The handbook's own settings from `book.yaml`."""

    title: str
    edition: str
    language: str
    paper: str
    clinic: Clinic
    reviewed: Review
    routine_order: tuple[str, ...]
    faq_order: tuple[str, ...]
    subtitle: str | None = None
    safety_note: str | None = None
    red_flags: tuple[str, ...] = ()  # the clinic's advice: call at once if any of these happens
    file: Path = Path()
    places: Mapping[str, Where] = field(default_factory=lambda: _NOWHERE, compare=False, repr=False)

    def where(self, field_path: str = "") -> Where:
        return _lookup(self.places, field_path, self.file)


@dataclass(frozen=True)
class Content:
    """Everything in a content folder, validated, in the book's order."""

    root: Path
    book: Book
    routines: tuple[Routine, ...]
    faq: tuple[FaqTopic, ...]
    poses: tuple[Pose, ...] = ()  # the clinic's own (figures/ in the folder), checked like the rest

    def routine(self, slug: str) -> Routine:
        for routine in self.routines:
            if routine.slug == slug:
                return routine
        raise KeyError(slug)

    def topic(self, slug: str) -> FaqTopic:
        for topic in self.faq:
            if topic.slug == slug:
                return topic
        raise KeyError(slug)


def _lookup(places: Mapping[str, Where], field_path: str, file: Path) -> Where:
    path = field_path
    while path:
        if path in places:
            return places[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return places.get("", Where(file, 1, 1))
