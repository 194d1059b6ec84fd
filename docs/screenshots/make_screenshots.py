"""Regenerate the README screenshots from the real app (run from the repository root).

Builds a collection with the built-in Docker deck (plus a small deck with sub-decks, so the
tree shows folding), answers a few cards, then grabs the deck list and the review screen with
a Chinese card holding code, in the light and the dark theme.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402

from app.core.collection import Collection  # noqa: E402
from app.gui.application import create_application, install_language  # noqa: E402
from app.gui.main_window import MainWindow  # noqa: E402
from app.gui.settings import UiSettings  # noqa: E402
from app.gui.theme import apply_theme  # noqa: E402

OUT = Path(__file__).resolve().parent
CARD_WITH_CODE = "docker-bcbb2b85cf"  # 删除镜像 … 要点是什么？ with a shell block
LANGUAGES = """\
# Languages

## Python

Q: How do you create a virtual environment?
A: `python -m venv .venv`

Q: 列表推导式的写法？
A: `[x * 2 for x in items if x]`

## Rust

Q: 哪个命令新建一个 Cargo 项目？
A: `cargo new NAME`
"""


def main() -> None:
    app = create_application()
    install_language(app, "en")
    folder = Path(tempfile.mkdtemp())
    notes = folder / "languages.deck.md"
    notes.write_text(LANGUAGES, encoding="utf-8")
    now = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    collection = Collection.open(folder / "screens.deckard")
    collection.import_file(notes)
    # Two earlier reviews of the card on the review screen, so its grade buttons show the
    # different intervals a card in progress gets rather than a new card's uniform 1d.
    for days_ago in (7, 6):
        collection.answer(CARD_WITH_CODE, 4, now=now - timedelta(days=days_ago))
    # Six new Docker cards answered this morning (two of them failed, so they repeat today).
    new_cards = [
        row["id"]
        for row in collection.db.query(
            "SELECT cards.id FROM cards JOIN decks ON decks.id = cards.deck_id"
            " WHERE decks.name = 'Docker' AND cards.due IS NULL AND cards.id != ?"
            " ORDER BY cards.position LIMIT 6",
            [CARD_WITH_CODE],
        )
    ]
    for minute, card_id in enumerate(new_cards):
        collection.answer(card_id, 4 if minute % 3 else 2, now=now, duration_ms=9000)
        now += timedelta(minutes=1)
    for dark in (False, True):
        apply_theme(app, dark)
        settings = UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
        window = MainWindow(collection, settings, clock=lambda: now)
        window.resize(900, 560)
        window.splitter.setSizes([500, 400])
        window.show()
        window.tree.expandAll()
        window.select_deck("Docker")
        app.processEvents()
        theme = "dark" if dark else "light"
        window.grab().save(str(OUT / f"deck-list-{theme}.png"))
        window.study("Docker")
        window.review.show_question(collection.card(CARD_WITH_CODE))
        window.review.show_answer()
        app.processEvents()
        window.grab().save(str(OUT / f"review-{theme}.png"))
        window.close()
    collection.close()


if __name__ == "__main__":
    main()
