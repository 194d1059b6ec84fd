"""Importing an Anki package again: notes whose raw data is unchanged are not rendered again,
and the result is the same as if they had been (unchanged, updated, suspended)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.collection import Collection
from app.core.errors import CollectionError
from app.core.importing import read_batch
from app.core.merge_stored import StoredCards

MODEL = {
    "model_id": 7,
    "name": "Basic",
    "fields": [{"name": "Front"}, {"name": "Back"}],
    "templates": [{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
}
NOTES = {"dog": ("Hund", "dog"), "cat": ("Katze", "cat"), "cow": ("Kuh", "cow")}
VERSIONS = {
    "first": NOTES,
    "changed": {"dog": ("der Hund", "dog"), "cat": NOTES["cat"]},
    # Trailing breaks are dropped when rendering: new raw data, the same card.
    "same cards": {**NOTES, "dog": ("Hund<br>", "dog")},
    "other": {"dog": ("Wolf", "dog")},
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    """One package per version of the notes (made once: genanki takes a while to write)."""
    import genanki

    folder = tmp_path_factory.mktemp("packages")
    model = genanki.Model(**MODEL)
    paths = {}
    for version, notes in VERSIONS.items():
        anki_deck = genanki.Deck(8, "German")
        for guid, fields in notes.items():
            note = genanki.Note(model=model, fields=list(fields), guid=guid, tags=["zoo"])
            anki_deck.add_note(note)
        paths[version] = folder / f"{version}.apkg"
        genanki.Package(anki_deck).write_to_file(str(paths[version]))
    return paths


@pytest.fixture
def package(packages, tmp_path):
    """`package(version)`: that version of the package, always at the same place."""

    def place(version: str) -> Path:
        return Path(shutil.copyfile(packages[version], tmp_path / "german.apkg"))

    return place


@pytest.fixture
def collection(tmp_path):
    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as opened:
        yield opened


def test_an_unchanged_package_is_counted_unchanged_without_rendering(collection, package, rendered):
    path = package("first")
    first = collection.import_file(path)
    assert len(first.added) == 3
    rendered.clear()
    again = collection.import_file(path)
    assert (again.added, again.updated, again.suspended) == ([], [], [])
    assert sorted(again.unchanged) == ["anki-cat-0", "anki-cow-0", "anki-dog-0"]
    assert rendered == []


def test_a_changed_note_is_rendered_and_updated_and_a_missing_one_suspended(
    collection, package, rendered
):
    collection.import_file(package("first"))
    rendered.clear()
    result = collection.import_file(package("changed"))
    assert result.updated == ["anki-dog-0"]
    assert result.unchanged == ["anki-cat-0"]
    assert result.suspended == ["anki-cow-0"]
    assert rendered == ["der Hund"]
    assert collection.card("anki-dog-0").question == "<div>der Hund</div>"
    assert collection.card("anki-cow-0").suspended


def test_edits_made_in_deckard_survive_an_unchanged_package(collection, package):
    path = package("first")
    collection.import_file(path)
    collection.update_card("anki-cat-0", question="<div>die Katze</div>")
    again = collection.import_file(path)
    assert "anki-cat-0" in again.unchanged
    assert collection.card("anki-cat-0").question == "<div>die Katze</div>"


def test_importing_into_another_deck_renders_the_cards_again(collection, package, rendered):
    path = package("first")
    collection.import_file(path)
    rendered.clear()
    result = collection.import_file(path, deck="Languages")
    assert len(result.updated) == 3
    assert len(rendered) == 3
    assert collection.card("anki-dog-0").deck == "Languages::German"


def test_same_content_from_new_raw_data_is_unchanged_and_skipped_the_time_after(
    collection, package, rendered
):
    collection.import_file(package("first"))
    path = package("same cards")
    rendered.clear()
    result = collection.import_file(path)
    assert (result.updated, len(result.unchanged)) == ([], 3)
    assert rendered == ["Hund<br>"]
    rendered.clear()
    collection.import_file(path)
    assert rendered == []


def test_cards_imported_before_fingerprints_existed_are_rendered_once_more(
    collection, package, rendered
):
    path = package("first")
    collection.import_file(path)
    collection.conn.execute("UPDATE cards SET source_raw_hash = NULL")
    rendered.clear()
    result = collection.import_file(path)
    assert (len(result.unchanged), len(rendered)) == (3, 3)
    assert len(StoredCards(collection.conn).fingerprints) == 3


def test_a_card_changed_by_another_import_while_reading_is_an_error(collection, package, packages):
    path = package("first")
    collection.import_file(path)
    batch = read_batch(path, known=lambda: StoredCards(collection.conn).fingerprints)
    assert len(batch.unchanged) == 3  # type: ignore[attr-defined]
    collection.import_file(packages["other"])
    before = collection.card("anki-dog-0")
    with pytest.raises(CollectionError, match="changed while the file was being read"):
        collection.apply_batch(batch)
    assert collection.card("anki-dog-0") == before


def test_the_same_package_from_another_place_moves_its_cards_there(collection, package):
    path = package("first")
    collection.import_file(path)
    moved = path.rename(path.with_name("moved.apkg"))
    result = collection.import_file(moved)
    assert (len(result.unchanged), result.suspended) == (3, [])
    assert collection.card("anki-dog-0").source == str(moved.resolve())
