"""A large import writes its cards on a second thread while the next rows are prepared, and
straight into the collection file rather than through the write-ahead log: it is still all or
nothing, whichever side fails, and the collection is left exactly as it was, back in WAL mode."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.core import merge, merge_media
from app.core.collection import Collection
from app.core.errors import CollectionError
from app.core.model import CardRecord, CardSpec, ImportBatch, Schedule

NOON = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CARDS = merge.LARGE_BATCH_CARDS + 1500


def large_batch(source: str) -> ImportBatch:
    schedule = Schedule(3, 10, Decimal("2.5"), date(2026, 12, 1))
    cards = [
        CardRecord(
            CardSpec(f"big-{n}", f"Big::Part {n % 7}", f"Question {n}", f"Answer {n}", ("t",)),
            schedule if n % 3 == 0 else None,
        )
        for n in range(CARDS)
    ]
    return ImportBatch(source=source, cards=cards, media={"big.png": b"png"})


def snapshot(collection: Collection) -> list[list[tuple]]:
    conn = collection.conn
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        for table in ("cards", "decks", "deck_totals", "reviews")
    ]


@pytest.fixture
def collection(tmp_path):
    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as opened:
        small = ImportBatch(source="small", cards=[CardRecord(CardSpec("one", "Old", "q", "a"))])
        opened.apply_batch(small, now=NOON)
        yield opened


def test_a_large_batch_is_written_whole(collection):
    result = collection.apply_batch(large_batch("big"), now=NOON)
    assert len(result.added) == CARDS
    rows = collection.conn.execute("SELECT id, position FROM cards ORDER BY position").fetchall()
    assert [card_id for card_id, _ in rows] == ["one", *(f"big-{n}" for n in range(CARDS))]
    assert collection.card("big-3").interval == 10
    assert collection.conn.execute("SELECT sum(cards) FROM deck_totals").fetchone() == (CARDS + 1,)


def journal_mode(collection: Collection) -> str:
    return collection.conn.execute("PRAGMA journal_mode").fetchone()[0]


def test_a_large_batch_is_written_into_the_file_once_and_the_log_comes_back(collection):
    log = collection.path.with_name(collection.path.name + "-wal")
    modes = []
    real_insert = merge.insert_rows

    def watched_insert(conn, sql, rows):
        modes.append(conn.execute("PRAGMA journal_mode").fetchone()[0])
        real_insert(conn, sql, rows)

    merge.insert_rows, saved = watched_insert, merge.insert_rows
    try:
        collection.apply_batch(large_batch("big"), now=NOON)
    finally:
        merge.insert_rows = saved
    assert set(modes) == {"delete"}
    assert journal_mode(collection) == "wal"
    # Megabytes of cards, none of them in the log: nothing to copy again on closing.
    assert not log.exists() or log.stat().st_size < 64 * 1024
    assert not collection.path.with_name(collection.path.name + "-journal").exists()
    collection.close()
    with Collection.open(collection.path, import_builtin=False) as reopened:
        assert reopened.conn.execute("SELECT count(*) FROM cards").fetchone() == (CARDS + 1,)
        assert journal_mode(reopened) == "wal"


def test_with_another_reader_open_a_large_batch_goes_through_the_log(collection):
    reader = sqlite3.connect(collection.path)
    try:
        assert reader.execute("SELECT count(*) FROM cards").fetchone() == (1,)
        result = collection.apply_batch(large_batch("big"), now=NOON)
        assert len(result.added) == CARDS
        assert journal_mode(collection) == "wal"
        assert reader.execute("SELECT count(*) FROM cards").fetchone() == (CARDS + 1,)
    finally:
        reader.close()


def test_a_failing_insert_on_the_writing_thread_leaves_everything_as_it_was(
    collection, monkeypatch
):
    before = snapshot(collection)
    calls = []
    real_insert = merge.insert_rows

    def failing_insert(conn, sql, rows):
        calls.append(len(rows))
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        real_insert(conn, sql, rows)

    monkeypatch.setattr(merge, "insert_rows", failing_insert)
    with pytest.raises(CollectionError, match="disk is full"):
        collection.apply_batch(large_batch("big"), now=NOON)
    assert len(calls) >= 3  # two chunks were already written inside the transaction
    assert snapshot(collection) == before
    assert journal_mode(collection) == "wal"
    assert not (collection.media_dir / "big.png").exists()


def test_an_interruption_while_rows_are_prepared_leaves_everything_as_it_was(
    collection, monkeypatch
):
    before = snapshot(collection)
    interrupting = threading.Event()
    real_insert = merge.insert_rows
    real_format_day = merge.format_day

    def slow_insert(conn, sql, rows):
        # The second chunk is still being written when the interruption comes.
        if rows[0][0] == f"big-{merge.CHUNK}":
            interrupting.wait(10)
        real_insert(conn, sql, rows)

    days = []

    def interrupted(day):
        days.append(day)
        if len(days) == 800:  # a few chunks in
            interrupting.set()
            raise KeyboardInterrupt
        return real_format_day(day)

    monkeypatch.setattr(merge, "insert_rows", slow_insert)
    monkeypatch.setattr(merge, "format_day", interrupted)
    with pytest.raises(KeyboardInterrupt):
        collection.apply_batch(large_batch("big"), now=NOON)
    assert not [t for t in threading.enumerate() if t.name == "import-inserts"]  # stopped
    assert snapshot(collection) == before
    assert not (collection.media_dir / "big.png").exists()
    monkeypatch.setattr(merge, "format_day", real_format_day)
    assert len(collection.apply_batch(large_batch("big"), now=NOON).added) == CARDS


def test_media_failing_to_write_beside_the_merge_leaves_everything_as_it_was(
    collection, monkeypatch
):
    before = snapshot(collection)
    real_replace = merge_media.os.replace

    def failing_replace(source, target):
        if str(target).endswith("b.png"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(merge_media.os, "replace", failing_replace)
    batch = large_batch("big")
    batch.media = {"a.png": b"a", "b.png": b"b", "c.png": b"c"}
    with pytest.raises(OSError, match="No space left"):
        collection.apply_batch(batch, now=NOON)
    assert snapshot(collection) == before
    assert sorted(p.name for p in collection.media_dir.iterdir()) == []
