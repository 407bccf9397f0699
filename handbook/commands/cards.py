"""`handbook card` and `handbook cards`: check what the clinician asked for, then make the cards.

Everything a command is given (slugs, a patient's name, dose overrides) is checked before
any card is drawn or any path is built (a blank name too: it would be the card without a
name); the cards are then made by `cardjobs`. The command fails (exit 1) if any card was
refused.

Large-print cards get their own file names (`SLUG-large.pdf`), so they never replace the
normal ones; content where a routine's card would have another's large-print name is
refused (`cardfiles`). `--2up` lays every card out on A5 (half-letter for a Letter book)
and puts them two to an A4 (Letter) sheet with cut marks, in one file, `cards-2up.pdf`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.checks.dose import side_words
from handbook.commands.cardfiles import LARGE_SUFFIX, card_file_clashes
from handbook.commands.cardjobs import (
    CardJob,
    Outcome,
    make_cards,
    personal_dose_warnings,
    plan_cards,
    refused,
    request,
)
from handbook.commands.qrcodes import made_meanwhile
from handbook.content.personal import Personal, check_personal
from handbook.errors import ContentError, HandbookError, OutputError, UsageProblem
from handbook.model import Content

OPTION_NAMES = {"name": "--for", "note": "--note", "hold": "--hold", "reps": "--reps", "sets": "--sets",
                "times_a_day": "--times-a-day", "weeks": "--weeks", "side": "--side"}


def options_personal(options: Mapping[str, str | None]) -> Personal:
    """The patient's name, note and dose from command-line options, or `UsageProblem` saying what is wrong."""
    covered = None
    if any(options.get(key) for key in ("name", "note")):
        from handbook.layout.styles import covered as font_covered  # here: it reads the font files

        covered = font_covered()
    personal, problems = check_personal(options, Path("options"), covered=covered)
    wrong = [(OPTION_NAMES.get(p.field, p.field), p.message) for p in problems]
    name = options.get("name")
    if name is not None and not name.strip():  # not the card without a name: that would replace SLUG.pdf
        wrong.insert(0, (OPTION_NAMES["name"], f"is blank; write the patient's name, or leave {OPTION_NAMES['name']} "
                                               "out for the card without a name"))
    if personal is None or wrong:
        raise UsageProblem(wrong)
    return personal


@dataclass(frozen=True)
class Printing:
    """How the cards of one command are printed: paper (None: the book's), language, large print, 2-up,
    and whether a patient's number that makes no sense is refused (`strict`) or only warned about."""

    paper: str | None = None
    language: str | None = None  # None: the book's
    large_print: bool = False
    two_up: bool = False
    strict: bool = False


def load_for_cards(content_dir: Path, language: str | None, warn: Callable[[str], None] | None = None) -> Content:
    """The content, checked for printing and for card files that would have one name (`card_file_clashes`)."""
    from handbook.commands.printing import load_for_print

    content = load_for_print(content_dir, language, warn)
    clashes = card_file_clashes(content)
    if clashes:
        raise ContentError(clashes)
    return content


def card_command(content_dir: Path, slugs: list[str], out_dir: Path, printing: Printing,
                 options: Mapping[str, str | None]) -> Iterator[Outcome]:
    """`handbook card SLUG...`: check the slugs and options, then make each card.

    A patient's number that makes no sense for a routine is a warning line; `strict`
    refuses it instead, and nothing is written.
    """
    personal = options_personal(options)
    notes: list[str] = []
    content = load_for_cards(content_dir, printing.language, notes.append)
    yield from (Outcome(True, note, warning=True) for note in notes)
    jobs = plan_cards(content, slugs, printing.paper, out_dir, personal, printing.large_print)
    warnings = [(f"{OPTION_NAMES[option]}: {message}" if option in OPTION_NAMES else f"the dose {message}")
                + f" (for {job.slug})"
                for job in jobs for option, message in personal_dose_warnings(content.routine(job.slug), personal)]
    if personal.side is not None:
        warnings += [f"--side {personal.side}: {said}, printed as written (for {job.slug})"
                     for job in jobs for said in side_words(content.routine(job.slug))]
    if warnings and printing.strict:
        raise HandbookError("\n".join([*warnings, "stopped by --strict: nothing was written"]))
    for warning in warnings:
        yield Outcome(True, f"warning: {warning}", warning=True)
    yield from make_cards(content, jobs)


def cards_command(content_dir: Path, out_dir: Path, printing: Printing, weeks: str | None,
                  patients: Path | None) -> Iterator[Outcome]:
    """`handbook cards`: a card for every routine, or one per row of a patients' CSV file; 2-up on request."""
    personal = options_personal({"weeks": weeks})
    if patients is not None and weeks is not None:
        raise UsageProblem([("", "--weeks and --patients cannot be used together; put the weeks in a 'weeks' "
                                 "column of the file instead")])
    notes: list[str] = []
    with made_meanwhile(content_dir):  # the QR codes of the links, on the core that reading leaves idle
        content = load_for_cards(content_dir, printing.language, notes.append)
    yield from (Outcome(True, note, warning=True) for note in notes)
    paper = printing.paper or content.book.paper
    if printing.two_up:
        from handbook.layout.styles import HALF_PAPER

        paper = HALF_PAPER[paper]
    if patients is not None:
        from handbook.commands.patients import patient_cards, plan_patient_cards

        if printing.two_up:
            planned = plan_patient_cards(content, patients, paper, out_dir, printing.large_print, printing.strict)
            yield from two_up_cards(content, planned, out_dir, printing.large_print)
        else:
            yield from patient_cards(content, patients, paper, out_dir, printing.large_print, printing.strict)
    else:
        jobs = plan_cards(content, None, paper, out_dir, personal, printing.large_print)
        if printing.two_up:
            yield from two_up_cards(content, list(jobs), out_dir, printing.large_print)
        else:
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
    from handbook.errors import display_path
    from handbook.layout.card import CardDoesNotFit, render_card_sides
    from handbook.model.labels import labels
    from handbook.output import impose
    from handbook.output.files import in_the_way, write_atomic

    if in_the_way(out_dir):  # an unusable --out fails before the cards are drawn
        raise OutputError(in_the_way(out_dir))
    pages: list[bytes] = []
    sides: list[int] = []
    paper = "a5"
    for item in planned:
        if isinstance(item, Outcome):
            yield item
            continue
        paper = item.paper
        try:
            data, count = render_card_sides(request(content, item))
        except CardDoesNotFit as exc:
            yield refused(item, exc.problem)
            continue
        pages.append(data)
        sides.append(count)
    if not pages:
        return
    book = content.book
    lang = labels(book.language)
    info = {"Title": lang("cards.title"), "Author": book.clinic.name, "Subject": book.title, "Creator": "handbook"}
    sheet = impose.two_up(impose.concatenate(pages, info, book.language), paper, sides)
    path = two_up_file(out_dir, large_print)
    write_atomic(path, sheet)
    sheets = -(-sum(-(-count // 2) for count in sides) // 2)  # two leaves to a sheet
    sheet_name = "Letter" if paper == "half-letter" else "A4"
    how = ("print double-sided, flipping on the short edge, then cut along the marks" if max(sides) > 1
           else "cut along the marks")
    yield Outcome(True, f"wrote {display_path(path)} ({len(pages)} card{'s' if len(pages) != 1 else ''} on "
                        f"{sheets} {sheet_name} sheet{'s' if sheets != 1 else ''}; {how})")


def generic_card(content: Content, slug: str, paper: str | None = None) -> tuple[bytes, int]:
    """The routine's card without a name, made in memory (as `handbook card SLUG` writes it), and its sides:
    `handbook serve` answers with it. `HandbookError` when there is no such routine or it does not fit."""
    from handbook.layout.card import CardDoesNotFit, render_card_sides

    job = plan_cards(content, [slug], paper, Path())[0]
    try:
        return render_card_sides(request(content, job))
    except CardDoesNotFit as exc:
        raise HandbookError(str(exc.problem)) from None
