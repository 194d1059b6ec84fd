"""Hostile Anki packages imported into a real collection: refused whole or imported safely.

The readers' own tests check each package on its own; here every one goes through
`Collection.import_file`, and the test looks at what a user would notice afterwards: the error
is one line, the collection holds what it held before and stays sound, no file appeared outside
the media folder (nor, for a refused package, inside it), and memory stayed bounded.
"""

from __future__ import annotations

import json
import sqlite3
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from app.core.collection import Collection
from app.core.errors import InputError
from app.core.importing import anki_collection, apkg_reader
from app.core.model import CardRecord, CardSpec, ImportBatch
from tests.core.package_builders import altered, make_package


@pytest.fixture(scope="module")
def anki_collection_bytes(tmp_path_factory) -> bytes:
    """A genuine Anki collection with one Basic note whose answer shows an image."""
    import genanki

    base = tmp_path_factory.mktemp("genanki")
    model = genanki.Model(
        1,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2, "Hostile")
    fields = ["What is <b>Docker</b>?", 'A runtime <img src="diagram.png">']
    deck.add_note(genanki.Note(model=model, fields=fields, guid="g1"))
    genanki.Package(deck).write_to_file(str(base / "deck.apkg"))
    with zipfile.ZipFile(base / "deck.apkg") as archive:
        return archive.read("collection.anki2")


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


@pytest.fixture
def workspace(tmp_path):
    """A collection with one card of its own, in a folder of its own inside `tmp_path`."""
    home = tmp_path / "home"
    path = home / "collection.deckard"
    with Collection.open(path, import_builtin=False) as collection:
        own = CardRecord(CardSpec(id="own-1", deck="Mine", question="Mine?", answer="Yes"))
        collection.apply_batch(ImportBatch(source="test", cards=[own]))
    return tmp_path, path


def import_into(path: Path, package: Path):
    with Collection.open(path, import_builtin=False) as collection:
        return collection.import_file(package)


def assert_untouched(path: Path):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT id FROM cards").fetchall() == [("own-1",)]
        assert schema_objects(connection) == OWN_SCHEMA_OBJECTS
    finally:
        connection.close()


def schema_objects(connection):
    """Every table, index, trigger and view in a collection, by type and name."""
    return set(connection.execute("SELECT type, name FROM sqlite_master"))


def _own_schema_objects():
    """What a new collection holds: nothing a package brings may add to it."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fresh.deckard"
        Collection.open(path, import_builtin=False).close()
        connection = sqlite3.connect(path)
        try:
            return schema_objects(connection)
        finally:
            connection.close()


OWN_SCHEMA_OBJECTS = _own_schema_objects()


def media(data: bytes, mapping: dict[str, str], files: dict[str, bytes]) -> dict[str, bytes]:
    return {"collection.anki2": data, "media": json.dumps(mapping).encode(), **files}


HOSTILE = {
    "media name climbing out": lambda d, s: media(d, {"0": "../../evil.png"}, {"0": b"x"}),
    "absolute media name": lambda d, s: media(d, {"0": "/tmp/evil.png"}, {"0": b"x"}),
    "windows media path": lambda d, s: media(d, {"0": "..\\..\\evil.png"}, {"0": b"x"}),
    "zip member climbing out": lambda d, s: {"collection.anki2": d, "../evil.txt": b"x"},
    "absolute zip member": lambda d, s: {"collection.anki2": d, "/tmp/evil.txt": b"x"},
    "invalid UTF-8 in a field": lambda d, s: {
        "collection.anki2": altered(d, s, "UPDATE notes SET flds = CAST(x'71ff1f61' AS TEXT)")
    },
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_packages_are_refused_whole(workspace, anki_collection_bytes, kind):
    tmp_path, path = workspace
    package = make_package(
        tmp_path / "hostile.apkg", HOSTILE[kind](anki_collection_bytes, tmp_path)
    )
    before = files_under(tmp_path)
    with pytest.raises(InputError) as caught:
        import_into(path, package)
    assert "\n" not in str(caught.value)
    assert str(package) in str(caught.value)
    assert_untouched(path)
    new_files = files_under(tmp_path) - before
    # Only SQLite's own companions of the collection may appear.
    assert {p.name for p in new_files} <= {"collection.deckard-wal", "collection.deckard-shm"}
    assert not Path("/tmp/evil.png").exists()
    assert not Path("/tmp/evil.txt").exists()


def test_a_symlink_member_is_refused_and_not_followed(workspace, anki_collection_bytes):
    tmp_path, path = workspace
    members = media(anki_collection_bytes, {"0": "diagram.png"}, {"0": b"/etc/passwd"})
    package = make_package(tmp_path / "link.apkg", members, symlinks=("0",))
    with pytest.raises(InputError, match="symbolic link"):
        import_into(path, package)
    assert_untouched(path)
    assert not (path.parent / "collection.media").exists()


def test_a_zip_bomb_is_refused_with_bounded_memory(workspace, anki_collection_bytes, monkeypatch):
    tmp_path, path = workspace
    monkeypatch.setattr(apkg_reader, "MAX_MEDIA_FILE_BYTES", 4 * 1024**2)
    package = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("collection.anki2", anki_collection_bytes)
        archive.writestr("media", b'{"0": "diagram.png"}')
        with archive.open("0", "w", force_zip64=True) as member:
            for _ in range(48):
                member.write(bytes(1024 * 1024))
    assert package.stat().st_size < 1024**2
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="zip bomb"):
            import_into(path, package)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 24 * 1024**2
    assert_untouched(path)


def test_a_huge_field_is_refused(workspace, anki_collection_bytes, monkeypatch):
    tmp_path, path = workspace
    monkeypatch.setattr(anki_collection, "MAX_VALUE_BYTES", 1024**2)
    data = altered(
        anki_collection_bytes,
        tmp_path,
        "UPDATE notes SET flds = 'q' || char(31) || hex(zeroblob(2000000))",
    )
    package = make_package(tmp_path / "huge.apkg", {"collection.anki2": data})
    with pytest.raises(InputError, match="larger than"):
        import_into(path, package)
    assert_untouched(path)


def test_triggers_and_views_in_a_package_never_reach_the_collection(
    workspace, anki_collection_bytes
):
    tmp_path, path = workspace
    data = altered(
        anki_collection_bytes,
        tmp_path,
        "CREATE TABLE log (what TEXT)",
        "CREATE TRIGGER spy AFTER UPDATE ON cards BEGIN INSERT INTO log VALUES ('fired'); END",
        "CREATE VIEW everything AS SELECT * FROM notes",
    )
    members = media(data, {"0": "diagram.png"}, {"0": b"\x89PNG fake"})
    result = import_into(path, make_package(tmp_path / "triggers.apkg", members))
    assert len(result.added) == 1
    connection = sqlite3.connect(path)
    assert schema_objects(connection) == OWN_SCHEMA_OBJECTS
    assert connection.execute("SELECT count(*) FROM cards").fetchone() == (2,)
    connection.close()


def test_a_package_with_scripts_and_tricky_links_imports_safely(workspace, anki_collection_bytes):
    tmp_path, path = workspace
    data = altered(
        anki_collection_bytes,
        tmp_path,
        "UPDATE notes SET flds = 'Q<script>alert(1)</script><img src=x onerror=alert(2)>'"
        ' || char(31) || \'<img src="../../../etc/passwd"><a href="javascript:alert(3)">a</a>'
        '<img src="https://example.com/track.png"><img src="diagram.png">\'',
    )
    members = media(data, {"0": "diagram.png"}, {"0": b"\x89PNG fake"})
    package = make_package(tmp_path / "tricky.apkg", members)
    before = files_under(tmp_path)
    result = import_into(path, package)
    assert len(result.added) == 1
    with Collection.open(path, import_builtin=False) as collection:
        card = collection.card(result.added[0])
        media_dir = collection.media_dir
    sides = (card.question + card.answer).lower()
    for forbidden in ("<script", "onerror", "javascript:", "https://example.com"):
        assert forbidden not in sides
    new_files = files_under(tmp_path) - before
    outside = {p for p in new_files if media_dir not in p.parents and p != media_dir}
    assert {p.name for p in outside} <= {"collection.deckard-wal", "collection.deckard-shm"}
    assert (media_dir / "diagram.png").read_bytes() == b"\x89PNG fake"


def test_a_symlink_already_in_the_media_folder_is_never_written_through(
    workspace, anki_collection_bytes
):
    tmp_path, path = workspace
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    media_dir = path.parent / "collection.media"
    media_dir.mkdir()
    (media_dir / "diagram.png").symlink_to(outside)
    members = media(anki_collection_bytes, {"0": "diagram.png"}, {"0": b"\x89PNG from package"})
    result = import_into(path, make_package(tmp_path / "over-link.apkg", members))
    assert len(result.added) == 1
    assert outside.read_bytes() == b"precious"
