"""Preferences are written where they belong and survive a restart; the window keeps its layout."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.gui.main_window import MainWindow
from app.gui.preferences_dialog import PreferencesDialog
from tests.gui.support import NOON, make_collection, make_settings


@pytest.fixture
def collection(tmp_path):
    collection = make_collection(tmp_path)
    yield collection
    collection.close()


def test_preferences_persist(qtbot, tmp_path, collection):
    dialog = PreferencesDialog(collection, make_settings(tmp_path))
    qtbot.addWidget(dialog)
    dialog.deck_combo.setCurrentText("Docker::Dockerfile")
    dialog.new_per_day.setValue(5)
    dialog.reviews_per_day.setValue(50)
    dialog.day_start.setValue(6)
    dialog.six_grades.setChecked(True)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(22)
    dialog.accept()

    assert collection.deck_limits("Docker::Dockerfile") == (5, 50)
    assert collection.deck_limits("Docker") == (20, 200)
    assert collection.get_config("day_start_hour") == 6
    assert collection.get_config("grading") == "six"
    reread = make_settings(tmp_path)  # a new QSettings on the same file, as after a restart
    assert (reread.language, reread.theme, reread.font_size) == ("zh_CN", "dark", 22)
    changes = dialog.changes
    assert changes.language and changes.theme and changes.font_size and changes.grading

    again = PreferencesDialog(collection, reread)
    qtbot.addWidget(again)
    again.deck_combo.setCurrentText("Docker::Dockerfile")
    assert (again.new_per_day.value(), again.reviews_per_day.value()) == (5, 50)
    assert again.six_grades.isChecked()
    assert again.language.currentData() == "zh_CN"


def test_cancel_changes_nothing(qtbot, tmp_path, collection):
    dialog = PreferencesDialog(collection, make_settings(tmp_path))
    qtbot.addWidget(dialog)
    dialog.new_per_day.setValue(1)
    dialog.font_size.setValue(30)
    dialog.reject()
    assert collection.deck_limits(dialog.deck_combo.currentText()) == (20, 200)
    assert make_settings(tmp_path).font_size != 30


def test_new_limit_changes_what_is_left_today(qtbot, tmp_path, collection, monkeypatch):
    window = MainWindow(collection, make_settings(tmp_path), clock=lambda: NOON)
    qtbot.addWidget(window)

    def choose(dialog):
        dialog.deck_combo.setCurrentText("Docker")
        dialog.new_per_day.setValue(1)
        dialog.six_grades.setChecked(True)
        dialog.font_size.setValue(12)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.preferences()
    node = window.model.node(window.model.index_for_deck("Docker"))
    assert node.count("new") == 1
    assert window.review.view.font_size() == 12
    window.study("Docker")
    assert sorted(window.review.grade_buttons) == [0, 1, 2, 3, 4, 5]


def test_window_geometry_and_splitter_are_remembered(qtbot, tmp_path, collection):
    first = MainWindow(collection, make_settings(tmp_path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 520)  # inside the 800x600 offscreen screen
    first.splitter.setSizes([250, 430])
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(collection, make_settings(tmp_path))
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes() == sizes


def test_choosing_the_dark_theme_redraws_cards_dark(qtbot, tmp_path, collection, monkeypatch, qapp):
    from app.gui.theme import DARK_CARD, LIGHT_CARD, apply_theme, resolve_dark

    def change_theme(choice):
        apply_theme(qapp, resolve_dark(choice))

    window = MainWindow(
        collection, make_settings(tmp_path), clock=lambda: NOON, on_theme_change=change_theme
    )
    qtbot.addWidget(window)
    window.study("Docker")
    window.review.show_answer()
    assert LIGHT_CARD.background in window.review.view.styleSheet()

    def choose_dark(dialog):
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", choose_dark)
    try:
        window.preferences()
        assert DARK_CARD.background in window.review.view.styleSheet()
        assert "#272822" in window.review.view.toHtml().lower()  # monokai code background
    finally:
        apply_theme(qapp, False)
