"""The collection's SQLite schema and its numbered migrations.

The schema version lives in `PRAGMA user_version`, and every migration applied is also recorded
in the `migrations` table with the time it ran. A migration is a function taking the open
connection; `MIGRATIONS` lists them in order, so adding version 2 is one function and one list
entry. Each migration runs in its own transaction together with the version bump, so a crash
leaves the collection at the previous version or the next one, never between them; a new file
takes all of them in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from app.core.errors import CollectionError


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the migration's transaction first; run statement by
    # statement, joining pieces until SQLite sees a whole statement (trigger bodies hold ";").
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                conn.execute(pending)
            pending = ""


def _create_tables(conn: sqlite3.Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            name TEXT UNIQUE NOT NULL,
            parent_id INTEGER NULL REFERENCES decks(id),
            new_per_day INTEGER NOT NULL DEFAULT 20,
            reviews_per_day INTEGER NOT NULL DEFAULT 200
        );
        CREATE INDEX decks_parent ON decks(parent_id);

        CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',
            source TEXT,
            source_line INTEGER,
            source_hash TEXT,
            position INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            repetitions INTEGER NOT NULL DEFAULT 0,
            interval INTEGER NOT NULL DEFAULT 0,
            easiness INTEGER NOT NULL DEFAULT 2500,
            due TEXT NULL,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until TEXT NULL,
            repeat_day TEXT NULL,
            repeat_since TEXT NULL
        );
        CREATE INDEX cards_deck ON cards(deck_id);
        CREATE INDEX cards_source ON cards(source);
        -- The review queue: most overdue first across the chosen decks, then deck order.
        CREATE INDEX cards_review_queue ON cards(due, position, deck_id, buried_until)
            WHERE due IS NOT NULL AND suspended = 0;
        -- The new queue in deck order.
        CREATE INDEX cards_new_queue ON cards(position, deck_id, buried_until)
            WHERE due IS NULL AND suspended = 0;
        -- One deck's queues, and per-deck counts (covering, so counting reads no table rows).
        CREATE INDEX cards_deck_due ON cards(deck_id, due, position, buried_until)
            WHERE due IS NOT NULL AND suspended = 0;
        CREATE INDEX cards_deck_new ON cards(deck_id, position, buried_until)
            WHERE due IS NULL AND suspended = 0;
        -- Same-day repeats in the order they were failed.
        CREATE INDEX cards_repeats ON cards(repeat_day, repeat_since)
            WHERE repeat_day IS NOT NULL;

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            reviewed_at TEXT NOT NULL,
            day TEXT NOT NULL,
            quality INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
            kind TEXT NOT NULL CHECK (kind IN ('new', 'review', 'repeat')),
            interval_before INTEGER NOT NULL,
            interval_after INTEGER NOT NULL,
            easiness_before INTEGER NOT NULL,
            easiness_after INTEGER NOT NULL,
            duration_ms INTEGER NULL
        );
        CREATE INDEX reviews_card ON reviews(card_id, id);
        -- Today's answers per kind, for the daily limits and the day summary.
        CREATE INDEX reviews_day ON reviews(day, kind, card_id);

        CREATE TABLE config (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


def _add_deck_totals(conn: sqlite3.Connection) -> None:
    # Counting a deck's cards means reading an index entry per card (tens of milliseconds at
    # 100,000 cards); the deck list needs every deck's total at once, so keep them current.
    _run_script(
        conn,
        """
        CREATE TABLE deck_totals (
            deck_id INTEGER PRIMARY KEY REFERENCES decks(id) ON DELETE CASCADE,
            cards INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO deck_totals (deck_id, cards)
            SELECT d.id, (SELECT count(*) FROM cards c WHERE c.deck_id = d.id) FROM decks d;
        CREATE TRIGGER deck_totals_new_deck AFTER INSERT ON decks BEGIN
            INSERT OR IGNORE INTO deck_totals (deck_id, cards) VALUES (new.id, 0);
        END;
        CREATE TRIGGER deck_totals_deck_removed AFTER DELETE ON decks BEGIN
            DELETE FROM deck_totals WHERE deck_id = old.id;
        END;
        CREATE TRIGGER deck_totals_card_added AFTER INSERT ON cards BEGIN
            UPDATE deck_totals SET cards = cards + 1 WHERE deck_id = new.deck_id;
        END;
        CREATE TRIGGER deck_totals_card_removed AFTER DELETE ON cards BEGIN
            UPDATE deck_totals SET cards = cards - 1 WHERE deck_id = old.deck_id;
        END;
        CREATE TRIGGER deck_totals_card_moved AFTER UPDATE OF deck_id ON cards
        WHEN old.deck_id IS NOT new.deck_id BEGIN
            UPDATE deck_totals SET cards = cards - 1 WHERE deck_id = old.deck_id;
            UPDATE deck_totals SET cards = cards + 1 WHERE deck_id = new.deck_id;
        END;
        """,
    )


def _add_source_raw_hash(conn: sqlite3.Connection) -> None:
    # Importing an Anki package again renders every card only to find most of them unchanged;
    # a fingerprint of the raw note data each card was rendered from lets the reader skip them.
    # NULL (cards from other sources, or imported before this column) means "render it".
    conn.execute("ALTER TABLE cards ADD COLUMN source_raw_hash TEXT NULL")


def _drop_global_review_index(conn: sqlite3.Connection) -> None:
    # Every answer to a review moves the card's entry in each index holding its due day, two
    # or three pages per index written and synced. The review queue across several decks is
    # read from the per-deck index (cards_deck_due) just as well, so one index less to write.
    conn.execute("DROP INDEX IF EXISTS cards_review_queue")


# The CHECK on reviews.kind as version 1 wrote it, and the same test spelled as comparisons.
_KIND_AS_LIST = "CHECK (kind IN ('new', 'review', 'repeat'))"
_KIND_AS_COMPARISONS = "CHECK (kind = 'new' OR kind = 'review' OR kind = 'repeat')"


def _check_review_kind_by_comparisons(conn: sqlite3.Connection) -> None:
    # SQLite tests a value against a list of three or more constants by first building a
    # temporary b-tree of the list, and a CHECK does that on every insert: every answer paid
    # for it (about a third of the time its log row took). The same test as comparisons builds
    # nothing. The rows need no change (both accept exactly the same values), so only the
    # table's definition is rewritten, in place, the way SQLite documents for constraint
    # changes that leave what is stored alone (lang_altertable.html, "otheralter"), rather
    # than copying a log of a million rows into a new table.
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reviews'"
    ).fetchone()
    if row is None or row[0].count(_KIND_AS_LIST) != 1:
        return  # not the definition version 1 wrote: leave it as it is
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'reviews'",
            (row[0].replace(_KIND_AS_LIST, _KIND_AS_COMPARISONS),),
        )
        # Other connections read the schema again when its version changes.
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    except sqlite3.OperationalError:
        # SQLite in defensive mode refuses to write its schema: the list stays, which tests
        # the same values, only more slowly.
        pass
    finally:
        # RESET also has this connection read the schema again (OFF where SQLite predates it).
        conn.execute("PRAGMA writable_schema = RESET")


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered step of the schema: `apply` runs inside the step's transaction."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = [
    Migration(1, "decks, cards, reviews and config", _create_tables),
    Migration(2, "per-deck card totals kept by triggers", _add_deck_totals),
    Migration(
        3, "cards remember the raw source data they were rendered from", _add_source_raw_hash
    ),
    Migration(4, "reviews are queued through the per-deck index alone", _drop_global_review_index),
    Migration(5, "the review kind is checked by comparisons", _check_review_kind_by_comparisons),
]

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The version the database is at (0 for an empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: sqlite3.Connection, latest: int = LATEST_VERSION) -> int:
    """The database's version; CollectionError if a newer Deckard made it."""
    current = schema_version(conn)
    if current > latest:
        raise CollectionError(
            f"the collection has schema version {current}, newer than this Deckard knows "
            f"({latest}); update Deckard to open it"
        )
    return current


def _ensure_migrations_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )


def migrate(
    conn: sqlite3.Connection,
    migrations: list[Migration] | None = None,
    *,
    target: int | None = None,
) -> list[int]:
    """Bring the database up to `target` (default: the latest); returns the versions applied.

    `conn` must be in autocommit mode (isolation_level=None): each step opens its own
    transaction. A database newer than this program raises CollectionError and is left alone.
    """
    steps = MIGRATIONS if migrations is None else migrations
    latest = steps[-1].version if steps else 0
    goal = latest if target is None else target
    current = check_not_newer(conn, latest)
    pending = [step for step in steps if current < step.version <= goal]
    # A new file takes every step in one transaction: as much all or nothing, with one sync
    # instead of one per step. An existing file takes each step in a transaction of its own.
    groups = [pending] if current == 0 and pending else [[step] for step in pending]
    applied: list[int] = []
    for group in groups:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _ensure_migrations_table(conn)
            stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
            for step in group:
                step.apply(conn)
                conn.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (step.version, step.name, stamp),
                )
            # PRAGMA takes no parameters; the version is an int from our own list.
            conn.execute(f"PRAGMA user_version = {int(group[-1].version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.extend(step.version for step in group)
    return applied
