"""Tools › Check collection: the full check with its safe repairs, and a report of what it did.

The report's facts come from the core in English; the sentences the check is known to write
are shown in the interface language (a line the GUI does not know, such as SQLite's own
description of damage, stays as the core wrote it).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.core.check import CheckReport, check_collection
from app.core.errors import DeckardError
from app.gui.dialogs import inform


def _title() -> str:
    return QCoreApplication.translate("CheckDialog", "Check collection")


# Each known sentence of the core's report, with the translated text it becomes (%1 = the part
# that varies). The texts are spelled out in translate() calls so pyside6-lupdate finds them.
_KNOWN: list[tuple[re.Pattern[str], Callable[[], str]]] = [
    (
        re.compile(r"(\d+) review\(s\) of cards that no longer exist"),
        lambda: QCoreApplication.translate(
            "CheckDialog", "%1 review(s) of cards that no longer exist"
        ),
    ),
    (
        re.compile(r"removed (\d+) review\(s\) of missing cards"),
        lambda: QCoreApplication.translate("CheckDialog", "removed %1 review(s) of missing cards"),
    ),
    (
        re.compile(r"(\d+) card\(s\) in a deck that no longer exists"),
        lambda: QCoreApplication.translate(
            "CheckDialog", "%1 card(s) in a deck that no longer exists"
        ),
    ),
    (
        re.compile(r"moved (\d+) card\(s\) to the deck '[^']*'"),
        lambda: QCoreApplication.translate(
            "CheckDialog", "moved %1 card(s) to the deck 'Recovered'"
        ),
    ),
    (
        re.compile(r"Backed up the collection first to (.+)"),
        lambda: QCoreApplication.translate("CheckDialog", "Backed up the collection first to %1"),
    ),
    (
        re.compile(r"No backup could be made first \((.+)\)"),
        lambda: QCoreApplication.translate("CheckDialog", "No backup could be made first (%1)"),
    ),
    (
        re.compile(r"Rebuilt every index\.()"),
        lambda: QCoreApplication.translate("CheckDialog", "Rebuilt every index."),
    ),
]


def translate_line(line: str) -> str:
    """One sentence of the core's report in the interface language, if the GUI knows it."""
    for pattern, text in _KNOWN:
        match = pattern.fullmatch(line)
        if match:
            return text().replace("%1", match.group(1))
    return line


def report_lines(report: CheckReport) -> tuple[str, list[str]]:
    """The verdict and the report's lines (found, notes, repaired, not repaired), translated."""
    lines = [
        QCoreApplication.translate("CheckDialog", "Found: %1").replace("%1", translate_line(p))
        for p in report.problems
    ]
    lines += [translate_line(note) for note in report.notes]
    lines += [
        QCoreApplication.translate("CheckDialog", "Repaired: %1").replace("%1", translate_line(r))
        for r in report.repairs
    ]
    lines += [
        QCoreApplication.translate("CheckDialog", "Not repaired: %1").replace(
            "%1", translate_line(u)
        )
        for u in report.unrepaired
    ]
    if not report.ok:
        verdict = QCoreApplication.translate(
            "CheckDialog",
            "The collection is damaged beyond a safe repair; restore a backup "
            "(File › Restore backup…, or deckard restore FILE).",
        )
    elif report.problems:
        verdict = QCoreApplication.translate("CheckDialog", "The collection is sound now.")
    else:
        verdict = QCoreApplication.translate(
            "CheckDialog", "No problems found; the collection is sound."
        )
    return verdict, lines


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
    verdict, lines = report_lines(report)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    text = f"<p><b>{html.escape(verdict)}</b></p>" + (f"<ul>{items}</ul>" if items else "")
    inform(parent, _title(), text, warning=not report.ok)
    return report
