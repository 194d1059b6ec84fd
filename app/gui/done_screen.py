"""The "done for today" screen: what today's study came to and what tomorrow holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.formatting import format_duration


class DoneScreen(QWidget):
    """Shown when the deck being studied has nothing left today."""

    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._summary: Any = None
        self._deck: str | None = None
        self.title = QLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.8)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)

        self.captions = [QLabel() for _ in range(4)]
        self.values = [QLabel() for _ in range(4)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        value_font = QFont(self.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 1.4)
        value_font.setBold(True)
        for row, (caption, value) in enumerate(zip(self.captions, self.values, strict=True)):
            value.setFont(value_font)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)

        self.back_button = QPushButton()
        self.back_button.setMinimumSize(200, 40)  # as prominent as the deck list's Study now
        self.back_button.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        holder = QWidget()
        holder.setLayout(grid)
        holder.setMaximumWidth(420)
        layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(24)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate_ui()

    def set_summary(self, summary: Any, deck: str | None) -> None:
        """Show a DaySummary (reviewed_today, seconds_today, due_tomorrow, due_next_7_days)."""
        self._summary, self._deck = summary, deck
        self.retranslate_ui()

    def value_texts(self) -> list[str]:
        return [label.text() for label in self.values]

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Done for today"))
        deck = self._deck or self.tr("All decks")
        self.subtitle.setText(self.tr("Nothing more to study in %1 today.").replace("%1", deck))
        captions = [
            self.tr("Cards reviewed today"),
            self.tr("Time spent"),
            self.tr("Due tomorrow"),
            self.tr("Due in the next 7 days"),
        ]
        for label, text in zip(self.captions, captions, strict=True):
            label.setText(text)
        self.back_button.setText(self.tr("Back to decks (Esc)"))
        summary = self._summary
        if summary is None:
            return
        values = [
            str(summary.reviewed_today),
            format_duration(summary.seconds_today),
            str(summary.due_tomorrow),
            str(summary.due_next_7_days),
        ]
        for label, text in zip(self.values, values, strict=True):
            label.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.back.emit()
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
