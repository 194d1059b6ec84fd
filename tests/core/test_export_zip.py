"""The package database is deflated in chunks on several threads into one ordinary zip member."""

from __future__ import annotations

import random
import zipfile

import pytest

from app.core.exporting import zip_writer
from app.core.exporting.zip_writer import write_deflated


@pytest.mark.parametrize("size", [0, 1, 1000, 3 * 4096, 3 * 4096 + 17])
def test_a_chunked_member_unzips_to_the_same_bytes(tmp_path, monkeypatch, size):
    # Small chunks, so a few kilobytes already make several of them.
    monkeypatch.setattr(zip_writer, "CHUNK", 4096)
    rng = random.Random(size)
    # Repetitive text (matches reach back across chunk boundaries) mixed with noise.
    data = b"".join(rng.choice([b"card ", b"review ", rng.randbytes(7)]) for _ in range(size))
    data = data[:size]
    source = tmp_path / "collection.anki2"
    source.write_bytes(data)
    out = tmp_path / "package.apkg"
    with open(out, "wb") as stream:
        assert write_deflated(stream, source, "collection.anki2", threads=3)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("media", "{}")
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None  # checks every member's CRC
        assert zf.namelist() == ["collection.anki2", "media"]
        assert zf.getinfo("collection.anki2").compress_type == zipfile.ZIP_DEFLATED
        assert zf.read("collection.anki2") == data
    if size > 3 * 4096:
        assert out.stat().st_size < size


def test_a_file_too_large_for_plain_zip_is_left_to_zipfile(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_writer, "_ZIP64_LIMIT", 10)
    source = tmp_path / "big"
    source.write_bytes(b"x" * 11)
    out = tmp_path / "package.apkg"
    with open(out, "wb") as stream:
        assert not write_deflated(stream, source, "collection.anki2")
    assert out.stat().st_size == 0
