"""The command line: a thin shell over the library; the only package that imports click.

`group` holds the `handbook` group, the options its commands share and how an error ends a
command; `content` the commands about the content (check, list, new, init, schema,
figures); `printing` those that print (build, card, cards, plan); `serve` the local web
page. Importing this package
registers them all.
"""

from handbook.cli import content, printing, serve  # noqa: F401  (registers the commands with the group)
from handbook.cli.group import cli, main

__all__ = ["cli", "main"]
