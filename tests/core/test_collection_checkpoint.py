"""The log is copied into the collection file in the background during long sessions, so it
stops growing; a longer session has the log file lengthened ahead of its answers, once; closing
the collection stops that thread and leaves one complete file."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from app.core import checkpoint
from app.core import collection as collection_module
from app.core.collection import LENGTHEN_LOG_AFTER, Collection
from app.core.store import WAL_AUTOCHECKPOINT_PAGES
from tests.core.collection_helpers import NOON, with_cards

# Fewer answers between checkpoints than the collection's own spacing, to keep the tests short.
CHECKPOINT_EVERY = 32


@pytest.fixture(autouse=True)
def _short_spacing(monkeypatch):
    monkeypatch.setattr(collection_module, "CHECKPOINT_EVERY", CHECKPOINT_EVERY)


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


def _log_frames_length(collection) -> int:
    page_size = collection.conn.execute("PRAGMA page_size").fetchone()[0]
    return 32 + WAL_AUTOCHECKPOINT_PAGES * (24 + page_size)


def test_a_longer_session_has_the_log_lengthened_once_and_keeps_every_answer(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 0.0)
    collection = with_cards(tmp_path, {"Docker": 100})
    collection.set_deck_limits("Docker", 100, 0)
    _answer(collection, LENGTHEN_LOG_AFTER - 1)
    collection.settle()
    short = _wal(collection.path).stat().st_size
    _answer(collection, 1)
    collection.settle()
    lengthened = _wal(collection.path).stat().st_size
    assert lengthened == _log_frames_length(collection) > short
    _answer(collection, 40)
    collection.settle()
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
        answered = copy.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        assert answered == LENGTHEN_LOG_AFTER + 40


def test_a_nearly_full_disk_keeps_the_log_as_short_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setattr(checkpoint, "IDLE_SECONDS", 0.0)
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(checkpoint.shutil, "disk_usage", lambda _: usage._replace(free=1 << 20))
    collection = with_cards(tmp_path, {"Docker": 40})
    collection.set_deck_limits("Docker", 40, 0)
    _answer(collection, LENGTHEN_LOG_AFTER + 2)
    collection.settle()
    assert _wal(collection.path).stat().st_size < _log_frames_length(collection)
    collection.close()
