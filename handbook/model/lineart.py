"""A pose as line art: the list of marks to draw, and how big they are. No drawing library here.

`marks` turns a `Pose` (key points in centimetres) into simple marks: round-capped
lines, filled shapes and discs, in the order they are drawn. `handbook.layout.figures` hands them to
reportlab; tests measure them without drawing anything.

The style is one for all poses: every body part is a tube of fixed width with a black
outline of the same weight all round, so the proportions and the line weight are the
same in every pose. Near limbs are white, far limbs light grey (and behind), the head
is a circle with a small nose in profile showing which way the face looks, props are
outlined in the same weight, and the floor is a solid bar. A pose is seen from the side,
or (`view: front`, a body on its side facing you) from in front, where the torso is as
wide as the shoulders and hips, with the waist between them.

All sizes are centimetres of a person about 170 cm tall. The outline `o` is passed in:
the drawing picks it so it prints at a steady weight whatever the scale.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from handbook.model import Picture, Point, Pose, Prop

HEAD_RADIUS = 13.0
# The nose, seen from the side: a short wedge out of the face, tipped a little towards the chin.
NOSE_BASE = (HEAD_RADIUS - 2.0, 3.4)  # where it starts inside the head (from the centre) and its half-width there
NOSE_TIP = (HEAD_RADIUS + 2.6, 1.2)  # how far out its tip is (from the centre) and the tip's radius
NOSE_TILT = 22.0  # degrees from the way the face looks, towards the chin
# Half-widths of the body's tubes at each key point (they taper from one to the next).
# A little fuller than life, so a small picture still reads.
NECK = (6.0, 6.0)
TORSO = (10.5, 16.0, 15.0, 14.5)  # at the neck, the chest, the middle of the back, the hips
CHEST_AT = 0.3  # the chest is this far from the neck towards the next torso point
# Seen from in front (a pose on its side, facing you): shoulders and hips wide, the waist narrower
# between them (at WAIST_AT of the way to the hips, unless the torso gives its middle point).
FRONT_TORSO = (8.0, 19.0, 10.5, 16.0)  # at the neck, the shoulders, the waist, the hips
SHOULDERS_AT, WAIST_AT = 0.2, 0.6
SHOULDER_WIDTH = 2 * FRONT_TORSO[1]  # the body's width across the shoulders, as the front view draws it
ARM = (6.2, 5.2, 4.5)  # shoulder, elbow, hand
LEG = (8.8, 7.0, 5.4, 4.6)  # hip, knee, ankle, toes
PILLOW_ROUNDNESS = 3.0  # 2 is an ellipse; higher is squarer
FLOOR_DEPTH = 2.6  # the floor bar, below y = 0
FLOOR_OVERHANG = 8.0  # the floor reaches this far past the figure on each side
OUTLINE = 2.2  # the outline at its natural weight, in cm
FAR_GREY = 0.78  # fill of the far limbs: light, and never the only cue (they are also behind)
ARROW_WIDTH = 1.0  # arrow line, in outlines

# Depth: a prop that reaches into the picture (a foam roller's length) is drawn slanting back
# from the end you see, up and to the left at DEPTH_ANGLE (turned with the prop's angle), at
# DEPTH_SCALE of its length: an oblique view, as a draughtsman draws a box, so a roller shows
# its length past the body instead of looking like a ball.
DEPTH_ANGLE = 145.0
DEPTH_SCALE = 0.45

WHITE = 1.0
BLACK = 0.0


@dataclass(frozen=True)
class Mark:
    """One thing to draw, in centimetres.

    kind "line": a polyline with round caps and joins, `width` wide, in `grey`.
    kind "shape": a closed polygon filled with `grey`, outlined `edge` wide (0: none) in `edge_grey`.
    kind "disc": a circle around points[0], `width` is its radius; fill and edge as a shape.
    """

    kind: str
    points: tuple[Point, ...]
    width: float
    grey: float
    edge: float = 0.0
    edge_grey: float = BLACK

    def extent(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        if self.kind == "line":
            pad = self.width / 2
        elif self.kind == "disc":
            pad = self.width + self.edge / 2
        else:
            pad = self.edge / 2
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def extent(marks: Iterable[Mark]) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) that holds every mark, ink included."""
    boxes = [m.extent() for m in marks]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@functools.lru_cache(maxsize=256)
def natural_size(pose: Pose) -> tuple[float, float]:
    """The width and height of the drawn pose, in centimetres: its proportions (kept per pose)."""
    x0, y0, x1, y1 = extent(marks(pose))
    return x1 - x0, y1 - y0


def marks(pose: Pose, o: float = OUTLINE, arrows: bool = True) -> list[Mark]:
    """Everything to draw for `pose`, back to front, with outlines `o` cm wide."""
    props = {layer: [p for p in pose.props if p.layer == layer] for layer in ("back", "middle", "front")}
    body: list[Mark] = []
    limbs = dict(pose.limbs)
    for name in ("far-arm", "far-leg"):
        if name in limbs:
            body += _tube([_limb(name, limbs[name])], FAR_GREY, o)
    torso = torso_widths(pose)
    neck = ((pose.torso[0], NECK[0]), (pose.head, NECK[1]))
    body += _tube([neck, torso], WHITE, o, head=(pose.head, pose.face, pose.torso[0]))
    for prop in props["middle"]:
        body += prop_marks(prop, o)
    for name in ("near-leg", "near-arm"):
        if name in limbs:
            body += _tube([_limb(name, limbs[name])], WHITE, o)
    out: list[Mark] = []
    for prop in props["back"]:
        out += prop_marks(prop, o)
    out += body
    for prop in props["front"]:
        out += prop_marks(prop, o)
    if arrows:
        for line in pose.arrows:
            out += arrow_marks(line, o)
    if pose.floor:
        x0, _, x1, _ = extent(out)
        floor = ((x0 - FLOOR_OVERHANG, -FLOOR_DEPTH), (x1 + FLOOR_OVERHANG, -FLOOR_DEPTH),
                 (x1 + FLOOR_OVERHANG, 0.0), (x0 - FLOOR_OVERHANG, 0.0))
        out.insert(0, Mark("shape", floor, 0, BLACK))
    return out


def torso_widths(pose: Pose) -> tuple[tuple[Point, float], ...]:
    """The torso's points with their half-widths, as drawn: in profile, or seen from in front."""
    return _front_torso(pose.torso) if pose.view == "front" else _torso(pose.torso)


def _torso(points: tuple[Point, ...]) -> tuple[tuple[Point, float], ...]:
    """The torso's points with their half-widths: narrower at the neck, fullest at the chest."""
    (x0, y0), (x1, y1) = points[0], points[1]
    chest = (x0 + (x1 - x0) * CHEST_AT, y0 + (y1 - y0) * CHEST_AT)
    middle = ((points[1], TORSO[2]),) if len(points) == 3 else ()
    return ((points[0], TORSO[0]), (chest, TORSO[1]), *middle, (points[-1], TORSO[3]))


def _front_torso(points: tuple[Point, ...]) -> tuple[tuple[Point, float], ...]:
    """The torso seen from in front: the shoulders, the waist and the hips, as wide as a body's."""

    def along(t: float) -> Point:
        (x0, y0), (x1, y1) = points[0], points[-1]
        return (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)

    waist = points[1] if len(points) == 3 else along(WAIST_AT)
    return ((points[0], FRONT_TORSO[0]), (along(SHOULDERS_AT), FRONT_TORSO[1]), (waist, FRONT_TORSO[2]),
            (points[-1], FRONT_TORSO[3]))


def _limb(name: str, points: tuple[Point, ...]) -> tuple[tuple[Point, float], ...]:
    radii = ARM if name.endswith("arm") else LEG
    return tuple(zip(points, radii, strict=False))


def _tube(parts: Sequence[Sequence[tuple[Point, float]]], grey: float, o: float,
          head: tuple[Point, float | None, Point] | None = None) -> list[Mark]:
    """Tapered tubes drawn as one outlined shape: every black outline first, then every filling."""
    black: list[Mark] = []
    fill: list[Mark] = []
    for part in parts:
        for (a, ra), (b, rb) in itertools.pairwise(part):
            black.append(Mark("shape", _capsule(a, ra, b, rb), 0, BLACK))
            fill.append(Mark("shape", _capsule(a, ra - o, b, rb - o), 0, grey))
    if head is not None:
        centre, face, neck = head
        black.append(Mark("disc", (centre,), HEAD_RADIUS, BLACK))
        fill.append(Mark("disc", (centre,), HEAD_RADIUS - o, grey))
        if face is not None:  # a nose in profile shows which way the face looks
            base, tip = nose_line(centre, face, neck)
            black.append(Mark("shape", _capsule(base, NOSE_BASE[1], tip, NOSE_TIP[1]), 0, BLACK))
    return black + fill


def nose_line(centre: Point, face: float, neck: Point) -> tuple[Point, Point]:
    """Where the nose starts (inside the head) and where its tip is: out from the face, tipped
    towards the chin (the side the neck is on), so it reads as a nose and never as a dot on the head."""
    fx, fy = math.cos(math.radians(face)), math.sin(math.radians(face))
    nx, ny = neck[0] - centre[0], neck[1] - centre[1]
    towards_chin = -1.0 if fx * ny - fy * nx < 0 else 1.0
    angle = math.radians(face + towards_chin * NOSE_TILT)
    base = (centre[0] + NOSE_BASE[0] * math.cos(angle), centre[1] + NOSE_BASE[0] * math.sin(angle))
    tip = (centre[0] + NOSE_TIP[0] * math.cos(angle), centre[1] + NOSE_TIP[0] * math.sin(angle))
    return base, tip


def _capsule(a: Point, ra: float, b: Point, rb: float) -> tuple[Point, ...]:
    """The outline around two circles and the straight sides touching both (a tapered tube)."""
    ra, rb = max(ra, 0.3), max(rb, 0.3)
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-6:  # one circle holds the other
        c, r = (a, ra) if ra >= rb else (b, rb)
        return tuple((c[0] + r * math.cos(t * math.pi / 18), c[1] + r * math.sin(t * math.pi / 18)) for t in range(36))
    axis = math.atan2(dy, dx)
    side = math.acos((ra - rb) / d)  # from the axis to where the tangent touches
    points: list[Point] = []
    steps = 18
    for i in range(steps + 1):  # around b, from one side to the other
        t = axis - side + 2 * side * i / steps
        points.append((b[0] + rb * math.cos(t), b[1] + rb * math.sin(t)))
    for i in range(steps + 1):  # around a, the long way
        t = axis + side + (2 * math.pi - 2 * side) * i / steps
        points.append((a[0] + ra * math.cos(t), a[1] + ra * math.sin(t)))
    return tuple(points)


# --- props -----------------------------------------------------------------------------


def prop_marks(prop: Prop, o: float) -> list[Mark]:
    """A prop outlined in the body's weight, stood on `prop.at` and turned by `prop.angle`."""
    w, h = prop.width, prop.height
    shapes: list[Mark] = []
    if prop.kind == "pillow":
        shapes.append(Mark("shape", _pillow(w, h), 0, WHITE, o))
    elif prop.kind in ("roller", "ball"):
        r = min(w, h) / 2
        if prop.kind == "roller" and prop.length > 0:  # its side, slanting back behind the end you see
            back = _depth(prop.length, prop.angle)
            shapes.append(Mark("shape", _capsule((0.0, r), r - o / 2, (back[0], r + back[1]), r - o / 2), 0, WHITE, o))
            prop = replace(prop, angle=0.0)  # a round end stays on the floor: the angle turned the slant
        shapes.append(Mark("disc", ((0.0, r),), r - o / 2, WHITE, o))
        if prop.kind == "roller":
            shapes.append(Mark("disc", ((0.0, r),), r * 0.32, WHITE, o * 0.8))
        else:
            seam = tuple((r * 0.55 * math.cos(math.radians(a)) - r * 0.35,
                          r + r * 0.85 * math.sin(math.radians(a))) for a in range(-70, 71, 10))
            shapes.append(Mark("line", seam, o * 0.8, BLACK))
    elif prop.kind == "pack":
        shapes.append(Mark("shape", _rounded(w, h, min(h / 2, 3.0)), 0, WHITE, o))
        for x in (-w * 0.25, 0.0, w * 0.25):  # warmth rising from it
            wave = tuple((x + 1.6 * math.sin(t / 2.0), h + 2.5 + t) for t in (0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0))
            shapes.append(Mark("line", wave, o * 0.75, BLACK))
    elif prop.kind == "towel":
        shapes.append(Mark("shape", _rounded(w, h, h * 0.45), 0, WHITE, o))
        shapes.append(Mark("line", ((-w / 2 + h * 0.45, h / 2), (w / 2 - h * 0.3, h / 2)), o * 0.7, BLACK))
    elif prop.kind == "wall":
        shapes.append(Mark("shape", ((-w / 2, 0.0), (w / 2, 0.0), (w / 2, h), (-w / 2, h)), 0, 0.86, o))
        step = 9.0
        for i in range(-1, int(h / step) + 2):
            y0 = i * step
            seg = _clip_diagonal(-w / 2, w / 2, 0.0, h, y0)
            if seg:
                shapes.append(Mark("line", seg, o * 0.55, BLACK))
    elif prop.kind == "chair":
        shapes += _chair(w, h, o)
    else:  # mat, block
        shapes.append(Mark("shape", _rounded(w, h, min(h / 2, 1.5)), 0, WHITE, o))
    return [_placed(m, prop) for m in shapes]


def _depth(length: float, turn: float = 0.0) -> Point:
    """Where a point `length` cm further into the picture is drawn, from where it would be."""
    a = math.radians(DEPTH_ANGLE + turn)
    return (length * DEPTH_SCALE * math.cos(a), length * DEPTH_SCALE * math.sin(a))


def _placed(mark: Mark, prop: Prop) -> Mark:
    a = math.radians(prop.angle)
    cos, sin = math.cos(a), math.sin(a)
    x0, y0 = prop.at
    points = tuple((x0 + x * cos - y * sin, y0 + x * sin + y * cos) for x, y in mark.points)
    return Mark(mark.kind, points, mark.width, mark.grey, mark.edge, mark.edge_grey)


def _pillow(w: float, h: float) -> tuple[Point, ...]:
    """A cushion: a squarish oval (a superellipse), its bottom on (0, 0)."""
    points = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        c, s = math.cos(t), math.sin(t)
        x = w / 2 * math.copysign(abs(c) ** (2 / PILLOW_ROUNDNESS), c)
        y = h / 2 * math.copysign(abs(s) ** (2 / PILLOW_ROUNDNESS), s)
        points.append((x, y + h / 2))
    return tuple(points)


def _rounded(w: float, h: float, r: float) -> tuple[Point, ...]:
    """A rectangle with rounded corners, its bottom edge centred on (0, 0)."""
    points = []
    for cx, cy, start in ((w / 2 - r, r, -90), (w / 2 - r, h - r, 0), (-w / 2 + r, h - r, 90), (-w / 2 + r, r, 180)):
        for j in range(0, 91, 15):
            a = math.radians(start + j)
            points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return tuple(points)


def _clip_diagonal(x0: float, x1: float, y0: float, y1: float, start: float) -> tuple[Point, ...] | None:
    """The part inside the box of the 45-degree line through (x0, start)."""
    a = (x0, start)
    b = (x1, start + (x1 - x0))
    if b[1] < y0 or a[1] > y1:
        return None
    if a[1] < y0:
        a = (x0 + (y0 - a[1]), y0)
    if b[1] > y1:
        b = (x1 - (b[1] - y1), y1)
    return (a, b) if math.dist(a, b) > 1 else None


def _chair(w: float, h: float, o: float) -> list[Mark]:
    """A chair seen from the side, facing right: seat, back rest, two legs."""
    seat_y = h * 0.5
    thick = 5.0
    leg = 4.0

    def box(x0: float, y0: float, x1: float, y1: float) -> Mark:
        return Mark("shape", ((x0, y0), (x1, y0), (x1, y1), (x0, y1)), 0, WHITE, o)

    return [
        box(-w / 2 + 1, 0.0, -w / 2 + 1 + leg, seat_y),
        box(w / 2 - 1 - leg, 0.0, w / 2 - 1, seat_y),
        box(-w / 2, seat_y - thick, -w / 2 + thick, h),
        box(-w / 2, seat_y - thick, w / 2, seat_y),
    ]


# --- arrows ------------------------------------------------------------------------------


def arrow_marks(line: Sequence[Point], o: float) -> list[Mark]:
    """An arrow along `line`, its head at the end; a white rim keeps it clear of the body."""
    width = ARROW_WIDTH * o
    head_length, head_half = 3.4 * o + 2.5, 1.9 * o + 1.6
    end = line[-1]
    before = line[-2]
    dx, dy = end[0] - before[0], end[1] - before[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    base = (end[0] - ux * head_length, end[1] - uy * head_length)
    head = ((end[0], end[1]), (base[0] - uy * head_half, base[1] + ux * head_half),
            (base[0] + uy * head_half, base[1] - ux * head_half))
    cut = head_length * 0.6
    stop = (end[0] - ux * cut, end[1] - uy * cut)
    shaft = (*(p for p in line[:-1] if math.dist(p, end) > cut), stop)
    if len(shaft) < 2:  # shorter than its head: the loader refuses these, but never draw nothing
        shaft = (line[0], stop)
    rim = o * 1.1
    return [
        Mark("line", shaft, width + 2 * rim, WHITE),
        Mark("shape", head, 0, WHITE, 2 * rim, WHITE),
        Mark("line", shaft, width, BLACK),
        Mark("shape", head, 0, BLACK),
    ]


def figure_picture(pose: Pose, caption: str | None = None, alt: str | None = None, arrows: bool = True) -> Picture:
    """A pose as a `Picture`: its size is the pose's extent (in centimetres, as points)."""
    if not arrows:
        pose = replace(pose, arrows=())
    width, height = natural_size(pose)
    caption = caption or pose.title
    return Picture(pose.file, caption, alt or caption, max(1, round(width)), max(1, round(height)), "pose", pose)
