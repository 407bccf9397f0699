"""`handbook figures`: write OUT/figures.pdf, every pose a routine can show, with its name."""

from __future__ import annotations

from pathlib import Path

from handbook.checks.glyphs import pose_glyphs
from handbook.content.loader import load
from handbook.content.poses import builtin_poses, load_library
from handbook.errors import ContentError
from handbook.layout.contactsheet import ContactSheet, render_contact_sheet
from handbook.layout.styles import covered
from handbook.output.files import write_atomic

FILE_NAME = "figures.pdf"


def write_contact_sheet(content_dir: Path, out_dir: Path, paper: str | None = None) -> tuple[Path, ContactSheet]:
    """Write OUT/figures.pdf from the built-in poses and the clinic's; refuse broken pose files.

    `paper`: None for book.yaml's, or A4 when there is no content folder (or it does not load:
    the contact sheet is how a clinic checks its poses while the content is still in progress).
    """
    if paper is None:
        loaded = load(content_dir).content if content_dir.is_dir() else None
        paper = loaded.book.paper if loaded is not None else "a4"
    library = load_library(content_dir if content_dir.is_dir() else None)
    poses = [library.poses[name] for name in library.names()]
    problems = library.problems + pose_glyphs(poses, covered())
    if problems:
        raise ContentError(problems)
    builtin = builtin_poses()
    replacing = frozenset(pose.name for pose in poses if not pose.builtin and pose.name in builtin)
    sheet = render_contact_sheet(poses, replacing, paper)
    path = out_dir / FILE_NAME
    write_atomic(path, sheet.data)
    return path, sheet
