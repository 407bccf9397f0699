"""QR codes made by a helper process while the content is read: the very codes segno makes, and
no helper left behind however the reading ends."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import segno

from handbook.commands.qrcodes import MANY, made_meanwhile
from handbook.layout import qr
from handbook.output import pool

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper is forked")


def _folder(tmp_path: Path, count: int = MANY + 2) -> list[str]:
    """Routine files with a link each (what the helper reads), a book, one unreadable file and one without a link."""
    links = [f"https://example.org/video/{n}?t=é{n}" for n in range(count)]
    for number, link in enumerate(links):
        (tmp_path / f"r-{number}.yaml").write_text(f"title: R {number}\nlink: '{link}'\n", encoding="utf-8")
    (tmp_path / "book.yaml").write_text("link: https://example.org/not-a-routine\n", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "no-link.yaml").write_text("title: Plain\n", encoding="utf-8")
    return links


def _helper_done(seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.01)


def _segno(link: str) -> qr.Modules:
    code = segno.make_qr(link, error="m", boost_error=False, encoding="utf-8")
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


@pytest.fixture(autouse=True)
def _empty_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(qr, "_MADE", {})
    monkeypatch.setattr(pool, "cores", lambda: 2)


def test_the_codes_made_meanwhile_are_segnos_own(tmp_path: Path) -> None:
    links = _folder(tmp_path)
    with made_meanwhile(tmp_path):
        _helper_done()  # reading a large folder takes as long
    assert sorted(qr._MADE) == sorted(links)  # not the book's link, nothing of the broken file
    assert all(qr._MADE[link] == _segno(link) for link in links)
    assert multiprocessing.active_children() == []


def test_a_failed_read_stops_the_helper_and_keeps_nothing(tmp_path: Path) -> None:
    _folder(tmp_path)
    with pytest.raises(RuntimeError, match="bad content"), made_meanwhile(tmp_path):
        raise RuntimeError("bad content")
    assert multiprocessing.active_children() == []
    assert qr._MADE == {}


def test_a_small_folder_or_a_threaded_process_does_without(tmp_path: Path) -> None:
    _folder(tmp_path, count=3)
    with made_meanwhile(tmp_path):
        assert multiprocessing.active_children() == []  # 6 files: not worth a process
    _folder(tmp_path)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with made_meanwhile(tmp_path):  # as in `handbook serve`, whose server threads run
            assert multiprocessing.active_children() == []
    finally:
        stop.set()
        other.join()
    assert qr._MADE == {}


def test_the_helper_reads_only_what_the_checked_read_would(tmp_path: Path) -> None:
    """A pipe, a link out of the folder and an oversized file are skipped, never read to the end."""
    from handbook.content.yamlread import MAX_BYTES

    folder = tmp_path / "routines"
    folder.mkdir()
    links = _folder(folder)
    os.mkfifo(folder / "pipe.yaml")  # reading it would wait for a writer forever
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("link: https://example.org/outside\n", encoding="utf-8")
    (folder / "outside.yaml").symlink_to(outside)
    (folder / "huge.yaml").write_text("link: https://example.org/huge\n" + "#" * MAX_BYTES + "\n", encoding="utf-8")
    with made_meanwhile(folder):
        _helper_done()
    assert sorted(qr._MADE) == sorted(links)
    assert multiprocessing.active_children() == []


def test_a_helper_stopped_as_soon_as_it_starts_neither_hangs_nor_prints(tmp_path: Path) -> None:
    """Stopped at once, while it may still have this process's signal handlers and a pipe too full
    to write to (300 long links): the command still ends at once, and quietly."""
    for number in range(300):
        (tmp_path / f"r-{number}.yaml").write_text(f"link: 'https://example.org/{'x' * 150}/{number}'\n")
    script = f"""
import multiprocessing
from pathlib import Path
from handbook.commands.qrcodes import made_meanwhile
from handbook.output import pool
from handbook.output.signals import stop_like_ctrl_c
pool.cores = lambda: 2
for _ in range(5):
    try:
        with stop_like_ctrl_c(), made_meanwhile(Path({str(tmp_path)!r})):
            raise RuntimeError("a content error")
    except RuntimeError:
        pass
    assert multiprocessing.active_children() == []
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
