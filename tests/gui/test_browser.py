"""The browser window: searching, malformed queries, editing with preview, bulk actions, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from app.gui.browser import BrowserWindow
from app.gui.card_view import card_html
from tests.core.sample_collection import NOW, make_sample


@pytest.fixture
def sample(tmp_path):
    collection, ids = make_sample(tmp_path)
    yield collection, ids
    collection.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "browser.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def browser(qtbot, sample, settings):
    collection, _ = sample
    window = BrowserWindow(collection, settings=settings, now=lambda: NOW, ask=lambda _q: True)
    qtbot.addWidget(window)
    return window


def shown_ids(window: BrowserWindow) -> set[str]:
    return set(window.model.all_ids())


def type_query(qtbot, window: BrowserWindow, text: str) -> None:
    """Put a query in the box (QTest cannot type Chinese key by key) and press Return."""
    window.search_edit.setText(text)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)


def test_opens_on_every_card_with_the_first_one_in_the_editor(browser, sample):
    _, ids = sample
    assert shown_ids(browser) == set(ids.values())
    assert browser.count_label.text() == "Cards: 6"
    assert browser.editor.card_id == browser.model.card_id(0)


def test_typing_a_query_and_return_filters_the_table(qtbot, browser, sample):
    _, ids = sample
    type_query(qtbot, browser, "桥接 or tag:cli -is:suspended")
    assert shown_ids(browser) == {ids["bridge"], ids["run"]}
    assert not browser.error_label.isVisibleTo(browser)


def test_typing_searches_by_itself_after_a_pause(qtbot, browser, sample):
    _, ids = sample
    qtbot.keyClicks(browser.search_edit, "deck:misc")
    with qtbot.waitSignal(browser.model.modelReset, timeout=3000):
        pass
    assert shown_ids(browser) == {ids["percent"], ids["fresh"], ids["later"]}


def test_malformed_query_shows_where_and_keeps_the_last_results(qtbot, browser):
    type_query(qtbot, browser, "tag:cli")
    type_query(qtbot, browser, "tag:cli (is:new")
    assert browser.error_label.isVisibleTo(browser)
    assert '"(" is never closed' in browser.error_label.text()
    assert "character 9" in browser.error_label.text()
    assert browser.search_edit.cursorPosition() == 8
    assert browser.model.rowCount() == 2
    type_query(qtbot, browser, "tag:cli is:new")
    assert not browser.error_label.isVisibleTo(browser)


def test_editing_a_card_saves_it_and_updates_table_and_preview(qtbot, browser, sample):
    collection, ids = sample
    browser.search("deck:docker::网络")
    editor = browser.editor
    assert editor.card_id == ids["bridge"]
    editor.form.answer_edit.setPlainText("默认驱动是 **bridge**。\n\n```sh\ndocker network ls\n```")
    editor.form.tags_edit.setText("net 网络")
    editor.form.update_preview()
    expected = card_html(
        editor.form.question_edit.toPlainText(), editor.form.answer_edit.toPlainText(), dark=False
    )
    assert editor.form.preview.toHtml() == _as_document(editor.form.preview, expected)
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    card = collection.card(ids["bridge"])
    assert card.answer.startswith("默认驱动是 **bridge**")
    assert card.tags == ("net", "网络")
    row = browser.model.row_of(ids["bridge"])
    assert browser.model.data(browser.model.index(row, 3)) == "net 网络"
    assert not editor.save_button.isEnabled()


def _as_document(view, html: str) -> str:
    """What a CardView holding `html` returns from toHtml(), for comparing renderings."""
    from app.gui.card_view import CardView

    twin = CardView(view.media_dir)
    twin.set_font_size(view.font_size())
    twin.setHtml(html)
    return twin.toHtml()


def test_unsaved_edit_is_saved_when_another_card_is_selected(browser, sample):
    collection, ids = sample
    browser.search("tag:cli")
    browser.select_ids([ids["run"]])
    browser.editor.form.question_edit.setPlainText("What does `docker run` start?")
    browser.select_ids([ids["later"]])
    assert collection.card(ids["run"]).question == "What does `docker run` start?"
    assert browser.editor.card_id == ids["later"]


def test_an_edit_the_collection_refuses_is_reported_not_lost(browser, sample, monkeypatch):
    collection, ids = sample
    messages = []
    monkeypatch.setattr(browser, "show_error", messages.append)
    browser.select_ids([ids["run"]])
    browser.editor.form.deck_box.setEditText("Docker::")
    assert browser.editor.save() is False
    assert messages and "empty level" in messages[0]
    assert collection.card(ids["run"]).deck == "Docker"
    assert browser.editor.modified
    browser.select_ids([ids["later"]])  # moving on does not throw the edit away
    assert browser.editor.card_id == ids["run"]
    assert browser.editor.form.deck_box.currentText() == "Docker::"
    assert len(messages) == 2


def test_suspend_and_unsuspend_selected(browser, sample):
    collection, ids = sample
    browser.search("tag:cli")
    browser.select_ids([ids["run"], ids["later"]])
    browser.action_suspend.trigger()  # not all suspended yet: suspend both
    assert collection.card(ids["run"]).suspended and collection.card(ids["later"]).suspended
    browser.action_suspend.trigger()  # all suspended: unsuspend both
    assert not collection.card(ids["run"]).suspended
    row = browser.model.row_of(ids["later"])
    assert browser.model.data(browser.model.index(row, 9)) == "new"


def test_reset_to_new(browser, sample):
    collection, ids = sample
    browser.select_ids([ids["bridge"]])
    browser.action_reset.trigger()
    assert collection.card(ids["bridge"]).is_new
    assert browser.editor.info_label.text() == "New card"


def test_delete_asks_first_and_undo_brings_the_card_back(qtbot, sample, settings):
    collection, ids = sample
    answers = []
    window = BrowserWindow(
        collection,
        settings=settings,
        now=lambda: NOW,
        ask=lambda q: answers.append(q) or bool(len(answers) > 1),
    )
    qtbot.addWidget(window)
    history = collection.history(ids["bridge"])
    window.select_ids([ids["bridge"]])
    window.action_delete.trigger()  # the first answer is "no"
    assert ids["bridge"] in shown_ids(window)
    window.action_delete.trigger()
    assert "Delete the selected cards (1)" in answers[-1]
    assert ids["bridge"] not in shown_ids(window)
    assert window.action_undo.isEnabled()
    window.action_undo.trigger()
    assert ids["bridge"] in shown_ids(window)
    assert collection.history(ids["bridge"]) == history
    assert window.selected_ids() == [ids["bridge"]]
    assert not window.action_undo.isEnabled()


def test_bulk_move_and_tags(browser, sample):
    collection, _ = sample
    browser.search("deck:docker")
    browser.select_all()
    chosen = browser.selected_ids()
    assert len(chosen) == 3
    browser.move_selected("归档")
    assert {collection.card(i).deck for i in chosen} == {"归档"}
    browser.add_tags_to_selected("复习 later")
    assert all({"复习", "later"} <= set(collection.card(i).tags) for i in chosen)
    browser.remove_tags_from_selected("later")
    assert all("later" not in collection.card(i).tags for i in chosen)
    browser.search("deck:归档 tag:复习")
    assert shown_ids(browser) == set(chosen)


def test_changes_are_announced_for_the_main_window(qtbot, browser, sample):
    _, ids = sample
    browser.select_ids([ids["run"]])
    with qtbot.waitSignal(browser.cards_changed, timeout=1000):
        browser.action_suspend.trigger()


def test_hidden_columns_and_sort_are_remembered(qtbot, sample, settings):
    collection, _ = sample
    first = BrowserWindow(collection, settings=settings, now=lambda: NOW)
    qtbot.addWidget(first)
    assert "answer" not in first.visible_columns()
    first.set_column_visible(first.model.COLUMNS.index("answer"), True)
    first.set_column_visible(first.model.COLUMNS.index("tags"), False)
    first.table.sortByColumn(first.model.COLUMNS.index("ease"), Qt.SortOrder.DescendingOrder)
    first.close()
    second = BrowserWindow(collection, settings=settings, now=lambda: NOW)
    qtbot.addWidget(second)
    assert "answer" in second.visible_columns()
    assert "tags" not in second.visible_columns()
    assert second.model.sort_column == "ease" and second.model.descending


def test_refresh_shows_changes_made_elsewhere_and_keeps_the_selection(browser, sample):
    collection, ids = sample
    browser.search("is:suspended")
    browser.select_ids([ids["later"]])
    collection.suspend(ids["run"])  # e.g. from the review screen
    browser.refresh()
    assert shown_ids(browser) == {ids["later"], ids["run"]}
    assert browser.selected_ids() == [ids["later"]]
