"""The card's QR code: encoding a link, and the flowable that prints it beside the link.

Encoding uses reportlab's own QR encoder, but picks the mask pattern with a faster
scorer (the same four penalty rules of ISO/IEC 18004, on rows packed into integers):
reportlab's pure-Python scorer takes about 5 ms of the 7 ms a code costs, and a batch
of cards may carry hundreds of different links. Codes and their drawing operators are
cached per link, so a batch of personal cards encodes each routine's link once.
"""

from __future__ import annotations

import functools
import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .cardparts import Stack, _Part
from .cardtext import TextBlock

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_MIN_MODULE = 0.7 * mm  # smaller modules get hard for a phone camera to read at arm's length
_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


class _QRCode(qrencoder.QRCode):  # type: ignore[misc]
    """reportlab's encoder with a faster choice of mask pattern (same rules, same result kind)."""

    def getBestMaskPattern(self) -> int:
        best, best_score = 0, -1
        for pattern in range(8):
            self.makeImpl(True, pattern)
            score = penalty(self.modules)
            if best_score < 0 or score < best_score:
                best, best_score = pattern, score
        return best


def penalty(modules: list[list[bool | None]]) -> int:
    """The mask penalty of a symbol: runs, 2x2 blocks, finder-like patterns, dark balance."""
    rows = [bytes(map(bool, row)).translate(_DIGITS).decode() for row in modules]
    cols = ["".join(col) for col in zip(*rows, strict=True)]
    score = 0
    for line in rows + cols:
        score += sum(len(run.group()) - 2 for run in _RUNS.finditer(line))  # 5 in a row: 3, each more: +1
        score += 40 * len(_FINDER_LIKE.findall(line))
    size = len(rows)
    ints = [int(row, 2) for row in rows]
    full = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(ints):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & full
        score += 3 * bin(same).count("1")
    dark = sum(row.count("1") for row in rows)
    score += 10 * (abs(dark * 100 // (size * size) - 50) // 5)
    return score


@functools.lru_cache(maxsize=1024)
def qr_modules(link: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `link` as rows of dark (True) and light modules, error correction M."""
    code = _QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(link)
    code.make()
    count = code.getModuleCount()
    return tuple(tuple(bool(code.isDark(row, col)) for col in range(count)) for row in range(count))


def qr_side(link: str, smallest: float) -> float:
    """The printed side of the QR code, quiet zone included: `smallest`, or larger for long links."""
    count = len(qr_modules(link)) + 2 * QUIET_ZONE
    return max(smallest, float(count * QR_MIN_MODULE))


@functools.lru_cache(maxsize=1024)
def _operators(link: str) -> str:
    """PDF operators filling the dark modules, one module = one unit, rows merged into bars."""
    modules = qr_modules(link)
    count = len(modules)
    bars = []
    for number, row in enumerate(modules):
        y = count - 1 - number
        col = 0
        while col < count:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < count and row[col]:
                col += 1
            bars.append(f"{start} {y} {col - start} 1 re")
    return "\n".join(bars) + "\nf"


class QrBlock(_Part):
    """A QR code of the routine's link, with the link printed beside it.

    Wraps: the code is a square of `side` points (quiet zone included); the words and
    the link wrap in the width to its right (a long link breaks between characters).
    Draws: the dark modules as filled bars in a coordinate system of one unit per
    module (vector, so crisp at any printer resolution); the operators are made once
    per link.
    """

    GAP = 10.0

    def __init__(self, link: str, side: float, heading: ParagraphStyle, small: ParagraphStyle) -> None:
        super().__init__()
        self.link = link
        self.side = side
        self.text = Stack([
            TextBlock.plain("Watch how to do it", heading),
            TextBlock.plain("Point your phone camera at the square, or type this address:", small),
            TextBlock.plain(link, small),
        ], gap=2)
        self._text_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._text_height = self.text.wrap(availWidth - self.side - self.GAP, availHeight)[1]
        self.width = availWidth
        self.height = max(self.side, self._text_height)
        return self.width, self.height

    def draw(self) -> None:
        count = len(qr_modules(self.link))
        unit = self.side / (count + 2 * QUIET_ZONE)
        bottom = self.height - self.side + QUIET_ZONE * unit
        canv = self.canv
        canv.saveState()
        canv.setFillColorRGB(0, 0, 0)
        canv.transform(unit, 0, 0, unit, QUIET_ZONE * unit, bottom)
        canv.addLiteral(_operators(self.link))
        canv.restoreState()
        self.text.drawOn(canv, self.side + self.GAP, self.height - self._text_height)
