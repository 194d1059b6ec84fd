"""Export a collection, or one deck of it, to an Anki package, a Markdown deck or a CSV file.

`export_collection` picks the format from the output file's extension (.apkg, .md, .csv) and
reads the collection's tables directly: the .apkg export in `from_collection`, the text
exports (cards only, no history) in `text_export.read_specs`. Nothing is written when the request is
wrong (unknown extension, missing deck), and the output file only appears once complete.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import InputError
from app.core.exporting.apkg_writer import write_apkg
from app.core.exporting.from_collection import write_collection_apkg
from app.core.exporting.text_export import (
    read_specs,
    render_csv,
    render_deck,
    write_text_atomically,
)

if TYPE_CHECKING:
    from app.core.collection import Collection

__all__ = ["FORMATS", "ExportResult", "export_collection", "write_apkg"]

FORMATS = {".apkg": "apkg", ".md": "markdown", ".csv": "csv"}


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export wrote: the file, its format and how many cards, reviews and media."""

    path: Path
    format: str
    cards: int
    reviews: int = 0
    media: int = 0


def export_format(out_path: str | os.PathLike[str]) -> str:
    """The export format for an output file name; InputError for an extension we cannot write."""
    path = Path(out_path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        raise InputError(
            f"cannot export to {path.suffix or 'a file without extension'} (use {known})", path=path
        )
    if path.is_dir():
        raise InputError("is a folder, not a file name", path=path)
    return fmt


def export_collection(
    collection: Collection,
    out_path: str | os.PathLike[str],
    *,
    deck: str | None = None,
    scheduling: bool = True,
    media: bool = True,
    now: datetime | None = None,
) -> ExportResult:
    """Export the cards of `collection` (or of `deck` and its subdecks) to `out_path`."""
    path = Path(out_path)
    fmt = export_format(path)
    if deck is not None and deck not in collection.deck_names():
        raise InputError(f"no deck named {deck!r} in the collection", where="deck")
    try:
        return _export(
            collection, path, fmt, deck=deck, scheduling=scheduling, media=media, now=now
        )
    except OSError as error:
        # A folder that cannot be written to, a full disk: the user's to fix, so one line.
        raise InputError(f"cannot write the export: {error.strerror or error}", path=path) from None


def _export(
    collection: Collection,
    path: Path,
    fmt: str,
    *,
    deck: str | None,
    scheduling: bool,
    media: bool,
    now: datetime | None,
) -> ExportResult:
    if fmt == "apkg":
        summary = write_collection_apkg(
            collection.path,
            path,
            deck=deck,
            media_dir=collection.media_dir if media else None,
            scheduling=scheduling,
            now=now or datetime.now(UTC),
            day_start_hour=int(collection.get_config("day_start_hour", 4)),
            tz=collection.tz,
        )
        return ExportResult(path, fmt, summary.cards, summary.reviews, summary.media)
    specs = read_specs(collection.conn, deck)
    if fmt == "markdown":
        text, count = render_deck(specs)
    else:
        text, count = render_csv(specs)
    write_text_atomically(text, path)
    return ExportResult(path, fmt, count)
