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


def with_an_orphaned_review(tmp_path):
    """A collection holding one review of a card that no longer exists."""
    collection = make_collection(tmp_path)
    card = collection.next_card(now=NOON)
    collection.answer(card.id, 4, now=NOON)
    collection.conn.execute("PRAGMA foreign_keys = OFF")
    collection.conn.execute("DELETE FROM cards WHERE id = ?", (card.id,))
    collection.conn.execute("PRAGMA foreign_keys = ON")
    return collection


def test_orphaned_reviews_are_removed_after_a_backup_and_reported(qtbot, tmp_path, shown):
    collection = with_an_orphaned_review(tmp_path)
    report = run_collection_check(collection)
    assert report.ok
    [(text, _warning)] = shown
    assert "removed 1 review(s) of missing cards" in text
    assert "Backed up the collection first" in text
    assert collection.conn.execute("SELECT count(*) FROM reviews").fetchone() == (0,)
    assert [b.reviews for b in list_backups(collection.path)] == [1]
    collection.close()


def test_the_report_speaks_the_interface_language(qtbot, qapp, tmp_path, shown):
    from app.gui.application import install_language

    collection = with_an_orphaned_review(tmp_path)
    install_language(qapp, "zh_CN")
    try:
        run_collection_check(collection)
    finally:
        install_language(qapp, "en")
    [(text, _warning)] = shown
    assert "卡片集现已完好" in text
    assert "发现：1 条复习记录的卡片已不存在" in text
    assert "已修复：删除了 1 条已不存在卡片的复习记录" in text
    assert "已先将卡片集备份到 " in text
    assert "Found" not in text and "Repaired" not in text
    collection.close()


def test_a_sentence_the_gui_does_not_know_is_shown_as_the_core_wrote_it():
    from app.gui.check_dialog import translate_line

    assert translate_line("integrity: row 3 missing from index x") == (
        "integrity: row 3 missing from index x"
    )
    assert translate_line("moved 2 card(s) to the deck 'Recovered'") == (
        "moved 2 card(s) to the deck 'Recovered'"
    )
