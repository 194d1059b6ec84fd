"""Checking a collection: the quick check on open, and the full check that repairs what is safe.

`check_before_open` runs before the collection's own connection sets anything up, so a file that
is not a Deckard collection, comes from a newer Deckard, is read-only, truncated or corrupt is
refused with a clear `CollectionError` and never modified: it only reads, with writes switched off
(`PRAGMA query_only`). SQLite may still finish a transaction that a crash interrupted (rolling back
its journal or reading its write-ahead log); that is SQLite keeping the file consistent, not a
change to the user's data.

What the check on open reads is bounded, so opening stays fast however large the collection:
- the 100-byte header: an SQLite file, and no shorter than the page count it records (a copy
  cut short is caught here without reading the pages);
- the schema: Deckard's tables present, and a schema version this Deckard knows;
- a file up to `FULL_QUICK_CHECK_BYTES`: `PRAGMA quick_check` of every page;
- a larger file: `PRAGMA quick_check` of the schema and the small tables (decks, settings,
  migrations, totals), and for `cards` and `reviews` the first and last entry of the table and
  of each of its indexes, which walks every b-tree's root and its two edges (a few pages each,
  about a millisecond in all, where checking those tables whole takes seconds on 100,000 cards
  and a million reviews).
Damage in the middle of a large table therefore passes the check on open; SQLite still refuses
to read a damaged page ("malformed") when a query reaches it, so it surfaces as an error naming
the damage, never as wrong data, and the full check finds it.

`run_full_check` is Tools › Check collection and `deckard check`: `PRAGMA integrity_check` and
`PRAGMA foreign_key_check`, then, in one transaction, the repairs that lose nothing a person could
see — review rows whose card is gone, cards whose deck is gone (moved to a "Recovered" deck),
decks whose parent is gone (the parent is recreated from the name) — and `REINDEX` for stale or
damaged indexes. Damage in the tables themselves is reported, not "repaired": restoring a backup
is the safe fix for that.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.errors import CollectionError

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every Deckard collection has; a database without them is some other program's file.
DECKARD_TABLES = frozenset({"cards", "decks", "reviews", "config", "migrations"})
RECOVERED_DECK = "Recovered"
# Collections up to this size get a whole-file quick check on open (a few hundredths of a
# second); larger ones get the bounded check described in the module docstring.
FULL_QUICK_CHECK_BYTES = 8 * 1024 * 1024
# The tables that grow with the collection (100,000 cards and a million reviews take seconds to
# check whole): on a larger file only probed on open.
LARGE_TABLES = ("cards", "reviews")
_HEADER_BYTES = 100
_RESTORE_HINT = "restore a backup (File › Restore backup…, or `deckard restore FILE`)"


def is_read_only(path: Path) -> bool:
    """Whether a file or folder is read-only, by its permission bits too (root ignores `access`)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def check_before_open(path: Path, *, latest_version: int, quick_check: bool = True) -> bool:
    """Refuse a collection Deckard must not open; True if the file is new (absent or empty).

    Raises CollectionError for a folder, a read-only file or folder, a file that is not an SQLite
    database or not a Deckard collection, one from a newer Deckard (schema above `latest_version`),
    and (with `quick_check`) a truncated or corrupt one. Only reads the file.
    """
    path = Path(path)
    folder = path.parent
    if folder.exists() and is_read_only(folder):
        raise CollectionError(
            f"{path}: the folder {folder} is read-only; Deckard needs to write its journal and "
            "lock beside the collection (copy it to a folder you can write to)"
        )
    if not path.exists():
        return True
    if path.is_dir():
        raise CollectionError(f"{path} is a folder, not a Deckard collection file")
    size = path.stat().st_size
    if size == 0:
        return True
    if is_read_only(path):
        raise CollectionError(
            f"{path} is read-only; Deckard records every answer in it, so it needs write "
            "permission (change the file's permissions or copy it somewhere writable)"
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_BYTES)
    except OSError as error:
        raise CollectionError(f"{path}: cannot read the file ({error.strerror or error})") from None
    if not header.startswith(SQLITE_HEADER):
        raise CollectionError(f"{path} is not a Deckard collection (it is not an SQLite database)")
    if _shorter_than_its_header_says(path, header, size):
        raise CollectionError(f"{path} is damaged (the file is truncated); {_RESTORE_HINT}")
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as error:
        raise CollectionError(f"{path}: cannot open the collection ({error})") from None
    try:
        connection.execute("PRAGMA query_only = ON")
        return _inspect(connection, path, latest_version=latest_version, quick_check=quick_check)
    except sqlite3.DatabaseError as error:
        raise CollectionError(
            f"{path} is damaged ({_describe_sqlite_error(error)}); {_RESTORE_HINT}"
        ) from None
    finally:
        connection.close()


def _inspect(
    connection: sqlite3.Connection, path: Path, *, latest_version: int, quick_check: bool
) -> bool:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if not tables and version == 0:
        return True
    missing = DECKARD_TABLES - tables
    if missing:
        raise CollectionError(
            f"{path} is not a Deckard collection (an SQLite database without Deckard's "
            f"{', '.join(sorted(missing))} table{'s' if len(missing) > 1 else ''})"
        )
    if version > latest_version:
        raise CollectionError(
            f"{path} was written by a newer version of Deckard (collection format {version}; "
            f"this version knows up to {latest_version}); update Deckard to open it"
        )
    if not quick_check:
        return False
    problems = _quick_check(connection, tables, whole=path.stat().st_size <= FULL_QUICK_CHECK_BYTES)
    if problems:
        raise CollectionError(f"{path} is damaged ({problems[0]}); {_RESTORE_HINT}")
    return False


def _quick_check(connection: sqlite3.Connection, tables: set[str], *, whole: bool) -> list[str]:
    """Problems found on open: the whole file's `PRAGMA quick_check` for a small collection;
    for a larger one, the quick check of every table but the two that grow with it, and
    bounded probes of those two (see the module docstring)."""
    if not whole:
        # The probes go first: after a `PRAGMA quick_check` on the same connection, SQLite reads
        # a damaged root page of another table without complaint, so probing after it could
        # miss the damage the probes exist to find.
        for table in LARGE_TABLES:
            if table in tables:
                _probe_edges(connection, table)
        try:
            problems = []
            for table in ["sqlite_schema", *sorted(tables - set(LARGE_TABLES))]:
                if table.isidentifier():
                    rows = connection.execute(f"PRAGMA quick_check({table})").fetchall()
                    problems += _problem_lines(rows)
        except sqlite3.OperationalError:
            pass  # SQLite before 3.33 checks only whole files.
        else:
            return problems
    return _problem_lines(connection.execute("PRAGMA quick_check(5)").fetchall())


_DIRECTION = {False: "ASC", True: "DESC"}
_INDEX_CONDITION = re.compile(r"\sWHERE\s(.*)\Z", re.IGNORECASE | re.DOTALL)


def _probe_edges(connection: sqlite3.Connection, table: str) -> None:
    """Read the first and the last entry of a table and of each of its indexes.

    Each read walks one path from a b-tree's root to a leaf, a handful of pages whatever the
    table's size; a damaged page on the way raises sqlite3.DatabaseError ("malformed").
    """
    probes = [f'SELECT * FROM "{table}" ORDER BY rowid {way} LIMIT 1' for way in ("ASC", "DESC")]
    for name, sql in connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
    ).fetchall():
        keys = [row for row in connection.execute(f'PRAGMA index_xinfo("{name}")') if row[5]]
        if not keys or any(row[2] is None for row in keys) or '"' in name:
            continue  # an index on expressions: not one of Deckard's
        condition = _INDEX_CONDITION.search(sql or "")
        where = f" WHERE {condition.group(1)}" if condition else ""
        if ";" in where:
            continue
        for flip in (False, True):
            order = ", ".join(
                f'"{row[2]}" {"DESC" if bool(row[3]) != flip else "ASC"}' for row in keys
            )
            probes.append(
                f'SELECT 1 FROM "{table}" INDEXED BY "{name}"{where} ORDER BY {order} LIMIT 1'
            )
    for probe in probes:
        try:
            connection.execute(probe).fetchall()
        except sqlite3.OperationalError:
            continue  # a probe SQLite cannot answer from the index: nothing learned, move on


def _problem_lines(rows: Iterable[tuple[str]]) -> list[str]:
    """The problems an SQLite check reported, one per line, without its "in database" banner."""
    lines = []
    for (text,) in rows:
        for line in str(text).splitlines():
            line = line.strip()
            if line and line != "ok" and not line.startswith("*** in database"):
                lines.append(line)
    return lines


def _shorter_than_its_header_says(path: Path, header: bytes, size: int) -> bool:
    """Whether the file ends before the last page its header counts (a cut-short copy).

    The header's page count is only trusted when SQLite marks it valid, and pages may still be
    in the write-ahead log, so a file with a non-empty log is left to SQLite to judge.
    """
    if len(header) < _HEADER_BYTES:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = int.from_bytes(header[24:28], "big")
    pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if not pages or change_counter != valid_for:
        return False
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    return size < pages * page_size


def _describe_sqlite_error(error: sqlite3.Error) -> str:
    text = str(error)
    if "malformed" in text or "not a database" in text:
        return "the file is truncated or corrupt"
    return text


@dataclass(slots=True)
class CheckReport:
    """What the full check found and what it did about it."""

    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    unrepaired: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the collection is sound now (after the repairs)."""
        return not self.unrepaired

    def lines(self) -> list[str]:
        """The report as lines a person reads, ending with the verdict."""
        out = [f"Found: {problem}" for problem in self.problems] + list(self.notes)
        out += [f"Repaired: {repair}" for repair in self.repairs]
        out += [f"Not repaired: {problem}" for problem in self.unrepaired]
        if not self.ok:
            out.append(f"The collection is damaged beyond a safe repair; {_RESTORE_HINT}.")
        elif self.problems:
            out.append("The collection is sound now.")
        else:
            out.append("No problems found; the collection is sound.")
        return out


def check_collection(collection: Any, *, now: datetime | None = None) -> CheckReport:
    """Tools › Check collection on an open collection: backed up first if a repair is needed."""
    from app.core.backup import backups_dir_for, write_backup

    def back_up(report: CheckReport) -> None:
        folder = backups_dir_for(collection.path)
        info = write_backup(collection.conn, folder, now=now or datetime.now(UTC))
        report.notes.append(f"Backed up the collection first to {info.path.name}")

    report = run_full_check(collection.conn, before_repair=back_up)
    # Decks may have been added or moved: the collection's cached deck tree and counts are stale.
    if report.repairs:
        collection.refresh()
    return report


def check_collection_file(path: Path, *, now: datetime | None = None) -> CheckReport:
    """`deckard check`: the full check of a collection that is not open, even a damaged one."""
    from app.core.backup import backups_dir_for, write_backup
    from app.core.lock import acquire_lock
    from app.core.schema import LATEST_VERSION

    path = Path(path)
    if not path.is_file():
        raise CollectionError(f"{path}: no collection there")
    with acquire_lock(path, program="deckard check"):
        check_before_open(path, latest_version=LATEST_VERSION, quick_check=False)
        connection = sqlite3.connect(path, isolation_level=None)

        def back_up(report: CheckReport) -> None:
            try:
                info = write_backup(connection, backups_dir_for(path), now=now or datetime.now(UTC))
            except CollectionError as error:
                report.notes.append(f"No backup could be made first ({error})")
            else:
                report.notes.append(f"Backed up the collection first to {info.path.name}")

        try:
            return run_full_check(connection, before_repair=back_up)
        finally:
            connection.close()


def run_full_check(
    connection: sqlite3.Connection,
    *,
    before_repair: Callable[[CheckReport], None] | None = None,
) -> CheckReport:
    """Run the full check on an open collection and make the safe repairs in one transaction.

    `before_repair` runs when problems were found, before anything is changed (to back up).
    """
    report = CheckReport()
    integrity = _integrity_problems(connection)
    report.problems += [f"integrity: {problem}" for problem in integrity]
    try:
        orphans = _foreign_key_violations(connection)
    except sqlite3.DatabaseError as error:
        report.unrepaired.append(f"cannot read the tables: {_describe_sqlite_error(error)}")
        return report
    if (integrity or orphans) and before_repair is not None:
        before_repair(report)
    try:
        _repair(connection, orphans, report)
    except sqlite3.DatabaseError as error:
        # Nothing of the repair is kept: the transaction rolled back as a whole.
        report.unrepaired.append(f"the repair stopped: {_describe_sqlite_error(error)}")
        return report
    if integrity:
        remaining = _integrity_problems(connection)
        if remaining:
            report.unrepaired += remaining
        else:
            report.repairs.append("the integrity problems were in indexes and are gone")
    return report


def _repair(
    connection: sqlite3.Connection, orphans: list[tuple[str, int, str]], report: CheckReport
) -> None:
    in_transaction = connection.in_transaction
    if not in_transaction:
        connection.execute("BEGIN IMMEDIATE")
    try:
        _repair_orphans(connection, orphans, report)
        connection.execute("REINDEX")
        if not in_transaction:
            connection.execute("COMMIT")
    except BaseException:
        if not in_transaction and connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    if report.problems:
        report.repairs.append("rebuilt every index (REINDEX)")
    else:
        report.notes.append("Rebuilt every index.")


def _integrity_problems(connection: sqlite3.Connection) -> list[str]:
    try:
        rows = connection.execute("PRAGMA integrity_check(100)").fetchall()
    except sqlite3.DatabaseError as error:
        return [_describe_sqlite_error(error)]
    return _problem_lines(rows)


def _foreign_key_violations(connection: sqlite3.Connection) -> list[tuple[str, int, str]]:
    rows = connection.execute("PRAGMA foreign_key_check").fetchall()
    return [(table, rowid, parent) for table, rowid, parent, _fkid in rows]


def _repair_orphans(
    connection: sqlite3.Connection, orphans: Iterable[tuple[str, int, str]], report: CheckReport
) -> None:
    by_kind: dict[tuple[str, str], list[int]] = {}
    for table, rowid, parent in orphans:
        by_kind.setdefault((table, parent), []).append(rowid)
    for (table, parent), rowids in sorted(by_kind.items()):
        count = len(rowids)
        if (table, parent) == ("reviews", "cards"):
            report.problems.append(f"{count} review(s) of cards that no longer exist")
            _delete_rows(connection, "reviews", rowids)
            report.repairs.append(f"removed {count} review(s) of missing cards")
        elif (table, parent) == ("cards", "decks"):
            report.problems.append(f"{count} card(s) in a deck that no longer exists")
            deck_id = _ensure_deck(connection, RECOVERED_DECK)
            _update_rows(connection, "cards", "deck_id", deck_id, rowids)
            report.repairs.append(f"moved {count} card(s) to the deck {RECOVERED_DECK!r}")
        elif (table, parent) == ("decks", "decks"):
            report.problems.append(f"{count} deck(s) whose parent deck no longer exists")
            for rowid in rowids:
                (name,) = connection.execute(
                    "SELECT name FROM decks WHERE rowid = ?", (rowid,)
                ).fetchone()
                parent_name = name.rsplit("::", 1)[0] if "::" in name else None
                parent_id = _ensure_deck(connection, parent_name) if parent_name else None
                _update_rows(connection, "decks", "parent_id", parent_id, [rowid])
            report.repairs.append(f"reattached {count} deck(s) to their parent deck")
        else:
            message = f"{count} row(s) in {table} pointing to missing {parent}"
            report.problems.append(message)
            report.unrepaired.append(message)


def _ensure_deck(connection: sqlite3.Connection, name: str) -> int:
    row = connection.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    parent_id = _ensure_deck(connection, name.rsplit("::", 1)[0]) if "::" in name else None
    cursor = connection.execute(
        "INSERT INTO decks (name, parent_id) VALUES (?, ?)", (name, parent_id)
    )
    return int(cursor.lastrowid or 0)


def _delete_rows(connection: sqlite3.Connection, table: str, rowids: list[int]) -> None:
    connection.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rowids])


def _update_rows(
    connection: sqlite3.Connection, table: str, column: str, value: object, rowids: list[int]
) -> None:
    connection.executemany(
        f"UPDATE {table} SET {column} = ? WHERE rowid = ?", [(value, r) for r in rowids]
    )
