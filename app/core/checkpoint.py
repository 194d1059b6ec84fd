"""Copying the write-ahead log back into the collection file on a thread of its own.

In WAL mode every commit is appended (and synced) to the `-wal` file beside the collection, and
now and then the log has to be copied back into the database file and that file synced: a
checkpoint. By default SQLite runs it inside whichever commit makes the log pass 1,000 pages, so
every hundredth answer or so would take tens of milliseconds instead of one. The collection
instead asks this thread, after every few dozen answers, to run a passive checkpoint on a
connection of its own: that never blocks the reviewer, never waits for it, and runs on the other
core while SQLite works with Python's lock released.

Durability does not depend on it: an answer is in the synced log before `answer()` returns, and a
crash during a checkpoint loses nothing (SQLite finishes the copy from the log on the next open).
The collection's own connection keeps an automatic checkpoint at a higher limit
(`FALLBACK_PAGES`) in case this thread falls behind, and bulk writes such as imports still
checkpoint by themselves.

SQLite starts the log afresh, instead of letting the file grow, only when a write begins with
every page of the log copied. While answers keep coming, some are always committed during a
background checkpoint, so once it is done the collection copies those last few pages itself
(`take_finished`), a short checkpoint between two answers.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

# The log size (pages) at which the collection's connection checkpoints by itself.
FALLBACK_PAGES = 4000


class Checkpointer:
    """A thread, started on first use, that checkpoints the collection whenever asked."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._condition = threading.Condition()
        self._requested = False
        self._running = False
        self._stopping = False
        self._finished = False
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Ask for a checkpoint soon; returns at once."""
        with self._condition:
            if self._stopping:
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="deckard-checkpoint", daemon=True
                )
                self._thread.start()
            self._requested = True
            self._condition.notify_all()

    def take_finished(self) -> bool:
        """True (once) when a checkpoint has finished since the last call."""
        if not self._finished:  # read without the lock: a late True is seen on the next call
            return False
        with self._condition:
            self._finished = False
        return True

    def wait(self) -> None:
        """Return once no checkpoint is asked for or running."""
        with self._condition:
            while (self._requested or self._running) and self._thread is not None:
                self._condition.wait()

    def close(self) -> None:
        """Finish a checkpoint in progress, stop the thread and close its connection."""
        with self._condition:
            self._stopping = True
            self._condition.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error:
            conn = None  # the collection's own automatic checkpoint takes over
        try:
            while True:
                with self._condition:
                    self._running = False
                    self._condition.notify_all()
                    while not self._requested and not self._stopping:
                        self._condition.wait()
                    if self._stopping:
                        return
                    self._requested = False
                    self._running = True
                if conn is not None:
                    try:
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                        self._finished = True
                    except sqlite3.Error:
                        pass  # busy or failing: the next request, or the fallback, tries again
        finally:
            if conn is not None:
                conn.close()
            with self._condition:
                # A later request starts a new thread should this one have failed.
                self._running = self._requested = False
                self._thread = None
                self._condition.notify_all()
