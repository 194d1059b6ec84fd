"""A whole review session driven from the keyboard, checked against what the collection stored."""

from __future__ import annotations

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
    window.activateWindow()
    yield window
    window.close()
    collection.close()


def deck_row(window, deck):
    node = window.model.node(window.model.index_for_deck(deck))
    return node.count("new"), node.count("repeat"), node.count("due")


def test_keyboard_session_start_show_grade_undo_finish(qtbot, window):
    collection, review = window.collection, window.review
    window.select_deck("Docker")
    qtbot.keyClick(window.tree, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is review
    first = review.card.id

    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert review.answer_shown
    assert review.grade_buttons[4].text().endswith("1d")
    qtbot.keyClick(review, Qt.Key.Key_3)  # Good
    second = review.card.id
    assert second != first
    qtbot.waitUntil(lambda: deck_row(window, "Docker") == (2, 0, 0))

    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_Space)  # once shown, Space grades Good
    assert len(review_rows(collection)) == 2
    qtbot.keyClick(review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.card.id == second
    assert not review.answer_shown
    assert len(review_rows(collection)) == 1
    assert collection.card(second).is_new

    qtbot.keyClick(review, Qt.Key.Key_Return)
    qtbot.keyClick(review, Qt.Key.Key_4)  # Easy
    third = review.card.id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_1)  # Again: comes back today
    assert review.card.id == third
    qtbot.keyClick(review, Qt.Key.Key_Space)
    qtbot.keyClick(review, Qt.Key.Key_Enter)  # Good ends the same-day repeat
    assert window.pages.currentWidget() is window.done

    rows = review_rows(collection)
    assert [(r["card_id"], r["quality"]) for r in rows] == [
        (first, 4),
        (second, 5),
        (third, 2),
        (third, 4),
    ]
    assert [r["kind"] for r in rows][:3] == ["new", "new", "new"]
    assert all(r["duration_ms"] is not None for r in rows)
    for card_id in (first, second):
        card = collection.card(card_id)
        assert (card.repetitions, card.interval, str(card.due)) == (1, 1, "2026-11-28")
    assert window.done.value_texts()[0] == "4"
    assert window.done.value_texts()[2] == "3"  # all three cards are due tomorrow
    qtbot.waitUntil(lambda: deck_row(window, "Docker") == (0, 0, 0))

    qtbot.keyClick(window.done, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.deck_page


def test_status_line_shows_what_is_left(qtbot, window):
    window.study("Docker")
    assert "3 new · 0 repeat · 0 due" in window.review.status.text()
    assert window.review.timer_label.text() == "0:00 on this card"
    qtbot.keyClick(window.review, Qt.Key.Key_Space)
    qtbot.keyClick(window.review, Qt.Key.Key_1)  # Again
    assert "2 new · 1 repeat · 0 due" in window.review.status.text()


def test_bury_and_suspend_take_the_card_away(qtbot, window):
    collection, review = window.collection, window.review
    window.study("Docker")
    buried = review.card.id
    qtbot.keyClick(review, "-")
    suspended = review.card.id
    qtbot.keyClick(review, "@")
    assert collection.card(suspended).suspended
    assert str(collection.card(buried).buried_until) == "2026-11-28"
    assert review.card.id not in (buried, suspended)
    assert review_rows(collection) == []
    qtbot.waitUntil(lambda: deck_row(window, "Docker") == (1, 0, 0))


def test_edit_in_place_saves_to_the_collection(qtbot, window):
    review = window.review
    window.study("Docker")
    card_id = review.card.id
    qtbot.keyClick(review, "e")
    assert review.pages.currentWidget() is review.editor
    review.editor.answer.setPlainText("A **new** answer")
    qtbot.keyClick(review.editor.answer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert review.pages.currentWidget() is review.view
    assert window.collection.card(card_id).answer == "A **new** answer"
    assert review.card.id == card_id
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert "new" in review.view.toPlainText()


def test_six_grade_mode_uses_keys_0_to_5(qtbot, window):
    window.collection.set_config("grading", "six")
    window.study("Docker")
    review = window.review
    assert sorted(review.grade_buttons) == [0, 1, 2, 3, 4, 5]
    # Each button names its grade as SuperMemo does, not just a bare digit.
    assert review.grade_buttons[0].text() == "0 · Blackout"
    assert review.grade_buttons[5].text() == "5 · Perfect"
    assert review.grade_buttons[3].toolTip() == "Right, with serious difficulty (key 3)"
    qtbot.keyClick(review, Qt.Key.Key_Space)
    assert review.grade_buttons[4].text().startswith("4 · Good\n")
    qtbot.keyClick(review, Qt.Key.Key_0)
    assert [r["quality"] for r in review_rows(window.collection)] == [0]


def test_zoom_keys_change_and_remember_the_card_font(qtbot, window):
    window.study("Docker")
    size = window.review.view.font_size()
    qtbot.keyClick(window.review, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.review, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.review, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.review.view.font_size() == size + 1
    assert window.settings.font_size == size + 1


def test_escape_returns_to_the_deck_list_with_the_deck_selected(qtbot, window):
    window.study("Docker::Dockerfile")
    qtbot.keyClick(window.review, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.deck_page
    assert window.selected_deck() == "Docker::Dockerfile"
