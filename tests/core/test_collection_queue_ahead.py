"""The queue read ahead between answers always offers the card a fresh read of the collection
would: after answers, answers to other cards, undo, bury, suspend, limit changes, writes through
the connection without `refresh()`, another program's writes and a new day."""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import days, study_queue
from app.core.collection import Collection
from app.core.model import CardRecord, ImportBatch, Schedule
from app.core.scheduler import Allowance, DeckTree, done_today, next_card_row
from app.core.study_queue import READ_AHEAD
from tests.core.collection_helpers import BERLIN, NOON, spec, with_cards

DECKS = ["P", "P::A", "P::B", "Q"]
TODAY = date(2026, 11, 27)
PER_DECK = 6  # of each kind: more than one short read ahead (below) per deck, and often in it
SHORT_READ = 4
CARDS = [f"{deck}-{kind}{n}" for deck in DECKS for kind in ("old", "new") for n in range(PER_DECK)]


def fresh_next(collection: Collection, deck: str | None, now) -> str | None:
    """The id of the card to show next, computed from the database alone."""
    conn = collection.conn
    tree = DeckTree.load(conn)
    today = days.format_day(collection.day_of(now))
    allowance = Allowance.compute(tree, done_today(conn, today))
    row = next_card_row(conn, tree, allowance, today, tree.ids[deck] if deck else None, "id")
    return row[0] if row else None


def build(folder: str) -> Collection:
    collection = Collection.open(Path(folder) / "c.deckard", tz=BERLIN, import_builtin=False)
    records = []
    for deck in DECKS:
        for n in range(PER_DECK):
            due = TODAY - timedelta(days=n % 5)
            schedule = Schedule(2, 6, Decimal("2.5"), due)
            records.append(CardRecord(spec(f"{deck}-old{n}", deck=deck), schedule))
            records.append(CardRecord(spec(f"{deck}-new{n}", deck=deck)))
    collection.apply_batch(ImportBatch(source="p.md", cards=records), now=NOON)
    return collection


step = st.one_of(
    st.tuples(st.just("answer"), st.integers(0, 5)),
    st.tuples(st.just("answer other"), st.sampled_from(CARDS), st.integers(0, 5)),
    st.tuples(st.just("answer other"), st.sampled_from(CARDS[:3]), st.integers(0, 5)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("bury"), st.sampled_from(CARDS)),
    st.tuples(st.just("suspend"), st.sampled_from(CARDS)),
    st.tuples(st.just("unsuspend"), st.sampled_from(CARDS)),
    st.tuples(st.just("limits"), st.sampled_from(DECKS), st.integers(0, 30), st.integers(0, 30)),
    st.tuples(st.just("suspend through the connection"), st.sampled_from(CARDS)),
    st.tuples(st.just("bury by another program"), st.sampled_from(CARDS)),
    st.tuples(st.just("next day")),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([None, *DECKS]), st.lists(step, min_size=5, max_size=60))
def test_read_ahead_queue_offers_what_a_fresh_read_would(deck, steps):
    # Short reads ahead, so that sessions this small also read past them.
    with (
        mock.patch.object(study_queue, "READ_AHEAD", SHORT_READ),
        mock.patch.object(study_queue, "ENTRIES_AHEAD", SHORT_READ),
        tempfile.TemporaryDirectory() as folder,
    ):
        collection = build(folder)
        try:
            now = NOON
            for action, *args in steps:
                card = collection.next_card(deck=deck, now=now)
                assert (card.id if card else None) == fresh_next(collection, deck, now)
                if action == "answer" and card is not None:
                    collection.answer(card.id, args[0], now=now)
                elif action == "answer other":
                    collection.answer(args[0], args[1], now=now)
                elif action == "undo":
                    collection.undo()
                elif action == "bury":
                    collection.bury(args[0], now=now)
                elif action == "suspend":
                    collection.suspend(args[0])
                elif action == "unsuspend":
                    collection.unsuspend(args[0])
                elif action == "limits":
                    collection.set_deck_limits(args[0], args[1], args[2])
                elif action == "suspend through the connection":
                    collection.conn.execute("UPDATE cards SET suspended = 1 WHERE id = ?", args)
                elif action == "bury by another program":
                    other = sqlite3.connect(collection.path)
                    tomorrow = days.format_day(days.add_days(collection.day_of(now), 1))
                    other.execute(
                        "UPDATE cards SET buried_until = ? WHERE id = ?", (tomorrow, args[0])
                    )
                    other.commit()
                    other.close()
                elif action == "next day":
                    now += timedelta(days=1)
                now += timedelta(seconds=7)
            card = collection.next_card(deck=deck, now=now)
            assert (card.id if card else None) == fresh_next(collection, deck, now)
        finally:
            collection.close()


def test_a_long_session_reads_past_the_cards_read_ahead(tmp_path):
    count = READ_AHEAD * 3 + 5
    collection = with_cards(tmp_path, {"Docker": count})
    collection.set_deck_limits("Docker", count, 0)
    shown = []
    while (card := collection.next_card(now=NOON)) is not None and card.is_new:
        shown.append(card.id)
        collection.answer(card.id, 5, now=NOON)
    assert shown == [f"Docker-{n}" for n in range(count)]


def test_a_card_suspended_through_the_connection_is_not_offered(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 3})
    first = collection.next_card(now=NOON)
    assert first is not None and first.id == "Docker-0"
    collection.answer(first.id, 5, now=NOON)
    collection.conn.execute("UPDATE cards SET suspended = 1 WHERE id = 'Docker-1'")
    card = collection.next_card(now=NOON)
    assert card is not None and card.id == "Docker-2"


def test_reviews_across_decks_come_most_overdue_first_past_the_entries_read_ahead(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(study_queue, "ENTRIES_AHEAD", SHORT_READ)
    count = SHORT_READ * 2 + 3
    collection = Collection.open(tmp_path / "c.deckard", tz=BERLIN, import_builtin=False)
    records = [
        CardRecord(
            spec(f"{deck}-{n}", deck=deck),
            Schedule(2, 6, Decimal("2.5"), TODAY - timedelta(days=(n * 3 + shift) % 40)),
        )
        for deck, shift in (("P::A", 0), ("P::B", 1), ("Q", 2))
        for n in range(count)
    ]
    collection.apply_batch(ImportBatch(source="p.md", cards=records), now=NOON)
    for deck in ("P", "P::A", "P::B", "Q"):
        collection.set_deck_limits(deck, 0, 3 * count)
    shown = []
    while (card := collection.next_card(now=NOON)) is not None:
        shown.append(card)
        collection.answer(card.id, 5, now=NOON)
    assert len(shown) == 3 * count
    assert [(c.due, c.position) for c in shown] == sorted((c.due, c.position) for c in shown)
    collection.close()
