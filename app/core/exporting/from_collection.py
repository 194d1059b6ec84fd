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

import contextlib
import json
import os
import sqlite3
import threading
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

_CARDS = """
SELECT c.id, d.name, c.question, c.answer, c.tags, c.source_line, c.repetitions, c.interval,
       c.easiness, c.due, c.lapses, c.suspended, c.modified_at, c.position, c.rowid,
       {summary}
FROM src.cards c
JOIN src.decks d ON d.id = c.deck_id
{join}
{where}
ORDER BY c.id
"""
_SUMMARY = "r.reviews, r.first_ms, r.last_ms"
_SUMMARY_JOIN = f"""
LEFT JOIN (
    SELECT card_id, COUNT(*) AS reviews, {_MS.format("MIN(reviewed_at)")} AS first_ms,
           {_MS.format("MAX(reviewed_at)")} AS last_ms
    FROM src.reviews NOT INDEXED GROUP BY card_id
) r ON r.card_id = c.id
"""

# Revlog ids must be unique: in time order, each review takes its own millisecond or, when
# that is taken, the first free one after the previous review's id (a running maximum). The
# reviews are sorted once into a table whose row number is their position, and the running
# maximum is then taken in that table's own order, with no second sort. The reviews are read
# in table order (NOT INDEXED): through the card index every row was a random page read.
#
# The sorting needs no Anki card ids, so it runs on a connection of its own, in another thread,
# while this one reads and renders the cards (SQLite lets go of Python's lock while it works).
_SORTED_REVIEWS = f"""
INSERT INTO review_order (ms, card, ease, ivl, lastIvl, factor, time, type)
SELECT {_MS.format("r.reviewed_at")} AS ms, c.rowid, {{ease}}, r.interval_after,
       r.interval_before, r.easiness_after, MAX(COALESCE(r.duration_ms, 0), 0),
       {{kind}}
FROM src.reviews AS r NOT INDEXED JOIN src.cards c ON c.id = r.card_id {{join}}
ORDER BY ms, r.id
"""

# CROSS JOIN keeps review_order the outer loop, read in position order. Cards are matched by
# their row number in the collection: a million lookups by integer rather than by text id.
_REVLOG = """
INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
SELECT position + MAX(ms - position) OVER (ORDER BY position ROWS UNBOUNDED PRECEDING),
       m.anki_id, -1, ease, ivl, lastIvl, factor, time, type
FROM scratch.review_order o CROSS JOIN card_map m ON m.card = o.card
"""


def _case(column: str, mapping: dict[int, int]) -> str:
    """A CASE expression giving `mapping[column]`: the Python mapping, evaluated in SQLite."""
    whens = " ".join(f"WHEN {key} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} END"


class _ReviewSorter(threading.Thread):
    """Fills `review_order` in the scratch database from the collection's reviews."""

    def __init__(self, scratch: Path, collection: Path, where: str, params: tuple) -> None:
        super().__init__(name="export-reviews", daemon=True)
        # Qualities are 0-5 (the schema checks it); the mappings are the ones records go through.
        ease = _case("r.quality", {quality: quality_to_anki_ease(quality) for quality in range(6)})
        kind = f"CASE WHEN r.interval_before = 0 THEN {revlog_kind(0)} ELSE {revlog_kind(1)} END"
        join = ""
        if where:
            # Only the reviews of the exported cards, so positions count those alone.
            join = f"JOIN src.decks d ON d.id = c.deck_id {where}"
        self.statement = _SORTED_REVIEWS.format(ease=ease, kind=kind, join=join)
        self.params = params
        self.error: BaseException | None = None
        self.conn = sqlite3.connect(scratch, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = OFF")
        self.conn.execute("PRAGMA synchronous = OFF")
        self.conn.execute("PRAGMA temp_store = MEMORY")
        self.conn.execute("PRAGMA cache_size = -65536")
        self.conn.execute("ATTACH DATABASE ? AS src", (f"{collection.resolve().as_uri()}?mode=ro",))
        self.conn.execute(
            "CREATE TABLE review_order (position INTEGER PRIMARY KEY, ms INTEGER,"
            " card INTEGER, ease INTEGER, ivl INTEGER, lastIvl INTEGER, factor INTEGER,"
            " time INTEGER, type INTEGER)"
        )

    def run(self) -> None:
        try:
            self.conn.execute("BEGIN")
            self.conn.execute(self.statement, self.params)
            self.conn.execute("COMMIT")
        except BaseException as error:  # handed to the exporting thread by `finish`
            self.error = error
        finally:
            self.conn.close()

    def finish(self, *, cancel: bool = False) -> None:
        """Wait for the sorting (stopping it first with `cancel`); raise what went wrong."""
        if cancel:
            # A closed connection (the sorting had finished) cannot be interrupted.
            with contextlib.suppress(sqlite3.ProgrammingError):
                self.conn.interrupt()
        self.join()
        if self.error is not None and not cancel:
            raise self.error


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
        db.execute("CREATE TEMP TABLE card_map (card INTEGER PRIMARY KEY, anki_id INTEGER)")
        where, params = "", ()  # type: tuple[str, tuple[object, ...]]
        if deck is not None:
            where = "WHERE d.name = ? OR substr(d.name, 1, ?) = ?"
            prefix = deck + DECK_SEPARATOR
            params = (deck, len(prefix), prefix)
        if not scheduling:
            fill_cards(builder, where, params)
            return
        assert builder.scratch_path is not None
        sorter = _ReviewSorter(builder.scratch_path, collection_path, where, params)
        sorter.start()
        try:
            mapping = fill_cards(builder, where, params)
        except BaseException:
            sorter.finish(cancel=True)
            raise
        sorter.finish()
        db.executemany("INSERT INTO card_map VALUES (?, ?)", mapping)
        db.execute(_REVLOG)

    def fill_cards(
        builder: PackageBuilder, where: str, params: tuple[object, ...]
    ) -> list[tuple[int, int]]:
        db = builder.db
        summary_columns, summary_join = (
            (_SUMMARY, _SUMMARY_JOIN) if scheduling else ("NULL, NULL, NULL", "")
        )
        cards = _CARDS.format(summary=summary_columns, join=summary_join, where=where)
        mapping = []
        # Many cards share the same tags; decode each distinct list once.
        tag_lists: dict[str | None, tuple[str, ...]] = {}
        for row in db.execute(cards, params).fetchall():
            (card_id, deck_name, question, answer, tags, source_line, repetitions, interval,
             easiness, due, lapses, suspended, modified_at, position, row_number,
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
            mapping.append((row_number, anki_id))
        builder.flush()
        return mapping

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
