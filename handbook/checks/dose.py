"""Doses that make no sense for a patient: a warning naming the value, before it is printed.

The content's ranges refuse what is impossible (a hold of 0 or 100,000 seconds); these
limits catch what is possible but almost surely a slip (reps 500 were refused, reps 80 pass
the range), and a dose that adds up to hours a day. `handbook check` warns about the
content's doses, `card` and `cards` about a patient's; `--strict` refuses them.
"""

from __future__ import annotations

import re

from handbook.model import Amount, Dose, Routine

LIMITS = {  # field: (the most that is likely, what it is)
    "hold_seconds": (300, "seconds of holding (5 minutes)"),
    "reps": (30, "repetitions"),
    "sets": (6, "sets"),
    "times_per_day": (6, "times a day"),
    "minutes": (60, "minutes"),
}
DAILY_MINUTES = 120  # a home routine that takes longer than this a day is a slip, or needs a clinician's word


def _most(amount: Amount | None) -> float:
    return 0.0 if amount is None or amount.blank else float(amount.most)


def dose_warnings(dose: Dose) -> list[tuple[str, str]]:
    """(field, message) for each number of `dose` past its likely limit, and for the time a day it adds up to."""
    found = []
    for name, (most, what) in LIMITS.items():
        value = _most(getattr(dose, name))
        if value > most:
            found.append((name, f"{value:g} is more than {most} {what}; check the number"))
    sides = 2 if dose.per_side and dose.side is None else 1
    once = _most(dose.hold_seconds) * max(_most(dose.reps), 1) * max(_most(dose.sets), 1) * sides / 60
    once += _most(dose.minutes)
    daily = once * max(_most(dose.times_per_day), 1)
    if daily > DAILY_MINUTES:
        found.append(("dose", f"adds up to about {daily / 60:.1f} hours a day; check the numbers"))
    return found


def step_warnings(routine: Routine) -> list[tuple[str, str]]:
    """(field, message) for each step whose hold says another number than the dose's, or a number
    where the dose leaves a blank: a card would print both."""
    dose = routine.dose.hold_seconds
    found = []
    for number, step in enumerate(routine.steps, start=1):
        hold = step.hold_seconds
        if hold is None or dose is None or hold == dose:
            continue
        field = f"steps[{number}].hold_seconds"
        if dose.blank:
            found.append((field, "a number here, but the dose's hold is blank; write blank here too, or give "
                                 "the dose this number"))
        elif hold.blank:
            found.append((field, "blank here, but the dose gives a number; write the dose's number here too"))
        else:
            found.append((field, f"{_shown(hold)} seconds here, but the dose says {_shown(dose)}; make them agree"))
    return found


_ONE_SIDE = re.compile(r"\b(other side|both sides|each side|either side)\b", re.IGNORECASE)


def side_words(routine: Routine) -> list[str]:
    """Where the routine's own words speak of both sides (in English): a one-side card prints them as written."""
    texts = [(f"step {n}", step.text) for n, step in enumerate(routine.steps, start=1)]
    texts += [(f"tip {n}", tip) for n, tip in enumerate(routine.tips, start=1)]
    texts += [("the dose note", routine.dose.note or "")]
    return [f"{where} says '{match.group(1)}'" for where, text in texts if (match := _ONE_SIDE.search(text))]


def _shown(amount: Amount) -> str:
    return f"{amount.low:g} to {amount.high:g}" if amount.is_range else f"{amount.low:g}"
