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


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make
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
# repeat_since, rowid (buried_until is cleared). For a card read afresh (see record_answer).
_UPDATE = _Statement(
    _piece("UPDATE cards SET repetitions = ?"),
    _piece(", interval = ?"),
    _piece(", easiness = ?"),
    _piece(", due = ?"),
    _piece(", lapses = ?"),
    _piece(", buried_until = NULL, repeat_day = ?"),
    _piece(", repeat_since = ?"),
    _piece(" WHERE rowid = ?"),
)
_INSERT = _Statement(
    _piece(
        "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
        " interval_after, easiness_before, easiness_after, duration_ms) VALUES (?"
    ),
    *(_piece(", ?") for _ in range(8)),
    _piece(", ?)"),
)
_COLUMNS = len(SCHEDULE_COLUMNS)
# The guarded UPDATE's text and the pick of its parameters, per pattern of which columns change
# and which values are NULL (see _guarded_update).
_GUARDED: dict[tuple[tuple[bool, ...], ...], tuple[str, Callable[[Any], Any]]] = {}


def _guarded_update(
    schedule: tuple[Any, ...], snapshot: tuple[Any, ...], rowid: int, card_id: str, deck_id: int
) -> tuple[str, tuple[Any, ...]]:
    """The UPDATE giving the card (by rowid) the new `schedule` (SCHEDULE_COLUMNS) only if its
    id, deck and schedule are still `snapshot` as shown (IS: NULL-safe equality).

    It assigns only the columns that change: SQLite rewrites a card's entry in every index
    holding an assigned column even when its value stays, so assigning an unchanged due day
    (a same-day repeat) would write a page of the due index for nothing. Since the card must
    be exactly as shown, the row it leaves is the same as assigning every column.
    """
    key = (
        tuple(map(operator.ne, schedule, snapshot)),
        tuple(map(_IS_NONE, schedule)),
        tuple(map(_IS_NONE, snapshot)),
    )
    found = _GUARDED.get(key)
    if found is None:
        found = _GUARDED[key] = _make_guarded(*key)
    sql, pick = found
    return sql, pick((*schedule, rowid, card_id, deck_id, *snapshot))


def _make_guarded(
    changes: tuple[bool, ...], new_nulls: tuple[bool, ...], old_nulls: tuple[bool, ...]
) -> tuple[str, Callable[[Any], Any]]:
    # Parameters are picked from (*schedule, rowid, card_id, deck_id, *snapshot), in the order
    # of their placeholders: assignments, then rowid, id and deck, then the snapshot.
    assignments: list[str] = []
    picked: list[int] = []
    for index, column in enumerate(SCHEDULE_COLUMNS):
        if changes[index]:
            assignments.append(f"{column} = {'NULL' if new_nulls[index] else '?'}")
            if not new_nulls[index]:
                picked.append(index)
    if not assignments:  # nothing changes: the row must still match (and count as updated)
        assignments.append("repetitions = repetitions")
    picked += (_COLUMNS, _COLUMNS + 1, _COLUMNS + 2)
    guards: list[str] = []
    for index, column in enumerate(SCHEDULE_COLUMNS):
        guards.append(f" AND {column} IS {'NULL' if old_nulls[index] else '?'}")
        if not old_nulls[index]:
            picked.append(_COLUMNS + 3 + index)
    sql = (
        f"UPDATE cards SET {', '.join(assignments)}"
        f" WHERE rowid = ? AND id = ? AND deck_id = ?{''.join(guards)}"
    )
    return sql, itemgetter(*picked)


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
    # SCHEDULE_COLUMNS after the answer (buried_until cleared).
    schedule = (*after, new_due, lapses, None,
                today_text if pending else None, stamp if pending else None)  # fmt: skip
    with transaction(conn):
        if guarded:
            updated = conn.execute(*_guarded_update(schedule, snapshot, rowid, card_id, deck_id))
            if updated.rowcount != 1:
                raise _Changed  # rolls the transaction back: nothing written
        else:
            conn.execute(*_UPDATE((*schedule[:5], *schedule[6:], rowid)))
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
