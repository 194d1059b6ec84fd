"""File › Restore backup…: the list shows date and card count, and restoring asks first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.core.backup import backup_now, list_backups
from app.gui import backup_dialog
from app.gui.backup_dialog import RestoreBackupDialog
from tests.gui.support import NOON, make_collection, review_rows


@pytest.fixture
def collection(tmp_path):
    collection = make_collection(tmp_path)
    yield collection
    collection.close()


@pytest.fixture
def answers(monkeypatch):
    """Stand-ins for the question and message boxes: record what was shown, answer as told."""
    shown = {"asked": [], "told": [], "reply": True}

    def ask(_parent, _title, text):
        shown["asked"].append(text)
        return shown["reply"]

    monkeypatch.setattr(backup_dialog, "ask", ask)
    monkeypatch.setattr(
        backup_dialog, "inform", lambda _p, _t, text, warning=False: shown["told"].append(text)
    )
    return shown


def answer_one(collection, now):
    card = collection.next_card(now=now)
    collection.answer(card.id, 4, now=now)


def cell(dialog, row, column):
    return dialog.table.item(row, column).text()


def test_lists_backups_newest_first_with_date_and_card_count(qtbot, collection, tmp_path):
    backup_now(collection, now=NOON)
    answer_one(collection, NOON)
    backup_now(collection, now=NOON + timedelta(hours=2))
    dialog = RestoreBackupDialog(collection)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    newest, oldest = (NOON + timedelta(hours=2)).astimezone(), NOON.astimezone()
    assert cell(dialog, 0, 0) == newest.strftime("%Y-%m-%d %H:%M")
    assert cell(dialog, 1, 0) == oldest.strftime("%Y-%m-%d %H:%M")
    assert [cell(dialog, row, 1) for row in (0, 1)] == ["3", "3"]
    assert [cell(dialog, row, 2) for row in (0, 1)] == ["1", "0"]
    assert dialog.restore_button.isEnabled()
    dialog.show()
    dialog.grab().save(str(tmp_path / "restore_backup_dialog.png"))


def test_restoring_asks_then_brings_the_backup_back(qtbot, collection, answers):
    old = backup_now(collection, now=NOON)
    answer_one(collection, NOON)
    answer_one(collection, NOON)
    dialog = RestoreBackupDialog(collection)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    with qtbot.waitSignal(dialog.restored) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "(3 cards)" in answers["asked"][0]
    assert review_rows(collection) == []
    assert not collection.can_undo()
    assert restored.args[0].reviews == 2
    assert {b.path for b in list_backups(collection.path)} == {old.path, restored.args[0].path}
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "is kept in" in answers["told"][0]


def test_saying_no_changes_nothing(qtbot, collection, answers):
    backup_now(collection, now=NOON)
    answer_one(collection, NOON)
    answers["reply"] = False
    dialog = RestoreBackupDialog(collection)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(review_rows(collection)) == 1
    assert len(list_backups(collection.path)) == 1


def test_a_backup_that_cannot_be_restored_shows_why(qtbot, collection, answers):
    info = backup_now(collection, now=NOON)
    dialog = RestoreBackupDialog(collection)
    qtbot.addWidget(dialog)
    info.path.write_bytes(info.path.read_bytes()[:200])
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "damaged" in answers["told"][0]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert collection.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_without_backups_it_says_how_they_are_made(qtbot, collection):
    dialog = RestoreBackupDialog(collection)
    qtbot.addWidget(dialog)
    assert "no backups yet" in dialog.intro.text()
    assert not dialog.restore_button.isEnabled()
