"""What one card shows: the routine (its dose maybe set for one patient), for whom, on what paper."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.model import Clinic, Content, Review, Routine

DEFAULT_WEEKS = 4  # tick-grid rows when neither the routine nor the clinician says
BODY_SIZES = (14.0, 13.5, 13.0, 12.5, 12.0)  # steps and the lists beside them step down together
# Large print: body text 18 pt (every style scaled by 18/14, see styles.card_style), and
# never below 16 pt: a large-print card that needs smaller type is refused, like any card.
LARGE_BODY_SIZES = (18.0, 17.5, 17.0, 16.5, 16.0)

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
    red_flags: tuple[str, ...] = ()  # the clinic's, printed where the card has room

    @property
    def body_sizes(self) -> tuple[float, ...]:
        """The sizes the body text may step down through, largest first."""
        return LARGE_BODY_SIZES if self.large_print else BODY_SIZES


def tick_weeks(routine: Routine) -> int:
    """Tick-grid rows for a routine: its weeks when it has fewer than 4, else 4.

    A routine kept up for 6 to 8 weeks gets a 4-week card (a second card follows); a
    clinician who wants more rows on one card passes --weeks N.
    """
    weeks = routine.dose.weeks
    return min(int(weeks.most), DEFAULT_WEEKS) if weeks is not None and not weeks.blank else DEFAULT_WEEKS


def request_for(content: Content, routine: Routine, paper: str | None = None,
                large_print: bool = False) -> CardRequest:
    """The plain card of a routine, as `handbook cards` prints it."""
    return CardRequest(routine, content.book.clinic, paper or content.book.paper, tick_weeks(routine),
                       reviewed=routine.reviewed or content.book.reviewed, language=content.book.language,
                       large_print=large_print, red_flags=content.book.red_flags)


