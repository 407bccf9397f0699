"""The last check before anything is printed: the content, in the language asked for, every character printable.

`handbook build`, `card` and `cards` load the content here: `--language` replaces the
book's own language (every printed label follows it; the content stays as written), and
a character the typeface cannot print is a content error at its `file:line:col`, like
any other, before a single page is drawn, never an empty box on paper.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from handbook.content.loader import load_content
from handbook.errors import ContentError
from handbook.model import Content


def with_language(content: Content, language: str | None) -> Content:
    """The content with its printed labels in `language` (None: the book's own)."""
    if language is None or language == content.book.language:
        return content
    return replace(content, book=replace(content.book, language=language))


def load_for_print(content_dir: Path, language: str | None = None) -> Content:
    """Load and validate the content for printing; `ContentError` lists every problem."""
    from handbook.checks.glyphs import missing_glyphs

    content = with_language(load_content(content_dir), language)
    problems = missing_glyphs(content)
    if problems:
        raise ContentError(problems)
    return content
