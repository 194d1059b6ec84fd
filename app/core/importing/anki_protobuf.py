"""The few protobuf messages inside Anki packages, decoded without a protobuf library.

Modern packages carry `meta` (PackageMetadata), a zstd-compressed `media` map (MediaEntries) and,
in schema-18 collections, protobuf blobs in the `notetypes` and `templates` tables. Only the
fields Deckard needs are read; unknown fields are skipped as the wire format allows. Field
numbers follow Anki's `import_export.proto` and `notetypes.proto`.
"""

from __future__ import annotations

from collections.abc import Iterator

_VARINT, _FIXED64, _LENGTH, _FIXED32 = 0, 1, 2, 5


class ProtobufError(ValueError):
    """The bytes are not a well-formed protobuf message."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    while True:
        if pos >= len(data):
            raise ProtobufError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7
        if shift > 63:
            raise ProtobufError("varint longer than 10 bytes")


def iter_fields(data: bytes) -> Iterator[tuple[int, int, int | bytes]]:
    """Yield (field number, wire type, value) for each field; bytes for length-delimited ones."""
    pos = 0
    end = len(data)
    while pos < end:
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if number == 0:
            raise ProtobufError("field number 0")
        if wire == _VARINT:
            value, pos = _varint(data, pos)
            yield number, wire, value
        elif wire == _LENGTH:
            length, pos = _varint(data, pos)
            if pos + length > end:
                raise ProtobufError("length-delimited field runs past the end")
            yield number, wire, data[pos : pos + length]
            pos += length
        elif wire == _FIXED64:
            if pos + 8 > end:
                raise ProtobufError("truncated fixed64")
            yield number, wire, int.from_bytes(data[pos : pos + 8], "little")
            pos += 8
        elif wire == _FIXED32:
            if pos + 4 > end:
                raise ProtobufError("truncated fixed32")
            yield number, wire, int.from_bytes(data[pos : pos + 4], "little")
            pos += 4
        else:
            raise ProtobufError(f"unsupported wire type {wire}")


def _first(data: bytes, number: int, wire: int) -> int | bytes | None:
    found: int | bytes | None = None
    for field_number, field_wire, value in iter_fields(data):
        if field_number == number and field_wire == wire:
            found = value  # protobuf: the last occurrence of a scalar wins
    return found


def _text(data: bytes, number: int) -> str:
    value = _first(data, number, _LENGTH)
    if value is None:
        return ""
    assert isinstance(value, bytes)
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtobufError(f"field {number} is not valid UTF-8") from None


def package_version(meta: bytes) -> int:
    """PackageMetadata.version (1 = anki2, 2 = anki21, 3 = anki21b); 0 when unset."""
    value = _first(meta, 1, _VARINT)
    return int(value) if isinstance(value, int) else 0


def media_entries(data: bytes) -> list[tuple[str, str]]:
    """MediaEntries as (zip member name, media file name) pairs, in the package's order."""
    entries = []
    for index, (number, wire, value) in enumerate(
        item for item in iter_fields(data) if item[0] == 1 and item[1] == _LENGTH
    ):
        del number, wire
        assert isinstance(value, bytes)
        name = _text(value, 1)
        legacy = _first(value, 255, _VARINT)
        member = str(legacy) if isinstance(legacy, int) else str(index)
        entries.append((member, name))
    return entries


def template_formats(config: bytes) -> tuple[str, str]:
    """Notetype.Template.Config: (question format, answer format)."""
    return _text(config, 1), _text(config, 2)


def notetype_is_cloze(config: bytes) -> bool:
    """Notetype.Config.kind: 1 is a cloze note type, 0 a standard one."""
    return _first(config, 1, _VARINT) == 1
