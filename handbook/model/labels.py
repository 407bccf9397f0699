"""Printed labels in the book's language: message catalogues for en, es, fr and de.

Only the tool's own words are translated (headings, "Stop and call us if", dose words,
weekdays, "page N of M", the default safety note); the content stays the author's.
Every catalogue has every key with the same ``{placeholders}`` as English; a test
checks that, so a missing label is caught before anything is printed.

Plural rules: English, Spanish and German use the singular for exactly 1; French also
for 0 and 1. A range ("20 to 30") always takes the plural.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from handbook import LANGUAGES as LANGUAGES  # the model's own name for them too
from handbook.model import Amount
from handbook.model.catalogues import de, en, es, fr

BLANK_LINE = "____"  # where the clinician writes a number the sources do not give

CATALOGUES = {"en": en.CATALOGUE, "es": es.CATALOGUE, "fr": fr.CATALOGUE, "de": de.CATALOGUE}

# Units: (singular, plural). "time" is special: see `Labels.times`.
UNITS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {"second": ("second", "seconds"), "minute": ("minute", "minutes"),
           "breath": ("slow breath", "slow breaths"), "time": ("time", "times"), "set": ("set", "sets"),
           "day": ("day", "days"), "week": ("week", "weeks")},
    "es": {"second": ("segundo", "segundos"), "minute": ("minuto", "minutos"),
           "breath": ("respiraci\u00f3n lenta", "respiraciones lentas"), "time": ("vez", "veces"),
           "set": ("serie", "series"), "day": ("d\u00eda", "d\u00edas"), "week": ("semana", "semanas")},
    "fr": {"second": ("seconde", "secondes"), "minute": ("minute", "minutes"),
           "breath": ("respiration lente", "respirations lentes"), "time": ("fois", "fois"),
           "set": ("s\u00e9rie", "s\u00e9ries"), "day": ("jour", "jours"), "week": ("semaine", "semaines")},
    "de": {"second": ("Sekunde", "Sekunden"), "minute": ("Minute", "Minuten"),
           "breath": ("langsamer Atemzug", "langsame Atemz\u00fcge"), "time": ("Mal", "Mal"),
           "set": ("Durchgang", "Durchg\u00e4nge"), "day": ("Tag", "Tagen"), "week": ("Woche", "Wochen")},
}

# "once", "twice"; other counts use "{n} {times}".
TIMES_WORDS = {
    "en": {1: "once", 2: "twice"},
    "es": {1: "una vez", 2: "dos veces"},
    "fr": {1: "une fois", 2: "deux fois"},
    "de": {1: "einmal", 2: "zweimal"},
}

WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "es": ("Lun", "Mar", "Mi\u00e9", "Jue", "Vie", "S\u00e1b", "Dom"),
    "fr": ("Lun", "Mar", "Mer", "Jeu", "Ven", "Sam", "Dim"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "f\u00e9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\u00fbt", "septembre",
           "octobre", "novembre", "d\u00e9cembre"),
    "de": ("Januar", "Februar", "M\u00e4rz", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
}

DATE_FORMATS = {"en": "{day} {month} {year}", "es": "{day} de {month} de {year}",
                "fr": "{day} {month} {year}", "de": "{day}. {month} {year}"}

# Short dates, for a card's small print: "1 Nov 2026".
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
    "fr": ("janv.", "f\u00e9vr.", "mars", "avr.", "mai", "juin", "juil.", "ao\u00fbt", "sept.", "oct.", "nov.",
           "d\u00e9c."),
    "de": ("Jan.", "Feb.", "M\u00e4rz", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
}
SHORT_DATE_FORMATS = {"en": "{day} {month} {year}", "es": "{day} {month} {year}",
                      "fr": "{day} {month} {year}", "de": "{day}. {month} {year}"}
DAY_MONTH_FORMATS = {"en": "{day} {month}", "es": "{day} {month}", "fr": "{day} {month}", "de": "{day}. {month}"}


@dataclass(frozen=True)
class Labels:
    """The printed words of one language."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        text = CATALOGUES[self.language][key]
        return text.format(**values) if values else text

    def is_singular(self, amount: Amount) -> bool:
        if amount.is_range or amount.blank:
            return False
        return amount.low <= 1 if self.language == "fr" else amount.low == 1

    def numerals(self, amount: Amount) -> str:
        """``30`` or ``20–30``, for large numerals; a line to write on for a blank."""
        if amount.blank:
            return BLANK_LINE
        return f"{amount.low}\u2013{amount.high}" if amount.is_range else f"{amount.low}"

    def unit(self, amount: Amount, unit: str) -> str:
        """The unit word alone, in the amount's number: ``seconds``."""
        one, many = UNITS[self.language][unit]
        return one if self.is_singular(amount) else many

    def count(self, amount: Amount, unit: str) -> str:
        """``1 second``, ``30 seconds``, ``20 to 30 seconds``, ``____ seconds``."""
        number = self("range", low=amount.low, high=amount.high) if amount.is_range else self.numerals(amount)
        return f"{number} {self.unit(amount, unit)}"

    def times(self, amount: Amount) -> str:
        """``once``, ``twice``, ``3 times``, ``2 to 3 times``, ``____ times``."""
        if amount.blank:
            return f"{BLANK_LINE}-mal" if self.language == "de" else self.count(amount, "time")
        if not amount.is_range and int(amount.low) in TIMES_WORDS[self.language]:
            return TIMES_WORDS[self.language][int(amount.low)]
        if self.language == "de":  # "3-mal"; a range joins the first number with a hyphen too: "2- bis 3-mal"
            number = self("range", low=f"{amount.low}-", high=amount.high) if amount.is_range else f"{amount.low}"
            return f"{number}-mal"
        return self.count(amount, "time")

    @property
    def weekdays(self) -> tuple[str, ...]:
        return WEEKDAYS[self.language]

    def date(self, day: dt.date) -> str:
        """``1 November 2026``, ``1 de noviembre de 2026``, ``1. November 2026``."""
        month = MONTHS[self.language][day.month - 1]
        return DATE_FORMATS[self.language].format(day=day.day, month=month, year=day.year)

    def short_date(self, day: dt.date) -> str:
        """``1 Nov 2026``, ``1 nov 2026``, ``1. Nov. 2026``."""
        month = SHORT_MONTHS[self.language][day.month - 1]
        return SHORT_DATE_FORMATS[self.language].format(day=day.day, month=month, year=day.year)

    def day_month(self, day: dt.date) -> str:
        """``7 Dec``, ``7 dic``, ``7 d\u00e9c.``, ``7. Dez.``: a day of a week the reader knows the year of."""
        month = SHORT_MONTHS[self.language][day.month - 1]
        return DAY_MONTH_FORMATS[self.language].format(day=day.day, month=month)


@functools.cache
def labels(language: str = "en") -> Labels:
    """The labels of a language (one of `LANGUAGES`)."""
    if language not in CATALOGUES:
        raise KeyError(language)
    return Labels(language)
