"""Pictures in the printed handbook and cards: beside their steps, inside the margins, reproducible,
and on a full card first smaller, then on more sides, never left out."""

from __future__ import annotations

import functools
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from PIL import Image

from handbook.content.poses import builtin_poses
from handbook.layout.book.story import render_handbook
from handbook.layout.card import CardDoesNotFit, fit_card, render_card, request_for
from handbook.layout.card.arrange import Fit
from handbook.layout.styles import MIN_MARGIN
from handbook.model import Content, Routine
from handbook.model.lineart import figure_picture
from tests import pdfcheck

PAPERS = ("a4", "letter", "a5")


@functools.cache
def _card(content: Content, slug: str, paper: str) -> bytes:
    return render_card(request_for(content, content.routine(slug), paper))


def ink_outside_margins(pdf: bytes, margin: float = MIN_MARGIN) -> list[int]:
    """Pages with anything printed (text, lines, pictures) in the border a printer may cut."""
    pages = []
    document = pdfium.PdfDocument(pdf)
    for number, page in enumerate(document, start=1):
        image = page.render(scale=1).to_pil().convert("L")
        width, height = image.size
        inside = (int(margin) + 1, int(margin) + 1, width - int(margin) - 1, height - int(margin) - 1)
        image.paste(255, inside)
        if Image.eval(image, lambda v: 255 if v < 200 else 0).getbbox() is not None:
            pages.append(number)
    return pages


@pytest.mark.parametrize("paper", PAPERS)
def test_every_bundled_card_has_every_picture_inside_the_margins(sample_content: Content, paper: str) -> None:
    for routine in sample_content.routines:
        pdf = _card(sample_content, routine.slug, paper)
        assert ink_outside_margins(pdf) == [], routine.slug
        assert pdfcheck.standard_fonts(pdf) == []
        captions = [s.picture.caption for s in routine.steps if s.picture]
        captions += [routine.picture.caption] if routine.picture else []
        text = "".join(page.extract_text() for page in pdfcheck.reader(pdf).pages).replace(" ", "").replace("\n", "")
        for caption in captions:
            assert caption.replace(" ", "") in text, (routine.slug, paper, caption)
    if paper == "a4":  # byte for byte, pictures and all
        assert render_card(request_for(sample_content, routine, paper)) == pdf


def test_on_a4_every_step_picture_is_beside_its_step(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-rest-positions")
    fit = fit_card(request_for(sample_content, routine, "a4"))
    assert fit.ok and fit.choice.picture is not None
    pdf = _card(sample_content, routine.slug, "a4")
    for step in (s for s in routine.steps if s.picture):
        assert step.picture is not None
        page = pdfcheck.find_pages(pdf, " ".join(step.text.split()[0:3]))[0]
        chars = [c for c in pdfcheck.chars(pdf) if c.page == page]
        step_top = _line_of(chars, step.text.split()[0:3])
        caption = _line_of(chars, step.picture.caption.split()[0:3])
        step_right = max(c.x1 for c in chars if abs(c.top - step_top[0]) < 1)
        assert caption[1] > step_right - 1  # the caption starts right of the step's first line
        assert 0 < caption[0] - step_top[0] < 110  # under the picture that starts beside the step


def _line_of(chars: list[pdfcheck.Char], words: list[str]) -> tuple[float, float]:
    """(top, x0) of the first line that starts with `words`."""
    rows: dict[float, list[pdfcheck.Char]] = {}
    for c in chars:
        rows.setdefault(round(c.top, 1), []).append(c)
    for top, row in sorted(rows.items()):
        row.sort(key=lambda c: c.x0)
        for start in range(len(row)):
            if "".join(c.text for c in row[start:]).replace(" ", "").startswith("".join(words)):
                return top, row[start].x0
    raise AssertionError(f"{' '.join(words)!r} is not on the page")


def _with_pictures(routine: Routine, count: int, extra: int = 0) -> Routine:
    """The routine with `count` steps, each with a pose, and `extra` more words on each step."""
    poses = sorted(builtin_poses())
    step = routine.steps[1]
    words = " Keep it slow and easy." * extra
    steps = tuple(replace(step, text=step.text + words, picture=figure_picture(builtin_poses()[poses[i % len(poses)]]))
                  for i in range(count))
    return replace(routine, steps=steps)


def test_a_full_card_shrinks_its_pictures_then_goes_on_its_back_then_refuses(sample_content: Content) -> None:
    routine = sample_content.routine("psoas-foam-roller")
    bare = replace(routine, tips=(), clinic_advice=(), caution=None, avoid=())

    def fit(steps: int, words: int = 0, base: Routine = bare) -> Fit:
        return fit_card(replace(request_for(sample_content, _with_pictures(base, steps, words), "a4"), red_flags=()))

    one, two, three = fit(1), fit(2), fit(3)
    assert len(one.sides) == 1 and one.choice.picture is not None
    assert len(two.sides) == 1 and two.choice.picture is not None
    assert two.choice.picture < one.choice.picture  # smaller first,
    assert len(three.sides) == 2 and three.choice.picture == one.choice.picture  # then on the back, full size
    pdf = render_card(request_for(sample_content, _with_pictures(routine, 6), "a4"))
    assert ink_outside_margins(pdf) == []
    assert len(pdfcheck.form_uses(pdf, "")) == 6  # every step's pose, drawn (each one a form)
    with pytest.raises(CardDoesNotFit) as refused:
        render_card(request_for(sample_content, _with_pictures(routine, 20, 3), "a4"))
    assert "does not fit on 4 sides of A4 with 14 pt text" in str(refused.value)


def test_on_a5_every_step_picture_is_kept(sample_content: Content) -> None:
    routine = sample_content.routine("pelvic-floor-down-training")
    pdf = _card(sample_content, routine.slug, "a5")
    text = "".join(c.text for c in pdfcheck.chars(pdf)).replace(" ", "")
    for step in routine.steps:
        if step.picture is not None:
            assert step.picture.caption.replace(" ", "") in text
    assert "Notes" in " ".join(pdfcheck.page_texts(pdf)).split()  # the tick grid keeps its note lines


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_handbook_prints_each_step_picture_beside_its_step_inside_the_margins(sample_content: Content,
                                                                                 paper: str) -> None:
    pdf = render_handbook(sample_content, paper).data
    assert ink_outside_margins(pdf) == []
    assert pdfcheck.standard_fonts(pdf) == []
    steps = [s for r in sample_content.routines for s in r.steps if s.picture]
    assert len(steps) == 6
    for step in steps:
        assert step.picture is not None
        page = pdfcheck.find_pages(pdf, " ".join(step.text.split()))[0]
        chars = [c for c in pdfcheck.chars(pdf) if c.page == page]
        top, _ = _line_of(chars, step.text.split()[:4])
        caption = _line_of(chars, step.picture.caption.split()[:4])  # on the step's page,
        assert caption[1] > max(c.x1 for c in chars if abs(c.top - top) < 1)  # right of the step's first line
        assert 0 < caption[0] - top < 260  # and under its picture, which starts beside the step


def test_a_pose_shown_twice_at_one_size_is_stored_once(sample_content: Content) -> None:
    """Each distinct pose is one form in the PDF, shown wherever it is placed."""
    routine = sample_content.routine("psoas-foam-roller")
    same = figure_picture(builtin_poses()["half-kneeling-lunge"])
    steps = tuple(replace(step, picture=same) for step in routine.steps[:2])
    changed = replace(routine, steps=steps, picture=None)
    others = [r for r in sample_content.routines if r.slug != routine.slug]
    content = replace(sample_content, routines=(changed, *others))
    pdf = render_handbook(content).data
    next_chapter = min(p for p in pdfcheck.find_pages(pdf, content.routines[1].title) if p > 3)  # after the contents
    first_chapter = [form for page, form in pdfcheck.form_uses(pdf, "pose") if page < next_chapter]
    assert len(first_chapter) == 2 and len(set(first_chapter)) == 1  # one form, shown twice
