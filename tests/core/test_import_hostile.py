"""Hostile and broken packages: each is refused with a one-line error naming the file and the
member, or read safely; nothing is ever written, and memory stays bounded."""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import InputError
from app.core.importing import anki_collection, apkg_reader, read_batch
from tests.core.package_builders import altered, make_package


@pytest.fixture(scope="module")
def collection_bytes(tmp_path_factory) -> bytes:
    """A genuine schema-11 collection with one Basic note (made by genanki)."""
    import genanki

    base = tmp_path_factory.mktemp("genanki")
    model = genanki.Model(
        1,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(2, "Safe")
    deck.add_note(genanki.Note(model=model, fields=["question", "answer"], guid="g1"))
    genanki.Package(deck).write_to_file(str(base / "deck.apkg"))
    with zipfile.ZipFile(base / "deck.apkg") as archive:
        return _Database(archive.read("collection.anki2"))


class _Database(bytes):
    """The collection's bytes, shown briefly in test reports."""

    def __repr__(self) -> str:
        return f"<collection, {len(self)} bytes>"


def refused(path: Path, *fragments: str, **options) -> InputError:
    with pytest.raises(InputError) as caught:
        read_batch(path, **options)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message
    return caught.value


def test_the_baseline_package_is_fine(collection_bytes, tmp_path):
    path = make_package(
        tmp_path / "ok.apkg", {"collection.anki2": collection_bytes, "media": b"{}"}
    )
    (card,) = read_batch(path).cards
    assert card.spec.question == "<div>question</div>"


def test_not_a_zip(tmp_path):
    path = tmp_path / "deck.apkg"
    path.write_bytes(b"this is not a zip file at all")
    refused(path, "not a zip")


def test_a_zip_without_a_collection(tmp_path):
    refused(make_package(tmp_path / "x.apkg", {"readme.txt": b"hi"}), "no collection")


def test_a_corrupt_collection(tmp_path):
    path = make_package(
        tmp_path / "x.apkg", {"collection.anki2": b"SQLite format 3\x00" + b"\xff" * 5000}
    )
    refused(path, "collection.anki2")


def test_a_collection_that_is_not_sqlite(tmp_path):
    refused(make_package(tmp_path / "x.apkg", {"collection.anki2": b"hello"}), "collection.anki2")


def test_a_truncated_zip(collection_bytes, tmp_path):
    path = make_package(tmp_path / "x.apkg", {"collection.anki2": collection_bytes})
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    refused(path)


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil", "..\\evil.txt", "dir/evil", "C:evil"])
def test_member_names_that_are_paths_are_refused(collection_bytes, tmp_path, name):
    path = make_package(tmp_path / "x.apkg", {"collection.anki2": collection_bytes, name: b"x"})
    refused(path, "unsafe member name", repr(name))


@pytest.mark.parametrize("name", ["../../evil.png", "/abs/evil.png", "a\\..\\b.png", "..", ""])
def test_media_names_that_are_paths_are_refused(collection_bytes, tmp_path, name):
    members = {"collection.anki2": collection_bytes, "media": json.dumps({"0": name}).encode()}
    path = make_package(tmp_path / "x.apkg", {**members, "0": b"data"})
    refused(path, "media")


def test_modern_media_names_are_checked_too(collection_bytes, tmp_path):
    from anki.import_export_pb2 import MediaEntries, PackageMetadata

    entries = MediaEntries(entries=[MediaEntries.MediaEntry(name="../x.png", size=1)])
    zstd = zstandard.ZstdCompressor()
    members = {
        "meta": PackageMetadata(version=3).SerializeToString(),
        "collection.anki21b": zstd.compress(collection_bytes),
        "media": zstd.compress(entries.SerializeToString()),
        "0": zstd.compress(b"x"),
    }
    refused(make_package(tmp_path / "x.apkg", members), "unsafe media name", "'../x.png'")


def test_symlink_members_are_refused(collection_bytes, tmp_path):
    members = {
        "collection.anki2": collection_bytes,
        "media": b'{"0": "a.png"}',
        "0": b"/etc/passwd",
    }
    refused(make_package(tmp_path / "x.apkg", members, symlinks=("0",)), "symbolic link", "'0'")


def test_a_newer_package_version_is_refused(collection_bytes, tmp_path):
    members = {"meta": b"\x08\x63", "collection.anki2": collection_bytes}
    refused(make_package(tmp_path / "x.apkg", members), "version 99", "meta")


def _bomb(path: Path, member: str, size: int, *, zstd: bool = False, extra=None) -> Path:
    chunk = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        with archive.open(member, "w", force_zip64=True) as out:
            if zstd:
                with zstandard.ZstdCompressor(level=1).stream_writer(out, closefd=False) as w:
                    for _ in range(size // len(chunk)):
                        w.write(chunk)
            else:
                for _ in range(size // len(chunk)):
                    out.write(chunk)
    return path


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory, collection_bytes) -> Path:
    """64 MiB of zeros as a media file, about 64 KiB on disk."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.apkg"
    extra = {"collection.anki2": collection_bytes, "media": b'{"0": "big.png"}'}
    return _bomb(path, "0", 64 * 1024**2, extra=extra)


def test_a_zip_bomb_is_stopped_by_the_per_file_cap_with_bounded_memory(zip_bomb, monkeypatch):
    monkeypatch.setattr(apkg_reader, "MAX_MEDIA_FILE_BYTES", 4 * 1024**2)
    tracemalloc.start()
    try:
        refused(zip_bomb, "zip bomb", "member '0'")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024**2


def test_a_zip_bomb_is_stopped_by_the_total_cap(zip_bomb, monkeypatch):
    monkeypatch.setattr(apkg_reader, "MAX_TOTAL_BYTES", 8 * 1024**2)
    refused(zip_bomb, "in total")


def test_a_zstd_bomb_in_the_collection_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(apkg_reader, "MAX_COLLECTION_BYTES", 4 * 1024**2)
    path = _bomb(
        tmp_path / "z.apkg",
        "collection.anki21b",
        32 * 1024**2,
        zstd=True,
        extra={"meta": b"\x08\x03"},
    )
    refused(path, "zip bomb", "collection.anki21b")


def test_too_many_members_are_refused(collection_bytes, tmp_path, monkeypatch):
    monkeypatch.setattr(apkg_reader, "MAX_MEMBERS", 3)
    members = {"collection.anki2": collection_bytes, **{str(i): b"x" for i in range(5)}}
    refused(make_package(tmp_path / "x.apkg", members), "members")


def test_triggers_and_views_in_the_collection_never_run(collection_bytes, tmp_path):
    hostile = altered(
        collection_bytes,
        tmp_path,
        "CREATE TABLE log (what TEXT)",
        "CREATE TRIGGER t AFTER UPDATE ON cards BEGIN INSERT INTO log VALUES ('fired'); END",
        "CREATE TRIGGER t2 BEFORE DELETE ON notes BEGIN SELECT RAISE(ABORT, 'no'); END",
        "CREATE VIEW everything AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
        " SELECT n FROM r",
    )
    path = make_package(tmp_path / "x.apkg", {"collection.anki2": hostile})
    (card,) = read_batch(path).cards
    assert card.spec.answer == "<div>answer</div>"


def test_a_notes_table_replaced_by_a_view_is_refused(collection_bytes, tmp_path):
    hostile = altered(
        collection_bytes,
        tmp_path,
        "ALTER TABLE notes RENAME TO real_notes",
        "CREATE VIEW notes AS SELECT * FROM real_notes",
    )
    refused(make_package(tmp_path / "x.apkg", {"collection.anki2": hostile}), "no notes table")


def test_generated_columns_are_refused(collection_bytes, tmp_path):
    hostile = altered(
        collection_bytes,
        tmp_path,
        "ALTER TABLE notes RENAME TO old_notes",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, mod INTEGER,"
        " tags TEXT, flds TEXT GENERATED ALWAYS AS (zeroblob(100000000)) VIRTUAL)",
    )
    refused(make_package(tmp_path / "x.apkg", {"collection.anki2": hostile}), "no notes table")


def test_a_huge_field_is_refused(collection_bytes, tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "MAX_VALUE_BYTES", 1024**2)
    hostile = altered(
        collection_bytes,
        tmp_path,
        "UPDATE notes SET flds = 'q' || char(31) || hex(zeroblob(2000000))",
    )
    refused(make_package(tmp_path / "x.apkg", {"collection.anki2": hostile}), "larger than")


def test_invalid_utf8_in_a_field_is_refused(collection_bytes, tmp_path):
    hostile = altered(
        collection_bytes, tmp_path, "UPDATE notes SET flds = CAST(x'71ff1f61' AS TEXT)"
    )
    refused(make_package(tmp_path / "x.apkg", {"collection.anki2": hostile}), "collection.anki2")


def test_a_card_whose_question_renders_empty_is_skipped(collection_bytes, tmp_path):
    empty = altered(collection_bytes, tmp_path, "UPDATE notes SET flds = '' || char(31) || 'a'")
    batch = read_batch(make_package(tmp_path / "x.apkg", {"collection.anki2": empty}))
    assert batch.cards == []
    assert batch.skipped == ["card anki-g1-0: empty question"]


def test_media_listed_but_missing_is_reported(collection_bytes, tmp_path):
    members = {"collection.anki2": collection_bytes, "media": b'{"0": "a.png", "1": "b.png"}'}
    batch = read_batch(make_package(tmp_path / "x.apkg", {**members, "0": b"png"}))
    assert batch.media == {"a.png": b"png"}
    assert batch.skipped == ["media 'b.png': listed but missing from the package"]


def test_a_damaged_media_list_is_refused(collection_bytes, tmp_path):
    members = {"collection.anki2": collection_bytes, "media": b"{not json"}
    refused(make_package(tmp_path / "x.apkg", members), "media list", "member 'media'")


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_damaged_packages_give_only_input_errors(collection_bytes, tmp_path_factory, data):
    """Random byte damage to the zip or to the database inside: a card list or an InputError."""
    damage_database = data.draw(st.booleans())
    blob = bytearray(collection_bytes)
    if not damage_database:
        path = make_package(tmp_path_factory.mktemp("z") / "x.apkg", {"collection.anki2": blob})
        blob = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 30))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
    path = tmp_path_factory.mktemp("fuzz") / "damaged.apkg"
    if damage_database:
        make_package(path, {"collection.anki2": bytes(blob)})
    else:
        path.write_bytes(bytes(blob))
    try:
        read_batch(path)
    except InputError as error:
        assert str(error) and "\n" not in str(error)


def test_no_temporary_files_are_left_behind(collection_bytes, tmp_path, monkeypatch):
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    good = make_package(tmp_path / "ok.apkg", {"collection.anki2": collection_bytes})
    bad = make_package(tmp_path / "bad.apkg", {"collection.anki2": b"SQLite format 3\x00junk"})
    read_batch(good)
    with pytest.raises(InputError):
        read_batch(bad)
    assert list(scratch.iterdir()) == []


def test_library_messages_quoting_damaged_data_stay_on_one_line(collection_bytes, tmp_path):
    hostile = altered(
        collection_bytes,
        tmp_path,
        "CREATE TABLE x (a TEXT)",
        "INSERT INTO x VALUES (CAST(x'41ff0a0a42' AS TEXT))",
        "UPDATE notes SET flds = (SELECT a FROM x) || char(31) || 'a'",
    )
    error = refused(make_package(tmp_path / "x.apkg", {"collection.anki2": hostile}))
    assert len(str(error)) < 600


def test_damage_only_the_integrity_check_sees_is_refused(collection_bytes, tmp_path):
    """The notes and cards read fine, but a page of another table is garbage: refused as
    damaged, although the check runs beside the reading rather than before it."""
    data = bytearray(
        altered(
            collection_bytes,
            tmp_path,
            "CREATE TABLE junk (a BLOB)",
            "INSERT INTO junk VALUES (zeroblob(3000)), (zeroblob(3000)), (zeroblob(3000))",
        )
    )
    page_size = int.from_bytes(data[16:18], "big")
    data[-page_size:] = b"\xff" * page_size  # the last page is the junk table's
    path = make_package(tmp_path / "x.apkg", {"collection.anki2": bytes(data)})
    refused(path, "member 'collection.anki2'", "damaged")
