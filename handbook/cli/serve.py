"""`handbook serve`: the clinic's local web page (Flask, imported only when the command runs)."""

from __future__ import annotations

from pathlib import Path

import click

from handbook.cli.group import Failed, cli, content_option


@cli.command(short_help="A local web page to print cards and programmes.")
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
