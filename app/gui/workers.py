"""Slow work off the UI thread: a task runs in a QThread behind a cancellable progress dialog.

The task function receives `is_cancelled()` and checks it at points where stopping leaves
nothing half-written (for an import: after reading the file, before the single write
transaction). Results and errors come back to the UI thread through `QThread.finished`, so no
Python code ever touches a widget from the worker thread. Errors the user can cause
(`DeckardError`) arrive as their one-line message.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.core.errors import DeckardError


class Cancelled(Exception):
    """Raised by a task function that noticed the cancel request and stopped cleanly."""


class _Runner(QThread):
    def __init__(self, function: Callable[[Callable[[], bool]], Any], parent: QObject) -> None:
        super().__init__(parent)
        self.function = function
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False

    def run(self) -> None:
        try:
            self.result = self.function(self.cancel_event.is_set)
        except Cancelled:
            self.was_cancelled = True
        except DeckardError as error:
            self.error = str(error)
        except Exception as error:  # a bug, not a user mistake: still never crash the UI
            traceback.print_exc()
            self.error = f"{type(error).__name__}: {error}"


class BackgroundTask(QObject):
    """One run of `function(is_cancelled)` in a worker thread; emits exactly one outcome."""

    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of the three above

    def __init__(
        self, function: Callable[[Callable[[], bool]], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = _Runner(function, self)
        self._runner.finished.connect(self._report, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._runner.start()

    def cancel(self) -> None:
        """Ask the task to stop at its next safe point."""
        self._runner.cancel_event.set()

    def is_running(self) -> bool:
        return self._runner.isRunning()

    def wait(self) -> None:
        self._runner.wait()

    def _report(self) -> None:
        runner = self._runner
        if runner.error is not None:
            self.failed.emit(runner.error)
        elif runner.was_cancelled:
            self.cancelled.emit()
        else:
            self.succeeded.emit(runner.result)
        self.done.emit()


def run_with_progress(
    parent: QWidget,
    label: str,
    function: Callable[[Callable[[], bool]], Any],
    *,
    cancellable: bool = True,
) -> tuple[BackgroundTask, QProgressDialog]:
    """Start `function` in the background with a busy progress dialog over `parent`.

    The dialog appears only if the task takes longer than a blink, is window-modal (the
    collection is not touched by anything else meanwhile) and its Cancel button, when
    `cancellable`, asks the task to stop.
    """
    dialog = QProgressDialog(
        label, QCoreApplication.translate("BackgroundTask", "Cancel"), 0, 0, parent
    )
    dialog.setWindowTitle(parent.window().windowTitle() if parent is not None else "Deckard")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(250)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    task = BackgroundTask(function, parent)

    def cancel() -> None:
        # Stay up until the task has stopped, so nothing else touches the collection meanwhile.
        task.cancel()
        dialog.setLabelText(QCoreApplication.translate("BackgroundTask", "Cancelling…"))
        # Disabled, not removed: the button is still inside its own clicked signal here.
        for button in dialog.findChildren(QPushButton):
            button.setEnabled(False)
        dialog.show()

    dialog.canceled.connect(cancel)
    task.done.connect(dialog.reset)
    task.done.connect(dialog.deleteLater)
    task.done.connect(task.deleteLater)
    task.start()
    return task, dialog
