"""The card's QR code: encoding a link, and the flowable that prints it beside the link.

Encoding uses reportlab's own QR encoder for what it decides (the mode, the version, the
data bits, the function patterns and where data modules go), and does the slow parts
faster, with the same result: the Reed-Solomon error correction with log tables and a
generator polynomial made once per length, and the choice of mask pattern on rows
packed into integers (the data is laid out once, then each of the eight masks is one XOR
per row), scored with the four penalty rules of ISO/IEC 18004. reportlab's pure-Python
encoder takes about 8 ms per code, this about 1 ms, and a batch of cards may carry
hundreds of different links. Codes and their drawing operators are cached per link, so
a batch of personal cards encodes each routine's link once.
"""

from __future__ import annotations

import functools
import itertools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .cardparts import Stack
from .cardtext import Part, TextBlock

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_MIN_MODULE = 0.7 * mm  # smaller modules get hard for a phone camera to read at arm's length
LEVEL = qrencoder.QRErrorCorrectLevel.M
_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = ("10111010000", "00001011101")
_EXP = [1] * 512  # GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1
_LOG = [0] * 256
for _i in range(1, 255):
    _EXP[_i] = _EXP[_i - 1] << 1 ^ (0x11D if _EXP[_i - 1] & 0x80 else 0)
for _i in range(255):
    _LOG[_EXP[_i]] = _i
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def penalty(modules: list[list[bool | None]]) -> int:
    """The mask penalty of a symbol: runs, 2x2 blocks, finder-like patterns, dark balance."""
    return _penalty(["".join("1" if dark else "0" for dark in row) for row in modules])


def _penalty(rows: list[str]) -> int:
    """`penalty` of a symbol given as rows of "0" (light) and "1" (dark)."""
    lines = "|".join(rows + ["".join(col) for col in zip(*rows, strict=True)])  # "|" stops runs and patterns
    runs = _RUNS.findall(lines)
    score = sum(map(len, runs)) - 2 * len(runs)  # 5 in a row: 3, each more: +1
    score += 40 * (lines.count(_FINDER_LIKE[0]) + lines.count(_FINDER_LIKE[1]))  # neither overlaps itself
    size = len(rows)
    ints = [int(row, 2) for row in rows]
    full = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(ints):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & full
        score += 3 * bin(same).count("1")
    dark = lines[: size * (size + 1)].count("1")  # the rows come first
    score += 10 * (abs(dark * 100 // (size * size) - 50) // 5)
    return score


@functools.lru_cache(maxsize=64)
def _generator(count: int) -> tuple[int, ...]:
    """The Reed-Solomon generator polynomial of `count` error correction codewords, as logs (leading 1 dropped)."""
    poly = [1]
    for i in range(count):  # multiply by (x - a^i)
        poly = [a ^ (_EXP[_LOG[b] + i] if b else 0) for a, b in zip([*poly, 0], [0, *poly], strict=True)]
    return tuple(_LOG[c] for c in poly[1:])


def _error_correction(data: list[int], count: int) -> list[int]:
    """The `count` error correction codewords of a block of `data` codewords."""
    generator = _generator(count)
    remainder = [0] * count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            shift = _LOG[factor]
            remainder = [r ^ _EXP[g + shift] for r, g in zip(remainder, generator, strict=True)]
    return remainder


class _Bits:
    """reportlab's `QRBitBuffer` (what the data segments write to), keeping the bits in one integer."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = self.value << length | num & ((1 << length) - 1)
        self.length += length

    def putBit(self, bit: bool) -> None:
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:
        return self.length

    @property
    def buffer(self) -> list[int]:
        pad = -self.length % 8
        return list((self.value << pad).to_bytes((self.length + pad) // 8, "big"))


def _codewords(code: qrencoder.QRCode) -> list[int]:
    """The symbol's codewords, data and error correction interleaved, as reportlab's `createData` makes them."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    buffer = _Bits()
    for data in code.dataList:
        data.write(buffer, code.version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow. ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)  # end code
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    words = buffer.buffer
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data_blocks.append(words[offset:offset + block.dataCount])
        offset += block.dataCount
        ec_blocks.append(_error_correction(data_blocks[-1], block.totalCount - block.dataCount))
    return [word for words in itertools.chain(itertools.zip_longest(*data_blocks), itertools.zip_longest(*ec_blocks))
            for word in words if word is not None]


def _rows(modules: list[list[bool]]) -> list[int]:
    """Rows of modules as integers, the leftmost module the highest bit."""
    return [int("".join("1" if dark else "0" for dark in row), 2) for row in modules]


@functools.lru_cache(maxsize=40)
def _layout(version: int) -> tuple[list[int], list[tuple[int, int]], list[list[int]]]:
    """For a version: the function patterns (format areas light, as scored), the data module
    positions in placement order, and each mask pattern over the data modules, as rows."""
    code = qrencoder.QRCode(version, LEVEL)
    code.makeImpl(True, 0)  # function patterns; the data placed here is overwritten below
    count = code.moduleCount
    positions = code.dataPosIterator()
    for col, row in positions:
        code.modules[row][col] = False
    masks = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        rows = [0] * count
        for col, row in positions:
            if mask(row, col):
                rows[row] |= 1 << (count - 1 - col)
        masks.append(rows)
    return _rows(code.modules), positions, masks


@functools.lru_cache(maxsize=1024)
def qr_modules(link: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code of `link` as rows of dark (True) and light modules, error correction M."""
    code = qrencoder.QRCode(None, LEVEL)
    code.addData(link)
    code.version = code.calculate_version()
    count = code.version * 4 + 17
    base, positions, masks = _layout(code.version)
    data = [0] * count
    bits = (word >> shift & 1 for word in _codewords(code) for shift in range(7, -1, -1))
    for (col, row), bit in zip(positions, bits, strict=False):  # remainder modules stay light
        if bit:
            data[row] |= 1 << (count - 1 - col)
    width = f"0{count}b"
    best, best_score = 0, -1
    for pattern, mask in enumerate(masks):
        score = _penalty([format(b | d ^ m, width) for b, d, m in zip(base, data, mask, strict=True)])
        if best_score < 0 or score < best_score:
            best, best_score = pattern, score
    final = qrencoder.QRCode(code.version, LEVEL)
    final.modules = [[False] * count for _ in range(count)]
    final.moduleCount = count
    final.setupTypeInfo(False, best)
    if code.version >= 7:
        final.setupTypeNumber(False)
    info = _rows(final.modules)
    rows = [format(b | i | d ^ m, width) for b, i, d, m in zip(base, info, data, masks[best], strict=True)]
    return tuple(tuple(char == "1" for char in row) for row in rows)


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


class QrBlock(Part):
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
