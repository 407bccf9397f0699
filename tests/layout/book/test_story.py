"""The handbook PDF, read back with independent parsers (pypdf, pdfium): structure, type, print.

Each PDF is rendered once per module and shared: the bundled sample content on A4 and
Letter, and a "tricky" copy with escaping, long words, a long address, a 3,000-word
answer and pictures.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from handbook import __version__
from handbook.content.loader import load_content
from handbook.errors import HandbookError
from handbook.layout.book.story import render_handbook
from handbook.layout.styles import FURNITURE_SIZE, MIN_MARGIN, handbook_geometry, handbook_styles
from handbook.model import Content
from tests import pdfcheck
from tests.conftest import DATA, SAMPLE

ESCAPED_TITLE = "Psoas release, knees <bend> & R&D"
ESCAPED_TOPIC = "The psoas <muscle> & R&D"
LONG_WORD = "x" * 300
MEDIUM_LINK = "https://example.org/" + "v" * 280  # 300 characters: beside its QR code
LONG_LINK = "https://example.org/" + "a" * 1480
ANSWER_WORDS = [f"w{n}" for n in range(3000)]
STOP_ITEMS = [f"Stop item {n}, " + " ".join(["it hurts more"] * 20) for n in range(1, 8)]  # a box taller than a page


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "a4").data


@pytest.fixture(scope="module")
def sample_letter(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "letter").data


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def tricky_content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The sample, with every hard case the layout must survive."""
    root = tmp_path_factory.mktemp("tricky") / "routines"
    shutil.copytree(SAMPLE, root)
    (root / "images").mkdir()
    Image.new("RGB", (600, 400), "gray").save(root / "images" / "lunge.png")
    Image.new("RGB", (200, 300), "white").save(root / "images" / "step.jpg")
    release = root / "psoas-release.yaml"
    _edit(release, "title: Psoas release in a lunge", f"title: {ESCAPED_TITLE}")
    _edit(release, "equipment: []", "equipment: []\n"
          f"link: {MEDIUM_LINK}\n"
          "picture: {file: images/lunge.png, caption: 'The lunge <side view> & R&D'}")
    _edit(release, "  - Do not lean forward straight away.",
          "  - text: Do not lean forward straight away.\n    hold_seconds: 30\n"
          "    picture: {file: images/step.jpg, caption: Step two}")
    _edit(release, "tips:\n", f"tips:\n  - {LONG_WORD}\n")
    _edit(root / "pelvic-floor-down-training.yaml", "equipment:", f"link: {LONG_LINK}\nequipment:")
    _edit(root / "psoas-foam-roller.yaml", "stop_if:\n", "stop_if:\n" + "".join(f"  - {item}\n" for item in STOP_ITEMS))
    faq = root / "faq" / "psoas.yaml"
    _edit(faq, "title: The psoas muscle", f"title: {ESCAPED_TOPIC}")
    _edit(faq, "  - question: What causes psoas problems?",
          f"  - question: A long answer?\n    answer: {' '.join(ANSWER_WORDS)}\n"
          "  - question: What causes psoas problems?")
    return load_content(root)


@pytest.fixture(scope="module")
def tricky(tricky_content: Content) -> bytes:
    return render_handbook(tricky_content, "a4").data


@pytest.fixture(scope="module")
def tricky_letter(tricky_content: Content) -> bytes:
    return render_handbook(tricky_content, "letter").data


@pytest.fixture(scope="module")
def all_pdfs(sample: bytes, sample_letter: bytes, tricky: bytes, tricky_letter: bytes) -> dict[str, bytes]:
    return {"sample A4": sample, "sample Letter": sample_letter, "tricky A4": tricky, "tricky Letter": tricky_letter}


def contents_entries(pdf: bytes) -> dict[str, int]:
    """Title -> page number, as printed on the contents page(s)."""
    entries: dict[str, int] = {}
    for page in range(2, pdfcheck.page_count(pdf) + 1):
        lines = pdfcheck.page_lines(pdf, page)
        if lines[0] != "Contents":  # the running header names the chapter
            if entries:
                break
            continue
        for line in lines[2:-1]:  # header, heading ... footer
            match = re.fullmatch(r"(.+) (\d+)", line)
            assert match, f"contents line without a page number: {line!r}"
            entries[match[1]] = int(match[2])
    return entries


# --- structure -----------------------------------------------------------------------


def test_page_count_and_size(sample: bytes, sample_letter: bytes, sample_content: Content) -> None:
    pages = render_handbook(sample_content, "a4").pages
    assert pdfcheck.page_count(sample) == pages
    assert pages >= 3 + len(sample_content.routines) + 2
    assert set(pdfcheck.page_sizes(sample)) == {(595.2756, 841.8898)}
    assert set(pdfcheck.page_sizes(sample_letter)) == {(612, 792)}


def test_outline_has_every_chapter_and_topic(sample: bytes, sample_content: Content) -> None:
    outline = pdfcheck.outline(sample)
    levels = {entry.title: entry.level for entry in outline}
    for routine in sample_content.routines:
        assert levels[routine.title] == 1
    for topic in sample_content.faq:
        assert levels[topic.title] == 1
    for part in ("How to use this handbook", "Contents", "Exercise routines", "Questions and answers",
                 "Sources", "Notes"):
        assert levels[part] == 0
    pages = [entry.page for entry in outline]
    assert pages == sorted(pages), "bookmarks follow the book's order"


def test_contents_numbers_are_the_pages_where_chapters_start(sample: bytes, sample_content: Content) -> None:
    entries = contents_entries(sample)
    outline = {entry.title: entry.page for entry in pdfcheck.outline(sample)}
    titles = [r.title for r in sample_content.routines] + [t.title for t in sample_content.faq]
    assert set(titles) <= set(entries)
    for title in [*titles, "How to use this handbook", "Sources", "Notes"]:
        page = entries[title]
        assert page == outline[title], title
        assert flat(title) in flat(pdfcheck.page_texts(sample)[page - 1]), title
    for routine in sample_content.routines:  # a chapter starts on its page, not before
        page = entries[routine.title]
        assert pdfcheck.page_lines(sample, page)[0] == routine.title
        assert pdfcheck.page_lines(sample, page - 1)[0] != routine.title


def test_contents_entries_are_links_to_their_pages(sample: bytes) -> None:
    entries = contents_entries(sample)
    contents_pages = {n for n in range(1, pdfcheck.page_count(sample) + 1)
                      if pdfcheck.page_lines(sample, n)[0] == "Contents"}
    targets = [link.target_page for link in pdfcheck.link_targets(sample) if link.page in contents_pages]
    assert sorted(targets) == sorted(entries.values())


def test_faq_answers_link_to_the_routines_they_name(sample: bytes, sample_content: Content) -> None:
    starts = {entry.title: entry.page for entry in pdfcheck.outline(sample)}
    faq_start = starts["Questions and answers"]
    wanted = {starts[sample_content.routine(slug).title]
              for topic in sample_content.faq for q in topic.questions for slug in q.see}
    found = {link.target_page for link in pdfcheck.link_targets(sample) if link.page >= faq_start}
    assert wanted and wanted <= found
    text = flat(" ".join(pdfcheck.page_texts(sample)[faq_start - 1:]))
    title = sample_content.routine("psoas-release").title
    assert f"See the routine: {title}, page {starts[title]}" in text


def test_page_n_of_m_on_every_page_but_the_cover(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        texts = pdfcheck.page_texts(pdf)
        total = len(texts)
        assert "page 1 of" not in texts[0], name
        for number, text in enumerate(texts[1:], start=2):
            assert text.splitlines()[-1].endswith(f"page {number} of {total}"), (name, number)


def test_running_header_names_the_chapter(sample: bytes, sample_content: Content) -> None:
    starts = {entry.title: entry.page for entry in pdfcheck.outline(sample)}
    order = sorted(starts.items(), key=lambda item: item[1])
    for number in range(2, pdfcheck.page_count(sample) + 1):
        header = pdfcheck.page_lines(sample, number)[0]
        assert header in starts, (number, header)
        assert starts[header] <= number
    assert order[0] == ("How to use this handbook", 2)


def test_metadata(sample: bytes, sample_content: Content) -> None:
    book = sample_content.book
    info = pdfcheck.metadata(sample)
    assert info["Title"] == book.title
    assert info["Author"] == book.clinic.name
    assert info["Subject"] == book.subtitle
    assert "exercise routines" in info["Keywords"]
    assert info["Creator"] == f"handbook {__version__}"
    assert info["CreationDate"].startswith("D:20261101")  # the book's review date, not the clock
    assert pdfcheck.language(sample) == "en"


# --- fonts, type, print --------------------------------------------------------------


def test_every_font_is_embedded_and_subset(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        fonts = pdfcheck.fonts(pdf)
        assert fonts, name
        assert pdfcheck.standard_fonts(pdf) == [], name
        assert all(f.embedded and f.subset for f in fonts), (name, fonts)
        assert {f.name.split("+")[-1] for f in fonts} <= {
            "SourceSansPro-Regular", "SourceSansPro-Bold", "SourceSansPro-It"}


def test_nothing_outside_the_margins(all_pdfs: dict[str, bytes]) -> None:
    for name, pdf in all_pdfs.items():
        assert pdfcheck.chars_outside_margins(pdf, MIN_MARGIN) == [], name
        assert pdfcheck.images_outside_margins(pdf, MIN_MARGIN) == [], name


def test_patients_read_12_pt_or_more(all_pdfs: dict[str, bytes]) -> None:
    """Only the running header, the footer and the small print are smaller, never below 8 pt."""
    for name, pdf in all_pdfs.items():
        paper = "letter" if "Letter" in name else "a4"
        g = handbook_geometry(paper)
        small_print: dict[int, dict[float, str]] = {}
        for c in pdfcheck.chars(pdf):
            assert c.size >= 8, (name, c)
            in_furniture = c.bottom < g.top or c.top > g.height - g.bottom
            if c.size < 12 and not in_furniture:
                lines = small_print.setdefault(c.page, {})
                lines[-c.origin_y] = lines.get(-c.origin_y, "") + c.text
            if in_furniture and c.text.strip():
                assert c.size == FURNITURE_SIZE, (name, c)
        for page, lines in small_print.items():  # a routine's version line, nothing else
            text = " ".join(lines[y] for y in sorted(lines))
            assert re.fullmatch(r"Version \d+, reviewed on \d+ [A-Z][a-z]+ \d{4} by .+\.", text), (name, page, text)


def test_body_lines_stay_near_70_characters(sample: bytes) -> None:
    lines = [line for n in range(2, pdfcheck.page_count(sample) + 1) for line in pdfcheck.page_lines(sample, n)[1:-1]]
    assert max(len(line) for line in lines) <= 72


def test_styles_never_leave_orphans_or_widows_and_keep_headings_with_text() -> None:
    for name, style in handbook_styles().items():
        assert style.allowOrphans == 0 and style.allowWidows == 0, name
        assert style.alignment == 0, name  # left-aligned
        assert style.leading >= (1.3 if style.fontSize <= 15 else 1.15) * style.fontSize, name
        if name in ("h1", "h2", "topic", "question", "toc-part"):
            assert getattr(style, "keepWithNext", 0) == 1, name


def test_no_heading_stranded_at_a_page_foot(tricky: bytes) -> None:
    g = handbook_geometry("a4")
    by_page: dict[int, list[pdfcheck.Char]] = {}
    for c in pdfcheck.chars(tricky):
        if g.top <= c.top and c.bottom <= g.height - g.bottom and c.text.strip():
            by_page.setdefault(c.page, []).append(c)
    for page, chars in by_page.items():
        if page == 1 or pdfcheck.page_lines(tricky, page)[1] == "Notes":
            continue
        lowest = min(c.origin_y for c in chars)
        last_line = [c for c in chars if abs(c.origin_y - lowest) < 0.5]
        heading = all("Bold" in c.font for c in last_line) and last_line[0].size >= 15.5
        assert not heading, (page, "".join(c.text for c in last_line))


# --- hard content -----------------------------------------------------------------------


def test_user_text_is_printed_exactly_as_written(tricky: bytes) -> None:
    texts = [flat(t) for t in pdfcheck.page_texts(tricky)]
    entries = contents_entries(tricky)
    assert ESCAPED_TITLE in entries and ESCAPED_TOPIC in entries
    chapter = entries[ESCAPED_TITLE]
    assert pdfcheck.page_lines(tricky, chapter)[0] == ESCAPED_TITLE  # running header
    assert ESCAPED_TITLE in texts[chapter - 1]
    assert ESCAPED_TOPIC in texts[entries[ESCAPED_TOPIC] - 1]
    assert "The lunge <side view> & R&D" in " ".join(texts)
    titles = pdfcheck.outline_titles(tricky)
    assert ESCAPED_TITLE in titles and ESCAPED_TOPIC in titles
    assert "&amp;" not in " ".join(texts) + " ".join(titles)


def test_long_words_and_addresses_wrap_inside_the_column(tricky: bytes, tricky_letter: bytes) -> None:
    for pdf in (tricky, tricky_letter):
        squeezed = "".join("".join(pdfcheck.page_texts(pdf)).split())
        assert LONG_WORD in squeezed
        assert LONG_LINK in squeezed
        assert MEDIUM_LINK in squeezed
        uris = {link.uri for link in pdfcheck.link_targets(pdf) if link.uri}
        assert {LONG_LINK, MEDIUM_LINK} <= uris  # the QR codes (and the addresses) are links


def test_a_stop_box_taller_than_a_page_continues_on_the_next(tricky: bytes) -> None:
    text = flat(" ".join(pdfcheck.page_texts(tricky)))
    assert "Stop and call us if (continued)" in text
    for item in STOP_ITEMS:
        assert item in text


def test_a_3000_word_answer_flows_across_pages(tricky: bytes) -> None:
    pages = [n for n, text in enumerate(pdfcheck.page_texts(tricky), start=1) if "w1500" in text.split()
             or "w0" in text.split() or "w2999" in text.split()]
    assert len(pages) == 3 and pages[-1] - pages[0] >= 2
    words = [w for text in pdfcheck.page_texts(tricky) for w in text.split() if re.fullmatch(r"w\d+", w)]
    assert words == ANSWER_WORDS


def test_pictures_are_placed_with_their_captions(tricky: bytes, tricky_content: Content) -> None:
    images = pdfcheck.images(tricky)
    assert len(images) == 2
    start = {e.title: e.page for e in pdfcheck.outline(tricky)}[ESCAPED_TITLE]
    assert all(start <= page <= start + 3 for page, _ in images)
    (page, (x0, _top, x1, bottom)), _ = images
    assert x1 - x0 == pytest.approx(handbook_geometry("a4").frame_width, abs=0.5)  # scaled to the column
    caption = [c for c in pdfcheck.chars(tricky) if c.page == page and c.text == "<" and round(c.size) == 12]
    assert caption and all(c.top > bottom for c in caption)  # "The lunge <side view>" under its picture


def test_qr_codes_read_back_as_the_links_with_their_quiet_zone_and_size(tricky: bytes) -> None:
    mm = 72 / 25.4
    codes = []
    for page in pdfcheck.find_pages(tricky, "scan this code"):
        # 150 dpi: a phone camera reads a printed page at least this well
        codes += pdfcheck.qr_codes(tricky, page, dpi=150)
    assert sorted((code.text, code.error_correction) for code in codes) == [(LONG_LINK, "M"), (MEDIUM_LINK, "M")]
    for code in codes:
        assert code.quiet_zone_blank, code
        # with its quiet zone 30 to 60 mm, modules of 0.4 mm or more unless that would pass 60 mm; a pixel's leeway
        printed = code.side / code.modules * (code.modules + 2 * pdfcheck.QUIET_ZONE)
        assert 30 * mm - 1 <= printed <= 60 * mm + 1, code
        assert code.module >= 0.4 * mm - 0.05 or printed >= 60 * mm - 1, code


def test_chapters_carry_the_safety_box_and_the_clinic_phone(sample: bytes, sample_content: Content) -> None:
    text = flat(" ".join(pdfcheck.page_texts(sample)))
    clinic = sample_content.book.clinic
    assert text.count("Stop and call us if ") >= len(sample_content.routines)
    assert text.count(f"Call {clinic.name} on {clinic.phone}.") == len(sample_content.routines) + 1
    how_to = flat(pdfcheck.page_texts(sample)[1])
    assert "does not replace your clinician's advice" in how_to
    assert "stop the routine and call us" in how_to
    assert "Hold for" in text or "Do this" in text  # the dose in words


def test_cover(sample: bytes, sample_content: Content) -> None:
    book = sample_content.book
    cover = flat(pdfcheck.page_texts(sample)[0])
    for part in (book.title, book.subtitle or "", book.edition, book.clinic.name, book.clinic.phone,
                 f"Reviewed on 1 November 2026 by {book.reviewed.by}."):
        assert part in cover
    import re

    assert [m.start() for m in re.finditer(r"\d{1,2} \w+ \d{4}", cover)] == [cover.index("on 1 November") + 3]


def test_a_cover_awaiting_review_has_no_review_date(sample_content: Content) -> None:
    from dataclasses import replace

    book = sample_content.book
    waiting = replace(sample_content, book=replace(book, reviewed=replace(book.reviewed, by="A. Sample (sample)")))
    cover = flat(pdfcheck.page_texts(render_handbook(waiting, "a4").data)[0])
    assert "Not yet reviewed by a clinician." in cover and "Reviewed on" not in cover
    assert cover.count("2026") == book.edition.count("2026")  # the edition's own date, and no other


# --- reproducible ----------------------------------------------------------------------------


def test_same_content_same_bytes(sample: bytes, sample_content: Content) -> None:
    assert render_handbook(sample_content, "a4").data == sample


def test_source_date_epoch_sets_the_date(sample_content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 15 January 2027
    first = render_handbook(sample_content, "a4").data
    assert render_handbook(sample_content, "a4").data == first
    assert pdfcheck.metadata(first)["CreationDate"].startswith("D:20270115")
    assert "2027" not in pdfcheck.page_texts(first)[0]  # the cover prints the review's date, labelled, not this one


@pytest.mark.parametrize("value", ["soon", "-5"])
def test_a_bad_source_date_epoch_is_one_clear_error(
    sample_content: Content, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(HandbookError, match=r"^SOURCE_DATE_EPOCH: expected"):
        render_handbook(sample_content, "a4")


def test_the_safety_note_can_be_the_clinics_own(
    content_dir: Path, edit: Callable[[Path, str, str], None]
) -> None:
    edit(content_dir / "book.yaml", "language: en", "language: en\nsafety_note: Our own words <here> & now.")
    pdf = render_handbook(load_content(content_dir), "a4").data
    how_to = flat(pdfcheck.page_texts(pdf)[1])
    assert "Our own words <here> & now." in how_to
    assert "Call Riverside Physiotherapy (sample clinic) on 555-0100." in how_to


def test_every_stop_box_lists_the_clinics_red_flags_as_its_advice_beside_the_phone(sample: bytes,
                                                                                   sample_content: Content) -> None:
    text = flat(" ".join(pdfcheck.page_texts(sample)))
    flags = " ".join(f"\u2022 {flag}" for flag in sample_content.book.red_flags)
    block = ("Call us straight away, or get urgent help, if (advice from your clinic): " + flags
             + " Call Riverside Physiotherapy (sample clinic) on 555-0100.")
    assert text.count(block) == len(sample_content.routines)


def test_the_clinics_own_advice_has_its_own_heading(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "minimal", root)
    _edit(root / "knee-hold.yaml", "avoid: [Pulling hard.]", "avoid: [Pulling hard.]\n"
          "clinic_advice: [Start after your physio has checked you.]")
    text = flat(" ".join(pdfcheck.page_texts(render_handbook(load_content(root), "a4").data)))
    assert ("What to avoid \u2022 Pulling hard. Advice from your clinic \u2022 Start after your physio has checked "
            "you.") in text


def test_the_stop_box_never_looks_like_the_read_first_note(sample: bytes) -> None:
    """The stop box: a heavy border, nothing behind the text; the note: a thin border on light grey."""
    g = handbook_geometry("a4")
    boxes = [r for r in pdfcheck.rects(sample) if r.width > 0.9 * g.frame_width and r.height > 60]
    howto = pdfcheck.find_pages(sample, "Please read this first")[0]
    notes = [r for r in boxes if r.page == howto]
    stops = [r for r in boxes if r.page > howto + 1]
    assert len(notes) == 1 and notes[0].filled and notes[0].line_width == 1.0 and 0.9 < (notes[0].fill_grey or 0) < 1
    assert stops and all(r.line_width == 3.0 and not r.filled for r in stops)


def test_an_answers_clinic_advice_is_printed_beside_it_under_its_own_label(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "minimal", root)
    faq = root / "faq" / "basics.yaml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("    see: [knee-hold]", "    clinic_advice: [Ask us first.]\n    see: [knee-hold]"),
                   encoding="utf-8")
    pdf = render_handbook(load_content(root), "a4").data
    assert "Advice from your clinic: \u2022 Ask us first." in flat(" ".join(pdfcheck.page_texts(pdf)))
