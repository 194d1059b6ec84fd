"""`deckard export OUT`: what the user sees, the files written, and one-line errors."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli import cli, main
from app.core.collection import Collection


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("deckard") / "c.deckard"
    moment = datetime.now(UTC) - timedelta(days=3)
    with Collection.open(path) as opened:
        for _ in range(3):
            card = opened.next_card(now=moment)
            opened.answer(card.id, 4, now=moment)
        count = sum(1 for _ in opened.iter_records())
    return path, count


def run(collection: tuple[Path, int], *args: str):
    return CliRunner().invoke(cli, ["--collection", str(collection[0]), "export", *args])


def test_apkg_export_reports_cards_reviews_and_media(collection, tmp_path):
    out = tmp_path / "docker.apkg"
    result = run(collection, str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Exported {collection[1]} cards, 3 reviews, 0 media files to {out}\n"
    with zipfile.ZipFile(out) as zf:
        assert "collection.anki2" in zf.namelist()


def test_no_scheduling_leaves_the_history_out(collection, tmp_path):
    out = tmp_path / "fresh.apkg"
    result = run(collection, str(out), "--no-scheduling", "--no-media")
    assert result.exit_code == 0, result.output
    assert f"{collection[1]} cards, 0 reviews, 0 media files" in result.output


def test_markdown_and_csv_exports(collection, tmp_path):
    for name in ("deck.md", "deck.csv"):
        result = run(collection, str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert result.output == f"Exported {collection[1]} cards to {tmp_path / name}\n"
    assert (tmp_path / "deck.csv").read_text(encoding="utf-8").startswith("#separator:Comma\n")


def test_one_deck(collection, tmp_path):
    result = run(collection, str(tmp_path / "d.md"), "--deck", "Docker")
    assert result.exit_code == 0, result.output


def test_user_mistakes_are_one_line_and_write_nothing(collection, tmp_path, capsys):
    cases = [
        ([str(tmp_path / "x.txt")], "cannot export to .txt"),
        ([str(tmp_path / "x.apkg"), "--deck", "Nope"], "no deck named 'Nope'"),
    ]
    for args, message in cases:
        with pytest.raises(SystemExit) as exit_:
            main(["--collection", str(collection[0]), "export", *args])
        assert exit_.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith("deckard: ") and message in err
        assert err.count("\n") == 1
    missing = tmp_path / "missing.deckard"
    with pytest.raises(SystemExit):
        main(["--collection", str(missing), "export", str(tmp_path / "y.apkg")])
    assert "no collection there" in capsys.readouterr().err
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_help_names_the_formats():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    for word in (".apkg", ".md", ".csv", "--no-scheduling", "--no-media", "--deck"):
        assert word in result.output


def test_an_unwritable_destination_is_one_line(collection, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    for name in ("x.apkg", "x.md", "x.csv"):
        with pytest.raises(SystemExit):
            main(["--collection", str(collection[0]), "export", str(blocker / name)])
        err = capsys.readouterr().err
        assert err.startswith(f"deckard: {blocker / name}: cannot write the export")
        assert err.count("\n") == 1
