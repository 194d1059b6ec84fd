"""read_batch: which reader a file goes to, and errors before any reading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.importing import detect_format, read_batch

ROOT = Path(__file__).resolve().parents[2]
NOTES = ROOT / "decks" / "docker" / "docker.notes.txt"
DECK = ROOT / "decks" / "docker" / "docker.deck.md"


def test_notes_go_through_the_compiler_into_the_deck_named_after_the_file():
    from app.core.notes import compile_notes
    from app.core.textfile import read_text

    notes = read_batch(NOTES)
    compiled = compile_notes(read_text(NOTES), deck="Docker", source=str(NOTES))
    assert len(notes.cards) > 20
    assert [r.spec for r in notes.cards] == compiled
    assert {r.spec.deck for r in notes.cards} == {"Docker"}


def test_a_markdown_deck_is_parsed_as_written():
    from app.core.deckfile import parse_deck
    from app.core.textfile import read_text

    deck = read_batch(DECK)
    assert [r.spec for r in deck.cards] == parse_deck(
        read_text(DECK), source=str(DECK), default_deck="Docker"
    )
    assert all(r.schedule is None for r in deck.cards)


def test_content_decides_for_text_files(tmp_path):
    deck = tmp_path / "capitals.txt"
    deck.write_text("France :: Paris\nItaly :: Rome\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    shutil.copy(NOTES, notes)
    export = tmp_path / "export.txt"
    export.write_text("#separator:tab\nq\ta\n", encoding="utf-8")
    assert detect_format(deck) == "markdown"
    assert detect_format(notes) == "notes"
    assert detect_format(export) == "csv"
    old_export = tmp_path / "old export.txt"
    old_export.write_text("der Hund\tthe dog\ndie Katze\tthe cat\n", encoding="utf-8")
    assert detect_format(old_export) == "tsv"
    assert detect_format(NOTES) == "notes"
    (first, _second) = read_batch(deck).cards
    assert (first.spec.question, first.spec.answer, first.spec.deck) == (
        "France",
        "Paris",
        "Capitals",
    )


def test_a_zip_without_the_extension_is_read_as_a_package(tmp_path):
    import zipfile

    path = tmp_path / "download.bin"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme", "x")
    assert detect_format(path) == "apkg"
    with pytest.raises(InputError, match="no collection"):
        read_batch(path)


def test_the_deck_option_names_the_deck_of_notes(tmp_path):
    assert {r.spec.deck for r in read_batch(NOTES, deck="Containers").cards} == {"Containers"}


def test_the_source_is_the_absolute_path(tmp_path, monkeypatch):
    path = tmp_path / "c.csv"
    path.write_text("q,a\nq2,a2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert read_batch("c.csv").source == str(path.resolve())


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "not a regular file"),
    ],
)
def test_missing_files_and_folders(tmp_path, setup, message):
    path = tmp_path / "thing.csv"
    setup(path)
    with pytest.raises(InputError, match=message):
        read_batch(path)


def test_an_unknown_format_is_refused(tmp_path):
    with pytest.raises(InputError, match="unknown format"):
        read_batch(NOTES, fmt="docx")


def test_a_forced_format_wins_over_the_extension(tmp_path):
    path = tmp_path / "cards.apkg"
    path.write_text("q\ta\nq2\ta2\n", encoding="utf-8")
    assert [r.spec.answer for r in read_batch(path, fmt="tsv").cards] == ["a", "a2"]
