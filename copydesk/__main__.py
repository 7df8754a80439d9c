"""``python -m copydesk`` runs the CLI."""

from copydesk.cli import main

main()
