"""The commands that need no PDF, driven as a user would, with the exact words they see."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook import __version__
from handbook.cli import cli
from tests import pdfcheck
from tests.conftest import BUNDLED, DATA


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    return tmp_path / "routines"


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"handbook {__version__}\n"


@pytest.mark.parametrize("command", [[], ["check"], ["list"], ["new"], ["init"], ["schema"], ["plan"]])
def test_every_command_has_help_with_an_example(run, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


def test_check_passes_on_good_content(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout == (
        "                grade  longest sentence  steps  list items  card sides\n"
        "knee-hold         0.0           6 words      2           3  "
        "A4 1, Letter 2, A5 2; large: A4 2, Letter 2, A5 2\n"
        "faq/basics        0.5           3 words      -           1  -\n"
        "checked: 1 routine, 1 FAQ topic, 0 errors, 0 warnings\n"
    )


def test_check_lists_every_problem_and_exits_1(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    path = minimal / "knee-hold.yaml"
    path.write_text(path.read_text().replace("version: 1", "version: 0\ncolour: red"))
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr == (
        "routines/knee-hold.yaml:20:10: version: must be from 1 to 10000, got 0\n"
        "routines/knee-hold.yaml:21:1: colour: unknown field\n"
        "check failed: 1 routine, 1 FAQ topic, 2 errors, 0 warnings\n"
    )
    assert "Traceback" not in result.output


def test_check_takes_another_content_folder(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    minimal.rename(minimal.parent / "clinic")
    assert run("check").exit_code == 1
    assert run("check", "--content", "clinic").exit_code == 0


def test_check_on_a_missing_folder(run) -> None:  # type: ignore[no-untyped-def]
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "routines: content folder does not exist; pass --content DIR, or create one with 'handbook init DIR'"
    )


def test_list(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("list")
    assert result.exit_code == 0
    assert result.output == (
        "Routines (1)\n"
        "  knee-hold  Knee hold \u2014 Hold your knee to your chest.\n"
        "\n"
        "FAQ topics (1)\n"
        "  basics  Basics (1 question)\n"
    )


def test_list_refuses_bad_content_with_every_problem(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    (minimal / "faq" / "basics.yaml").write_text("title: [a\n")
    result = run("list")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith("routines/faq/basics.yaml:2:1: YAML syntax:")
    assert result.stderr.splitlines()[-1] == "stopped: 1 problem in the content; nothing was written"


def test_new_writes_a_scaffold_that_check_points_into(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("new", "neck-turn")
    assert result.exit_code == 0
    assert result.output.startswith("wrote routines/neck-turn.yaml;")
    text = (minimal / "neck-turn.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=schema/routine.schema.json\n")
    for name in (
        "title",
        "summary",
        "when",
        "dose",
        "hold_seconds",
        "per_side",
        "equipment",
        "steps",
        "tips",
        "avoid",
        "stop_if",
        "caution",
        "link",
        "picture",
        "sources",
        "related_faq",
        "version",
        "reviewed",
    ):
        assert f"\n{name}:" in text or f"  {name}:" in text, name
    check = run("check")
    assert check.exit_code == 1
    lines = check.stderr.splitlines()
    assert (
        "routines/neck-turn.yaml:6:8: title: still holds the placeholder from 'handbook new'; write the real text"
        in lines
    )
    assert all("neck-turn.yaml" in line for line in lines[:-1])


def test_new_filled_in_passes_check(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    run("new", "neck-turn")
    path = minimal / "neck-turn.yaml"
    text = path.read_text()
    text = text.replace('"TODO: the first action, e.g. Lie on your back with your knees bent."', "Sit tall.")
    text = text.replace("  reps:\n", "  reps: 5\n")
    for line in [ln for ln in text.splitlines() if '"TODO' in ln]:
        text = text.replace(line, line.split('"TODO')[0] + "Filled in.")
    path.write_text(text)
    (minimal / "book.yaml").write_text(
        (minimal / "book.yaml").read_text().replace("[knee-hold]", "[knee-hold, neck-turn]")
    )
    result = run("check")
    assert result.stderr == ""
    assert result.exit_code == 0


NEW_USAGE = "Usage: handbook new [OPTIONS] SLUG\nTry 'handbook new --help' for help.\n\n"


@pytest.mark.parametrize("slug", ["Neck", "../x", "a/b", "neck_turn", "neck-", "/etc/passwd"])
def test_new_refuses_an_invalid_slug(run, minimal: Path, slug: str) -> None:  # type: ignore[no-untyped-def]
    result = run("new", slug)
    assert result.exit_code == 2
    assert result.stderr == NEW_USAGE + (
        f"Error: Invalid value for 'SLUG': '{slug}' is not a valid routine name: use lower-case letters, digits and "
        "dashes, e.g. 'hip-flexor-stretch'\n"
    )
    assert sorted(p.name for p in minimal.iterdir()) == ["book.yaml", "faq", "knee-hold.yaml"]


def test_new_refuses_the_reserved_name_book(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("new", "book")
    assert result.exit_code == 2
    assert result.stderr == NEW_USAGE + ("Error: Invalid value for 'SLUG': 'book' is reserved for book.yaml; "
                                         "choose another name\n")


def test_new_refuses_an_existing_file(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    before = (minimal / "knee-hold.yaml").read_bytes()
    result = run("new", "knee-hold")
    assert result.exit_code == 1
    assert result.stderr == "routines/knee-hold.yaml: already exists; edit it or choose another name\n"
    assert (minimal / "knee-hold.yaml").read_bytes() == before


def test_init_then_check_works(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("init", "clinic")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "wrote clinic/routines/ and clinic/.gitignore (keeps plans/ and output/, where patients are named, out of "
        "git)\nedit book.yaml for your clinic, then run 'cd clinic && handbook check'\n"
    )
    copied = sorted(
        str(p.relative_to(tmp_path / "clinic" / "routines")) for p in (tmp_path / "clinic" / "routines").rglob("*")
    )
    expected = sorted(str(p.relative_to(BUNDLED)) for p in BUNDLED.rglob("*"))
    assert copied == expected
    result = CliRunner().invoke(cli, ["check", "--content", str(tmp_path / "clinic" / "routines")])
    assert result.exit_code == 0  # warned about (a placeholder reviewer, what cards leave out), not an error
    assert result.output.endswith("checked: 4 routines, 2 FAQ topics, 0 errors, 5 warnings\n")


def test_init_refuses_a_non_empty_folder(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "clinic").mkdir()
    (tmp_path / "clinic" / "notes.txt").write_text("mine")
    result = run("init", "clinic")
    assert result.exit_code == 1
    assert result.stderr == "clinic: folder is not empty; choose a new or empty folder\n"
    assert sorted(p.name for p in (tmp_path / "clinic").iterdir()) == ["notes.txt"]


def test_schema_prints_json_schema(run) -> None:  # type: ignore[no-untyped-def]
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "stop_if" in schema["required"]
    assert json.loads(run("schema", "faq").output)["title"] == "handbook FAQ topic"


def test_wrong_usage_exits_2(run) -> None:  # type: ignore[no-untyped-def]
    assert run("schema", "poem").exit_code == 2
    assert run("frobnicate").exit_code == 2
    assert run("new").exit_code == 2


def test_an_internal_error_is_one_line_without_traceback(run, minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def boom(root: Path, strict: bool = False) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr("handbook.commands.check.check", boom)
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.startswith("handbook: internal error (RuntimeError: kaboom). This is a bug; please report it")
    assert len(result.stderr.splitlines()) == 1


def test_the_help_lists_every_command_in_a_whole_sentence(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--help")
    commands = result.output.split("Commands:\n")[1].splitlines()
    assert len(commands) == 11
    assert all(line.rstrip().endswith(".") and "..." not in line for line in commands), commands


@pytest.mark.parametrize("paper", ["A4", "Letter", "LETTER"])
def test_choices_are_taken_in_any_case(run, minimal: Path, paper: str) -> None:  # type: ignore[no-untyped-def]
    result = run("card", "knee-hold", "--paper", paper, "--language", "EN")
    assert result.exit_code == 0, result.output
    width = pdfcheck.page_sizes(Path("output/cards/knee-hold.pdf").read_bytes())[0][0]
    assert round(width) == (595 if paper == "A4" else 612)


def test_card_without_a_routine_points_to_the_list(run) -> None:  # type: ignore[no-untyped-def]
    result = run("card")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: name the routines to print, e.g. 'handbook card psoas-release'; "
                                              "'handbook list' shows them all")


def test_figures_prints_on_the_books_paper(run, minimal: Path) -> None:  # type: ignore[no-untyped-def]
    text = (minimal / "book.yaml").read_text(encoding="utf-8")
    (minimal / "book.yaml").write_text(text.replace("paper: a4", "paper: letter"), encoding="utf-8")
    assert run("figures").exit_code == 0
    assert pdfcheck.page_sizes(Path("output/figures.pdf").read_bytes())[0] == (612.0, 792.0)
