"""Drawing any picture into a box: a pose as vector line art, an SVG as vectors, a PNG or JPEG.

`draw_picture` fits a picture into a box (keeping its proportions, centred, never
outside the box) and draws it on a canvas; `PictureFlowable` does the same as a
flowable of a given size; `picture_size` says how big it comes out, for layout.

Poses are drawn from the marks of `lineart`, with an outline that prints at a steady
weight (OUTLINE_PT) whatever the size, each once per process as a form in centimetres
and placed at its scale: every pose of a routine at one scale (`common_scale`). SVG files
are read with svglib into reportlab vector shapes; any text in them is set in the embedded
typeface, never a standard font.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import FILL_EVEN_ODD
from reportlab.platypus import Flowable

from handbook.errors import HandbookError, display_path
from handbook.layout import styles
from handbook.model import Picture, Pose, lineart
from handbook.pdf.document import text_streams
from handbook.pdf.forms import drawing_ops, place_drawn_form, place_form
from handbook.pdf.images import draw_image

OUTLINE_PT = (1.0, 2.4)  # the outline of a pose, in points: never thinner, never heavier
OUTLINE_STEP = 0.05  # centimetres: an outline held to its limits is rounded inwards to this
MARGIN_PT = 0.5  # kept clear inside the box on every side


def picture_size(picture: Picture, max_width: float, max_height: float,
                 scale: float | None = None) -> tuple[float, float]:
    """The size a picture is drawn at in a box: as large as fits, proportions kept.

    Vector pictures (poses, SVG) grow to fill the box; a PNG or JPEG never goes past
    one pixel per point, so it stays sharp. A pose given a `scale` (points per
    centimetre of the body, `common_scale`) is drawn at that scale, so every pose of a
    routine shows a body of one size; smaller only if the box is too small for it.
    """
    if scale is not None and picture.kind == "pose" and picture.pose is not None:
        width, height = pose_box(picture.pose, scale)
        if width <= max_width + 1e-6 and height <= max_height + 1e-6:
            return width, height
    width, height = float(picture.width_px), float(picture.height_px)
    scale = min(max_width / width, max_height / height)
    if picture.kind in ("png", "jpeg"):
        scale = min(scale, 1.0)
    return width * scale, height * scale


def draw_picture(canv: Any, picture: Picture, x: float, y: float, width: float, height: float,
                 scale: float | None = None) -> None:
    """Draw `picture` as large as fits in the box at (x, y), centred; nothing leaves the box.

    The box decides the size (a PNG or JPEG fills it too: `picture_size` is where its
    pixels cap the size, when a layout asks); a pose given the `scale` it was sized at
    (`picture_size`) is drawn at exactly that scale, unless the box is too small for it.
    """
    if picture.kind == "pose":
        assert picture.pose is not None
        if scale is not None:
            box = pose_box(picture.pose, scale)
            scale = scale if box[0] <= width + 1e-6 and box[1] <= height + 1e-6 else None
        if scale is None:
            scale, outline = _fit(picture.pose, width, height)
        else:
            outline = _outline(scale)
        name, ops, (w, h) = _pose_form(picture.pose, outline)
        place_form(canv, name, ops, w, h, x + (width - w * scale) / 2, y + (height - h * scale) / 2, scale)
        return
    scale = min(width / picture.width_px, height / picture.height_px)
    w, h = picture.width_px * scale, picture.height_px * scale
    left, bottom = x + (width - w) / 2, y + (height - h) / 2
    try:  # the checks read a file's size and structure, not every byte of it
        if picture.kind == "svg":
            drawing = svg_drawing(picture.file, w, h)

            def draw() -> None:
                with text_streams():  # an <image> in the drawing is drawn inline, in the form's text
                    renderPDF.draw(drawing, canv, 0, 0)

            digest = _file_digest(str(picture.file), picture.file.stat().st_mtime_ns)
            name = "svg" + hashlib.blake2b(f"{digest} {w:.3f} {h:.3f}".encode(), digest_size=8).hexdigest()
            place_drawn_form(canv, name, draw, w, h, left, bottom)  # named by what it holds: the same PDF anywhere
        else:
            draw_image(canv, _image(str(picture.file)), left, bottom, w, h)
    except PictureError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged file is the user's to fix: say which
        raise PictureError(f"{display_path(picture.file)}: cannot draw the picture ({_reason(exc)}); "
                           "save it again or replace it") from None


ALT_TEXT_MAX_SIZE = 10.0  # points; invisible, so only its place matters, not its size


def extra_alt(picture: Picture) -> str | None:
    """The alt text to put in the text layer: None when it is the caption, which is printed anyway."""
    return picture.alt if picture.alt and picture.alt != picture.caption else None


def draw_alt_text(canv: Any, text: str, x: float, y: float, width: float, height: float) -> None:
    """`text` as invisible text (render mode 3) across the middle of a picture's box.

    reportlab cannot tag a PDF, so a picture cannot carry /Alt; this puts the description
    in the text layer instead, where text extraction, search and screen readers that read
    the text find it, at the picture's place in the reading order. Nothing is printed and
    the layout is not touched: the text is one line set small enough to fit the box.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = " ".join(text.split())
    if not text or width <= 0:
        return
    size = min(ALT_TEXT_MAX_SIZE, 0.95 * width / max(stringWidth(text, styles.FONT, 1.0), 1e-6), height)
    canv.saveState()
    line = canv.beginText(x, y + max(height - size, 0) / 2)
    line.setTextRenderMode(3)
    line.setFont(styles.FONT, size)
    line.textOut(text)
    canv.drawText(line)
    canv.restoreState()


class PictureFlowable(Flowable):
    """A picture as a flowable: as large as fits `max_width` x `max_height` (a pose: at `scale`, if given).

    Wraps to the picture's size in that box (narrower if the frame is); never splits;
    draws the picture at its left edge (or centred, with `centre`), and its `alt` text,
    if any, invisibly over it (`draw_alt_text`).
    """

    def __init__(self, picture: Picture, max_width: float, max_height: float, centre: bool = False,
                 alt: str | None = None, scale: float | None = None) -> None:
        super().__init__()
        self.picture = picture
        self.max_width, self.max_height = max_width, max_height
        self.scale = scale
        self.centre = centre
        self.alt = alt
        self._avail = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        self.width, self.height = picture_size(self.picture, min(self.max_width, availWidth), self.max_height,
                                               self.scale)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        x = (self._avail - self.width) / 2 if self.centre else 0.0
        draw_picture(self.canv, self.picture, x, 0, self.width, self.height, self.scale)
        if self.alt:
            draw_alt_text(self.canv, self.alt, x, 0, self.width, self.height)


# --- poses ---------------------------------------------------------------------------


def common_scale(pictures: Iterable[Picture | None], width: float, height: float) -> float | None:
    """One scale (points per centimetre) for every pose among `pictures`: the largest at which each
    fits a box of `width` x `height`; None when there is no pose. Drawn at it (`picture_size`),
    a body is the same size in every picture of a routine."""
    scales = [pose_scale(p.pose, width, height) for p in pictures
              if p is not None and p.kind == "pose" and p.pose is not None]
    return min(scales) if scales else None


def pose_scale(pose: Pose, width: float, height: float) -> float:
    """The points per centimetre at which `pose` fills a box of `width` x `height` (one side of it)."""
    return _fit(pose, width, height)[0]


@functools.lru_cache(maxsize=1024)
def pose_box(pose: Pose, scale: float) -> tuple[float, float]:
    """The box that draws `pose` at `scale` points per centimetre: its ink and the margins, in points."""
    x0, y0, x1, y1 = _extent(pose, _outline(scale))
    return (x1 - x0) * scale + 2 * MARGIN_PT, (y1 - y0) * scale + 2 * MARGIN_PT


@functools.lru_cache(maxsize=64)
def _marks(pose: Pose, outline: float, arrows: bool) -> tuple[lineart.Mark, ...]:
    """The pose's marks, made once: fitting a pose measures them, and drawing it draws the same."""
    return tuple(lineart.marks(pose, outline, arrows))


@functools.lru_cache(maxsize=1024)
def _extent(pose: Pose, outline: float, arrows: bool = True) -> tuple[float, float, float, float]:
    """The pose's extent in centimetres, ink included, with outlines `outline` cm wide."""
    return lineart.extent(_marks(pose, outline, arrows))


def _outline(scale: float) -> float:
    """The outline in centimetres that prints within OUTLINE_PT at `scale`: the natural one where it
    can, else the nearest OUTLINE_STEP inside the limits (so a pose at nearby scales is one drawing)."""
    printed = lineart.OUTLINE * scale
    if printed > OUTLINE_PT[1]:
        return math.floor(OUTLINE_PT[1] / scale / OUTLINE_STEP) * OUTLINE_STEP
    if printed < OUTLINE_PT[0]:
        return math.ceil(OUTLINE_PT[0] / scale / OUTLINE_STEP) * OUTLINE_STEP
    return lineart.OUTLINE


def fit_pose(pose: Pose, width: float, height: float, arrows: bool = True) -> tuple[float, float, list[lineart.Mark]]:
    """The scale (points per cm), the outline (cm) and the marks of a pose fitted to a box."""
    scale, outline = _fit(pose, width, height, arrows)
    return scale, outline, list(_marks(pose, outline, arrows))


@functools.lru_cache(maxsize=1024)
def _fit(pose: Pose, width: float, height: float, arrows: bool = True) -> tuple[float, float]:
    """The scale and the outline of a pose fitted to a box (`fit_pose`, without its marks)."""
    inner_w, inner_h = width - 2 * MARGIN_PT, height - 2 * MARGIN_PT
    scale = 1.0
    outline = lineart.OUTLINE
    for _ in range(30):  # the outline depends on the scale and the extent on the outline
        outline = _outline(scale)
        x0, y0, x1, y1 = _extent(pose, outline, arrows)
        fitted = min(inner_w / (x1 - x0), inner_h / (y1 - y0))
        if abs(fitted - scale) < 1e-9:
            break
        scale = fitted
    x0, y0, x1, y1 = _extent(pose, outline, arrows)
    return min(scale, inner_w / (x1 - x0), inner_h / (y1 - y0)), outline


@functools.lru_cache(maxsize=256)
def _pose_form(pose: Pose, outline: float) -> tuple[str, str, tuple[float, float]]:
    """A form's name, operators and size for `pose` drawn in centimetres with outlines `outline` cm
    wide: drawn once per process, placed at any scale (a routine's poses share one, whatever it is)."""
    marks = _marks(pose, outline, True)
    x0, y0, x1, y1 = lineart.extent(marks)
    ops = drawing_ops(lambda canv: _draw_marks(canv, marks, x0, y0), x1 - x0, y1 - y0)
    name = "pose" + hashlib.blake2b(ops.encode("latin-1"), digest_size=8).hexdigest()  # named by what it draws
    return name, ops, (x1 - x0, y1 - y0)


def _draw_marks(canv: Any, marks: Iterable[lineart.Mark], x0: float, y0: float) -> None:
    """The marks of a pose, in order, with (x0, y0) at the canvas's origin: each with its own grey,
    line width, round joins (and round caps on a line); shapes and discs filled even-odd, as
    reportlab's shapes fill them. Straight onto the canvas: a pose has a hundred marks, and
    building reportlab.graphics shapes of them and rendering those took three times as long."""
    canv.saveState()
    canv.translate(-x0, -y0)
    canv.setLineJoin(1)
    for mark in marks:
        path = canv.beginPath()
        if mark.kind == "disc":
            (cx, cy), = mark.points
            path.circle(cx, cy, mark.width)
        else:
            (first_x, first_y), *rest = mark.points
            path.moveTo(first_x, first_y)
            for x, y in rest:
                path.lineTo(x, y)
        if mark.kind == "line":
            canv.setStrokeGray(mark.grey)
            canv.setLineWidth(mark.width)
            canv.setLineCap(1)
            canv.drawPath(path, stroke=1, fill=0)
            continue
        if mark.kind == "shape":
            path.close()
        canv.setFillGray(mark.grey)
        if mark.edge:
            canv.setStrokeGray(mark.edge_grey)
            canv.setLineWidth(mark.edge)
        canv.drawPath(path, stroke=1 if mark.edge else 0, fill=1, fillMode=FILL_EVEN_ODD)
    canv.restoreState()


def _drawing(width: float, height: float, group: Group) -> Drawing:
    """A Drawing whose default font is the embedded one: reportlab's default is an unembedded Helvetica."""
    styles.register_fonts()
    drawing = Drawing(width, height, initialFontName=styles.FONT, initialFontSize=12)
    drawing.add(group)
    return drawing


# --- SVG and raster files ----------------------------------------------------------------


class PictureError(HandbookError):
    """A picture that passed the checks could still not be read when drawing it."""


def svg_drawing(path: Path, width: float, height: float) -> Drawing:
    """The SVG file as vectors, scaled to `width` x `height`."""
    source = _svg(str(path), path.stat().st_mtime_ns)
    scale_x, scale_y = width / source.width, height / source.height
    group = Group(*source.contents)
    group.transform = (scale_x, 0, 0, scale_y, 0, 0)
    return _drawing(width, height, group)


def _reason(exc: Exception) -> str:
    """An error from an imaging library, on one short line."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:100]}{'...' if len(text) > 100 else ''}" if text else type(exc).__name__


def svg_problem(path: Path, width: float, height: float) -> str:
    """Why the SVG drawing at `path` cannot be drawn at `width` x `height` points, or "".

    It is converted as for drawing (and the conversion kept for it), every number of its
    shapes must be a finite number of a sensible size, and it is drawn on a scratch page:
    so check refuses what the build would stop at, and what would put "nan" on paper.
    """
    try:
        drawing = svg_drawing(path, width, height)
    except PictureError:
        return "cannot read the SVG drawing"
    except Exception as exc:  # noqa: BLE001 - svglib's own errors: the drawing is the user's to fix
        return f"cannot draw the SVG ({_reason(exc)}); save it again or replace it"
    bad = _bad_number(drawing)
    if bad:
        return f"the drawing has a {bad}, which cannot be drawn; save it again or replace it"
    try:
        with text_streams():
            drawing_ops(lambda canv: renderPDF.draw(drawing, canv, 0, 0), width, height)
    except Exception as exc:  # noqa: BLE001 - as above
        return f"cannot draw the SVG ({_reason(exc)}); save it again or replace it"
    return ""


LARGEST_NUMBER = 1e9  # points or drawing units: any real drawing is far smaller, and reportlab refuses far larger


def _bad_number(node: Any) -> str:
    """The first number of a drawing's shapes that is not finite or is absurdly large ("shape whose width is inf")."""
    for name, value in vars(node).items():
        numbers = value if isinstance(value, (list, tuple)) else (value,)
        for number in numbers:
            if isinstance(number, float) and not (math.isfinite(number) and abs(number) <= LARGEST_NUMBER):
                what = "text" if isinstance(node, String) else type(node).__name__.lower()
                return f"{what} whose {name} is {number:g}"
    for child in getattr(node, "contents", ()):
        bad = _bad_number(child)
        if bad:
            return bad
    return ""


def svg_texts(path: Path) -> list[str]:
    """Every text an SVG drawing prints (in the embedded typeface), as svglib reads it."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, String):
            found.append(str(node.text))
        for child in getattr(node, "contents", ()):
            walk(child)

    walk(_svg(str(path), path.stat().st_mtime_ns))
    return found


@functools.lru_cache(maxsize=32)
def _svg(path: str, _mtime: int) -> Drawing:
    from svglib.svglib import svg2rlg

    logging.getLogger("svglib.svglib").setLevel(logging.CRITICAL)  # unsupported bits are skipped quietly
    styles.register_fonts()
    # external <image>/<use> references are refused outside the picture's own folder
    drawing = svg2rlg(path, external_reference_root=str(Path(path).parent))
    if drawing is None or not drawing.width or not drawing.height:
        raise PictureError(f"{display_path(Path(path))}: cannot read the SVG drawing")
    _embedded_fonts(drawing)
    return drawing


def _embedded_fonts(node: Any) -> None:
    """Set every text of an SVG in our embedded typeface: no standard, unembedded font."""
    if isinstance(node, String):
        bold = "bold" in str(node.fontName).lower()
        node.fontName = styles.FONT_BOLD if bold else styles.FONT
    for child in getattr(node, "contents", ()):
        _embedded_fonts(child)


@functools.lru_cache(maxsize=64)
def _file_digest(path: str, _mtime: int) -> str:
    """What an SVG file draws, as a digest: its bytes and those of every file it refers to (an
    <image> beside it), so two drawings name the same form only when they print the same."""
    data = Path(path).read_bytes()
    digest = hashlib.blake2b(data, digest_size=16)
    folder = Path(path).parent.resolve()
    for reference in sorted(set(re.findall(rb'href\s*=\s*["\']([^"\'#][^"\']*)["\']', data))):
        target = (folder / reference.decode("utf-8", "replace")).resolve()
        # only what svglib may draw: a file in the drawing's folder (a link out of it is not followed)
        if not reference.startswith(b"data:") and target.is_relative_to(folder) and target.is_file():
            digest.update(reference + b"\0" + target.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=64)
def _image(path: str) -> ImageReader:
    return ImageReader(path)
