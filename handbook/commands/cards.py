"""The library behind `handbook card` and `handbook cards`: which cards, for whom, and where.

Everything a command is given (slugs, a patient's name, dose overrides) is checked before
any card is drawn or any path is built; then the cards are rendered, in a process pool
when there are many (`batch.run`), and each yields one line to print. A card that does
not fit one page is refused on its own line and nothing is written for it; the others
are written. The command fails (exit 1) if any card was refused.

Large-print cards get their own file names (`SLUG-large.pdf`), so they never replace the
normal ones. `--2up` lays every card out on A5 (half-letter for a Letter book) and puts
them two to an A4 (Letter) sheet with cut marks, in one file, `cards-2up.pdf`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from handbook.content import fields
from handbook.content.schema import INVALID, SLUG_RE, Checker, Spec, did_you_mean
from handbook.content.values import Text
from handbook.content.yamlread import Node, resolve_plain, whole_number
from handbook.errors import HandbookError, Problem
from handbook.model import Amount, Content, Routine

CARDS_DIR = "cards"
LARGE_SUFFIX = "-large"
NAME = Text(max_len=80, what="a name")
NOTE = Text(max_len=200, what="a short note")
_DOSE_SPECS = {f.name: f.spec for f in fields.DOSE.fields}
# option or CSV column -> dose field; the specs (ranges, units, messages) are the content's own
OVERRIDES: dict[str, str] = {
    "hold": "hold_seconds",
    "reps": "reps",
    "sets": "sets",
    "times_a_day": "times_per_day",
    "weeks": "weeks",
}
_RANGE = re.compile(r"\s*(\d+)\s*(?:-|\u2013|to)\s*(\d+)\s*")
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
                                "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d"})


@dataclass(frozen=True)
class Personal:
    """What one patient's card changes: the name line, a note, and dose numbers."""

    name: str | None = None
    note: str | None = None
    dose: Mapping[str, Amount] = field(default_factory=dict)

    @property
    def weeks(self) -> int | None:
        """Tick-grid rows the clinician asked for (the larger end of a range)."""
        weeks = self.dose.get("weeks")
        return None if weeks is None else int(weeks.most)


@dataclass(frozen=True)
class CardJob:
    """One card to make: the routine, the paper, for whom, where, and a label for messages."""

    slug: str
    paper: str
    path: Path
    personal: Personal = Personal()
    label: str = ""  # "patients.csv:4" for a CSV row, "" otherwise
    large_print: bool = False


@dataclass(frozen=True)
class Outcome:
    """One line to print: `wrote ...` (ok) or why a card was refused."""

    ok: bool
    text: str


def cards_folder(out_dir: Path) -> Path:
    return out_dir / CARDS_DIR


def name_slug(name: str) -> str:
    """A patient's name as a safe file-name part: "Ana María O'Neil" -> "ana-maria-o-neil".

    Accents are dropped, other letters spelled in ASCII where there is a usual way; what
    is left is lower-case letters, digits and single dashes. A name with no Latin letters
    at all gets a stable "patient-" name made from a hash of it.
    """
    flat = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATE))
    ascii_only = "".join(c for c in flat if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] or slug[:60]
    if not slug:
        slug = "patient-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return slug


def card_path(out_dir: Path, slug: str, personal: Personal = Personal(), large_print: bool = False) -> Path:
    """`OUT/cards/SLUG.pdf`, or `OUT/cards/SLUG--NAME.pdf` for a patient; never outside OUT/cards.

    Large print ends the name in `-large`: `SLUG-large.pdf`, `SLUG--NAME-large.pdf`.
    """
    if not SLUG_RE.fullmatch(slug):  # checked by the callers already; a path is never built from a bad slug
        raise HandbookError(f"'{slug}' is not a routine name")
    stem = slug if not personal.name else f"{slug}--{name_slug(personal.name)}"
    return cards_folder(out_dir) / f"{stem}{LARGE_SUFFIX if large_print else ''}.pdf"


def check_slugs(content: Content, slugs: list[str]) -> list[str]:
    """Why each of `slugs` cannot be carded: not a slug at all, or no such routine."""
    known = [r.slug for r in content.routines]
    messages = []
    for slug in slugs:
        if not SLUG_RE.fullmatch(slug):
            shown = repr(slug) if slug.strip() else "an empty name"
            messages.append(f"{shown} is not a routine name: use the file name of a routine without "
                            "'.yaml', in lower-case letters, digits and dashes (see 'handbook list')")
        elif slug not in known:
            hint = did_you_mean(slug, known) or "; see 'handbook list' for the routines there are"
            messages.append(f"no routine '{slug}' in {content.root}{hint}")
    return messages


def check_personal(values: Mapping[str, str | None], path: Path, line: int = 0,
                   columns: Mapping[str, int] | None = None) -> tuple[Personal | None, list[Problem]]:
    """A patient's name, note and dose overrides, checked like content.

    `values` holds the text as typed (options or CSV cells; None or "" when not given).
    Problems point at `path`, `line` and the cell's column; the result is None if any.
    """
    where = Checker(path, path.parent)
    checked: dict[str, Any] = {}
    for key, text in values.items():
        if text is None or not text.strip():
            continue
        col = (columns or {}).get(key, 0)
        if key in ("name", "note"):
            spec: Spec = NAME if key == "name" else NOTE
            value = spec.check(Node("scalar", text, line, col, quoted=True, text=text), key, where)
            if value is not INVALID:
                _check_glyphs(value, key, line, col, where)
        else:
            value = _DOSE_SPECS[OVERRIDES[key]].check(_number_node(text, line, col), key, where)
        if value is not INVALID:
            checked[key] = value
    if where.problems:
        return None, where.problems
    dose = {OVERRIDES[k]: v for k, v in checked.items() if k in OVERRIDES}
    return Personal(checked.get("name"), checked.get("note"), dose), []


def personal_routine(routine: Routine, personal: Personal) -> Routine:
    """The routine with the patient's dose numbers in place of its own."""
    if not personal.dose:
        return routine
    changes: dict[str, Any] = dict(personal.dose)
    return replace(routine, dose=replace(routine.dose, **changes))


def plan_cards(content: Content, slugs: list[str] | None, paper: str | None, out_dir: Path,
               personal: Personal = Personal(), large_print: bool = False) -> list[CardJob]:
    """The cards of `slugs` (all routines when None), after checking every slug."""
    if slugs is not None:
        problems = check_slugs(content, slugs)
        if problems:
            raise HandbookError("\n".join(problems))
    chosen = slugs if slugs is not None else [r.slug for r in content.routines]
    paper = paper or content.book.paper
    unique = list(dict.fromkeys(chosen))
    return [CardJob(slug, paper, card_path(out_dir, slug, personal, large_print), personal, large_print=large_print)
            for slug in unique]


def make_cards(content: Content, jobs: list[CardJob]) -> Iterator[Outcome]:
    """Render and write the planned cards (in parallel when there are many), one outcome each."""
    from handbook.commands.batch import run

    yield from run(content, jobs)


def _number_node(text: str, line: int, col: int) -> Node:
    """A typed number or range ("30", "20-30", "20 to 30") as the node the content specs check."""
    match = _RANGE.fullmatch(text)
    if match:
        low, high = match.groups()
        items = [Node("scalar", whole_number(low), line, col, text=low),
                 Node("scalar", whole_number(high), line, col, text=high)]
        return Node("seq", items, line, col, text=text)
    stripped = text.strip()
    return Node("scalar", resolve_plain(stripped), line, col, text=stripped)


def _check_glyphs(text: str, name: str, line: int, col: int, where: Checker) -> None:
    from handbook.checks.glyphs import missing_in
    from handbook.layout.styles import covered

    missing = missing_in(text, covered())
    if missing:
        where.error(line, col, name, f"the card's typeface has no letter for {', '.join(map(repr, missing))}; "
                                     "write it in Latin, Greek or Cyrillic letters")


OPTION_NAMES = {"name": "--for", "note": "--note", "hold": "--hold", "reps": "--reps", "sets": "--sets",
                "times_a_day": "--times-a-day", "weeks": "--weeks"}


def options_personal(options: Mapping[str, str | None]) -> Personal:
    """The patient's name, note and dose from command-line options, or `HandbookError` saying what is wrong."""
    personal, problems = check_personal(options, Path("options"))
    if personal is None:
        raise HandbookError("\n".join(f"{OPTION_NAMES.get(p.field, p.field)}: {p.message}" for p in problems))
    return personal


@dataclass(frozen=True)
class Printing:
    """How the cards of one command are printed: paper (None: the book's), language, large print, 2-up."""

    paper: str | None = None
    language: str | None = None  # None: the book's
    large_print: bool = False
    two_up: bool = False


def card_command(content_dir: Path, slugs: list[str], out_dir: Path, printing: Printing,
                 options: Mapping[str, str | None]) -> Iterator[Outcome]:
    """`handbook card SLUG...`: check the slugs and options, then make each card."""
    from handbook.commands.printing import load_for_print

    personal = options_personal(options)
    content = load_for_print(content_dir, printing.language)
    yield from make_cards(content, plan_cards(content, slugs, printing.paper, out_dir, personal, printing.large_print))


def cards_command(content_dir: Path, out_dir: Path, printing: Printing, weeks: str | None,
                  patients: Path | None) -> Iterator[Outcome]:
    """`handbook cards`: a card for every routine, or one per row of a patients' CSV file; 2-up on request."""
    from handbook.commands.printing import load_for_print

    personal = options_personal({"weeks": weeks})
    if patients is not None and weeks is not None:
        raise HandbookError("--weeks and --patients: put the weeks in a 'weeks' column of the file instead")
    content = load_for_print(content_dir, printing.language)
    paper = printing.paper or content.book.paper
    if printing.two_up:
        from handbook.layout.styles import HALF_PAPER

        paper = HALF_PAPER[paper]
    if patients is not None:
        from handbook.commands.batch import patient_cards, plan_patient_cards

        if printing.two_up:
            planned = plan_patient_cards(content, patients, paper, out_dir, printing.large_print)
            yield from two_up_cards(content, planned, out_dir, printing.large_print)
            return
        yield from patient_cards(content, patients, paper, out_dir, printing.large_print)
        return
    jobs = plan_cards(content, None, paper, out_dir, personal, printing.large_print)
    if printing.two_up:
        yield from two_up_cards(content, list(jobs), out_dir, printing.large_print)
        return
    yield from make_cards(content, jobs)


def two_up_file(out_dir: Path, large_print: bool = False) -> Path:
    """`OUT/cards-2up.pdf`, or `OUT/cards-large-2up.pdf`."""
    return out_dir / f"cards{LARGE_SUFFIX if large_print else ''}-2up.pdf"


def two_up_cards(content: Content, planned: Sequence[CardJob | Outcome], out_dir: Path,
                 large_print: bool = False) -> Iterator[Outcome]:
    """Render the planned cards (each at its final A5 or half-letter size) and write them two to a sheet.

    A card that does not fit, or a bad row of a patients' file, is reported on its own
    line and left out; the sheet holds the others, in order.
    """
    from handbook.commands.batch import request
    from handbook.errors import display_path
    from handbook.layout.card import CardDoesNotFit, render_card
    from handbook.model.labels import labels
    from handbook.output import impose
    from handbook.output.files import write_atomic

    pages: list[bytes] = []
    paper = "a5"
    for item in planned:
        if isinstance(item, Outcome):
            yield item
            continue
        paper = item.paper
        try:
            pages.append(render_card(request(content, item)))
        except CardDoesNotFit as exc:
            problem = exc.problem
            yield Outcome(False, f"{item.label}: {problem.message}" if item.label else str(problem))
    if not pages:
        return
    book = content.book
    lang = labels(book.language)
    info = {"Title": lang("cards.title"), "Author": book.clinic.name, "Subject": book.title, "Creator": "handbook"}
    sheet = impose.two_up(impose.concatenate(pages, info, book.language), paper)
    path = two_up_file(out_dir, large_print)
    write_atomic(path, sheet)
    sheets = -(-len(pages) // 2)
    sheet_name = "Letter" if paper == "half-letter" else "A4"
    yield Outcome(True, f"wrote {display_path(path)} ({len(pages)} card{'s' if len(pages) != 1 else ''} on "
                        f"{sheets} {sheet_name} sheet{'s' if sheets != 1 else ''}; cut along the marks)")


def card_problems(content: Content) -> list[Problem]:
    """Every routine whose card would not fit on A4, Letter or A5, at normal size or in large print."""
    return card_fit(content)[0]


def card_fit(content: Content) -> tuple[list[Problem], dict[str, list[str]]]:
    """Every routine's card fitted on A4, Letter and A5, at normal size and in large print.

    Returns the problems and, per routine, the cards that do not fit ("A5", "A4 large"),
    which `handbook check` prints in its table. At normal size, a card that does not fit
    the book's own paper is an error (`handbook cards` would refuse it), on the other
    papers a warning. Large print is made on request for a few patients, and a routine
    written for a normal card often has more than a large-print page holds; so a
    large-print misfit is reported in the table only, never as a warning or error: it
    does not fail `check --strict` or block `build`, and `handbook card --large-print`
    refuses that one card, saying by how much to shorten it.
    """
    from handbook.layout.card import CHECK_PAPERS, PAPER_NAMES, card_fits, fit_card, fit_problem, request_for

    problems = []
    misfits: dict[str, list[str]] = {}
    for routine in content.routines:
        normal, large = [], []
        for paper in CHECK_PAPERS:
            req = request_for(content, routine, paper)
            fit = fit_card(req)
            if not fit.ok:
                normal.append(PAPER_NAMES[paper])
                problem = fit_problem(req, fit)
                if paper != content.book.paper:
                    problem = replace(problem, severity="warning")
                problems.append(problem)
            # a card too long at normal size is too long in large print
            if not fit.ok or not card_fits(request_for(content, routine, paper, large_print=True)):
                large.append(f"{PAPER_NAMES[paper]} large")
        misfits[routine.slug] = normal + large
    return problems, misfits
