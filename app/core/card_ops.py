"""Changes to cards beyond studying them, each one transaction, for the browser and the editor.

Adding a card by hand, editing one (`Collection.update_card`), resetting cards to new, deleting
cards (with a snapshot that restores the cards and their review history exactly), moving cards
to another deck, adding and removing tags, and suspending many cards at once. Also the rows the
browser's table shows. Every change stamps `modified_at`, which is what tells a later import of
the source file that the card was edited.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from app.core.errors import CollectionError, InputError
from app.core.search import STATE_SQL
from app.core.store import (
    check_deck_name,
    ensure_deck,
    id_chunks,
    marks,
    tags_from_json,
    tags_json,
    transaction,
    utc_stamp,
)

DEFAULT_EASINESS = 2500


@dataclass(frozen=True, slots=True)
class CardRow:
    """One line of the browser's card table."""

    id: str
    question: str
    answer: str
    deck: str
    tags: tuple[str, ...]
    due: str | None
    interval: int
    easiness: int
    reviews: int
    lapses: int
    state: str


@dataclass(frozen=True, slots=True)
class DeletedCards:
    """What `delete_cards` removed, enough for `restore_cards` to put it all back."""

    cards: tuple[dict[str, Any], ...]
    reviews: tuple[dict[str, Any], ...]

    @property
    def count(self) -> int:
        return len(self.cards)


@contextmanager
def _writing(collection: Any) -> Iterator[Any]:
    """One transaction on the collection's connection, then drop the collection's caches.

    The collection caches its deck tree and today's counts and notices only other programs'
    writes; these functions write through its own connection, so they tell it directly.
    """
    try:
        with transaction(collection.conn) as conn:
            yield conn
    finally:
        collection.refresh()


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags without blanks or duplicates, in the order given; a tag cannot contain spaces."""
    seen: dict[str, None] = {}
    for tag in tags:
        for part in tag.split():
            seen.setdefault(part, None)
    return tuple(seen)


def add_card(
    collection: Any,
    *,
    deck: str,
    question: str,
    answer: str,
    tags: Iterable[str] = (),
    now: datetime | None = None,
) -> str:
    """Add a new card (scheduled as new, last in its deck's study order); return its id."""
    deck = check_deck_name(deck, where="deck")
    if not question.strip():
        raise InputError("the question is empty", where="question")
    if not answer.strip():
        raise InputError("the answer is empty", where="answer")
    stamp = utc_stamp(now or datetime.now(UTC))
    card_id = f"user-{uuid.uuid4().hex[:16]}"
    with _writing(collection) as conn:
        deck_id = ensure_deck(conn, deck)
        position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM cards").fetchone()[0]
        conn.execute(
            "INSERT INTO cards (id, deck_id, question, answer, tags, source, source_line, "
            "source_hash, position, created_at, modified_at, repetitions, interval, easiness, "
            "due, lapses, suspended, buried_until, repeat_day, repeat_since) "
            "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?, 0, 0, ?, NULL, 0, 0, NULL, NULL, "
            "NULL)",
            [
                card_id,
                deck_id,
                question,
                answer,
                tags_json(clean_tags(tags)),
                position,
                stamp,
                stamp,
                DEFAULT_EASINESS,
            ],
        )
    return card_id


def reset_to_new(collection: Any, card_ids: Sequence[str], now: datetime | None = None) -> int:
    """Forget the scheduling of cards: they become new, after the cards already waiting.

    The review history stays (it is a record of what happened) and so does the lapse count.
    """
    stamp = utc_stamp(now or datetime.now(UTC))
    changed = 0
    with _writing(collection) as conn:
        position = conn.execute("SELECT COALESCE(MAX(position), 0) FROM cards").fetchone()[0]
        for card_id in card_ids:
            position += 1
            changed += conn.execute(
                "UPDATE cards SET repetitions = 0, interval = 0, easiness = ?, due = NULL, "
                "buried_until = NULL, repeat_day = NULL, repeat_since = NULL, position = ?, "
                "modified_at = ? WHERE id = ?",
                [DEFAULT_EASINESS, position, stamp, card_id],
            ).rowcount
    return changed


def delete_cards(collection: Any, card_ids: Sequence[str]) -> DeletedCards:
    """Delete cards and their reviews; the returned snapshot lets `restore_cards` undo it."""
    cards: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    with _writing(collection) as conn:
        for chunk in id_chunks(list(card_ids)):
            ids_sql = marks(chunk)
            cards.extend(
                _dicts(conn.execute(f"SELECT * FROM cards WHERE id IN ({ids_sql})", chunk))
            )
            reviews.extend(
                _dicts(conn.execute(f"SELECT * FROM reviews WHERE card_id IN ({ids_sql})", chunk))
            )
            conn.execute(f"DELETE FROM reviews WHERE card_id IN ({ids_sql})", chunk)
            conn.execute(f"DELETE FROM cards WHERE id IN ({ids_sql})", chunk)
    return DeletedCards(tuple(cards), tuple(reviews))


def restore_cards(collection: Any, deleted: DeletedCards) -> None:
    """Put deleted cards and their review history back exactly as they were."""
    with _writing(collection) as conn:
        for table, rows in (("cards", deleted.cards), ("reviews", deleted.reviews)):
            for row in rows:
                columns = list(row)
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks(columns)})",
                    [row[column] for column in columns],
                )


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [description[0] for description in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def edit_card(
    collection: Any,
    card_id: str,
    *,
    question: str | None = None,
    answer: str | None = None,
    deck: str | None = None,
    tags: Iterable[str] | None = None,
    now: datetime | None = None,
) -> None:
    """Change what is given of a card's question, answer, deck (created if needed) and tags;
    its scheduling stays. Nothing given: nothing written. CollectionError if no such card."""
    changes: dict[str, Any] = {}
    if question is not None:
        changes["question"] = question
    if answer is not None:
        changes["answer"] = answer
    if tags is not None:
        changes["tags"] = tags_json(tuple(tags))
    deck_name = check_deck_name(deck, where="deck") if deck is not None else None
    if not changes and deck_name is None:
        return
    changes["modified_at"] = utc_stamp(now or datetime.now(UTC))
    with _writing(collection) as conn:
        if deck_name is not None:
            changes["deck_id"] = ensure_deck(conn, deck_name)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        cursor = conn.execute(
            f"UPDATE cards SET {assignments} WHERE id = ?", (*changes.values(), card_id)
        )
        if cursor.rowcount == 0:
            raise CollectionError(f"no card with id {card_id!r}")


def move_to_deck(
    collection: Any, card_ids: Sequence[str], deck: str, now: datetime | None = None
) -> int:
    """Move cards to `deck` (created if needed); return how many moved."""
    deck = check_deck_name(deck, where="deck")
    stamp = utc_stamp(now or datetime.now(UTC))
    changed = 0
    with _writing(collection) as conn:
        deck_id = ensure_deck(conn, deck)
        for chunk in id_chunks(list(card_ids)):
            changed += conn.execute(
                f"UPDATE cards SET deck_id = ?, modified_at = ? WHERE id IN ({marks(chunk)}) "
                "AND deck_id != ?",
                [deck_id, stamp, *chunk, deck_id],
            ).rowcount
    return changed


def add_tags(
    collection: Any, card_ids: Sequence[str], tags: Iterable[str], now: datetime | None = None
) -> int:
    """Add tags to cards that lack them; return how many cards changed."""
    wanted = clean_tags(tags)
    return _edit_tags(
        collection, card_ids, lambda old: old + [t for t in wanted if t not in old], now
    )


def remove_tags(
    collection: Any, card_ids: Sequence[str], tags: Iterable[str], now: datetime | None = None
) -> int:
    """Remove tags from cards; return how many cards changed."""
    unwanted = set(clean_tags(tags))
    return _edit_tags(collection, card_ids, lambda old: [t for t in old if t not in unwanted], now)


def _edit_tags(collection: Any, card_ids: Sequence[str], edit: Any, now: datetime | None) -> int:
    stamp = utc_stamp(now or datetime.now(UTC))
    changed = 0
    with _writing(collection) as conn:
        for chunk in id_chunks(list(card_ids)):
            rows = conn.execute(
                f"SELECT id, tags FROM cards WHERE id IN ({marks(chunk)})", chunk
            ).fetchall()
            for card_id, stored in rows:
                old = list(tags_from_json(stored))
                new = edit(old)
                if new != old:
                    conn.execute(
                        "UPDATE cards SET tags = ?, modified_at = ? WHERE id = ?",
                        [tags_json(new), stamp, card_id],
                    )
                    changed += 1
    return changed


def set_suspended(collection: Any, card_ids: Sequence[str], suspended: bool) -> int:
    """Suspend (or unsuspend) many cards at once; return how many changed.

    Like `Collection.suspend`, this is scheduling, not an edit: `modified_at` stays.
    """
    changed = 0
    with _writing(collection) as conn:
        for chunk in id_chunks(list(card_ids)):
            changed += conn.execute(
                f"UPDATE cards SET suspended = ? WHERE id IN ({marks(chunk)}) AND suspended != ?",
                [int(suspended), *chunk, int(suspended)],
            ).rowcount
    return changed


def card_rows(db: Any, card_ids: Sequence[str], today: date) -> list[CardRow]:
    """The table rows for `card_ids` in that order; ids no longer in the collection are skipped."""
    found: dict[str, CardRow] = {}
    for chunk in id_chunks(list(card_ids)):
        for row in db.execute(
            "SELECT cards.id, cards.question, cards.answer, decks.name, cards.tags, cards.due, "
            "cards.interval, cards.easiness, "
            "(SELECT COUNT(*) FROM reviews WHERE reviews.card_id = cards.id), cards.lapses, "
            f"{STATE_SQL} FROM cards JOIN decks ON decks.id = cards.deck_id "
            f"WHERE cards.id IN ({marks(chunk)})",
            [today.isoformat(), today.isoformat(), *chunk],
        ):
            tags = tags_from_json(row[4])
            found[row[0]] = CardRow(
                id=row[0],
                question=row[1] or "",
                answer=row[2] or "",
                deck=row[3],
                tags=tags,
                due=row[5],
                interval=row[6],
                easiness=row[7],
                reviews=row[8],
                lapses=row[9],
                state=row[10],
            )
    return [found[card_id] for card_id in card_ids if card_id in found]
