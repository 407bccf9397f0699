"""A picture file's kind and size, after checking that it can be printed as it is.

The loader uses this to refuse a missing, oversized, damaged or non-image picture with
its place in the content, before any renderer sees it: PNG and JPEG files in `raster`
(the pixel limit, decoded whole), SVG drawings and all they show in `svg`.
"""

from __future__ import annotations

from pathlib import Path

from handbook.content.raster import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, ImageInfo, raster_file
from handbook.content.svg import MAX_SVG_BYTES, MAX_SVG_ELEMENTS, MAX_SVG_POINTS, svg_file

__all__ = ["MAX_IMAGE_BYTES", "MAX_IMAGE_PIXELS", "MAX_SVG_BYTES", "MAX_SVG_ELEMENTS", "MAX_SVG_POINTS",
           "ImageInfo", "sniff"]


def sniff(path: Path) -> ImageInfo | str:
    """The image's kind and size (pixels; points for an SVG drawing), or a message saying why it is not usable."""
    return svg_file(path) if path.suffix.lower() == ".svg" else raster_file(path)
