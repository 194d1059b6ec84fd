"""The main window: the deck list, and the review and done screens that replace it while studying.

The window is built from the objects it is given (a collection, a settings store, optionally a
clock), so tests build it around a temporary collection and settings file. Start-up only builds
the deck list: the review and done screens are built on first use (the app builds them just
after the window is painted), and other screens (browser, statistics, backups, import and
export) are imported when first opened; their menu entries appear only when those modules are
installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QWidget,
)

from app.core.errors import DeckardError
from app.gui.deck_overview import DeckOverview
from app.gui.deck_tree_model import FULL_NAME_ROLE, DeckTreeModel
from app.gui.dialogs import inform
from app.gui.settings import UiSettings
from app.gui.theme import app_is_dark

if TYPE_CHECKING:
    from app.gui.done_screen import DoneScreen
    from app.gui.review_widget import ReviewWidget

BACKUP_EVERY_MS = 30 * 60 * 1000


def module_available(name: str) -> bool:
    """True if `name` can be imported (used to offer screens only once they exist)."""
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


class MainWindow(QMainWindow):
    """Deck list, review and done screens in one window, with the app's menus."""

    def __init__(
        self,
        collection: Any,
        settings: UiSettings,
        *,
        clock: Callable[[], datetime] | None = None,
        on_language_change: Callable[[str], None] | None = None,
        on_theme_change: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.collection = collection
        self.settings = settings
        self._clock = clock
        self._on_language_change = on_language_change
        self._on_theme_change = on_theme_change
        self._windows: dict[str, QWidget] = {}
        self._closed = False
        self.busy = False
        self.setObjectName("deckardMainWindow")
        self.resize(980, 680)

        self.model = DeckTreeModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setAlternatingRowColors(True)
        # One focus frame around the whole current row, not a second box inside its name cell.
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setStyleSheet("QTreeView::item { padding: 4px 8px 4px 2px; }")
        self.tree.header().setStyleSheet("QHeaderView::section { padding: 3px 8px 3px 4px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 72)
        self.tree.activated.connect(self._study_index)
        self.overview = DeckOverview()
        self.overview.study_button.clicked.connect(self.study_selected)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("deckSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.overview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.deck_page = QWidget()
        deck_layout = QHBoxLayout(self.deck_page)
        deck_layout.setContentsMargins(8, 8, 8, 8)
        deck_layout.addWidget(self.splitter)

        # The review and done screens are built when first needed (or just after the window
        # is painted): the deck list alone is what start-up has to show.
        self._review: ReviewWidget | None = None
        self._done: DoneScreen | None = None
        self._dark = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self.deck_page)
        self.setCentralWidget(self.pages)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)

        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_EVERY_MS)
        self._backup_timer.timeout.connect(self._periodic_backup)
        self._backup_task: Any = None
        if module_available("app.core.backup"):
            self._backup_timer.start()

        self._build_actions()
        self._build_menus()
        self.retranslate_ui()
        self.apply_dark(app_is_dark())
        self.refresh()
        self.tree.selectionModel().currentChanged.connect(self._selection_changed)
        self._restore_layout()
        self._select_initial_deck()

    # Pages ----------------------------------------------------------------------------------

    @property
    def review(self) -> ReviewWidget:
        """The review screen, built on first use."""
        if self._review is None:
            from app.gui.review_widget import ReviewWidget

            review = ReviewWidget(self.collection, self.settings, clock=self._clock)
            review.answered.connect(self.schedule_refresh)
            review.finished.connect(self._show_done)
            review.left.connect(self.show_decks)
            review.failed.connect(self.show_error)
            review.set_dark(self._dark)
            self.pages.addWidget(review)
            self._review = review
        return self._review

    @property
    def done(self) -> DoneScreen:
        """The done-for-today screen, built on first use."""
        if self._done is None:
            from app.gui.done_screen import DoneScreen

            done = DoneScreen()
            done.back.connect(self.show_decks)
            self.pages.addWidget(done)
            self._done = done
        return self._done

    def prepare_pages(self) -> None:
        """Build the review and done screens now, so the first Study shows its card at once."""
        if not self._closed:
            _ = (self.review, self.done)

    def _reviewing(self) -> bool:
        return self._review is not None and self.pages.currentWidget() is self._review

    # Actions and menus --------------------------------------------------------------------

    def _action(self, slot: Callable[[], Any], shortcut: QKeySequence | str | None = None):
        action = QAction(self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.action_import = self._action(self.import_file, "Ctrl+I")
        self.action_export = self._action(self.export_collection, "Ctrl+E")
        self.action_backup = self._action(self.backup_now)
        self.action_restore = self._action(self.restore_backup)
        self.action_quit = self._action(self.close, QKeySequence.StandardKey.Quit)
        self.action_undo = self._action(self.undo, QKeySequence.StandardKey.Undo)
        self.action_browse = self._action(self.browse, "Ctrl+B")
        self.action_add_cards = self._action(self.add_cards, "A")
        self.action_stats = self._action(self.statistics, "Ctrl+Shift+S")
        self.action_check = self._action(self.check_collection)
        self.action_preferences = self._action(self.preferences, "Ctrl+,")
        self.action_shortcuts = self._action(self.shortcuts, "F1")
        self.action_about = self._action(self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.action_import)
        if module_available("app.core.exporting"):
            self.file_menu.addAction(self.action_export)
        if module_available("app.core.backup"):
            self.file_menu.addSeparator()
            self.file_menu.addAction(self.action_backup)
            if module_available("app.gui.backup_dialog"):
                self.file_menu.addAction(self.action_restore)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.action_undo)
        self.tools_menu = bar.addMenu("")
        if module_available("app.gui.browser"):
            self.tools_menu.addAction(self.action_browse)
        self.tools_menu.addAction(self.action_add_cards)
        if module_available("app.gui.stats_window"):
            self.tools_menu.addAction(self.action_stats)
        self.tools_menu.addSeparator()
        self.tools_menu.addAction(self.action_check)
        self.tools_menu.addAction(self.action_preferences)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.action_shortcuts)
        self.help_menu.addAction(self.action_about)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Deckard"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.action_import.setText(self.tr("&Import…"))
        self.action_export.setText(self.tr("&Export…"))
        self.action_backup.setText(self.tr("&Backup now"))
        self.action_restore.setText(self.tr("&Restore backup…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.action_undo.setText(self.tr("&Undo"))
        self.action_browse.setText(self.tr("&Browse"))
        # The browser's words for the same action, so one translation serves both.
        self.action_add_cards.setText(QCoreApplication.translate("BrowserWindow", "&Add cards…"))
        self.action_stats.setText(self.tr("&Statistics"))
        self.action_check.setText(self.tr("&Check collection"))
        self.action_preferences.setText(self.tr("&Preferences…"))
        self.action_shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.action_about.setText(self.tr("&About Deckard"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # Deck list ----------------------------------------------------------------------------

    def now(self) -> datetime | None:
        return self._clock() if self._clock is not None else None

    def refresh(self) -> None:
        """Re-read today's counts into the deck list and the overview; update Undo."""
        self._refresh_timer.stop()
        try:
            self.model.set_counts(self.collection.deck_counts(now=self.now()))
            summary = self.collection.day_summary(now=self.now())
            can_undo = self.collection.can_undo()
        except DeckardError as error:
            self.show_error(str(error))
            return
        self.overview.show_today(summary.reviewed_today, summary.seconds_today)
        self.action_undo.setEnabled(can_undo)
        self._selection_changed(self.tree.currentIndex())

    def schedule_refresh(self) -> None:
        """Refresh once control returns to the event loop, after the next card is on screen."""
        self._refresh_timer.start()

    def selected_deck(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(FULL_NAME_ROLE) if index.isValid() else None

    def select_deck(self, deck: str) -> None:
        index = self.model.index_for_deck(deck)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _select_initial_deck(self) -> None:
        self.tree.expandToDepth(0)
        last = str(self.settings.qsettings.value("ui/last_deck", ""))
        if last and self.model.index_for_deck(last).isValid():
            self.select_deck(last)
        elif self.model.rowCount() > 0:
            self.tree.setCurrentIndex(self.model.index(0, 0))
        self.tree.setFocus()

    def _selection_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        node = self.model.node(index)
        if node is None:
            self.overview.show_deck(None, (0, 0, 0))
            return
        counts = (node.count("new"), node.count("repeat"), node.count("due"))
        self.overview.show_deck(node.full_name, counts)

    def _study_index(self, index: QModelIndex) -> None:
        deck = index.data(FULL_NAME_ROLE)
        if deck:
            self.study(deck)

    def study_selected(self) -> None:
        self.study(self.selected_deck())

    def study(self, deck: str | None) -> None:
        """Open the review screen on `deck` (None: every deck)."""
        if deck:
            self.settings.qsettings.setValue("ui/last_deck", deck)
        self.pages.setCurrentWidget(self.review)
        self.review.start(deck)

    def show_decks(self) -> None:
        if self._review is not None:
            self._review.stop()
        self.refresh()
        self.pages.setCurrentWidget(self.deck_page)
        if self._review is not None and self._review.deck:
            self.select_deck(self._review.deck)
        self.tree.setFocus()

    def _show_done(self) -> None:
        self.refresh()
        try:
            summary = self.collection.day_summary(now=self.now())
        except DeckardError as error:
            self.show_error(str(error))
            return
        self.done.set_summary(summary, self.review.deck)
        self.pages.setCurrentWidget(self.done)
        self.done.setFocus()

    # Commands -----------------------------------------------------------------------------

    def undo(self) -> None:
        """Undo the last answer and show that card's question again."""
        try:
            card_id = self.collection.undo()
        except DeckardError as error:
            self.show_error(str(error))
            return
        if card_id is None:
            self.statusBar().showMessage(self.tr("Nothing to undo"), 3000)
            return
        in_session = self.pages.currentWidget() is not self.deck_page and self.review.deck
        deck = self.review.deck if in_session else self.collection.card(card_id).deck
        self.pages.setCurrentWidget(self.review)
        self.review.show_again(card_id, deck)
        self.schedule_refresh()

    def set_busy(self, busy: bool) -> None:
        """Keep the UI off the collection while a worker thread uses its connection."""
        self.busy = busy
        self.pages.setEnabled(not busy)
        self.menuBar().setEnabled(not busy)
        for action in self.actions():
            action.setEnabled(not busy)
        if busy:
            self._refresh_timer.stop()
            if self._review is not None:
                self._review.stop_ticking()
        else:
            if self._review is not None:
                self._review.resume_ticking()
            self.refresh()

    def apply_dark(self, dark: bool) -> None:
        self._dark = dark
        self.model.set_dark(dark)
        if self._review is not None:
            self._review.set_dark(dark)
        self.overview.retranslate_ui()

    def preferences(self) -> None:
        from app.gui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.collection, self.settings, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        changes = dialog.changes
        if changes.font_size and self._review is not None:
            self._review.view.set_font_size(self.settings.font_size)
        if changes.theme and self._on_theme_change is not None:
            self._on_theme_change(self.settings.theme)
            self.apply_dark(app_is_dark())
        if changes.language and self._on_language_change is not None:
            self._on_language_change(self.settings.language)
        if changes.grading or changes.study:
            if self._reviewing():
                self.review.start(self.review.deck)
            self.refresh()

    def shortcuts(self) -> None:
        from app.gui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def about(self) -> None:
        from app.gui.about_dialog import show_about

        show_about(self, self.collection.path)

    def import_file(self) -> None:
        from app.gui.transfer import ImportFlow

        ImportFlow(self).choose_and_run()

    def export_collection(self) -> None:
        from app.gui.transfer import ExportFlow

        ExportFlow(self).choose_and_run()

    def browse(self) -> None:
        from app.gui.browser import BrowserWindow

        def make() -> QWidget:
            browser = BrowserWindow(
                self.collection, parent=self, settings=self.settings.qsettings, now=self._clock
            )
            browser.cards_changed.connect(self._cards_changed)
            return browser

        self._open_window("browser", make)

    def add_cards(self) -> None:
        """Add cards (key A), into the selected deck; the deck list counts them at once."""
        from app.gui.add_card_dialog import AddCardDialog

        dialog = AddCardDialog(self.collection, self, deck=self.selected_deck())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.card_added.connect(lambda _card_id: self.schedule_refresh())
        dialog.open()

    def check_collection(self) -> None:
        """Tools › Check collection: the full check and safe repairs, then redraw what changed."""
        from app.gui.check_dialog import run_collection_check

        if run_collection_check(self.collection, self) is not None:
            self._collection_replaced()

    def statistics(self) -> None:
        from app.gui.stats_window import StatsWindow

        self._open_window(
            "stats", lambda: StatsWindow(self.collection, parent=self, now=self.now())
        )

    def backup_now(self) -> None:
        """File › Backup now, in the background (a large collection takes a second or so)."""
        from app.gui.background_backup import backup_in_this_thread
        from app.gui.workers import run_with_progress

        path = self.collection.path
        task, _dialog = run_with_progress(
            self,
            self.tr("Backing up…"),
            lambda _cancelled: backup_in_this_thread(path, only_if_needed=False),
            cancellable=False,
        )
        task.succeeded.connect(self._backup_saved)
        task.failed.connect(self.show_error)
        self._backup_task = task
        task.done.connect(self._backup_finished)

    def _backup_saved(self, backup: Any) -> None:
        message = self.tr("Backup saved: %1").replace("%1", str(backup.path))
        self.statusBar().showMessage(message, 8000)

    def restore_backup(self) -> None:
        from app.gui.backup_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.collection, parent=self)
        dialog.restored.connect(lambda _info: self._collection_replaced())
        dialog.exec()

    def _collection_replaced(self) -> None:
        """After a restore or a repair: no card on screen may be trusted, so every view rereads.

        A review in progress ends (its card may be gone or scheduled differently), the deck
        list shows the collection's decks again, and open browser and statistics windows
        search again.
        """
        self.show_decks()
        for window in self._windows.values():
            refresh = getattr(window, "refresh", None)
            if callable(refresh):
                refresh()

    def _periodic_backup(self) -> None:
        """Every 30 minutes of use; in the background, and only if something changed."""
        from app.gui.background_backup import backup_in_this_thread
        from app.gui.workers import BackgroundTask

        if self._backup_task is not None:
            return
        path = self.collection.path
        self._backup_task = BackgroundTask(
            lambda _cancelled: backup_in_this_thread(path, only_if_needed=True), self
        )
        self._backup_task.failed.connect(self.show_error)
        self._backup_task.done.connect(self._backup_finished)
        self._backup_task.start()

    def _backup_finished(self) -> None:
        self._backup_task = None

    def _cards_changed(self) -> None:
        """Cards were edited, moved or deleted elsewhere: redraw counts and the card on screen."""
        if self._reviewing():
            self.review.reload_card()
        self.schedule_refresh()

    def _window_destroyed(self, key: str) -> None:
        self._windows.pop(key, None)
        # Also called while the main window itself is being torn down, when its timer is gone.
        if not self._closed and shiboken6.isValid(self._refresh_timer):
            self.schedule_refresh()

    def _open_window(self, key: str, factory: Callable[[], QWidget]) -> None:
        window = self._windows.get(key)
        if window is None:
            window = factory()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.destroyed.connect(lambda *_: self._window_destroyed(key))
            self._windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def show_error(self, message: str) -> None:
        """Show a core error's own message in a message box."""
        inform(self, self.tr("Deckard"), message, warning=True)

    # Layout persistence -------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.blob("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.blob("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([560, 400])

    def save_layout(self) -> None:
        self.settings.set_blob("window/geometry", self.saveGeometry())
        self.settings.set_blob("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            event.ignore()  # an import or export is using the collection; it ends by itself
            return
        if self._closed:
            super().closeEvent(event)
            return
        self._closed = True
        if self._review is not None:
            self._review.stop()
        self.save_layout()
        for window in list(self._windows.values()):
            window.close()
        self._backup_timer.stop()
        if self._backup_task is not None:
            self._backup_task.wait()
        if module_available("app.core.backup"):
            from app.core.backup import automatic_backup

            self.hide()  # the closing backup of a large collection takes a moment
            try:
                automatic_backup(self.collection, min_interval=timedelta(0))
            except DeckardError as error:
                self.show_error(str(error))
        super().closeEvent(event)
