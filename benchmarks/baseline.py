"""A plain reportlab baseline: the words of a content folder set with platypus `multiBuild`.

    python benchmarks/baseline.py --content /tmp/bench-200 --out /tmp/baseline.pdf

What `handbook build` is measured against (`bench_build.py` runs the two interleaved).
It is what a developer would write with reportlab alone, with no handbook code: read
book.yaml, the routines and the FAQ topics with PyYAML's C loader; set them in the same
typeface (Source Sans Pro, embedded and subset), sizes and column (14 pt body text on a
396 pt column of A4, every routine on a new page) as a `BaseDocTemplate` with a
`TableOfContents` and PDF bookmarks, so `multiBuild` lays the book out until the page
numbers settle (three passes for a long book); headings, `Paragraph`s, bulleted lists,
the stop box as a table, and each step's picture in a column beside it.

Pictures are drawn as the handbook draws them: each distinct pose once per document, as
a form XObject reused at every step that shows it (its reportlab `Drawing` is built
once per process from the same pose files, handbook/figures/*.yaml, read as data, not
imported); PNG files through platypus `Image` (reportlab embeds each distinct image
once); SVG files converted once per process by svglib and drawn as forms too.

Left out, so the baseline is, if anything, a little faster than a like-for-like
version: the QR code beside a link (the address is printed), page numbers of
cross-references, "page N of M" (here "page N"), and the handbook's checks of the
content (a strict loader, reading level, glyph coverage).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import math
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

MEASURE = 396.0  # the text column, points, as the handbook's
MARGIN_TOP = MARGIN_BOTTOM = 25 * mm
PICTURE_COLUMN = 0.42  # of the column: a step's picture beside it
PICTURE_GAP = 12.0
PICTURE_HEIGHT = 150.0
TINT = colors.Color(0.93, 0.93, 0.93)
BULLET = "\u2022"

# --- content ---------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)  # the C SafeLoader


Content = tuple[dict[str, Any], list[tuple[str, dict[str, Any]]], list[tuple[str, dict[str, Any]]]]


def load_content(root: Path) -> Content:
    """book.yaml, the routines in print order and the FAQ topics, as plain dicts."""
    book = read_yaml(root / "book.yaml")
    routines = [(slug, read_yaml(root / f"{slug}.yaml")) for slug in book["routines"]]
    topics = [(slug, read_yaml(root / "faq" / f"{slug}.yaml")) for slug in book.get("faq") or []]
    return book, routines, topics


def esc(text: object) -> str:
    """Text for reportlab's paragraph markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in str(text).split("\n\n") if p.strip()]


# --- type ------------------------------------------------------------------------------


def register_fonts() -> None:
    """Source Sans Pro, from the same font package the handbook embeds."""
    import font_source_sans_pro

    folder = Path(font_source_sans_pro.font_directory)
    faces = {"SourceSans": "SourceSansPro-Regular.ttf", "SourceSans-Bold": "SourceSansPro-Bold.ttf",
             "SourceSans-Italic": "SourceSansPro-It.ttf", "SourceSans-BoldItalic": "SourceSansPro-BoldIt.ttf"}
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    pdfmetrics.registerFontFamily("SourceSans", normal="SourceSans", bold="SourceSans-Bold",
                                  italic="SourceSans-Italic", boldItalic="SourceSans-BoldItalic")


def make_styles() -> dict[str, ParagraphStyle]:
    """The handbook's sizes, by role (copied as numbers, not imported)."""
    base = ParagraphStyle("base", fontName="SourceSans", fontSize=14, leading=20, bulletFontName="SourceSans",
                          bulletFontSize=14, allowOrphans=0, allowWidows=0, splitLongWords=1)
    body = ParagraphStyle("body", parent=base, spaceAfter=8)
    heading = ParagraphStyle("heading", parent=base, fontName="SourceSans-Bold", keepWithNext=1)

    def role(name: str, parent: ParagraphStyle, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    styles = [
        body, heading,
        role("lead", body, fontSize=15, leading=21, spaceAfter=10),
        role("h1", heading, fontSize=26, leading=31, spaceAfter=14),
        role("h2", heading, fontSize=17, leading=22, spaceBefore=14, spaceAfter=5),
        role("topic", heading, fontSize=21, leading=26, spaceBefore=10, spaceAfter=8),
        role("question", heading, fontSize=15.5, leading=20, spaceBefore=12, spaceAfter=4),
        role("dose", body, fontName="SourceSans-Bold", fontSize=15, leading=21, spaceAfter=2),
        role("item", body, leftIndent=18, bulletIndent=2, spaceAfter=5),
        role("step", body, leftIndent=28, bulletIndent=0, bulletFontName="SourceSans-Bold", spaceAfter=7),
        role("box-title", heading, fontSize=17, leading=22, spaceAfter=6),
        role("box-item", body, leftIndent=18, bulletIndent=2, spaceAfter=4),
        role("box-note", body, fontName="SourceSans-Bold", spaceBefore=4, spaceAfter=0),
        role("caption", body, fontSize=12, leading=16, rightIndent=50, spaceBefore=3, spaceAfter=10),
        role("caption-beside", body, fontSize=12, leading=16, spaceBefore=3, spaceAfter=0),
        role("link", body, fontSize=12, leading=16, rightIndent=50, spaceAfter=6),
        role("source", body, fontSize=12, leading=16, leftIndent=14, rightIndent=40, bulletIndent=2,
             bulletFontSize=12, spaceAfter=6),
        role("small", body, fontSize=10, leading=13, rightIndent=106, spaceAfter=4),
        role("toc", body, spaceAfter=3, leftIndent=18),
        role("toc-part", body, fontName="SourceSans-Bold", fontSize=15, leading=21, spaceBefore=10, spaceAfter=3),
        role("cover-title", heading, fontSize=34, leading=40, spaceAfter=16),
        role("cover-subtitle", base, fontSize=19, leading=25, spaceAfter=28),
        role("cover-detail", base, fontSize=14, leading=20, spaceAfter=2),
    ]
    return {style.name: style for style in styles}


# --- poses: the same key points, drawn with reportlab.graphics ----------------------------

PROP_SIZES = {"pillow": (50, 18), "roller": (15, 15), "ball": (20, 20), "pack": (26, 6), "towel": (30, 8),
              "mat": (180, 3), "wall": (10, 200), "chair": (44, 90), "block": (23, 10)}
LIMB_RADIUS = {"arm": 5.3, "leg": 7.0}
TORSO_RADIUS = 15.0
HEAD_RADIUS = 13.0
OUTLINE = 2.2  # cm, at the pose's own scale


def pose_folders(content: Path) -> list[Path]:
    """Where pose files are: the installed package's figures folder (found, not imported), then the content's."""
    spec = importlib.util.find_spec("handbook")  # locates the package without running it
    folders = []
    if spec is not None and spec.submodule_search_locations:
        package = Path(next(iter(spec.submodule_search_locations)))
        found = [p.parent for p in package.rglob("*.yaml") if p.parent.name == "figures" and "sample" not in p.parts]
        folders += sorted(set(found))
    if (content / "figures").is_dir():
        folders.append(content / "figures")
    return folders


def _tube(points: list[list[float]], radius: float, grey: float, group: Group) -> None:
    """A limb or the torso: a round-capped black line, then a narrower one in the limb's fill."""
    flat = [c for point in points for c in point]
    group.add(PolyLine(flat, strokeWidth=2 * radius, strokeColor=colors.black, strokeLineCap=1, strokeLineJoin=1))
    group.add(PolyLine(flat, strokeWidth=2 * (radius - OUTLINE), strokeColor=colors.Color(grey, grey, grey),
                       strokeLineCap=1, strokeLineJoin=1))


def _prop(prop: dict[str, Any], group: Group) -> None:
    kind = prop["kind"]
    width, height = prop.get("size") or PROP_SIZES.get(kind, (30, 10))
    x, y = prop["at"]
    angle = math.radians(prop.get("angle", 0))
    style = {"fillColor": colors.white, "strokeColor": colors.black, "strokeWidth": OUTLINE}
    if kind in ("roller", "ball"):
        group.add(Circle(x, y + min(width, height) / 2, min(width, height) / 2, **style))
        return
    corners = [(-width / 2, 0), (width / 2, 0), (width / 2, height), (-width / 2, height)]
    turned = [(x + cx * math.cos(angle) - cy * math.sin(angle), y + cx * math.sin(angle) + cy * math.cos(angle))
              for cx, cy in corners]
    group.add(Polygon([c for point in turned for c in point], **style))


def _arrow(arrow: dict[str, Any], group: Group) -> None:
    if "centre" in arrow:
        (cx, cy), r = arrow["centre"], arrow["radius"]
        steps = 12
        points = [(cx + r * math.cos(math.radians(arrow["start"] + (arrow["end"] - arrow["start"]) * i / steps)),
                   cy + r * math.sin(math.radians(arrow["start"] + (arrow["end"] - arrow["start"]) * i / steps)))
                  for i in range(steps + 1)]
    else:
        points = [tuple(arrow["from"]), tuple(arrow["to"])]
    group.add(PolyLine([c for p in points for c in p], strokeWidth=OUTLINE, strokeColor=colors.black))
    (x0, y0), (x1, y1) = points[-2], points[-1]
    a = math.atan2(y1 - y0, x1 - x0)
    head = [x1, y1, x1 - 8 * math.cos(a - 0.45), y1 - 8 * math.sin(a - 0.45),
            x1 - 8 * math.cos(a + 0.45), y1 - 8 * math.sin(a + 0.45)]
    group.add(Polygon(head, fillColor=colors.black, strokeColor=None))


def pose_drawing(path: Path, arrows: bool = True) -> Drawing:
    """A pose file's key points as a reportlab Drawing, in centimetres as points."""
    pose = read_yaml(path)
    group = Group()
    props = pose.get("props") or []
    for prop in props:
        if prop.get("layer", "back") == "back":
            _prop(prop, group)
    for kind, limbs in (("arm", pose.get("arms") or {}), ("leg", pose.get("legs") or {})):
        if "far" in limbs:
            _tube(limbs["far"], LIMB_RADIUS[kind], 0.78, group)
    _tube([pose["head"], *pose["torso"]], TORSO_RADIUS, 1.0, group)
    group.add(Circle(pose["head"][0], pose["head"][1], HEAD_RADIUS, fillColor=colors.white,
                     strokeColor=colors.black, strokeWidth=OUTLINE))
    for prop in props:
        if prop.get("layer") == "middle":
            _prop(prop, group)
    for kind, limbs in (("leg", pose.get("legs") or {}), ("arm", pose.get("arms") or {})):
        if "near" in limbs:
            _tube(limbs["near"], LIMB_RADIUS[kind], 1.0, group)
    for prop in props:
        if prop.get("layer") == "front":
            _prop(prop, group)
    if arrows:
        for arrow in pose.get("arrows") or []:
            _arrow(arrow, group)
    x0, y0, x1, y1 = group.getBounds()
    if pose.get("floor", True):
        group.add(Rect(x0 - 14, -2.6, x1 - x0 + 28, 2.6, fillColor=colors.black, strokeColor=None))
        group.add(Line(x0 - 14, 0, x1 + 14, 0, strokeWidth=0.1))
    x0, y0, x1, y1 = group.getBounds()
    group.translate(-x0, -y0)
    drawing = Drawing(x1 - x0, y1 - y0)
    drawing.add(group)
    return drawing


class Pictures:
    """Every picture by key, each `Drawing` made once per process."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.poses = {p.stem: p for folder in pose_folders(content) for p in folder.glob("*.yaml")}
        self.drawings: dict[str, Drawing] = {}

    @functools.cache  # noqa: B019 - one Pictures per process
    def pose_title(self, name: str) -> str:
        """A pose's title: the caption when a step names the pose alone."""
        return str(read_yaml(self.poses[name])["title"])

    def drawing(self, key: str) -> Drawing:
        if key not in self.drawings:
            kind, _, name = key.partition(":")
            if kind == "svg":
                from svglib.svglib import svg2rlg

                self.drawings[key] = svg2rlg(str(self.content / name))
            else:
                self.drawings[key] = pose_drawing(self.poses[name], arrows=kind == "pose")
        return self.drawings[key]


class FormFlowable(Flowable):
    """A drawing scaled into a box; its operators written once per document as a form XObject."""

    def __init__(self, pictures: Pictures, key: str, width: float, height: float) -> None:
        super().__init__()
        self.pictures, self.key = pictures, key
        drawing = pictures.drawing(key)
        self.scale = min(width / drawing.width, height / drawing.height)
        self.box = (width, drawing.height * self.scale)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.box

    def draw(self) -> None:
        canvas = self.canv
        name = "pic-" + "".join(c if c.isalnum() else "-" for c in self.key)
        if not canvas.hasForm(name):
            drawing = self.pictures.drawing(self.key)
            canvas.beginForm(name, 0, 0, drawing.width, drawing.height)
            renderPDF.draw(drawing, canvas, 0, 0, showBoundary=False)
            canvas.endForm()
        canvas.saveState()
        canvas.translate((self.box[0] - self.pictures.drawing(self.key).width * self.scale) / 2, 0)
        canvas.scale(self.scale, self.scale)
        canvas.doForm(name)
        canvas.restoreState()


# --- the book ------------------------------------------------------------------------


class TocMark(Flowable):
    """An invisible contents entry (a part of the book), as the handbook's anchors."""

    def __init__(self, level: int, text: str) -> None:
        super().__init__()
        self.toc_level, self.text = level, text

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class Handbook(BaseDocTemplate):
    """A4, the handbook's column and margins; headings go to the contents and the bookmarks."""

    def __init__(self, filename: str, book: dict[str, Any]) -> None:
        side = (A4[0] - MEASURE) / 2
        super().__init__(filename, pagesize=A4, leftMargin=side, rightMargin=side, topMargin=MARGIN_TOP,
                         bottomMargin=MARGIN_BOTTOM, title=book["title"], author=book["clinic"]["name"],
                         invariant=1)
        self.book = book
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self.furniture)])
        self.marks = 0

    def furniture(self, canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("SourceSans", 9.5)
        canvas.drawString(self.leftMargin, 15 * mm, f"{self.book['clinic']['name']}  {self.book['clinic']['phone']}")
        canvas.drawRightString(self.leftMargin + self.width, 15 * mm, f"page {doc.page}")
        canvas.drawString(self.leftMargin, A4[1] - 15 * mm, self.book["title"])
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        text = flowable.text if isinstance(flowable, TocMark) else flowable.getPlainText()
        self.marks += 1
        key = f"m{self.marks}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level)
        self.notify("TOCEntry", (level, text, self.page, key))

    def beforeDocument(self) -> None:
        self.marks = 0


class Story:
    """The flowables of the book, part by part, as the handbook orders them."""

    def __init__(self, content: Path, book: dict[str, Any], routines: list[tuple[str, dict[str, Any]]],
                 topics: list[tuple[str, dict[str, Any]]]) -> None:
        self.content, self.book, self.routines, self.topics = content, book, routines, topics
        self.styles = make_styles()
        self.pictures = Pictures(content)
        self.titles = {slug: r["title"] for slug, r in routines} | {slug: t["title"] for slug, t in topics}
        self.out: list[Flowable] = []

    def p(self, text: object, style: str = "body", bullet: str | None = None) -> Paragraph:
        return Paragraph(esc(text), self.styles[style], bulletText=bullet)

    def add(self, *flowables: Flowable) -> None:
        self.out.extend(flowables)

    def items(self, texts: Iterable[object], style: str = "item") -> list[Flowable]:
        return [self.p(t, style, BULLET) for t in texts]

    def heading(self, text: str, style: str = "h1", level: int = 1) -> None:
        """A heading with its contents entry and bookmark (level 0: a part of the book)."""
        heading = self.p(text, style)
        heading.toc_level = level  # type: ignore[attr-defined]
        self.add(heading)

    def build(self) -> list[Flowable]:
        book = self.book
        self.add(Spacer(1, 100), self.p(book["title"], "cover-title"))
        if book.get("subtitle"):
            self.add(self.p(book["subtitle"], "cover-subtitle"))
        clinic = book["clinic"]
        self.add(self.p(book["edition"], "cover-detail"), Spacer(1, 200), self.p(clinic["name"], "cover-detail"),
                 self.p(f"Phone {clinic['phone']}", "cover-detail"), PageBreak())
        self.heading("How to use this handbook", level=0)
        self.add(self.p("Each routine has its steps, how much to do, and when to stop and call us."),
                 self.stop_box(["This handbook does not replace your clinician's advice."], "Read this first"))
        self.add(PageBreak(), self.p("Contents", "h1"), self.toc())
        for index, (slug, routine) in enumerate(self.routines):
            self.chapter(slug, routine, first=index == 0)
        if self.topics:
            self.add(PageBreak())
            self.heading("Questions and answers", level=0)
            for slug, topic in self.topics:
                self.topic(slug, topic)
        self.add(PageBreak())
        self.heading("Where the advice comes from", level=0)
        for owner in (*(r for _, r in self.routines), *(t for _, t in self.topics)):
            self.add(*self.sources(owner["sources"], notes=False))
        self.add(PageBreak())
        self.heading("Notes", level=0)
        return self.out

    def toc(self) -> TableOfContents:
        toc = TableOfContents()
        toc.levelStyles = [self.styles["toc-part"], self.styles["toc"]]
        toc.dotsMinLevel = 0
        return toc

    def picture(self, spec: Any, width: float, height: float) -> tuple[Flowable, str]:
        """A step's or a routine's picture and its caption."""
        if isinstance(spec, str):
            spec = {"pose": spec}
        if "pose" in spec:
            name = spec["pose"]
            key = f"{'pose' if spec.get('arrows', True) else 'still'}:{name}"
            caption = spec.get("caption") or self.pictures.pose_title(name)
            return FormFlowable(self.pictures, key, width, height), caption
        file = spec["file"]
        if file.lower().endswith(".svg"):
            return FormFlowable(self.pictures, f"svg:{file}", width, height), spec["caption"]
        image = Image(str(self.content / file))
        scale = min(1.0, width / image.imageWidth, height / image.imageHeight)  # at most a pixel a point
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        return image, spec["caption"]

    def beside(self, step: Flowable, spec: Any) -> Flowable:
        width = MEASURE
        column = round(PICTURE_COLUMN * width)
        flowable, caption = self.picture(spec, column - PICTURE_GAP, PICTURE_HEIGHT)
        table = Table([[step, [flowable, self.p(caption, "caption-beside")]]], colWidths=[width - column, column],
                      hAlign="LEFT")
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6), ("LEFTPADDING", (1, 0), (1, 0), PICTURE_GAP)])
        return table

    def stop_box(self, items: Iterable[str], title: str = "Stop and call us if") -> Table:
        clinic = self.book["clinic"]
        rows = [[self.p(title, "box-title")], *([f] for f in self.items(items, "box-item")),
                [self.p(f"Call {clinic['name']}: {clinic['phone']}", "box-note")]]
        table = Table(rows, colWidths=[MEASURE])
        table.setStyle([("BOX", (0, 0), (-1, -1), 1.5, colors.black), ("BACKGROUND", (0, 0), (-1, -1), TINT),
                        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10)])
        return table

    def sources(self, sources: list[dict[str, Any]], notes: bool) -> list[Flowable]:
        out = []
        for source in sources:
            text = f"<b>{esc(source['title'])}</b>"
            if notes and source.get("note"):
                text += f". {esc(source['note'])}"
            out.append(Paragraph(text, self.styles["source"], bulletText=BULLET))
        return out

    def chapter(self, slug: str, r: dict[str, Any], first: bool) -> None:
        self.add(PageBreak())
        if first:
            self.add(TocMark(0, "Routines"))
        self.heading(r["title"])
        self.add(self.p(r["summary"], "lead"), self.p("Who it is for, and when", "h2"), self.p(r["when"]))
        if r.get("caution"):
            self.add(self.p("Good to know", "h2"), *(self.p(p) for p in paragraphs(r["caution"])))
        self.add(self.p("How much", "h2"), *(self.p(s, "dose") for s in dose_sentences(r["dose"])), Spacer(1, 6))
        self.add(self.p("What you need", "h2"))
        self.add(*(self.items(r["equipment"]) if r["equipment"] else [self.p("Nothing.")]))
        spec = r.get("picture") or r.get("figure")
        if spec:
            flowable, caption = self.picture(spec, MEASURE, 0.4 * (A4[1] - MARGIN_TOP - MARGIN_BOTTOM))
            self.add(KeepTogether([Spacer(1, 4), flowable, self.p(caption, "caption")]))
        self.add(self.p("Steps", "h2"))
        for number, step in enumerate(r["steps"], start=1):
            if isinstance(step, str):
                self.add(self.p(step, "step", f"{number}."))
                continue
            text = esc(step["text"])
            if step.get("hold_seconds"):
                hold = step["hold_seconds"]
                amount = f"{hold[0]} to {hold[1]}" if isinstance(hold, list) else hold
                text += f"<br/><b>Hold for {amount} seconds.</b>"
            paragraph = Paragraph(text, self.styles["step"], bulletText=f"{number}.")
            spec = step.get("picture") or step.get("figure")
            self.add(self.beside(paragraph, spec) if spec else paragraph)
        for title, key in (("Tips", "tips"), ("Avoid", "avoid")):
            if r.get(key):
                self.add(self.p(title, "h2"), *self.items(r[key]))
        self.add(Spacer(1, 10), self.stop_box(r["stop_if"]))
        if r.get("link"):
            self.add(self.p("Watch and read more", "h2"), self.p("Scan the code with a phone, or type:", "link"),
                     self.p(r["link"], "link"))
        if r.get("related_faq"):
            self.add(self.p("Questions and answers", "h2"), *(self.p(self.titles[s], "toc") for s in r["related_faq"]))
        self.add(self.p("Where this comes from", "h2"), *self.sources(r["sources"], notes=True))
        review = r.get("reviewed") or self.book["reviewed"]
        on = review.get("on", review.get(True))  # PyYAML reads the key `on` as YAML 1.1's true
        self.add(self.p(f"Version {r['version']}, reviewed on {on} by {review['by']}.", "small"))

    def topic(self, slug: str, t: dict[str, Any]) -> None:
        self.add(CondPageBreak(0.3 * (A4[1] - MARGIN_TOP - MARGIN_BOTTOM)))
        self.heading(t["title"], "topic")
        if t.get("intro"):
            self.add(*(self.p(p) for p in paragraphs(t["intro"])))
        for question in t["questions"]:
            self.add(self.p(question["question"], "question"), *(self.p(p) for p in paragraphs(question["answer"])))
            for see in question.get("see") or []:
                self.add(Paragraph(f"See <b>{esc(self.titles[see])}</b>.", self.styles["toc"]))
        self.add(self.p("Where these answers come from", "h2"), *self.sources(t["sources"], notes=False))


def dose_sentences(dose: dict[str, Any]) -> list[str]:
    """The dose in plain words, one sentence per number."""
    words = {"hold_seconds": "Hold for {} seconds", "minutes": "{} minutes", "breaths": "{} slow breaths",
             "reps": "Repeat {} times", "sets": "{} sets", "rest_seconds": "Rest {} seconds between sets",
             "times_per_day": "{} times a day", "days_per_week": "{} days a week", "weeks": "For {} weeks"}
    out = []
    for key, template in words.items():
        if key in dose:
            value = dose[key]
            out.append(template.format(f"{value[0]} to {value[1]}" if isinstance(value, list) else value) + ".")
    if dose.get("per_side"):
        out.append("On each side.")
    if dose.get("note"):
        out.append(" ".join(str(dose["note"]).split()))
    return out


def build(content: Path, out: Path) -> tuple[int, int]:
    """Read `content`, lay it out with multiBuild, write `out`; the number of pages and of layout passes."""
    register_fonts()
    book, routines, topics = load_content(content)
    story = Story(content, book, routines, topics).build()
    doc = Handbook(str(out), book)
    passes = doc.multiBuild(story)
    return doc.page, passes


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--content", type=Path, required=True, help="a content folder (book.yaml, routines, faq/)")
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    args = parser.parse_args()
    start = time.perf_counter()
    pages, passes = build(args.content, args.out)
    print(f"wrote {args.out} ({pages} pages, {passes} passes, {time.perf_counter() - start:.2f} s)")


if __name__ == "__main__":
    main()
