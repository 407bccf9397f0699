"""Numbers into words a patient reads without arithmetic, in the book's language.

``Dose(hold_seconds=30, reps=5, times_per_day=2)`` reads
"Hold for 30 seconds. Do this 5 times. Twice a day." in the handbook and
"Hold 30 seconds · 5 times · twice a day" on a card's dose strip.
Every function takes the `Labels` of the language to print in (English by default).
"""

from __future__ import annotations

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
    parts = _how_often(dose, lang)
    return _capital(", ".join(parts)) if parts else None


def _how_often(dose: Dose, lang: Labels) -> list[str]:
    """``twice a day``, ``every day`` (or ``3 days a week``): the frequency's parts."""
    parts = []
    if dose.times_per_day is not None:
        parts.append(lang("often.per_day", times=lang.times(dose.times_per_day)))
    if dose.days_per_week is not None:
        days = dose.days_per_week
        every = not days.is_range and not days.blank and days.low == 7
        parts.append(lang("often.every_day") if every else lang("often.per_week", amount=lang.count(days, "day")))
    return parts


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


def dose_phrases(dose: Dose, lang: Labels = EN) -> list[str]:
    """The dose as short phrases for a card's strip, in the order a patient reads them:
    ``Hold 30 seconds``, ``5 times``, ``each side``, ``twice a day`` (numbers are set large)."""
    phrases = []
    if dose.hold_seconds is not None:
        minutes = _whole_minutes(dose.hold_seconds)
        amount = minutes or dose.hold_seconds
        unit = lang.unit(amount, "minute" if minutes else "second")
        phrases.append(lang("strip.hold", amount=f"{lang.numerals(amount)} {unit}"))
    for counted, unit in ((dose.breaths, "breath"), (dose.minutes, "minute"), (dose.reps, "time"),
                          (dose.sets, "set")):
        if counted is not None:
            phrases.append(f"{lang.numerals(counted)} {lang.unit(counted, unit)}")
    if dose.side:
        phrases.append(lang(f"strip.{dose.side}_only"))
    elif dose.per_side:
        phrases.append(lang("strip.each_side"))
    phrases += _how_often(dose, lang)
    if dose.weeks is not None:
        phrases.append(lang("strip.for_weeks", amount=f"{lang.numerals(dose.weeks)} {lang.unit(dose.weeks, 'week')}"))
    return phrases


def step_cue(hold: Amount | None, breaths: Amount | None, lang: Labels = EN) -> str | None:
    """The cue printed after a step: ``Hold for 30 seconds.`` / ``Take 3 slow breaths.``."""
    parts = []
    if hold is not None:
        parts.append(lang("dose.hold", amount=seconds(hold, lang)))
    if breaths is not None:
        parts.append(lang("dose.breaths", amount=lang.count(breaths, "breath")))
    return " ".join(parts) or None
