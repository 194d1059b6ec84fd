"""Tools › Check collection: runs the full check and shows what it found and did."""

from __future__ import annotations

import pytest

from app.core.backup import list_backups
from app.gui import check_dialog
from app.gui.check_dialog import run_collection_check
from tests.gui.support import NOON, make_collection


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(
        check_dialog,
        "inform",
        lambda _p, _t, text, warning=False: messages.append((text, warning)),
    )
    return messages


def test_a_sound_collection_is_reported_sound(qtbot, tmp_path, shown):
    collection = make_collection(tmp_path)
    report = run_collection_check(collection)
    assert report.ok
    [(text, warning)] = shown
    assert "No problems found" in text and not warning
    collection.close()


def test_orphaned_reviews_are_removed_after_a_backup_and_reported(qtbot, tmp_path, shown):
    collection = make_collection(tmp_path)
    card = collection.next_card(now=NOON)
    collection.answer(card.id, 4, now=NOON)
    collection.conn.execute("PRAGMA foreign_keys = OFF")
    collection.conn.execute("DELETE FROM cards WHERE id = ?", (card.id,))
    collection.conn.execute("PRAGMA foreign_keys = ON")
    report = run_collection_check(collection)
    assert report.ok
    [(text, _warning)] = shown
    assert "removed 1 review(s) of missing cards" in text
    assert "Backed up the collection first" in text
    assert collection.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
    assert [b.reviews for b in list_backups(collection.path)] == [1]
    collection.close()
