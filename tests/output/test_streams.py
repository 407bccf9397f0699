"""What the commands print: a reader that goes away, a full disk, a terminal that cannot show a name.

Each ends as a user expects of a Unix tool: quietly for a closed pipe, with one line for
anything else, and never with a traceback or an "internal error". The pipe and the full
disk are real file descriptors in a real process (how Python flushes its streams at exit
is part of what is tested); the rest runs in this one.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from tests.conftest import DATA

BAD = DATA / "bad"


@pytest.fixture
def minimal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "routines"


def handbook(cwd: Path, *args: str, stdout: int) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, check=False, timeout=60)


def test_a_reader_that_has_gone_away_ends_the_command_quietly(minimal: Path) -> None:
    """`handbook list | head -1`, with `head` already gone: no "internal error (BrokenPipeError)"."""
    read, write = os.pipe()
    os.close(read)
    try:
        result = handbook(minimal.parent, "list", stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (1, b"")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_help_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = handbook(tmp_path, "--help", stdout=full.fileno())
    assert result.returncode == 1
    assert result.stderr == b"standard output: cannot write: the disk is full\n"


class _Failing(io.RawIOBase):
    """A standard output that fails every write, as a closed pipe or a full disk does."""

    def __init__(self, error: int) -> None:
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.error:
            raise OSError(self.error, os.strerror(self.error))
        return len(data)


@pytest.mark.parametrize(("error", "said"), [
    (errno.EPIPE, ""),
    (errno.ENOSPC, "standard output: cannot write: the disk is full\n"),
])
def test_check_into_a_failing_stdout_ends_with_one_line_at_most(
        minimal: Path, monkeypatch: pytest.MonkeyPatch, error: int, said: str) -> None:
    """`handbook check | head -1` and `handbook check > /dev/full`."""
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    failing = _Failing(error)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(failing), encoding="utf-8"))
    monkeypatch.setattr(sys, "stderr", stderr)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["check"], prog_name="handbook")
    failing.error = 0  # what is still buffered may go when the stream is collected, later
    assert stopped.value.code == 1
    stderr.flush()
    assert stderr.buffer.getvalue().decode() == said  # type: ignore[attr-defined]


def test_a_name_the_terminal_cannot_show_is_printed_with_replacement_characters(minimal: Path) -> None:
    """PYTHONIOENCODING=latin-1 and a title in CJK with an emoji: '?' for each, never an error."""
    shutil.copy(BAD / "stream-cjk-title.yaml", minimal / "knee-hold.yaml")
    result = CliRunner(charset="latin-1").invoke(cli, ["list"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "  knee-hold  Knee hold ? ? ? Hold your knee to your chest."
