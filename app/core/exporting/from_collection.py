"""Export a collection to .apkg by reading its tables directly, in one read transaction.

Why not `Collection.iter_records`: it builds a `ReviewRecord` (a datetime and two Decimals)
for every answer, and on a collection with a million answers that alone took longer than Anki's
whole export of the same cards. Here the cards are read with a per-card summary of their
reviews (count, first, last), and the review history is copied into the package's revlog by
one `INSERT ... SELECT` over the attached collection file. The mapping to Anki's columns is the
one `apkg_writer` uses for records (`quality_to_anki_ease`, `revlog_kind`); tests check both
paths give the same package.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path

from app.core.exporting.apkg_writer import (
    ApkgSummary,
    PackageBuilder,
    ReviewSummary,
    revlog_kind,
    write_package,
)
from app.core.model import DECK_SEPARATOR, CardSpec, Schedule, quality_to_anki_ease

# Milliseconds since the epoch of a stored UTC stamp ('2026-11-27T20:26:32.123Z'); julianday's
# double has about 20 microseconds of precision at today's dates, so rounding is exact.
_MS = "CAST(ROUND((julianday({}) - 2440587.5) * 86400000.0) AS INTEGER)"

_CARDS = f"""
SELECT c.id, d.name, c.question, c.answer, c.tags, c.source_line, c.repetitions, c.interval,
       c.easiness, c.due, c.lapses, c.suspended, c.modified_at, c.position,
       r.reviews, r.first_ms, r.last_ms
FROM src.cards c
JOIN src.decks d ON d.id = c.deck_id
LEFT JOIN (
    SELECT card_id, COUNT(*) AS reviews, {_MS.format("MIN(reviewed_at)")} AS first_ms,
           {_MS.format("MAX(reviewed_at)")} AS last_ms
    FROM src.reviews NOT INDEXED GROUP BY card_id
) r ON r.card_id = c.id
{{where}}
ORDER BY c.id
"""

# Revlog ids must be unique: in time order, each review takes its own millisecond or, when
# that is taken, the first free one after the previous review's id (a running maximum). The
# reviews are sorted once into a temporary table whose row number is their position, and the
# running maximum is then taken in that table's own order, with no second sort. The reviews are
# read in table order (NOT INDEXED): through the card index every row was a random page read.
_SORTED_REVIEWS = f"""
INSERT INTO review_order (ms, cid, ease, ivl, lastIvl, factor, time, type)
SELECT {_MS.format("r.reviewed_at")} AS ms, m.anki_id, {{ease}}, r.interval_after,
       r.interval_before, r.easiness_after, MAX(COALESCE(r.duration_ms, 0), 0),
       {{kind}}
FROM src.reviews AS r NOT INDEXED JOIN card_map m ON m.deckard_id = r.card_id
ORDER BY ms, r.id
"""

_REVLOG = """
INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
SELECT position + MAX(ms - position) OVER (ORDER BY position ROWS UNBOUNDED PRECEDING),
       cid, -1, ease, ivl, lastIvl, factor, time, type
FROM review_order
"""


def _case(column: str, mapping: dict[int, int]) -> str:
    """A CASE expression giving `mapping[column]`: the Python mapping, evaluated in SQLite."""
    whens = " ".join(f"WHEN {key} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} END"


def _revlog_statements() -> tuple[str, str]:
    # Qualities are 0-5 (the schema checks it); the mappings are the ones records go through.
    ease = _case("r.quality", {quality: quality_to_anki_ease(quality) for quality in range(6)})
    kind = f"CASE WHEN r.interval_before = 0 THEN {revlog_kind(0)} ELSE {revlog_kind(1)} END"
    return _SORTED_REVIEWS.format(ease=ease, kind=kind), _REVLOG


def write_collection_apkg(
    collection_path: Path,
    out_path: str | os.PathLike[str],
    *,
    deck: str | None,
    media_dir: Path | None,
    scheduling: bool,
    now: datetime,
    day_start_hour: int,
    tz: tzinfo | None,
) -> ApkgSummary:
    """Write the cards of the collection file (or of `deck` and its sub-decks) as a package."""

    def fill(builder: PackageBuilder) -> None:
        db = builder.db
        db.execute("CREATE TEMP TABLE card_map (deckard_id TEXT PRIMARY KEY, anki_id INTEGER)")
        where, params = "", ()  # type: tuple[str, tuple[object, ...]]
        if deck is not None:
            where = "WHERE d.name = ? OR substr(d.name, 1, ?) = ?"
            prefix = deck + DECK_SEPARATOR
            params = (deck, len(prefix), prefix)
        mapping = []
        # Many cards share the same tags; decode each distinct list once.
        tag_lists: dict[str | None, tuple[str, ...]] = {}
        for row in db.execute(_CARDS.format(where=where), params).fetchall():
            (card_id, deck_name, question, answer, tags, source_line, repetitions, interval,
             easiness, due, lapses, suspended, modified_at, position,
             reviews, first_ms, last_ms) = row  # fmt: skip
            tag_list = tag_lists.get(tags)
            if tag_list is None:
                tag_list = tag_lists[tags] = tuple(json.loads(tags or "[]"))
            spec = CardSpec(
                id=card_id,
                deck=deck_name,
                question=question or "",
                answer=answer or "",
                tags=tag_list,
                source_line=source_line,
            )
            schedule = None
            if due is not None:
                schedule = Schedule(
                    repetitions=repetitions,
                    interval=interval,
                    easiness=Decimal(easiness) / 1000,
                    due=date.fromisoformat(due),
                    lapses=lapses,
                    suspended=bool(suspended),
                )
            summary = ReviewSummary(reviews or 0, first_ms, last_ms) if scheduling else None
            anki_id = builder.add_card(
                spec,
                schedule,
                datetime.fromisoformat(modified_at.replace("Z", "+00:00")) if modified_at else None,
                summary or ReviewSummary(),
                position=position,
                suspended=bool(suspended),
            )
            mapping.append((card_id, anki_id))
        builder.flush()
        if scheduling:
            db.executemany("INSERT INTO card_map VALUES (?, ?)", mapping)
            db.execute(
                "CREATE TEMP TABLE review_order (position INTEGER PRIMARY KEY, ms INTEGER,"
                " cid INTEGER, ease INTEGER, ivl INTEGER, lastIvl INTEGER, factor INTEGER,"
                " time INTEGER, type INTEGER)"
            )
            for statement in _revlog_statements():
                db.execute(statement)
            db.execute("DROP TABLE review_order")

    try:
        return write_package(
            fill,
            out_path,
            media_dir=media_dir,
            scheduling=scheduling,
            now=now,
            day_start_hour=day_start_hour,
            tz=tz,
            attach=collection_path,
        )
    except sqlite3.OperationalError as error:
        from app.core.errors import CollectionError

        raise CollectionError(f"{collection_path}: cannot read the collection: {error}") from error
