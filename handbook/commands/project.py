"""The library behind the commands that need no PDF: check, list, new, init, schema.

Each function does one command's work and returns what to print; `cli` only calls them.
Nothing here imports reportlab, so these commands start fast.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from handbook.checks import readability
from handbook.checks.readability import Measure
from handbook.content import fields
from handbook.content.loader import SUFFIXES, load
from handbook.content.scaffold import routine_scaffold
from handbook.content.schema import SLUG_RE
from handbook.errors import HandbookError, Problem, display_path
from handbook.model import Content
from handbook.output.files import write_new

SAMPLE_PACKAGE_DIR = "sample"


@dataclass
class CheckReport:
    """What `handbook check` found."""

    problems: list[Problem]
    routines: int
    topics: int
    measures: list[Measure] = field(default_factory=list)
    card_misfits: dict[str, list[str]] | None = None  # per routine: the cards that do not fit ("A5 large")

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def summary(self) -> str:
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        counted = f"{_plural(self.routines, 'routine')}, {_plural(self.topics, 'FAQ topic')}"
        verdict = "check failed" if errors else "checked"
        return f"{verdict}: {counted}, {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"

    def table(self) -> str:
        """Reading grade, longest sentence, steps, list items and card fit per routine and topic.

        Card fit: "all fit" when the card fits A4, Letter and A5 at normal size and in
        large print, else the ones too long ("too long: A5 large").
        """
        if not self.measures:
            return ""
        width = max(len(m.slug) for m in self.measures) + 6
        cards = self.card_misfits is not None
        lines = [f"{'':<{width}} grade  longest sentence  steps  list items" + ("  cards" if cards else "")]
        for m in self.measures:
            label = f"{'faq/' if m.kind == 'faq' else ''}{m.slug}"
            steps = str(m.steps) if m.kind == "routine" else "-"
            line = f"{label:<{width}} {m.grade:>5.1f}  {m.longest_sentence:>10} words  {steps:>5}  {m.list_items:>10}"
            if self.card_misfits is not None:
                misfits = self.card_misfits.get(m.slug) if m.kind == "routine" else None
                line += "  " + ("-" if misfits is None else "too long: " + ", ".join(misfits) if misfits
                                else "all fit")
            lines.append(line)
        return "\n".join(lines)


def check(root: Path, strict: bool = False) -> CheckReport:
    """Validate a content folder without writing anything; `strict` makes warnings errors."""
    loaded = load(root)
    content = loaded.content
    routines = len(content.routines) if content else _count_yaml(root, exclude="book")
    topics = len(content.faq) if content else _count_yaml(root / "faq")
    problems = list(loaded.problems)
    measures: list[Measure] = []
    misfits: dict[str, list[str]] | None = None
    if content is not None:  # fonts and card fit: only for content that loaded cleanly
        from handbook.commands.cards import card_fit
        from handbook.commands.printing import print_problems

        unprintable = print_problems(content)
        problems += unprintable
        if not unprintable:
            card_problems, misfits = card_fit(content)
            problems += card_problems
        measures, warnings = readability.measure(content)
        problems += warnings
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.col))
    return CheckReport(problems, routines, topics, measures, misfits)


def listing(content: Content) -> str:
    """The routines and FAQ topics with their slugs and one-line summaries."""
    lines = [f"Routines ({len(content.routines)})"]
    width = max((len(r.slug) for r in content.routines), default=0)
    for routine in content.routines:
        lines.append(f"  {routine.slug:<{width}}  {routine.title} \u2014 {_first_sentence(routine.summary)}")
    lines.append("")
    lines.append(f"FAQ topics ({len(content.faq)})")
    width = max((len(t.slug) for t in content.faq), default=0)
    for topic in content.faq:
        lines.append(f"  {topic.slug:<{width}}  {topic.title} ({_plural(len(topic.questions), 'question')})")
    return "\n".join(lines)


MAX_SLUG = 64  # characters: a routine's file name, card names and links stay usable


def new_routine(root: Path, slug: str) -> Path:
    """Write a scaffold for a new routine; refuse a bad slug or an existing file."""
    if not SLUG_RE.fullmatch(slug):
        raise HandbookError(
            f"'{slug}' is not a valid routine name: use lower-case letters, digits and dashes, "
            "e.g. 'hip-flexor-stretch'"
        )
    if len(slug) > MAX_SLUG:
        raise HandbookError(f"'{slug[:20]}...' is too long for a routine name ({len(slug)} characters); "
                            f"use at most {MAX_SLUG}, e.g. 'hip-flexor-stretch'")
    if slug == "book":
        raise HandbookError("'book' is reserved for book.yaml; choose another name")
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
    return destination


def schema_text(kind: str) -> str:
    """The JSON Schema of a routine, FAQ topic or book file, as text."""
    return json.dumps(fields.json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def _count_yaml(folder: Path, exclude: str = "") -> int:
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.iterdir() if p.suffix in SUFFIXES and p.stem != exclude)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _first_sentence(text: str, limit: int = 70) -> str:
    first = text.split(". ")[0].rstrip(".") + "."
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "\u2026"
