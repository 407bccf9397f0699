"""Numbers into words a patient reads without arithmetic.

``Dose(hold_seconds=30, reps=5, times_per_day=2)`` reads
"Hold for 30 seconds. Do this 5 times. Twice a day." in the handbook and
"Hold 30 seconds · 5 times · twice a day" on a card's dose strip.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Amount, Dose

_TIMES = {1: "once", 2: "twice"}
DASH = "\u2013"  # en dash for ranges: 20–30


def number(amount: Amount) -> str:
    """The amount as numerals: ``30`` or ``20–30``."""
    if amount.is_range:
        return f"{amount.low}{DASH}{amount.high}"
    return f"{amount.low}"


def count(amount: Amount, singular: str, plural: str | None = None) -> str:
    """``1 second``, ``30 seconds``, ``20 to 30 seconds``."""
    plural = plural or singular + "s"
    if amount.is_range:
        return f"{amount.low} to {amount.high} {plural}"
    return f"{amount.low} {singular if amount.low == 1 else plural}"


def seconds(amount: Amount) -> str:
    """Seconds, turned into whole minutes where they are exact (120 -> 2 minutes)."""
    if amount.low % 60 == 0 and (amount.high is None or amount.high % 60 == 0) and amount.low >= 60:
        minutes = Amount(amount.low // 60, None if amount.high is None else amount.high // 60)
        return count(minutes, "minute")
    return count(amount, "second")


def times(amount: Amount) -> str:
    """``once``, ``twice``, ``3 times``, ``2 to 3 times``."""
    if not amount.is_range and amount.low in _TIMES:
        return _TIMES[int(amount.low)]
    return count(amount, "time")


def how_often(dose: Dose) -> str | None:
    """``Twice a day, every day``; None when the dose says nothing about frequency."""
    parts = []
    if dose.times_per_day is not None:
        parts.append(f"{times(dose.times_per_day)} a day")
    if dose.days_per_week is not None:
        days = dose.days_per_week
        parts.append("every day" if not days.is_range and days.low == 7 else f"{count(days, 'day')} a week")
    if not parts:
        return None
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def dose_sentences(dose: Dose) -> list[str]:
    """The dose as short sentences for the handbook, in the order a patient follows them."""
    out = []
    if dose.hold_seconds is not None:
        out.append(f"Hold for {seconds(dose.hold_seconds)}.")
    if dose.breaths is not None:
        out.append(f"Take {count(dose.breaths, 'slow breath')}.")
    if dose.minutes is not None:
        out.append(f"Do this for {count(dose.minutes, 'minute')}.")
    side = " on each side" if dose.per_side else ""
    if dose.reps is not None:
        out.append(f"Do this {times(dose.reps)}{side}.")
    elif dose.per_side:
        out.append("Do it on both sides.")
    if dose.sets is not None:
        out.append(f"Do {count(dose.sets, 'set')}.")
    if dose.rest_seconds is not None:
        out.append(f"Rest for {seconds(dose.rest_seconds)} between sets.")
    often = how_often(dose)
    if often:
        out.append(f"{often}.")
    if dose.weeks is not None:
        out.append(f"Keep this up for {count(dose.weeks, 'week')}.")
    if dose.note:
        out.append(dose.note)
    return out


@dataclass(frozen=True)
class DoseItem:
    """One cell of a card's dose strip: big numerals over a few words."""

    numerals: str
    words: str
    phrase: str  # the same, for a one-line strip: "Hold 30 seconds"


def dose_items(dose: Dose) -> list[DoseItem]:
    """The dose as strip cells for a card: numbers large, words small."""
    items = []
    if dose.hold_seconds is not None:
        amount = dose.hold_seconds
        unit = seconds(amount).split(" ")[-1]
        shown = (
            number(Amount(amount.low // 60, None if amount.high is None else amount.high // 60))
            if unit.startswith("minute")
            else number(amount)
        )
        items.append(DoseItem(shown, f"{unit} hold", f"Hold {shown} {unit}"))
    if dose.breaths is not None:
        words = "slow breath" if dose.breaths.low == 1 and not dose.breaths.is_range else "slow breaths"
        items.append(DoseItem(number(dose.breaths), words, f"{number(dose.breaths)} {words}"))
    if dose.minutes is not None:
        words = "minute" if dose.minutes.low == 1 and not dose.minutes.is_range else "minutes"
        items.append(DoseItem(number(dose.minutes), words, f"{number(dose.minutes)} {words}"))
    if dose.reps is not None:
        words = "time" if dose.reps.low == 1 and not dose.reps.is_range else "times"
        items.append(DoseItem(number(dose.reps), words, f"{number(dose.reps)} {words}"))
    if dose.sets is not None:
        words = "set" if dose.sets.low == 1 and not dose.sets.is_range else "sets"
        items.append(DoseItem(number(dose.sets), words, f"{number(dose.sets)} {words}"))
    if dose.per_side:
        items.append(DoseItem("2", "sides: left and right", "each side"))
    if dose.times_per_day is not None:
        phrase = f"{times(dose.times_per_day)} a day"
        items.append(DoseItem(f"{number(dose.times_per_day)}\u00d7", "a day", phrase))
    if dose.days_per_week is not None:
        days = dose.days_per_week
        every = not days.is_range and days.low == 7
        items.append(DoseItem(number(days), "days a week", "every day" if every else f"{number(days)} days a week"))
    if dose.weeks is not None:
        words = "week" if dose.weeks.low == 1 and not dose.weeks.is_range else "weeks"
        items.append(DoseItem(number(dose.weeks), words, f"for {number(dose.weeks)} {words}"))
    return items


def dose_line(dose: Dose) -> str:
    """``Hold 30 seconds · 5 times · twice a day``."""
    return " \u00b7 ".join(item.phrase for item in dose_items(dose))


def step_cue(hold: Amount | None, breaths: Amount | None) -> str | None:
    """The cue printed after a step: ``Hold for 30 seconds.`` / ``Take 3 slow breaths.``."""
    parts = []
    if hold is not None:
        parts.append(f"Hold for {seconds(hold)}.")
    if breaths is not None:
        parts.append(f"Take {count(breaths, 'slow breath')}.")
    return " ".join(parts) or None
