"""The card's QR code: encoding a link, and the flowable that prints it beside the link.

Encoding uses reportlab's own QR encoder for what it decides (the mode, the version, the
data bits, the function patterns and where data modules go), and does the slow parts
faster, with the same result: the codewords come from `qr.codewords` (Reed-Solomon error
correction with log tables, shared with the handbook's codes), and the choice of mask pattern on the whole
symbol packed into two integers (its rows and its columns, laid out once per link; each
of the eight masks is then one XOR), scored with the four penalty rules of ISO/IEC 18004
by bit operations. reportlab's pure-Python encoder takes about 8 ms per code, this
under 1 ms, and a batch of cards may carry hundreds of different links
(`tests/test_cardqr.py` checks the symbols are the same). Codes and their drawing
operators are cached per link, so a batch of personal cards encodes each routine's link
once (in each worker).
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from handbook.layout.card.parts import Stack
from handbook.layout.card.text import Part, TextBlock
from handbook.pdf.qr import codewords

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_MIN_MODULE = 0.7 * mm  # smaller modules get hard for a phone camera to read at arm's length
LEVEL = qrencoder.QRErrorCorrectLevel.M
_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = ("10111010000", "00001011101")


def penalty(modules: list[list[bool | None]]) -> int:
    """The mask penalty of a symbol: runs, 2x2 blocks, finder-like patterns, dark balance."""
    return _penalty(["".join("1" if dark else "0" for dark in row) for row in modules])


def _penalty(rows: list[str]) -> int:
    """`penalty` of a symbol given as rows of "0" (light) and "1" (dark): the rules as written
    (the mask search uses `_bit_penalty`, the same rules on integers; the tests compare them)."""
    lines = "|".join(rows + ["".join(col) for col in zip(*rows, strict=True)])  # "|" stops runs and patterns
    runs = _RUNS.findall(lines)
    score = sum(map(len, runs)) - 2 * len(runs)  # 5 in a row: 3, each more: +1
    score += 40 * (lines.count(_FINDER_LIKE[0]) + lines.count(_FINDER_LIKE[1]))  # neither overlaps itself
    size = len(rows)
    ints = [int(row, 2) for row in rows]
    full = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(ints):  # 2x2 blocks of one colour
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & full
        score += 3 * bin(same).count("1")
    dark = sum(row.count("1") for row in rows)
    score += 10 * (abs(dark * 100 // (size * size) - 50) // 5)
    return score


def _joined(modules: list[list[bool]], transpose: bool = False) -> str:
    """The symbol as one string: rows (or columns) of "0" and "1", a "0" between them."""
    lines = zip(*modules, strict=True) if transpose else modules
    return "0".join("".join("1" if dark else "0" for dark in line) for line in lines)


@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version shares, as integers of the joined rows (and columns)."""

    size: int
    base: tuple[int, int]  # function patterns, format areas light (as scored): rows, columns
    masks: tuple[tuple[int, int], ...]  # each mask pattern over the data modules: rows, columns
    gather: tuple[Callable[[str], tuple[str, ...]], ...]  # data bits (in placement order) -> joined rows, columns
    places: int  # data modules; the data bits fill the first ones, the rest stay light (before masking)
    valid: int  # every module, no separator
    pairs: int  # the modules with a right-hand neighbour, in rows 1 to the last (for 2x2 blocks)


@functools.lru_cache(maxsize=40)
def _layout(version: int) -> _Layout:
    code = qrencoder.QRCode(version, LEVEL)
    code.makeImpl(True, 0)  # function patterns; the data placed here is cleared below
    size = code.moduleCount
    positions = code.dataPosIterator()
    for col, row in positions:
        code.modules[row][col] = False
    base = (int(_joined(code.modules), 2), int(_joined(code.modules, True), 2))
    masks = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        marked = [[False] * size for _ in range(size)]
        for col, row in positions:
            marked[row][col] = bool(mask(row, col))
        masks.append((int(_joined(marked), 2), int(_joined(marked, True), 2)))
    light = len(positions)  # the index of a "0" put after the data bits: every other place is light
    gather = []
    for transpose in (False, True):
        order = [light] * (size * (size + 1) - 1)
        for index, (col, row) in enumerate(positions):
            major, minor = (col, row) if transpose else (row, col)
            order[major * (size + 1) + minor] = index
        gather.append(operator.itemgetter(*order))
    valid = int("0".join(["1" * size] * size), 2)
    pairs = int("0".join(["0" + "1" * (size - 1)] * (size - 1)), 2)
    return _Layout(size, base, tuple(masks), tuple(gather), light, valid, pairs)


def _bit_penalty(rows: int, cols: int, layout: _Layout) -> int:
    """`_penalty` of the symbol whose joined rows and columns are `rows` and `cols`, bit-parallel:
    each rule is a few operations on two integers instead of a pass over strings."""
    score = 0
    for dark in (rows, cols):
        for line in (dark, ~dark & layout.valid):  # runs of dark modules, then of light ones
            five = line & line >> 1 & line >> 2 & line >> 3 & line >> 4  # 5 in a row from here
            score += five.bit_count() + 2 * (five & ~(line >> 5)).bit_count()  # a run of n: n - 4, +2 once
        light = ~dark & layout.valid
        for pattern in _FINDER_LIKE:  # read left to right: the first character is the highest bit
            found = -1
            for shift, char in enumerate(reversed(pattern)):
                found &= (dark if char == "1" else light) >> shift
            score += 40 * found.bit_count()
    size = layout.size
    lower = rows & ((1 << (size + 1) * (size - 1) - 1) - 1)
    upper = rows >> (size + 1)
    same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & layout.pairs
    score += 3 * same.bit_count()
    score += 10 * (abs(rows.bit_count() * 100 // (size * size) - 50) // 5)
    return score


@functools.lru_cache(maxsize=1024)
def qr_modules(link: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `link` as rows of dark (True) and light modules, error correction M."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(link)
    code.version = code.calculate_version()
    layout = _layout(code.version)
    words = codewords(code)
    bits = format(int.from_bytes(bytes(words), "big"), f"0{8 * len(words)}b").ljust(layout.places + 1, "0")
    data = [int("".join(gather(bits)), 2) for gather in layout.gather]
    best, best_score = 0, -1
    for pattern, (rows, cols) in enumerate(layout.masks):
        score = _bit_penalty(layout.base[0] | data[0] ^ rows, layout.base[1] | data[1] ^ cols, layout)
        if best_score < 0 or score < best_score:
            best, best_score = pattern, score
    size = layout.size
    final = qrencoder.QRCode(code.version, LEVEL)
    final.modules = [[False] * size for _ in range(size)]
    final.moduleCount = size
    final.setupTypeInfo(False, best)
    if code.version >= 7:
        final.setupTypeNumber(False)
    info = int(_joined(final.modules), 2)
    joined = format(layout.base[0] | info | data[0] ^ layout.masks[best][0], f"0{size * (size + 1) - 1}b")
    return tuple(tuple(char == "1" for char in joined[start:start + size])
                 for start in range(0, len(joined), size + 1))


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


HEADING = "Watch how to do it"  # in English; the card passes its language's words (labels "card.qr_*")
INTRO = "Point your phone camera at the square, or type this address:"


class QrBlock(Part):
    """A QR code of the routine's link, with the link printed beside it.

    Wraps: the code is a square of `side` points (quiet zone included); the words and
    the link wrap in the width to its right (a long link breaks between characters).
    Draws: the dark modules as filled bars in a coordinate system of one unit per
    module (vector, so crisp at any printer resolution); the operators are made once
    per link.
    """

    GAP = 10.0

    def __init__(self, link: str, side: float, heading: ParagraphStyle, small: ParagraphStyle,
                 words: tuple[str, str] = (HEADING, INTRO)) -> None:
        super().__init__()
        self.link = link
        self.side = side
        self.text = Stack([
            TextBlock.plain(words[0], heading),
            TextBlock.plain(words[1], small),
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
