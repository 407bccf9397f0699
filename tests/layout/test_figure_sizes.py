"""Pose pictures big enough to see, every pose of a routine drawn alike: read back from the PDFs.

The handbook draws each pose at least 7 cm wide beside its step, a card at least 4 cm on
A4 and Letter (a lying pose at least 5.5 cm on A5); every pose of one routine is drawn at
one scale, so a body is the same size in each. The scale is read twice, independently: the
transform each drawing is shown with (pypdf), and the thickness of the floor bar under the
figure (pdfplumber), which is as wide as the drawing.
"""

from __future__ import annotations

import functools

import pytest

from handbook.layout.book.story import render_handbook
from handbook.layout.card import render_card, request_for
from handbook.model import Content
from handbook.model.lineart import FLOOR_DEPTH
from tests import pdfcheck

CM = 72 / 2.54


def _pictures(content: Content) -> dict[str, int]:
    """How many pose pictures each routine shows."""
    counts = {r.title: sum(1 for s in r.steps if s.picture and s.picture.kind == "pose") for r in content.routines}
    return {title: count for title, count in counts.items() if count}


def _floor_under(pdf: bytes, form: pdfcheck.PoseForm) -> pdfcheck.Rect:
    """The figure's floor: a black bar as wide as the drawing (pdfplumber, inside the form)."""
    bars = [r for r in pdfcheck.rects(pdf) if r.page == form.page and r.filled and r.fill_grey is not None
            and r.fill_grey < 0.1 and abs(r.width - form.width) < 0.6 and r.height < 10]
    assert bars, form
    return min(bars, key=lambda r: abs(r.height - FLOOR_DEPTH * form.scale))


def _one_scale(pdf: bytes, forms: list[pdfcheck.PoseForm]) -> float:
    """The one scale the forms draw a body at, in points per centimetre, read twice: the transform
    each is shown with, and the thickness of its floor bar (FLOOR_DEPTH cm of the body)."""
    floors = [_floor_under(pdf, form).height / FLOOR_DEPTH for form in forms]
    assert max(floors) - min(floors) <= 0.01, floors  # a hundredth of a point per centimetre
    for form, floor in zip(forms, floors, strict=True):
        assert form.scale == pytest.approx(floor, abs=0.01)
    return sum(floors) / len(floors)


@functools.cache
def _handbook(content: Content) -> bytes:
    return render_handbook(content).data


def test_the_handbook_draws_each_pose_at_least_7_cm_wide_and_a_routine_at_one_scale(sample_content: Content) -> None:
    """(On Letter the column is the same: the handbook's measure is the same on both papers.)"""
    pdf = _handbook(sample_content)
    forms = pdfcheck.pose_forms(pdf)
    chapters: dict[str, list[pdfcheck.PoseForm]] = {}
    for form in forms:
        chapters.setdefault(pdfcheck.page_lines(pdf, form.page)[0], []).append(form)  # the running header
    assert {title: len(group) for title, group in chapters.items()} == _pictures(sample_content)
    assert min(form.width for form in forms) >= 7 * CM  # was 5.4 cm
    scales = {title: _one_scale(pdf, group) for title, group in chapters.items()}
    assert scales["Resting positions for psoas pain"] < scales["Psoas release in a lunge"]  # one per routine


def test_two_poses_of_one_routine_show_bodies_of_one_size(sample_content: Content) -> None:
    """On its back and on its side, a body is as long in both pictures: the drawings differ in width
    only by what is around the body (the side-lying pose's pillows)."""
    pdf = _handbook(sample_content)
    page = pdfcheck.find_pages(pdf, "Put a pillow between your knees and your ankles.")[0]
    back, side = [form for form in pdfcheck.pose_forms(pdf) if form.page == page]
    _one_scale(pdf, [back, side])
    assert back.width < side.width and back.height == pytest.approx(side.height, abs=0.2 * CM)


@pytest.mark.parametrize("paper", ["a4", "letter", "a5"])
def test_a_card_draws_its_poses_at_one_scale_at_least_4_cm_wide(sample_content: Content, paper: str) -> None:
    for routine in sample_content.routines:
        pdf = render_card(request_for(sample_content, routine, paper))
        forms = pdfcheck.pose_forms(pdf)
        assert len(forms) == _pictures(sample_content).get(routine.title, 0), routine.slug
        if not forms:
            continue
        _one_scale(pdf, forms)
        if paper != "a5":
            assert min(form.width for form in forms) >= 4 * CM, (routine.slug, paper)  # was 3 cm on A5
        for form in forms:
            if paper == "a5" and form.width > 2.5 * form.height:  # lying: as wide as the step beside it allows
                assert form.width >= 4.5 * CM, (routine.slug, form)
