"""Reading an image's kind and size from its header, without an imaging library.

The loader uses this to refuse a missing, oversized or non-image picture with its
place in the content, before any renderer sees it. PNG and JPEG are read from their
headers; an SVG drawing is parsed (strictly: well-formed XML, an <svg> root, no entity
declarations, no network) and its size read from its width and height or viewBox.
"""

from __future__ import annotations

import math
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 40_000_000  # about 6,300 x 6,300: far beyond print needs
MAX_SVG_BYTES = 2_000_000  # a drawing this size is a slow build; export a simpler one
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_POINTS = 14_400  # 200 inches: a drawing is scaled to fit, but its own size must be a usable number
_POINTS_PER = {"": 0.75, "px": 0.75, "pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # "png", "jpeg" or "svg"
    width: int  # pixels; for "svg", points
    height: int


def sniff(path: Path) -> ImageInfo | str:
    """The image's kind and pixel size, or a message saying why it is not usable."""
    try:
        size = path.stat().st_size
        if path.suffix.lower() == ".svg":
            return _svg(path, size)
        if size > MAX_IMAGE_BYTES:
            return f"image is {size / 1e6:.1f} MB; the limit is {MAX_IMAGE_BYTES // 1_000_000} MB"
        with path.open("rb") as handle:
            head = handle.read(min(size, 1 << 20))
    except OSError as exc:
        return f"cannot read the image: {exc.strerror or exc}"
    info = _png(head) if head.startswith(b"\x89PNG\r\n\x1a\n") else None
    if info is None and head.startswith(b"\xff\xd8"):
        info = _jpeg(head)
    if info is None and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "looks like an SVG drawing; name the file .svg"
    if info is None:
        return "not a PNG, JPEG or SVG image"
    if info.width < 1 or info.height < 1:
        return "image has no pixels"
    if info.width * info.height > MAX_IMAGE_PIXELS:
        return f"image is {info.width} x {info.height} pixels; scale it down below 40 megapixels"
    try:  # the whole file, not only its header: a damaged one would stop the build later
        damage = _png_damage(path) if info.kind == "png" else "" if _jpeg_complete(path, size) else (
            "the JPEG file is cut short (it has no end marker); save it again")
    except OSError as exc:
        return f"cannot read the image: {exc.strerror or exc}"
    return damage or info


def _png(head: bytes) -> ImageInfo | None:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _png_damage(path: Path) -> str:
    """Why the PNG file is damaged (a chunk cut short or with a wrong checksum, no end), or ""."""
    data = path.read_bytes()
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


def _jpeg_complete(path: Path, size: int) -> bool:
    """Whether the JPEG file ends with its end marker (some programs add padding after it)."""
    with path.open("rb") as handle:
        handle.seek(max(0, size - 4096))
        return b"\xff\xd9" in handle.read()


def _jpeg(head: bytes) -> ImageInfo | None:
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
            return ImageInfo("jpeg", width, height)
        pos += 2 + length
    return None


def _svg(path: Path, size: int) -> ImageInfo | str:
    """Check an SVG drawing and read its size in points."""
    if size > MAX_SVG_BYTES:
        return f"SVG is {size / 1e6:.1f} MB; the limit is {MAX_SVG_BYTES // 1_000_000} MB; save a simpler drawing"
    from lxml import etree  # only when there is an SVG: svglib brings it

    data = path.read_bytes()
    if b"<!ENTITY" in data:
        return "SVG declares XML entities, which are not allowed; save it again without them"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"not a well-formed SVG drawing: {exc.msg}"
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return f"not an SVG drawing: it starts with <{etree.QName(root).localname}>, not <svg>"
    elements = sum(1 for _ in root.iter())
    if elements > MAX_SVG_ELEMENTS:
        return f"SVG has {elements:,} elements; the limit is {MAX_SVG_ELEMENTS:,}; save a simpler drawing"
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = _view_box(root.get("viewBox"))
    if box is not None:
        box_width, box_height = box
        if width is None and height is None:
            width, height = box_width * 0.75, box_height * 0.75
        elif width is None:
            width = (height or 0.0) * box_width / box_height
        elif height is None:
            height = width * box_height / box_width
    if width is None or height is None or width <= 0 or height <= 0:
        return "SVG has no size; give its <svg> element a viewBox, or a width and height"
    if not (math.isfinite(width) and math.isfinite(height)) or max(width, height) > MAX_SVG_POINTS:
        return "SVG size is too large to draw; give its <svg> element a width and height under 200 inches"
    return ImageInfo("svg", max(1, round(width)), max(1, round(height)))


def _view_box(text: str | None) -> tuple[float, float] | None:
    """The width and height of a viewBox ("0 0 210 297"), or None when it has none that makes sense."""
    try:
        values = [float(v) for v in re.split(r"[\s,]+", (text or "").strip()) if v]
    except ValueError:
        return None
    if len(values) != 4 or not all(map(math.isfinite, values)):
        return None
    return (values[2], values[3]) if values[2] > 0 and values[3] > 0 else None


def _length(text: str | None) -> float | None:
    """An SVG length in points ("210mm", "300", "4in"); None for none, a percentage, or nonsense."""
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|in|cm|mm)?\s*", text or "")
    if not match:
        return None
    return float(match.group(1)) * _POINTS_PER[match.group(2) or ""]
