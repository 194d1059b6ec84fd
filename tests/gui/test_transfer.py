"""File › Import… and Export… run in a worker behind a cancellable progress dialog."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

import app.core.importing
import app.gui.main_window
import app.gui.transfer
from app.gui.main_window import MainWindow
from app.gui.transfer import ExportFlow, ImportFlow
from tests.gui.support import NOON, make_collection, make_settings

MORE_CARDS = """\
---
deck: Rust
---

Q: 哪个命令新建一个 Cargo 项目？
A: `cargo new NAME`

What does `cargo build --release` do? :: Builds with optimisations into `target/release`.
"""


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    messages = []
    monkeypatch.setattr(app.gui.transfer, "inform", lambda *args, **kw: messages.append(args[2]))
    monkeypatch.setattr(app.gui.main_window, "inform", lambda *args, **kw: messages.append(args[2]))
    collection = make_collection(tmp_path)
    window = MainWindow(collection, make_settings(tmp_path), clock=lambda: NOON)
    window.messages = messages
    qtbot.addWidget(window)
    yield window
    window.close()
    collection.close()


def test_import_adds_cards_and_reports(qtbot, tmp_path, window):
    source = tmp_path / "rust.deck.md"
    source.write_text(MORE_CARDS, encoding="utf-8")
    seen = []
    flow = ImportFlow(window)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.run(source, confirm=lambda batch: seen.append(len(batch.cards)) or True)
    assert seen == [2]
    assert len(done.args[0].added) == 2
    assert "Added 2, updated 0" in window.messages[-1]
    assert window.model.index_for_deck("Rust").isValid()
    assert window.collection.counts_today("Rust", now=NOON) == (2, 0, 0)


def test_declining_the_preview_writes_nothing(qtbot, tmp_path, window):
    source = tmp_path / "rust.deck.md"
    source.write_text(MORE_CARDS, encoding="utf-8")
    flow = ImportFlow(window)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.run(source, confirm=lambda batch: False)
    assert done.args == [None]
    assert "Rust" not in window.collection.deck_names()


def test_cancelled_import_writes_nothing(qtbot, tmp_path, window, monkeypatch):
    source = tmp_path / "rust.deck.md"
    source.write_text(MORE_CARDS, encoding="utf-8")
    release = threading.Event()
    real_read = app.core.importing.read_batch

    def slow_read(path, **kwargs):
        release.wait(10)
        return real_read(path, **kwargs)

    monkeypatch.setattr(app.core.importing, "read_batch", slow_read)
    flow = ImportFlow(window)
    confirmed = []
    window.show()
    flow.run(source, confirm=confirmed.append)
    # The UI thread stays free while the file is read: the progress dialog appears and repaints.
    qtbot.waitUntil(lambda: flow.dialog.isVisible(), timeout=5_000)
    cancel = flow.dialog.findChild(QPushButton)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert flow.dialog.labelText() == "Cancelling…"
        assert not cancel.isEnabled()
        release.set()
    assert done.args == [None]
    assert confirmed == []
    assert "Rust" not in window.collection.deck_names()


def test_a_bad_file_shows_the_core_message(qtbot, tmp_path, window):
    source = tmp_path / "notes.txt"
    source.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    flow = ImportFlow(window)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.run(source, confirm=lambda batch: True)
    assert done.args == [None]
    assert str(source) in window.messages[-1]


def test_importing_a_package_again_previews_every_card_but_converts_none(
    qtbot, tmp_path, window, monkeypatch
):
    import genanki

    from app.core.importing import anki_collection

    model = genanki.Model(
        7,
        "Basic",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    deck = genanki.Deck(8, "German")
    for guid, front in (("dog", "Hund"), ("cat", "Katze")):
        deck.add_note(genanki.Note(model=model, fields=[front, guid], guid=guid))
    package = tmp_path / "german.apkg"
    genanki.Package(deck).write_to_file(str(package))
    rendered = []
    original = anki_collection._Reader._render

    def spy(self, notetype, ordinal, flds, tags, deck):
        rendered.append(flds.split("\x1f")[0])
        return original(self, notetype, ordinal, flds, tags, deck)

    monkeypatch.setattr(anki_collection._Reader, "_render", spy)
    previews = []
    for _ in range(2):
        flow = ImportFlow(window)

        def confirm(batch, flow=flow):
            previews.append(flow.preview(package, batch))
            return True

        with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
            flow.run(package, confirm=confirm)
    assert previews == ["german.apkg holds 2 cards and 0 media files."] * 2
    assert rendered == ["Hund", "Katze"]
    assert "Added 0, updated 0, unchanged 2" in window.messages[-1]
    assert len(done.args[0].unchanged) == 2


def test_export_writes_a_markdown_deck(qtbot, tmp_path, window):
    out = tmp_path / "out" / "docker.md"
    out.parent.mkdir()
    flow = ExportFlow(window)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.run(out, deck="Docker")
    assert done.args[0].cards == 3
    assert "哪个命令列出本地镜像" in out.read_text(encoding="utf-8")


def test_cancelled_export_leaves_no_file(qtbot, tmp_path, window, monkeypatch):
    import app.core.exporting

    release = threading.Event()
    real_export = app.core.exporting.export_collection

    def slow_export(*args, **kwargs):
        release.wait(10)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(app.core.exporting, "export_collection", slow_export)
    out = tmp_path / "docker.apkg"
    flow = ExportFlow(window)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.run(out)
        # While the worker reads the collection, nothing in the window can touch it.
        assert not window.pages.isEnabled()
        assert not window.menuBar().isEnabled()
        assert not window.action_undo.isEnabled() and not window.action_import.isEnabled()
        flow.task.cancel()
        release.set()
    assert done.args == [None]
    assert not out.exists()
    qtbot.waitUntil(lambda: window.pages.isEnabled() and window.action_import.isEnabled())
