"""What the collection holds of the cards an import brings: read once, matched by the merge.

`StoredCards` reads every card's id, content hash, source and fingerprint in one pass when an
import begins; the Anki reader takes the fingerprints from it and the merge (`Existing`) what it
matches against, reading again only if the collection changed in between. Part of
`app.core.merge`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

# Ids looked up per statement.
CHUNK = 500

# What the merge knows of a stored card: (source hash, source, source line, raw fingerprint).
Known = tuple[str | None, str | None, int | None, str | None]


class StoredCards:
    """What the collection holds of every card, read in one pass when an import begins: the
    fingerprints a reader asks for (`fingerprints`), and what the merge looks up (`Existing`).

    The merge takes it only while it is current: no other program committed a change since
    (SQLite's data_version) and this connection changed no row (its total_changes).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.data_version = conn.execute("PRAGMA data_version").fetchone()[0]
        self.changes = conn.total_changes
        # (id, source hash, source, source line, raw source fingerprint, suspended, position)
        self.rows = conn.execute(
            "SELECT id, source_hash, source, source_line, source_raw_hash, suspended, position"
            " FROM cards"
        ).fetchall()
        self.fingerprints = {row[0]: row[4] for row in self.rows if row[4] is not None}

    def current(self, conn: sqlite3.Connection) -> bool:
        """Whether the collection still holds what was read."""
        return (
            conn.total_changes == self.changes
            and conn.execute("PRAGMA data_version").fetchone()[0] == self.data_version
        )


class StoredCardsOnce:
    """The collection's cards (`StoredCards`) for one import, read at most once, when the
    reader asks: `fingerprints` is the reader's `known`, `taken` what it was given."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.taken: StoredCards | None = None

    def fingerprints(self) -> Mapping[str, str]:
        """Card id -> fingerprint, for every stored card that has one."""
        if self.taken is None:
            self.taken = StoredCards(self.conn)
        return self.taken.fingerprints


class Existing:
    """What the collection holds of the batch's cards, and of the cards from its source."""

    def __init__(
        self, conn: sqlite3.Connection, source: str, ids: list[str], stored: StoredCards | None
    ) -> None:
        # id -> (source hash, source, source line, raw source fingerprint)
        self.cards: dict[str, Known] = {}
        # The source's cards not suspended, in study order: candidates for suspending.
        self.active: list[str] = []
        if stored is not None and stored.current(conn):
            # Every card, read as the import began: the same answers without reading again.
            ordered = []
            for card_id, digest, origin, line, fingerprint, suspended, position in stored.rows:
                self.cards[card_id] = (digest, origin, line, fingerprint)
                if origin == source and not suspended:
                    ordered.append((position, card_id))
            self.active = [card_id for _, card_id in sorted(ordered)]
            return
        if conn.execute("SELECT 1 FROM cards LIMIT 1").fetchone() is None:
            return  # a new collection: nothing to look up
        # A source's cards are usually most of the batch: one scan of the source index finds
        # them in less time than looking each id up.
        ordered = []
        for card_id, digest, line, fingerprint, suspended, position in conn.execute(
            "SELECT id, source_hash, source_line, source_raw_hash, suspended, position"
            " FROM cards WHERE source = ?",
            (source,),
        ):
            self.cards[card_id] = (digest, source, line, fingerprint)
            if not suspended:
                ordered.append((position, card_id))
        self.active = [card_id for _, card_id in sorted(ordered)]
        rest = [card_id for card_id in ids if card_id not in self.cards]
        for start in range(0, len(rest), CHUNK):
            chunk = rest[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            self.cards.update(
                (row[0], row[1:])
                for row in conn.execute(
                    "SELECT id, source_hash, source, source_line, source_raw_hash FROM cards"
                    f" WHERE id IN ({marks})",
                    chunk,
                )
            )
