"""`deckard import FILE...`: the summary a user sees, re-imports, media and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli, main
from app.core.collection import Collection
from app.core.paths import media_dir_for


@pytest.fixture
def collection(tmp_path) -> Path:
    path = tmp_path / "c.deckard"
    Collection.open(path, import_builtin=False).close()
    return path


def run(collection: Path, *args: str):
    return CliRunner().invoke(cli, ["--collection", str(collection), "import", *args])


def card_ids(collection: Path) -> set[str]:
    with Collection.open(collection) as opened:
        return {row[0] for row in opened.conn.execute("SELECT id FROM cards")}


def test_importing_a_csv_prints_what_happened(collection, tmp_path):
    source = tmp_path / "words.csv"
    source.write_text("apple,Apfel\npear,Birne\n", encoding="utf-8")
    result = run(collection, str(source))
    assert result.exit_code == 0, result.output
    assert result.output == (f"{source}: 2 added, 0 updated, 0 unchanged, 0 suspended, 0 skipped\n")


def test_importing_again_updates_and_suspends_instead_of_duplicating(collection, tmp_path):
    source = tmp_path / "words.csv"
    source.write_text("apple,Apfel\npear,Birne\nplum,Pflaume\n", encoding="utf-8")
    run(collection, str(source))
    assert "0 added, 0 updated, 3 unchanged" in run(collection, str(source)).output
    source.write_text("apple,der Apfel\npear,Birne\n", encoding="utf-8")
    result = run(collection, str(source))
    assert "0 added, 1 updated, 1 unchanged, 1 suspended" in result.output
    assert len(card_ids(collection)) == 3


def test_an_anki_package_brings_its_media_into_the_media_folder(collection, tmp_path):
    import genanki

    (tmp_path / "dog.png").write_bytes(b"\x89PNG dog")
    model = genanki.Model(
        7,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(8, "Animals::Pets")
    deck.add_note(genanki.Note(model=model, fields=["Hund", '<img src="dog.png">'], guid="dog"))
    package = genanki.Package(deck)
    package.media_files = [str(tmp_path / "dog.png")]
    package.write_to_file(str(tmp_path / "animals.apkg"))

    result = run(collection, str(tmp_path / "animals.apkg"), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["added"], summary["media"]) == (1, 1)
    assert (media_dir_for(collection) / "dog.png").read_bytes() == b"\x89PNG dog"
    with Collection.open(collection) as opened:
        card = opened.card("anki-dog-0")
        assert (card.deck, card.question) == ("Animals::Pets", "<div>Hund</div>")


def make_package(path: Path, notes: dict[str, tuple[str, str]]) -> Path:
    """A genanki package of Basic notes (guid -> (front, back)) in the deck "German"."""
    import genanki

    model = genanki.Model(
        7,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(8, "German")
    for guid, fields in notes.items():
        deck.add_note(genanki.Note(model=model, fields=list(fields), guid=guid))
    genanki.Package(deck).write_to_file(str(path))
    return path


def test_an_unchanged_package_is_not_converted_again(collection, tmp_path, rendered):
    package = make_package(
        tmp_path / "german.apkg", {"dog": ("Hund", "dog"), "cat": ("Katze", "cat")}
    )
    assert "2 added" in run(collection, str(package)).output
    assert rendered == ["Hund", "Katze"]
    rendered.clear()
    result = run(collection, str(package))
    assert result.output == f"{package}: 0 added, 0 updated, 2 unchanged, 0 suspended, 0 skipped\n"
    assert rendered == []


def test_an_older_and_a_newer_package_in_one_command_leave_the_newer_cards(
    collection, tmp_path, rendered
):
    old = make_package(tmp_path / "old.apkg", {"dog": ("Hund", "dog"), "cat": ("Katze", "cat")})
    new = make_package(tmp_path / "new.apkg", {"dog": ("der Hund", "dog"), "cat": ("Katze", "cat")})
    run(collection, str(new))
    rendered.clear()
    result = run(collection, str(old), str(new))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{old}: 0 added, 1 updated, 1 unchanged, 0 suspended, 0 skipped",
        f"{new}: 0 added, 1 updated, 1 unchanged, 0 suspended, 0 skipped",
    ]
    # Only the note that differs is converted, once from each file.
    assert rendered == ["Hund", "der Hund"]
    with Collection.open(collection) as opened:
        assert opened.card("anki-dog-0").question == "<div>der Hund</div>"


def test_a_bad_file_creates_no_collection(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("q,a\nq2,a2,extra\n", encoding="utf-8")
    missing = tmp_path / "new.deckard"
    assert run(missing, str(bad)).exit_code == 1
    assert not missing.exists()


def test_a_bad_file_is_one_line_and_nothing_is_imported(collection, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("q,a\nq2,a2\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("q,a\nq2,a2,extra\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        main(["--collection", str(collection), "import", str(good), str(bad)])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err == f"deckard: {bad}, line 2: row has 3 columns, expected 2\n"
    assert card_ids(collection) == set()


def test_skipped_rows_are_listed(collection, tmp_path):
    source = tmp_path / "gaps.csv"
    source.write_text("q,a\n,lonely answer\n", encoding="utf-8")
    result = run(collection, str(source))
    assert "1 added" in result.output and "1 skipped" in result.output
    assert "  skipped: line 2: empty question" in result.output


def test_deck_and_format_options(collection, tmp_path):
    source = tmp_path / "cards.data"
    source.write_text("q\ta\n", encoding="utf-8")
    result = run(collection, str(source), "--format", "tsv", "--deck", "Mine::Sub")
    assert result.exit_code == 0, result.output
    with Collection.open(collection) as opened:
        assert "Mine::Sub" in opened.deck_names()


def test_help_lists_the_formats():
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    for word in ("apkg", "colpkg", "csv", "tsv", "notes", "markdown", "--no-scheduling"):
        assert word in result.output
