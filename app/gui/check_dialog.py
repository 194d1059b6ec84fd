"""Tools › Check collection: the full check with its safe repairs, and a report of what it did."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.core.check import CheckReport, check_collection
from app.core.errors import DeckardError
from app.gui.dialogs import inform


def _title() -> str:
    # Spelled out in the call so pyside6-lupdate finds the text.
    return QCoreApplication.translate("CheckDialog", "Check collection")


def run_collection_check(collection: Any, parent: QWidget | None = None) -> CheckReport | None:
    """Check `collection`, repair what is safe (after a backup) and show the report.

    Returns the report, or None if the check could not run (the error is shown). The caller
    redraws afterwards: a repair may have added the "Recovered" deck.
    """
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = check_collection(collection)
    except DeckardError as error:
        QGuiApplication.restoreOverrideCursor()
        inform(parent, _title(), str(error), warning=True)
        return None
    QGuiApplication.restoreOverrideCursor()
    items = "".join(f"<li>{html.escape(line)}</li>" for line in report.lines()[:-1])
    verdict = html.escape(report.lines()[-1])
    text = f"<p><b>{verdict}</b></p>" + (f"<ul>{items}</ul>" if items else "")
    inform(parent, _title(), text, warning=not report.ok)
    return report
