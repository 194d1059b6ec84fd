"""Read what the real Anki made of an exported package (the `anki` library is test-only)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import anki.collection  # noqa: F401  (must come before anki.cards: circular import otherwise)
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from app.core.exporting.anki_format import FIELD_NAMES


@dataclass(frozen=True)
class AnkiCard:
    """One card as Anki holds it after the import, keyed in tests by the Deckard ID field."""

    deckard_id: str
    question: str
    answer: str
    tags: tuple[str, ...]
    deck: str
    type: int
    queue: int
    due_day: date | None
    new_position: int | None
    interval: int
    factor: int
    reps: int
    lapses: int
    revlog: tuple[
        tuple[int, int, int, int, int, int], ...
    ]  # ease, ivl, lastIvl, factor, time, type
    guid: str
    mod: int


def open_anki(path: Path) -> Collection:
    """A fresh (or existing) Anki collection at `path`."""
    return Collection(str(path))


def import_package(col: Collection, package: Path, *, scheduling: bool = True):
    """Import `package` as Anki's File > Import does; return Anki's import log."""
    request = ImportAnkiPackageRequest(
        package_path=str(package),
        options=ImportAnkiPackageOptions(with_scheduling=scheduling, merge_notetypes=True),
    )
    return col.import_anki_package(request).log


def anki_today(col: Collection) -> date:
    """The calendar day Anki currently calls today (by its own day cutoff)."""
    return datetime.fromtimestamp(col.sched.day_cutoff).date() - timedelta(days=1)


def anki_cards(col: Collection) -> dict[str, AnkiCard]:
    """Every card of the collection, by the Deckard ID field of its note."""
    today = anki_today(col)
    cards = {}
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        note = card.note()
        fields = dict(zip(FIELD_NAMES, note.fields, strict=True))
        revlog = col.db.all(
            "select ease, ivl, lastIvl, factor, time, type from revlog where cid = ? order by id",
            card.id,
        )
        is_review = card.type == 2
        deckard_id = html.unescape(fields["Deckard ID"])
        cards[deckard_id] = AnkiCard(
            deckard_id=deckard_id,
            question=fields["Question"],
            answer=fields["Answer"],
            tags=tuple(note.tags),
            deck=col.decks.name(card.did),
            type=card.type,
            queue=card.queue,
            due_day=today + timedelta(days=card.due - col.sched.today) if is_review else None,
            new_position=card.due if card.type == 0 else None,
            interval=card.ivl,
            factor=card.factor,
            reps=card.reps,
            lapses=card.lapses,
            revlog=tuple(tuple(row) for row in revlog),
            guid=note.guid,
            mod=note.mod,
        )
    return cards
