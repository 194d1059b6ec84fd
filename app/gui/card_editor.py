"""Editing one card: deck, tags, question and answer in Markdown, with a live preview.

The preview is the review screen's own `CardView`, so what it shows is exactly what the review
screen will show (same renderer, same styles, same media folder rules). `CardForm` is the
fields and the preview, shared with the Add cards dialog; `CardEditor` adds the card's facts
and saves through `Collection.update_card`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DeckardError
from app.gui.card_view import CardView
from app.gui.theme import CODE_FONT_FAMILIES, app_is_dark

PREVIEW_DELAY_MS = 120


class CardForm(QWidget):
    """Deck, tags, question and answer fields above a live preview of the card."""

    changed = Signal()

    def __init__(self, collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.deck_box = QComboBox()
        self.deck_box.setEditable(True)
        self.deck_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tags_edit = QLineEdit()
        self.question_edit = QPlainTextEdit()
        self.answer_edit = QPlainTextEdit()
        mono = QFont()
        mono.setFamilies(CODE_FONT_FAMILIES)
        for edit in (self.question_edit, self.answer_edit):
            edit.setFont(mono)
            edit.setTabChangesFocus(True)
        self.preview = CardView(collection.media_dir)
        self.preview.set_dark(app_is_dark())  # the empty preview too, before anything is typed
        self.preview.set_font_size(13)
        self.preview_label = QLabel()

        self.fields = QFormLayout()
        self.deck_label, self.tags_label = QLabel(), QLabel()
        self.question_label, self.answer_label = QLabel(), QLabel()
        self.fields.addRow(self.deck_label, self.deck_box)
        self.fields.addRow(self.tags_label, self.tags_edit)
        self.fields.addRow(self.question_label, self.question_edit)
        self.fields.addRow(self.answer_label, self.answer_edit)
        top = QWidget()
        top.setLayout(self.fields)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.preview_label)
        bottom_layout.addWidget(self.preview)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._loading = False
        for signal in (
            self.question_edit.textChanged,
            self.answer_edit.textChanged,
            self.tags_edit.textChanged,
            self.deck_box.currentTextChanged,
        ):
            signal.connect(self._on_change)
        self.fill_decks()
        self.retranslate()

    def fill_decks(self) -> None:
        current = self.deck_box.currentText()
        self._loading = True
        self.deck_box.clear()
        self.deck_box.addItems(self.collection.deck_names())
        self.deck_box.setEditText(current)
        self._loading = False

    def retranslate(self) -> None:
        self.deck_label.setText(self.tr("Deck"))
        self.tags_label.setText(self.tr("Tags"))
        self.question_label.setText(self.tr("Question"))
        self.answer_label.setText(self.tr("Answer"))
        self.preview_label.setText(self.tr("Preview, as the review screen shows it:"))
        self.tags_edit.setPlaceholderText(self.tr("space-separated, e.g. network docker::cli"))
        self.question_edit.setPlaceholderText(self.tr("Markdown: **bold**, `code`, ```fences```"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.update_preview()
        super().changeEvent(event)

    def _on_change(self) -> None:
        if self._loading:
            return
        self._preview_timer.start()
        self.changed.emit()

    def set_values(self, *, deck: str, tags: tuple[str, ...], question: str, answer: str) -> None:
        """Show a card's content (not counted as a change)."""
        self._loading = True
        self.deck_box.setEditText(deck)
        self.tags_edit.setText(" ".join(tags))
        self.question_edit.setPlainText(question)
        self.answer_edit.setPlainText(answer)
        self._loading = False
        self.update_preview()

    def values(self) -> dict:
        """What the fields hold now: deck, tags (tuple), question, answer."""
        return {
            "deck": self.deck_box.currentText().strip(),
            "tags": tuple(self.tags_edit.text().split()),
            "question": self.question_edit.toPlainText(),
            "answer": self.answer_edit.toPlainText(),
        }

    def update_preview(self) -> None:
        """Render the question and answer now, as the review screen would."""
        self._preview_timer.stop()
        self.preview.set_dark(app_is_dark())
        question = self.question_edit.toPlainText()
        answer = self.answer_edit.toPlainText()
        if not question and not answer:
            self.preview.clear_card()
        else:
            self.preview.show_card(question, answer)
            # The review screen scrolls to the answer; an editor reads from the top.
            self.preview.verticalScrollBar().setValue(0)


class CardEditor(QWidget):
    """The browser's editor for the selected card: save, and see the card's scheduling facts."""

    saved = Signal(str)
    error = Signal(str)

    def __init__(self, collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.card_id: str | None = None
        self.modified = False
        self.form = CardForm(collection)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton()
        self.revert_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.info_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)
        self.form.changed.connect(self._on_change)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.retranslate()
        self.show_card(None)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.revert_button.setText(self.tr("Revert"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_change(self) -> None:
        if self.card_id is not None:
            self.modified = True
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.card_id is not None and self.modified)
        self.revert_button.setEnabled(self.card_id is not None and self.modified)

    def show_card(self, card_id: str | None) -> None:
        """Load a card into the fields (None: nothing selected; the fields are disabled)."""
        self.card_id = card_id
        self.modified = False
        self.form.setEnabled(card_id is not None)
        if card_id is None:
            self.form.set_values(deck="", tags=(), question="", answer="")
            self.info_label.setText(self.tr("Select a card to edit it."))
        else:
            card = self.collection.card(card_id)
            self.form.fill_decks()
            self.form.set_values(
                deck=card.deck, tags=card.tags, question=card.question, answer=card.answer
            )
            self.info_label.setText(self._facts(card))
        self._update_buttons()

    def _facts(self, card) -> str:
        if card.is_new:
            state = self.tr("New card")
        else:
            state = (
                self.tr("Due %1 · interval %2 d · ease %3 · lapses %4")
                .replace("%1", card.due.isoformat())
                .replace("%2", str(card.interval))
                .replace("%3", f"{card.easiness:.2f}")
                .replace("%4", str(card.lapses))
            )
        if card.suspended:
            state += " · " + self.tr("suspended")
        if card.source:
            where = card.source + (f":{card.source_line}" if card.source_line else "")
            state += " · " + self.tr("from %1").replace("%1", where)
        return state

    def revert(self) -> None:
        """Drop unsaved changes."""
        self.show_card(self.card_id)

    def save(self) -> bool:
        """Save the fields to the card; False (and `error` emitted) if the collection refused."""
        if self.card_id is None or not self.modified:
            return True
        values = self.form.values()
        if not values["question"].strip() or not values["answer"].strip():
            self.error.emit(self.tr("A card needs both a question and an answer."))
            return False
        try:
            self.collection.update_card(self.card_id, **values)
        except DeckardError as error:
            self.error.emit(str(error))
            return False
        self.modified = False
        card_id = self.card_id
        self.show_card(card_id)
        self.saved.emit(card_id)
        return True
