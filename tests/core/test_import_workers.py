"""A large Anki package is converted partly in worker processes: the very same cards, skips and
errors as converting it in one process, and nothing written when it fails."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core import forking
from app.core.collection import Collection
from app.core.errors import InputError
from app.core.importing import anki_collection, anki_plans, read_batch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork")

PARENT = os.getpid()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    import genanki

    basic = genanki.Model(
        71,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[
            {"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}
        ],
    )
    deck = genanki.Deck(81, "Words::German")
    for n in range(40):
        if n % 4 == 3:
            text = f"{{{{c1::Hund {n}}}}} and {{{{c2::Katze::animal}}}}"
            note = genanki.Note(model=genanki.CLOZE_MODEL, fields=[text, ""], guid=f"c{n}")
        else:
            front = "<div> </div>" if n == 6 else f"<b>Wort {n}</b>"  # note 6 has a blank question
            note = genanki.Note(model=basic, fields=[front, f"word {n}"], guid=f"g{n}")
        note.tags = [f"t{n % 3}"]
        deck.add_note(note)
    path = tmp_path_factory.mktemp("workers") / "words.apkg"
    genanki.Package(deck).write_to_file(str(path))
    return path


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of three cards, and workers for any package that has cards to render."""
    monkeypatch.setattr(anki_plans, "CARD_CHUNK", 3)
    monkeypatch.setattr(anki_plans, "PARALLEL_MIN_CARDS", 1)
    monkeypatch.setattr(forking, "worker_count", lambda: 1)  # even on one core


def read_without_workers(monkeypatch, package):
    with monkeypatch.context() as patch:
        patch.setattr(forking, "worker_count", lambda: 0)
        return read_batch(package)


def test_workers_give_the_same_batch(package, small_chunks, monkeypatch):
    alone = read_without_workers(monkeypatch, package)
    shared = read_batch(package)
    assert shared.cards == alone.cards
    assert shared.skipped == alone.skipped == ["card anki-g6-0: empty question"]
    assert shared.fingerprints == alone.fingerprints
    assert len(shared.cards) == 49


def test_workers_do_convert_cards(package, small_chunks, monkeypatch):
    import multiprocessing

    worked = multiprocessing.get_context("fork").Event()
    in_caller: list[int] = []
    waited: list[bool] = []
    original = anki_collection._Reader._render

    def render(self, *args):
        if os.getpid() != PARENT:
            worked.set()
        else:
            in_caller.append(1)
            if len(in_caller) == 4:  # the caller's first card after the first chunk waits
                waited.append(worked.wait(timeout=30))  # until a worker has converted one
        return original(self, *args)

    monkeypatch.setattr(anki_collection._Reader, "_render", render)
    assert read_batch(package).cards == read_without_workers(monkeypatch, package).cards
    assert waited[0] is True


@pytest.mark.parametrize("failing_guid", ["g1", "g38", "c35"])
def test_an_error_in_a_worker_is_the_one_line_error_of_one_process(
    package, small_chunks, monkeypatch, failing_guid
):
    original = anki_collection._Reader._render

    def render(self, notetype, ordinal, flds, tags, deck):
        if flds.startswith((f"<b>Wort {failing_guid[1:]}<", f"{{{{c1::Hund {failing_guid[1:]}}}")):
            raise ValueError(f"cannot render\nnote {failing_guid}")
        return original(self, notetype, ordinal, flds, tags, deck)

    monkeypatch.setattr(anki_collection._Reader, "_render", render)
    with pytest.raises(InputError) as alone:
        read_without_workers(monkeypatch, package)
    with pytest.raises(InputError) as shared:
        read_batch(package)
    assert str(shared.value) == str(alone.value)
    assert "\n" not in str(shared.value)
    assert f"damaged collection (cannot render note {failing_guid})" in str(shared.value)
    assert "member 'collection.anki2'" in str(shared.value)


def test_a_failing_import_with_workers_leaves_the_collection_as_it_was(
    package, small_chunks, monkeypatch, tmp_path
):
    original = anki_collection._Reader._render

    def render(self, notetype, ordinal, flds, tags, deck):
        if "Wort 30<" in flds:
            raise ValueError("cannot render")
        return original(self, notetype, ordinal, flds, tags, deck)

    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as collection:
        before = collection.conn.execute("SELECT count(*) FROM cards").fetchone()
        monkeypatch.setattr(anki_collection._Reader, "_render", render)
        with pytest.raises(InputError, match="cannot render"):
            collection.import_file(package)
        assert collection.conn.execute("SELECT count(*) FROM cards").fetchone() == before
        monkeypatch.setattr(anki_collection._Reader, "_render", original)
        result = collection.import_file(package)
        assert len(result.added) == 49
        again = collection.import_file(package)
        assert (len(again.added), len(again.unchanged)) == (0, 49)


def test_a_package_imported_again_unchanged_needs_no_workers(
    package, small_chunks, monkeypatch, tmp_path
):
    started: list[int] = []
    original = forking.map_chunks

    def spy(function, count, *, workers):
        started.append(workers)
        return original(function, count, workers=workers)

    monkeypatch.setattr(forking, "map_chunks", spy)
    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as collection:
        collection.import_file(package)
        again = collection.import_file(package)
    assert len(again.unchanged) == 49
    assert started[0] >= 1 and started[1] == 0
