"""The log is copied into the collection file in the background during long sessions, so it
stops growing; closing the collection stops that thread and leaves one complete file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from app.core import checkpoint
from app.core import collection as collection_module
from app.core.collection import Collection
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
    assert not any(t.name == "deckard-checkpoint" for t in threading.enumerate())
    assert not _wal(path).exists()
    again = Collection.open(path, import_builtin=False)
    assert len(again.history("Docker-0")) == 1
    again.close()
