"""Page numbers that are printed before they are known, filled in after the last page.

The handbook is laid out in one pass. A contents entry on page 3 names the page of a
chapter that is only laid out later. It is drawn as a named PDF form (XObject): the page
content says "draw form pn7 here", in reading order, and the form itself, holding the
digits, is written once the last page is done. Nothing's size depends on a number, so no
second layout pass is ever needed. ("page N of M" in the footer is a form too, see
`document.HandbookDoc`.)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

from handbook.layout.styles import INK


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
            text_form(canv, name, f"{prefix}{self.pages[key]}", font, size, right)


def form_name(wanted: tuple[str, str, float, str, bool]) -> str:
    """The form's name, made from what it prints rather than from when it was first asked for."""
    return "pn" + hashlib.blake2b(repr(wanted).encode("utf-8"), digest_size=8).hexdigest()


def text_form(canv: Canvas, name: str, text: str, font: str, size: float, right: bool) -> None:
    """A form holding one line of `text`, baseline at y = 0, ending (`right`) or starting at x = 0.

    Defined after the pages that draw it (`doForm` names it first): reportlab writes a
    form's object when the document is saved, so a late definition is its public way."""
    width = canv.stringWidth(text, font, size)
    x = -width if right else 0
    canv.beginForm(name, lowerx=x - 1, lowery=-size * 0.4, upperx=x + width + 1, uppery=size * 1.2)
    canv.setFillColor(INK)
    canv.setFont(font, size)
    canv.drawString(x, 0, text)
    canv.endForm()
