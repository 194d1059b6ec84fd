"""An answer starts from the card as it is when answered, even if it changed after it was shown
(another program studied it, or a write went through the connection without `refresh()`)."""

from __future__ import annotations

import sqlite3

from tests.core.collection_helpers import NOON, with_cards


def test_answer_uses_the_state_another_program_gave_the_card_after_it_was_shown(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 2})
    card = collection.next_card(now=NOON)
    assert card is not None and card.repetitions == 0
    other = sqlite3.connect(collection.path)
    other.execute(
        "UPDATE cards SET repetitions = 2, interval = 6, due = '2026-11-27' WHERE id = ?",
        (card.id,),
    )
    other.commit()
    other.close()
    collection.answer(card.id, 5, now=NOON)
    answered = collection.card(card.id)
    assert (answered.repetitions, answered.interval) == (3, 15)
    (log,) = collection.history(card.id)
    assert (log.interval_before, log.interval_after) == (6, 15)


def test_answer_after_a_write_on_the_same_connection_without_refresh(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    card = collection.next_card(now=NOON)
    assert card is not None
    collection.conn.execute(
        "UPDATE cards SET interval = 6, repetitions = 2 WHERE id = ?", (card.id,)
    )
    collection.answer(card.id, 4, now=NOON)
    assert collection.card(card.id).interval == 15
    assert collection.undo() == card.id
    restored = collection.card(card.id)
    assert (restored.repetitions, restored.interval) == (2, 6)
    assert collection.history(card.id) == []


def test_answering_a_card_other_than_the_one_shown(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 2})
    shown = collection.next_card(now=NOON)
    assert shown is not None and shown.id == "Docker-0"
    collection.answer("Docker-1", 5, now=NOON)
    assert collection.card("Docker-1").interval == 1
    assert collection.card("Docker-0").is_new
    collection.answer("Docker-0", 5, now=NOON)
    assert [h.quality for h in collection.history("Docker-0")] == [5]
