"""The containers of a card's parts: a stack, a bordered box, two parts side by side.

Like every card part, measured (`wrap`) before anything is drawn. A stack may be cut between
two of its parts to continue on the card's back (`split_at`); a box never is.
"""

from __future__ import annotations

from collections.abc import Sequence

from handbook.layout.card.text import TALL, Part
from handbook.layout.styles import INK


class Stack(Part):
    """Parts one under the other with a fixed gap between them.

    Wraps: each child at the full width; height = children + gaps. Draws: top down.
    Cuts (`split_at`) between two children, never after a first child that is a heading
    (`keep_first`): a heading always has something of its own under it; and never before the
    last child alone, when it can be helped.
    """

    def __init__(self, parts: Sequence[Part], gap: float = 0.0, keep_first: bool = False) -> None:
        super().__init__()
        self.parts = list(parts)
        self.gap = gap
        self.keep_first = keep_first
        self._sizes: list[float] = []

    def split_at(self, availWidth: float, availHeight: float) -> tuple[Part, Part] | None:
        used, cut = -self.gap, 0
        for part in self.parts:
            used += self.gap + part.wrap(availWidth, TALL)[1]
            if used > availHeight:
                break
            cut += 1
        least = 2 if self.keep_first else 1
        if cut == len(self.parts) - 1 and cut - 1 >= least:
            cut -= 1  # never one item alone at the top of the next side
        if cut < least or cut >= len(self.parts):
            return None
        return Stack(self.parts[:cut], self.gap, self.keep_first), Stack(self.parts[cut:], self.gap)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = [part.wrap(availWidth, availHeight)[1] for part in self.parts]
        self.width = availWidth
        self.height = sum(self._sizes) + self.gap * max(len(self.parts) - 1, 0)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, size in zip(self.parts, self._sizes, strict=True):
            y -= size
            part.drawOn(self.canv, 0, y)
            y -= self.gap


class Bordered(Part):
    """A child inside a black border, with padding: the card's "Stop and call us if" box.

    Not the handbook's `Box`: that one is a platypus flowable that splits across pages and
    repeats its title; a card's box is never cut, and a card never imports platypus.

    Wraps: the child at the width less border and padding. Draws: the border inside its
    own box (the stroke never reaches past the width it was given), then the child.
    """

    def __init__(self, child: Part, line_width: float = 2.5, padding: float = 8.0) -> None:
        super().__init__()
        self.child = child
        self.line_width = line_width
        self.padding = padding

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inset = self.line_width + self.padding
        _, child_height = self.child.wrap(availWidth - 2 * inset, availHeight)
        self.width = availWidth
        self.height = child_height + 2 * inset
        return self.width, self.height

    def draw(self) -> None:
        half = self.line_width / 2
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(self.line_width)
        self.canv.roundRect(half, half, self.width - self.line_width, self.height - self.line_width, 4,
                            stroke=1, fill=0)
        inset = self.line_width + self.padding
        self.child.drawOn(self.canv, inset, inset)


class SideBySide(Part):
    """Two flowables in columns (the stop box and what to avoid), tops aligned.

    Wraps: each at its share of the width less the gap; height = the taller one.
    """

    def __init__(self, left: Part, right: Part, share: float = 0.5, gap: float = 14.0) -> None:
        super().__init__()
        self.left, self.right, self.share, self.gap = left, right, share, gap
        self.heights = (0.0, 0.0)  # of the two columns, after wrap
        self._left_width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._left_width = (availWidth - self.gap) * self.share
        left = self.left.wrap(self._left_width, availHeight)[1]
        right = self.right.wrap(availWidth - self.gap - self._left_width, availHeight)[1]
        self.heights = (left, right)
        self.width, self.height = availWidth, max(left, right)
        return self.width, self.height

    def draw(self) -> None:
        self.left.drawOn(self.canv, 0, self.height - self.heights[0])
        self.right.drawOn(self.canv, self._left_width + self.gap, self.height - self.heights[1])


class Column(Part):
    """A part set no wider than `measure`, at the left: lines of running text stay short enough to
    read (about 60 characters) on a wide card, while the card's other parts use its full width.

    Wraps: the child at the narrower of the width given and `measure`; reports the full width.
    Cuts (`split_at`) where its child cuts, each piece in a column of its own.
    """

    def __init__(self, child: Part, measure: float) -> None:
        super().__init__()
        self.child = child
        self.measure = measure

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self.child.wrap(min(availWidth, self.measure), availHeight)[1]
        self.width = availWidth
        return self.width, self.height

    def split_at(self, availWidth: float, availHeight: float) -> tuple[Part, Part] | None:
        pieces = self.child.split_at(min(availWidth, self.measure), availHeight)
        return None if pieces is None else (Column(pieces[0], self.measure), Column(pieces[1], self.measure))

    def draw(self) -> None:
        self.child.drawOn(self.canv, 0, 0)
