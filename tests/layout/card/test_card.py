"""The card (one side, or more when one is too little), read back from the PDF with independent tools
(pdfplumber, pypdf, pdfium, zxing)."""

from __future__ import annotations

import itertools
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
from tests.conftest import SAMPLE, make_overlong

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


def test_every_side_is_the_paper_size_and_says_where_the_card_goes_on(
        cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        sides = pdfcheck.page_count(pdf)
        assert 1 <= sides <= 4, (slug, paper)
        for width, height in pdfcheck.page_sizes(pdf):
            assert (round(width, 1), round(height, 1)) == tuple(round(v, 1) for v in PAPERS[paper]), (slug, paper)
        texts = [_side_text(pdf, side) for side in range(sides)]
        title = sample_content.routine(slug).title
        for number, text in enumerate(texts, start=1):
            assert text.startswith(title if number == 1 else f"{title} (continued)"), (slug, paper, number)
            said = {1: "More on the back: please turn over.", 3: "More on the back: please turn over.",
                    2: "More on the next sheet."}.get(number) if number < sides else None
            for line in ("More on the back: please turn over.", "More on the next sheet."):
                assert (line in text) == (line == said), (slug, paper, number, line)
    assert pdfcheck.page_count(cards[("psoas-rest-positions", "a4")]) == 2  # the sample's shortest card
    assert pdfcheck.page_count(cards[("pelvic-floor-down-training", "a5")]) == 3


def _side_text(pdf: bytes, side: int) -> str:
    """One side's text in the order it is drawn (pypdf), so columns are not interleaved."""
    return " ".join(pdfcheck.reader(pdf).pages[side].extract_text().split())


def _stream_text(pdf: bytes) -> str:
    """Every side's text in the order it is drawn, one side after the other."""
    return " ".join(_side_text(pdf, side) for side in range(pdfcheck.page_count(pdf)))


def _in_order(text: str, order: list[str]) -> None:
    positions = [text.find(part) for part in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))


def test_card_text_is_in_reading_order(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        routine = sample_content.routine(slug)
        text = _stream_text(pdf)
        flow = [routine.title.split()[0], routine.summary.split(".")[0], "1. ", routine.steps[-1].text.split()[0],
                "Call us straight away", "Call us on 555-0100.", "Tips", routine.tips[-1]]
        _in_order(text, flow)
        # the stop box: after the steps on one side; on more, at the foot of the front, where the fridge shows it
        stop = ["Stop and call us if\u2026", routine.stop_if[0]]
        _in_order(_side_text(pdf, 0) if pdfcheck.page_count(pdf) > 1 else text, ["1. ", *stop])
        assert pdfcheck.page_count(pdf) == 1 or stop[0] in _side_text(pdf, 0), (slug, paper)
        # the foot of the front (or of the last side, when a long grid would leave the front no step):
        # the tick grid and the footer, after the flow
        side = next(n for n in range(pdfcheck.page_count(pdf)) if "Tick a box" in _side_text(pdf, n))
        assert side in (0, pdfcheck.page_count(pdf) - 1), (slug, paper)
        first = routine.steps[0].text.split()[0] if side == 0 else "(continued)"
        _in_order(_side_text(pdf, side), [first, "Tick a box each day you do it", "Week 1", "Name:", "Started:",
                                          sample_content.book.clinic.phone, "Version 1"])


def test_nothing_of_the_routine_is_left_out(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        routine = sample_content.routine(slug)
        text = _stream_text(pdf)
        items = [s.text for s in routine.steps] + list(routine.stop_if) + list(routine.avoid) + list(
            routine.tips) + list(sample_content.book.red_flags) + list(routine.clinic_advice)
        items += [routine.dose.note or "", routine.caution or ""]
        for item in items:
            assert " ".join(item.split()) in text, (slug, paper, item)


def test_nothing_is_printed_inside_the_margin(cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == [], (slug, paper)
        width, height = pdfcheck.page_sizes(pdf)[0]
        for rect in pdfcheck.rects(pdf):
            assert rect.x0 >= MIN_MARGIN and rect.x0 + rect.width <= width - MIN_MARGIN, (slug, paper, rect)
            assert rect.top >= MIN_MARGIN and rect.top + rect.height <= height - MIN_MARGIN, (slug, paper, rect)


def test_type_is_10pt_or_more_and_12pt_except_weekday_labels_and_the_version_line(
        cards: dict[tuple[str, str], bytes]) -> None:
    for slug, paper, pdf in _all(cards):
        chars = [c for c in pdfcheck.chars(pdf) if c.text.strip()]
        assert min(c.size for c in chars) >= 10 - 0.01, (slug, paper)
        small_lines: dict[tuple[int, float], str] = {}
        for c in chars:
            if c.size < 12 - 0.01:
                small_lines[(c.page, round(c.bottom))] = small_lines.get((c.page, round(c.bottom)), "") + c.text
        words = sorted(small_lines.values(), key=len)
        assert words[0] == "".join(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]), (slug, paper)
        # the version line on every side, wrapped at the card's measure
        versions = [line for line in words[1:] if line.startswith("Version1")]
        assert len(versions) == pdfcheck.page_count(pdf), (slug, paper, words)
        assert all(line.startswith("Version1") or line.endswith("advice.") for line in words[1:]), (slug, paper)


def test_steps_and_lists_are_14pt_on_every_card(cards: dict[tuple[str, str], bytes],
                                                 sample_content: Content) -> None:
    for slug, paper, pdf in _all(cards):
        routine = sample_content.routine(slug)
        sizes = _sizes_of(pdf, [s.text for s in routine.steps] + list(routine.tips) + list(routine.avoid)
                          + list(routine.clinic_advice) + list(sample_content.book.red_flags))
        assert sizes == {14.0}, (slug, paper, sizes)


def _sizes_of(pdf: bytes, texts: list[str]) -> set[float]:
    """The sizes of the characters of the first few words of each text, wherever they are printed."""
    chars = [c for c in pdfcheck.chars(pdf) if c.text.strip()]
    line = "".join(c.text for c in chars)
    found: set[float] = set()
    for text in texts:
        start = line.find("".join(text.split()[:4]))
        assert start >= 0, text
        found |= {round(c.size, 1) for c in chars[start:start + len("".join(text.split()[:4]))]}
    return found


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
        weeks = 8 if slug == "psoas-release" else 4  # its dose: for 6 to 8 weeks
        assert len(boxes) == weeks * 7, (slug, paper, len(boxes))
        # on the front, or the last side when on the front it would leave no room for a step
        assert {b.page for b in boxes} in ({1}, {pdfcheck.page_count(pdf)}), (slug, paper)
        rows = {round(b.top) for b in boxes}
        assert len(rows) == weeks, (slug, paper)
        assert f"Tick a box each day you do it, for {weeks} weeks" in _stream_text(pdf), (slug, paper)
    assert "Week 8" in " ".join(pdfcheck.page_texts(cards[("psoas-release", "a4")]))


def test_weeks_sets_the_rows_of_the_grid(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-rest-positions")
    req = replace(request_for(sample_content, routine, "a4"), weeks=6)
    pdf = render_card(req)
    boxes = [r for r in pdfcheck.rects(pdf) if 8 * MM <= r.width < 12 * MM and abs(r.width - r.height) < 0.01]
    assert len(boxes) == 6 * 7
    assert "Week 6" in pdfcheck.page_texts(pdf)[0]
    assert "Tick a box each day you do it, for 6 weeks" in _side_text(pdf, 0)


def test_tick_rows_follow_the_routines_weeks(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")  # weeks: [6, 8]
    assert tick_weeks(routine) == 8
    assert tick_weeks(replace(routine, dose=replace(routine.dose, weeks=Amount(2)))) == 2
    assert tick_weeks(replace(routine, dose=replace(routine.dose, weeks=Amount(30)))) == 12  # at most
    assert tick_weeks(sample_content.routine("psoas-rest-positions")) == 4  # no weeks in its dose
    one = replace(request_for(sample_content, routine, "a4"), weeks=1)
    assert "Tick a box each day you do it, for 1 week" in _side_text(render_card(one), 0)


def test_cards_are_byte_identical_across_runs(cards: dict[tuple[str, str], bytes], sample_content: Content) -> None:
    for routine in sample_content.routines:
        assert render_card(request_for(sample_content, routine, "a5")) == cards[(routine.slug, "a5")]


def test_qr_code_reads_back_as_the_link_with_its_quiet_zone_and_size(linked: Content) -> None:
    cases = [("psoas-rest-positions", paper) for paper in PAPER_NAMES] + [("psoas-release", "a4"),
                                                                           ("psoas-release", "letter")]
    for slug, paper in cases:
        pdf = render_card(request_for(linked, linked.routine(slug), paper))
        last = pdfcheck.page_count(pdf)
        assert LINK in _side_text(pdf, last - 1), (slug, paper)  # on the last side, with the code
        # 100 dpi: about what a phone camera resolves of a card at arm's length
        codes = pdfcheck.qr_codes(pdf, last, dpi=100)
        assert [(code.text, code.error_correction) for code in codes] == [(LINK, "M")], (slug, paper)
        code = codes[0]
        assert code.quiet_zone_blank, (slug, paper)
        # modules of 0.7 mm or more; with its quiet zone 25 mm (a compact card) to 28 mm; one pixel's leeway
        assert code.module >= 0.7 * MM - 0.1, (slug, paper, code)
        printed = code.side / code.modules * (code.modules + 2 * pdfcheck.QUIET_ZONE)
        assert 25 * MM - 1 <= printed <= 28 * MM + 1, (slug, paper, code)


def test_picture_is_scaled_to_fit_with_its_caption(linked: Content) -> None:
    routine = linked.routine("psoas-release")
    pdf = render_card(request_for(linked, routine, "a4"))
    assert pdfcheck.images_outside_margins(pdf, MIN_MARGIN) == []
    assert "The lunge, from the side." in _stream_text(pdf)
    assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == []


def test_a_personal_card_prints_the_name_and_the_note(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")
    req = replace(request_for(sample_content, routine, "a4"), patient="Ana María O'Neil",
                  note="Left side only, gently.")
    text = _stream_text(render_card(req))
    assert "Name: Ana María O'Neil" in text
    assert "From your physio: Left side only, gently." in text


def test_a_card_goes_on_its_back_before_anything_is_left_out_or_made_smaller(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-rest-positions")
    short = replace(routine, tips=(), clinic_advice=(), caution=None, steps=routine.steps[:1], avoid=())
    one = fit_card(replace(request_for(sample_content, short, "a4"), red_flags=()))
    assert one.ok and len(one.sides) == 1
    pdf = render_card(replace(request_for(sample_content, short, "a4"), red_flags=()))
    assert pdfcheck.page_count(pdf) == 1 and "turn over" not in _stream_text(pdf)
    full = fit_card(request_for(sample_content, routine, "a4"))
    assert full.ok and len(full.sides) == 2
    assert _sizes_of(render_card(request_for(sample_content, routine, "a4")), list(routine.tips)) == {14.0}


def _overlong(content: Content, steps: int = 120) -> CardRequest:
    routine = content.routine("psoas-release")
    step = routine.steps[0]
    long_routine = replace(routine, steps=tuple(replace(step, text="Breathe out slowly.", picture=None)
                                                for _ in range(steps)))
    return request_for(content, long_routine, "a4")


def test_an_overlong_card_is_refused_saying_how_much_to_cut(sample_content: Content) -> None:
    req = _overlong(sample_content)
    with pytest.raises(CardDoesNotFit) as caught:
        render_card(req)
    message = str(caught.value)
    assert message.startswith("tests/data/sample/psoas-release.yaml:")
    assert ":3: card: the card for 'psoas-release' does not fit on 4 sides of A4 with 14 pt text: about " in message
    assert " lines / " in message and "% too long; shorten its steps, tips or lists, or print fewer weeks than 8" \
        in message


def test_refusal_counts_lines_roughly(sample_content: Content) -> None:
    short, long = fit_card(_overlong(sample_content, 120)), fit_card(_overlong(sample_content, 126))
    assert not short.ok and not long.ok
    assert 0 < short.overflow < long.overflow
    assert long.overflow - short.overflow == pytest.approx(6 * 19.5, rel=0.1)  # six more one-line steps at 14 pt


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

    make_overlong(content_dir / "psoas-release.yaml")
    report = check(content_dir)
    cards = [p for p in report.problems if p.field == "card" and "does not fit" in p.message]
    assert {(p.severity, p.message.split(" sides of ")[1].split(" ")[0]) for p in cards} == {
        ("error", "A4"), ("warning", "Letter"), ("warning", "A5")}
    assert not report.ok
    assert all(p.path.name == "psoas-release.yaml" for p in cards)


def test_the_clinics_logo_prints_at_the_top_right_of_every_cards_front(
        content_dir: Path, edit: Callable[[Path, str, str], None]) -> None:
    (content_dir / "images").mkdir(exist_ok=True)
    (content_dir / "images" / "logo.png").write_bytes(_png(300, 100))
    edit(content_dir / "book.yaml", "clinic:\n", "clinic:\n  logo: images/logo.png\n")
    content = load_content(content_dir)
    for paper in PAPER_NAMES:
        pdf = render_card(request_for(content, content.routine("psoas-rest-positions"), paper))
        logos = [(page, box) for page, box in pdfcheck.images(pdf) if page == 1]
        assert len(logos) == 1, paper
        x0, top, x1, bottom = logos[0][1]
        width = PAPERS[paper][0]
        assert x1 == pytest.approx(width - 13.5 * MM, abs=0.5) and top < 20 * MM, (paper, logos)
        assert bottom - top <= 16 * MM + 0.5 and x1 - x0 == pytest.approx(3 * (bottom - top), rel=0.01)


def _runs(pdf: bytes) -> list[tuple[float, str]]:
    """Each line of each column of text (characters on one baseline, split where a gap of more than
    12 pt separates two columns), with its type size."""
    rows: dict[tuple[int, float], list[pdfcheck.Char]] = {}
    for c in pdfcheck.chars(pdf):
        rows.setdefault((c.page, round(c.origin_y, 1)), []).append(c)
    runs = []
    for row in rows.values():
        row.sort(key=lambda c: c.x0)
        run = [row[0]]
        for before, after in itertools.pairwise(row):
            if after.x0 - before.x1 > 12:
                runs.append(run)
                run = []
            run.append(after)
        runs.append(run)
    return [(max(c.size for c in run), "".join(c.text for c in run)) for run in runs]


def test_lines_of_card_text_stay_short_enough_to_read(cards: dict[tuple[str, str], bytes]) -> None:
    """About 60 characters a line (PRINT-CHECKLIST): A4 and Letter keep running text to a column."""
    for slug, paper, pdf in _all(cards):
        longest = max(len(text) for size, text in _runs(pdf) if size >= 14)
        assert longest <= 70, (slug, paper, longest)
        if paper != "a5":
            assert max(len(text) for _, text in _runs(pdf)) <= 66, (slug, paper)
