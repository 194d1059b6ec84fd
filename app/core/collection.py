"""The collection: one SQLite file of decks, cards and review history, and the way to study it.

`Collection` is the single object the GUI, the CLI and the tests talk to. Storage details live
in `store` and `schema`, the merge of imported cards in `merge`, the queue and the daily limits
in `scheduler`, the SM-2 maths in `sm2` and the notion of "today" in `days`.

Durability: the file is in WAL mode with synchronous=FULL and foreign keys on; every change is
one transaction, so when `answer()` returns the answer is on disk, and a crash at any moment
leaves either the state before a change or the state after it.

Threads: one `Collection` may be used from any thread, but by one thread at a time.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from app.core import days
from app.core.answering import RecordedAnswer, record_answer, undo_answer
from app.core.check import check_before_open
from app.core.checkpoint import Checkpointer
from app.core.collection_types import Card, DaySummary, DeckCounts, ImportResult
from app.core.errors import CollectionError, InputError
from app.core.lock import CollectionLock, acquire_lock
from app.core.model import ImportBatch, ReviewRecord
from app.core.paths import media_dir_for
from app.core.records import card_history, iter_card_records
from app.core.scheduler import Allowance, DeckTree, compute_counts, done_today
from app.core.scheduler import deck_counts as compute_deck_counts
from app.core.schema import LATEST_VERSION
from app.core.side_reader import SideReader
from app.core.sm2 import Sm2State, check_quality, review
from app.core.store import (
    QUEUE_COLUMNS,
    WAL_AUTOCHECKPOINT_PAGES,
    deck_id_for,
    fetch_card,
    open_connection,
    row_to_card,
    transaction,
)
from app.core.study_queue import StudyQueue

if TYPE_CHECKING:
    import sqlite_utils

    from app.core.merge_stored import StoredCards

__all__ = ["Card", "Collection", "DaySummary", "DeckCounts", "ImportResult"]

UNDO_DEPTH = 50
CONFIG_DEFAULTS: dict[str, Any] = {"day_start_hour": days.DEFAULT_DAY_START_HOUR, "grading": "four"}


def _check_config(key: str, value: Any) -> None:
    if key == "day_start_hour":
        try:
            days.check_day_start_hour(value)
        except ValueError as error:
            raise InputError(str(error), where="day_start_hour") from error
    elif key == "grading" and value not in ("four", "six"):
        raise InputError(f"grading must be 'four' or 'six', not {value!r}", where="grading")


class Collection:
    """An open collection file. Use `Collection.open(path)`, as a context manager or not."""

    def __init__(self, path: Path, conn: sqlite3.Connection, tz: tzinfo | None = None) -> None:
        self.path = path
        self.media_dir = media_dir_for(path)
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self.tz = tz
        self._undo: list[RecordedAnswer] = []
        self._data_version: int | None = None
        self._tree: DeckTree | None = None
        self._config: dict[str, Any] | None = None
        self._done_day: str | None = None
        self._done: dict[int, list[int]] = {}
        self._allowance: Allowance | None = None
        self._totals: dict[int, int] | None = None
        self._lock: CollectionLock | None = None
        # The card next_card returned last: (id, (rowid, deck id, schedule as read)).
        self._shown: tuple[str, tuple[int, int, tuple[Any, ...]]] | None = None
        self._queue = StudyQueue()
        # The connection's count of changed rows after the last write this object made: any
        # other write through the connection (without `refresh()`) changes it.
        self._changes = conn.total_changes
        self._checkpointer = Checkpointer(path, log_frames=WAL_AUTOCHECKPOINT_PAGES)
        # Reads that can run beside this connection's own (the browser's count of matches).
        self.side_reader = SideReader(path)

    @property
    def db(self) -> sqlite_utils.Database:
        """The collection's connection as a `sqlite_utils.Database`, for queries and tools.

        Made on first use: sqlite-utils takes longer to import than the rest of the core, and
        studying never needs it. Write through it only with `refresh()` afterwards.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    # ----- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls, path: str | Path, *, tz: tzinfo | None = None, import_builtin: bool = True
    ) -> Collection:
        """Open (or create, then fill with the built-in deck) the collection at `path`.

        First takes the collection's lock (CollectionError naming the process that holds it)
        and refuses, before writing anything, a file that is damaged, read-only, from a newer
        Deckard or not a Deckard collection (see `app.core.lock` and `app.core.check`).
        """
        path = Path(path)
        lock = acquire_lock(path)
        try:
            check_before_open(path, latest_version=LATEST_VERSION)
            collection = cls._open_locked(path, tz=tz, import_builtin=import_builtin)
        except BaseException:
            lock.release()
            raise
        collection._lock = lock
        return collection

    @classmethod
    def _open_locked(cls, path: Path, *, tz: tzinfo | None, import_builtin: bool) -> Collection:
        creating = not path.exists() or path.stat().st_size == 0
        collection = cls(path, open_connection(path), tz)
        if creating and import_builtin:
            try:
                from app.core.builtin import builtin_batch

                collection.apply_batch(builtin_batch())
            except BaseException:
                collection.close()
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                raise
        return collection

    def close(self) -> None:
        """Close the file (further calls fail) and let another program open it."""
        self._checkpointer.close()
        self.side_reader.close()
        self.conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Collection:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----- caches --------------------------------------------------------------------------

    def _sync(self) -> None:
        """Drop cached decks, config and counts if another program changed the file."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._data_version = version
            self._forget()

    def refresh(self, *, content_replaced: bool = False) -> None:
        """Forget cached decks, settings and counts: call after writing through `db` directly.

        Writes by other programs are noticed by themselves (SQLite's data_version); writes on
        this collection's own connection outside its methods are not. `content_replaced` (a
        restored backup) also drops the undo history: the answers it would take back are gone.
        """
        if content_replaced:
            self._undo.clear()
        self._forget()

    def _forget(self) -> None:
        self._queue.clear()
        self._tree = None
        self._config = None
        self._done_day = None
        self._allowance = None
        self._totals = None

    def _deck_totals(self) -> dict[int, int]:
        # Kept by triggers (schema version 2); answers never move cards between decks, so the
        # cached copy survives a whole review session.
        if self._totals is None:
            self._totals = dict(self.conn.execute("SELECT deck_id, cards FROM deck_totals"))
        return self._totals

    def _deck_tree(self) -> DeckTree:
        if self._tree is None:
            self._tree = DeckTree.load(self.conn)
        return self._tree

    def _allowance_for(self, today: str) -> Allowance:
        if self._done_day != today:
            self._done = done_today(self.conn, today)
            self._done_day = today
            self._allowance = None
        if self._allowance is None:
            self._allowance = Allowance.compute(self._deck_tree(), self._done)
        return self._allowance

    def _count_done(self, deck_id: int, kind: str, change: int) -> None:
        """Adjust today's cached answer counts (and allowance) after an answer or its undo."""
        self._done.setdefault(deck_id, [0, 0])[0 if kind == "new" else 1] += change
        tree = self._tree
        if self._allowance is not None and tree is not None and deck_id in tree.parent:
            self._allowance.count(tree, deck_id, kind == "new", change)
        else:
            self._allowance = None

    def _today(self, now: datetime | None) -> tuple[datetime, date]:
        moment = now or datetime.now(UTC)
        hour = self.get_config("day_start_hour", days.DEFAULT_DAY_START_HOUR)
        return moment, days.local_day(moment, hour, self.tz)

    def day_of(self, moment: datetime) -> date:
        """The scheduling day a moment belongs to (day-start hour and timezone applied)."""
        return self._today(moment)[1]

    # ----- configuration -------------------------------------------------------------------

    def get_config(self, key: str, default: Any = None) -> Any:
        """A stored setting (JSON value), else `default`, else Deckard's own default."""
        if self._config is None:
            self._sync()
        if self._config is None:
            rows = self.conn.execute("SELECT key, value FROM config").fetchall()
            self._config = {k: json.loads(v) for k, v in rows}
        if key in self._config:
            return self._config[key]
        return default if default is not None else CONFIG_DEFAULTS.get(key)

    def set_config(self, key: str, value: Any) -> None:
        """Store a setting; known keys are checked ("day_start_hour" 0-23, "grading")."""
        _check_config(key, value)
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO config (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )
        self._forget()

    # ----- importing -----------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        *,
        fmt: str = "auto",
        deck: str | None = None,
        keep_scheduling: bool = True,
        now: datetime | None = None,
    ) -> ImportResult:
        """Read a file (notes, Markdown deck, CSV/TSV, .apkg/.colpkg) and merge its cards.

        Readers that can tell a card's raw source data is unchanged since it was last imported
        (Anki packages) skip rendering it; `merge_stored.StoredCards` tells them what is stored.
        """
        from app.core.importing import read_batch
        from app.core.merge_stored import StoredCardsOnce

        # The cards as the import begins, read once for the reader (their fingerprints) and
        # the merge (what it matches against), which rereads them only if they changed since.
        stored = StoredCardsOnce(self.conn, path)
        batch = read_batch(
            path, fmt=fmt, deck=deck, keep_scheduling=keep_scheduling, known=stored.fingerprints
        )
        return self.apply_batch(batch, now=now, stored=stored.taken)

    def apply_batch(
        self,
        batch: ImportBatch,
        *,
        now: datetime | None = None,
        stored: StoredCards | None = None,
    ) -> ImportResult:
        """Merge an import batch in one transaction; see `app.core.merge`. `stored`: the cards
        as the collection held them when reading the batch began (`StoredCardsOnce.taken`),
        used again by the merge if nothing changed since."""
        from app.core.merge import merge_batch

        def check_media_name(name: str) -> str:
            from app.core.media import check_media_name as check

            return check(name)

        moment = now or datetime.now(UTC)
        self._sync()
        try:
            return merge_batch(
                self.conn,
                batch,
                now=moment,
                day_of=self.day_of,
                media_dir=self.media_dir,
                check_media_name=check_media_name,
                stored=stored,
            )
        finally:
            self._forget()

    # ----- studying ------------------------------------------------------------------------

    def next_card(self, deck: str | None = None, now: datetime | None = None) -> Card | None:
        """The card to show next (in `deck` and its sub-decks, or anywhere), None when done."""
        self._sync()
        if self.conn.total_changes != self._changes:
            self._queue.clear()
            self._changes = self.conn.total_changes
        # Studying starts: have the log file made ready for its answers (app.core.checkpoint).
        self._checkpointer.lengthen_log()
        _, today = self._today(now)
        today_text = days.format_day(today)
        tree = self._deck_tree()
        deck_id = None
        if deck is not None:
            if deck not in tree.ids:
                raise CollectionError(f"no deck named {deck!r}")
            deck_id = tree.ids[deck]
        row = self._queue.next_row(
            self.conn, tree, self._allowance_for(today_text), today_text, deck_id, QUEUE_COLUMNS
        )
        if row is None:
            self._shown = None
            return None
        card_id, card_deck = row[1], row[2]
        # repetitions, interval, easiness, due, lapses, buried_until, repeat_day, repeat_since
        schedule = (*row[6:11], row[12], row[13], row[19])
        self._shown = (card_id, (row[0], card_deck, schedule))
        return row_to_card((card_id, tree.names[card_deck], *row[3:19]))

    def answer(
        self,
        card_id: str,
        quality: int,
        now: datetime | None = None,
        duration_ms: int | None = None,
    ) -> None:
        """Record an answer (quality 0-5) and reschedule the card; on disk when this returns."""
        check_quality(quality)
        shown = self._shown
        self._shown = None
        if shown is not None and shown[0] == card_id:
            # next_card has just checked for other programs' changes and read this card; the
            # write checks the card is unchanged since (see answering.record_answer), and any
            # cached counts another program made stale are dropped on the next call.
            card = shown[1]
        else:
            card = None
            self._sync()
        moment, today = self._today(now)
        self._checkpointer.before_write(self.conn)
        unchanged = self.conn.total_changes == self._changes
        done = record_answer(
            self.conn,
            card_id,
            quality,
            moment=moment,
            today=today,
            duration_ms=duration_ms,
            shown=card,
        )
        if unchanged:
            self._queue.answered(card_id)
        else:
            self._queue.clear()
        self._changes = self.conn.total_changes
        self._undo.append(done)
        del self._undo[:-UNDO_DEPTH]
        self._checkpointer.answered()
        if done.kind != "repeat" and self._done_day == done.day:
            self._count_done(done.deck_id, done.kind, +1)

    def settle(self) -> None:
        """Wait until background work (copying the log into the file, or lengthening the log,
        see `app.core.checkpoint`) is done: for tools that measure the collection's work or copy
        its file."""
        self._checkpointer.wait()

    def can_undo(self) -> bool:
        """True when there is an answer `undo()` can take back."""
        return bool(self._undo)

    def undo(self) -> str | None:
        """Take back the last answer not yet undone; returns its card id (None if none left)."""
        self._sync()
        while self._undo:
            step = self._undo.pop()
            self._queue.clear()  # the card is back in a queue
            undone = undo_answer(self.conn, step)
            self._changes = self.conn.total_changes
            if not undone:
                continue  # that answer is gone already (another program undid or changed it)
            if step.kind != "repeat" and self._done_day == step.day:
                self._count_done(step.deck_id, step.kind, -1)
            return step.card_id
        return None

    def preview_intervals(self, card_id: str, now: datetime | None = None) -> dict[int, int]:
        """For each quality 0-5, the interval in days the card would get if answered so now."""
        card = self.card(card_id)
        _, today = self._today(now)
        if card.repeat_day == today:
            return {quality: card.interval for quality in range(6)}
        state = Sm2State(card.repetitions, card.interval, card.easiness)
        return {quality: review(state, quality).interval for quality in range(6)}

    # ----- counts --------------------------------------------------------------------------

    def deck_counts(self, now: datetime | None = None) -> list[DeckCounts]:
        """New, repeat and due cards per deck as the review screen would show them now."""
        self._sync()
        today = days.format_day(self._today(now)[1])
        return compute_deck_counts(
            self.conn, self._deck_tree(), self._allowance_for(today), today, self._deck_totals()
        )

    def counts_today(
        self, deck: str | None = None, now: datetime | None = None
    ) -> tuple[int, int, int]:
        """(new, repeat, due) still to show today in `deck` (with sub-decks) or everywhere."""
        self._sync()
        today = days.format_day(self._today(now)[1])
        tree = self._deck_tree()
        counts = compute_counts(
            self.conn, tree, self._allowance_for(today), today, self._deck_totals()
        )
        if deck is not None:
            if deck not in tree.ids:
                raise CollectionError(f"no deck named {deck!r}")
            deck_id = tree.ids[deck]
            return counts.new[deck_id], counts.repeat[deck_id], counts.due[deck_id]
        return (
            sum(counts.new[d] for d in tree.roots),
            sum(counts.repeat[d] for d in tree.roots),
            sum(counts.due[d] for d in tree.roots),
        )

    def day_summary(self, now: datetime | None = None) -> DaySummary:
        """Answers and time spent today; cards due by tomorrow and within the next 7 days."""
        self._sync()
        today = self._today(now)[1]
        reviewed, milliseconds = self.conn.execute(
            "SELECT count(*), coalesce(sum(duration_ms), 0) FROM reviews WHERE day = ?",
            (days.format_day(today),),
        ).fetchone()
        tomorrow = days.format_day(days.add_days(today, 1))
        week = days.format_day(days.add_days(today, 7))
        by_tomorrow, by_week = self.conn.execute(
            "SELECT count(*) FILTER (WHERE due <= ?), count(*) FROM cards"
            " INDEXED BY cards_deck_due WHERE deck_id IN (SELECT id FROM decks)"
            " AND due IS NOT NULL AND suspended = 0 AND due <= ?",
            (tomorrow, week),
        ).fetchone()
        return DaySummary(reviewed, milliseconds / 1000, by_tomorrow, by_week)

    # ----- single cards --------------------------------------------------------------------

    def card(self, card_id: str) -> Card:
        """The card with this id (CollectionError if there is none)."""
        return fetch_card(self.conn, card_id)

    def history(self, card_id: str) -> list[ReviewRecord]:
        """A card's answers, oldest first (empty for a new card)."""
        return card_history(self.conn, card_id)

    def _set_card(self, card_id: str, assignments: str, params: tuple[Any, ...]) -> None:
        with transaction(self.conn):
            cursor = self.conn.execute(
                f"UPDATE cards SET {assignments} WHERE id = ?", (*params, card_id)
            )
            if cursor.rowcount == 0:
                raise CollectionError(f"no card with id {card_id!r}")

    def bury(self, card_id: str, now: datetime | None = None) -> None:
        """Hide a card until tomorrow's day start."""
        tomorrow = days.add_days(self._today(now)[1], 1)
        self._set_card(card_id, "buried_until = ?", (days.format_day(tomorrow),))

    def suspend(self, card_id: str) -> None:
        """Keep a card out of every queue until unsuspended."""
        self._set_card(card_id, "suspended = 1", ())

    def unsuspend(self, card_id: str) -> None:
        """Put a suspended card back into the queues."""
        self._set_card(card_id, "suspended = 0", ())

    def update_card(
        self,
        card_id: str,
        *,
        question: str | None = None,
        answer: str | None = None,
        deck: str | None = None,
        tags: list[str] | tuple[str, ...] | None = None,
        now: datetime | None = None,
    ) -> Card:
        """Edit a card's content (scheduling untouched); returns the card as stored now."""
        from app.core.card_ops import edit_card

        edit_card(self, card_id, question=question, answer=answer, deck=deck, tags=tags, now=now)
        return self.card(card_id)

    # ----- decks ---------------------------------------------------------------------------

    def deck_names(self) -> list[str]:
        """Every deck's full name ("Parent::Child"), parents before their sub-decks."""
        self._sync()
        return sorted(self._deck_tree().ids, key=lambda name: name.split("::"))

    def set_deck_limits(self, deck: str, new_per_day: int, reviews_per_day: int) -> None:
        """Set a deck's daily limits for new cards and reviews (whole numbers, 0 or more)."""
        for field, value in (("new_per_day", new_per_day), ("reviews_per_day", reviews_per_day)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(f"must be a whole number, 0 or more, not {value!r}", where=field)
        with transaction(self.conn):
            deck_id = deck_id_for(self.conn, deck)
            self.conn.execute(
                "UPDATE decks SET new_per_day = ?, reviews_per_day = ? WHERE id = ?",
                (new_per_day, reviews_per_day, deck_id),
            )
        self._forget()

    def deck_limits(self, deck: str) -> tuple[int, int]:
        """(new cards per day, reviews per day) of a deck."""
        deck_id = deck_id_for(self.conn, deck)
        row = self.conn.execute(
            "SELECT new_per_day, reviews_per_day FROM decks WHERE id = ?", (deck_id,)
        ).fetchone()
        return int(row[0]), int(row[1])

    # ----- export --------------------------------------------------------------------------

    def iter_records(self, deck: str | None = None) -> Iterator[Any]:
        """Every card (in `deck` and its sub-decks, or all) with its schedule and history."""
        self._sync()
        tree = self._deck_tree()
        deck_ids = None
        if deck is not None:
            if deck not in tree.ids:
                raise CollectionError(f"no deck named {deck!r}")
            deck_ids = tree.subtree(tree.ids[deck])
        return iter_card_records(self.conn, deck_ids)
