"""Schema and cross-file checks: one test per kind of bad content, exact messages."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from handbook.content.loader import load, load_content
from handbook.errors import ContentError
from handbook.model import Amount
from tests.conftest import DATA, messages, replace

ROUTINE = "knee-hold.yaml"


def test_minimal_content_loads_into_the_model(minimal: Path) -> None:
    content = load_content(minimal)
    routine = content.routine("knee-hold")
    assert routine.title == "Knee hold"
    assert routine.dose.hold_seconds == Amount(30)
    assert routine.steps[1].text == "Hug one knee to your chest."
    assert routine.steps[1].hold_seconds == Amount(30)
    assert routine.where("steps[2].hold_seconds").line == 12
    assert str(routine.where("steps[2].hold_seconds")) == "content/knee-hold.yaml:12:19"
    assert content.book.reviewed.on == dt.date(2026, 1, 2)
    assert content.topic("basics").questions[0].see == ("knee-hold",)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  hold_seconds: 30\n  reps",
            "  hold: 30\n  reps",
            "content/knee-hold.yaml:5:3: dose.hold: unknown field; did you mean 'hold_seconds'?",
        ),
        (
            "    hold_seconds: 30\n",
            "    hold_seconds: long\n",
            "content/knee-hold.yaml:12:19: steps[2].hold_seconds: expected seconds as a number, got 'long'",
        ),
        (
            "  hold_seconds: 30\n  reps",
            "  hold_seconds: 0\n  reps",
            "content/knee-hold.yaml:5:17: dose.hold_seconds: must be from 1 to 3600 (seconds), got 0",
        ),
        (
            "  hold_seconds: 30\n  reps",
            "  hold_seconds: 100000\n  reps",
            "content/knee-hold.yaml:5:17: dose.hold_seconds: must be from 1 to 3600 (seconds), got 100000",
        ),
        (
            "  hold_seconds: 30\n  reps",
            "  hold_seconds: 2.5\n  reps",
            "content/knee-hold.yaml:5:17: dose.hold_seconds: expected a whole number (seconds), got 2.5",
        ),
        (
            "  hold_seconds: 30\n  reps",
            "  hold_seconds: [30, 20]\n  reps",
            "content/knee-hold.yaml:5:17: dose.hold_seconds: a range goes from low to high, got [30, 20]",
        ),
        (
            "  hold_seconds: 30\n  reps",
            "  hold_seconds: [10, 20, 30]\n  reps",
            "content/knee-hold.yaml:5:17: dose.hold_seconds: a range is two numbers such as [20, 30], got 3 items",
        ),
        ("title: Knee hold", "title: [Knee, hold]", "content/knee-hold.yaml:1:8: title: expected a title, got a list"),
        (
            "title: Knee hold",
            "title: 1234",
            "content/knee-hold.yaml:1:8: title: expected a title, got the number 1234; "
            "put it in quotes if it is meant as text",
        ),
        (
            "title: Knee hold\n",
            "",
            "content/knee-hold.yaml:1:1: title: required field is missing in this file; short title of the routine",
        ),
        (
            "stop_if:\n  - It hurts more.\n",
            "stop_if: []\n",
            "content/knee-hold.yaml:15:10: stop_if: is empty; it needs at least one item",
        ),
        (
            "stop_if:\n  - It hurts more.\n",
            "stop_if:\n",
            "content/knee-hold.yaml:15:9: stop_if: is empty; it needs at least one item",
        ),
        ("version: 1", "version: one", "content/knee-hold.yaml:20:10: version: expected a whole number, got 'one'"),
        (
            "related_faq: [basics]",
            "related_faq: [basic]",
            "content/knee-hold.yaml:19:15: related_faq[1]: no FAQ topic 'basic' (looked for faq/basic.yaml); "
            "did you mean 'basics'?",
        ),
        (
            "version: 1",
            "version: 1\nlink: ftp://example.org/video",
            "content/knee-hold.yaml:21:7: link: expected a web address starting with http:// or https://, "
            "got 'ftp://example.org/video'",
        ),
        (
            "version: 1",
            "version: 1\nlink: javascript:alert(1)",
            "content/knee-hold.yaml:21:7: link: expected a web address starting with http:// or https://, "
            "got 'javascript:alert(1)'",
        ),
        (
            "  times_per_day: 2\n",
            "  times_per_day: 2\n  per_side: yes\n",
            "content/knee-hold.yaml:8:13: dose.per_side: expected true or false, got 'yes'",
        ),
        (
            "  hold_seconds: 30\n  reps: 5\n  times_per_day: 2\n",
            "  per_side: true\n",
            "content/knee-hold.yaml:5:3: dose: needs at least one of: hold_seconds, minutes, breaths, reps, sets, "
            "rest_seconds, times_per_day, days_per_week, weeks",
        ),
        (
            "version: 1",
            "version: 1\nreviewed: {by: Someone, on: 2026-02-30}",
            "content/knee-hold.yaml:21:29: reviewed.on: 2026-02-30 is not a real date",
        ),
        (
            "version: 1",
            "version: 1\npicture: {file: images/missing.png, caption: A knee}",
            "content/knee-hold.yaml:21:17: picture.file: no such file 'images/missing.png' in content",
        ),
        (
            "version: 1",
            "version: 1\npicture: {file: ../book.yaml, caption: A knee}",
            "content/knee-hold.yaml:21:17: picture.file: '../book.yaml' is outside the content folder; "
            "keep pictures inside it",
        ),
        (
            "version: 1",
            "version: 1\npicture: {file: book.yaml, caption: A knee}",
            "content/knee-hold.yaml:21:17: picture.file: 'book.yaml': not a PNG, JPEG or SVG image",
        ),
        (
            "  - Lie on your back.\n",
            '  - "TODO: write this step"\n',
            "content/knee-hold.yaml:10:5: steps[1]: still holds the placeholder from 'handbook new'; "
            "write the real text",
        ),
    ],
)
def test_bad_routine(minimal: Path, old: str, new: str, message: str) -> None:
    replace(minimal / ROUTINE, old, new)
    assert messages(minimal) == [message]


def test_every_problem_in_every_file_is_reported_at_once(minimal: Path) -> None:
    replace(minimal / ROUTINE, "version: 1", "version: 0\ncolour: red")
    replace(minimal / "faq" / "basics.yaml", "see: [knee-hold]", "see: [knee-holds]")
    replace(minimal / "book.yaml", "paper: a4", "paper: a3")
    assert messages(minimal) == [
        "content/book.yaml:4:8: paper: expected one of a4, letter, got 'a3'",
        "content/faq/basics.yaml:5:11: questions[1].see[1]: no routine 'knee-holds' (looked for knee-holds.yaml); "
        "did you mean 'knee-hold'?",
        "content/knee-hold.yaml:20:10: version: must be from 1 to 10000, got 0",
        "content/knee-hold.yaml:21:1: colour: unknown field",
    ]
    with pytest.raises(ContentError) as caught:
        load_content(minimal)
    assert len(caught.value.problems) == 4


def test_book_names_a_routine_that_does_not_exist(minimal: Path) -> None:
    replace(minimal / "book.yaml", "routines: [knee-hold]", "routines: [knee-hold, neck-turn]")
    assert messages(minimal) == [
        "content/book.yaml:11:23: routines[2]: no routine 'neck-turn' (looked for neck-turn.yaml)"
    ]


def test_book_names_a_topic_that_does_not_exist(minimal: Path) -> None:
    replace(minimal / "book.yaml", "faq: [basics]", "faq: [basics, basic]")
    assert messages(minimal) == [
        "content/book.yaml:12:15: faq[2]: no FAQ topic 'basic' (looked for faq/basic.yaml); did you mean 'basics'?"
    ]


def test_book_lists_a_routine_twice(minimal: Path) -> None:
    replace(minimal / "book.yaml", "routines: [knee-hold]", "routines: [knee-hold, knee-hold]")
    assert messages(minimal) == ["content/book.yaml:11:23: routines[2]: 'knee-hold' is listed twice (also item 1)"]


def test_file_name_that_is_not_a_slug(minimal: Path) -> None:
    shutil.copy(minimal / ROUTINE, minimal / "Knee Hold.yaml")
    assert messages(minimal) == [
        "content/Knee Hold.yaml: file name 'Knee Hold' is not a valid slug (lower-case letters, digits and "
        "dashes); rename it to 'knee-hold.yaml'"
    ]


def test_two_files_claiming_the_same_slug(minimal: Path) -> None:
    shutil.copy(minimal / ROUTINE, minimal / "knee-hold.yml")
    assert messages(minimal) == [
        "content/knee-hold.yml: slug 'knee-hold' is also claimed by knee-hold.yaml; keep one of the two"
    ]


def test_unlisted_routine_is_a_warning_and_printed_last(minimal: Path) -> None:
    shutil.copy(minimal / ROUTINE, minimal / "another.yaml")
    loaded = load(minimal)
    assert [str(p) for p in loaded.problems] == [
        "content/another.yaml: warning: not listed under 'routines' in book.yaml; it is printed after the listed ones"
    ]
    assert loaded.content is not None
    assert [r.slug for r in loaded.content.routines] == ["knee-hold", "another"]


def test_missing_book_and_missing_folder(minimal: Path, tmp_path: Path) -> None:
    (minimal / "book.yaml").unlink()
    assert messages(minimal) == ["content/book.yaml: missing; every content folder needs a book.yaml"]
    assert messages(tmp_path / "nowhere") == [
        "nowhere: content folder does not exist; pass --content DIR, or create one with 'handbook init DIR'"
    ]


def test_yaml_problems_stop_only_their_own_file(minimal: Path) -> None:
    (minimal / "faq" / "basics.yaml").write_text("title: a\ntitle: b\n", encoding="utf-8")
    replace(minimal / ROUTINE, "version: 1", "version: -1")
    assert messages(minimal) == [
        "content/faq/basics.yaml:2:1: duplicate key 'title' (first written at line 1); keep only one",
        "content/knee-hold.yaml:20:10: version: must be from 1 to 10000, got -1",
    ]


def test_png_picture_is_accepted_with_its_size(minimal: Path) -> None:
    images = minimal / "images"
    images.mkdir()
    shutil.copy(DATA / "pixel.png", images / "knee.png")
    replace(minimal / ROUTINE, "version: 1", "version: 1\npicture: {file: images/knee.png, caption: A knee}")
    picture = load_content(minimal).routine("knee-hold").picture
    assert picture is not None
    assert (picture.kind, picture.width_px, picture.height_px, picture.alt) == ("png", 3, 2, "A knee")


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ('"Knee\\u202Ehold"', "U+202E (RIGHT-TO-LEFT OVERRIDE) can reverse how text reads; remove it"),
        ('"Knee\\u2066hold"', "U+2066 (LEFT-TO-RIGHT ISOLATE) can reverse how text reads; remove it"),
        ('"Knee\\x07hold"', "U+0007 is a control character, which cannot be printed; remove it"),
        ('"Knee\\thold"', "U+0009 is a tab, which cannot be printed; remove it"),
    ],
)
def test_control_characters_and_bidi_overrides_are_refused(minimal: Path, title: str, message: str) -> None:
    replace(minimal / ROUTINE, "title: Knee hold", f"title: {title}")
    assert messages(minimal) == [f"content/knee-hold.yaml:1:8: title: {message}"]


def test_text_is_nfc_normalised(minimal: Path) -> None:
    replace(minimal / ROUTINE, "title: Knee hold", 'title: "Cafe\\u0301 knee hold"')
    assert load_content(minimal).routine("knee-hold").title == "Caf\u00e9 knee hold"


def test_a_file_name_with_a_newline_is_reported_on_one_line(minimal: Path) -> None:
    (minimal / "bad\nname.yaml").write_text("title: x\n", encoding="utf-8")
    assert [m for m in messages(minimal) if "bad" in m] == [
        "content/bad\\nname.yaml: file name 'bad\\nname' is not a valid slug (lower-case letters, digits and "
        "dashes); rename it to 'bad-name.yaml'"]


def test_blank_is_a_dose_value_and_a_near_miss_is_named(minimal: Path) -> None:
    replace(minimal / ROUTINE, "  hold_seconds: 30\n  reps", "  hold_seconds: Blank\n  reps")
    assert messages(minimal) == [
        "content/knee-hold.yaml:5:17: dose.hold_seconds: expected seconds as a number, or blank, got 'Blank'; "
        "did you mean 'blank'?"]
    replace(minimal / ROUTINE, "  hold_seconds: Blank\n", "  hold_seconds: blank\n")
    assert messages(minimal) == []
