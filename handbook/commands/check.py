"""`handbook check` and `handbook list`: every problem of a content folder, and what is in it.

`check` writes nothing: it loads and validates everything (`handbook.content.loader`),
then makes the checks printing makes (fonts, SVG drawings: `printing.print_problems`),
fits every card on three papers at two sizes, and measures readability. `cli` prints
what these functions return.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from handbook.checks import readability
from handbook.checks.dose import dose_warnings, step_warnings
from handbook.checks.readability import Measure
from handbook.checks.review import review_warnings
from handbook.commands.cardfiles import card_file_clashes
from handbook.content.folder import leads_outside
from handbook.content.loader import SUFFIXES, load
from handbook.errors import Problem
from handbook.model import Content


@dataclass
class CheckReport:
    """What `handbook check` found."""

    problems: list[Problem]
    routines: int
    topics: int
    measures: list[Measure] = field(default_factory=list)
    card_sides: dict[str, list[str]] | None = None  # per routine: "A4 2, Letter 2, A5 3", "large: A4 3, ..."

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

        Cards: the sides each card takes on A4, Letter and A5, at normal size and in large
        print ("A4 2, Letter 2, A5 3; large: A4 3, Letter 4, A5 too long").
        """
        if not self.measures:
            return ""
        width = max(len(m.slug) for m in self.measures) + 6
        cards = self.card_sides is not None
        lines = [f"{'':<{width}} grade  longest sentence  steps  list items" + ("  card sides" if cards else "")]
        for m in self.measures:
            label = f"{'faq/' if m.kind == 'faq' else ''}{m.slug}"
            steps = str(m.steps) if m.kind == "routine" else "-"
            line = f"{label:<{width}} {m.grade:>5.1f}  {m.longest_sentence:>10} words  {steps:>5}  {m.list_items:>10}"
            if self.card_sides is not None:
                said = self.card_sides.get(m.slug) if m.kind == "routine" else None
                line += "  " + ("-" if said is None else "; ".join(said))
            lines.append(line)
        return "\n".join(lines)


def check(root: Path, strict: bool = False) -> CheckReport:
    """Validate a content folder without writing anything; `strict` makes warnings errors."""
    loaded = load(root)
    content = loaded.content
    routines = len(content.routines) if content else _count_yaml(root, root, exclude="book")
    topics = len(content.faq) if content else _count_yaml(root / "faq", root)
    problems = list(loaded.problems)
    measures: list[Measure] = []
    sides: dict[str, list[str]] | None = None
    if content is not None:  # fonts and card fit: only for content that loaded cleanly
        from handbook.commands.printing import print_problems  # here: it reads the fonts

        unprintable = print_problems(content)
        problems += unprintable + card_file_clashes(content)
        if not unprintable:
            card_problems, sides = card_fit(content)
            problems += card_problems
        measures, warnings = readability.measure(content)
        problems += warnings + review_warnings(content)
        for routine in content.routines:
            found = [(f"dose.{name}" if name != "dose" else "dose", message) for name, message in
                     dose_warnings(routine.dose)] + step_warnings(routine)
            for field, message in found:
                place = routine.where(field)
                problems.append(Problem(place.path, place.line, place.col, field, message, "warning"))
    if strict:
        problems = [replace(p, severity="error") for p in problems]
    problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.col))
    return CheckReport(problems, routines, topics, measures, sides)


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


def card_fit(content: Content) -> tuple[list[Problem], dict[str, list[str]]]:
    """Every routine's card fitted on A4, Letter and A5, at normal size and in large print.

    Returns the problems and, per routine, how many sides its cards take, for the table of
    `handbook check` ("A4 2, Letter 2, A5 3", "large: A4 3, Letter 4, A5 too long"). A card that does not fit on two
    sides of the book's own paper at normal size is an error (`handbook cards` would refuse
    it), on the other papers a warning. Large print is made on request for a few patients,
    so a large-print card too long for two sides is said in the table only: it does not
    fail `check --strict` or block `build`, and `handbook card --large-print` refuses that
    one card, saying by how much to shorten it.
    """
    from handbook.layout.card import CHECK_PAPERS, PAPER_NAMES, fit_card, fit_problem, request_for

    problems = []
    sides: dict[str, list[str]] = {}
    for routine in content.routines:
        said = []
        for large in (False, True):
            counts = []
            for paper in CHECK_PAPERS:
                req = request_for(content, routine, paper, large_print=large)
                fit = fit_card(req)
                counts.append(f"{PAPER_NAMES[paper]} {len(fit.sides) if fit.ok else 'too long'}")
                if not fit.ok and not large:
                    problem = fit_problem(req, fit)
                    problems.append(problem if paper == content.book.paper else replace(problem, severity="warning"))
            said.append(("large: " if large else "") + ", ".join(counts))
        sides[routine.slug] = said
    return problems, sides


def _count_yaml(folder: Path, root: Path, exclude: str = "") -> int:
    if not folder.is_dir() or leads_outside(folder, root):  # a folder outside is not even listed
        return 0
    return sum(1 for p in folder.iterdir() if p.suffix in SUFFIXES and p.stem != exclude)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _first_sentence(text: str, limit: int = 70) -> str:
    first = text.split(". ")[0].rstrip(".") + "."
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "\u2026"
