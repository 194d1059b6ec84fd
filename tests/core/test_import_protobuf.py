"""The small protobuf decoder, checked against messages encoded by Anki's own classes."""

from __future__ import annotations

import pytest

from app.core.importing import anki_protobuf


@pytest.fixture(scope="module")
def pb():
    import anki.collection  # noqa: F401  (before the generated modules)
    from anki import import_export_pb2, notetypes_pb2

    return import_export_pb2, notetypes_pb2


def test_package_version(pb):
    import_export, _ = pb
    for version in (1, 2, 3):
        raw = import_export.PackageMetadata(version=version).SerializeToString()
        assert anki_protobuf.package_version(raw) == version
    assert anki_protobuf.package_version(b"") == 0


def test_media_entries_keep_their_order_and_legacy_names(pb):
    import_export, _ = pb
    entry = import_export.MediaEntries.MediaEntry
    raw = import_export.MediaEntries(
        entries=[
            entry(name="a.png", size=3, sha1=b"\x01" * 20),
            entry(name="b 日本.mp3", size=300000),
            entry(name="c.jpg", size=1, legacy_zip_filename=7),
        ]
    ).SerializeToString()
    assert anki_protobuf.media_entries(raw) == [("0", "a.png"), ("1", "b 日本.mp3"), ("7", "c.jpg")]


def test_template_and_notetype_config(pb):
    _, notetypes = pb
    config = notetypes.Notetype.Template.Config(
        q_format="{{Front}}", a_format="{{FrontSide}}<hr id=answer>{{Back}}", target_deck_id=12
    ).SerializeToString()
    assert anki_protobuf.template_formats(config) == (
        "{{Front}}",
        "{{FrontSide}}<hr id=answer>{{Back}}",
    )
    cloze = notetypes.Notetype.Config(kind=1, css=".card {}").SerializeToString()
    normal = notetypes.Notetype.Config(css=".card {}", sort_field_idx=1).SerializeToString()
    assert anki_protobuf.notetype_is_cloze(cloze)
    assert not anki_protobuf.notetype_is_cloze(normal)


@pytest.mark.parametrize(
    "raw",
    [b"\x0a\x05ab", b"\x08", b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", b"\x0b", b"\x00"],
)
def test_malformed_messages_raise(raw):
    with pytest.raises(anki_protobuf.ProtobufError):
        list(anki_protobuf.iter_fields(raw))
