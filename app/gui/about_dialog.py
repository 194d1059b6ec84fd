"""Help › About Deckard: version, what the app is, where the collection lives."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import __version__
from app.gui.dialogs import inform


def show_about(parent: QWidget, collection_path: Path) -> None:
    """Show the About box over `parent`."""
    text = QCoreApplication.translate(
        "AboutDialog",
        "<h3>Deckard %1</h3>"
        "<p>Spaced-repetition flashcards from your own notes: SM-2 scheduling on SQLite, "
        "a keyboard-first review window, Anki import and export.</p>"
        "<p>Collection: <code>%2</code></p>"
        "<p>Qt for Python %3 · MIT licence</p>",
    )
    text = (
        text.replace("%1", __version__)
        .replace("%2", html.escape(str(collection_path)))
        .replace("%3", pyside_version)
    )
    inform(parent, QCoreApplication.translate("AboutDialog", "About Deckard"), text)
