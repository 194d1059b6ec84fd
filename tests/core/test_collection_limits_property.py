"""Property: whatever the decks, limits and due days, the queue shows exactly what the counts
promise, reviews before new cards, each in its order."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.collection import Collection
from app.core.model import CardRecord, ImportBatch, Schedule
from tests.core.collection_helpers import BERLIN, NOON, spec

DECKS = ["P", "P::A", "P::B", "Q"]
TODAY = date(2026, 11, 27)

deck_setup = st.fixed_dictionaries(
    {
        deck: st.tuples(
            st.integers(0, 4),  # new cards
            st.lists(st.integers(-5, 2), max_size=4),  # due offsets of studied cards
            st.integers(0, 4),  # new per day
            st.integers(0, 4),  # reviews per day
        )
        for deck in DECKS
    }
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deck_setup, st.sampled_from([None, *DECKS]))
def test_queue_matches_counts_and_order(setup, chosen):
    with tempfile.TemporaryDirectory() as folder:
        collection = Collection.open(Path(folder) / "c.deckard", tz=BERLIN, import_builtin=False)
        try:
            records = []
            for deck, (new, offsets, _, _) in setup.items():
                # A card due long after today makes every deck exist, even one with no work.
                later = Schedule(2, 6, Decimal("2.5"), TODAY + timedelta(days=100))
                records.append(CardRecord(spec(f"{deck}-later", deck=deck), later))
                records += [CardRecord(spec(f"{deck}-new{n}", deck=deck)) for n in range(new)]
                for n, offset in enumerate(offsets):
                    schedule = Schedule(2, 6, Decimal("2.5"), TODAY + timedelta(days=offset))
                    records.append(CardRecord(spec(f"{deck}-old{n}", deck=deck), schedule))
            collection.apply_batch(ImportBatch(source="p.md", cards=records), now=NOON)
            for deck, (_, _, new_limit, review_limit) in setup.items():
                collection.set_deck_limits(deck, new_limit, review_limit)
            new, repeat, due = collection.counts_today(chosen, now=NOON)
            shown = []
            while (card := collection.next_card(deck=chosen, now=NOON)) is not None:
                shown.append(card)
                collection.answer(card.id, 5, now=NOON)
            assert repeat == 0
            assert len(shown) == new + due
            reviews = [c for c in shown if "-old" in c.id]
            assert shown[: len(reviews)] == reviews
            assert [c.due for c in reviews] == sorted(c.due for c in reviews)
            assert all(c.due <= TODAY for c in reviews)
            learned = shown[len(reviews) :]
            assert [c.position for c in learned] == sorted(c.position for c in learned)
            if chosen is not None:
                assert all(c.deck == chosen or c.deck.startswith(chosen + "::") for c in shown)
            assert collection.counts_today(chosen, now=NOON) == (0, 0, 0)
        finally:
            collection.close()
