"""``python -m flashgen`` runs the command line."""

from .cli import main

main()
