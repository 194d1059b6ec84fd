"""Anki packages built by Anki itself (modern and legacy layouts, .apkg and .colpkg) and by genanki,
read back card by card: sides, tags, decks, media, scheduling and review history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.importing import read_batch
from app.core.model import CardRecord

SCHEDULED_DECK = "Languages::German::Studied"


@dataclass
class AnkiPackages:
    paths: dict[str, Path]
    guids: dict[str, str]  # note key -> guid
    # anki card id -> (guid, ord, type, queue, due, ivl, factor, reps, lapses)
    cards: dict[int, tuple]
    revlog: dict[int, list[tuple]]
    anki_today: date


def _answer(col, rating) -> int:
    queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = col.get_card(queued.card.id)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=queued.states, rating=rating))
    return card.id


@pytest.fixture(scope="module")
def anki_packages(tmp_path_factory) -> AnkiPackages:
    import anki.collection  # noqa: F401  (must be imported before anki.cards)
    from anki.collection import Collection, ExportAnkiPackageOptions
    from anki.scheduler.v3 import CardAnswer

    base = tmp_path_factory.mktemp("anki")
    col = Collection(str(base / "source.anki2"))
    guids: dict[str, str] = {}

    def add(notetype: str, deck: str, key: str, tags: list[str], **fields: str) -> int:
        note = col.new_note(col.models.by_name(notetype))
        for name, value in fields.items():
            note[name.replace("_", " ")] = value
        note.tags = tags
        col.add_note(note, col.decks.id(deck))
        guids[key] = note.guid
        return note.id

    (base / "dog.png").write_bytes(b"\x89PNG dog bytes")
    (base / "bark.mp3").write_bytes(b"ID3 bark bytes")
    col.media.add_file(str(base / "dog.png"))
    col.media.add_file(str(base / "bark.mp3"))

    add(
        "Basic",
        "Languages::German",
        "basic",
        ["german", "animals::pets"],
        Front="der <b>Hund</b>",
        Back='the dog <img src="dog.png"> [sound:bark.mp3]',
    )
    add("Basic (and reversed card)", "Languages::German", "reversed", [], Front="Katze", Back="cat")
    add(
        "Basic (optional reversed card)",
        "Languages",
        "optional_on",
        [],
        Front="Haus",
        Back="house",
        Add_Reverse="y",
    )
    add("Basic (optional reversed card)", "Languages", "optional_off", [], Front="Maus", Back="mo")
    add(
        "Cloze",
        "Geography",
        "cloze",
        ["geo"],
        Text="{{c1::Berlin::city}} is the capital of {{c2::Germany}}",
        Back_Extra="since 1990",
    )
    add(
        "Basic",
        "Hostile",
        "hostile",
        [],
        Front='<img src="http://tracker.example/p.gif" onerror="alert(1)">question',
        Back="<script>alert(2)</script>answer",
    )

    models = col.models
    vocab = models.new("Vocab")
    for name in ("Word", "Meaning", "Example"):
        models.add_field(vocab, models.new_field(name))
    recognise = models.new_template("Recognise")
    recognise["qfmt"] = "{{Word}}{{#Example}}<br><i>{{text:Example}}</i>{{/Example}}"
    recognise["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}{{^Example}} (none){{/Example}}"
    recall = models.new_template("Recall")
    recall["qfmt"] = "{{Meaning}}{{type:Word}}"
    recall["afmt"] = "{{FrontSide}}\n\n<hr id=answer>\n\n{{type:Word}} {{hint:Example}}"
    models.add_template(vocab, recognise)
    models.add_template(vocab, recall)
    models.add(vocab)
    add(
        "Vocab",
        "Languages::German",
        "vocab_full",
        ["vocab"],
        Word="Baum",
        Meaning="tree",
        Example="<b>Der</b> Baum &amp; der Wald",
    )
    add("Vocab", "Languages::German", "vocab_bare", [], Word="Blatt", Meaning="leaf", Example="")

    scheduled = [
        add("Basic", SCHEDULED_DECK, f"studied{i}", [], Front=f"Frage {i}", Back=f"Antwort {i}")
        for i in range(5)
    ]
    col.decks.select(col.decks.id(SCHEDULED_DECK))
    review = _answer(col, CardAnswer.EASY)
    learning = _answer(col, CardAnswer.GOOD)
    suspended = _answer(col, CardAnswer.EASY)
    lapsed = _answer(col, CardAnswer.EASY)
    col.sched.suspend_cards([suspended])
    col.sched.set_due_date([lapsed], "0")
    assert _answer(col, CardAnswer.AGAIN) == lapsed
    del review, learning, scheduled

    cards = {
        cid: tuple(rest)
        for cid, *rest in col.db.all(
            "SELECT c.id, n.guid, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses"
            " FROM cards c JOIN notes n ON n.id = c.nid"
        )
    }
    revlog: dict[int, list[tuple]] = {}
    for row in col.db.all(
        "SELECT cid, id, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id"
    ):
        revlog.setdefault(row[0], []).append(tuple(row[1:]))
    rollover = col.get_config("rollover", 4)
    anki_today = (datetime.now() - timedelta(hours=rollover)).date() - timedelta(
        days=col.sched.today
    )

    paths = {}
    for legacy, name in ((False, "modern"), (True, "legacy")):
        paths[name] = base / f"{name}.apkg"
        col.export_anki_package(
            out_path=str(paths[name]),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy
            ),
            limit=None,
        )
    for legacy, name in ((False, "modern"), (True, "legacy")):
        # Exporting a whole collection closes it.
        paths[f"{name}_colpkg"] = base / f"{name}.colpkg"
        col.export_collection_package(
            str(paths[f"{name}_colpkg"]), include_media=True, legacy=legacy
        )
        col = Collection(str(base / "source.anki2"))
    col.close()
    return AnkiPackages(paths, guids, cards, revlog, anki_today)


def _by_id(records: list[CardRecord]) -> dict[str, CardRecord]:
    return {record.spec.id: record for record in records}


LAYOUTS = ["modern", "legacy", "modern_colpkg", "legacy_colpkg"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_note_type_renders_to_the_sides_anki_shows(anki_packages, layout):
    cards = _by_id(read_batch(anki_packages.paths[layout]).cards)
    g = anki_packages.guids

    def sides(key: str, ordinal: int) -> tuple[str, str]:
        spec = cards[f"anki-{g[key]}-{ordinal}"].spec
        return spec.question, spec.answer

    assert sides("basic", 0) == (
        "<div>der <b>Hund</b></div>",
        '<div>the dog <img src="dog.png"> [sound:bark.mp3]</div>',
    )
    assert sides("reversed", 0) == ("<div>Katze</div>", "<div>cat</div>")
    assert sides("reversed", 1) == ("<div>cat</div>", "<div>Katze</div>")
    assert sides("optional_on", 1) == ("<div>house</div>", "<div>Haus</div>")
    assert f"anki-{g['optional_off']}-1" not in cards
    assert sides("cloze", 0) == (
        '<div><b class="cloze">[city]</b> is the capital of Germany</div>',
        '<div><b class="cloze">Berlin</b> is the capital of Germany<br>\nsince 1990</div>',
    )
    assert sides("cloze", 1) == (
        '<div>Berlin is the capital of <b class="cloze">[...]</b></div>',
        '<div>Berlin is the capital of <b class="cloze">Germany</b><br>\nsince 1990</div>',
    )
    assert sides("vocab_full", 0) == (
        "<div>Baum<br><i>Der Baum &amp; der Wald</i></div>",
        "<div>tree</div>",
    )
    assert sides("vocab_full", 1) == (
        "<div>tree</div>",
        "<div>Baum <details><summary>Hint</summary>"
        "<div><b>Der</b> Baum &amp; der Wald</div></details></div>",
    )
    assert sides("vocab_bare", 0) == ("<div>Blatt</div>", "<div>leaf (none)</div>")
    assert sides("vocab_bare", 1) == ("<div>leaf</div>", "<div>Blatt</div>")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_package_brings_every_card_with_its_deck_and_tags(anki_packages, layout):
    batch = read_batch(anki_packages.paths[layout])
    cards = _by_id(batch.cards)
    expected_ids = {f"anki-{guid}-{ord_}" for guid, ord_, *_ in anki_packages.cards.values()}
    assert set(cards) == expected_ids
    assert batch.skipped == []
    g = anki_packages.guids
    basic = cards[f"anki-{g['basic']}-0"].spec
    assert basic.deck == "Languages::German"
    assert basic.tags == ("animals::pets", "german")
    assert cards[f"anki-{g['optional_on']}-0"].spec.deck == "Languages"
    assert cards[f"anki-{g['cloze']}-1"].spec.tags == ("geo",)
    assert cards[f"anki-{g['studied0']}-0"].spec.deck == SCHEDULED_DECK


@pytest.mark.parametrize("layout", LAYOUTS)
def test_media_files_come_along_by_their_names(anki_packages, layout):
    batch = read_batch(anki_packages.paths[layout])
    assert batch.media == {"dog.png": b"\x89PNG dog bytes", "bark.mp3": b"ID3 bark bytes"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_html_from_the_package_is_made_safe(anki_packages, layout):
    cards = _by_id(read_batch(anki_packages.paths[layout]).cards)
    spec = cards[f"anki-{anki_packages.guids['hostile']}-0"].spec
    assert spec.question == "<div><img>question</div>"
    assert spec.answer == "<div>answer</div>"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_scheduling_and_history_match_anki(anki_packages, layout):
    cards = _by_id(read_batch(anki_packages.paths[layout]).cards)
    studied = 0
    for cid, (
        guid,
        ordinal,
        ctype,
        queue,
        due,
        ivl,
        factor,
        reps,
        lapses,
    ) in anki_packages.cards.items():
        record = cards[f"anki-{guid}-{ordinal}"]
        if ctype == 0:
            assert record.schedule is None
            assert record.history == ()
            continue
        studied += 1
        schedule = record.schedule
        assert schedule is not None
        assert schedule.repetitions == reps
        assert schedule.interval == max(ivl, 0)
        assert schedule.easiness == (Decimal(factor) / 1000 if factor else Decimal("2.5"))
        assert schedule.lapses == lapses
        assert schedule.suspended == (queue == -1)
        if due > 1_000_000_000:
            assert schedule.due == datetime.fromtimestamp(due).date()
        else:
            assert schedule.due == anki_packages.anki_today + timedelta(days=due)
        answers = [row for row in anki_packages.revlog[cid] if row[1] != 0]
        assert len(record.history) == len(answers)
        for review, (rid, ease, r_ivl, last_ivl, r_factor, duration, _kind) in zip(
            record.history, answers, strict=True
        ):
            assert review.reviewed_at == datetime.fromtimestamp(rid / 1000, UTC)
            assert review.quality == {1: 2, 2: 3, 3: 4, 4: 5}[ease]
            assert review.interval_after == max(r_ivl, 0)
            assert review.interval_before == max(last_ivl, 0)
            if r_factor:
                assert review.easiness_after == Decimal(r_factor) / 1000
            assert review.duration_ms == duration
    assert studied == 4


def test_the_studied_cards_are_what_a_learner_did(anki_packages):
    by_state = {}
    cards = _by_id(read_batch(anki_packages.paths["modern"]).cards)
    for guid, ordinal, ctype, queue, *_rest in anki_packages.cards.values():
        by_state.setdefault((ctype, queue), []).append(cards[f"anki-{guid}-{ordinal}"])
    (review,) = by_state[(2, 2)]
    assert review.schedule.interval >= 3 and review.schedule.due > anki_packages.anki_today
    (suspended,) = by_state[(2, -1)]
    assert suspended.schedule.suspended
    # Relearning: Anki queues it for later today (1), or as a day-learning card (3) when its
    # ten-minute step ends after the day's 04:00 cutoff.
    (lapsed,) = by_state.get((3, 1), []) + by_state.get((3, 3), [])
    assert lapsed.schedule.lapses == 1
    assert lapsed.schedule.easiness == Decimal("2.3")
    assert [r.quality for r in lapsed.history] == [5, 2]
    assert lapsed.history[1].easiness_before == Decimal("2.5")


def test_without_scheduling_every_card_arrives_new(anki_packages):
    batch = read_batch(anki_packages.paths["modern"], keep_scheduling=False)
    assert all(r.schedule is None and r.history == () for r in batch.cards)


def test_a_deck_option_puts_the_package_under_that_deck(anki_packages):
    batch = read_batch(anki_packages.paths["legacy"], deck="Imported")
    decks = {record.spec.deck for record in batch.cards}
    assert "Imported::Languages::German" in decks
    assert "Imported::Geography" in decks
    assert all(deck.startswith("Imported::") for deck in decks)


def test_reading_the_same_package_twice_gives_the_same_cards(anki_packages):
    first = read_batch(anki_packages.paths["modern"])
    second = read_batch(anki_packages.paths["legacy"])
    assert [r.spec for r in first.cards] == [r.spec for r in second.cards]


def test_the_modern_package_holds_a_placeholder_that_is_ignored(anki_packages):
    import zipfile

    with zipfile.ZipFile(anki_packages.paths["modern"]) as archive:
        assert {"collection.anki2", "collection.anki21b"} <= set(archive.namelist())
    cards = read_batch(anki_packages.paths["modern"]).cards
    assert not any("update to the latest" in r.spec.question.lower() for r in cards)


# genanki ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def genanki_package(tmp_path_factory) -> Path:
    import genanki

    base = tmp_path_factory.mktemp("genanki")
    (base / "map.jpg").write_bytes(b"\xff\xd8 map")
    model = genanki.Model(
        1607392319,
        "Capital",
        fields=[{"name": "Country"}, {"name": "Capital"}, {"name": "Map"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "Capital of {{Country}}?",
                "afmt": "{{FrontSide}}<hr id=answer>{{Capital}}{{#Map}}<br>{{Map}}{{/Map}}",
            }
        ],
    )
    deck = genanki.Deck(2059400110, "Geography::Capitals")
    deck.add_note(
        genanki.Note(
            model=model,
            fields=["France", "Paris", '<img src="map.jpg">'],
            tags=["europe"],
            guid="capital-fr",
        )
    )
    deck.add_note(
        genanki.Note(
            model=genanki.CLOZE_MODEL,
            fields=["{{c1::Rome}} and {{c2::Milan::north}}", ""],
            guid="cloze-it",
        )
    )
    path = base / "genanki.apkg"
    package = genanki.Package(deck)
    package.media_files = [str(base / "map.jpg")]
    package.write_to_file(str(path))
    return path


def test_genanki_packages_are_read(genanki_package):
    batch = read_batch(genanki_package)
    cards = _by_id(batch.cards)
    assert set(cards) == {"anki-capital-fr-0", "anki-cloze-it-0", "anki-cloze-it-1"}
    capital = cards["anki-capital-fr-0"].spec
    assert capital.question == "<div>Capital of France?</div>"
    assert capital.answer == '<div>Paris<br><img src="map.jpg"></div>'
    assert capital.deck == "Geography::Capitals"
    assert capital.tags == ("europe",)
    assert cards["anki-cloze-it-1"].spec.question == (
        '<div>Rome and <b class="cloze">[north]</b></div>'
    )
    assert batch.media == {"map.jpg": b"\xff\xd8 map"}
    assert all(record.schedule is None for record in batch.cards)


def test_importing_into_a_collection_keeps_scheduling_and_reimport_changes_nothing(
    anki_packages, tmp_path
):
    from app.core.collection import Collection

    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as collection:
        first = collection.import_file(anki_packages.paths["modern"])
        assert len(first.added) == len(anki_packages.cards)
        for cid, (guid, ordinal, ctype, queue, *_rest) in anki_packages.cards.items():
            card = collection.card(f"anki-{guid}-{ordinal}")
            answers = [row for row in anki_packages.revlog.get(cid, []) if row[1] != 0]
            assert card.is_new == (ctype == 0)
            assert card.suspended == (queue == -1)
            assert len(collection.history(card.id)) == len(answers)
        assert (collection.media_dir / "dog.png").read_bytes() == b"\x89PNG dog bytes"
        # The legacy export of the same collection holds the very same cards.
        again = collection.import_file(anki_packages.paths["legacy"])
        assert (len(again.added), len(again.updated)) == (0, 0)
        assert len(again.unchanged) == len(anki_packages.cards)


def _with_collection_changes(package: Path, out: Path, *statements: str) -> Path:
    import sqlite3
    import zipfile

    with zipfile.ZipFile(package) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    db = out.with_suffix(".anki2")
    db.write_bytes(members["collection.anki2"])
    con = sqlite3.connect(db)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    members["collection.anki2"] = db.read_bytes()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out


def test_old_v1_scheduler_history_is_read_with_four_button_meaning(genanki_package, tmp_path):
    # A review card studied under Anki's v1 scheduler: learning answers had three buttons
    # (1 Again, 2 Good, 3 Easy), review answers four. No "schedVer" in the collection config.
    crt = int(datetime(2026, 1, 1, 12).timestamp())
    package = _with_collection_changes(
        genanki_package,
        tmp_path / "v1.apkg",
        f"UPDATE col SET crt = {crt}, conf = '{{}}'",
        "UPDATE cards SET type = 2, queue = 2, due = 40, ivl = 12, factor = 2650, reps = 3,"
        " lapses = 0 WHERE ord = 0 AND nid = (SELECT id FROM notes WHERE guid = 'capital-fr')",
        "INSERT INTO revlog VALUES (1767268800000, (SELECT c.id FROM cards c JOIN notes n"
        " ON n.id = c.nid WHERE n.guid = 'capital-fr'), -1, 2, -600, 0, 0, 5000, 0)",
        "INSERT INTO revlog VALUES (1767272400000, (SELECT c.id FROM cards c JOIN notes n"
        " ON n.id = c.nid WHERE n.guid = 'capital-fr'), -1, 3, 4, -600, 2500, 3000, 0)",
        "INSERT INTO revlog VALUES (1767618000000, (SELECT c.id FROM cards c JOIN notes n"
        " ON n.id = c.nid WHERE n.guid = 'capital-fr'), -1, 3, 12, 4, 2650, 2000, 1)",
        "INSERT INTO revlog VALUES (1767618100000, (SELECT c.id FROM cards c JOIN notes n"
        " ON n.id = c.nid WHERE n.guid = 'capital-fr'), -1, 0, 0, 12, 2650, 0, 4)",
    )
    record = _by_id(read_batch(package).cards)["anki-capital-fr-0"]
    assert record.schedule.due == date(2026, 1, 1) + timedelta(days=40)
    assert (record.schedule.interval, record.schedule.easiness) == (12, Decimal("2.65"))
    assert [r.quality for r in record.history] == [4, 5, 4]  # Good, Easy (learning); Good
    assert [(r.interval_before, r.interval_after) for r in record.history] == [
        (0, 0),
        (0, 4),
        (4, 12),
    ]
    assert [r.duration_ms for r in record.history] == [5000, 3000, 2000]
    assert record.history[0].reviewed_at == datetime(2026, 1, 1, 12, tzinfo=UTC)
