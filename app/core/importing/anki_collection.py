"""Reading the SQLite collection inside an Anki package into Deckard card records.

Handles schema 11 (note types and decks as JSON in `col`) and schema 18 (separate `notetypes`,
`fields`, `templates` and `decks` tables, template text in protobuf blobs). The database is
untrusted: it is opened read-only and immutable, with `trusted_schema` off and a cap on value
sizes; only plain tables are read (a `notes` that is a view, a virtual table or has generated
columns is refused), and only SELECTs run, so triggers never fire.

Each Anki card becomes one card with the id `anki-{note guid}-{card ordinal}`, which is how a
later import of the same package finds it again. Each card also gets a fingerprint of everything
its rendering depends on (note fields and tags, note type, template, deck); when the collection
already holds the card with the same fingerprint, the card is not rendered again.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import Any

from app.core import forking
from app.core.errors import InputError
from app.core.importing import FingerprintedBatch, KnownFingerprints, anki_plans, anki_protobuf
from app.core.importing.anki_sides import NoteType, render_sides
from app.core.importing.anki_templates import Template, TemplateError
from app.core.model import (
    CardRecord,
    CardSpec,
    ReviewRecord,
    Schedule,
    anki_ease_to_quality,
    made_by_columns,
)

# Largest single value (a note's fields, a JSON column) the reader accepts.
MAX_VALUE_BYTES = 64 * 1024**2

DEFAULT_EASE = Decimal("2.5")
MIN_EASE = Decimal("1.3")
# A `due` above this is a unix time (learning cards), below it a day number.
_TIMESTAMP_DUE = 1_000_000_000
# The package's cards in card order: new cards in their order of introduction, then the others.
_CARD_ORDER = " FROM cards ORDER BY type != 0, CASE WHEN type = 0 THEN due ELSE 0 END, nid, ord"
_SCHEDULE_COLUMNS = "queue, due, ivl, factor, reps, lapses, odue"
_ALL_CARD_COLUMNS = {"id", "nid", "did", "ord", "type", "odid", *_SCHEDULE_COLUMNS.split(", ")}
# A scheduled card whose scheduling the read by card id did not find.
_UNREAD: Any = ()


def read_collection(
    db_path: Path,
    batch: FingerprintedBatch,
    *,
    source: Path,
    member: str,
    deck_prefix: str | None,
    keep_scheduling: bool,
    known: KnownFingerprints | None = None,
) -> None:
    """Add the cards of the collection at `db_path` to `batch`, with the reasons for any card
    left out; cards whose fingerprint `known()` already holds go to `batch.unchanged`."""
    where = f"member {member!r}"
    uri = f"file:{db_path}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise InputError(
            f"cannot open the collection ({error})", path=source, where=where
        ) from None
    try:
        # SQLite checks the file on a second connection and thread (it holds no GIL while it
        # does) as the cards are read; what it finds decides the outcome first, as if it had
        # run before any reading.
        check = _IntegrityCheck(uri)
        try:
            _prepare(con)
            reader = _Reader(con, source=source, where=where, deck_prefix=deck_prefix)
            reader.read(batch, keep_scheduling=keep_scheduling, known=known)
        except BaseException:
            check.raise_problem(source, where)
            raise
        check.raise_problem(source, where)
    except InputError:
        raise
    except (sqlite3.Error, ValueError, KeyError, TypeError, OverflowError, OSError) as error:
        message = str(error) or type(error).__name__
        if isinstance(error, sqlite3.DataError) or "too big" in message:
            message = f"a value is larger than {MAX_VALUE_BYTES // 1024**2} MiB"
        raise InputError(f"damaged collection ({message})", path=source, where=where) from None
    finally:
        con.close()


def _prepare(con: sqlite3.Connection) -> None:
    """Limits and settings for reading an untrusted collection."""
    con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    con.create_collation("unicase", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA query_only = ON")


class _IntegrityCheck:
    """`PRAGMA quick_check` of the collection file, run on a thread of its own."""

    def __init__(self, uri: str) -> None:
        self.result: str | None = None
        self.error: BaseException | None = None
        self.con: sqlite3.Connection | None = None
        try:
            self.con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as error:
            self.error = error
        self.thread = threading.Thread(target=self._run, name="import-check", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        if self.con is None:
            return
        try:
            _prepare(self.con)
            self.result = self.con.execute("PRAGMA quick_check").fetchone()[0]
        except BaseException as error:  # handed to the reading thread by raise_problem
            self.error = error
        finally:
            self.con.close()

    def raise_problem(self, source: Path, where: str) -> None:
        """Wait for the check; raise what it found wrong (its own error, or damage).

        Interrupted (Ctrl+C), it stops the check and still waits for the thread, so that the
        file is closed before its folder is removed.
        """
        interrupted: BaseException | None = None
        while self.thread.is_alive():
            try:
                self.thread.join()
            except BaseException as error:
                if self.con is not None:
                    with contextlib.suppress(sqlite3.Error):  # already closed: the check is over
                        self.con.interrupt()
                interrupted = interrupted or error
        if interrupted is not None:
            raise interrupted
        if self.error is not None:
            raise self.error
        if self.result != "ok":
            raise InputError("the collection database is damaged", path=source, where=where)


class _Reader:
    def __init__(
        self, con: sqlite3.Connection, *, source: Path, where: str, deck_prefix: str | None
    ):
        self.con = con
        self.source = source
        self.where = where
        self.deck_prefix = deck_prefix

    def fail(self, message: str) -> InputError:
        return InputError(message, path=self.source, where=self.where)

    def read(
        self,
        batch: FingerprintedBatch,
        *,
        keep_scheduling: bool,
        known: KnownFingerprints | None,
    ) -> None:
        tables = self._plain_tables()
        for required in ("col", "notes", "cards"):
            if required not in tables:
                raise self.fail(f"the collection has no {required} table")
        row = self.con.execute("SELECT crt, models, decks, conf FROM col").fetchone()
        if row is None:
            raise self.fail("the collection's col table is empty")
        crt, models_json, decks_json, conf_json = row
        schema18 = "notetypes" in tables and not models_json
        if schema18:
            for required in ("fields", "templates", "decks"):
                if required not in tables:
                    raise self.fail(f"the collection has no {required} table")
            notetypes = self._notetypes_18()
            decks = self._decks_18()
            sched_ver = self._sched_ver_18(tables)
        else:
            notetypes = self._notetypes_11(models_json)
            decks = self._decks_11(decks_json)
            sched_ver = int(_json(conf_json or "{}").get("schedVer", 1) or 1)
        history = {}
        if keep_scheduling and "revlog" in tables:
            history = self._history(sched_ver)
        crt_day = datetime.fromtimestamp(int(crt)).date()
        self._cards(
            batch, notetypes, decks, history, crt_day, keep_scheduling, known() if known else {}
        )

    def _plain_tables(self) -> set[str]:
        names = set()
        for name, sql in self.con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        ):
            if sql and sql.lstrip().upper().startswith("CREATE VIRTUAL"):
                continue
            hidden = [r[6] for r in self.con.execute(f'PRAGMA table_xinfo("{name}")')]
            if any(flag in (2, 3) for flag in hidden):
                continue  # generated columns would run expressions while we read
            names.add(name)
        return names

    # Note types and decks -------------------------------------------------------------

    def _notetypes_11(self, models_json: str) -> dict[int, NoteType]:
        result = {}
        for key, model in _json(models_json).items():
            fields = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
            cloze = model.get("type") == 1
            templates = {}
            for index, tmpl in enumerate(model["tmpls"]):
                ordinal = int(tmpl.get("ord", index))
                templates[ordinal] = self._templates(
                    model["name"], tmpl.get("name", ""), tmpl["qfmt"], tmpl["afmt"]
                )
            result[int(key)] = NoteType(model["name"], cloze, fields, templates)
        return result

    def _notetypes_18(self) -> dict[int, NoteType]:
        result = {}
        for ntid, name, config in self.con.execute("SELECT id, name, config FROM notetypes"):
            cloze = anki_protobuf.notetype_is_cloze(bytes(config or b""))
            result[ntid] = NoteType(name, cloze, [], {})
        for ntid, _ord, name in self.con.execute(
            "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"
        ):
            if ntid in result:
                result[ntid].fields.append(name)
        for ntid, ordinal, name, config in self.con.execute(
            "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord"
        ):
            if ntid in result:
                qfmt, afmt = anki_protobuf.template_formats(bytes(config or b""))
                result[ntid].templates[ordinal] = self._templates(
                    result[ntid].name, name, qfmt, afmt
                )
        return result

    def _templates(
        self, notetype: str, name: str, qfmt: str, afmt: str
    ) -> tuple[str, Template, Template]:
        try:
            return name, Template(qfmt), Template(afmt)
        except TemplateError as error:
            raise self.fail(f"note type {notetype!r}, card {name!r}: {error}") from None

    def _decks_11(self, decks_json: str) -> dict[int, str]:
        return {int(key): deck["name"] for key, deck in _json(decks_json).items()}

    def _decks_18(self) -> dict[int, str]:
        return {
            did: name.replace("\x1f", "::")
            for did, name in self.con.execute("SELECT id, name FROM decks")
        }

    def _sched_ver_18(self, tables: set[str]) -> int:
        if "config" not in tables:
            return 2
        row = self.con.execute("SELECT val FROM config WHERE KEY = 'schedVer'").fetchone()
        if row is None:
            return 2
        return int(json.loads(bytes(row[0]).decode("utf-8")))

    def _deck_name(self, decks: dict[int, str], did: int) -> str:
        name = decks.get(did, "Default")
        if self.deck_prefix:
            return self.deck_prefix if name == "Default" else f"{self.deck_prefix}::{name}"
        return name

    # Review history -------------------------------------------------------------------

    def _history(self, sched_ver: int) -> dict[int, list[ReviewRecord]]:
        history: dict[int, list[ReviewRecord]] = {}
        previous: dict[int, Decimal] = {}
        # Rows that are certainly not answers (whole-number button or kind out of range) are
        # left out by SQLite already; the checks below still see every other row.
        for rid, cid, ease, ivl, last_ivl, factor, duration, kind in self.con.execute(
            "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog"
            " WHERE NOT (typeof(ease) = 'integer' AND typeof(type) = 'integer'"
            " AND (ease NOT BETWEEN 1 AND 4 OR type NOT IN (0, 1, 2, 3)))"
            " ORDER BY cid, id"
        ):
            if not 1 <= ease <= 4 or kind not in (0, 1, 2, 3):
                continue  # manual reschedules and resets are not answers
            if sched_ver < 2 and kind in (0, 2) and ease in (2, 3):
                ease += 1  # the v1 scheduler had three learning buttons
            before = previous.get(cid, DEFAULT_EASE)
            after = _ease(factor, before)
            previous[cid] = after
            history.setdefault(cid, []).append(
                ReviewRecord(
                    reviewed_at=datetime.fromtimestamp(rid / 1000, UTC),
                    quality=anki_ease_to_quality(ease),
                    interval_before=max(last_ivl, 0),
                    interval_after=max(ivl, 0),
                    easiness_before=before,
                    easiness_after=after,
                    duration_ms=max(int(duration), 0),
                )
            )
        return history

    # Cards ----------------------------------------------------------------------------

    def _cards(
        self,
        batch: FingerprintedBatch,
        notetypes: dict[int, NoteType],
        decks: dict[int, str],
        history: dict[int, list[ReviewRecord]],
        crt_day: date,
        keep_scheduling: bool,
        known: Mapping[str, str],
    ) -> None:
        """The package's cards, in card order. What each card is (its id, fingerprint and
        sides, see `_Planner`) is worked out chunk by chunk, for a large package partly in
        worker processes (`app.core.forking`); the records are made here, in order.

        The outcome, errors included, is the one of reading card after card: a card whose
        planning or rendering raised in a chunk is done again here, in its turn, to raise.
        """
        notes = {
            row[0]: row
            for row in self.con.execute("SELECT id, guid, mid, mod, tags, flds FROM notes")
        }
        rows, scheduling = self._card_rows(keep_scheduling)
        planner = anki_plans.CardPlanner(self, rows, notes, notetypes, decks, known)
        count = -(-len(rows) // anki_plans.CARD_CHUNK)
        # Worker processes pay off when thousands of cards are to be rendered, as the first
        # chunk's fingerprints (quick to make) tell: not for a package imported again unchanged.
        # With no fingerprints known (a first import), every card is to be rendered.
        if not known:
            to_render = min(len(rows), anki_plans.CARD_CHUNK) * count
        else:
            first = planner.plans(rows[: anki_plans.CARD_CHUNK], render=False, raising=False)
            to_render = sum(1 for plan in first if plan[1] == anki_plans.NOT_RENDERED) * count
            if to_render == 0 and len(first) == len(rows[: anki_plans.CARD_CHUNK]):
                planner.done[0] = first  # nothing in it to render: the first chunk is planned
        workers = forking.worker_count() if to_render >= anki_plans.PARALLEL_MIN_CARDS else 0
        chunks = forking.map_chunks(planner.chunk, count, workers=workers)
        records = batch.cards
        fingerprints = batch.fingerprints
        unchanged = batch.unchanged
        digests = batch.digests
        skipped = batch.skipped
        seen: set[str] = set()
        # Notes added together share their edit time, tags and scheduling: each distinct
        # value is converted once (the results are immutable, so cards can share them).
        modified: dict[int, datetime] = {}
        tag_lists: dict[str, tuple[str, ...]] = {}
        schedules: dict[tuple[int, ...], Schedule] = {}
        # The records' fields, column by column, made into records at the end (see
        # `model.made_by_columns`).
        ids: list[str] = []
        card_decks: list[str] = []
        questions: list[str] = []
        answers: list[str] = []
        card_tags: list[tuple[str, ...]] = []
        card_schedules: list[Schedule | None] = []
        histories: list[tuple[ReviewRecord, ...]] = []
        stamps: list[datetime] = []
        try:
            for number, planned in enumerate(chunks):
                start = number * anki_plans.CARD_CHUNK
                for index, row in enumerate(rows[start : start + anki_plans.CARD_CHUNK], start):
                    offset = index - start
                    if offset < len(planned):
                        card_id, outcome, fingerprint, sides = planned[offset]
                    else:  # the chunk stopped at this card: planned here, raising in turn
                        plans = planner.plans([row], render=False, raising=True)
                        card_id, outcome, fingerprint, sides = plans[0]
                    if outcome == anki_plans.UNCHANGED:  # the usual outcome on importing again
                        if card_id in seen:
                            skipped.append(f"card {card_id}: appears twice in the package")
                        else:
                            seen.add(card_id)
                            unchanged[card_id] = fingerprint
                        continue
                    if outcome == anki_plans.NOTE_MISSING:
                        skipped.append(f"card {row[0]}: its note is missing from the package")
                        continue
                    if card_id in seen:
                        skipped.append(f"card {card_id}: appears twice in the package")
                        continue
                    if outcome == anki_plans.NOTETYPE_MISSING:
                        skipped.append(f"card {card_id}: its note type is missing from the package")
                        continue
                    if outcome == anki_plans.NOT_RENDERED:
                        sides = planner.render(row)
                    if sides is None:
                        skipped.append(f"card {card_id}: empty question")
                        continue
                    seen.add(card_id)
                    cid, nid, did, _, ctype, odid = row
                    _, _, _, mod, tags, _ = notes[nid]
                    schedule = None
                    if keep_scheduling and ctype != 0:
                        queue, due, ivl, factor, reps, lapses, odue = scheduling[index]
                        if odid and odue:
                            due = odue
                        key = (due, ivl, factor, reps, lapses, queue)
                        schedule = schedules.get(key)
                        if schedule is None:
                            schedule = schedules[key] = _schedule(*key, crt_day)
                    tag_list = tag_lists.get(tags)
                    if tag_list is None:
                        tag_list = tag_lists[tags] = tuple(str(tags).split())
                    stamp = modified.get(mod)
                    if stamp is None:
                        stamp = modified[mod] = datetime.fromtimestamp(int(mod), UTC)
                    reviews = history.get(cid)
                    question, answer, digest = sides
                    ids.append(card_id)
                    card_decks.append(planner.deck(odid or did))
                    questions.append(question)
                    answers.append(answer)
                    card_tags.append(tag_list)
                    card_schedules.append(schedule)
                    histories.append(tuple(reviews) if reviews else ())
                    stamps.append(stamp)
                    fingerprints[card_id] = fingerprint
                    if digest is not None:
                        digests[card_id] = digest
        finally:
            chunks.close()
        specs = made_by_columns(
            CardSpec, ids, card_decks, questions, answers, card_tags, repeat(None)
        )
        records.extend(made_by_columns(CardRecord, specs, card_schedules, histories, stamps))

    def _card_rows(self, keep_scheduling: bool) -> tuple[list[tuple[Any, ...]], list[Any]]:
        """The cards in card order as (id, nid, did, ord, type, odid), and, with
        `keep_scheduling`, each scheduled card's (queue, due, ivl, factor, reps, lapses, odue)
        in the same order (None for a new card, whose scheduling is not read).

        Most cards are new: their scheduling columns are read only for the others, by card
        id. Should ids repeat (a damaged collection), or a column be missing (reported as
        always, by the query that names every column), all columns are read in one go.
        """
        names = {str(row[1]).lower() for row in self.con.execute("PRAGMA table_xinfo(cards)")}
        if names >= _ALL_CARD_COLUMNS:
            rows = self.con.execute(f"SELECT id, nid, did, ord, type, odid{_CARD_ORDER}").fetchall()
            if not keep_scheduling:
                return rows, []
            scheduled = self.con.execute(
                f"SELECT id, {_SCHEDULE_COLUMNS} FROM cards WHERE type IS NOT 0"
            ).fetchall()
            by_id = {row[0]: row[1:] for row in scheduled}
            if len(by_id) == len(scheduled):
                scheduling = [None if row[4] == 0 else by_id.get(row[0], _UNREAD) for row in rows]
                if _UNREAD not in scheduling:
                    return rows, scheduling
        rows = self.con.execute(
            f"SELECT id, nid, did, ord, type, odid, {_SCHEDULE_COLUMNS}{_CARD_ORDER}"
        ).fetchall()
        return [row[:6] for row in rows], [row[6:] for row in rows]

    def _render(
        self, notetype: NoteType, ordinal: int, flds: str, tags: str, deck: str
    ) -> tuple[str, str] | None:
        """The sides of one card (see `anki_sides.render_sides`)."""
        return render_sides(notetype, ordinal, flds, tags, deck)


def _ease(factor: int, fallback: Decimal) -> Decimal:
    return Decimal(int(factor)) / 1000 if factor and factor > 0 else fallback


def _schedule(
    due: int, ivl: int, factor: int, reps: int, lapses: int, queue: int, crt_day: date
) -> Schedule:
    if due > _TIMESTAMP_DUE:
        due_day = datetime.fromtimestamp(due).date()
    else:
        due_day = crt_day + timedelta(days=int(due))
    return Schedule(
        repetitions=max(int(reps), 0),
        interval=max(int(ivl), 0),
        easiness=max(_ease(factor, DEFAULT_EASE), MIN_EASE),
        due=due_day,
        lapses=max(int(lapses), 0),
        suspended=queue == -1,
    )


def _json(text: str | bytes) -> dict:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object")
    return value
