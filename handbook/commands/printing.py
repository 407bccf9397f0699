"""The last check before anything is printed: the content, in the language asked for, every character printable.

`handbook build`, `card` and `cards` load the content here, and `handbook check` makes the
same checks: `--language` replaces the book's own language (every printed label follows
it; the content stays as written); a character the typeface cannot print (in the content
or in an SVG drawing's text), and an SVG drawing that cannot be drawn (a routine's picture
or the logo), are content errors at their `file:line:col`, like any other, before a
single page is drawn, never an empty box or a blank on paper.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from handbook.checks.glyphs import glyph_message, missing_glyphs, missing_in
from handbook.content.loader import load_content
from handbook.errors import ContentError, Problem, display_path
from handbook.model import Content, Picture


def with_language(content: Content, language: str | None) -> Content:
    """The content with its printed labels in `language` (None: the book's own)."""
    if language is None or language == content.book.language:
        return content
    return replace(content, book=replace(content.book, language=language))


LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German"}


def language_note(written: str, language: str | None) -> str | None:
    """A warning when `--language` asks for labels in another language than the content's own
    (`language:` in book.yaml): the labels follow it, the content stays as written."""
    if language is None or language == written:
        return None
    return (f"warning: --language {language}: the content is written in {LANGUAGE_NAMES[written]} "
            f"(language: {written} in book.yaml); only the printed labels will be in {LANGUAGE_NAMES[language]}")


def load_for_print(content_dir: Path, language: str | None = None,
                   warn: Callable[[str], None] | None = None) -> Content:
    """Load and validate the content for printing; `ContentError` lists every problem. `warn` is told
    when `language` is not the content's own (`language_note`)."""
    content = load_content(content_dir)
    note = language_note(content.book.language, language)
    if note and warn is not None:
        warn(note)
    content = with_language(content, language)
    problems = print_problems(content)
    if problems:
        raise ContentError(problems)
    return content


def print_problems(content: Content) -> list[Problem]:
    """What the fonts, the drawing machinery and the QR encoder refuse in content that loaded cleanly.

    Here, not in the loader: both need the layout's fonts and drawing code, which reading
    content never imports.
    """
    from handbook.layout.styles import covered  # here: it reads the font files

    return [*missing_glyphs(content, covered()), *_svg_problems(content), *_link_problems(content)]


def _svg_problems(content: Content) -> Iterator[Problem]:
    """An error at each use of an SVG drawing that cannot be drawn as the build draws it (the logo too),
    or whose text has a character the typeface lacks."""
    uses = [(where, name, picture) for where, name, picture in _pictures(content) if picture.kind == "svg"]
    if not uses:
        return
    from handbook.layout.figures import svg_problem, svg_texts  # here: it imports the drawing machinery
    from handbook.layout.styles import covered

    have = covered()
    found: dict[Path, str] = {}  # a drawing shown on many steps is drawn once
    for where, name, picture in uses:
        if picture.file not in found:
            problem = svg_problem(picture.file, picture.width_px, picture.height_px)
            if not problem:
                missing = "".join(missing_in(text, have)[:1] for text in svg_texts(picture.file))
                problem = f"text in the drawing: {glyph_message(missing[0])}" if missing else ""
            found[picture.file] = problem
        problem = found[picture.file]
        if problem:
            place = where(name)
            shown = display_path(picture.file.relative_to(content.root.resolve()))
            yield Problem(place.path, place.line, place.col, name, f"'{shown}': {problem}")


def _link_problems(content: Content) -> Iterator[Problem]:
    """An error at each link too long for the QR code the handbook and the card print of it."""
    linked = [routine for routine in content.routines if routine.link]
    if not linked:
        return
    from handbook.layout.qr import qr_problem  # here: it imports the QR encoder

    for routine in linked:
        assert routine.link is not None
        problem = qr_problem(routine.link)
        if problem:
            place = routine.where("link")
            yield Problem(place.path, place.line, place.col, "link", problem)


def _pictures(content: Content) -> Iterator[tuple[Any, str, Picture]]:
    """(where-function, field, picture) for every picture file the printouts show: the logo, each routine's."""
    if content.book.clinic.logo is not None:
        yield content.book.where, "clinic.logo", content.book.clinic.logo
    for routine in content.routines:
        if routine.picture is not None:
            yield routine.where, "picture.file", routine.picture
        for number, step in enumerate(routine.steps, start=1):
            if step.picture is not None:
                yield routine.where, f"steps[{number}].picture.file", step.picture
