"""SIGKILL while answering cards in a loop: every answer reported as done survives.

The child process answers cards as fast as it can and prints each answer once `answer()` has
returned; the test reads a seeded random number of those lines, kills the child with SIGKILL
(so the kill lands somewhere in the answers that follow), and checks the collection: every reported
answer is in the review log, in order, the file passes `PRAGMA integrity_check`, and it opens
normally for the next round.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.collection import Collection
from app.core.model import CardRecord, CardSpec, ImportBatch

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 27, 20, 30, tzinfo=UTC)

ANSWERING_CHILD = textwrap.dedent(
    """
    import random
    import sys
    from datetime import datetime

    from app.core.collection import Collection

    path, seed, now = sys.argv[1], int(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
    rng = random.Random(seed)
    collection = Collection.open(path, import_builtin=False)
    while True:
        card = collection.next_card(now=now)
        collection.answer(card.id, rng.choice([1, 3, 4, 5]), now=now, duration_ms=1000)
        print("done", card.id, flush=True)
    """
)


@pytest.fixture
def collection_path(tmp_path):
    path = tmp_path / "collection.deckard"
    cards = [
        CardRecord(CardSpec(id=f"card-{n:04d}", deck="Docker", question=f"Q{n}", answer="A"))
        for n in range(300)
    ]
    with Collection.open(path, import_builtin=False) as collection:
        collection.apply_batch(ImportBatch(source="test", cards=cards), now=NOW)
        collection.set_deck_limits("Docker", 10_000, 10_000)
    return path


def run_and_kill(path, *, seed, answers_to_wait_for):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", ANSWERING_CHILD, str(path), str(seed), NOW.isoformat()],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    reported = []
    try:
        while len(reported) < answers_to_wait_for:
            line = child.stdout.readline()
            assert line, f"the child stopped early (exit {child.poll()})"
            reported.append(line.split()[1])
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    # Lines the child printed before the kill landed were reported too, even if not read yet.
    reported += [line.split()[1] for line in child.stdout.read().splitlines()]
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return reported


def logged_answers(path):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT card_id FROM reviews ORDER BY id")]
    finally:
        connection.close()


@pytest.mark.slow
def test_answers_reported_as_done_survive_sigkill(collection_path):
    rng = random.Random(8)
    reported_so_far: list[str] = []
    for round_number in range(4):
        reported = run_and_kill(
            collection_path, seed=round_number, answers_to_wait_for=rng.randint(1, 40)
        )
        log = logged_answers(collection_path)
        # Answers from earlier rounds come first; this round's reported ones follow in order.
        assert log[: len(reported_so_far)] == reported_so_far
        this_round = log[len(reported_so_far) :]
        assert this_round[: len(reported)] == reported
        # At most the one answer in flight when the kill landed made it without being reported.
        assert len(this_round) - len(reported) in (0, 1)
        reported_so_far = log
        with Collection.open(collection_path, import_builtin=False) as reopened:
            assert reopened.next_card(now=NOW) is not None
