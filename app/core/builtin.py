"""The built-in Docker deck that a new collection starts with.

It is found in a source checkout (`decks/docker/docker.deck.md` beside the `app` package) and in
an installed copy (the package data folder `app/builtin_decks/`). Its cards come in under the
source name `builtin:docker`, so a later release's deck merges into a collection like any
re-imported file: changed cards update, removed ones are suspended, history stays.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import CollectionError
from app.core.model import CardRecord, ImportBatch

BUILTIN_SOURCE = "builtin:docker"
DECK_FILE = "docker.deck.md"


def candidate_paths() -> list[Path]:
    """Where the built-in deck may be, in the order they are tried."""
    package = Path(__file__).resolve().parent.parent
    return [
        package.parent / "decks" / "docker" / DECK_FILE,
        package / "builtin_decks" / "docker" / DECK_FILE,
        package / "builtin_decks" / DECK_FILE,
    ]


def builtin_deck_path() -> Path:
    """The built-in deck file; CollectionError listing the places tried when it is missing."""
    candidates = candidate_paths()
    for path in candidates:
        if path.is_file():
            return path
    tried = ", ".join(str(path) for path in candidates)
    raise CollectionError(f"the built-in Docker deck is missing (looked for {tried})")


def builtin_batch() -> ImportBatch:
    """The built-in deck's cards as an import batch."""
    from app.core.deckfile import parse_deck

    path = builtin_deck_path()
    text = path.read_text(encoding="utf-8")
    specs = parse_deck(text, source=str(path), default_deck="Docker")
    return ImportBatch(source=BUILTIN_SOURCE, cards=[CardRecord(spec=spec) for spec in specs])
