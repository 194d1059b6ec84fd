"""`deckard backup`, `deckard restore FILE` and `deckard check` from the command line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from app.core.backup import list_backups
from app.core.collection import Collection
from app.core.model import CardRecord, CardSpec, ImportBatch
from tests.cli.cli_helpers import run
from tests.core.collection_helpers import damage_btree_root


@pytest.fixture
def collection_path(tmp_path):
    path = tmp_path / "collection.deckard"
    cards = [
        CardRecord(CardSpec(id=f"c{n}", deck="Docker", question=f"Q{n}", answer="A"))
        for n in range(5)
    ]
    with Collection.open(path, import_builtin=False) as collection:
        collection.apply_batch(ImportBatch(source="test", cards=cards))
    return path


def review_count(path):
    with Collection.open(path, import_builtin=False) as collection:
        return collection.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]


def answer_one(path):
    with Collection.open(path, import_builtin=False) as collection:
        collection.answer(collection.next_card().id, 4)


def test_backup_then_list(capsys, collection_path):
    code, out, _ = run(capsys, "--collection", str(collection_path), "backup")
    assert code == 0
    [info] = list_backups(collection_path)
    assert out.strip() == f"Backed up 5 cards and 0 reviews to {info.path}"
    code, out, _ = run(capsys, "--collection", str(collection_path), "backup", "--list")
    assert code == 0
    assert "5 cards" in out and str(info.path) in out


def test_list_without_backups_says_so(capsys, collection_path):
    code, out, _ = run(capsys, "--collection", str(collection_path), "backup", "--list")
    assert code == 0
    assert out.startswith("No backups of ")


def test_backup_of_a_missing_collection_is_a_one_line_error(capsys, tmp_path):
    missing = tmp_path / "missing.deckard"
    code, _, err = run(capsys, "--collection", str(missing), "backup")
    assert code == 1
    assert err.strip() == f"deckard: {missing}: no collection there, so nothing to back up"
    assert not missing.exists()


def test_restore_puts_the_backup_back_and_keeps_the_current_state(capsys, collection_path):
    run(capsys, "--collection", str(collection_path), "backup")
    [old] = list_backups(collection_path)
    answer_one(collection_path)
    code, out, _ = run(
        capsys, "--collection", str(collection_path), "restore", "--yes", str(old.path)
    )
    assert code == 0
    assert review_count(collection_path) == 0
    assert "The collection as it was is backed up in" in out
    assert {b.reviews for b in list_backups(collection_path)} == {0, 1}


def test_restore_asks_first(capsys, collection_path, monkeypatch):
    run(capsys, "--collection", str(collection_path), "backup")
    [old] = list_backups(collection_path)
    answer_one(collection_path)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("n\n"))
    code, _, err = run(capsys, "--collection", str(collection_path), "restore", str(old.path))
    assert code == 1
    assert "Aborted." in err
    assert review_count(collection_path) == 1


def test_restore_of_something_that_is_not_a_backup(capsys, collection_path, tmp_path):
    bogus = tmp_path / "holiday.jpg"
    bogus.write_bytes(b"\xff\xd8\xff\xe0 not a collection")
    code, _, err = run(capsys, "--collection", str(collection_path), "restore", "--yes", str(bogus))
    assert code == 1
    assert err.startswith(f"deckard: {bogus}: not a Deckard backup")
    assert "Traceback" not in err


def test_check_reports_a_sound_collection(capsys, collection_path):
    code, out, _ = run(capsys, "--collection", str(collection_path), "check")
    assert code == 0
    assert out.strip().endswith("No problems found; the collection is sound.")


def test_check_repairs_orphans_and_backs_up_first(capsys, collection_path):
    answer_one(collection_path)
    import sqlite3

    connection = sqlite3.connect(collection_path)
    connection.execute("DELETE FROM cards WHERE id IN (SELECT card_id FROM reviews)")
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "--collection", str(collection_path), "check")
    assert code == 0
    assert "Repaired: removed 1 review(s) of missing cards" in out
    assert "Backed up the collection first to" in out
    assert review_count(collection_path) == 0
    assert [b.reviews for b in list_backups(collection_path)] == [1]


def test_check_of_a_damaged_collection_exits_1(capsys, collection_path):
    damage_btree_root(collection_path, "cards", b"\xff", offset=8, length=200)
    code, out, _ = run(capsys, "--collection", str(collection_path), "check")
    assert code == 1
    assert "restore a backup" in out


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.core.lock import acquire_lock

    lock = acquire_lock(Path(sys.argv[1]), program="deckard (desktop app)")
    print("locked", flush=True)
    sys.stdin.readline()
    """
)


@pytest.mark.parametrize("command", [["backup"], ["check"], ["restore", "--yes", "whatever"]])
def test_a_collection_held_by_another_process_exits_1_naming_it(capsys, collection_path, command):
    if command[0] == "restore":
        run(capsys, "--collection", str(collection_path), "backup")
        command = ["restore", "--yes", str(list_backups(collection_path)[0].path)]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(collection_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, _, err = run(capsys, "--collection", str(collection_path), *command)
    finally:
        holder.communicate("done\n")
    assert code == 1
    assert f"is in use by deckard (desktop app) (process {holder.pid}" in err
    assert err.count("\n") == 1
