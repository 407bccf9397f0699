"""An `--out` that cannot be a folder says what it is (a file, a link to a file, a link to nothing), on one
line, exit 1, and nothing is written: not beside it, not where a link points."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from tests.conftest import DATA


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _link(target: str, name: str) -> None:
    try:
        os.symlink(target, name)
    except (OSError, NotImplementedError):
        pytest.skip("no symbolic links here")


def a_file(name: str) -> None:
    Path(name).write_text("notes")


def a_link_to_nothing(name: str) -> None:
    _link("gone/printouts", name)


def a_link_to_a_file(name: str) -> None:
    Path("notes.txt").write_text("notes")
    _link("notes.txt", name)


@pytest.mark.parametrize(("make", "out", "message"), [
    (a_file, "printed", "printed: is a file, not a folder; choose another --out"),
    (a_link_to_nothing, "printed", "printed: is a symbolic link to 'gone/printouts', which does not exist; create "
                                   "that folder or choose another --out"),
    (a_link_to_a_file, "printed", "printed: is a symbolic link to 'notes.txt', a file, not a folder; choose another "
                                  "--out"),
    (a_file, "printed/today", "printed: is a file, not a folder; choose another --out"),  # one above it
])
@pytest.mark.parametrize("command", [["build"], ["card", "knee-hold"], ["cards", "--2up"], ["figures"]])
def test_an_out_that_is_not_a_folder_says_what_it_is(
        folder: Path, make: Callable[[str], None], out: str, message: str, command: list[str]) -> None:
    make("printed")
    before = sorted(str(p) for p in folder.rglob("*"))
    result = CliRunner().invoke(cli, [*command, "--out", out])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert sorted(str(p) for p in folder.rglob("*")) == before
