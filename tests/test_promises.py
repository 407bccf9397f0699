"""Bad inputs found by a hunt for broken promises: each is a clear one-line error
(file:line:col where there is one), exit 1, no traceback or internal error, and no
half-written output. Each test here failed when it was written; each runs the command
line as a user would."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.output import files as output
from tests.conftest import REPO, SAMPLE

INTERNAL = "internal error"


@dataclass
class Ran:
    """What a command did: its exit code and what it wrote to stderr."""

    returncode: int
    stderr: str


def handbook(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Ran:
    """Run `handbook ARGS` in `cwd` through the command line, as a user would."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(before)
    return Ran(result.exit_code, result.stderr)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE, tmp_path / "routines", ignore=shutil.ignore_patterns("schema"))
    return tmp_path


def routine(folder: Path) -> Path:
    return folder / "routines" / "psoas-release.yaml"


def swap(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def clean_failure(result: Ran) -> None:
    assert result.returncode == 1, result
    assert INTERNAL not in result.stderr and "Traceback" not in result.stderr, result.stderr


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_an_integer_of_5000_digits_is_a_content_error_not_an_internal_error(folder: Path) -> None:
    line = line_of(routine(folder), "version: 1")
    swap(routine(folder), "version: 1\n", "version: " + "9" * 5000 + "\n")
    result = handbook(folder, "check")
    clean_failure(result)
    assert (f"routines/psoas-release.yaml:{line}:10: version: must be from 1 to 10000, "
            "got 999999999999... (5000 characters)") in result.stderr.splitlines()


def test_a_5000_digit_hold_option_is_a_clean_usage_error(folder: Path) -> None:
    result = handbook(folder, "card", "psoas-release", "--hold", "9" * 5000)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--hold': must be from 1 to 3600 (seconds), got 999999999999... (5000 characters)")


def test_build_without_a_content_folder_is_a_clean_error(tmp_path: Path) -> None:
    result = handbook(tmp_path, "build")  # no routines/ here
    clean_failure(result)
    assert result.stderr == ("routines: content folder does not exist; pass --content DIR, or create one with "
                             "'handbook init DIR'\nstopped: 1 problem in the content; nothing was written\n")


def test_a_truncated_png_is_refused_by_check_at_its_place(folder: Path) -> None:
    images = folder / "routines" / "images"
    images.mkdir()
    png = (REPO / "docs" / "img" / "handbook-cover.png").read_bytes()
    (images / "broken.png").write_bytes(png[:40])  # a real header, then nothing
    swap(routine(folder), "  - Do not lean forward straight away.\n",
         "  - text: Do not lean forward straight away.\n"
         "    picture: {file: images/broken.png, caption: A picture}\n")
    line = line_of(routine(folder), "    picture: {file: images/broken.png, caption: A picture}")
    checked = handbook(folder, "check")
    assert checked.returncode == 1
    assert (f"routines/psoas-release.yaml:{line}:21: steps[2].picture.file: 'images/broken.png': "
            "the PNG file is cut short; save it again") in checked.stderr.splitlines(), checked.stderr
    built = handbook(folder, "build")
    clean_failure(built)
    assert not (folder / "output" / "handbook.pdf").exists()


def test_an_svg_of_infinite_width_is_a_content_error(folder: Path) -> None:
    images = folder / "routines" / "images"
    images.mkdir()
    (images / "wide.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1e400" height="10"/>')
    swap(routine(folder), "  - Do not lean forward straight away.\n",
         "  - text: Do not lean forward straight away.\n"
         "    picture: {file: images/wide.svg, caption: A picture}\n")
    line = line_of(routine(folder), "    picture: {file: images/wide.svg, caption: A picture}")
    result = handbook(folder, "check")
    clean_failure(result)
    assert (f"routines/psoas-release.yaml:{line}:21: steps[2].picture.file: 'images/wide.svg': SVG size is too "
            "large to draw; give its <svg> element a width and height under 200 inches") in result.stderr.splitlines()


def test_a_raw_control_character_is_one_line_at_its_place(folder: Path) -> None:
    swap(routine(folder), "title: Psoas release in a lunge", "title: Psoas \x07release")
    result = handbook(folder, "check")
    clean_failure(result)
    lines = result.stderr.splitlines()
    assert lines == ["routines/psoas-release.yaml:2:14: character U+0007 is not allowed in a YAML file; remove it",
                     "check failed: 4 routines, 2 FAQ topics, 1 error, 0 warnings"]


def test_a_failed_booklet_build_leaves_the_previous_handbook_as_it_was(folder: Path) -> None:
    previous = b"%PDF-1.4 the previous handbook\n"
    (folder / "output").mkdir()
    (folder / "output" / "handbook.pdf").write_bytes(previous)
    (folder / "output" / "handbook-booklet.pdf").mkdir()  # the booklet cannot be written
    result = handbook(folder, "build", "--booklet")
    assert result.returncode == 1
    assert (folder / "output" / "handbook.pdf").read_bytes() == previous


@pytest.mark.parametrize("command", [["card", "psoas-release"], ["figures"]])
def test_a_garbage_source_date_epoch_is_a_clean_error(folder: Path, command: list[str]) -> None:
    result = handbook(folder, *command, env={"SOURCE_DATE_EPOCH": "garbage"})
    clean_failure(result)
    assert result.stderr == "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970, got 'garbage'\n"


def test_a_huge_source_date_epoch_is_a_clean_error(folder: Path) -> None:
    result = handbook(folder, "build", env={"SOURCE_DATE_EPOCH": "99999999999999999999"})
    clean_failure(result)
    assert result.stderr == "SOURCE_DATE_EPOCH: expected a date before the year 10000, got '99999999999999999999'\n"


def test_an_overlong_routine_name_for_new_is_a_clean_usage_error(folder: Path) -> None:
    result = handbook(folder, "new", "a" * 300)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for 'SLUG': 'aaaaaaaaaaaaaaaaaaaa...' is too long "
                                              "for a routine name (300 characters); use at most 64, e.g. "
                                              "'hip-flexor-stretch'")


def test_write_many_interrupted_while_writing_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "chmod", interrupted)  # Ctrl-C while the temporary file is written
    with pytest.raises(KeyboardInterrupt):
        output.write_many([(tmp_path / "a.pdf", b"A")])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def _picture(folder: Path, name: str, data: bytes | str) -> None:
    images = folder / "routines" / "images"
    images.mkdir(exist_ok=True)
    target = images / name
    target.write_bytes(data) if isinstance(data, bytes) else target.write_text(data, encoding="utf-8")
    swap(routine(folder), "  - Do not lean forward straight away.\n",
         "  - text: Do not lean forward straight away.\n"
         f"    picture: {{file: images/{name}, caption: A picture}}\n")


def test_a_jpeg_cut_short_is_refused_by_check(folder: Path) -> None:
    from PIL import Image

    Image.new("RGB", (60, 40), (200, 100, 50)).save(folder / "whole.jpg")
    _picture(folder, "cut.jpg", (folder / "whole.jpg").read_bytes()[:-200])
    result = handbook(folder, "check")
    clean_failure(result)
    assert "routines/psoas-release.yaml:" in result.stderr and "cut short" in result.stderr


def test_an_svg_that_cannot_be_drawn_is_refused_by_check_at_its_place(folder: Path) -> None:
    _picture(folder, "odd.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">'
                                '<rect width="5" height="x"/></svg>')
    line = line_of(routine(folder), "    picture: {file: images/odd.svg, caption: A picture}")
    for command in ("check", "build"):
        result = handbook(folder, command)
        clean_failure(result)
        assert (f"routines/psoas-release.yaml:{line}:21: steps[2].picture.file: 'images/odd.svg': cannot draw the SVG "
                "(ValueError: Can't convert 'x' to length); save it again or replace it"
                ) in result.stderr.splitlines(), result.stderr
    assert not (folder / "output").exists()
