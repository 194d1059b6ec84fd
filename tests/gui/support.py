"""Test building blocks: a small real collection and a private settings file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings

from app.core.collection import Collection
from app.gui.settings import UiSettings

# Noon UTC on a fixed day: far from the 04:00 day start in any test timezone we care about.
NOON = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

SMALL_DECK = """\
---
deck: Docker
---

Q: 哪个命令列出本地镜像？
A: 列出镜像：

```bash
docker image ls
```

Q: What does `docker image rm $(docker image ls -q redis)` remove?
A: Every local image of the `redis` repository.

## Dockerfile

Q: `COPY` 和 `ADD` 有什么区别？
A: `ADD` 会自动解压某些格式的文件，一般不使用。

| 指令 | 作用 |
|------|------|
| COPY | 复制文件 |
| ADD  | 复制并解压 |
"""


def make_collection(tmp_path: Path, deck_text: str = SMALL_DECK) -> Collection:
    """A fresh collection holding only the cards of `deck_text` (three by default)."""
    source = tmp_path / "docker.deck.md"
    source.write_text(deck_text, encoding="utf-8")
    collection = Collection.open(tmp_path / "test.deckard", import_builtin=False)
    collection.import_file(source, now=NOON)
    return collection


def make_settings(tmp_path: Path) -> UiSettings:
    """Settings backed by an ini file in `tmp_path`, never the user's own."""
    return UiSettings(QSettings(str(tmp_path / "deckard.ini"), QSettings.Format.IniFormat))


def review_rows(collection: Collection) -> list[dict]:
    """The review log, oldest first."""
    return list(collection.db.query("SELECT * FROM reviews ORDER BY id"))
