"""A patient's plan file: one programme (the patient, dates, several exercises each with its own
dose), read strictly and checked against the content folder.

The file is read like every content file (`yamlread`, the field table `fields.PLAN`), then
checked against the routines it names: each exists ("did you mean"), each dose number and
side is one the routine's dose can take, the review comes after the start, and every name
and note can be printed. Every problem is reported at once, at its file:line:col; nothing
here prints or draws.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from handbook.content.fields import MOST_LOG_WEEKS, PATIENT_DOSE, PLAN
from handbook.content.personal import Personal, check_glyphs, side_problem
from handbook.content.schema import INVALID, Checker, did_you_mean
from handbook.content.yamlread import read_yaml, read_yaml_text
from handbook.errors import Problem, display_path
from handbook.model import Amount, Content, Routine, Where

DEFAULT_WEEKS = 4  # weeks of the log when neither the plan nor its routines say (as a card's tick grid)
# a patient's dose number -> how a message names it
DOSE_WORDS = {"hold": "hold", "reps": "repetitions", "sets": "sets", "times_a_day": "times a day"}


@dataclass(frozen=True)
class PlanEntry:
    """One exercise of a plan: the routine, and what its personal card changes (the patient's name,
    this exercise's note, dose numbers and side, as `handbook card --for NAME ...` takes them)."""

    slug: str
    personal: Personal
    number: int  # 1-based position in the plan, as messages count
    side: str | None = None  # as written: left, right or both (`personal` has None for both)

    @property
    def field(self) -> str:
        return f"exercises[{self.number}]"


@dataclass(frozen=True)
class Plan:
    """A plan file, checked: one patient's programme."""

    file: Path
    patient: str
    start: dt.date
    weeks: int  # weeks of the log
    entries: tuple[PlanEntry, ...]
    clinician: str | None = None
    review: dt.date | None = None
    weeks_given: bool = False  # the plan says its weeks: every card takes them too (as `card --weeks`)
    paper: str | None = None  # None: the book's
    language: str | None = None  # None: the book's
    large_print: bool = False
    places: Mapping[str, Where] = field(default_factory=dict, compare=False, repr=False)

    def where(self, name: str) -> Where:
        """The place of a field (or of the nearest enclosing field that has one), for messages."""
        while name:
            if name in self.places:
                return self.places[name]
            cut = max(name.rfind("."), name.rfind("["))
            name = name[:cut] if cut > 0 else ""
        return self.places.get("", Where(self.file, 1, 1))


def read_plan(path: Path, content: Content, today: dt.date, covered: frozenset[int] | None = None,
              text: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """The plan in `path`, checked against `content`, and every problem (errors and warnings).

    The plan is None when there is an error. `today`: the start when the plan gives none.
    `covered`: the code points the typeface has (`handbook.layout.styles.covered`); a name or
    note with another character is refused. `text`: the plan's YAML when it is not a file
    (`handbook serve` makes it from its form); `path` then only names it.
    """
    doc = read_yaml(path) if text is None else read_yaml_text(text, path)
    if doc.root is None or doc.problems:
        return None, doc.problems
    ck = Checker(path, path.parent)
    ck.place("", doc.root)
    values = PLAN.check(doc.root, "", ck)
    if values is INVALID:
        return None, sorted(ck.problems, key=lambda p: (p.line, p.col))
    plan = _make_plan(path, values, ck, content, today)
    _check_against(plan, content, ck, covered)
    errors = sorted(ck.problems, key=lambda p: (p.line, p.col))
    return (None if errors else plan), errors + _weeks_warning(plan, content)


def _make_plan(path: Path, v: dict[str, Any], ck: Checker, content: Content, today: dt.date) -> Plan:
    weeks_given = v.get("weeks") is not None
    entries = []
    for number, entry in enumerate(v["exercises"], start=1):
        dose = {PATIENT_DOSE[key][0]: entry[key] for key in PATIENT_DOSE if entry.get(key) is not None}
        if weeks_given:
            dose["weeks"] = Amount(v["weeks"])
        side = entry.get("side")
        personal = Personal(v["patient"], entry.get("note"), dose, None if side in (None, "both") else side)
        entries.append(PlanEntry(entry["routine"], personal, number, side))
    plan = Plan(path, v["patient"], v.get("start") or today, 0, tuple(entries), v.get("clinician"), v.get("review"),
                weeks_given, v.get("paper"), v.get("language"), v.get("large_print", False), dict(ck.places))
    weeks = v["weeks"] if weeks_given else min(routine_weeks(plan, content) or DEFAULT_WEEKS, MOST_LOG_WEEKS)
    return replace(plan, weeks=weeks)


def routine_weeks(plan: Plan, content: Content) -> int:
    """The most weeks any of the plan's routines gives in its dose (the larger end of a range), or 0."""
    known = {routine.slug: routine for routine in content.routines}
    weeks = [known[entry.slug].dose.weeks for entry in plan.entries if entry.slug in known]
    return max((math.ceil(w.most) for w in weeks if w is not None and not w.blank), default=0)


def _check_against(plan: Plan, content: Content, ck: Checker, covered: frozenset[int] | None) -> None:
    """Errors for what the content cannot give: a routine that is not there, a dose number or side
    its routine cannot take, a review not after the start, a character the typeface lacks."""
    known = {routine.slug: routine for routine in content.routines}
    for entry in plan.entries:
        routine = known.get(entry.slug)
        if routine is None:
            hint = did_you_mean(entry.slug, list(known)) or "; see 'handbook list' for the routines there are"
            _error(plan, ck, f"{entry.field}.routine", f"no routine '{entry.slug}' in {display_path(content.root)}"
                                                      f"{hint}")
            continue
        for key, message in dose_problems(routine, entry):
            _error(plan, ck, f"{entry.field}.{key}", message)
    review = plan.review
    if review is not None and review <= plan.start:
        start = f"{plan.start}" if "start" in plan.places else f"today, {plan.start}"
        _error(plan, ck, "review", f"{review} is not after the start ({start}); the review is the next visit, "
                                   "after the first day")
    if covered is not None:
        texts = [("patient", plan.patient), ("clinician", plan.clinician)]
        texts += [(f"{entry.field}.note", entry.personal.note) for entry in plan.entries]
        for name, text in texts:
            if text:
                place = plan.where(name)
                check_glyphs(text, name, place.line, place.col, ck, covered)


def dose_problems(routine: Routine, entry: PlanEntry) -> list[tuple[str, str]]:
    """(field, message) for each dose number or side of `entry` that `routine` cannot take: a number
    its dose does not have (the card would print it beside words that do not use it), a side for
    a routine not done on each side."""
    found = []
    for key, (dose_field, _) in PATIENT_DOSE.items():
        if key != "weeks" and dose_field in entry.personal.dose and getattr(routine.dose, dose_field) is None:
            found.append((key, f"'{routine.slug}' has no {DOSE_WORDS[key]} in its dose; leave it out"))
    if entry.side is not None and not routine.dose.per_side:
        found.append(("side", side_problem(routine, entry.personal) or f"'{routine.slug}' is not done on each "
                                                                           "side; leave the side out"))
    return found


def _error(plan: Plan, ck: Checker, name: str, message: str) -> None:
    place = plan.where(name)
    ck.error(place.line, place.col, name, message)


def _weeks_warning(plan: Plan, content: Content) -> list[Problem]:
    """A warning when the routines' own weeks run past the most weeks a log has."""
    weeks = routine_weeks(plan, content)
    if plan.weeks_given or weeks <= MOST_LOG_WEEKS:
        return []
    return [Problem(plan.file, 0, 0, "weeks", f"the routines' doses run {weeks} weeks; the log has {MOST_LOG_WEEKS}, "
                                              "the most; write 'weeks:' to choose", "warning")]
