"""Pagination, read back from the PDF (`tests/pagecheck.py`): where the pages of the handbook break.

The rules (issue 15): a step and its picture on one page; no heading, and no step's number,
alone at the foot of a page; the last step of a list never alone at the top of one; no page
that holds only the last lines of a section (sources, "See the routine...", a version line)
unless it is the very end; chapters start on a new page; a page under a quarter full only as
a chapter's last page. Checked on the sample content and on synthetic content of 8 routines
(benchmarks/synthetic.py: pictures beside most steps, links, cautions, varied doses), on A4,
Letter, large print and the booklet's A5 pages. Each variant is rendered once per module.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from types import ModuleType

import pytest

from handbook.content.loader import load_content
from handbook.layout.book import breaks
from handbook.layout.book.story import render_handbook
from handbook.model import Content
from tests import pagecheck
from tests.conftest import DATA, REPO

VARIANTS = {  # name: paper, large print, booklet
    "a4": ("a4", False, False), "letter": ("letter", False, False), "large-a4": ("a4", True, False),
    "booklet-a5": ("a5", False, True), "booklet-large-a5": ("a5", True, True),
    "booklet-large-half-letter": ("half-letter", True, True), "booklet-half-letter": ("half-letter", False, True),
}
SYNTHETIC_VARIANTS = ("a4", "large-a4", "booklet-large-a5")  # Letter: the sample's pages, above
SYNTHETIC_ROUTINES = 8  # about 40 pages of A4; without `ChapterFlow` every variant breaks a rule


def synthetic_module() -> ModuleType:
    """benchmarks/synthetic.py, which is a script, not a package."""
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "benchmarks" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    root = tmp_path_factory.mktemp("synthetic")
    synthetic_module().write_content(root, SYNTHETIC_ROUTINES, faq_per_routine=1)
    return load_content(root)


@cache
def minimal_content() -> Content:
    return load_content(DATA / "minimal")


Render = Callable[[Content, str], bytes]


@pytest.fixture(scope="module")
def render() -> Render:
    """Render a variant once for the module: render(content, name) -> PDF bytes."""
    done: dict[tuple[int, str], bytes] = {}

    def rendered(content: Content, name: str) -> bytes:
        if (id(content), name) not in done:
            paper, large, booklet = VARIANTS[name]
            done[id(content), name] = render_handbook(content, paper, large, booklet).data
        return done[id(content), name]

    return rendered


def topics(content: Content) -> frozenset[str]:
    """The FAQ topics' bookmarks: sections of the FAQ chapter, not chapters."""
    return frozenset(topic.title for topic in content.faq)


def test_a_chapter_ends_with_at_least_a_quarter_page(sample_content: Content, render: Render) -> None:
    """Issue 15: A4 page 14 held only the foam roller's sources and version line, about 20 % full."""
    pdf = render(sample_content, "a4")
    pages = pagecheck.pages(pdf, topics(sample_content))
    roller = [p for p in pages if p.chapter == "Foam roller release for the psoas"]
    assert len(roller) >= 2 and roller[-1].fill >= 0.25
    assert "Where this advice comes from" in [line.text for line in roller[-1].lines]
    assert [p.number for p in pages if p.fill < 0.25 and not p.cover] == []


def test_every_chapter_starts_a_page_with_its_title(sample_content: Content, render: Render) -> None:
    pages = pagecheck.pages(render(sample_content, "letter"), topics(sample_content))
    openers = {p.chapter: p.first for p in pages if p.opens_chapter}
    assert {r.title for r in sample_content.routines} <= set(openers)
    assert all(title.startswith(first) for title, first in openers.items() if title != "Exercise routines")


def test_the_checker_sees_what_platypus_alone_does(sample_content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without `ChapterFlow` choosing the breaks (platypus's own, page after page) and with the
    chapter's end and its last steps not kept together, the checker finds what issue 15
    reported: a version line alone on a page, a chapter's sources on a page a fifth full, the
    last step alone at the top of a page."""

    def platypus_alone(self: breaks.ChapterFlow, availWidth: float, availHeight: float) -> list[object]:
        out: list[object] = [breaks.NullActionFlowable()]
        for flowable in self.flowables:
            if getattr(flowable, "keep_loosely", False):  # the step before the last, as it was
                flowable.keepWithNext = 0
            # the chapter's end, from the stop box on, as it was: not a group (no pictures under steps on A4)
            out += flowable._content if isinstance(flowable, breaks.KeepTogether) else [flowable]
        return out

    monkeypatch.setattr(breaks.ChapterFlow, "split", platypus_alone)
    found = pagecheck.problems(render_handbook(sample_content, "a4").data, topics(sample_content))
    assert any("first 'Version 1, reviewed" in p and "holds only the tail" in p for p in found), found
    assert any("first 'Where this advice comes from'" in p and "holds only the tail" in p for p in found), found
    assert any("the last of its list, is alone at the top" in p for p in found), found


def test_the_checker_reads_a_page_as_a_reader_does(sample_content: Content, render: Render) -> None:
    pdf = render(sample_content, "a4")
    pages = pagecheck.pages(pdf, topics(sample_content))
    assert pages[0].cover and pages[0].chapter == ""
    contents = next(p for p in pages if p.chapter == "Contents")
    assert contents.first == "Contents" and contents.opens_chapter and contents.last.startswith("Notes")
    notes = pages[-1]
    assert notes.chapter == "Notes" and notes.first == "Notes" and notes.drawn_below and notes.fill > 0.9
    steps = [line for p in pages for line in p.lines if line.step is not None]
    assert len(steps) == sum(len(r.steps) for r in sample_content.routines)
    assert "Steps" in [h for p in pages for h in p.headings]
    assert not any(h.startswith("Hold for") for p in pages for h in p.headings)  # a dose line is not a heading


def test_a_booklet_page_holds_a_step_with_its_picture_under_it(sample_content: Content, render: Render) -> None:
    """On a booklet's page in large print the picture goes under its step, on the same page."""
    pdf = render(sample_content, "booklet-large-a5")
    pages = pagecheck.pages(pdf, topics(sample_content))
    under = 0
    for page in pages:
        for picture in page.pictures:
            above = [line for line in page.lines if line.bottom <= picture.top + 1]
            if above and any(line.step is not None for line in above):
                under += 1
    assert under >= sum(1 for r in sample_content.routines for s in r.steps if s.picture)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_sample_pages_break_by_the_rules(name: str, sample_content: Content, render: Render) -> None:
    assert pagecheck.problems(render(sample_content, name), topics(sample_content)) == []


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_one_routine_book_breaks_by_the_rules(name: str, render: Render) -> None:
    """tests/data/minimal: on a booklet's half-letter page its stop box and the questions about it
    fill a page, and its sources and version line go over with the questions."""
    content = minimal_content()
    assert pagecheck.problems(render(content, name), topics(content)) == []


@pytest.mark.parametrize("name", SYNTHETIC_VARIANTS)
def test_synthetic_pages_break_by_the_rules(name: str, synthetic_content: Content, render: Render) -> None:
    assert pagecheck.problems(render(synthetic_content, name), topics(synthetic_content)) == []


def test_the_synthetic_content_is_long_enough_to_matter(synthetic_content: Content, render: Render) -> None:
    assert len(pagecheck.pages(render(synthetic_content, "a4"), topics(synthetic_content))) > 30
