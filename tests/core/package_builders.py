"""Builders for hostile Anki packages, shared by the import tests that feed them to Deckard."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path


def make_package(path: Path, members: dict[str, bytes], *, symlinks: tuple[str, ...] = ()) -> Path:
    """Write a zip at `path` holding `members`; names in `symlinks` are marked as symbolic links."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = 0o120777 << 16
            archive.writestr(info, data)
    return path


def altered(data: bytes, scratch: Path, *statements: str) -> bytes:
    """The SQLite database `data` after running `statements` on a copy of it in `scratch`."""
    db = scratch / "altered.anki2"
    db.write_bytes(data)
    connection = sqlite3.connect(db)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    data = db.read_bytes()
    # The copy would otherwise sit among the files a test checks for leftovers.
    db.unlink()
    return data
