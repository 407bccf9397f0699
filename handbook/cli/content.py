"""The commands about the content: check, list, new, init, schema, figures."""

from __future__ import annotations

from pathlib import Path

import click

from handbook.cli.group import Failed, cli, content_option, out_option, paper_option


@cli.command(short_help="Validate the content: problems, reading level, card sides.")
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


@cli.command(short_help="Write SLUG.yaml: a new routine to fill in.")
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


@cli.command(short_help="Create a clinic's content folder from the sample.")
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


@cli.command(short_help="Print the JSON Schema of a content or plan file.")
@click.argument("kind", type=click.Choice(["routine", "faq", "book", "plan"], case_sensitive=False),
                default="routine")
def schema(kind: str) -> None:
    """Print the JSON Schema of a routine, FAQ topic, book.yaml or patient's plan file.

    \b
    Examples:
      handbook schema routine > routines/schema/routine.schema.json
      handbook schema plan > routines/schema/plan.schema.json
    """
    from handbook.commands.scaffold import schema_text

    click.echo(schema_text(kind), nl=False)


@cli.command(short_help="Write OUT/figures.pdf: every pose, with its name.")
@content_option
@out_option("to write figures.pdf into")
@paper_option(["a4", "letter"], "Paper size; default: 'paper' in book.yaml (A4 without a content folder).")
def figures(content_dir: Path, out_dir: Path, paper: str | None) -> None:
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
