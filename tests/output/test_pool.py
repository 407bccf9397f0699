"""The worker pool stops when it is told to, and when its parent dies: no worker is left running."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from handbook.errors import HandbookError
from handbook.output import pool
from tests.conftest import DATA

LINUX_PROC = Path("/proc/self/task").is_dir()


def _made(folder: Path, jobs: Sequence[int]) -> list[int]:
    """Jobs that leave a file each, to count what was made; all but the first chunk take a while."""
    if 0 not in jobs:
        time.sleep(0.1)
    for job in jobs:
        (folder / f"{job}.done").touch()
    return list(jobs)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked here")
def test_a_pool_whose_reader_stops_begins_no_new_chunk_and_leaves_no_worker(tmp_path: Path) -> None:
    results = pool.map_chunks(_made, tmp_path, list(range(96)), chunk=2, workers=2)
    assert next(results) == 0
    results.close()  # as on Ctrl-C, SIGTERM or a closed pipe while the first lines are printed
    assert multiprocessing.active_children() == []
    made = len(list(tmp_path.glob("*.done")))
    assert made <= 6, made  # the first chunk and the one in each worker's hand; none of those queued


def _killed(folder: Path, jobs: Sequence[int]) -> list[int]:
    """A worker that dies in its first chunk, as one killed by the out-of-memory killer."""
    os._exit(9)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked here")
def test_a_worker_that_dies_is_one_line_not_an_internal_error(tmp_path: Path) -> None:
    with pytest.raises(HandbookError) as raised:
        list(pool.map_chunks(_killed, tmp_path, list(range(pool.POOL_MIN)), chunk=2, workers=2))
    assert str(raised.value) == ("a worker process stopped before its work was done (was it killed, or out of "
                                 "memory?); what is not listed above was not made")
    assert multiprocessing.active_children() == []


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _running(pid: int) -> bool:
    """Whether `pid` is alive (a zombie waiting for its parent to read its exit code has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not LINUX_PROC, reason="finds the workers in /proc")
def test_killing_handbook_cards_leaves_no_worker_running(tmp_path: Path) -> None:
    """SIGKILL gives the parent no chance to stop its workers: they notice themselves, and leave."""
    content = tmp_path / "routines"
    shutil.copytree(DATA / "minimal", content)
    slugs = ["knee-hold", *(f"knee-hold-{n}" for n in range(pool.POOL_MIN + 6))]  # enough for the pool
    for slug in slugs[1:]:
        shutil.copy(content / "knee-hold.yaml", content / f"{slug}.yaml")
    book = content / "book.yaml"
    book.write_text(book.read_text().replace("routines: [knee-hold]", f"routines: [{', '.join(slugs)}]"))
    two_workers = "import handbook.output.pool as p; p.cores = lambda: 2; from handbook.cli import main; main()"
    parent = subprocess.Popen([sys.executable, "-c", two_workers, "cards"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and parent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
            workers = _children(parent.pid)
        assert len(workers) == 2, "the pool did not start"
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [pid for pid in workers if _running(pid)] == []
        assert list((tmp_path / "output").rglob("*.tmp")) == []
    finally:
        for pid in workers:  # never left behind by a failing test
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
