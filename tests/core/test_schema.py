"""Schema creation, numbered migrations, version checks and the pragmas a collection runs with."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from app.core.collection import Collection
from app.core.errors import CollectionError
from app.core.schema import LATEST_VERSION, MIGRATIONS, Migration, migrate, schema_version


def connect(path):
    return sqlite3.connect(path, isolation_level=None)


def columns(conn, table):
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def test_empty_file_gets_the_latest_schema(tmp_path):
    conn = connect(tmp_path / "c.db")
    assert migrate(conn) == [m.version for m in MIGRATIONS]
    assert schema_version(conn) == LATEST_VERSION
    recorded = conn.execute("SELECT version, name FROM migrations ORDER BY version").fetchall()
    assert recorded == [(m.version, m.name) for m in MIGRATIONS]
    assert columns(conn, "decks") == [
        "id", "name", "parent_id", "new_per_day", "reviews_per_day",
    ]  # fmt: skip
    assert columns(conn, "cards") == [
        "id", "deck_id", "question", "answer", "tags", "source", "source_line", "source_hash",
        "position", "created_at", "modified_at", "repetitions", "interval", "easiness", "due",
        "lapses", "suspended", "buried_until", "repeat_day", "repeat_since", "source_raw_hash",
    ]  # fmt: skip
    assert columns(conn, "reviews") == [
        "id", "card_id", "reviewed_at", "day", "quality", "kind", "interval_before",
        "interval_after", "easiness_before", "easiness_after", "duration_ms",
    ]  # fmt: skip
    assert columns(conn, "config") == ["key", "value"]


def test_a_new_file_in_one_transaction_gets_the_schema_step_by_step_gives(tmp_path):
    at_once = connect(tmp_path / "at-once.db")
    migrate(at_once)
    stepwise = connect(tmp_path / "stepwise.db")
    for version in range(1, LATEST_VERSION + 1):
        assert migrate(stepwise, target=version) == [version]

    def schema(conn):
        return conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).fetchall()

    assert schema(at_once) == schema(stepwise)
    assert schema_version(at_once) == schema_version(stepwise) == LATEST_VERSION
    assert at_once.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_new_file_whose_migration_fails_is_left_empty(tmp_path):
    conn = connect(tmp_path / "c.db")

    def broken(c):
        raise RuntimeError("disk on fire")

    steps = [*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", broken)]
    with pytest.raises(RuntimeError):
        migrate(conn, steps)
    assert schema_version(conn) == 0
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_reopening_applies_nothing_twice(tmp_path):
    conn = connect(tmp_path / "c.db")
    migrate(conn)
    assert migrate(conn) == []
    assert conn.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("start", range(LATEST_VERSION))
def test_every_earlier_version_opens_at_the_latest(tmp_path, start):
    path = tmp_path / "c.deckard"
    conn = connect(path)
    migrate(conn, target=start)
    assert schema_version(conn) == start
    conn.close()
    with Collection.open(path, import_builtin=False) as collection:
        assert schema_version(collection.conn) == LATEST_VERSION
        assert collection.deck_counts() == []


def fill_version_1(conn):
    conn.execute("INSERT INTO decks (id, name) VALUES (1, 'Lang'), (2, 'Ops')")
    conn.execute("UPDATE decks SET parent_id = NULL")
    for number in range(5):
        conn.execute(
            "INSERT INTO cards (id, deck_id, question, answer, position, created_at, modified_at)"
            " VALUES (?, ?, 'q', 'a', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            (f"c{number}", 1 if number < 3 else 2, number),
        )


def older_collection(tmp_path, version):
    """A collection file at schema `version` with the cards of `fill_version_1`, and its
    connection (still open, for more changes before the collection opens it)."""
    path = tmp_path / "c.deckard"
    conn = connect(path)
    migrate(conn, target=version)
    fill_version_1(conn)
    return path, conn


def test_a_version_1_collection_keeps_its_cards_and_gets_deck_totals(tmp_path):
    path, conn = older_collection(tmp_path, 1)
    conn.close()
    with Collection.open(path, import_builtin=False) as collection:
        assert schema_version(collection.conn) == LATEST_VERSION
        totals = {c.deck: c.total for c in collection.deck_counts()}
        assert totals == {"Lang": 3, "Ops": 2}
        assert collection.card("c4").deck == "Ops"


def test_a_version_2_collection_keeps_its_cards_with_no_raw_source_fingerprint(tmp_path):
    path, conn = older_collection(tmp_path, 2)
    conn.close()
    with Collection.open(path, import_builtin=False) as collection:
        assert schema_version(collection.conn) == LATEST_VERSION
        rows = collection.conn.execute("SELECT id, source_raw_hash FROM cards ORDER BY id")
        assert rows.fetchall() == [(f"c{n}", None) for n in range(5)]
        assert collection.card("c1").question == "q"


@pytest.mark.parametrize("start", [1, 2, 3])
def test_an_older_collection_queues_its_due_reviews_without_the_global_index(tmp_path, start):
    path, conn = older_collection(tmp_path, start)
    # Two reviews due in each deck, the most overdue in the second deck.
    for number, due in enumerate(["2026-01-03", "2026-01-01", "2026-01-04", "2026-01-02"]):
        conn.execute(
            "UPDATE cards SET due = ?, repetitions = 2, interval = 6, easiness = 2500 WHERE id = ?",
            (due, f"c{number + 1}"),
        )
    conn.close()
    with Collection.open(path, import_builtin=False) as collection:
        indexes = {row[0] for row in collection.conn.execute("SELECT name FROM sqlite_master")}
        assert "cards_review_queue" not in indexes
        now = datetime(2026, 1, 10, 12, tzinfo=UTC)
        shown = []
        while (card := collection.next_card(now=now)) is not None and not card.is_new:
            shown.append(card.id)
            collection.answer(card.id, 4, now=now)
        assert shown == ["c2", "c4", "c1", "c3"]


LOG_ROW = (
    "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
    " interval_after, easiness_before, easiness_after) VALUES ('c1', '2026-01-01T08:00:00.000Z',"
    " '2026-01-01', 4, ?, 0, 1, 2500, 2500)"
)


@pytest.mark.parametrize("start", [1, 2, 3, 4])
def test_an_older_collection_keeps_its_log_and_checks_the_kind_without_a_list(tmp_path, start):
    path, conn = older_collection(tmp_path, start)
    conn.execute(LOG_ROW, ("new",))
    conn.close()
    with Collection.open(path, import_builtin=False) as collection:
        db = collection.conn
        assert db.execute("SELECT card_id, kind FROM reviews").fetchall() == [("c1", "new")]
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for kind in ("review", "repeat"):
            db.execute(LOG_ROW, (kind,))
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute(LOG_ROW, ("learn",))
        # The check no longer builds a temporary table of the allowed kinds for every row.
        plan = [row[1] for row in db.execute(f"EXPLAIN {LOG_ROW}", ("new",))]
        assert "OpenEphemeral" not in plan
    # And a program opening the file afresh reads the same definition.
    fresh = connect(path)
    definition = fresh.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews'").fetchone()
    assert "kind = 'new' OR kind = 'review' OR kind = 'repeat'" in definition[0]
    assert "IN (" not in definition[0]


def test_deck_totals_follow_inserts_moves_and_deletes(tmp_path):
    conn = connect(tmp_path / "c.db")
    migrate(conn)
    fill_version_1(conn)
    conn.execute("UPDATE cards SET deck_id = 2 WHERE id = 'c0'")
    conn.execute("UPDATE cards SET question = 'changed' WHERE id = 'c1'")
    conn.execute("DELETE FROM cards WHERE id = 'c4'")
    conn.execute("INSERT INTO decks (id, name) VALUES (3, 'Empty'), (4, 'Gone')")
    conn.execute("DELETE FROM decks WHERE id = 4")
    totals = dict(conn.execute("SELECT deck_id, cards FROM deck_totals"))
    counted = dict(conn.execute("SELECT deck_id, count(*) FROM cards GROUP BY deck_id"))
    assert totals == {1: 2, 2: 2, 3: 0}
    assert {k: v for k, v in totals.items() if v} == counted


def test_adding_a_migration_is_a_function_and_a_list_entry(tmp_path):
    conn = connect(tmp_path / "c.db")
    migrate(conn)

    def add_flag(c):
        c.execute("ALTER TABLE cards ADD COLUMN flag INTEGER NOT NULL DEFAULT 0")

    steps = [*MIGRATIONS, Migration(LATEST_VERSION + 1, "card flags", add_flag)]
    assert migrate(conn, steps) == [LATEST_VERSION + 1]
    assert "flag" in columns(conn, "cards")
    assert schema_version(conn) == LATEST_VERSION + 1


def test_a_failing_migration_leaves_the_previous_version(tmp_path):
    conn = connect(tmp_path / "c.db")
    migrate(conn)

    def half_done(c):
        c.execute("CREATE TABLE half (x)")
        raise RuntimeError("disk on fire")

    steps = [*MIGRATIONS, Migration(LATEST_VERSION + 1, "broken", half_done)]
    with pytest.raises(RuntimeError):
        migrate(conn, steps)
    assert schema_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half'").fetchone()[0] == 0
    assert conn.execute("SELECT max(version) FROM migrations").fetchone()[0] == LATEST_VERSION


def test_a_newer_collection_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "c.deckard"
    conn = connect(path)
    migrate(conn)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CollectionError, match="newer"):
        Collection.open(path, import_builtin=False)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_collection_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("this is not a database, just some text that is long enough " * 20)
    with pytest.raises(CollectionError, match=r"notes\.txt"):
        Collection.open(path, import_builtin=False)


def test_open_sets_wal_full_sync_and_foreign_keys(tmp_path):
    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as collection:
        pragma = collection.conn.execute
        assert pragma("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert pragma("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert pragma("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            pragma(
                "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
                " interval_after, easiness_before, easiness_after)"
                " VALUES ('nope', 'x', 'x', 4, 'new', 0, 1, 2500, 2500)"
            )


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (
            "SELECT rowid FROM cards WHERE due IS NULL AND suspended = 0 ORDER BY position LIMIT 1",
            "cards_new_queue",
        ),
        (
            "SELECT count(*) FROM cards WHERE deck_id = 1 AND due IS NOT NULL AND suspended = 0"
            " AND due <= '2026-01-01'",
            "cards_deck_due",
        ),
        (
            "SELECT rowid FROM cards WHERE deck_id = 1 AND due IS NOT NULL AND suspended = 0"
            " AND due <= '2026-01-01' ORDER BY due, position LIMIT 1",
            "cards_deck_due",
        ),
        (
            "SELECT rowid FROM cards WHERE deck_id = 1 AND due IS NULL AND suspended = 0"
            " ORDER BY position LIMIT 1",
            "cards_deck_new",
        ),
        ("SELECT count(*) FROM reviews WHERE day = '2026-01-01'", "reviews_day"),
    ],
)
def test_due_queries_use_an_index(tmp_path, query, index):
    conn = connect(tmp_path / "c.db")
    migrate(conn)
    plan = " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert index in plan
    assert "TEMP B-TREE" not in plan
