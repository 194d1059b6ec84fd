"""The quick check on open refuses what Deckard must not touch; the full check repairs safely."""

from __future__ import annotations

import sqlite3

import pytest

from app.core import schema
from app.core.check import RECOVERED_DECK, check_before_open, run_full_check
from app.core.errors import CollectionError
from tests.core.collection_helpers import damage_btree_root

LATEST = schema.LATEST_VERSION
STAMP = "2026-11-27T20:26:32.123Z"


def make_collection_db(path, *, cards=30, reviews_per_card=2):
    """A collection file at the current schema with a deck, cards and their reviews."""
    connection = sqlite3.connect(path, isolation_level=None)
    schema.migrate(connection)
    connection.execute("BEGIN")
    connection.execute("INSERT INTO decks (id, name) VALUES (1, 'Docker')")
    connection.execute("INSERT INTO decks (id, name, parent_id) VALUES (2, 'Docker::Volumes', 1)")
    for number in range(cards):
        connection.execute(
            "INSERT INTO cards (id, deck_id, question, answer, position, created_at, modified_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (f"c{number}", 1 + number % 2, f"Question {number}", "Answer", number, STAMP, STAMP),
        )
        for _ in range(reviews_per_card):
            connection.execute(
                "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
                " interval_after, easiness_before, easiness_after) VALUES (?, ?, ?, 4, 'new',"
                " 0, 1, 2500, 2500)",
                (f"c{number}", STAMP, "2026-11-27"),
            )
    connection.execute("INSERT INTO config (key, value) VALUES ('day_start_hour', '4')")
    connection.execute("COMMIT")
    connection.close()
    return path


@pytest.fixture
def collection_file(tmp_path):
    return make_collection_db(tmp_path / "collection.deckard")


def refused_unchanged(path, match):
    before = path.read_bytes()
    with pytest.raises(CollectionError, match=match) as caught:
        check_before_open(path, latest_version=LATEST)
    assert path.read_bytes() == before
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_a_sound_collection_passes(collection_file):
    assert check_before_open(collection_file, latest_version=LATEST) is False


def test_absent_or_empty_files_are_new_collections(tmp_path):
    assert check_before_open(tmp_path / "absent.deckard", latest_version=LATEST) is True
    empty = tmp_path / "empty.deckard"
    empty.touch()
    assert check_before_open(empty, latest_version=LATEST) is True
    blank_sqlite = tmp_path / "blank.deckard"
    sqlite3.connect(blank_sqlite).execute("VACUUM")
    assert check_before_open(blank_sqlite, latest_version=LATEST) is True


def test_a_text_file_is_not_a_deckard_collection(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Docker notes\n\nA container is a process.\n" * 10)
    message = refused_unchanged(path, "not a Deckard collection")
    assert str(path) in message


def test_another_programs_database_is_not_a_deckard_collection(tmp_path):
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('hello')")
    connection.commit()
    connection.close()
    refused_unchanged(path, "not a Deckard collection")


def test_a_collection_from_a_newer_deckard_is_refused(collection_file):
    connection = sqlite3.connect(collection_file)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.close()
    message = refused_unchanged(collection_file, "newer version of Deckard")
    assert f"format {LATEST + 1}" in message


@pytest.mark.parametrize("keep", [20, 100, 4096, 0.5])
def test_a_truncated_collection_is_refused(tmp_path, keep):
    path = make_collection_db(tmp_path / "collection.deckard", cards=400)
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(int(size * keep) if isinstance(keep, float) else keep)
    refused_unchanged(path, "damaged|not a Deckard")


def test_a_corrupt_page_is_refused(collection_file):
    damage_btree_root(collection_file, "cards", b"\x0d\xff\xff\xff")
    message = refused_unchanged(collection_file, "damaged")
    assert "deckard restore" in message


def test_a_read_only_collection_is_refused(collection_file):
    collection_file.chmod(0o444)
    try:
        refused_unchanged(collection_file, "read-only")
    finally:
        collection_file.chmod(0o644)


def test_a_read_only_folder_is_refused(collection_file):
    folder = collection_file.parent
    folder.chmod(0o555)
    try:
        refused_unchanged(collection_file, "folder .* is read-only")
    finally:
        folder.chmod(0o755)


def test_a_folder_is_not_a_collection(tmp_path):
    with pytest.raises(CollectionError, match="is a folder"):
        check_before_open(tmp_path, latest_version=LATEST)


def full_check(path):
    connection = sqlite3.connect(path)
    try:
        return run_full_check(connection)
    finally:
        connection.close()


def test_full_check_of_a_sound_collection_finds_nothing(collection_file):
    report = full_check(collection_file)
    assert report.ok
    assert report.problems == []
    assert report.lines()[-1] == "No problems found; the collection is sound."


def test_full_check_removes_reviews_of_missing_cards(collection_file):
    connection = sqlite3.connect(collection_file)
    connection.execute("DELETE FROM cards WHERE id IN ('c1', 'c2')")
    connection.commit()
    connection.close()
    report = full_check(collection_file)
    assert report.ok
    assert "4 review(s) of cards that no longer exist" in report.problems
    assert "removed 4 review(s) of missing cards" in report.repairs
    connection = sqlite3.connect(collection_file)
    assert connection.execute("SELECT count(*) FROM reviews").fetchone() == (56,)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_full_check_moves_cards_of_a_missing_deck_to_a_recovered_deck(collection_file):
    connection = sqlite3.connect(collection_file)
    connection.execute("DELETE FROM decks WHERE name = 'Docker::Volumes'")
    connection.commit()
    connection.close()
    report = full_check(collection_file)
    assert report.ok
    assert f"moved 15 card(s) to the deck {RECOVERED_DECK!r}" in report.repairs
    connection = sqlite3.connect(collection_file)
    recovered = connection.execute(
        "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ?",
        (RECOVERED_DECK,),
    ).fetchone()
    assert recovered == (15,)
    assert connection.execute("SELECT count(*) FROM cards").fetchone() == (30,)


def test_full_check_reattaches_a_deck_whose_parent_is_gone(collection_file):
    connection = sqlite3.connect(collection_file)
    connection.execute("UPDATE cards SET deck_id = 2")
    connection.execute("DELETE FROM decks WHERE name = 'Docker'")
    connection.commit()
    connection.close()
    report = full_check(collection_file)
    assert report.ok
    assert "reattached 1 deck(s) to their parent deck" in report.repairs
    connection = sqlite3.connect(collection_file)
    rows = connection.execute(
        "SELECT child.name, parent.name FROM decks child JOIN decks parent"
        " ON parent.id = child.parent_id"
    ).fetchall()
    assert rows == [("Docker::Volumes", "Docker")]


def test_full_check_rebuilds_a_stale_index(collection_file):
    connection = sqlite3.connect(collection_file)
    # Point the index's definition at another column: its entries no longer match the table.
    connection.execute("PRAGMA writable_schema = ON")
    connection.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX cards_deck ON cards(position)'"
        " WHERE name = 'cards_deck'"
    )
    connection.commit()
    connection.close()
    report = full_check(collection_file)
    assert any(problem.startswith("integrity:") for problem in report.problems)
    assert report.ok
    assert "the integrity problems were in indexes and are gone" in report.repairs
    connection = sqlite3.connect(collection_file)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_full_check_reports_damage_it_cannot_repair(collection_file):
    damage_btree_root(collection_file, "config", b"\xff", offset=8, length=64)
    report = full_check(collection_file)
    assert not report.ok
    assert report.unrepaired
    assert "restore a backup" in report.lines()[-1]
    assert all("\n" not in line for line in report.lines())


def foreign_database(path):
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.commit()
    connection.close()


def newer_collection(path):
    make_collection_db(path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.close()


def truncated_collection(path):
    make_collection_db(path, cards=400)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def read_only_collection(path):
    make_collection_db(path)
    path.chmod(0o444)


UNOPENABLE = {
    "a text file": (lambda path: path.write_text("not a collection\n" * 50), "not a Deckard"),
    "another program's database": (foreign_database, "not a Deckard"),
    "a newer Deckard's collection": (newer_collection, "newer version of Deckard"),
    "a truncated collection": (truncated_collection, "damaged"),
    "a read-only collection": (read_only_collection, "read-only"),
}


@pytest.mark.parametrize("kind", sorted(UNOPENABLE))
def test_collection_open_refuses_and_never_modifies(tmp_path, kind):
    from app.core.collection import Collection

    path = tmp_path / "collection.deckard"
    make, message = UNOPENABLE[kind]
    make(path)
    before = path.read_bytes()
    try:
        with pytest.raises(CollectionError, match=message):
            Collection.open(path)
        assert path.read_bytes() == before
        assert not path.with_name(path.name + "-wal").exists()
        # Refused, the collection is not left locked.
        from app.core.lock import read_holder

        assert read_holder(path) is None
    finally:
        path.chmod(0o644)


def test_a_large_collection_still_has_its_cards_checked_on_open(collection_file, monkeypatch):
    from app.core import check

    monkeypatch.setattr(check, "FULL_QUICK_CHECK_BYTES", 0)
    assert check_before_open(collection_file, latest_version=LATEST) is False
    # Overwrite the root page's header: its page type and cell pointers. Damage that leaves the
    # header's cell pointers readable can happen to decode as an empty row, depending on where
    # the cells landed, so the page type is the part that makes the damage certain to show.
    damage_btree_root(collection_file, "cards", b"\xff", length=200)
    refused_unchanged(collection_file, "damaged")


def test_a_cut_short_copy_is_caught_by_its_header(tmp_path, monkeypatch):
    from app.core import check

    monkeypatch.setattr(check, "FULL_QUICK_CHECK_BYTES", 0)
    path = make_collection_db(tmp_path / "collection.deckard", cards=400)
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size - 4096)
    refused_unchanged(path, "damaged .the file is truncated")


@pytest.mark.parametrize("btree", ["reviews", "reviews_day", "cards_deck_due"])
def test_a_large_collection_has_its_big_tables_and_indexes_probed_on_open(
    collection_file, monkeypatch, btree
):
    from app.core import check

    monkeypatch.setattr(check, "FULL_QUICK_CHECK_BYTES", 0)
    damage_btree_root(collection_file, btree, b"\x0d\xff\xff\xff")
    refused_unchanged(collection_file, "damaged")
