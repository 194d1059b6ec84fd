"""Merging an import batch into the collection: add, update, leave alone, suspend; never delete.

A card is matched by its stable id. A new id is added (with its scheduling and history when the
batch brings them); a known id whose content changed since it was last imported gets the new
content while keeping its scheduling and history; a card that came from the same source before
and is missing now is suspended, so nothing studied is ever lost. All of it is one transaction.
Media files are written before the transaction and removed again if it fails.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from app.core.collection_types import ImportResult
from app.core.days import format_day
from app.core.errors import InputError
from app.core.model import CardRecord, ImportBatch
from app.core.sm2 import check_quality, easiness_to_milli
from app.core.store import (
    check_deck_name,
    content_hash,
    ensure_deck,
    tags_json,
    transaction,
    utc_stamp,
)

CHUNK = 500


def _validate(batch: ImportBatch, result: ImportResult) -> list[CardRecord]:
    """The records to merge, each id once; bad records raise InputError before any write."""
    seen: set[str] = set()
    records: list[CardRecord] = []
    for record in batch.cards:
        spec = record.spec
        where = f"card {spec.id!r}"
        if not isinstance(spec.id, str) or not spec.id.strip():
            raise InputError("a card has no id", path=batch.source, line=spec.source_line)
        check_deck_name(spec.deck, where=where)
        if spec.id in seen:
            result.skipped.append(f"{spec.id}: appears more than once; kept the first")
            continue
        seen.add(spec.id)
        if record.schedule is not None:
            schedule = record.schedule
            if schedule.repetitions < 0 or schedule.interval < 0:
                raise InputError("negative repetitions or interval", path=batch.source, where=where)
            easiness_to_milli(schedule.easiness)
        for review in record.history:
            try:
                check_quality(review.quality)
            except ValueError as error:
                raise InputError(str(error), path=batch.source, where=where) from error
        records.append(record)
    return records


def _write_media(
    batch: ImportBatch, media_dir: Path, check_name: Callable[[str], str]
) -> tuple[list[Path], dict[str, str]]:
    """Write the batch's media files; returns the files created and any renames (old -> new).

    A different file already stored under the same name is kept; the new one is stored as
    `stem-<hash>.ext` and the cards' references are rewritten to it.
    """
    names = {name: check_name(name) for name in batch.media}
    created: list[Path] = []
    renames: dict[str, str] = {}
    if not batch.media:
        return created, renames
    media_dir.mkdir(parents=True, exist_ok=True)
    try:
        for original, data in batch.media.items():
            name = names[original]
            target = media_dir / name
            if target.exists():
                if target.read_bytes() == data:
                    continue
                stem, dot, ext = name.rpartition(".")
                digest = hashlib.sha1(data).hexdigest()[:8]
                name = f"{stem}-{digest}.{ext}" if dot and stem else f"{name}-{digest}"
                target = media_dir / name
                renames[original] = name
                if target.exists():
                    continue
            temporary = target.with_name(f".{name}.partial")
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
            created.append(target)
    except BaseException:
        remove_files(created)
        raise
    return created, renames


def remove_files(paths: list[Path]) -> None:
    """Remove files written by a failed import (missing ones are fine)."""
    for path in paths:
        path.unlink(missing_ok=True)


def _rename_refs(text: str, renames: dict[str, str]) -> str:
    for old, new in renames.items():
        for left, right in (('"', '"'), ("'", "'"), ("(", ")")):
            text = text.replace(f"{left}{old}{right}", f"{left}{new}{right}")
    return text


def _existing(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str | None, int]]:
    found: dict[str, tuple[str | None, int]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for card_id, source_hash, deck_id in conn.execute(
            f"SELECT id, source_hash, deck_id FROM cards WHERE id IN ({marks})", chunk
        ):
            found[card_id] = (source_hash, deck_id)
    return found


def merge_batch(
    conn: sqlite3.Connection,
    batch: ImportBatch,
    *,
    now: datetime,
    day_of: Callable[[datetime], date],
    media_dir: Path,
    check_media_name: Callable[[str], str],
) -> ImportResult:
    """Merge `batch` in one transaction (see the module docstring); returns what happened."""
    result = ImportResult(skipped=list(batch.skipped))
    records = _validate(batch, result)
    created, renames = _write_media(batch, media_dir, check_media_name)
    result.media = sorted(path.name for path in created)
    stamp = utc_stamp(now)
    try:
        with transaction(conn):
            existing = _existing(conn, [r.spec.id for r in records])
            deck_ids: dict[str, int] = {}
            position = conn.execute("SELECT coalesce(max(position), 0) FROM cards").fetchone()[0]
            for record in records:
                spec = record.spec
                deck = check_deck_name(spec.deck)
                if deck not in deck_ids:
                    deck_ids[deck] = ensure_deck(conn, deck)
                question = _rename_refs(spec.question, renames)
                answer = _rename_refs(spec.answer, renames)
                digest = content_hash(spec)
                known = existing.get(spec.id)
                if known is None:
                    position += 1
                    _insert_card(
                        conn,
                        record,
                        deck_ids[deck],
                        question,
                        answer,
                        digest,
                        batch.source,
                        position,
                        stamp,
                        day_of,
                    )
                    result.added.append(spec.id)
                elif known[0] != digest:
                    modified = utc_stamp(record.modified_at) if record.modified_at else stamp
                    conn.execute(
                        "UPDATE cards SET deck_id = ?, question = ?, answer = ?, tags = ?,"
                        " source = ?, source_line = ?, source_hash = ?, modified_at = ?"
                        " WHERE id = ?",
                        (
                            deck_ids[deck],
                            question,
                            answer,
                            tags_json(spec.tags),
                            batch.source,
                            spec.source_line,
                            digest,
                            modified,
                            spec.id,
                        ),
                    )
                    result.updated.append(spec.id)
                else:
                    conn.execute(
                        "UPDATE cards SET source = ?, source_line = ? WHERE id = ?",
                        (batch.source, spec.source_line, spec.id),
                    )
                    result.unchanged.append(spec.id)
            result.suspended = _suspend_missing(conn, batch.source, {r.spec.id for r in records})
    except BaseException:
        remove_files(created)
        raise
    return result


def _insert_card(
    conn: sqlite3.Connection,
    record: CardRecord,
    deck_id: int,
    question: str,
    answer: str,
    digest: str,
    source: str,
    position: int,
    stamp: str,
    day_of: Callable[[datetime], date],
) -> None:
    spec = record.spec
    schedule = record.schedule
    modified = utc_stamp(record.modified_at) if record.modified_at else stamp
    conn.execute(
        "INSERT INTO cards (id, deck_id, question, answer, tags, source, source_line,"
        " source_hash, position, created_at, modified_at, repetitions, interval, easiness,"
        " due, lapses, suspended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            spec.id,
            deck_id,
            question,
            answer,
            tags_json(spec.tags),
            source,
            spec.source_line,
            digest,
            position,
            stamp,
            modified,
            schedule.repetitions if schedule else 0,
            schedule.interval if schedule else 0,
            easiness_to_milli(schedule.easiness) if schedule else 2500,
            format_day(schedule.due) if schedule else None,
            schedule.lapses if schedule else 0,
            int(schedule.suspended) if schedule else 0,
        ),
    )
    rows = []
    for index, review in enumerate(sorted(record.history, key=lambda r: r.reviewed_at)):
        rows.append(
            (
                spec.id,
                utc_stamp(review.reviewed_at),
                format_day(day_of(review.reviewed_at)),
                review.quality,
                "new" if index == 0 else "review",
                review.interval_before,
                review.interval_after,
                easiness_to_milli(review.easiness_before),
                easiness_to_milli(review.easiness_after),
                review.duration_ms,
            )
        )
    if rows:
        conn.executemany(
            "INSERT INTO reviews (card_id, reviewed_at, day, quality, kind, interval_before,"
            " interval_after, easiness_before, easiness_after, duration_ms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def _suspend_missing(conn: sqlite3.Connection, source: str, present: set[str]) -> list[str]:
    missing = [
        card_id
        for (card_id,) in conn.execute(
            "SELECT id FROM cards WHERE source = ? AND suspended = 0 ORDER BY position", (source,)
        )
        if card_id not in present
    ]
    conn.executemany("UPDATE cards SET suspended = 1 WHERE id = ?", [(c,) for c in missing])
    return missing
