"""The command line: a thin shell over the library; the only module that imports click.

Exit codes: 0 done; 1 a content, layout or output problem (one line per problem, no
traceback); 2 wrong usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import click

from handbook import __version__
from handbook.errors import ContentError, HandbookError
from handbook.model.epoch import source_date_epoch
from handbook.model.labels import LANGUAGES

ISSUES_URL = "https://github.com/handbook-pdf/handbook/issues"

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path, file_okay=True, dir_okay=True),
    default=Path("routines"),
    show_default=True,
    help="The content folder (book.yaml, routines, faq/).",
)

language_option = click.option(
    "--language", type=click.Choice(LANGUAGES), default=None,
    help="Language of the printed labels (headings, dose words, 'page N of M'); overrides 'language' in "
         "book.yaml. The content itself is printed as written.",
)
large_print_option = click.option(
    "--large-print", "large_print", is_flag=True,
    help="Large print: body text 18 pt, headings to match, more space; written to its own *-large.pdf file.",
)


class Failed(click.ClickException):
    """A clean failure: the message is printed as it is, exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


class _Group(click.Group):
    """Turns our errors into `Failed` and any other exception into a one-line report."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            source_date_epoch()  # checked before any command: reportlab reads it too
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ContentError as exc:
            lines = [str(p) for p in exc.problems]
            errors = sum(p.severity == "error" for p in exc.problems)
            lines.append(f"stopped: {errors} problem{'s' if errors != 1 else ''} in the content; nothing was written")
            raise Failed("\n".join(lines)) from None
        except HandbookError as exc:
            raise Failed(str(exc)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # noqa: BLE001 - the user must never see a traceback
            if _interrupted(exc):
                raise click.Abort() from None
            raise Failed(
                f"handbook: internal error ({type(exc).__name__}: {exc}). This is a bug; "
                f"please report it at {ISSUES_URL} with the command you ran."
            ) from None


def _interrupted(exc: BaseException) -> bool:
    """Whether `exc` was raised while handling Ctrl-C (reportlab turns an interruption while
    it writes a reference into a KeyError with a bare `except:`)."""
    seen = exc.__context__
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__context__
    return False


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="handbook", message="%(prog)s %(version)s")
def cli() -> None:
    """Turn YAML exercise routines and FAQs into print-ready PDF handouts.

    \b
    Examples:
      handbook build                 write output/handbook.pdf from routines/
      handbook card psoas-release    write output/cards/psoas-release.pdf
      handbook check                 validate everything, report reading level
      handbook list                  show routines and FAQ topics
      handbook new hip-stretch       start a new routine from a template
      handbook init my-clinic        start a clinic's own content folder
      handbook plan plans/ana.yaml   one patient's programme: first page, cards, weekly log
      handbook serve                 a local web page to print cards and programmes
    """


@cli.command()
@content_option
@click.option("--strict", is_flag=True, help="Treat warnings (reading level, long sentences, long lists) as errors.")
def check(content_dir: Path, strict: bool) -> None:
    """Validate all content, measure readability and card fit; writes nothing.

    \b
    Reports, per routine and FAQ topic, the reading grade (Flesch-Kincaid), the
    longest sentence, and the number of steps and list items, and warns above
    grade 8, 20 words a sentence, 7 steps or 5 list items.

    \b
    Example:
      handbook check --content routines --strict
    """
    from handbook.commands.check import check as run_check

    report = run_check(content_dir, strict=strict)
    if report.measures:
        click.echo(report.table())
    for problem in report.problems:
        click.echo(str(problem), err=True)
    if not report.ok:
        raise Failed(report.summary())
    click.echo(report.summary())


@cli.command("list")
@content_option
def list_(content_dir: Path) -> None:
    """List routines and FAQ topics with their slugs and summaries.

    \b
    Example:
      handbook list
    """
    from handbook.commands.check import listing
    from handbook.content.loader import load_content

    click.echo(listing(load_content(content_dir)))


@cli.command()
@click.argument("slug")
@content_option
def new(slug: str, content_dir: Path) -> None:
    """Create SLUG.yaml: a new routine with every field and a comment on each.

    \b
    Example:
      handbook new hip-flexor-stretch
    """
    from handbook.commands.scaffold import new_routine
    from handbook.errors import display_path

    path = new_routine(content_dir, slug)
    click.echo(f"wrote {display_path(path)}; fill in the TODOs, add '{slug}' to routines in book.yaml, "
               "then run 'handbook check'")


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
def init(directory: Path) -> None:
    """Create DIRECTORY/routines/ from the bundled sample content, and a .gitignore.

    The .gitignore keeps plans/ and output/ out of git: plan files and what is printed
    from them name a patient.

    \b
    Example:
      handbook init my-clinic && cd my-clinic && handbook check
    """
    from handbook.commands.scaffold import init as run_init
    from handbook.errors import display_path

    path = run_init(directory)
    click.echo(f"wrote {display_path(path)}/ and {display_path(directory / '.gitignore')} (keeps plans/ and "
               "output/, where patients are named, out of git)")
    click.echo(f"edit book.yaml for your clinic, then run 'cd {display_path(directory)} && handbook check'")


@cli.command()
@click.argument("kind", type=click.Choice(["routine", "faq", "book", "plan"]), default="routine")
def schema(kind: str) -> None:
    """Print the JSON Schema of a routine, FAQ topic, book.yaml or patient's plan file.

    \b
    Examples:
      handbook schema routine > routines/schema/routine.schema.json
      handbook schema plan > routines/schema/plan.schema.json
    """
    from handbook.commands.scaffold import schema_text

    click.echo(schema_text(kind), nl=False)


@cli.command()
@content_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder to write figures.pdf into.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True, help="Paper size.")
def figures(content_dir: Path, out_dir: Path, paper: str) -> None:
    """Write OUT/figures.pdf: every pose a routine can show, with its name.

    The built-in poses and your own (figures/*.yaml in the content folder). Put a
    pose's name after 'figure:' in a step or a routine to print it as a picture.

    \b
    Example:
      handbook figures && open output/figures.pdf
    """
    from handbook.commands.figures import write_contact_sheet
    from handbook.errors import display_path

    path, sheet = write_contact_sheet(content_dir, out_dir, paper)
    own = "" if content_dir.is_dir() else f"; no content folder {display_path(content_dir)}, so built-in poses only"
    click.echo(f"wrote {display_path(path)} ({sheet.poses} poses, {sheet.pages} page{'s' if sheet.pages != 1 else ''}"
               f"{own})")


# --- build commands (handbook build) ---


@cli.command()
@content_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder to write handbook.pdf into.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
              help="Paper size; overrides 'paper' in book.yaml.")
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

    _language_note(content_dir, language)
    for written in build_handbook(content_dir, out_dir, paper, language=language, large_print=large_print,
                                  booklet=booklet):
        click.echo(f"wrote {display_path(written.path)} ({written.summary})")


# --- card commands (handbook card, handbook cards) ---

card_out_option = click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
                               show_default=True, help="Folder whose cards/ subfolder gets the PDFs.")
card_paper_option = click.option("--paper", type=click.Choice(["a4", "letter", "a5"]), default=None,
                                 help="Paper size; default: 'paper' in book.yaml.")
card_weeks_option = click.option("--weeks", metavar="N", default=None,
                                 help="Weeks to tick off (rows of the grid); also the dose's weeks.")


def _language_note(content_dir: Path, language: str | None) -> None:
    """Say when the labels are asked for in another language than the content is written in."""
    if language is not None:
        from handbook.commands.printing import language_note

        note = language_note(content_dir, language)
        if note:
            click.echo(note, err=True)


def _report_cards(outcomes: Any) -> None:
    """Print each card's line as it is made; fail (exit 1) if any card was refused."""
    refused = 0
    for outcome in outcomes:
        click.echo(outcome.text, err=not outcome.ok or outcome.warning)
        refused += not outcome.ok
    if refused:
        raise Failed(f"{refused} card{'s were' if refused != 1 else ' was'} not written")


@cli.command()
@click.argument("slugs", metavar="SLUG...", nargs=-1, required=True)
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

    _language_note(content_dir, language)
    options = {"name": patient, "note": note, "hold": hold, "reps": reps, "sets": sets,
               "times_a_day": times_a_day, "weeks": weeks, "side": side}
    printing = Printing(paper, language, large_print, strict=strict)
    _report_cards(card_command(content_dir, list(slugs), out_dir, printing, options))


@cli.command()
@content_option
@card_out_option
@card_paper_option
@card_weeks_option
@click.option("--patients", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="FILE.csv",
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

    _language_note(content_dir, language)
    printing = Printing(paper, language, large_print, two_up, strict)
    _report_cards(cards_command(content_dir, out_dir, printing, weeks, patients))


# --- a patient's programme (handbook plan) ---


def _plan_file(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix not in (".yaml", ".yml"):
        raise click.BadParameter(f"'{value}' is not a plan file: its name ends in .yaml, e.g. plans/ana-oneil.yaml")
    return value


@cli.command()
@click.argument("plan_file", metavar="FILE.yaml", type=click.Path(path_type=Path, dir_okay=False),
                callback=_plan_file)
@content_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder whose plans/ subfolder gets FILE.pdf and FILE.txt.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default=None,
              help="Paper size; overrides 'paper' in the plan file and in book.yaml.")
@click.option("--language", type=click.Choice(LANGUAGES), default=None,
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


@cli.command()
@content_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (this computer only).")
@click.option("--no-browser", "no_browser", is_flag=True, help="Do not open the page in the browser.")
def serve(content_dir: Path, port: int, no_browser: bool) -> None:
    """A local web page to see the routines and print a patient's programme; Ctrl-C stops it.

    \b
    Serves on 127.0.0.1 only, and keeps nothing: a plan is written to plans/ only when you
    press "Save the plan". Needs the serve extra: pip install 'handbook[serve]'.

    \b
    Example:
      handbook serve --port 8000
    """
    try:
        from handbook.web.server import serve as run_serve
    except ImportError as exc:
        raise Failed(f"handbook serve needs Flask ({exc.name} is not installed): "
                     "pip install 'handbook[serve]'") from None
    run_serve(content_dir, port, not no_browser, click.echo)


def main() -> NoReturn:
    """Entry point of the `handbook` console script."""
    cli(prog_name="handbook")
    raise SystemExit(0)  # pragma: no cover - click exits itself
