"""File › Export…: which deck, with or without scheduling and media, in which format."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from app.gui.dialogs import Standard, button_box

FORMAT_SUFFIXES = {"apkg": ".apkg", "markdown": ".md", "csv": ".csv"}


class ExportDialog(QDialog):
    """Export options; the file name is asked for after OK."""

    def __init__(self, decks: list[str], selected: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.deck = QComboBox()
        self.deck.addItem(self.tr("All decks"), None)
        for deck in decks:
            self.deck.addItem(deck, deck)
        if selected is not None and selected in decks:
            self.deck.setCurrentIndex(self.deck.findData(selected))
        self.format = QComboBox()
        self.format.addItem(self.tr("Anki package (.apkg)"), "apkg")
        self.format.addItem(self.tr("Markdown deck (.md)"), "markdown")
        self.format.addItem(self.tr("CSV in Anki's text format (.csv)"), "csv")
        self.scheduling = QCheckBox(self.tr("Include scheduling and review history"))
        self.scheduling.setChecked(True)
        self.media = QCheckBox(self.tr("Include media files"))
        self.media.setChecked(True)
        self.format.currentIndexChanged.connect(self._format_changed)
        form = QFormLayout()
        form.addRow(self.tr("Deck:"), self.deck)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow("", self.scheduling)
        form.addRow("", self.media)
        buttons = button_box(Standard.Ok | Standard.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _format_changed(self) -> None:
        # Only an Anki package carries scheduling and media.
        apkg = self.format.currentData() == "apkg"
        self.scheduling.setEnabled(apkg)
        self.media.setEnabled(apkg)

    def selected_deck(self) -> str | None:
        return self.deck.currentData()

    def suffix(self) -> str:
        return FORMAT_SUFFIXES[self.format.currentData()]
