"""QR codes for a routine's link: encoded by segno, drawn as vector squares on a reportlab canvas.

The handbook and the card print the same code for the same link, so both use this module.
segno follows ISO/IEC 18004 and chooses everything that makes the code (mode, the smallest
version for error correction M, the mask by the standard's penalty rules); we only turn
its modules into one filled path of rectangles. Error correction stays at M (15% of the
code may be lost): segno's `boost_error` would raise it where the version has room, but
the level is the one the cards and the handbook were laid out and tested with. A link
with letters beyond ASCII is written as UTF-8, as web addresses are and as phone readers
expect, where segno alone would pick ISO 8859-1 or Shift JIS when they fit.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

QUIET_ZONE = 4  # modules of white around the code on every side, as the QR standard asks
ERROR_CORRECTION = "m"


Modules = tuple[tuple[bool, ...], ...]
_MADE: dict[str, Modules] = {}  # link -> its code, made once per process
_MOST_KEPT = 1024


def qr_modules(link: str) -> Modules:
    """The QR code of `link` as rows of dark (True) and light modules, top row first, no quiet zone.

    Kept: a batch of cards prints each routine's link many times, and encoding one takes
    a few milliseconds (segno chooses the mask by the standard's penalty rules, in Python).
    """
    modules = _MADE.get(link)
    if modules is None:
        import segno  # here: it imports urllib and http.client (25 ms), which a process printing no code need not pay

        code = segno.make_qr(link, error=ERROR_CORRECTION, boost_error=False, encoding="utf-8")
        modules = tuple(tuple(bool(module) for module in row) for row in code.matrix)
        remember(link, modules)
    return modules


def remember(link: str, modules: Modules) -> None:
    """Keep the code of `link` that `qr_modules` made, here or in another process (`commands.qrcodes`)."""
    if len(_MADE) >= _MOST_KEPT:
        _MADE.clear()
    _MADE[link] = modules


def qr_problem(link: str) -> str:
    """Why `link` cannot be printed as a QR code at error correction M (too long), or "".

    Any text of at most `MOST_BYTES` bytes fits (as bytes, the roomiest mode); only a longer
    one is encoded to be sure, so checking costs nothing in the usual case.
    """
    if len(link.encode("utf-8")) <= MOST_BYTES:
        return ""
    import segno

    try:
        qr_modules(link)
    except segno.DataOverflowError:
        size = len(link.encode("utf-8"))
        return f"is too long for a QR code ({size} bytes as UTF-8; at most {MOST_BYTES} fit); shorten the address"
    return ""


MOST_BYTES = 2331  # bytes a version-40 QR code holds at error correction M


def printed_side(link: str, smallest: float, module: float, largest: float = math.inf) -> float:
    """The side of the printed square, quiet zone included: `smallest`, or larger so that each
    module is at least `module` points wide, but never more than `largest`."""
    return min(max(smallest, (len(qr_modules(link)) + 2 * QUIET_ZONE) * module), largest)


def draw_qr(canv: Any, link: str, x: float, y: float, side: float) -> None:
    """Draw the code of `link` in black as a square of `side` points, quiet zone included,
    with its bottom-left corner at (`x`, `y`); nothing is drawn in the quiet zone."""
    unit = side / (len(qr_modules(link)) + 2 * QUIET_ZONE)
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)  # dark on light whatever the styles say, as phone cameras expect
    # one unit per module: every rectangle of the path is whole numbers
    canv.transform(unit, 0, 0, unit, x + QUIET_ZONE * unit, y + QUIET_ZONE * unit)
    canv.drawPath(_dark_path(canv, link), stroke=0, fill=1)
    canv.restoreState()


_PATHS: dict[str, Any] = {}  # link -> its dark modules as a path object, made once per process
_MAX_PATHS = 1024


def _dark_path(canv: Any, link: str) -> Any:
    """The dark modules of `link`'s code as one path: a rectangle per run of dark modules in a row.

    A path object only holds its operators (`drawPath` reads them), so the one made with the
    first canvas serves every later card and page; making it takes about a millisecond, far
    longer than drawing it.
    """
    path = _PATHS.get(link)
    if path is None:
        modules = qr_modules(link)
        path = canv.beginPath()
        for number, row in enumerate(modules):
            y = len(modules) - 1 - number  # row 0 is the top
            x = 0
            for dark, run in itertools.groupby(row):
                width = sum(1 for _ in run)
                if dark:
                    path.rect(x, y, width, 1)
                x += width
        if len(_PATHS) >= _MAX_PATHS:
            _PATHS.clear()
        _PATHS[link] = path
    return path
