"""File › Restore backup…: the collection's backups with their date and card count, restorable.

Restoring asks first, then backs up the current state (so the restore itself can be undone by
restoring that backup) and copies the chosen backup into the open collection.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.backup import BackupInfo, list_backups, restore_backup
from app.core.errors import DeckardError
from app.gui.dialogs import Standard, ask, button_box, inform


def _size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size:.1f} GB"


class RestoreBackupDialog(QDialog):
    """Lists the backups of `collection`, newest first, and restores the chosen one."""

    restored = Signal(object)  # the BackupInfo of the state replaced by the restore

    def __init__(self, collection: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Restore backup"))
        self.resize(620, 380)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Cards"), self.tr("Reviews"), self.tr("Size")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())

        self.buttons = button_box(Standard.Close)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.buttons.addButton(self.restore_button, self.buttons.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # keeps the text at the top when there is no list to show
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        """Read the backups folder again and show what is there."""
        self.backups = list_backups(self.collection.path)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = [
                info.created.astimezone().strftime("%Y-%m-%d %H:%M"),
                str(info.cards),
                str(info.reviews),
                _size_text(info.size),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.intro.setText(
                self.tr(
                    "Choose a backup to restore. The collection as it is now is backed up "
                    "first, so you can come back to it."
                )
            )
            self.table.selectRow(0)
        else:
            self.intro.setText(
                self.tr(
                    "There are no backups yet. Deckard makes one every 30 minutes of use and "
                    "when it closes; File › Backup now makes one at once."
                )
            )
        self.table.setVisible(bool(self.backups))
        self._update_buttons()

    def selected_backup(self) -> BackupInfo | None:
        """The backup chosen in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        """Ask, then restore the chosen backup into the open collection."""
        info = self.selected_backup()
        if info is None:
            return
        made = info.created.astimezone().strftime("%Y-%m-%d %H:%M")
        question = (
            self.tr("Replace the collection with the backup of %1 (%2 cards)?")
            .replace("%1", made)
            .replace("%2", str(info.cards))
        )
        if not ask(self, self.tr("Restore backup"), question):
            return
        try:
            safety = restore_backup(self.collection, info.path)
        except DeckardError as error:
            inform(self, self.tr("Restore backup"), str(error), warning=True)
            return
        self.restored.emit(safety)
        inform(
            self,
            self.tr("Restore backup"),
            self.tr("Restored the backup of %1. The collection as it was is kept in %2.")
            .replace("%1", made)
            .replace("%2", safety.path.name),
        )
        self.accept()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)
