"""Merging import batches: add, update keeping history, leave alone, suspend; media; errors."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from app.core import merge
from app.core.errors import InputError
from app.core.model import CardRecord, CardSpec, ImportBatch, ReviewRecord, Schedule
from tests.core.collection_helpers import NOON, batch, open_empty, spec


def card_count(collection):
    return collection.conn.execute("SELECT count(*) FROM cards").fetchone()[0]


def test_new_cards_are_added_with_their_decks(tmp_path):
    collection = open_empty(tmp_path)
    result = collection.apply_batch(
        batch("a.md", [spec("one", "Lang::French"), spec("two", "Lang")]), now=NOON
    )
    assert result.added == ["one", "two"]
    assert collection.deck_names() == ["Lang", "Lang::French"]
    card = collection.card("one")
    assert (card.deck, card.question, card.source) == ("Lang::French", "What is one?", "a.md")
    assert card.is_new


def test_reimporting_the_same_cards_changes_nothing(tmp_path):
    collection = open_empty(tmp_path)
    collection.apply_batch(batch("a.md", [spec("one"), spec("two")]), now=NOON)
    result = collection.apply_batch(batch("a.md", [spec("one"), spec("two")]), now=NOON)
    assert (result.added, result.updated, result.unchanged) == ([], [], ["one", "two"])


def test_changed_cards_are_updated_keeping_schedule_and_history(tmp_path):
    collection = open_empty(tmp_path)
    collection.apply_batch(batch("a.md", [spec("one")]), now=NOON)
    collection.answer("one", 5, now=NOON)
    studied = collection.card("one")
    edited = spec("one", question="What is one, really?")
    result = collection.apply_batch(batch("a.md", [edited]), now=NOON + timedelta(days=1))
    assert result.updated == ["one"]
    card = collection.card("one")
    assert card.question == "What is one, really?"
    assert (card.interval, card.due, card.easiness) == (
        studied.interval,
        studied.due,
        studied.easiness,
    )
    assert len(collection.history("one")) == 1
    assert card.modified_at > studied.modified_at


def test_cards_gone_from_their_source_are_suspended_not_deleted(tmp_path):
    collection = open_empty(tmp_path)
    collection.apply_batch(batch("a.md", [spec("one"), spec("two")]), now=NOON)
    collection.apply_batch(batch("b.md", [spec("other")]), now=NOON)
    collection.answer("two", 4, now=NOON)
    result = collection.apply_batch(batch("a.md", [spec("one")]), now=NOON)
    assert result.suspended == ["two"]
    assert collection.card("two").suspended
    assert not collection.card("other").suspended
    assert card_count(collection) == 3
    assert len(collection.history("two")) == 1


def test_scheduling_and_history_come_in_with_new_cards(tmp_path):
    collection = open_empty(tmp_path)
    reviewed = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
    record = CardRecord(
        spec=spec("old"),
        schedule=Schedule(
            repetitions=1, interval=1, easiness=Decimal("2.6"), due=date(2026, 11, 2)
        ),
        history=(
            ReviewRecord(reviewed, 5, 0, 1, Decimal("2.5"), Decimal("2.6"), duration_ms=4200),
        ),
    )
    collection.apply_batch(ImportBatch(source="a.apkg", cards=[record]), now=NOON)
    card = collection.card("old")
    assert (card.repetitions, card.interval, card.easiness, card.due) == (
        1,
        1,
        Decimal("2.6"),
        date(2026, 11, 2),
    )
    assert collection.history("old") == list(record.history)
    day = collection.conn.execute("SELECT day, kind FROM reviews").fetchone()
    assert day == ("2026-11-01", "new")


def test_duplicate_ids_in_one_batch_keep_the_first(tmp_path):
    collection = open_empty(tmp_path)
    result = collection.apply_batch(
        batch("a.md", [spec("one"), spec("one", question="again?")]), now=NOON
    )
    assert result.added == ["one"]
    assert "one" in result.skipped[0]
    assert collection.card("one").question == "What is one?"


def test_a_bad_deck_name_writes_nothing(tmp_path):
    collection = open_empty(tmp_path)
    with pytest.raises(InputError, match="card 'two'"):
        collection.apply_batch(batch("a.md", [spec("one"), spec("two", "Lang::")]), now=NOON)
    assert card_count(collection) == 0
    assert collection.deck_names() == []


def test_media_files_are_written_into_the_media_folder(tmp_path):
    collection = open_empty(tmp_path)
    card = spec("pic", question='<img src="whale.png">')
    result = collection.apply_batch(batch("a.apkg", [card], media={"whale.png": b"PNG1"}), now=NOON)
    assert result.media == ["whale.png"]
    assert (collection.media_dir / "whale.png").read_bytes() == b"PNG1"


def test_a_different_file_with_the_same_name_is_kept_and_the_new_one_renamed(tmp_path):
    collection = open_empty(tmp_path)
    collection.apply_batch(batch("a.apkg", [], media={"whale.png": b"OLD"}), now=NOON)
    card = spec("pic", question='<img src="whale.png"> and ![w](whale.png)')
    collection.apply_batch(batch("b.apkg", [card], media={"whale.png": b"NEW"}), now=NOON)
    assert (collection.media_dir / "whale.png").read_bytes() == b"OLD"
    question = collection.card("pic").question
    renamed = question.split('"')[1]
    assert renamed != "whale.png"
    assert f"({renamed})" in question
    assert (collection.media_dir / renamed).read_bytes() == b"NEW"


@pytest.mark.parametrize("name", ["../evil.png", "a/b.png", "", "/etc/passwd"])
def test_unsafe_media_names_write_nothing(tmp_path, name):
    collection = open_empty(tmp_path)
    with pytest.raises(InputError):
        collection.apply_batch(
            batch("a.apkg", [spec("one")], media={"fine.png": b"x", name: b"y"}), now=NOON
        )
    assert card_count(collection) == 0
    assert not collection.media_dir.exists() or not any(collection.media_dir.iterdir())


def test_media_is_removed_again_when_the_transaction_fails(tmp_path, monkeypatch):
    collection = open_empty(tmp_path)

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(merge, "_suspend_missing", broken)
    with pytest.raises(OSError):
        collection.apply_batch(batch("a.apkg", [spec("one")], media={"a.png": b"x"}), now=NOON)
    assert card_count(collection) == 0
    assert not (collection.media_dir / "a.png").exists()


def test_skipped_items_of_the_reader_are_reported(tmp_path):
    collection = open_empty(tmp_path)
    result = collection.apply_batch(
        batch("a.csv", [spec("one")], skipped=["row 3: no answer"]), now=NOON
    )
    assert result.skipped == ["row 3: no answer"]


def test_new_cards_keep_the_batch_order_as_deck_order(tmp_path):
    collection = open_empty(tmp_path)
    ids = ["zeta", "alpha", "mid"]
    collection.apply_batch(batch("a.md", [spec(i) for i in ids]), now=NOON)
    collection.apply_batch(batch("b.md", [CardSpec("later", "Docker", "q", "a")]), now=NOON)
    shown = []
    while (card := collection.next_card(now=NOON)) is not None:
        shown.append(card.id)
        collection.answer(card.id, 5, now=NOON)
    assert shown == [*ids, "later"]


DECK = """---
deck: Shell
---

<!-- id: ls -->
Q: List files?
A: `ls`

<!-- id: pwd -->
Q: Where am I?
A: `pwd`
"""


def test_import_file_reads_a_deck_and_a_changed_copy_merges(tmp_path):
    collection = open_empty(tmp_path)
    deck = tmp_path / "shell.deck.md"
    deck.write_text(DECK, encoding="utf-8")
    first = collection.import_file(deck, now=NOON)
    assert sorted(first.added) == ["ls", "pwd"]
    collection.answer("ls", 4, now=NOON)
    deck.write_text(
        DECK.replace("A: `ls`", "A: `ls -la`").split("<!-- id: pwd -->")[0], encoding="utf-8"
    )
    second = collection.import_file(deck, now=NOON)
    assert (second.updated, second.suspended) == (["ls"], ["pwd"])
    card = collection.card("ls")
    assert card.answer == "`ls -la`" and card.interval == 1
    assert collection.card("pwd").suspended


def test_import_file_with_an_unreadable_file_writes_nothing(tmp_path):
    collection = open_empty(tmp_path)
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.md"):
        collection.import_file(bad, now=NOON)
    assert card_count(collection) == 0
