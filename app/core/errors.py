"""Typed errors the user can cause. The CLI prints their message; the GUI shows it in a message box.

Every error names what it is about (a file, a line, a field) so a person can act on it, and is
raised before anything is written.
"""

from __future__ import annotations

import re
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
    """A search query is malformed; `position` is the 0-based character where the problem is.

    `message` may hold `%1`, `%2`… standing for `values`, in the notation of Qt's catalogues:
    the interface translates the fixed sentence (`template`) and puts the values back in.
    """

    def __init__(self, message: str, position: int, *values: str) -> None:
        self.position = position
        self.template = message
        self.values = values
        self.detail = fill_placeholders(message, values)
        super().__init__(f"{self.detail} (at character {position + 1})")


def fill_placeholders(template: str, values: tuple[str, ...] | list[str]) -> str:
    """`template` with each `%N` replaced by `values[N - 1]`, in one pass (a value holding "%2"
    stays as it is)."""
    return re.sub(r"%(\d)", lambda match: values[int(match.group(1)) - 1], template)
