"""Poses: body positions written as data, read strictly, drawn as line art by `lineart`.

A pose is a small YAML file of key points (docs/figures.md describes the format). The
built-in poses ship in ``handbook/figures/``; a clinic adds its own, or replaces a
built-in one of the same name, in ``figures/`` inside its content folder. Pose files are
read like every other content file (`yamlread`, a `Record` of fields), so a mistake in
one is reported at its ``file:line:col``.

Nothing here imports reportlab.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from handbook.content.folder import outside_problem
from handbook.content.schema import INVALID, SLUG_RE, Checker, Field, ListOf, Record, Spec, describe, did_you_mean
from handbook.content.values import Boolean, Choice, Text
from handbook.content.yamlread import Node, read_yaml
from handbook.errors import Problem
from handbook.model import Point, Pose, Prop

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "figures"  # handbook/figures/
CLINIC_DIR = "figures"  # inside the content folder
SUFFIXES = (".yaml", ".yml")

LIMIT = 400.0  # centimetres: no key point further than this from the origin
ARROW_SHORTEST = 15.0  # centimetres: a shorter arrow would be all head
ARC_STEPS_PER_DEGREE = 1 / 6  # an arc arrow is drawn as a line through a point every 6 degrees

# Default width and height of each prop, in centimetres, and the layer it is drawn in.
PROPS: Mapping[str, tuple[float, float, str]] = MappingProxyType({
    "pillow": (50.0, 18.0, "back"),
    "roller": (15.0, 15.0, "back"),  # a foam roller seen end on: a circle as wide as it is high, LENGTHS long
    "ball": (20.0, 20.0, "back"),
    "pack": (26.0, 6.0, "front"),  # a warm (or cold) pack
    "towel": (30.0, 8.0, "back"),  # folded
    "mat": (180.0, 3.0, "back"),
    "wall": (10.0, 200.0, "back"),
    "chair": (44.0, 90.0, "back"),  # seat 45 cm high, back rest above it
    "block": (23.0, 10.0, "back"),  # a yoga block or a step
})
LAYERS = ("back", "middle", "front")
LENGTHS: Mapping[str, float] = MappingProxyType({"roller": 90.0})  # into the picture, in cm: a full foam roller
VIEWS = ("side", "front")

# The longest a body segment may be, in centimetres (a person about 170 cm tall; a
# little longer than life, so a pose can stretch, but a typing slip is caught).
LONGEST: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "arm": ("upper arm (shoulder to elbow)", "forearm (elbow to hand)"),
    "leg": ("thigh (hip to knee)", "shin (knee to ankle)", "foot (ankle to toes)"),
})
SEGMENT_MAX = MappingProxyType({
    "upper arm (shoulder to elbow)": 40.0,
    "forearm (elbow to hand)": 48.0,
    "thigh (hip to knee)": 58.0,
    "shin (knee to ankle)": 56.0,
    "foot (ankle to toes)": 30.0,
    "neck (neck to the centre of the head)": 34.0,
    "torso (neck to hips)": 72.0,
})


# --- value specs of a pose file -----------------------------------------------------


class NumberSpec(Spec):
    """A number (whole or decimal) within a range."""

    def __init__(self, low: float, high: float, unit: str = "") -> None:
        self.low, self.high, self.unit = low, high, unit

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        value = node.value
        if node.kind != "scalar" or isinstance(value, bool) or not isinstance(value, (int, float)):
            return ck.error(node.line, node.col, name, f"expected a number, got {describe(node)}")
        if not self.low <= value <= self.high or math.isnan(value):
            unit = f" {self.unit}" if self.unit else ""
            return ck.error(node.line, node.col, name, f"must be from {self.low:g} to {self.high:g}{unit}, "
                                                       f"got {node.text}")
        ck.place(name, node)
        return float(value)

    def json(self) -> dict[str, Any]:
        return {"type": "number", "minimum": self.low, "maximum": self.high}


class PointSpec(Spec):
    """A point written ``[x, y]``: centimetres to the right and up; the floor is y = 0."""

    coordinate = NumberSpec(-LIMIT, LIMIT, "cm")

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind != "seq" or len(node.value) != 2:
            return ck.error(node.line, node.col, name, f"expected a point written [x, y], got {_got(node)}")
        x = self.coordinate.check(node.value[0], name, ck)
        y = self.coordinate.check(node.value[1], name, ck)
        if x is INVALID or y is INVALID:
            return INVALID
        ck.place(name, node)
        return (x, y)

    def json(self) -> dict[str, Any]:
        return {"type": "array", "items": self.coordinate.json(), "minItems": 2, "maxItems": 2}


def _got(node: Node) -> str:
    if node.kind != "seq":
        return describe(node)
    count = len(node.value)
    return f"{count} number{'s' if count != 1 else ''}"


class SizeSpec(PointSpec):
    """A size written ``[width, height]`` in centimetres."""

    coordinate = NumberSpec(1, LIMIT, "cm")

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind != "seq" or len(node.value) != 2:
            return ck.error(node.line, node.col, name, f"expected a size written [width, height], got {_got(node)}")
        return super().check(node, name, ck)


POINT = PointSpec()
DEGREES = NumberSpec(-360, 360, "degrees")
DISTANCE = NumberSpec(1, LIMIT, "cm")

PROP = Record([
    Field("kind", Choice(tuple(PROPS)), "what it is: " + ", ".join(PROPS), True, "pillow"),
    Field("at", POINT, "the middle of its bottom edge, [x, y]; y = 0 stands it on the floor", True, "[100, 0]"),
    Field("size", SizeSpec(), "[width, height] in cm (default: a usual size for the kind)"),
    Field("angle", DEGREES, "turn it this many degrees, counter-clockwise, about 'at'"),
    Field("length", NumberSpec(0, LIMIT, "cm"), "how far it reaches away from you, into the picture, in cm "
                                                "(a roller's length; drawn slanting back); 0 draws it flat"),
    Field("layer", Choice(LAYERS), "drawn behind the body (back, the default for most), between the far and "
                                   "near limbs (middle), or in front of it (front)"),
])

_ARROW_FIELDS = Record([
    Field("from", POINT, "a straight arrow starts here, [x, y]"),
    Field("to", POINT, "and points here, [x, y]"),
    Field("centre", POINT, "a curved arrow turns around this point, [x, y]"),
    Field("radius", DISTANCE, "at this distance from the centre, in cm"),
    Field("start", DEGREES, "from this angle (0 is to the right, 90 is up)"),
    Field("end", DEGREES, "to this angle, where the arrowhead is"),
])


class ArrowSpec(Spec):
    """A straight arrow ``{from, to}`` or a curved one ``{centre, radius, start, end}``.

    Returns the arrow as a line of points, the arrowhead at the last one.
    """

    STRAIGHT = ("from", "to")
    CURVED = ("centre", "radius", "start", "end")

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        value = _ARROW_FIELDS.check(node, name, ck)
        if value is INVALID:
            return INVALID
        keys = set(value)
        if keys == set(self.STRAIGHT):
            start, end = value["from"], value["to"]
            if math.dist(start, end) < ARROW_SHORTEST:
                return ck.error(node.line, node.col, name,
                                f"is shorter than {ARROW_SHORTEST:g} cm; move 'to' further from 'from'")
            return (start, end)
        if keys == set(self.CURVED):
            sweep = value["end"] - value["start"]
            if not 20 <= abs(sweep) <= 330:
                return ck.error(node.line, node.col, name,
                                f"turns {abs(sweep):g} degrees from start to end; make it 20 to 330")
            if value["radius"] * math.radians(abs(sweep)) < ARROW_SHORTEST:
                return ck.error(node.line, node.col, name,
                                f"is shorter than {ARROW_SHORTEST:g} cm; make the radius or the turn larger")
            cx, cy = value["centre"]
            steps = max(4, math.ceil(abs(sweep) * ARC_STEPS_PER_DEGREE))
            return tuple(
                (cx + value["radius"] * math.cos(math.radians(a)), cy + value["radius"] * math.sin(math.radians(a)))
                for a in (value["start"] + sweep * i / steps for i in range(steps + 1))
            )
        return ck.error(node.line, node.col, name, "an arrow is either {from, to} (straight) or "
                                                   "{centre, radius, start, end} (curved)")

    def json(self) -> dict[str, Any]:
        props = {f.name: {"description": f.help, **f.spec.json()} for f in _ARROW_FIELDS.fields}

        def form(keys: tuple[str, ...]) -> dict[str, Any]:
            return {"type": "object", "additionalProperties": False, "required": list(keys),
                    "properties": {k: props[k] for k in keys}}

        return {"oneOf": [form(self.STRAIGHT), form(self.CURVED)]}


ARM_POINTS = "shoulder, elbow, hand"
LEG_POINTS = "hip, knee, ankle and (optional) toes"


def _limbs(points: str, low: int, high: int) -> Record:
    chain = ListOf(POINT, min_items=low, max_items=high)
    return Record([
        Field("near", chain, f"the limb nearer to you, drawn in front: {points}, each [x, y]"),
        Field("far", chain, f"the limb further away, drawn behind and shaded: {points}"),
    ])


POSE = Record(
    [
        Field("title", Text(max_len=120, what="a title"), "what the pose shows; the caption unless a routine "
                                                           "gives its own", True),
        Field("head", POINT, "the centre of the head, [x, y]", True),
        Field("face", DEGREES, "the way the face looks, in degrees (0 right, 90 up, 180 left, 270 down); "
                               "leave it out when the face is towards you"),
        Field("torso", ListOf(POINT, min_items=2, max_items=3), "the base of the neck, (the middle of the "
                                                                "back,) and the hips, each [x, y]", True),
        Field("arms", _limbs(ARM_POINTS, 3, 3), "the arms: near and far, each shoulder, elbow, hand"),
        Field("legs", _limbs(LEG_POINTS, 3, 4), "the legs: near and far, each hip, knee, ankle, (toes)"),
        Field("props", ListOf(PROP, max_items=12), "things drawn with the body: " + ", ".join(PROPS)),
        Field("arrows", ListOf(ArrowSpec(), max_items=6), "arrows that show which way to move"),
        Field("floor", Boolean(), "draw the floor line at y = 0 (default true)"),
        Field("view", Choice(VIEWS), "side (the default: the body in profile) or front (lying on your side, "
                                     "facing the reader: the torso as wide as the shoulders and hips)"),
    ],
    title="handbook pose",
)


# --- the library -------------------------------------------------------------------


@dataclass
class PoseLibrary:
    """Every pose by name, built-in ones first, the clinic's replacing any of the same name."""

    poses: dict[str, Pose] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # the clinic's pose files that have problems

    def names(self) -> list[str]:
        return sorted(self.poses)

    def unknown(self, name: str) -> str:
        """The message for a pose name that is not in the library."""
        if name in self.broken:
            return f"the pose file {CLINIC_DIR}/{name}.yaml has problems; mend it first"
        hint = did_you_mean(name, self.names())
        return f"no pose '{name}' (built in, or {CLINIC_DIR}/{name}.yaml in the content folder){hint}"


def load_library(root: Path | None) -> PoseLibrary:
    """The built-in poses and the clinic's own from `root`/figures/ (when it exists)."""
    library = PoseLibrary(dict(builtin_poses()))
    if root is not None and (root / CLINIC_DIR).is_dir():
        for path in _pose_files(root / CLINIC_DIR, library.problems, root):
            pose = read_pose(path, library.problems, builtin=False)
            if pose is None:
                library.broken.add(path.stem)
                library.poses.pop(path.stem, None)
            else:
                library.poses[pose.name] = pose
    return library


@functools.cache
def builtin_poses() -> Mapping[str, Pose]:
    """The poses that ship with handbook (read once per process)."""
    problems: list[Problem] = []
    poses = {}
    for path in _pose_files(BUILTIN_DIR, problems):
        pose = read_pose(path, problems, builtin=True)
        if pose is not None:
            poses[pose.name] = pose
    if problems:  # pragma: no cover - tests keep the built-in poses valid
        raise AssertionError("\n".join(str(p) for p in problems))
    return MappingProxyType(poses)


def _pose_files(folder: Path, problems: list[Problem], root: Path | None = None) -> list[Path]:
    """The pose files of `folder`; inside a content folder `root`, one that leads outside it is refused unread."""
    if root is not None and (outside := outside_problem(folder, root)):
        problems.append(outside)
        return []
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in SUFFIXES:
            continue
        if root is not None and (outside := outside_problem(path, root)):
            problems.append(outside)
            continue
        if not path.is_file():
            continue
        if not SLUG_RE.fullmatch(path.stem):
            problems.append(Problem(path, 0, 0, "", f"pose file name '{path.stem}' is not a valid name (lower-case "
                                                    "letters, digits and dashes)"))
        elif path.stem in found:
            problems.append(Problem(path, 0, 0, "", f"pose '{path.stem}' is also in {found[path.stem].name}; "
                                                    "keep one of the two"))
        else:
            found[path.stem] = path
    return list(found.values())


def read_pose(path: Path, problems: list[Problem], builtin: bool = False) -> Pose | None:
    """Read and check one pose file; problems go to `problems` with their file:line:col."""
    doc = read_yaml(path)
    problems.extend(doc.problems)
    if doc.root is None or doc.problems:
        return None
    ck = Checker(path, path.parent)
    ck.place("", doc.root)
    values = POSE.check(doc.root, "", ck)
    if values is not INVALID:
        _check_proportions(values, ck)
        _check_view_and_props(values, ck)
    problems.extend(ck.problems)
    if values is INVALID or ck.problems:
        return None
    limbs: list[tuple[str, tuple[Point, ...]]] = []
    for kind in ("arm", "leg"):
        for side in ("far", "near"):
            points = values.get(f"{kind}s", {}).get(side)
            if points:
                limbs.append((f"{side}-{kind}", tuple(points)))
    return Pose(
        name=path.stem,
        title=values["title"],
        head=values["head"],
        face=values.get("face"),
        torso=tuple(values["torso"]),
        limbs=tuple(limbs),
        props=tuple(_prop(p) for p in values.get("props", ())),
        arrows=tuple(values.get("arrows", ())),
        floor=values.get("floor", True),
        view=values.get("view", "side"),
        builtin=builtin,
        file=path,
        title_where=ck.places.get("title"),
    )


def _prop(value: dict[str, Any]) -> Prop:
    width, height, layer = PROPS[value["kind"]]
    if "size" in value:
        width, height = value["size"]
    return Prop(value["kind"], value["at"], width, height, value.get("angle", 0.0), value.get("layer", layer),
                value.get("length", LENGTHS.get(value["kind"], 0.0)))


def _check_view_and_props(values: dict[str, Any], ck: Checker) -> None:
    """A face seen from in front has no nose to turn; only a roller reaches into the picture."""
    if values.get("view") == "front" and "face" in values:
        where = ck.places["face"]
        ck.error(where.line, where.col, "face", "a pose seen from in front faces you: leave out face")
    for number, prop in enumerate(values.get("props", ()), start=1):
        name = f"props[{number}].length"
        if "length" in prop and prop["kind"] not in LENGTHS and name in ck.places:
            where = ck.places[name]
            ck.error(where.line, where.col, name, f"a {prop['kind']} is drawn flat; only a "
                                                  f"{' or a '.join(LENGTHS)} has a length")


def _check_proportions(values: dict[str, Any], ck: Checker) -> None:
    """Refuse a segment much longer than a body's: a typing slip would draw a broken figure."""

    def segment(a: Point, b: Point, what: str, name: str) -> None:
        length, longest = math.dist(a, b), SEGMENT_MAX[what]
        if length > longest:
            where = ck.places.get(name)
            line, col = (where.line, where.col) if where else (1, 1)
            ck.error(line, col, name, f"the {what} is {length:.0f} cm long; a body's is at most about "
                                      f"{longest:.0f} cm, so move this point nearer")

    torso = values["torso"]
    segment(torso[0], values["head"], "neck (neck to the centre of the head)", "head")
    length = sum(math.dist(a, b) for a, b in itertools.pairwise(torso))
    if length > SEGMENT_MAX["torso (neck to hips)"]:
        where = ck.places["torso"]
        ck.error(where.line, where.col, "torso", f"is {length:.0f} cm from neck to hips; a body's is at most "
                                                 f"about {SEGMENT_MAX['torso (neck to hips)']:.0f} cm")
    for kind in ("arm", "leg"):
        for side, points in values.get(f"{kind}s", {}).items():
            for number, (a, b) in enumerate(itertools.pairwise(points), start=2):
                segment(a, b, LONGEST[kind][number - 2], f"{kind}s.{side}[{number}]")
