"""Writing an import's media files into the collection's media folder, beside the merge.

The names are settled before anything is written (see `MediaWrite`); the files are written,
flushed to disk and moved into place on a thread of their own while the cards are merged, and
removed again if the import fails. Part of `app.core.merge`.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.core.model import ImportBatch
from app.core.paths import sync_folder


class MediaWrite:
    """Writing the batch's media files, on a thread of its own beside the database work.

    The names, and any renames, are settled up front (bad names raise InputError before
    anything is written): a different file already stored under the same name is kept and the
    new one is stored as `stem-<hash>.ext`, with the cards' references rewritten to it. The
    files themselves are written, flushed to disk and moved into place while the cards are
    merged; `wait` (before the commit) re-raises any error, and `remove` takes back what was
    written when the import fails.
    """

    def __init__(
        self, batch: ImportBatch, media_dir: Path, check_name: Callable[[str], str]
    ) -> None:
        names = {name: check_name(name) for name in batch.media}
        self.media_dir = media_dir
        self.renames: dict[str, str] = {}
        self.created: list[Path] = []
        self.error: BaseException | None = None
        # (temporary, target, data) for each file to write.
        self.pending: list[tuple[Path, Path, bytes]] = []
        self.thread: threading.Thread | None = None
        if not batch.media:
            return
        media_dir.mkdir(parents=True, exist_ok=True)
        for original, data in batch.media.items():
            name = names[original]
            target = media_dir / name
            if target.exists():
                if target.read_bytes() == data:
                    continue
                stem, dot, ext = name.rpartition(".")
                digest = hashlib.sha1(data).hexdigest()[:8]
                name = f"{stem}-{digest}.{ext}" if dot and stem else f"{name}-{digest}"
                target = media_dir / name
                self.renames[original] = name
                if target.exists():
                    continue
            self.pending.append((target.with_name(f".{name}.partial"), target, data))
        if self.pending:
            self.thread = threading.Thread(target=self._run, name="import-media", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        try:
            for temporary, _, data in self.pending:
                with open(temporary, "wb") as handle:
                    handle.write(data)
            _sync_files([temporary for temporary, _, _ in self.pending])
            for temporary, target, _ in self.pending:
                os.replace(temporary, target)
                self.created.append(target)
            sync_folder(self.media_dir)
        except BaseException as error:  # handed to the merging thread by wait()
            self.error = error

    def wait(self) -> None:
        """Return once every file is written and durable; re-raise the writing error."""
        if self.thread is not None:
            while self.thread.is_alive():
                self.thread.join()
            self.thread = None
        if self.error is not None:
            raise self.error

    def remove(self) -> None:
        """Wait for the writing thread, then remove whatever it wrote."""
        while self.thread is not None and self.thread.is_alive():
            try:
                self.thread.join()
            except BaseException:  # interrupted again: the files must still go
                continue
        remove_files([temporary for temporary, _, _ in self.pending])
        remove_files(self.created)


def _sync_files(paths: list[Path]) -> None:
    """Flush the files to disk, several at once: the file system commits fsyncs that arrive
    together in one journal write, where one after the other each waits for its own."""

    def sync(path: Path) -> None:
        descriptor = os.open(path, os.O_WRONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    if len(paths) < 2:
        for path in paths:
            sync(path)
        return
    with ThreadPoolExecutor(max_workers=min(16, len(paths))) as pool:
        list(pool.map(sync, paths))


def remove_files(paths: list[Path]) -> None:
    """Remove files written by a failed import (missing ones are fine)."""
    for path in paths:
        path.unlink(missing_ok=True)
