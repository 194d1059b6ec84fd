"""Where the collection lives: `--collection`, then `DECKARD_COLLECTION`, then the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Deckard"
COLLECTION_FILENAME = "collection.deckard"
ENV_VAR = "DECKARD_COLLECTION"


def default_collection_path() -> Path:
    """The collection file in the platform's user data directory (not created here)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / COLLECTION_FILENAME


def resolve_collection_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The collection to use: an explicit path wins, then the environment, then the default."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_collection_path()


def source_of(path: str | os.PathLike[str]) -> str:
    """What the collection calls a file it imports from (a card's `source`): its resolved
    path, so that the same file is recognised whatever directory it was named from."""
    return str(Path(path).resolve())


def media_dir_for(collection_path: Path) -> Path:
    """The media folder that belongs to a collection file: `NAME.media` beside it, as Anki does."""
    return collection_path.with_name(collection_path.stem + ".media")


def sync_folder(folder: Path) -> None:
    """Make the files just created or renamed in `folder` durable: sync the folder itself
    (POSIX only; Windows neither allows nor needs it)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
