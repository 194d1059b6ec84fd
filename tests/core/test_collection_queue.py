"""The review queue: order, same-day repeats, daily limits with sub-decks, bury and suspend."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.core.errors import CollectionError
from app.core.model import CardRecord, ImportBatch, Schedule
from tests.core.collection_helpers import NOON, open_empty, spec, study_all, with_cards


def scheduled(card_id, due, deck="Docker", interval=6):
    schedule = Schedule(repetitions=2, interval=interval, easiness=Decimal("2.5"), due=due)
    return CardRecord(spec=spec(card_id, deck=deck), schedule=schedule)


@pytest.fixture
def mixed(tmp_path):
    """Three due reviews, one not yet due and three new cards (today is 2026-11-27)."""
    collection = open_empty(tmp_path)
    cards = [
        scheduled("r1", date(2026, 11, 25)),
        scheduled("r2", date(2026, 11, 20)),
        scheduled("r3", date(2026, 11, 27)),
        scheduled("later", date(2026, 11, 28)),
        CardRecord(spec=spec("n1")),
        CardRecord(spec=spec("n2")),
        CardRecord(spec=spec("n3")),
    ]
    collection.apply_batch(ImportBatch(source="mixed.md", cards=cards), now=NOON)
    yield collection
    collection.close()


def answer_next(collection, quality, now=NOON):
    card = collection.next_card(now=now)
    assert card is not None
    collection.answer(card.id, quality, now=now)
    return card.id


def test_reviews_most_overdue_first_then_new_in_deck_order_then_repeats(mixed):
    minutes = iter(range(100))

    def answer(quality):
        return answer_next(mixed, quality, NOON + timedelta(minutes=next(minutes)))

    shown = [answer(q) for q in (4, 2, 4, 4, 2, 4)]
    assert shown == ["r2", "r1", "r3", "n1", "n2", "n3"]
    # The failed cards come back in the order they were failed, until graded 4 or 5.
    assert answer(3) == "r1"
    assert answer(5) == "n2"
    assert answer(4) == "r1"
    assert mixed.next_card(now=NOON + timedelta(hours=1)) is None


def test_repeats_are_logged_but_keep_interval_and_easiness(mixed):
    answer_next(mixed, 5)  # r2
    answer_next(mixed, 1)  # r1 fails
    failed = mixed.card("r1")
    assert (failed.interval, failed.repetitions, failed.lapses) == (1, 0, 1)
    while (card := mixed.next_card(now=NOON)).id != "r1":
        mixed.answer(card.id, 4, now=NOON)
    mixed.answer("r1", 2, now=NOON)
    mixed.answer("r1", 4, now=NOON)
    after = mixed.card("r1")
    assert (after.interval, after.easiness, after.due) == (1, failed.easiness, failed.due)
    kinds = mixed.conn.execute(
        "SELECT kind, quality FROM reviews WHERE card_id = 'r1' ORDER BY id"
    ).fetchall()
    assert kinds == [("review", 1), ("repeat", 2), ("repeat", 4)]
    assert after.repeat_day is None


def test_first_answer_of_a_new_card_is_logged_as_new(mixed):
    study_all(mixed, NOON)
    kinds = dict(mixed.conn.execute("SELECT card_id, kind FROM reviews").fetchall())
    assert kinds == {"r1": "review", "r2": "review", "r3": "review", "n1": "new", "n2": "new",
                     "n3": "new"}  # fmt: skip


def test_answer_schedules_from_todays_local_day(mixed):
    answer_next(mixed, 5)  # r2: repetitions 2, interval 6 -> ceil(6 x 2.5) = 15 days
    card = mixed.card("r2")
    assert card.interval == 15
    assert card.due == date(2026, 11, 27) + timedelta(days=15)


def test_new_cards_stop_at_the_daily_limit_and_resume_next_day(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 25})
    assert len(study_all(collection, NOON)) == 20
    tomorrow = NOON + timedelta(days=1)
    shown = study_all(collection, tomorrow)
    # 20 reviews of yesterday's cards, then the last 5 new cards.
    assert shown[-5:] == [f"Docker-{n}" for n in range(20, 25)]
    assert len(shown) == 25


def test_deck_limits_are_configurable(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 10})
    collection.set_deck_limits("Docker", 3, 200)
    assert collection.deck_limits("Docker") == (3, 200)
    assert study_all(collection, NOON) == ["Docker-0", "Docker-1", "Docker-2"]


def test_sub_decks_count_toward_their_parent(tmp_path):
    collection = with_cards(tmp_path, {"Lang::French": 10, "Lang::German": 10})
    collection.set_deck_limits("Lang", 5, 200)
    assert collection.counts_today("Lang", now=NOON) == (5, 0, 0)
    assert collection.counts_today("Lang::German", now=NOON) == (5, 0, 0)
    collection.answer("Lang::German-0", 4, now=NOON)
    assert collection.counts_today("Lang", now=NOON) == (4, 0, 0)
    # The parent's allowance applies when only a sub-deck is studied, too.
    assert len(study_all(collection, NOON, deck="Lang::French")) == 4
    assert collection.counts_today("Lang::German", now=NOON) == (0, 0, 0)
    assert collection.next_card(deck="Lang", now=NOON) is None


def test_a_sub_deck_limit_caps_only_that_sub_deck(tmp_path):
    collection = with_cards(tmp_path, {"Lang::French": 10, "Lang::German": 10})
    collection.set_deck_limits("Lang::French", 2, 200)
    shown = study_all(collection, NOON, deck="Lang")
    assert len(shown) == 12
    assert sum(card_id.startswith("Lang::French") for card_id in shown) == 2


def test_review_limit_counts_reviews_not_repeats(tmp_path):
    collection = open_empty(tmp_path)
    cards = [scheduled(f"r{n}", date(2026, 11, 20) + timedelta(days=n % 5)) for n in range(6)]
    collection.apply_batch(ImportBatch(source="r.md", cards=cards), now=NOON)
    collection.set_deck_limits("Docker", 20, 4)
    assert collection.counts_today(now=NOON) == (0, 0, 4)
    first = collection.next_card(now=NOON)
    collection.answer(first.id, 2, now=NOON)
    assert collection.counts_today(now=NOON) == (0, 1, 3)
    shown = study_all(collection, NOON)
    assert len(shown) == 4  # three more reviews, then the one repeat
    assert shown[-1] == first.id


def test_counts_match_what_the_queue_shows(tmp_path):
    collection = with_cards(tmp_path, {"A": 8, "A::B": 30, "C": 3})
    expected_new = collection.counts_today(now=NOON)[0]
    assert expected_new == 20 + 3
    assert len(study_all(collection, NOON)) == expected_new
    assert collection.counts_today(now=NOON) == (0, 0, 0)


def test_bury_hides_a_card_until_tomorrow(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 2})
    collection.bury("Docker-0", now=NOON)
    assert collection.card("Docker-0").buried_until == date(2026, 11, 28)
    assert study_all(collection, NOON) == ["Docker-1"]
    # Tomorrow it is back: after the due review, as the new card it still is.
    assert study_all(collection, NOON + timedelta(days=1)) == ["Docker-1", "Docker-0"]


def test_suspended_cards_are_not_shown_until_unsuspended(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 2})
    collection.suspend("Docker-0")
    assert collection.card("Docker-0").suspended
    assert collection.counts_today(now=NOON) == (1, 0, 0)
    assert study_all(collection, NOON) == ["Docker-1"]
    collection.unsuspend("Docker-0")
    assert collection.next_card(now=NOON).id == "Docker-0"


def test_unknown_deck_or_card_is_a_clear_error(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    with pytest.raises(CollectionError, match="Nope"):
        collection.next_card(deck="Nope", now=NOON)
    with pytest.raises(CollectionError, match="missing"):
        collection.answer("missing", 4, now=NOON)
    with pytest.raises(CollectionError, match="missing"):
        collection.suspend("missing")


def test_answer_refuses_a_bad_quality_and_writes_nothing(tmp_path):
    collection = with_cards(tmp_path, {"Docker": 1})
    with pytest.raises(ValueError, match="quality"):
        collection.answer("Docker-0", 6, now=NOON)
    assert collection.conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert collection.card("Docker-0").is_new


def test_one_deck_alone_shows_its_own_reviews_most_overdue_first(tmp_path):
    collection = open_empty(tmp_path)
    cards = [
        scheduled("other-old", date(2026, 11, 1), deck="Other"),
        scheduled("mine-late", date(2026, 11, 26), deck="Mine"),
        scheduled("mine-early", date(2026, 11, 10), deck="Mine"),
        CardRecord(spec=spec("mine-new", deck="Mine")),
        CardRecord(spec=spec("other-new", deck="Other")),
    ]
    collection.apply_batch(ImportBatch(source="two.md", cards=cards), now=NOON)
    assert study_all(collection, NOON, deck="Mine") == ["mine-early", "mine-late", "mine-new"]
    assert study_all(collection, NOON) == ["other-old", "other-new"]
