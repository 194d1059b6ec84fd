"""A second connection to a collection's file, on a thread of its own, for reads that can run
beside the caller's.

A browser search scans every card twice: once for the first rows in the chosen order, once to
count the matches. SQLite lets go of Python's lock while it works, so with the count on this
connection the two scans run on two cores at once. In WAL mode each read sees the latest
committed state, so both agree unless another program commits in between (the count is then
that much off until the next search).
"""

from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any


class SideReader:
    """Runs one query at a time on its own connection, opened on first use."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._conn: sqlite3.Connection | None = None
        self._pool: ThreadPoolExecutor | None = None

    def scalar(self, sql: str, params: list[Any]) -> Future[Any]:
        """The first column of the first row `sql` gives, computed on the reader's thread."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="deckard-reader")
        return self._pool.submit(self._scalar, sql, params)

    def _scalar(self, sql: str, params: list[Any]) -> Any:
        if self._conn is None:
            self._conn = sqlite3.connect(self._path, check_same_thread=False)
        return self._conn.execute(sql, params).fetchone()[0]

    def close(self) -> None:
        """Close the connection (before the collection's own, which then tidies the log)."""
        if self._pool is None:
            return
        self._pool.submit(self._close).result()
        self._pool.shutdown()
        self._pool = None

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
