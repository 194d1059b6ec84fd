"""Backups made off the UI thread, through a connection of their own.

Backing up a large collection takes about a second (an online SQLite backup plus
compression), too long to freeze the window for. The worker opens its own connection to the
collection file, so the UI thread keeps using the collection's connection meanwhile: SQLite's
WAL mode lets the backup read a consistent snapshot while answers are written.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any


class _OwnConnection:
    """What `app.core.backup` needs from a collection, over a connection this thread owns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path, timeout=5)
        self.db = SimpleNamespace(conn=self.conn)

    def get_config(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM config WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row is not None else default

    def close(self) -> None:
        self.conn.close()


def backup_in_this_thread(collection_path: Path, *, only_if_needed: bool) -> Any:
    """Run `automatic_backup` (only_if_needed) or `backup_now` on a fresh connection."""
    from app.core.backup import automatic_backup, backup_now

    source = _OwnConnection(collection_path)
    try:
        if only_if_needed:
            return automatic_backup(source)
        return backup_now(source)
    finally:
        source.close()
