"""Glyph coverage: every character of the content must exist in the fonts that print it.

A character the font lacks would print as an empty box (or vanish), so `handbook check`
and every build refuse it, naming the character, its code point and its place:
``routines/x.yaml:3:8: title: '膝' (U+819D) is not in the font Source Sans Pro``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from handbook.checks.readability import routine_texts, topic_texts
from handbook.errors import Problem
from handbook.model import Content, Source, Where


@functools.cache
def covered() -> frozenset[int]:
    """Code points present in both faces we print content with (regular and bold).

    Content is never set in italic: it is harder to read for the people we print for,
    and the italic faces lack Greek and Cyrillic.
    """
    from reportlab.pdfbase import pdfmetrics

    from handbook.layout.styles import FONT, FONT_BOLD, register_fonts

    register_fonts()  # the renderers register the same faces: no second parse
    sets = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in (FONT, FONT_BOLD)]
    return frozenset(set.intersection(*sets))


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


@functools.cache
def _covered_chars() -> frozenset[str]:
    """`covered` as characters, so a whole text is checked with one set difference."""
    return frozenset(map(chr, covered()))


def missing_glyphs(content: Content, font_name: str = "Source Sans Pro") -> list[Problem]:
    """An error for each text that holds a character the fonts cannot print (first one per text)."""
    have, have_chars = covered(), _covered_chars()
    problems = []
    for where, name, text in printed_texts(content):
        if all(char.isspace() for char in set(text) - have_chars):  # the usual case, without a loop per character
            continue
        for char in text:
            if ord(char) not in have and not char.isspace():
                place: Where = where(name)  # type: ignore[operator]
                problems.append(Problem(place.path, place.line, place.col, name,
                                        f"'{char}' (U+{ord(char):04X}) is not in the font {font_name}"))
                break
    return problems
