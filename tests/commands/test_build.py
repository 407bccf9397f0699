"""`handbook build` driven as a user would: the one line it prints, and what it leaves on disk."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handbook.cli import cli
from handbook.output import files as output
from tests import pdfcheck
from tests.conftest import DATA

OLD = b"%PDF-1.4 the previous handbook\n"

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "minimal", tmp_path / "routines")
    return tmp_path / "routines"


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An earlier handbook in output/, which a failed build must leave as it is."""
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "handbook.pdf").write_bytes(OLD)
    return tmp_path / "output" / "handbook.pdf"


def assert_untouched(previous: Path) -> None:
    assert previous.read_bytes() == OLD
    assert sorted(p.name for p in previous.parent.iterdir()) == ["handbook.pdf"]  # no temporary file left


def test_build_writes_the_handbook_and_says_so_in_one_line(run: Run, minimal: Path, tmp_path: Path) -> None:
    result = run("build")
    pdf = tmp_path / "output" / "handbook.pdf"
    pages = pdfcheck.page_count(pdf.read_bytes())
    assert result.exit_code == 0
    assert result.output == f"wrote output/handbook.pdf ({pages} pages)\n"
    assert pdfcheck.page_sizes(pdf.read_bytes())[0] == (595.2756, 841.8898)  # book.yaml says a4


def test_out_content_and_paper_options(run: Run, minimal: Path, tmp_path: Path) -> None:
    shutil.move(minimal, tmp_path / "clinic")
    result = run("build", "--content", "clinic", "--out", "print/final", "--paper", "letter")
    assert result.exit_code == 0, result.output
    data = (tmp_path / "print" / "final" / "handbook.pdf").read_bytes()
    assert result.output == f"wrote print/final/handbook.pdf ({pdfcheck.page_count(data)} pages)\n"
    assert set(pdfcheck.page_sizes(data)) == {(612, 792)}


def test_the_same_content_builds_the_same_bytes(run: Run, minimal: Path, tmp_path: Path) -> None:
    run("build")
    first = (tmp_path / "output" / "handbook.pdf").read_bytes()
    run("build")
    assert (tmp_path / "output" / "handbook.pdf").read_bytes() == first


def test_content_problems_stop_the_build_before_anything_is_written(
    run: Run, minimal: Path, previous: Path
) -> None:
    path = minimal / "knee-hold.yaml"
    path.write_text(path.read_text().replace("version: 1", "version: 0").replace("tips: [", "tips: [[], "))
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == (
        "routines/knee-hold.yaml:13:8: tips[1]: expected a short line of text, got a list\n"
        "routines/knee-hold.yaml:20:10: version: must be from 1 to 10000, got 0\n"
        "stopped: 2 problems in the content; nothing was written\n"
    )
    assert_untouched(previous)


def test_a_character_the_font_lacks_stops_the_build_at_its_place(run: Run, minimal: Path, previous: Path) -> None:
    path = minimal / "knee-hold.yaml"
    path.write_text(path.read_text().replace("title: Knee hold", "title: Knee hold \u819d"))
    result = run("build", "--booklet")
    assert result.exit_code == 1
    assert result.stderr == (
        "routines/knee-hold.yaml:1:8: title: '\u819d' (U+819D) is not in the font Source Sans Pro\n"
        "stopped: 1 problem in the content; nothing was written\n"
    )
    assert_untouched(previous)


def test_content_problems_create_no_output_folder(run: Run, minimal: Path, tmp_path: Path) -> None:
    (minimal / "book.yaml").unlink()
    result = run("build")
    assert result.exit_code == 1
    assert not (tmp_path / "output").exists()


def test_out_that_is_a_file_is_one_line(run: Run, minimal: Path, tmp_path: Path) -> None:
    (tmp_path / "output").write_text("not a folder")
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == "output: is a file, not a folder; choose another --out\n"


@pytest.mark.parametrize(("code", "reason"), [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "permission denied")])
def test_a_failed_write_keeps_the_old_handbook(
    run: Run, minimal: Path, previous: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, "fsync", fail)
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == f"output/handbook.pdf: cannot write: {reason}\n"
    assert_untouched(previous)


def test_an_interrupted_build_keeps_the_old_handbook(
    run: Run, minimal: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupt)  # the last moment: the new file is all written
    result = run("build")
    assert result.exit_code == 1
    assert_untouched(previous)


def test_an_interruption_that_reportlab_turns_into_another_error_is_still_an_interruption(
    run: Run, minimal: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reportlab's reference formatting has a bare `except:` that turns Ctrl-C into a KeyError."""
    from reportlab.pdfbase import pdfdoc

    def interrupted(self: object, document: object) -> bytes:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:  # as reportlab does, with a bare except
            raise KeyError("forward reference to 'R3568' not resolved upon final formatting") from None

    monkeypatch.setattr(pdfdoc.PDFObjectReference, "format", interrupted)
    result = run("build")
    assert result.exit_code == 1
    assert "internal error" not in result.stderr and "Aborted!" in result.stderr
    assert_untouched(previous)


def test_a_bad_source_date_epoch_is_one_line(
    run: Run, minimal: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970, got 'tomorrow'\n"
    assert_untouched(previous)


def test_build_has_help_with_an_example(run: Run) -> None:
    result = run("build", "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and "--paper [a4|letter]" in result.output


def test_wrong_paper_is_a_usage_error(run: Run, minimal: Path) -> None:
    result = run("build", "--paper", "a5")
    assert result.exit_code == 2


def test_the_cli_loads_reportlab_only_when_it_builds() -> None:
    code = "import sys, handbook.cli; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out == "False\n"
