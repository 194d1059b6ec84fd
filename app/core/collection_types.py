"""The records the collection hands out: a card as stored, per-deck counts, import results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Card:
    """A card with its scheduling; `due` is None for a card never studied."""

    id: str
    deck: str
    question: str
    answer: str
    tags: tuple[str, ...]
    repetitions: int
    interval: int
    easiness: Decimal
    due: date | None
    lapses: int
    suspended: bool
    buried_until: date | None
    repeat_day: date | None
    source: str | None
    source_line: int | None
    position: int
    created_at: datetime
    modified_at: datetime

    @property
    def is_new(self) -> bool:
        """True for a card never answered."""
        return self.due is None


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """What the review screen would show for a deck now; `total` counts that deck alone."""

    deck: str
    new: int
    repeat: int
    due: int
    total: int


@dataclass(frozen=True, slots=True)
class DaySummary:
    """Today's work so far and what is coming (for the "done for today" screen)."""

    reviewed_today: int
    seconds_today: float
    due_tomorrow: int
    due_next_7_days: int


@dataclass(slots=True)
class ImportResult:
    """Card ids an import added, updated, left alone and suspended, and what it skipped."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    suspended: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
