"""YAML mistakes are reported where the writer must look, with the fix, as `handbook check` prints them.

Each case is a file of tests/data/bad/ (the routine of tests/data/minimal with one mistake).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from tests.conftest import DATA

BAD = DATA / "bad"
FAILED = "check failed: 1 routine, 1 FAQ topic, 1 error, {warnings} warnings"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "routines"


def check(folder: Path, case: str) -> list[str]:
    shutil.copy(BAD / case, folder / "knee-hold.yaml")
    result = CliRunner().invoke(cli, ["check"], catch_exceptions=False)
    assert result.exit_code == 1
    return result.stderr.splitlines()


@pytest.mark.parametrize(("case", "message"), [
    # the parser stops at the end of the file; the quote opened on line 2
    ("yaml-unclosed-quote.yaml",
     "routines/knee-hold.yaml:2:10: YAML syntax: the quote \" that opens here is never closed; end the text with \" "
     "on the same line"),
    # the parser stops at the next quote, on line 10; the quote opened on line 2
    ("yaml-unclosed-quote-runs-on.yaml",
     "routines/knee-hold.yaml:2:10: YAML syntax: the quote ' that opens here is never closed; end the text with ' "
     "on the same line"),
    ("yaml-colon-in-text.yaml",
     "routines/knee-hold.yaml:11:18: YAML syntax: a colon and a space inside text start a new key; put the whole "
     "text in quotes: text: \"Stretch: hug one knee to your chest.\""),
    # valid YAML (a mapping of one key), so it is the step that is wrong, not an unknown field 'Start'
    ("yaml-colon-in-list-item.yaml",
     "routines/knee-hold.yaml:10:5: steps[1]: a colon and a space inside text start a new key; put the whole text "
     "in quotes: \"Start: lie on your back.\""),
    ("yaml-link-over-2000-characters.yaml",
     "routines/knee-hold.yaml:21:7: link: is too long for a web address (2027 characters; at most 2000); shorten it"),
])
def test_a_yaml_mistake_is_one_line_where_the_writer_must_look(folder: Path, case: str, message: str) -> None:
    assert check(folder, case) == [message, FAILED.format(warnings=0)]


def test_a_link_too_long_for_the_card_is_blamed_on_the_link_not_the_steps(folder: Path) -> None:
    """A long address makes a large QR code and many lines: shortening the steps would not help."""
    said = ("routines/knee-hold.yaml:21:7: {label}link: is too long for the card (1727 characters): with its QR code "
            "and the address written out, the card does not fit on 4 sides of {paper} ({much} too long); shorten the "
            "address")
    assert check(folder, "yaml-long-link.yaml") == [
        said.format(label="", paper="A4", much="about 7 lines / 15%"),
        said.format(label="warning: ", paper="Letter", much="about 7 lines / 16%"),
        said.format(label="warning: ", paper="A5", much="about 5 lines / 17%"),
        FAILED.format(warnings=2),
    ]
