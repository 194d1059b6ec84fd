"""Due days in the collection: the day-start hour, a timezone change and DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.core.collection import Collection
from tests.core.collection_helpers import BERLIN, batch, spec

NEW_YORK = ZoneInfo("America/New_York")


def berlin(*args, fold=0):
    return datetime(*args, tzinfo=BERLIN, fold=fold)


def collection_with_card_due_on(path, studied_at, tz=BERLIN):
    collection = Collection.open(path, tz=tz, import_builtin=False)
    collection.apply_batch(batch("a.md", [spec("card")]), now=studied_at)
    collection.answer("card", 5, now=studied_at)  # interval 1: due the next day
    return collection


def test_a_card_due_tomorrow_waits_for_the_day_start(tmp_path):
    collection = collection_with_card_due_on(tmp_path / "c", berlin(2026, 11, 27, 20, 0))
    assert collection.card("card").due == date(2026, 11, 28)
    assert collection.next_card(now=berlin(2026, 11, 27, 23, 59)) is None
    assert collection.next_card(now=berlin(2026, 11, 28, 0, 30)) is None
    assert collection.next_card(now=berlin(2026, 11, 28, 4, 0)).id == "card"


def test_with_a_midnight_day_start_it_is_not_withheld_at_half_past_midnight(tmp_path):
    collection = collection_with_card_due_on(tmp_path / "c", berlin(2026, 11, 27, 20, 0))
    collection.set_config("day_start_hour", 0)
    assert collection.next_card(now=berlin(2026, 11, 27, 23, 59)) is None
    assert collection.next_card(now=berlin(2026, 11, 28, 0, 30)).id == "card"


def test_studying_after_midnight_counts_for_the_evening_before(tmp_path):
    collection = collection_with_card_due_on(tmp_path / "c", berlin(2026, 11, 28, 1, 0))
    assert collection.card("card").due == date(2026, 11, 28)
    day = collection.conn.execute("SELECT day FROM reviews").fetchone()[0]
    assert day == "2026-11-27"


def test_after_flying_west_the_card_comes_due_at_the_new_local_day_start(tmp_path):
    path = tmp_path / "c"
    collection_with_card_due_on(path, berlin(2026, 11, 27, 9, 0)).close()
    # 04:30 UTC on the 28th: 05:30 in Berlin (new day) but 23:30 on the 27th in New York.
    instant = datetime(2026, 11, 28, 4, 30, tzinfo=UTC)
    with Collection.open(path, tz=BERLIN) as at_home:
        assert at_home.next_card(now=instant).id == "card"
    with Collection.open(path, tz=NEW_YORK) as abroad:
        assert abroad.next_card(now=instant) is None
        assert abroad.next_card(now=datetime(2026, 11, 28, 4, 0, tzinfo=NEW_YORK)).id == "card"


def test_spring_forward_keeps_the_four_o_clock_boundary(tmp_path):
    collection = collection_with_card_due_on(tmp_path / "c", berlin(2026, 3, 28, 12, 0))
    assert collection.card("card").due == date(2026, 3, 29)
    assert collection.next_card(now=berlin(2026, 3, 29, 3, 59)) is None
    assert collection.next_card(now=berlin(2026, 3, 29, 4, 0)).id == "card"


def test_fall_back_keeps_the_four_o_clock_boundary(tmp_path):
    collection = collection_with_card_due_on(tmp_path / "c", berlin(2026, 10, 24, 12, 0))
    assert collection.card("card").due == date(2026, 10, 25)
    # 02:30 happens twice this night; both times it is still the 24th's session.
    assert collection.next_card(now=berlin(2026, 10, 25, 2, 30, fold=0)) is None
    assert collection.next_card(now=berlin(2026, 10, 25, 2, 30, fold=1)) is None
    assert collection.next_card(now=berlin(2026, 10, 25, 3, 59)) is None
    assert collection.next_card(now=berlin(2026, 10, 25, 4, 0)).id == "card"
