"""The handbook: validated content in, PDF bytes out.

Cover, how to use it (with the safety note), contents, one chapter per routine, questions
and answers by topic, sources, and a notes page. User text reaches a paragraph either as
runs of plain text (`paragraph`: no markup is ever parsed, so it prints exactly as
written and needs no escaping); the outline and the running header take plain text too.
A routine's chapter is written in `chapter`, the helpers every part uses in `writer`.
The page machinery (one layout pass, late page numbers) lives in `document` and
`pagenumbers`, the custom flowables in `flowables`, the paragraphs in `paragraph`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Spacer

from handbook import __version__
from handbook.layout.book.breaks import BookletEnd, ChapterFlow
from handbook.layout.book.chapter import ChapterWriter
from handbook.layout.book.document import DocInfo, HandbookDoc, handbook_epoch
from handbook.layout.book.flowables import AtFoot, Box, PageRef, Rule, RuledLines
from handbook.layout.book.pagenumbers import PageNumbers
from handbook.layout.book.paragraph import LINE_BREAK, Run
from handbook.layout.book.writer import paragraphs
from handbook.layout.figures import PictureFlowable
from handbook.layout.styles import FONT_BOLD, handbook_geometry
from handbook.model import Content, FaqTopic, Source
from handbook.model.labels import labels
from handbook.pdf.text import text_width

LAST_PAGE = 0.3  # of the text column: the least a part's last page holds, when the part takes more than a page
COVER_SLACK = 6.0  # points kept free on the cover, so rounding never pushes its last line over


@dataclass(frozen=True)
class RenderedHandbook:
    """The PDF and its page count."""

    data: bytes
    pages: int


def render_handbook(content: Content, paper: str | None = None, large_print: bool = False,
                    booklet: bool = False) -> RenderedHandbook:
    """Lay out the whole handbook in one pass and return the PDF bytes.

    `paper`: a4 or letter (default: the book's), or a booklet's page (a5, half-letter).
    Every printed label is in the book's language (`content.book.language`). A `booklet`
    ends with notes pages, as many as make its pages a multiple of four with the back
    cover (the clinic: name, phone, website, email, address), its last page.
    """
    book = content.book
    lang = labels(book.language)
    geometry = handbook_geometry(paper or book.paper, large_print)
    numbers = PageNumbers(geometry.height - geometry.top)
    epoch = handbook_epoch(book.reviewed.on)
    info = DocInfo(
        title=book.title,
        author=book.clinic.name,
        subject=book.subtitle or lang("book.subject"),
        keywords=(*lang("book.keywords").split(", "), *(t.title for t in content.faq)),
        creator=f"handbook {__version__}",
        language=book.language,
        footer=book.title,
        folio=lang("book.page_of"),
    )
    doc = HandbookDoc(geometry, info, numbers, epoch)
    data = doc.render(_Story(content, geometry, numbers, lang, large_print, booklet).build())
    return RenderedHandbook(data, doc.page_count)


class _Story(ChapterWriter):
    """Builds the list of flowables, one part of the book per method (a routine's chapter: `ChapterWriter`)."""

    def build(self) -> list[Flowable]:
        """The flowables of the whole book, part by part, each part from a new page."""
        self.cover()
        parts: list[Callable[[], None]] = [self.how_to_use, self.contents]
        parts += [functools.partial(self.chapter, routine, index == 0)
                  for index, routine in enumerate(self.content.routines)]
        if self.content.faq:
            parts.append(self.questions)
        parts.append(self.sources)
        for index, part in enumerate(parts):
            if index:
                self.add(PageBreak())
            self.part(part)
        self.add(PageBreak())
        self.notes()
        if self.booklet:
            self.add(BookletEnd(self.notes_page, self.back_cover()))
        return self.out

    def part(self, write: Callable[[], None]) -> None:
        """A part of the book (`write` adds it), its pages broken so that its last page is never nearly empty."""
        start = len(self.out)
        write()
        self.out[start:] = [ChapterFlow(self.out[start:], LAST_PAGE * self.geometry.frame_height)]

    # --- the parts of the book -----------------------------------------------------------

    def cover(self) -> None:
        """Title, edition and review at the top, the clinic at the foot, on one page.

        On a small page (a booklet's A5, large print) the space above the title gives
        way first, then the gaps, then the title and subtitle take the chapter sizes; in a
        booklet, whose back cover has all of it, the clinic's address, website and email
        go last. Only a cover that still does not fit runs on to a second page.
        """
        book = self.book
        logo = self.logo()
        frame = self.geometry.frame_height
        options = [("cover-title", "cover-subtitle", 24.0, True), ("cover-title", "cover-subtitle", 12.0, True),
                   ("h1", "lead", 8.0, True), ("h2", "lead", 8.0, True)]
        if self.booklet:
            options.append(("h2", "lead", 8.0, False))
        for title_style, subtitle_style, gap, whole in options:
            head: list[Flowable] = [Rule(4, 16), self.plain(book.title, title_style)]
            if book.subtitle:
                head.append(self.plain(book.subtitle, subtitle_style))
            head.append(self.plain(book.edition, "cover-detail"))
            if book.reviewed.placeholder:
                head.append(self.rich([Run(self.lang("book.not_reviewed"), FONT_BOLD)], "cover-detail"))
            else:  # every date on the cover says what it is
                head.append(self.plain(self.lang("book.cover_reviewed", date=self.lang.date(book.reviewed.on),
                                                 by=book.reviewed.by), "cover-detail"))
            note = self.plain(self.lang("book.not_replace"), "cover-detail")
            foot = [*self.clinic_lines(whole), Spacer(1, gap), note]
            room = frame - COVER_SLACK - gap - self.height_of([*logo, *head, *foot])
            if room >= 0:
                break
        self.add(*logo, Spacer(1, min(0.16 * frame, max(room, 0.0))), *head)
        self.add(Spacer(1, gap), AtFoot(foot), NextPageTemplate("page"), PageBreak())

    def logo(self) -> list[Flowable]:
        logo = self.book.clinic.logo
        return [PictureFlowable(logo, 160, 70)] if logo is not None else []

    def clinic_lines(self, whole: bool = True, name_style: str = "cover-detail") -> list[Flowable]:
        """The clinic's name and phone, then (`whole`) its website, email and address, a line each."""
        clinic = self.book.clinic
        lines: list[Flowable] = [self.rich([Run(clinic.name, FONT_BOLD)], name_style),
                                 self.plain(self.lang("book.phone", phone=clinic.phone), "cover-detail")]
        if whole:
            lines += [self.plain(line, "cover-detail") for line in (clinic.website, clinic.email) if line]
            if clinic.address:
                breaks = [[LINE_BREAK, Run(line)] for line in clinic.address.splitlines()]
                lines.append(self.rich([run for line in breaks for run in line][1:], "cover-detail"))
        return lines

    def how_to_use(self) -> None:
        clinic, lang = self.book.clinic, self.lang
        self.start("howto", lang("book.howto"))
        self.text(lang("book.howto_intro"))
        self.text(lang("book.howto_each"))
        self.add(*self.items(lang(f"book.howto_item{n}") for n in range(1, 6)))
        self.text(lang("book.howto_contents"))
        if self.book.safety_note:
            note = [self.plain(p, "body") for p in paragraphs(self.book.safety_note)]
        else:
            note = [self.plain(p, "body") for p in (
                lang("book.safety1"), lang("book.safety2", stop=lang("book.stop")), lang("book.safety3"))]
        call = self.plain(lang("book.call", clinic=clinic.name, phone=clinic.phone), "box-note")
        title = self.plain(lang("book.read_first"), "box-title")
        self.add(Box(title, [*note, call], self.geometry.frame_height, note=True))

    def contents(self) -> None:
        lang = self.lang
        self.start("contents", lang("book.contents"))
        column = self.number_column()

        def entry(text: str, key: str, style: str = "toc", indent: float = 0) -> None:
            self.add(PageRef(text, self.styles[style], key, self.numbers, indent, leaders=True, column=column))

        entry(lang("book.howto"), "howto", "toc-part")
        entry(lang("book.routines"), "routines", "toc-part")
        for routine in self.content.routines:
            entry(routine.title, f"r-{routine.slug}", indent=18)
        if self.content.faq:
            entry(lang("book.faq"), "faq", "toc-part")
            for topic in self.content.faq:
                entry(topic.title, f"t-{topic.slug}", indent=18)
        entry(lang("book.sources"), "sources", "toc-part")
        entry(lang("book.notes"), "notes", "toc-part")

    def number_column(self) -> float:
        """The contents' page-number column: four digits of its largest entries, so every leader ends alike."""
        part = self.styles["toc-part"]
        return text_width("0000", part.fontName, part.fontSize)

    def questions(self) -> None:
        self.start("faq", self.lang("book.faq"))
        for topic in self.content.faq:
            self.topic(topic)

    def topic(self, topic: FaqTopic) -> None:
        self.add(CondPageBreak(0.3 * self.geometry.frame_height))
        self.start(f"t-{topic.slug}", topic.title, level=1, heading="topic")
        if topic.intro:
            self.add(*(self.plain(p, "body") for p in paragraphs(topic.intro)))
        for question in topic.questions:
            self.add(self.plain(question.question, "question"))
            self.add(*(self.plain(p, "body") for p in question.answer))
            if question.clinic_advice:
                self.add(self.plain(self.lang("book.clinic_advice") + ":", "box-note"),
                         *self.items(question.clinic_advice))
            for slug in question.see:
                title = self.content.routine(slug).title
                before, after = self.lang("book.see_routine", title="\0").split("\0")
                self.add(PageRef([Run(before), Run(title, FONT_BOLD), Run(after)], self.styles["toc"],
                                 f"r-{slug}",
                                 self.numbers, prefix=self.page_prefix))
        self.add(self.plain(self.lang("book.answers_from"), "source-head"),
                 *self.source_list(topic.sources, notes=False))

    def sources(self) -> None:
        self.start("sources", self.lang("book.sources"))
        review = self.book.reviewed
        if review.placeholder:
            self.text(self.lang("book.sources_intro_not_reviewed"))
        else:
            self.text(self.lang("book.sources_intro", by=review.by, date=self.lang.date(review.on)))
        used: dict[tuple[str, str | None, str | None], list[str]] = {}
        for owner, owner_sources in [*((r.title, r.sources) for r in self.content.routines),
                                     *((t.title, t.sources) for t in self.content.faq)]:
            for source in owner_sources:
                titles = used.setdefault((source.title, source.author, source.url), [])
                if owner not in titles:
                    titles.append(owner)
        for (title, author, url), owners in used.items():
            for source in self.source_list([Source(title, author, url)], notes=False):
                source.keepWithNext = 1  # never at a page's foot without where it is used
                self.add(source)
            self.text(self.lang("book.used_in", owners="; ".join(owners)), "source")

    def notes(self) -> None:
        self.start("notes", self.lang("book.notes"))
        self.text(self.lang("book.notes_intro"))
        self.add(RuledLines(self.styles["body"].leading * 1.5))

    # --- a booklet's last pages -------------------------------------------------------------

    def notes_page(self) -> list[Flowable]:
        """One more notes page, to make a booklet's pages a multiple of four: a heading and ruled lines."""
        return [PageBreak(), Rule(3, 10), self.plain(self.lang("book.notes"), "h1"),
                RuledLines(self.styles["body"].leading * 1.5)]

    def back_cover(self) -> list[Flowable]:
        """A booklet's back cover, with no header or footer: the clinic, how to reach it, where it is.

        The clinic's name as large as a chapter's title when it fits (else as large as the
        rest), and at the foot the handbook's title and the plain note that it does not
        replace the clinician's advice.
        """
        book = self.book
        foot = [self.rich([Run(book.title, FONT_BOLD)], "cover-detail"), self.plain(book.edition, "cover-detail"),
                Spacer(1, 8), self.plain(self.lang("book.not_replace"), "cover-detail")]
        for name_style in ("h1", "h2", "cover-detail"):
            head = [*self.logo(), Rule(4, 16), *self.clinic_lines(name_style=name_style)]
            if self.height_of([*head, *foot]) <= self.geometry.frame_height - COVER_SLACK:
                break
        return [NextPageTemplate("cover"), PageBreak(), *head, AtFoot(foot)]
