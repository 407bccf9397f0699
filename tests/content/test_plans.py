"""Reading a plan file: what it sets, what it leaves to the routines, and the weeks of its log."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from handbook.content.plans import read_plan
from handbook.model import Amount, Content

TODAY = dt.date(2026, 12, 7)


def read(tmp_path: Path, content: Content, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return read_plan(path, content, TODAY)


def test_a_plan_sets_each_card_s_numbers_and_the_weeks_of_every_card(tmp_path: Path, sample_content: Content) -> None:
    plan, problems = read(tmp_path, sample_content, "patient: Ana\nweeks: 3\nexercises:\n"
                                                    "  - routine: psoas-foam-roller\n    hold: 20-30\n    side: both\n"
                                                    "  - routine: psoas-release\n    side: right\n    note: Gently.\n")
    assert problems == []
    assert plan is not None
    assert (plan.start, plan.weeks, plan.weeks_given) == (TODAY, 3, True)  # no start: today
    first, second = plan.entries
    assert first.personal.dose == {"hold_seconds": Amount(20, 30), "weeks": Amount(3)}
    assert (first.personal.side, first.side) == (None, "both")  # both: the routine's own sides
    assert (second.personal.name, second.personal.note, second.personal.side) == ("Ana", "Gently.", "right")


def test_without_weeks_the_log_takes_the_routines_own_else_4(tmp_path: Path, sample_content: Content) -> None:
    plan, _ = read(tmp_path, sample_content, "patient: Ana\nexercises:\n  - routine: psoas-release\n"
                                             "  - routine: psoas-rest-positions\n")
    assert plan is not None
    assert (plan.weeks, plan.weeks_given) == (8, False)  # psoas-release: 6 to 8 weeks
    assert all("weeks" not in entry.personal.dose for entry in plan.entries)  # each card keeps its own
    plan, _ = read(tmp_path, sample_content, "patient: Ana\nexercises:\n  - routine: psoas-rest-positions\n")
    assert plan is not None and plan.weeks == 4


def test_routines_longer_than_a_log_are_said_and_the_log_has_26_weeks(tmp_path: Path, sample_content: Content) -> None:
    routine = sample_content.routine("psoas-rest-positions")
    long = replace(routine, dose=replace(routine.dose, weeks=Amount(40)))
    content = replace(sample_content, routines=(long,))
    plan, problems = read(tmp_path, content, "patient: Ana\nexercises:\n  - routine: psoas-rest-positions\n")
    assert plan is not None and plan.weeks == 26
    assert [(p.severity, p.field, p.message) for p in problems] == [
        ("warning", "weeks", "the routines' doses run 40 weeks; the log has 26, the most; write 'weeks:' to choose")]
