"""Anki packages (.apkg decks and .colpkg collections): the zip, its members and its media.

Every package is treated as hostile. Member and media names must be plain file names; symbolic
links are refused; every decompression (zip and zstd) is streamed in chunks and counted against
the caps below, so a zip bomb fails fast with bounded memory. The collection inside is written to
a private temporary file and read by `anki_collection` with SQLite in read-only mode.

Which collection member is read follows Anki's own rule: the version in `meta` if present,
else `collection.anki21`, else `collection.anki2` (the placeholder `collection.anki2` that modern
exports add for old Anki versions is ignored).
"""

from __future__ import annotations

import errno
import json
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import IO, BinaryIO

import zstandard

from app.core.errors import InputError
from app.core.importing import FingerprintedBatch, KnownFingerprints, anki_protobuf
from app.core.importing.anki_collection import read_collection
from app.core.media import name_problem, shown_name
from app.core.model import ImportBatch

# Caps on what a package may expand to; module constants so callers and tests can change them.
MAX_MEMBERS = 200_000
MAX_COLLECTION_BYTES = 2 * 1024**3
MAX_MEDIA_FILE_BYTES = 256 * 1024**2
MAX_TOTAL_BYTES = 4 * 1024**3
CHUNK_BYTES = 1024 * 1024
# zstd frames may ask for a window this large at most (Anki uses far smaller ones).
MAX_ZSTD_WINDOW = 1 << 27

_COLLECTION_MEMBERS = {1: "collection.anki2", 2: "collection.anki21", 3: "collection.anki21b"}


class _Budget:
    """Bytes still allowed to be decompressed from this package."""

    def __init__(self) -> None:
        self.remaining = MAX_TOTAL_BYTES


def read_package(
    path: Path,
    *,
    deck: str | None = None,
    keep_scheduling: bool = True,
    known: KnownFingerprints | None = None,
) -> FingerprintedBatch:
    """Read an .apkg or .colpkg file into a batch; raise InputError for a bad package.

    With `known` (card id -> fingerprint of what the collection holds), cards whose raw note
    data has that fingerprint are not rendered again but listed in the batch's `unchanged`.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError("not an Anki package (the file is not a zip archive)", path=path) from None
    except (ValueError, EOFError, NotImplementedError) as error:
        raise InputError(f"damaged zip archive ({error})", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", path=path) from None
    with archive:
        members = _check_members(archive, path)
        version = _package_version(archive, members, path)
        member = _COLLECTION_MEMBERS[version]
        if member not in members:
            raise InputError(f"the package has no {member}", path=path)
        budget = _Budget()
        batch = FingerprintedBatch(source=str(path))
        with tempfile.TemporaryDirectory(prefix="deckard-import-") as scratch:
            db_path = Path(scratch) / "collection.sqlite"
            with db_path.open("wb") as out:
                _copy_member(
                    archive,
                    members[member],
                    out,
                    zstd=version == 3,
                    limit=MAX_COLLECTION_BYTES,
                    budget=budget,
                    path=path,
                )
            read_collection(
                db_path,
                batch,
                source=path,
                member=member,
                deck_prefix=deck,
                keep_scheduling=keep_scheduling,
                known=known,
            )
        _read_media(archive, members, version, batch, budget, path)
    return batch


def _check_members(archive: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"the package has {len(infos)} members (at most {MAX_MEMBERS})", path=path)
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        problem = name_problem(name)
        if problem is not None:
            raise InputError(
                f"unsafe member name: it {problem}", path=path, where=f"member {shown_name(name)}"
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise InputError("member is a symbolic link", path=path, where=f"member {name!r}")
        if name in members:
            raise InputError("member appears twice", path=path, where=f"member {name!r}")
        members[name] = info
    return members


def _package_version(
    archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], path: Path
) -> int:
    if "meta" in members:
        raw = _read_member(archive, members["meta"], limit=4096, budget=_Budget(), path=path)
        try:
            version = anki_protobuf.package_version(raw)
        except anki_protobuf.ProtobufError as error:
            raise InputError(
                f"damaged package metadata: {error}", path=path, where="member 'meta'"
            ) from None
        if version not in _COLLECTION_MEMBERS:
            raise InputError(
                f"package version {version} is not supported (made by a newer Anki?)",
                path=path,
                where="member 'meta'",
            )
        return version
    if "collection.anki21" in members:
        return 2
    if "collection.anki2" in members:
        return 1
    raise InputError("not an Anki package (no collection inside)", path=path)


def _open_stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zstd: bool) -> IO[bytes]:
    raw = archive.open(info)
    if not zstd:
        return raw
    decompressor = zstandard.ZstdDecompressor(max_window_size=MAX_ZSTD_WINDOW)
    return decompressor.stream_reader(raw, read_size=CHUNK_BYTES, closefd=True)  # type: ignore[return-value]


def _copy_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    out: BinaryIO,
    *,
    zstd: bool,
    limit: int,
    budget: _Budget,
    path: Path,
) -> int:
    """Stream one member (zstd-decompressed if asked) into `out`, enforcing the caps."""
    where = f"member {info.filename!r}"
    written = 0
    try:
        with _open_stream(archive, info, zstd) as stream:
            while True:
                chunk = stream.read(CHUNK_BYTES)
                if not chunk:
                    break
                written += len(chunk)
                if written > limit:
                    raise InputError(
                        f"expands to more than {_size(limit)}: refusing a possible zip bomb",
                        path=path,
                        where=where,
                    )
                budget.remaining -= len(chunk)
                if budget.remaining < 0:
                    raise InputError(
                        f"the package expands to more than {_size(MAX_TOTAL_BYTES)} in total",
                        path=path,
                        where=where,
                    )
                out.write(chunk)
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        zstandard.ZstdError,
        ValueError,
        OSError,
    ) as error:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise InputError("no disk space left to unpack it", path=path, where=where) from None
        # ValueError and OSError: zipfile's own complaints about damaged headers, e.g. a member
        # name that is not UTF-8 or an offset before the start of the file.
        raise InputError(f"damaged data ({error})", path=path, where=where) from None
    except (RuntimeError, NotImplementedError) as error:
        # Encrypted members and unknown compression methods.
        raise InputError(f"cannot be read ({error})", path=path, where=where) from None
    return written


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(data)
        return len(data)


def _read_member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    limit: int,
    budget: _Budget,
    path: Path,
    zstd: bool = False,
) -> bytes:
    buffer = _Buffer()
    _copy_member(archive, info, buffer, zstd=zstd, limit=limit, budget=budget, path=path)  # type: ignore[arg-type]
    return b"".join(buffer.parts)


def _read_media(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    version: int,
    batch: ImportBatch,
    budget: _Budget,
    path: Path,
) -> None:
    if "media" not in members:
        return
    raw = _read_member(
        archive, members["media"], limit=64 * 1024**2, budget=budget, path=path, zstd=version == 3
    )
    entries = _media_entries(raw, version, path)
    for member, name in entries:
        problem = name_problem(name)
        if problem is not None:
            raise InputError(
                f"unsafe media name: it {problem}", path=path, where=f"media {shown_name(name)}"
            )
        if name in batch.media:
            batch.skipped.append(f"media {name!r}: listed twice in the package; first copy kept")
            continue
        info = members.get(member)
        if info is None:
            batch.skipped.append(f"media {name!r}: listed but missing from the package")
            continue
        batch.media[name] = _read_member(
            archive,
            info,
            limit=MAX_MEDIA_FILE_BYTES,
            budget=budget,
            path=path,
            zstd=version == 3,
        )


def _media_entries(raw: bytes, version: int, path: Path) -> list[tuple[str, str]]:
    if version == 3:
        try:
            return anki_protobuf.media_entries(raw)
        except anki_protobuf.ProtobufError as error:
            raise InputError(
                f"damaged media list: {error}", path=path, where="member 'media'"
            ) from None
    try:
        mapping = json.loads(raw.decode("utf-8")) if raw.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            f"damaged media list: {error}", path=path, where="member 'media'"
        ) from None
    if not isinstance(mapping, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in mapping.items()
    ):
        raise InputError(
            "damaged media list: not a map of names", path=path, where="member 'media'"
        )
    return list(mapping.items())


def _size(limit: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if limit >= factor:
            return f"{limit / factor:g} {unit}"
    return f"{limit} bytes"
