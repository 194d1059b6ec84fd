"""Typed errors the user can cause. The CLI prints their message; the GUI shows it in a message box.

Every error names what it is about (a file, a line, a field) so a person can act on it, and is
raised before anything is written.
"""

from __future__ import annotations

from pathlib import Path


class DeckardError(Exception):
    """Base of every error meant for the user: `str(error)` is a complete one-line message."""


class InputError(DeckardError):
    """A file the user gave us cannot be read or understood."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        where: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.where = where
        self.detail = message
        parts = []
        if self.path is not None:
            parts.append(self.path)
        if line is not None:
            parts.append(f"line {line}")
        if where is not None:
            parts.append(where)
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)


class CollectionError(DeckardError):
    """The collection cannot be opened or changed as asked (locked, damaged, newer, read-only)."""


class QueryError(DeckardError):
    """A search query is malformed; `position` is the 0-based character where the problem is."""

    def __init__(self, message: str, position: int) -> None:
        self.position = position
        self.detail = message
        super().__init__(f"{message} (at character {position + 1})")
