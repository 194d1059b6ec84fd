"""SIGKILL while importing a large deck: the import is entirely there or entirely absent.

The child imports a 2,500-card Markdown deck (a large batch: written into the file through a
rollback journal, not the write-ahead log) and, through SQLite's progress handler, prints a
tick every thousand virtual-machine steps; the test reads a seeded random number of ticks and
kills the child with SIGKILL, so the kill lands at a different moment of the import (or after
it) each round. Then the collection must hold either none or all of the deck's cards, pass
`PRAGMA integrity_check`, and open normally.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core.collection import Collection
from app.core.merge import LARGE_BATCH_CARDS

REPO = Path(__file__).resolve().parents[2]
CARDS = 2500

IMPORTING_CHILD = textwrap.dedent(
    """
    import sys

    from app.core.collection import Collection

    collection = Collection.open(sys.argv[1], import_builtin=False)

    def tick():
        print("tick", flush=True)
        return 0

    collection.conn.set_progress_handler(tick, 1000)
    collection.import_file(sys.argv[2])
    collection.conn.set_progress_handler(None, 0)
    print("imported", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture(scope="module")
def big_deck(tmp_path_factory):
    path = tmp_path_factory.mktemp("deck") / "big.deck.md"
    cards = "".join(
        f"Q: What does command {n} do?\nA: It does thing {n}.\n\n" for n in range(CARDS)
    )
    path.write_text("---\ndeck: Big\n---\n\n" + cards, encoding="utf-8")
    return path


def import_and_kill(collection_path, deck_path, ticks_to_wait_for):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORTING_CHILD, str(collection_path), str(deck_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    seen = 0
    try:
        while ticks_to_wait_for is None or seen < ticks_to_wait_for:
            line = child.stdout.readline()
            assert line, f"the child stopped early (exit {child.poll()})"
            if line.strip() == "imported":
                break
            seen += 1
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdin.close()
        child.stdout.close()


def card_count(path):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return connection.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        connection.close()


@pytest.mark.slow
def test_an_import_killed_at_any_moment_is_all_or_nothing(tmp_path, big_deck):
    assert CARDS >= LARGE_BATCH_CARDS  # written through a rollback journal
    rng = random.Random(8)
    # Three kills somewhere inside the import, and one once it has reported success.
    waits = [rng.randint(1, 250) for _ in range(3)] + [None]
    for round_number, ticks in enumerate(waits):
        path = tmp_path / f"round-{round_number}.deckard"
        Collection.open(path, import_builtin=False).close()
        import_and_kill(path, big_deck, ticks_to_wait_for=ticks)
        count = card_count(path)
        if ticks is None:
            assert count == CARDS
        else:
            assert count in (0, CARDS)
        with Collection.open(path, import_builtin=False) as reopened:
            assert reopened.conn.execute("SELECT count(*) FROM cards").fetchone() == (count,)
