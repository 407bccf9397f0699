"""`handbook plan` refuses bad input with the exact line a clinician reads, and writes nothing; `plan --new`
writes a template; `init` keeps patient data out of git; `schema plan` describes the file.

Nothing here renders a programme but the few tests that must (a warning, the template):
every refusal happens before any page is drawn.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from handbook.cli import cli
from handbook.commands.scaffold import schema_text
from handbook.content.fields import EXERCISE, PLAN
from tests.conftest import make_overlong

HEAD = "patient: Ana\nstart: 2026-12-07\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def plan(text: str) -> Result:
    Path("plans/bad.yaml").write_text(text, encoding="utf-8")
    return run("plan", "plans/bad.yaml")


def refused(result: Result, *lines: str) -> None:
    """Exit 1, exactly these lines and the stop line, nothing written."""
    assert result.exit_code == 1, result.output
    assert result.stderr == "".join(f"{line}\n" for line in lines) + (
        f"stopped: {len(lines)} problem{'s' if len(lines) != 1 else ''} in plans/bad.yaml; nothing was written\n")
    assert not Path("output").exists()


# --- every bad input of the issue: exit 1, file:line:col, nothing written ----------------------


def test_an_unknown_routine_gets_a_did_you_mean(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises:\n  - routine: psoas-relase\n"),
            "plans/bad.yaml:4:14: exercises[1].routine: no routine 'psoas-relase' in routines; "
            "did you mean 'psoas-release'?")


def test_a_routine_nothing_like_any_points_to_the_list(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises:\n  - routine: yoga\n"),
            "plans/bad.yaml:4:14: exercises[1].routine: no routine 'yoga' in routines; "
            "see 'handbook list' for the routines there are")


def test_a_dose_number_the_routine_does_not_have_is_refused(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises:\n  - routine: pelvic-floor-down-training\n    hold: 30\n    reps: 5\n"),
            "plans/bad.yaml:5:11: exercises[1].hold: 'pelvic-floor-down-training' has no hold in its dose; "
            "leave it out",
            "plans/bad.yaml:6:11: exercises[1].reps: 'pelvic-floor-down-training' has no repetitions in its dose; "
            "leave it out")


@pytest.mark.parametrize(("side", "why"), [
    ("left", "is not done on each side, so it has no left side only; leave the side out"),
    ("both", "is not done on each side; leave the side out"),
])
def test_a_side_for_a_routine_not_done_on_each_side_is_refused(plan_folder: Path, side: str, why: str) -> None:
    refused(plan(HEAD + f"exercises:\n  - routine: pelvic-floor-down-training\n    side: {side}\n"),
            f"plans/bad.yaml:5:11: exercises[1].side: 'pelvic-floor-down-training' {why}")


def test_a_review_before_the_start_is_refused(plan_folder: Path) -> None:
    refused(plan(HEAD + "review: 2026-12-01\nexercises:\n  - routine: psoas-rest-positions\n"),
            "plans/bad.yaml:3:9: review: 2026-12-01 is not after the start (2026-12-07); the review is the "
            "next visit, after the first day")


def test_a_review_before_today_when_the_plan_starts_today(plan_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796688000")  # 2026-12-08, "today"
    refused(plan("patient: Ana\nreview: 2026-12-08\nexercises:\n  - routine: psoas-rest-positions\n"),
            "plans/bad.yaml:2:9: review: 2026-12-08 is not after the start (today, 2026-12-08); the review is "
            "the next visit, after the first day")


@pytest.mark.parametrize("weeks", ["0", "27"])
def test_weeks_outside_1_to_26_are_refused(plan_folder: Path, weeks: str) -> None:
    refused(plan(HEAD + f"weeks: {weeks}\nexercises:\n  - routine: psoas-rest-positions\n"),
            f"plans/bad.yaml:3:8: weeks: must be from 1 to 26 (weeks), got {weeks}")


@pytest.mark.parametrize(("written", "message"), [
    ('patient: ""', "1:10: patient: is empty; expected a name"),
    ("patient:", "1:9: patient: is empty; the patient's name, printed on every page"),
    ("patient: '   '", "1:10: patient: is empty; expected a name"),
])
def test_an_empty_patient_is_refused(plan_folder: Path, written: str, message: str) -> None:
    refused(plan(f"{written}\nstart: 2026-12-07\nexercises:\n  - routine: psoas-rest-positions\n"),
            f"plans/bad.yaml:{message}")


def test_more_than_8_exercises_are_refused(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises:\n" + "  - routine: psoas-rest-positions\n" * 9),
            "plans/bad.yaml:4:3: exercises: has 9 items; the most allowed is 8")


def test_no_exercise_at_all_is_refused(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises: []\n"), "plans/bad.yaml:3:12: exercises: is empty; it needs at least one item")


def test_the_plan_is_read_as_strictly_as_content(plan_folder: Path) -> None:
    refused(plan(HEAD + "exercises:\n  - routine: psoas-foam-roller\n    hold_seconds: 30\n    hold: blank\n"
                        "  - routine: psoas-foam-roller\n    hold: 30-20\n    side: no\ncolour: red\n"),
            "plans/bad.yaml:5:5: exercises[1].hold_seconds: unknown field; did you mean 'hold'?",
            "plans/bad.yaml:6:11: exercises[1].hold: expected a number, got 'blank' (a blank is for the routine's "
            "own dose, where the clinician writes the number in)",
            "plans/bad.yaml:8:11: exercises[2].hold: a range goes from low to high, got [30, 20]",
            "plans/bad.yaml:9:11: exercises[2].side: expected one of left, right, both, got 'no'",
            "plans/bad.yaml:10:1: colour: unknown field")


def test_duplicate_keys_are_refused(plan_folder: Path) -> None:
    refused(plan("patient: Ana\npatient: Bo\nexercises:\n  - routine: psoas-rest-positions\n"),
            "plans/bad.yaml:2:1: duplicate key 'patient' (first written at line 1); keep only one")


def test_a_name_the_typeface_cannot_print_is_refused(plan_folder: Path) -> None:
    refused(plan("patient: 王小明\nstart: 2026-12-07\nexercises:\n  - routine: psoas-rest-positions\n"),
            "plans/bad.yaml:1:10: patient: the card's typeface has no letter for '王', '小', '明'; write it in "
            "Latin, Greek or Cyrillic letters")


def test_a_missing_plan_file(plan_folder: Path) -> None:
    result = run("plan", "plans/nobody.yaml")
    assert result.exit_code == 1
    assert result.stderr == ("plans/nobody.yaml:1:1: cannot read the file: No such file or directory\n"
                             "stopped: 1 problem in plans/nobody.yaml; nothing was written\n")


def test_a_file_that_is_not_yaml_is_wrong_usage(plan_folder: Path) -> None:
    result = run("plan", "plans/ana.txt")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == ("Error: Invalid value for 'FILE.yaml': 'plans/ana.txt' is not a plan "
                                              "file: its name ends in .yaml, e.g. plans/ana-oneil.yaml")


def test_a_failed_plan_leaves_the_old_programme_as_it_was(plan_folder: Path) -> None:
    out = Path("output/plans")
    out.mkdir(parents=True)
    (out / "bad.pdf").write_bytes(b"old pdf")
    (out / "bad.txt").write_bytes(b"old text")
    Path("plans/bad.yaml").write_text(HEAD + "weeks: 30\nexercises:\n  - routine: psoas-rest-positions\n")
    assert run("plan", "plans/bad.yaml").exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["bad.pdf", "bad.txt"]
    assert (out / "bad.pdf").read_bytes() == b"old pdf" and (out / "bad.txt").read_bytes() == b"old text"


# --- numbers that make no sense: warned about as `card` does, refused by --strict --------------

STRANGE = HEAD + "exercises:\n  - routine: psoas-release\n    reps: 50\n    hold: 300\n    times_a_day: 6\n"
WARNINGS = ["plans/bad.yaml:5:11: warning: exercises[1].reps: 50 is more than 30 repetitions; check the number",
            "plans/bad.yaml:4:5: warning: exercises[1]: the dose adds up to about 50.0 hours a day; check the numbers"]


def test_a_number_that_makes_no_sense_is_a_warning_at_its_place(plan_folder: Path) -> None:
    result = plan(STRANGE)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == WARNINGS
    assert Path("output/plans/bad.pdf").is_file()


def test_strict_refuses_it_and_writes_nothing(plan_folder: Path) -> None:
    Path("plans/bad.yaml").write_text(STRANGE, encoding="utf-8")
    result = run("plan", "plans/bad.yaml", "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [line.replace("warning: ", "") for line in WARNINGS] + [
        "stopped by --strict: nothing was written"]
    assert not Path("output").exists()


# --- plan --new, init, schema plan --------------------------------------------------------------


def test_new_writes_a_template_naming_every_field_and_the_routines(plan_folder: Path) -> None:
    result = run("plan", "--new", "plans/bo.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("wrote plans/bo.yaml; fill in the patient and the exercises, then run "
                             "'handbook plan plans/bo.yaml'\n")
    text = Path("plans/bo.yaml").read_text(encoding="utf-8")
    assert text.startswith("# One patient's programme. `handbook plan plans/bo.yaml` prints it as one PDF")
    assert ("# The routines you can name: pelvic-floor-down-training, psoas-foam-roller, psoas-release, "
            "psoas-rest-positions.\n") in text
    for field in [*PLAN.fields, *EXERCISE.fields]:
        assert f"{field.name}:" in text, field.name
    # the template refuses until the patient is named, then makes a programme
    refused_now = run("plan", "plans/bo.yaml")
    assert refused_now.stderr.splitlines()[0].endswith("patient: is empty; the patient's name, printed on every page")
    Path("plans/bo.yaml").write_text(text.replace("\npatient:\n", "\npatient: Bo Smith\n"), encoding="utf-8")
    made = run("plan", "plans/bo.yaml")
    assert made.exit_code == 0, made.output
    assert Path("output/plans/bo.pdf").is_file()


def test_new_names_the_schema_for_editors_when_the_content_has_one(plan_folder: Path) -> None:
    schema = Path("routines/schema/plan.schema.json")
    schema.parent.mkdir(exist_ok=True)
    schema.write_text(schema_text("plan"), encoding="utf-8")
    assert run("plan", "--new", "plans/bo.yaml").exit_code == 0
    first = Path("plans/bo.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../routines/schema/plan.schema.json"


def test_new_never_overwrites_a_plan(plan_folder: Path) -> None:
    before = Path("plans/ana.yaml").read_bytes()
    result = run("plan", "--new", "plans/ana.yaml")
    assert result.exit_code == 1
    assert result.stderr == "plans/ana.yaml: already exists; edit it, or choose another name\n"
    assert Path("plans/ana.yaml").read_bytes() == before


def test_init_keeps_plans_and_output_out_of_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("init", "clinic")
    assert result.exit_code == 0, result.output
    assert result.stdout == ("wrote clinic/routines/ and clinic/.gitignore (keeps plans/ and output/, where "
                             "patients are named, out of git)\n"
                             "edit book.yaml for your clinic, then run 'cd clinic && handbook check'\n")
    ignored = (tmp_path / "clinic" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert [line for line in ignored if not line.startswith("#")] == ["plans/", "output/"]


def test_the_json_schema_takes_a_plan_and_refuses_what_the_reader_refuses() -> None:
    schema = json.loads(schema_text("plan"))
    good = {"patient": "Ana", "start": "2026-12-07", "weeks": 6,
            "exercises": [{"routine": "psoas-release", "hold": "20-30", "reps": 5, "side": "left"}]}
    jsonschema.validate(good, schema)
    for broken in ({**good, "weeks": 27}, {**good, "exercises": []}, {**good, "colour": "red"},
                   {**good, "exercises": [{"routine": "psoas-release", "hold": "long"}]},
                   {**good, "exercises": [{"routine": "psoas-release"}] * 9}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_a_card_that_does_not_fit_is_refused_at_its_exercise(plan_folder: Path) -> None:
    make_overlong(Path("routines/psoas-release.yaml"))
    result = plan(HEAD + "exercises:\n  - routine: psoas-rest-positions\n  - routine: psoas-release\n")
    assert result.exit_code == 1
    first, stop = result.stderr.splitlines()
    assert first.startswith("plans/bad.yaml:5:5: exercises[2]: the card for 'psoas-release' does not fit on 4 sides "
                            "of A4 with 14 pt text: about ")
    assert stop == "stopped: 1 problem in plans/bad.yaml; nothing was written"
    assert not Path("output").exists()
