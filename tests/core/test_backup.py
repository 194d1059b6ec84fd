"""Backups: online snapshots in generations, listed with date and card count, restorable."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from app.core.backup import (
    BackupInfo,
    Retention,
    automatic_backup,
    backup_now,
    backups_dir_for,
    backups_to_keep,
    list_backups,
    read_backup_info,
    restore_backup,
    restore_collection_file,
)
from app.core.collection import Collection
from app.core.errors import CollectionError, InputError
from app.core.model import CardRecord, CardSpec, ImportBatch
from app.core.schema import LATEST_VERSION

NOW = datetime(2026, 11, 27, 20, 30, tzinfo=UTC)


def open_collection(path, cards=12):
    collection = Collection.open(path, import_builtin=False)
    specs = [
        CardRecord(CardSpec(id=f"card-{n}", deck="Docker", question=f"Q{n}", answer=f"A{n}"))
        for n in range(cards)
    ]
    if specs:
        collection.apply_batch(ImportBatch(source="test", cards=specs), now=NOW)
    return collection


def answer_some(collection, count, now=NOW):
    answered = []
    for _ in range(count):
        card = collection.next_card(now=now)
        collection.answer(card.id, 4, now=now)
        answered.append(card.id)
    return answered


def review_count(collection):
    return collection.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]


@pytest.fixture
def collection(tmp_path):
    collection = open_collection(tmp_path / "collection.deckard")
    yield collection
    collection.close()


def decompressed(backup_path, target):
    """A backup as a plain SQLite file, read the way any zstandard tool would read it."""
    with backup_path.open("rb") as reader, target.open("wb") as writer:
        zstandard.ZstdDecompressor().copy_stream(reader, writer)
    return target


def test_backup_now_writes_a_listed_backup_with_date_and_card_count(collection):
    info = backup_now(collection, now=NOW)
    assert info.path.parent == backups_dir_for(collection.path)
    assert info.path.parent.name == "collection.backups"
    assert info.created == NOW
    assert info.cards == 12
    assert info.schema_version == LATEST_VERSION
    listed = list_backups(collection.path)
    assert [(b.path, b.created, b.cards) for b in listed] == [(info.path, NOW, 12)]
    assert read_backup_info(info.path) == info


def test_a_backup_is_a_sound_sqlite_snapshot(collection, tmp_path):
    answer_some(collection, 3)
    info = backup_now(collection, now=NOW)
    answer_some(collection, 2)
    plain = decompressed(info.path, tmp_path / "plain.db")
    snapshot = sqlite3.connect(plain)
    assert snapshot.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert snapshot.execute("SELECT count(*) FROM reviews").fetchone() == (3,)
    assert snapshot.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert info.reviews == 3


def test_backups_made_in_the_same_second_do_not_overwrite_each_other(collection):
    first = backup_now(collection, now=NOW)
    answer_some(collection, 1)
    second = backup_now(collection, now=NOW)
    assert first.path != second.path
    assert {b.reviews for b in list_backups(collection.path)} == {0, 1}


def test_restore_brings_back_the_backup_and_keeps_the_current_state(collection):
    answer_some(collection, 2)
    old = backup_now(collection, now=NOW)
    answer_some(collection, 3)
    safety = restore_backup(collection, old.path, now=NOW + timedelta(hours=1))
    assert review_count(collection) == 2
    assert safety.reviews == 5
    assert safety.created == NOW + timedelta(hours=1)
    assert {b.path for b in list_backups(collection.path)} == {old.path, safety.path}
    assert collection.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_restore_refuses_a_file_that_is_not_a_backup(collection, tmp_path):
    bogus = tmp_path / "bogus.deckard-backup"
    bogus.write_bytes(b"this is not a backup at all")
    answer_some(collection, 1)
    with pytest.raises(InputError, match="not a Deckard backup"):
        restore_backup(collection, bogus)
    assert review_count(collection) == 1
    assert list_backups(collection.path) == []


def test_restore_refuses_a_backup_from_a_newer_deckard(collection, tmp_path):
    newer = tmp_path / "newer.deckard"
    with open_collection(newer, cards=1) as other:
        other.conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(InputError, match="newer version of Deckard"):
        restore_backup(collection, newer)
    assert collection.conn.execute("SELECT count(*) FROM cards").fetchone() == (12,)


def test_restore_accepts_a_plain_collection_file(collection, tmp_path):
    with open_collection(tmp_path / "other.deckard", cards=3) as other:
        other_path = other.path
    restore_backup(collection, other_path, now=NOW)
    assert collection.conn.execute("SELECT count(*) FROM cards").fetchone() == (3,)


def test_automatic_backup_only_when_something_changed_and_the_last_is_old(collection):
    assert automatic_backup(collection, now=NOW) is not None
    assert automatic_backup(collection, now=NOW + timedelta(hours=5)) is None
    answer_some(collection, 1, now=NOW + timedelta(minutes=1))
    assert automatic_backup(collection, now=NOW + timedelta(minutes=20)) is None
    made = automatic_backup(collection, now=NOW + timedelta(minutes=31))
    assert made is not None and made.reviews == 1
    answer_some(collection, 1, now=NOW + timedelta(minutes=32))
    at_close = automatic_backup(
        collection, now=NOW + timedelta(minutes=33), min_interval=timedelta(0)
    )
    assert at_close is not None and at_close.reviews == 2


def fake_backups(moments):
    return [
        BackupInfo(Path(f"{m:%Y%m%d%H%M}"), m, 1, 0, 1, "x") for m in sorted(moments, reverse=True)
    ]


def test_generations_keep_the_newest_of_each_day_week_and_month():
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    # Two backups a day (9:00 and 21:00) for 200 days.
    moments = [start + timedelta(days=d, hours=h) for d in range(200) for h in (0, 12)]
    backups = fake_backups(moments)
    kept = backups_to_keep(backups, Retention(recent=3, daily=5, weekly=3, monthly=4), tz=UTC)
    kept_moments = sorted((b.created for b in backups if b.path in kept), reverse=True)
    last = moments[-1]
    recent = [last, last - timedelta(hours=12), last - timedelta(hours=24)]
    daily = [last - timedelta(days=d) for d in range(5)]
    weekly_days = [date for date in (last.date() - timedelta(days=d) for d in range(21))]
    weekly = {
        max(m for m in moments if m.isocalendar()[:2] == day.isocalendar()[:2])
        for day in weekly_days
    }
    monthly = {
        max(m for m in moments if (m.year, m.month) == month)
        for month in [(2026, 7), (2026, 6), (2026, 5), (2026, 4)]
    }
    assert set(kept_moments) == set(recent) | set(daily) | weekly | monthly
    assert len(weekly) == 3


def test_zero_counts_keep_only_the_recent_backups():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    backups = fake_backups([start + timedelta(days=d) for d in range(10)])
    kept = backups_to_keep(backups, Retention(recent=2, daily=0, weekly=0, monthly=0), tz=UTC)
    assert kept == {backups[0].path, backups[1].path}


def test_backup_now_prunes_with_the_collection_settings(collection):
    collection.set_config("backup_recent", 1)
    collection.set_config("backup_daily", 2)
    collection.set_config("backup_weekly", 0)
    collection.set_config("backup_monthly", 0)
    for day in range(6):
        backup_now(collection, now=NOW + timedelta(days=day))
    listed = list_backups(collection.path)
    assert [b.created for b in listed] == [NOW + timedelta(days=5), NOW + timedelta(days=4)]


def test_invalid_settings_fall_back_to_the_defaults():
    settings = {"backup_daily": "lots", "backup_weekly": -1, "backup_recent": 0}
    keep = Retention.from_config(lambda key, default: settings.get(key, default))
    assert keep == Retention(recent=1, daily=7, weekly=4, monthly=12)


def test_restore_of_a_file_that_is_not_open(tmp_path):
    path = tmp_path / "collection.deckard"
    with open_collection(path) as collection:
        answer_some(collection, 2)
        old = backup_now(collection, now=NOW)
        answer_some(collection, 2)
    result = restore_collection_file(path, old.path, now=NOW + timedelta(minutes=5))
    assert result.moved_aside is None
    assert result.safety_backup.reviews == 4
    with Collection.open(path, import_builtin=False) as reopened:
        assert review_count(reopened) == 2


def test_restore_moves_a_damaged_collection_aside_with_its_journal(tmp_path):
    path = tmp_path / "collection.deckard"
    with open_collection(path) as collection:
        old = backup_now(collection, now=NOW)
    damaged = b"SQLite format 3\x00" + b"\xde\xad" * 3000
    path.write_bytes(damaged)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale write-ahead log")
    result = restore_collection_file(path, old.path, now=NOW)
    assert result.safety_backup is None
    assert result.moved_aside.read_bytes() == damaged
    assert result.moved_aside.name == "collection.deckard.damaged-2026-11-27_203000Z"
    assert not wal.exists()
    with Collection.open(path, import_builtin=False) as reopened:
        assert reopened.conn.execute("SELECT count(*) FROM cards").fetchone() == (12,)


def test_restore_of_a_collection_in_use_by_another_process_is_refused(tmp_path):
    path = tmp_path / "collection.deckard"
    with open_collection(path, cards=12) as collection:
        old = backup_now(collection, now=NOW)
        answer_some(collection, 1)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(CollectionError, match=f"in use by deckard gui .process {holder.pid}"):
            restore_collection_file(path, old.path)
    finally:
        holder.communicate("done\n")
    with Collection.open(path, import_builtin=False) as reopened:
        assert review_count(reopened) == 1


HOLDER = """
import sys
from pathlib import Path
from app.core.lock import acquire_lock

lock = acquire_lock(Path(sys.argv[1]), program="deckard gui")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_a_backup_cut_short_is_refused(collection):
    info = backup_now(collection, now=NOW)
    info.path.write_bytes(info.path.read_bytes()[:-40])
    with pytest.raises(InputError, match="cut short"):
        restore_backup(collection, info.path)
    assert collection.conn.execute("SELECT count(*) FROM cards").fetchone() == (12,)


def test_after_a_restore_there_is_nothing_to_undo(collection):
    old = backup_now(collection, now=NOW)
    answer_some(collection, 1)
    assert collection.can_undo()
    restore_backup(collection, old.path, now=NOW)
    assert not collection.can_undo()
    assert collection.next_card(now=NOW) is not None


def test_a_backup_on_another_thread_while_answering_is_a_consistent_snapshot(collection, tmp_path):
    import threading

    made = []
    worker = threading.Thread(target=lambda: made.append(backup_now(collection, now=NOW)))
    card = collection.next_card(now=NOW)
    worker.start()
    for _ in range(10):
        collection.answer(card.id, 4, now=NOW)
        card = collection.next_card(now=NOW)
    worker.join()
    plain = decompressed(made[0].path, tmp_path / "plain.db")
    snapshot = sqlite3.connect(plain)
    assert snapshot.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    (reviews,) = snapshot.execute("SELECT count(*) FROM reviews").fetchone()
    assert reviews == made[0].reviews
    # Every review in the snapshot left its card rescheduled in the same snapshot.
    unscheduled = snapshot.execute(
        "SELECT count(*) FROM reviews r JOIN cards c ON c.id = r.card_id WHERE c.due IS NULL"
    ).fetchone()
    assert unscheduled == (0,)


def test_restore_into_a_place_with_no_collection_yet(tmp_path):
    with open_collection(tmp_path / "old.deckard", cards=5) as collection:
        answer_some(collection, 2)
        old = backup_now(collection, now=NOW)
    path = tmp_path / "elsewhere" / "collection.deckard"
    result = restore_collection_file(path, old.path)
    assert result.safety_backup is None and result.moved_aside is None
    with Collection.open(path, import_builtin=False) as restored:
        assert review_count(restored) == 2


def test_a_backup_from_an_older_schema_is_brought_up_to_date(collection, tmp_path):
    from app.core import schema

    older = tmp_path / "older.deckard"
    connection = sqlite3.connect(older, isolation_level=None)
    schema.migrate(connection, target=1)
    connection.execute("INSERT INTO decks (id, name) VALUES (1, 'Old')")
    connection.execute(
        "INSERT INTO cards (id, deck_id, question, answer, position, created_at, modified_at)"
        " VALUES ('old-1', 1, 'Q', 'A', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"
    )
    connection.close()
    restore_backup(collection, older, now=NOW)
    assert collection.conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    assert collection.next_card(now=NOW).id == "old-1"
    assert collection.deck_names() == ["Old"]
    assert [(c.deck, c.total) for c in collection.deck_counts(now=NOW)] == [("Old", 1)]
