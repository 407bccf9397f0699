"""What platypus knows of a frame and a `KeepTogether` group but does not say in its public API.

The handbook's page breaks (`handbook.layout.book.breaks`) ask a frame, while a flowable is
being split, whether the frame is still at the top of its page, what space before the next
flowable is owed, and the frame's whole height; and ask a `KeepTogether` group for its parts
and the height it measured. These are private attributes of reportlab 4.4 to 5.1 (the
tested range, see this package's `__init__`): read here, and only here.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether


def frame_state(flowable: Flowable, avail_height: float) -> tuple[bool, float, float]:
    """For a flowable being split in a frame: whether the frame is at the top of its page, the space
    owed after what it holds, and the frame's whole height (`avail_height` when not in a frame)."""
    frame: Any = getattr(flowable, "_frame", None)
    at_top = bool(getattr(frame, "_atTop", True))
    after = float(getattr(frame, "_prevASpace", 0.0)) if getattr(frame, "_oASpace", 0) else 0.0
    return at_top, after, float(getattr(frame, "_height", avail_height))


def group_parts(group: KeepTogether) -> list[Flowable]:
    """The flowables a `KeepTogether` group keeps together."""
    return list(group._content)


def group_height(group: KeepTogether) -> float:
    """The whole height of a `KeepTogether` group, as its last `wrap` measured it."""
    return float(group._H)
