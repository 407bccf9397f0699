"""What the PDF gives a screen reader or a search without tags: language, title, bookmarks, reading order, alt text.

reportlab cannot write a tagged PDF (PDF/UA); these are the parts of accessibility it
can give, read back from the files.
"""

from __future__ import annotations

import io
import shutil

import pytest
from pypdf import PdfReader

from handbook.content.loader import load_content
from handbook.layout.book.story import render_handbook
from handbook.layout.card import render_card, request_for
from handbook.model import Content
from handbook.output.impose import booklet, concatenate, two_up
from tests import pdfcheck
from tests.conftest import SAMPLE

ALT = "A person kneels on the right knee, the left foot flat in front, back upright and hands on the hips."
CAPTION = "The lunge. The arrows show: tip your pelvis back, and lift your rib cage."


@pytest.fixture(scope="module")
def with_alt(tmp_path_factory: pytest.TempPathFactory) -> Content:
    """The bundled content with alt text on the psoas-release lunge, different from its caption."""
    root = tmp_path_factory.mktemp("alt") / "routines"
    shutil.copytree(SAMPLE, root)
    path = root / "psoas-release.yaml"
    old = f'      caption: "{CAPTION}"\n'
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, old + f'      alt: "{ALT}"\n'), encoding="utf-8")
    return load_content(root)


@pytest.fixture(scope="module")
def handbook(sample_content: Content) -> bytes:
    return render_handbook(sample_content, "a4").data


def flat(text: str) -> str:
    return " ".join(text.split())


def extracted(pdf: bytes, pages: range | None = None) -> str:
    """The text as a reader that follows the content stream gets it (pypdf), invisible text included."""
    reader = PdfReader(io.BytesIO(pdf))
    return flat(" ".join(reader.pages[n].extract_text() for n in (pages or range(len(reader.pages)))))


def display_doc_title(pdf: bytes) -> bool:
    prefs = pdfcheck.reader(pdf).trailer["/Root"].get("/ViewerPreferences")
    return bool(prefs is not None and prefs.get_object().get("/DisplayDocTitle"))


def test_every_pdf_names_its_language_and_shows_its_title(handbook: bytes, sample_content: Content) -> None:
    card = render_card(request_for(sample_content, sample_content.routine("psoas-release"), "a5"))
    a5 = render_handbook(sample_content, "a5").data
    cards = concatenate([card, card], {"Title": "Exercise cards"}, "en")
    for name, pdf in (("handbook", handbook), ("card", card), ("booklet", booklet(a5, "a5")),
                      ("2-up", two_up(cards, "a5"))):
        assert pdfcheck.language(pdf) == "en", name
        assert display_doc_title(pdf), name
        assert pdfcheck.metadata(pdf)["Title"], name
    assert pdfcheck.metadata(handbook)["Title"] == sample_content.book.title
    assert pdfcheck.metadata(card)["Title"] == "Psoas release in a lunge"


def test_bookmarks_open_every_chapter_and_topic(handbook: bytes, sample_content: Content) -> None:
    titles = pdfcheck.outline_titles(handbook)
    assert [t for t in titles if t in {r.title for r in sample_content.routines}] == [
        r.title for r in sample_content.routines]
    assert [t for t in titles if t in {t.title for t in sample_content.faq}] == [t.title for t in sample_content.faq]


def test_a_chapter_is_extracted_in_reading_order(handbook: bytes, sample_content: Content) -> None:
    routine = sample_content.routine("psoas-release")
    start = {e.title: e.page for e in pdfcheck.outline(handbook)}[routine.title]
    text = extracted(handbook, range(start - 1, start + 2))
    order = [routine.title, flat(routine.summary), "Who it is for, and when", flat(routine.when),
             "How much and how often", "Steps", *(f"{n}. {flat(s.text)}" for n, s in enumerate(routine.steps, 1)),
             "Tips", flat(routine.tips[0]), "Stop and call us if", flat(routine.stop_if[0]),
             "Where this advice comes from"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions), dict(zip(order, positions, strict=True))


def test_alt_text_is_in_the_text_layer_where_the_picture_is_but_never_printed(
        with_alt: Content, sample_content: Content) -> None:
    routine = with_alt.routine("psoas-release")
    for name, pdf, plain in (
        ("handbook", render_handbook(with_alt, "a4").data, render_handbook(sample_content, "a4").data),
        ("card", render_card(request_for(with_alt, routine, "a4")),
         render_card(request_for(sample_content, sample_content.routine("psoas-release"), "a4"))),
    ):
        assert flat("".join(pdfcheck.invisible_texts(pdf))) == ALT, name  # the alt text, and nothing else
        assert ALT not in flat(" ".join(pdfcheck.page_texts(pdf))), name  # not printed
        assert pdfcheck.page_texts(pdf) == pdfcheck.page_texts(plain), name  # and the layout is the same
        text = extracted(pdf)
        assert ALT in text, name
        if name == "handbook":  # between its step and the next one, with the caption
            assert text.index(flat(routine.steps[0].text)) < text.index(ALT) < text.index(flat(routine.steps[1].text))
