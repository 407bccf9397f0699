"""PNG and JPEG pictures: read from their headers, limited in size, and decoded whole before use.

Every raster picture the printouts can show goes through `raster`: a file named by a
routine or as the logo, a file an SVG drawing shows, and a picture inside an SVG drawing
(a data: URI). Its size is read from the header first, so a picture over the pixel limit
is refused before any decoder allocates memory for it; then it is decoded whole with
Pillow, so a damaged file is an error in `handbook check` rather than garbage on paper
(reportlab copies a JPEG's bytes into the PDF as they are, so the printer would be the
first to decode them).

JPEG has no checksum: damage that still decodes (a run of bytes overwritten) cannot be
told from a picture by any decoder, and is not caught here.
"""

from __future__ import annotations

import functools
import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 40_000_000  # about 6,300 x 6,300: far beyond print needs, and a bound on memory
_JPEG_TAIL = 4096  # some programs pad a JPEG after its end marker


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # "png", "jpeg" or "svg"
    width: int  # pixels; for "svg", points
    height: int


def raster_file(path: Path) -> ImageInfo | str:
    """The PNG or JPEG file's kind and pixel size, or a message saying why it is not usable."""
    try:
        stat = path.stat()
    except OSError as exc:
        return f"cannot read the image: {exc.strerror or exc}"
    return _raster_file(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=128)
def _raster_file(path: str, _mtime: int, size: int) -> ImageInfo | str:
    """`raster_file` once per file and version: a picture used on many steps is decoded once."""
    if size > MAX_IMAGE_BYTES:
        return f"image is {size / 1e6:.1f} MB; the limit is {MAX_IMAGE_BYTES // 1_000_000} MB"
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return f"cannot read the image: {exc.strerror or exc}"
    return raster(data)


def raster(data: bytes) -> ImageInfo | str:
    """The kind and pixel size of a PNG or JPEG held in `data`, or why it cannot be printed."""
    info = _png(data) if data.startswith(b"\x89PNG\r\n\x1a\n") else None
    if info is None and data.startswith(b"\xff\xd8"):
        info = _jpeg(data)
    if info is None and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "looks like an SVG drawing; name the file .svg"
    if info is None:
        return "not a PNG, JPEG or SVG image"
    if info.width < 1 or info.height < 1:
        return "image has no pixels"
    if info.width * info.height > MAX_IMAGE_PIXELS:
        return f"image is {info.width} x {info.height} pixels; scale it down below 40 megapixels"
    if info.kind == "png":
        damage = _png_damage(data) or _png_pixels_missing(data, info)
    else:
        ended = b"\xff\xd9" in data[-_JPEG_TAIL:]
        damage = _jpeg_kind(data) or ("" if ended else "the JPEG file is cut short (it has no end marker); save it "
                                                       "again")
    return damage or _decoded(data, info)


def _decoded(data: bytes, info: ImageInfo) -> ImageInfo | str:
    """`info` when Pillow decodes every pixel of `data` at the size the header gives, or why not."""
    from PIL import Image  # here: only content with pictures pays for importing it

    name = "PNG" if info.kind == "png" else "JPEG"
    damaged = f"the {name} file is damaged (its pixels cannot be read); save it again"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "possibly corrupt EXIF data" and the like: not about the pixels
            with Image.open(io.BytesIO(data), formats=[name]) as image:
                if image.size != (info.width, info.height):
                    return damaged
                if info.kind == "jpeg":  # every byte is still decoded; only the pixels kept are fewer (1/64)
                    image.draft(image.mode, (max(1, info.width // 8), max(1, info.height // 8)))
                image.load()
    except Exception:  # noqa: BLE001 - whatever the decoder says, the file is the user's to fix
        return damaged
    return info


def _png(head: bytes) -> ImageInfo | None:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _png_damage(data: bytes) -> str:
    """Why the PNG file is damaged (a chunk cut short or with a wrong checksum, no end), or ""."""
    pos = 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        end = pos + 12 + length
        if end > len(data):
            break
        if zlib.crc32(data[pos + 4:end - 4]) != struct.unpack(">I", data[end - 4:end])[0]:
            return f"the PNG file is damaged (a wrong checksum in its {kind.decode('latin-1')!r} part); save it again"
        if kind == b"IEND":
            return ""
        pos = end
    return "the PNG file is cut short; save it again"


_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # PNG colour type -> samples a pixel
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def _png_pixels_missing(data: bytes, info: ImageInfo) -> str:
    """Why the PNG's pixel data is not exactly as long as its size says (or not zlib data at all), or "".

    Pillow paints rows a well-formed but short stream lacks as black without a word, so the
    stream is inflated here (a megabyte at a time: no memory for the picture is needed) and
    its length compared with the length its width, height, colours and interlacing call for.
    """
    depth, colour, interlaced = data[24], data[25], data[28]
    if colour not in _CHANNELS or depth not in (1, 2, 4, 8, 16):
        return "the PNG file is damaged (its header is not one a PNG can have); save it again"
    bits = _CHANNELS[colour] * depth
    passes = _ADAM7 if interlaced else ((0, 0, 1, 1),)
    expected = 0
    for x0, y0, dx, dy in passes:
        width, height = (info.width - x0 + dx - 1) // dx, (info.height - y0 + dy - 1) // dy
        if width > 0 and height > 0:
            expected += height * (1 + (width * bits + 7) // 8)
    inflate = zlib.decompressobj()
    found = 0
    try:
        for chunk in [*_idat(data), b""]:  # b"": what is still held back when the input is all in
            while found <= expected:
                out = inflate.decompress(chunk, 1 << 20)
                found += len(out)
                chunk = inflate.unconsumed_tail
                if not chunk and not out:
                    break
    except zlib.error:
        return "the PNG file is damaged (its pixels cannot be read); save it again"
    if found != expected or not inflate.eof:
        return (f"the PNG file is damaged (its pixels end after {min(found, expected) * 100 // expected}% of the "
                "picture)" if found < expected else "the PNG file is damaged (it holds more pixels than its size)"
                ) + "; save it again"
    return ""


def _idat(data: bytes) -> list[bytes]:
    """The pixel data of a PNG whose chunks are whole (checked first): its IDAT chunks in order."""
    found, pos = [], 8
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        if data[pos + 4:pos + 8] == b"IDAT":
            found.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    return found


def _jpeg(head: bytes) -> ImageInfo | None:
    frame = _jpeg_frame(head)
    return None if frame is None else ImageInfo("jpeg", frame[2], frame[3])


def _jpeg_kind(data: bytes) -> str:
    """Why the JPEG is of a kind a PDF cannot hold as it is (reportlab copies only baseline, extended and
    progressive JPEGs of 8-bit samples, with Huffman coding, and Pillow decodes others), or ""."""
    frame = _jpeg_frame(data)
    if frame is None or (frame[0] in (0xC0, 0xC1, 0xC2) and frame[1] == 8):
        return ""
    coding = "arithmetic-coded" if frame[0] >= 0xC9 else "lossless or hierarchical"
    what = f"{frame[1]}-bit" if frame[1] != 8 else coding
    return f"the JPEG file is {what}, a kind the printouts cannot hold; save it again as an ordinary JPEG"


def _jpeg_frame(head: bytes) -> tuple[int, int, int, int] | None:
    """The JPEG's frame: its marker (0xC0 baseline, 0xC2 progressive, ...), sample bits, width and height."""
    pos = 2
    while pos + 9 < len(head):
        if head[pos] != 0xFF:
            return None
        marker = head[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        (length,) = struct.unpack(">H", head[pos + 2 : pos + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[pos + 5 : pos + 9])
            return marker, head[pos + 4], width, height
        pos += 2 + length
    return None
