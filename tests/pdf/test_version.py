"""An untested reportlab release is refused with one clear line, before any PDF is drawn."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from handbook.pdf import REQUIREMENT, TESTED, UntestedReportlab, check_reportlab, is_tested
from tests.conftest import DATA, REPO


@pytest.mark.parametrize(("version", "ok"), [("4.4.10", True), ("4.4.11", True), ("5.1.0", True), ("5.1.9", True),
                                              ("4.4.9", False), ("4.4.0", False), ("4.3.1", False), ("5.2.0", False),
                                              ("6.0", False), ("5.x", False)])
def test_the_tested_range(version: str, ok: bool) -> None:
    assert is_tested(version) is ok


def test_an_untested_release_names_the_versions_and_the_way_out() -> None:
    with pytest.raises(UntestedReportlab) as caught:
        check_reportlab("5.2.0")
    assert str(caught.value) == ("reportlab 5.2.0 is installed, but handbook is tested with reportlab 4.4.10 to 5.1 "
                                 "only; install a tested one: python3 -m pip install 'reportlab>=4.4.10,<5.2'")


def test_build_with_an_untested_reportlab_is_one_line_and_exit_1(tmp_path: Path) -> None:
    code = ("import sys, reportlab; reportlab.Version = '5.2.0'; from handbook.cli import main; "
            f"sys.argv = ['handbook', 'build', '--content', {str(DATA / 'minimal')!r}, '--out', 'out']; main()")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == ("reportlab 5.2.0 is installed, but handbook is tested with reportlab 4.4.10 to 5.1 only; "
                             "install a tested one: python3 -m pip install 'reportlab>=4.4.10,<5.2'\n")
    assert not (tmp_path / "out").exists()


def test_the_range_is_the_one_pyproject_states() -> None:
    with (REPO / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    assert REQUIREMENT in [dependency.replace("[accel]", "") for dependency in dependencies]
    low, high = REQUIREMENT.removeprefix("reportlab>=").split(",<")
    assert tuple(map(int, low.split("."))) == TESTED[0]
    assert tuple(map(int, high.split("."))) == (TESTED[1][0], TESTED[1][1] + 1)
