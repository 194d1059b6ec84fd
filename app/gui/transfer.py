"""Import and export from the main window, run in the background behind a progress dialog.

Import reads the file in a worker (cancellable: nothing has been written yet), says what it
read and asks before writing, applies it in one transaction (not cancellable: the collection
either takes the whole file or nothing), then shows what was added, updated, unchanged,
suspended and skipped. The collection's core has no dry run, so the exact added/updated split
is known only afterwards. Export writes its file atomically; a cancelled export removes it.
While a worker uses the collection the window-modal progress dialog keeps the UI off it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog

from app.gui.dialogs import ask, inform
from app.gui.workers import Cancelled, run_with_progress


def import_filters() -> str:
    """The file-type choices of the Import dialog, translated."""
    return ";;".join(
        [
            QCoreApplication.translate("ImportFlow", "Everything Deckard reads")
            + " (*.txt *.md *.markdown *.csv *.tsv *.apkg *.colpkg)",
            QCoreApplication.translate("ImportFlow", "Notes or Markdown deck")
            + " (*.txt *.md *.markdown)",
            "CSV / TSV (*.csv *.tsv)",
            QCoreApplication.translate("ImportFlow", "Anki package") + " (*.apkg *.colpkg)",
            QCoreApplication.translate("ImportFlow", "All files") + " (*)",
        ]
    )


def _folder(window: Any, key: str) -> str:
    return str(window.settings.qsettings.value(key, str(Path.home())))


class ImportFlow(QObject):
    """One import: choose a file, read it, confirm, write it, report."""

    finished = Signal(object)  # the ImportResult, or None when cancelled or failed

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None

    def choose_and_run(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import"), _folder(self.window, "ui/import_dir"), import_filters()
        )
        if path:
            self.window.settings.qsettings.setValue("ui/import_dir", str(Path(path).parent))
            self.run(Path(path))

    def run(self, path: Path, *, confirm: Callable[[Any], bool] | None = None) -> None:
        """Read `path` in the background, then ask `confirm(batch)` (a dialog by default)."""
        from app.core.importing import read_batch
        from app.core.merge_stored import StoredCardsOnce

        # One file: what is stored is read for it, as `Collection.import_file` does.
        stored = StoredCardsOnce(self.window.collection.conn, path)

        def read(is_cancelled: Callable[[], bool]) -> Any:
            # Against what the collection holds, so that the cards of an Anki package it
            # already has unchanged are not converted again (see `FingerprintedBatch`).
            batch = read_batch(path, known=stored.fingerprints)
            if is_cancelled():
                raise Cancelled
            return batch

        label = self.tr("Reading %1…").replace("%1", path.name)
        self.task, self.dialog = run_with_progress(self.window, label, read)
        self.task.succeeded.connect(lambda batch: self._confirm(path, batch, confirm, stored))
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self.finished.emit(None))

    def _confirm(
        self, path: Path, batch: Any, confirm: Callable[[Any], bool] | None, stored: Any
    ) -> None:
        ok = confirm(batch) if confirm is not None else self._ask(path, batch)
        if not ok:
            self.finished.emit(None)
            return
        collection = self.window.collection

        def write(_is_cancelled: Callable[[], bool]) -> Any:
            return collection.apply_batch(batch, stored=stored.taken)

        label = self.tr("Importing %1…").replace("%1", path.name)
        self.window.set_busy(True)
        self.task, self.dialog = run_with_progress(self.window, label, write, cancellable=False)
        self.task.done.connect(lambda: self.window.set_busy(False))
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)

    def _ask(self, path: Path, batch: Any) -> bool:
        text = self.preview(path, batch)
        if batch.skipped:
            text += "\n\n" + self.tr("%1 items will be skipped:").replace(
                "%1", str(len(batch.skipped))
            )
            text += "\n" + "\n".join(f"• {reason}" for reason in batch.skipped[:10])
        text += "\n\n" + self.tr(
            "Cards already in the collection are updated and keep their history. Import now?"
        )
        return ask(self.window, self.tr("Import"), text)

    def preview(self, path: Path, batch: Any) -> str:
        """What the file holds, before anything is written."""
        from app.core.importing import card_count

        return (
            self.tr("%1 holds %2 cards and %3 media files.")
            .replace("%1", path.name)
            .replace("%2", str(card_count(batch)))
            .replace("%3", str(len(batch.media)))
        )

    def _done(self, result: Any) -> None:
        self.window.refresh()
        self.window.statusBar().showMessage(self.summary(result), 8000)
        inform(self.window, self.tr("Import"), self.summary(result, True))
        self.finished.emit(result)

    def summary(self, result: Any, detailed: bool = False) -> str:
        text = (
            self.tr("Added %1, updated %2, unchanged %3, suspended %4, skipped %5.")
            .replace("%1", str(len(result.added)))
            .replace("%2", str(len(result.updated)))
            .replace("%3", str(len(result.unchanged)))
            .replace("%4", str(len(result.suspended)))
            .replace("%5", str(len(result.skipped)))
        )
        if detailed and result.skipped:
            text += "\n\n" + "\n".join(f"• {reason}" for reason in result.skipped[:10])
        return text

    def _failed(self, message: str) -> None:
        self.window.show_error(message)
        self.finished.emit(None)


class ExportFlow(QObject):
    """One export: options, file name, write in the background, report."""

    finished = Signal(object)  # the ExportResult, or None when cancelled or failed

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None

    def choose_and_run(self) -> None:
        from app.gui.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.window.collection.deck_names(), self.window.selected_deck(), self.window
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        deck = dialog.selected_deck()
        stem = (deck or "deckard").replace("::", "-")
        start = str(Path(_folder(self.window, "ui/export_dir")) / (stem + dialog.suffix()))
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export"), start, f"*{dialog.suffix()}"
        )
        if not path:
            return
        self.window.settings.qsettings.setValue("ui/export_dir", str(Path(path).parent))
        self.run(
            Path(path),
            deck=deck,
            scheduling=dialog.scheduling.isChecked(),
            media=dialog.media.isChecked(),
        )

    def run(
        self, path: Path, *, deck: str | None = None, scheduling: bool = True, media: bool = True
    ) -> None:
        from app.core.exporting import export_collection

        collection = self.window.collection

        def write(is_cancelled: Callable[[], bool]) -> Any:
            result = export_collection(
                collection, path, deck=deck, scheduling=scheduling, media=media
            )
            if is_cancelled():
                path.unlink(missing_ok=True)
                raise Cancelled
            return result

        label = self.tr("Exporting to %1…").replace("%1", path.name)
        self.window.set_busy(True)
        self.task, self.dialog = run_with_progress(self.window, label, write)
        self.task.done.connect(lambda: self.window.set_busy(False))
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda: self.finished.emit(None))

    def _done(self, result: Any) -> None:
        message = (
            self.tr("Exported %1 cards to %2.")
            .replace("%1", str(result.cards))
            .replace("%2", str(result.path))
        )
        self.window.statusBar().showMessage(message, 8000)
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.window.show_error(message)
        self.finished.emit(None)
