"""A patient's own card: the name line, a note and dose numbers, checked like content.

The clinician types them as command-line options (`handbook card --for ... --hold 45`) or
as cells of a patients' CSV file; each is checked by the same specs as the content's own
dose fields (ranges, units, messages), at the place it was typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from handbook.content.fields import NAME, NOTE, PATIENT_DOSE, SIDE
from handbook.content.schema import INVALID, Checker, Spec
from handbook.content.yamlread import Node
from handbook.errors import Problem
from handbook.model import Amount, Routine

# option or CSV column -> dose field; the specs (ranges, units, messages) are the content's own
OVERRIDES: dict[str, str] = {key: dose_field for key, (dose_field, _) in PATIENT_DOSE.items()}


@dataclass(frozen=True)
class Personal:
    """What one patient's card changes: the name line, a note, dose numbers and the side."""

    name: str | None = None
    note: str | None = None
    dose: Mapping[str, Amount] = field(default_factory=dict)
    side: str | None = None  # "left" or "right" for one side only; None: as the routine says

    @property
    def weeks(self) -> int | None:
        """Tick-grid rows the clinician asked for (the larger end of a range)."""
        weeks = self.dose.get("weeks")
        return None if weeks is None else int(weeks.most)


GENERIC = Personal()  # the generic card: no name, no note, the routine's own dose


def check_personal(values: Mapping[str, str | None], path: Path, line: int = 0,
                   columns: Mapping[str, int] | None = None,
                   covered: frozenset[int] | None = None) -> tuple[Personal | None, list[Problem]]:
    """A patient's name, note and dose overrides, checked like content.

    `values` holds the text as typed (options or CSV cells; None or "" when not given).
    Problems point at `path`, `line` and the cell's column; the result is None if any.
    `covered`: the code points the card's typeface has (`handbook.layout.styles.covered`);
    a name or note with a character outside them is refused.
    """
    where = Checker(path, path.parent)
    checked: dict[str, Any] = {}
    for key, text in values.items():
        if text is None or not text.strip():
            continue
        col = (columns or {}).get(key, 0)
        if key == "side":
            value = SIDE.check(Node("scalar", text.strip().lower(), line, col, quoted=True, text=text.strip()), key,
                               where)
        elif key in ("name", "note"):
            spec: Spec = NAME if key == "name" else NOTE
            value = spec.check(Node("scalar", text, line, col, quoted=True, text=text), key, where)
            if value is not INVALID and covered is not None:
                check_glyphs(value, key, line, col, where, covered)
        else:  # a blank is for the generic card: a patient's card has the number
            value = PATIENT_DOSE[key][1].check(Node("scalar", text, line, col, quoted=True, text=text), key, where)
        if value is not INVALID:
            checked[key] = value
    if where.problems:
        return None, where.problems
    dose = {OVERRIDES[k]: v for k, v in checked.items() if k in OVERRIDES}
    side = checked.get("side")
    return Personal(checked.get("name"), checked.get("note"), dose, None if side == "both" else side), []


def personal_routine(routine: Routine, personal: Personal) -> Routine:
    """The routine with the patient's dose numbers and side in place of its own.

    A hold set for the patient replaces the hold of every step that has one, so no step
    cue says another number than the dose (`side_problem` says first whether a side fits).
    """
    if not personal.dose and personal.side is None:
        return routine
    changes: dict[str, Any] = dict(personal.dose)
    if personal.side is not None:
        changes["side"] = personal.side
    steps = routine.steps
    hold = personal.dose.get("hold_seconds")
    if hold is not None:
        steps = tuple(replace(step, hold_seconds=hold) if step.hold_seconds is not None else step for step in steps)
    return replace(routine, dose=replace(routine.dose, **changes), steps=steps)


def side_problem(routine: Routine, personal: Personal) -> str:
    """Why the patient's side does not fit the routine, or "": only a routine done on each side has one."""
    if personal.side is not None and not routine.dose.per_side:
        return (f"'{routine.slug}' is not done on each side, so it has no {personal.side} side only; "
                "leave the side out")
    return ""


def check_glyphs(text: str, name: str, line: int, col: int, where: Checker, covered: frozenset[int]) -> None:
    """An error at (line, col) when `text` has a character the card's typeface (`covered`) cannot print."""
    missing = "".join(dict.fromkeys(c for c in text if ord(c) not in covered and not c.isspace()))
    if missing:
        where.error(line, col, name, f"the card's typeface has no letter for {', '.join(map(repr, missing))}; "
                                     "write it in Latin, Greek or Cyrillic letters")
