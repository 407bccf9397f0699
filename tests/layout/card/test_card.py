"""The one-page card, read back from the PDF with independent tools (pdfplumber, pypdf, pdfium, zxing)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from handbook.commands.cardfiles import name_slug
from handbook.content.loader import load_content
from handbook.layout.card import CardDoesNotFit, CardRequest, fit_card, render_card, request_for, tick_weeks
from handbook.layout.styles import MIN_MARGIN, PAPERS
from handbook.model import Amount, Content
from tests import pdfcheck
from tests.conftest import SAMPLE

PAPER_NAMES = ("a4", "letter", "a5")
LINK = "https://example.org/psoas-video"
MM = 72 / 25.4
WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}


@pytest.fixture(scope="session")
def cards(sample_content: Content) -> dict[tuple[str, str], bytes]:
    """Every bundled routine's card on every paper, rendered once for the session."""
    return {(r.slug, paper): render_card(request_for(sample_content, r, paper))
            for r in sample_content.routines for paper in PAPER_NAMES}


@pytest.fixture(scope="session")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The bundled content with a link and a picture on psoas-release, and a link on psoas-rest-positions."""
    import shutil

    root = tmp_path_factory.mktemp("linked") / "routines"
    shutil.copytree(SAMPLE, root)
    (root / "images").mkdir(exist_ok=True)
    (root / "images" / "card-lunge.png").write_bytes(_png(120, 80))
    path = root / "psoas-release.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "related_faq: [psoas]",
        f"related_faq: [psoas]\nlink: {LINK}\n"
        "picture:\n  file: images/card-lunge.png\n  caption: The lunge, from the side.",
    )
    path.write_text(text, encoding="utf-8")
    path = root / "psoas-rest-positions.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("related_faq: [psoas]", f"related_faq: [psoas]\nlink: {LINK}"), encoding="utf-8")
    return load_content(root)


def _png(width: int, height: int) -> bytes:
    """A grey gradient PNG, made without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 2) % 256 for x in range(width)) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _all(cards: dict[tuple[str, str], bytes]) -> list[tuple[str, str, bytes]]:
    return [(slug, paper, pdf) for (slug, paper), pdf in cards.items()]


def test_every_card_is_one_page_of_the_right_size(cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        assert pdfcheck.page_count(pdf) == 1, (slug, paper)
        width, height = pdfcheck.page_sizes(pdf)[0]
        assert (round(width, 1), round(height, 1)) == tuple(round(v, 1) for v in PAPERS[paper]), (slug, paper)


def _stream_text(pdf: bytes) -> str:
    """The page's text in the order it is drawn (pypdf), so columns are not interleaved."""
    return " ".join(pdfcheck.reader(pdf).pages[0].extract_text().split())


def test_card_text_is_in_reading_order(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        routine = sample_content.routine(slug)
        text = _stream_text(pdf)
        order = [routine.title.split()[0], routine.summary.split(".")[0], "1. ", routine.steps[-1].text.split()[0],
                 "Stop and call us if\u2026", routine.stop_if[0], "Tick a box each day you do it", "Week 1",
                 "Name:", "Started:", sample_content.book.clinic.phone, "Version 1"]
        positions = [text.find(part) for part in order]
        assert -1 not in positions, (slug, paper, dict(zip(order, positions, strict=True)))
        assert positions == sorted(positions), (slug, paper, dict(zip(order, positions, strict=True)))


def test_every_step_and_stop_item_is_printed(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        routine = sample_content.routine(slug)
        text = _stream_text(pdf)
        for item in [s.text for s in routine.steps] + list(routine.stop_if) + list(routine.avoid):
            assert " ".join(item.split()) in text, (slug, paper, item)


def test_nothing_is_printed_inside_the_margin(cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == [], (slug, paper)
        for rect in pdfcheck.rects(pdf):
            width, height = pdfcheck.page_sizes(pdf)[0]
            assert rect.x0 >= MIN_MARGIN and rect.x0 + rect.width <= width - MIN_MARGIN, (slug, paper, rect)
            assert rect.top >= MIN_MARGIN and rect.top + rect.height <= height - MIN_MARGIN, (slug, paper, rect)


def test_type_is_12pt_or_more_except_weekday_labels_and_the_version_line(
        cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        chars = [c for c in pdfcheck.chars(pdf) if c.text.strip()]
        assert min(c.size for c in chars) >= 8, (slug, paper)
        small_lines: dict[float, str] = {}
        for c in chars:
            if c.size < 12 - 0.01:
                small_lines[round(c.bottom)] = small_lines.get(round(c.bottom), "") + c.text
        words = sorted(small_lines.values(), key=len)
        assert len(words) == 2, (slug, paper, words)
        assert words[0] == "".join(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]), (slug, paper)
        assert words[1].startswith("Version1"), (slug, paper, words[1])


def test_most_of_an_a4_card_is_14pt_or_more(cards: dict[tuple[str, str], bytes]) -> None:
    for slug in {s for s, _ in cards}:
        chars = [c for c in pdfcheck.chars(cards[(slug, "a4")]) if c.text.strip()]
        assert sum(c.size >= 14 - 0.01 for c in chars) > 0.7 * len(chars), slug


def test_titles_are_24pt_or_more(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        first_word = sample_content.routine(slug).title.split()[0]
        top = min(pdfcheck.chars(pdf), key=lambda c: c.top)
        assert top.text == first_word[0] and top.size >= 24, (slug, paper, top)


def test_all_fonts_are_embedded(cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        fonts = pdfcheck.fonts(pdf)
        assert fonts and all(f.embedded and f.subset for f in fonts), (slug, paper, fonts)
        assert pdfcheck.standard_fonts(pdf) == [], (slug, paper)


def test_tick_grid_has_a_box_of_8mm_or_more_per_day_and_week(cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        boxes = [r for r in pdfcheck.rects(pdf) if r.width >= 8 * MM and abs(r.width - r.height) < 0.01
                 and r.width < 12 * MM]
        assert len(boxes) == 4 * 7, (slug, paper, len(boxes))
        rows = {round(b.top) for b in boxes}
        assert len(rows) == 4, (slug, paper)
    assert "Week 4" in pdfcheck.page_texts(cards[("psoas-release", "a4")])[0]


def test_weeks_sets_the_rows_of_the_grid(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-rest-positions")
    req = replace(request_for(sample_content, routine, "a4"), weeks=6)
    pdf = render_card(req)
    boxes = [r for r in pdfcheck.rects(pdf) if 8 * MM <= r.width < 12 * MM and abs(r.width - r.height) < 0.01]
    assert len(boxes) == 6 * 7
    assert "Week 6" in pdfcheck.page_texts(pdf)[0]


def test_tick_rows_follow_the_routines_weeks_up_to_four(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")  # weeks: [6, 8]
    assert tick_weeks(routine) == 4
    assert tick_weeks(replace(routine, dose=replace(routine.dose, weeks=Amount(2)))) == 2
    assert tick_weeks(sample_content.routine("psoas-rest-positions")) == 4  # no weeks in its dose


def test_cards_are_byte_identical_across_runs(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for routine in sample_content.routines:
        assert render_card(request_for(sample_content, routine, "a5")) == cards[(routine.slug, "a5")]


def test_qr_code_reads_back_as_the_link_with_its_quiet_zone_and_size(linked: Content) -> None:
    cases = [("psoas-rest-positions", paper) for paper in PAPER_NAMES] + [("psoas-release", "a4"),
                                                                           ("psoas-release", "letter")]
    for slug, paper in cases:
        pdf = render_card(request_for(linked, linked.routine(slug), paper))
        assert LINK in _stream_text(pdf), (slug, paper)
        # 100 dpi: about what a phone camera resolves of a card at arm's length
        codes = pdfcheck.qr_codes(pdf, 1, dpi=100)
        assert [(code.text, code.error_correction) for code in codes] == [(LINK, "M")], (slug, paper)
        code = codes[0]
        assert code.quiet_zone_blank, (slug, paper)
        # modules of 0.7 mm or more; with its quiet zone 25 mm (a compact card) to 28 mm; one pixel's leeway
        assert code.module >= 0.7 * MM - 0.1, (slug, paper, code)
        printed = code.side / code.modules * (code.modules + 2 * pdfcheck.QUIET_ZONE)
        assert 25 * MM - 1 <= printed <= 28 * MM + 1, (slug, paper, code)
        assert pdfcheck.page_count(pdf) == 1


def test_picture_is_scaled_to_fit_with_its_caption(linked: Content) -> None:
    routine = linked.routine("psoas-release")
    pdf = render_card(request_for(linked, routine, "a4"))
    assert pdfcheck.images_outside_margins(pdf, MIN_MARGIN) == []
    assert "The lunge, from the side." in pdfcheck.page_texts(pdf)[0]
    assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == []


def test_a_personal_card_prints_the_name_and_the_note(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")
    req = replace(request_for(sample_content, routine, "a4"), patient="Ana María O'Neil",
                  note="Left side only, gently.")
    text = _stream_text(render_card(req))
    assert "Name: Ana María O'Neil" in text
    assert "From your physio: Left side only, gently." in text


def test_secondary_parts_give_way_before_the_text_gets_smaller(sample_content: Content) -> None:
    routine = sample_content.routine("pelvic-floor-down-training")  # five tips
    fit = fit_card(request_for(sample_content, routine, "a4"))
    assert fit.ok and fit.choice.size == 14 and fit.choice.tips < len(routine.tips)
    fit = fit_card(request_for(sample_content, routine, "a5"))
    assert fit.ok and fit.choice.tips == 0 and fit.choice.size >= 12


def _overlong(content: Content, steps: int = 30) -> CardRequest:
    routine = content.routine("psoas-release")
    step = routine.steps[4]
    long_routine = replace(routine, steps=tuple(replace(step, text=step.text + " Keep it slow and easy.")
                                                for _ in range(steps)))
    return request_for(content, long_routine, "a4")


def test_an_overlong_card_is_refused_saying_how_much_to_cut(sample_content: Content) -> None:
    req = _overlong(sample_content)
    with pytest.raises(CardDoesNotFit) as caught:
        render_card(req)
    message = str(caught.value)
    assert "psoas-release.yaml:" in message
    assert ("the card for 'psoas-release' does not fit on one A4 page, even with 12 pt text and no tips: "
            "about ") in message
    assert " lines / " in message and "% too long; shorten its steps, avoid or stop-if lists" in message


def test_refusal_counts_lines_roughly(sample_content: Content) -> None:
    short, long = fit_card(_overlong(sample_content, 30)), fit_card(_overlong(sample_content, 36))
    assert not short.ok and not long.ok
    assert 0 < short.overflow < long.overflow
    assert long.overflow - short.overflow == pytest.approx(6 * 14.5, rel=0.25)  # six more one-line steps at 12 pt


@pytest.mark.parametrize(("name", "expected"), [
    ("Ana María O'Neil", "ana-maria-o-neil"),
    ("  Jürgen   Groß ", "jurgen-gross"),
    ("Zoë Ødegård-Łukasz", "zoe-odegard-lukasz"),
    ("../../etc/passwd", "etc-passwd"),
    ("Ελένη", name_slug("Ελένη")),
    ("Ana Large", "ana-large-7a7dad4b"),  # not "ana-large": that is Ana's large-print card
    ("Maria Fernanda de los Angeles Gutierrez de la Torre y Santisteban Alvarez",
     "maria-fernanda-de-los-angeles-gutierrez-de-la-e169a781"),  # cut at a word, told apart by the rest
])
def test_names_become_safe_file_names(name: str, expected: str) -> None:
    slug = name_slug(name)
    assert slug == expected
    assert slug and all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert name_slug("Ελένη").startswith("patient-")


def test_check_reports_cards_that_do_not_fit(content_dir: Path, edit: Callable[[Path, str, str], None]) -> None:
    from handbook.commands.check import check

    words = "move slowly, keep breathing the whole time, and stop at once if the pull turns into pain"
    many = "".join(f"  - Step number {n}, {words}.\n" for n in range(13))
    edit(content_dir / "psoas-release.yaml", "steps:\n", "steps:\n" + many)
    report = check(content_dir)
    cards = [p for p in report.problems if p.field == "card" and "does not fit" in p.message]
    assert {(p.severity, p.message.split(" page,")[0].rsplit(" ", 1)[-1]) for p in cards} == {
        ("error", "A4"), ("warning", "Letter"), ("warning", "A5")}
    assert not report.ok
    assert all(p.path.name == "psoas-release.yaml" for p in cards)
