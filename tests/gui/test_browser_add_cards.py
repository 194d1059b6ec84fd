"""Add cards: from the main window (key A) and the browser, with the review screen's preview."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from app.gui.add_card_dialog import AddCardDialog
from app.gui.browser import BrowserWindow
from app.gui.main_window import MainWindow
from tests.core.sample_collection import NOW, make_sample
from tests.gui.support import NOON, make_collection, make_settings


def test_adding_cards_keeps_deck_and_tags_and_clears_the_sides(qtbot, tmp_path):
    collection, _ = make_sample(tmp_path)
    dialog = AddCardDialog(collection, deck="Docker::网络")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.tags_edit.setText("net 新")
    form.question_edit.setPlainText("哪个命令列出网络？")
    form.answer_edit.setPlainText("```sh\ndocker network ls\n```")
    form.update_preview()
    assert "docker network ls" in form.preview.toPlainText()
    qtbot.keyClick(form.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.added) == 1
    card = collection.card(dialog.added[0])
    assert card.is_new
    assert (card.deck, card.tags) == ("Docker::网络", ("net", "新"))
    assert card.answer == "```sh\ndocker network ls\n```"
    assert form.question_edit.toPlainText() == "" and form.answer_edit.toPlainText() == ""
    assert form.deck_box.currentText() == "Docker::网络" and form.tags_edit.text() == "net 新"
    assert "Cards added so far: 1" in dialog.status.text()
    collection.close()


def test_an_incomplete_card_is_explained_and_not_added(qtbot, tmp_path):
    collection, _ = make_sample(tmp_path)
    dialog = AddCardDialog(collection)
    qtbot.addWidget(dialog)
    dialog.form.question_edit.setPlainText("Only a question")
    assert dialog.add() is None
    assert dialog.status.text() == "Type an answer first."
    dialog.form.answer_edit.setPlainText("and an answer")
    dialog.form.deck_box.setEditText("Docker::")
    assert dialog.add() is None
    assert dialog.status.text() == "Choose a deck: a name, or Parent::Child."
    assert collection.db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 6
    collection.close()


def test_cards_added_from_the_browser_appear_selected(qtbot, tmp_path):
    collection, ids = make_sample(tmp_path)
    settings = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    browser = BrowserWindow(collection, settings=settings, now=lambda: NOW)
    qtbot.addWidget(browser)
    browser.select_ids([ids["bridge"]])
    browser.action_add.trigger()
    dialog = browser.add_dialog
    assert dialog.form.deck_box.currentText() == "Docker::网络"  # the selected card's deck
    dialog.form.question_edit.setPlainText("覆盖网络用于什么？")
    dialog.form.answer_edit.setPlainText("跨主机的容器通信。")
    new_id = dialog.add()
    dialog.close()
    assert new_id in browser.model.all_ids()
    assert browser.selected_ids() == [new_id]
    collection.close()


def test_key_a_in_the_main_window_opens_add_cards_for_the_selected_deck(qtbot, tmp_path):
    collection = make_collection(tmp_path)
    window = MainWindow(collection, make_settings(tmp_path), clock=lambda: NOON)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.action_add_cards in window.actions()  # the key works wherever focus is
    assert window.action_add_cards.shortcut().toString() == "A"
    window.action_add_cards.trigger()
    dialogs = [w for w in window.findChildren(AddCardDialog) if w.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].form.deck_box.currentText() == "Docker"
    dialogs[0].close()
    window.close()
    collection.close()


def test_the_empty_preview_follows_the_dark_theme(qtbot, qapp, tmp_path):
    from app.gui.theme import apply_theme

    collection, _ = make_sample(tmp_path)
    apply_theme(qapp, True)
    try:
        dialog = AddCardDialog(collection)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        preview = dialog.form.preview
        middle = preview.viewport().grab().toImage().pixelColor(preview.viewport().rect().center())
        assert middle.lightness() < 80  # the dark card background, not a white box
    finally:
        apply_theme(qapp, False)
    collection.close()
