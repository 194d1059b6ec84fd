"""Backups of a collection: made with SQLite's online backup API, kept in generations, restorable.

A backup is a consistent snapshot taken through `sqlite3.Connection.backup` (never a file copy,
which could catch a live database halfway through a write), compressed with zstandard into
`NAME.backups/` beside the collection. Each backup file starts with a zstandard *skippable frame*
holding a small JSON description (when it was made, how many cards and reviews, the schema
version, a fingerprint of the content), so listing backups reads a few bytes per file, and any
zstandard tool can still decompress the rest to a plain SQLite file.

Old backups are pruned in generations: the newest `recent` backups, plus the newest backup of each
of the last `daily` days, `weekly` weeks and `monthly` months that have one (collection settings
`backup_recent`, `backup_daily`, `backup_weekly`, `backup_monthly`).

Restoring first takes a backup of the current state (or, for a collection too damaged to open,
moves the damaged file aside), so a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Protocol

import zstandard

from app.core.check import SQLITE_HEADER, check_before_open, is_read_only
from app.core.errors import CollectionError, InputError
from app.core.lock import acquire_lock
from app.core.paths import sync_folder

BACKUP_SUFFIX = ".deckard-backup"
AUTO_BACKUP_INTERVAL = timedelta(minutes=30)
# Zstandard skippable frame magic (0x184D2A50-0x184D2A5F); decoders step over such frames.
_SKIPPABLE_MAGIC = 0x184D2A5D
_FRAME_HEADER = struct.Struct("<II")
_MAX_DESCRIPTION_BYTES = 64 * 1024
# Level 1: on a 100,000-card collection with a million reviews (184 MB) it compresses to 48 MB in
# about a second of CPU; level 6 saves another 8 MB for five times the time, at every close.
_COMPRESSION_LEVEL = 1
_CHUNK = 1 << 20


class CollectionLike(Protocol):
    """What backups need from a collection: its path and (to restore into) its connection."""

    path: Path
    db: Any

    def refresh(self, *, content_replaced: bool = False) -> None:
        """Forget what the collection cached about its content."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file and what it holds."""

    path: Path
    created: datetime
    cards: int
    reviews: int
    schema_version: int
    fingerprint: str

    @property
    def size(self) -> int:
        """Size of the backup file in bytes."""
        return self.path.stat().st_size


@dataclass(frozen=True, slots=True)
class Retention:
    """How many backups of each generation to keep."""

    recent: int = 4
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    @classmethod
    def from_config(cls, get_config: Callable[[str, Any], Any]) -> Retention:
        """The counts from a collection's settings; missing or invalid values use the defaults."""
        defaults = cls()
        values = {}
        for name in ("recent", "daily", "weekly", "monthly"):
            default = getattr(defaults, name)
            value = get_config(f"backup_{name}", default)
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            values[name] = value if ok else default
        # The backup just made is always kept.
        values["recent"] = max(values["recent"], 1)
        return cls(**values)


def backups_dir_for(collection_path: Path) -> Path:
    """The folder holding a collection's backups: `NAME.backups` beside it."""
    collection_path = Path(collection_path)
    return collection_path.with_name(collection_path.stem + ".backups")


def backup_now(
    collection: CollectionLike, *, now: datetime | None = None, prune: bool = True
) -> BackupInfo:
    """Back the collection up now (File › Backup now, `deckard backup`) and prune old backups."""
    now = now or datetime.now(UTC)
    folder = backups_dir_for(collection.path)
    with _reader(collection) as connection:
        info = write_backup(connection, folder, now=now)
        keep = Retention.from_config(lambda key, default: _stored_setting(connection, key, default))
    if prune:
        prune_backups(folder, keep, now=now)
    return info


def _stored_setting(connection: sqlite3.Connection, key: str, default: Any) -> Any:
    # Read through the backup's own connection: the 30-minute backup runs on another thread
    # than the one using the collection object.
    row = connection.execute("SELECT value FROM config WHERE key = ?", (key,)).fetchone()
    if row is None:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def automatic_backup(
    collection: CollectionLike,
    *,
    now: datetime | None = None,
    min_interval: timedelta = AUTO_BACKUP_INTERVAL,
) -> BackupInfo | None:
    """The timer's and the close's backup: only if something changed and the last is old enough.

    The GUI calls this every 30 minutes of use and when it closes (with `min_interval=0`).
    Returns the new backup, or None when none was needed.
    """
    now = now or datetime.now(UTC)
    backups = list_backups(collection.path)
    if backups:
        newest = backups[0]
        with _reader(collection) as connection:
            unchanged = newest.fingerprint == content_fingerprint(connection)
        if unchanged:
            return None
        if now - newest.created < min_interval:
            return None
    return backup_now(collection, now=now)


def write_backup(connection: sqlite3.Connection, folder: Path, *, now: datetime) -> BackupInfo:
    """Snapshot the database behind `connection` into a new backup file in `folder`."""
    created = now.astimezone(UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _unused_name(folder, created)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".making-") as scratch:
            snapshot_path = Path(scratch) / "snapshot.db"
            snapshot = sqlite3.connect(snapshot_path)
            try:
                connection.backup(snapshot)
                snapshot.execute("PRAGMA journal_mode = DELETE")
                description = _describe(snapshot, created)
            finally:
                snapshot.close()
            partial = Path(scratch) / "backup.partial"
            _compress(snapshot_path, partial, description)
            os.replace(partial, target)
        sync_folder(folder)
    except OSError as error:
        raise CollectionError(
            f"cannot write a backup into {folder}: {error.strerror or error}"
        ) from None
    except sqlite3.Error as error:
        raise CollectionError(f"cannot back up the collection: {error}") from None
    return _info_from_description(target, description)


def list_backups(collection_path: Path) -> list[BackupInfo]:
    """The collection's backups, newest first; unreadable files in the folder are left out."""
    return _backups_in(backups_dir_for(collection_path))


def read_backup_info(path: Path) -> BackupInfo:
    """What a backup file holds, from its description; InputError if it is not a backup."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            description = _read_description(handle, path)
    except OSError as error:
        raise InputError(f"cannot read the backup: {error.strerror or error}", path=path) from None
    return _info_from_description(path, description)


def prune_backups(folder: Path, keep: Retention, *, now: datetime) -> list[Path]:
    """Delete backups outside the generations to keep; returns the deleted files."""
    backups = _backups_in(folder)
    kept = backups_to_keep(backups, keep, tz=now.tzinfo or UTC)
    deleted = []
    for info in backups:
        if info.path not in kept:
            with contextlib.suppress(FileNotFoundError):
                info.path.unlink()
            deleted.append(info.path)
    return deleted


def backups_to_keep(backups: list[BackupInfo], keep: Retention, *, tz: tzinfo) -> set[Path]:
    """The backups (newest first) that the generations keep; days are counted in `tz`."""
    kept = {info.path for info in backups[: keep.recent]}
    generations: list[tuple[int, Callable[[datetime], object]]] = [
        (keep.daily, lambda moment: moment.date()),
        (keep.weekly, lambda moment: moment.isocalendar()[:2]),
        (keep.monthly, lambda moment: (moment.year, moment.month)),
    ]
    for count, period_of in generations:
        periods: set[object] = set()
        for info in backups:
            period = period_of(info.created.astimezone(tz))
            if period in periods:
                continue
            if len(periods) == count:
                break
            periods.add(period)
            kept.add(info.path)
    return kept


def restore_backup(
    collection: CollectionLike,
    backup_file: Path,
    *,
    latest_version: int | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Replace an open collection's content with a backup; returns the backup of what it was.

    The current state is backed up first. The content is copied in through the backup API into
    the collection's own connection, so the lock stays held; reopen the collection afterwards so
    that migrations run and nothing cached in memory survives.
    """
    now = now or datetime.now(UTC)
    backup_file = Path(backup_file)
    folder = backups_dir_for(collection.path)
    folder.mkdir(parents=True, exist_ok=True)
    with _unpacked(backup_file, folder, latest_version) as source_path:
        safety = backup_now(collection, now=now, prune=False)
        _copy_into(source_path, collection.db.conn)
    _forget_in_memory_state(collection)
    # A backup made by an earlier version of Deckard is brought up to this version's schema, as
    # opening it would.
    from app.core.schema import migrate

    migrate(collection.db.conn)
    return safety


def _forget_in_memory_state(collection: CollectionLike) -> None:
    # What the collection object remembers (cached decks and counts, the undo list) describes
    # the content that was just replaced; an undo now would change the restored cards.
    collection.refresh(content_replaced=True)


@contextlib.contextmanager
def _reader(collection: CollectionLike) -> Any:
    """A connection of its own that only reads, so a backup can run beside the app's writes.

    SQLite's write-ahead log gives it a consistent snapshot while the collection's own
    connection keeps answering (from another thread, for the 30-minute backup).
    """
    uri = Path(collection.path).resolve().as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as error:
        raise CollectionError(f"cannot read the collection to back it up: {error}") from None
    try:
        yield connection
    finally:
        connection.close()


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What `restore_collection_file` did with the collection that was there."""

    safety_backup: BackupInfo | None
    moved_aside: Path | None


def restore_collection_file(
    collection_path: Path,
    backup_file: Path,
    *,
    latest_version: int | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """`deckard restore FILE`: restore into a collection that is not open, even a damaged one.

    A sound collection is backed up first; one that cannot be opened (damaged, or not a Deckard
    collection) is moved aside to `NAME.damaged-TIME` with its journal files, never deleted.
    """
    collection_path = Path(collection_path)
    now = now or datetime.now(UTC)
    latest = _latest_version(latest_version)
    if collection_path.exists() and is_read_only(collection_path):
        check_before_open(collection_path, latest_version=latest)
    folder = backups_dir_for(collection_path)
    collection_path.parent.mkdir(parents=True, exist_ok=True)
    lock = acquire_lock(collection_path, program="deckard restore")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _unpacked(backup_file, folder, latest) as source_path:
            try:
                new = check_before_open(collection_path, latest_version=latest)
                sound = True
            except CollectionError:
                new = sound = False
            if new:
                # Nothing there (or an empty file): nothing to keep.
                _copy_into_new_file(source_path, collection_path)
                return RestoreResult(safety_backup=None, moved_aside=None)
            if sound:
                connection = sqlite3.connect(collection_path, isolation_level=None)
                try:
                    safety = write_backup(connection, folder, now=now)
                    _copy_into(source_path, connection)
                finally:
                    connection.close()
                return RestoreResult(safety_backup=safety, moved_aside=None)
            aside = _move_aside(collection_path, now)
            _copy_into_new_file(source_path, collection_path)
            return RestoreResult(safety_backup=None, moved_aside=aside)
    finally:
        lock.release()


def content_fingerprint(connection: sqlite3.Connection) -> str:
    """A short digest that changes whenever cards, reviews, decks or settings change."""
    import hashlib

    digest = hashlib.blake2b(digest_size=12)
    queries = (
        "SELECT count(*), max(modified_at) FROM cards",
        "SELECT count(*), max(id), max(reviewed_at) FROM reviews",
        "SELECT * FROM decks ORDER BY id",
        "SELECT * FROM config ORDER BY key",
    )
    for query in queries:
        for row in connection.execute(query):
            digest.update(repr(tuple(row)).encode("utf-8"))
    return digest.hexdigest()


def _describe(snapshot: sqlite3.Connection, created: datetime) -> dict[str, Any]:
    (cards,) = snapshot.execute("SELECT count(*) FROM cards").fetchone()
    (reviews,) = snapshot.execute("SELECT count(*) FROM reviews").fetchone()
    (version,) = snapshot.execute("PRAGMA user_version").fetchone()
    return {
        "format": "deckard-backup",
        "created": created.isoformat(timespec="milliseconds"),
        "cards": cards,
        "reviews": reviews,
        "schema_version": version,
        "fingerprint": content_fingerprint(snapshot),
    }


def _info_from_description(path: Path, description: dict[str, Any]) -> BackupInfo:
    try:
        created = datetime.fromisoformat(description["created"])
        if created.tzinfo is None:
            raise ValueError("no time zone")
        return BackupInfo(
            path=path,
            created=created.astimezone(UTC),
            cards=int(description["cards"]),
            reviews=int(description["reviews"]),
            schema_version=int(description["schema_version"]),
            fingerprint=str(description["fingerprint"]),
        )
    except (KeyError, TypeError, ValueError):
        raise InputError("not a Deckard backup (its description is damaged)", path=path) from None


def _compress(source: Path, target: Path, description: dict[str, Any]) -> None:
    data = json.dumps(description).encode("utf-8")
    compressor = zstandard.ZstdCompressor(level=_COMPRESSION_LEVEL, threads=-1)
    with source.open("rb") as reader, target.open("wb") as writer:
        writer.write(_FRAME_HEADER.pack(_SKIPPABLE_MAGIC, len(data)))
        writer.write(data)
        compressor.copy_stream(reader, writer, read_size=_CHUNK, write_size=_CHUNK)
        writer.flush()
        os.fsync(writer.fileno())


def _read_description(handle: Any, path: Path) -> dict[str, Any]:
    header = handle.read(_FRAME_HEADER.size)
    if len(header) < _FRAME_HEADER.size:
        raise InputError("not a Deckard backup (the file is too short)", path=path)
    magic, size = _FRAME_HEADER.unpack(header)
    if magic != _SKIPPABLE_MAGIC or size > _MAX_DESCRIPTION_BYTES:
        raise InputError("not a Deckard backup", path=path)
    try:
        description = json.loads(handle.read(size).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError("not a Deckard backup (its description is damaged)", path=path) from None
    if not isinstance(description, dict) or description.get("format") != "deckard-backup":
        raise InputError("not a Deckard backup", path=path)
    return description


@contextlib.contextmanager
def _unpacked(backup_file: Path, scratch_parent: Path, latest_version: int | None) -> Any:
    """A checked plain SQLite copy of a backup (or of a plain collection file) to restore from."""
    backup_file = Path(backup_file)
    latest = _latest_version(latest_version)
    if not backup_file.is_file():
        raise InputError("no such backup file", path=backup_file)
    with tempfile.TemporaryDirectory(dir=scratch_parent, prefix=".restoring-") as scratch:
        plain = Path(scratch) / "restore.deckard"
        try:
            with backup_file.open("rb") as handle:
                if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    source = sqlite3.connect(backup_file.resolve().as_uri() + "?mode=ro", uri=True)
                    target = sqlite3.connect(plain)
                    try:
                        source.backup(target)
                    finally:
                        source.close()
                        target.close()
                else:
                    handle.seek(0)
                    _read_description(handle, backup_file)
                    _decompress(handle, plain, backup_file)
        except zstandard.ZstdError as error:
            raise InputError(f"the backup is damaged ({error})", path=backup_file) from None
        except sqlite3.Error as error:
            raise InputError(
                f"cannot read the collection file: {error}", path=backup_file
            ) from None
        except OSError as error:
            raise CollectionError(
                f"cannot unpack the backup {backup_file}: {error.strerror or error}"
            ) from None
        try:
            if check_before_open(plain, latest_version=latest):
                raise CollectionError("the backup holds no collection")
        except CollectionError as error:
            detail = str(error).replace(str(plain), "the backup")
            raise InputError(f"cannot restore: {detail}", path=backup_file) from None
        yield plain


def _decompress(handle: Any, target: Path, backup_file: Path) -> None:
    decompressor = zstandard.ZstdDecompressor().decompressobj()
    with target.open("wb") as writer:
        while chunk := handle.read(_CHUNK):
            writer.write(decompressor.decompress(chunk))
    if not decompressor.eof:
        raise InputError("the backup is damaged (it is cut short)", path=backup_file)


def _copy_into(source_path: Path, connection: sqlite3.Connection) -> None:
    source = sqlite3.connect(source_path)
    try:
        source.backup(connection)
    except sqlite3.Error as error:
        raise CollectionError(f"cannot restore the backup: {error}") from None
    finally:
        source.close()


def _copy_into_new_file(source_path: Path, collection_path: Path) -> None:
    partial = collection_path.with_name(collection_path.name + ".restoring")
    os.replace(source_path, partial)
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, collection_path)
    sync_folder(collection_path.parent)


def _move_aside(collection_path: Path, now: datetime) -> Path | None:
    if not collection_path.exists():
        return None
    stamp = now.astimezone(UTC).strftime("%Y-%m-%d_%H%M%SZ")
    aside = collection_path.with_name(f"{collection_path.name}.damaged-{stamp}")
    # The journal files belong to the damaged file: left behind, SQLite would apply them to the
    # restored one.
    for suffix in ("-wal", "-shm", "-journal"):
        companion = collection_path.with_name(collection_path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(collection_path, aside)
    return aside


def _unused_name(folder: Path, created: datetime) -> Path:
    stamp = created.strftime("%Y-%m-%d_%H%M%SZ")
    candidate = folder / f"{stamp}{BACKUP_SUFFIX}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stamp}-{counter}{BACKUP_SUFFIX}"
        counter += 1
    return candidate


def _backups_in(folder: Path) -> list[BackupInfo]:
    if not folder.is_dir():
        return []
    backups = []
    for path in folder.glob(f"*{BACKUP_SUFFIX}"):
        try:
            backups.append(read_backup_info(path))
        except InputError:
            continue
    backups.sort(key=lambda info: (info.created, info.path.name), reverse=True)
    return backups


def _latest_version(explicit: int | None) -> int:
    if explicit is not None:
        return explicit
    from app.core import schema

    return int(schema.LATEST_VERSION)
