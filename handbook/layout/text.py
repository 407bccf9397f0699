"""The one line-breaking engine: items of known widths into lines, greedily, as reportlab does.

The handbook's paragraph (`book.paragraph.Text`) and the card's text (`card.text`) both
break here; each measures its own items (words in one face; words or unbreakable dose
groups in several faces and sizes) and says what a space before each one is worth.

The rule is reportlab's `Paragraph.breakLines`: an item joins the line when the line,
with the space before the item, still fits its width, where the spaces may shrink by
`shrinkage` (reportlab's `spaceShrinkage`, 5 % in the handbook; none on a card) and
`slack` absorbs rounding (a card's 0.01 pt). A forced line break is an item of width None.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple


class Span(NamedTuple):
    """One line: items `start` to `stop` (stop excluded); `room` is its width less what it
    holds (negative: squeezed into the spaces' shrinkage); `forced`: a forced break ended it."""

    start: int
    stop: int
    room: float
    forced: bool = False


def break_lines(widths: Sequence[float | None], gaps: Sequence[float], first: float, later: float,
                shrinkage: float = 0.0, slack: float = 0.0, overflow: bool = False) -> list[Span] | None:
    """Break items into lines; None when an item is wider than the line it starts (the caller cuts
    it), or with `overflow`, that item alone on its line (a character no line is wide enough for).

    `widths[i]`: item i's width (None: a forced break); `gaps[i]`: the space before item i
    when it follows another on its line (infinite: it always starts a line); `first`,
    `later`: the first line's width and the others'.
    """
    spans: list[Span] = []
    start, count = 0, 0
    used = spaces = 0.0
    limit = first
    for index, width in enumerate(widths):
        if width is None:
            spans.append(Span(start, index, limit - used, forced=True))
            start, count, used, spaces, limit = index + 1, 0, 0.0, 0.0, later
            continue
        if count:
            gap = gaps[index]
            new = used + gap + width
            if new <= limit + slack + (shrinkage * (spaces + gap) if shrinkage else 0.0):
                count += 1
                spaces += gap
                used = new
                continue
            spans.append(Span(start, index, limit - used))
            start, count, used, spaces, limit = index, 0, 0.0, 0.0, later
        if width > limit + slack and not overflow:
            return None
        start, count, used = index, 1, width
    if count:
        spans.append(Span(start, len(widths), limit - used))
    return spans


def width_range(spans: Sequence[Span], widths: Sequence[float | None], gaps: Sequence[float], width: float,
                slack: float = 0.0) -> tuple[float, float]:
    """The line widths, `low` to just under `high`, that break the items into these same `spans`
    (made by `break_lines` with `width` for every line and no shrinkage): each line still holds
    what it holds, and still cannot take the item after it. Kept a hair inside the exact
    bounds, so a width near one never depends on how the sums were rounded.
    """
    if not math.isfinite(width):  # no room to measure from: these lines for this width alone
        return width, width
    low, high = 0.0, math.inf
    for span in spans:
        low = max(low, width - span.room - slack)  # the line's own width must fit
        if not span.forced and span.stop < len(widths):  # it ended because the next item did not fit
            following = widths[span.stop]
            assert following is not None
            high = min(high, width - span.room + gaps[span.stop] + following - slack)
    return low + _HAIR, high - _HAIR


_HAIR = 1e-7  # points
