"""`python -m app` opens the desktop app, like the `deckard` command with no subcommand."""

from app.cli import main

if __name__ == "__main__":
    main()
