"""`deckard decks [--json]`: per-deck counts on the chosen collection."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from app.cli import cli, main
from app.core.collection import Collection
from tests.core.collection_helpers import batch, spec


def make(path):
    with Collection.open(path, import_builtin=False) as collection:
        specs = [spec(f"f{n}", "Lang::French") for n in range(3)] + [spec("g0", "Lang::German")]
        collection.apply_batch(batch("lang.md", specs))
        collection.suspend("g0")
        collection.answer("f0", 2)


def test_json_lists_every_deck_with_its_counts(tmp_path):
    path = tmp_path / "c.deckard"
    make(path)
    result = CliRunner().invoke(cli, ["--collection", str(path), "decks", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [
        {"deck": "Lang", "new": 2, "repeat": 1, "due": 0, "total": 0},
        {"deck": "Lang::French", "new": 2, "repeat": 1, "due": 0, "total": 3},
        {"deck": "Lang::German", "new": 0, "repeat": 0, "due": 0, "total": 1},
    ]


def test_table_output(tmp_path):
    path = tmp_path / "c.deckard"
    make(path)
    result = CliRunner().invoke(cli, ["--collection", str(path), "decks"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Deck", "New", "Repeat", "Due", "Total"]
    assert lines[2].split() == ["Lang::French", "2", "1", "0", "3"]


def test_the_environment_variable_chooses_the_collection(tmp_path):
    path = tmp_path / "env.deckard"
    make(path)
    result = CliRunner().invoke(cli, ["decks", "--json"], env={"DECKARD_COLLECTION": str(path)})
    assert result.exit_code == 0, result.output
    assert [row["deck"] for row in json.loads(result.output)] == [
        "Lang", "Lang::French", "Lang::German",
    ]  # fmt: skip


def test_a_new_collection_starts_with_the_built_in_deck(tmp_path):
    path = tmp_path / "fresh" / "c.deckard"
    result = CliRunner().invoke(cli, ["--collection", str(path), "decks", "--json"])
    assert result.exit_code == 0, result.output
    docker = next(row for row in json.loads(result.output) if row["deck"] == "Docker")
    assert docker["new"] == 20 and docker["total"] > 20
    assert path.exists()


def test_help_describes_the_command():
    result = CliRunner().invoke(cli, ["decks", "--help"])
    assert result.exit_code == 0
    assert "--json" in result.output
    assert "due" in result.output


def test_a_broken_collection_is_one_line_on_stderr(tmp_path, capsys):
    path = tmp_path / "broken.deckard"
    path.write_text("not a database at all " * 50)
    with pytest.raises(SystemExit) as exit_info:
        main(["--collection", str(path), "decks"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("deckard: ") and "broken.deckard" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_table_columns_line_up_with_chinese_deck_names(tmp_path):
    import unicodedata

    def cells(text):
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    path = tmp_path / "c.deckard"
    with Collection.open(path, import_builtin=False) as collection:
        collection.apply_batch(batch("zh.md", [spec("a", "基础操作"), spec("b", "Ops")]))
    result = CliRunner().invoke(cli, ["--collection", str(path), "decks"])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    # Right-aligned numbers line up when every line is equally wide on screen.
    assert {cells(line) for line in rows} == {cells(header)}
    assert any(line.startswith("基础操作") for line in rows)
