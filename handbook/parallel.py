"""The handbook laid out on two cores: the second half in a forked process, its pages replayed.

Every chapter starts on a new page, and nothing that is laid out depends on a page
number (see `render`), so the book can be cut before one of its parts (the contents, a
chapter, the questions, the sources, the notes) into two halves that lay out the same on
their own as in one run. Where to cut is decided from a rough measure of each part's
work (`split_parts`). The parent forks a child just before layout; the parent makes and
lays out the first half while the child makes and lays out the second half on its copy
of the same canvas. The child records, page by page, the finished content (the
operators) and every canvas call that also changes the document (a bookmark, an outline
entry, a link, a form or an image used), and sends that back. The parent then replays
those calls on its own canvas at the same pages and adds the pages: the document gets
the same objects in the same order as from one process, so the PDF is byte for byte
the same (`tests/test_parallel.py` checks it).

What makes that hold:

- text: the subset code of every character is fixed before the fork (`prepare`): the
  faces are registered in a fixed order and seeded with every character the content and
  labels hold, so both processes encode text alike;
- page numbers: the child numbers its pages from 1; anchors it reaches are moved by the
  parent's page count; page-number forms have names made from what they print, not
  from the order they were asked for (`PageNumbers.draw_number`);
- anything the child did that cannot be replayed (a character or face not fixed
  beforehand, transparency, a colour space): the child says so and the parent lays the
  second half out itself, as it does when the child fails or fork is not available.
  The result is the same file, only slower.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfmetrics

from .fontcache import seed

MIN_WEIGHT = 40_000  # below this (about 60 pages), a second process saves little or nothing
FIXED_WEIGHT = 30  # a paragraph's or box's weight besides its words: laying one out costs about 30 words

Call = tuple[str, tuple[Any, ...], dict[str, Any]]


@dataclass
class Recorded:
    """What the child laid out: pages (content and replayable calls) and what it learned."""

    pages: list[tuple[list[str], list[Call]]] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # key -> page, counted from the half's first page
    wanted: dict[Any, str] = field(default_factory=dict)  # page-number forms asked for, in order
    faces: list[tuple[str, str]] = field(default_factory=list)  # faces first used here: (font, internal name)
    pdf_version: tuple[int, int] = (1, 3)  # the least PDF version the half needs (1.4 for transparency)
    unsafe: str = ""  # why the pages cannot be replayed, if they cannot


def split_parts(weights: Sequence[int], first: int, force: bool = False) -> int | None:
    """The part (from `first` on) that starts the second half, halving the work; None when not worth it.

    `weights`: a rough measure of each part's layout work (see `book._Story.parts`).
    `force` splits however small the book.
    """
    total = sum(weights)
    if first >= len(weights) or (total < MIN_WEIGHT and not force):
        return None
    done = [0]
    for weight in weights:
        done.append(done[-1] + weight)
    return min(range(first, len(weights)), key=lambda index: abs(total - 2 * done[index]))


def prepare(canv: Any, faces: Sequence[str], texts: Iterable[str]) -> None:
    """Fix, before anything is drawn, what both processes must agree on: face names and codes.

    Registers `faces` (the regular and bold faces every book uses) with the document in
    this order (F1, F2, ...) and seeds them with every non-ASCII character in `texts`, in
    code point order (printable ASCII has fixed codes already).
    """
    chars: set[str] = set()
    for text in texts:
        if not text.isascii():
            chars.update(text)
    alphabet = "".join(sorted(c for c in chars if not c.isascii()))
    for name in faces:
        pdfmetrics.getFont(name).getSubsetInternalName(0, canv._doc)
    seed(canv._doc, tuple(faces), alphabet)


def _font_states(canv: Any) -> dict[str, int]:
    """Per registered TrueType face: how many characters have codes in this document."""
    out = {}
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        state = getattr(font, "state", {}).get(canv._doc)
        if state is not None:
            out[name] = len(state.assignments)
    return out


def record_half(canv: Any, numbers: Any, lay_out: Callable[[], None]) -> Recorded:
    """In the child: lay out (`lay_out`) with `canv` recording, and return what it recorded."""
    codes_before = _font_states(canv)
    faces_before = dict(canv._doc.fontMapping)
    document_before = _document_state(canv._doc)
    canv._log = []
    canv._recorded = Recorded()
    lay_out()
    recorded: Recorded = canv._recorded
    recorded.anchors = dict(numbers.pages)
    recorded.wanted = dict(numbers.wanted)
    recorded.faces = [(font, internal) for font, internal in canv._doc.fontMapping.items()
                      if font not in faces_before]
    recorded.pdf_version = canv._doc._pdfVersion
    changed = sorted(name for name, value in _document_state(canv._doc).items()
                     if value != document_before.get(name) and name not in _REPLAYED)
    if changed:
        recorded.unsafe = recorded.unsafe or f"the document's {changed[0]} changed"
    codes_after = _font_states(canv)
    if codes_after != codes_before:
        new = sorted(set(codes_after) - set(codes_before))
        recorded.unsafe = recorded.unsafe or (f"face {new[0]} not seeded before the fork" if new else
                                              "a character without a code fixed before the fork")
    return recorded


# what a half may change in its copy of the document: objects (its pages, and what the
# replayed calls make again), faces (`Recorded.faces`), the PDF version (`pdf_version`)
_REPLAYED = {"objectcounter", "idToObject", "numberToId", "idToObjectNumberAndVersion", "pageCounter",
             "fontMapping", "delayedFonts", "_pdfVersion"}


def _document_state(document: Any) -> dict[str, Any]:
    """The document's attributes, each as its value (a number, text...) or its size (a list...)."""
    out: dict[str, Any] = {}
    for name, value in vars(document).items():
        if value is None or isinstance(value, (int, float, str, bytes, tuple)):
            out[name] = value
        elif isinstance(value, (list, dict, set)):
            out[name] = len(value)
        else:
            out[name] = id(value)
    return out


def page_done(canv: Any) -> None:
    """In the child, at the end of each page: keep its content and calls (see `_Canvas.showPage`)."""
    recorded: Recorded = canv._recorded
    if canv._colorsUsed or canv._shadingUsed or canv._extgstate._c:
        recorded.unsafe = recorded.unsafe or "a page with its own colour space, shading or transparency"
    recorded.pages.append((list(canv._code), canv._log))
    canv._log = []


def replay(canv: Any, recorded: Recorded, numbers: Any, calls: dict[str, Callable[..., Any]]) -> str:
    """In the parent: add the child's pages after the current ones. Returns "" when done, else
    why it cannot be (and then nothing is done).

    `calls` maps the names of recorded calls that are not canvas methods to functions
    taking the canvas first.
    """
    if recorded.unsafe:
        return recorded.unsafe
    if not _faces_agree(canv, recorded.faces):
        return "a face named differently in the two halves"
    for font, _ in recorded.faces:
        pdfmetrics.getFont(font).getSubsetInternalName(0, canv._doc)
    canv._doc._pdfVersion = max(canv._doc._pdfVersion, recorded.pdf_version)
    offset = canv.getPageNumber() - 1
    for code, log in recorded.pages:
        canv._code = []
        for name, args, kwargs in log:
            function = calls.get(name)
            if function is not None:
                function(canv, *args, **kwargs)
            else:
                getattr(canv, name)(*args, **kwargs)
        canv._code = code
        canv.showPage()
    for key, page in recorded.anchors.items():
        numbers.pages[key] = page + offset
    for key, name in recorded.wanted.items():
        numbers.wanted.setdefault(key, name)
    return ""


def _faces_agree(canv: Any, faces: list[tuple[str, str]]) -> bool:
    """Whether the faces the child registered get the same names when the parent registers them now."""
    mapping = dict(canv._doc.fontMapping)
    for font, internal in faces:
        if font not in mapping:
            state = pdfmetrics.getFont(font).state.get(canv._doc)
            prefix = state.namePrefix if state is not None else "F"
            mapping[font] = "/" + prefix + repr(len(mapping) + 1)
        if mapping[font] != internal:
            return False
    return True
