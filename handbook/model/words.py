"""Numbers into words a patient reads without arithmetic, in the book's language.

``Dose(hold_seconds=30, reps=5, times_per_day=2)`` reads
"Hold for 30 seconds. Do this 5 times. Twice a day." in the handbook and
"Hold 30 seconds · 5 times · twice a day" on a card's dose strip.
Every function takes the `Labels` of the language to print in (English by default).
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.model import Amount, Dose
from handbook.model.labels import Labels, labels

EN = labels("en")


def _whole_minutes(amount: Amount) -> Amount | None:
    if amount.blank:
        return None
    if amount.low >= 60 and amount.low % 60 == 0 and (amount.high is None or amount.high % 60 == 0):
        return Amount(amount.low // 60, None if amount.high is None else amount.high // 60)
    return None


def seconds(amount: Amount, lang: Labels = EN) -> str:
    """Seconds, turned into whole minutes where they are exact (120 -> 2 minutes)."""
    minutes = _whole_minutes(amount)
    return lang.count(minutes, "minute") if minutes else lang.count(amount, "second")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def how_often(dose: Dose, lang: Labels = EN) -> str | None:
    """``Twice a day, every day``; None when the dose says nothing about frequency."""
    parts = []
    if dose.times_per_day is not None:
        parts.append(lang("often.per_day", times=lang.times(dose.times_per_day)))
    if dose.days_per_week is not None:
        days = dose.days_per_week
        every = not days.is_range and not days.blank and days.low == 7
        parts.append(lang("often.every_day") if every else lang("often.per_week", amount=lang.count(days, "day")))
    return _capital(", ".join(parts)) if parts else None


def dose_sentences(dose: Dose, lang: Labels = EN) -> list[str]:
    """The dose as short sentences for the handbook, in the order a patient follows them."""
    out = []
    if dose.hold_seconds is not None:
        out.append(lang("dose.hold", amount=seconds(dose.hold_seconds, lang)))
    if dose.breaths is not None:
        out.append(lang("dose.breaths", amount=lang.count(dose.breaths, "breath")))
    if dose.minutes is not None:
        out.append(lang("dose.minutes", amount=lang.count(dose.minutes, "minute")))
    if dose.reps is not None:
        key = f"dose.reps_{dose.side}" if dose.side else "dose.reps_side" if dose.per_side else "dose.reps"
        out.append(lang(key, times=lang.times(dose.reps)))
    elif dose.side:
        out.append(lang(f"dose.{dose.side}_only"))
    elif dose.per_side:
        out.append(lang("dose.both_sides"))
    if dose.sets is not None:
        out.append(lang("dose.sets", amount=lang.count(dose.sets, "set")))
    if dose.rest_seconds is not None:
        out.append(lang("dose.rest", amount=seconds(dose.rest_seconds, lang)))
    often = how_often(dose, lang)
    if often:
        out.append(f"{often}.")
    if dose.weeks is not None:
        out.append(lang("dose.weeks", amount=lang.count(dose.weeks, "week")))
    if dose.note:
        out.append(dose.note)
    return out


@dataclass(frozen=True)
class DoseItem:
    """One cell of a card's dose strip: big numerals over a few words."""

    numerals: str
    words: str
    phrase: str  # the same, for a one-line strip: "Hold 30 seconds"


def dose_items(dose: Dose, lang: Labels = EN) -> list[DoseItem]:
    """The dose as strip cells for a card: numbers large, words small."""
    items = []
    if dose.hold_seconds is not None:
        minutes = _whole_minutes(dose.hold_seconds)
        amount = minutes or dose.hold_seconds
        unit = lang.unit(amount, "minute" if minutes else "second")
        shown = lang.numerals(amount)
        items.append(DoseItem(shown, lang("strip.hold_words", unit=unit),
                              lang("strip.hold", amount=f"{shown} {unit}")))
    for counted, unit in ((dose.breaths, "breath"), (dose.minutes, "minute"), (dose.reps, "time"),
                          (dose.sets, "set")):
        if counted is not None:
            words = lang.unit(counted, unit)
            items.append(DoseItem(lang.numerals(counted), words, f"{lang.numerals(counted)} {words}"))
    if dose.side:
        items.append(DoseItem(lang(f"strip.{dose.side}"), lang("strip.side_words"), lang(f"strip.{dose.side}_only")))
    elif dose.per_side:
        items.append(DoseItem("2", lang("strip.sides_words"), lang("strip.each_side")))
    if dose.times_per_day is not None:
        phrase = lang("often.per_day", times=lang.times(dose.times_per_day))
        items.append(DoseItem(f"{lang.numerals(dose.times_per_day)}\u00d7", lang("strip.per_day_words"), phrase))
    if dose.days_per_week is not None:
        days = dose.days_per_week
        every = not days.is_range and not days.blank and days.low == 7
        phrase = lang("often.every_day") if every else lang("often.per_week", amount=lang.count(days, "day"))
        items.append(DoseItem(lang.numerals(days), lang("strip.per_week_words"), phrase))
    if dose.weeks is not None:
        words = lang.unit(dose.weeks, "week")
        items.append(DoseItem(lang.numerals(dose.weeks), words,
                              lang("strip.for_weeks", amount=f"{lang.numerals(dose.weeks)} {words}")))
    return items


def step_cue(hold: Amount | None, breaths: Amount | None, lang: Labels = EN) -> str | None:
    """The cue printed after a step: ``Hold for 30 seconds.`` / ``Take 3 slow breaths.``."""
    parts = []
    if hold is not None:
        parts.append(lang("dose.hold", amount=seconds(hold, lang)))
    if breaths is not None:
        parts.append(lang("dose.breaths", amount=lang.count(breaths, "breath")))
    return " ".join(parts) or None
