"""Exit codes, command by command: wrong usage is 2, with click's usage line; a content problem is 1.

Wrong usage is anything about what was typed: an unknown option, an option without its
value, a value that is not one of the choices, not a number, out of range, a routine that
does not exist, options that exclude each other. What the content, a file or the output
folder holds is never usage.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from tests.conftest import DATA

USAGES = {
    "build": "[OPTIONS]",
    "card": "[OPTIONS] SLUG...",
    "cards": "[OPTIONS]",
    "check": "[OPTIONS]",
    "figures": "[OPTIONS]",
    "init": "[OPTIONS] DIRECTORY",
    "list": "[OPTIONS]",
    "new": "[OPTIONS] SLUG",
    "plan": "[OPTIONS] FILE.yaml",
    "schema": "[OPTIONS] [routine|faq|book|plan]",
    "serve": "[OPTIONS]",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "routines"


def usage(command: str, error: str) -> str:
    return (f"Usage: handbook {command} {USAGES[command]}\nTry 'handbook {command} --help' for help.\n\n"
            f"Error: {error}\n")


def test_every_command_is_here() -> None:
    assert sorted(cli.commands) == sorted(USAGES)


@pytest.mark.parametrize("command", sorted(USAGES))
def test_an_unknown_option_is_a_usage_error(folder: Path, command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--qqq", "red"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == usage(command, "No such option '--qqq'.")


@pytest.mark.parametrize(("args", "error"), [
    (["build", "--paper", "b5"], "Invalid value for '--paper': 'b5' is not one of 'a4', 'letter'."),
    (["build", "--out"], "Option '--out' requires an argument."),
    (["card", "knee-hold", "--hold", "long", "--reps", "0"],
     "Invalid value for '--hold': expected seconds as a number, got 'long'\n"
     "Error: Invalid value for '--reps': must be from 1 to 100 (repetitions), got 0"),
    (["card", "knee-hold", "--weeks", "99"], "Invalid value for '--weeks': must be from 1 to 52 (weeks), got 99"),
    (["card", "knee-hold", "--note", "x" * 201],
     "Invalid value for '--note': is 201 characters long; keep it under 200"),
    (["card", "knee-hold", "--side", "left"], "Invalid value for '--side': 'knee-hold' is not done on each side, so it "
                                              "has no left side only; leave the side out"),
    (["card", "knee-hold", "--large-print=yes"], "Option '--large-print' does not take a value."),
    (["card", "neck-turn"], "Invalid value for 'SLUG...': no routine 'neck-turn' in routines; see 'handbook list' "
                            "for the routines there are"),
    (["cards", "--weeks", "x"], "Invalid value for '--weeks': expected weeks as a number, got 'x'"),
    (["cards", "--patients", "nobody.csv"], "Invalid value for '--patients': File 'nobody.csv' does not exist."),
    (["cards", "--patients", "routines"], "Invalid value for '--patients': File 'routines' is a directory."),
    (["cards", "--weeks", "4", "--patients", "routines/book.yaml"],
     "--weeks and --patients cannot be used together; put the weeks in a 'weeks' column of the file instead"),
    (["check", "--strict=yes"], "Option '--strict' does not take a value."),
    (["figures", "--paper", "a5"], "Invalid value for '--paper': 'a5' is not one of 'a4', 'letter'."),
    (["init"], "Missing argument 'DIRECTORY'."),
    (["list", "--content"], "Option '--content' requires an argument."),
    (["new", "Neck-Turn"], "Invalid value for 'SLUG': 'Neck-Turn' is not a valid routine name: use lower-case "
                           "letters, digits and dashes, e.g. 'hip-flexor-stretch'"),
    (["plan", "notes.txt"], "Invalid value for 'FILE.yaml': 'notes.txt' is not a plan file: its name ends in .yaml, "
                            "e.g. plans/ana-oneil.yaml"),
    (["plan", "ana.yaml", "--paper", "a5"], "Invalid value for '--paper': 'a5' is not one of 'a4', 'letter'."),
    (["serve", "--port", "0"], "Invalid value for '--port': 0 is not in the range 1<=x<=65535."),
    (["schema", "poem"],
     "Invalid value for '[routine|faq|book|plan]': 'poem' is not one of 'routine', 'faq', 'book', 'plan'."),
])
def test_a_bad_value_is_a_usage_error_with_the_usage_line(folder: Path, args: list[str], error: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == usage(args[0], error)
    assert not Path("output").exists()


@pytest.mark.parametrize("args", [["--colour"], ["--version=3"], ["frobnicate"]])
def test_wrong_usage_of_handbook_itself(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: handbook [OPTIONS] COMMAND [ARGS]...\nTry 'handbook --help' for help.\n\n"
                                    "Error: ")


@pytest.mark.parametrize("args", [["build"], ["card", "knee-hold"], ["cards"], ["list"], ["check"]])
def test_a_content_problem_is_exit_1_without_the_usage_line(folder: Path, args: list[str]) -> None:
    path = folder / "knee-hold.yaml"
    path.write_text(path.read_text().replace("version: 1", "version: 0"))
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    last = "check failed: 1 routine, 1 FAQ topic, 1 error, 0 warnings" if args == ["check"] else (
        "stopped: 1 problem in the content; nothing was written")
    assert result.stderr == f"routines/knee-hold.yaml:20:10: version: must be from 1 to 10000, got 0\n{last}\n"
