"""Opening a collection: first use brings the built-in deck; reopening keeps everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import builtin
from app.core.collection import Collection
from app.core.errors import CollectionError
from tests.core.collection_helpers import BERLIN, NOON


def test_first_use_imports_the_built_in_docker_deck(tmp_path):
    with Collection.open(tmp_path / "new" / "c.deckard", tz=BERLIN) as collection:
        counts = {c.deck: c for c in collection.deck_counts(now=NOON)}
        assert "Docker" in counts
        assert counts["Docker"].total > 20
        assert counts["Docker"].new == 20
        card = collection.next_card(now=NOON)
        assert card is not None and card.deck.startswith("Docker")
        assert card.question and card.answer


def test_reopening_does_not_import_the_built_in_deck_again(tmp_path):
    path = tmp_path / "c.deckard"
    with Collection.open(path, tz=BERLIN) as collection:
        total = collection.conn.execute("SELECT count(*) FROM cards").fetchone()[0]
        card = collection.next_card(now=NOON)
        collection.answer(card.id, 4, now=NOON)
    with Collection.open(path, tz=BERLIN) as collection:
        assert collection.conn.execute("SELECT count(*) FROM cards").fetchone()[0] == total
        assert len(collection.history(card.id)) == 1


def test_a_missing_built_in_deck_is_a_clear_error_and_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(builtin, "candidate_paths", lambda: [tmp_path / "nowhere.deck.md"])
    path = tmp_path / "c.deckard"
    with pytest.raises(CollectionError, match=r"built-in Docker deck is missing.*nowhere"):
        Collection.open(path)
    assert not path.exists()


def test_the_built_in_deck_is_found_in_an_installed_layout(tmp_path, monkeypatch):
    source = builtin.builtin_deck_path()
    installed = tmp_path / "app" / "builtin_decks" / "docker" / "docker.deck.md"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(source.read_bytes())
    monkeypatch.setattr(builtin, "__file__", str(tmp_path / "app" / "core" / "builtin.py"))
    assert builtin.builtin_deck_path() == installed


def test_media_folder_sits_beside_the_collection(tmp_path):
    with Collection.open(tmp_path / "mine.deckard", import_builtin=False) as collection:
        assert collection.media_dir == tmp_path / "mine.media"
        assert collection.path == tmp_path / "mine.deckard"


def test_closing_through_the_context_manager(tmp_path):
    with Collection.open(tmp_path / "c.deckard", import_builtin=False) as collection:
        pass
    with pytest.raises(Exception, match="closed"):
        collection.deck_counts()


def test_an_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CollectionError, match="cannot open"):
        Collection.open(blocker / "c.deckard", import_builtin=False)


def test_opening_leaves_sqlite_utils_for_when_db_is_used(tmp_path):
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from app.core.collection import Collection\n"
        f"collection = Collection.open({str(tmp_path / 'c.deckard')!r}, import_builtin=False)\n"
        "collection.next_card()\n"
        "print('sqlite_utils' in sys.modules)\n"
        "print(collection.db.table_names() == collection.db.table_names())\n"
        "print('cards' in collection.db.table_names(), 'sqlite_utils' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=root,
    )
    assert result.stdout.split() == ["False", "True", "True", "True"]
