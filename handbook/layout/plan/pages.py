"""The programme's document: whole pages on one canvas, flowed (with a footer) or a card's own.

Why one canvas and not a PDF per part put together afterwards: the cards share the
document's fonts and pictures (each subset and pose embedded once), bookmarks are plain
reportlab calls, and nothing has to read a PDF back. Each part starts on a new sheet
(`new_sheet`): printed double-sided, a card's back lands behind its front and every card is
a sheet of its own, to stick on the fridge; a side left over holds a "Notes" page, never
nothing.

Output is reproducible: reportlab's invariant mode, and the PDF is dated `epoch`. Make it inside
`handbook.pdf.document.binary_streams`, as every PDF of the tool is made.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame

from handbook.errors import HandbookError
from handbook.layout import styles
from handbook.layout.book.document import fit_text
from handbook.layout.book.flowables import RuledLines
from handbook.layout.book.paragraph import Text
from handbook.layout.card import CardRequest, draw_card
from handbook.pdf.document import set_date


@dataclass(frozen=True)
class Info:
    """The document's title, author, subject and language, and the footer of its flowed pages."""

    title: str
    author: str
    subject: str
    language: str
    footer: str


class Pages:
    """A document being made, page by page; `data` when it is done."""

    def __init__(self, paper: str, large_print: bool, info: Info, epoch: int) -> None:
        styles.register_fonts()
        self.geometry = styles.plan_geometry(paper, large_print)
        self.styles = styles.plan_styles(large_print)
        self.info = info
        self.buffer = io.BytesIO()
        g = self.geometry
        self.canv = Canvas(self.buffer, pagesize=(g.width, g.height), invariant=1, pageCompression=1,
                           initialFontName=styles.FONT, initialFontSize=g.furniture_size, lang=info.language)
        set_date(self.canv, epoch)
        self.canv.setTitle(info.title)
        self.canv.setAuthor(info.author)
        self.canv.setSubject(info.subject)
        self.canv.setCreator("handbook")
        self.canv.setViewerPreference("DisplayDocTitle", "true")
        self.pages = 0

    def bookmark(self, key: str, title: str, level: int = 0) -> None:
        """A bookmark to the page about to be drawn."""
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level)

    def flow(self, story: Sequence[Flowable], turn_over: str) -> None:
        """Lay `story` out on new pages, each with the footer: a flowable too tall for the rest of a page
        is split there, or moves to the next; one too tall for a whole page is refused, never clipped.

        A page the story goes on from ends in `turn_over` ("More on the back: please turn over."),
        in a band kept free for it at the foot of every flowed page.
        """
        g = self.geometry
        style = self.styles["log-heading"]
        band = style.leading + 6
        pending = list(story)
        while pending:
            frame = Frame(g.left, g.bottom + band, g.frame_width, g.frame_height - band, leftPadding=0,
                          rightPadding=0, topPadding=0, bottomPadding=0)
            placed = False
            while pending:
                if frame.add(pending[0], self.canv):
                    pending.pop(0)
                    placed = True
                    continue
                parts = frame.split(pending[0], self.canv)
                if parts and frame.add(parts[0], self.canv):
                    pending[0:1] = parts[1:]
                    placed = True
                    continue
                if not placed:
                    raise HandbookError("a part of the programme is taller than a page and cannot be split; "
                                        "this is a bug")
                break
            if pending:
                line = Text(turn_over, style)
                line.wrap(g.frame_width, band)
                line.drawOn(self.canv, g.left, g.bottom)
            self._end_page(footer=True)

    def card(self, req: CardRequest) -> int:
        """The card of `req`, a page for each side (`CardDoesNotFit` when it does not fit); its sides."""
        sides = draw_card(self.canv, req)
        self.pages += sides
        return sides

    def new_sheet(self, notes_title: str, notes_intro: str) -> None:
        """Make the next page the front of a sheet: after an odd number of pages, a notes page."""
        if self.pages % 2:
            pitch = self.styles["body"].leading * 1.5
            self.flow([Text(notes_title, self.styles["h1"]), Text(notes_intro, self.styles["body"]),
                       RuledLines(pitch)], "")

    def _end_page(self, footer: bool) -> None:
        if footer:
            g = self.geometry
            canv = self.canv
            canv.saveState()
            canv.setFillColor(styles.INK)
            canv.setFont(styles.FONT, g.furniture_size)
            canv.drawString(g.left, g.furniture_inset, fit_text(self.info.footer, styles.FONT, g.furniture_size,
                                                               g.frame_width))
            canv.restoreState()
        self.canv.showPage()
        self.pages += 1

    def data(self) -> bytes:
        """The finished PDF."""
        self.canv.save()
        return self.buffer.getvalue()
