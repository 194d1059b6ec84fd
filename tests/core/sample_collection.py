"""A small collection in known states, shared by the search, statistics and browser tests.

Cards are added and studied through the real Collection, at fixed moments in UTC, so every
state (new, learning, review, buried, suspended) comes from the same code the app runs.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core import card_ops
from app.core.collection import Collection

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def open_empty(tmp_path: Path) -> Collection:
    """A new collection in UTC without the built-in deck."""
    return Collection.open(tmp_path / "sample.deckard", tz=UTC, import_builtin=False)


_template: tuple[Path, dict[str, str]] | None = None


def make_sample(tmp_path: Path) -> tuple[Collection, dict[str, str]]:
    """A collection with six cards in different states; returns it and their ids by name.

    The collection is built once per test run and copied, because every answer is a durable
    (fsynced) transaction and building it each time would make the tests slow.
    """
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="deckard-sample-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        built, ids = _build_sample(folder)
        built.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        built.close()
        _template = (folder / "sample.deckard", ids)
    source, ids = _template
    target = tmp_path / "sample.deckard"
    shutil.copyfile(source, target)
    return Collection.open(target, tz=UTC, import_builtin=False), dict(ids)


def _build_sample(folder: Path) -> tuple[Collection, dict[str, str]]:
    collection = open_empty(folder)
    long_ago = NOW - timedelta(days=40)

    def add(name: str, deck: str, question: str, answer: str, tags=(), when=long_ago) -> str:
        return card_ops.add_card(
            collection, deck=deck, question=question, answer=answer, tags=tags, now=when
        )

    ids = {
        "run": add(
            "run", "Docker", "What does `docker run` do?", "Starts a new container.", ["cli"]
        ),
        "bridge": add(
            "bridge",
            "Docker::网络",
            "什么是桥接网络？",
            "Docker 默认的网络驱动，容器通过虚拟网桥通信。",
            ["net", "net::bridge"],
        ),
        "volume": add(
            "volume", "Docker::存储", "数据卷有什么用？", "持久化容器的数据。", ["storage"]
        ),
        "percent": add("percent", "Misc", "50% off_sale", "literal % and _ signs"),
        "fresh": add("fresh", "Misc", "A card added today", "new", when=NOW - timedelta(hours=1)),
        "later": add("later", "Misc", "Suspended card", "kept aside", ["cli"]),
    }
    # bridge: learned long ago, answered well twice → a review card with a longer interval.
    collection.answer(ids["bridge"], 5, now=long_ago)
    collection.answer(ids["bridge"], 4, now=long_ago + timedelta(days=1))
    collection.answer(ids["bridge"], 4, now=long_ago + timedelta(days=7))
    # volume: answered well once, then failed today → a same-day repeat (learning).
    collection.answer(ids["volume"], 4, now=NOW - timedelta(days=1))
    collection.answer(ids["volume"], 1, now=NOW)
    # percent: answered yesterday, then buried until tomorrow.
    collection.answer(ids["percent"], 3, now=NOW - timedelta(days=2))
    collection.bury(ids["percent"], now=NOW)
    collection.suspend(ids["later"])
    return collection, ids
