"""Export a collection to .apkg by reading its tables directly, with both cores at work.

Why not `Collection.iter_records`: it builds a `ReviewRecord` (a datetime and two Decimals)
for every answer, and on a collection with a million answers that alone took longer than Anki's
whole export of the same cards. Here the cards are read with a per-card summary of their
reviews (count, first, last), and the review history never passes through Python: it is copied
into the package's revlog by one `INSERT ... SELECT` over the attached collection file. The
mapping to Anki's columns is the one `apkg_writer` uses for records (`quality_to_anki_ease`,
`revlog_kind`); tests check both paths give the same package.

The work is split in two so it runs side by side:
- the calling thread renders the cards (Python) into a scratch database;
- a second thread, on the package's own connection, writes the revlog and its index (SQLite,
  which lets go of Python's lock while it works).
For that, the Anki card ids the revlog refers to are chosen before any card is rendered; they
depend only on each card's last edit and first review. At the end the rendered notes and
cards are copied into the package.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, tzinfo
from pathlib import Path

from app.core.exporting.anki_format import CARD_INDEX, REVLOG_INDEX
from app.core.exporting.apkg_writer import (
    ApkgSummary,
    PackageBuilder,
    ReviewSummary,
    open_package_db,
    revlog_kind,
    zip_package,
)
from app.core.exporting.note_fields import anki_tags
from app.core.model import DECK_SEPARATOR, quality_to_anki_ease
from app.core.store import tags_from_json

# Milliseconds since the epoch of a stored UTC stamp ('2026-11-27T20:26:32.123Z'); julianday's
# double has about 20 microseconds of precision at today's dates, so rounding is exact.
_MS = "CAST(ROUND((julianday({}) - 2440587.5) * 86400000.0) AS INTEGER)"

_CARDS = """
SELECT c.id, d.name, c.question, c.answer, c.tags, c.repetitions, c.interval, c.easiness,
       c.due, c.lapses, c.suspended, c.modified_at, c.position
FROM src.cards c
JOIN src.decks d ON d.id = c.deck_id
{where}
ORDER BY c.id
"""
# Just what choosing the cards' Anki ids takes, so the revlog can start before the cards are
# read in full.
_CARD_EDITS = """
SELECT c.id, c.modified_at
FROM src.cards c
JOIN src.decks d ON d.id = c.deck_id
{where}
ORDER BY c.id
"""
# Each card's review count and first and last review (ms). When the log is in time order
# (answers are appended as they are given), a card's first and last reviews are its lowest
# and highest review ids: the card index holds those, so the summary is read from the index
# without sorting a million rows.
_SUMMARY_IN_TIME_ORDER = f"""
SELECT s.card_id, s.reviews, {_MS.format("first.reviewed_at")}, {_MS.format("last.reviewed_at")}
FROM (
    SELECT card_id, COUNT(*) AS reviews, MIN(id) AS first_id, MAX(id) AS last_id
    FROM src.reviews GROUP BY card_id
) s
JOIN src.reviews first ON first.id = s.first_id
JOIN src.reviews last ON last.id = s.last_id
"""
_SUMMARY_ANY_ORDER = f"""
SELECT card_id, COUNT(*), {_MS.format("MIN(reviewed_at)")}, {_MS.format("MAX(reviewed_at)")}
FROM src.reviews NOT INDEXED GROUP BY card_id
"""

# Revlog ids must be unique: in time order, each review takes its own millisecond or, when
# that is taken, the first free one after the previous review's id. With `position` counting
# up in time order that is `position + (running maximum of ms - position)`. A whole log already
# in time order uses its review ids as positions (a gap left by deleted reviews only makes the
# step after a collision that much bigger) and is written in one pass; otherwise the exported
# reviews are first read into a numbered table, in time order (sorted only when the log is not
# in time order already). Reviews are read in table order (NOT INDEXED): through the card index
# every row was a random page read. Only the reviews of exported cards join `card_map`.
_REVIEWS = "FROM src.reviews AS r NOT INDEXED CROSS JOIN card_map AS m ON m.card_id = r.card_id"
_REVLOG_IN_TIME_ORDER = f"""
INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
SELECT r.id + MAX({_MS.format("r.reviewed_at")} - r.id)
           OVER (ORDER BY r.id ROWS UNBOUNDED PRECEDING),
       m.anki_id, -1, {{ease}}, r.interval_after, r.interval_before, r.easiness_after,
       MAX(COALESCE(r.duration_ms, 0), 0), {{kind}}
{_REVIEWS}
"""
_REVLOG_NUMBERED = (
    """
CREATE TEMP TABLE review_order (position INTEGER PRIMARY KEY, ms INTEGER, anki_id INTEGER,
    ease INTEGER, ivl INTEGER, lastIvl INTEGER, factor INTEGER, time INTEGER, type INTEGER)
""",
    f"""
INSERT INTO review_order (ms, anki_id, ease, ivl, lastIvl, factor, time, type)
SELECT {_MS.format("r.reviewed_at")} AS ms, m.anki_id, {{ease}}, r.interval_after,
       r.interval_before, r.easiness_after, MAX(COALESCE(r.duration_ms, 0), 0), {{kind}}
{_REVIEWS}
ORDER BY {{order}}
""",
    """
INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
SELECT position + MAX(ms - position) OVER (ORDER BY position ROWS UNBOUNDED PRECEDING),
       anki_id, -1, ease, ivl, lastIvl, factor, time, type
FROM review_order
""",
    "DROP TABLE review_order",
)


def _case(column: str, mapping: dict[int, int]) -> str:
    """A CASE expression giving `mapping[column]`: the Python mapping, evaluated in SQLite."""
    whens = " ".join(f"WHEN {key} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} END"


def _revlog_statements(in_time_order: bool, *, whole: bool) -> list[str]:
    # Qualities are 0-5 (the schema checks it); the mappings are the ones records go through.
    ease = _case("r.quality", {quality: quality_to_anki_ease(quality) for quality in range(6)})
    kind = f"CASE WHEN r.interval_before = 0 THEN {revlog_kind(0)} ELSE {revlog_kind(1)} END"
    statements = [_REVLOG_IN_TIME_ORDER] if in_time_order and whole else list(_REVLOG_NUMBERED)
    order = "r.id" if in_time_order else "ms, r.id"
    return [statement.format(ease=ease, kind=kind, order=order) for statement in statements]


# Is some review later than the next one in the log? Each row looks up the next by review id.
_OUT_OF_TIME_ORDER = """
SELECT EXISTS (
    SELECT 1 FROM src.reviews a
    WHERE julianday(a.reviewed_at) > (
        SELECT julianday(b.reviewed_at) FROM src.reviews b WHERE b.id > a.id ORDER BY b.id LIMIT 1
    )
)
"""


def _in_time_order(db: sqlite3.Connection) -> bool:
    """True when every review's time is no earlier than the one before it in the log."""
    return not db.execute(_OUT_OF_TIME_ORDER).fetchone()[0]


class _RevlogWriter(threading.Thread):
    """Writes the package's revlog and its index from the collection's reviews."""

    def __init__(self, package: sqlite3.Connection, statements: list[str]) -> None:
        super().__init__(name="export-revlog", daemon=True)
        self.package = package
        self.statements = statements
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.package.execute("BEGIN")
            for statement in self.statements:
                self.package.execute(statement)
            self.package.execute(REVLOG_INDEX)
            self.package.execute("COMMIT")
        except BaseException as error:  # handed to the exporting thread by `finish`
            self.error = error

    def finish(self, *, cancel: bool = False) -> None:
        """Wait for the writing (stopping it first with `cancel`); raise what went wrong."""
        if cancel:
            self.package.interrupt()
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
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    source = f"{collection_path.resolve().as_uri()}?mode=ro"
    where, params = "", ()  # type: tuple[str, tuple[object, ...]]
    if deck is not None:
        where = "WHERE d.name = ? OR substr(d.name, 1, ?) = ?"
        prefix = deck + DECK_SEPARATOR
        params = (deck, len(prefix), prefix)
    try:
        with tempfile.TemporaryDirectory(prefix=".deckard-export-", dir=out.parent) as work:
            package_path = Path(work) / "collection.anki2"
            package = open_package_db(package_path, check_same_thread=False)
            # The notes and cards are written here while the package takes the revlog.
            cards_db = open_package_db(Path(work) / "cards.anki2")
            try:
                for db in (package, cards_db):
                    db.execute("ATTACH DATABASE ? AS src", (source,))
                # One transaction: every card, and the summary of its reviews, as of one moment.
                cards_db.execute("BEGIN")
                builder = PackageBuilder(
                    cards_db,
                    media_dir=media_dir,
                    scheduling=scheduling,
                    now=now,
                    day_start_hour=day_start_hour,
                    tz=tz,
                )
                crt = _fill(builder, package, where, params)
                cards_db.close()
                package.execute("ATTACH DATABASE ? AS rendered", (str(Path(work) / "cards.anki2"),))
                package.execute("BEGIN")
                package.execute("INSERT INTO notes SELECT * FROM rendered.notes")
                package.execute("INSERT INTO cards SELECT * FROM rendered.cards")
                package.execute(CARD_INDEX)
                builder.write_col(package, crt)
                package.execute("COMMIT")
            finally:
                cards_db.close()
                package.close()
            media_names = sorted(builder.media)
            zip_package(package_path, media_dir, media_names, out)
    except sqlite3.OperationalError as error:
        from app.core.errors import CollectionError

        if getattr(error, "sqlite_errorname", "") == "SQLITE_FULL":
            # Only the package is written to: the collection is attached read-only.
            raise CollectionError(
                f"{out}: cannot write the package: the disk is full ({error})"
            ) from error
        raise CollectionError(f"{collection_path}: cannot read the collection: {error}") from error
    return builder.summary(len(media_names))


def _fill(
    builder: PackageBuilder, package: sqlite3.Connection, where: str, params: tuple[object, ...]
) -> int:
    """Render every card into the builder and commit them; meanwhile, with scheduling, write
    the revlog. Return the package's `crt`."""
    db = builder.db
    if not builder.scheduling:
        rows = db.execute(_CARDS.format(where=where), params).fetchall()
        now_s = int(builder.now.timestamp())
        note_mods = [int(_stamp(row[11]).timestamp()) if row[11] else now_s for row in rows]
        _add_cards(builder, rows, note_mods, None, {})
        package.execute(REVLOG_INDEX)
        return _finish_cards(builder)
    # Whether the log is in time order is found out on the package's connection, on another
    # thread, while this one reads the cards' last edits (a first, optimistic guess).
    with ThreadPoolExecutor(1) as pool:
        ordered = pool.submit(_in_time_order, package)
        summaries = _summaries(db, _SUMMARY_IN_TIME_ORDER)
        now_s = int(builder.now.timestamp())
        edits = db.execute(_CARD_EDITS.format(where=where), params).fetchall()
        card_ids = [card_id for card_id, _ in edits]
        note_mods = [int(_stamp(stamp).timestamp()) if stamp else now_s for _, stamp in edits]
        in_time_order = ordered.result()
    if not in_time_order:
        summaries = _summaries(db, _SUMMARY_ANY_ORDER)
    no_reviews = ReviewSummary()
    take = builder.take_note_id
    note_ids = [
        take(note_mod, summaries.get(card_id, no_reviews).first_ms)
        for card_id, note_mod in zip(card_ids, note_mods, strict=True)
    ]
    package.execute(
        "CREATE TEMP TABLE card_map (card_id TEXT PRIMARY KEY, anki_id INTEGER) WITHOUT ROWID"
    )
    # One JSON array rather than a row at a time: SQLite unpacks it without Python.
    package.execute(
        "INSERT INTO card_map"
        " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)",
        (json.dumps(list(zip(card_ids, note_ids, strict=True))),),
    )
    # Positions in time order count only the exported reviews: a deck's are read in order into a
    # numbered table rather than numbered by review id, which skips the other decks' reviews.
    writer = _RevlogWriter(package, _revlog_statements(in_time_order, whole=not where))
    writer.start()
    try:
        # The same transaction as above, so the same cards in the same order.
        rows = db.execute(_CARDS.format(where=where), params).fetchall()
        _add_cards(builder, rows, note_mods, note_ids, summaries)
        # Before waiting for the revlog, which usually takes longer.
        crt = _finish_cards(builder)
    except BaseException:
        writer.finish(cancel=True)
        raise
    writer.finish()
    return crt


def _finish_cards(builder: PackageBuilder) -> int:
    crt = builder.finish_cards()
    builder.db.execute("COMMIT")
    return crt


def _summaries(db: sqlite3.Connection, query: str) -> dict[str, ReviewSummary]:
    return {
        card_id: ReviewSummary(count, first_ms, last_ms)
        for card_id, count, first_ms, last_ms in db.execute(query)
    }


def _stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _add_cards(
    builder: PackageBuilder,
    rows: list[tuple],
    note_mods: list[int],
    note_ids: list[int] | None,
    summaries: dict[str, ReviewSummary],
) -> None:
    add_note = builder.add_note
    no_reviews = ReviewSummary()
    # Many cards share the same tags; convert each distinct list once.
    tag_texts: dict[str | None, str] = {}
    for index, row in enumerate(rows):
        (card_id, deck_name, question, answer, tags, repetitions, interval, easiness, due,
         lapses, suspended, _modified_at, position) = row  # fmt: skip
        tag_text = tag_texts.get(tags)
        if tag_text is None:
            tag_text = tag_texts[tags] = anki_tags(tags_from_json(tags))
        schedule = None
        if due is not None:
            due_day = date.fromisoformat(due).toordinal()
            schedule = (repetitions, interval, easiness, due_day, lapses, bool(suspended))
        add_note(
            card_id,
            deck_name,
            question or "",
            answer or "",
            tag_text,
            note_mods[index],
            schedule,
            summaries.get(card_id, no_reviews),
            position,
            bool(suspended),
            None if note_ids is None else note_ids[index],
        )
    builder.flush()
