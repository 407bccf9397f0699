"""How big a card's pictures are: the heights to try, a step picture's column, one scale per routine.

A step's picture stands beside its step, at most a given height (tried from the largest down,
`picture_heights`); its column is as wide as the picture at that height, but from 1.5 to 1.9
times the height (a lying figure gets a wide column, a standing one room for its caption), and
never so wide that the step beside it has under STEP_TEXT_EMS ems of its type. Every pose of a
routine is drawn at one scale (`routine_scale`), the largest at which each fits its column, so a
body is the same size in each picture: on A4 and Letter a lying or kneeling body is then at
least 4 cm wide, on A5 as wide as the step text beside it allows (about 6 cm lying, 4.6 cm
kneeling, at the largest height). Nothing here draws.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from handbook.layout.figures import common_scale, picture_size
from handbook.model import Picture, Routine

# The largest and the smallest height of a step's picture. The smallest on A5 is the old one: a
# larger picture is never what makes a card take another side.
STEP_PICTURE = {"a4": (46 * mm, 36 * mm), "letter": (46 * mm, 36 * mm), "a5": (40 * mm, 20 * mm),
                "half-letter": (40 * mm, 20 * mm)}
STEP_PICTURE_COLUMN = (1.5, 1.9)  # the column's width, in heights of the picture
STEP_TEXT_EMS = 11.0  # the least room for the step beside its picture, in ems of the step's type
STEP_GAP = 12.0  # between a step and its picture
ONE_PICTURE = {False: (70 * mm, 35 * mm), True: (45 * mm, 25 * mm)}  # the routine's one picture; True: A5


def picture_heights(routine: Routine, paper: str, compact: bool) -> list[float | None]:
    """The pictures' heights to try, largest first: four steps down to the smallest still legible."""
    if any(s.picture for s in routine.steps):
        largest, smallest = STEP_PICTURE[paper]
    elif routine.picture is not None:
        largest, smallest = ONE_PICTURE[compact]
    else:
        return [None]
    return [largest + (smallest - largest) * i / 3 for i in range(4)]


def step_columns(height: float, width: float, size: float) -> tuple[float, float]:
    """The narrowest and widest column of a step's picture at most `height` high, on a card
    `width` wide whose steps are set in `size` points."""
    narrowest, widest = (height * ratio for ratio in STEP_PICTURE_COLUMN)
    widest = min(widest, width - STEP_TEXT_EMS * size - STEP_GAP)
    return min(narrowest, widest), widest


def routine_scale(routine: Routine, height: float, width: float, size: float) -> float | None:
    """The one scale of the routine's poses (points per cm), its step pictures in their columns
    and its own picture across the card, at most `height` high; None when it shows no pose."""
    scales = [common_scale([s.picture for s in routine.steps], step_columns(height, width, size)[1], height),
              common_scale([routine.picture], width, height)]
    return min((s for s in scales if s is not None), default=None)


def column_width(picture: Picture, height: float, scale: float | None, width: float, size: float) -> float:
    """The width of a step picture's column: the picture's own (a pose at `scale`), within the limits."""
    narrowest, widest = step_columns(height, width, size)
    if picture.kind == "pose":
        own = picture_size(picture, widest, height, scale)[0]
    else:
        own = height * picture.width_px / picture.height_px
    return min(max(own, narrowest), widest)
