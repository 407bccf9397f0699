"""SVG drawings, checked strictly before anything draws them; their size read in points.

A drawing must be UTF-8 text and well-formed XML with an <svg> root, without a DOCTYPE
or entities and without network access. What it shows must be there and be printable:
each `<image>` and `<use>` names a part of the same drawing (`#id`), a PNG or JPEG inside
it (a `data:` URI), or a file beside it (in the drawing's folder, as svglib reads it: a
picture, or another drawing, checked the same way). Every picture it shows is checked
like any other (`raster`: the pixel limit, decoded whole). What svglib would skip
without a word (a reference it cannot find or may not read) is an error here, so
nothing is missing on paper.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from pathlib import Path
from typing import Any

from handbook.content.folder import leads_outside
from handbook.content.raster import ImageInfo, raster, raster_file

MAX_SVG_BYTES = 2_000_000  # a drawing this size is a slow build; export a simpler one
MAX_SVG_ELEMENTS = 20_000
MAX_SVG_POINTS = 14_400  # 200 inches: a drawing is scaled to fit, but its own size must be a usable number
MAX_DEPTH = 4  # a drawing that shows a drawing that shows ...
_POINTS_PER = {"": 0.75, "px": 0.75, "pt": 1.0, "pc": 12.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
_XLINK = "{http://www.w3.org/1999/xlink}href"
_DATA = re.compile(r"data:image/(jpe?g|png);base64,")  # what svglib decodes (in lower case only)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TOO_LARGE = "give its <svg> element a width and height under 200 inches"


def svg_file(path: Path) -> ImageInfo | str:
    """Check an SVG drawing (and all it shows) and read its size in points; or say why it cannot be printed."""
    return _check(path, path.parent, (), sized=True)


def _check(path: Path, folder: Path, chain: tuple[Path, ...], sized: bool) -> ImageInfo | str:
    """`svg_file` for `path`, shown by the drawings of `chain`; what it refers to must be inside `folder`."""
    from lxml import etree  # only when there is an SVG: svglib brings it

    try:
        size = path.stat().st_size
        if size > MAX_SVG_BYTES:
            return f"SVG is {size / 1e6:.1f} MB; the limit is {MAX_SVG_BYTES // 1_000_000} MB; save a simpler drawing"
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot read the drawing: {exc.strerror or exc}"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "SVG is not saved as UTF-8 text; save it again as UTF-8"
    if b"<!ENTITY" in data:
        return "SVG declares XML entities, which are not allowed; save it again without them"
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"not a well-formed SVG drawing: {exc.msg}"
    info = root.getroottree().docinfo
    if (info.encoding or "UTF-8").upper().replace("_", "-") not in ("UTF-8", "UTF8", "ASCII", "US-ASCII"):
        return "SVG is not saved as UTF-8 text; save it again as UTF-8"
    if info.doctype or info.internalDTD is not None:
        return "SVG has a DOCTYPE, which is not allowed; save it again without it"
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return f"not an SVG drawing: it starts with <{etree.QName(root).localname}>, not <svg>"
    elements = sum(1 for _ in root.iter())
    if elements > MAX_SVG_ELEMENTS:
        return f"SVG has {elements:,} elements; the limit is {MAX_SVG_ELEMENTS:,}; save a simpler drawing"
    drawn = _size(root) if sized else ImageInfo("svg", 1, 1)
    if isinstance(drawn, str):
        return drawn
    return _references(root, path, folder, (*chain, path)) or drawn


def _size(root: Any) -> ImageInfo | str:
    """The drawing's size in points, from its width and height or viewBox."""
    lengths = {}
    for name in ("width", "height"):
        text = root.get(name)
        lengths[name] = _length(text)
        if lengths[name] is None and text is not None and not _absent(text):
            return f"SVG {name} '{text[:20]}' is not a size; {_TOO_LARGE}"
    width, height = lengths["width"], lengths["height"]
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
        return f"SVG size is too large to draw; {_TOO_LARGE}"
    return ImageInfo("svg", max(1, round(width)), max(1, round(height)))


def _references(root: Any, path: Path, folder: Path, chain: tuple[Path, ...]) -> str:
    """Why something an `<image>` or `<use>` of the drawing shows cannot be printed, or ""."""
    from lxml import etree

    ids = {element.get("id") for element in root.iter() if isinstance(element.tag, str)}
    for element in root.iter():
        if not isinstance(element.tag, str) or etree.QName(element).localname not in ("image", "use"):
            continue
        tag = etree.QName(element).localname
        href = (element.get(_XLINK) or element.get("href") or "").strip()
        where = f"line {element.sourceline}: <{tag}>"
        if not href:
            if tag == "image":
                return f"{where} shows nothing (it has no href); remove it or name a picture"
            continue
        problem = _reference(href, tag, path, folder, ids, chain)
        if problem:
            return f"{where} {problem}"
    return ""


def _reference(href: str, tag: str, path: Path, folder: Path, ids: set[str | None],
               chain: tuple[Path, ...]) -> str:
    """Why the picture or drawing `href` names (in the drawing at `path`) cannot be printed, or ""."""
    shown = f"'{href[:40]}{'...' if len(href) > 40 else ''}'"
    data = _DATA.match(href)
    if data is not None:
        if tag == "use":
            return f"{shown}: a <use> cannot show a picture; use an <image>"
        try:
            picture = raster(base64.b64decode(re.sub(r"\s+", "", href[data.end():]), validate=True))
        except (binascii.Error, ValueError):
            return f"{shown}: the picture inside is not valid base64"
        return f"data:image/{data.group(1)}: {picture}" if isinstance(picture, str) else ""
    if href.startswith("data:"):
        return f"{shown}: a picture inside a drawing must be a base64 PNG or JPEG (data:image/png;base64,...)"
    iri, _, fragment = href.partition("#")
    if not iri:
        return "" if fragment in ids else f"{shown} cannot be found: the drawing has no part with id '{fragment}'"
    if _SCHEME.match(iri) or iri.startswith(("/", "\\")):
        return f"{shown} is not a file beside the drawing; put the picture in the drawing's folder, or inside it"
    target = path.parent / iri
    if leads_outside(target, folder):
        return f"{shown} is outside the drawing's folder; keep what it shows beside it"
    if not target.is_file():
        return f"{shown} cannot be found beside the drawing"
    if target.suffix == ".svg":  # as svglib tells a drawing from a picture
        if target.resolve() in {link.resolve() for link in chain}:
            return f"{shown} shows a drawing that shows this one; remove the circle"
        if len(chain) >= MAX_DEPTH:
            return f"{shown}: drawings inside drawings go {MAX_DEPTH} deep at most"
        problem = _check(target, folder, chain, sized=False)
        return f"{shown}: {problem}" if isinstance(problem, str) else ""
    if tag == "use":
        return f"{shown}: a <use> cannot show a picture; use an <image>"
    picture = raster_file(target)
    return f"{shown}: {picture}" if isinstance(picture, str) else ""


def _absent(text: str) -> bool:
    """Whether an SVG width or height says nothing about the size: a percentage or auto."""
    text = text.strip()
    return text.endswith("%") or text in ("", "auto")


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
