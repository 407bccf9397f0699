"""A patient's programme in words: weeks dated from the start, the dose as the card has it, in four languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from handbook.model import Amount, Clinic, Dose, Routine, Source
from handbook.model.programme import Exercise, Programme, dose_words, exercise_label, side_words, summary_text

CLINIC = Clinic("Riverside Physiotherapy", "555-0100")
ROUTINE = Routine("knee-hold", "Knee hold", "Hold your knee.", "Any time.",
                  Dose(hold_seconds=Amount(30), reps=Amount(5), per_side=True, note="Your physio may change this."),
                  (), (), (), (), ("It hurts more.",), (Source("A source"),), 1)


def programme(language: str = "en", start: dt.date = dt.date(2026, 12, 7), **changes: object) -> Programme:
    made = Programme("Ana", CLINIC, start, 6, (Exercise(ROUTINE),), language, review=dt.date(2027, 1, 4))
    return replace(made, **changes)


@pytest.mark.parametrize(("language", "first", "fourth"), [
    ("en", "Week 1: 7 Dec \u2013 13 Dec", "Week 4: 28 Dec \u2013 3 Jan"),
    ("es", "Semana 1: 7 dic \u2013 13 dic", "Semana 4: 28 dic \u2013 3 ene"),
    ("fr", "Semaine 1 : 7 d\u00e9c. \u2013 13 d\u00e9c.", "Semaine 4 : 28 d\u00e9c. \u2013 3 janv."),
    ("de", "Woche 1: 7. Dez. \u2013 13. Dez.", "Woche 4: 28. Dez. \u2013 3. Jan."),
])
def test_weeks_are_dated_from_the_start_in_the_plans_language(language: str, first: str, fourth: str) -> None:
    plan = programme(language)
    assert plan.week_heading(1) == first
    assert plan.week_heading(4) == fourth
    assert plan.end == dt.date(2027, 1, 17)


def test_a_week_starts_on_the_start_s_weekday() -> None:
    plan = programme(start=dt.date(2026, 12, 9))  # a Wednesday
    assert [plan.weekday(day) for day in plan.days(1)] == ["Wed", "Thu", "Fri", "Sat", "Sun", "Mon", "Tue"]
    assert programme("de", start=dt.date(2026, 12, 9)).weekday(dt.date(2026, 12, 9)) == "Mi"


def test_the_log_asks_for_the_sheet_back_at_the_review() -> None:
    assert programme().bring() == "Bring this sheet to your visit on 4 January 2027."
    assert programme("es").bring() == "Traiga esta hoja a su cita del 4 de enero de 2027."
    assert programme(review=None).bring() == "Bring this sheet to your next visit."


def test_the_dose_is_the_handbooks_sentences_and_the_dose_note_gives_way_as_on_the_card() -> None:
    own = Exercise(ROUTINE)
    assert dose_words(own, programme().lang) == ("Hold for 30 seconds. Do this 5 times on each side. "
                                                 "Your physio may change this.")
    assert dose_words(replace(own, personal_dose=True), programme().lang) == ("Hold for 30 seconds. Do this 5 "
                                                                              "times on each side.")
    left = Exercise(replace(ROUTINE, dose=replace(ROUTINE.dose, side="left")), personal_dose=True)
    assert dose_words(left, programme().lang) == "Hold for 30 seconds. Do this 5 times, on your left side only."
    assert side_words(left, programme().lang) == "Left side only"
    assert side_words(own, programme("fr").lang) == "Chaque c\u00f4t\u00e9"
    alone = Exercise(replace(ROUTINE, dose=Dose(minutes=Amount(20))))
    assert side_words(alone, programme().lang) == "\u2013"


def test_the_plain_text_summary_in_spanish() -> None:
    plan = programme("es", clinician="J. Rivera", exercises=(Exercise(ROUTINE, note="Despacio."),))
    assert summary_text(plan) == (
        "Programa de ejercicios para Ana\n"
        "De: J. Rivera\n"
        "Cl\u00ednica: Riverside Physiotherapy, 555-0100\n"
        "Inicio: 7 de diciembre de 2026\n"
        "Pr\u00f3xima cita: 4 de enero de 2027\n"
        "Registro semanal: 6 semanas, del 7 de diciembre de 2026 al 17 de enero de 2027\n"
        "\n"
        "1. Knee hold (knee-hold)\n"
        "   Mantenga la posición 30 segundos. Hágalo 5 veces de cada lado. Your physio may change this.\n"
        "   Lado: Cada lado\n"
        "   Nota: Despacio.\n")


def test_the_stop_signs_of_every_exercise_each_once() -> None:
    other = replace(ROUTINE, slug="other", stop_if=("It hurts more.", "You feel dizzy."))
    plan = programme(exercises=(Exercise(ROUTINE), Exercise(other)))
    assert plan.stop_signs() == ["It hurts more.", "You feel dizzy."]


def test_an_exercise_is_numbered_as_on_the_first_page_and_named_with_its_side() -> None:
    left = Exercise(replace(ROUTINE, dose=replace(ROUTINE.dose, side="left")))
    assert exercise_label(1, Exercise(ROUTINE), programme().lang) == "1. Knee hold"
    assert exercise_label(5, left, programme().lang) == "5. Knee hold, left side only"
    assert exercise_label(5, left, programme("de").lang) == "5. Knee hold, nur links"
