"""Where a part's pages break: platypus's own breaks, unless they leave a page nearly empty; a booklet's end.

platypus fills a page and moves on. When the end of a chapter (its sources, its version
line) does not fit, it goes alone to a page of its own, a fifth full; keeping that end
together with the stop box before it only moves the problem to the page before, which
then holds a few lines. A typesetter moves the break up instead, so that enough of the
chapter goes over with its end. `ChapterFlow` does that, for one part of the book (the
contents, a routine's chapter, the questions, the sources) at a time:

- it holds the part's flowables, starting at the top of a page;
- asked to split (it always is: like platypus's `KeepTogether`, it wraps to more than
  any page), it finds the break platypus itself would make, by the same rules (space
  before and after, `keepWithNext`, paragraphs and boxes split by their own `split`,
  `KeepTogether` groups, tables and pictures whole, a `CondPageBreak` honoured);
- it looks at the next page: when that would hold less than `last_page` points (all that
  is left of the part, or the lines before a stop box or a picture too tall to join
  them), the break moves up, so enough goes over; as long as this page keeps at least
  `last_page` points too. When that cannot be and only the part's last lines are left
  over, the spaces between paragraphs on this page tighten (to half at most) so they fit;
- the step before the last keeps with the last (`keepWithNext`), loosely
  (`keep_loosely`): it stays where it is when going over would leave less than a quarter
  page (`NEARLY_EMPTY`) printed above it;
- it hands the flowables of this page back to platypus, which draws them as usual,
  then a page break, then a `ChapterFlow` of the rest, which does the same on the next
  page.

Nothing is drawn here. Each page's flowables are measured once more than platypus alone
would, to foresee the next page's break, which the next page then takes as it is
(paragraphs keep their lines once broken, a group its height): under a tenth of a build.

`BookletEnd` ends a booklet: notes pages up to the back cover, so that the pages are a
multiple of four, known only once the book is laid out, in the same single pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from reportlab.platypus import CondPageBreak, Flowable, Indenter, KeepTogether, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable

from handbook.pdf.frames import frame_state, group_height, group_parts

FUZZ = 1e-6  # reportlab's frame tolerance (rl_config._FUZZ)
HUGE = 0xFFFFFF  # a height no page holds: platypus then asks us to split
NEARLY_EMPTY = 0.25  # of a page: the step before the last stays on a page that would hold less without it
PULL_STEPS = 8  # a break moves up by what the next page lacks, else by 7/8 of it, 6/8...
SQUEEZE = (0.9, 0.8, 0.7, 0.6, 0.5)  # the spaces between paragraphs, tightened to fit a chapter's last lines


class ChapterFlow(Flowable):
    """A chapter's flowables, broken into pages so its last page holds at least `last_page` points.

    Wraps to more than a page, so platypus always calls `split`, which returns this page's
    flowables, a page break and a `ChapterFlow` of the rest (module docstring). Never drawn.
    """

    def __init__(self, flowables: Sequence[Flowable], last_page: float, opened: bool = False,
                 planned: Cut | None = None) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.last_page = last_page
        self.opened = opened  # every group taller than a page is replaced by its parts already
        self.planned = planned  # the break on a page of its own, as the page before foresaw it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, HUGE

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        at_top, after, page = frame_state(self, availHeight)
        canv, width, least = self.canv, availWidth, self.last_page
        if not self.opened:
            self.flowables, self.opened = _opened(self.flowables, canv, width, page), True

        def cut(height: float) -> Cut:
            return _cut(self.flowables, canv, width, height, at_top, after, NEARLY_EMPTY * page - (page - availHeight))

        whole_page = at_top and after == 0 and abs(availHeight - page) < FUZZ
        plan = self.planned if self.planned is not None and whole_page else cut(availHeight)
        following: Cut | None = None
        if plan.rest and plan.head:
            following = _cut(plan.rest, canv, width, page, True, 0.0, NEARLY_EMPTY * page)
            short = least - following.used if following.head or not following.rest else 0.0
            if short > 0:  # the next page would hold too little: its last, or one before a tall box
                earlier = _earlier(cut, plan, short, least - (page - availHeight))
                if earlier is not None and (earlier.used <= plan.used - short or following.rest):
                    plan, following = earlier, None
                elif not following.rest and (squeezed := _squeezed(self.flowables, cut, availHeight)):
                    plan, following = squeezed, None  # the few lines left over fit here, the spaces tighter
                elif earlier is not None:
                    plan, following = earlier, None  # as much as can go over, if not all that should
        if not plan.rest:
            return [NullActionFlowable(), *plan.head]
        if not plan.head:
            if at_top:  # the first flowable is taller than a page and cannot split: platypus deals with it
                return [NullActionFlowable(), self.flowables[0], ChapterFlow(self.flowables[1:], least, True)]
            return [PageBreak(), ChapterFlow(self.flowables, least, True)]
        # the next page's break, foreseen here, is the one it makes (unless a pull changed what goes over)
        return [NullActionFlowable(), *plan.head, PageBreak(), ChapterFlow(plan.rest, least, True, following)]


class Cut(NamedTuple):
    """Where a page breaks: the flowables on it, the rest, and the height they take."""

    head: list[Flowable]
    rest: list[Flowable]
    used: float


def _earlier(cut: Callable[[float], Cut], plan: Cut, short: float, keep: float) -> Cut | None:
    """The break that sends `short` more points over to the next page, or as much of it as can go
    (in eighths) while this page keeps `keep` points; None when nothing more can go."""
    for step in range(PULL_STEPS):
        earlier = cut(plan.used - short * (1 - step / PULL_STEPS))
        if earlier.head and earlier.used >= keep and earlier.used < plan.used - FUZZ:
            return earlier
    return None


def _squeezed(flowables: list[Flowable], cut: Callable[[float], Cut], height: float) -> Cut | None:
    """Everything on this page, with the spaces between paragraphs tightened (to half at most), or None.

    Tightens no more than it must (a tenth at a time, the first that fits is kept); when
    nothing fits, leaves every space as it was.
    """
    spaces = [(f, f.getSpaceBefore(), f.getSpaceAfter()) for f in flowables]
    for factor in SQUEEZE:
        for f, before, after in spaces:
            f.spaceBefore, f.spaceAfter = before * factor, after * factor
        plan = cut(height)
        if not plan.rest:
            return plan
    for f, before, after in spaces:
        f.spaceBefore, f.spaceAfter = before, after
    return None


def _cut(flowables: list[Flowable], canv: Any, width: float, height: float, at_top: bool, after: float,
         floor: float = 0.0) -> Cut:
    """The flowables that fit in `height` as a platypus frame would place them, the rest, and the height used.

    `at_top`: nothing is on the page yet (no space before the first flowable); `after`: the
    space after the flowable before (platypus overlaps it with the next one's space before).
    A flowable that keeps with the next (a heading) never ends the page: it goes over too,
    unless it keeps with the next only `keep_loosely` (the step before the last) and what
    is printed above it takes less than `floor`.
    """
    y = bottom = height  # the room left, and the room below what is printed (spaces after it not counted)
    head: list[tuple[Flowable, float, float]] = []  # each with the room left before it, and the page filled
    rest: list[Flowable] = []
    for index, f in enumerate(flowables):
        if isinstance(f, CondPageBreak):
            if y < f.height:
                rest = flowables[index + 1:]
                break
            continue  # decided here, where the page is known: platypus need not decide again
        if isinstance(f, Indenter):
            width -= f.left + f.right
        if isinstance(f, Indenter | ActionFlowable):
            head.append((f, y, height - bottom))
            continue
        space = 0.0 if at_top else max(f.getSpaceBefore() - after, 0.0)
        room = y - space
        h = _wrapped_height(f, canv, width, room) if room > 0 else HUGE
        if h <= room + FUZZ:
            head.append((f, y, height - bottom))
            after = f.getSpaceAfter()
            at_top = at_top and space + h + after == 0
            bottom = y - space - h
            y = bottom - after
            continue
        parts = [] if room <= 0 or isinstance(f, KeepTogether) else f.splitOn(canv, width, room)
        first = _wrapped_height(parts[0], canv, width, room) if len(parts) > 1 else HUGE
        if first <= room + FUZZ:
            head.append((parts[0], y, height - bottom))
            y -= space + first
            rest = [*parts[1:], *flowables[index + 1:]]
        else:
            rest = flowables[index:]
        break
    while rest and head and head[-1][0].getKeepWithNext():  # a heading goes over with what it keeps with
        f, before, filled = head[-1]
        if getattr(f, "keep_loosely", False) and filled < floor:
            break  # a step stays, rather than leave a page that holds almost nothing
        head.pop()
        rest.insert(0, f)
        y = before
    if all(isinstance(f, Indenter | ActionFlowable) for f, _, _ in head):
        return Cut([], [f for f, _, _ in head] + rest, 0.0)
    return Cut([f for f, _, _ in head], rest, height - y)


def _opened(flowables: list[Flowable], canv: Any, width: float, page: float) -> list[Flowable]:
    """The flowables, each `KeepTogether` group taller than a page replaced by its parts (which then
    break as they would without it)."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, KeepTogether) and _wrapped_height(f, canv, width, page) > page + FUZZ:
            out += _opened(group_parts(f), canv, width, page)
        else:
            out.append(f)
    return out


def _wrapped_height(f: Flowable, canv: Any, width: float, room: float) -> float:
    """The height of `f` in `width`: a `KeepTogether` group's whole height, not the one that forces a split.

    A group's height is kept on it for its width: measuring one (platypus copies the frame
    each time) would otherwise be most of the cost of choosing the breaks.
    """
    if isinstance(f, KeepTogether):
        known = getattr(f, "height_at", None)
        if known is None or known[0] != width:
            f.wrapOn(canv, width, room)
            known = f.height_at = (width, group_height(f))
        return float(known[1])
    _, h = f.wrapOn(canv, width, room)
    return float(h)


class BookletEnd(Flowable):
    """The end of a booklet: notes pages, as many as make the pages a multiple of four with the back cover.

    Placed after the book's own notes page. Wraps to more than a page (and to no room at
    all, `_ZEROSIZE`), so platypus asks it to split on the page it is reached on, whose
    number it reads from the canvas; the split is the notes pages (`notes_page` makes one,
    starting with its page break) and `back_cover`, the last page's flowables. A booklet is
    laid out in one pass like the book, and its sheets never carry a blank page.
    """

    _ZEROSIZE = True

    def __init__(self, notes_page: Callable[[], list[Flowable]], back_cover: list[Flowable]) -> None:
        super().__init__()
        self.notes_page = notes_page
        self.back_cover = back_cover

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, HUGE

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        notes = -(self.canv.getPageNumber() + 1) % 4
        return [NullActionFlowable(), *(f for _ in range(notes) for f in self.notes_page()), *self.back_cover]
