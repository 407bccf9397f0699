"""Fixtures of the `handbook plan` tests: a content folder with a patient's plan file in plans/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

PLAN = """\
patient: Ana María O'Neil
clinician: J. Rivera, physiotherapist
start: 2026-12-07
review: 2027-01-04
weeks: 6
exercises:
  - routine: psoas-release
    hold: 30
    reps: 5
    times_a_day: 2
    side: left
    note: Stop if it pinches.
  - routine: pelvic-floor-down-training
  - routine: psoas-foam-roller
    hold: 20-30
  - routine: psoas-rest-positions
"""


def make_folder(root: Path) -> Path:
    """The sample content at root/routines (psoas-release's dose as the bundled content now writes
    it: blanks for the clinician, so a plan can set them), and root/plans/ana.yaml (PLAN); the content folder."""
    content = root / "routines"
    shutil.copytree(SAMPLE, content)
    routine = content / "psoas-release.yaml"
    text = routine.read_text(encoding="utf-8")
    assert text.count("  weeks: [6, 8]\n") == 1
    routine.write_text(text.replace("  weeks: [6, 8]\n", "  hold_seconds: blank\n  reps: blank\n"
                                    "  times_per_day: blank\n  weeks: [6, 8]\n"), encoding="utf-8")
    (root / "plans").mkdir()
    (root / "plans" / "ana.yaml").write_text(PLAN, encoding="utf-8")
    return content


@pytest.fixture
def plan_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private folder to break plans in, as the working folder: routines/ and plans/ana.yaml."""
    make_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
