"""Zip a large file with deflate on every core, as one ordinary zip member.

A package's database is tens of megabytes, and deflating it in one stream is one core's work
for a second or two. Here the file is cut into chunks that threads deflate side by side (zlib
lets go of Python's lock while it works), in the way pigz does it: each chunk's compressor is
primed with the 32 KiB before the chunk, so matches still reach back across the cut, and every
chunk but the last ends on a byte boundary (a sync flush) without closing the stream, so the
chunks joined are one deflate stream that any unzip reads. Members other than the big one are
added by `zipfile` in append mode.
"""

from __future__ import annotations

import os
import struct
import time
import zlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

CHUNK = 4 * 1024 * 1024
_WINDOW = 32 * 1024
# Sizes from here on need zip64 fields, which `zipfile` writes for us instead.
_ZIP64_LIMIT = 0xFFFF_FFFF - CHUNK
_DEFLATED = 8
_VERSION = 20


def _deflate_chunk(level: int, chunk: bytes, primer: bytes, last: bool) -> bytes:
    # -15: a raw deflate stream, as zip members hold.
    if primer:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15, zdict=primer)
    else:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = compressor.compress(chunk)
    return data + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _dos_time(moment: float) -> tuple[int, int]:
    year, month, day, hour, minute, second = time.localtime(moment)[:6]
    year = max(year, 1980)
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def write_deflated(
    out: BinaryIO, source: Path, name: str, *, level: int = 1, threads: int | None = None
) -> bool:
    """Write a zip archive holding `source` as member `name` to `out` (a new, empty file).

    Returns False, writing nothing, for a file too large for plain zip fields; the caller then
    zips it with `zipfile`, which writes zip64 fields.
    """
    size = source.stat().st_size
    if size > _ZIP64_LIMIT:
        return False
    encoded = name.encode("utf-8")
    dos_time, dos_date = _dos_time(source.stat().st_mtime)
    workers = max(1, min(threads or os.cpu_count() or 1, 4))

    def described(crc: int, compressed: int) -> tuple[int, ...]:
        # What the local header and the central directory both say of the member: method,
        # time, date, CRC, sizes, name length.
        return (_DEFLATED, dos_time, dos_date, crc, compressed, size, len(encoded))

    def local_header(crc: int, compressed: int) -> bytes:
        return struct.pack(
            "<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, 0, *described(crc, compressed), 0
        )

    out.write(local_header(0, 0) + encoded)
    crc = 0
    compressed = 0
    with open(source, "rb") as data, ThreadPoolExecutor(workers) as pool:
        pending: deque[Future[bytes]] = deque()
        primer = b""
        done = 0
        while True:
            chunk = data.read(CHUNK)
            done += len(chunk)
            last = done >= size or not chunk
            pending.append(pool.submit(_deflate_chunk, level, chunk, primer, last))
            crc = zlib.crc32(chunk, crc)
            primer = chunk[-_WINDOW:]
            # Keep each worker busy with a chunk in hand and one waiting, no more in memory.
            while len(pending) > 2 * workers or (last and pending):
                block = pending.popleft().result()
                out.write(block)
                compressed += len(block)
            if last:
                break
    central_start = out.tell()
    if compressed > _ZIP64_LIMIT:
        raise OSError("zip member too large")
    out.seek(0)
    out.write(local_header(crc, compressed))
    out.seek(central_start)
    central = struct.pack(
        "<4s4B4HL2L5H2L",
        b"PK\x01\x02",
        _VERSION,
        0,
        _VERSION,
        0,
        0,
        *described(crc, compressed),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    out.write(central + encoded)
    central_size = out.tell() - central_start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, central_size, central_start, 0))
    return True
