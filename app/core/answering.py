"""Recording one answer: the SM-2 step, the same-day repeat rule and the two writes, as one
transaction. The collection keeps the undo list and its cached counts around this."""

from __future__ import annotations

import operator
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from operator import itemgetter
from typing import Any

from app.core import days
from app.core.errors import CollectionError
from app.core.sm2 import REPEAT_BELOW_QUALITY, review_milli
from app.core.store import SCHEDULE_COLUMNS, transaction, utc_stamp

_SELECT = f"SELECT rowid, deck_id, {', '.join(SCHEDULE_COLUMNS)} FROM cards WHERE id = ?"


@dataclass(frozen=True, slots=True)
class RecordedAnswer:
    """What one answer did: its log row, the card's deck and schedule before, and its kind."""

    review_id: int
    card_id: str
    deck_id: int
    snapshot: tuple[Any, ...]  # SCHEDULE_COLUMNS before the answer, for undo
    kind: str  # 'new' | 'review' | 'repeat'
    day: str


class _Changed(Exception):
    """The card is no longer as it was shown: answer it from a fresh read instead."""


def record_answer(
    conn: sqlite3.Connection,
    card_id: str,
    quality: int,
    *,
    moment: datetime,
    today: date,
    duration_ms: int | None,
    shown: tuple[int, int, tuple[Any, ...]] | None = None,
) -> RecordedAnswer:
    """Log the answer and reschedule the card in one transaction (quality already checked).

    `shown` is (rowid, deck id, SCHEDULE_COLUMNS) as the card was read when it was shown: the
    answer is then computed from it without reading the card again, and written only if the
    card is still exactly so (otherwise it is read afresh and answered from that).
    """
    if shown is not None:
        try:
            return _write(conn, card_id, quality, shown, moment, today, duration_ms, True)
        except _Changed:
            pass
    row = conn.execute(_SELECT, (card_id,)).fetchone()
    if row is None:
        raise CollectionError(f"no card with id {card_id!r}")
    read = (row[0], row[1], tuple(row[2:]))
    return _write(conn, card_id, quality, read, moment, today, duration_ms, False)


_IS_NONE = partial(operator.is_, None)


class _Statement:
    """A statement some of whose values may be None, with those spelled NULL in its text.

    The sqlite3 module binds a None only after failing to find an adapter for it, which raises
    and discards an AttributeError: about a microsecond per value, and an answer has four to
    six. So each pattern of missing values gets a text of its own (a handful ever occur)."""

    __slots__ = ("_pieces", "_texts")

    def __init__(self, *pieces: tuple[str, str]) -> None:
        # One piece per value: its text with a placeholder, and its text for NULL.
        self._pieces = pieces
        self._texts: dict[tuple[bool, ...], tuple[str, Callable[[Any], Any]]] = {}

    def __call__(self, values: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        """The SQL and the parameters for these values (None among them or not)."""
        nulls = tuple(map(_IS_NONE, values))
        found = self._texts.get(nulls)
        if found is None:
            sql = "".join(
                p[1] if null else p[0] for p, null in zip(self._pieces, nulls, strict=True)
            )
            bound = [index for index, null in enumerate(nulls) if not null]
            pick = itemgetter(*bound) if len(bound) > 1 else lambda v: tuple(v[i] for i in bound)
            found = self._texts[nulls] = (sql, pick)
        return found[0], found[1](values)


def _piece(text: str) -> tuple[str, str]:
    return text, text.replace("?", "NULL")


# The answer's new schedule, by rowid: repetitions, interval, easiness, due, lapses, repeat_day,
# repeat_since, rowid (buried_until is cleared).
_SET = (
    _piece("UPDATE cards SET repetitions = ?"),
    _piece(", interval = ?"),
    _piece(", easiness = ?"),
    _piece(", due = ?"),
    _piece(", lapses = ?"),
    _piece(", buried_until = NULL, repeat_day = ?"),
    _piece(", repeat_since = ?"),
    _piece(" WHERE rowid = ?"),
)
_UPDATE = _Statement(*_SET)
# The same, only if the card is still as it was shown: then also id, deck id and SCHEDULE_COLUMNS
# as shown (IS: NULL-safe equality).
_UPDATE_IF_UNCHANGED = _Statement(
    *_SET,
    _piece(" AND id = ?"),
    _piece(" AND deck_id = ?"),
    *(_piece(f" AND {column} IS ?") for column in SCHEDULE_COLUMNS),
)
_INSERT = _Statement(
    _piece(
        "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
        " interval_after, easiness_before, easiness_after, duration_ms) VALUES (?"
    ),
    *(_piece(", ?") for _ in range(8)),
    _piece(", ?)"),
)


def _write(
    conn: sqlite3.Connection,
    card_id: str,
    quality: int,
    card: tuple[int, int, tuple[Any, ...]],
    moment: datetime,
    today: date,
    duration_ms: int | None,
    guarded: bool,
) -> RecordedAnswer:
    rowid, deck_id, snapshot = card
    repetitions, interval, easiness, due, lapses, _, repeat_day, _ = snapshot
    today_text = days.format_day(today)
    if repeat_day == today_text:
        # SM-2's same-day repeat: logged, but interval and easiness stay as they are.
        kind, new_due = "repeat", due
        after = (repetitions, interval, easiness)
    else:
        kind = "new" if due is None else "review"
        after = review_milli(repetitions, interval, easiness, quality)
        new_due = days.format_day(days.add_days(today, after[1]))
        if kind == "review" and quality < 3:
            lapses += 1
    stamp = utc_stamp(moment)
    pending = quality < REPEAT_BELOW_QUALITY
    values = (*after, new_due, lapses,
              today_text if pending else None, stamp if pending else None, rowid)  # fmt: skip
    with transaction(conn):
        if guarded:
            updated = conn.execute(*_UPDATE_IF_UNCHANGED((*values, card_id, deck_id, *snapshot)))
            if updated.rowcount != 1:
                raise _Changed  # rolls the transaction back: nothing written
        else:
            conn.execute(*_UPDATE(values))
        cursor = conn.execute(
            *_INSERT(
                (card_id, stamp, today_text, quality, kind, interval, after[1], easiness,
                 after[2], duration_ms)
            )
        )  # fmt: skip
    return RecordedAnswer(int(cursor.lastrowid or 0), card_id, deck_id, snapshot, kind, today_text)


def undo_answer(conn: sqlite3.Connection, answer: RecordedAnswer) -> bool:
    """Remove an answer's log row and put the card's schedule back; False if the row is gone."""
    assignments = ", ".join(f"{column} = ?" for column in SCHEDULE_COLUMNS)
    with transaction(conn):
        deleted = conn.execute("DELETE FROM reviews WHERE id = ?", (answer.review_id,))
        if deleted.rowcount:
            conn.execute(
                f"UPDATE cards SET {assignments} WHERE id = ?", (*answer.snapshot, answer.card_id)
            )
    return bool(deleted.rowcount)
