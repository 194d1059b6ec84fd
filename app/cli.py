"""The `deckard` command line: a thin layer over `app.core`.

With no subcommand it opens the desktop app. Errors the user can cause are printed as one line
and exit with status 1; they never show a traceback.
"""

from __future__ import annotations

import sys

import click

from app import __version__
from app.core.errors import DeckardError
from app.core.paths import resolve_collection_path


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--collection",
    "collection",
    type=click.Path(dir_okay=False),
    default=None,
    help="Collection file to use (default: $DECKARD_COLLECTION, then the user data folder).",
)
@click.option(
    "--self-test",
    "self_test",
    is_flag=True,
    help="Open the app on the collection, review one card, undo it and exit 0 (smoke test).",
)
@click.version_option(__version__, prog_name="deckard")
@click.pass_context
def cli(ctx: click.Context, collection: str | None, self_test: bool = False) -> None:
    """Deckard: spaced-repetition flashcards from your own notes.

    Run with no command to open the desktop app.
    """
    ctx.ensure_object(dict)
    ctx.obj["collection"] = resolve_collection_path(collection)
    if ctx.invoked_subcommand is None:
        from app.gui.application import run_app

        sys.exit(run_app(ctx.obj["collection"], self_test=self_test))


@cli.command("decks")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.pass_context
def decks_command(ctx: click.Context, as_json: bool) -> None:
    """Show each deck's new, repeat and due cards for now, and its total."""
    import json

    from app.core.collection import Collection

    with Collection.open(ctx.obj["collection"]) as collection:
        rows = [
            {"deck": c.deck, "new": c.new, "repeat": c.repeat, "due": c.due, "total": c.total}
            for c in collection.deck_counts()
        ]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    width = max([len("Deck")] + [len(row["deck"]) for row in rows])
    click.echo(f"{'Deck':<{width}}  {'New':>5}  {'Repeat':>6}  {'Due':>5}  {'Total':>6}")
    for row in rows:
        click.echo(
            f"{row['deck']:<{width}}  {row['new']:>5}  {row['repeat']:>6}"
            f"  {row['due']:>5}  {row['total']:>6}"
        )


def main(argv: list[str] | None = None) -> None:
    """Entry point of the `deckard` script: user errors become one line on stderr and exit 1."""
    try:
        cli.main(args=argv, prog_name="deckard", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except DeckardError as error:
        click.echo(f"deckard: {error}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
