"""Reading files to import: notes, Markdown decks, CSV/TSV and Anki packages.

`read_batch` turns one file into an `ImportBatch` (cards, media, skipped items) and never touches
a collection: the collection applies the batch in one transaction, so a file that fails to read
leaves nothing behind. Every problem with the file is an `InputError` naming the file and the row
or package member.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InputError
from app.core.model import CardRecord, ImportBatch
from app.core.paths import source_of

FORMATS = ("auto", "notes", "markdown", "csv", "tsv", "apkg", "colpkg")

MAX_MESSAGE_CHARS = 200
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"

KnownFingerprints = Callable[[], Mapping[str, str]]


@dataclass(slots=True)
class FingerprintedBatch(ImportBatch):
    """A batch whose cards carry fingerprints of the raw source data they were made from.

    `fingerprints` maps the id of each card in `cards` to its fingerprint; `unchanged` maps the
    ids the reader did not make again, because the collection holds them from the very same
    raw data, to that fingerprint. The merge counts those as unchanged without seeing them.
    `digests` maps the id of a card in `cards` to its content hash (`store.content_hash` of
    its spec) where the reader made it already, so the merge need not make it again; it
    describes the cards as read (whoever changed a card would have to drop its entry).
    """

    fingerprints: dict[str, str] = field(default_factory=dict)
    unchanged: dict[str, str] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)


def read_batch(
    path: str | os.PathLike[str],
    *,
    fmt: str = "auto",
    deck: str | None = None,
    keep_scheduling: bool = True,
    known: KnownFingerprints | None = None,
) -> ImportBatch:
    """Read one file into an ImportBatch; `fmt="auto"` picks the format from name and content.

    `known`, if given, returns the fingerprints the collection already holds (card id ->
    fingerprint); readers that fingerprint their cards (Anki packages) call it and leave out
    the cards whose raw data is unchanged (see `FingerprintedBatch`).
    """
    path = Path(path)
    if fmt not in FORMATS:
        expected = ", ".join(FORMATS)
        raise InputError(f"unknown format {fmt!r} (expected one of {expected})", path=path)
    if not path.exists():
        raise InputError("no such file", path=path)
    if not path.is_file():
        raise InputError("not a regular file", path=path)
    try:
        with paused_gc():
            batch = _read(path, fmt, deck, keep_scheduling, known)
    except InputError as error:
        if "\n" not in str(error) and len(str(error)) <= MAX_MESSAGE_CHARS * 2:
            raise
        # Library messages can quote damaged data: keep the user's error to one short line.
        raise InputError(
            one_line(error.detail),
            path=one_line(error.path, limit=4096) if error.path is not None else None,
            line=error.line,
            where=one_line(error.where) if error.where is not None else None,
        ) from None
    # The collection recognises "the same file again" by its source.
    batch.source = source_of(path)
    return batch


def read_batches(
    paths: list[str | os.PathLike[str]],
    *,
    fmt: str = "auto",
    deck: str | None = None,
    keep_scheduling: bool = True,
    known: KnownFingerprints | None = None,
) -> list[ImportBatch]:
    """Read several files that will be applied to one collection in order, all before any write.

    `known` returns the fingerprints the collection holds now. Each file after the first is
    read against those fingerprints as the files before it will leave them, so a card that an
    earlier file changes is never skipped as unchanged by a later one.
    """
    if known is None:
        return [
            read_batch(path, fmt=fmt, deck=deck, keep_scheduling=keep_scheduling) for path in paths
        ]
    expected: dict[str, str] | None = None

    def expected_now() -> Mapping[str, str]:
        nonlocal expected
        if expected is None:
            expected = dict(known())
        return expected

    batches = []
    for path in paths:
        batch = read_batch(
            path, fmt=fmt, deck=deck, keep_scheduling=keep_scheduling, known=expected_now
        )
        batches.append(batch)
        if expected is not None:
            _expect_after(batch, expected)
    return batches


def _expect_after(batch: ImportBatch, expected: dict[str, str]) -> None:
    """Update `expected` (card id -> fingerprint) to what merging `batch` will store."""
    if isinstance(batch, FingerprintedBatch):
        # The merge stores the fingerprint of every card it sees in a fingerprinted batch.
        expected.update(batch.unchanged)
        expected.update(batch.fingerprints)
        return
    for record in batch.cards:
        # Without a fingerprint, a changed card loses its stored one: never count on it.
        expected.pop(record.spec.id, None)


def card_count(batch: ImportBatch) -> int:
    """The cards a file holds: those read, plus those not read again because the collection
    already has them from the very same raw data."""
    unchanged = batch.unchanged if isinstance(batch, FingerprintedBatch) else {}
    return len(batch.cards) + len(unchanged)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: reading and merging make several objects per card
    and no reference cycles, and in a program with a large heap the collector's repeated
    passes over all of it cost more than the work itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # What was made meanwhile mostly lives on (a batch, its records): moved straight
            # to the oldest generation, so the first young collection after this does not
            # walk through all of it. Freezing and unfreezing only splices lists.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """`text` with its whitespace runs collapsed to single spaces, shortened to `limit`."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read(
    path: Path, fmt: str, deck: str | None, keep_scheduling: bool, known: KnownFingerprints | None
) -> ImportBatch:
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt in ("notes", "markdown"):
        batch = _read_text_source(path, fmt=fmt, deck=deck)
    elif fmt in ("csv", "tsv"):
        from app.core.importing.csv_reader import read_csv

        batch = read_csv(path, delimiter="\t" if fmt == "tsv" else None, deck=deck)
    else:
        from app.core.importing.apkg_reader import read_package

        batch = read_package(path, deck=deck, keep_scheduling=keep_scheduling, known=known)
    return batch


def detect_format(path: Path) -> str:
    """The format of a file: its extension first, then its first bytes and text."""
    suffix = path.suffix.lower()
    if suffix == ".apkg":
        return "apkg"
    if suffix == ".colpkg":
        return "colpkg"
    if suffix == ".csv":
        return "csv"
    if suffix in (".tsv", ".tab"):
        return "tsv"
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", path=path) from None
    if head in (_ZIP_MAGIC, _EMPTY_ZIP_MAGIC):
        return "apkg"
    text = _read_text(path)
    if _looks_like_anki_text_export(text):
        return "csv"
    if _looks_like_tsv(text):
        return "tsv"
    from app.core.deckfile import looks_like_deck

    return "markdown" if looks_like_deck(text) else "notes"


def _looks_like_anki_text_export(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    return first.startswith(("#separator:", "#html:", "#tags:", "#columns:", "#notetype"))


def _looks_like_tsv(text: str) -> bool:
    """Older Anki text exports have no header: every line is fields joined by tabs.

    Notes indent with tabs too, so only tabs after the first text on a line count, and every
    line must have the same number of them.
    """
    lines = [line.lstrip() for line in text.split("\n", 200)[:200] if line.strip()]
    counts = {line.count("\t") for line in lines[:100]}
    return len(lines) >= 1 and len(counts) == 1 and counts.pop() >= 1


def _read_text(path: Path) -> str:
    from app.core.textfile import read_text

    return read_text(path)


def _read_text_source(path: Path, *, fmt: str, deck: str | None) -> ImportBatch:
    text = _read_text(path)
    if fmt == "notes":
        from app.core.notes import compile_notes

        specs = compile_notes(text, deck=deck or _deck_from_filename(path), source=str(path))
    else:
        from app.core.deckfile import parse_deck

        specs = parse_deck(text, source=str(path), default_deck=deck or _deck_from_filename(path))
    return ImportBatch(source=str(path), cards=[CardRecord(spec=spec) for spec in specs])


def _deck_from_filename(path: Path) -> str:
    """The deck a file's cards go to when neither the file nor the user names one.

    The same name `deckard compile` gives, so importing notes and importing the deck compiled
    from them give the same card ids.
    """
    from app.core.notes_io import deck_name_for

    return deck_name_for(path)
