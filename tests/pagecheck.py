"""How a long document is paginated, read back from the PDF: what each page holds, and the rules it breaks.

`pages(pdf)` describes every page as a reader sees it: its body lines (the running
header and footer left out), how full it is, its first and last lines, whether the
last line is a heading, the pictures on it, and the bookmark and chapter it belongs
to. `problems(pdf)` checks the pagination rules of the handbook against it and says,
in words, where each is broken. Everything comes from the file (`pdfcheck`: pdfium's
characters, pypdf's outline), nothing from the code that made it.

What the words mean here:

- A *heading* is a line set wholly in bold, at least a tenth larger than the body text
  (the commonest size): a question, a section's or a chapter's title, not a dose line
  ("Hold for 30 seconds.", bold and 15 pt on a 14 pt body).
- A *step* starts where a line opens with a bold number and a full stop ("3. Lie on
  your back") followed by regular type; a picture belongs to the step before it in
  reading order (a picture is placed by its middle, so one beside its step comes after
  the step's first line), until the next heading.
- *Fill* is how far down the text area the lowest line or picture reaches: 0 at the
  top of the text area, 1 at its foot. The text area is measured from the file too:
  from the highest first line to the lowest last line over all pages but the first.
- A *chapter* is a bookmark that starts on a page of its own; the caller names the
  bookmarks that are not chapters (FAQ topics, which follow one another on a page).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests import pdfcheck
from tests.pdfcheck import PdfLike

QUARTER = 0.25  # a page less full than this is "nearly empty"
FEW_LINES = 3  # a page of this many lines or fewer holds a stranded tail
HEADING = 1.1  # a bold line at least this many times the body's size is a heading (a dose line is not)
PICTURE_MIN = 30.0  # points: a form or image at least this tall is a picture (not a page number's form)
STEP = re.compile(r"(\d{1,2})\.(?: |$)")


@dataclass(frozen=True)
class Line:
    """One line of body text: its characters grouped by baseline."""

    text: str
    top: float  # points from the page's top
    bottom: float
    size: float  # the largest type on the line
    bold: bool  # every printed character bold
    step: int | None  # the step number it opens, if it opens one


@dataclass(frozen=True)
class Picture:
    """An image or a drawn form (a pose, an SVG drawing) on a page, points from the page's top."""

    top: float
    bottom: float


@dataclass
class Page:
    """What one page holds, as a reader sees it."""

    number: int
    lines: list[Line]
    pictures: list[Picture]
    fill: float = 0.0  # 0 at the top of the text area, 1 at its foot
    bookmark: str = ""  # the innermost bookmark in effect
    chapter: str = ""  # the chapter (a bookmark that starts on a new page) it belongs to
    opens_chapter: bool = False  # a chapter starts on this page
    last_of_chapter: bool = False  # the next page belongs to another chapter, or there is none
    headings: list[str] = field(default_factory=list)
    cover: bool = False  # a page with no running footer: the cover, a booklet's back cover
    lowest_path: float = 0.0  # the lowest line or shape drawn, points from the top
    area_top: float = 0.0  # the text area, the same on every page: its top, points from the page's top
    area_height: float = 1.0
    drawn_below: bool = False  # something is drawn under the last line of text (ruled lines, a box)

    @property
    def first(self) -> str:
        return self.lines[0].text if self.lines else ""

    @property
    def last(self) -> str:
        return self.lines[-1].text if self.lines else ""

    @property
    def last_is_heading(self) -> bool:
        """The page ends with a heading: nothing is drawn under its last line, which is a heading."""
        return bool(self.lines) and is_heading(self.lines[-1], self.body_size) and not self.drawn_below

    body_size: float = 0.0

    def describe(self) -> str:
        return (f"page {self.number} ({self.chapter or 'cover'}): {self.fill:.0%} full, {len(self.lines)} lines, "
                f"first {self.first!r}, last {self.last!r}")


def is_heading(line: Line, body_size: float) -> bool:
    return line.bold and line.size >= HEADING * body_size


def pages(pdf: PdfLike, not_chapters: frozenset[str] = frozenset()) -> list[Page]:
    """Every page of `pdf`, described (see the module's docstring); cached by content."""
    return _pages(pdfcheck._bytes(pdf), not_chapters)


@functools.lru_cache(maxsize=16)
def _pages(data: bytes, not_chapters: frozenset[str]) -> list[Page]:
    chars = pdfcheck.chars(data)
    count = pdfcheck.page_count(data)
    body_size = Counter(c.size for c in chars if c.text.strip()).most_common(1)[0][0]
    rows: dict[tuple[int, float], list[pdfcheck.Char]] = {}
    for c in chars:
        if c.text.strip():
            rows.setdefault((c.page, round(c.origin_y, 1)), []).append(c)
    lines: dict[int, list[tuple[float, Line]]] = {n: [] for n in range(1, count + 1)}
    for (page, baseline), row in rows.items():
        row.sort(key=lambda c: c.x0)
        words = ""
        previous = None
        for c in row:
            if previous is not None and c.x0 - previous.x1 > 0.15 * c.size:
                words += " "
            words += c.text
            previous = c
        words = " ".join(words.split())
        match = STEP.match(words)
        step = None
        if match and all("Bold" in c.font for c in row[:len(match.group(1)) + 1]) and (
                len(row) == len(match.group(1)) + 1 or "Bold" not in row[len(match.group(1)) + 1].font):
            step = int(match.group(1))
        lines[page].append((baseline, Line(words, min(c.top for c in row), max(c.bottom for c in row),
                                           max(c.size for c in row), all("Bold" in c.font for c in row), step)))
    # the running header and footer: the first and last line of most pages, always at the same height
    header = Counter(max(ls)[0] for ls in lines.values() if ls).most_common(1)[0][0]
    footer = Counter(min(ls)[0] for ls in lines.values() if ls).most_common(1)[0][0]
    out = []
    for number in range(1, count + 1):
        cover = number == 1 or not any(b == footer for b, _ in lines[number])  # no running footer
        body = [line for baseline, line in sorted(lines[number], key=lambda item: -item[0])
                if cover or baseline not in (header, footer)]
        pictures, lowest_path = _drawn(data)[number - 1]
        out.append(Page(number, body, pictures, body_size=body_size, cover=cover, lowest_path=lowest_path))
    inner = [p for p in out if p.lines and not p.cover]
    top = min(p.lines[0].top for p in inner)
    foot = max(p.lines[-1].bottom for p in inner)
    footer_top = min(line.top for n in range(2, count + 1) for b, line in lines[n] if b == footer)
    for page in out:
        lowest = max([line.bottom for line in page.lines] + [p.bottom for p in page.pictures], default=top)
        page.drawn_below = lowest + 1 < page.lowest_path < footer_top
        if page.drawn_below:  # ruled lines, a box's border: the page is as full as what is drawn on it
            lowest = page.lowest_path
        page.fill = max(0.0, (lowest - top) / (foot - top))
        page.area_top, page.area_height = top, foot - top
        page.headings = [line.text for line in page.lines if is_heading(line, body_size)]
    _chapters(data, out, not_chapters)
    return out


@functools.lru_cache(maxsize=16)
def _drawn(data: bytes) -> list[tuple[list[Picture], float]]:
    """Per page: its pictures (images and forms at least PICTURE_MIN tall), and the lowest path drawn
    (a rule, a box's border, a QR code, the notes page's lines), in points from the top."""
    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for page in doc:
            height = page.get_height()
            found = []
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
                _, bottom, _, top = obj.get_bounds()
                if top - bottom >= PICTURE_MIN:
                    found.append(Picture(height - top, height - bottom))
            paths = [height - obj.get_bounds()[1] for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH],
                                                                             max_depth=1)]
            out.append((sorted(found, key=lambda p: p.top), max(paths, default=0.0)))
        return out
    finally:
        doc.close()


def _chapters(data: bytes, out: list[Page], not_chapters: frozenset[str]) -> None:
    """Name each page's bookmark and chapter; mark the pages that open and close a chapter."""
    entries = [e for e in pdfcheck.outline(data) if e.page is not None]
    for page in out:
        here = [e for e in entries if e.page is not None and e.page <= page.number]
        if here:
            page.bookmark = here[-1].title
            chapters = [e for e in here if e.title not in not_chapters]
            page.chapter = chapters[-1].title if chapters else ""
            page.opens_chapter = any(e.page == page.number and e.title not in not_chapters for e in entries)
    for page, following in zip(out, [*out[1:], None], strict=True):
        page.last_of_chapter = following is None or following.chapter != page.chapter


def problems(pdf: PdfLike, not_chapters: frozenset[str] = frozenset()) -> list[str]:
    """Every place where the pagination rules are broken, one line each ("page 14 (...): ...").

    The rules: a chapter starts on a new page (its title is the page's first line); no page
    ends with a heading, or a step's number on its own, when its chapter goes on; the last
    step of a list is never alone at the top of a page; a step's picture is on the page of its
    step; a page that does not open a chapter holds more than FEW_LINES lines (or a picture)
    and is at least a quarter full, unless it is the very end (the last page before the back
    cover, if any); a page less than a quarter full is its chapter's last page. Covers (pages
    without the running footer) are laid out on their own and not checked.
    """
    book = pages(pdf, not_chapters)
    inner = [p for p in book if not p.cover]
    end = inner[-1].number if inner else 0
    found: list[str] = []
    entries = [e for e in pdfcheck.outline(pdf) if e.page is not None and e.title not in not_chapters]
    by_number = {p.number: p for p in book}
    for index, entry in enumerate(entries):
        page = by_number[entry.page]  # type: ignore[index]
        if any(e.page == entry.page for e in entries[index + 1:]):
            continue  # a part's bookmark on its first chapter's page ("Exercise routines")
        if not page.cover and not entry.title.startswith(page.first):
            found.append(f"{page.describe()}: chapter {entry.title!r} does not start the page")
    found += [f"{page.describe()}: a cover that runs on to another page" for page in book[1:-1] if page.cover]
    for page in inner:
        if page.last_is_heading and not page.last_of_chapter:
            found.append(f"{page.describe()}: ends with a heading")
        if page.lines and page.lines[-1].step is not None and STEP.fullmatch(page.last):
            found.append(f"{page.describe()}: ends with a step's number alone")
        few = len(page.lines) <= FEW_LINES and not page.pictures and not page.drawn_below
        if not page.opens_chapter and page.number < end and (few or page.fill < QUARTER):
            found.append(f"{page.describe()}: holds only the tail of the page before")
        if page.fill < QUARTER and not page.last_of_chapter:
            found.append(f"{page.describe()}: under a quarter full, and not its chapter's last page")
    found += _step_problems(book)
    return found


@dataclass
class _Block:
    """A step, or a heading, as read on the page: from its first line to the last thing before the next one."""

    page: int
    number: int  # the step's number; -1 for a heading
    chapter: str
    top: float
    bottom: float
    first_on_page: bool


def _step_problems(book: list[Page]) -> list[str]:
    """A step's picture away from its step; the last step of a list alone at the top of a page.

    The last step may go alone to the top of a page where nothing else works: when it and the
    step before (each with its picture) are together taller than a page, or when taking the
    step before along would leave the page before it less than a quarter full.
    """
    found = []
    events: list[tuple[int, float, str, Line | Picture]] = []  # page, top, kind, what
    for page in book:
        if page.cover:
            continue
        for line in page.lines:
            kind = "heading" if is_heading(line, page.body_size) else "step" if line.step is not None else "text"
            events.append((page.number, line.top, kind, line))
        for picture in page.pictures:
            # by its middle: a picture beside its step (tops aligned) comes after the step's first line
            events.append((page.number, (picture.top + picture.bottom) / 2, "picture", picture))
    events.sort(key=lambda e: (e[0], e[1]))
    by_number = {p.number: p for p in book}
    blocks: list[_Block] = []
    for page_number, _, kind, what in events:
        page = by_number[page_number]
        if kind in ("heading", "step"):
            assert isinstance(what, Line)
            first = bool(page.lines) and what is page.lines[0]
            number = -1 if kind == "heading" or what.step is None else what.step
            blocks.append(_Block(page_number, number, page.chapter, what.top, what.bottom, first))
        elif blocks and blocks[-1].page == page_number:
            blocks[-1].bottom = max(blocks[-1].bottom, what.bottom)
        if kind == "picture" and blocks and blocks[-1].number > 0 and blocks[-1].page != page_number:
            found.append(f"page {page_number} ({page.chapter}): the picture of step {blocks[-1].number} "
                         f"is not on the page of its step (page {blocks[-1].page})")
    for index, block in enumerate(blocks):
        if block.number < 2 or not block.first_on_page:
            continue
        before = blocks[index - 1]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        last_of_list = after is None or after.number == -1 or after.chapter != block.chapter
        if not (last_of_list and before.number == block.number - 1 and before.page == block.page - 1):
            continue
        page = by_number[block.page]
        if after is not None and after.page == block.page:
            block.bottom = after.top  # the step ends where the next heading starts
        together = (before.bottom - before.top) + (block.bottom - block.top) > page.area_height
        previous = by_number[before.page]
        above = [x.bottom for x in (*previous.lines, *previous.pictures) if x.bottom <= before.top]
        left_behind = (max(above, default=page.area_top) - page.area_top) / page.area_height < QUARTER
        if not (together or left_behind):
            found.append(f"page {block.page} ({block.chapter}): step {block.number}, the last of its list, is "
                         "alone at the top of the page")
    return found
