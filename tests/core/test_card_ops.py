"""Browser card operations: add, reset, delete and undo, move, tag, suspend; edits vs re-import."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.core import card_ops
from app.core.errors import InputError
from app.core.model import CardRecord, CardSpec, ImportBatch
from app.core.search import search_collection
from tests.core.sample_collection import NOW, make_sample, open_empty


@pytest.fixture
def sample(tmp_path):
    collection, ids = make_sample(tmp_path)
    yield collection, ids
    collection.close()


def test_added_card_is_new_last_in_order_and_in_a_created_deck(tmp_path):
    with open_empty(tmp_path) as collection:
        first = card_ops.add_card(collection, deck="A", question="q1", answer="a1", now=NOW)
        second = card_ops.add_card(
            collection, deck="语言::中文", question="你好", answer="hello", tags=["greet  zh", "zh"]
        )
        card = collection.card(second)
        assert card.is_new and card.deck == "语言::中文" and card.tags == ("greet", "zh")
        assert card.position > collection.card(first).position
        assert "语言" in collection.deck_names()  # the parent deck exists too
        assert collection.next_card(deck="A", now=NOW).id == first


@pytest.mark.parametrize(
    ("deck", "question", "answer", "where"),
    [
        ("", "q", "a", "deck"),
        ("A::", "q", "a", "deck"),
        ("A", " ", "a", "question"),
        ("A", "q", "\n", "answer"),
    ],
)
def test_adding_an_incomplete_card_is_refused_and_writes_nothing(
    tmp_path, deck, question, answer, where
):
    with open_empty(tmp_path) as collection:
        with pytest.raises(InputError) as caught:
            card_ops.add_card(collection, deck=deck, question=question, answer=answer)
        assert caught.value.where == where
        assert collection.db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 0


def test_reset_to_new_forgets_scheduling_but_keeps_history(sample):
    collection, ids = sample
    assert card_ops.reset_to_new(collection, [ids["bridge"]], now=NOW) == 1
    card = collection.card(ids["bridge"])
    assert card.is_new and card.interval == 0 and card.repetitions == 0
    assert len(collection.history(ids["bridge"])) == 3
    assert ids["bridge"] in search_collection(collection, "is:new", now=NOW)


def test_delete_then_restore_brings_back_card_and_reviews(sample):
    collection, ids = sample
    before = collection.card(ids["bridge"])
    history = collection.history(ids["bridge"])
    deleted = card_ops.delete_cards(collection, [ids["bridge"], ids["run"]])
    assert deleted.count == 2
    assert search_collection(collection, "docker", now=NOW) == []
    card_ops.restore_cards(collection, deleted)
    assert collection.card(ids["bridge"]) == before
    assert collection.history(ids["bridge"]) == history


def test_undoing_an_answer_of_a_deleted_card_does_not_fail(sample):
    collection, ids = sample
    collection.answer(ids["run"], 4, now=NOW)
    card_ops.delete_cards(collection, [ids["run"]])
    assert collection.undo() != ids["run"]


def test_bulk_move_tag_and_suspend(sample):
    collection, ids = sample
    chosen = [ids["run"], ids["bridge"]]
    assert card_ops.move_to_deck(collection, chosen, "归档::旧", now=NOW) == 2
    assert {collection.card(i).deck for i in chosen} == {"归档::旧"}
    assert set(search_collection(collection, "deck:归档", now=NOW)) == set(chosen)
    assert card_ops.add_tags(collection, chosen, ["review-later cli"], now=NOW) == 2
    assert collection.card(ids["run"]).tags == ("cli", "review-later")
    assert card_ops.remove_tags(collection, chosen, ["cli", "absent"], now=NOW) == 2
    assert collection.card(ids["run"]).tags == ("review-later",)
    assert card_ops.set_suspended(collection, chosen, True) == 2
    assert set(search_collection(collection, "is:suspended", now=NOW)) >= set(chosen)
    assert collection.next_card(deck="归档", now=NOW) is None


def test_rows_show_what_the_table_needs(sample):
    collection, ids = sample
    rows = card_ops.card_rows(collection.db, [ids["bridge"], "gone", ids["later"]], NOW.date())
    assert [row.id for row in rows] == [ids["bridge"], ids["later"]]
    bridge, later = rows
    assert (bridge.deck, bridge.interval, bridge.easiness, bridge.reviews) == (
        "Docker::网络",
        16,
        2600,
        3,
    )
    assert bridge.state == "review" and later.state == "suspended"


def _batch(answer: str) -> ImportBatch:
    spec = CardSpec(id="notes-1", deck="Notes", question="What is a layer?", answer=answer)
    return ImportBatch(source="notes.txt", cards=[CardRecord(spec)])


def test_browser_edit_survives_reimport_until_the_file_changes_that_card(tmp_path):
    with open_empty(tmp_path) as collection:
        collection.apply_batch(_batch("A read-only filesystem diff."), now=NOW)
        collection.update_card("notes-1", answer="My own better answer.", now=NOW)
        # Same file again: the card's text in the file did not change, so the edit stays.
        collection.apply_batch(_batch("A read-only filesystem diff."), now=NOW + timedelta(days=1))
        assert collection.card("notes-1").answer == "My own better answer."
        # The file's own text for the card changed: the file wins.
        collection.apply_batch(_batch("An image layer."), now=NOW + timedelta(days=2))
        assert collection.card("notes-1").answer == "An image layer."
