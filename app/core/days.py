"""Calendar days for scheduling: which day it is "today" for the person reviewing.

Design note. Due dates are stored as local calendar days ('YYYY-MM-DD'), never as instants.
A day starts at the day-start hour (default 04:00, as in Anki) of local wall-clock time, so a
review at 00:30 still belongs to the evening's session and a card due tomorrow appears only once
the night is over. Because the boundary is a wall-clock time, daylight saving changes (which
happen between 01:00 and 03:00 in the zones that have them) never move it: the day simply lasts
23 or 25 hours. When the person travels, "today" follows the machine's current timezone; a card
keeps its due day, so it comes due at the local day start wherever they are. The moment passed
in is always an aware datetime (UTC from the clock); `tz=None` means the machine's own zone.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo

DEFAULT_DAY_START_HOUR = 4
_ONE_DAY = timedelta(days=1)


def check_day_start_hour(hour: int) -> int:
    """The hour itself when it is an integer 0-23; anything else raises ValueError."""
    if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 23:
        raise ValueError(f"day start hour must be an integer from 0 to 23, not {hour!r}")
    return hour


def utc_offset(moment: datetime) -> timedelta:
    """`moment`'s offset from UTC; a naive datetime (no offset) raises ValueError."""
    offset = moment.utcoffset()  # None for a naive datetime, or a zone that gives none
    if offset is None:
        raise ValueError("an aware datetime is needed (one with a timezone)")
    return offset


def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """`moment` as wall-clock time in `tz` (the machine's zone when None)."""
    utc_offset(moment)
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def local_day(
    moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None
) -> date:
    """The scheduling day `moment` belongs to: its local date, shifted back by the day start."""
    if tz is None:
        utc_offset(moment)
        # The machine's wall-clock time, as `astimezone()` reads it (through localtime), without
        # building the fixed-offset zone it attaches: the collection asks twice per answer.
        wall = time.localtime(moment.timestamp())
        day, hour = date(wall.tm_year, wall.tm_mon, wall.tm_mday), wall.tm_hour
    else:
        local = to_local(moment, tz)
        day, hour = local.date(), local.hour
    # Before the day-start hour the wall-clock time still belongs to the day before.
    return day - _ONE_DAY if hour < check_day_start_hour(day_start_hour) else day


def day_start(
    day: date, day_start_hour: int = DEFAULT_DAY_START_HOUR, tz: tzinfo | None = None
) -> datetime:
    """The aware moment at which scheduling day `day` begins in `tz`."""
    wall = datetime(day.year, day.month, day.day, check_day_start_hour(day_start_hour))
    if tz is None:
        return wall.astimezone()
    return wall.replace(tzinfo=tz)


def format_day(day: date) -> str:
    """The stored form of a day: 'YYYY-MM-DD'."""
    # Every answer writes a few days (today, the due day, the stamp's), and isoformat() is
    # slow next to a dictionary lookup; the days in use are few, so the cache stays small.
    text = _DAY_TEXTS.get(day)
    if text is None:
        text = day.isoformat()
        if len(_DAY_TEXTS) >= _DAY_TEXTS_KEPT:
            _DAY_TEXTS.clear()
        _DAY_TEXTS[day] = text
    return text


_DAY_TEXTS: dict[date, str] = {}
_DAY_TEXTS_KEPT = 4096


def parse_day(text: str) -> date:
    """A stored day back as a `date`."""
    return date.fromisoformat(text)


def add_days(day: date, days: int) -> date:
    """The day `days` after `day`."""
    return day + timedelta(days=days)
