"""Shared test set-up: Qt runs offscreen, nothing touches the real user data folder; fixtures
several test folders use."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the collection and platform folders at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("DECKARD_COLLECTION", raising=False)


@pytest.fixture
def rendered(monkeypatch) -> list[str]:
    """The first field of every Anki card the package reader converts, in order."""
    from app.core.importing import anki_collection

    seen: list[str] = []
    original = anki_collection._Reader._render

    def spy(self, notetype, ordinal, flds, tags, deck):
        seen.append(flds.split("\x1f")[0])
        return original(self, notetype, ordinal, flds, tags, deck)

    monkeypatch.setattr(anki_collection._Reader, "_render", spy)
    return seen
