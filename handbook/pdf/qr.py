"""QR codes for the handbook's links: reportlab's encoder for every decision, its slow steps done faster.

reportlab's encoder is pure Python and took about 2 ms a code: its bit buffer appends one
bit at a time and its Reed-Solomon error correction divides polynomial objects. A
handbook of 200 routines prints about 100 codes. Here reportlab still decides everything
that makes a code what it is (the mode, the version, the data segments and their bits,
the blocks, the function patterns and where each module goes); we only compute the
codewords faster (bits kept in one integer, error correction with log/antilog tables of
GF(256)), and place them in a copy of the empty symbol reportlab lays out for the
version (made once), at the positions it gives, in its order. The codewords are the
same bytes whoever computes them, and the modules the same as reportlab would print.
Every mask pattern gives a valid code that phone cameras read, so we use mask 0 instead
of scoring all eight. The tests decode the printed codes.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

_DARK_RUN = re.compile("1+")
_EXP = [1] * 512  # antilogs of GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, doubled
_LOG = [0] * 256
for _i in range(1, 255):
    _EXP[_i] = _EXP[_i - 1] << 1 ^ (0x11D if _EXP[_i - 1] & 0x80 else 0)
for _i in range(255):
    _LOG[_EXP[_i]] = _i
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@functools.cache
def _generator(count: int) -> tuple[int, ...]:
    """The generator polynomial for `count` error correction codewords, as logs, leading 1 dropped."""
    poly = [1]
    for i in range(count):  # times (x + a^i)
        poly = [a ^ (_EXP[_LOG[b] + i] if b else 0) for a, b in zip([*poly, 0], [0, *poly], strict=True)]
    return tuple(_LOG[c] for c in poly[1:])


def _error_correction(data: list[int], count: int) -> list[int]:
    """The remainder of `data` times x^count divided by the generator: the block's error correction."""
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
    """reportlab's `QRBitBuffer` (what its data segments write to), with the bits in one integer."""

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

    def codewords(self) -> list[int]:
        pad = -self.length % 8
        return list((self.value << pad).to_bytes((self.length + pad) // 8, "big"))


def codewords(code: Any) -> list[int]:
    """Data and error correction codewords, interleaved: what reportlab's `createData` returns."""
    from reportlab.graphics.barcode import qrencoder

    blocks = qrencoder.QRRSBlock.getRSBlocks(code.version, code.errorCorrectLevel)
    bits = _Bits()
    for segment in code.dataList:
        segment.write(bits, code.version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if bits.length > capacity:
        raise ValueError(f"code length overflow. ({bits.length} > {capacity})")
    if bits.length + 4 <= capacity:
        bits.put(0, 4)  # end of data
    bits.put(0, -bits.length % 8)
    for pad in itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)):
        if bits.length >= capacity:
            break
        bits.put(pad, 8)
    words = bits.codewords()
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data_blocks.append(words[offset:offset + block.dataCount])
        offset += block.dataCount
        ec_blocks.append(_error_correction(data_blocks[-1], block.totalCount - block.dataCount))
    return [word for column in itertools.chain(itertools.zip_longest(*data_blocks), itertools.zip_longest(*ec_blocks))
            for word in column if word is not None]


def qr_modules(text: str) -> list[list[bool]]:
    """The QR code of `text` as rows of dark (True) and light modules; error correction M, mask 0."""
    from reportlab.graphics.barcode import qrencoder  # here: its package takes a while to import

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    template, positions = _template(code.version)
    modules = [row[:] for row in template]
    words = codewords(code)
    bits = format(int.from_bytes(bytes(words), "big"), f"0{8 * len(words)}b")
    for (col, row), bit in zip(positions, bits, strict=False):  # the remainder modules keep the mask
        if bit == "1":
            modules[row][col] = not modules[row][col]
    return modules


@functools.lru_cache(maxsize=40)
def _template(version: int) -> tuple[list[list[bool]], list[tuple[int, int]]]:
    """A symbol of `version` as reportlab lays it out with no data (function patterns, format
    information for mask 0, data modules showing the mask), and where data bits go, in order."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    code.dataCache = []  # no data: each data module is light, then masked
    code.makeImpl(False, 0)
    return [list(map(bool, row)) for row in code.modules], list(code.dataPosIterator())


def qr_path(modules: list[list[bool]]) -> list[str]:
    """PDF path operators for the dark modules, one rectangle per run, row 0 at the top."""
    ops = []
    count = len(modules)
    for row, dark_modules in enumerate(modules):
        y = count - 1 - row
        line = "".join(["1" if dark else "0" for dark in dark_modules])
        ops += [f"{run.start()} {y} {run.end() - run.start()} 1 re" for run in _DARK_RUN.finditer(line)]
    return ops
