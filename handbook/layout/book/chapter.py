"""A routine's chapter: what it is for, the dose, the steps with their pictures, the stop box, its sources.

Each step that has a picture shows it beside the step (a column to its right) when the
text column is wide enough, else under the step, on its page (a booklet's narrow page); the
poses of a routine are all drawn at one scale.
"""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Indenter, KeepTogether, Spacer, Table

from handbook.layout.book.flowables import Anchor, Box, PageRef, QrBlock
from handbook.layout.book.paragraph import LINE_BREAK, Run
from handbook.layout.book.writer import Writer, paragraphs
from handbook.layout.figures import PictureFlowable, common_scale, extra_alt
from handbook.layout.styles import FONT, FONT_BOLD
from handbook.model import Picture, Routine
from handbook.model.words import dose_sentences, step_cue

# A step's picture beside it: at most PICTURE_WIDTH x PICTURE_HEIGHT, every pose of a routine at
# one scale (the largest that fits them all), so a lying body is at least 7 cm long on paper and
# a standing one about 8 cm tall.
PICTURE_WIDTH = 7.6 * cm
PICTURE_GAP = 10.0
PICTURE_HEIGHT = 8.1 * cm
BESIDE_MIN_EMS = 12.0  # a step's text beside its picture needs this many body-text ems, else the picture goes under it
LONG_LINK = 160  # characters; a longer address goes under its QR code, not beside it


class ChapterWriter(Writer):
    """Writes a routine's chapter (`chapter`) and the pictures, boxes and links in it."""

    def figure(self, picture: Picture, indent: float = 0, scale: float | None = None) -> list[Flowable]:
        """A picture as large as fits (a PNG or JPEG never above 1 pixel per point; a pose at `scale`),
        caption under it, `indent` points from the left; to be kept together with what goes with it."""
        width, height = self.figure_box(indent)
        image = PictureFlowable(picture, width, height, alt=extra_alt(picture), scale=scale)
        parts = [Spacer(1, 4), image, self.plain(picture.caption, "caption")]
        return [Indenter(left=indent), *parts, Indenter(left=-indent)] if indent else parts

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

    def chapter(self, routine: Routine, first: bool) -> None:
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
            self.add(KeepTogether(self.figure(routine.picture, scale=scale)))
        self.add(self.plain(lang("book.steps"), "h2"))
        steps: list[Flowable] = []
        for number, step in enumerate(routine.steps, start=1):
            cue = step_cue(step.hold_seconds, step.breaths, lang)
            if cue:
                text = self.rich([Run(step.text), LINE_BREAK, Run(cue, FONT_BOLD)], "step", f"{number}.")
            else:
                text = self.plain(step.text, "step", bulletText=f"{number}.")
            if step.picture and side_by_side:
                steps.append(self.beside(text, step.picture, scale))
            elif step.picture:  # a narrow column (a booklet's page): the picture under its step, on its page
                steps.append(KeepTogether([text, *self.figure(step.picture, step_style.leftIndent, scale)]))
            else:
                steps.append(text)
        if len(steps) > 1:  # the last step never goes alone to the top of a page: the one before goes with it,
            steps[-2].keepWithNext = 1  # unless that leaves its page almost empty (`breaks`)
            steps[-2].keep_loosely = True
        self.add(*steps)
        for title, texts in ((lang("book.tips"), routine.tips), (lang("book.avoid"), routine.avoid),
                             (lang("book.clinic_advice"), routine.clinic_advice)):
            if texts:
                self.add(self.plain(title, "h2"), *self.items(texts))
        end = len(self.out)
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
        # the chapter's end, its short sections after the stop box, on the stop box's page: one group, which
        # `breaks` opens up when it is taller than a page (a group in it, a long address with its code, stays apart)
        if not any(isinstance(f, KeepTogether) for f in self.out[end:]):
            self.out[end:] = [KeepTogether(self.out[end:])]

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
