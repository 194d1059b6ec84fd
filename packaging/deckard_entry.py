"""Entry point of the bundled app: the same as the `deckard` command (no subcommand: the GUI)."""

from app.cli import main

if __name__ == "__main__":
    main()
