"""Card text: the quick paths give exactly what the general ones give (lines, PDF operators)."""

from __future__ import annotations

import itertools
import random

import pytest
from reportlab.pdfgen.canvas import Canvas

from handbook.layout import styles
from handbook.layout.card.text import (
    Line,
    Piece,
    Unit,
    break_lines,
    text_width,
    words_of,
)
from handbook.pdf.cardops import draw_lines, draw_string, stroke_line, stroke_rect

WORDS = ("slowly", "gently", "breathe", "relax", "hold", "knee", "hip", "back", "foot", "pillow", "Zoë", "O'Neil",
         "–", "“so”", "30", "×", "https://example.org/a-very-long-address-that-is-wider-than-any-column-of-a-card")


def _random_units(rng: random.Random) -> list[Unit]:
    fonts = (styles.FONT, styles.FONT_BOLD)
    size = rng.choice((12.0, 12.5, 14.0, 16.0, 28.0))
    mixed = rng.random() < 0.5
    return [((Piece(rng.choice(WORDS), rng.choice(fonts) if mixed else fonts[0],
                    18.0 if rng.random() < 0.1 else size),),) for _ in range(rng.randint(0, 30))]


def _plain(lines: list[Line]) -> list[tuple[object, ...]]:
    return [(line.height, line.baseline, line.width, [(p.x, p.piece) for p in line.pieces]) for line in lines]


def test_lines_keep_every_word_in_order_fit_their_width_and_are_filled_greedily() -> None:
    """On random text (one font or two, three sizes, words too long for any line), by either path."""
    styles.register_fonts()
    rng = random.Random(7)
    for _ in range(800):
        units = _random_units(rng)
        width, ratio = rng.uniform(20, 500), rng.choice((1.1, 1.25, 1.3))
        lines = break_lines(units, width, ratio)
        words = [piece.text for unit in units for word in unit for piece in word]
        printed = [placed.piece.text for line in lines for placed in line.pieces]
        assert "".join(printed).replace(" ", "") == "".join(words)  # nothing lost, nothing added, in order
        for line in lines:
            assert line.width <= width + 0.01 or len(line.pieces) == 1, (units, width)  # only a lone too-long piece
            last = line.pieces[-1]
            assert line.width == pytest.approx(last.x + text_width(last.piece.text, last.piece.font, last.piece.size))
        for line, following in itertools.pairwise(lines):
            first = following.pieces[0].piece
            word = first.text.split(" ")[0]
            if word not in words or text_width(word, first.font, first.size) > width + 0.01:
                continue  # part of a word too long for any line, broken between its characters
            room = width + 0.01 - line.width
            assert text_width(" " + word, first.font, first.size) > room, (line, following)  # else it had joined


def _reportlab_text(canv: Canvas, lines: list[Line], x: float, top: float) -> None:
    """What draw_lines did with reportlab's text object, before it wrote the operators itself."""
    text = canv.beginText()
    font = None
    y = top
    for line in lines:
        for placed in line.pieces:
            piece = placed.piece
            if font != (piece.font, piece.size):
                font = (piece.font, piece.size)
                text.setFont(piece.font, piece.size)
            text.setTextOrigin(x + placed.x, y - line.baseline)
            text.textOut(piece.text)
        y -= line.height
    canv.drawText(text)


def test_draw_lines_writes_the_operators_of_reportlabs_text_object() -> None:
    styles.register_fonts()
    texts = ["Hold for 30 seconds (or less) \\ then rest.", "Zoë Łukasz O'Neil – “only” × 2…", "Tips", ""]
    for text in texts:
        units = words_of(text, styles.FONT, 14) + words_of("Breathe out.", styles.FONT_BOLD, 14)
        lines = break_lines(units, 120.0, 1.25)
        ours, theirs = Canvas(None), Canvas(None)
        draw_lines(ours, lines, 10.5, 700.25)
        _reportlab_text(theirs, lines, 10.5, 700.25)
        assert ours._code == theirs._code, text
        assert ours._doc.fontMapping == theirs._doc.fontMapping


def test_strings_boxes_and_lines_are_written_as_reportlabs_canvas_writes_them() -> None:
    styles.register_fonts()
    ours, theirs = Canvas(None), Canvas(None)
    for canv in (ours, theirs):
        canv.setFont(styles.FONT_BOLD, 12.5)
    for text in ("3.", "Week 4", "Mon", "(a) \\ b", "Zoë – “Ł”", ""):
        draw_string(ours, 10.25, 500.5, text)
        theirs.drawString(10.25, 500.5, text)
        draw_string(ours, 100.0, 480.0, text, centred=True)
        theirs.drawCentredString(100.0, 480.0, text)
    stroke_rect(ours, 12.5, 30.0, 23.24, 23.24)
    theirs.rect(12.5, 30.0, 23.24, 23.24, stroke=1, fill=0)
    stroke_line(ours, 0, 1.5, 200.123456, 1.5)
    theirs.line(0, 1.5, 200.123456, 1.5)
    assert ours._code == theirs._code
    assert ours._doc.fontMapping == theirs._doc.fontMapping
