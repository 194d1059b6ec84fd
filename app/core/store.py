"""Storage helpers shared by the collection's parts: transactions, stamps, decks, card rows."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields, make_dataclass
from datetime import datetime
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from app.core.collection_types import Card
from app.core.days import format_day, parse_day, utc_offset
from app.core.errors import CollectionError, InputError
from app.core.model import DECK_SEPARATOR, CardSpec
from app.core.schema import check_not_newer, migrate
from app.core.sm2 import milli_to_easiness

CARD_COLUMNS = (
    "c.id, d.name, c.question, c.answer, c.tags, c.repetitions, c.interval, c.easiness,"
    " c.due, c.lapses, c.suspended, c.buried_until, c.repeat_day, c.source, c.source_line,"
    " c.position, c.created_at, c.modified_at"
)
CARD_SELECT = f"SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id"
# What the queue query reads of the card it picks: its rowid, the CARD_COLUMNS with the deck's
# id in place of its name (the caller knows the names), and last `repeat_since`, so that the
# row also holds the SCHEDULE_COLUMNS an answer starts from.
QUEUE_COLUMNS = (
    "rowid, id, deck_id, question, answer, tags, repetitions, interval, easiness, due, lapses,"
    " suspended, buried_until, repeat_day, source, source_line, position, created_at,"
    " modified_at, repeat_since"
)

# JSON as json.dumps(..., ensure_ascii=False) writes it; `_quote` is its string encoder.
_JSON = json.JSONEncoder(ensure_ascii=False)
_quote: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]
# A string as JSON spells it with ensure_ascii=False (the deck in `content_hash`).
json_string = _quote
# Rows per multi-row INSERT. Compiling the statement costs in proportion to its rows, and an
# import compiles one per kind of row (see merge._row_shape): past a few hundred rows the
# compiling costs more than the fewer statements save.
_ROWS_PER_INSERT = 250
# Pages in the write-ahead log past which a commit checkpoints it itself (SQLite's default is
# 1,000): well beyond where the background checkpoint copies it (app.core.collection).
WAL_AUTOCHECKPOINT_PAGES = 4096

# The columns an answer changes; undo puts them back from a snapshot.
SCHEDULE_COLUMNS = (
    "repetitions",
    "interval",
    "easiness",
    "due",
    "lapses",
    "buried_until",
    "repeat_day",
    "repeat_since",
)


def transaction(conn: sqlite3.Connection) -> _Transaction:
    """One write transaction: committed (and synced) on success, rolled back on any error.

    BEGIN IMMEDIATE takes the write lock up front, so two programs writing at once wait for
    each other (busy timeout) instead of failing half-way through.
    """
    return _Transaction(conn)


class _Transaction:
    """`transaction` as a context manager class: every answer opens one, and a class enters
    and leaves in a fraction of the time a generator-based context manager takes."""

    __slots__ = ("conn",)

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise CollectionError(storage_problem(error)) from error
        return self.conn

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> Literal[False]:
        if exc is None:
            try:
                self.conn.execute("COMMIT")
            except BaseException as error:
                self._roll_back(error)
                raise
            return False
        self._roll_back(exc)
        return False  # the error goes on as it was

    def _roll_back(self, error: BaseException) -> None:
        """Roll back; a storage error becomes a CollectionError a person can act on."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        if isinstance(error, sqlite3.DatabaseError) and not isinstance(
            error, sqlite3.IntegrityError | sqlite3.ProgrammingError
        ):
            raise CollectionError(storage_problem(error)) from error


def storage_problem(error: sqlite3.Error) -> str:
    """A one-line message a person can act on for an error SQLite reports while writing."""
    text = str(error)
    if "full" in text:
        return "the disk is full, so nothing was saved; free some space and try again"
    if "locked" in text or "busy" in text:
        return "the collection is busy in another program, so nothing was saved; try again"
    if "readonly" in text or "read-only" in text:
        return "the collection is read-only, so nothing was saved"
    if "malformed" in text or "not a database" in text:
        return (
            "the collection file is damaged, so nothing was saved; restore a backup "
            "(File › Restore backup…, or `deckard restore FILE`)"
        )
    return f"the collection could not be saved ({text})"


def open_connection(path: Path) -> sqlite3.Connection:
    """A connection to the collection file at `path`, created and migrated as needed.

    Autocommit mode (transactions are explicit), WAL journal with synchronous=FULL so a
    committed answer survives a crash or power cut, foreign keys on, and a busy timeout so a
    backup reading beside us never makes a write fail.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    except (OSError, sqlite3.Error) as error:
        raise CollectionError(f"{path}: cannot open the collection: {error}") from error
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        # Refuse a newer file before anything (even the journal mode) is changed in it.
        check_not_newer(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise CollectionError(f"{path}: cannot switch the collection to WAL mode")
        conn.execute("PRAGMA synchronous = FULL")
        # The log is copied back into the file by app.core.checkpoint while answering pauses;
        # SQLite's own checkpoint, inside a commit, is only the fallback for a log this long.
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(WAL_AUTOCHECKPOINT_PAGES)}")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise CollectionError(f"{path}: not a usable Deckard collection: {error}") from error
    except BaseException:
        conn.close()
        raise
    return conn


def utc_stamp(moment: datetime) -> str:
    """UTC ISO-8601 with milliseconds and a Z: '2026-11-27T20:26:32.123Z'."""
    offset = utc_offset(moment)
    # Subtracting the offset gives the UTC wall-clock fields without building a UTC datetime,
    # and the day's text comes from format_day's cache: isoformat() alone costs several times
    # as much, and imports stamp every card, answers every log row.
    if offset:
        moment = moment - offset
    return "%sT%02d:%02d:%02d.%03dZ" % (  # noqa: UP031 - faster than format() here
        format_day(moment.date()),
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond // 1000,
    )


def parse_stamp(text: str) -> datetime:
    """A stored UTC stamp back as an aware datetime."""
    return datetime.fromisoformat(text)  # reads the Z as UTC since Python 3.11


def check_deck_name(name: str, *, where: str | None = None) -> str:
    """The deck name with blanks trimmed around each level; empty levels raise InputError."""
    if not isinstance(name, str):
        raise InputError("deck name must be text", where=where)
    parts = [part.strip() for part in name.split(DECK_SEPARATOR)]
    if not name.strip() or any(not part for part in parts):
        raise InputError(f"deck name {name!r} has an empty level", where=where)
    return DECK_SEPARATOR.join(parts)


def ensure_deck(conn: sqlite3.Connection, name: str) -> int:
    """The id of deck `name`, creating it and any missing parent decks (inside a transaction)."""
    name = check_deck_name(name)
    parent_id: int | None = None
    parts = name.split(DECK_SEPARATOR)
    for depth in range(1, len(parts) + 1):
        prefix = DECK_SEPARATOR.join(parts[:depth])
        row = conn.execute("SELECT id FROM decks WHERE name = ?", (prefix,)).fetchone()
        if row is None:
            cursor = conn.execute(
                "INSERT INTO decks (name, parent_id) VALUES (?, ?)", (prefix, parent_id)
            )
            parent_id = int(cursor.lastrowid or 0)
        else:
            parent_id = int(row[0])
    assert parent_id is not None
    return parent_id


def content_hash(spec: CardSpec) -> str:
    """A fingerprint of what a source says about a card: deck, both sides and tags.

    The SHA-256 of `json.dumps([deck, question, answer, tags], ensure_ascii=False)`: collections
    store it, so it must never change. Spelled out for speed (an import hashes every card).
    """
    try:
        return hash_card_text(
            json_string(spec.deck), spec.question, spec.answer, tags_json(spec.tags)
        )
    except TypeError:  # not all text: let json spell it
        payload = _JSON.encode([spec.deck, spec.question, spec.answer, list(spec.tags)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def hash_card_text(deck_json: str, question: str, answer: str, tags_text: str) -> str:
    """`content_hash` from the deck's and the tags' JSON (which importers make once for many
    cards) and the two sides; TypeError if a side is not text, UnicodeEncodeError if it holds
    a lone surrogate."""
    payload = f"[{deck_json}, {_quote(question)}, {_quote(answer)}, {tags_text}]"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def tags_json(tags: tuple[str, ...] | list[str]) -> str:
    """Tags as stored: a JSON array (what `json.dumps(tags, ensure_ascii=False)` gives)."""
    try:
        return f"[{', '.join(map(_quote, tags))}]"
    except TypeError:
        return _JSON.encode(list(tags))


# Ids bound per `IN (...)` statement: well below SQLite's limit on bound parameters.
IDS_PER_QUERY = 500


def id_chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """`ids` in slices of at most IDS_PER_QUERY, one statement's worth each."""
    for start in range(0, len(ids), IDS_PER_QUERY):
        yield ids[start : start + IDS_PER_QUERY]


def marks(ids: Sequence[object]) -> str:
    """The `?,?,...` placeholders binding `ids` in an `IN (...)` list."""
    return ",".join("?" * len(ids))


def insert_rows(conn: sqlite3.Connection, insert: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Run `insert` ("INSERT INTO t (a, b)") for every row, many rows per statement.

    One multi-row statement does what thousands of single-row ones would, and SQLite sets up
    the statement's undo journal once instead of once a row (the `cards` triggers make that
    journal necessary). `insert` may end in one row's values, "INSERT INTO t (a, b, c) VALUES
    (?, ?, NULL)": columns that hold the same constant in every row spelled out, a placeholder
    for each of the row's values.
    """
    if not rows:
        return
    width = len(rows[0])
    variables = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    step = max(1, min(_ROWS_PER_INSERT, variables // width))
    insert, spelled, values = insert.partition(" VALUES ")
    one = values if spelled else "(" + ", ".join("?" * width) + ")"
    statements: dict[int, str] = {}
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        sql = statements.get(len(chunk))
        if sql is None:
            sql = statements[len(chunk)] = f"{insert} VALUES {', '.join([one] * len(chunk))}"
        conn.execute(sql, list(chain.from_iterable(chunk)))


# json.loads without its wrappers (type checks, a byte-order mark, a whitespace regex twice):
# the scanner it ends in, on text that tags_json wrote.
_SCAN_JSON = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def tags_from_json(text: str | None) -> tuple[str, ...]:
    """A card's tags from their stored JSON array (what `tags_json` wrote); NULL is none."""
    if not text or text == "[]":
        return ()
    try:
        value, end = _SCAN_JSON(text, 0)
    except StopIteration:
        end = -1
    if end != len(text):  # not what tags_json writes: let json.loads read it (or say why not)
        value = json.loads(text)
    return tuple(value)


def _card_maker() -> Callable[..., Card]:
    """What makes a `Card` from its fields in order, as `Card(...)` does but faster.

    Card is frozen, so its own __init__ sets each field through object.__setattr__, a slow call:
    making a card took five times as long as making the same card unfrozen, and the queue makes
    one per card shown. So a card is made as an instance of an unfrozen twin class with the same
    fields, and then given the class Card: the two lay their instances out alike (the same
    slots), so Python allows the change, and the result is a Card like any other. Should Card
    ever differ so that this no longer gives what `Card(...)` gives, it is `Card` itself.
    """
    names = [field.name for field in fields(Card)]
    twin = make_dataclass("_UnfrozenCard", names, slots=True, eq=False, repr=False)

    def make(*values: Any) -> Card:
        card = twin(*values)
        card.__class__ = Card
        return card

    sample: tuple[Any, ...] = tuple(range(len(names)))
    try:
        same = make(*sample) == Card(*sample)
    except TypeError:  # layouts that differ after all
        same = False
    return make if same and not hasattr(Card, "__post_init__") else Card


_make_card = _card_maker()


def row_to_card(row: tuple[Any, ...]) -> Card:
    """A `Card` from a row selected with CARD_COLUMNS."""
    # Positional, in the order of Card's fields: the queue builds one per card shown.
    return _make_card(
        row[0],  # id
        row[1],  # deck
        row[2],  # question
        row[3],  # answer
        tags_from_json(row[4]),
        row[5],  # repetitions
        row[6],  # interval
        milli_to_easiness(row[7]),  # easiness
        parse_day(row[8]) if row[8] else None,  # due
        row[9],  # lapses
        bool(row[10]),  # suspended
        parse_day(row[11]) if row[11] else None,  # buried_until
        parse_day(row[12]) if row[12] else None,  # repeat_day
        row[13],  # source
        row[14],  # source_line
        row[15],  # position
        parse_stamp(row[16]),  # created_at
        parse_stamp(row[17]),  # modified_at
    )


def fetch_card(conn: sqlite3.Connection, card_id: str) -> Card:
    """The card with id `card_id`; CollectionError when there is none."""
    row = conn.execute(f"{CARD_SELECT} WHERE c.id = ?", (card_id,)).fetchone()
    if row is None:
        raise CollectionError(f"no card with id {card_id!r}")
    return row_to_card(row)


def deck_id_for(conn: sqlite3.Connection, name: str) -> int:
    """The id of an existing deck; CollectionError naming the deck when there is none."""
    row = conn.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise CollectionError(f"no deck named {name!r}")
    return int(row[0])
