"""The plain records that move between the parts of the core.

Sources (the notes compiler, the Markdown deck parser, the CSV and Anki readers) produce
`CardRecord`s; the collection stores them; the exporters read them back. Keeping one shape for
both directions is what lets a deck leave for Anki and come back without losing anything.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from itertools import repeat
from types import MemberDescriptorType
from typing import Any, TypeVar

T = TypeVar("T")

DECK_SEPARATOR = "::"


@dataclass(frozen=True, slots=True)
class CardSpec:
    """A card as its source describes it: both sides are Markdown (inline HTML allowed)."""

    id: str
    deck: str
    question: str
    answer: str
    tags: tuple[str, ...] = ()
    source_line: int | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    """SM-2 state of a card that has been studied; `due` is a local calendar day."""

    repetitions: int
    interval: int
    easiness: Decimal
    due: date
    lapses: int = 0
    suspended: bool = False


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One answer. `reviewed_at` is an aware UTC datetime; intervals are days."""

    reviewed_at: datetime
    quality: int
    interval_before: int
    interval_after: int
    easiness_before: Decimal
    easiness_after: Decimal
    duration_ms: int | None = None


@dataclass(frozen=True, slots=True)
class CardRecord:
    """A card with, where known, its scheduling, its review history and its last edit time."""

    spec: CardSpec
    schedule: Schedule | None = None
    history: tuple[ReviewRecord, ...] = ()
    modified_at: datetime | None = None


@dataclass(slots=True)
class ImportBatch:
    """Everything one source file brings: cards, media files (name -> bytes) and skipped items."""

    source: str
    cards: list[CardRecord] = field(default_factory=list)
    media: dict[str, bytes] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def quality_to_anki_ease(quality: int) -> int:
    """Anki's answer button (1 Again, 2 Hard, 3 Good, 4 Easy) for an SM-2 quality 0-5."""
    if quality <= 2:
        return 1
    return quality - 1


def anki_ease_to_quality(ease: int) -> int:
    """The SM-2 quality Deckard's four buttons give for an Anki answer button 1-4."""
    if not 1 <= ease <= 4:
        raise ValueError(f"Anki answer button must be 1-4, not {ease}")
    return {1: 2, 2: 3, 3: 4, 4: 5}[ease]


def made_by_columns(cls: type[T], first: Sequence[Any], *rest: Iterable[Any]) -> list[T]:
    """`[cls(*values) for values in zip(first, *rest)]`, with one column per field of `cls`.

    The records here are frozen, so their __init__ sets each field through
    object.__setattr__; filling the slots column by column through their descriptors instead
    makes thousands of records about three times as fast (a large import or compile makes one
    or two per card).
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if len(names) != 1 + len(rest):
        raise TypeError(f"{cls.__name__} has {len(names)} fields, given {1 + len(rest)} columns")
    if hasattr(cls, "__post_init__") or not all(
        isinstance(getattr(cls, name, None), MemberDescriptorType) for name in names
    ):
        return list(map(cls, first, *rest))
    made = list(map(cls.__new__, repeat(cls, len(first))))  # type: ignore[call-overload]
    for name, column in zip(names, (first, *rest), strict=True):
        deque(map(getattr(cls, name).__set__, made, column), maxlen=0)
    return made
