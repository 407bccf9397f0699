"""Problems found in content, and the exceptions that carry them to the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at a place a maintainer can jump to.

    Renders like a compiler message:
    ``routines/psoas-release.yaml:14:11: steps[2].hold_seconds: expected ...``
    """

    path: Path
    line: int
    col: int
    field: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line:  # line 0: the problem is the file or folder itself
            where = f"{where}:{self.line}:{self.col}"
        label = "warning: " if self.severity == "warning" else ""
        if self.field:
            return f"{where}: {label}{self.field}: {self.message}"
        return f"{where}: {label}{self.message}"


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it.

    A control character in a file name (a newline, say) is shown escaped, so every
    message stays on one line.
    """
    try:
        text = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        text = str(path)
    return printable(text)


def printable(text: str) -> str:
    """`text` on one line: with control characters (a newline in a file name) escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


class HandbookError(Exception):
    """Base of every error the tool reports to the user as a clean message (exit 1)."""


class UsageProblem(HandbookError):
    """What was typed on the command line cannot be used: exit 2, after the command's usage line.

    `problems` pairs the option or argument as it is named on the command line ("--hold",
    "SLUG") with why it cannot be used; an empty name stands for the command line as a
    whole (options that exclude each other). Content, files and output are never usage:
    their problems are `ContentError` and `OutputError` (exit 1).
    """

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"{name}: {why}" if name else why for name, why in problems))


class ContentError(HandbookError):
    """The content folder has one or more problems; all of them are listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.col))
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(HandbookError):
    """A file could not be written (folder is a file, no permission, disk full)."""
