"""Preferences: study settings kept in the collection, look and language kept on this computer.

Nothing is written until OK, and then each value goes where it belongs: deck limits, the
day-start hour and the grading mode into the collection (they travel with it); language, theme
and card font size into QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DeckardError
from app.gui.dialogs import Standard, button_box, inform
from app.gui.settings import MAX_FONT_SIZE, MIN_FONT_SIZE, UiSettings


@dataclass
class PreferenceChanges:
    """What OK changed, so the main window redraws only what needs it."""

    language: bool = False
    theme: bool = False
    font_size: bool = False
    grading: bool = False
    study: bool = False  # limits or day start: today's counts change


def deck_limits_of(collection: Any, deck: str) -> tuple[int, int]:
    """(new per day, reviews per day) of a deck, whatever shape the collection returns."""
    limits = collection.deck_limits(deck)
    if isinstance(limits, dict):
        return int(limits["new_per_day"]), int(limits["reviews_per_day"])
    if hasattr(limits, "new_per_day"):
        return int(limits.new_per_day), int(limits.reviews_per_day)
    new, reviews = limits
    return int(new), int(reviews)


class PreferencesDialog(QDialog):
    """Three tabs: Study (limits, day start, grading), Appearance (language, theme, font)."""

    def __init__(self, collection: Any, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.collection = collection
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(460)
        self.changes = PreferenceChanges()

        self._decks = collection.deck_names()
        self._limits = {deck: deck_limits_of(collection, deck) for deck in self._decks}
        self._edited_limits = dict(self._limits)

        # Study tab
        self.deck_combo = QComboBox()
        self.deck_combo.addItems(self._decks)
        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 9999)
        self.reviews_per_day = QSpinBox()
        self.reviews_per_day.setRange(0, 99999)
        self.day_start = QSpinBox()
        self.day_start.setRange(0, 23)
        self.day_start.setSuffix(":00")
        self.day_start.setValue(int(collection.get_config("day_start_hour", 4)))
        self.four_buttons = QRadioButton(
            self.tr("Four buttons: Again, Hard, Good, Easy (keys 1–4)")
        )
        self.six_grades = QRadioButton(self.tr("Six grades 0–5, as in SuperMemo (keys 0–5)"))
        six = collection.get_config("grading", "four") == "six"
        (self.six_grades if six else self.four_buttons).setChecked(True)
        study = QWidget()
        form = QFormLayout(study)
        form.addRow(self.tr("Deck:"), self.deck_combo)
        form.addRow(self.tr("New cards per day:"), self.new_per_day)
        form.addRow(self.tr("Reviews per day:"), self.reviews_per_day)
        note = QLabel(self.tr("Sub-decks count toward their parent's limits."))
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("Next day starts at:"), self.day_start)
        form.addRow(self.tr("Grading:"), self.four_buttons)
        form.addRow("", self.six_grades)
        self.deck_combo.currentTextChanged.connect(self._show_deck_limits)
        self.new_per_day.valueChanged.connect(self._remember_deck_limits)
        self.reviews_per_day.valueChanged.connect(self._remember_deck_limits)
        self._show_deck_limits(self.deck_combo.currentText())

        # Appearance tab
        self.language = QComboBox()
        for code, label in (
            ("system", self.tr("Follow system")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.theme = QComboBox()
        for code, label in (
            ("system", self.tr("Follow system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, code)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme))
        self.font_size = QSpinBox()
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.font_size)
        appearance = QWidget()
        look = QFormLayout(appearance)
        look.addRow(self.tr("Language:"), self.language)
        look.addRow(self.tr("Theme:"), self.theme)
        look.addRow(self.tr("Card font size:"), self.font_size)
        zoom_note = QLabel(self.tr("Ctrl+= and Ctrl+- also zoom while reviewing."))
        zoom_note.setWordWrap(True)
        look.addRow("", zoom_note)

        self.tabs = QTabWidget()
        self.tabs.addTab(study, self.tr("Study"))
        self.tabs.addTab(appearance, self.tr("Appearance"))
        self.buttons = button_box(Standard.Ok | Standard.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)

    def _show_deck_limits(self, deck: str) -> None:
        if deck not in self._edited_limits:
            return
        new, reviews = self._edited_limits[deck]
        for box, value in ((self.new_per_day, new), (self.reviews_per_day, reviews)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def _remember_deck_limits(self) -> None:
        deck = self.deck_combo.currentText()
        if deck:
            self._edited_limits[deck] = (self.new_per_day.value(), self.reviews_per_day.value())

    def accept(self) -> None:
        """Write every changed value where it belongs, then close."""
        try:
            self._write_collection_settings()
        except DeckardError as error:
            inform(self, self.tr("Preferences"), str(error), warning=True)
            return
        settings = self.settings
        language, theme = self.language.currentData(), self.theme.currentData()
        self.changes.language = language != settings.language
        self.changes.theme = theme != settings.theme
        self.changes.font_size = self.font_size.value() != settings.font_size
        settings.language, settings.theme = language, theme
        settings.font_size = self.font_size.value()
        settings.sync()
        super().accept()

    def _write_collection_settings(self) -> None:
        collection = self.collection
        for deck, limits in self._edited_limits.items():
            if limits != self._limits[deck]:
                collection.set_deck_limits(deck, limits[0], limits[1])
                self.changes.study = True
        if self.day_start.value() != int(collection.get_config("day_start_hour", 4)):
            collection.set_config("day_start_hour", self.day_start.value())
            self.changes.study = True
        grading = "six" if self.six_grades.isChecked() else "four"
        if grading != collection.get_config("grading", "four"):
            collection.set_config("grading", grading)
            self.changes.grading = True
