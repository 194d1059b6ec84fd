"""Small builders shared by the collection tests: a fixed clock, a timezone and card batches."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.collection import Collection
from app.core.model import CardRecord, CardSpec, ImportBatch

BERLIN = ZoneInfo("Europe/Berlin")
# 12:00 in Berlin on 2026-11-27 (a Friday, winter time, UTC+1).
NOON = datetime(2026, 11, 27, 11, 0, tzinfo=UTC)


def spec(card_id: str, deck: str = "Docker", question: str | None = None) -> CardSpec:
    """A card with predictable content."""
    return CardSpec(
        id=card_id, deck=deck, question=question or f"What is {card_id}?", answer=f"{card_id}."
    )


def batch(source: str, specs: list[CardSpec], **extra: object) -> ImportBatch:
    """An import batch of plain cards (no scheduling) from `source`."""
    return ImportBatch(source=source, cards=[CardRecord(spec=s) for s in specs], **extra)  # type: ignore[arg-type]


def open_empty(tmp_path: Path, name: str = "c.deckard") -> Collection:
    """A new collection in Berlin time, without the built-in deck."""
    return Collection.open(tmp_path / name, tz=BERLIN, import_builtin=False)


def with_cards(tmp_path: Path, decks: dict[str, int]) -> Collection:
    """A collection holding `count` new cards named DECK-n in each deck, in that order."""
    collection = open_empty(tmp_path)
    specs = [spec(f"{deck}-{n}", deck=deck) for deck, count in decks.items() for n in range(count)]
    collection.apply_batch(batch("cards.md", specs), now=NOON)
    return collection


def study_all(collection: Collection, now: datetime, quality: int = 4, deck: str | None = None):
    """Answer every card offered now with `quality`; returns the ids in the order shown."""
    shown = []
    moment = now
    while (card := collection.next_card(deck=deck, now=moment)) is not None:
        shown.append(card.id)
        collection.answer(card.id, quality, now=moment)
        moment += timedelta(seconds=10)
    return shown


def damage_btree_root(
    path: Path, name: str, pattern: bytes, *, offset: int = 0, length: int | None = None
) -> None:
    """Overwrite the root page of table or index `name` with `pattern` repeated, from `offset`
    for `length` bytes (the rest of the page by default): damage SQLite will notice."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
    ).fetchone()
    connection.close()
    size = page_size - offset if length is None else length
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + offset)
        handle.write((pattern * (size // len(pattern) + 1))[:size])
