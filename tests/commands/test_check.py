"""`handbook check` as a health-literacy and print gate: warnings, --strict, glyph coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.commands.check import check
from tests.conftest import DATA

LONG = ("When you have finished lying on the floor with your knees bent you should slowly roll "
        "over onto your side and then carefully push yourself up to sitting.")
HARD = ("Physiotherapeutic intervention necessitates comprehensive musculoskeletal evaluation "
        "incorporating neuromuscular coordination assessment.")


@pytest.fixture
def routine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "routines" / "knee-hold.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def messages(root: Path, strict: bool = False) -> list[str]:
    return [str(p) for p in check(root, strict=strict).problems]


def test_a_sentence_over_20_words_is_a_warning_at_its_place(routine: Path) -> None:
    edit(routine, "  - Lie on your back.\n", f"  - {LONG}\n")
    assert messages(routine.parent) == [
        "routines/knee-hold.yaml:10:5: warning: steps[1]: a sentence of 28 words (keep to 20): "
        "\"When you have finished lying on...\""
    ]


def test_a_grade_above_8_is_a_warning_naming_the_hardest_part(routine: Path) -> None:
    edit(routine, "summary: Hold your knee to your chest.", f"summary: {HARD}")
    (problem,) = messages(routine.parent)
    assert problem.startswith("routines/knee-hold.yaml:1:1: warning: reading grade ")
    assert problem.endswith("is above 8; the hardest part is summary (grade 40.2): use shorter sentences "
                            "and everyday words")


def test_more_than_7_steps_and_more_than_5_list_items(routine: Path) -> None:
    edit(routine, "  - Lie on your back.\n", "".join(f"  - Step {n}.\n" for n in range(1, 8)))
    edit(routine, "tips: [Breathe slowly.]", "tips: [One., Two., Three., Four., Five., Six.]")
    assert messages(routine.parent) == [
        "routines/knee-hold.yaml:10:3: warning: steps: 8 steps; keep to 7 or fewer, or split the routine",
        "routines/knee-hold.yaml:19:7: warning: tips: 6 items; keep lists to 5 or fewer",
    ]


def test_strict_turns_warnings_into_errors(routine: Path) -> None:
    edit(routine, "  - Lie on your back.\n", f"  - {LONG}\n")
    assert check(routine.parent).ok
    assert not check(routine.parent, strict=True).ok
    result = CliRunner().invoke(cli, ["check", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "routines/knee-hold.yaml:10:5: steps[1]: a sentence of 28 words (keep to 20): "
        "\"When you have finished lying on...\"",
        "check failed: 1 routine, 1 FAQ topic, 1 error, 0 warnings",
    ]
    plain = CliRunner().invoke(cli, ["check"])
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[-1] == "checked: 1 routine, 1 FAQ topic, 0 errors, 1 warning"


def test_a_character_the_font_lacks_is_an_error_with_its_code_point(routine: Path) -> None:
    edit(routine, "title: Knee hold", "title: Knee hold \u819d")
    assert messages(routine.parent) == [
        "routines/knee-hold.yaml:1:8: title: '\u819d' (U+819D) is not in the font Source Sans Pro"
    ]


def test_polish_czech_greek_and_cyrillic_are_covered(routine: Path) -> None:
    edit(routine, "title: Knee hold", "title: Zażółć gęślą, Příliš žluťoučký, Ελληνικά, Кириллица")
    assert messages(routine.parent) == []


@pytest.mark.parametrize("command", [["check"], ["card", "knee-hold"], ["build"]])
def test_a_link_too_long_for_a_qr_code_is_refused_at_the_link(routine: Path, command: list[str]) -> None:
    """2,000 characters are allowed, but letters beyond ASCII take two bytes: over 2,331 no QR code holds it."""
    edit(routine, "version: 1\n", "version: 1\nlink: https://example.org/" + "\u00e9" * 1200 + "\n")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1
    assert ("routines/knee-hold.yaml:21:7: link: is too long for a QR code (2420 bytes as UTF-8; at most 2331 fit); "
            "shorten the address") in result.output.splitlines()
    assert not Path("output").exists()


def test_a_reviewer_still_the_samples_placeholder_is_warned_and_strict_fails(routine: Path) -> None:
    edit(routine.parent / "book.yaml", "by: Test Reviewer", "by: A. Sample, physiotherapist (sample)")
    warning = ("routines/book.yaml:9:7: warning: reviewed.by: is the sample's placeholder, not a clinician; name the "
               "clinician who checked this content (until then every printout says \"Not yet reviewed by a "
               "clinician\")")
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0
    assert warning in result.output.splitlines()
    strict = CliRunner().invoke(cli, ["check", "--strict"])
    assert strict.exit_code == 1
    assert warning.replace("warning: ", "") in strict.output.splitlines()


def test_until_a_clinician_is_named_the_printouts_say_so(routine: Path) -> None:
    from tests import pdfcheck

    def printed() -> tuple[str, str]:
        assert CliRunner().invoke(cli, ["build"]).exit_code == 0
        assert CliRunner().invoke(cli, ["card", "knee-hold"]).exit_code == 0
        handbook = " ".join(" ".join(pdfcheck.page_texts(Path("output/handbook.pdf").read_bytes())).split())
        card = " ".join(" ".join(pdfcheck.page_texts(Path("output/cards/knee-hold.pdf").read_bytes())).split())
        return handbook, card

    handbook, card = printed()
    assert "Not yet reviewed" not in handbook and "not yet reviewed" not in card
    assert "reviewed on 2 January 2026 by Test Reviewer" in handbook and "reviewed 2 Jan 2026" in card
    edit(routine.parent / "book.yaml", "by: Test Reviewer", "by: A. Sample, physiotherapist (sample)")
    handbook, card = printed()
    assert handbook.count("Not yet reviewed by a clinician.") == 2  # the cover and the routine's version line
    assert "It has not yet been reviewed by a clinician." in handbook  # the sources
    assert "(sample)" not in handbook and "(sample)" not in card
    assert "Version 1 \u00b7 not yet reviewed by a clinician \u00b7" in card


def test_a_book_without_red_flags_is_warned_about(routine: Path) -> None:
    book = routine.parent / "book.yaml"
    text = book.read_text(encoding="utf-8")
    book.write_text(text[:text.index("red_flags:")], encoding="utf-8")
    assert messages(routine.parent) == [
        "routines/book.yaml:1:1: warning: red_flags: none given; list the signs to call about at once (they print "
        "in every stop box of the handbook, and on each card with room, beside the clinic's phone)"]
    assert not check(routine.parent, strict=True).ok


def test_a_dose_that_makes_no_sense_is_warned_about_at_its_number(routine: Path) -> None:
    edit(routine, "  hold_seconds: 30\n  reps", "  hold_seconds: 600\n  reps")
    assert messages(routine.parent) == [
        "routines/knee-hold.yaml:5:17: warning: dose.hold_seconds: 600 is more than 300 seconds of holding "
        "(5 minutes); check the number",
        "routines/knee-hold.yaml:12:19: warning: steps[2].hold_seconds: 30 seconds here, but the dose says 600; "
        "make them agree",
    ]  # 600 s, 5 times, twice a day: 100 minutes a day, under the 2 hours that would be warned about


def test_every_card_prints_the_red_flags_going_on_its_back_when_it_must(routine: Path) -> None:
    from tests import pdfcheck

    assert check(routine.parent, strict=True).ok
    assert CliRunner().invoke(cli, ["card", "knee-hold"]).exit_code == 0
    card = " ".join(" ".join(pdfcheck.page_texts(Path("output/cards/knee-hold.pdf").read_bytes())).split())
    assert ("Call us straight away, or get urgent help, if (advice from your clinic): \u2022 New leaking of urine "
            "or stool, or you cannot pass urine.") in card
    assert "A burn or a change in your skin from heat. Call us on 555-0199." in card
    edit(routine, "  - Lie on your back.\n", "".join(f"  - Step {n}.\n" for n in range(1, 8)))
    result = CliRunner().invoke(cli, ["card", "knee-hold"])
    assert result.output == "wrote output/cards/knee-hold.pdf (2 sides: print double-sided)\n"
    pages = [" ".join(text.split()) for text in pdfcheck.page_texts(Path("output/cards/knee-hold.pdf").read_bytes())]
    assert "A burn or a change in your skin from heat. Call us on 555-0199." in pages[1]
    assert [p.field for p in check(routine.parent).problems] == ["steps"]  # 8 steps; nothing said of the card


@pytest.mark.parametrize(("dose", "step", "message"), [
    ("blank", "[20, 30]", "a number here, but the dose's hold is blank; write blank here too, or give the dose "
                          "this number"),
    ("30", "blank", "blank here, but the dose gives a number; write the dose's number here too"),
    ("30", "[20, 40]", "20 to 40 seconds here, but the dose says 30; make them agree"),
])
def test_a_step_hold_that_disagrees_with_the_dose_is_warned_about(routine: Path, dose: str, step: str,
                                                                  message: str) -> None:
    edit(routine, "  hold_seconds: 30\n  reps", f"  hold_seconds: {dose}\n  reps")
    edit(routine, "    hold_seconds: 30\n", f"    hold_seconds: {step}\n")
    assert messages(routine.parent) == [f"routines/knee-hold.yaml:12:19: warning: steps[2].hold_seconds: {message}"]
