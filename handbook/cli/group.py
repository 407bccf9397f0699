"""The `handbook` group: options shared by its commands, and how errors end a command.

Exit codes: 0 done; 1 a content, layout or output problem (one line per problem, no
traceback); 2 wrong usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import click

from handbook import LANGUAGES, __version__
from handbook.errors import ContentError, HandbookError, UsageProblem
from handbook.output.signals import stop_like_ctrl_c
from handbook.output.streams import end_after_failure, failed_stream, tolerant_streams

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
    "--language", type=click.Choice(LANGUAGES, case_sensitive=False), default=None,
    help="Language of the printed labels (headings, dose words, 'page N of M'); overrides 'language' in "
         "book.yaml. The content itself is printed as written.",
)
def out_option(what: str) -> Any:
    """The --out option of a command that writes files: `what` says what goes into it."""
    return click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"),
                        show_default=True, help=f"Folder {what}.")


def paper_option(choices: list[str], help_text: str) -> Any:
    """The --paper option, its choices in any case."""
    return click.option("--paper", type=click.Choice(choices, case_sensitive=False), default=None, help=help_text)


large_print_option = click.option(
    "--large-print", "large_print", is_flag=True,
    help="Large print: body text 18 pt, headings to match, more space; written to its own *-large.pdf file.",
)


class Failed(click.ClickException):
    """A clean failure: the message is printed as it is, exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


class _UsageLine:
    """Every wrong usage gets the command's usage line: click's parser leaves it out of some of
    its own errors (an option given without its value, a flag given one)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except click.UsageError as exc:
            if exc.ctx is not None:
                raise
            raise click.UsageError(exc.format_message(), ctx) from None


class _Command(_UsageLine, click.Command):
    """A command: what was typed and found wrong by our checks (`UsageProblem`) is a usage error, exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageProblem as exc:
            lines = [f"Invalid value for '{name}': {why}" if name else why for name, why in exc.problems]
            raise click.UsageError("\nError: ".join(lines), ctx) from None


class _Group(_UsageLine, click.Group):
    """Turns our errors into `Failed` and any other exception into a one-line report.

    Around every command: SIGTERM stops it as Ctrl-C does, a character the terminal
    cannot show is printed as '?', and a standard stream that fails (a closed pipe, a
    full disk) ends it with one line at most (`handbook.output.streams`), exit code 1.
    """

    command_class = _Command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with stop_like_ctrl_c(), tolerant_streams():
            try:
                return super().main(*args, **kwargs)
            except OSError as exc:  # a standard stream that failed ends the command; any other is raised again
                end_after_failure(exc, failed_stream(exc, click.echo.__code__))

    def invoke(self, ctx: click.Context) -> Any:
        from handbook.model.epoch import source_date_epoch  # here: the model is 15 ms `--version` need not pay

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
        except Exception as exc:  # the user must never see a traceback
            if failed_stream(exc, click.echo.__code__) is not None:
                raise  # a standard stream failed: `main` ends the command
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


@click.group("handbook", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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




def main() -> NoReturn:
    """Entry point of the `handbook` console script."""
    cli(prog_name="handbook")
    raise SystemExit(0)  # pragma: no cover - click exits itself
