"""Undo of answers, several steps back: card state restored, log rows removed."""

from __future__ import annotations

from datetime import timedelta

from tests.core.collection_helpers import NOON, with_cards

SCHEDULE = "SELECT repetitions, interval, easiness, due, lapses, repeat_day, repeat_since"


def state(collection, card_id):
    return collection.conn.execute(f"{SCHEDULE} FROM cards WHERE id = ?", (card_id,)).fetchone()


def review_count(collection):
    return collection.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]


def test_nothing_to_undo_on_a_fresh_collection(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    assert not collection.can_undo()
    assert collection.undo() is None


def test_undo_several_answers_in_reverse_order(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 3})
    before = {card_id: state(collection, card_id) for card_id in ("Docker-0", "Docker-1")}
    collection.answer("Docker-0", 5, now=NOON)
    collection.answer("Docker-1", 2, now=NOON + timedelta(seconds=5))
    collection.answer("Docker-0", 4, now=NOON + timedelta(days=1))
    assert review_count(collection) == 3
    assert collection.undo() == "Docker-0"
    assert collection.undo() == "Docker-1"
    assert state(collection, "Docker-1") == before["Docker-1"]
    assert review_count(collection) == 1
    assert collection.undo() == "Docker-0"
    assert state(collection, "Docker-0") == before["Docker-0"]
    assert review_count(collection) == 0
    assert not collection.can_undo()


def test_an_undone_card_is_shown_again_and_counts_go_back(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 2})
    first = collection.next_card(now=NOON)
    collection.answer(first.id, 4, now=NOON)
    assert collection.counts_today(now=NOON) == (1, 0, 0)
    collection.undo()
    assert collection.counts_today(now=NOON) == (2, 0, 0)
    assert collection.next_card(now=NOON).id == first.id


def test_undoing_a_repeat_puts_the_card_back_in_the_repeat_queue(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    collection.answer("Docker-0", 2, now=NOON)
    collection.answer("Docker-0", 5, now=NOON + timedelta(minutes=1))
    assert collection.next_card(now=NOON) is None
    collection.undo()
    assert collection.counts_today(now=NOON) == (0, 1, 0)
    assert collection.next_card(now=NOON).id == "Docker-0"
