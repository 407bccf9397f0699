"""One patient's programme as it is printed: its exercises with their doses in words, and the weeks of its log.

The first page, the weekly log and the plain-text summary (for the clinical notes) all say
what is here, in the plan's language. Each exercise's routine carries the patient's own
numbers and side, exactly as that exercise's card prints them, and its dose is worded by
`words.dose_sentences`, the handbook's words: the summary never says another number than
the card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from handbook.model import Amount, Clinic, Routine
from handbook.model.labels import Labels, labels
from handbook.model.words import dose_sentences

NONE = "\u2013"  # an empty cell of the first page's table: nothing to say


@dataclass(frozen=True)
class Exercise:
    """One exercise of a programme, as its card prints it."""

    routine: Routine  # with the patient's dose numbers and side
    note: str | None = None  # the clinician's note
    personal_dose: bool = False  # the dose was set for the patient: the routine's dose note gives way, as on a card


@dataclass(frozen=True)
class Programme:
    """One patient's programme: who, from whom, when, the exercises and the weeks of the log."""

    patient: str
    clinic: Clinic
    start: dt.date
    weeks: int
    exercises: tuple[Exercise, ...]
    language: str = "en"
    clinician: str | None = None
    review: dt.date | None = None
    red_flags: tuple[str, ...] = ()  # the clinic's, printed in the stop box with its phone
    not_reviewed: bool = False  # the book names no reviewer yet: the first page says so, as every card does

    @property
    def lang(self) -> Labels:
        return labels(self.language)

    @property
    def end(self) -> dt.date:
        """The last day of the log."""
        return self.start + dt.timedelta(days=7 * self.weeks - 1)

    def days(self, week: int) -> list[dt.date]:
        """The seven days of week `week` (from 1), from the start's weekday on."""
        first = self.start + dt.timedelta(days=7 * (week - 1))
        return [first + dt.timedelta(days=n) for n in range(7)]

    def week_heading(self, week: int) -> str:
        """``Week 1: 7 Dec – 13 Dec``."""
        days = self.days(week)
        return self.lang("plan.week", week=week, first=self.lang.day_month(days[0]),
                         last=self.lang.day_month(days[-1]))

    def weekday(self, day: dt.date) -> str:
        """``Mon``: the day's short name, for a column of the log."""
        return self.lang.weekdays[day.weekday()]

    def bring(self) -> str:
        """``Bring this sheet to your visit on 4 January 2027.``"""
        if self.review is None:
            return self.lang("plan.bring_next")
        return self.lang("plan.bring", date=self.lang.date(self.review))

    def stop_signs(self) -> list[str]:
        """Every exercise's "stop and call us if" signs, each once, in the order the exercises give them."""
        return list(dict.fromkeys(sign for exercise in self.exercises for sign in exercise.routine.stop_if))


def dose_words(exercise: Exercise, lang: Labels) -> str:
    """The exercise's dose in the handbook's sentences; the routine's own dose note is left out where
    the dose was set for the patient, as the card leaves it out."""
    dose = exercise.routine.dose
    if exercise.personal_dose:
        dose = replace(dose, note=None)
    return " ".join(dose_sentences(dose, lang))


def side_words(exercise: Exercise, lang: Labels) -> str:
    """``Left side only``, ``Each side``, or a dash for an exercise not done on each side."""
    dose = exercise.routine.dose
    if dose.side:
        return lang(f"plan.side_{dose.side}")
    return lang("plan.side_each") if dose.per_side else NONE


def exercise_label(number: int, exercise: Exercise, lang: Labels) -> str:
    """``1. Psoas release in a lunge``, and the side for one side only (``5. Psoas release in a lunge, right
    side only``): tells apart two exercises of one routine, in the log and the bookmarks."""
    label = f"{number}. {exercise.routine.title}"
    side = exercise.routine.dose.side
    if side:
        words = lang(f"plan.side_{side}")
        label += f", {words[:1].lower()}{words[1:]}"
    return label


def summary_text(programme: Programme) -> str:
    """The programme as plain text, to paste into the clinical notes: who, when, and each exercise
    with its dose in words, side and note."""
    lang = programme.lang
    clinic = programme.clinic
    lines = [lang("plan.subject", patient=programme.patient)]
    if programme.clinician:
        lines.append(f"{lang('plan.clinician')} {programme.clinician}")
    lines.append(f"{lang('plan.clinic')} {clinic.name}, {clinic.phone}")
    lines.append(f"{lang('plan.start')} {lang.date(programme.start)}")
    if programme.review is not None:
        lines.append(f"{lang('plan.review')} {lang.date(programme.review)}")
    weeks = lang.count(Amount(programme.weeks), "week")
    lines.append(lang("plan.weeks", weeks=weeks, first=lang.date(programme.start), last=lang.date(programme.end)))
    for number, exercise in enumerate(programme.exercises, start=1):
        routine = exercise.routine
        lines += ["", f"{number}. {routine.title} ({routine.slug})", f"   {dose_words(exercise, lang)}"]
        side = side_words(exercise, lang)
        if side != NONE:
            lines.append(f"   {lang('plan.side_is', side=side)}")
        if exercise.note:
            lines.append(f"   {lang('plan.note_is', note=exercise.note)}")
    return "\n".join(lines) + "\n"
