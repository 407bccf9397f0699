"""SIGTERM (and SIGHUP) stop a command as Ctrl-C does: the old files kept, no temporary file left."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.output import files as output
from tests.conftest import DATA

OLD = b"%PDF-1.4 the previous file\n"


@pytest.mark.parametrize(("name", "command", "written"), [
    ("SIGTERM", ["build"], "output/handbook.pdf"),
    ("SIGHUP", ["card", "knee-hold"], "output/cards/knee-hold.pdf"),
])
def test_a_stop_signal_while_writing_stops_like_ctrl_c(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, command: list[str], written: str) -> None:
    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    Path(written).parent.mkdir(parents=True)
    Path(written).write_bytes(OLD)

    def stopped(*args: object) -> None:  # the signal arrives while the new file is a temporary file
        number = getattr(signal, name)
        assert signal.getsignal(number) != signal.SIG_DFL, f"{name} would end the test run itself"
        os.kill(os.getpid(), number)

    monkeypatch.setattr(output.os, "chmod", stopped)
    result = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "Aborted!\n")
    assert Path(written).read_bytes() == OLD
    assert [p.name for p in Path(written).parent.iterdir()] == [Path(written).name]
    assert signal.getsignal(getattr(signal, name)) == signal.SIG_DFL  # as it was before the command
