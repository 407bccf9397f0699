"""`handbook new`, `handbook plan --new`, `handbook init` and `handbook schema`: a routine file, a plan
file, a clinic's folder, a JSON Schema."""

from __future__ import annotations

import json
import os
import shutil
from importlib import resources
from pathlib import Path

from handbook.content import fields
from handbook.content.loader import SUFFIXES
from handbook.content.scaffold import plan_scaffold, routine_scaffold
from handbook.content.schema import MAX_SLUG, SLUG_RE
from handbook.errors import HandbookError, UsageProblem, display_path
from handbook.output.files import write_new

SAMPLE_PACKAGE_DIR = "sample"
# `handbook init` keeps patient data off shared repositories: plan files name a patient, and
# everything printed (cards for a patient, programmes) does too.
GITIGNORE = """\
# Patient data stays on this computer, never in git: plan files (one patient each) and
# everything printed (personal cards and programmes name the patient).
plans/
output/
"""


def new_routine(root: Path, slug: str) -> Path:
    """Write a scaffold for a new routine; refuse a bad slug or an existing file."""
    if not SLUG_RE.fullmatch(slug):
        raise UsageProblem([("SLUG", f"'{slug}' is not a valid routine name: use lower-case letters, digits and "
                                     "dashes, e.g. 'hip-flexor-stretch'")])
    if len(slug) > MAX_SLUG:
        raise UsageProblem([("SLUG", f"'{slug[:20]}...' is too long for a routine name ({len(slug)} characters); "
                                     f"use at most {MAX_SLUG}, e.g. 'hip-flexor-stretch'")])
    if slug == "book":
        raise UsageProblem([("SLUG", "'book' is reserved for book.yaml; choose another name")])
    if not root.is_dir():
        raise HandbookError(f"{display_path(root)}: content folder does not exist; create one with 'handbook init DIR'")
    for suffix in SUFFIXES:
        existing = root / f"{slug}{suffix}"
        if existing.exists():
            raise HandbookError(f"{display_path(existing)}: already exists; edit it or choose another name")
    path = root / f"{slug}.yaml"
    write_new(path, routine_scaffold())
    return path


def init(target: Path) -> Path:
    """Create `target/routines/` from the bundled sample content."""
    try:
        if target.exists() and not target.is_dir():
            raise HandbookError(f"{display_path(target)}: is a file; choose a new or empty folder")
        if target.is_dir() and any(target.iterdir()):
            raise HandbookError(f"{display_path(target)}: folder is not empty; choose a new or empty folder")
    except OSError as exc:  # a name too long for the system, a folder that cannot be read
        raise HandbookError(f"{display_path(target)}: cannot use this folder: {exc.strerror or exc}") from None
    destination = target / "routines"
    sample = resources.files("handbook") / SAMPLE_PACKAGE_DIR
    with resources.as_file(sample) as source:
        try:
            shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        except OSError as exc:
            raise HandbookError(f"{display_path(destination)}: cannot create: {exc.strerror or exc}") from None
    write_new(target / ".gitignore", GITIGNORE)
    return destination


def new_plan(path: Path, content_dir: Path) -> Path:
    """Write a plan template at `path`; refuse a name that is not FILE.yaml, or a file that exists.

    The template names the routines of `content_dir` and points editors at its plan schema,
    when there are any; it needs neither.
    """
    if path.suffix not in SUFFIXES:
        raise HandbookError(f"{display_path(path)}: a plan file's name ends in .yaml, e.g. plans/ana-oneil.yaml")
    if path.exists():
        raise HandbookError(f"{display_path(path)}: already exists; edit it, or choose another name")
    routines = []
    if content_dir.is_dir():
        routines = sorted(p.stem for p in content_dir.iterdir()
                          if p.suffix in SUFFIXES and p.stem != "book" and SLUG_RE.fullmatch(p.stem))
    schema = content_dir / "schema" / "plan.schema.json"
    ref = Path(os.path.relpath(schema.resolve(), path.parent.resolve())).as_posix() if schema.is_file() else None
    write_new(path, plan_scaffold(display_path(path), routines, ref))
    return path


def schema_text(kind: str) -> str:
    """The JSON Schema of a routine, FAQ topic or book file, as text."""
    return json.dumps(fields.json_schema(kind), indent=2, ensure_ascii=False) + "\n"
