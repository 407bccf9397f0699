"""Page numbers that are printed before they are known, filled in after the last page.

The handbook is laid out in one pass. A contents entry on page 3 names the page of a
chapter that is only laid out later. It is drawn as a named PDF form (XObject): the page
content says "draw form pn7 here", in reading order, and the form itself, holding the
digits, is written once the last page is done. Nothing's size depends on a number, so no
second layout pass is ever needed. ("page N of M" in the footer needs only M; it is added
to each page's content at the end, see `render.HandbookDoc._folios`.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from handbook.layout.styles import INK
from handbook.pdf.text import fill_colour, line_ops, num, text_width


@dataclass
class PageNumbers:
    """Page numbers learned during the single layout pass, and the forms that print them.

    Anchors report the page they land on; page references draw a named form instead of
    a number. After the last page `fill` defines every form, so a number
    printed on page 3 can be the page of a chapter that was laid out on page 90.
    """

    frame_top: float  # y of the top of the text frame: an anchor there opens its page
    pages: dict[str, int] = field(default_factory=dict)
    wanted: dict[tuple[str, str, float, str, bool], str] = field(default_factory=dict)  # -> form name
    current_header: str = ""  # the chapter whose pages we are in
    page_header: str = ""  # what this page's running header shows

    def reached(self, key: str, page: int, header: str | None, y: float) -> None:
        """An anchor was drawn at height `y` of `page`; a chapter that opens the page names its header."""
        self.pages[key] = page
        if header is not None:
            self.current_header = header
            if y >= self.frame_top - 0.5:
                self.page_header = header

    def page_begins(self) -> None:
        """The header of a page is the chapter in effect at its top."""
        self.page_header = self.current_header

    def draw_number(self, canv: Canvas, key: str, font: str, size: float, prefix: str = "",
                    right: bool = True) -> None:
        """Draw the page of `key` (after `prefix`) at the current origin, filled in later.

        `right`: the text ends at the origin (a number column); otherwise it starts there.
        """
        wanted = (key, font, size, prefix, right)
        name = self.wanted.get(wanted)
        if name is None:
            name = self.wanted[wanted] = form_name(wanted)
        canv.doForm(name)

    def fill(self, canv: Canvas) -> None:
        """Define every number form; call after the last page."""
        for (key, font, size, prefix, right), name in self.wanted.items():
            _text_form(canv, name, f"{prefix}{self.pages[key]}", font, size, right)


def form_name(wanted: tuple[str, str, float, str, bool]) -> str:
    """The form's name, made from what it prints rather than from when it was first asked for."""
    return "pn" + hashlib.blake2b(repr(wanted).encode("utf-8"), digest_size=8).hexdigest()


class _NumberForm(pdfdoc.PDFObject):
    """A form XObject holding a few operators, written in one step.

    reportlab's `beginForm`/`endForm` make a PDFFormXObject with its own resource
    dictionary, stream object and compression, each formatted key by key at save time;
    a long handbook has hundreds of these forms of a few dozen bytes. This one refers to
    the document's font dictionary, as reportlab's do, and is stored uncompressed:
    compressing 60 bytes saves nothing.
    """

    def __init__(self, ops: str, box: tuple[float, float, float, float]) -> None:
        self.ops = ops.encode("latin-1")
        self.box = box

    def format(self, document: Any) -> bytes:
        fonts: bytes = pdfdoc.PDFObjectReference(pdfdoc.BasicFonts).format(document)
        box = " ".join(map(num, self.box)).encode("ascii")
        return (b"<<\n/BBox [ " + box + b" ] /FormType 1 /Length " + str(len(self.ops)).encode("ascii")
                + b" /Matrix [ 1 0 0 1 0 0 ] /Resources <<\n/Font " + fonts
                + b" /ProcSet [ /PDF /Text ]\n>> /Subtype /Form /Type /XObject\n>>\nstream\n"
                + self.ops + b"\nendstream")


def _text_form(canv: Canvas, name: str, text: str, font: str, size: float, right: bool) -> None:
    """A form holding one line of `text`, baseline at y = 0, ending (`right`) or starting at x = 0."""
    width = text_width(text, font, size)
    x = -width if right else 0
    ops = f"{fill_colour(INK)} {line_ops(canv, text, font, size, x, 0)}"
    canv._doc.Reference(_NumberForm(ops, (x - 1, -size * 0.4, x + width + 1, size * 1.2)), pdfdoc.xObjectName(name))
