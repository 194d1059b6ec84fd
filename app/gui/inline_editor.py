"""Editing the card under review without leaving the review screen (the E key)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.gui.theme import CODE_FONT_FAMILIES


class InlineCardEditor(QWidget):
    """Question and answer Markdown of the current card, edited without leaving the review."""

    saved = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = QPlainTextEdit()
        self.answer = QPlainTextEdit()
        # Markdown is edited in a monospace face (with CJK glyphs) so code blocks line up.
        font = QFont()
        font.setFamilies(CODE_FONT_FAMILIES)
        font.setPointSize(11)
        for editor in (self.question, self.answer):
            editor.setFont(font)
            editor.setTabChangesFocus(True)
        self.question_label = QLabel()
        self.answer_label = QLabel()
        self.save_button = QPushButton()
        self.cancel_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question_label)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.answer, 2)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.cancelled)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancelled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.question_label.setText(self.tr("Question (Markdown)"))
        self.answer_label.setText(self.tr("Answer (Markdown)"))
        self.save_button.setText(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))

    def edit(self, question: str, answer: str) -> None:
        self.question.setPlainText(question)
        self.answer.setPlainText(answer)
        self.question.setFocus()

    def _save(self) -> None:
        self.saved.emit(self.question.toPlainText(), self.answer.toPlainText())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
