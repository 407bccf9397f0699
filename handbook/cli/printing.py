"""The commands that print: build, card, cards, plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from handbook import LANGUAGES
from handbook.cli.group import (
    Failed,
    cli,
    content_option,
    language_option,
    large_print_option,
    out_option,
    paper_option,
)

# --- build commands (handbook build) ---


@cli.command(short_help="Validate everything, then write OUT/handbook.pdf.")
@content_option
@out_option("to write handbook.pdf into")
@paper_option(["a4", "letter"], "Paper size; overrides 'paper' in book.yaml.")
@language_option
@large_print_option
@click.option("--booklet", is_flag=True,
              help="Also write OUT/handbook-booklet.pdf: A5 pages two to an A4 sheet (half-letter on Letter) "
                   "in booklet order, to print on both sides, fold and staple.")
def build(content_dir: Path, out_dir: Path, paper: str | None, language: str | None, large_print: bool,
          booklet: bool) -> None:
    """Validate everything, then write OUT/handbook.pdf.

    Nothing is written when the content has a problem, and a failed build leaves the
    previous handbook.pdf as it was. Large print goes to OUT/handbook-large.pdf.

    \b
    Examples:
      handbook build --paper letter
      handbook build --language es --booklet
      handbook build --large-print
    """
    from handbook.commands.build import build_handbook
    from handbook.errors import display_path

    for written in build_handbook(content_dir, out_dir, paper, language=language, large_print=large_print,
                                  booklet=booklet, warn=lambda note: click.echo(note, err=True)):
        click.echo(f"wrote {display_path(written.path)} ({written.summary})")


# --- card commands (handbook card, handbook cards) ---

card_out_option = out_option("whose cards/ subfolder gets the PDFs")
card_paper_option = paper_option(["a4", "letter", "a5"], "Paper size; default: 'paper' in book.yaml.")
card_weeks_option = click.option("--weeks", metavar="N", default=None,
                                 help="Weeks to tick off (rows of the grid); also the dose's weeks.")


def _report_cards(outcomes: Any) -> None:
    """Print each card's line as it is made; fail (exit 1) if any card was refused."""
    refused = 0
    try:
        for outcome in outcomes:
            click.echo(outcome.text, err=not outcome.ok or outcome.warning)
            refused += not outcome.ok
    finally:
        outcomes.close()  # at once, not when collected: stops the worker pool if printing failed or was interrupted
    if refused:
        raise Failed(f"{refused} card{'s were' if refused != 1 else ' was'} not written")


@cli.command(short_help="Write the cards of the routines named.")
@click.argument("slugs", metavar="SLUG...", nargs=-1)
@content_option
@card_out_option
@card_paper_option
@click.option("--for", "patient", metavar="NAME", help="The patient's name: printed on the card and in its file name.")
@click.option("--hold", metavar="SECONDS", help="Seconds to hold, e.g. 30 or 20-30.")
@click.option("--reps", metavar="N", help="Times to repeat.")
@click.option("--sets", metavar="N", help="Sets.")
@click.option("--times-a-day", "times_a_day", metavar="N", help="Times a day.")
@card_weeks_option
@click.option("--side", type=click.Choice(["left", "right"], case_sensitive=False), default=None,
              help="One side only, for a routine done on each side.")
@click.option("--note", metavar="TEXT", help="A short note from the clinician, printed on the card.")
@click.option("--strict", is_flag=True, help="Refuse a number that makes no sense for the routine, instead of a "
                                              "warning.")
@language_option
@large_print_option
def card(slugs: tuple[str, ...], content_dir: Path, out_dir: Path, paper: str | None, patient: str | None,
         hold: str | None, reps: str | None, sets: str | None, times_a_day: str | None, weeks: str | None,
         side: str | None, note: str | None, strict: bool, language: str | None, large_print: bool) -> None:
    """Write cards OUT/cards/SLUG.pdf for the routines named (a front and back when one side is too little).

    \b
    Examples:
      handbook card psoas-release --paper a5
      handbook card psoas-release --for "Ana María O'Neil" --hold 30 --reps 5 --times-a-day 2
      handbook card psoas-foam-roller --for "Ana María O'Neil" --side left
      handbook card psoas-release --large-print --language de
    """
    from handbook.commands.cards import Printing, card_command

    options = {"name": patient, "note": note, "hold": hold, "reps": reps, "sets": sets,
               "times_a_day": times_a_day, "weeks": weeks, "side": side}
    printing = Printing(paper, language, large_print, strict=strict)
    if not slugs:
        raise click.UsageError("name the routines to print, e.g. 'handbook card psoas-release'; "
                               "'handbook list' shows them all")
    _report_cards(card_command(content_dir, list(slugs), out_dir, printing, options))


@cli.command(short_help="Write a card for every routine, or every row of a CSV.")
@content_option
@card_out_option
@card_paper_option
@card_weeks_option
@click.option("--patients", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              metavar="FILE.csv",
              help="One personal card per row: columns name, routine, and any of hold, reps, sets, "
                   "times_a_day, weeks, side, note.")
@language_option
@large_print_option
@click.option("--2up", "two_up", is_flag=True,
              help="Instead of one file per card, write OUT/cards-2up.pdf: A5 cards two to an A4 sheet "
                   "(half-letter on Letter), with cut marks; cards with a back print double-sided.")
@click.option("--strict", is_flag=True, help="Refuse a row whose numbers make no sense for its routine, instead of "
                                              "a warning.")
def cards(content_dir: Path, out_dir: Path, paper: str | None, weeks: str | None, patients: Path | None,
          language: str | None, large_print: bool, two_up: bool, strict: bool) -> None:
    """Write a card for every routine (or every row of a patients' file), each OUT/cards/SLUG.pdf.

    \b
    Examples:
      handbook cards --paper letter
      handbook cards --patients patients.csv
      handbook cards --2up --language fr
    """
    from handbook.commands.cards import Printing, cards_command

    printing = Printing(paper, language, large_print, two_up, strict)
    _report_cards(cards_command(content_dir, out_dir, printing, weeks, patients))


# --- a patient's programme (handbook plan) ---


def _plan_file(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix not in (".yaml", ".yml"):
        raise click.BadParameter(f"'{value}' is not a plan file: its name ends in .yaml, e.g. plans/ana-oneil.yaml")
    return value


@cli.command(short_help="Print one patient's programme: PDF and text.")
@click.argument("plan_file", metavar="FILE.yaml", type=click.Path(path_type=Path, dir_okay=False),
                callback=_plan_file)
@content_option
@out_option("whose plans/ subfolder gets FILE.pdf and FILE.txt")
@paper_option(["a4", "letter"], "Paper size; overrides 'paper' in the plan file and in book.yaml.")
@click.option("--language", type=click.Choice(LANGUAGES, case_sensitive=False), default=None,
              help="Language of the printed labels; overrides 'language' in the plan file and in book.yaml.")
@click.option("--large-print", "large_print", is_flag=True,
              help="Large print (body text 18 pt), as 'large_print: true' in the plan file.")
@click.option("--strict", is_flag=True, help="Refuse a number that makes no sense for its routine, instead of a "
                                              "warning.")
@click.option("--new", "new_file", is_flag=True, help="Write a plan file to fill in at FILE.yaml instead, with a "
                                                       "comment on every field; never over an existing file.")
def plan(plan_file: Path, content_dir: Path, out_dir: Path, paper: str | None, language: str | None,
         large_print: bool, strict: bool, new_file: bool) -> None:
    """Print one patient's programme: OUT/plans/FILE.pdf and FILE.txt.

    The PDF: a first page with the patient, dates and every exercise's dose, a
    personal card per exercise (as 'handbook card SLUG --for NAME' makes it), and
    a weekly log to tick and bring back. FILE.txt: the programme in plain text, for
    the clinical notes. Print the PDF double-sided: each card is a sheet of its own.
    Nothing is written when the plan or the content has a problem.

    \b
    Examples:
      handbook plan --new plans/ana-oneil.yaml
      handbook plan plans/ana-oneil.yaml
      handbook plan plans/ana-oneil.yaml --large-print --language es
    """
    from handbook.errors import display_path

    if new_file:
        from handbook.commands.scaffold import new_plan

        path = new_plan(plan_file, content_dir)
        click.echo(f"wrote {display_path(path)}; fill in the patient and the exercises, then run "
                   f"'handbook plan {display_path(path)}'")
        return
    from handbook.commands.plan import PlanPrinting, plan_command

    for outcome in plan_command(plan_file, content_dir, out_dir, PlanPrinting(paper, language, large_print, strict)):
        click.echo(outcome.text, err=outcome.warning)
