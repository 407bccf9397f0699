"""The handbook: validated content in, PDF bytes out.

Cover, how to use it (with the safety note), contents, one chapter per routine, questions
and answers by topic, sources, and a notes page. User text reaches a paragraph either as
runs of plain text (`paragraph`: no markup is ever parsed, so it prints exactly as
written and needs no escaping); the outline and the running header take plain text too.
The page machinery (one layout pass, late page numbers) lives in `document` and
`pagenumbers`, the custom flowables in `flowables`, the paragraphs in `paragraph`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.units import cm
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

from handbook import __version__
from handbook.layout.book.document import DocInfo, HandbookDoc, handbook_epoch
from handbook.layout.book.flowables import Anchor, AtFoot, Box, PageRef, QrBlock, Rule, RuledLines
from handbook.layout.book.pagenumbers import PageNumbers
from handbook.layout.book.paragraph import LINE_BREAK, Run, Text
from handbook.layout.figures import PictureFlowable, common_scale, extra_alt
from handbook.layout.styles import FONT, FONT_BOLD, Geometry, handbook_geometry, handbook_styles
from handbook.model import Content, FaqTopic, Picture, Routine, Source
from handbook.model.labels import Labels, labels
from handbook.model.words import dose_sentences, step_cue
from handbook.pdf.text import text_width

BULLET = "\u2022"
# A step's picture beside it: at most PICTURE_WIDTH x PICTURE_HEIGHT, every pose of a routine at
# one scale (the largest that fits them all), so a lying body is at least 7 cm long on paper and
# a standing one about 8 cm tall.
PICTURE_WIDTH = 7.6 * cm
PICTURE_GAP = 10.0
PICTURE_HEIGHT = 8.1 * cm
BESIDE_MIN_EMS = 12.0  # a step's text beside its picture needs this many body-text ems, else the picture goes under it
LONG_LINK = 160  # characters; a longer address goes under its QR code, not beside it
COVER_SLACK = 6.0  # points kept free on the cover, so rounding never pushes its last line over


@dataclass(frozen=True)
class RenderedHandbook:
    """The PDF and its page count."""

    data: bytes
    pages: int


def render_handbook(content: Content, paper: str | None = None, large_print: bool = False) -> RenderedHandbook:
    """Lay out the whole handbook in one pass and return the PDF bytes.

    `paper`: a4 or letter (default: the book's), or a booklet's page (a5, half-letter).
    Every printed label is in the book's language (`content.book.language`).
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
    data = doc.render(_Story(content, geometry, numbers, lang, large_print).build())
    return RenderedHandbook(data, doc.page_count)


def paragraphs(text: str) -> list[str]:
    """A multi-line text's paragraphs (separated by a blank line)."""
    return [p for p in (part.strip() for part in text.split("\n\n")) if p]


class _Story:
    """Builds the list of flowables, one part of the book per method."""

    def __init__(self, content: Content, geometry: Geometry, numbers: PageNumbers, lang: Labels,
                 large_print: bool = False) -> None:
        self.content = content
        self.book = content.book
        self.geometry = geometry
        self.numbers = numbers
        self.lang = lang
        self.styles = handbook_styles(large_print)
        self.page_prefix = lang("book.page_ref", page="")  # "page " before a cross-reference's number
        self.out: list[Flowable] = []

    def build(self) -> list[Flowable]:
        """The flowables of the whole book, part by part."""
        self.cover()
        self.how_to_use()
        self.contents()
        for index, routine in enumerate(self.content.routines):
            self.chapter(routine, index == 0)
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

    def figure(self, picture: Picture, indent: float = 0, scale: float | None = None) -> None:
        """A picture as large as fits (a PNG or JPEG never above 1 pixel per point; a pose at `scale`),
        caption under it."""
        width, height = self.figure_box(indent)
        image = PictureFlowable(picture, width, height, alt=extra_alt(picture), scale=scale)
        group = KeepTogether([Spacer(1, 4), image, self.plain(picture.caption, "caption")])
        if indent:
            self.add(Indenter(left=indent), group, Indenter(left=-indent))
        else:
            self.add(group)

    def figure_box(self, indent: float = 0) -> tuple[float, float]:
        """The most room a picture under its step (or the routine's own picture) takes."""
        return self.geometry.frame_width - indent, 0.4 * self.geometry.frame_height

    def beside(self, step: Flowable, picture: Picture, scale: float | None = None) -> Flowable:
        """A step with its picture (caption under it) in a column to its right, tops aligned."""
        width = self.geometry.frame_width
        column = PICTURE_WIDTH + PICTURE_GAP
        cell = [PictureFlowable(picture, PICTURE_WIDTH, PICTURE_HEIGHT, centre=True, alt=extra_alt(picture),
                                scale=scale),
                self.plain(picture.caption, "caption-beside")]
        table = Table([[step, cell]], colWidths=[width - column, column], hAlign="LEFT")
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else a cell selects Helvetica (not embedded)
                        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (1, 0), (1, 0), PICTURE_GAP)])
        return table

    # --- the parts of the book -----------------------------------------------------------

    def cover(self) -> None:
        """Title, edition and review at the top, the clinic at the foot, on one page.

        On a small page (a booklet's A5, large print) the space above the title gives
        way first, then the gaps, then the title and subtitle take the chapter sizes;
        only a cover that still does not fit runs on to a second page.
        """
        book, clinic = self.book, self.book.clinic
        logo: list[Flowable] = [PictureFlowable(clinic.logo, 160, 70)] if clinic.logo is not None else []
        frame = self.geometry.frame_height
        for title_style, subtitle_style, gap in (("cover-title", "cover-subtitle", 24.0),
                                                 ("cover-title", "cover-subtitle", 12.0), ("h1", "lead", 8.0),
                                                 ("h2", "lead", 8.0)):
            head: list[Flowable] = [Rule(4, 16), self.plain(book.title, title_style)]
            if book.subtitle:
                head.append(self.plain(book.subtitle, subtitle_style))
            head.append(self.plain(book.edition, "cover-detail"))
            if book.reviewed.placeholder:
                head.append(self.rich([Run(self.lang("book.not_reviewed"), FONT_BOLD)], "cover-detail"))
            else:  # every date on the cover says what it is
                head.append(self.plain(self.lang("book.cover_reviewed", date=self.lang.date(book.reviewed.on),
                                                 by=book.reviewed.by), "cover-detail"))
            foot: list[Flowable] = [self.rich([Run(clinic.name, FONT_BOLD)], "cover-detail"),
                                    self.plain(self.lang("book.phone", phone=clinic.phone), "cover-detail")]
            foot += [self.plain(line, "cover-detail") for line in (clinic.website, clinic.email) if line]
            if clinic.address:
                lines = [[LINE_BREAK, Run(line)] for line in clinic.address.splitlines()]
                foot.append(self.rich([run for line in lines for run in line][1:], "cover-detail"))
            foot += [Spacer(1, gap), self.plain(self.lang("book.not_replace"), "cover-detail")]
            room = frame - COVER_SLACK - gap - self.height_of([*logo, *head, *foot])
            if room >= 0:
                break
        self.add(*logo, Spacer(1, min(0.16 * frame, max(room, 0.0))), *head)
        self.add(Spacer(1, gap), AtFoot(foot), NextPageTemplate("page"), PageBreak())

    def height_of(self, flowables: list[Flowable]) -> float:
        """The height of flowables one under the other in the text column, spaces included."""
        width, frame = self.geometry.frame_width, self.geometry.frame_height
        return float(sum(f.wrap(width, frame)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables))

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
        self.add(PageBreak())
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

    def chapter(self, routine: Routine, first: bool) -> None:
        self.add(PageBreak())
        if first:
            self.add(Anchor("routines", self.numbers, self.lang("book.routines"), 0))
        lang = self.lang
        self.start(f"r-{routine.slug}", routine.title, level=1)
        self.text(routine.summary, "lead")
        self.add(self.plain(lang("book.who_when"), "h2"))
        self.text(routine.when)
        if routine.caution:
            self.add(self.plain(lang("book.good_to_know"), "h2"))
            self.add(*(self.plain(p, "body") for p in paragraphs(routine.caution)))
        self.add(self.plain(lang("book.how_much"), "h2"))
        self.add(*(self.plain(s, "dose") for s in dose_sentences(routine.dose, lang)), Spacer(1, 6))
        self.add(self.plain(lang("book.what_you_need"), "h2"))
        if routine.equipment:
            self.add(*self.items(routine.equipment))
        else:
            self.text(lang("book.nothing_needed"))
        step_style = self.styles["step"]
        room = self.geometry.frame_width - PICTURE_WIDTH - PICTURE_GAP
        side_by_side = room >= BESIDE_MIN_EMS * step_style.fontSize
        step_box = (PICTURE_WIDTH, PICTURE_HEIGHT) if side_by_side else self.figure_box(step_style.leftIndent)
        scales = [common_scale([s.picture for s in routine.steps], *step_box),
                  common_scale([routine.picture], *self.figure_box())]
        scale = min((s for s in scales if s is not None), default=None)  # one body size in every pose
        if routine.picture:
            self.figure(routine.picture, scale=scale)
        self.add(self.plain(lang("book.steps"), "h2"))
        for number, step in enumerate(routine.steps, start=1):
            cue = step_cue(step.hold_seconds, step.breaths, lang)
            if cue:
                text = self.rich([Run(step.text), LINE_BREAK, Run(cue, FONT_BOLD)], "step", f"{number}.")
            else:
                text = self.plain(step.text, "step", bulletText=f"{number}.")
            if step.picture and side_by_side:
                self.add(self.beside(text, step.picture, scale))
            else:
                self.add(text)
                if step.picture:  # a narrow column (a booklet, large print): the picture under its step
                    self.figure(step.picture, indent=step_style.leftIndent, scale=scale)
        for title, texts in ((lang("book.tips"), routine.tips), (lang("book.avoid"), routine.avoid),
                             (lang("book.clinic_advice"), routine.clinic_advice)):
            if texts:
                self.add(self.plain(title, "h2"), *self.items(texts))
        self.stop_box(routine)
        if routine.link:
            self.link(routine.link)
        if routine.related_faq:
            self.add(self.plain(lang("book.related_faq"), "h2"))
            for slug in routine.related_faq:
                self.add(PageRef([Run(self.content.topic(slug).title), Run(",")], self.styles["toc"], f"t-{slug}",
                                 self.numbers, prefix=self.page_prefix))
        self.add(self.plain(lang("book.where_from"), "h2"), *self.source_list(routine.sources, notes=True))
        review = routine.reviewed or self.book.reviewed
        if review.placeholder:
            self.text(lang("book.version_not_reviewed", version=routine.version), "small")
        else:
            self.text(lang("book.version", version=routine.version, date=lang.date(review.on), by=review.by), "small")

    def stop_box(self, routine: Routine) -> None:
        clinic, lang = self.book.clinic, self.lang
        title = self.plain(lang("book.stop"), "box-title")
        more = self.plain(lang("book.stop_continued"), "box-title")
        call = self.plain(lang("book.call", clinic=clinic.name, phone=clinic.phone), "box-note")
        flags: list[Flowable] = []
        if self.book.red_flags:  # the clinic's own advice, labelled as such, beside the phone
            flags = [self.plain(lang("book.red_flags"), "box-note"), *self.items(self.book.red_flags, "box-item")]
        self.add(Box(title, [*self.items(routine.stop_if, "box-item"), *flags, call], self.geometry.frame_height,
                     more))

    def link(self, url: str) -> None:
        address = self.rich([Run(url, link=url)], "link")
        intro = self.plain(self.lang("book.qr_intro"), "link")
        heading = self.plain(self.lang("book.watch_more"), "h2")
        if len(url) <= LONG_LINK:
            self.add(heading, QrBlock(url, [intro, address]))
        else:  # a long address under its code, never on another page than the code and its heading
            self.add(KeepTogether([heading, QrBlock(url, [intro]), address]))

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

    def questions(self) -> None:
        self.add(PageBreak())
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
        self.add(PageBreak())
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
            self.add(*self.source_list([Source(title, author, url)], notes=False))
            self.text(self.lang("book.used_in", owners="; ".join(owners)), "source")

    def notes(self) -> None:
        self.add(PageBreak())
        self.start("notes", self.lang("book.notes"))
        self.text(self.lang("book.notes_intro"))
        self.add(RuledLines(self.styles["body"].leading * 1.5))
