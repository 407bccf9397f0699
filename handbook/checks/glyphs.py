"""Glyph coverage: every character of the content must exist in the fonts that print it.

A character the font lacks would print as an empty box (or vanish), so `handbook check`
and every build refuse it, naming the character, its code point and its place:
``routines/x.yaml:3:8: title: '膝' (U+819D) is not in the font Source Sans Pro``.

The code points the fonts have (`covered`) are given by the caller: reading them takes the
font files, which is the layout's business (`handbook.layout.styles.covered`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from handbook.checks.readability import routine_texts, topic_texts
from handbook.errors import Problem
from handbook.model import Content, Pose, Source, Where

FONT_NAME = "Source Sans Pro"


def _sources(sources: tuple[Source, ...]) -> Iterator[tuple[str, str]]:
    for number, source in enumerate(sources, start=1):
        for name in ("title", "author", "url", "note"):
            value = getattr(source, name)
            if value:
                yield f"sources[{number}].{name}", value


def printed_texts(content: Content) -> Iterator[tuple[object, str, str]]:
    """(where-function, field, text) for every printed text of the content."""
    book = content.book
    clinic = book.clinic
    for name, value in (("title", book.title), ("subtitle", book.subtitle), ("edition", book.edition),
                        ("safety_note", book.safety_note), ("clinic.name", clinic.name),
                        ("clinic.phone", clinic.phone), ("clinic.email", clinic.email),
                        ("clinic.website", clinic.website), ("clinic.address", clinic.address),
                        ("reviewed.by", book.reviewed.by)):
        if value:
            yield book.where, name, value
    for number, flag in enumerate(book.red_flags, start=1):
        yield book.where, f"red_flags[{number}]", flag
    for routine in content.routines:
        for name, text in routine_texts(routine):
            yield routine.where, name, text
        for name, text in _sources(routine.sources):
            yield routine.where, name, text
        for name, picture in (("picture", routine.picture),
                              *((f"steps[{n}].picture", step.picture) for n, step in enumerate(routine.steps, 1))):
            if picture is not None and picture.alt != picture.caption:  # alt text goes in the text layer
                yield routine.where, f"{name}.alt", picture.alt
        if routine.link:
            yield routine.where, "link", routine.link
        if routine.reviewed:
            yield routine.where, "reviewed.by", routine.reviewed.by
    for topic in content.faq:
        for name, text in topic_texts(topic):
            yield topic.where, name, text
        for name, text in _sources(topic.sources):
            yield topic.where, name, text


def missing_in(text: str, covered: frozenset[int]) -> str:
    """The characters of `text` the fonts have no glyph for, in order, each once (spaces aside)."""
    if set(text) <= _as_chars(covered):  # the usual case: one set operation, no loop per character
        return ""
    seen: dict[str, None] = {}
    for char in text:
        if ord(char) not in covered and not char.isspace():
            seen[char] = None
    return "".join(seen)


@functools.lru_cache(maxsize=4)
def _as_chars(covered: frozenset[int]) -> frozenset[str]:
    return frozenset(map(chr, covered)) | frozenset(" \n\t")


def missing_glyphs(content: Content, covered: frozenset[int]) -> list[Problem]:
    """An error for each text that holds a character the fonts cannot print (the first one per text).

    A clinic's pose title is reported at the pose file; a caption that is that title (a step
    showing the pose without a caption of its own) is not reported again at the step.
    """
    problems = pose_glyphs(content.poses, covered)
    titles = {pose.title for pose in content.poses if not pose.builtin and missing_in(pose.title, covered)}
    for where, name, text in printed_texts(content):
        missing = missing_in(text, covered)
        if missing and text not in titles:
            place: Where = where(name)  # type: ignore[operator]
            problems.append(_problem(place, name, missing[0]))
    return problems


def pose_glyphs(poses: Iterable[Pose], covered: frozenset[int]) -> list[Problem]:
    """An error for each pose of the clinic's whose title (printed as a caption) the fonts cannot print."""
    problems = []
    for pose in poses:
        missing = missing_in(pose.title, covered)
        if missing and not pose.builtin:
            problems.append(_problem(pose.title_where or Where(pose.file, 1, 1), "title", missing[0]))
    return problems


def glyph_message(char: str) -> str:
    """What is said of a character the font lacks: "'膝' (U+819D) is not in the font Source Sans Pro"."""
    return f"'{char}' (U+{ord(char):04X}) is not in the font {FONT_NAME}"


def _problem(place: Where, name: str, char: str) -> Problem:
    return Problem(place.path, place.line, place.col, name, glyph_message(char))
