"""Read a PDF back with independent parsers (pypdf, pdfium) and report what a reader sees.

Nothing here looks at the code that made the PDF: every answer comes from the file.
All helpers take the PDF as bytes or a path, work on any page size, and number pages
from 1 (page N is the N-th page of the file). Parsed results are cached by content, so
several tests can ask about the same PDF without parsing it again.

Shared by the handbook and card tests; keep the names stable.

Invisible text (render mode 3: a picture's alt text) is not printed, so `chars`,
`page_lines` and `page_texts` leave it out; `invisible_texts` reads it.
"""

from __future__ import annotations

import ctypes
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, IndirectObject, NameObject

PdfLike = bytes | Path | str

STANDARD_FONTS = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
})


@dataclass(frozen=True)
class Font:
    """One font resource: its PostScript name, whether the file is embedded, whether subset."""

    name: str
    embedded: bool
    subset: bool


@dataclass(frozen=True)
class Char:
    """One printed character and its box, in points from the page's top-left.

    The box is the glyph's advance width by the font's full height (ascent to descent,
    one em): the same for every character of a line, and never smaller than the ink.
    `origin_x`/`origin_y` are the start of its baseline, in PDF units (from bottom-left).
    """

    page: int
    text: str
    font: str
    size: float
    x0: float
    x1: float
    top: float
    bottom: float
    origin_x: float  # PDF units, from the bottom-left corner
    origin_y: float
    visible: bool = True  # False: text render mode 3 (not printed; a picture's alt text)


@dataclass(frozen=True)
class Link:
    """A link annotation: its page and rectangle, and either the page it goes to or its URI."""

    page: int
    rect: tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF units (origin bottom-left)
    target_page: int | None
    uri: str | None


@dataclass(frozen=True)
class OutlineEntry:
    """One bookmark: nesting level (0 = top), title and the page it opens."""

    level: int
    title: str
    page: int | None


def _bytes(pdf: PdfLike) -> bytes:
    return pdf if isinstance(pdf, bytes) else Path(pdf).read_bytes()


@functools.lru_cache(maxsize=8)
def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def reader(pdf: PdfLike) -> PdfReader:
    """A pypdf reader for the PDF (cached by content)."""
    return _reader(_bytes(pdf))


def page_count(pdf: PdfLike) -> int:
    return len(reader(pdf).pages)


def page_sizes(pdf: PdfLike) -> list[tuple[float, float]]:
    """Width and height of each page's media box, in points."""
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


@functools.lru_cache(maxsize=8)
def _parsed(data: bytes) -> tuple[tuple[tuple[Char, ...], ...], tuple[tuple[tuple[float, ...], ...], ...]]:
    """Every page's printed characters and image boxes (pdfium, which is fast)."""
    doc = pdfium.PdfDocument(data)
    pages_chars = []
    pages_images = []
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    name = ctypes.create_string_buffer(256)
    flags_ref = ctypes.byref(ctypes.c_int())
    try:
        for number, page in enumerate(doc, start=1):
            height = page.get_height()
            text = page.get_textpage()
            out = []
            raw_text = text.raw
            count = text.count_chars()
            content = text.get_text_range(0, count)
            for i in range(count):
                if pdfium_c.FPDFText_IsGenerated(raw_text, i):
                    continue
                pdfium_c.FPDFText_GetLooseCharBox(raw_text, i, box_ref)
                left, right, bottom, top = box.left, box.right, box.bottom, box.top
                pdfium_c.FPDFText_GetCharOrigin(raw_text, i, x_ref, y_ref)
                pdfium_c.FPDFText_GetFontInfo(raw_text, i, name, len(name), flags_ref)
                mode = pdfium_c.FPDFTextObj_GetTextRenderMode(pdfium_c.FPDFText_GetTextObject(raw_text, i))
                out.append(Char(number, content[i] if len(content) == count else text.get_text_range(i, 1),
                                name.value.decode("latin-1"),
                                round(pdfium_c.FPDFText_GetFontSize(raw_text, i), 2),
                                left, right, height - top, height - bottom, x.value, y.value,
                                mode != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE))
            pages_chars.append(tuple(out))
            boxes = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
                left, bottom, right, top = obj.get_bounds()
                boxes.append((left, height - top, right, height - bottom))
            pages_images.append(tuple(boxes))
    finally:
        doc.close()
    return tuple(pages_chars), tuple(pages_images)


def chars(pdf: PdfLike) -> list[Char]:
    """Every printed character of every page, with font, size and position (pdfium)."""
    return [c for page in _parsed(_bytes(pdf))[0] for c in page if c.visible]


def invisible_texts(pdf: PdfLike) -> list[str]:
    """Each page's invisible text (render mode 3), in the order it is drawn."""
    return ["".join(c.text for c in page if not c.visible) for page in _parsed(_bytes(pdf))[0]]


def page_lines(pdf: PdfLike, page: int) -> list[str]:
    """One page's lines of text, top to bottom: characters grouped by baseline, left to right.

    A gap wider than a word space between two characters (a page number after dot
    leaders, say) reads as one space.
    """
    rows: dict[float, list[Char]] = {}
    for c in _parsed(_bytes(pdf))[0][page - 1]:
        if c.visible:
            rows.setdefault(round(c.origin_y, 1), []).append(c)
    lines = []
    for _, row in sorted(rows.items(), key=lambda item: -item[0]):
        row.sort(key=lambda c: c.origin_x)
        text = ""
        previous: Char | None = None
        for c in row:
            if previous is not None and c.x0 - previous.x1 > 0.15 * c.size and not text.endswith(" ") \
                    and c.text != " ":
                text += " "
            text += c.text
            previous = c
        lines.append(" ".join(text.split()))
    return [line for line in lines if line]


def page_texts(pdf: PdfLike) -> list[str]:
    """The text of each page: its lines joined with newlines."""
    return ["\n".join(page_lines(pdf, n)) for n in range(1, page_count(pdf) + 1)]


def chars_outside_margins(pdf: PdfLike, margin_pt: float) -> list[Char]:
    """Printed characters whose box comes closer than `margin_pt` to any edge of their page."""
    sizes = page_sizes(pdf)
    out = []
    tol = 0.01
    for c in chars(pdf):
        if not c.text.strip():
            continue
        width, height = sizes[c.page - 1]
        if (c.x0 < margin_pt - tol or c.x1 > width - margin_pt + tol
                or c.top < margin_pt - tol or c.bottom > height - margin_pt + tol):
            out.append(c)
    return out


def images(pdf: PdfLike) -> list[tuple[int, tuple[float, ...]]]:
    """Every image drawn (page, (x0, top, x1, bottom)), forms included; top measured from the page top."""
    return [(n, box) for n, boxes in enumerate(_parsed(_bytes(pdf))[1], start=1) for box in boxes]


def images_outside_margins(pdf: PdfLike, margin_pt: float) -> list[tuple[int, tuple[float, ...]]]:
    """Images (page, box) that come closer than `margin_pt` to an edge of their page."""
    sizes = page_sizes(pdf)
    out = []
    for number, box in images(pdf):
        width, height = sizes[number - 1]
        if box[0] < margin_pt or box[2] > width - margin_pt or box[1] < margin_pt or box[3] > height - margin_pt:
            out.append((number, box))
    return out


def _walk_fonts(resources: Any, seen: set[int], found: dict[str, Font]) -> None:
    """Collect fonts from a resource dictionary and, recursively, from its form XObjects."""
    if isinstance(resources, IndirectObject):
        resources = resources.get_object()
    if not isinstance(resources, DictionaryObject):
        return
    for ref in (resources.get("/Font") or DictionaryObject()).get_object().values():
        font = ref.get_object()
        for info in _font_infos(font):
            found.setdefault(info.name, info)
    for ref in (resources.get("/XObject") or DictionaryObject()).get_object().values():
        key = ref.idnum if isinstance(ref, IndirectObject) else id(ref)
        if key in seen:
            continue
        seen.add(key)
        xobj = ref.get_object()
        if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
            _walk_fonts(xobj["/Resources"], seen, found)


def _font_infos(font: DictionaryObject) -> list[Font]:
    name = str(font.get("/BaseFont", "?")).lstrip("/")
    if font.get("/Subtype") == "/Type0":
        infos = []
        for desc in font.get("/DescendantFonts", ArrayObject()):
            infos.extend(_font_infos(desc.get_object()))
        return [Font(name, all(i.embedded for i in infos), bool(re.match(r"^[A-Z]{6}\+", name)))]
    descriptor = font.get("/FontDescriptor")
    embedded = False
    if descriptor is not None:
        descriptor = descriptor.get_object()
        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    if font.get("/Subtype") == "/Type3":
        embedded = True  # glyphs are drawn by the file itself
    return [Font(name, embedded, bool(re.match(r"^[A-Z]{6}\+", name)))]


def fonts(pdf: PdfLike) -> list[Font]:
    """Every font any page (or any form it draws) uses, each once, sorted by name."""
    found: dict[str, Font] = {}
    seen: set[int] = set()
    for page in reader(pdf).pages:
        _walk_fonts(page.get("/Resources"), seen, found)
    return sorted(found.values(), key=lambda f: f.name)


def standard_fonts(pdf: PdfLike) -> list[str]:
    """Names of reportlab/PDF standard-14 fonts (never embedded) used anywhere."""
    return [f.name for f in fonts(pdf) if f.name.split("+")[-1] in STANDARD_FONTS]


def _page_index(pdf: PdfLike) -> dict[int, int]:
    return {page.indirect_reference.idnum: n for n, page in enumerate(reader(pdf).pages, start=1)}


def _dest_page(pdf: PdfLike, dest: Any) -> int | None:
    """The 1-based page a destination (explicit array or name) points at."""
    dest = dest.get_object() if isinstance(dest, IndirectObject) else dest
    if isinstance(dest, str | bytes) and not isinstance(dest, NameObject | ArrayObject):
        named = reader(pdf).named_destinations.get(str(dest))
        return None if named is None else reader(pdf).get_destination_page_number(named) + 1
    if isinstance(dest, NameObject):
        named = reader(pdf).named_destinations.get(str(dest)[1:])
        return None if named is None else reader(pdf).get_destination_page_number(named) + 1
    if isinstance(dest, DictionaryObject) and "/D" in dest:
        return _dest_page(pdf, dest["/D"])
    if isinstance(dest, ArrayObject) and dest:
        ref = dest[0]
        if isinstance(ref, IndirectObject):
            return _page_index(pdf).get(ref.idnum)
        if isinstance(ref, int):
            return int(ref) + 1
    return None


def link_targets(pdf: PdfLike) -> list[Link]:
    """Every link annotation, in page order, with the page it goes to or its URI."""
    out = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            rect = tuple(float(v) for v in annot["/Rect"])
            x0, y0, x1, y1 = min(rect[0], rect[2]), min(rect[1], rect[3]), max(rect[0], rect[2]), max(rect[1], rect[3])
            target: int | None = None
            uri: str | None = None
            if "/Dest" in annot:
                target = _dest_page(pdf, annot["/Dest"])
            action = annot.get("/A")
            if action is not None:
                action = action.get_object()
                if action.get("/S") == "/URI":
                    uri = str(action.get("/URI"))
                elif action.get("/S") == "/GoTo":
                    target = _dest_page(pdf, action.get("/D"))
            out.append(Link(number, (x0, y0, x1, y1), target, uri))
    return out


def outline(pdf: PdfLike) -> list[OutlineEntry]:
    """The bookmarks, depth first, with their levels and target pages."""
    r = reader(pdf)
    out: list[OutlineEntry] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                page = r.get_destination_page_number(item)
                out.append(OutlineEntry(level, str(item.title), None if page is None else page + 1))

    walk(r.outline, 0)
    return out


def outline_titles(pdf: PdfLike) -> list[str]:
    return [entry.title for entry in outline(pdf)]


def metadata(pdf: PdfLike) -> dict[str, str]:
    """The document information dictionary, keys without the slash (Title, Author, ...)."""
    info = reader(pdf).metadata or {}
    return {str(k).lstrip("/"): str(v) for k, v in info.items()}


def language(pdf: PdfLike) -> str | None:
    """The document's /Lang from its catalog."""
    lang = reader(pdf).trailer["/Root"].get("/Lang")
    return None if lang is None else str(lang)


def form_uses(pdf: PdfLike, prefix: str) -> list[tuple[int, str]]:
    """(page, name) for each form XObject whose name starts with `prefix` that a page shows, in order."""
    found = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        content = page.get_contents()
        data = content.get_data() if content is not None else b""
        pattern = rb"/FormXob\.(" + re.escape(prefix.encode()) + rb"[0-9A-Za-z_]*) Do"
        found += [(number, name.decode()) for name in re.findall(pattern, data)]
    return found


@dataclass(frozen=True)
class PoseForm:
    """A pose drawing placed on a page: the size it prints at (points) and the scale of the body in it."""

    page: int
    name: str
    width: float
    height: float
    scale: float  # points per unit of the form (a pose is drawn in centimetres of the body)


def pose_forms(pdf: PdfLike) -> list[PoseForm]:
    """Every pose drawing (a form XObject named pose...) each page shows, in order: its box times the
    transform it is shown with, and that transform's scale (pages' own content, forms not nested)."""
    found = []
    for number, page in enumerate(reader(pdf).pages, start=1):
        content = page.get_contents()
        if content is None:
            continue
        resources = page["/Resources"].get_object()
        forms = resources["/XObject"].get_object() if "/XObject" in resources else {}
        ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
        for operands, operator in ContentStream(content, reader(pdf)).operations:
            if operator == b"q":
                stack.append(ctm)
            elif operator == b"Q":
                ctm = stack.pop()
            elif operator == b"cm":
                a, b, c, d, e, f = (float(v) for v in operands)
                A, B, C, D, E, F = ctm
                ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
            elif operator == b"Do" and str(operands[0]).startswith("/FormXob.pose"):
                form = forms[str(operands[0])].get_object()
                x0, y0, x1, y1 = (float(v) for v in form["/BBox"])
                assert ctm[1] == ctm[2] == 0 and ctm[0] == ctm[3], ctm  # shown upright, not stretched
                found.append(PoseForm(number, str(operands[0])[1:], (x1 - x0) * ctm[0], (y1 - y0) * ctm[0], ctm[0]))
    return found


def find_pages(pdf: PdfLike, needle: str) -> list[int]:
    """Pages (1-based) whose text contains `needle`, with line breaks read as spaces."""
    return [n for n, text in enumerate(page_texts(pdf), start=1) if needle in " ".join(text.split())]


# --- card helpers (tests/test_card.py) ---


@dataclass(frozen=True)
class Rect:
    """A rectangle drawn on a page, in points from the page's top-left (pdfplumber)."""

    page: int
    x0: float
    top: float
    width: float
    height: float
    line_width: float = 0.0
    filled: bool = False
    fill_grey: float | None = None  # the fill's lightness, 0 black to 1 white, when filled


def rects(pdf: PdfLike) -> list[Rect]:
    """Every rectangle drawn on every page (filled or stroked), as pdfplumber sees it (cached)."""
    return list(_rects(_bytes(pdf)))


@functools.lru_cache(maxsize=16)
def _rects(data: bytes) -> tuple[Rect, ...]:
    out = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, start=1):
            for r in page.rects:
                colour = r.get("non_stroking_color")
                grey = None
                if r.get("fill") and colour is not None:
                    values = list(colour) if isinstance(colour, (list, tuple)) else [colour]
                    grey = sum(float(v) for v in values) / len(values) if values else None
                out.append(Rect(number, float(r["x0"]), float(r["top"]), float(r["width"]), float(r["height"]),
                                float(r.get("linewidth") or 0.0), bool(r.get("fill")), grey))
    return tuple(out)


# --- QR codes, found on the rendered page as a phone camera would (pdfium, zxing-cpp) ---

QUIET_ZONE = 4  # modules of white the QR standard asks for around a code


@dataclass(frozen=True)
class QrCode:
    """A QR code read from a rendered page, measured in points."""

    text: str
    error_correction: str  # "L", "M", "Q" or "H"
    modules: int  # modules along a side, quiet zone not included
    side: float  # the printed symbol's side, quiet zone not included
    quiet_zone_blank: bool  # nothing darker than the paper within QUIET_ZONE modules around it

    @property
    def module(self) -> float:
        return self.side / self.modules


def qr_codes(pdf: PdfLike, page: int, dpi: float) -> list[QrCode]:
    """The QR codes zxing-cpp reads on `page` rendered at `dpi`, with their size and quiet zone."""
    import zxingcpp

    image = pdfium.PdfDocument(_bytes(pdf))[page - 1].render(scale=dpi / 72).to_pil().convert("L")
    found = []
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        corners = [code.position.top_left, code.position.top_right, code.position.bottom_right,
                   code.position.bottom_left]
        left, right = min(p.x for p in corners), max(p.x for p in corners)
        top, bottom = min(p.y for p in corners), max(p.y for p in corners)
        modules = 17 + 4 * int(code.extra["Version"])
        zone = QUIET_ZONE * (right - left) / modules
        # the ring around the symbol, a pixel short on either side for anti-aliased edges
        x0, y0 = round(left - zone + 1), round(top - zone + 1)
        ring = image.crop((x0, y0, round(right + zone - 1), round(bottom + zone - 1)))
        ring.paste(255, (round(left - 1) - x0, round(top - 1) - y0, round(right + 1) - x0, round(bottom + 1) - y0))
        darkest, _ = ring.getextrema()
        found.append(QrCode(code.text, code.ec_level, modules, (right - left) * 72 / dpi, darkest >= 250))
    return found
