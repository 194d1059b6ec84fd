"""A second start on the same collection brings the running window forward."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.gui import application
from app.gui.single_instance import RunningInstance, ask_running_window_to_show, server_name
from tests.gui.support import make_settings


def test_the_name_is_the_same_for_every_spelling_of_the_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    absolute = tmp_path / "collection.deckard"
    assert server_name(absolute) == server_name("collection.deckard")
    assert server_name(absolute) != server_name(tmp_path / "other.deckard")


def test_a_second_start_asks_the_running_window_to_show(qtbot, tmp_path):
    running = RunningInstance(tmp_path / "collection.deckard")
    assert running.listening
    with qtbot.waitSignal(running.show_requested, timeout=5000):
        assert ask_running_window_to_show(tmp_path / "collection.deckard")
    running.server.close()


def test_nobody_to_ask_when_no_window_holds_the_collection(qtbot, tmp_path):
    running = RunningInstance(tmp_path / "one.deckard")
    assert not ask_running_window_to_show(tmp_path / "another.deckard")
    running.server.close()


def record_messages(monkeypatch):
    shown = []
    monkeypatch.setattr(application, "inform", lambda _p, _t, text, **_: shown.append(text))
    return shown


HOLDER = """
import sys
from app.core.collection import Collection

collection = Collection.open(sys.argv[1], import_builtin=False)
print("open", flush=True)
sys.stdin.readline()
collection.close()
"""


@pytest.fixture
def held_by_another_process(tmp_path):
    """A collection that another process holds open (as `deckard review` would)."""
    path = tmp_path / "collection.deckard"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    yield path, holder
    holder.communicate("done\n")


def test_a_start_on_a_collection_held_by_a_command_says_who_holds_it(
    qtbot, tmp_path, held_by_another_process, monkeypatch
):
    path, holder = held_by_another_process
    shown = record_messages(monkeypatch)
    assert application.run_app(path, settings=make_settings(tmp_path)) == 1
    assert len(shown) == 1
    assert f"process {holder.pid}" in shown[0]
    assert "in use by" in shown[0]


def test_a_start_on_a_collection_open_in_a_window_brings_that_window_forward(
    qtbot, tmp_path, held_by_another_process, monkeypatch
):
    path, _holder = held_by_another_process
    # Stands in for the window of the process holding the collection.
    running = RunningInstance(path)
    shown = record_messages(monkeypatch)
    with qtbot.waitSignal(running.show_requested, timeout=5000):
        assert application.run_app(path, settings=make_settings(tmp_path)) == 0
    assert shown == []
    running.server.close()
