"""Running `deckard` in-process, as a user would from a shell, for the CLI tests."""

from __future__ import annotations

from app.cli import main


def run(capsys, *args):
    """Exit code, standard output and standard error of `deckard ARGS...`."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = exit_.code or 0
    out, err = capsys.readouterr()
    return code, out, err
