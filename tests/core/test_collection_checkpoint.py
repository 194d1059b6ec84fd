"""The log is copied into the collection file in the background during long sessions, so it
stops growing; studying has the log file lengthened ahead of its answers, once; closing the
collection stops that thread and leaves one complete file."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from app.core import checkpoint
from app.core.collection import Collection
from app.core.store import WAL_AUTOCHECKPOINT_PAGES
from tests.core.collection_helpers import NOON, with_cards

# Fewer answers between checkpoints than the collection's own spacing, to keep the tests short.
CHECKPOINT_EVERY = 32


@pytest.fixture(autouse=True)
def _short_spacing(monkeypatch):
    monkeypatch.setattr(checkpoint, "CHECKPOINT_EVERY", CHECKPOINT_EVERY)


def _wal(path: Path) -> Path:
    return Path(f"{path}-wal")


def _answer(collection, count: int) -> None:
    for _ in range(count):
        card = collection.next_card(now=NOON)
        assert card is not None
        collection.answer(card.id, 5, now=NOON)


def test_the_log_stops_growing_during_a_long_session(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 0.0)
    cards = CHECKPOINT_EVERY * 5
    collection = with_cards(tmp_path, {"Docker": cards})
    collection.set_deck_limits("Docker", cards, 0)
    _answer(collection, CHECKPOINT_EVERY)
    collection.settle()
    _answer(collection, 2)
    after_one_checkpoint = _wal(collection.path).stat().st_size
    for _ in range(3):
        _answer(collection, CHECKPOINT_EVERY - 2)
        collection.settle()
        _answer(collection, 2)
    # Four times as many answers, and the log file is no longer than after the first ones.
    assert _wal(collection.path).stat().st_size <= after_one_checkpoint
    assert len(collection.history("Docker-0")) == 1
    collection.close()


def test_closing_stops_the_checkpoint_thread_and_leaves_one_file(tmp_path):
    collection = with_cards(tmp_path, {"Docker": CHECKPOINT_EVERY + 1})
    collection.set_deck_limits("Docker", CHECKPOINT_EVERY + 1, 0)
    _answer(collection, CHECKPOINT_EVERY + 1)
    path = collection.path
    collection.close()
    assert not any(t.name == f"deckard-checkpoint {path}" for t in threading.enumerate())
    assert not _wal(path).exists()
    again = Collection.open(path, import_builtin=False)
    assert len(again.history("Docker-0")) == 1
    again.close()


def _big_collection(tmp_path, cards: int) -> Collection:
    """A collection whose file is longer than the log gets, read afresh (no log yet)."""
    collection = with_cards(tmp_path, {"Docker": cards})
    collection.set_deck_limits("Docker", cards, 0)
    # Long answers make the file long enough for the whole length of the log.
    collection.conn.execute("UPDATE cards SET answer = printf('%.4000c', 'a')")
    collection.refresh()
    path = collection.path
    collection.close()
    return Collection.open(path, import_builtin=False)


def _study_and_pause(collection, answers: int) -> None:
    """Answer cards, show the next one and wait, as a person reading it would, for the work
    that pause lets the collection do (a lengthening of the log that found the collection
    busy answering is asked for again with the next card)."""
    _answer(collection, answers)
    collection.next_card(now=NOON)
    collection.settle()


def _full_log_length(collection) -> int:
    page_size = collection.conn.execute("PRAGMA page_size").fetchone()[0]
    return 32 + WAL_AUTOCHECKPOINT_PAGES * (24 + page_size)


def test_studying_has_the_log_lengthened_once_and_every_answer_kept(tmp_path):
    collection = _big_collection(tmp_path, 5000)
    assert collection.path.stat().st_size > _full_log_length(collection)
    _study_and_pause(collection, 1)
    lengthened = _wal(collection.path).stat().st_size
    assert lengthened == _full_log_length(collection)
    _study_and_pause(collection, 40)
    assert _wal(collection.path).stat().st_size == lengthened
    # The files as a crash would leave them, log included: the zeros after the last answer
    # are no part of the collection, and every answer is in it.
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(f"{collection.path}{suffix}", crashed / f"c.deckard{suffix}")
    collection.close()
    with Collection.open(crashed / "c.deckard", import_builtin=False) as copy:
        assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 41


def test_the_log_is_never_lengthened_past_the_collection_file(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 40})
    path = collection.path
    collection.close()
    collection = Collection.open(path, import_builtin=False)
    _study_and_pause(collection, 3)
    assert path.stat().st_size <= _wal(path).stat().st_size < _full_log_length(collection)
    collection.close()


def test_a_nearly_full_disk_keeps_the_log_as_short_as_it_is(tmp_path, monkeypatch):
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(checkpoint.shutil, "disk_usage", lambda _: usage._replace(free=1 << 20))
    collection = _big_collection(tmp_path, 5000)
    _study_and_pause(collection, 3)
    assert _wal(collection.path).stat().st_size < collection.path.stat().st_size
    collection.close()
