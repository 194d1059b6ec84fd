"""Start-up builds only the deck list: other screens and their libraries load when first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.gui.main_window import MainWindow
from tests.gui.support import NOON, make_collection, make_settings

ROOT = Path(__file__).resolve().parents[2]

OPEN_DECK_LIST = """
import json, sys
from pathlib import Path
from app.core.collection import Collection
from app.gui.application import create_application
from app.gui.main_window import MainWindow
from app.gui.settings import UiSettings
from PySide6.QtCore import QSettings

app = create_application()
collection = Collection.open(Path(sys.argv[1]))
settings = UiSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window = MainWindow(collection, settings)
window.show()
app.processEvents()
window.repaint()
print(json.dumps(sorted(sys.modules)))
"""

NOT_AT_START_UP = {
    "app.core.importing",
    "app.core.exporting",
    "app.gui.browser",
    "app.gui.stats_window",
    "app.gui.transfer",
    "app.gui.review_widget",
    "app.gui.card_view",
    "app.gui.workers",
    "markdown",
    "pygments",
    "PySide6.QtNetwork",
}


def test_the_deck_list_opens_without_what_other_screens_need(tmp_path):
    make_collection(tmp_path).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            OPEN_DECK_LIST,
            str(tmp_path / "test.deckard"),
            str(tmp_path / "deckard.ini"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout))
    assert "app.gui.deck_tree_model" in loaded
    assert loaded & NOT_AT_START_UP == set()


def test_the_review_screen_built_later_follows_the_theme_and_font(qtbot, tmp_path):
    collection = make_collection(tmp_path)
    settings = make_settings(tmp_path)
    settings.font_size = 23
    window = MainWindow(collection, settings, clock=lambda: NOON)
    qtbot.addWidget(window)
    window.apply_dark(True)
    window.study("Docker")
    view = window.review.view
    assert view.font_size() == 23
    assert view.palette().color(view.backgroundRole()).lightness() < 80
    window.close()
    collection.close()
