"""Exporting a real collection: the built-in deck, studied over several simulated days, into Anki.

The days are simulated in the recent past because Anki's importer reads the wall clock to place
due dates on its own calendar; every comparison goes through Anki's own idea of today.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from app.core.builtin import builtin_batch
from app.core.collection import Collection
from app.core.errors import CollectionError, InputError
from app.core.exporting import export_collection
from app.core.model import quality_to_anki_ease
from app.core.render import render_markdown
from tests.core.anki_reader import anki_cards, import_package, open_anki

NOW = datetime.now(UTC).replace(microsecond=0)
START = NOW - timedelta(days=12)
QUALITIES = [4, 5, 3, 2, 4, 1, 5, 4]
IMAGE = b"\x89PNG not really an image"


def _study(collection: Collection) -> None:
    """Answer cards on nine different days, as someone studying daily would."""
    answered = 0
    for day in range(9):
        moment = START + timedelta(days=day, hours=2)
        for step in range(12):
            card = collection.next_card(now=moment)
            if card is None:
                break
            quality = QUALITIES[answered % len(QUALITIES)]
            collection.answer(card.id, quality, now=moment, duration_ms=2000 + step)
            moment += timedelta(seconds=30)
            answered += 1


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    path = tmp_path_factory.mktemp("deckard") / "collection.deckard"
    col = Collection.open(path, import_builtin=False)
    batch = builtin_batch()
    # Give the built-in deck some depth and a picture, so deck paths and media are exercised.
    for index, record in enumerate(batch.cards[:10]):
        spec = replace(record.spec, deck="Docker::Basics" if index < 6 else "Docker::Images::Old")
        if index == 0:
            spec = replace(spec, question=spec.question + "\n\n![layers](layers.png)")
        batch.cards[index] = replace(record, spec=spec)
    batch.media["layers.png"] = IMAGE
    col.apply_batch(batch, now=START - timedelta(days=3))
    _study(col)
    unstudied = [record.spec.id for record in col.iter_records() if record.schedule is None]
    col.suspend(unstudied[-1])
    yield col
    col.close()


@pytest.fixture(scope="module")
def records(collection):
    return {record.spec.id: record for record in collection.iter_records()}


@pytest.fixture(scope="module")
def package(collection, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "docker.apkg"
    result = export_collection(collection, out, now=NOW)
    assert result.format == "apkg"
    return out, result


@pytest.fixture(scope="module")
def in_anki(package, tmp_path_factory):
    col = open_anki(tmp_path_factory.mktemp("anki") / "collection.anki2")
    log = import_package(col, package[0], scheduling=True)
    yield col, log, anki_cards(col)
    col.close()


def test_export_counts_what_the_collection_holds(package, records):
    _, result = package
    assert result.cards == len(records) > 70
    assert result.reviews == sum(len(record.history) for record in records.values()) > 50
    assert result.media == 1


def test_every_card_arrives_with_fields_tags_and_deck(in_anki, records):
    _, log, cards = in_anki
    assert len(log.new) == len(records)
    assert set(cards) == set(records)
    for card_id, record in records.items():
        card = cards[card_id]
        assert card.question == render_markdown(record.spec.question)
        assert card.answer == render_markdown(record.spec.answer)
        assert set(card.tags) == {"_".join(tag.split()) for tag in record.spec.tags}
        assert card.deck == record.spec.deck
    assert {"Docker::Basics", "Docker::Images::Old"} <= {c.deck for c in cards.values()}


def test_progress_is_kept(in_anki, records):
    _, _, cards = in_anki
    studied = [r for r in records.values() if r.schedule is not None]
    assert len(studied) > 20
    for record in studied:
        card = cards[record.spec.id]
        assert (card.type, card.queue) == (2, -1 if record.schedule.suspended else 2)
        assert card.interval == max(record.schedule.interval, 1)
        assert card.factor == int(record.schedule.easiness * 1000)
        assert card.due_day == record.schedule.due, record.spec.id
        assert card.lapses == record.schedule.lapses
        assert card.reps == len(record.history)
        assert len(card.revlog) == len(record.history)
        eases = [row[0] for row in card.revlog]
        assert eases == [quality_to_anki_ease(review.quality) for review in record.history]


def test_new_cards_keep_order_and_suspension(in_anki, records, collection):
    _, _, cards = in_anki
    unstudied = [card_id for card_id, r in records.items() if r.schedule is None]
    positions = dict(collection.db.execute("SELECT id, position FROM cards WHERE due IS NULL"))
    by_deckard = sorted(unstudied, key=lambda card_id: (positions[card_id], card_id))
    by_anki = sorted(unstudied, key=lambda card_id: cards[card_id].new_position)
    assert by_anki == by_deckard
    suspended = [card_id for card_id in unstudied if cards[card_id].queue == -1]
    assert suspended == [unstudied[-1]]


def test_media_arrives(in_anki):
    from pathlib import Path

    col, _, _ = in_anki
    assert (Path(col.media.dir()) / "layers.png").read_bytes() == IMAGE


def test_without_scheduling_everything_is_new(package, collection, records, tmp_path):
    out = tmp_path / "plain.apkg"
    result = export_collection(collection, out, scheduling=False, media=False, now=NOW)
    assert (result.reviews, result.media) == (0, 0)
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, out, scheduling=True)
        cards = anki_cards(col)
        assert len(cards) == len(records)
        assert all(card.type == 0 and not card.revlog for card in cards.values())
    finally:
        col.close()


def test_importing_without_scheduling_in_anki(package, records, tmp_path):
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, package[0], scheduling=False)
        cards = anki_cards(col)
        assert len(cards) == len(records)
        assert all(card.type == 0 for card in cards.values())
        assert col.db.scalar("select count() from revlog") == 0
    finally:
        col.close()


def test_re_export_after_an_edit_updates_one_note(collection, package, tmp_path):
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, package[0])
        unchanged = tmp_path / "unchanged.apkg"
        export_collection(collection, unchanged, now=NOW)
        log = import_package(col, unchanged)
        assert (len(log.new), len(log.updated)) == (0, 0)

        edited_id = next(iter(collection.iter_records())).spec.id
        collection.update_card(edited_id, answer="Edited **answer**.", now=NOW)
        edited = tmp_path / "edited.apkg"
        export_collection(collection, edited, now=NOW + timedelta(minutes=1))
        log = import_package(col, edited)
        assert (len(log.new), len(log.updated)) == (0, 1)
        assert anki_cards(col)[edited_id].answer == render_markdown("Edited **answer**.")
    finally:
        col.close()


def test_export_of_one_deck_takes_its_subdecks(collection, tmp_path):
    result = export_collection(collection, tmp_path / "basics.apkg", deck="Docker::Images")
    assert result.cards == 4


def test_unknown_deck_or_extension_writes_nothing(collection, tmp_path):
    with pytest.raises(InputError, match="no deck named 'Nope'"):
        export_collection(collection, tmp_path / "x.apkg", deck="Nope")
    with pytest.raises(InputError, match=r"\.txt"):
        export_collection(collection, tmp_path / "x.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_named_as_such_and_leaves_no_file(collection, tmp_path, monkeypatch):
    from app.core.exporting import from_collection

    opened = from_collection.open_package_db

    def tiny(path, **options):
        db = opened(path, **options)
        db.execute("PRAGMA max_page_count = 8")  # as if the disk filled up after 8 pages
        return db

    monkeypatch.setattr(from_collection, "open_package_db", tiny)
    out = tmp_path / "out" / "full.apkg"
    with pytest.raises(CollectionError, match=r"full\.apkg: cannot write the package: the disk"):
        export_collection(collection, out)
    assert list(out.parent.iterdir()) == []


def _package_rows(package, tmp_path):
    import sqlite3
    import zipfile

    db_file = tmp_path / f"{package.stem}.anki2"
    with zipfile.ZipFile(package) as zf:
        db_file.write_bytes(zf.read("collection.anki2"))
    db = sqlite3.connect(db_file)
    try:
        return (
            db.execute("SELECT crt FROM col").fetchone(),
            db.execute("SELECT * FROM notes ORDER BY id").fetchall(),
            db.execute(
                "SELECT id, nid, did, type, queue, CASE type WHEN 0 THEN 0 ELSE due END,"
                " ivl, factor, reps, lapses FROM cards ORDER BY id"
            ).fetchall(),
            db.execute("SELECT * FROM revlog ORDER BY id").fetchall(),
        )
    finally:
        db.close()


def test_collection_tables_and_records_give_the_same_package(collection, package, tmp_path):
    """The .apkg export reads the tables directly; the record writer must agree with it."""
    from app.core.exporting.apkg_writer import write_apkg

    from_records = tmp_path / "records.apkg"
    write_apkg(collection.iter_records(), from_records, media_dir=collection.media_dir, now=NOW)
    from_tables = tmp_path / "tables.apkg"
    export_collection(collection, from_tables, now=NOW)
    crt, notes, cards, revlog = _package_rows(from_tables, tmp_path)
    records_crt, records_notes, records_cards, records_revlog = _package_rows(
        from_records, tmp_path
    )
    assert (records_crt, records_notes, records_revlog) == (crt, notes, revlog)
    # A CardRecord has no place for a new card's suspension: that is the one difference.
    differing = set(records_cards) ^ set(cards)
    assert sorted((row[0], row[4]) for row in differing) == [
        (row[0], -1) for row in cards if row[3] == 0 and row[4] == -1
    ] + [(row[0], 0) for row in cards if row[3] == 0 and row[4] == -1]
    assert len(revlog) > 50


def test_package_comes_back_into_deckard_as_the_same_cards(package, records, tmp_path):
    with Collection.open(tmp_path / "back.deckard", import_builtin=False) as back:
        result = back.import_file(package[0], now=NOW)
        assert sorted(result.added) == sorted(records)
        again = back.import_file(package[0], now=NOW)
        assert again.added == [] and again.updated == []
        returned = {record.spec.id: record for record in back.iter_records()}
    studied = [card_id for card_id, record in records.items() if record.schedule]
    assert studied
    for card_id in studied:
        assert returned[card_id].schedule.interval == records[card_id].schedule.interval
        assert len(returned[card_id].history) == len(records[card_id].history)


def _altered_copy(collection, tmp_path, *statements):
    """A copy of the collection file with `statements` run on it (the review log rewritten)."""
    import sqlite3

    copy = tmp_path / "altered.deckard"
    source, target = sqlite3.connect(collection.path), sqlite3.connect(copy)
    try:
        source.backup(target)
        for statement in statements:
            target.execute(statement)
        target.commit()
    finally:
        source.close()
        target.close()
    return copy


def test_a_review_log_out_of_time_order_gives_the_same_package(collection, tmp_path):
    """Answers imported after later ones put the log out of time order: same package."""
    export_collection(collection, tmp_path / "in_order.apkg", now=NOW)
    copy = _altered_copy(collection, tmp_path, "UPDATE reviews SET id = 1000000 - id")
    with Collection.open(copy, import_builtin=False) as reordered:
        export_collection(reordered, tmp_path / "reordered.apkg", now=NOW)
    in_order = _package_rows(tmp_path / "in_order.apkg", tmp_path)
    assert _package_rows(tmp_path / "reordered.apkg", tmp_path) == in_order
    assert len(in_order[3]) > 50


@pytest.mark.parametrize("in_time_order", [True, False], ids=["in order", "out of order"])
def test_reviews_at_the_same_moment_get_distinct_revlog_ids(collection, tmp_path, in_time_order):
    # Every review at one of two moments an hour apart: alternating (out of time order) or
    # the earlier ones first.
    early, late = "2026-01-02T03:04:05.000Z", "2026-01-02T04:04:05.000Z"
    first_half = "id % 2 = 0" if not in_time_order else "id <= (SELECT MAX(id) / 2 FROM reviews)"
    copy = _altered_copy(
        collection,
        tmp_path,
        f"UPDATE reviews SET reviewed_at = CASE WHEN {first_half} THEN '{early}' ELSE '{late}' END",
    )
    with Collection.open(copy, import_builtin=False) as altered:
        result = export_collection(altered, tmp_path / "same.apkg", now=NOW)
    revlog = _package_rows(tmp_path / "same.apkg", tmp_path)[3]
    with Collection.open(copy, import_builtin=False) as altered:
        stamps = sorted(r.reviewed_at for record in altered.iter_records() for r in record.history)
    # In time order, each review takes its millisecond or the next one free after the last.
    expected: list[int] = []
    for stamp in stamps:
        ms = int(stamp.timestamp() * 1000)
        expected.append(max(ms, expected[-1] + 1) if expected else ms)
    assert len(expected) == result.reviews > 50
    assert [row[0] for row in revlog] == expected
    assert len(set(expected)) == len(expected) and expected[-1] - expected[0] > 3_600_000
