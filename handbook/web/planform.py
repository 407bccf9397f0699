"""The programme form as a plan file, and a plan's problems as the form's fields.

The form's fields are named like the plan file's (`handbook/content/fields.py`, PLAN and
EXERCISE): patient, clinician, start, review, weeks, paper, language, large_print, and per
exercise the repeated fields routine, hold, reps, sets, times_a_day, side and note (row i
is the i-th value of each). The form becomes the YAML text of a plan file (`plan_yaml`),
which goes through every check `handbook plan FILE.yaml` makes; what is saved to plans/ on
request is that very text. Nothing here imports Flask.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from handbook.errors import Problem

PLAN_FIELDS = ("patient", "clinician", "start", "review", "weeks", "paper", "language")
ROW_FIELDS = ("routine", "hold", "reps", "sets", "times_a_day", "side", "note")
EMPTY_ROWS = 3  # rows the empty form shows; JavaScript adds more, and so does "Add a row" without it
MOST_ROWS = 8  # the plan file's most exercises (fields.MOST_EXERCISES); more rows are still sent and refused there

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WHOLE = re.compile(r"\d{1,6}")
_ROW_FIELD = re.compile(r"exercises\[(\d+)\](?:\.(\w+))?")


@dataclass
class PlanForm:
    """What the form holds: the plan's fields, and each exercise row's fields, as typed."""

    fields: dict[str, str] = field(default_factory=dict)
    rows: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, form: Mapping[str, str], lists: Mapping[str, Sequence[str]]) -> PlanForm:
        """The form from a request: `form` the single fields, `lists` each repeated field's values."""
        fields = {name: (form.get(name) or "").strip() for name in PLAN_FIELDS}
        fields["large_print"] = "true" if form.get("large_print") else ""
        count = max((len(lists.get(name, ())) for name in ROW_FIELDS), default=0)
        rows = []
        for i in range(count):
            row = {}
            for name in ROW_FIELDS:
                values = lists.get(name, ())
                row[name] = values[i].strip() if i < len(values) else ""
            rows.append(row)
        return cls(fields, rows)

    def filled_rows(self) -> list[int]:
        """The indexes of the rows with anything in them: empty rows are not exercises."""
        return [i for i, row in enumerate(self.rows) if any(row.values())]

    def shown_rows(self, extra: int = 0) -> list[dict[str, str]]:
        """The rows to show: the filled ones, then empty ones up to `EMPTY_ROWS` (and `extra` more)."""
        rows = [self.rows[i] for i in self.filled_rows()]
        blanks = max(EMPTY_ROWS - len(rows), 0) + extra
        return rows + [dict.fromkeys(ROW_FIELDS, "") for _ in range(blanks)]


def _scalar(name: str, value: str) -> str:
    """One value as YAML: plain where the plan file takes a date or a whole number and one is
    written, else a double-quoted string (JSON's quoting is YAML's), so no typed text can be
    read as anything but the text it is."""
    if (name in ("start", "review") and _DATE.fullmatch(value)) or (name == "weeks" and _WHOLE.fullmatch(value)):
        return value
    if name == "large_print":
        return "true"
    return json.dumps(value, ensure_ascii=False)


def plan_yaml(form: PlanForm) -> tuple[str, list[int]]:
    """The plan file the form describes, and for each of its exercises (1-based, as messages count) the
    form row it came from. Empty fields are left out, as a plan file leaves them out."""
    lines = ["# A patient's programme, saved from 'handbook serve'. Print it with 'handbook plan FILE.yaml'."]
    for name in (*PLAN_FIELDS, "large_print"):
        value = form.fields.get(name, "")
        if value:
            lines.append(f"{name}: {_scalar(name, value)}")
    rows = form.filled_rows()
    if rows:
        lines.append("exercises:")
    for i in rows:
        first = True
        for name in ROW_FIELDS:
            value = form.rows[i][name]
            if value:
                lines.append(f"{'  - ' if first else '    '}{name}: {_scalar(name, value)}")
                first = False
    return "\n".join(lines) + "\n", rows


@dataclass
class FormProblems:
    """A plan's problems placed on the form: by field, by row and field, and the rest."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    rows: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # (shown row index, field or "")
    general: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.rows or self.general)

    def count(self) -> int:
        return sum(map(len, self.fields.values())) + sum(map(len, self.rows.values())) + len(self.general)


def place_problems(problems: Sequence[Problem], rows: Sequence[int], form: PlanForm) -> FormProblems:
    """Each problem next to the field it is about. `rows`: the form row of each exercise (`plan_yaml`);
    rows are counted as shown (`PlanForm.shown_rows`: the filled rows, in order)."""
    placed = FormProblems()
    shown = {row: n for n, row in enumerate(form.filled_rows())}
    for problem in problems:
        name = problem.field
        match = _ROW_FIELD.fullmatch(name)
        if match and 0 < int(match[1]) <= len(rows):
            key = match[2] if match[2] in ROW_FIELDS else ""
            placed.rows.setdefault((shown[rows[int(match[1]) - 1]], key), []).append(problem.message)
        elif name.split(".")[0].split("[")[0] in (*PLAN_FIELDS, "large_print", "exercises"):
            placed.fields.setdefault(name.split(".")[0].split("[")[0], []).append(problem.message)
        else:
            placed.general.append(f"{name}: {problem.message}" if name else problem.message)
    return placed
