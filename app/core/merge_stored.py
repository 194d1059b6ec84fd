"""What the collection holds of the cards an import brings: read once, matched by the merge.

`StoredCards` reads what the collection holds when an import begins; the Anki reader takes the
fingerprints from it and the merge (`Existing`) what it matches against, reading again only if
the collection changed in between. Part of `app.core.merge`.

Importing a file again usually finds every card of it stored unchanged, in place and active.
Told which file is read (`source`), `StoredCards` reads only each card's fingerprint, and the
few cards that are anything else; the merge looks up the rest only for the cards it writes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from app.core.errors import CollectionError
from app.core.paths import source_of
from app.core.store import id_chunks, marks

# What the merge knows of a stored card: (source hash, source, source line, raw fingerprint).
Known = tuple[str | None, str | None, int | None, str | None]

# What `StoredCards.unusual` says of a card: it is from the source read, with no source line
# (where importing that source again leaves it), and it is from that source and not suspended.
IN_PLACE = 1
ACTIVE = 2

CHANGED_WHILE_READING = "the collection changed while the file was being read; import it again"


class StoredCards:
    """What the collection holds of every card, read in one pass when an import begins: the
    fingerprints a reader asks for (`fingerprints`), and what the merge looks up (`Existing`).

    Without `source`, `rows` holds every card's (id, source hash, source, source line, raw
    fingerprint, suspended, position). With it (the resolved path of the file to be read),
    `rows` stays empty and `unusual` maps the id of every card that is not plainly one of that
    file's cards as its last import left it (in place, active, with a fingerprint) to its
    `IN_PLACE` and `ACTIVE` bits; every other card of the collection has a fingerprint.

    The merge takes it only while it is current: no other program committed a change since
    (SQLite's data_version) and this connection changed no row (its total_changes).
    """

    def __init__(self, conn: sqlite3.Connection, source: str | None = None) -> None:
        self.data_version = conn.execute("PRAGMA data_version").fetchone()[0]
        self.changes = conn.total_changes
        self.source = source
        self.rows: list[tuple[str, str | None, str | None, int | None, str | None, int, int]] = []
        self.unusual: dict[str, int] = {}
        if source is None:
            self.rows = conn.execute(
                "SELECT id, source_hash, source, source_line, source_raw_hash, suspended, position"
                " FROM cards"
            ).fetchall()
            self.fingerprints = {row[0]: row[4] for row in self.rows if row[4] is not None}
            return
        self.fingerprints = dict(
            conn.execute("SELECT id, source_raw_hash FROM cards WHERE source_raw_hash IS NOT NULL")
        )
        self.unusual = dict(
            conn.execute(
                "SELECT id, (source IS ?1 AND source_line IS NULL)"
                f" * {IN_PLACE} + (source IS ?1 AND suspended = 0) * {ACTIVE} FROM cards"
                " WHERE source_raw_hash IS NULL OR source IS NOT ?1 OR source_line IS NOT NULL"
                " OR suspended != 0",
                (source,),
            )
        )

    def current(self, conn: sqlite3.Connection) -> bool:
        """Whether the collection still holds what was read."""
        return (
            conn.total_changes == self.changes
            and conn.execute("PRAGMA data_version").fetchone()[0] == self.data_version
        )


class StoredCardsOnce:
    """The collection's cards (`StoredCards`) for one import, read at most once, when the
    reader asks: `fingerprints` is the reader's `known`, `taken` what it was given.

    `path`, if given, is the one file about to be read: what is stored is then read for it.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: str | os.PathLike[str] | None = None
    ) -> None:
        self.conn = conn
        self.path = path
        self.taken: StoredCards | None = None

    def fingerprints(self) -> Mapping[str, str]:
        """Card id -> fingerprint, for every stored card that has one."""
        if self.taken is None:
            source = None
            if self.path is not None:
                try:
                    # The batch's source, as `read_batch` names it once the file is read.
                    source = source_of(self.path)
                except (OSError, RuntimeError):
                    source = None  # read_batch reports the file's problem itself
            self.taken = StoredCards(self.conn, source)
        return self.taken.fingerprints


class Existing:
    """What the collection holds of the batch's cards, and of the cards from its source.

    `cards` holds what is stored of each card in `ids` (and possibly of others); `unchanged`
    checks the cards the reader left out as stored unchanged; `missing` lists the source's
    active cards that the batch no longer has.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        source: str,
        ids: list[str],
        stored: StoredCards | None,
        unchanged: Iterable[str] = (),
    ) -> None:
        self.conn = conn
        self.source = source
        # id -> (source hash, source, source line, raw source fingerprint)
        self.cards: dict[str, Known] = {}
        # The source's cards not suspended, in study order: candidates for suspending.
        self.active: list[str] = []
        # What is stored for this very source (see `StoredCards`), when current.
        self.stored: StoredCards | None = None
        if stored is not None and stored.current(conn):
            if stored.source is not None and stored.source == source:
                self.stored = stored
                self._look_up([i for i in ids if i in stored.fingerprints or i in stored.unusual])
                return
            if stored.source is None:
                # Every card, read as the import began: the same answers without reading again.
                self._take(stored.rows)
                return
        if conn.execute("SELECT 1 FROM cards LIMIT 1").fetchone() is None:
            return  # a new collection: nothing to look up
        # A source's cards are usually most of the batch: one scan of the source index finds
        # them in less time than looking each id up.
        self._take(
            conn.execute(
                "SELECT id, source_hash, source, source_line, source_raw_hash, suspended, position"
                " FROM cards WHERE source = ?",
                (source,),
            )
        )
        wanted = [*ids, *unchanged]
        self._look_up([card_id for card_id in wanted if card_id not in self.cards])

    def _take(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Cards as `StoredCards.rows` holds them: what each is, and the source's active ones."""
        source = self.source
        ordered = []
        for card_id, digest, origin, line, fingerprint, suspended, position in rows:
            self.cards[card_id] = (digest, origin, line, fingerprint)
            if origin == source and not suspended:
                ordered.append((position, card_id))
        self.active = [card_id for _, card_id in sorted(ordered)]

    def _look_up(self, ids: list[str]) -> None:
        for chunk in id_chunks(ids):
            self.cards.update(
                (row[0], row[1:])
                for row in self.conn.execute(
                    "SELECT id, source_hash, source, source_line, source_raw_hash FROM cards"
                    f" WHERE id IN ({marks(chunk)})",
                    chunk,
                )
            )

    def unchanged(self, unchanged: Mapping[str, str]) -> list[tuple[object, ...]]:
        """Check that the collection holds each card of `unchanged` (id -> fingerprint) with
        that fingerprint (CollectionError if not); returns the rows (source, source line,
        fingerprint, id) of those to put back in place (from another source, or with a line)."""
        source = self.source
        moved: list[tuple[object, ...]] = []
        stored = self.stored
        if stored is not None:
            fingerprints = stored.fingerprints
            unusual = stored.unusual
            for card_id, fingerprint in unchanged.items():
                if fingerprints.get(card_id) != fingerprint:
                    raise CollectionError(CHANGED_WHILE_READING)
                flags = unusual.get(card_id)
                if flags is not None and not flags & IN_PLACE:
                    moved.append((source, None, fingerprint, card_id))
            return moved
        existing = self.cards
        for card_id, fingerprint in unchanged.items():
            known = existing.get(card_id)
            if known is None or known[3] != fingerprint:
                # Another import changed the card after the reader looked: its content
                # was never rendered, so it cannot be merged now.
                raise CollectionError(CHANGED_WHILE_READING)
            if known[1] != source or known[2] is not None:
                moved.append((source, None, fingerprint, card_id))
        return moved

    def missing(self, present: set[str]) -> list[str]:
        """The source's cards not suspended and not in `present`, in study order."""
        stored = self.stored
        if stored is None:
            return [card_id for card_id in self.active if card_id not in present]
        unusual = stored.unusual
        # Every card not `unusual` has a fingerprint and is one of the source's active cards.
        ids = stored.fingerprints.keys() - unusual.keys()
        ids -= present
        ids.update(i for i, flags in unusual.items() if flags & ACTIVE and i not in present)
        if not ids:
            return []
        ordered = []
        for chunk in id_chunks(list(ids)):
            ordered += self.conn.execute(
                f"SELECT position, id FROM cards WHERE id IN ({marks(chunk)})", chunk
            ).fetchall()
        return [card_id for _, card_id in sorted(ordered)]
