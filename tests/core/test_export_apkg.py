"""The .apkg writer, checked by importing its packages with the real Anki library.

Anki's importer reads the wall clock (it shifts due days to its own "today"), so the records here
are dated relative to the moment the module starts, and due dates are compared through Anki's
own idea of today.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.exporting.anki_format import NOTETYPE_ID, NOTETYPE_NAME, deck_id_for, note_guid
from app.core.exporting.apkg_writer import write_apkg
from app.core.exporting.note_fields import render_side, simple_html
from app.core.model import CardRecord, CardSpec, ReviewRecord, Schedule, quality_to_anki_ease
from app.core.render import render_markdown
from tests.core.anki_reader import anki_cards, import_package, open_anki

NOW = datetime.now(UTC).replace(microsecond=0)
TODAY = (NOW.astimezone() - timedelta(hours=4)).date()


def _history(qualities, start_days_ago):
    """Reviews a day apart; intervals and easiness roughly as SM-2 would give them."""
    reviews, interval, ease = [], 0, Decimal("2.5")
    for step, quality in enumerate(qualities):
        after = 1 if quality < 3 else (1 if interval == 0 else max(interval * 2, 6))
        new_ease = max(Decimal("1.3"), ease + Decimal("0.1") - (5 - quality) * Decimal("0.08"))
        reviews.append(
            ReviewRecord(
                reviewed_at=NOW - timedelta(days=start_days_ago - step, hours=1),
                quality=quality,
                interval_before=interval,
                interval_after=after,
                easiness_before=ease,
                easiness_after=new_ease,
                duration_ms=3000 + step,
            )
        )
        interval, ease = after, new_ease
    return tuple(reviews)


def _reviewed(card_id, deck, qualities, *, due_in, suspended=False, tags=("docker",)):
    history = _history(qualities, start_days_ago=len(qualities) + 3)
    last = history[-1]
    return CardRecord(
        spec=CardSpec(
            id=card_id,
            deck=deck,
            question=f"What does `{card_id}` do?",
            answer=f"It runs:\n\n```bash\ndocker {card_id}\n```",
            tags=tags,
        ),
        schedule=Schedule(
            repetitions=sum(1 for review in history if review.quality >= 3),
            interval=last.interval_after,
            easiness=last.easiness_after,
            due=TODAY + timedelta(days=due_in),
            lapses=sum(1 for review in history if review.quality < 3),
            suspended=suspended,
        ),
        history=history,
        modified_at=NOW - timedelta(days=30),
    )


def _new(card_id, deck, *, question=None):
    return CardRecord(
        spec=CardSpec(
            id=card_id,
            deck=deck,
            question=question or f"New card {card_id}?",
            answer="An **answer** with <b>HTML</b> & an ampersand.",
            tags=("new", "two words"),
        ),
        modified_at=NOW - timedelta(days=2),
    )


RECORDS = [
    _reviewed("ps", "Docker", [4, 5, 4], due_in=3),
    _reviewed("run", "Docker::Images", [5, 5], due_in=0),
    _reviewed("rm", "Docker::Images::Cleanup", [2, 3, 4, 1, 4], due_in=-2),
    _reviewed("pull", "Docker", [3, 4], due_in=10, suspended=True),
    _new("build", "Docker::Images", question="Show ![diagram](layers.png) and ![](missing.png)"),
    _new("tag", "Docker"),
    _new("amp&id", "Other deck"),
]
BY_ID = {record.spec.id: record for record in RECORDS}


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("media")
    (folder / "layers.png").write_bytes(b"\x89PNG fake image bytes")
    (folder / "unused.png").write_bytes(b"not referenced by any card")
    return folder


@pytest.fixture(scope="module")
def package(tmp_path_factory, media_dir):
    out = tmp_path_factory.mktemp("export") / "deck.apkg"
    summary = write_apkg(RECORDS, out, media_dir=media_dir, now=NOW)
    assert (summary.cards, summary.reviews, summary.media) == (7, 12, 1)
    return out


@pytest.fixture(scope="module")
def imported(tmp_path_factory, package):
    col = open_anki(tmp_path_factory.mktemp("anki") / "collection.anki2")
    log = import_package(col, package, scheduling=True)
    yield col, log, anki_cards(col)
    col.close()


@pytest.fixture(scope="module")
def imported_without_scheduling(tmp_path_factory, package):
    col = open_anki(tmp_path_factory.mktemp("anki") / "collection.anki2")
    import_package(col, package, scheduling=False)
    yield col, anki_cards(col)
    col.close()


def test_anki_imports_every_card_as_a_new_note(imported):
    _, log, cards = imported
    assert len(log.new) == len(RECORDS)
    assert (len(log.updated), len(log.duplicate)) == (0, 0)
    assert set(cards) == set(BY_ID)


def test_fields_are_the_rendered_markdown(imported):
    _, _, cards = imported
    for card_id, card in cards.items():
        spec = BY_ID[card_id].spec
        assert card.question == render_markdown(spec.question)
        assert card.answer == render_markdown(spec.answer)
    assert 'style="' in cards["ps"].answer  # code highlighted with inline styles


def test_tags_and_nested_decks_arrive(imported):
    col, _, cards = imported
    assert cards["rm"].deck == "Docker::Images::Cleanup"
    assert cards["run"].deck == "Docker::Images"
    assert cards["amp&id"].deck == "Other deck"
    assert set(cards["build"].tags) == {"new", "two_words"}
    assert cards["ps"].tags == ("docker",)
    assert {"Docker", "Docker::Images", "Docker::Images::Cleanup"} <= set(col.decks.all_names())


def test_scheduling_survives_the_import(imported):
    _, _, cards = imported
    for card_id in ("ps", "run", "rm", "pull"):
        record, card = BY_ID[card_id], cards[card_id]
        assert card.type == 2
        assert card.due_day == record.schedule.due, card_id
        assert card.interval == record.schedule.interval
        assert card.factor == int(record.schedule.easiness * 1000)
        assert card.reps == len(record.history)
        assert card.lapses == record.schedule.lapses
    assert cards["pull"].queue == -1
    assert cards["ps"].queue == 2


def test_review_history_keeps_the_answer_buttons(imported):
    """The schedVer trap: without it Anki shifts the buttons of learning reviews."""
    _, _, cards = imported
    for card_id in ("ps", "run", "rm", "pull"):
        history = BY_ID[card_id].history
        revlog = cards[card_id].revlog
        assert len(revlog) == len(history)
        assert [row[0] for row in revlog] == [quality_to_anki_ease(r.quality) for r in history]
        assert [row[1] for row in revlog] == [r.interval_after for r in history]
        assert [row[2] for row in revlog] == [r.interval_before for r in history]
        assert [row[3] for row in revlog] == [int(r.easiness_after * 1000) for r in history]
        assert [row[4] for row in revlog] == [r.duration_ms for r in history]
        assert revlog[0][5] == 0  # the first answer is a learning review
        assert revlog[-1][5] == 1


def test_new_cards_keep_their_order(imported):
    _, _, cards = imported
    positions = [cards[card_id].new_position for card_id in ("build", "tag", "amp&id")]
    assert positions == sorted(positions)
    assert all(cards[card_id].type == 0 for card_id in ("build", "tag", "amp&id"))


def test_media_the_cards_use_is_imported(imported):
    col, _, _ = imported
    from pathlib import Path

    media = Path(col.media.dir())
    assert (media / "layers.png").read_bytes() == b"\x89PNG fake image bytes"
    assert not (media / "unused.png").exists()
    assert not (media / "missing.png").exists()


def test_one_note_type_of_our_own(imported):
    col, _, _ = imported
    names = [entry.name for entry in col.models.all_names_and_ids()]
    assert names.count(NOTETYPE_NAME) == 1
    notetype = col.models.get(NOTETYPE_ID)
    assert [field["name"] for field in notetype["flds"]] == ["Question", "Answer", "Deckard ID"]
    assert ".codehilite" in notetype["css"]


def test_without_scheduling_every_card_is_new(imported_without_scheduling):
    col, cards = imported_without_scheduling
    assert set(cards) == set(BY_ID)
    assert all(card.type == 0 and card.queue == 0 for card in cards.values())
    assert col.db.scalar("select count() from revlog") == 0


def test_notes_carry_stable_guid_and_last_edit_time(imported):
    _, _, cards = imported
    for card_id, card in cards.items():
        assert card.guid == note_guid(card_id)
        assert card.mod == int(BY_ID[card_id].modified_at.timestamp())


def test_reimporting_the_same_package_changes_nothing(tmp_path, package):
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, package)
        log = import_package(col, package)
        assert (len(log.new), len(log.updated)) == (0, 0)
        assert len(log.duplicate) == len(RECORDS)
        assert [e.name for e in col.models.all_names_and_ids()].count(NOTETYPE_NAME) == 1
    finally:
        col.close()


def test_an_edited_card_updates_its_note_and_keeps_progress(tmp_path, package):
    edited = replace(
        BY_ID["ps"],
        spec=replace(BY_ID["ps"].spec, answer="Lists **running** containers."),
        modified_at=NOW - timedelta(minutes=5),
    )
    second = tmp_path / "second.apkg"
    write_apkg([edited if r.spec.id == "ps" else r for r in RECORDS], second, now=NOW)
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, package)
        log = import_package(col, second)
        assert (len(log.new), len(log.updated)) == (0, 1)
        cards = anki_cards(col)
        assert cards["ps"].answer == render_markdown("Lists **running** containers.")
        assert cards["ps"].due_day == BY_ID["ps"].schedule.due
        assert len(cards["ps"].revlog) == len(BY_ID["ps"].history)
    finally:
        col.close()


def test_package_layout_and_collection_config(package):
    with zipfile.ZipFile(package) as zf:
        assert sorted(zf.namelist()) == ["0", "collection.anki2", "media"]
        assert json.loads(zf.read("media")) == {"0": "layers.png"}
        db_bytes = zf.read("collection.anki2")
    db_path = package.with_name("extracted.anki2")
    db_path.write_bytes(db_bytes)
    db = sqlite3.connect(db_path)
    try:
        crt, conf = db.execute("select crt, conf from col").fetchone()
        assert json.loads(conf)["schedVer"] == 2
        first_review = min(r.reviewed_at for rec in RECORDS for r in rec.history)
        assert crt <= first_review.timestamp()
        assert datetime.fromtimestamp(crt).hour == 4  # a real day start, not export time
        revlog_ids = [row[0] for row in db.execute("select id from revlog")]
        assert len(set(revlog_ids)) == len(revlog_ids) == 12
    finally:
        db.close()


def test_ids_are_stable_and_distinct():
    assert note_guid("ps") == note_guid("ps") != note_guid("pS")
    assert deck_id_for("Docker::Images") == deck_id_for("Docker::Images") != deck_id_for("Docker")
    assert 1 < deck_id_for("Docker") < 2**53


def test_reviews_at_the_same_moment_get_distinct_revlog_ids(tmp_path):
    moment = NOW - timedelta(days=1)
    review = ReviewRecord(moment, 4, 0, 1, Decimal("2.5"), Decimal("2.5"), 1000)
    records = [
        CardRecord(
            spec=CardSpec(id=f"c{i}", deck="D", question=f"q{i}", answer="a"),
            schedule=Schedule(1, 1, Decimal("2.5"), TODAY),
            history=(review, review),
            modified_at=moment,
        )
        for i in range(3)
    ]
    out = tmp_path / "same.apkg"
    write_apkg(records, out, now=NOW)
    col = open_anki(tmp_path / "collection.anki2")
    try:
        import_package(col, out)
        assert col.db.scalar("select count(distinct id) from revlog") == 6
    finally:
        col.close()


def test_a_failure_midway_leaves_no_file(tmp_path):
    def broken_records():
        yield RECORDS[0]
        raise RuntimeError("disk went away")

    out = tmp_path / "never.apkg"
    with pytest.raises(RuntimeError):
        write_apkg(broken_records(), out, now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_without_media_dir_no_media_is_packed(tmp_path):
    out = tmp_path / "plain.apkg"
    summary = write_apkg(RECORDS, out, media_dir=None, now=NOW)
    assert summary.media == 0
    with zipfile.ZipFile(out) as zf:
        assert json.loads(zf.read("media")) == {}


def test_many_cards_stamped_alike_get_distinct_ids_in_order():
    from app.core.exporting.apkg_writer import _IdAllocator

    allocator = _IdAllocator()
    taken = [allocator.take(1000) for _ in range(5000)] + [allocator.take(1002)]
    assert taken[:5000] == list(range(1000, 6000))
    assert taken[-1] == 6000


_SIDE_CHARS = list("abcXYZé中文？：，。 ,.?;:()'\"%$19-_*#!<>&/@\\`[]{}|~=+\t\n\u3000\xa0")
_WORD = st.text(st.sampled_from(list("aB1 中？?:.-'\"_*<&#!()[]\\|~=+@/%$,;\t")), max_size=6)
_CODE = st.text(st.sampled_from(list("aB1 中?<>&*_#!`\\[]\"'\t")), min_size=1, max_size=6)
_INLINE = st.lists(
    st.one_of(_WORD, _WORD.map(lambda w: f"**{w}**"), _CODE.map(lambda c: f"`{c}`")),
    min_size=1,
    max_size=6,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(st.sampled_from(_SIDE_CHARS), min_size=1, max_size=25), _INLINE))
def test_the_simple_line_shortcut_matches_markdown(text):
    assert render_side(text) == render_markdown(text)


def test_the_shortcut_is_taken_only_for_simple_lines():
    for text in (
        "What does docker ps list? 列出容器：运行中的",
        "**Bold** and `a<b`?",
        "`copy` 怎么用？",
    ):
        assert simple_html(text) is not None, text
    for text in ("1. list", "- item", "# title", "a <b>", "a & b", "a\nb", " a", "a_b_", "``x``"):
        assert simple_html(text) is None, text
