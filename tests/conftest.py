"""Shared fixtures: a frozen copy of the bundled content (tests/data/sample), and throw-away copies to break.

Tests of layout and behaviour use tests/data: a change to the live routines/ folder (the
clinic's content) never moves them. Only tests/test_sample.py reads routines/, on purpose.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from handbook.content.loader import load, load_content
from handbook.model import Content

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "sample"  # the bundled content as it was when the tests were written
BUNDLED = REPO / "routines"  # the live content, for the tests that check it on purpose


@pytest.fixture(scope="session")
def sample_content() -> Content:
    """The sample content (tests/data/sample), loaded once for the whole run."""
    return load_content(SAMPLE)


@pytest.fixture
def content_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the sample content at tmp/routines; the working folder is tmp."""
    target = tmp_path / "routines"
    shutil.copytree(SAMPLE, target)
    monkeypatch.chdir(tmp_path)
    return target


@pytest.fixture
def edit() -> Callable[[Path, str, str], None]:
    """Replace one exact piece of text in a file (it must occur exactly once)."""

    def replace(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return replace


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/data/minimal at tmp/content, with tmp as the working folder."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "minimal", root)
    monkeypatch.chdir(tmp_path)
    return root


def messages(root: Path) -> list[str]:
    """Every problem `load` reports for a content folder, as the user reads it."""
    return [str(p) for p in load(root).problems]


def replace(path: Path, old: str, new: str) -> None:
    """Replace text that occurs exactly once in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def card_lines(text: str) -> str:
    """A card command's output without how each card prints, the "(2 sides: print double-sided)" of a
    `wrote` line (its own test pins it: tests/commands/test_cards.py)."""
    lines = [re.sub(r" \(\d sides( on 2 sheets)?: print double-sided\)", "", line) for line in text.splitlines()]
    return "".join(line + "\n" for line in lines)


def make_overlong(routine: Path) -> None:
    """Give a routine file of the sample (psoas-release) more than four sides of A4 hold: 13 more long
    steps (20 in all, the most allowed) and 7 more long tips."""
    words = "move slowly, keep breathing the whole time, and stop at once if the pull turns into pain"
    replace(routine, "steps:\n", "steps:\n" + "".join(
        f"  - Step number {n}, {words}; {words}; {words}; {words}.\n" for n in range(13)))
    replace(routine, "tips:\n", "tips:\n" + "".join(
        f"  - Tip number {n}, {words}; {words}; {words}.\n" for n in range(7)))
