"""Large print, measured in the PDF: body 18 pt, headings to match, wider spacing and margins, the same content."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.layout.book.story import render_handbook
from handbook.layout.card import CardDoesNotFit, render_card, request_for
from handbook.layout.styles import MIN_MARGIN, handbook_geometry
from handbook.model import Content
from tests import pdfcheck
from tests.conftest import card_lines

MM = 72 / 25.4


@pytest.fixture(scope="module")
def normal(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "a4").data


@pytest.fixture(scope="module")
def large(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "a4", large_print=True).data


@pytest.fixture(scope="module")
def large_letter(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "letter", large_print=True).data


def sizes(pdf: bytes) -> Counter[float]:
    """How many characters are printed at each size."""
    return Counter(c.size for c in pdfcheck.chars(pdf) if c.text.strip())


def words(pdf: bytes) -> list[str]:
    """The book's words in order, without running headers, footers and page numbers (which move)."""
    out = []
    for number in range(1, pdfcheck.page_count(pdf) + 1):
        lines = pdfcheck.page_lines(pdf, number)
        out += [w for line in (lines if number == 1 else lines[1:-1]) for w in line.split() if not w.isdigit()]
    return out


def test_body_text_is_18_pt_and_headings_grow_with_it(large: bytes, large_letter: bytes) -> None:
    for pdf, paper in ((large, "a4"), (large_letter, "letter")):
        counted = sizes(pdf)
        assert counted.most_common(1)[0][0] == 18  # the body
        assert counted[33.5] and counted[22] and counted[43.5]  # h1, h2, cover title: 26, 17, 34 scaled by 18/14
        g = handbook_geometry(paper, large_print=True)
        for c in pdfcheck.chars(pdf):
            furniture = c.bottom < g.top or c.top > g.height - g.bottom
            if c.text.strip():
                assert c.size == 14 if furniture else c.size >= 14, c  # nothing under 14 pt


def test_lines_are_further_apart(large: bytes) -> None:
    """Body lines sit 26 pt apart (1.44 x 18), where normal print has 20 pt for 14 (1.43)."""
    baselines = sorted({round(c.origin_y, 1) for c in pdfcheck.chars(large) if c.page == 2 and c.size == 18},
                       reverse=True)
    steps = Counter(round(a - b, 1) for a, b in itertools.pairwise(baselines))
    assert steps.most_common(1)[0][0] == 26


def test_same_content_wider_margins_short_lines(normal: bytes, large: bytes, large_letter: bytes) -> None:
    assert words(large) == words(normal)
    for pdf, paper in ((large, "a4"), (large_letter, "letter")):
        assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == []
        width = pdfcheck.page_sizes(pdf)[0][0]
        body = [c for c in pdfcheck.chars(pdf) if c.text.strip() and c.size >= 13]
        assert min(c.x0 for c in body) >= 20 * MM - 0.5, paper
        assert max(c.x1 for c in body) <= width - 20 * MM + 0.5, paper
        lines = [line for n in range(2, pdfcheck.page_count(pdf) + 1) for line in pdfcheck.page_lines(pdf, n)[1:-1]]
        assert max(len(line) for line in lines) <= 72, paper


def test_a_large_print_card_is_set_in_large_type(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")
    pdf = render_card(request_for(sample_content, routine, "a4", large_print=True))
    assert pdfcheck.page_count(pdf) == 3  # everything kept: more on the back, and a second sheet
    chars = [c for c in pdfcheck.chars(pdf) if c.text.strip()]
    assert min(c.size for c in chars if c.font.endswith("Bold") and c.size > 30) >= 36  # the title
    small: dict[tuple[int, float], str] = {}
    for c in chars:
        assert c.size >= 14, c  # nothing under 14 pt
        if c.size < 15.5:
            small[(c.page, round(c.bottom))] = small.get((c.page, round(c.bottom)), "") + c.text
    lines = sorted(small.values(), key=len)
    assert lines[0] == "MonTueWedThuFriSatSun"  # 14 pt, as the version lines
    assert len([line for line in lines if line.startswith("Version1")]) == 3  # one on each side
    assert all(line.startswith("Version1") or line.endswith("advice.") for line in lines[1:])
    assert sizes(pdf).most_common(1)[0][0] == 18  # the steps and lists: 18 pt, never smaller
    assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == []
    text = " ".join(" ".join(page.extract_text() for page in pdfcheck.reader(pdf).pages).split())  # drawing order
    for item in [s.text for s in routine.steps] + list(routine.tips) + [routine.dose.note or ""] + list(
            routine.stop_if):
        assert " ".join(item.split()) in text, item
    assert pdfcheck.images(pdf) or pdfcheck.form_uses(pdf, "")  # the figure beside its step


def test_every_bundled_routine_prints_in_large_print_on_a4_and_letter(sample_content: Content) -> None:
    for routine in sample_content.routines:
        for paper in ("a4", "letter"):
            pdf = render_card(request_for(sample_content, routine, paper, large_print=True))
            assert 2 <= pdfcheck.page_count(pdf) <= 4, (routine.slug, paper)


def test_a_large_print_card_that_cannot_fit_is_refused(sample_content: Content) -> None:
    routine = sample_content.routine("pelvic-floor-down-training")
    with pytest.raises(CardDoesNotFit) as caught:
        render_card(request_for(sample_content, routine, "a5", large_print=True))
    assert re.search(r"pelvic-floor-down-training\.yaml:\d+:\d+: card: the card for 'pelvic-floor-down-training' "
                     r"does not fit on 4 sides of A5 in large print with 18 pt text: "
                     r"about \d+ lines / \d+% too long; shorten its steps", str(caught.value))


def test_large_print_files_have_their_own_names(content_dir: Path) -> None:
    run = CliRunner().invoke
    result = run(cli, ["build", "--large-print"])
    pages = pdfcheck.page_count(Path("output/handbook-large.pdf").read_bytes())
    assert result.output == f"wrote output/handbook-large.pdf ({pages} pages)\n"
    assert not Path("output/handbook.pdf").exists()
    result = run(cli, ["card", "psoas-release", "--large-print", "--for", "Ana María"])
    assert card_lines(result.output) == "wrote output/cards/psoas-release--ana-maria-large.pdf\n"
    result = run(cli, ["card", "psoas-release", "pelvic-floor-down-training", "--large-print", "--paper", "a5"])
    assert result.exit_code == 1
    assert "does not fit on 4 sides of A5 in large print" in result.stderr
    assert "2 cards were not written" in result.stderr
    assert sorted(p.name for p in Path("output/cards").iterdir()) == ["psoas-release--ana-maria-large.pdf"]


def test_check_reports_large_print_fit_per_routine_without_failing(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert result.exit_code == 0, result.output  # a large-print card too long is said in the table only
    table = dict(line.split(None, 1) for line in result.stdout.splitlines()[1:-1])
    assert table["psoas-rest-positions"].endswith("  A4 2, Letter 2, A5 3; large: A4 3, Letter 3, A5 4")
    assert table["pelvic-floor-down-training"].endswith(
        "  A4 2, Letter 2, A5 3; large: A4 3, Letter 3, A5 too long")
