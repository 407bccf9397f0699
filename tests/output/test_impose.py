"""Imposition: booklet page order, 2-up geometry, 100% scale, reproducible bytes."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas

from handbook.layout.styles import FONT, register_fonts
from handbook.output.impose import CUT_MARK, booklet, booklet_order, two_up

HALF_LETTER = (396.0, 612.0)


def numbered_pages(count: int, size: tuple[float, float] = A5) -> bytes:
    """A PDF whose page N shows 'PN' at 40 pt, 100 pt from the left edge."""
    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, invariant=1)
    for number in range(1, count + 1):
        pdf.setFont(FONT, 40)
        pdf.drawString(100, 300, f"P{number}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def sides(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    """Per sheet side: (text, x of its left edge, font size), left to right."""
    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        text = page.get_textpage()
        words = []
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char == "P":
                left, _, _, _ = text.get_charbox(index)
                number = ""
                for follow in range(index + 1, text.count_chars()):
                    digit = text.get_text_range(follow, 1)
                    if not digit.isdigit():
                        break
                    number += digit
                words.append((f"P{number}", left, pdfium.raw.FPDFText_GetFontSize(text.raw, index)))
        out.append(sorted(words, key=lambda w: w[1]))
    return out


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (4, [(3, 0), (1, 2)]),
        (8, [(7, 0), (1, 6), (5, 2), (3, 4)]),
        (6, [(None, 0), (1, None), (5, 2), (3, 4)]),
        (1, [(None, 0), (None, None)]),
    ],
)
def test_booklet_order_pads_to_a_multiple_of_four(pages: int, expected: list[tuple[int | None, int | None]]) -> None:
    assert booklet_order(pages) == expected


def test_folded_booklet_reads_in_order() -> None:
    imposed = booklet(numbered_pages(8), "a5")
    texts = [[word for word, _, _ in side] for side in sides(imposed)]
    assert texts == [["P8", "P1"], ["P2", "P7"], ["P6", "P3"], ["P4", "P5"]]
    # Fold the stack: the inner halves of each sheet, in sheet order, read 1..8.
    reading = []
    for sheet in range(2):
        front, back = texts[2 * sheet], texts[2 * sheet + 1]
        reading += [front[1], back[0]]
    for sheet in reversed(range(2)):
        front, back = texts[2 * sheet], texts[2 * sheet + 1]
        reading += [back[1], front[0]]
    assert reading == [f"P{n}" for n in range(1, 9)]


def test_booklet_sheets_are_a4_landscape_and_pages_keep_their_size() -> None:
    imposed = booklet(numbered_pages(4), "a5")
    reader = PdfReader(io.BytesIO(imposed))
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (841.9, 595.3)
    (left, right) = sides(imposed)[0]
    assert left[2] == pytest.approx(40, abs=0.01) and right[2] == pytest.approx(40, abs=0.01)  # 100%, not scaled
    gutter = (841.8898 - 2 * A5[0]) / 2
    assert left[1] == pytest.approx(gutter + 100, abs=6)  # glyph box: P has a left bearing
    assert right[1] == pytest.approx(gutter + A5[0] + 100, abs=6)


def test_half_letter_on_letter() -> None:
    imposed = booklet(numbered_pages(4, HALF_LETTER), "half-letter")
    page = PdfReader(io.BytesIO(imposed)).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (792.0, 612.0)


def test_two_up_keeps_reading_order_and_draws_cut_marks_in_the_margin() -> None:
    imposed = two_up(numbered_pages(3), "a5")
    assert [[w for w, _, _ in side] for side in sides(imposed)] == [["P1", "P2"], ["P3"]]
    page = pdfium.PdfDocument(imposed)[0]
    marks = [obj for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH]
    assert len(marks) == 2
    for mark in marks:
        left, bottom, right, top = mark.get_bounds()
        assert abs((left + right) / 2 - 841.8898 / 2) < 1
        assert top - bottom <= CUT_MARK + 2  # plus the stroke
        assert bottom < 1 or top > 595.2756 - 1  # at the sheet's edge, in the margin


def test_imposition_is_reproducible() -> None:
    source = numbered_pages(5)
    assert booklet(source, "a5") == booklet(source, "a5")
    assert two_up(source, "a5") == two_up(source, "a5")
