"""Content files that lead outside the content folder (issue 14): each case is kept in
tests/data/bad/ and each test pins the one line a user reads, with exit code 1, no
traceback, and nothing written or replaced.

The cases, by the start of their name:

- ``path-*``: a folder whose ``content/`` is laid over a copy of tests/data/minimal, with
  links that lead to its ``outside/``. What is outside is not valid content: were it read,
  its own problem would be reported too.
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
    built = handbook("build")
    assert (built.code, built.stderr) == (1, [*lines[:-1], built.stderr[-1]])
    assert built.stderr[-1].endswith("in the content; nothing was written")
    assert not (folder / "output").exists()


@pytest.mark.parametrize(("case", "picture", "message"), [
    ("path-picture-link", "images/photo.png", f"'images/photo.png' {OUTSIDE}"),
])
def test_a_picture_that_leads_outside_the_folder_is_refused_unread(folder: Path, case: str, picture: str,
                                                                   message: str) -> None:
    lay_over(BAD / case, folder)
    show(folder, picture)
    refused_everywhere(folder, f"{PICTURE_AT}: {message}")
