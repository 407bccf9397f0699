"""The drawing model of a pose: what a patient must read in it, measured on the marks, before any drawing.

A face shows which way it looks with a nose joined to the head (no loose dot beside it), a
body on its side stands as tall as its shoulders are wide and rests on its shoulder and hip,
and a foam roller is drawn as long as it is, longer than the body is wide.
"""

from __future__ import annotations

import math

import pytest

from handbook.content.poses import LENGTHS, PROPS, builtin_poses
from handbook.model import Prop, lineart
from handbook.model.lineart import HEAD_RADIUS, Mark

POSES = builtin_poses()


def _near(mark: Mark, centre: tuple[float, float], radius: float) -> bool:
    return all(math.dist(p, centre) <= radius for p in mark.points)


@pytest.mark.parametrize("name", sorted(n for n, p in POSES.items() if p.face is not None))
def test_a_face_has_a_nose_joined_to_the_head_and_no_other_mark(name: str) -> None:
    pose = POSES[name]
    marks = lineart.marks(pose, arrows=False)
    head = [m for m in marks if m.kind == "disc" and m.points == (pose.head,)]
    assert [m.width for m in head] == [HEAD_RADIUS, HEAD_RADIUS - lineart.OUTLINE]  # its outline and its fill
    discs = [m for m in marks if m.kind == "disc" and math.dist(m.points[0], pose.head) < 2 * HEAD_RADIUS]
    assert discs == head  # no dot on or beside the face (the old round nose read as an earring)
    nose = [m for m in marks if m not in head and _near(m, pose.head, HEAD_RADIUS + 4)]
    assert len(nose) == 1 and nose[0].kind == "shape" and nose[0].grey == lineart.BLACK
    distances = [math.dist(p, pose.head) for p in nose[0].points]
    assert min(distances) < HEAD_RADIUS - lineart.OUTLINE  # it grows out of the head, not beside it
    assert HEAD_RADIUS + 2 < max(distances) <= HEAD_RADIUS + 4  # and stands out of the face, a little
    tip = max(nose[0].points, key=lambda p: math.dist(p, pose.head))
    looks = math.degrees(math.atan2(tip[1] - pose.head[1], tip[0] - pose.head[0]))
    assert abs((looks - pose.face + 180) % 360 - 180) < 30  # where the face looks


def _torso_bounds(name: str) -> list[tuple[float, float, float]]:
    """(x, bottom, top) of the torso at each of its drawn points."""
    return [(x, y - r, y + r) for (x, y), r in lineart.torso_widths(POSES[name])]


def test_a_body_on_its_side_rests_on_its_shoulder_and_hip_and_stands_as_tall_as_it_is_wide() -> None:
    pose = POSES["side-lying-pillow-knees"]
    assert pose.view == "front" and pose.face is None  # facing you: no nose
    _, shoulders, waist, hips = _torso_bounds("side-lying-pillow-knees")
    assert shoulders[2] >= lineart.SHOULDER_WIDTH - 1  # as tall as a body is wide
    assert shoulders[1] <= 3 and hips[1] <= 3  # the lower shoulder and hip on the floor
    assert waist[1] >= 8 and waist[2] <= min(shoulders[2], hips[2]) - 3  # the waist lifted and narrower
    legs = dict(POSES["side-lying-pillow-knees"].limbs)
    assert all(top[1] - bottom[1] >= 15 for top, bottom in zip(legs["near-leg"], legs["far-leg"], strict=False))
    # on the back, a body is only as tall as its chest is deep
    assert max(top for _, _, top in _torso_bounds("lying-back-pillow-knees")) < lineart.SHOULDER_WIDTH - 5


def _along(marks: list[Mark], angle: float) -> float:
    """How far the marks reach along a direction (degrees), ink included."""
    ux, uy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    values = []
    for mark in marks:
        pad = mark.width + mark.edge / 2 if mark.kind == "disc" else mark.edge / 2
        values += [p[0] * ux + p[1] * uy + s * pad for p in mark.points for s in (-1, 1)]
    return max(values) - min(values)


def test_a_foam_roller_is_drawn_as_long_as_it_is_longer_than_the_body_is_wide() -> None:
    roller = next(p for p in POSES["face-down-roller-hip"].props if p.kind == "roller")
    assert roller.length == LENGTHS["roller"] == 90 and roller.width == PROPS["roller"][0] == 15
    assert roller.length > 2 * lineart.SHOULDER_WIDTH  # longer than the body is wide, by far
    o = lineart.OUTLINE
    drawn = _along(lineart.prop_marks(roller, o), lineart.DEPTH_ANGLE) - roller.width
    assert drawn == pytest.approx(roller.length * lineart.DEPTH_SCALE, abs=0.5)
    assert drawn / lineart.DEPTH_SCALE >= lineart.SHOULDER_WIDTH  # its length shows, at the same scale
    ball = Prop("ball", roller.at, *PROPS["ball"][:2])
    assert lineart.extent(lineart.prop_marks(roller, o))[2] - lineart.extent(lineart.prop_marks(roller, o))[0] > \
        2 * (lineart.extent(lineart.prop_marks(ball, o))[2] - lineart.extent(lineart.prop_marks(ball, o))[0])
    flat = Prop("roller", roller.at, roller.width, roller.height)  # length 0: seen end on, a circle
    assert _along(lineart.prop_marks(flat, o), lineart.DEPTH_ANGLE) == pytest.approx(roller.width, abs=0.1)
