"""Single cards, decks, settings, previews, the day summary and reading records for export."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.core.errors import CollectionError, InputError
from tests.core.collection_helpers import NOON, with_cards


def test_card_fields(tmp_path):
    collection = with_cards(tmp_path, {"Docker::Images": 1})
    card = collection.card("Docker::Images-0")
    assert (card.deck, card.repetitions, card.interval, card.easiness) == (
        "Docker::Images",
        0,
        0,
        Decimal("2.5"),
    )
    assert card.is_new and not card.suspended and card.due is None
    with pytest.raises(CollectionError, match="nope"):
        collection.card("nope")


def test_update_card_changes_content_and_keeps_scheduling(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    collection.answer("Docker-0", 5, now=NOON)
    before = collection.card("Docker-0")
    after = collection.update_card(
        "Docker-0", question="New **question**", deck="Ops::Docker", tags=["x", "y"]
    )
    assert (after.question, after.answer, after.deck, after.tags) == (
        "New **question**",
        before.answer,
        "Ops::Docker",
        ("x", "y"),
    )
    assert (after.interval, after.due) == (before.interval, before.due)
    assert "Ops" in collection.deck_names()
    with pytest.raises(InputError):
        collection.update_card("Docker-0", deck="::")


def test_preview_intervals_for_each_grade(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    assert collection.preview_intervals("Docker-0", now=NOON) == {
        0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1,
    }  # fmt: skip
    collection.answer("Docker-0", 5, now=NOON)
    later = NOON + timedelta(days=1)
    assert collection.preview_intervals("Docker-0", now=later) == {
        0: 1, 1: 1, 2: 1, 3: 6, 4: 6, 5: 6,
    }  # fmt: skip


def test_preview_during_a_same_day_repeat_keeps_the_interval(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    collection.answer("Docker-0", 3, now=NOON)
    assert set(collection.preview_intervals("Docker-0", now=NOON).values()) == {1}


def test_config_defaults_round_trip_and_checks(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    assert collection.get_config("day_start_hour") == 4
    assert collection.get_config("grading") == "four"
    assert collection.get_config("unknown", "fallback") == "fallback"
    collection.set_config("grading", "six")
    collection.set_config("window", {"width": 800})
    assert collection.get_config("grading") == "six"
    assert collection.get_config("window") == {"width": 800}
    with pytest.raises(InputError, match="grading"):
        collection.set_config("grading", "three")
    with pytest.raises(InputError, match="day_start_hour"):
        collection.set_config("day_start_hour", 25)


def test_config_is_seen_by_another_open_collection(tmp_path):
    first = with_cards(tmp_path, {"Docker": 1})
    assert first.get_config("grading") == "four"
    from app.core.collection import Collection

    with Collection.open(first.path, import_builtin=False) as second:
        second.set_config("grading", "six")
    first.next_card(now=NOON)
    assert first.get_config("grading") == "six"


def test_deck_limits_must_be_whole_numbers(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    with pytest.raises(InputError, match="new_per_day"):
        collection.set_deck_limits("Docker", -1, 10)
    with pytest.raises(CollectionError, match="Nope"):
        collection.set_deck_limits("Nope", 1, 10)
    assert collection.deck_limits("Docker") == (20, 200)


def test_deck_counts_per_deck(tmp_path):
    collection = with_cards(tmp_path, {"A": 3, "A::B": 25, "C": 1})
    collection.suspend("C-0")
    collection.answer("A-0", 2, now=NOON)
    counts = {c.deck: (c.new, c.repeat, c.due, c.total) for c in collection.deck_counts(now=NOON)}
    assert counts == {"A": (19, 1, 0, 3), "A::B": (19, 0, 0, 25), "C": (0, 0, 0, 1)}


def test_day_summary(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 3})
    collection.answer("Docker-0", 5, now=NOON, duration_ms=1500)  # due tomorrow
    collection.answer("Docker-1", 5, now=NOON, duration_ms=2500)
    collection.answer("Docker-1", 5, now=NOON + timedelta(days=1), duration_ms=1000)  # +6 days
    summary = collection.day_summary(now=NOON)
    assert (summary.reviewed_today, summary.seconds_today) == (2, 4.0)
    assert (summary.due_tomorrow, summary.due_next_7_days) == (1, 2)


def test_iter_records_gives_content_schedule_and_history(tmp_path):
    collection = with_cards(tmp_path, {"A": 2, "B": 1})
    collection.answer("A-1", 5, now=NOON, duration_ms=900)
    records = {r.spec.id: r for r in collection.iter_records()}
    assert set(records) == {"A-0", "A-1", "B-0"}
    studied = records["A-1"]
    assert studied.schedule.interval == 1
    assert studied.schedule.due == collection.card("A-1").due
    assert [h.quality for h in studied.history] == [5]
    assert studied.history[0].duration_ms == 900
    assert records["A-0"].schedule is None and records["A-0"].history == ()
    assert [r.spec.id for r in collection.iter_records(deck="B")] == ["B-0"]


def test_refresh_after_writing_through_the_connection(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 3})
    assert collection.counts_today(now=NOON) == (3, 0, 0)
    collection.conn.execute("UPDATE decks SET new_per_day = 1")
    collection.refresh()
    assert collection.counts_today(now=NOON) == (1, 0, 0)


def test_changes_by_another_program_are_noticed(tmp_path):
    import sqlite3

    collection = with_cards(tmp_path, {"Docker": 3})
    assert collection.counts_today(now=NOON) == (3, 0, 0)
    other = sqlite3.connect(collection.path)
    other.execute("UPDATE decks SET new_per_day = 2")
    other.commit()
    other.close()
    assert collection.counts_today(now=NOON) == (2, 0, 0)
    assert [c.total for c in collection.deck_counts(now=NOON)] == [3]
