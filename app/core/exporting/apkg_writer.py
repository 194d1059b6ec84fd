"""Write an Anki package (.apkg) from card records, scheduling and review history included.

The package is the schema-11 layout Anki has always read: a zip holding `collection.anki2`
(plain SQLite), a JSON `media` map and the media files as members `0`, `1`, ... Current Anki
imports it as it is, and so do older versions.

Design decisions (see docs/exporting.md for the user-facing side):
- One note type of our own with a fixed id and fixed field and template ids, so every export
  merges into the same note type in Anki instead of making "Basic-xxxx" copies.
- A note's guid is derived from the Deckard card id and its `mod` is the card's last edit, so a
  re-export updates exactly the notes that changed and leaves the others alone.
- Review cards' due days count from `crt`, which is the day start (local time) of the earliest
  day the package mentions; `conf` says `schedVer: 2`, or Anki would treat the history as the
  old v1 scheduler's and rewrite the answer buttons of learning reviews.
- Cards are streamed: due days are first stored as absolute day numbers and shifted once `crt`
  is known, so the records never have to be held in memory.
"""

from __future__ import annotations

import html
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from app.core.exporting.anki_format import (
    DEFAULT_DECK_ID,
    FIELD_SEPARATOR,
    INDEXES,
    NOTETYPE_ID,
    QUEUE_NEW,
    QUEUE_REVIEW,
    QUEUE_SUSPENDED,
    REVLOG_LEARN,
    REVLOG_REVIEW,
    SCHEMA,
    TYPE_NEW,
    TYPE_REVIEW,
    deck_config,
    deck_entry,
    deck_id_for,
    note_guid,
    notetype_entry,
)
from app.core.exporting.note_fields import (
    anki_tags,
    checksum,
    is_plain_name,
    media_references,
    render_side,
    sort_field,
)
from app.core.exporting.zip_writer import write_deflated
from app.core.model import (
    DECK_SEPARATOR,
    CardRecord,
    CardSpec,
    ReviewRecord,
    Schedule,
    quality_to_anki_ease,
)

_BATCH = 5000


@dataclass(frozen=True, slots=True)
class ApkgSummary:
    """What went into a package: counts a person can check against their collection."""

    cards: int
    reviews: int
    media: int
    decks: int


def anki_day(moment: datetime, day_start_hour: int, tz: tzinfo | None) -> date:
    """The calendar day a moment belongs to when days start at `day_start_hour` local time."""
    local = moment.astimezone(tz)
    return (local - timedelta(hours=day_start_hour)).date()


def day_start_timestamp(day: date, day_start_hour: int, tz: tzinfo | None) -> int:
    """Unix seconds of the start of `day` (its `day_start_hour`, local time)."""
    start = datetime.combine(day, time(hour=day_start_hour))
    start = start.replace(tzinfo=tz) if tz is not None else start.astimezone()
    return int(start.timestamp())


class _IdAllocator:
    """Millisecond ids in the style Anki uses: the wanted value, or the next free one after it.

    Many cards can share a timestamp (a bulk import stamps them all alike), so free values are
    found through a forwarding table with path compression rather than by counting up one at
    a time, which would be quadratic.
    """

    def __init__(self) -> None:
        self._forward: dict[int, int] = {}

    def take(self, wanted_ms: int) -> int:
        forward = self._forward
        free = max(wanted_ms, 1)
        path = []
        while free in forward:
            path.append(free)
            free = forward[free]
        for used in path:
            forward[used] = free + 1
        forward[free] = free + 1
        return free


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# A review as the package needs it: (time in ms, quality, interval before, interval after,
# easiness after in thousandths, duration in ms or None).
ReviewRow = tuple[int, int, int, int, int, int | None]


# A card's schedule as the package needs it: (repetitions, interval in days, easiness in
# thousandths, due day as a date ordinal, lapses, suspended).
ScheduleRow = tuple[int, int, int, int, int, bool]

# What is the same in every row is written by the statement, not bound row by row.
_INSERT_NOTE = f"INSERT INTO notes VALUES (?, ?, {NOTETYPE_ID}, ?, -1, ?, ?, ?, ?, 0, '')"
# The card id is its note's id (one card per note).
_INSERT_CARD = (
    "INSERT INTO cards VALUES (?1, ?1, ?2, 0, ?3, -1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, 0, 0, 0, '')"
)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """How many reviews a card has and when the first and last were (ms), for its card row."""

    count: int = 0
    first_ms: int | None = None
    last_ms: int | None = None


def revlog_kind(interval_before: int) -> int:
    """Anki's revlog type: a learning answer while the card had no interval yet, else a review."""
    return REVLOG_LEARN if interval_before == 0 else REVLOG_REVIEW


def review_row(review: ReviewRecord) -> ReviewRow:
    """The package's view of one review."""
    return (
        _ms(review.reviewed_at),
        review.quality,
        review.interval_before,
        review.interval_after,
        int(review.easiness_after * 1000),
        review.duration_ms,
    )


class PackageBuilder:
    """Fills a schema-11 database card by card; `finish_cards` and `write_col` complete it."""

    def __init__(
        self,
        db: sqlite3.Connection,
        *,
        media_dir: Path | None,
        scheduling: bool,
        now: datetime,
        day_start_hour: int,
        tz: tzinfo | None,
    ) -> None:
        self.db = db
        self.media_dir = media_dir
        self.scheduling = scheduling
        self.now = now
        self.day_start_hour = day_start_hour
        self.tz = tz
        self.note_ids = _IdAllocator()
        self.revlog_ids = _IdAllocator()
        self.decks: dict[str, int] = {}
        self.media: set[str] = set()
        self._earliest_ordinal = anki_day(now, day_start_hour, tz).toordinal()
        self.new_position = 0
        self.card_count = 0
        self.review_count = 0
        self._notes: list[tuple] = []
        self._cards: list[tuple] = []
        self._revlog: list[tuple] = []
        self._present_media: set[str] | None = None
        self._bound_ordinal = 0
        self._bound_ms = 0

    def add(
        self, record: CardRecord, *, position: int | None = None, suspended: bool = False
    ) -> None:
        """Add one card record (its history only when exporting with scheduling)."""
        history = [review_row(review) for review in record.history] if self.scheduling else []
        summary = ReviewSummary(
            len(history),
            min((row[0] for row in history), default=None),
            max((row[0] for row in history), default=None),
        )
        card_id = self.add_card(
            record.spec,
            record.schedule,
            record.modified_at,
            summary,
            position=position,
            suspended=suspended,
        )
        if history:
            self.add_revlog(card_id, history)

    def add_card(
        self,
        spec: CardSpec,
        schedule: Schedule | None,
        modified_at: datetime | None,
        reviews: ReviewSummary,
        *,
        position: int | None = None,
        suspended: bool = False,
        note_id: int | None = None,
    ) -> int:
        """Add one card's note and card row; return the Anki card id for its revlog rows.

        `position` orders new cards (default: the order they are added); `suspended` is for new
        cards, whose suspension has no `Schedule` to live in; `note_id` is the id `take_note_id`
        gave the card earlier (default: taken now).
        """
        state = None
        if schedule is not None:
            state = (
                schedule.repetitions,
                schedule.interval,
                int(schedule.easiness * 1000),
                schedule.due.toordinal(),
                schedule.lapses,
                schedule.suspended,
            )
        return self.add_note(
            spec.id,
            spec.deck,
            spec.question,
            spec.answer,
            anki_tags(spec.tags),
            int((modified_at or self.now).timestamp()),
            state,
            reviews,
            position,
            suspended,
            note_id,
        )

    def add_note(
        self,
        card_id: str,
        deck: str,
        question_md: str,
        answer_md: str,
        tags: str,
        note_mod: int,
        schedule: ScheduleRow | None,
        reviews: ReviewSummary,
        position: int | None,
        suspended: bool,
        note_id: int | None,
    ) -> int:
        """`add_card` with the card in plain values: `tags` as `anki_tags` gives them, `note_mod`
        in seconds, the schedule as a `ScheduleRow`."""
        question = render_side(question_md).replace(FIELD_SEPARATOR, "")
        answer = render_side(answer_md).replace(FIELD_SEPARATOR, "")
        if self.media_dir is not None and self._present_media != set():
            self._collect_media(question)
            self._collect_media(answer)
        deck_id = self.decks.get(deck) or self._deck(deck)
        if note_id is None:
            note_id = self.take_note_id(note_mod, reviews.first_ms)
        sort_text = sort_field(question)
        self._notes.append(
            (
                note_id,
                note_guid(card_id),
                note_mod,
                tags,
                f"{question}{FIELD_SEPARATOR}{answer}{FIELD_SEPARATOR}{html.escape(card_id)}",
                sort_text,
                checksum(sort_text),
            )
        )
        if self.scheduling and schedule is not None:
            repetitions, interval, easiness, due, lapses, schedule_suspended = schedule
            self._earliest_ordinal = min(self._earliest_ordinal, due)
            state = (
                TYPE_REVIEW,
                QUEUE_SUSPENDED if schedule_suspended else QUEUE_REVIEW,
                due,  # an absolute day number until `finish_cards`
                max(interval, 1),
                easiness,
                reviews.count or repetitions,
                lapses,
            )
        else:
            self.new_position += 1
            # New cards keep their (relative) order; `finish_cards` numbers them 1, 2, 3...
            order = position if position is not None else self.new_position
            queue = QUEUE_SUSPENDED if self.scheduling and suspended else QUEUE_NEW
            state = (TYPE_NEW, queue, order, 0, 0, 0, 0)
        last_ms = reviews.last_ms
        card_mod = note_mod if last_ms is None else max(note_mod, last_ms // 1000)
        # Note ids are distinct, so taking each as a card id always gets it: one card per note,
        # card id = note id.
        self._cards.append((note_id, deck_id, card_mod, *state))
        first_ms = reviews.first_ms
        if first_ms is not None and first_ms < self._earliest_bound_ms():
            first_day = anki_day(
                datetime.fromtimestamp(first_ms / 1000, UTC), self.day_start_hour, self.tz
            )
            self._earliest_ordinal = min(self._earliest_ordinal, first_day.toordinal())
        self.card_count += 1
        self.review_count += reviews.count
        if len(self._cards) >= _BATCH:
            self.flush()
        return note_id

    def take_note_id(self, note_mod: int, first_review_ms: int | None) -> int:
        """A new note's id: its creation time in Anki, so the first review if that predates the
        last edit (`note_mod`, seconds), made distinct from the ids taken before."""
        return self.note_ids.take(min(note_mod * 1000, first_review_ms or note_mod * 1000))

    def add_revlog(self, card_id: int, history: Sequence[ReviewRow]) -> None:
        """Add the revlog rows of one card."""
        take = self.revlog_ids.take
        self._revlog.extend(
            (
                take(ms),
                card_id,
                -1,
                quality_to_anki_ease(quality),
                interval_after,
                interval_before,
                easiness_after,
                max(duration_ms or 0, 0),
                revlog_kind(interval_before),
            )
            for ms, quality, interval_before, interval_after, easiness_after, duration_ms in (
                history
            )
        )
        if len(self._revlog) >= _BATCH * 10:
            self.flush()

    def _earliest_bound_ms(self) -> int:
        """A moment (ms) from which on every day is at least `earliest_day`, with a day's margin
        for clock changes: only earlier first reviews need their day worked out."""
        if self._bound_ordinal != self._earliest_ordinal:
            self._bound_ordinal = self._earliest_ordinal
            start = day_start_timestamp(self.earliest_day, self.day_start_hour, self.tz)
            self._bound_ms = (start + 86_400) * 1000
        return self._bound_ms

    @property
    def earliest_day(self) -> date:
        """The earliest day the package mentions (a due day or a first review), or today."""
        return date.fromordinal(self._earliest_ordinal)

    def _deck(self, name: str) -> int:
        deck_id = self.decks.get(name)
        if deck_id is None:
            # Anki wants every ancestor of a nested deck to exist as a deck of its own.
            parts = name.split(DECK_SEPARATOR)
            for depth in range(1, len(parts) + 1):
                partial = DECK_SEPARATOR.join(parts[:depth])
                self.decks.setdefault(partial, deck_id_for(partial))
            deck_id = self.decks[name]
        return deck_id

    def _collect_media(self, field_html: str) -> None:
        assert self.media_dir is not None
        if self._present_media is None:
            self._present_media = (
                {entry.name for entry in os.scandir(self.media_dir) if entry.is_file()}
                if self.media_dir.is_dir()
                else set()
            )
        for name in media_references(field_html):
            if is_plain_name(name) and name in self._present_media:
                self.media.add(name)

    def flush(self) -> None:
        self.db.executemany(_INSERT_NOTE, self._notes)
        self.db.executemany(_INSERT_CARD, self._cards)
        self.db.executemany("INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)", self._revlog)
        self._notes.clear()
        self._cards.clear()
        self._revlog.clear()

    def finish_cards(self) -> int:
        """Shift review due days to count from `crt`, number the new cards; return `crt`."""
        self.flush()
        crt = day_start_timestamp(self.earliest_day, self.day_start_hour, self.tz)
        self.db.execute(
            "UPDATE cards SET due = due - ? WHERE type = ?", (self._earliest_ordinal, TYPE_REVIEW)
        )
        # Keyed by card id: without the key every new card's lookup scanned the whole table.
        self.db.execute("CREATE TEMP TABLE new_order (id INTEGER PRIMARY KEY, position INTEGER)")
        self.db.execute(
            "INSERT INTO new_order SELECT id, ROW_NUMBER() OVER (ORDER BY due, id)"
            " FROM cards WHERE type = ?",
            (TYPE_NEW,),
        )
        self.db.execute(
            "UPDATE cards SET due = new_order.position FROM new_order"
            " WHERE new_order.id = cards.id AND cards.type = ?",
            (TYPE_NEW,),
        )
        self.db.execute("DROP TABLE new_order")
        return crt

    def write_col(self, db: sqlite3.Connection, crt: int) -> None:
        """Write the `col` row (configuration, note type, decks) into the package `db`."""
        now_s = int(self.now.timestamp())
        decks = {str(DEFAULT_DECK_ID): deck_entry(DEFAULT_DECK_ID, "Default", now_s)}
        for name, deck_id in self.decks.items():
            decks[str(deck_id)] = deck_entry(deck_id, name, now_s)
        conf = {
            # Without schedVer 2 Anki takes the history for the v1 scheduler's and rewrites it.
            "schedVer": 2,
            "rollover": self.day_start_hour,
            "activeDecks": [DEFAULT_DECK_ID],
            "curDeck": DEFAULT_DECK_ID,
            "curModel": NOTETYPE_ID,
            "nextPos": self.new_position + 1,
            "newSpread": 0,
            "collapseTime": 1200,
            "timeLim": 0,
            "estTimes": True,
            "dueCounts": True,
            "sortType": "noteFld",
            "sortBackwards": False,
            "addToCur": True,
        }
        db.execute(
            "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
            (
                crt,
                _ms(self.now),
                _ms(self.now),
                json.dumps(conf),
                json.dumps({str(NOTETYPE_ID): notetype_entry()}),
                json.dumps(decks),
                json.dumps({"1": deck_config(now_s)}),
            ),
        )

    def summary(self, media: int) -> ApkgSummary:
        return ApkgSummary(
            cards=self.card_count, reviews=self.review_count, media=media, decks=len(self.decks)
        )


def write_apkg(
    records: Iterable[CardRecord],
    out_path: str | os.PathLike[str],
    *,
    media_dir: str | os.PathLike[str] | None = None,
    scheduling: bool = True,
    now: datetime,
    day_start_hour: int = 4,
    tz: tzinfo | None = None,
) -> ApkgSummary:
    """Write `records` as an Anki package at `out_path` (replaced atomically when complete).

    `media_dir` is where the files cards refer to live (None: no media). `tz` is the time zone
    of the local days in the schedules (None: this machine's).
    """
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".deckard-export-", dir=out.parent) as work:
        db_path = Path(work) / "collection.anki2"
        db = open_package_db(db_path)
        try:
            db.execute("BEGIN")
            builder = PackageBuilder(
                db,
                media_dir=Path(media_dir) if media_dir is not None else None,
                scheduling=scheduling,
                now=now,
                day_start_hour=day_start_hour,
                tz=tz,
            )
            for record in records:
                builder.add(record)
            crt = builder.finish_cards()
            for statement in INDEXES:
                db.execute(statement)
            builder.write_col(db, crt)
            db.execute("COMMIT")
        finally:
            db.close()
        media_names = sorted(builder.media)
        zip_package(db_path, media_dir, media_names, out)
    return builder.summary(len(media_names))


def open_package_db(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A new, empty schema-11 database at `path`, set up for one bulk write.

    The file is a throwaway until it is zipped, so it has no journal and is never synced: if
    the export fails, the whole folder it lives in is deleted.
    """
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=check_same_thread)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    # Sorting a million review rows (revlog ids) spills to temporary files otherwise.
    db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA cache_size = -65536")
    db.executescript(SCHEMA)
    return db


def zip_package(
    db_path: Path,
    media_dir: str | os.PathLike[str] | None,
    media_names: Sequence[str],
    out: Path,
) -> None:
    """Zip the package database and the media at `out`, which appears only once complete."""
    partial = db_path.with_name("package.apkg")
    with open(partial, "wb") as stream:
        # The database, deflated on every core; `zipfile` adds the rest.
        written = write_deflated(stream, db_path, "collection.anki2", level=1)
    with zipfile.ZipFile(
        partial, "a" if written else "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as zf:
        if not written:
            zf.write(db_path, "collection.anki2")
        zf.writestr("media", json.dumps({str(i): name for i, name in enumerate(media_names)}))
        for index, name in enumerate(media_names):
            zf.write(Path(media_dir or ".") / name, str(index))
    os.replace(partial, out)
