"""Merging an import batch into the collection: add, update, leave alone, suspend; never delete.

A card is matched by its stable id. A new id is added (with its scheduling and history when the
batch brings them); a known id whose content changed since it was last imported gets the new
content while keeping its scheduling and history; a card that came from the same source before
and is missing now is suspended, so nothing studied is ever lost. All of it is one transaction.
Media files are written before the transaction and removed again if it fails.

A reader that fingerprints the raw data its cards come from (see `FingerprintedBatch`) stores
the fingerprint with each card it adds or updates, and may leave out cards whose fingerprint the
collection already holds (`merge_stored.StoredCards`): those count as unchanged without being
rendered.
"""

from __future__ import annotations

import contextlib
import queue
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Any

from app.core.collection_types import ImportResult
from app.core.days import format_day
from app.core.errors import InputError
from app.core.exporting.anki_format import note_guid
from app.core.importing import FingerprintedBatch, paused_gc
from app.core.merge_media import MediaWrite
from app.core.merge_stored import Existing, Known, StoredCards
from app.core.model import CardRecord, ImportBatch
from app.core.sm2 import check_quality, easiness_to_milli
from app.core.store import (
    check_deck_name,
    content_hash,
    ensure_deck,
    hash_card_text,
    insert_rows,
    json_string,
    tags_json,
    transaction,
    utc_stamp,
)

CHUNK = 500
# Page cache (KiB) for writing a large batch: the default 2 MiB makes SQLite spill the cards'
# index pages to the journal half-way through and read them back.
LARGE_BATCH_CARDS = 2000
LARGE_BATCH_CACHE_KIB = 32 * 1024
# The trigger that counts every added card into its deck's total, one UPDATE per card, as
# version 2 of the schema defines it (blanks collapsed).
_COUNTING_TRIGGER = "deck_totals_card_added"
_COUNTING_TRIGGER_SQL = (
    "CREATE TRIGGER deck_totals_card_added AFTER INSERT ON cards BEGIN"
    " UPDATE deck_totals SET cards = cards + 1 WHERE deck_id = new.deck_id; END"
)


# Matches no value: the "previous object" before the first record.
_NOTHING = object()


def _validate(
    batch: ImportBatch, result: ImportResult
) -> tuple[list[CardRecord], dict[str, int], set[str]]:
    """The records to merge, each id once; bad records raise InputError before any write.

    Also returns, for `_with_deckard_ids`, the guids in Deckard's form that the records' ids
    carry (guid -> index of the last record with it) and the set of the records' ids.
    """
    seen: set[str] = set()
    checked_decks: set[str] = set()
    checked_easiness: set[Decimal] = set()
    records: list[CardRecord] = []
    deckard_guids: dict[str, int] = {}
    last_schedule: object = _NOTHING  # readers share schedules: each is checked once
    for record in batch.cards:
        spec = record.spec
        card_id = spec.id
        if not isinstance(card_id, str) or not card_id.strip():
            raise InputError("a card has no id", path=batch.source, line=spec.source_line)
        if spec.deck not in checked_decks:
            check_deck_name(spec.deck, where=f"card {card_id!r}")
            checked_decks.add(spec.deck)
        if card_id in seen:
            result.skipped.append(f"{card_id}: appears more than once; kept the first")
            continue
        seen.add(card_id)
        schedule = record.schedule
        if schedule is not None and schedule is not last_schedule:
            if schedule.repetitions < 0 or schedule.interval < 0:
                raise InputError(
                    "negative repetitions or interval", path=batch.source, where=f"card {card_id!r}"
                )
            if schedule.easiness not in checked_easiness:
                easiness_to_milli(schedule.easiness)
                checked_easiness.add(schedule.easiness)
            last_schedule = schedule
        for review in record.history:
            try:
                check_quality(review.quality)
            except ValueError as error:
                where = f"card {card_id!r}"
                raise InputError(str(error), path=batch.source, where=where) from error
        if card_id.startswith("anki-dk") and card_id.endswith("-0"):
            deckard_guids[card_id[5:-2]] = len(records)
        records.append(record)
    return records, deckard_guids, seen


def _with_deckard_ids(
    conn: sqlite3.Connection,
    records: list[CardRecord],
    wanted: dict[str, int],
    in_batch: set[str],
) -> list[CardRecord]:
    """Cards that left this collection through a CSV export, coming back: their own ids again.

    A CSV export carries each card's Anki guid (`note_guid` of its id), and the CSV reader gives
    a card with a guid the id `anki-<guid>-0`; a guid in Deckard's form (`dk…`) that belongs to
    a card of this collection, and whose `anki-…` id the collection does not hold, stands for
    that card, so importing the export again updates it instead of adding a copy. `wanted`
    maps those guids to their record's index; `in_batch` is every record's id (and grows).
    """
    if not wanted:
        return records
    held = {row[0] for row in conn.execute("SELECT id FROM cards WHERE id LIKE 'anki-dk%'")}
    out = list(records)
    for (card_id,) in conn.execute("SELECT id FROM cards"):
        index = wanted.get(note_guid(card_id))
        if index is None or card_id in in_batch:
            continue
        record = records[index]
        if record.spec.id in held:
            continue
        out[index] = replace(record, spec=replace(record.spec, id=card_id))
        in_batch.add(card_id)
    return out


def _rename_refs(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        for left, right in (('"', '"'), ("'", "'"), ("(", ")")):
            text = text.replace(f"{left}{old}{right}", f"{left}{new}{right}")
    return text


_CARD_INSERT = (
    "INSERT INTO cards (id, deck_id, question, answer, tags, source, source_line, source_hash,"
    " position, created_at, modified_at, repetitions, interval, easiness, due, lapses, suspended,"
    " source_raw_hash)"
)
# A card row's values without binding what is the same constant in many rows: binding a None
# costs SQLite's Python module a failed adapter lookup each time, several times what SQLite
# does with a NULL, and every bound text is copied. Most added cards are new (their
# scheduling columns are constants), every card of a batch has the same source and creation
# time, and a whole batch often lacks source lines or fingerprints.
_NEW_CARD = ("0", "0", "2500", "NULL", "0", "0")
_SOURCE_COLUMN = 5
_LINE_COLUMN = 6
_CREATED_COLUMN = 9
_CARD_WIDTH = 18


def _row_shape(
    new: bool, no_lines: bool, no_fingerprints: bool, source: str, stamp: str
) -> tuple[str, Any]:
    """The statement inserting added cards' rows (with one row's values, see
    `store.insert_rows`) and the picker of a row's bound values from the full row in
    _CARD_INSERT's order (None: all of them): for a new card or not, in a batch without
    source lines and without fingerprints or not, from `source` at time `stamp`."""
    columns = ["?"] * _CARD_WIDTH
    if new:
        columns[11:17] = _NEW_CARD
    if no_lines:
        columns[_LINE_COLUMN] = "NULL"
    if no_fingerprints:
        columns[_CARD_WIDTH - 1] = "NULL"
    for column, text in ((_SOURCE_COLUMN, source), (_CREATED_COLUMN, stamp)):
        literal = _sql_text(text)
        if literal is not None:
            columns[column] = literal
    bound = [index for index, column in enumerate(columns) if column == "?"]
    picker = None if len(bound) == _CARD_WIDTH else itemgetter(*bound)
    return f"{_CARD_INSERT} VALUES ({', '.join(columns)})", picker


def _sql_text(text: object) -> str | None:
    """`text` as an SQL string literal, None where it must be bound instead (not a string, or
    one the statement's text could not carry as it is: a NUL, a lone surrogate)."""
    if type(text) is not str or "\x00" in text:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return "'" + text.replace("'", "''") + "'"


_REVIEW_INSERT = (
    "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
    " interval_after, easiness_before, easiness_after, duration_ms)"
)


class _Inserts:
    """The merge's bulk inserts, run in order as the rows become ready.

    For a large batch they run on a second thread: SQLite does the writing without holding
    the GIL, so the inserts of one chunk of cards overlap with preparing the rows of the next.
    Only this thread uses the connection until `finish` returns, and an error on either side
    stops both before the transaction is rolled back.
    """

    def __init__(self, conn: sqlite3.Connection, *, background: bool) -> None:
        self.conn = conn
        self.error: BaseException | None = None
        self.stopping = False
        self.pending: queue.SimpleQueue[tuple[str, list[tuple[object, ...]]] | None] | None = None
        self.thread: threading.Thread | None = None
        if background:
            self.pending = queue.SimpleQueue()
            self.thread = threading.Thread(target=self._run, name="import-inserts", daemon=True)
            self.thread.start()

    def add(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        """Insert `rows` with `sql` ("INSERT INTO t (a, b)", see `store.insert_rows`), now or
        on the writing thread."""
        if not rows:
            return
        if self.pending is None:
            insert_rows(self.conn, sql, rows)
            return
        if self.error is not None:
            self.finish()  # raises the writing thread's error: no point preparing more rows
        self.pending.put((sql, rows))

    def finish(self, *, raising: bool = True) -> None:
        """Wait until every insert has run; re-raise the first error one of them raised
        (unless `raising` is false: the caller is already handling an error of its own).

        Returns only once the writing thread has stopped, even when interrupted (Ctrl+C):
        the transaction must not be rolled back while that thread is still inserting.
        """
        if self.pending is not None and self.thread is not None:
            self.pending.put(None)
            interrupted: BaseException | None = None
            while self.thread.is_alive():
                try:
                    self.thread.join()
                except BaseException as stop:
                    self.stopping = True  # the chunks not yet inserted are dropped
                    interrupted = interrupted or stop
            self.pending = None
            if interrupted is not None:
                raise interrupted
        if self.error is not None and raising:
            error, self.error = self.error, None
            raise error

    def _run(self) -> None:
        assert self.pending is not None
        while (item := self.pending.get()) is not None:
            if self.error is None and not self.stopping:
                try:
                    insert_rows(self.conn, *item)
                except BaseException as error:  # handed to the merging thread by finish()
                    self.error = error


class _Stamps:
    """UTC stamps of the times cards were last edited; many cards share one, so each is made
    once."""

    def __init__(self, default: str) -> None:
        self.default = default
        self.made: dict[datetime, str] = {}

    def of(self, moment: datetime | None) -> str:
        if moment is None:
            return self.default
        stamp = self.made.get(moment)
        if stamp is None:
            stamp = self.made[moment] = utc_stamp(moment)
        return stamp


@paused_gc()
def merge_batch(
    conn: sqlite3.Connection,
    batch: ImportBatch,
    *,
    now: datetime,
    day_of: Callable[[datetime], date],
    media_dir: Path,
    check_media_name: Callable[[str], str],
    stored: StoredCards | None = None,
) -> ImportResult:
    """Merge `batch` in one transaction (see the module docstring); returns what happened.

    `stored`, if given, is what the collection held when reading the batch began; it spares
    reading the cards again as long as the collection has not changed since.

    The cards are sorted into rows first and written with a few bulk statements; a known
    card whose content and place in its source are unchanged is not written at all.
    """
    result = ImportResult(skipped=list(batch.skipped))
    records, deckard_guids, in_batch = _validate(batch, result)
    media = MediaWrite(batch, media_dir, check_media_name)
    renames = media.renames
    source = batch.source
    stamp = utc_stamp(now)
    fingerprints: dict[str, str] = {}
    unchanged: dict[str, str] = {}
    digests: dict[str, str] = {}
    if isinstance(batch, FingerprintedBatch):
        fingerprints, unchanged = batch.fingerprints, batch.unchanged
        digests = batch.digests
    # A large batch also gets its inserts on a thread of their own and its cards counted into
    # their decks' totals once per deck (see below).
    large = len(records) >= LARGE_BATCH_CARDS
    cache_size = temp_store = journal = None
    if large:
        cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {-LARGE_BATCH_CACHE_KIB}")
        # Each multi-row insert keeps a statement journal (the triggers on `cards` need one),
        # which SQLite moves to a temporary file past 64 KiB: thousands of page writes to a
        # file that is thrown away. In memory it costs a few MiB for the length of one insert.
        temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
        conn.execute("PRAGMA temp_store = MEMORY")
        # Written once, into the file, instead of into the log and then again from the log
        # into the file (see `_rollback_journal`).
        journal = _rollback_journal(conn)
    try:
        with transaction(conn):
            records = _with_deckard_ids(conn, records, deckard_guids, in_batch)
            found = Existing(conn, source, [r.spec.id for r in records], stored, unchanged)
            existing = found.cards
            # Every deck up front: once the inserts run on their own thread, only that
            # thread uses the connection until they are done.
            deck_ids = {
                deck: ensure_deck(conn, deck)
                for deck in dict.fromkeys(r.spec.deck for r in records)
            }
            counting = _pause_counting(conn) if large else None
            inserts = _Inserts(conn, background=large)
            added_to: list[int] = []
            try:
                changed, moved = _merge_records(
                    conn, records, inserts, result, existing, deck_ids, fingerprints, digests,
                    renames, source, stamp, day_of, _Stamps(stamp), added_to,
                )  # fmt: skip
            except BaseException:
                inserts.finish(raising=False)
                raise
            inserts.finish()
            if counting is not None:
                _resume_counting(conn, counting, added_to)
            # Another import may have changed a card after the reader looked: its content was
            # never rendered, so it cannot be merged now (CollectionError).
            moved += found.unchanged(unchanged)
            result.unchanged += unchanged
            conn.executemany(
                "UPDATE cards SET deck_id = ?, question = ?, answer = ?, tags = ?, source = ?,"
                " source_line = ?, source_hash = ?, modified_at = ?, source_raw_hash = ?"
                " WHERE id = ?",
                changed,
            )
            conn.executemany(
                "UPDATE cards SET source = ?, source_line = ?, source_raw_hash = ? WHERE id = ?",
                moved,
            )
            present = {r.spec.id for r in records}
            present.update(unchanged)
            result.suspended = _suspend_missing(conn, found, present)
            media.wait()  # the files are on disk before the cards that show them
    except BaseException:
        media.remove()
        raise
    finally:
        if journal is not None:
            _back_to_log(conn, journal)
        if cache_size is not None:
            # Back to the usual size (an int SQLite gave), which frees the extra pages.
            conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
        if temp_store is not None:
            conn.execute(f"PRAGMA temp_store = {int(temp_store)}")
    result.media = sorted(path.name for path in media.created)
    return result


def _rollback_journal(conn: sqlite3.Connection) -> str | None:
    """Switch the collection from its write-ahead log to a rollback journal for one large
    write; returns the mode to switch back to, None if it stays in WAL mode.

    In WAL mode every page a transaction writes goes into the log, and is written again when
    the log is copied back into the file (on closing, at the latest): for an import of
    thousands of cards, megabytes written and synced twice. With a rollback journal the new
    pages go straight into the file, and only the old content of the pages changed is kept
    aside; the transaction stays atomic and durable (synchronous=FULL), and a crash half-way
    leaves a journal that SQLite rolls back on the next open. SQLite leaves WAL mode only
    when no other connection has the file open (otherwise this fails at once, without
    waiting); the collection then simply writes through its log as usual.
    """
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return None  # another connection has the file open
    return "WAL" if str(mode).lower() == "delete" else None


def _back_to_log(conn: sqlite3.Connection, mode: str) -> None:
    """Back to the write-ahead log after `_rollback_journal`."""
    with contextlib.suppress(sqlite3.OperationalError):
        # Should another program be reading just now (busy past the timeout), the collection
        # stays consistent and durable in rollback mode, and the next open switches it back.
        conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()


def _merge_records(
    conn: sqlite3.Connection,
    records: list[CardRecord],
    inserts: _Inserts,
    result: ImportResult,
    existing: dict[str, Known],
    deck_ids: dict[str, int],
    fingerprints: dict[str, str],
    digests: dict[str, str],
    renames: dict[str, str],
    source: str,
    stamp: str,
    day_of: Callable[[datetime], date],
    stamps: _Stamps,
    added_to: list[int],
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Sort the records into added (inserted through `inserts` as they come), changed and
    moved rows; returns the changed and moved rows for the caller to update, and appends
    the deck id of every added card to `added_to`.

    `digests` holds the content hashes the reader made already (by card id). Readers share
    one tag tuple and edit time between many cards: what each becomes in a row is made once
    per object.
    """
    tag_texts: dict[tuple[str, ...], str] = {}
    position: int | None = None
    added: list[tuple[object, ...]] = []
    history: list[tuple[object, ...]] = []
    changed: list[tuple[object, ...]] = []
    moved: list[tuple[object, ...]] = []
    deck_texts: dict[str, str] = {}
    milli: dict[Decimal, int] = {}
    last_tags: object = _NOTHING
    tags = ""
    last_moment: object = _NOTHING
    modified = stamp
    added_ids = result.added
    unchanged_ids = result.unchanged
    no_lines = all(record.spec.source_line is None for record in records)
    no_fingerprints = not fingerprints
    new_shape = _row_shape(True, no_lines, no_fingerprints, source, stamp)
    scheduled_shape = _row_shape(False, no_lines, no_fingerprints, source, stamp)
    last_shape: tuple[str, Any] = new_shape
    for record in records:
        spec = record.spec
        card_id = spec.id
        if spec.tags is not last_tags:
            last_tags = spec.tags
            tags = tag_texts.get(spec.tags)  # type: ignore[assignment]
            if tags is None:
                tags = tag_texts[spec.tags] = tags_json(spec.tags)
        digest = digests.get(card_id)
        if digest is None:
            deck_text = deck_texts.get(spec.deck)
            if deck_text is None:
                deck_text = deck_texts[spec.deck] = json_string(spec.deck)
            try:
                # `content_hash(spec)`, from the deck's and tags' JSON made once for all cards.
                digest = hash_card_text(deck_text, spec.question, spec.answer, tags)
            except TypeError:  # not all text: let content_hash spell it
                digest = content_hash(spec)
        known = existing.get(card_id)
        fingerprint = fingerprints.get(card_id)
        if known is not None and known[0] == digest:
            if (
                known[1] != source
                or known[2] != spec.source_line
                or (fingerprint is not None and known[3] != fingerprint)
            ):
                # Same content from other raw data (e.g. only the edit time changed):
                # remember the new fingerprint so the next import skips the card.
                moved.append((source, spec.source_line, fingerprint or known[3], card_id))
            unchanged_ids.append(card_id)
            continue
        question, answer = spec.question, spec.answer
        if renames:
            question = _rename_refs(question, renames)
            answer = _rename_refs(answer, renames)
        moment = record.modified_at
        if moment is not last_moment:
            last_moment = moment
            modified = stamp if moment is None else stamps.of(moment)
        deck_id = deck_ids[spec.deck]
        if known is None:
            if position is None:
                # Read before the first insert is handed over, so never beside one.
                position = conn.execute("SELECT coalesce(max(position), 0) FROM cards").fetchone()[
                    0
                ]
            position += 1
            schedule = record.schedule
            line = spec.source_line
            shape = new_shape if schedule is None else scheduled_shape
            if shape is not last_shape:
                # Rows of one shape share a statement; they are inserted in order all the same.
                inserts.add(last_shape[0], added)
                added = []
                last_shape = shape
            if schedule is None:
                row: tuple[object, ...] = (
                    card_id, deck_id, question, answer, tags, source, line, digest, position,
                    stamp, modified, 0, 0, 2500, None, 0, 0, fingerprint,
                )  # fmt: skip
            else:
                easiness = milli.get(schedule.easiness)
                if easiness is None:
                    easiness = milli[schedule.easiness] = easiness_to_milli(schedule.easiness)
                row = (
                    card_id, deck_id, question, answer, tags, source, line, digest, position,
                    stamp, modified, schedule.repetitions, schedule.interval, easiness,
                    format_day(schedule.due), schedule.lapses, int(schedule.suspended),
                    fingerprint,
                )  # fmt: skip
            pick = shape[1]
            added.append(row if pick is None else pick(row))
            added_to.append(deck_id)
            if len(added) == CHUNK:
                inserts.add(shape[0], added)
                added = []
            if record.history:
                history += _history_rows(record, day_of)
            added_ids.append(card_id)
        else:
            changed.append(
                (deck_id, question, answer, tags, source, spec.source_line, digest,
                 modified, fingerprint, card_id)
            )  # fmt: skip
            result.updated.append(card_id)
    inserts.add(last_shape[0], added)
    inserts.add(_REVIEW_INSERT, history)
    return changed, moved


def _pause_counting(conn: sqlite3.Connection) -> str | None:
    """Drop the trigger that counts each added card into its deck's total, when it is the one
    the schema defines; returns its definition, for `_resume_counting` to create it again in
    the same transaction (None: left as it is).

    Run once per card, the trigger's UPDATE is a sixth of what SQLite does to insert a large
    batch; the same totals come from one UPDATE per deck. The drop is part of the import's
    transaction: whatever ends it early rolls the trigger back too.
    """
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_COUNTING_TRIGGER,)
    ).fetchone()
    if row is None or " ".join(str(row[0]).split()) != _COUNTING_TRIGGER_SQL:
        return None
    conn.execute(f"DROP TRIGGER {_COUNTING_TRIGGER}")
    return str(row[0])


def _resume_counting(conn: sqlite3.Connection, definition: str, added_to: list[int]) -> None:
    """Count the cards added meanwhile (the deck id of each in `added_to`) as the dropped
    trigger would have, and create the trigger again exactly as it was defined."""
    conn.executemany(
        "UPDATE deck_totals SET cards = cards + ? WHERE deck_id = ?",
        [(count, deck_id) for deck_id, count in Counter(added_to).items()],
    )
    conn.execute(definition)


def _history_rows(
    record: CardRecord, day_of: Callable[[datetime], date]
) -> list[tuple[object, ...]]:
    card_id = record.spec.id
    return [
        (
            card_id,
            utc_stamp(review.reviewed_at),
            format_day(day_of(review.reviewed_at)),
            review.quality,
            "new" if index == 0 else "review",
            review.interval_before,
            review.interval_after,
            easiness_to_milli(review.easiness_before),
            easiness_to_milli(review.easiness_after),
            review.duration_ms,
        )
        for index, review in enumerate(sorted(record.history, key=lambda r: r.reviewed_at))
    ]


def _suspend_missing(conn: sqlite3.Connection, found: Existing, present: set[str]) -> list[str]:
    missing = found.missing(present)
    conn.executemany("UPDATE cards SET suspended = 1 WHERE id = ?", [(c,) for c in missing])
    return missing
