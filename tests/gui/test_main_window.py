"""The deck list: how a review starts, Undo from the deck list, menus, and the done screen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from app.gui.main_window import MainWindow
from tests.gui.support import NOON, make_collection, make_settings, review_rows


@pytest.fixture
def window(qtbot, tmp_path):
    collection = make_collection(tmp_path)
    window = MainWindow(collection, make_settings(tmp_path), clock=lambda: NOON)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    collection.close()


def test_double_click_and_study_button_start_the_selected_deck(qtbot, window):
    index = window.model.index_for_deck("Docker::Dockerfile")
    window.tree.setCurrentIndex(index)
    rect = window.tree.visualRect(index)
    viewport = window.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is window.review
    assert window.review.deck == "Docker::Dockerfile"
    assert window.review.card.deck == "Docker::Dockerfile"

    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    window.select_deck("Docker")
    assert window.overview.study_button.isEnabled()
    qtbot.mouseClick(window.overview.study_button, Qt.MouseButton.LeftButton)
    assert window.review.deck == "Docker"


def test_overview_shows_the_selected_decks_counts(window):
    window.select_deck("Docker::Dockerfile")
    assert window.overview.title.text() == "Docker::Dockerfile"
    assert "New <b" in window.overview.counts.text()
    assert ">1</b>" in window.overview.counts.text()


def test_undo_from_the_deck_list_goes_back_to_that_card(qtbot, window):
    window.study("Docker")
    card_id = window.review.card.id
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_3)
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    assert window.action_undo.isEnabled()
    window.action_undo.trigger()
    assert window.pages.currentWidget() is window.review
    assert window.review.card.id == card_id
    assert review_rows(window.collection) == []
    qtbot.waitUntil(lambda: not window.action_undo.isEnabled())


def test_a_finished_deck_opens_on_the_done_screen(qtbot, window):
    window.collection.set_deck_limits("Docker", 0, 0)
    window.refresh()
    assert not window.overview.study_button.isEnabled()
    window.study("Docker")
    assert window.pages.currentWidget() is window.done
    assert window.done.value_texts() == ["0", "0:00", "0", "0"]


def test_menus_offer_the_documented_commands(window):
    def texts(menu):
        return [a.text() for a in menu.actions() if not a.isSeparator()]

    assert texts(window.file_menu) == [
        "&Import…",
        "&Export…",
        "&Backup now",
        "&Restore backup…",
        "&Quit",
    ]
    assert texts(window.edit_menu) == ["&Undo"]
    assert texts(window.tools_menu) == [
        "&Browse",
        "&Add cards…",
        "&Statistics",
        "&Check collection",
        "&Preferences…",
    ]
    assert texts(window.help_menu) == ["&Keyboard shortcuts", "&About Deckard"]


def run_self_test(path):
    """`deckard --self-test` on the collection at `path`, in a process of its own."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "app", "--collection", str(path), "--self-test"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_self_test_reviews_one_card_and_leaves_the_collection_as_it_was(tmp_path):
    collection = make_collection(tmp_path)
    collection.close()
    done = run_self_test(tmp_path / "test.deckard")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("self-test ok: reviewed card docker-")
    from app.core.collection import Collection

    with Collection.open(tmp_path / "test.deckard") as reopened:
        assert review_rows(reopened) == []


def test_tools_menu_opens_browser_and_statistics_once_each(qtbot, window):
    from app.gui.browser import BrowserWindow
    from app.gui.stats_window import StatsWindow

    window.action_browse.trigger()
    window.action_stats.trigger()
    window.action_browse.trigger()  # raises the open browser instead of a second one
    browsers = [w for w in window.findChildren(BrowserWindow)]
    assert len(browsers) == 1 and browsers[0].isVisible()
    assert any(w.isVisible() for w in window.findChildren(StatsWindow))


def test_an_edit_in_the_browser_shows_on_the_review_screen(qtbot, window):
    window.study("Docker")
    card_id = window.review.card.id
    window.collection.update_card(card_id, question="改过的问题")
    window._cards_changed()
    assert window.review.view.toPlainText().strip() == "改过的问题"


def test_backup_now_writes_a_backup(qtbot, window, tmp_path):
    from app.core.backup import list_backups

    window.action_backup.trigger()  # runs in a worker with its own connection
    qtbot.waitUntil(lambda: "Backup saved" in window.statusBar().currentMessage(), timeout=10_000)
    backups = list_backups(window.collection.path)
    assert len(backups) == 1
    assert backups[0].cards == 3
    assert str(backups[0].path) in window.statusBar().currentMessage()


def test_periodic_backup_runs_in_the_background_only_when_needed(qtbot, window):
    from app.core.backup import list_backups

    def backup_and_wait():
        window._periodic_backup()
        qtbot.waitUntil(lambda: window._backup_task is None, timeout=10_000)

    backup_and_wait()
    backup_and_wait()
    assert len(list_backups(window.collection.path)) == 1  # the second found nothing new


def test_a_second_app_on_a_collection_in_use_says_who_holds_it(tmp_path):
    collection = make_collection(tmp_path)
    done = run_self_test(tmp_path / "test.deckard")
    collection.close()
    assert done.returncode == 1
    assert "self-test failed" in done.stderr
    assert f"process {os.getpid()}" in done.stderr


def new_count(window, deck):
    return window.model.node(window.model.index_for_deck(deck)).count("new")


def test_check_collection_repairs_and_the_deck_list_shows_the_result(qtbot, window, monkeypatch):
    from app.gui import check_dialog

    told = []
    monkeypatch.setattr(
        check_dialog, "inform", lambda _p, _t, text, warning=False: told.append(text)
    )
    connection = window.collection.conn
    connection.execute("PRAGMA foreign_keys = OFF")  # a card whose deck is gone
    connection.execute("UPDATE cards SET deck_id = 999 WHERE question LIKE '%COPY%'")
    connection.execute("PRAGMA foreign_keys = ON")
    window.study("Docker")
    window.action_check.trigger()
    assert len(told) == 1 and "Recovered" in told[0]
    assert window.pages.currentWidget() is window.deck_page
    assert new_count(window, "Recovered") == 1
    assert new_count(window, "Docker") == 2


def test_restoring_a_backup_leaves_the_review_and_redraws_every_view(qtbot, window, monkeypatch):
    from app.core.backup import backup_now
    from app.gui import backup_dialog
    from app.gui.browser import BrowserWindow

    backup_now(window.collection, now=NOON)
    window.study("Docker")
    for _ in range(2):
        qtbot.keyClick(window.review, Qt.Key.Key_Space)
        qtbot.keyClick(window.review, Qt.Key.Key_3)
    window.refresh()
    assert new_count(window, "Docker") == 1
    window.action_browse.trigger()
    [browser] = window.findChildren(BrowserWindow)
    browser.search("is:new")
    assert browser.model.rowCount() == 1
    window.study("Docker")
    assert window.pages.currentWidget() is window.review

    monkeypatch.setattr(backup_dialog, "ask", lambda *_args: True)
    monkeypatch.setattr(backup_dialog, "inform", lambda *_args, **_kwargs: None)
    # The dialog runs modally in the app; here it restores the newest backup and returns.
    monkeypatch.setattr(
        backup_dialog.RestoreBackupDialog, "exec", lambda dialog: dialog.restore_selected()
    )
    window.action_restore.trigger()

    assert window.pages.currentWidget() is window.deck_page
    assert window.review.card is None
    assert new_count(window, "Docker") == 3
    assert browser.model.rowCount() == 3
    assert not window.action_undo.isEnabled()


def test_the_selected_deck_row_is_one_even_highlight(qtbot, window):
    """No second frame drawn inside the name cell of the current row: each pixel line of the
    row's background is one colour from the deck name's cell to the last count."""
    window.select_deck("Docker")
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(window.tree.hasFocus)
    rect = window.tree.visualRect(window.model.index_for_deck("Docker"))
    image = window.tree.viewport().grab().toImage()
    # The right half of the name cell holds no text, only the row's background.
    for y in range(rect.top() + 1, rect.bottom()):
        line = {image.pixelColor(x, y).rgb() for x in range(rect.center().x(), rect.right() + 1)}
        assert len(line) == 1, y
