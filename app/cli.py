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
    import unicodedata

    def cells(text: str) -> int:
        # Chinese and Japanese deck names take two terminal columns per character.
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    width = max([len("Deck")] + [cells(row["deck"]) for row in rows])
    click.echo(f"{'Deck':<{width}}  {'New':>5}  {'Repeat':>6}  {'Due':>5}  {'Total':>6}")
    for row in rows:
        padding = " " * (width - cells(row["deck"]))
        click.echo(
            f"{row['deck']}{padding}  {row['new']:>5}  {row['repeat']:>6}"
            f"  {row['due']:>5}  {row['total']:>6}"
        )


@cli.command("backup")
@click.option("--list", "list_only", is_flag=True, help="List the backups, newest first.")
@click.pass_context
def backup_command(ctx: click.Context, list_only: bool) -> None:
    """Back the collection up now (into NAME.backups beside it), or list its backups."""
    from app.core.backup import backup_now, list_backups
    from app.core.collection import Collection

    path = ctx.obj["collection"]
    if list_only:
        backups = list_backups(path)
        if not backups:
            click.echo(f"No backups of {path} yet.")
        for info in backups:
            made = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
            click.echo(f"{made}  {info.cards:>7} cards  {info.reviews:>8} reviews  {info.path}")
        return
    if not path.is_file():
        raise DeckardError(f"{path}: no collection there, so nothing to back up")
    with Collection.open(path) as collection:
        info = backup_now(collection)
    click.echo(f"Backed up {info.cards} cards and {info.reviews} reviews to {info.path}")


@cli.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Restore without asking first.")
@click.pass_context
def restore_command(ctx: click.Context, backup_file: str, yes: bool) -> None:
    """Replace the collection with BACKUP_FILE, after backing up its current state."""
    from pathlib import Path

    from app.core.backup import read_backup_info, restore_collection_file

    path = ctx.obj["collection"]
    source = Path(backup_file)
    try:
        info = read_backup_info(source)
        what = f"the backup of {info.created.astimezone():%Y-%m-%d %H:%M} ({info.cards} cards)"
    except DeckardError:
        what = str(source)
    if not yes:
        click.confirm(f"Replace {path} with {what}?", abort=True)
    result = restore_collection_file(path, source)
    if result.safety_backup is not None:
        click.echo(f"The collection as it was is backed up in {result.safety_backup.path}")
    if result.moved_aside is not None:
        click.echo(f"The collection that could not be opened is kept as {result.moved_aside}")
    click.echo(f"Restored {what} into {path}")


@cli.command("check")
@click.pass_context
def check_command(ctx: click.Context) -> None:
    """Check the whole collection, repair what is safe, and report what was done."""
    from app.core.check import check_collection_file

    report = check_collection_file(ctx.obj["collection"])
    for line in report.lines():
        click.echo(line)
    if not report.ok:
        sys.exit(1)


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--deck", default=None, help="Deck for the cards (parent deck for packages).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "notes", "markdown", "csv", "tsv", "apkg", "colpkg"]),
    default="auto",
    show_default=True,
    help="File format; auto looks at the extension and the content.",
)
@click.option(
    "--no-scheduling",
    is_flag=True,
    help="Bring Anki cards in as new, without their intervals and review history.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file.")
@click.pass_context
def import_command(
    ctx: click.Context,
    files: tuple[str, ...],
    deck: str | None,
    fmt: str,
    no_scheduling: bool,
    as_json: bool,
) -> None:
    """Import notes, Markdown decks, CSV/TSV files and Anki packages.

    Importing a file again updates the cards it brought before and adds only what is new;
    cards that disappeared from it are suspended, never deleted. Every file is read and checked
    before anything is written.
    """
    import json
    from collections.abc import Callable, Mapping

    from app.core.collection import Collection
    from app.core.importing import read_batches
    from app.core.merge_stored import StoredCardsOnce
    from app.core.model import ImportBatch

    def read(known: Callable[[], Mapping[str, str]] | None = None) -> list[ImportBatch]:
        return read_batches(
            list(files), fmt=fmt, deck=deck, keep_scheduling=not no_scheduling, known=known
        )

    path = ctx.obj["collection"]
    exists = path.is_file() and path.stat().st_size > 0
    # A collection that does not exist yet is created only once every file has been read.
    batches = [] if exists else read()
    with Collection.open(path) as collection:
        stored = StoredCardsOnce(collection.conn)
        if exists:
            # Read while holding the collection, so that the cards of an Anki package that it
            # already holds unchanged are not converted again (see `FingerprintedBatch`).
            batches = read(stored.fingerprints)
        for name, batch in zip(files, batches, strict=True):
            result = collection.apply_batch(batch, stored=stored.taken)
            if as_json:
                row = {
                    "file": name,
                    "added": len(result.added),
                    "updated": len(result.updated),
                    "unchanged": len(result.unchanged),
                    "suspended": len(result.suspended),
                    "skipped": list(result.skipped),
                    "media": len(batch.media),
                }
                click.echo(json.dumps(row, ensure_ascii=False))
                continue
            click.echo(
                f"{name}: {len(result.added)} added, {len(result.updated)} updated,"
                f" {len(result.unchanged)} unchanged, {len(result.suspended)} suspended,"
                f" {len(result.skipped)} skipped"
                + (f", {len(batch.media)} media files" if batch.media else "")
            )
            for reason in result.skipped:
                click.echo(f"  skipped: {reason}")


@cli.command("stats")
@click.option("--deck", default=None, help="One deck (its sub-decks included); default: all.")
@click.option("--json", "as_json", is_flag=True, help="Print every number as one JSON object.")
@click.pass_context
def stats_command(ctx: click.Context, deck: str | None, as_json: bool) -> None:
    """Show review statistics: the numbers behind Tools > Statistics."""
    import json

    from app.core.collection import Collection
    from app.core.stats import collection_statistics, format_statistics

    with Collection.open(ctx.obj["collection"]) as collection:
        statistics = collection_statistics(collection, deck=deck)
    if as_json:
        click.echo(json.dumps(statistics.to_dict(), ensure_ascii=False))
    else:
        click.echo(format_statistics(statistics))


@cli.command("compile")
@click.argument("notes", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the deck to this file instead of standard output.",
)
@click.option("--json", "as_json", is_flag=True, help="Write JSON instead of the Markdown deck.")
@click.option(
    "--deck", default=None, help="Deck name (default: the file name before its first dot)."
)
@click.option(
    "--report",
    is_flag=True,
    help="Also print the coverage: how many content lines are on a card, and which are not.",
)
def compile_command(
    notes: str, output: str | None, as_json: bool, deck: str | None, report: bool
) -> None:
    """Compile a notes file into a deck (Markdown deck format, or --json)."""
    from app.core.notes_io import compile_file, format_report

    text, compiled = compile_file(notes, deck=deck, as_json=as_json)
    if output is None:
        click.echo(text, nl=False)
    else:
        from app.core.notes_io import write_atomically

        write_atomically(output, text)
    if report:
        click.echo(format_report(compiled, notes), err=output is None)


@cli.command("export")
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--deck", default=None, help="Export only this deck and its sub-decks.")
@click.option(
    "--no-scheduling",
    is_flag=True,
    help="Export every card as new, without intervals and review history (.apkg only).",
)
@click.option("--no-media", is_flag=True, help="Leave images and other media out (.apkg only).")
@click.pass_context
def export_command(
    ctx: click.Context, out: str, deck: str | None, no_scheduling: bool, no_media: bool
) -> None:
    """Export cards to OUT: an Anki package (.apkg), a Markdown deck (.md) or a CSV (.csv).

    The .apkg keeps intervals, ease, due dates and the review history; exporting again after
    editing updates the notes in Anki instead of duplicating them.
    """
    from app.core.collection import Collection
    from app.core.exporting import export_collection, export_format

    export_format(out)
    path = ctx.obj["collection"]
    if not path.is_file():
        raise DeckardError(f"{path}: no collection there, so nothing to export")
    with Collection.open(path) as collection:
        result = export_collection(
            collection, out, deck=deck, scheduling=not no_scheduling, media=not no_media
        )
    details = ""
    if result.format == "apkg":
        details = f", {result.reviews} reviews, {result.media} media files"
    click.echo(f"Exported {result.cards} cards{details} to {result.path}")


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
