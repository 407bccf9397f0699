"""The content folder's edge: a file read as content must really be inside the folder.

A link (a symlink, or a folder such as faq/ that is one) or a `..` can lead a name that
looks inside the content folder to a file anywhere on the disk. Every content file
(book.yaml, routines, FAQ topics, poses, pictures and what an SVG drawing refers to) is
checked here before it is opened, so nothing outside the folder is ever read.
"""

from __future__ import annotations

from pathlib import Path

from handbook.errors import Problem

OUTSIDE_LINK = "leads outside the content folder through a link; copy it into the folder instead"


def leads_outside(path: Path, root: Path) -> bool:
    """Whether `path`, with every link followed, is outside `root` (a loop of links counts as outside)."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links: RuntimeError before Python 3.13, OSError after
        return True


def outside_problem(path: Path, root: Path) -> Problem | None:
    """An error naming `path` when it leads outside `root`, or None when it is inside."""
    return Problem(path, 0, 0, "", OUTSIDE_LINK) if leads_outside(path, root) else None
