"""The panel beside the deck list: the selected deck's counts for today and the Study button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.formatting import format_duration
from app.gui.theme import app_is_dark


class DeckOverview(QWidget):
    """Right-hand panel: the selected deck's counts for today and the Study button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deck: str | None = None
        self._counts = (0, 0, 0)
        self._today: tuple[int, int] | None = None
        self.title = QLabel()
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts = QLabel()
        self.counts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.today = QLabel()
        self.today.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today.setWordWrap(True)
        self.study_button = QPushButton()
        self.study_button.setMinimumSize(200, 44)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addWidget(self.counts)
        layout.addSpacing(18)
        layout.addWidget(self.study_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addWidget(self.today)
        layout.addStretch(3)
        self.retranslate_ui()

    def show_deck(self, deck: str | None, counts: tuple[int, int, int]) -> None:
        self.deck, self._counts = deck, counts
        self.retranslate_ui()

    def show_today(self, reviewed: int, seconds: int) -> None:
        self._today = (reviewed, seconds)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.deck or self.tr("All decks"))
        new, repeat, due = self._counts
        dark = app_is_dark()
        colours = ("#78aeed", "#f66151", "#8ff0a4") if dark else ("#1a5fb4", "#c01c28", "#26843f")
        parts = [
            f'{label} <b style="color:{colour}">{value}</b>'
            for label, colour, value in zip(
                (self.tr("New"), self.tr("Repeat"), self.tr("Due")),
                colours,
                (new, repeat, due),
                strict=True,
            )
        ]
        self.counts.setText("&nbsp;&nbsp;&nbsp;".join(parts))
        self.study_button.setText(self.tr("Study now"))
        self.study_button.setEnabled(any(self._counts))
        if self._today is not None:
            reviewed, seconds = self._today
            self.today.setText(
                self.tr("Today: %1 cards reviewed in %2")
                .replace("%1", str(reviewed))
                .replace("%2", format_duration(seconds))
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
