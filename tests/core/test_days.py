"""What "today" is: local date, day-start hour, timezone changes and both DST changes."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.days import day_start, local_day

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


def berlin(*args, fold=0):
    return datetime(*args, tzinfo=BERLIN, fold=fold)


def test_day_starts_at_four_by_default():
    assert local_day(berlin(2026, 11, 27, 3, 59), tz=BERLIN) == date(2026, 11, 26)
    assert local_day(berlin(2026, 11, 27, 4, 0), tz=BERLIN) == date(2026, 11, 27)
    assert local_day(berlin(2026, 11, 27, 23, 59), tz=BERLIN) == date(2026, 11, 27)
    assert local_day(berlin(2026, 11, 28, 0, 30), tz=BERLIN) == date(2026, 11, 27)


def test_day_start_hour_zero_is_midnight():
    assert local_day(berlin(2026, 11, 28, 0, 30), 0, tz=BERLIN) == date(2026, 11, 28)
    assert local_day(berlin(2026, 11, 27, 23, 59), 0, tz=BERLIN) == date(2026, 11, 27)


def test_the_instant_is_read_in_the_given_zone_not_its_own():
    instant = datetime(2026, 11, 28, 4, 30, tzinfo=UTC)  # 05:30 Berlin, 23:30 New York
    assert local_day(instant, tz=BERLIN) == date(2026, 11, 28)
    assert local_day(instant, tz=NEW_YORK) == date(2026, 11, 27)
    assert local_day(instant, tz=TOKYO) == date(2026, 11, 28)


def test_travelling_west_repeats_no_day_and_skips_none():
    # Reviews every hour while flying Berlin -> New York: days never go backwards by more
    # than the zone change allows and every day reached is a real calendar day.
    moment = datetime(2026, 11, 27, 9, tzinfo=UTC)
    seen = [local_day(moment + timedelta(hours=h), tz=BERLIN) for h in range(0, 6)]
    seen += [local_day(moment + timedelta(hours=h), tz=NEW_YORK) for h in range(6, 30)]
    assert seen[0] == date(2026, 11, 27)
    assert seen[-1] == date(2026, 11, 28)
    assert set(seen) == {date(2026, 11, 27), date(2026, 11, 28)}


def test_spring_forward_day_is_23_hours_and_boundary_stays_at_four():
    # Berlin skips 02:00-03:00 on 2026-03-29.
    assert local_day(berlin(2026, 3, 29, 3, 30), tz=BERLIN) == date(2026, 3, 28)
    assert local_day(berlin(2026, 3, 29, 4, 0), tz=BERLIN) == date(2026, 3, 29)
    start = day_start(date(2026, 3, 28), tz=BERLIN).astimezone(UTC)
    end = day_start(date(2026, 3, 29), tz=BERLIN).astimezone(UTC)
    assert end - start == timedelta(hours=23)
    assert local_day(end - timedelta(seconds=1), tz=BERLIN) == date(2026, 3, 28)
    assert local_day(end, tz=BERLIN) == date(2026, 3, 29)


def test_fall_back_day_is_25_hours_and_repeated_hour_stays_in_one_day():
    # Berlin repeats 02:00-03:00 on 2026-10-25.
    first = berlin(2026, 10, 25, 2, 30, fold=0)
    second = berlin(2026, 10, 25, 2, 30, fold=1)
    assert first.astimezone(UTC) != second.astimezone(UTC)
    assert local_day(first, tz=BERLIN) == local_day(second, tz=BERLIN) == date(2026, 10, 24)
    start = day_start(date(2026, 10, 24), tz=BERLIN).astimezone(UTC)
    end = day_start(date(2026, 10, 25), tz=BERLIN).astimezone(UTC)
    assert end - start == timedelta(hours=25)
    assert local_day(end, tz=BERLIN) == date(2026, 10, 25)


def test_new_york_dst_changes_too():
    assert local_day(datetime(2026, 3, 8, 3, 59, tzinfo=NEW_YORK), tz=NEW_YORK) == date(2026, 3, 7)
    assert local_day(datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NEW_YORK), tz=NEW_YORK) == date(
        2026, 10, 31
    )


def test_without_a_zone_the_machine_zone_is_used(monkeypatch):
    instant = datetime(2026, 11, 28, 4, 30, tzinfo=UTC)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert local_day(instant) == date(2026, 11, 27)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        local_day(datetime(2026, 11, 27, 12))


@pytest.mark.parametrize("hour", [-1, 24, 4.5, True])
def test_bad_day_start_hour_is_refused(hour):
    with pytest.raises(ValueError, match="day start hour"):
        local_day(datetime(2026, 11, 27, tzinfo=UTC), hour)
