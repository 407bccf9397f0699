"""Dose numbers into words a patient reads without arithmetic."""

from __future__ import annotations

from handbook.model import Amount, Dose
from handbook.model.labels import Labels, labels
from handbook.model.words import dose_phrases, dose_sentences, step_cue


def dose_line(dose: Dose, lang: Labels | None = None) -> str:
    """The dose strip's phrases in a row: ``Hold 30 seconds · 5 times · twice a day``."""
    return " \u00b7 ".join(dose_phrases(dose, lang or labels("en")))

def test_the_classic_dose_reads_as_plain_sentences() -> None:
    dose = Dose(hold_seconds=Amount(30), reps=Amount(5), times_per_day=Amount(2))
    assert dose_sentences(dose) == ["Hold for 30 seconds.", "Do this 5 times.", "Twice a day."]
    assert dose_line(dose) == "Hold 30 seconds \u00b7 5 times \u00b7 twice a day"


def test_ranges_sides_weeks_and_every_day() -> None:
    dose = Dose(minutes=Amount(20, 30), per_side=True, days_per_week=Amount(7), weeks=Amount(6, 8))
    assert dose_sentences(dose) == [
        "Do this for 20 to 30 minutes.",
        "Do it on both sides.",
        "Every day.",
        "Keep this up for 6 to 8 weeks.",
    ]
    assert dose_line(dose) == "20\u201330 minutes \u00b7 each side \u00b7 every day \u00b7 for 6\u20138 weeks"


def test_singulars_whole_minutes_and_a_note() -> None:
    dose = Dose(hold_seconds=Amount(120), reps=Amount(1), sets=Amount(1), rest_seconds=Amount(1),
                times_per_day=Amount(1), days_per_week=Amount(5), per_side=True, note="Ask us first.")
    assert dose_sentences(dose) == [
        "Hold for 2 minutes.",
        "Do this once on each side.",
        "Do 1 set.",
        "Rest for 1 second between sets.",
        "Once a day, 5 days a week.",
        "Ask us first.",
    ]
    assert dose_line(dose).startswith("Hold 2 minutes \u00b7 1 time \u00b7 1 set")


def test_step_cue() -> None:
    assert step_cue(Amount(20, 30), Amount(3)) == "Hold for 20 to 30 seconds. Take 3 slow breaths."
    assert step_cue(None, None) is None


def test_one_side_only_in_words_and_on_the_strip() -> None:
    dose = Dose(reps=Amount(5), per_side=True, side="left")
    assert dose_sentences(dose) == ["Do this 5 times, on your left side only."]
    assert dose_line(dose) == "5 times \u00b7 left side only"
    german = dose_sentences(Dose(per_side=True, side="right"), labels("de"))
    assert german == ["Machen Sie es nur auf der rechten Seite."]


def test_a_blank_prints_a_line_to_write_the_number_on() -> None:
    from handbook.model import BLANK

    dose = Dose(hold_seconds=BLANK, reps=BLANK, times_per_day=BLANK, days_per_week=BLANK)
    assert dose_sentences(dose) == ["Hold for ____ seconds.", "Do this ____ times.",
                                    "____ times a day, ____ days a week."]
    assert dose_line(dose) == "Hold ____ seconds \u00b7 ____ times \u00b7 ____ times a day \u00b7 ____ days a week"
    assert dose_sentences(Dose(times_per_day=BLANK), labels("de")) == ["____-mal am Tag."]
