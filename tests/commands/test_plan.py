"""`handbook plan FILE.yaml`: one patient's programme, driven through the CLI and read back from the PDF.

The programme (`conftest.PLAN`) is rendered once per module, in normal print and once in
large print; every test reads those PDFs back.
"""

from __future__ import annotations

import functools
import io
import itertools
import os
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from click.testing import CliRunner, Result

from handbook.cli import cli
from tests import pdfcheck
from tests.commands.conftest import make_folder

MM = 72 / 25.4
# each exercise in the bookmarks and the log: numbered as on the first page, with its side when it has one
LABELS = ["1. Psoas release in a lunge, left side only", "2. Letting your pelvic floor relax (down-training)",
          "3. Foam roller release for the psoas", "4. Resting positions for psoas pain"]
# what `handbook card` is asked for each exercise of PLAN: the card the programme must hold
CARD_ARGS = [
    ["psoas-release", "--hold", "30", "--reps", "5", "--times-a-day", "2", "--side", "left",
     "--note", "Stop if it pinches."],
    ["pelvic-floor-down-training"],
    ["psoas-foam-roller", "--hold", "20-30"],
    ["psoas-rest-positions"],
]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@dataclass(frozen=True)
class Made:
    """A programme made through the CLI: the command's result, the PDF and the text file."""

    result: Result
    pdf: bytes
    text: str
    root: Path


def make(root: Path, *options: str) -> Made:
    result = run("plan", str(root / "plans" / "ana.yaml"), "--content", str(root / "routines"), "--out",
                 str(root / "output"), *options)
    assert result.exit_code == 0, result.output
    return Made(result, (root / "output" / "plans" / "ana.pdf").read_bytes(),
                (root / "output" / "plans" / "ana.txt").read_text(encoding="utf-8"), root)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    root = tmp_path_factory.mktemp("plan")
    make_folder(root)
    return make(root)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Made:
    root = tmp_path_factory.mktemp("plan-large")
    make_folder(root)
    return make(root, "--large-print")


def pages_of(pdf: bytes) -> list[str]:
    return [" ".join(text.split()) for text in pdfcheck.page_texts(pdf)]


def outline_pages(pdf: bytes) -> dict[str, int]:
    return {entry.title: entry.page or 0 for entry in pdfcheck.outline(pdf)}


@dataclass(frozen=True)
class Drawn:
    """A page's rectangles (x0, top, width, height, line width, filled), and the colours of its text and strokes."""

    rects: tuple[tuple[float, float, float, float, float, bool], ...]
    text_colours: frozenset[tuple[float, ...]]
    stroke_colours: frozenset[tuple[float, ...]]
    fill_colours: frozenset[tuple[float, ...]]


@functools.lru_cache(maxsize=32)
def shapes(pdf: bytes, page: int) -> Drawn:
    """What pdfplumber sees drawn on one page (only that page is parsed: the whole file takes seconds)."""
    with pdfplumber.open(io.BytesIO(pdf), pages=[page]) as doc:
        plumbed = doc.pages[0]
        rects = tuple((float(r["x0"]), float(r["top"]), float(r["width"]), float(r["height"]),
                       float(r.get("linewidth") or 0), bool(r.get("fill"))) for r in plumbed.rects)
        text = frozenset(tuple(c.get("non_stroking_color") or (0,)) for c in plumbed.chars)
        strokes = frozenset(tuple(o.get("stroking_color") or (0,)) for o in plumbed.lines + plumbed.rects)
        fills = frozenset(tuple(o.get("non_stroking_color") or (0,)) for o in plumbed.rects if o.get("fill"))
    return Drawn(rects, text, strokes, fills)


def flowed_pages(pdf: bytes) -> list[int]:
    """The pages the programme lays out itself (first page, notes, log): those with its footer."""
    return [n for n, text in enumerate(pdfcheck.page_texts(pdf), start=1)
            if text.splitlines()[-1] == "Ana María O'Neil · Riverside Physiotherapy (sample clinic) · 555-0100"]


# --- what the command says and writes ---------------------------------------------------


def test_plan_writes_the_pdf_and_the_text_and_says_how_to_print(made: Made) -> None:
    pdf = made.root / "output" / "plans" / "ana.pdf"
    assert made.result.stdout == (
        f"wrote {os.path.relpath(pdf)} (18 pages: print double-sided; each card is a sheet of its own)\n"
        f"wrote {os.path.relpath(pdf.with_suffix('.txt'))} (the programme in plain text, for the clinical notes)\n")
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["ana.pdf", "ana.txt"]


def test_the_text_file_is_the_programme_for_the_clinical_notes(made: Made) -> None:
    assert made.text == (
        "Exercise programme for Ana María O'Neil\n"
        "From: J. Rivera, physiotherapist\n"
        "Clinic: Riverside Physiotherapy (sample clinic), 555-0100\n"
        "Start: 7 December 2026\n"
        "Next visit: 4 January 2027\n"
        "Weekly log: 6 weeks, 7 December 2026 to 17 January 2027\n"
        "\n"
        "1. Psoas release in a lunge (psoas-release)\n"
        "   Hold for 30 seconds. Do this 5 times, on your left side only. Twice a day. Keep this up for 6 weeks.\n"
        "   Side: Left side only\n"
        "   Note: Stop if it pinches.\n"
        "\n"
        "2. Letting your pelvic floor relax (down-training) (pelvic-floor-down-training)\n"
        "   Do this for 20 to 30 minutes. Every day. Keep this up for 6 weeks. Your physio may change this to "
        "suit you.\n"
        "\n"
        "3. Foam roller release for the psoas (psoas-foam-roller)\n"
        "   Hold for 20 to 30 seconds. Do it on both sides. Keep this up for 6 weeks.\n"
        "   Side: Each side\n"
        "\n"
        "4. Resting positions for psoas pain (psoas-rest-positions)\n"
        "   Every day. Keep this up for 6 weeks. Use these positions whenever you lie down to rest or sleep.\n")


def test_the_parts_come_in_order_each_on_a_new_sheet_with_bookmarks(made: Made) -> None:
    marks = outline_pages(made.pdf)
    assert list(marks) == ["Your programme", *LABELS,
                           "Weekly log", "Week 1: 7 Dec – 13 Dec", "Week 2: 14 Dec – 20 Dec",
                           "Week 3: 21 Dec – 27 Dec", "Week 4: 28 Dec – 3 Jan", "Week 5: 4 Jan – 10 Jan",
                           "Week 6: 11 Jan – 17 Jan"]
    assert marks["Your programme"] == 1
    starts = [marks[label] for label in LABELS] + [marks["Weekly log"]]
    assert all(page % 2 == 1 for page in starts)  # printed double-sided, each begins a sheet
    assert [marks[f"Week {n}: {d}"] for n, d in ((1, "7 Dec – 13 Dec"), (6, "11 Jan – 17 Jan"))] == [13, 18]
    assert pdfcheck.page_count(made.pdf) == 18
    texts = pages_of(made.pdf)
    assert texts[1].startswith("Stop and call us if")  # the first page goes on over the leaf
    for page in range(1, 19):  # a side between two parts holds a notes page, never nothing
        assert texts[page - 1].strip(), page
    assert pdfcheck.metadata(made.pdf)["Title"] == "Exercise programme for Ana María O'Neil"
    assert pdfcheck.language(made.pdf) == "en"


# --- the first page ---------------------------------------------------------------------------


def test_the_first_page_says_who_when_and_each_exercise_in_plain_words(made: Made) -> None:
    lines = pdfcheck.page_lines(made.pdf, 1)
    assert lines[:6] == ["Your programme", "For: Ana María O'Neil", "From: J. Rivera, physiotherapist",
                         "Clinic: Riverside Physiotherapy (sample clinic) · 555-0100", "Start: 7 December 2026",
                         "Next visit: 4 January 2027"]
    assert "Exercise How much and how often Side Note" in lines
    page = pages_of(made.pdf)[0]
    for row in ("1. Psoas release in a", "Hold for 30 seconds. Do this 5", "Left side", "Stop if it",
                "Hold for 20 to 30 seconds. Do", "Each side"):
        assert row in page
    assert page.endswith("More on the back: please turn over. "
                         "Ana María O'Neil · Riverside Physiotherapy (sample clinic) · 555-0100")


def test_the_dose_note_gives_way_where_the_plan_sets_numbers_as_on_the_card(made: Made) -> None:
    page = pages_of(made.pdf)[0]
    assert "Your physio will tell you" not in page  # foam roller: its hold is set for this patient
    assert "Your physio may change this to suit you." in page  # pelvic floor: only the weeks are set


def test_the_stop_box_holds_every_exercises_signs_the_red_flags_and_the_phone(made: Made) -> None:
    box = pages_of(made.pdf)[1]
    assert box.startswith("Stop and call us if • It hurts more while you do it or afterwards. "
                          "• Your symptoms get worse over the next days. • You are not sure you are doing it right. "
                          "• Your pain gets worse in these positions. "
                          "• You are not sure which position is right for you. "
                          "Call us straight away, or get urgent help, if (advice from your clinic): "
                          "• New leaking of urine or stool, or you cannot pass urine.")
    assert "Call Riverside Physiotherapy (sample clinic) on 555-0100." in box
    heavy = [r for r in shapes(made.pdf, 2).rects if r[4] >= 3]
    assert len(heavy) == 1  # the handbook's stop box: a heavy border


# --- the cards ------------------------------------------------------------------------------


def drawn(pdf: bytes, page: int) -> list[tuple[str, str, float, float, float]]:
    """What a page prints: each character, its face (without the subset's tag), size and place."""
    return [(c.text, c.font.split("+")[-1], c.size, round(c.origin_x, 2), round(c.origin_y, 2))
            for c in pdfcheck.chars(pdf) if c.page == page]


@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_each_card_is_the_card_that_handbook_card_makes(made: Made, number: int) -> None:
    root = made.root
    out = root / f"cards{number}"
    result = run("card", *CARD_ARGS[number - 1], "--for", "Ana María O'Neil", "--weeks", "6",
                 "--content", str(root / "routines"), "--out", str(out))
    assert result.exit_code == 0, result.output
    card = next((out / "cards").iterdir()).read_bytes()
    first = outline_pages(made.pdf)[LABELS[number - 1]]
    for side in range(1, pdfcheck.page_count(card) + 1):
        assert drawn(card, side)
        assert drawn(made.pdf, first + side - 1) == drawn(card, side)


def test_a_personal_card_follows_the_plan_everywhere_it_prints_a_number(made: Made) -> None:
    marks = outline_pages(made.pdf)
    card = " ".join(pages_of(made.pdf)[marks[LABELS[0]] - 1:marks[LABELS[1]] - 1])  # every side of the first card
    assert "Hold 30 seconds · 5 times · left side only · twice a day · for 6 weeks" in card
    assert "Name: Ana María O'Neil" in card
    assert "From your physio: Stop if it pinches." in card


# --- the weekly log -------------------------------------------------------------------------


def test_a_log_page_a_week_dated_from_the_start(made: Made) -> None:
    first = outline_pages(made.pdf)["Weekly log"]
    lines = pdfcheck.page_lines(made.pdf, first)
    assert lines == [
        "Week 1: 7 Dec – 13 Dec", "For: Ana María O'Neil", "Bring this sheet to your visit on 4 January 2027.",
        "Tick a box each day you do the exercise.", "Mon Tue Wed Thu Fri Sat Sun", "Exercise",
        "7 8 9 10 11 12 13", "1. Psoas release in a lunge, left side only",
        "2. Letting your pelvic floor relax", "(down-training)", *LABELS[2:], "Pain (0 to 10)",
        "Each day, write how much pain you had: 0 = no pain, 10 = worst pain you can imagine.",
        "How did it feel this week? easy OK hard", "Missed? Why:", "Notes",
        "Ana María O'Neil · Riverside Physiotherapy (sample clinic) · 555-0100"]
    assert pdfcheck.page_lines(made.pdf, first + 3)[0] == "Week 4: 28 Dec – 3 Jan"
    assert pdfcheck.page_lines(made.pdf, first + 3)[6] == "28 29 30 31 1 2 3"
    assert pdfcheck.page_count(made.pdf) == first + 5  # 6 weeks, a page each


def test_every_box_and_row_of_the_log_has_room_to_write(made: Made) -> None:
    first = outline_pages(made.pdf)["Weekly log"]
    boxes = [r for r in shapes(made.pdf, first).rects if not r[5]]
    assert len(boxes) == 5 * 7 + 3  # a box a day for each exercise and the pain score; easy, OK, hard
    assert min(min(r[2], r[3]) for r in boxes) >= 8 * MM
    rows = sorted({round(r[1], 1) for r in boxes})
    assert min(b - a for a, b in itertools.pairwise(rows)) >= 8 * MM


def test_the_first_page_and_the_log_are_black_on_white_and_nothing_is_under_10_pt(made: Made) -> None:
    pages = flowed_pages(made.pdf)
    assert pages == [1, 2, 6, *range(13, 19)]  # 6: a notes side after the first card's three
    printed = [c for c in pdfcheck.chars(made.pdf) if c.page in pages and c.text.strip()]
    assert min(c.size for c in printed) == 10  # the footer; the day names 12, the body 14
    assert {c.size for c in printed if c.font.endswith("Regular")} == {10.0, 14.0}
    black = {(0,), (0.0,), (0, 0, 0), (0.0, 0.0, 0.0)}
    for page in (1, 2, 13):  # the first page and its stop box; a week of the log
        drawn_shapes = shapes(made.pdf, page)
        assert drawn_shapes.text_colours <= black and drawn_shapes.stroke_colours <= black
        assert drawn_shapes.fill_colours <= black


def test_print_facts_of_the_whole_programme(made: Made) -> None:
    assert pdfcheck.chars_outside_margins(made.pdf, 12.7 * MM) == []
    assert pdfcheck.standard_fonts(made.pdf) == []
    assert all(font.embedded and font.subset for font in pdfcheck.fonts(made.pdf))
    assert {tuple(round(v) for v in size) for size in pdfcheck.page_sizes(made.pdf)} == {(595, 842)}


def test_large_print_body_is_18_pt_and_nothing_is_under_14(large: Made) -> None:
    pages = flowed_pages(large.pdf)
    printed = [c for c in pdfcheck.chars(large.pdf) if c.page in pages and c.text.strip()]
    assert min(c.size for c in printed) >= 14
    body = [c for c in printed if c.font.endswith("Regular")]
    assert max(set(c.size for c in body), key=[c.size for c in body].count) == 18
    assert pdfcheck.chars_outside_margins(large.pdf, 12.7 * MM) == []
    first = outline_pages(large.pdf)["Weekly log"]
    boxes = [r for r in shapes(large.pdf, first).rects if not r[5]]
    assert min(min(r[2], r[3]) for r in boxes) >= 11 * MM - 0.01
    week = pages_of(large.pdf)[first - 1]
    assert week.startswith("Week 1: 7 Dec – 13 Dec") and "Missed? Why:" in week  # a week still on one page


def test_the_same_plan_gives_the_same_bytes(made: Made, tmp_path: Path) -> None:
    make_folder(tmp_path)
    assert make(tmp_path).pdf == made.pdf


def test_the_labels_follow_the_language_asked_for(tmp_path: Path) -> None:
    make_folder(tmp_path)
    (tmp_path / "plans" / "ana.yaml").write_text(
        "patient: Ana\nstart: 2026-12-07\nweeks: 1\nlanguage: de\nexercises:\n  - routine: psoas-rest-positions\n",
        encoding="utf-8")
    texts = pages_of(make(tmp_path).pdf)
    assert texts[0].startswith("Ihr Übungsplan Für: Ana Praxis: Riverside Physiotherapy (sample clinic) · 555-0100 "
                               "Beginn: 7. Dezember 2026")
    assert "Übung Wie viel und wie oft Seite Hinweis" in texts[0]
    assert texts[-1].startswith("Woche 1: 7. Dez. – 13. Dez. Für: Ana Bringen Sie dieses Blatt zu Ihrem nächsten "
                                "Termin mit. Kreuzen Sie jeden Tag ein Kästchen an")
    assert pdfcheck.language(make(tmp_path, "--language", "fr").pdf) == "fr"
