"""Reading cards back out as `CardRecord`s (content, schedule, history) for exporters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from app.core.days import parse_day
from app.core.model import CardRecord, CardSpec, ReviewRecord, Schedule
from app.core.sm2 import milli_to_easiness
from app.core.store import parse_stamp, tags_from_json


def _review(row: tuple) -> ReviewRecord:
    return ReviewRecord(
        reviewed_at=parse_stamp(row[1]),
        quality=row[2],
        interval_before=row[3],
        interval_after=row[4],
        easiness_before=milli_to_easiness(row[5]),
        easiness_after=milli_to_easiness(row[6]),
        duration_ms=row[7],
    )


REVIEW_COLUMNS = (
    "card_id, reviewed_at, quality, interval_before, interval_after,"
    " easiness_before, easiness_after, duration_ms"
)


def card_history(conn: sqlite3.Connection, card_id: str) -> list[ReviewRecord]:
    """A card's answers, oldest first."""
    rows = conn.execute(
        f"SELECT {REVIEW_COLUMNS} FROM reviews WHERE card_id = ? ORDER BY id", (card_id,)
    )
    return [_review(row) for row in rows]


def iter_card_records(
    conn: sqlite3.Connection, deck_ids: list[int] | None = None
) -> Iterator[CardRecord]:
    """Every card (of `deck_ids`, or all) in id order, each with its schedule and history.

    Cards and reviews are both read in card-id order and merged, so a collection with a million
    answers is exported in two sequential scans rather than one query per card.
    """
    where = ""
    if deck_ids is not None:
        where = " WHERE c.deck_id IN (" + ",".join(str(int(d)) for d in deck_ids) + ")"
    cards = conn.execute(
        "SELECT c.id, d.name, c.question, c.answer, c.tags, c.source_line, c.repetitions,"
        " c.interval, c.easiness, c.due, c.lapses, c.suspended, c.modified_at"
        f" FROM cards c JOIN decks d ON d.id = c.deck_id{where} ORDER BY c.id"
    )
    reviews = conn.execute(
        f"SELECT {REVIEW_COLUMNS} FROM reviews INDEXED BY reviews_card ORDER BY card_id, id"
    )
    pending = reviews.fetchone()
    for row in cards:
        card_id = row[0]
        history: list[ReviewRecord] = []
        while pending is not None and pending[0] < card_id:
            pending = reviews.fetchone()
        while pending is not None and pending[0] == card_id:
            history.append(_review(pending))
            pending = reviews.fetchone()
        schedule = None
        if row[9] is not None:
            schedule = Schedule(
                repetitions=row[6],
                interval=row[7],
                easiness=milli_to_easiness(row[8]),
                due=parse_day(row[9]),
                lapses=row[10],
                suspended=bool(row[11]),
            )
        yield CardRecord(
            spec=CardSpec(
                id=card_id,
                deck=row[1],
                question=row[2],
                answer=row[3],
                tags=tags_from_json(row[4]),
                source_line=row[5],
            ),
            schedule=schedule,
            history=tuple(history),
            modified_at=parse_stamp(row[12]),
        )
