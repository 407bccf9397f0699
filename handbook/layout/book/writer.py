"""The handbook's writer: the book's settings and the small helpers every part of it uses.

`Writer` holds what every part needs (the content, the page geometry, the page numbers,
the labels in the book's language, the styles) and the list of flowables it appends to.
The parts are written by its subclasses: a routine's chapter in `chapter`, the rest of
the book in `story`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.platypus import Flowable

from handbook.layout.book.flowables import Anchor, Rule
from handbook.layout.book.pagenumbers import PageNumbers
from handbook.layout.book.paragraph import Run, Text
from handbook.layout.styles import FONT_BOLD, Geometry, handbook_styles
from handbook.model import Content, Source
from handbook.model.labels import Labels

BULLET = "\u2022"


def paragraphs(text: str) -> list[str]:
    """A multi-line text's paragraphs (separated by a blank line)."""
    return [p for p in (part.strip() for part in text.split("\n\n")) if p]


class Writer:
    """The book's settings and the flowables written so far (`out`), with the helpers that add to them."""

    def __init__(self, content: Content, geometry: Geometry, numbers: PageNumbers, lang: Labels,
                 large_print: bool = False, booklet: bool = False) -> None:
        self.content = content
        self.booklet = booklet  # a booklet's pages: it ends with a back cover
        self.book = content.book
        self.geometry = geometry
        self.numbers = numbers
        self.lang = lang
        self.styles = handbook_styles(large_print)
        self.page_prefix = lang("book.page_ref", page="")  # "page " before a cross-reference's number
        self.out: list[Flowable] = []

    def rich(self, runs: list[Run], style: str, bullet: str | None = None) -> Text:
        """A paragraph of runs in several faces (bold, italic, links), printed exactly as written."""
        return Text(runs, self.styles[style], bullet)

    def plain(self, text: str, style: str = "body", bulletText: str | None = None) -> Text:
        """A paragraph of plain text, printed exactly as written."""
        return Text(text, self.styles[style], bulletText)

    def add(self, *flowables: Flowable) -> None:
        self.out.extend(flowables)

    def text(self, text: str, style: str = "body") -> None:
        self.add(self.plain(text, style))

    def items(self, texts: Iterable[str], style: str = "item") -> list[Flowable]:
        return [self.plain(t, style, bulletText=BULLET) for t in texts]

    def start(self, key: str, title: str, level: int = 0, heading: str = "h1") -> None:
        """A chapter opening: anchor (bookmark, page number, running header) and its heading."""
        self.add(Anchor(key, self.numbers, title, level, header=title))
        if heading == "h1":
            self.add(Rule(3, 10))
        self.add(self.plain(title, heading))

    def height_of(self, flowables: list[Flowable]) -> float:
        """The height of flowables one under the other in the text column, spaces included."""
        width, frame = self.geometry.frame_width, self.geometry.frame_height
        return float(sum(f.wrap(width, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables))

    def source_list(self, sources: Iterable[Source], notes: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for source in sources:
            runs = [Run(source.title, FONT_BOLD)]
            if source.author:
                runs.append(Run(self.lang("book.by_author", author=source.author)))
            if source.url:
                runs += [Run(". "), Run(source.url, link=source.url)]
            if notes and source.note:
                runs.append(Run(f". {source.note}"))
            out.append(self.rich(runs, "source", BULLET))
        return out
