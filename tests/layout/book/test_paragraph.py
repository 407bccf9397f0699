"""The handbook's fast paragraph (`Text`) against reportlab's `Paragraph`, and its PDF read back.

`Text` promises reportlab's line breaking, split rules and placement, faster; these tests
hold it to that on the bundled content and on random text, and read drawn text back.
"""

from __future__ import annotations

import io
import random

import pypdfium2
import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from handbook.layout.book.paragraph import LINE_BREAK, Run, Text
from handbook.layout.styles import FONT_BOLD, FONT_ITALIC, handbook_styles
from handbook.model import Content
from tests import pdfcheck

WORDS = ("the", "psoas", "muscle", "lifts", "your", "knee", "(gently)", "and", "helps", "you", "walk.",
         "Hold", "for", "30", "seconds;", "breathe", "out", "slowly,", "let", "go", "pelvic-floor", "down-training",
         "R&D", "<knees>", "café", "naïve", "“quoted”", "it’s", "a\\b", "x" * 20)
WIDTHS = (396.0, 300.0, 180.0)
STYLES = ("body", "lead", "item", "step", "small", "caption", "toc", "box-item", "source")


def _texts(sample_content: Content) -> list[str]:
    texts = []
    for routine in sample_content.routines:
        texts += [routine.summary, routine.when, *(s.text for s in routine.steps), *routine.tips, *routine.avoid]
    for topic in sample_content.faq:
        texts += [q.question for q in topic.questions] + [p for q in topic.questions for p in q.answer]
    rng = random.Random(7)
    texts += [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 90))) for _ in range(60)]
    return texts


def _paragraph(text: str, style_name: str, bullet: str | None = None) -> Paragraph:
    """reportlab's Paragraph of plain text: one fragment in the style's face, no markup parsed."""
    style = handbook_styles()[style_name]
    words = " ".join(text.split())
    return Paragraph(words, style, bullet, frags=[Paragraph("x", style).frags[0].clone(text=words)])


def _reportlab_lines(text: str, style_name: str, bullet: str | None, width: float) -> list[str]:
    paragraph = _paragraph(text, style_name, bullet)
    paragraph.wrap(width, 1e6)
    return [" ".join(words) for _, words in paragraph.blPara.lines]


def _lines(text: Text) -> list[str]:
    return text.line_texts()


def test_lines_break_where_reportlab_breaks_them(sample_content: Content) -> None:
    for number, text in enumerate(_texts(sample_content)):
        style = STYLES[number % len(STYLES)]
        bullet = {"item": "\u2022", "box-item": "\u2022", "step": f"{number % 12 + 1}.", "source": "\u2022"}.get(style)
        for width in WIDTHS:
            fast = Text(text, handbook_styles()[style], bullet)
            _, height = fast.wrap(width, 1e6)
            expected = _reportlab_lines(text, style, bullet, width)
            assert _lines(fast) == expected, (style, width, text)
            assert height == len(expected) * handbook_styles()[style].leading


@pytest.mark.parametrize("lines", [1, 2, 3, 4, 7])
def test_splits_where_reportlab_splits_no_orphans_no_widows(lines: int) -> None:
    style = handbook_styles()["body"]
    words = " ".join(f"word{n}" for n in range(400))
    text = " ".join(words.split()[: lines * 9])
    for room in range(0, lines + 2):
        height = room * style.leading + 3
        fast, slow = Text(text, style), _paragraph(text, "body")
        fast.wrap(396, height)
        slow.wrap(396, height)
        fast_parts, slow_parts = fast.split(396, height), slow.split(396, height)
        assert len(fast_parts) == len(slow_parts), (lines, room)
        for fast_part, slow_part in zip(fast_parts, slow_parts, strict=True):
            assert fast_part.wrap(396, 1e6) == pytest.approx(slow_part.wrap(396, 1e6)), (lines, room)
        if len(fast_parts) == 2:
            assert len(fast_parts[0].lines) >= 2 and len(fast_parts[1].lines) >= 2  # no orphan, no widow
            assert _lines(fast_parts[0]) + _lines(fast_parts[1]) == _lines(fast)


def test_a_word_wider_than_the_line_is_cut_as_reportlab_cuts_it() -> None:
    style = handbook_styles()["item"]
    text = "before " + "x" * 300 + " after"
    fast = Text(text, style, "\u2022")
    assert fast.wrap(396, 1e6) == _paragraph(text, "item", "\u2022").wrap(396, 1e6)
    assert fast.line_count() > 3


def _drawn(*texts: Text) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=handbook_styles()["body"].fontName)
    y = 800.0
    for text in texts:
        _, height = text.wrap(400, 1e6)
        y -= height + 10
        text.drawOn(canvas, 60, y)
    canvas.save()
    return buffer.getvalue()


def test_text_is_printed_exactly_as_written() -> None:
    written = ["Knees <bend> & R&D (a \\ b)", "Café – naïve “quotes” it’s ✓ done", "plain ascii text"]
    pdf = _drawn(*(Text(text, handbook_styles()["body"]) for text in written))
    printed = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    assert [" ".join(line.split()) for line in printed.splitlines() if line.strip()] == written


def test_runs_keep_their_faces_and_forced_breaks() -> None:
    runs = [Run("See the routine: "), Run("Foam roller", FONT_ITALIC), Run(","), LINE_BREAK, Run("Hold it", FONT_BOLD)]
    text = Text(runs, handbook_styles()["body"])
    text.wrap(400, 1e6)
    assert _lines(text) == ["See the routine: Foam roller,", "Hold it"]
    fonts = {c.text: c.font for c in pdfcheck.chars(_drawn(text)) if c.text.strip()}
    assert fonts["F"].endswith("SourceSansPro-It") and fonts["H"].endswith("SourceSansPro-Bold")
    assert fonts["S"].endswith("SourceSansPro-Regular") and fonts[","].endswith("SourceSansPro-Regular")


def test_the_part_on_the_next_page_keeps_its_forced_line_breaks() -> None:
    runs: list[Run] = []
    for number in range(12):
        runs += [Run(f"Step {number} " + "and then some more words " * 2), Run("hold", FONT_BOLD), LINE_BREAK]
    text = Text(runs[:-1], handbook_styles()["body"])
    text.wrap(396, 1e6)
    _, rest = text.split(396, 10 * handbook_styles()["body"].leading)
    steps = [line.split()[1] for line in rest.line_texts() if line.startswith("Step")]
    rest.wrap(250, 1e6)  # a narrower frame: the rest is broken again, each step still on a new line
    lines = rest.line_texts()
    assert [line.split()[1] for line in lines if line.startswith("Step")] == steps
    assert all(lines[n - 1].endswith("hold") for n, line in enumerate(lines) if n and line.startswith("Step"))
