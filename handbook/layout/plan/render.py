"""A patient's programme as one PDF, in the order the patient uses it.

The first page ("Your programme"), then each exercise's card (the card `handbook card SLUG
--for NAME ...` makes, drawn by the card's own code), then the weekly log, a page a week.
Each part starts on a new sheet (a "Notes" page fills a side left over), so the programme
is printed double-sided: every card a sheet of its own, its back behind its front. Bookmarks
lead to the first page, each card and each week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from handbook.layout.card import CardRequest
from handbook.layout.plan.log import week_story
from handbook.layout.plan.pages import Info, Pages
from handbook.layout.plan.summary import summary_story
from handbook.model.epoch import source_date_epoch
from handbook.model.programme import Programme, exercise_label
from handbook.pdf.document import binary_streams


@dataclass(frozen=True)
class PlanRequest:
    """Everything the programme's PDF shows: the programme, the request of each exercise's card (in
    order), the paper and large print."""

    programme: Programme
    cards: tuple[CardRequest, ...]
    paper: str
    large_print: bool = False


@dataclass(frozen=True)
class RenderedPlan:
    """The PDF, its pages, and the sides of each card."""

    data: bytes
    pages: int
    card_sides: tuple[int, ...]


def plan_epoch(start: dt.date) -> int:
    """The PDF's date: SOURCE_DATE_EPOCH when set, else the programme's first day at 00:00 UTC."""
    value = source_date_epoch()
    if value is not None:
        return value
    return int(dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC).timestamp())


def render_plan(req: PlanRequest) -> RenderedPlan:
    """The programme as PDF bytes, or `CardDoesNotFit` for a card that does not fit on four sides."""
    programme = req.programme
    lang = programme.lang
    clinic = programme.clinic
    title = lang("plan.subject", patient=programme.patient)
    info = Info(title, clinic.name, title, programme.language,
                f"{programme.patient} \u00b7 {clinic.name} \u00b7 {clinic.phone}")
    notes = (lang("book.notes"), lang("book.notes_intro"))
    with binary_streams():
        pages = Pages(req.paper, req.large_print, info, plan_epoch(programme.start))
        pages.bookmark("programme", lang("plan.title"))
        turn_over = lang("card.turn_over")
        pages.flow(summary_story(programme, pages.styles, pages.geometry), turn_over)
        sides = []
        for number, card in enumerate(req.cards, start=1):
            pages.new_sheet(*notes)
            pages.bookmark(f"card{number}", exercise_label(number, programme.exercises[number - 1], lang))
            sides.append(pages.card(card))
        pages.new_sheet(*notes)
        pages.bookmark("log", lang("plan.log"))
        for week in range(1, programme.weeks + 1):
            pages.bookmark(f"week{week}", programme.week_heading(week), level=1)
            pages.flow(week_story(programme, week, pages.styles, pages.geometry, req.large_print), turn_over)
        return RenderedPlan(pages.data(), pages.pages, tuple(sides))
