"""`python -m handbook` runs the command line."""

from .cli import main

main()
