"""The review screen: one card at a time, answered from the keyboard.

Space or Enter shows the answer and, once it is shown, grades Good; 1-4 (0-5 in six-grade mode)
grade; E edits the card in place; `-` buries and `@` suspends it; Ctrl+= / Ctrl+- zoom. Every
answer goes straight to the collection (which makes it durable) before the next card is shown,
so quitting at any moment loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DeckardError
from app.gui.card_view import CardView
from app.gui.formatting import format_duration
from app.gui.inline_editor import InlineCardEditor
from app.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, UiSettings

GOOD = 4
FOUR_BUTTON_QUALITIES = (2, 3, 4, 5)
SIX_GRADE_QUALITIES = (0, 1, 2, 3, 4, 5)


def format_interval(days: int) -> str:
    """A short interval label as on Anki's buttons: 1d, 17d, 3.2mo, 1.4y (translated units)."""
    if days < 30:
        return QCoreApplication.translate("Intervals", "%1d").replace("%1", str(days))
    if days < 365:
        amount = f"{days / 30:.1f}".removesuffix(".0")
        return QCoreApplication.translate("Intervals", "%1mo").replace("%1", amount)
    amount = f"{days / 365:.1f}".removesuffix(".0")
    return QCoreApplication.translate("Intervals", "%1y").replace("%1", amount)


class ReviewWidget(QWidget):
    """Shows the due cards of one deck (or all decks) and records the answers."""

    answered = Signal()  # the collection changed: counts and undo state need a refresh
    finished = Signal()  # nothing left to study in this deck today
    left = Signal()  # the learner went back to the deck list
    failed = Signal(str)  # a core error the main window shows in a message box
    card_shown = Signal(str)  # id of the card now on screen

    def __init__(
        self,
        collection: Any,
        settings: UiSettings,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.collection = collection
        self.settings = settings
        self._clock = clock
        self.deck: str | None = None
        self.card: Any = None
        self.answer_shown = False
        self._elapsed = QElapsedTimer()
        self._qualities: tuple[int, ...] = FOUR_BUTTON_QUALITIES

        self.view = CardView(collection.media_dir)
        self.view.set_font_size(settings.font_size)
        self.editor = InlineCardEditor()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.editor)
        self.editor.saved.connect(self._save_edit)
        self.editor.cancelled.connect(self._close_editor)

        self.show_button = QPushButton()
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.setMinimumWidth(220)
        self.show_button.clicked.connect(self.show_answer)
        self.grade_bar = QWidget()
        self.grade_layout = QHBoxLayout(self.grade_bar)
        self.grade_layout.setContentsMargins(0, 0, 0, 0)
        self.grade_buttons: dict[int, QPushButton] = {}

        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.timer_label = QLabel()
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.grade_bar)
        buttons.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.timer_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.pages, 1)
        bottom = QVBoxLayout()
        bottom.setContentsMargins(12, 6, 12, 0)
        bottom.addLayout(buttons)
        bottom.addLayout(status)
        layout.addLayout(bottom)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build_grade_buttons()
        self.retranslate_ui()

    # Public -------------------------------------------------------------------------------

    def now(self) -> datetime | None:
        """The time to pass to the collection: None lets the core read the clock itself."""
        return self._clock() if self._clock is not None else None

    def start(self, deck: str | None) -> None:
        """Study `deck` (with its sub-decks; None = every deck) from its next due card."""
        self.deck = deck
        self._build_grade_buttons()
        self._close_editor()
        self.show_next()

    def show_next(self) -> None:
        try:
            card = self.collection.next_card(self.deck, now=self.now())
        except DeckardError as error:
            self.failed.emit(str(error))
            return
        if card is None:
            self.card = None
            self._tick.stop()
            self.finished.emit()
            return
        self.show_question(card)

    def show_question(self, card: Any) -> None:
        """Put `card` on screen, answer hidden, and start timing it."""
        self.card = card
        self.answer_shown = False
        self.pages.setCurrentWidget(self.view)
        self.view.show_card(card.question)
        self.show_button.show()
        self.grade_bar.hide()
        self._elapsed.start()
        self._tick.start()
        self._update_status()
        self._update_timer()
        self.setFocus()
        self.card_shown.emit(card.id)

    def show_answer(self) -> None:
        if self.card is None or self.answer_shown:
            return
        self.answer_shown = True
        self.view.show_card(self.card.question, self.card.answer)
        try:
            intervals = self.collection.preview_intervals(self.card.id, now=self.now())
        except DeckardError as error:
            self.failed.emit(str(error))
            intervals = {}
        for quality, button in self.grade_buttons.items():
            days = intervals.get(quality)
            label = self._grade_name(quality)
            button.setText(f"{label}\n{format_interval(days)}" if days is not None else label)
        self.show_button.hide()
        self.grade_bar.show()

    def grade(self, quality: int) -> None:
        """Record `quality` for the card on screen (answer must be shown) and move on."""
        if self.card is None or not self.answer_shown or quality not in self._qualities:
            return
        try:
            self.collection.answer(
                self.card.id, quality, now=self.now(), duration_ms=int(self._elapsed.elapsed())
            )
        except DeckardError as error:
            self.failed.emit(str(error))
            return
        self.answered.emit()
        self.show_next()

    def show_again(self, card_id: str, deck: str | None) -> None:
        """After an undo: show that card's question again, studying `deck`."""
        self.deck = deck
        self._build_grade_buttons()
        self._close_editor()
        self.show_question(self.collection.card(card_id))

    def reload_card(self) -> None:
        """Show the current card as stored now (after an edit elsewhere), or move on if it left."""
        if self.card is None:
            return
        try:
            card = self.collection.card(self.card.id)
        except DeckardError:
            card = None
        if card is None or card.suspended:
            self.show_next()
            return
        self.card = card
        self.view.show_card(card.question, card.answer if self.answer_shown else None)

    def bury(self) -> None:
        self._set_aside(self.collection.bury, with_time=True)

    def suspend(self) -> None:
        self._set_aside(self.collection.suspend, with_time=False)

    def edit(self) -> None:
        if self.card is None:
            return
        self.pages.setCurrentWidget(self.editor)
        self.editor.edit(self.card.question, self.card.answer)

    def zoom(self, step: int) -> None:
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self.view.font_size() + step))
        self.settings.font_size = size
        self.view.set_font_size(size)

    def set_dark(self, dark: bool) -> None:
        self.view.set_dark(dark)

    def stop_ticking(self) -> None:
        self._tick.stop()

    def resume_ticking(self) -> None:
        if self.card is not None:
            self._tick.start()

    def stop(self) -> None:
        """Leave the session: nothing on screen, nothing ticking."""
        self._tick.stop()
        self.card = None
        self.answer_shown = False

    # Keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom(+1)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom(-1)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.answer_shown:
                self.grade(GOOD)
            else:
                self.show_answer()
        elif key == Qt.Key.Key_Escape:
            self.stop()
            self.left.emit()
        elif text and text.isdigit() and self.answer_shown:
            quality = self._quality_for_key(int(text))
            if quality is not None:
                self.grade(quality)
        elif text in ("e", "E"):
            self.edit()
        elif text == "-":
            self.bury()
        elif text == "@":
            self.suspend()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.view.keyPressEvent(event)
        else:
            super().keyPressEvent(event)

    def _quality_for_key(self, digit: int) -> int | None:
        if self._qualities == SIX_GRADE_QUALITIES:
            return digit if digit in SIX_GRADE_QUALITIES else None
        if 1 <= digit <= 4:
            return FOUR_BUTTON_QUALITIES[digit - 1]
        return None

    # Internals ----------------------------------------------------------------------------

    def _grading(self) -> str:
        return "six" if self.collection.get_config("grading", "four") == "six" else "four"

    def _grade_name(self, quality: int) -> str:
        if self._qualities == SIX_GRADE_QUALITIES:
            # The key is the grade itself, so it leads the label; SuperMemo's short names follow.
            names = {
                0: self.tr("Blackout"),
                1: self.tr("Wrong"),
                2: self.tr("Nearly"),
                3: self.tr("Hard"),
                4: self.tr("Good"),
                5: self.tr("Perfect"),
            }
            return f"{quality} · {names[quality]}"
        names = {2: self.tr("Again"), 3: self.tr("Hard"), 4: self.tr("Good"), 5: self.tr("Easy")}
        return names[quality]

    def _grade_tooltip(self, quality: int) -> str:
        """The grade's key, and in six-grade mode SuperMemo's definition of the grade."""
        if self._qualities != SIX_GRADE_QUALITIES:
            return self.tr("Key %1").replace("%1", str(self._qualities.index(quality) + 1))
        meanings = {
            0: self.tr("Complete blackout"),
            1: self.tr("Wrong, but the answer was familiar once shown"),
            2: self.tr("Wrong, but the answer seemed easy to recall"),
            3: self.tr("Right, with serious difficulty"),
            4: self.tr("Right, after a hesitation"),
            5: self.tr("Right at once, without hesitation"),
        }
        return self.tr("%1 (key %2)").replace("%2", str(quality)).replace("%1", meanings[quality])

    def _build_grade_buttons(self) -> None:
        qualities = SIX_GRADE_QUALITIES if self._grading() == "six" else FOUR_BUTTON_QUALITIES
        if qualities == self._qualities and self.grade_buttons:
            return
        self._qualities = qualities
        for button in self.grade_buttons.values():
            button.deleteLater()
        self.grade_buttons = {}
        for quality in qualities:
            button = QPushButton(self._grade_name(quality))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(96)
            button.setMinimumHeight(48)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setToolTip(self._grade_tooltip(quality))
            button.setObjectName(f"grade{quality}")
            button.clicked.connect(lambda _checked=False, q=quality: self.grade(q))
            self.grade_layout.addWidget(button)
            self.grade_buttons[quality] = button

    def _set_aside(self, action: Callable[..., None], *, with_time: bool) -> None:
        if self.card is None:
            return
        try:
            if with_time:
                action(self.card.id, now=self.now())
            else:
                action(self.card.id)
        except DeckardError as error:
            self.failed.emit(str(error))
            return
        self.answered.emit()
        self.show_next()

    def _save_edit(self, question: str, answer: str) -> None:
        if self.card is None:
            return
        try:
            self.collection.update_card(self.card.id, question=question, answer=answer)
            self.card = self.collection.card(self.card.id)
        except DeckardError as error:
            self.failed.emit(str(error))
            return
        self._close_editor()
        self.view.show_card(self.card.question, self.card.answer if self.answer_shown else None)

    def _close_editor(self) -> None:
        self.pages.setCurrentWidget(self.view)
        self.setFocus()

    def _update_status(self) -> None:
        try:
            new, repeat, due = self.collection.counts_today(self.deck, now=self.now())
        except DeckardError:
            return
        deck = self.deck or self.tr("All decks")
        self.status.setText(
            self.tr("%1 — left today: %2 new · %3 repeat · %4 due")
            .replace("%1", deck)
            .replace("%2", str(new))
            .replace("%3", str(repeat))
            .replace("%4", str(due))
        )

    def _update_timer(self) -> None:
        seconds = self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0
        self.timer_label.setText(self.tr("%1 on this card").replace("%1", format_duration(seconds)))

    def retranslate_ui(self) -> None:
        self.show_button.setText(self.tr("Show answer (Space)"))
        for quality, button in self.grade_buttons.items():
            button.setToolTip(self._grade_tooltip(quality))
            if not self.answer_shown:
                button.setText(self._grade_name(quality))
        if self.card is not None:
            self._update_status()
            self._update_timer()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
