"""A handbook laid out in two processes is, byte for byte, the handbook laid out in one.

`parallel` cuts the book between two of its parts, lays the second half out in a forked
child and replays its pages here. Every place it can cut is tried on content that puts
in the second half what the replay must carry: pictures drawn from a PNG file, line-art
poses, QR codes and web links, links to earlier chapters, contents numbers, the FAQ's
"see" lines and characters outside ASCII. When the child cannot help (it failed, fork
was refused, or it met a character whose code was not fixed beforehand), the parent
lays the half out itself, and the file is still the same.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from handbook import forked, parallel, pdfobjects
from handbook.book import RenderedHandbook, render_handbook
from handbook.model import Content
from handbook.printing import load_for_print
from handbook.render import HandbookDoc

from . import pdfcheck

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel layout needs fork")


@pytest.fixture
def content(content_dir: Path) -> Content:
    """The bundled content, with a photo, Polish and French words and a web link in the last chapter."""
    Image.new("L", (300, 200), 120).save(content_dir / "images.png")
    path = content_dir / "psoas-foam-roller.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - Feel for any spots that are tender.\n",
                        "  - text: Feel for any spots that are tender.\n"
                        "    picture: {file: images.png, caption: Zdjęcie – a photo}\n")
    text = text.replace("  - Press only on the spots that feel tender.\n",
                        "  - Press only on the spots that feel tender (łagodnie, très doucement).\n")
    path.write_text(text, encoding="utf-8")
    loaded = load_for_print(content_dir, None)
    routine = loaded.routine("psoas-foam-roller")
    assert routine.steps[1].picture is not None and any("ł" in tip for tip in routine.tips)
    return loaded


def cut_at(monkeypatch: pytest.MonkeyPatch, index: int | None) -> None:
    monkeypatch.setattr(parallel, "split_parts", lambda weights, first, force=False: index)


def story_cuts(content: Content) -> list[int]:
    """Every part of the book that can start the second half."""
    found: list[int] = []

    def record(weights: list[int], first: int, force: bool = False) -> None:
        found.extend(range(first, len(weights)))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parallel, "split_parts", record)
        render_handbook(content, jobs=2)
    return found


def test_every_cut_gives_the_same_file_as_one_process(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = render_handbook(content, jobs=1)
    assert alone.layout == "one process"
    cuts = story_cuts(content)
    assert cuts == list(range(2, 10))  # the contents, each of 4 chapters, the questions, the sources, the notes
    for index in cuts:
        cut_at(monkeypatch, index)
        both = render_handbook(content, jobs=2)
        assert both.layout == "two processes", index
        assert (both.pages, both.data) == (alone.pages, alone.data), f"cut at {index}"


def test_large_print_letter_in_spanish_cuts_alike(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    spanish = replace(content, book=replace(content.book, language="es"))
    alone = render_handbook(spanish, "letter", large_print=True, jobs=1)
    both = render_handbook(spanish, "letter", large_print=True, jobs=2)
    assert both.layout == "two processes"
    assert both.data == alone.data


def test_a_long_book_is_split_by_default_and_a_short_one_is_not(content: Content) -> None:
    assert render_handbook(content).layout == "one process"  # about 20 pages: not worth a second process
    assert parallel.split_parts([50] * (parallel.MIN_WEIGHT // 50), 2) is not None
    assert parallel.split_parts([50] * 10, 2) is None
    assert parallel.split_parts([50] * 10, 2, force=True) == 5


def test_the_cut_halves_the_work_from_the_first_part_allowed() -> None:
    assert parallel.split_parts([10, 10, 100, 100, 100, 100], 2, force=True) == 4
    assert parallel.split_parts([500, 10, 10, 10, 10], 2, force=True) == 2  # as near the middle as allowed
    assert parallel.split_parts([500, 10], 2, force=True) is None  # nothing after the how-to


def test_a_failed_second_process_is_laid_out_here_with_the_same_result(
        content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = render_handbook(content, jobs=1)

    def fail(*args: Any) -> None:
        raise RuntimeError("out of memory")

    monkeypatch.setattr(parallel, "record_half", fail)
    both = render_handbook(content, jobs=2)
    assert both.layout == "second half laid out again in one process: RuntimeError: out of memory"
    assert both.data == alone.data


def test_a_character_not_coded_beforehand_sends_the_half_back_here(
        content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the characters fixed first, the child would code "ł" apart from the parent: it says so."""
    cuts = story_cuts(content)
    prepare = parallel.prepare
    monkeypatch.setattr(parallel, "prepare", lambda canv, faces, texts: prepare(canv, faces, ()))
    alone = render_handbook(content, jobs=1)
    cut_at(monkeypatch, cuts[-4])  # before the last chapter, the only one with "ł"
    both = render_handbook(content, jobs=2)
    assert both.layout == ("second half laid out again in one process: "
                           "a character without a code fixed before the fork")
    assert both.data == alone.data


def test_a_failing_first_half_ends_the_second_process(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    lay_out = HandbookDoc._lay_out

    def first_fails(self: HandbookDoc, story: Any, canv: Any, first: bool, save: bool) -> None:
        if first:
            raise RuntimeError("broken")
        lay_out(self, story, canv, first, save)

    monkeypatch.setattr(HandbookDoc, "_lay_out", first_fails)
    with pytest.raises(RuntimeError, match="broken"):
        render_handbook(content, jobs=2)
    with pytest.raises(ChildProcessError):  # the child was ended and reaped
        os.waitpid(-1, os.WNOHANG)


def test_the_child_answers_with_its_value_or_its_error() -> None:
    assert forked.Child(lambda: {"pages": [1, 2]}).result() == {"pages": [1, 2]}
    failed = forked.Child(lambda: 1 / 0)
    assert failed.result() is None
    assert failed.error == "ZeroDivisionError: division by zero"


def test_pages_written_in_one_step_are_reportlab_s_own_bytes(content: Content,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fast = render_handbook(content, jobs=1)
    monkeypatch.setattr(pdfobjects, "FAST_PAGES", False)
    slow: RenderedHandbook = render_handbook(content, jobs=1)
    assert fast.data == slow.data


def test_content_read_in_a_second_process_is_the_content_read_here(content: Content, content_dir: Path) -> None:
    """`build` reads the content in a child while it imports reportlab: the same content, the same file."""
    here = load_for_print(content_dir, "de")
    there = forked.Child(lambda: load_for_print(content_dir, "de")).result()
    assert isinstance(there, Content) and there == here
    assert render_handbook(there, jobs=1).data == render_handbook(here, jobs=1).data


def test_a_build_whose_loading_child_fails_loads_here(content_dir: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from handbook.build import build_handbook

    first = build_handbook(content_dir, tmp_path / "a")[0].path.read_bytes()
    answer = forked.Child.result
    monkeypatch.setattr(forked.Child, "result", lambda self: (answer(self), None)[1])  # heard, then lost
    assert build_handbook(content_dir, tmp_path / "b")[0].path.read_bytes() == first


@pytest.mark.parametrize("char", ["\u00ad", "\ufeff", "\u00a0"])  # soft hyphen, zero-width no-break space, nbsp
def test_characters_python_would_escape_are_coded_beforehand_too(content_dir: Path, char: str) -> None:
    path = content_dir / "psoas-foam-roller.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  - Press only on the spots that feel tender.\n", f'  - "Press only on the spots that feel ten{char}der."\n'),
        encoding="utf-8")
    content = load_for_print(content_dir)
    both = render_handbook(content, jobs=2)
    assert both.layout == "two processes"
    assert both.data == render_handbook(content, jobs=1).data


def test_words_in_an_svg_drawing_and_its_embedded_picture(content_dir: Path) -> None:
    """The text of an SVG is coded beforehand; a picture inside an SVG is drawn (as text: inline)."""
    Image.new("L", (30, 20), 90).save(content_dir / "grey.png")
    (content_dir / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" '
        'height="100"><text x="10" y="90" font-size="20">Straße Ω ćma</text>'
        '<image x="100" y="0" width="60" height="40" xlink:href="grey.png"/></svg>', encoding="utf-8")
    path = content_dir / "psoas-foam-roller.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "version: 1", "version: 1\npicture: {file: drawing.svg, caption: A drawing}"), encoding="utf-8")
    content = load_for_print(content_dir)
    both = render_handbook(content, jobs=2)
    assert both.layout == "two processes"
    assert both.data == render_handbook(content, jobs=1).data
    assert "Straße Ω ćma" in "\n".join(pdfcheck.page_texts(both.data))


def _no_fork() -> int:
    raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")


def test_a_fork_refused_by_the_system_lays_out_here(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = render_handbook(content, jobs=1)
    monkeypatch.setattr(os, "fork", _no_fork)
    open_files = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    both = render_handbook(content, jobs=2)
    assert both.layout.startswith("second half laid out again in one process: cannot start a second process")
    assert both.data == alone.data
    if open_files is not None:
        assert len(os.listdir("/proc/self/fd")) == open_files  # the pipe was closed


def test_a_fork_refused_by_the_system_still_builds(content_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from handbook.build import build_handbook

    first = build_handbook(content_dir, tmp_path / "a")[0].path.read_bytes()
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    monkeypatch.setattr(os, "fork", _no_fork)
    assert build_handbook(content_dir, tmp_path / "b")[0].path.read_bytes() == first


def test_a_process_running_other_threads_does_not_fork() -> None:
    import threading

    assert forked.can_fork() == ((os.cpu_count() or 1) > 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forked.can_fork()
    finally:
        stop.set()
        other.join()
