"""`handbook plan FILE.yaml`: one patient's programme, as OUT/plans/STEM.pdf and OUT/plans/STEM.txt.

Everything is read and checked first (the content, the plan file, every card the plan asks
for), then the PDF is made in memory, and only then are both files written, together
(`write_together`): on any problem nothing is written and the old files stay as they were.
Each exercise's card is the card `handbook card SLUG --for NAME ...` makes with that
exercise's numbers, side and note (`cardjobs.plan_cards` and `cardjobs.request`), and its
numbers are checked the way `card` checks them: a warning, or with `strict` a refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handbook.checks.dose import side_words
from handbook.commands.cardjobs import Outcome, personal_dose_warnings, plan_cards, request
from handbook.content.plans import Plan, read_plan
from handbook.errors import ContentError, HandbookError, Problem, display_path
from handbook.layout.card import CardDoesNotFit, CardRequest
from handbook.layout.plan import PlanRequest, RenderedPlan, render_plan
from handbook.model import Content
from handbook.model.epoch import source_date_epoch
from handbook.model.programme import Exercise, Programme, summary_text

PLANS_DIR = "plans"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class PlanPrinting:
    """How the command line asks for the programme: paper, language and large print (None: the plan's,
    else the book's), and whether a number that makes no sense is refused (`strict`)."""

    paper: str | None = None
    language: str | None = None
    large_print: bool = False
    strict: bool = False


def plan_paths(plan_file: Path, out_dir: Path) -> tuple[Path, Path]:
    """OUT/plans/STEM.pdf and OUT/plans/STEM.txt, STEM being the plan file's name without .yaml."""
    folder = out_dir / PLANS_DIR
    return folder / f"{plan_file.stem}.pdf", folder / f"{plan_file.stem}.txt"


def today() -> dt.date:
    """The day a plan without a start starts: SOURCE_DATE_EPOCH's (reproducible output), else today."""
    epoch = source_date_epoch()
    return dt.date.today() if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC).date()


class PlanRefused(HandbookError):
    """The plan has errors (or, with `strict`, warnings): each at its place, and nothing was made."""

    def __init__(self, problems: list[Problem], plan_file: Path, strict: bool = False) -> None:
        self.problems = problems
        end = ("stopped by --strict: nothing was written" if strict
               else _stopped_line(len(problems), plan_file))
        super().__init__("\n".join([*map(str, problems), end]))


@dataclass(frozen=True)
class MadeProgramme:
    """A programme made in memory: the PDF, its text for the clinical notes, its pages, and the warnings."""

    pdf: bytes
    text: str
    pages: int
    warnings: list[Problem]


def plan_command(plan_file: Path, content_dir: Path, out_dir: Path, printing: PlanPrinting) -> list[Outcome]:
    """Check everything, make the programme, write both files; the lines to print (warnings first)."""
    from handbook.content.loader import load_content
    from handbook.output.files import write_together

    made = make_plan(plan_file, load_content(content_dir), printing)
    pdf_path, text_path = plan_paths(plan_file, out_dir)
    write_together([(pdf_path, made.pdf), (text_path, made.text.encode("utf-8"))])
    pages = made.pages
    return [*(Outcome(True, str(warning), warning=True) for warning in made.warnings),
            Outcome(True, f"wrote {display_path(pdf_path)} ({pages} page{'s' if pages != 1 else ''}: print "
                          "double-sided; each card is a sheet of its own)"),
            Outcome(True, f"wrote {display_path(text_path)} (the programme in plain text, for the clinical notes)")]


def make_plan(plan_file: Path, content: Content, printing: PlanPrinting, text: str | None = None) -> MadeProgramme:
    """Read and check the plan against `content`, then make the programme in memory; writes nothing.

    `text`: the plan's YAML when it is not a file (`handbook serve` makes it from its form,
    and so goes through every check a plan file does). `PlanRefused` lists the plan's errors.
    """
    from handbook.commands.printing import print_problems, with_language
    from handbook.layout.styles import covered

    plan, problems = read_plan(plan_file, content, today(), covered(), text)
    errors = [p for p in problems if p.severity == "error"]
    if plan is None or errors:
        raise PlanRefused(errors, plan_file)
    content = with_language(content, printing.language or plan.language)
    glyphs = print_problems(content)
    if glyphs:
        raise ContentError(glyphs)
    paper = printing.paper or plan.paper or content.book.paper
    large_print = printing.large_print or plan.large_print
    cards = [request(content, plan_cards(content, [entry.slug], paper, Path(), entry.personal, large_print)[0])
             for entry in plan.entries]
    warnings = [*(p for p in problems if p.severity == "warning"), *dose_warnings(plan, content)]
    if warnings and printing.strict:
        raise PlanRefused([Problem(p.path, p.line, p.col, p.field, p.message) for p in warnings], plan_file, True)
    programme = make_programme(plan, content, cards)
    rendered = _render(plan, programme, cards, paper, large_print)
    return MadeProgramme(rendered.data, summary_text(programme), rendered.pages, warnings)


def make_programme(plan: Plan, content: Content, cards: list[CardRequest]) -> Programme:
    """The programme the pages print: each exercise as its card prints it."""
    book = content.book
    exercises = tuple(Exercise(card.routine, card.note, card.personal_dose) for card in cards)
    return Programme(plan.patient, book.clinic, plan.start, plan.weeks, exercises, book.language, plan.clinician,
                     plan.review, book.red_flags, book.reviewed.placeholder)


def dose_warnings(plan: Plan, content: Content) -> list[Problem]:
    """A warning at its place for each of the plan's numbers that makes no sense for its routine (as
    `card` warns about its options), and for a side the routine's words do not keep to."""
    found = []
    for entry in plan.entries:
        routine = content.routine(entry.slug)
        for key, message in personal_dose_warnings(routine, entry.personal):
            name = "weeks" if key == "weeks" else entry.field if key == "dose" else f"{entry.field}.{key}"
            place = plan.where(name)
            found.append(Problem(place.path, place.line, place.col, name,
                                 f"the dose {message}" if key == "dose" else message, "warning"))
        if entry.personal.side is not None:
            place = plan.where(f"{entry.field}.side")
            found += [Problem(place.path, place.line, place.col, f"{entry.field}.side", f"{said}, printed as written",
                              "warning") for said in side_words(routine)]
    return found


def _render(plan: Plan, programme: Programme, cards: list[CardRequest], paper: str,
            large_print: bool) -> RenderedPlan:
    """The programme's PDF; a card that does not fit on four sides is refused at its exercise."""
    try:
        return render_plan(PlanRequest(programme, tuple(cards), paper, large_print))
    except CardDoesNotFit as exc:
        number = next((n for n, card in enumerate(cards, start=1) if card.routine.file == exc.problem.path), 1)
        name = f"exercises[{number}]"
        place = plan.where(name)
        raise PlanRefused([Problem(place.path, place.line, place.col, name, exc.problem.message)],
                          plan.file) from None


def _stopped_line(count: int, plan_file: Path) -> str:
    return f"stopped: {count} problem{'s' if count != 1 else ''} in {display_path(plan_file)}; nothing was written"
