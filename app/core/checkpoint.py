"""Copying the write-ahead log back into the collection file on a thread of its own, while the
person studying is reading a card rather than answering one.

In WAL mode every commit is appended (and synced) to the `-wal` file beside the collection, and
now and then the log has to be copied back into the database file and that file synced: a
checkpoint. By default SQLite runs it inside whichever commit makes the log pass 1,000 pages, so
every hundred-odd answers one takes tens of milliseconds instead of one. The collection instead
asks this thread, every few hundred answers (`CHECKPOINT_EVERY`), for a passive checkpoint on a
connection of its own, which the thread runs once no answer has come for `IDLE_SECONDS`: people
take seconds over each card, so the copy happens while they read and never holds up an answer or
competes with its sync. It never blocks the collection's connection either, and runs on the
other core while SQLite works with Python's lock released. A program that answers without pause
never leaves it an idle moment, and gets SQLite's own checkpoint once the log is twice as long as
the collection lets it grow (`store.WAL_AUTOCHECKPOINT_PAGES`).

Durability does not depend on it: an answer is in the synced log before `answer()` returns, and
a crash during a checkpoint loses nothing (SQLite finishes the copy from the log on the next
open).

SQLite starts the log afresh, instead of letting the file grow, only when a write begins with
every page of the log copied. Should answers come in during a background checkpoint, the
collection copies those last few pages itself once it is done (`Checkpointer.before_write`).

The same thread also makes the log file long enough, once per session, as soon as studying
starts (`Collection.next_card` asks for it): a commit that lengthens a file makes its sync also
commit the file system's own journal (the file's new size and blocks), which makes it markedly
slower; and SQLite, which deletes the log when the collection closes, would lengthen it with
every answer until the first checkpoint, and after that whenever a stretch between two
checkpoints is longer than any before. This runs at once rather than at a pause: the first card
is being read meanwhile. The log is lengthened with zeros, with SQLite's write lock held so that
nothing else writes to it meanwhile (an answer given that soon waits for it); SQLite ignores
whatever follows its last valid frame, as it ignores the older frames it leaves there itself
when it starts the log afresh. It is never made longer than the collection file itself, nor on
a nearly full disk.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

# How long no answer must have come before a requested checkpoint runs.
IDLE_SECONDS = 0.05
# Answers between two background checkpoints. The first commit after a checkpoint starts the log
# afresh and syncs the log's new header as well as the answer, so that answer takes about twice
# as long: checkpoints are kept rare. An answer adds about eight pages to the log, so the log
# reaches about 2,000 pages (8 MB), half the length at which SQLite would checkpoint inside a
# commit (store.WAL_AUTOCHECKPOINT_PAGES).
CHECKPOINT_EVERY = 256
# The log's own layout: a 32-byte header, then per frame a 24-byte header and one page.
_LOG_HEADER_BYTES = 32
_FRAME_HEADER_BYTES = 24
# The log is lengthened only while the disk keeps this many times as much free besides.
_FREE_SPACE_FACTOR = 8
# Zeros are written this many bytes at a time.
_CHUNK_BYTES = 1 << 20


class Checkpointer:
    """A thread, started on first use, that checkpoints the collection whenever asked."""

    def __init__(self, path: Path, log_frames: int = 0) -> None:
        """`log_frames`: how many frames long to make the log file (0: leave it as it grows)."""
        self._path = path
        self._log_frames = log_frames
        self._log_ready = log_frames <= 0
        self._condition = threading.Condition()
        self._requested = False
        self._grow = False
        self._running = False
        self._stopping = False
        self._finished = False
        self._last_activity = time.monotonic()
        self._thread: threading.Thread | None = None
        self._answers = 0  # since the last checkpoint was asked for

    def before_write(self, conn: sqlite3.Connection) -> None:
        """An answer is about to be written on `conn`, the collection's connection."""
        if self.take_finished():
            # Copy what was committed while the background checkpoint ran, if anything, so that
            # this answer starts the log afresh. A failure here only leaves the log longer.
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def answered(self) -> None:
        """An answer has been written: checkpoint once `CHECKPOINT_EVERY` have been, at the
        next pause."""
        self._last_activity = time.monotonic()
        self._answers += 1
        if self._answers >= CHECKPOINT_EVERY:
            self._answers = 0
            self._ask(grow=False)

    def lengthen_log(self) -> None:
        """Ask for the log file to be made `log_frames` frames long (at most as long as the
        collection file) if that is not done yet; returns at once."""
        if not self._log_ready and not self._grow:
            self._ask(grow=True)

    def _ask(self, *, grow: bool) -> None:
        with self._condition:
            if self._stopping:
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name=f"deckard-checkpoint {self._path}", daemon=True
                )
                self._thread.start()
            if grow:
                self._grow = True
            else:
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
        """Return once no checkpoint is asked for or running (after the pause it waits for)."""
        with self._condition:
            while (self._requested or self._grow or self._running) and self._thread is not None:
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
            # The timeout lets the log's lengthening wait for the write lock between answers
            # (passive checkpoints never wait for a lock).
            conn = sqlite3.connect(
                self._path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error:
            conn = None  # the collection's own automatic checkpoint takes over
        try:
            while True:
                with self._condition:
                    self._running = False
                    self._condition.notify_all()
                    while not (self._requested or self._grow) and not self._stopping:
                        self._condition.wait()
                    # Lengthening the log goes first and at once; checkpoints wait for a pause.
                    while not self._grow and not self._stopping:
                        quiet = time.monotonic() - self._last_activity
                        if quiet >= IDLE_SECONDS:
                            break
                        self._condition.wait(IDLE_SECONDS - quiet)
                    if self._stopping:
                        return
                    grow = self._grow
                    if grow:
                        self._grow = False
                    else:
                        self._requested = False
                    self._running = True
                if conn is None:
                    self._log_ready = True  # nothing to do it with: stop asking
                elif grow:
                    self._log_ready = self._lengthen_log(conn)
                else:
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
                self._running = self._requested = self._grow = False
                self._thread = None
                self._condition.notify_all()

    def _lengthen_log(self, conn: sqlite3.Connection) -> bool:
        """Make the log file `log_frames` frames long with zeros past its end, synced; False
        if that is to be tried again later (the collection stayed busy)."""
        log = Path(f"{self._path}-wal")
        try:
            page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
            # The write lock: while it is held no commit appends to the log and no checkpoint
            # starts it afresh or truncates it, so the file's end stays where it is read here.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            return False
        try:
            wanted = _LOG_HEADER_BYTES + self._log_frames * (_FRAME_HEADER_BYTES + page_size)
            # No more log than collection: a small collection's sessions are short.
            wanted = min(wanted, self._path.stat().st_size)
            with open(log, "r+b") as file:
                length = file.seek(0, os.SEEK_END)
                missing = wanted - length
                if missing <= 0:
                    return True
                # Never take space the collection itself may need on a nearly full disk.
                if shutil.disk_usage(log.parent).free < _FREE_SPACE_FACTOR * missing:
                    return True
                zeros = bytes(min(missing, _CHUNK_BYTES))
                try:
                    while missing > 0:
                        missing -= file.write(zeros[: min(missing, len(zeros))])
                    file.flush()
                    os.fsync(file.fileno())
                except OSError:
                    file.truncate(length)  # only the zeros written here
        except OSError:
            pass  # no log file, or it cannot be written: it grows as it always did
        finally:
            # Should this fail, the error ends the thread, whose connection closes and so
            # gives the write lock back.
            conn.execute("ROLLBACK")
        return True
