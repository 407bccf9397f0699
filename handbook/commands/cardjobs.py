"""Cards to make: which routine, for whom, on what paper, into which file; and making them.

A job is planned and checked first (`plan_cards`; a patients' file in `patients`), then
the cards are rendered and written in chunks (`make_chunk`, in a worker pool when there
are many, `handbook.output.pool`), each with one line to print. A card that does not fit
one page is refused on its own line and nothing is written for it; the others are
written. Cards are written in chunks of up to `CHUNK`, together with one flush to disk
(`write_many`): waiting for the disk once per file cost more than drawing the card.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from handbook.checks.dose import dose_warnings
from handbook.commands.cardfiles import card_path
from handbook.content.personal import GENERIC, OVERRIDES, Personal, personal_routine, side_problem
from handbook.content.schema import SLUG_RE, did_you_mean
from handbook.errors import Problem, UsageProblem, display_path
from handbook.layout.card import CardDoesNotFit, CardRequest, render_card_sides, request_for
from handbook.model import Content, Routine
from handbook.output.files import ensure_folder, write_many
from handbook.output.pool import map_chunks

CHUNK = 32  # cards written (and flushed to disk) together; a worker holds at most this many PDFs


@dataclass(frozen=True)
class CardJob:
    """One card to make: the routine, the paper, for whom, where, and a label for messages."""

    slug: str
    paper: str
    path: Path
    personal: Personal = GENERIC
    label: str = ""  # "patients.csv:4" for a CSV row, "" otherwise
    large_print: bool = False


@dataclass(frozen=True)
class Outcome:
    """One line to print: `wrote ...` (ok), why a card was refused, or a warning (ok, on stderr)."""

    ok: bool
    text: str
    warning: bool = False


def check_slugs(content: Content, slugs: list[str]) -> list[str]:
    """Why each of `slugs` cannot be carded: not a slug at all, or no such routine."""
    known = [r.slug for r in content.routines]
    messages = []
    for slug in slugs:
        stem = PurePath(slug).stem if slug.endswith((".yaml", ".yml")) else None
        if stem in known:  # a file name or path, where the command wants the routine's slug
            messages.append(f"{slug!r} is a file name: use the routine's name, {stem} (see 'handbook list')")
        elif not SLUG_RE.fullmatch(slug):
            shown = repr(slug) if slug.strip() else "an empty name"
            messages.append(f"{shown} is not a routine name: use the file name of a routine without "
                            "'.yaml', in lower-case letters, digits and dashes (see 'handbook list')")
        elif slug not in known:
            hint = did_you_mean(slug, known)
            hint = (f"{hint} ('handbook list' shows them all)" if hint
                    else "; see 'handbook list' for the routines there are")
            messages.append(f"no routine '{slug}' in {content.root}{hint}")
    return messages


def plan_cards(content: Content, slugs: list[str] | None, paper: str | None, out_dir: Path,
               personal: Personal = GENERIC, large_print: bool = False) -> list[CardJob]:
    """The cards of `slugs` (all routines when None), after checking every slug."""
    if slugs is not None:
        problems = check_slugs(content, slugs)
        if problems:
            raise UsageProblem([("SLUG...", problem) for problem in problems])
    chosen = slugs if slugs is not None else [r.slug for r in content.routines]
    sides = [problem for slug in chosen if (problem := side_problem(content.routine(slug), personal))]
    if sides:
        raise UsageProblem([("--side", problem) for problem in sides])
    paper = paper or content.book.paper
    unique = list(dict.fromkeys(chosen))
    return [CardJob(slug, paper, card_path(out_dir, slug, personal, large_print), personal, large_print=large_print)
            for slug in unique]


def personal_dose_warnings(routine: Routine, personal: Personal) -> list[tuple[str, str]]:
    """(option or column, message) for each of the patient's numbers that makes no sense for `routine`."""
    if not personal.dose:
        return []
    names = {field: option for option, field in OVERRIDES.items()}
    dose = personal_routine(routine, personal).dose
    return [(names.get(field, "dose"), message) for field, message in dose_warnings(dose)
            if field in personal.dose or field == "dose"]


def make_cards(content: Content, jobs: list[CardJob]) -> Iterator[Outcome]:
    """Render and write the planned cards (in parallel when there are many), one outcome each, in order."""
    for folder in dict.fromkeys(job.path.parent for job in jobs):
        ensure_folder(folder)  # a bad --out is one error, not one per card
    yield from map_chunks(make_chunk, content, jobs, CHUNK, warm=_warm)


def request(content: Content, job: CardJob) -> CardRequest:
    """The card a job asks for: the routine with the patient's dose, name and note."""
    personal = job.personal
    plain = request_for(content, personal_routine(content.routine(job.slug), personal), job.paper, job.large_print)
    weeks = personal.weeks
    return replace(plain, weeks=weeks if weeks is not None else plain.weeks, patient=personal.name,
                   note=personal.note, personal_dose=any(key != "weeks" for key in personal.dose))


def sides_said(count: int) -> str:
    """How a card that continues on its back is printed, said after its file."""
    sheets = "" if count == 2 else " on 2 sheets"
    return f"{count} sides{sheets}: print double-sided"


def refused(job: CardJob, problem: Problem) -> Outcome:
    """The line of a card that does not fit: its problem, after the CSV row it came from if any."""
    return Outcome(False, f"{job.label}: {problem.message}" if job.label else str(problem))


def make_chunk(content: Content, jobs: Sequence[CardJob]) -> list[Outcome]:
    """Render a few cards and write them together (`write_many`: one flush to disk), one outcome each.

    Never raises for a card that does not fit or a file that cannot be written: those are
    outcomes too, and the other cards are still made.
    """
    outcomes: list[Outcome | None] = []
    files: list[tuple[Path, bytes]] = []
    sides: list[int] = []
    for job in jobs:
        try:
            data, count = render_card_sides(request(content, job))
            files.append((job.path, data))
            outcomes.append(None)
            sides.append(count)
        except CardDoesNotFit as exc:
            outcomes.append(refused(job, exc.problem))
    errors = iter(write_many(files))
    sides_of = iter(sides)
    done = []
    for job, outcome in zip(jobs, outcomes, strict=True):
        if outcome is None:
            error, count = next(errors), next(sides_of)
            said = f" ({sides_said(count)})" if count > 1 else ""
            outcome = Outcome(False, str(error)) if error else Outcome(True, f"wrote {display_path(job.path)}{said}")
        done.append(outcome)
    return done


def _warm() -> None:
    from handbook.layout import styles

    styles.register_fonts()  # once, before the workers start, so they start warm
