"""A pose named in a routine (`figure:`): its name alone, or ``{pose, caption, alt, arrows}``.

Checked against the pose library of the content folder (`poses`), and turned into the
`Picture` the layout draws.
"""

from __future__ import annotations

from typing import Any

from handbook.content.poses import PoseLibrary, builtin_poses, load_library
from handbook.content.schema import INVALID, SLUG_RE, Checker, Field, Record, Spec, describe
from handbook.content.values import Boolean, Text
from handbook.content.yamlread import Node
from handbook.model.lineart import figure_picture


class PoseName(Spec):
    """The name of a pose: built in, or a file in the content folder's figures/."""

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind != "scalar" or not isinstance(node.value, str) or not SLUG_RE.fullmatch(node.value):
            return ck.error(node.line, node.col, name,
                            f"expected the name of a pose such as 'standing-tall', got {describe(node)}")
        library: PoseLibrary = ck.context.get("poses") or load_library(None)
        pose = library.poses.get(node.value)
        if pose is None:
            return ck.error(node.line, node.col, name, library.unknown(node.value))
        ck.place(name, node)
        return pose

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "examples": sorted(builtin_poses())}


FIGURE_RECORD = Record([
    Field("pose", PoseName(), "the name of a pose: built in, or a file in figures/ ('handbook figures' "
                              "prints them all)", True, "standing-tall"),
    Field("caption", Text(max_len=200, what="a caption"), "caption printed under the picture "
                                                          "(default: the pose's title)"),
    Field("alt", Text(max_len=300, what="a description"), "what the picture shows, for screen readers "
                                                          "(default: the caption)"),
    Field("arrows", Boolean(), "draw the pose's arrows, if it has any (default true)"),
])


class FigureSpec(Spec):
    """A pose drawn as the picture: its name alone, or ``{pose, caption, alt, arrows}``.

    Returns a `Picture` of kind "pose", captioned with the pose's title unless given.
    """

    def check(self, node: Node, name: str, ck: Checker) -> Any:
        if node.kind == "map":
            value = FIGURE_RECORD.check(node, name, ck)
        else:
            pose = PoseName().check(node, name, ck)
            value = INVALID if pose is INVALID else {"pose": pose}
            if pose is not INVALID:
                ck.place(f"{name}.pose", node)
        if value is INVALID:
            return INVALID
        return figure_picture(value["pose"], value.get("caption"), value.get("alt"), value.get("arrows", True))

    def json(self) -> dict[str, Any]:
        return {"oneOf": [PoseName().json(), FIGURE_RECORD.json()]}
