"""Add cards (key A): deck, tags, question and answer with the review screen's preview.

After each card the question and answer are cleared and the deck and tags kept, so a run of
cards for one deck is quick to type. New cards are scheduled as new, after the cards already
waiting in their deck.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core import card_ops
from app.core.errors import DeckardError
from app.gui.card_editor import CardForm


class AddCardDialog(QDialog):
    """Type new cards into a deck; each Add stores one card at once."""

    card_added = Signal(str)

    def __init__(self, collection, parent: QWidget | None = None, *, deck: str | None = None):
        super().__init__(parent)
        self.collection = collection
        self.added: list[str] = []
        self.form = CardForm(collection)
        names = collection.deck_names()
        self.form.deck_box.setEditText(deck or (names[0] if names else "Default"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setDefault(False)
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.close_button.clicked.connect(self.close)
        # Return types a new line in the Markdown fields; Ctrl+Return adds the card. The text
        # fields claim Ctrl+Return for themselves, so they are watched directly.
        QShortcut(QKeySequence("Ctrl+Return"), self, self.add)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.add)
        for field in (self.form.question_edit, self.form.answer_edit):
            field.installEventFilter(self)
        self.resize(720, 680)
        self.retranslate()
        self.form.question_edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add()
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add cards"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add the card (Ctrl+Enter)"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def add(self) -> str | None:
        """Store the card in the fields; returns its id, or None (with the reason shown)."""
        values = self.form.values()
        try:
            card_id = card_ops.add_card(
                self.collection,
                deck=values["deck"],
                question=values["question"],
                answer=values["answer"],
                tags=values["tags"],
            )
        except DeckardError as error:
            self.status.setText(self._reason(error))
            return None
        self.added.append(card_id)
        self.status.setText(
            self.tr("Added to %1. Cards added so far: %2")
            .replace("%1", self.collection.card(card_id).deck)
            .replace("%2", str(len(self.added)))
        )
        self.form.question_edit.clear()
        self.form.answer_edit.clear()
        self.form.fill_decks()
        self.form.question_edit.setFocus()
        self.card_added.emit(card_id)
        return card_id

    def _reason(self, error: DeckardError) -> str:
        where = getattr(error, "where", None)
        if where == "question":
            return self.tr("Type a question first.")
        if where == "answer":
            return self.tr("Type an answer first.")
        if where == "deck":
            return self.tr("Choose a deck: a name, or Parent::Child.")
        return str(error)
