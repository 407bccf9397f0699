"""Reading an image's kind and size from its header, without an imaging library.

The loader uses this to refuse a missing, oversized or non-image picture with its
place in the content, before any renderer sees it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_PIXELS = 40_000_000  # about 6,300 x 6,300: far beyond print needs


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # "png" or "jpeg"
    width: int
    height: int


def sniff(path: Path) -> ImageInfo | str:
    """The image's kind and pixel size, or a message saying why it is not usable."""
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"image is {size / 1e6:.1f} MB; the limit is {MAX_IMAGE_BYTES // 1_000_000} MB"
        with path.open("rb") as handle:
            head = handle.read(min(size, 1 << 20))
    except OSError as exc:
        return f"cannot read the image: {exc.strerror or exc}"
    info = _png(head) if head.startswith(b"\x89PNG\r\n\x1a\n") else None
    if info is None and head.startswith(b"\xff\xd8"):
        info = _jpeg(head)
    if info is None:
        return "not a PNG or JPEG image"
    if info.width < 1 or info.height < 1:
        return "image has no pixels"
    if info.width * info.height > MAX_IMAGE_PIXELS:
        return f"image is {info.width} x {info.height} pixels; scale it down below 40 megapixels"
    return info


def _png(head: bytes) -> ImageInfo | None:
    if len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


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
