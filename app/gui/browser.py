"""The card browser (Tools › Browse): search, a sortable card table, the editor, bulk actions.

The search box takes the query language of `app.core.search` (docs/search.md). A malformed
query never reaches the table: the box turns red, the message says what is wrong, and the
cursor jumps to the character at fault. Actions work on the selected cards; deleting asks
first and can be undone from Edit › Undo delete. Column choice, widths and the window layout
are remembered in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import card_ops
from app.core.errors import DeckardError, QueryError
from app.gui.card_editor import CardEditor
from app.gui.card_table_model import CardTableModel
from app.gui.query_errors import describe
from app.gui.settings import default_settings

SEARCH_DELAY_MS = 300
DEFAULT_HIDDEN = ("answer", "lapses")


class BrowserWindow(QMainWindow):
    """Find cards, edit one, or act on many at once."""

    cards_changed = Signal()

    def __init__(
        self,
        collection,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        now: Callable[[], datetime] | None = None,
        ask: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.settings = settings or default_settings()
        self._ask = ask or self._confirm
        self._deleted: list[card_ops.DeletedCards] = []
        self.add_dialog = None

        self.model = CardTableModel(collection, self, now=now)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.setSortIndicator(self.model.COLUMNS.index("due"), Qt.SortOrder.AscendingOrder)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d9534f;")
        self.error_label.hide()
        self.count_label = QLabel()
        self.editor = CardEditor(collection)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.error_label)
        left_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 440])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self.resize(1200, 720)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textEdited.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.editor.saved.connect(self._card_saved)
        self.editor.error.connect(self.show_error)

        self._build_actions()
        self.retranslate()
        self._restore_layout()
        self.search("")
        self.search_edit.setFocus()

    # ----- actions and menus ---------------------------------------------------------------

    def _action(self, slot: Callable[[], object], shortcut: str | QKeySequence | None = None):
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        self.action_add = self._action(self.add_cards, "Ctrl+N")
        self.action_save = self._action(self.editor.save)
        self.action_suspend = self._action(self.toggle_suspend, "Ctrl+J")
        self.action_reset = self._action(self.reset_selected)
        self.action_delete = self._action(self.delete_selected, QKeySequence.StandardKey.Delete)
        self.action_undo = self._action(self.undo_delete, QKeySequence.StandardKey.Undo)
        self.action_move = self._action(self.move_selected, "Ctrl+D")
        self.action_add_tags = self._action(self.add_tags_to_selected, "Ctrl+Shift+T")
        self.action_remove_tags = self._action(self.remove_tags_from_selected, "Ctrl+Alt+T")
        self.action_find = self._action(self._focus_search, QKeySequence.StandardKey.Find)
        self.action_select_all = self._action(self.select_all, QKeySequence.StandardKey.SelectAll)
        self.action_close = self._action(self.close, QKeySequence.StandardKey.Close)
        self.edit_menu = self.menuBar().addMenu("")
        self.cards_menu = self.menuBar().addMenu("")
        self.edit_menu.addActions([self.action_undo, self.action_select_all, self.action_find])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.action_close)
        self.cards_menu.addActions([self.action_add, self.action_suspend, self.action_reset])
        self.cards_menu.addSeparator()
        self.cards_menu.addActions(
            [self.action_move, self.action_add_tags, self.action_remove_tags]
        )
        self.cards_menu.addSeparator()
        self.cards_menu.addAction(self.action_delete)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(
            [
                self.action_suspend,
                self.action_reset,
                self.action_move,
                self.action_add_tags,
                self.action_remove_tags,
                self.action_delete,
            ]
        )
        self._update_actions()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Browse cards"))
        self.search_edit.setPlaceholderText(
            self.tr('Search: words, "a phrase", deck:Docker tag:net is:due prop:ivl>30 -is:new')
        )
        self.search_edit.setToolTip(
            self.tr(
                "Words match the question or answer. Filters: deck:NAME tag:NAME "
                "is:new|due|review|learning|suspended|buried prop:ivl|ease|reps|lapses|due>N "
                "added:DAYS rated:DAYS. Combine with and, or, -, (parentheses)."
            )
        )
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.cards_menu.setTitle(self.tr("&Cards"))
        self.action_add.setText(self.tr("&Add cards…"))
        self.action_suspend.setText(self.tr("&Suspend / unsuspend"))
        self.action_reset.setText(self.tr("&Reset to new"))
        self.action_delete.setText(self.tr("&Delete…"))
        self.action_undo.setText(self.tr("&Undo delete"))
        self.action_move.setText(self.tr("&Move to deck…"))
        self.action_add_tags.setText(self.tr("Add &tags…"))
        self.action_remove_tags.setText(self.tr("Remo&ve tags…"))
        self.action_find.setText(self.tr("&Find"))
        self.action_select_all.setText(self.tr("Select &all"))
        self.action_close.setText(self.tr("&Close"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # ----- searching -----------------------------------------------------------------------

    def search(self, query: str) -> bool:
        """Put `query` in the search box and run it; False if it is malformed."""
        self.search_edit.setText(query)
        return self.run_search()

    def run_search(self) -> bool:
        """Run the query in the search box; a malformed one is shown, not run."""
        self._search_timer.stop()
        if not self.editor.save():
            return False
        query = self.search_edit.text()
        try:
            self.model.search(query)
        except QueryError as error:
            self.show_query_error(error)
            return False
        self.error_label.hide()
        self.search_edit.setStyleSheet("")
        self._update_count()
        if self.model.rowCount() and not self.selected_ids():
            self.select_ids([self.model.card_id(0)])
        elif not self.model.rowCount():
            self.editor.show_card(None)
        return True

    def refresh(self) -> None:
        """Show the cards as they are now (after a review or an import elsewhere), same search."""
        if self.editor.modified:
            return  # never overwrite an edit in progress; the next search shows the changes
        selected = self.selected_ids()
        self.model.reload()
        self.select_ids(selected)
        self._update_count()

    def show_query_error(self, error: QueryError) -> None:
        """Tell what is wrong with the query and put the cursor where it is."""
        self.error_label.setText(self.tr("Cannot search: %1").replace("%1", describe(error)))
        self.error_label.show()
        self.search_edit.setStyleSheet("QLineEdit { border: 1px solid #d9534f; }")
        self.search_edit.setCursorPosition(error.position)

    def _update_count(self) -> None:
        shown = self.model.match_count()
        selected = len(self.selected_ids()) if self.table.selectionModel() else 0
        text = self.tr("Cards: %1").replace("%1", str(shown))
        if selected > 1:
            text += " · " + self.tr("selected: %1").replace("%1", str(selected))
        self.count_label.setText(text)

    # ----- selection -----------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """Ids of the selected cards, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.card_id(row) for row in rows]

    def select_ids(self, card_ids: list[str]) -> None:
        """Select these cards (fetching rows as needed) and scroll to the first."""
        rows = [
            row for row in (self.model.row_of(card_id) for card_id in card_ids) if row is not None
        ]
        wanted = QItemSelection()
        last_column = self.model.columnCount() - 1
        for row in rows:
            wanted.select(self.model.index(row, 0), self.model.index(row, last_column))
        flag = QItemSelectionModel.SelectionFlag
        selection = self.table.selectionModel()
        # One change, so the editor saves and switches once.
        selection.select(wanted, flag.ClearAndSelect | flag.Rows)
        if rows:
            first = self.model.index(rows[0], 0)
            selection.setCurrentIndex(first, flag.NoUpdate)
            self.table.scrollTo(first)

    def select_all(self) -> None:
        """Select every card the search found (loading all rows)."""
        self.model.fetch_all()
        self.table.selectAll()

    def _selection_changed(self, *_args) -> None:
        ids = self.selected_ids()
        if self.editor.modified and not self.editor.save():
            # The edit was refused (the reason is shown); keep it on screen rather than lose it.
            self._update_actions()
            return
        self.editor.show_card(ids[0] if len(ids) == 1 else None)
        self._update_actions()
        self._update_count()

    def _update_actions(self) -> None:
        has_selection = bool(self.table.selectionModel().selectedRows())
        for action in (
            self.action_suspend,
            self.action_reset,
            self.action_delete,
            self.action_move,
            self.action_add_tags,
            self.action_remove_tags,
        ):
            action.setEnabled(has_selection)
        self.action_undo.setEnabled(bool(self._deleted))

    # ----- changing cards ------------------------------------------------------------------

    def _after_change(self, card_ids: list[str], *, reload: bool = False) -> None:
        if reload:
            self.model.reload()
            self.select_ids(card_ids)
        else:
            self.model.refresh_cards(card_ids)
            if len(card_ids) == 1:
                self.editor.show_card(card_ids[0])
        self._update_count()
        self._update_actions()
        self.cards_changed.emit()

    def _card_saved(self, card_id: str) -> None:
        self._after_change([card_id])

    def _run(self, change: Callable[[], object]) -> bool:
        try:
            change()
        except DeckardError as error:
            self.show_error(str(error))
            return False
        return True

    def toggle_suspend(self) -> None:
        """Suspend the selected cards; if all are suspended already, unsuspend them."""
        ids = self.selected_ids()
        if not ids:
            return
        rows = [self.model.row_at(self.model.row_of(i)) for i in ids]
        suspend = not all(row.state == "suspended" for row in rows)
        if self._run(lambda: card_ops.set_suspended(self.collection, ids, suspend)):
            self._after_change(ids)

    def reset_selected(self) -> None:
        """Make the selected cards new again (their history stays)."""
        ids = self.selected_ids()
        if ids and self._run(lambda: card_ops.reset_to_new(self.collection, ids)):
            self._after_change(ids)

    def delete_selected(self) -> None:
        """Delete the selected cards after asking; Undo delete brings them back."""
        ids = self.selected_ids()
        if not ids:
            return
        question = self.tr("Delete the selected cards (%1) and their review history?").replace(
            "%1", str(len(ids))
        )
        if not self._ask(question):
            return
        deleted: list[card_ops.DeletedCards] = []
        if self._run(lambda: deleted.append(card_ops.delete_cards(self.collection, ids))):
            self._deleted.append(deleted[0])
            self.editor.show_card(None)
            self._after_change([], reload=True)
            self.statusBar().showMessage(
                self.tr("Cards deleted: %1. Undo with Ctrl+Z.").replace("%1", str(len(ids))), 8000
            )

    def undo_delete(self) -> None:
        """Bring back the cards deleted last, with their history."""
        if not self._deleted:
            return
        deleted = self._deleted.pop()
        if self._run(lambda: card_ops.restore_cards(self.collection, deleted)):
            self._after_change([row["id"] for row in deleted.cards], reload=True)
            self.statusBar().showMessage(
                self.tr("Cards restored: %1.").replace("%1", str(deleted.count)), 8000
            )
        else:
            self._deleted.append(deleted)

    def move_selected(self, deck: str | None = None) -> None:
        """Move the selected cards to another deck (asked for when not given)."""
        ids = self.selected_ids()
        if not ids:
            return
        if deck is None:
            deck, ok = QInputDialog.getItem(
                self,
                self.tr("Move to deck"),
                self.tr("Move the selected cards (%1) to deck:").replace("%1", str(len(ids))),
                self.collection.deck_names(),
                0,
                True,
            )
            if not ok:
                return
        if self._run(lambda: card_ops.move_to_deck(self.collection, ids, deck)):
            self.editor.form.fill_decks()
            self._after_change(ids)

    def add_tags_to_selected(self, tags: str | None = None) -> None:
        ids = self.selected_ids()
        tags = tags if tags is not None else self._ask_tags(self.tr("Add tags"), len(ids))
        if ids and tags and self._run(lambda: card_ops.add_tags(self.collection, ids, [tags])):
            self._after_change(ids)

    def remove_tags_from_selected(self, tags: str | None = None) -> None:
        ids = self.selected_ids()
        tags = tags if tags is not None else self._ask_tags(self.tr("Remove tags"), len(ids))
        if ids and tags and self._run(lambda: card_ops.remove_tags(self.collection, ids, [tags])):
            self._after_change(ids)

    def _ask_tags(self, title: str, count: int) -> str | None:
        if not count:
            return None
        text, ok = QInputDialog.getText(
            self,
            title,
            self.tr("Tags for the selected cards (%1), separated by spaces:").replace(
                "%1", str(count)
            ),
        )
        return text if ok and text.strip() else None

    def add_cards(self) -> None:
        """Open Add cards for the deck of the selected card; the table shows what was added."""
        from app.gui.add_card_dialog import AddCardDialog

        ids = self.selected_ids()
        deck = self.model.row_at(self.model.row_of(ids[0])).deck if ids else None
        dialog = AddCardDialog(self.collection, self, deck=deck)
        dialog.card_added.connect(lambda _card_id: self.cards_changed.emit())
        dialog.finished.connect(lambda _result: self._cards_added(dialog.added))
        dialog.open()
        self.add_dialog = dialog

    def _cards_added(self, card_ids: list[str]) -> None:
        if card_ids:
            self.model.reload()
            self.select_ids(card_ids[-1:])
            self._update_count()

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Deckard"), message)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete cards"), question)
        return answer == QMessageBox.StandardButton.Yes

    # ----- columns and layout --------------------------------------------------------------

    def _header_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for column, name in enumerate(self.model.COLUMNS):
            action = menu.addAction(self.model.column_title(name))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.set_column_visible(c, shown))
        menu.exec(header.mapToGlobal(point))

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a column (the question column always stays)."""
        if self.model.COLUMNS[column] == "question" and not visible:
            return
        self.table.horizontalHeader().setSectionHidden(column, not visible)

    def visible_columns(self) -> list[str]:
        header = self.table.horizontalHeader()
        return [name for c, name in enumerate(self.model.COLUMNS) if not header.isSectionHidden(c)]

    def _restore_layout(self) -> None:
        header = self.table.horizontalHeader()
        state = self.settings.value("browser/header")
        if state is None or not header.restoreState(state):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            widths = {"question": 250, "answer": 200, "deck": 100, "tags": 100, "due": 88}
            for column, name in enumerate(self.model.COLUMNS):
                header.resizeSection(column, widths.get(name, 58))
                header.setSectionHidden(column, name in DEFAULT_HIDDEN)
        for key, restore in (
            ("browser/geometry", self.restoreGeometry),
            ("browser/splitter", self.splitter.restoreState),
        ):
            value = self.settings.value(key)
            if value is not None:
                restore(value)
        # Sorting comes back with the header; run the search in that order.
        column = header.sortIndicatorSection()
        if 0 <= column < len(self.model.COLUMNS):
            self.model.sort_column = self.model.COLUMNS[column]
            self.model.descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def save_layout(self) -> None:
        """Remember columns (choice, order, widths, sort), the splitter and the window size."""
        self.settings.setValue("browser/header", self.table.horizontalHeader().saveState())
        self.settings.setValue("browser/splitter", self.splitter.saveState())
        self.settings.setValue("browser/geometry", self.saveGeometry())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.save():
            event.ignore()
            return
        self.save_layout()
        super().closeEvent(event)
