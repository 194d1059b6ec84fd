"""A disk that fills up: answering and importing give a clear error, the collection stays sound.

Two ways to fill the disk: SQLite's own limit on the database size (`PRAGMA max_page_count`,
which fails writes with SQLITE_FULL exactly as a full disk does), and, where the test runs with
the right to mount, a real 512 KiB tmpfs that the collection shares with a filler file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import subprocess
from datetime import UTC, datetime

import pytest

from app.core.collection import Collection
from app.core.errors import CollectionError
from app.core.model import CardRecord, CardSpec, ImportBatch

NOW = datetime(2026, 11, 27, 20, 30, tzinfo=UTC)


def fill(collection, cards=200):
    specs = [
        CardRecord(CardSpec(id=f"card-{n:04d}", deck="Docker", question=f"Q{n} " * 10, answer="A"))
        for n in range(cards)
    ]
    collection.apply_batch(ImportBatch(source="test", cards=specs), now=NOW)
    collection.set_deck_limits("Docker", 10_000, 10_000)


def answer_until_full(collection, limit=2000):
    """Answer cards until the disk is full; returns the answers that succeeded and the error."""
    answered = []
    for _ in range(limit):
        card = collection.next_card(now=NOW)
        before = collection.card(card.id)
        try:
            collection.answer(card.id, 4, now=NOW)
        except CollectionError as error:
            # The failed answer changed nothing about the card.
            assert collection.card(card.id) == before
            return answered, error
        answered.append(card.id)
    pytest.fail("the disk never filled up")


def assert_sound(path, answered):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        log = [row[0] for row in connection.execute("SELECT card_id FROM reviews ORDER BY id")]
        assert log == answered
    finally:
        connection.close()


def assert_clear(error):
    message = str(error)
    assert "full" in message
    assert "\n" not in message


def limit_size(collection, spare_pages=0):
    pages = collection.conn.execute("PRAGMA page_count").fetchone()[0]
    collection.conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


def test_answering_on_a_full_disk_gives_a_clear_error(tmp_path):
    path = tmp_path / "collection.deckard"
    with Collection.open(path, import_builtin=False) as collection:
        fill(collection)
        limit_size(collection)
        answered, error = answer_until_full(collection)
        assert_clear(error)
        assert answered, "some answers fit in the free space of the last pages"
        # Space freed: answering works again, nothing of the failed answer is left over.
        collection.conn.execute("PRAGMA max_page_count = 1073741823")
        card = collection.next_card(now=NOW)
        collection.answer(card.id, 4, now=NOW)
        answered.append(card.id)
    assert_sound(path, answered)
    with Collection.open(path, import_builtin=False) as reopened:
        assert reopened.next_card(now=NOW) is not None


def test_importing_on_a_full_disk_is_refused_whole(tmp_path):
    path = tmp_path / "collection.deckard"
    deck = tmp_path / "big.deck.md"
    deck.write_text(
        "---\ndeck: Big\n---\n\n"
        + "".join(f"Q: Question {n}\nA: Answer {n}\n\n" for n in range(800)),
        encoding="utf-8",
    )
    with Collection.open(path, import_builtin=False) as collection:
        fill(collection, cards=20)
        limit_size(collection, spare_pages=5)
        with pytest.raises(CollectionError) as caught:
            collection.import_file(deck)
        assert_clear(caught.value)
        assert collection.conn.execute("SELECT count(*) FROM cards").fetchone() == (20,)
        assert collection.deck_names() == ["Docker"]
    assert_sound(path, [])


@contextlib.contextmanager
def small_filesystem(folder, size="512k"):
    folder.mkdir()
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        )
    except OSError:
        mounted = None
    if mounted is None or mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root and mount rights)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill_up(filler):
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(handle, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)


def test_a_real_filesystem_filling_up(tmp_path):
    with small_filesystem(tmp_path / "small") as folder:
        path = folder / "collection.deckard"
        with Collection.open(path, import_builtin=False) as collection:
            fill(collection)
            filler = folder / "filler"
            fill_up(filler)
            answered, error = answer_until_full(collection)
            assert_clear(error)
            filler.unlink()
            card = collection.next_card(now=NOW)
            collection.answer(card.id, 4, now=NOW)
            answered.append(card.id)
        assert_sound(path, answered)
