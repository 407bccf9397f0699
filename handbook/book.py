"""The handbook: validated content in, PDF bytes out.

Cover, how to use it (with the safety note), contents, one chapter per routine, questions
and answers by topic, sources, and a notes page. User text reaches a paragraph either as
runs of plain text (`handbook.text`: no markup is ever parsed, so it prints exactly as
written and needs no escaping); the outline and the running header take plain text too.
The page machinery (one layout pass, late page numbers) lives in `render` and
`pagenumbers`, the custom flowables in `flowables`, the paragraphs in `text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Indenter,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from . import __version__
from .figuredraw import PictureFlowable
from .flowables import Anchor, AtFoot, Box, PageRef, QrBlock, Rule, RuledLines
from .model import Content, FaqTopic, Picture, Routine, Source
from .pagenumbers import PageNumbers
from .render import DocInfo, HandbookDoc, handbook_epoch
from .styles import FONT, FONT_BOLD, FONT_ITALIC, Geometry, handbook_geometry, handbook_styles
from .text import LINE_BREAK, Run, Text
from .words import dose_sentences, step_cue

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
BULLET = "\u2022"
PICTURE_COLUMN = 0.42  # of the text column: a step's picture beside it
PICTURE_GAP = 12.0
PICTURE_HEIGHT = 150.0  # points, at most
LONG_LINK = 160  # characters; a longer address goes under its QR code, not beside it


@dataclass(frozen=True)
class RenderedHandbook:
    """The PDF and its page count."""

    data: bytes
    pages: int


def render_handbook(content: Content, paper: str | None = None) -> RenderedHandbook:
    """Lay out the whole handbook in one pass and return the PDF bytes."""
    book = content.book
    geometry = handbook_geometry(paper or book.paper)
    numbers = PageNumbers(geometry.height - geometry.top)
    epoch = handbook_epoch(book.reviewed.on)
    date = dt.datetime.fromtimestamp(epoch, dt.UTC).date()
    story = _Story(content, geometry, numbers, date).build()
    info = DocInfo(
        title=book.title,
        author=book.clinic.name,
        subject=book.subtitle or "Exercise routines and answers to common questions",
        keywords=("patient handbook", "exercise routines", "physiotherapy", *(t.title for t in content.faq)),
        creator=f"handbook {__version__}",
        language=book.language,
        footer=book.title,
    )
    doc = HandbookDoc(geometry, info, numbers, epoch)
    data = doc.render(story)
    return RenderedHandbook(data, doc.page_count)


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def paragraphs(text: str) -> list[str]:
    """A multi-line text's paragraphs (separated by a blank line)."""
    return [p for p in (part.strip() for part in text.split("\n\n")) if p]


class _Story:
    """Builds the list of flowables, one part of the book per method."""

    def __init__(self, content: Content, geometry: Geometry, numbers: PageNumbers, date: dt.date) -> None:
        self.content = content
        self.book = content.book
        self.geometry = geometry
        self.numbers = numbers
        self.date = date
        self.styles = handbook_styles()
        self.out: list[Flowable] = []

    def build(self) -> list[Flowable]:
        self.cover()
        self.how_to_use()
        self.contents()
        for index, routine in enumerate(self.content.routines):
            self.chapter(routine, first=index == 0)
        if self.content.faq:
            self.questions()
        self.sources()
        self.notes()
        return self.out

    # --- small helpers ---------------------------------------------------------------

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

    def figure(self, picture: Picture, indent: float = 0) -> None:
        """A picture as large as fits (a PNG or JPEG never above 1 pixel per point), caption under it."""
        g = self.geometry
        image = PictureFlowable(picture, g.frame_width - indent, 0.4 * g.frame_height)
        group = KeepTogether([Spacer(1, 4), image, self.plain(picture.caption, "caption")])
        if indent:
            self.add(Indenter(left=indent), group, Indenter(left=-indent))
        else:
            self.add(group)

    def beside(self, step: Flowable, picture: Picture) -> Flowable:
        """A step with its picture (caption under it) in a column to its right, tops aligned."""
        width = self.geometry.frame_width
        column = round(PICTURE_COLUMN * width)
        cell = [PictureFlowable(picture, column - PICTURE_GAP, PICTURE_HEIGHT, centre=True),
                self.plain(picture.caption, "caption-beside")]
        table = Table([[step, cell]], colWidths=[width - column, column], hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else a cell selects Helvetica (not embedded)
                        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (1, 0), (1, 0), PICTURE_GAP)])
        return table

    # --- the parts of the book -----------------------------------------------------------

    def cover(self) -> None:
        book, clinic = self.book, self.book.clinic
        if clinic.logo is not None:
            self.add(PictureFlowable(clinic.logo, 160, 70))
        self.add(Spacer(1, 0.16 * self.geometry.frame_height), Rule(4, 16))
        self.text(book.title, "cover-title")
        if book.subtitle:
            self.text(book.subtitle, "cover-subtitle")
        self.text(book.edition, "cover-detail")
        self.text(long_date(self.date), "cover-detail")
        foot: list[Flowable] = [self.rich([Run(clinic.name, FONT_BOLD)], "cover-detail"),
                                self.plain(f"Phone: {clinic.phone}", "cover-detail")]
        foot += [self.plain(line, "cover-detail") for line in (clinic.website, clinic.email) if line]
        if clinic.address:
            lines = [[LINE_BREAK, Run(line)] for line in clinic.address.splitlines()]
            foot.append(self.rich([run for line in lines for run in line][1:], "cover-detail"))
        foot += [Spacer(1, 24), self.plain("This handbook does not replace your clinician's advice.", "cover-detail")]
        self.add(Spacer(1, 24), AtFoot(foot), NextPageTemplate("page"), PageBreak())

    def how_to_use(self) -> None:
        clinic = self.book.clinic
        self.start("howto", "How to use this handbook")
        self.text("This handbook has exercise routines and answers to common questions. "
                  "Your doctor or physio will tell you which routines are right for you.")
        self.text("Each routine starts on a new page. It tells you:")
        self.add(*self.items([
            "what the routine does, and who it is for",
            "how long to do it and how often, in plain words",
            "what you need, and the steps in order",
            "tips, and what to avoid",
            "when to stop and call us",
        ]))
        self.text("The contents list every routine and every group of questions with its page number. "
                  "At the back you find the sources of the advice, and a page for your own notes: "
                  "write down questions to ask at your next visit.")
        if self.book.safety_note:
            note = [self.plain(p, "body") for p in paragraphs(self.book.safety_note)]
        else:
            note = [self.plain(p, "body") for p in (
                "This handbook does not replace your clinician's advice. Do only the routines your "
                "doctor or physio has given you, in the way they showed you.",
                "Each routine has a box called \u201cStop and call us if\u201d. If any of those things "
                "happens to you, stop the routine and call us.",
                "If you are worried about your health, call us or your doctor. "
                "In an emergency, call your local emergency number.",
            )]
        call = self.plain(f"Call {clinic.name} on {clinic.phone}.", "box-note")
        title = self.plain("Please read this first", "box-title")
        self.add(Box(title, [*note, call], self.geometry.frame_height))

    def contents(self) -> None:
        self.add(PageBreak())
        self.start("contents", "Contents")

        def entry(text: str, key: str, style: str = "toc", indent: float = 0) -> None:
            self.add(PageRef(text, self.styles[style], key, self.numbers, indent, leaders=True))

        entry("How to use this handbook", "howto", "toc-part")
        entry("Exercise routines", "routines", "toc-part")
        for routine in self.content.routines:
            entry(routine.title, f"r-{routine.slug}", indent=18)
        if self.content.faq:
            entry("Questions and answers", "faq", "toc-part")
            for topic in self.content.faq:
                entry(topic.title, f"t-{topic.slug}", indent=18)
        entry("Sources", "sources", "toc-part")
        entry("Notes", "notes", "toc-part")

    def chapter(self, routine: Routine, first: bool) -> None:
        self.add(PageBreak())
        if first:
            self.add(Anchor("routines", self.numbers, "Exercise routines", 0))
        self.start(f"r-{routine.slug}", routine.title, level=1)
        self.text(routine.summary, "lead")
        self.add(self.plain("Who it is for, and when", "h2"))
        self.text(routine.when)
        if routine.caution:
            self.add(self.plain("Good to know", "h2"))
            self.add(*(self.plain(p, "body") for p in paragraphs(routine.caution)))
        self.add(self.plain("How much and how often", "h2"))
        self.add(*(self.plain(s, "dose") for s in dose_sentences(routine.dose)), Spacer(1, 6))
        self.add(self.plain("What you need", "h2"))
        if routine.equipment:
            self.add(*self.items(routine.equipment))
        else:
            self.text("Nothing: you do not need any equipment.")
        if routine.picture:
            self.figure(routine.picture)
        self.add(self.plain("Steps", "h2"))
        for number, step in enumerate(routine.steps, start=1):
            cue = step_cue(step.hold_seconds, step.breaths)
            if cue:
                text = self.rich([Run(step.text), LINE_BREAK, Run(cue, FONT_BOLD)], "step", f"{number}.")
            else:
                text = self.plain(step.text, "step", bulletText=f"{number}.")
            self.add(self.beside(text, step.picture) if step.picture else text)
        for title, texts in (("Tips", routine.tips), ("What to avoid", routine.avoid)):
            if texts:
                self.add(self.plain(title, "h2"), *self.items(texts))
        self.stop_box(routine)
        if routine.link:
            self.link(routine.link)
        if routine.related_faq:
            self.add(self.plain("Questions and answers about this", "h2"))
            for slug in routine.related_faq:
                self.add(PageRef([Run(self.content.topic(slug).title), Run(",")], self.styles["toc"], f"t-{slug}",
                                 self.numbers, prefix="page "))
        self.add(self.plain("Where this advice comes from", "h2"), *self.source_list(routine.sources, notes=True))
        review = routine.reviewed or self.book.reviewed
        self.text(f"Version {routine.version}, reviewed on {long_date(review.on)} by {review.by}.", "small")

    def stop_box(self, routine: Routine) -> None:
        clinic = self.book.clinic
        title = self.plain("Stop and call us if", "box-title")
        more = self.plain("Stop and call us if (continued)", "box-title")
        call = self.plain(f"Call {clinic.name} on {clinic.phone}.", "box-note")
        self.add(Box(title, [*self.items(routine.stop_if, "box-item"), call], self.geometry.frame_height, more))

    def link(self, url: str) -> None:
        address = self.rich([Run(url, link=url)], "link")
        intro = self.plain("To watch or read more, scan this code with your phone\u2019s camera, "
                          "or type this address:", "link")
        self.add(self.plain("Watch or read more", "h2"))
        if len(url) <= LONG_LINK:
            self.add(QrBlock(url, [intro, address]))
        else:
            self.add(QrBlock(url, [intro]), address)

    def source_list(self, sources: Iterable[Source], notes: bool) -> list[Flowable]:
        out: list[Flowable] = []
        for source in sources:
            runs = [Run(source.title, FONT_BOLD)]
            if source.author:
                runs.append(Run(f", by {source.author}"))
            if source.url:
                runs += [Run(". "), Run(source.url, link=source.url)]
            if notes and source.note:
                runs.append(Run(f". {source.note}"))
            out.append(self.rich(runs, "source", BULLET))
        return out

    def questions(self) -> None:
        self.add(PageBreak())
        self.start("faq", "Questions and answers")
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
            for slug in question.see:
                title = self.content.routine(slug).title
                self.add(PageRef([Run("See the routine: "), Run(title, FONT_ITALIC), Run(",")], self.styles["toc"],
                                 f"r-{slug}",
                                 self.numbers, prefix="page "))
        self.add(self.plain("Where these answers come from", "source-head"),
                 *self.source_list(topic.sources, notes=False))

    def sources(self) -> None:
        self.add(PageBreak())
        self.start("sources", "Sources")
        review = self.book.reviewed
        self.text(f"The advice in this handbook comes from the sources below. It was reviewed by "
                  f"{review.by} on {long_date(review.on)}.")
        used: dict[tuple[str, str | None, str | None], list[str]] = {}
        for owner, owner_sources in [*((r.title, r.sources) for r in self.content.routines),
                                     *((t.title, t.sources) for t in self.content.faq)]:
            for source in owner_sources:
                titles = used.setdefault((source.title, source.author, source.url), [])
                if owner not in titles:
                    titles.append(owner)
        for (title, author, url), owners in used.items():
            self.add(*self.source_list([Source(title, author, url)], notes=False))
            self.text("Used in: " + "; ".join(owners) + ".", "source")

    def notes(self) -> None:
        self.add(PageBreak())
        self.start("notes", "Notes")
        self.text("Write down how the routines go, and questions to ask at your next visit.")
        self.add(RuledLines())
