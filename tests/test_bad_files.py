"""Bad pictures, content files that lead outside the content folder, and card files that would
share a name (issue 14): each case is kept in tests/data/bad/ and each test pins the one line
a user reads, with exit code 1, no traceback, and nothing written or replaced.

The cases, by the start of their name:

- ``image-*``: a picture file (or a folder: a drawing and what it shows), named as the
  routine's picture. `check`, `build` and `cards` each refuse it with the same line.
- ``path-*``: a folder whose ``content/`` is laid over a copy of tests/data/minimal, with
  links that lead to its ``outside/`` (or a routine's name or picture name that is bad in
  itself). What is outside is not valid content: were it read, its own problem would be
  reported too.
- ``collision-*``: a routine or a patients' file whose cards would share a file name.

The pictures were made with a few lines of Python: a PNG and a JPEG cut in half; a PNG
header claiming 13,000 x 13,000 pixels with almost no pixel data behind it (the limit stops
it before any decoder sees it); zlib data of random bytes, or too few rows, behind a PNG
header with right checksums; a JPEG whose scan has 1,000 random bytes; JPEGs whose frame
says arithmetic coding or 12-bit samples (one byte of an ordinary JPEG changed); and SVG
text files (one saved as UTF-16).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from tests.conftest import DATA

BAD = DATA / "bad"
PICTURE_AT = "content/knee-hold.yaml:21:17: picture.file"  # where `show` names the picture
CHECK_FAILED = "check failed: 1 routine, 1 FAQ topic, 1 error, 0 warnings"
STOPPED = "stopped: 1 problem in the content; nothing was written"


@dataclass
class Ran:
    code: int
    stdout: str
    stderr: list[str]


def handbook(*args: str) -> Ran:
    """Run `handbook ARGS --content content` in the working folder, as a user would."""
    result = CliRunner().invoke(cli, [*args, "--content", "content"], catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr.splitlines())


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/minimal at tmp/content, with an empty images/; the working folder is tmp."""
    shutil.copytree(DATA / "minimal", tmp_path / "content")
    (tmp_path / "content" / "images").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def show(folder: Path, picture: str) -> None:
    """Name images/PICTURE as the routine's picture (at PICTURE_AT)."""
    routine = folder / "content" / "knee-hold.yaml"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(text.replace("version: 1", f"version: 1\npicture: {{file: {picture}, caption: A knee}}"),
                       encoding="utf-8")


def lay_over(case: Path, folder: Path) -> None:
    """Lay the case's content/ over tmp/content and copy its outside/ to tmp/outside, links kept as links."""

    def copy(source: Path, target: Path) -> None:
        for entry in sorted(source.iterdir()):
            there = target / entry.name
            if entry.is_symlink():
                if there.is_dir() and not there.is_symlink():
                    shutil.rmtree(there)
                there.unlink(missing_ok=True)
                there.symlink_to(os.readlink(entry))
            elif entry.is_dir():
                there.mkdir(exist_ok=True)
                copy(entry, there)
            else:
                shutil.copyfile(entry, there)

    if (case / "content").is_dir():
        copy(case / "content", folder / "content")
    if (case / "outside").is_dir():
        shutil.copytree(case / "outside", folder / "outside", symlinks=True)


def refused_everywhere(folder: Path, line: str, summary: str = CHECK_FAILED) -> None:
    """`check` reports `line` (and only it), and `build` and `cards` stop at it, writing nothing."""
    checked = handbook("check")
    assert (checked.code, checked.stderr) == (1, [line, summary])
    for command in ("build", "cards"):
        ran = handbook(command)
        assert (ran.code, ran.stderr) == (1, [line, STOPPED]), command
    assert not (folder / "output").exists()


# --- pictures ------------------------------------------------------------------------------------------------


IMAGES = {
    "image-svg-data-png-13000px.svg":
        "line 2: <image> data:image/png: image is 13000 x 13000 pixels; scale it down below 40 megapixels",
    "image-svg-file-png-13000px":
        "line 2: <image> 'huge.png': image is 13000 x 13000 pixels; scale it down below 40 megapixels",
    "image-png-cut-short.png": "the PNG file is cut short; save it again",
    "image-jpeg-cut-short.jpg": "the JPEG file is cut short (it has no end marker); save it again",
    "image-png-pixels-garbled.png": "the PNG file is damaged (its pixels cannot be read); save it again",
    "image-png-pixels-missing.png": "the PNG file is damaged (its pixels end after 25% of the picture); save it again",
    "image-jpeg-pixels-garbled.jpg": "the JPEG file is damaged (its pixels cannot be read); save it again",
    "image-jpeg-arithmetic-coded.jpg":
        "the JPEG file is arithmetic-coded, a kind the printouts cannot hold; save it again as an ordinary JPEG",
    "image-jpeg-12-bit.jpg":
        "the JPEG file is 12-bit, a kind the printouts cannot hold; save it again as an ordinary JPEG",
    "image-svg-image-missing.svg": "line 2: <image> 'lunge.png' cannot be found beside the drawing",
    "image-svg-image-outside.svg":
        "line 2: <image> '../secret.png' is outside the drawing's folder; keep what it shows beside it",
    "image-svg-use-missing-part.svg": "line 2: <use> '#knee' cannot be found: the drawing has no part with id 'knee'",
    "image-svg-data-gif.svg": "line 2: <image> 'data:image/gif;base64,R0lGODlhAQABAAAAAC...': a picture inside a "
                              "drawing must be a base64 PNG or JPEG (data:image/png;base64,...)",
    "image-svg-text-not-in-font.svg": "text in the drawing: '膝' (U+819D) is not in the font Source Sans Pro",
    "image-svg-height-inf.svg":
        "SVG height 'inf' is not a size; give its <svg> element a width and height under 200 inches",
    "image-svg-rect-inf.svg": "the drawing has a rect whose width is inf, which cannot be drawn; save it again or "
                              "replace it",
    "image-svg-circle-nan.svg": "the drawing has a circle whose r is nan, which cannot be drawn; save it again or "
                                "replace it",
    "image-svg-utf16-doctype.svg": "SVG is not saved as UTF-8 text; save it again as UTF-8",
    "image-svg-doctype.svg": "SVG has a DOCTYPE, which is not allowed; save it again without it",
}


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_a_bad_picture_is_refused_by_check_and_by_every_printout(folder: Path, case: str) -> None:
    source = BAD / case
    if source.is_dir():  # a drawing and what it shows
        shutil.copytree(source, folder / "content" / "images", dirs_exist_ok=True)
        name = "drawing.svg"
    else:
        shutil.copyfile(source, folder / "content" / "images" / case)
        name = case
    show(folder, f"images/{name}")
    refused_everywhere(folder, f"{PICTURE_AT}: 'images/{name}': {IMAGES[case]}")


def test_an_svg_logo_that_cannot_be_drawn_is_refused_by_check_not_only_by_build(folder: Path) -> None:
    shutil.copyfile(BAD / "image-svg-logo-undrawable.svg", folder / "content" / "images" / "logo.svg")
    book = folder / "content" / "book.yaml"
    book.write_text(book.read_text(encoding="utf-8").replace("clinic:\n", "clinic:\n  logo: images/logo.svg\n"),
                    encoding="utf-8")
    refused_everywhere(folder, "content/book.yaml:6:9: clinic.logo: 'images/logo.svg': cannot draw the SVG "
                               "(ValueError: Can't convert 'x' to length); save it again or replace it")


# --- content files that lead outside the content folder ----------------------------------------------------

OUTSIDE = "leads outside the content folder through a link; copy it into the folder instead"


@pytest.mark.parametrize(("case", "lines"), [
    ("path-routine-link", [f"content/linked-routine.yaml: {OUTSIDE}",
                           "check failed: 2 routines, 1 FAQ topic, 1 error, 0 warnings"]),
    ("path-book-link", [f"content/book.yaml: {OUTSIDE}", CHECK_FAILED]),
    ("path-pose-link", [f"content/figures/leaning.yaml: {OUTSIDE}", CHECK_FAILED]),
    ("path-faq-folder-link", ["content/book.yaml:12:7: faq[1]: no FAQ topic 'basics' (looked for faq/basics.yaml)",
                              f"content/faq: {OUTSIDE}",
                              "content/knee-hold.yaml:19:15: related_faq[1]: no FAQ topic 'basics' (looked for "
                              "faq/basics.yaml)",
                              "check failed: 1 routine, 0 FAQ topics, 3 errors, 0 warnings"]),
])
def test_a_content_file_that_leads_outside_the_folder_is_refused_unread(folder: Path, case: str,
                                                                       lines: list[str]) -> None:
    lay_over(BAD / case, folder)
    checked = handbook("check")
    assert (checked.code, checked.stderr) == (1, lines)  # no word of the file outside: it was never read
    errors = len(lines) - 1
    stopped = f"stopped: {errors} problem{'s' if errors != 1 else ''} in the content; nothing was written"
    for command in ("build", "cards"):
        ran = handbook(command)
        assert (ran.code, ran.stderr) == (1, [*lines[:-1], stopped]), command
    assert not (folder / "output").exists()


def test_a_routine_name_too_long_for_its_card_files_is_refused_by_check(folder: Path) -> None:
    """A card's file name is made from the routine's: a routine named in 239 characters passed `check`,
    and `cards` could not write its files (a file name has at most 255 bytes). The limit of
    `handbook new`, 64 characters, holds for every routine file now."""
    lay_over(BAD / "path-routine-name-too-long", folder)
    line = ("content/hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip-hip.yaml: file name "
            "'hip-hip-hip-hip-hip-...' is 79 characters long; use at most 64, e.g. 'hip-flexor-stretch'")
    refused_everywhere(folder, line, "check failed: 2 routines, 1 FAQ topic, 1 error, 0 warnings")


def test_a_picture_name_with_a_control_character_is_a_content_error(folder: Path) -> None:
    """A "\\0" in a quoted YAML string stopped the system's file calls: an internal error."""
    lay_over(BAD / "path-picture-name-nul", folder)
    refused_everywhere(folder, f"{PICTURE_AT}: 'images/knee\\x00.png' has a control character, which no file name "
                               "has; remove it")


@pytest.mark.parametrize(("case", "picture", "message"), [
    ("path-picture-link", "images/photo.png", f"'images/photo.png' {OUTSIDE}"),
    ("path-picture-dot-dot", "../outside/photo.png",
     "'../outside/photo.png' is outside the content folder; keep pictures inside it"),
    ("path-svg-image-link", "images/drawing.svg",
     "'images/drawing.svg': line 2: <image> 'photo.png' is outside the drawing's folder; keep what it shows beside it"),
])
def test_a_picture_that_leads_outside_the_folder_is_refused_unread(folder: Path, case: str, picture: str,
                                                                   message: str) -> None:
    lay_over(BAD / case, folder)
    show(folder, picture)
    refused_everywhere(folder, f"{PICTURE_AT}: {message}")


# --- card files that would share a name --------------------------------------------------------------------


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "output" / "cards").glob("*.pdf"))}


def test_a_routine_named_like_a_large_print_card_is_refused_by_check_and_cards(folder: Path) -> None:
    lay_over(BAD / "collision-large-slug", folder)
    clash = ("content/knee-hold-large.yaml: its card, cards/knee-hold-large.pdf, would have the file name of the "
             "large-print card of content/knee-hold.yaml; rename one of the two")
    checked = handbook("check")
    assert checked.code == 1
    assert [line for line in checked.stderr if "warning: " not in line] == [
        clash, "check failed: 2 routines, 1 FAQ topic, 1 error, 1 warning"]
    for command in (["cards"], ["cards", "--large-print"], ["card", "knee-hold", "--large-print"]):
        ran = handbook(*command)
        assert (ran.code, ran.stderr) == (1, [clash, STOPPED]), command
    assert not (folder / "output").exists()
    built = handbook("build")  # the handbook has no card files: it is printed
    assert built.code == 0 and built.stdout.startswith("wrote output/handbook.pdf")


def test_a_blank_name_for_a_patient_never_replaces_the_card_without_a_name(folder: Path) -> None:
    assert handbook("card", "knee-hold").code == 0
    before = pdfs(folder)
    for blank in ("   ", ""):
        ran = handbook("card", "knee-hold", "--for", blank, "--hold", "45")
        assert (ran.code, ran.stderr[-1]) == (2, "Error: Invalid value for '--for': is blank; write the patient's "
                                                 "name, or leave --for out for the card without a name")  # usage
    assert pdfs(folder) == before


def test_two_names_alike_in_their_first_60_characters_get_a_card_each(folder: Path) -> None:
    ran = handbook("cards", "--patients", str(BAD / "collision-patients-long-names.csv"))
    assert ran.code == 0, ran.stderr
    assert list(pdfs(folder)) == ["knee-hold--maria-fernanda-de-los-angeles-gutierrez-de-la-e169a781.pdf",
                                  "knee-hold--maria-fernanda-de-los-angeles-gutierrez-de-la-f763ae0b.pdf"]


def test_a_name_ending_in_large_never_shares_a_file_with_a_large_print_card(folder: Path) -> None:
    patients = str(BAD / "collision-patients-name-ends-large.csv")
    assert handbook("cards", "--patients", patients).code == 0
    normal = pdfs(folder)
    assert list(normal) == ["knee-hold--ana-large-7a7dad4b.pdf", "knee-hold--ana.pdf"]
    assert handbook("cards", "--patients", patients, "--large-print").code == 0
    both = pdfs(folder)
    assert sorted(both) == sorted([*normal, "knee-hold--ana-large-7a7dad4b-large.pdf", "knee-hold--ana-large.pdf"])
    assert {name: both[name] for name in normal} == normal  # Ana's large print left Ana Large's card as it was


def test_two_rows_whose_names_would_share_a_file_are_refused_naming_both(folder: Path) -> None:
    ran = handbook("cards", "--patients", str(BAD / "collision-patients-accents.csv"))
    shown = os.path.relpath(BAD / "collision-patients-accents.csv")
    assert ran.code == 1
    assert ran.stderr == [f"{shown}:3: 'Jose Perez' would have the card file of 'José Pérez' on line 2 "
                          "(output/cards/knee-hold--jose-perez.pdf); write the names so they differ in more than "
                          "accents, capitals or punctuation; this row was skipped",
                          "1 card was not written"]
    assert list(pdfs(folder)) == ["knee-hold--jose-perez.pdf"]
