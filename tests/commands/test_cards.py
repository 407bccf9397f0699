"""`handbook card` and `handbook cards`, driven through the CLI as a clinician would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handbook.cli import cli
from tests import pdfcheck
from tests.conftest import card_lines, make_overlong

A5 = (419.5, 595.3)
BOXES_8MM = 8 * 72 / 25.4


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


CARD_USAGE = "Usage: handbook card [OPTIONS] SLUG...\nTry 'handbook card --help' for help.\n\n"


def test_card_writes_one_card_and_says_where(content_dir: Path) -> None:
    result = run("card", "psoas-release")
    assert result.exit_code == 0, result.output
    assert result.output == "wrote output/cards/psoas-release.pdf (3 sides on 2 sheets: print double-sided)\n"
    pdf = Path("output/cards/psoas-release.pdf").read_bytes()
    assert pdfcheck.page_count(pdf) == 3
    assert {tuple(round(v) for v in size) for size in pdfcheck.page_sizes(pdf)} == {(595, 842)}  # book.yaml: a4


def test_cards_writes_every_routine_on_the_paper_asked(content_dir: Path) -> None:
    result = run("cards", "--paper", "a5", "--out", "printed")
    assert result.exit_code == 0, result.output
    slugs = ["pelvic-floor-down-training", "psoas-release", "psoas-rest-positions", "psoas-foam-roller"]
    assert result.output == "".join(f"wrote printed/cards/{slug}.pdf (3 sides on 2 sheets: print double-sided)\n"
                                    for slug in slugs)
    for slug in slugs:
        pdf = Path(f"printed/cards/{slug}.pdf").read_bytes()
        assert pdfcheck.page_count(pdf) == 3
        assert {tuple(round(v, 1) for v in size) for size in pdfcheck.page_sizes(pdf)} == {A5}


@pytest.mark.parametrize("slug", ["../../x", "/etc/passwd", "a/b", "", "Psoas-Release", "psoas-relase.yaml"])
def test_a_name_that_is_not_a_slug_is_refused_before_any_path_is_built(content_dir: Path, slug: str) -> None:
    result = run("card", slug)
    assert result.exit_code == 2  # what was typed: a usage error
    shown = repr(slug) if slug else "an empty name"
    assert result.output == CARD_USAGE + (
        f"Error: Invalid value for 'SLUG...': {shown} is not a routine name: use the file name of a routine without "
        "'.yaml', in lower-case letters, digits and dashes (see 'handbook list')\n")
    assert not Path("output").exists()


@pytest.mark.parametrize("name", ["psoas-release.yaml", "routines/psoas-release.yaml"])
def test_a_routines_file_name_for_its_slug_is_told_the_slug(content_dir: Path, name: str) -> None:
    result = run("card", name)
    assert result.exit_code == 2
    assert result.output == CARD_USAGE + (f"Error: Invalid value for 'SLUG...': '{name}' is a file name: use the "
                                          "routine's name, psoas-release (see 'handbook list')\n")
    assert not Path("output").exists()


def test_where_book_yaml_is_the_folder_the_content_is_suggested(content_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(content_dir)  # book.yaml here, no routines/ folder
    result = run("card", "psoas-release")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ("routines: content folder does not exist; book.yaml is here: "
                                             "pass --content .")


def test_an_unknown_routine_gets_a_did_you_mean(content_dir: Path) -> None:
    result = run("card", "psoas-relase", "psoas-release")
    assert result.exit_code == 2
    assert result.output == CARD_USAGE + (
        "Error: Invalid value for 'SLUG...': no routine 'psoas-relase' in routines; did you mean 'psoas-release'? "
        "('handbook list' shows them all)\n")
    assert not Path("output").exists()  # one bad name: nothing written


def test_a_personal_card_has_the_name_in_the_file_and_on_the_card(content_dir: Path) -> None:
    result = run("card", "psoas-release", "--for", "Ana María O'Neil", "--hold", "30", "--reps", "5",
                 "--times-a-day", "2", "--note", "Left side only, gently.")
    assert result.exit_code == 0, result.output
    assert card_lines(result.output) == "wrote output/cards/psoas-release--ana-maria-o-neil.pdf\n"
    pdf = Path("output/cards/psoas-release--ana-maria-o-neil.pdf").read_bytes()
    text = " ".join(" ".join(page.extract_text() for page in pdfcheck.reader(pdf).pages).split())
    assert "Name: Ana María O'Neil" in text
    assert "Hold 30 seconds · 5 times · each side · twice a day · for 6–8 weeks" in text
    assert "From your physio: Left side only, gently." in text
    assert "Your physio will tell you how long to hold" not in text  # the routine's own dose note gives way


def test_overrides_are_checked_like_content(content_dir: Path) -> None:
    result = run("card", "psoas-release", "--reps", "0", "--hold", "long", "--weeks", "2-1", "--for", " ")
    assert result.exit_code == 2
    assert result.output == CARD_USAGE + (
        "Error: Invalid value for '--for': is blank; write the patient's name, or leave --for out for the card "
        "without a name\n"
        "Error: Invalid value for '--hold': expected seconds as a number, got 'long'\n"
        "Error: Invalid value for '--reps': must be from 1 to 100 (repetitions), got 0\n"
        "Error: Invalid value for '--weeks': a range goes from low to high, got [2, 1]\n"
    )
    assert not Path("output").exists()


def test_weeks_sets_the_tick_grid(content_dir: Path) -> None:
    assert run("card", "psoas-rest-positions", "--weeks", "6").exit_code == 0
    pdf = Path("output/cards/psoas-rest-positions.pdf").read_bytes()
    boxes = [r for r in pdfcheck.rects(pdf) if BOXES_8MM <= r.width < 40 and abs(r.width - r.height) < 0.01]
    assert len(boxes) == 6 * 7
    assert "for 6 weeks" in " ".join(pdfcheck.reader(pdf).pages[0].extract_text().split())


def test_an_overlong_card_is_refused_and_nothing_is_written(content_dir: Path,
                                                            edit: Callable[[Path, str, str], None]) -> None:
    assert run("card", "psoas-release").exit_code == 0
    before = Path("output/cards/psoas-release.pdf").read_bytes()
    make_overlong(content_dir / "psoas-release.yaml")
    result = run("card", "psoas-release", "psoas-rest-positions")
    assert result.exit_code == 1
    lines = card_lines(result.output).splitlines()
    assert lines[0].startswith("routines/psoas-release.yaml:17:3: card: the card for 'psoas-release' does not "
                               "fit on 4 sides of A4 with 14 pt text: about ")
    assert "% too long; shorten its steps, tips or lists, or print fewer weeks than 8" in lines[0]
    assert lines[1:] == ["wrote output/cards/psoas-rest-positions.pdf", "1 card was not written"]
    assert Path("output/cards/psoas-release.pdf").read_bytes() == before  # the old card is untouched
    assert sorted(p.name for p in Path("output/cards").iterdir()) == ["psoas-release.pdf", "psoas-rest-positions.pdf"]


@pytest.mark.parametrize("command", [["card", "psoas-rest-positions"], ["cards"], ["cards", "--2up"]])
def test_a_character_the_font_lacks_stops_every_card(content_dir: Path, edit: Callable[[Path, str, str], None],
                                                     command: list[str]) -> None:
    edit(content_dir / "psoas-release.yaml", "title: Psoas release in a lunge", "title: Psoas release \u819d")
    result = run(*command)
    assert result.exit_code == 1
    assert result.stderr == (
        "routines/psoas-release.yaml:2:8: title: '\u819d' (U+819D) is not in the font Source Sans Pro\n"
        "stopped: 1 problem in the content; nothing was written\n"
    )
    assert not Path("output").exists()


def test_cards_are_byte_identical_across_runs(content_dir: Path) -> None:
    assert run("cards", "--out", "one").exit_code == 0
    assert run("cards", "--out", "two").exit_code == 0
    for path in Path("one/cards").iterdir():
        assert path.read_bytes() == (Path("two/cards") / path.name).read_bytes(), path.name


PATIENTS = """\
name,routine,hold,reps,times-a-day,weeks,note
Ana María O'Neil,psoas-release,30,5,2,,Left side only.
Seán Ó Briain,psoas-rest-positions,,,,3,
Zoë Martin,psoas-relase,,,,,
,psoas-release,,,,,
Li Wei,psoas-foam-roller,20-30,200,,,
"Jürgen Groß, Jr.",pelvic-floor-down-training,,,,,"Breathe out, then let go."
"""


def test_patients_csv_makes_the_good_rows_and_reports_the_bad_ones(content_dir: Path) -> None:
    Path("patients.csv").write_text(PATIENTS, encoding="utf-8")
    result = run("cards", "--patients", "patients.csv")
    assert result.exit_code == 1
    assert card_lines(result.output).splitlines() == [
        "wrote output/cards/psoas-release--ana-maria-o-neil.pdf",
        "wrote output/cards/psoas-rest-positions--sean-o-briain.pdf",
        "patients.csv:4:12: routine: no routine 'psoas-relase' in routines; did you mean 'psoas-release'? "
        "('handbook list' shows them all)",
        "patients.csv:5:1: name: is empty; every row needs the patient's name",
        "patients.csv:6:32: reps: must be from 1 to 100 (repetitions), got 200",
        "wrote output/cards/pelvic-floor-down-training--jurgen-gross-jr.pdf",
        "3 cards were not written",
    ]
    pdf = Path("output/cards/pelvic-floor-down-training--jurgen-gross-jr.pdf").read_bytes()
    text = " ".join(pdfcheck.reader(pdf).pages[0].extract_text().split())
    assert "Name: Jürgen Groß, Jr." in text and "From your physio: Breathe out, then let go." in text
    grid = Path("output/cards/psoas-rest-positions--sean-o-briain.pdf").read_bytes()
    assert len([r for r in pdfcheck.rects(grid) if BOXES_8MM <= r.width < 40]) == 3 * 7


def test_patients_csv_with_an_unknown_column_writes_nothing(content_dir: Path) -> None:
    Path("patients.csv").write_text("name,routine,wekes\nAna,psoas-release,3\n", encoding="utf-8")
    result = run("cards", "--patients", "patients.csv")
    assert result.exit_code == 1
    assert result.output == ("patients.csv:1: unknown column 'wekes'; did you mean 'weeks'?\n"
                             "stopped: nothing was written\n")
    assert not Path("output").exists()


def test_many_patients_are_made_in_parallel_in_row_order(content_dir: Path) -> None:
    rows = "".join(f"Patient {n},psoas-rest-positions,,{n % 9 + 1}\n" for n in range(30))
    Path("patients.csv").write_text("name,routine,hold,reps\n" + rows, encoding="utf-8")
    result = run("cards", "--patients", "patients.csv")
    assert result.exit_code == 0, result.output
    assert card_lines(result.output).splitlines() == [f"wrote output/cards/psoas-rest-positions--patient-{n}.pdf"
                                          for n in range(30)]


def test_check_reports_a_card_that_does_not_fit(content_dir: Path, edit: Callable[[Path, str, str], None]) -> None:
    make_overlong(content_dir / "psoas-release.yaml")
    result = run("check")
    assert result.exit_code == 1
    cards = [line for line in result.output.splitlines() if ": card: " in line and "does not fit" in line]
    assert [line.split(" sides of ")[1].split(" ")[0] for line in cards] == ["A4", "Letter", "A5"]
    assert cards[0].startswith("routines/psoas-release.yaml:17:3: card: the card for 'psoas-release'")
    assert ": warning: card: " in cards[1] and ": warning: card: " in cards[2]


def test_a_quote_never_closed_is_named_at_its_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from tests.conftest import SAMPLE

    shutil.copytree(SAMPLE, tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.csv").write_text('name,routine\nAna,psoas-release\n"Bo,psoas-release\nCy,psoas-release\n',
                                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["cards", "--patients", "p.csv"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == 'p.csv:3: a quote (") opened in this row is never closed; close it or remove it\n'
    assert not (tmp_path / "output").exists() or not any((tmp_path / "output").rglob("*.pdf"))


def _card_text(path: str) -> str:
    return " ".join(" ".join(pdfcheck.page_texts(Path(path).read_bytes())).split())


def test_a_personal_hold_replaces_the_hold_in_every_step_cue(minimal: Path) -> None:
    """The dose strip and the step cues print the clinician's number, never the routine's own."""
    result = run("card", "knee-hold", "--content", "content", "--for", "Ana", "--hold", "45", "--reps", "7",
                 "--times-a-day", "3")
    assert result.exit_code == 0, result.output
    text = _card_text("output/cards/knee-hold--ana.pdf")
    assert "Hug one knee to your chest. Hold for 45 seconds." in text
    assert "Hold 45 seconds" in text and "7 times" in text and "3 times a day" in text
    assert "30" not in text and "5 times" not in text and "twice a day" not in text


def test_a_side_prints_that_side_only_everywhere(minimal: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(minimal / "knee-hold.yaml", "  times_per_day: 2\n", "  times_per_day: 2\n  per_side: true\n")
    assert run("card", "knee-hold", "--content", "content").exit_code == 0
    assert "each side" in _card_text("output/cards/knee-hold.pdf")
    result = run("card", "knee-hold", "--content", "content", "--for", "Ana", "--side", "LEFT")
    assert result.exit_code == 0, result.output
    text = _card_text("output/cards/knee-hold--ana.pdf")
    assert "left side only" in text
    assert "each side" not in text and "both sides" not in text and "left and right" not in text


def test_a_side_for_a_routine_not_done_on_each_side_is_refused(minimal: Path) -> None:
    result = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--side", "right"])
    assert result.exit_code == 2
    assert result.stderr == CARD_USAGE + ("Error: Invalid value for '--side': 'knee-hold' is not done on each side, "
                                          "so it has no right side only; leave the side out\n")
    assert not Path("output").exists()


def test_a_side_that_is_neither_is_a_usage_error(minimal: Path) -> None:
    result = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--side", "up"])
    assert result.exit_code == 2
    assert "Invalid value for '--side': 'up' is not one of 'left', 'right'." in result.stderr


def test_the_patients_file_takes_a_side_column_checked_at_its_cell(minimal: Path,
                                                                   edit: Callable[[Path, str, str], None]) -> None:
    edit(minimal / "knee-hold.yaml", "  times_per_day: 2\n", "  times_per_day: 2\n  per_side: true\n")
    Path("p.csv").write_text("name,routine,side\nAna,knee-hold,left\nBo,knee-hold,up\nCy,knee-hold,Both\n",
                             encoding="utf-8")
    result = CliRunner().invoke(cli, ["cards", "--content", "content", "--patients", "p.csv"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["wrote output/cards/knee-hold--ana.pdf",
                                          "wrote output/cards/knee-hold--cy.pdf"]
    assert card_lines(result.stderr).splitlines() == [
        "p.csv:3:14: side: expected one of left, right, both, got 'up'", "1 card was not written"]
    assert "left side only" in _card_text("output/cards/knee-hold--ana.pdf")
    assert "each side" in _card_text("output/cards/knee-hold--cy.pdf")


def test_where_the_sources_give_no_number_the_card_has_a_line_for_the_clinicians_pen(
        minimal: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(minimal / "knee-hold.yaml", "  hold_seconds: 30\n  reps: 5\n", "  hold_seconds: blank\n  reps: blank\n")
    edit(minimal / "knee-hold.yaml", "    hold_seconds: 30\n", "    hold_seconds: blank\n")
    assert run("card", "knee-hold", "--content", "content").exit_code == 0
    text = _card_text("output/cards/knee-hold.pdf")
    assert "Hold ____ seconds \u00b7 ____ times \u00b7 twice a day" in text
    assert "Hug one knee to your chest. Hold for ____ seconds." in text
    result = run("card", "knee-hold", "--content", "content", "--for", "Ana", "--hold", "45", "--reps", "6")
    assert result.exit_code == 0, result.output
    personal = _card_text("output/cards/knee-hold--ana.pdf")
    assert "Hold 45 seconds \u00b7 6 times" in personal and "Hold for 45 seconds." in personal
    assert "____" not in personal


def test_a_blank_is_not_a_number_for_a_patient(minimal: Path) -> None:
    result = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--for", "Ana", "--hold", "blank"])
    assert result.exit_code == 2
    assert result.stderr == CARD_USAGE + ("Error: Invalid value for '--hold': expected a number, got 'blank' (a blank "
                                          "is for the routine's own dose, where the clinician writes the number in)\n")


def test_a_patients_number_that_makes_no_sense_is_a_warning_and_strict_refuses_it(minimal: Path) -> None:
    result = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--for", "Ana", "--hold", "900"])
    assert result.exit_code == 0
    assert card_lines(result.stderr) == (
        "warning: --hold: 900 is more than 300 seconds of holding (5 minutes); check the number (for knee-hold)\n"
        "warning: the dose adds up to about 2.5 hours a day; check the numbers (for knee-hold)\n")
    assert result.stdout == "wrote output/cards/knee-hold--ana.pdf\n"
    strict = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--for", "Bo", "--reps", "40",
                                      "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr == ("--reps: 40 is more than 30 repetitions; check the number (for knee-hold)\n"
                             "stopped by --strict: nothing was written\n")
    assert not Path("output/cards/knee-hold--bo.pdf").exists()


def test_a_patients_file_row_with_a_number_that_makes_no_sense(minimal: Path) -> None:
    Path("p.csv").write_text("name,routine,times_a_day\nAna,knee-hold,9\nBo,knee-hold,3\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cards", "--content", "content", "--patients", "p.csv"])
    assert result.exit_code == 0
    assert card_lines(result.stderr) == (
        "p.csv:2:15: warning: times_a_day: 9 is more than 6 times a day; check the number\n")
    assert result.stdout.splitlines() == ["wrote output/cards/knee-hold--ana.pdf",
                                          "wrote output/cards/knee-hold--bo.pdf"]
    strict = CliRunner().invoke(cli, ["cards", "--content", "content", "--patients", "p.csv", "--strict"])
    assert strict.exit_code == 1
    assert card_lines(strict.stderr).splitlines() == [
        "p.csv:2:15: times_a_day: 9 is more than 6 times a day; check the number", "1 card was not written"]


def test_a_card_on_more_than_one_side_says_how_to_print_it(content_dir: Path) -> None:
    """Nothing is left out of a card: what one side cannot hold goes on the back, and the line says so."""
    result = run("card", "psoas-release", "--paper", "a5")
    assert result.exit_code == 0
    assert result.output == "wrote output/cards/psoas-release.pdf (3 sides on 2 sheets: print double-sided)\n"
    pdf = Path("output/cards/psoas-release.pdf").read_bytes()
    texts = [" ".join(text.split()) for text in pdfcheck.page_texts(pdf)]
    assert "More on the back: please turn over." in texts[0] and "More on the next sheet." in texts[1]
    assert texts[1].startswith("Psoas release in a lunge (continued)")


def test_one_side_with_words_for_both_sides_is_warned_about(minimal: Path,
                                                            edit: Callable[[Path, str, str], None]) -> None:
    edit(minimal / "knee-hold.yaml", "  times_per_day: 2\n", "  times_per_day: 2\n  per_side: true\n")
    edit(minimal / "knee-hold.yaml", "  - Lie on your back.\n", "  - Lie on your back.\n  - Then do the other side.\n")
    result = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--side", "left"])
    assert result.exit_code == 0
    assert "warning: --side left: step 2 says 'other side', printed as written (for knee-hold)" in result.stderr
    strict = CliRunner().invoke(cli, ["card", "knee-hold", "--content", "content", "--side", "left", "--strict",
                                      "--out", "strict"])
    assert strict.exit_code == 1 and not Path("strict").exists()
