"""Help › Keyboard shortcuts: every key the app answers to, in one table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs import Standard, button_box


class ShortcutsDialog(QDialog):
    """A read-only list of shortcuts for the deck list and the review screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 750)  # every row visible without scrolling
        rows = [
            (self.tr("Deck list"), ""),
            ("Enter", self.tr("Study the selected deck")),
            ("↑ ↓ ← →", self.tr("Move in the deck list, fold and unfold sub-decks")),
            (self.tr("Review"), ""),
            (self.tr("Space or Enter"), self.tr("Show the answer; once shown, grade Good")),
            ("1 2 3 4", self.tr("Again, Hard, Good, Easy")),
            ("0 – 5", self.tr("The six grades, when six-grade mode is on")),
            ("Ctrl+Z", self.tr("Undo the last answer and show that card again")),
            ("E", self.tr("Edit the current card")),
            ("-", self.tr("Bury the card until tomorrow")),
            ("@", self.tr("Suspend the card")),
            ("Ctrl+= / Ctrl+-", self.tr("Larger / smaller card text")),
            ("Esc", self.tr("Back to the deck list")),
            (self.tr("Everywhere"), ""),
            ("Ctrl+I", self.tr("Import a file")),
            ("Ctrl+E", self.tr("Export")),
            ("A", self.tr("Add cards to the selected deck")),
            ("Ctrl+B", self.tr("Browse cards")),
            ("Ctrl+Shift+S", self.tr("Statistics")),
            ("Ctrl+,", self.tr("Preferences")),
            ("F1", self.tr("This list of shortcuts")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setStyleSheet("QTableWidget::item { padding: 0px 8px; }")
        for row, (key, action) in enumerate(rows):
            key_item = QTableWidgetItem(key)
            if not action:
                font = key_item.font()
                font.setBold(True)
                key_item.setFont(font)
            table.setItem(row, 0, key_item)
            table.setItem(row, 1, QTableWidgetItem(action))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = button_box(Standard.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
