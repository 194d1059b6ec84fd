"""An answer is on disk when `answer()` returns: killing the process loses none of them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from app.core.collection import Collection
from app.core.errors import CollectionError
from app.core.store import utc_stamp
from tests.core.collection_helpers import BERLIN, NOON, batch, spec

REPO = Path(__file__).resolve().parents[2]
REPORTED = 40

ANSWER_LOOP = """
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
from app.core.collection import Collection
from app.core.errors import CollectionError

collection = Collection.open(sys.argv[1], tz=ZoneInfo("Europe/Berlin"), import_builtin=False)
start = datetime.fromisoformat(sys.argv[2])
step = 0
while True:
    now = start + timedelta(seconds=step)
    card = collection.next_card(now=now)
    collection.answer(card.id, (2, 4, 5)[step % 3], now=now, duration_ms=step)
    print(step, card.id, flush=True)
    step += 1
"""


def test_every_reported_answer_survives_sigkill(tmp_path):
    path = tmp_path / "c.deckard"
    with Collection.open(path, tz=BERLIN, import_builtin=False) as collection:
        collection.apply_batch(batch("a.md", [spec(f"c{n}") for n in range(5000)]), now=NOON)
        collection.set_deck_limits("Docker", 9999, 9999)
    child = subprocess.Popen(
        [sys.executable, "-c", ANSWER_LOOP, str(path), NOON.isoformat()],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            step, card_id = line.split()
            reported.append((int(step), card_id))
            if len(reported) == REPORTED:
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait()
        assert child.stderr is not None
        errors = child.stderr.read()
    assert len(reported) == REPORTED, errors
    assert child.returncode == -signal.SIGKILL

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    logged = {
        (stamp, card_id, duration)
        for stamp, card_id, duration in conn.execute(
            "SELECT reviewed_at, card_id, duration_ms FROM reviews"
        )
    }
    for step, card_id in reported:
        stamp = utc_stamp(NOON + timedelta(seconds=step))
        assert (stamp, card_id, step) in logged
    # Every logged answer also moved its card: no review row without its card update.
    new_left = conn.execute("SELECT count(*) FROM cards WHERE due IS NULL").fetchone()[0]
    first_answers = conn.execute("SELECT count(*) FROM reviews WHERE kind = 'new'").fetchone()[0]
    assert new_left + first_answers == 5000
    conn.close()
    with Collection.open(path, tz=BERLIN) as reopened:
        assert reopened.next_card(now=NOON) is not None


def test_a_full_disk_is_a_clear_error_and_changes_nothing(tmp_path):
    with Collection.open(tmp_path / "c.deckard", tz=BERLIN, import_builtin=False) as collection:
        collection.apply_batch(batch("a.md", [spec(f"c{n}") for n in range(300)]), now=NOON)
        collection.set_deck_limits("Docker", 9999, 9999)
        pages = collection.conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's size cap fails writes with SQLITE_FULL, exactly as a full disk does.
        collection.conn.execute(f"PRAGMA max_page_count = {pages}")
        error = None
        for step in range(300):
            card = collection.next_card(now=NOON)
            before = collection.card(card.id)
            try:
                collection.answer(card.id, 4, now=NOON + timedelta(seconds=step))
            except CollectionError as caught:
                error = caught
                break
        assert error is not None and "disk is full" in str(error)
        assert collection.card(card.id) == before
        logged = collection.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        assert logged == step
        assert collection.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
