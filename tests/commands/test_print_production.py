"""Booklets and 2-up cards, read back: sheet size, page order, two cards a sheet, type at 100%."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.layout.book.story import render_handbook
from handbook.layout.card import render_card, request_for
from handbook.layout.styles import MIN_MARGIN
from handbook.model import Content
from handbook.output.impose import booklet, booklet_order
from tests import pdfcheck
from tests.conftest import card_lines, make_overlong

A4_LANDSCAPE = (841.8898, 595.2756)
LETTER_LANDSCAPE = (792.0, 612.0)
A5 = (419.5276, 595.2756)
FOLIO = re.compile(r"page(\d+)of(\d+)$")  # spaces squeezed out


@pytest.fixture(scope="module")
def a5_book(sample_content: Content) -> bytes:
    """The handbook laid out on A5 pages as a booklet (notes pages and a back cover at the end): what the
    booklet is made of."""
    return render_handbook(sample_content, "a5", booklet=True).data


@pytest.fixture(scope="module")
def imposed(a5_book: bytes) -> bytes:
    return booklet(a5_book, "a5")


def halves(pdf: bytes, sheet_width: float) -> list[tuple[str, str]]:
    """Per sheet side: the text of its left and right half, spaces squeezed out."""
    out = []
    for number in range(1, pdfcheck.page_count(pdf) + 1):
        chars = [c for c in pdfcheck.chars(pdf) if c.page == number]
        left = [c.text for c in chars if c.x1 <= sheet_width / 2]
        right = [c.text for c in chars if c.x0 >= sheet_width / 2]
        assert len(left) + len(right) == len(chars)  # nothing straddles the fold
        out.append(("".join("".join(left).split()), "".join("".join(right).split())))
    return out


def page_number(text: str, title: str, clinic: str, total: int) -> int | None:
    """Which page of the book a half shows: its folio, 1 for the cover, the last for the back cover
    (which starts with the clinic's name), None when blank."""
    if not text:
        return None
    match = FOLIO.search(text)
    if match:
        return int(match[1])
    if text.startswith(squeezed(clinic)):
        return total
    assert text.startswith(squeezed(title)), text[:40]
    return 1


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_booklet_pages_are_a5_with_print_margins_and_the_same_type(a5_book: bytes, sample_content: Content) -> None:
    assert set(pdfcheck.page_sizes(a5_book)) == {A5}
    assert pdfcheck.chars_outside_margins(a5_book, MIN_MARGIN) == []
    body = render_handbook(sample_content, "a4").data
    assert set(c.size for c in pdfcheck.chars(a5_book)) == set(c.size for c in pdfcheck.chars(body))


def test_booklet_sheets_fold_into_reading_order(imposed: bytes, a5_book: bytes, sample_content: Content) -> None:
    pages = pdfcheck.page_count(a5_book)
    assert pages % 4 == 0  # notes pages make it so: nothing is padded with blank pages
    assert set(pdfcheck.page_sizes(imposed)) == {A4_LANDSCAPE}
    assert pdfcheck.page_count(imposed) == pages // 2  # two sides a sheet, two pages a side
    book = sample_content.book
    sides = [tuple(page_number(text, book.title, book.clinic.name, pages) for text in pair)
             for pair in halves(imposed, A4_LANDSCAPE[0])]
    assert sides == [tuple(None if i is None else i + 1 for i in pair) for pair in booklet_order(pages)]
    assert sides[0] == (pages, 1) and sides[1] == (2, pages - 1)  # the back cover beside the front
    # Print double-sided, stack the sheets in order, fold: read front right, back left of
    # each sheet, then back right and front left of each sheet from the innermost out.
    fronts, backs = sides[0::2], sides[1::2]
    reading = [p for front, back in zip(fronts, backs, strict=True) for p in (front[1], back[0])]
    reading += [p for front, back in reversed(list(zip(fronts, backs, strict=True))) for p in (back[1], front[0])]
    assert reading == list(range(1, pages + 1))


def test_a_booklet_ends_with_notes_pages_and_the_clinic_on_its_back_cover(imposed: bytes, a5_book: bytes,
                                                                           sample_content: Content) -> None:
    """Read on the imposed sheets, where `booklet_order` puts each page: every page after the book's own
    notes page, but the last, is a notes page (its heading, ruled lines); the last is the back cover."""
    pages = pdfcheck.page_count(a5_book)
    notes = next(e.page for e in pdfcheck.outline(a5_book) if e.title == "Notes")
    assert notes is not None and pages - 1 - notes == 2  # 37 pages of the book, 2 notes pages, the back cover
    where = {page: (sheet, slot) for sheet, pair in enumerate(booklet_order(pages), start=1)
             for slot, page in enumerate(pair) if page is not None}
    for page in range(notes + 1, pages):
        sheet, slot = where[page - 1]
        lines = half_lines(imposed, sheet, slot, A4_LANDSCAPE[0])
        assert lines[:2] == ["Notes", "Notes"] and FOLIO.search("".join(lines[-1].split())), lines  # header, heading
        assert len(lines) == 3  # nothing else is written on it
        assert ruled_lines(imposed, sheet, slot, A4_LANDSCAPE[0]) >= 10
    sheet, slot = where[pages - 1]
    clinic = sample_content.book.clinic
    back = half_lines(imposed, sheet, slot, A4_LANDSCAPE[0])
    assert (sheet, slot) == (1, 0)  # the left half of the first sheet's front, beside the front cover
    assert back[:5] == ["Riverside Physiotherapy", "(sample clinic)", f"Phone: {clinic.phone}", clinic.website,
                        clinic.email]
    assert clinic.address is not None and back[5] == clinic.address
    assert back[-3:] == [sample_content.book.title, sample_content.book.edition,
                         "This handbook does not replace your clinician's advice."]
    assert not any(FOLIO.search("".join(line.split())) for line in back)  # a cover: no header, no footer


@pytest.mark.parametrize(("content", "paper", "large"), [("sample", "a5", True), ("minimal", "a5", False),
                                                          ("minimal", "half-letter", True)])
def test_notes_pages_make_every_booklet_a_multiple_of_four(content: str, paper: str, large: bool,
                                                          sample_content: Content) -> None:
    from handbook.content.loader import load_content
    from tests.conftest import DATA

    loaded = sample_content if content == "sample" else load_content(DATA / content)
    pdf = render_handbook(loaded, paper, large, booklet=True).data
    pages = pdfcheck.page_count(pdf)
    notes = next(e.page for e in pdfcheck.outline(pdf) if e.title == "Notes")
    assert notes is not None and pages % 4 == 0 and pages - 1 - notes == -(notes + 1) % 4
    texts = pdfcheck.page_texts(pdf)
    assert all(text.splitlines()[:2] == ["Notes", "Notes"] for text in texts[notes:-1])
    clinic = loaded.book.clinic
    back = " ".join(texts[-1].split())
    for detail in (clinic.name, f"Phone: {clinic.phone}", clinic.website, clinic.email, clinic.address):
        assert detail is None or " ".join(detail.split()) in back, detail
    assert render_handbook(loaded, paper, large).pages == notes  # the handbook itself: no notes pages, no back


def half_lines(pdf: bytes, sheet: int, slot: int, sheet_width: float) -> list[str]:
    """The lines of text on one half (slot 0 left, 1 right) of a sheet side, top to bottom."""
    rows: dict[float, list[pdfcheck.Char]] = {}
    for c in pdfcheck.chars(pdf):
        if c.page == sheet and (c.x0 >= sheet_width / 2) == bool(slot) and c.text.strip():
            rows.setdefault(round(c.origin_y, 1), []).append(c)
    out = []
    for _, row in sorted(rows.items(), key=lambda item: -item[0]):
        row.sort(key=lambda c: c.x0)
        text = ""
        for before, c in zip([None, *row], row, strict=False):
            text += (" " if before is not None and c.x0 - before.x1 > 0.15 * c.size else "") + c.text
        out.append(text)
    return out


def ruled_lines(pdf: bytes, sheet: int, slot: int, sheet_width: float) -> int:
    """How many long horizontal lines are drawn on one half of a sheet side (pdfplumber)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[sheet - 1]
        return sum(1 for line in page.lines if line["top"] == line["bottom"]
                   and (line["x0"] >= sheet_width / 2) == bool(slot) and line["x1"] - line["x0"] > 200)


def test_booklet_type_is_placed_at_100_percent(imposed: bytes, a5_book: bytes) -> None:
    gutter = (A4_LANDSCAPE[0] - 2 * A5[0]) / 2
    first = [c for c in pdfcheck.chars(a5_book) if c.page == 1]  # the cover: right half of sheet 1's front
    on_sheet = [c for c in pdfcheck.chars(imposed) if c.page == 1 and c.x0 >= A4_LANDSCAPE[0] / 2]
    assert len(on_sheet) == len(first)
    for page_char, sheet_char in zip(first, on_sheet, strict=True):
        assert sheet_char.size == page_char.size
        assert sheet_char.x1 - sheet_char.x0 == pytest.approx(page_char.x1 - page_char.x0, abs=0.01)
        assert sheet_char.origin_x == pytest.approx(page_char.origin_x + gutter + A5[0], abs=0.01)


def test_build_booklet_writes_both_files(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--booklet"])
    assert result.exit_code == 0, result.output
    handbook = Path("output/handbook.pdf").read_bytes()
    folded = Path("output/handbook-booklet.pdf").read_bytes()
    sheets = pdfcheck.page_count(folded) // 2
    lines = card_lines(result.output).splitlines()
    assert lines[0] == f"wrote output/handbook.pdf ({pdfcheck.page_count(handbook)} pages)"
    assert re.fullmatch(rf"wrote output/handbook-booklet\.pdf \({sheets * 4} A5 pages on {sheets} A4 sheets, "
                        r"printed on both sides; fold and staple\)", lines[1])
    assert len(lines) == 2
    assert set(pdfcheck.page_sizes(handbook)) == {(595.2756, 841.8898)}
    assert set(pdfcheck.page_sizes(folded)) == {A4_LANDSCAPE}


def test_letter_booklet_is_half_letter_on_letter(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--booklet", "--paper", "letter", "--large-print"])
    assert result.exit_code == 0, result.output
    assert "wrote output/handbook-large-booklet.pdf (" in result.output and " half-letter pages" in result.output
    folded = Path("output/handbook-large-booklet.pdf").read_bytes()
    assert set(pdfcheck.page_sizes(folded)) == {LETTER_LANDSCAPE}
    assert pdfcheck.page_count(folded) % 2 == 0
    assert max(c.size for c in pdfcheck.chars(folded) if "page" not in c.text) >= 18
    assert sorted(p.name for p in Path("output").iterdir()) == ["handbook-large-booklet.pdf", "handbook-large.pdf"]


# --- 2-up cards ----------------------------------------------------------------------------


def test_cards_2up_are_two_a5_cards_a_sheet_with_cut_marks(content_dir: Path, sample_content: Content) -> None:
    result = CliRunner().invoke(cli, ["cards", "--2up"])
    assert result.exit_code == 0, result.output
    assert result.output == ("wrote output/cards-2up.pdf (4 cards on 4 A4 sheets; print double-sided, flipping on "
                             "the short edge, then cut along the marks)\n")
    assert not Path("output/cards").exists()  # one file, not a file per card
    sheet = Path("output/cards-2up.pdf").read_bytes()
    assert pdfcheck.page_sizes(sheet) == [A4_LANDSCAPE] * 8  # 4 sheets, both sides
    titles = [squeezed(r.title) for r in sample_content.routines]
    # each card has 3 sides: its front and back on one half-sheet, its third side alone on the other;
    # the back side of a sheet is swapped left for right, so a back lands behind its front
    sides = list(halves(sheet, A4_LANDSCAPE[0]))
    for number, title in enumerate(titles):
        (front_left, front_right), (back_left, back_right) = sides[2 * number], sides[2 * number + 1]
        assert front_left.startswith(title) and not front_left.startswith(title + "(continued)"), number
        assert front_right.startswith(title + "(continued)"), number
        assert back_left == "" and back_right.startswith(title + "(continued)"), number
    a5_card = render_card(request_for(sample_content, sample_content.routines[0], "a5"))
    first = [c for c in pdfcheck.chars(a5_card) if c.page == 1]
    on_sheet = [c for c in pdfcheck.chars(sheet) if c.page == 1 and c.x1 <= A4_LANDSCAPE[0] / 2]
    assert [(c.text, c.size, round(c.x1 - c.x0, 2)) for c in on_sheet] == [
        (c.text, c.size, round(c.x1 - c.x0, 2)) for c in first]  # the A5 card at 100%
    with pdfplumber.open(io.BytesIO(sheet)) as doc:
        lines = doc.pages[0].lines
    centre = A4_LANDSCAPE[0] / 2
    marks = sorted((round(line["top"]), round(line["bottom"])) for line in lines
                   if abs(line["x0"] - centre) < 0.1 and abs(line["x1"] - centre) < 0.1)
    assert marks == [(0, 23), (573, 595)]  # 8 mm from each edge, on the cut, inside the cards' 13.5 mm margins
    assert all(line["x1"] < centre - 30 or line["x0"] > centre + 30 for line in lines if line not in
               [m for m in lines if abs(m["x0"] - centre) < 0.1])  # no card's rule reaches the cut


def test_duplex_order_puts_each_back_behind_its_front() -> None:
    from handbook.output.impose import duplex_order

    # cards of 1, 2 and 3 sides: pages 0 | 1 2 | 3 4 5; leaves (0,-) (1,2) (3,4) (5,-)
    assert duplex_order([1, 2, 3]) == [(0, 1), (2, None), (3, 5), (None, 4)]


def test_cards_2up_on_letter_are_half_letter_and_refuse_what_does_not_fit(
        content_dir: Path, edit: Callable[[Path, str, str], None]) -> None:
    make_overlong(content_dir / "psoas-release.yaml")
    result = CliRunner().invoke(cli, ["cards", "--2up", "--paper", "letter"])
    assert result.exit_code == 1
    assert "does not fit on 4 sides of half-letter with 14 pt text" in result.stderr
    assert result.stdout == ("wrote output/cards-2up.pdf (3 cards on 3 Letter sheets; print double-sided, flipping "
                             "on the short edge, then cut along the marks)\n")
    sheet = Path("output/cards-2up.pdf").read_bytes()
    assert pdfcheck.page_sizes(sheet) == [LETTER_LANDSCAPE] * 6
