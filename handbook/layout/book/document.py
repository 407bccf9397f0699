"""The handbook's page machinery: one layout pass, numbers filled in after the last page.

reportlab's own table of contents needs `multiBuild`: lay the book out, read the page
numbers, lay it out again (three full passes for a long book). Here nothing that is laid
out depends on a page number. Contents entries and cross-references reserve a number
column of fixed width, so the contents take exactly the room they will print in; a
chapter's page number, not yet known when the contents are drawn, is drawn as a named
PDF form whose content is written after the last page (`PageNumbers`), and so is
"page N of M" in each footer, once M is known. All through reportlab's public canvas
(`beginForm`, `doForm`, `drawString`); paragraphs are `handbook.layout.book.paragraph.Text`.

Output is reproducible: reportlab's invariant mode, and the PDF dates are the handbook
date (SOURCE_DATE_EPOCH when set, otherwise the book's review date), never the clock.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from handbook.layout.book.pagenumbers import PageNumbers, text_form
from handbook.layout.styles import FONT, INK, RULE, Geometry
from handbook.model.epoch import source_date_epoch
from handbook.pdf.document import binary_streams, set_date
from handbook.pdf.text import text_width

ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class DocInfo:
    """What goes into the PDF's document information and catalog."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    creator: str
    language: str
    footer: str  # printed at the left of every footer
    folio: str = "page {page} of {pages}"  # at the right of every footer, in the book's language


def handbook_epoch(fallback: dt.date) -> int:
    """Seconds since 1970 for the handbook's date: SOURCE_DATE_EPOCH, else `fallback` at 00:00 UTC."""
    value = source_date_epoch()
    if value is not None:
        return value
    return int(dt.datetime(fallback.year, fallback.month, fallback.day, tzinfo=dt.UTC).timestamp())


class _Canvas(Canvas):
    """A canvas that dates the PDF with our timestamp and fills in late forms before saving."""

    def __init__(self, *args: Any, epoch: int, finish: Callable[[Canvas], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_date(self, epoch)
        self._finish = finish

    def save(self) -> None:
        self._finish(self)
        super().save()


@functools.lru_cache(maxsize=1024)
def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width` points, cut with an ellipsis when it is too long."""
    text = " ".join(text.split())
    if text_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(text[:mid].rstrip() + ELLIPSIS, font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


class HandbookDoc(BaseDocTemplate):
    """The handbook's document template: a cover page, then pages with header and footer."""

    def __init__(self, geometry: Geometry, info: DocInfo, numbers: PageNumbers, epoch: int) -> None:
        self.buffer = io.BytesIO()
        super().__init__(
            self.buffer,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left, rightMargin=geometry.right,
            topMargin=geometry.top, bottomMargin=geometry.bottom,
            title=info.title, author=info.author, subject=info.subject,
            keywords=list(info.keywords), creator=info.creator, lang=info.language,
            invariant=1, pageCompression=1, displayDocTitle=1,
            # reportlab starts every page in Helvetica unless told otherwise; a font
            # named on a page is listed in its resources, and Helvetica is not embedded.
            initialFontName=FONT, initialFontSize=geometry.furniture_size,
        )
        self.geometry = geometry
        self.info = info
        self.numbers = numbers
        self.epoch = epoch
        self.page_count = 0
        g = geometry
        frame = Frame(g.left, g.bottom, g.frame_width, g.frame_height, id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=self._page_begins),
            PageTemplate("page", [frame], onPage=self._page_begins, onPageEnd=self._furniture),
        ])

    def render(self, story: list[Flowable]) -> bytes:
        """Lay out `story` once, from the cover page on, and return the PDF."""

        def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
            return _Canvas(*args, epoch=self.epoch, finish=self._finish, **kwargs)

        with binary_streams():
            self.build(story, canvasmaker=make_canvas)
        return self.buffer.getvalue()

    def _page_begins(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        self.numbers.page_begins()

    def _furniture(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Running header (the chapter) and footer (title) on every page but the cover.

        "page N of M" at the right of the footer is a form named after N, drawn here and
        defined after the last page (`_finish`), when M is known.
        """
        g = self.geometry
        size, inset = g.furniture_size, g.furniture_inset
        top = g.height - inset - size
        header = fit_text(self.numbers.page_header, FONT, size, g.frame_width)
        # room for the longest folio, whatever this page's number: the same on every page
        folio_room = canv.stringWidth(self.info.folio.format(page=99999, pages=99999), FONT, size) + 12
        footer = fit_text(self.info.footer, FONT, size, g.frame_width - folio_room)
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(FONT, size)
        canv.drawString(g.left, top, header)
        canv.drawString(g.left, inset, footer)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(g.left, top - 5, g.width - g.right, top - 5)
        canv.translate(g.width - g.right, inset)
        canv.doForm(_folio_form(canv.getPageNumber()))
        canv.restoreState()

    def _finish(self, canv: Canvas) -> None:
        """After the last page: the page numbers of the contents and cross-references, and every "page N of M"."""
        self.page_count = canv.getPageNumber() - 1
        self.numbers.fill(canv)
        size = self.geometry.furniture_size
        for number in range(2, self.page_count + 1):
            text = self.info.folio.format(page=number, pages=self.page_count)
            text_form(canv, _folio_form(number), text, FONT, size, right=True)


def _folio_form(page: int) -> str:
    return f"folio{page}"
