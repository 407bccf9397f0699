"""What one card shows: the routine (its dose maybe set for one patient), for whom, on what paper."""

from __future__ import annotations

import math
from dataclasses import dataclass

from handbook.model import Clinic, Content, Review, Routine

DEFAULT_WEEKS = 4  # tick-grid rows when neither the routine nor the clinician says
MOST_WEEKS = 12  # rows a routine's own weeks give the grid at most (a clinician may ask for more: --weeks)
BODY_SIZE = 14.0  # steps and every list: the same on every card, never smaller
LARGE_BODY_SIZE = 18.0  # in large print (every style scaled by 18/14, see styles.card_style)

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
    large_print: bool = False
    red_flags: tuple[str, ...] = ()  # the clinic's, printed in a box beside the stop list

    @property
    def body_size(self) -> float:
        """The size of the steps and lists: 14 pt, 18 pt in large print."""
        return LARGE_BODY_SIZE if self.large_print else BODY_SIZE


def tick_weeks(routine: Routine) -> int:
    """Tick-grid rows for a routine: as many as its dose's weeks (the larger end of a range, 12 at
    most), else 4. The grid's heading says how many."""
    weeks = routine.dose.weeks
    if weeks is None or weeks.blank:
        return DEFAULT_WEEKS
    return max(1, min(math.ceil(weeks.most), MOST_WEEKS))


def request_for(content: Content, routine: Routine, paper: str | None = None,
                large_print: bool = False) -> CardRequest:
    """The plain card of a routine, as `handbook cards` prints it."""
    return CardRequest(routine, content.book.clinic, paper or content.book.paper, tick_weeks(routine),
                       reviewed=routine.reviewed or content.book.reviewed, language=content.book.language,
                       large_print=large_print, red_flags=content.book.red_flags)


