"""One writer per collection: an operating-system lock on a file beside the collection.

The lock is taken with `fcntl.flock` on POSIX and `msvcrt.locking` on Windows, never by checking
whether a file exists, so it disappears by itself when the holding process dies (even by
SIGKILL or a power cut) and a stale lock file never blocks anyone. Taking it never waits: a
second Deckard process learns at once who holds the collection (process id, program, host and
since when), which the lock file records, and gets a `CollectionError` saying so. Within one
process the lock may be taken more than once (the app and its tests may open their own collection
twice; SQLite keeps those connections consistent): it is one writer *process* per collection.

On Windows the locked byte is the first one and the holder's description starts after it,
because a range locked by `msvcrt.locking` cannot be read by other processes.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.core.errors import CollectionError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

# The holder's description starts after this many bytes (the byte that is locked on Windows).
_INFO_OFFSET = 1
_MAX_INFO_BYTES = 4096


def lock_path_for(collection_path: Path) -> Path:
    """The lock file that belongs to a collection: `NAME.lock` beside it."""
    return collection_path.with_name(collection_path.name + ".lock")


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a collection, as recorded in its lock file."""

    pid: int | None
    program: str
    host: str
    since: str

    def describe(self) -> str:
        """One phrase naming the process, e.g. 'deckard review (process 4242 on host, since …)'."""
        where = f"process {self.pid}" if self.pid is not None else "an unknown process"
        if self.host and self.host != socket.gethostname():
            where += f" on {self.host}"
        if self.since:
            where += f", since {self.since}"
        return f"{self.program or 'another program'} ({where})"


def default_program_name() -> str:
    """A short name for this process: 'deckard review' for the CLI, else the program's name."""
    argv = [arg for arg in sys.argv if arg]
    if not argv:
        return "deckard"
    program = Path(argv[0])
    name = program.parent.name if program.name == "__main__.py" else program.name
    if name == "app":
        name = "deckard"
    if name != "deckard":
        return name or "deckard"
    # The first word that is neither an option nor the value of --collection.
    words = [
        arg
        for previous, arg in itertools.pairwise(argv)
        if not arg.startswith("-") and previous != "--collection"
    ]
    subcommand = words[0] if words else None
    return f"deckard {subcommand}" if subcommand else "deckard"


class CollectionLock:
    """A hold on one collection's lock; `release()` (or leaving the `with` block) lets it go."""

    def __init__(self, collection_path: Path, key: str) -> None:
        self.collection_path = collection_path
        self.path = lock_path_for(collection_path)
        self._key: str | None = key

    @property
    def held(self) -> bool:
        """Whether this object still holds the lock."""
        return self._key is not None

    def release(self) -> None:
        """Let go; the lock file stays (removing it would race with a new holder)."""
        key, self._key = self._key, None
        if key is None:
            return
        with _HELD_GUARD:
            held = _HELD[key]
            held[1] -= 1
            if held[1] > 0:
                return
            del _HELD[key]
        try:
            _unlock(held[0])
        finally:
            os.close(held[0])

    def __enter__(self) -> CollectionLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()

    def __del__(self) -> None:
        if self._key is not None:
            self.release()


# The locks this process holds: lock file -> [handle, number of holds]. A process may open its
# own collection more than once (SQLite keeps those connections consistent); the lock keeps out
# other processes. Without this, flock would refuse the second open in the same process.
_HELD: dict[str, list[int]] = {}
_HELD_GUARD = threading.Lock()


def acquire_lock(collection_path: Path, *, program: str | None = None) -> CollectionLock:
    """Take the collection's lock at once, or raise CollectionError naming the holding process."""
    collection_path = Path(collection_path)
    path = lock_path_for(collection_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = str(path.resolve())
    except OSError as error:
        raise CollectionError(
            f"{collection_path}: cannot open the collection: cannot create its folder "
            f"({error.strerror or error})"
        ) from None
    with _HELD_GUARD:
        if key in _HELD:
            _HELD[key][1] += 1
            return CollectionLock(collection_path, key)
        handle = _lock_file(collection_path, path)
        _write_holder(handle, program or default_program_name())
        _HELD[key] = [handle, 1]
    return CollectionLock(collection_path, key)


def _lock_file(collection_path: Path, path: Path) -> int:
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise CollectionError(
            f"{collection_path}: cannot open the collection: cannot create its lock file "
            f"{path.name} ({error.strerror or error})"
        ) from None
    try:
        locked = _try_lock(handle)
    except OSError as error:
        os.close(handle)
        raise CollectionError(
            f"{collection_path}: cannot lock the collection ({error.strerror or error})"
        ) from None
    if not locked:
        holder = _read_holder(handle)
        os.close(handle)
        who = holder.describe() if holder else "another Deckard process"
        raise CollectionError(
            f"{collection_path} is in use by {who}; close it there first (Deckard lets one "
            "program at a time change a collection)"
        )
    return handle


def read_holder(collection_path: Path) -> LockHolder | None:
    """Who holds the collection now, or None when nobody does."""
    path = lock_path_for(Path(collection_path))
    try:
        handle = os.open(path, os.O_RDWR)
    except OSError:
        return None
    try:
        if _try_lock(handle):
            _unlock(handle)
            return None
        return _read_holder(handle)
    finally:
        os.close(handle)


def _write_holder(handle: int, program: str) -> None:
    info = {
        "pid": os.getpid(),
        "program": program,
        "host": socket.gethostname(),
        "since": datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
    }
    data = json.dumps(info).encode("utf-8")
    os.ftruncate(handle, _INFO_OFFSET)
    os.lseek(handle, _INFO_OFFSET, os.SEEK_SET)
    os.write(handle, data)


def _read_holder(handle: int) -> LockHolder | None:
    try:
        os.lseek(handle, _INFO_OFFSET, os.SEEK_SET)
        data = os.read(handle, _MAX_INFO_BYTES)
        info = json.loads(data.decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict):
        return None
    pid = info.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        program=str(info.get("program") or ""),
        host=str(info.get("host") or ""),
        since=str(info.get("since") or ""),
    )


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _try_lock(handle: int) -> bool:
        os.lseek(handle, 0, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
