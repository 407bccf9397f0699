"""Writing many files at once: each one atomic, one flush to disk for all, nothing left behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from handbook.commands.cardjobs import make_chunk, plan_cards
from handbook.model import Content
from handbook.output import files as output


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_many_writes_every_file_and_flushes_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(output.os, "sync", lambda: calls.append("sync"))
    monkeypatch.setattr(output.os, "fsync", lambda fd: calls.append("fsync"))
    (tmp_path / "b.pdf").write_bytes(b"old")
    files = [(tmp_path / "a.pdf", b"A"), (tmp_path / "b.pdf", b"B"), (tmp_path / "sub" / "c.pdf", b"C")]
    assert output.write_many(files) == [None, None, None]
    assert [p.read_bytes() for p, _ in files] == [b"A", b"B", b"C"]
    assert calls == ["sync"]
    assert (tmp_path / "a.pdf").stat().st_mode & 0o777 == 0o644
    assert _temporaries(tmp_path) == []


def test_a_file_that_cannot_be_written_is_reported_and_the_others_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("taken.pdf").mkdir()  # a folder where the file should go
    Path("blocked").write_text("a file, not a folder")
    files = [(Path("taken.pdf"), b"X"), (Path("blocked/c.pdf"), b"Y"), (Path("ok.pdf"), b"Z")]
    results = output.write_many(files)
    assert [str(r) if r else None for r in results] == [
        "taken.pdf: cannot write: Is a directory", "blocked: is a file, not a folder; choose another --out", None]
    assert Path("ok.pdf").read_bytes() == b"Z"
    assert _temporaries(tmp_path) == []


def test_an_interrupted_write_leaves_old_files_and_no_temporaries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"old")
    renamed: list[str] = []
    real_replace = os.replace

    def replace_once(src: str, dst: str) -> None:
        if renamed:
            raise KeyboardInterrupt
        renamed.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", replace_once)
    with pytest.raises(KeyboardInterrupt):
        output.write_many([(tmp_path / "a.pdf", b"new"), (tmp_path / "b.pdf", b"new")])
    assert (tmp_path / "a.pdf").read_bytes() == b"new"
    assert (tmp_path / "b.pdf").read_bytes() == b"old"
    assert _temporaries(tmp_path) == []


def test_a_card_that_cannot_be_written_is_one_outcome(
        sample_content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    jobs = plan_cards(sample_content, [r.slug for r in sample_content.routines[1:3]], "a4", Path("output"))
    jobs[0].path.mkdir(parents=True)  # a folder in the way of the first card
    first, second = make_chunk(sample_content, jobs)
    assert (first.ok, first.text) == (False, f"{jobs[0].path}: cannot write: Is a directory")
    assert second.ok and jobs[1].path.read_bytes().startswith(b"%PDF")
