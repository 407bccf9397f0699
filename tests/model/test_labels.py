"""Message catalogues: complete in every language, with correct plurals."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from handbook.model import Amount, Dose
from handbook.model.labels import CATALOGUES, LANGUAGES, MONTHS, TIMES_WORDS, UNITS, WEEKDAYS, labels
from handbook.model.words import dose_sentences
from tests.model.test_words import dose_line


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_has_every_label_with_the_same_placeholders(language: str) -> None:
    english, other = CATALOGUES["en"], CATALOGUES[language]
    assert sorted(set(english) - set(other)) == [], "missing labels"
    assert sorted(set(other) - set(english)) == [], "labels English does not have"
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key].strip(), key
    assert set(UNITS[language]) == set(UNITS["en"])
    assert len(WEEKDAYS[language]) == 7 and len(MONTHS[language]) == 12
    assert set(TIMES_WORDS[language]) == {1, 2}


def test_plural_rules() -> None:
    en, fr, de = labels("en"), labels("fr"), labels("de")
    assert en.count(Amount(1), "second") == "1 second"
    assert en.count(Amount(0 + 2), "second") == "2 seconds"
    assert en.count(Amount(20, 30), "second") == "20 to 30 seconds"
    assert fr.count(Amount(1), "week") == "1 semaine"
    assert fr.count(Amount(6, 8), "week") == "de 6 \u00e0 8 semaines"
    assert de.times(Amount(3)) == "3-mal"
    assert de.times(Amount(2, 3)) == "2- bis 3-mal"  # the first number takes the hyphen too
    assert de.times(Amount(2)) == "zweimal"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Hold for 30 seconds.", "Do this 5 times on each side.", "Twice a day, every day."]),
        ("es", ["Mantenga la posici\u00f3n 30 segundos.", "H\u00e1galo 5 veces de cada lado.",
                "Dos veces al d\u00eda, todos los d\u00edas."]),
        ("fr", ["Tenez la position 30 secondes.", "Faites-le 5 fois de chaque c\u00f4t\u00e9.",
                "Deux fois par jour, tous les jours."]),
        ("de", ["Halten Sie die Position 30 Sekunden lang.", "Machen Sie das 5-mal auf jeder Seite.",
                "Zweimal am Tag, jeden Tag."]),
    ],
)
def test_dose_sentences_in_each_language(language: str, expected: list[str]) -> None:
    dose = Dose(hold_seconds=Amount(30), reps=Amount(5), per_side=True, times_per_day=Amount(2),
                days_per_week=Amount(7))
    assert dose_sentences(dose, labels(language)) == expected


def test_dose_line_and_dates_in_german() -> None:
    de = labels("de")
    assert dose_line(Dose(hold_seconds=Amount(20, 30), weeks=Amount(6, 8)), de) == (
        "20\u201330 Sekunden halten \u00b7 6\u20138 Wochen lang"
    )
    assert de.date(dt.date(2026, 11, 1)) == "1. November 2026"
    assert labels("es").date(dt.date(2026, 3, 5)) == "5 de marzo de 2026"
