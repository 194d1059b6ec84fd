"""One writer per collection: the lock file beside it, taken at once or refused with a name."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from app.core.errors import CollectionError
from app.core.lock import acquire_lock, lock_path_for, read_holder

HOLDER_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.core.lock import acquire_lock

    lock = acquire_lock(Path(sys.argv[1]), program="deckard review")
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def collection_path(tmp_path):
    return tmp_path / "collection.deckard"


def start_holder(collection_path):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER_SCRIPT, str(collection_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.getcwd(),
    )
    assert child.stdout.readline().strip() == "locked"
    return child


def test_lock_file_sits_beside_the_collection(collection_path):
    with acquire_lock(collection_path, program="deckard") as lock:
        assert lock.held
        assert lock_path_for(collection_path) == collection_path.with_name(
            "collection.deckard.lock"
        )
        assert lock.path.exists()
    assert not lock.held


def test_the_same_process_may_hold_it_twice_and_lets_go_with_the_last(collection_path):
    first = acquire_lock(collection_path, program="deckard gui")
    second = acquire_lock(collection_path)
    first.release()
    holder = read_holder(collection_path)
    assert holder is not None and holder.pid == os.getpid()
    assert holder.program == "deckard gui"
    second.release()
    assert read_holder(collection_path) is None


def test_lock_is_free_again_after_release(collection_path):
    acquire_lock(collection_path).release()
    with acquire_lock(collection_path) as lock:
        assert lock.held
    assert read_holder(collection_path) is None


def test_another_process_holding_the_lock_is_named(collection_path):
    child = start_holder(collection_path)
    try:
        holder = read_holder(collection_path)
        assert holder is not None
        assert holder.pid == child.pid
        with pytest.raises(CollectionError) as caught:
            acquire_lock(collection_path)
        assert f"deckard review (process {child.pid}" in str(caught.value)
    finally:
        child.communicate("done\n")
    assert child.returncode == 0
    with acquire_lock(collection_path) as lock:
        assert lock.held


def test_a_killed_holder_leaves_no_stale_lock(collection_path):
    child = start_holder(collection_path)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdin.close()
    child.stdout.close()
    assert lock_path_for(collection_path).exists()
    with acquire_lock(collection_path) as lock:
        assert lock.held
        assert read_holder(collection_path).pid == os.getpid()


def test_garbage_in_the_lock_file_does_not_matter(collection_path):
    lock_path_for(collection_path).write_bytes(b"\xff\xfe not json at all")
    child = start_holder(collection_path)
    try:
        with pytest.raises(CollectionError, match=f"in use by deckard review .process {child.pid}"):
            acquire_lock(collection_path)
    finally:
        child.communicate("done\n")


def test_unwritable_folder_gives_a_clear_error(tmp_path):
    # The lock file cannot be created where a folder of that name already is.
    collection_path = tmp_path / "collection.deckard"
    lock_path_for(collection_path).mkdir()
    with pytest.raises(CollectionError, match="cannot create its lock file"):
        acquire_lock(collection_path)


COLLECTION_HOLDER = textwrap.dedent(
    """
    import sys
    from app.core.collection import Collection

    collection = Collection.open(sys.argv[1], import_builtin=False)
    print("open", flush=True)
    sys.stdin.readline()
    collection.close()
    """
)


def test_a_second_process_opening_the_collection_is_told_who_has_it(collection_path):
    from app.core.collection import Collection

    child = subprocess.Popen(
        [sys.executable, "-c", COLLECTION_HOLDER, str(collection_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "open"
        with pytest.raises(CollectionError, match=f"in use by .*process {child.pid}"):
            Collection.open(collection_path, import_builtin=False)
    finally:
        child.communicate("done\n")
    with Collection.open(collection_path, import_builtin=False) as collection:
        assert collection.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
