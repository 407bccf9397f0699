"""Poses: the built-in library draws inside its boxes, names are checked, pose files are read strictly,
and `handbook figures` prints them all."""

from __future__ import annotations

import io
import math
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw
from reportlab.pdfgen.canvas import Canvas

from handbook.cli import cli
from handbook.commands.check import check
from handbook.content.loader import load_content
from handbook.content.poses import builtin_poses, load_library
from handbook.layout.contactsheet import render_contact_sheet
from handbook.layout.figures import draw_picture, fit_pose
from handbook.model import Content, lineart
from handbook.model.lineart import figure_picture
from tests import pdfcheck
from tests.conftest import DATA, messages, replace

ROUTINE = "knee-hold.yaml"
# Every position the bundled routines use must have a built-in pose.
NEEDED = (
    "lying-back-pillow-knees",
    "lying-back-pillow-warm-pack",
    "side-lying-pillow-knees",
    "half-kneeling-lunge",
    "face-down-roller-hip",
    "standing-tall",
)
BOXES = ((240.0, 150.0), (60.0, 160.0), (320.0, 40.0), (45.0, 30.0))

CLINIC_POSE = """\
title: On hands and knees
head: [118, 62]
face: 0
torso: [[100, 55], [45, 52]]
arms:
  near: [[100, 55], [102, 30], [104, 4.5]]
legs:
  near: [[45, 52], [45, 7], [5, 5.4]]
"""


def add_pose(root: Path, name: str, text: str) -> Path:
    (root / "figures").mkdir(exist_ok=True)
    path = root / "figures" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the built-in library ------------------------------------------------------------------


def test_the_built_in_poses_cover_every_position_the_bundled_routines_use() -> None:
    assert set(NEEDED) <= set(builtin_poses())
    for pose in builtin_poses().values():
        assert pose.builtin and pose.title and pose.floor


def test_every_bundled_routine_has_a_picture(sample_content: Content) -> None:
    for routine in sample_content.routines:
        pictures = [s.picture for s in routine.steps if s.picture] + [routine.picture] * bool(routine.picture)
        assert pictures, routine.slug
        assert all(p is not None and p.kind == "pose" and p.caption for p in pictures)


@pytest.mark.parametrize("name", sorted(builtin_poses()))
def test_each_pose_fits_its_box_at_any_shape(name: str) -> None:
    """The marks, scaled as drawn, stay inside every box (ink included) and fill one side of it."""
    pose = builtin_poses()[name]
    for width, height in BOXES:
        scale, outline, marks = fit_pose(pose, width, height)
        x0, y0, x1, y1 = lineart.extent(marks)
        drawn = ((x1 - x0) * scale, (y1 - y0) * scale)
        assert drawn[0] <= width - 1 + 1e-6 and drawn[1] <= height - 1 + 1e-6, (width, height)
        assert max(drawn[0] / (width - 1), drawn[1] / (height - 1)) > 0.999
        assert 0.99 <= outline * scale <= 2.41  # the line weight in points stays in its range


def test_poses_print_inside_their_boxes_and_nothing_else_does() -> None:
    """Read back as pixels: every pose leaves ink in its box and none outside it."""
    poses = [builtin_poses()[n] for n in sorted(builtin_poses())]
    boxes = []
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842), invariant=1)
    for index, pose in enumerate(poses):
        width, height = BOXES[index % len(BOXES)]
        x, y = 20 + (index % 2) * 300, 812 - (index // 2 + 1) * 165
        boxes.append((x, y, width, height))
        draw_picture(canvas, figure_picture(pose), x, y, width, height)
    canvas.save()
    page = pdfium.PdfDocument(buffer.getvalue())[0]
    image = page.render(scale=2).to_pil().convert("L")
    mask = ImageDraw.Draw(image)
    for x, y, width, height in boxes:
        box = (2 * x, 2 * (842 - y - height), 2 * (x + width), 2 * (842 - y))
        inked = Image.eval(image.crop(box), lambda v: 255 if v < 128 else 0).getbbox()
        assert inked is not None
        mask.rectangle(box, fill=255)
    assert Image.eval(image, lambda v: 255 if v < 250 else 0).getbbox() is None


def test_a_pose_without_its_arrows_draws_fewer_marks() -> None:
    pose = builtin_poses()["half-kneeling-lunge"]
    assert len(pose.arrows) == 2
    with_arrows, without = figure_picture(pose), figure_picture(pose, arrows=False)
    assert without.pose is not None and without.pose.arrows == ()
    assert len(lineart.marks(without.pose)) == len(lineart.marks(pose)) - 8
    assert with_arrows.caption == "Kneeling on one knee, the other foot flat in front"


# --- naming a pose in a routine --------------------------------------------------------------


def test_a_step_names_a_pose_in_short_and_long_form(minimal: Path) -> None:
    replace(minimal / ROUTINE, "  - Lie on your back.\n",
            "  - text: Lie on your back.\n    figure: lying-back-knees-bent\n")
    replace(minimal / ROUTINE, "version: 1", "version: 1\nfigure:\n  pose: half-kneeling-lunge\n"
                                             "  caption: The lunge.\n  arrows: false")
    routine = load_content(minimal).routine("knee-hold")
    step = routine.steps[0].picture
    assert step is not None and step.kind == "pose" and step.pose is not None
    assert (step.pose.name, step.caption, step.alt) == ("lying-back-knees-bent", "Lying on your back with your "
                                                        "knees bent", "Lying on your back with your knees bent")
    whole = routine.picture
    assert whole is not None and whole.pose is not None
    assert (whole.pose.name, whole.caption, whole.pose.arrows) == ("half-kneeling-lunge", "The lunge.", ())
    assert str(routine.where("figure.pose")) == "content/knee-hold.yaml:23:9"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "version: 1",
            "version: 1\nfigure: lying-back-pilow-knees",
            "content/knee-hold.yaml:21:9: figure: no pose 'lying-back-pilow-knees' (built in, or "
            "figures/lying-back-pilow-knees.yaml in the content folder); did you mean 'lying-back-pillow-knees'?",
        ),
        (
            "version: 1",
            "version: 1\nfigure: {pose: standing-tal, caption: Stand tall.}",
            "content/knee-hold.yaml:21:16: figure.pose: no pose 'standing-tal' (built in, or "
            "figures/standing-tal.yaml in the content folder); did you mean 'standing-tall'?",
        ),
        (
            "version: 1",
            "version: 1\nfigure: jumping-jacks",
            "content/knee-hold.yaml:21:9: figure: no pose 'jumping-jacks' (built in, or "
            "figures/jumping-jacks.yaml in the content folder)",
        ),
        (
            "version: 1",
            "version: 1\nfigure: Standing Tall",
            "content/knee-hold.yaml:21:9: figure: expected the name of a pose such as 'standing-tall', "
            "got 'Standing Tall'",
        ),
        (
            "version: 1",
            "version: 1\nfigure: {pose: standing-tall, arrow: false}",
            "content/knee-hold.yaml:21:31: figure.arrow: unknown field; did you mean 'arrows'?",
        ),
        (
            "  - Lie on your back.\n",
            "  - text: Lie on your back.\n    figure: standing-tall\n    picture: {file: x.png, caption: X}\n",
            "content/knee-hold.yaml:12:5: steps[1].picture: give picture or figure, not both; keep one",
        ),
    ],
)
def test_bad_figure(minimal: Path, old: str, new: str, message: str) -> None:
    shutil.copy(DATA / "pixel.png", minimal / "x.png")
    replace(minimal / ROUTINE, old, new)
    assert messages(minimal) == [message]


# --- the clinic's own poses ------------------------------------------------------------------


def test_a_clinic_pose_extends_and_replaces_the_built_in_ones(minimal: Path) -> None:
    add_pose(minimal, "hands-and-knees", CLINIC_POSE)
    add_pose(minimal, "standing-tall", CLINIC_POSE.replace("On hands and knees", "Our own standing"))
    library = load_library(minimal)
    assert library.problems == []
    assert set(library.names()) == set(builtin_poses()) | {"hands-and-knees"}
    assert library.poses["standing-tall"].title == "Our own standing"
    assert not library.poses["hands-and-knees"].builtin
    replace(minimal / ROUTINE, "version: 1", "version: 1\nfigure: hands-and-knees")
    picture = load_content(minimal).routine("knee-hold").picture
    assert picture is not None and picture.caption == "On hands and knees"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("head: [118, 62]", "head: [118]", "2:7: head: expected a point written [x, y], got 1 number"),
        ("face: 0", "fase: 0", "3:1: fase: unknown field; did you mean 'face'?"),
        ("head: [118, 62]", "head: [118, far]", "2:13: head: expected a number, got 'far'"),
        ("head: [118, 62]", "head: [118, 900]", "2:13: head: must be from -400 to 400 cm, got 900"),
        ("face: 0", "face: left", "3:7: face: expected a number, got 'left'"),
        ("title: On hands and knees\n", "", "1:1: title: required field is missing in this file; what the pose "
                                            "shows; the caption unless a routine gives its own"),
        ("torso: [[100, 55], [45, 52]]", "torso: [[100, 55]]", "4:8: torso: is empty; it needs at least 2 items"),
        ("  near: [[45, 52], [45, 7], [5, 5.4]]", "  near: [[45, 120], [45, 7], [5, 5.4]]",
         "8:21: legs.near[2]: the thigh (hip to knee) is 113 cm long; a body's is at most about 58 cm, "
         "so move this point nearer"),
        ("legs:", "props:\n  - {kind: pilow, at: [70, 0]}\nlegs:",
         "8:12: props[1].kind: expected one of pillow, roller, ball, pack, towel, mat, wall, chair, block, "
         "got 'pilow'; did you mean 'pillow'?"),
        ("legs:", "props:\n  - {kind: pillow, at: [70, 0], layer: top}\nlegs:",
         "8:40: props[1].layer: expected one of back, middle, front, got 'top'"),
        ("legs:", "arrows:\n  - {from: [10, 80]}\nlegs:",
         "8:5: arrows[1]: an arrow is either {from, to} (straight) or {centre, radius, start, end} (curved)"),
        ("legs:", "arrows:\n  - {from: [10, 80], to: [12, 82]}\nlegs:",
         "8:5: arrows[1]: is shorter than 15 cm; move 'to' further from 'from'"),
        ("legs:", "arrows:\n  - {centre: [10, 80], radius: 20, start: 0, end: 360}\nlegs:",
         "8:5: arrows[1]: turns 360 degrees from start to end; make it 20 to 330"),
        ("legs:", "props:\n  - {kind: pillow, at: [70, 0], length: 60}\nlegs:",
         "8:41: props[1].length: a pillow is drawn flat; only a roller has a length"),
        ("face: 0", "face: 0\nview: front", "3:7: face: a pose seen from in front faces you: leave out face"),
        ("face: 0", "face: 0\nface: 90", "4:1: duplicate key 'face' (first written at line 3); keep only one"),
        ("head: [118, 62]", "head: [118, 62", "3:5: YAML syntax: did not find expected ',' or ']' while parsing "
                                              "a flow sequence"),
    ],
)
def test_a_malformed_pose_file_is_reported_at_its_line_and_column(minimal: Path, old: str, new: str,
                                                                  message: str) -> None:
    assert CLINIC_POSE.count(old) == 1
    add_pose(minimal, "hands-and-knees", CLINIC_POSE.replace(old, new))
    replace(minimal / ROUTINE, "version: 1", "version: 1\nfigure: hands-and-knees")
    found = messages(minimal)
    assert found[0] == f"content/figures/hands-and-knees.yaml:{message}"
    assert found[1:] == ["content/knee-hold.yaml:21:9: figure: the pose file figures/hands-and-knees.yaml has "
                         "problems; mend it first"]


def test_a_pose_title_the_font_cannot_print_is_an_error_at_the_title_alone(minimal: Path) -> None:
    """Printed as a caption and on the contact sheet: checked with the fonts, at the pose file's title,
    and the step that uses the pose is not blamed for it."""
    add_pose(minimal, "hands-and-knees", CLINIC_POSE.replace("title: On hands and knees",
                                                             "title: On hands and knees \u56db\u80a2"))
    replace(minimal / ROUTINE, "version: 1", "version: 1\nfigure: hands-and-knees")
    assert [str(p) for p in check(minimal).problems if p.severity == "error"] == [
        "content/figures/hands-and-knees.yaml:1:8: title: '\u56db' (U+56DB) is not in the font Source Sans Pro"]


def test_pose_file_names_must_be_names(minimal: Path) -> None:
    add_pose(minimal, "Hands And Knees", CLINIC_POSE)
    assert messages(minimal) == ["content/figures/Hands And Knees.yaml: pose file name 'Hands And Knees' is not a "
                                 "valid name (lower-case letters, digits and dashes)"]


# --- handbook figures --------------------------------------------------------------------------


def test_handbook_figures_prints_every_pose_with_its_name(minimal: Path, tmp_path: Path) -> None:
    add_pose(minimal, "hands-and-knees", CLINIC_POSE)
    result = CliRunner().invoke(cli, ["figures", "--content", "content", "--out", "out"], catch_exceptions=False)
    count = len(builtin_poses()) + 1
    pages = math.ceil(count / 6)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote out/figures.pdf ({count} poses, {pages} pages)\n"
    pdf = tmp_path / "out" / "figures.pdf"
    assert pdfcheck.page_count(pdf) == pages
    text = " ".join(pdfcheck.page_texts(pdf))
    words = text.split()
    for name in [*builtin_poses(), "hands-and-knees"]:
        assert name in words
    assert "Your clinic's pose, figures/hands-and-knees.yaml" in text
    assert pdfcheck.standard_fonts(pdf) == []
    assert all(f.embedded and f.subset for f in pdfcheck.fonts(pdf))
    assert pdfcheck.chars_outside_margins(pdf, 12.7 * 72 / 25.4) == []


def test_handbook_figures_refuses_a_broken_pose_file_and_writes_nothing(minimal: Path, tmp_path: Path) -> None:
    add_pose(minimal, "hands-and-knees", CLINIC_POSE.replace("face: 0", "face: left"))
    result = CliRunner().invoke(cli, ["figures", "--content", "content", "--out", "out"])
    assert result.exit_code == 1
    assert result.output == ("content/figures/hands-and-knees.yaml:3:7: face: expected a number, got 'left'\n"
                             "stopped: 1 problem in the content; nothing was written\n")
    assert not (tmp_path / "out").exists()


def test_handbook_figures_refuses_a_pose_title_the_font_cannot_print(minimal: Path, tmp_path: Path) -> None:
    add_pose(minimal, "hands-and-knees", CLINIC_POSE.replace("title: On hands and knees", "title: \u56db\u80a2"))
    result = CliRunner().invoke(cli, ["figures", "--content", "content", "--out", "out"])
    assert result.exit_code == 1
    assert result.output == ("content/figures/hands-and-knees.yaml:1:8: title: '\u56db' (U+56DB) is not in the font "
                             "Source Sans Pro\nstopped: 1 problem in the content; nothing was written\n")
    assert not (tmp_path / "out").exists()


def test_the_contact_sheet_is_reproducible() -> None:
    library = load_library(None)
    poses = [library.poses[name] for name in library.names()]
    first, second = render_contact_sheet(poses), render_contact_sheet(poses, paper="letter")
    assert render_contact_sheet(poses).data == first.data
    assert pdfcheck.page_sizes(second.data)[0] == (612, 792)
