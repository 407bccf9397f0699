"""`python -m handbook` runs the command line."""

from handbook.cli import main

main()
